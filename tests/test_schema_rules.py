"""PK1xx: the pieces of schema checking that golden files cannot show.

The schema problems themselves (unknown and missing keys, wrong types, invalid values, bad
formats, out-of-range numbers, duplicates), each at the line and column of the offending key or
value with its message and hint in both languages, are golden files in tests/rules/PK1xx-*.yml,
run by tests/test_rules_golden.py. What stays here is below the level of a data folder: how a
place in a document is named, and that every kind of file has its schema.
"""

from __future__ import annotations

import pytest

from pola_karir.load.schema import KINDS, field_name, load_schemas


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ((), ""),
        (("nama",), "nama"),
        (("langkah", 0, "dari"), "langkah[1].dari"),
        (("persyaratan", "pelatihan", 2), "persyaratan.pelatihan[3]"),
    ],
)
def test_field_name_counts_list_items_from_one(path: tuple[str | int, ...], shown: str) -> None:
    assert field_name(path) == shown


def test_every_kind_has_a_schema_and_both_validators() -> None:
    schemas = load_schemas()
    data_kinds = {
        "instansi",
        "unit",
        "jabatan",
        "jabatan-fungsional",
        "jalur",
        "kompetensi",
        "pelatihan",
        "dasar-hukum",
    }
    assert data_kinds <= set(KINDS)
    assert set(schemas.fast) == set(KINDS)
    assert set(schemas.explain) == set(KINDS)
    assert set(KINDS) | {"common"} <= set(schemas.schemas)
