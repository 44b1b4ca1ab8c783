"""Experience by job family, jenjang, kelas and unit, and fields of study compared as HR writes
them (normalised, and through the agency's rumpun): the matching engine's side.

The data is the minimal folder of ``factory`` with a rumpun file and the head of division asking
for the conditions each test needs, so every expected answer can be read off the test.
"""

from __future__ import annotations

import csv
import io

import pytest
from factory import DataFolder

from pola_karir.career.matching import Profile, Status, check, conditional_experience
from pola_karir.export import csv_tables, open_data
from pola_karir.model import Dataset, ExperienceRequirement, field_key
from pola_karir.text import diagnostics as words
from pola_karir.text import phrases

KABID = "kepala-bidang-bina-marga"
KASI = "kepala-seksi-jalan"
PERTAMA = "teknik-jalan-ahli-pertama"
MUDA = "teknik-jalan-ahli-muda"


@pytest.fixture
def dataset(folder: DataFolder) -> Dataset:
    """The head of division asks for: 4 years in teknik-jalan (any jenjang); 2 years in it from
    ahli-muda up; 3 years at kelas 9 or above within dinas-pupr/bidang-bina-marga; and a
    field of study in the rumpun Teknik (or Teknik Sipil itself)."""
    folder.put(
        "rumpun-pendidikan.yml",
        {"rumpun": {"teknik": {"nama": "Teknik", "bidang": ["Teknik Jalan", "Teknik-Geodesi"]}}},
    )
    requirements = folder.doc(f"jabatan/{KABID}.yml")["persyaratan"]
    requirements["pendidikan"]["bidang"] = ["teknik", "Teknik Sipil"]
    requirements["pengalaman"] = [
        {"tahun": 4, "jabatan_fungsional": "teknik-jalan"},
        {"tahun": 2, "jabatan_fungsional": "teknik-jalan", "jenjang_minimal": "ahli-muda"},
        {"tahun": 3, "kelas_minimal": 9, "unit": "dinas-pupr/bidang-bina-marga"},
    ]
    result = folder.validate()
    assert result.ok, [words.message(d) for d in result.diagnostics]
    assert result.dataset is not None
    return result.dataset


def _experience(dataset: Dataset, profile: Profile) -> list[tuple[Status, str]]:
    return [
        (f.status, f.have)
        for f in check(dataset, profile, dataset.positions[KABID]).findings
        if f.aspect == "pengalaman"
    ]


M, U, X = Status.MET, Status.UNMET, Status.UNKNOWN


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Teknik  Sipil", "teknik sipil"),
        ("teknik sipil", "teknik sipil"),
        ("Teknik-Sipil", "teknik sipil"),
        (" TEKNIK_SIPIL. ", "teknik sipil"),
        ("Pendidikan (Matematika)", "pendidikan matematika"),
        ("Ｔｅｋｎｉｋ Sipil", "teknik sipil"),  # full-width letters, NFKC
        ("Straße", "strasse"),
        ("D-III/Keperawatan", "d iii keperawatan"),
    ],
)
def test_field_key_ignores_case_spaces_and_punctuation(text: str, key: str) -> None:
    assert field_key(text) == key


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("Teknik Sipil", M),
        ("TEKNIK-SIPIL", M),
        ("Teknik Jalan", M),  # a member of the rumpun named in the requirement
        ("teknik geodesi", M),  # member written "Teknik-Geodesi"
        ("Teknik", M),  # the rumpun's own name
        ("Ekonomi", U),
        (None, X),
    ],
)
def test_field_of_study_through_a_rumpun(
    dataset: Dataset, field: str | None, expected: Status
) -> None:
    profile = Profile(education="S1", education_field=field)
    found = check(dataset, profile, dataset.positions[KABID]).findings
    assert [f.status for f in found if f.aspect == "bidang_pendidikan"] == [expected]


def test_experience_phrases_name_family_grade_kelas_and_unit(dataset: Dataset) -> None:
    items = dataset.positions[KABID].requirements.experience
    assert [phrases.experience(i, dataset) for i in items] == [
        "paling singkat 4 tahun dalam jabatan fungsional Teknik Jalan dan Jembatan",
        "paling singkat 2 tahun dalam jabatan fungsional Teknik Jalan dan Jembatan jenjang "
        "Ahli Muda ke atas",
        "paling singkat 3 tahun pada jabatan kelas 9 ke atas di lingkungan Bidang Bina Marga",
    ]
    assert phrases.experience(items[2], dataset, "en") == (
        "at least 3 yr in positions of class 9 or above within Bidang Bina Marga"
    )


def test_nothing_known_is_not_assessed(dataset: Dataset) -> None:
    assert _experience(dataset, Profile()) == [(X, "tidak diketahui")] * 3


def test_years_in_a_family_add_up_across_its_jenjang(dataset: Dataset) -> None:
    profile = Profile(position=MUDA, years_in_position=2, experience={PERTAMA: 2.5})
    # Kelas 9 or above: only the 2 years as ahli muda (ahli pertama is kelas 8).
    assert _experience(dataset, profile) == [(M, "4,5 tahun"), (M, "2 tahun"), (U, "2 tahun")]


