"""The merit-matching engine: every requirement kind, unknown values, and reachability.

The data is the minimal valid folder from ``factory`` with the requirements each test needs
added, so every expected answer can be read off the test itself.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from factory import DataFolder, add_route_graph

from pola_karir.career.matching import (
    Profile,
    State,
    Status,
    check,
    explore,
    explore_data,
    profile_from_data,
    reachable,
    summary_counts,
)
from pola_karir.model import Dataset
from pola_karir.text import diagnostics as words

KABID = "kepala-bidang-bina-marga"
KASI = "kepala-seksi-jalan"
PERTAMA = "teknik-jalan-ahli-pertama"
MUDA = "teknik-jalan-ahli-muda"


@pytest.fixture
def dataset(folder: DataFolder) -> Dataset:
    """The minimal data, with the head of division also asking for a field of study, three
    years as pengawas (or ahli muda), five years of service, and two good years."""
    requirements = folder.doc(f"jabatan/{KABID}.yml")["persyaratan"]
    requirements["pendidikan"]["bidang"] = ["Teknik Sipil"]
    requirements["pengalaman"] = [
        {"jenis": ["pengawas", "ahli-muda"], "tahun": 3},
        {"tahun": 5, "keterangan": "masa kerja di bidang teknik"},
    ]
    requirements["kinerja"] = {"predikat_minimal": "baik", "tahun": 2}
    result = folder.validate()
    assert result.ok, [words.message(d) for d in result.diagnostics]
    assert result.dataset is not None
    return result.dataset


def status_of(dataset: Dataset, profile: Profile, aspect: str, position: str = KABID) -> Status:
    findings = [
        f
        for f in check(dataset, profile, dataset.positions[position]).findings
        if f.aspect == aspect
    ]
    assert len(findings) == 1, findings
    return findings[0].status


@pytest.mark.parametrize(
    ("education", "expected"),
    [
        ("S1", Status.MET),
        ("D4", Status.MET),
        ("S2", Status.MET),
        ("D3", Status.UNMET),
        ("SMA", Status.UNMET),
        (None, Status.UNKNOWN),
    ],
)
def test_education_with_d4_ranking_as_s1(
    dataset: Dataset, education: str | None, expected: Status
) -> None:
    assert status_of(dataset, Profile(education=education), "pendidikan") is expected


def test_education_gap_is_phrased(dataset: Dataset) -> None:
    finding = check(dataset, Profile(education="D3"), dataset.positions[KABID]).findings[0]
    assert (finding.aspect, finding.have, finding.need) == ("pendidikan", "D-III", "S-1/D-IV")


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("Teknik Sipil", Status.MET),
        ("teknik sipil", Status.MET),
        ("Ekonomi", Status.UNMET),
        (None, Status.UNKNOWN),
    ],
)
def test_field_of_study(dataset: Dataset, field: str | None, expected: Status) -> None:
    profile = Profile(education="S1", education_field=field)
    assert status_of(dataset, profile, "bidang_pendidikan") is expected


@pytest.mark.parametrize(
    ("rank", "expected"),
    [
        ("III/d", Status.MET),
        ("IV/a", Status.MET),
        ("IV/e", Status.MET),
        ("III/c", Status.UNMET),
        ("II/d", Status.UNMET),
        (None, Status.UNKNOWN),
    ],
)
def test_golongan_order_crosses_golongan_boundaries(
    dataset: Dataset, rank: str | None, expected: Status
) -> None:
    assert status_of(dataset, Profile(rank=rank), "golongan") is expected


def _experience(dataset: Dataset, profile: Profile) -> list[tuple[Status, str]]:
    return [
        (f.status, f.have)
        for f in check(dataset, profile, dataset.positions[KABID]).findings
        if f.aspect == "pengalaman"
    ]


def test_experience_counts_the_current_position(dataset: Dataset) -> None:
    profile = Profile(position=KASI, years_in_position=3)
    assert _experience(dataset, profile)[0] == (Status.MET, "3 tahun")


def test_experience_short_of_the_mark_is_unknown_when_history_was_not_given(
    dataset: Dataset,
) -> None:
    profile = Profile(position=KASI, years_in_position=2)
    assert _experience(dataset, profile)[0] == (Status.UNKNOWN, "tidak diketahui")


def test_experience_short_of_the_mark_is_unmet_when_history_was_given(dataset: Dataset) -> None:
    profile = Profile(position=KASI, years_in_position=2.5, experience={"pelaksana": 6})
    assert _experience(dataset, profile)[0] == (Status.UNMET, "2,5 tahun")


def test_any_listed_level_satisfies_an_experience_item(dataset: Dataset) -> None:
    profile = Profile(experience={"ahli-muda": 4})
    assert _experience(dataset, profile)[0] == (Status.MET, "4 tahun")


@pytest.mark.parametrize(
    ("total", "expected"), [(5.0, Status.MET), (4.5, Status.UNMET), (None, Status.UNKNOWN)]
)
def test_cumulative_experience_uses_years_of_service(
    dataset: Dataset, total: float | None, expected: Status
) -> None:
    assert _experience(dataset, Profile(total_years=total))[1][0] is expected


@pytest.mark.parametrize(
    ("done", "training", "certificate"),
    [
        (frozenset({"pka", "sertifikat-ahli-jalan"}), Status.MET, Status.MET),
        (frozenset({"pkp"}), Status.UNMET, Status.UNMET),
        (None, Status.UNKNOWN, Status.UNKNOWN),
    ],
)
def test_trainings_and_certificates(
    dataset: Dataset, done: frozenset[str] | None, training: Status, certificate: Status
) -> None:
    profile = Profile(trainings=done)
    assert status_of(dataset, profile, "pelatihan") is training
    assert status_of(dataset, profile, "sertifikasi") is certificate


def test_missing_training_is_named(dataset: Dataset) -> None:
    finding = next(
        f
        for f in check(dataset, Profile(trainings=frozenset()), dataset.positions[KABID]).findings
        if f.aspect == "pelatihan"
    )
    assert (finding.have, finding.need) == ("belum", "Pelatihan Kepemimpinan Administrator (PKA)")


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        (("baik", "sangat-baik"), Status.MET),
        (("sangat-baik", "baik", "kurang"), Status.MET),  # only the last two years count
        (("baik",), Status.UNKNOWN),  # one year known, two needed
        (("cukup",), Status.UNMET),  # one known year already below the minimum
        (("baik", "butuh-perbaikan"), Status.UNMET),
        (None, Status.UNKNOWN),
    ],
)
def test_performance_over_recent_years(
    dataset: Dataset, ratings: tuple[str, ...] | None, expected: Status
) -> None:
    assert status_of(dataset, Profile(ratings=ratings), "kinerja") is expected


def test_competency_levels(dataset: Dataset) -> None:
    profile = Profile(competencies={"integritas": 3, "kerja-sama": 2})
    findings = {
        f.subject: f
        for f in check(dataset, profile, dataset.positions[KABID]).findings
        if f.aspect == "kompetensi"
    }
    assert findings["Integritas"].status is Status.MET
    assert (
        findings["Kerja Sama"].status,
        findings["Kerja Sama"].have,
        findings["Kerja Sama"].need,
    ) == (Status.UNMET, "level 2", "level 3")
    assert findings["Komunikasi"].status is Status.UNKNOWN
    assert len(findings) == 9
    assert all(
        f.status is Status.UNKNOWN
        for f in check(dataset, Profile(), dataset.positions[KABID]).findings
    )


def test_a_complete_profile_is_eligible(dataset: Dataset) -> None:
    profile = Profile(
        position=KASI,
        years_in_position=3,
        education="S1",
        education_field="Teknik Sipil",
        rank="III/d",
        total_years=9,
        trainings=frozenset({"pka", "sertifikat-ahli-jalan"}),
        ratings=("baik", "baik"),
        competencies=dict.fromkeys(
            [*(c for c in dataset.competencies if dataset.competencies[c].group != "teknis")], 3
        ),
    )
    result = check(dataset, profile, dataset.positions[KABID])
    assert result.eligible and not result.unknown
    assert not check(dataset, replace(profile, rank="III/c"), dataset.positions[KABID]).eligible


def test_reachability_counts_time_already_served(dataset: Dataset) -> None:
    profile = Profile(position=PERTAMA, years_in_position=0.5)
    found = {r.position: (r.moves, r.years, r.route) for r in reachable(dataset, profile, 3)}
    assert found == {
        MUDA: (1, 1.5, (PERTAMA, MUDA)),
        KABID: (2, 1.5, (PERTAMA, MUDA, KABID)),
    }


def test_reachability_is_limited_by_the_number_of_moves(dataset: Dataset) -> None:
    profile = Profile(position=PERTAMA, years_in_position=3)
    assert [(r.position, r.years) for r in reachable(dataset, profile, 1)] == [(MUDA, 0.0)]


def test_nothing_is_reachable_without_a_current_position(dataset: Dataset) -> None:
    assert reachable(dataset, Profile(), 3) == []
    assert reachable(dataset, Profile(position="tidak-ada"), 3) == []


def test_explore_lists_fewest_gaps_first(dataset: Dataset) -> None:
    profile = Profile(
        position=PERTAMA, years_in_position=3, education="S1", rank="III/c", trainings=frozenset()
    )
    order = [result.reach.position for result in explore(dataset, profile, 3)]
    # Ahli Muda asks nothing this profile lacks; the head of division still needs III/d, PKA...
    assert order == [MUDA, KABID]


def test_plain_profile_round_trip(dataset: Dataset) -> None:
    profile = profile_from_data(
        {
            "jabatan": PERTAMA,
            "pendidikan": "D4",
            "golongan": "III/c",
            "masa_jabatan": 2,
            "pengalaman": {"pelaksana": 3},
            "pelatihan": ["pka"],
            "kinerja": ["baik"],
            "kompetensi": {"integritas": 3},
        }
    )
    assert profile == Profile(
        position=PERTAMA,
        education="D4",
        rank="III/c",
        years_in_position=2.0,
        experience={"pelaksana": 3.0},
        trainings=frozenset({"pka"}),
        ratings=("baik",),
        competencies={"integritas": 3},
    )
    data = explore_data(dataset, profile, 2)
    assert [item["jabatan"] for item in data] == [MUDA, KABID]
    # Nothing this profile tells falls short for Ahli Muda, but its ratings and competencies
    # are not told: not assessed, never "memenuhi".
    assert data[0]["tahun"] == 0.0 and data[0]["memenuhi"] is False
    assert data[0]["status"] == "belum-dinilai" and data[0]["celah"] == 0
    assert data[0]["isi"] == ["kompetensi"]


def test_a_position_alone_never_makes_anything_eligible(dataset: Dataset) -> None:
    """Requirements the profile leaves unknown are not met: with only a position, every result
    is "belum dinilai" and says what to fill in."""
    results = explore(dataset, Profile(position=PERTAMA), 3)
    assert results and {r.state for r in results} == {State.UNKNOWN}
    assert all(not r.destination.eligible and r.to_fill for r in results)
    assert summary_counts(results) == {
        "dapat_dicapai": len(results),
        "memenuhi": 0,
        "belum_memenuhi": 0,
        "belum_dinilai": len(results),
    }


def test_a_gap_on_the_way_counts_for_the_destination(dataset: Dataset) -> None:
    """The head of division is reached through Ahli Muda: a gap there blocks the route even when
    the destination does not ask for it, and the result shows each step's own findings."""
    profile = Profile(position=PERTAMA, years_in_position=3, rank="II/d")
    by_id = {r.reach.position: r for r in explore(dataset, profile, 3)}
    kabid = by_id[KABID]
    assert [step.position for step in kabid.steps] == [MUDA, KABID]
    assert kabid.steps[0].unmet and kabid.state is State.UNMET
    assert kabid.gaps == len(kabid.steps[0].unmet) + len(kabid.steps[1].unmet)
    data = {d["jabatan"]: d for d in explore_data(dataset, profile, 3)}[KABID]
    assert [step["jabatan"] for step in data["langkah_rute"]] == [MUDA, KABID]
    assert data["temuan"] == data["langkah_rute"][-1]["temuan"]


