"""Open data: the JSON export matches its schema, is deterministic, and CSV is spreadsheet-safe."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
from factory import DataFolder

from pola_karir.export import csv_tables, open_data, to_json
from pola_karir.rules.validate import validate_project

ROOT = Path(__file__).resolve().parent.parent


def test_example_export_matches_its_schema() -> None:
    dataset = validate_project(ROOT / "data").dataset
    assert dataset is not None
    data = json.loads(to_json(open_data(dataset)))
    schema = json.loads((ROOT / "schemas" / "ekspor.schema.json").read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors == []
    assert data["versi"] == "2.2"
    assert data["$schema"] == "../schemas/ekspor.schema.json"
    assert len(data["jabatan"]) == len(dataset.positions)


def test_export_is_byte_for_byte_stable(folder: DataFolder) -> None:
    first = validate_project(folder.write()).dataset
    second = validate_project(folder.root).dataset
    assert first is not None and second is not None
    assert to_json(open_data(first)) == to_json(open_data(second))
    assert csv_tables(first) == csv_tables(second)


def test_csv_cells_that_look_like_formulas_are_defused(folder: DataFolder) -> None:
    folder.doc("jabatan/kepala-seksi-jalan.yml")["nama"] = '=HYPERLINK("http://x","klik")'
    dataset = folder.validate().dataset
    assert dataset is not None
    rows = list(csv.DictReader(io.StringIO(csv_tables(dataset)["jabatan.csv"])))
    names = {row["id"]: row["nama"] for row in rows}
    assert names["kepala-seksi-jalan"] == '\'=HYPERLINK("http://x","klik")'
    assert names["kepala-bidang-bina-marga"] == "Kepala Bidang Bina Marga"


def test_competency_standard_table(folder: DataFolder) -> None:
    dataset = folder.validate().dataset
    assert dataset is not None
    rows = list(csv.reader(io.StringIO(csv_tables(dataset)["standar-kompetensi.csv"])))
    assert rows[0] == ["jabatan", "kompetensi", "level"]
    assert ["kepala-seksi-jalan", "manajemen-jalan", "3"] in rows
    # 4 positions x 9 managerial/socio-cultural competencies + 1 technical one
    assert len(rows) - 1 == 4 * 9 + 1


def test_csv_keeps_fractional_years_exactly(folder: DataFolder) -> None:
    steps = folder.doc("jalur/bina-marga.yml")["langkah"]
    steps[1]["tahun_minimal"] = 2.345678
    steps[0]["tahun_minimal"] = 3
    dataset = folder.validate().dataset
    assert dataset is not None
    rows = list(csv.DictReader(io.StringIO(csv_tables(dataset)["jalur.csv"])))
    assert [row["tahun_minimal"] for row in rows] == ["3", "2.345678", "0"]
