"""Names that tell positions apart (``text.names``): a position whose name another shares is
shown with the most specific unit that separates it, else with its id; the open data carries
the same name."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from factory import DataFolder
from hypothesis import given, settings
from hypothesis import strategies as st

from pola_karir.export import csv_tables, open_data
from pola_karir.model import Agency, AgencyRegulation, Dataset, Placement, Position, Unit
from pola_karir.text.names import name_key, position_name, position_names


def _position(name: str, unit: str | None = None, **extra: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "nama": name,
        "jenis": "pelaksana",
        "kelas_jabatan": 5,
        "ikhtisar": "Uji.",
    }
    if unit is not None:
        document["unit"] = unit
    return {**document, **extra}


def _secretariat() -> dict[str, Any]:
    return {
        "id": "sekretariat",
        "nama": "Sekretariat",
        "jenis": "sekretariat",
        "sub": [{"id": "subbagian-keuangan", "nama": "Subbagian Keuangan", "jenis": "subbagian"}],
    }


BOTH_BIDANG = [{"unit": "dinas-pupr/bidang-bina-marga"}, {"unit": "dinas-pupr/bidang-cipta-karya"}]

POSITIONS = {
    # same name in sibling units
    "pengolah-data-bina-marga": _position("Pengolah Data", "dinas-pupr/bidang-bina-marga"),
    "pengolah-data-cipta-karya": _position("Pengolah Data", "dinas-pupr/bidang-cipta-karya"),
    # same name in two perangkat daerah, in units of the same name: the first unit that
    # differs is the perangkat daerah, shown by its singkatan
    "bendahara-pupr": _position("Bendahara", "dinas-pupr/sekretariat/subbagian-keuangan"),
    "bendahara-bkpsdm": _position("bendahara", "bkpsdm/sekretariat/subbagian-keuangan"),
    # same name in the same unit: only the id tells them apart
    "pengadministrasi-1": _position("Pengadministrasi Umum", "dinas-pupr/bidang-bina-marga"),
    "pengadministrasi-2": _position("Pengadministrasi  Umum", "dinas-pupr/bidang-bina-marga"),
    # placed in two bidang: qualified by the unit that holds both placements
    "operator-pupr": _position("Operator", penempatan=BOTH_BIDANG),
    "operator-bkpsdm": _position("Operator", "bkpsdm"),
    # one of them is placed where the other is: no unit tells them apart
    "pengemudi-pupr": _position("Pengemudi", penempatan=BOTH_BIDANG),
    "pengemudi-cipta-karya": _position("Pengemudi", "dinas-pupr/bidang-cipta-karya"),
    # "Analis (BKPSDM)" is some position's own name: the qualified one may not read the same
    "analis-bkpsdm": _position("Analis", "bkpsdm"),
    "analis-pupr": _position("Analis", "dinas-pupr"),
    "analis-bernama-unit": _position("Analis (BKPSDM)", "dinas-pupr/bidang-cipta-karya"),
}

EXPECTED = {
    "pengolah-data-bina-marga": "Pengolah Data (Bidang Bina Marga)",
    "pengolah-data-cipta-karya": "Pengolah Data (Bidang Cipta Karya)",
    "bendahara-pupr": "Bendahara (Dinas PUPR)",
    "bendahara-bkpsdm": "bendahara (BKPSDM)",
    "pengadministrasi-1": "Pengadministrasi Umum (pengadministrasi-1)",
    "pengadministrasi-2": "Pengadministrasi  Umum (pengadministrasi-2)",
    "operator-pupr": "Operator (Dinas PUPR)",
    "operator-bkpsdm": "Operator (BKPSDM)",
    "pengemudi-pupr": "Pengemudi (pengemudi-pupr)",
    "pengemudi-cipta-karya": "Pengemudi (pengemudi-cipta-karya)",
    "analis-bkpsdm": "Analis (analis-bkpsdm)",
    "analis-pupr": "Analis (Dinas PUPR)",
    "analis-bernama-unit": "Analis (BKPSDM) (analis-bernama-unit)",
    # a name no other position has stays as it is
    "kepala-seksi-jalan": "Kepala Seksi Jalan",
}


@pytest.fixture
def dataset(folder: DataFolder) -> Dataset:
    pupr = folder.doc("unit/dinas-pupr.yml")
    pupr["sub"] += [
        {"id": "bidang-cipta-karya", "nama": "Bidang Cipta Karya", "jenis": "bidang"},
        _secretariat(),
    ]
    folder.put(
        "unit/bkpsdm.yml",
        {
            "nama": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            "singkatan": "BKPSDM",
            "jenis": "badan",
            "sub": [_secretariat()],
        },
    )
    for position_id, document in POSITIONS.items():
        folder.put(f"jabatan/{position_id}.yml", document)
    result = folder.validate()
    assert result.dataset is not None, [(d.code, d.location.file) for d in result.diagnostics]
    return result.dataset


def test_each_position_gets_the_shortest_name_that_tells_it_apart(dataset: Dataset) -> None:
    names = position_names(dataset)
    assert {pid: names[pid] for pid in EXPECTED} == EXPECTED


def test_no_two_positions_are_shown_with_one_name(dataset: Dataset) -> None:
    names = position_names(dataset)
    assert set(names) == set(dataset.positions)
    assert len({name_key(name) for name in names.values()}) == len(names)


def test_names_are_computed_once_per_dataset_and_language(dataset: Dataset) -> None:
    assert position_names(dataset) is position_names(dataset)
    assert position_names(dataset, "en") is not position_names(dataset)
    assert position_name(dataset, "tidak-ada") == "tidak-ada"


def test_open_data_carries_the_name_to_show(dataset: Dataset) -> None:
    exported = {p["id"]: p for p in open_data(dataset)["jabatan"]}
    assert exported["bendahara-bkpsdm"]["nama"] == "bendahara"
    assert exported["bendahara-bkpsdm"]["nama_tampilan"] == "bendahara (BKPSDM)"
    rows = csv.DictReader(io.StringIO(csv_tables(dataset)["jabatan.csv"]))
    shown = {row["id"]: row["nama_tampilan"] for row in rows}
    assert shown["pengolah-data-cipta-karya"] == "Pengolah Data (Bidang Cipta Karya)"
    assert shown["kepala-seksi-jalan"] == "Kepala Seksi Jalan"


def test_a_taken_short_name_gives_way_to_the_full_name(folder: DataFolder) -> None:
    """Two perangkat daerah with one singkatan (a copy of a unit file, say) are told apart by
    their full names."""
    for top, name in (("bkpsdm", "Badan Kepegawaian"), ("bkd", "Badan Kepegawaian Daerah")):
        folder.put(f"unit/{top}.yml", {"nama": name, "singkatan": "BKD", "jenis": "badan"})
        folder.put(f"jabatan/analis-{top}.yml", _position("Analis", top))
    dataset = folder.validate().dataset
    assert dataset is not None
    assert position_name(dataset, "analis-bkpsdm") == "Analis (Badan Kepegawaian)"
    assert position_name(dataset, "analis-bkd") == "Analis (Badan Kepegawaian Daerah)"


_UNITS = ["a", "a/x", "a/y", "a/x/p", "b", "b/x", "b/y/q"]
_UNIT_NAMES = {"a": "A", "a/x": "X", "a/y": "Y", "a/x/p": "P", "b": "B", "b/x": "X", "b/y/q": "P"}


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Analis", "analis", "Analis (A)", "Analis (X)", "Staf"]),
            st.lists(st.sampled_from(_UNITS), min_size=1, max_size=3, unique=True),
        ),
        min_size=1,
        max_size=12,
    )
)
@settings(max_examples=200, deadline=None)
def test_any_positions_get_distinct_names(
    positions: list[tuple[str, list[str]]],
) -> None:
    """Whatever the names and placements, no two positions are shown with one name."""
    units = {
        uid: Unit(uid, name, short_name="S" if uid in ("a", "b") else "")
        for uid, name in _UNIT_NAMES.items()
    }
    made = {
        f"p{i}": Position(
            f"p{i}", name, "pelaksana", tuple(Placement(u) for u in placed), 5, "Uji."
        )
        for i, (name, placed) in enumerate(positions)
    }
    agency = Agency("Uji", "Uji", AgencyRegulation("Perbup", "1", 2024, "Pola Karier"))
    dataset = Dataset(agency, units, made, {}, {}, {}, {}, {})
    names = position_names(dataset)
    assert len({name_key(name) for name in names.values()}) == len(made)
    for pid, position in made.items():
        assert names[pid].startswith(position.name)
