"""PK020/PK021: plain scalars that YAML 1.1 (PyYAML, this tool) and YAML 1.2 (editors, their
schema checks) read as different values.

Every form of the issue is parsed through the real loader; the expected readings are written out
from the two specs' tag resolution tables, not computed by the code under test. The golden files
tests/rules/PK020-*.yml and PK021-*.yml show the same through a whole data folder, with wording.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from pola_karir.impor import dump as impor_dump
from pola_karir.load import scalars
from pola_karir.load.yaml_loader import parse_text
from pola_karir.text import diagnostics as words


def found(text: str) -> list[tuple[str, int, int, dict[str, str]]]:
    _, diagnostics = parse_text(text, Path("f.yml"), "f.yml")
    return [(d.code, d.location.line, d.location.column, d.params) for d in diagnostics]


# written, YAML 1.1 value as PyYAML reads it, YAML 1.2 core-schema value (both spelled as JSON)
DIFFERENT = [
    ("yes", "true", '"yes"'),
    ("Yes", "true", '"Yes"'),
    ("YES", "true", '"YES"'),
    ("no", "false", '"no"'),
    ("No", "false", '"No"'),
    ("on", "true", '"on"'),
    ("ON", "true", '"ON"'),
    ("off", "false", '"off"'),
    ("Off", "false", '"Off"'),
    ("0o5", '"0o5"', "5"),  # octal only in 1.2
    ("010", "8", "10"),  # octal in 1.1, decimal in 1.2
    ("-010", "-8", "-10"),
    ("08", '"08"', "8"),  # not octal, so text, in 1.1
    ("0b101", "5", '"0b101"'),  # binary only in 1.1
    ("1:30", "90", '"1:30"'),  # sexagesimal only in 1.1
    ("1:30.5", "90.5", '"1:30.5"'),
    ("1_000", "1000", '"1_000"'),  # digit separators only in 1.1
    ("0x1_F", "31", '"0x1_F"'),
    ("3.14_15", "3.1415", '"3.14_15"'),
    ("1e3", '"1e3"', "1000.0"),  # PyYAML wants a dot and a signed exponent
    ("1.0e3", '"1.0e3"', "1000.0"),
    ("-.5", '"-.5"', "-0.5"),  # PyYAML takes no sign before a bare dot
]


@pytest.mark.parametrize(("written", "yaml11", "yaml12"), DIFFERENT, ids=[d[0] for d in DIFFERENT])
def test_a_value_read_two_ways_is_an_error_naming_both_readings(
    written: str, yaml11: str, yaml12: str
) -> None:
    ((code, line, column, params),) = found(f"nama: Seksi\nnilai: {written}\n")
    assert (code, line, column) == ("PK020", 2, 8)
    assert (params["written"], params["yaml11"], params["yaml12"]) == (written, yaml11, yaml12)


@pytest.mark.parametrize(("written", "yaml11", "yaml12"), DIFFERENT, ids=[d[0] for d in DIFFERENT])
def test_a_key_read_two_ways_is_an_error_too(written: str, yaml11: str, yaml12: str) -> None:
    ((code, line, column, params),) = found(f"nama: Seksi\nlain:\n  {written}: teks\n")
    assert (code, line, column) == ("PK020", 3, 3)
    assert (params["yaml11"], params["yaml12"]) == (yaml11, yaml12)


# Read alike by both: numbers and booleans written canonically, nulls, timestamps (kept as
# text), infinities (kept as text), anything that only looks like a number.
SAME = [
    "true", "false", "True", "FALSE", "12", "+12", "-3", "0", "00", "007", "0x1F", "1.5", ".5",
    "1.", "1.0e+3", "~", "null", "NULL", "", "2024-01-02", "2024-01-02 10:00:00", ".inf",
    "-.inf", ".NaN", "1:70", "1.2.3", "1e", "III/a", "S-1", "yess", "onn", "YeS", "tRUE",
]  # fmt: skip


@pytest.mark.parametrize("written", SAME)
def test_values_both_versions_read_alike_pass(written: str) -> None:
    assert found(f"nilai: {written}\n{written or 'x'}: 1\n") == []


@pytest.mark.parametrize("written", [written for written, _, _ in DIFFERENT])
def test_quoted_block_and_explicitly_tagged_values_mean_one_thing(written: str) -> None:
    text = (
        f'a: "{written}"\n'
        f"b: '{written}'\n"
        f"c: |\n  {written}\n"
        f"d: >-\n  {written}\n"
        f"e: !!str {written}\n"
        f"g: &anchor !!str {written}\n"
        f"f: [\"{written}\", '{written}']\n"
        f'"{written}": 1\n'
    )
    assert found(text) == []


def test_an_anchor_before_the_value_does_not_hide_it() -> None:
    assert [(code, line, column) for code, line, column, _ in found("a: &x 0o5\n")] == [
        ("PK020", 1, 4)
    ]


def test_the_hint_of_a_yes_no_says_to_quote_text_or_write_true_or_false() -> None:
    _, (diagnostic,) = parse_text("fiktif: yes\n", Path("f.yml"), "f.yml")
    assert diagnostic.params["quoted"] == '"yes"'
    assert diagnostic.params["boolean"] == "true"
    hint = words.hint(diagnostic, "en")
    assert '"yes"' in hint and "true or false" in hint
    assert "true atau false" in words.hint(diagnostic, "id")


def test_the_hint_of_a_number_offers_the_text_and_each_number() -> None:
    _, (diagnostic,) = parse_text("kelas: 010\n", Path("f.yml"), "f.yml")
    assert diagnostic.params["options"] == '"010", 8, 10'
    assert '"010", 8, 10' in words.hint(diagnostic, "en")


def test_one_letter_booleans_of_yaml_1_1_are_a_warning_unless_quoted() -> None:
    text = "a: y\nb: N\nc: 'y'\nd: \"n\"\nY: 1\ne: [n]\nf: yy\n"
    assert [(code, line, column) for code, line, column, _ in found(text)] == [
        ("PK021", 1, 4),
        ("PK021", 2, 4),
        ("PK021", 5, 1),
        ("PK021", 6, 5),
    ]


def test_the_value_loaded_is_still_the_yaml_1_1_one() -> None:
    """Reporting does not change what the loader returns: the schema still sees it."""
    document, _ = parse_text("a: yes\nb: 010\nc: 1e3\n", Path("f.yml"), "f.yml")
    assert document is not None
    assert document.data == {"a": True, "b": 8, "c": "1e3"}


@pytest.mark.parametrize("value", [w for w, _, _ in DIFFERENT] + ["y", "N", "Kepala", "12"])
def test_the_dumper_quotes_what_would_be_flagged(value: str) -> None:
    text = yaml.dump({"nama": value}, Dumper=scalars.Dumper, allow_unicode=True)
    assert found(text) == []
    assert yaml.safe_load(text) == {"nama": value}


def test_impor_writes_names_that_look_like_numbers_quoted() -> None:
    """A peta jabatan cell '08' or '1e3' (a unit code) must not become a number to editors."""
    document: dict[str, Any] = {"nama": "08", "singkatan": "1e3", "kelas_jabatan": 9}
    text = impor_dump("unit/x.yml", document)
    assert found(text) == []
    assert "nama: '08'" in text and "kelas_jabatan: 9" in text


def test_a_hostile_number_is_not_echoed_in_full() -> None:
    """A 3,000-digit octal number is read two ways; the message quotes it cut short."""
    ((code, _, _, params),) = found("a: 0" + "7" * 3000 + "\n")
    assert code == "PK020"
    assert all(len(params[name]) <= scalars.SHOWN for name in ("written", "yaml11", "yaml12"))
    assert params["written"].endswith("…")
    assert len(params["options"]) < 4 * scalars.SHOWN  # three forms, each cut short