def test_a_slower_route_with_moves_to_spare_still_leads_further(folder: DataFolder) -> None:
    """A→Y→Z→B is fastest to B but uses all 3 moves; A→X→B is slower, yet only from it can
    B→D still be taken within 3 moves."""
    add_route_graph(folder)
    dataset = folder.validate().dataset
    assert dataset is not None
    found = {
        r.position: (r.moves, r.years, r.route)
        for r in reachable(dataset, Profile(position="a"), 3)
    }
    assert found["b"] == (3, 1.0, ("a", "y", "z", "b"))
    assert found["d"] == (3, 4.0, ("a", "x", "b", "d"))
    # Both take 3 moves; d is still listed after b, the step on its route.
    order = [r.reach.position for r in explore(dataset, Profile(position="a"), 3)]
    assert order.index("b") < order.index("d")


@pytest.mark.parametrize(
    ("rank", "expected"),
    [
        ("III/a", Status.MET),
        ("III/b", Status.MET),
        ("II/d", Status.UNMET),
        ("III/c", Status.UNMET),
        ("IV/c", Status.UNMET),
    ],
)
def test_golongan_must_lie_within_a_functional_grades_range(
    dataset: Dataset, rank: str, expected: Status
) -> None:
    finding = next(
        f
        for f in check(dataset, Profile(rank=rank), dataset.positions[PERTAMA]).findings
        if f.aspect == "golongan"
    )
    assert (finding.status, finding.have, finding.need) == (expected, rank, "III/a–III/b")
