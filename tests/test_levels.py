"""Levels of positions: unit types of every kind of agency, eselon, and the level of a move's
ends inside one position type (the golden files in tests/rules/ show each rule's findings)."""

from __future__ import annotations

import json
from pathlib import Path

from factory import DataFolder

from pola_karir import reference as ref
from pola_karir.model import Position
from pola_karir.rules.paths import expected_kind, within_type

SCHEMAS = Path(__file__).parent.parent / "schemas"

# The unit types the issue asked for, per kind of agency.
KABUPATEN_KOTA = (
    "sekretariat-daerah",
    "sekretariat-dprd",
    "dinas",
    "badan",
    "inspektorat",
    "kecamatan",
    "kelurahan",
    "puskesmas",
    "uptd",
    "rsud",
    "satuan-pendidikan",
)
PROVINSI = ("biro", "cabang-dinas", "uptd", "rumah-sakit", "satuan-pendidikan")
KEMENTERIAN_LEMBAGA = (
    "sekretariat-jenderal",
    "direktorat-jenderal",
    "direktorat",
    "pusat",
    "biro",
    "balai",
    "kantor-wilayah",
    "upt",
)


def test_every_kind_of_agency_has_its_unit_types() -> None:
    schema = json.loads((SCHEMAS / "unit.schema.json").read_text(encoding="utf-8"))
    allowed = set(schema["$defs"]["jenisUnit"]["enum"])
    assert set(KABUPATEN_KOTA + PROVINSI + KEMENTERIAN_LEMBAGA) <= allowed


def test_a_tree_of_new_unit_types_is_valid(folder: DataFolder) -> None:
    kinds = sorted(set(KABUPATEN_KOTA + PROVINSI + KEMENTERIAN_LEMBAGA))
    unit = folder.doc("unit/dinas-pupr.yml")
    unit["sub"] += [{"id": f"unit-{kind}", "nama": kind.title(), "jenis": kind} for kind in kinds]
    assert folder.diagnostics() == []


def test_eselon_order_and_types() -> None:
    assert ref.ESELON[0] == "IV.b" and ref.ESELON[-1] == "I.a"
    schema = json.loads((SCHEMAS / "jabatan.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["eselon"]["enum"] == list(reversed(ref.ESELON))
    for kind, eselons in ref.ESELON_BY_TYPE.items():
        assert kind in ref.POSITION_TYPES and set(eselons) <= set(ref.ESELON)


def _position(kind: str, job_class: int, eselon: str | None = None) -> Position:
    return Position(kind, kind, kind, "u", job_class, "x", eselon=eselon)


def test_inside_one_type_the_eselon_then_the_class_decides() -> None:
    kabid, sekretaris = _position("administrator", 11), _position("administrator", 12)
    assert within_type(kabid, sekretaris) == ("up", "kelas")
    assert within_type(sekretaris, kabid) == ("down", "kelas")
    assert within_type(kabid, kabid) == ("equal", "kelas")
    assert expected_kind(kabid, sekretaris) == ("vertikal", False)
    # Both with an eselon, and they differ: the eselon ranks them, whatever the kelas says.
    low, high = _position("administrator", 12, "III.b"), _position("administrator", 11, "III.a")
    assert within_type(low, high) == ("up", "eselon")
    # Only one with an eselon: the kelas decides.
    assert within_type(_position("administrator", 12, "III.a"), kabid) == ("down", "kelas")


def test_between_types_the_type_decides_whatever_the_class() -> None:
    pengawas, administrator = _position("pengawas", 9), _position("administrator", 8)
    assert expected_kind(pengawas, administrator) == ("vertikal", False)
    assert expected_kind(administrator, pengawas) == ("turun", False)
