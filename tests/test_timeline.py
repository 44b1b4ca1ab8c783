"""The earliest-time estimate (``career.timeline``): every wait counted, every assumption named,
no figure without a rule behind it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import DataFolder, dump
from timeline_cases import AHLI_MUDA, AHLI_PERTAMA, CASES, KABID, KADIS, KASI, Case

from pola_karir.career.matching import explore, profile_from_data
from pola_karir.career.timeline import (
    Leg,
    TimelineInput,
    estimate,
    timeline_for,
)
from pola_karir.cli import main
from pola_karir.rules.validate import validate_project
from pola_karir.text import waktu as words


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_cases(case: Case) -> None:
    timeline = estimate(case.given)
    assert [step.years for step in timeline.steps] == pytest.approx(list(case.years))
    final = timeline.destination
    assert final.binding == case.binding
    assert final.estimate is case.estimate
    assert final.unknown == case.unknown


def test_kasi_is_never_three_years_from_kepala_dinas() -> None:
    """The move years alone (2 + 1) said 3; golongan III/b to IV/b takes four promotions."""
    given = TimelineInput(KASI, (Leg(KABID, 2), Leg(KADIS, 1)), "III/b", None, 0, None)
    final = estimate(given).destination
    assert final.years is not None and final.years > 3
    assert final.years == 12.0
    assert final.estimate
    assert "kp_reguler" in final.assumptions
    assert "masa_golongan_dianggap_cukup" in final.assumptions
    assert "predikat_baik" in final.assumptions


def test_ahli_muda_with_unmet_golongan_is_never_now() -> None:
    """Ahli Pertama III/b with 3 years served: the move allows it now, the golongan (III/c)
    and the credit points do not."""
    given = TimelineInput(AHLI_PERTAMA, (Leg(AHLI_MUDA, 2),), "III/b", 4, 3, None)
    final = estimate(given).destination
    assert final.years == 5.0
    assert final.binding == ("angka_kredit",)
    assert {"predikat_baik", "angka_kredit", "angka_kredit_masa_jabatan"} <= set(final.assumptions)


def test_predikat_changes_the_jf_estimate() -> None:
    def years(rating: str | None) -> float | None:
        given = TimelineInput(AHLI_PERTAMA, (Leg(AHLI_MUDA, 0),), "III/a", 0, 0, rating)
        return estimate(given).destination.years

    assert years(None) == years("baik") == 8.0
    assert years("sangat-baik") == pytest.approx(100 / 18.75)
    assert years("cukup") == pytest.approx(100 / 9.375)
    timeline = estimate(TimelineInput(AHLI_PERTAMA, (Leg(AHLI_MUDA, 0),), "III/a", 0, 0, "cukup"))
    assert timeline.rating == "cukup" and not timeline.rating_assumed
    assert "predikat_tetap" in timeline.destination.assumptions


def test_move_years_alone_are_no_estimate() -> None:
    final = estimate(TimelineInput(KASI, (Leg(KABID, 5),), "IV/a", 1, 1, None)).destination
    assert (final.years, final.assumptions, final.estimate) == (4.0, (), False)


def test_an_unknown_step_leaves_every_later_step_unknown() -> None:
    given = TimelineInput(KABID, (Leg(AHLI_PERTAMA, 0), Leg(KADIS, 0)), None, None, 0, None)
    assert [s.unknown for s in estimate(given).steps] == [("golongan",), ("golongan",)]


def test_words_put_every_assumption_beside_the_figure() -> None:
    given = TimelineInput(AHLI_PERTAMA, (Leg(AHLI_MUDA, 2),), "III/b", 4, 3, None)
    timeline = estimate(given)
    final = timeline.destination
    said = words.when(
        final.years, final.estimate, final.binding, final.assumptions, final.unknown, "baik"
    )
    assert said.startswith("paling cepat ± 5 tahun lagi (ditentukan oleh angka kredit")
    assert "perkiraan: predikat kinerja Baik setiap tahun (predikat belum diisi)" in said
    unknown = words.when(None, False, (), (), ("angka_kredit",), "baik", "en")
    assert unknown == (
        "the time cannot be estimated (the credit points for this grade step are not known)"
    )


def test_the_example_data_kasi_and_kepala_dinas() -> None:
    """On the example data: every route from a III/b Kasi to a IV/b Kepala Dinas takes longer
    than its moves' minimum years, and says what it assumes."""
    dataset = validate_project(Path(__file__).parents[1] / "data").dataset
    assert dataset is not None
    profile = profile_from_data(
        {"jabatan": "kepala-seksi-pembangunan-jalan-dan-jembatan", "golongan": "III/b"}
    )
    results = {r.reach.position: r for r in explore(dataset, profile)}
    result = results["kepala-dinas-pupr"]
    final = timeline_for(result, dataset, profile).destination
    assert final.years is not None and final.years > result.reach.years
    assert final.estimate and final.assumptions