def test_a_lower_jenjang_does_not_count_from_a_minimum_jenjang(dataset: Dataset) -> None:
    profile = Profile(position=PERTAMA, years_in_position=5, experience={})
    # 5 years as ahli pertama: the family (any jenjang) is met, from ahli muda up it is not,
    # and kelas 8 is below kelas 9.
    assert _experience(dataset, profile) == [(M, "5 tahun"), (U, "0 tahun"), (U, "0 tahun")]


def test_the_current_position_alone_short_of_the_mark_is_not_assessed(dataset: Dataset) -> None:
    profile = Profile(position=MUDA, years_in_position=1)
    assert [s for s, _ in _experience(dataset, profile)] == [X, X, X]


def test_a_family_key_counts_for_any_jenjang_but_cannot_tell_a_minimum(dataset: Dataset) -> None:
    profile = Profile(experience={"teknik-jalan": 6})
    assert [s for s, _ in _experience(dataset, profile)] == [M, X, X]


def test_a_grade_key_tells_the_minimum_but_not_the_family(dataset: Dataset) -> None:
    low = Profile(experience={"ahli-pertama": 9})
    assert [s for s, _ in _experience(dataset, low)] == [X, U, X]
    high = Profile(experience={"ahli-muda": 9})
    assert [s for s, _ in _experience(dataset, high)] == [X, X, X]


def test_structural_history_never_counts_for_a_family(dataset: Dataset) -> None:
    profile = Profile(experience={"pengawas": 9, "pelaksana": 3})
    assert [s for s, _ in _experience(dataset, profile)] == [U, U, X]


def test_kelas_and_unit_are_judged_from_position_ids(dataset: Dataset) -> None:
    # Kepala seksi jalan: kelas 9 in bidang-bina-marga/seksi-jalan, below the required unit.
    profile = Profile(position=KASI, years_in_position=3, experience={})
    assert _experience(dataset, profile)[2] == (M, "3 tahun")
    elsewhere = Profile(experience={KABID: 1, KASI: 1, PERTAMA: 7})
    assert _experience(dataset, elsewhere)[2] == (U, "2 tahun")


def test_open_data_carries_conditions_and_rumpun(dataset: Dataset) -> None:
    """The browser engine judges experience and fields from the open data alone."""
    data = open_data(dataset)
    kabid = next(p for p in data["jabatan"] if p["id"] == KABID)
    items = kabid["persyaratan"]["pengalaman"]
    keys = ("jabatan_fungsional", "jenjang_minimal", "kelas_minimal", "unit")
    assert [tuple(i[k] for k in keys) for i in items] == [
        ("teknik-jalan", None, None, None),
        ("teknik-jalan", "ahli-muda", None, None),
        (None, None, 9, "dinas-pupr/bidang-bina-marga"),
    ]
    assert data["rumpun_pendidikan"] == [
        {
            "id": "teknik",
            "nama": "Teknik",
            "bidang": ["Teknik Jalan", "Teknik-Geodesi"],
            "keterangan": "",
            "dasar_hukum": [],
        }
    ]
    assert data["rujukan"]["jenjang"]["penyelia"] < data["rujukan"]["jenjang"]["ahli-pertama"]
    rows = list(csv.reader(io.StringIO(csv_tables(dataset)["rumpun-pendidikan.csv"])))
    assert rows == [
        ["rumpun", "nama", "bidang"],
        ["teknik", "Teknik", "Teknik Jalan"],
        ["teknik", "Teknik", "Teknik-Geodesi"],
    ]


PUPR = "dinas-pupr"


@pytest.mark.parametrize(
    ("levels", "family", "unit", "history", "expected"),
    [
        # A family key is a functional position of an unknown grade.
        (("fungsional",), "teknik-jalan", None, {"teknik-jalan": 3}, M),
        (("ahli-muda",), "teknik-jalan", None, {"teknik-jalan": 3}, X),
        (("pengawas",), "teknik-jalan", None, {"teknik-jalan": 3}, U),
        # A grade key is a functional position; a structural type never is.
        (("fungsional",), "teknik-jalan", None, {"ahli-pertama": 3}, X),  # family untold
        (("pengawas",), None, PUPR, {"ahli-pertama": 3}, U),
        (("pengawas",), None, PUPR, {"pengawas": 3}, X),  # listed, but in which unit?
        (("pengawas",), None, PUPR, {"pelaksana": 3}, U),
        # A key the data does not know cannot be told either way.
        (("pengawas",), None, PUPR, {"jabatan-di-instansi-lain": 3}, X),
    ],
)
def test_what_a_key_tells_about_listed_types_and_grades(
    dataset: Dataset,
    levels: tuple[str, ...],
    family: str | None,
    unit: str | None,
    history: dict[str, float],
    expected: Status,
) -> None:
    """jenis/jabatan are one more condition of an item with a family, kelas or unit; keys that
    are not position ids settle each condition only as far as they can."""
    item = ExperienceRequirement(years=2, levels=levels, family=family, unit=unit)
    ok, _ = conditional_experience(dataset, Profile(experience=history), item)
    assert {True: M, False: U, None: X}[ok] is expected
