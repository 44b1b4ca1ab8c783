"""CSV safe in both locales (issue 10, item 3): whichever list separator a spreadsheet uses
(``,``, or ``;`` in the Indonesian locale), no cell it splits out starts with a formula, and
the values read back; booleans are ``ya``/``tidak``; ``audit --format csv --pemisah ';'``."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from factory import DataFolder

from pola_karir.audit.run import run_audit
from pola_karir.cli import main
from pola_karir.export import csv_tables
from pola_karir.model import Dataset
from pola_karir.rules.validate import validate_project
from pola_karir.spreadsheet import FORMULA_START, csv_table, original_cell

DATA = Path(__file__).resolve().parent.parent / "data"
EVIL = [
    "Kepala Bagian Umum;=1+1;x",  # the issue's cell
    "Kepala, -2+3",
    "a;  @SUM(A1)",  # spaces before the formula
    "＝HYPERLINK(1)",  # fullwidth equals sign
    "x\t+1",
    'kutip "dalam"; =2',
    "baris\n=3",
    "=cmd|' /C calc'!A0",
    "Budi Santoso, S.T.",
    "plain",
    "",
]
YES_NO = ("ya", "tidak")


def cells_seen_by_spreadsheets(text: str) -> list[str]:
    """Every cell a spreadsheet shows when it reads ``text`` with either list separator,
    leading spaces removed (some imports trim them)."""
    return [
        cell.lstrip(" ")
        for separator in (",", ";")
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        for cell in row
    ]


def no_formula(text: str) -> bool:
    return not any(cell.startswith(FORMULA_START) for cell in cells_seen_by_spreadsheets(text))


@pytest.mark.parametrize("separator", [",", ";"])
def test_no_split_exposes_a_formula_and_values_read_back(separator: str) -> None:
    text = csv_table(["nama", "aktif"], [[value, True] for value in EVIL], separator, YES_NO)
    assert no_formula(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    assert [original_cell(row[0]) for row in rows[1:]] == EVIL
    assert {row[1] for row in rows[1:]} == {"ya"}
    assert rows[1][0] == "Kepala Bagian Umum;'=1+1;x"
    assert text.splitlines()[1] == '"Kepala Bagian Umum;\'=1+1;x"' + separator + "ya"


def test_open_data_csv_is_safe_in_both_locales(folder: DataFolder) -> None:
    folder.doc("jabatan/kepala-seksi-jalan.yml")["nama"] = "Kepala Bagian Umum;=1+1;x"
    dataset = folder.validate().dataset
    assert dataset is not None
    tables = csv_tables(dataset)
    for name, text in tables.items():
        assert no_formula(text), name
    rows = list(csv.DictReader(io.StringIO(tables["jabatan.csv"])))
    names = {row["id"]: original_cell(row["nama"]) for row in rows}
    assert names["kepala-seksi-jalan"] == "Kepala Bagian Umum;=1+1;x"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    loaded = validate_project(DATA).dataset
    assert loaded is not None
    return loaded


def test_open_data_booleans_are_ya_or_tidak(dataset: Dataset) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_tables(dataset)["dasar-hukum.csv"])))
    assert rows
    assert {row["nasional"] for row in rows} | {row["fiktif"] for row in rows} <= {"ya", "tidak"}
    assert {row["nasional"] for row in rows} == {"ya", "tidak"}


def test_audit_csv_with_either_separator(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = folder.validate().dataset
    assert dataset is not None
    position = dataset.positions["kepala-seksi-jalan"]
    path = tmp_path / "pegawai.csv"
    rows = [["nip", "nama", "jabatan", "pendidikan", "golongan"]]
    rows += [[str(i), name or "x", position.id, "SD", "III/d"] for i, name in enumerate(EVIL)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    data = str(folder.root)
    code = main(["audit", str(path), "--data", data, "--format", "csv", "--pemisah", ";"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("nip;nama;jabatan;syarat;subjek;dimiliki;dibutuhkan\n")
    assert no_formula(out)
    table = list(csv.reader(io.StringIO(out, newline=""), delimiter=";"))
    assert [original_cell(row[1]) for row in table[1:]] == [name or "x" for name in EVIL]
    comma = run_audit(dataset, path, "csv", date(2025, 7, 1)).report
    assert comma.startswith("nip,nama,")
    assert no_formula(comma)