PROFILE = {
    "jabatan": "teknik-jalan-ahli-pertama",
    "pendidikan": "S1",
    "golongan": "III/c",
    "masa_golongan": 1,
    "masa_jabatan": 3,
    "pelatihan": ["pkp"],
}


def test_cocokkan_text_shows_the_time_and_its_assumptions(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ahli Pertama to Ahli Muda used to read "sekarang" (move years 2, 3 served): the credit
    points take 8 years at predikat Baik."""
    profile = tmp_path / "profil.yml"
    profile.write_text(dump(PROFILE), encoding="utf-8")
    assert main(["cocokkan", str(profile), "--data", str(folder.write())]) == 0
    out = capsys.readouterr().out
    assert "langkah, sekarang:" not in out
    assert (
        "1 langkah, paling cepat ± 5 tahun lagi (ditentukan oleh angka kredit kenaikan jenjang;"
        " perkiraan: predikat kinerja Baik setiap tahun (predikat belum diisi), angka kredit"
        " per tahun menurut jenjang dan predikat (angkanya belum dipastikan dari naskah"
        " peraturan), angka kredit yang sudah terkumpul dihitung dari masa jabatan sekarang):"
        " Teknik Jalan dan Jembatan Ahli Muda"
    ) in out


def test_cocokkan_json_carries_the_time_beside_the_old_years(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "profil.yml"
    profile.write_text(dump({**PROFILE, "kinerja": ["sangat-baik"]}), encoding="utf-8")
    code = main(["cocokkan", str(profile), "--data", str(folder.write()), "--format", "json"])
    assert code == 0
    results = {r["jabatan"]: r for r in json.loads(capsys.readouterr().out)["hasil"]}
    muda = results["teknik-jalan-ahli-muda"]
    assert muda["tahun"] == 0  # the move years alone, unchanged for the browser engine
    waktu = muda["waktu"]
    assert waktu["tahun"] == pytest.approx(100 / 18.75 - 3)
    assert waktu["perkiraan"] is True
    assert waktu["dasar"] == ["angka_kredit"]
    assert waktu["asumsi"] == ["predikat_tetap", "angka_kredit", "angka_kredit_masa_jabatan"]
    assert waktu["predikat"] == "sangat-baik" and waktu["predikat_dianggap"] is False
    assert waktu["tidak_dapat_diperkirakan"] == []
    assert [step["jabatan"] for step in waktu["langkah_rute"]] == ["teknik-jalan-ahli-muda"]


def test_masa_golongan_is_a_profile_key(folder: DataFolder, tmp_path: Path) -> None:
    """A negative masa_golongan is refused like any other number of years."""
    profile = tmp_path / "profil.yml"
    profile.write_text(dump({**PROFILE, "masa_golongan": -1}), encoding="utf-8")
    assert main(["cocokkan", str(profile), "--data", str(folder.write())]) == 1
    assert profile_from_data({"masa_golongan": 2.5}).years_in_rank == 2.5
