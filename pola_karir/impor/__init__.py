"""Import an agency's peta jabatan spreadsheet (.xlsx) into YAML skeletons of the data folder.

Agencies already keep their positions in a peta jabatan workbook (unit, nama jabatan, jenis,
kelas, kebutuhan, bezetting). Reading it spares HR from retyping hundreds of positions; every
cell is untrusted, every row is accounted for (written, skipped with its row number and reason,
or empty) and no existing file is ever overwritten. Facts only: the words of the report come
from the ``impor.po`` catalogue, chosen by the CLI.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pola_karir.load import scalars

# Header variants, compared case- and space-insensitively (spaces read as hyphens).
HEADERS: Mapping[str, tuple[str, ...]] = {
    "unit": ("unit-kerja", "unit", "perangkat-daerah"),
    "nama": ("nama-jabatan", "jabatan"),
    "jenis": ("jenis-jabatan", "jenis"),
    "kelas": ("kelas-jabatan", "kelas"),
    "kebutuhan": ("kebutuhan", "abk"),
    "bezetting": ("bezetting", "jumlah-pegawai", "yang-ada"),
}
# Spellings of jenis jabatan found in peta jabatan, to the schema's values.
JENIS: Mapping[str, str] = {
    "jpt-utama": "jpt-utama",
    "jpt-madya": "jpt-madya",
    "jpt-pratama": "jpt-pratama",
    "administrator": "administrator",
    "pengawas": "pengawas",
    "pelaksana": "pelaksana",
    "fungsional": "fungsional",  # recognised, but reported (see _position)
}
_HEADER_ROWS = 20  # the header is looked for among the first rows (titles may come first)


class NotAWorkbook(Exception):
    """The file is not an .xlsx workbook openpyxl can open (by its name or its content)."""


@dataclass(frozen=True)
class Skipped:
    """A row left out: its row number in the sheet and the catalogue key of the reason."""

    row: int
    reason: str
    value: str = ""


@dataclass(frozen=True)
class Position:
    row: int
    unit: str
    name: str
    jenis: str
    kelas: int
    kebutuhan: int | None
    bezetting: int | None


@dataclass(frozen=True)
class Sheet:
    """What a sheet holds: mapped positions, skipped rows, empty rows (no header: ``None``)."""

    header_row: int | None
    positions: tuple[Position, ...]
    skipped: tuple[Skipped, ...]
    empty: int

    @property
    def rows(self) -> int:
        return len(self.positions) + len(self.skipped) + self.empty


def _norm(value: object) -> str:
    return "-".join(str(value).split()).casefold() if value is not None else ""


def slug(value: str) -> str:
    """An id matching the schema's pattern (lowercase ASCII words joined by single hyphens)."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _header(row: Sequence[object]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        name = _norm(cell)
        for field, variants in HEADERS.items():
            if name in variants and field not in found:
                found[field] = index
    return found if {"unit", "nama", "jenis", "kelas"} <= found.keys() else None


def _count(value: object) -> int | str | None:
    """A whole number of people; ``None`` when empty; the text itself when not a number."""
    if value is None or _norm(value) == "":
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return value if value >= 0 else str(value)
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    text_value = _norm(value)
    return int(text_value) if text_value.isdigit() else str(value)


def read_rows(rows: Iterable[Sequence[object]]) -> Sheet:
    """Map the rows of a sheet (row 1 first) to positions; every row after the header is
    written, skipped or empty."""
    columns: dict[str, int] | None = None
    header_row: int | None = None
    positions: list[Position] = []
    skipped: list[Skipped] = []
    empty = 0
    for number, row in enumerate(rows, start=1):
        if columns is None:
            if number > _HEADER_ROWS:
                break
            columns = _header(row)
            header_row = number if columns is not None else None
            continue
        cells = {f: (row[i] if i < len(row) else None) for f, i in columns.items()}
        if all(_norm(v) == "" for v in row):
            empty += 1
            continue
        outcome = _position(number, cells)
        if isinstance(outcome, Position):
            positions.append(outcome)
        else:
            skipped.append(outcome)
    return Sheet(header_row, tuple(positions), tuple(skipped), empty)


def _position(number: int, cells: Mapping[str, object]) -> Position | Skipped:
    name = " ".join(str(cells.get("nama") or "").split())
    if not slug(name):
        return Skipped(number, "impor.skip.no_name")
    unit = " ".join(str(cells.get("unit") or "").split())
    if not slug(unit):
        return Skipped(number, "impor.skip.no_unit")
    jenis = JENIS.get(_norm(cells.get("jenis")))
    if jenis is None:
        return Skipped(number, "impor.skip.jenis", str(cells.get("jenis") or ""))
    if jenis == "fungsional":
        # the schema needs the jabatan fungsional and its jenjang, which a peta jabatan does
        # not hold in columns of its own: said, so that HR writes this file by hand
        return Skipped(number, "impor.skip.fungsional", name)
    kelas = _count(cells.get("kelas"))
    if not isinstance(kelas, int) or not 1 <= kelas <= 17:
        return Skipped(number, "impor.skip.kelas", str(cells.get("kelas") or ""))
    counts = [_count(cells.get(f)) for f in ("kebutuhan", "bezetting")]
    for field, value in zip(("kebutuhan", "bezetting"), counts, strict=True):
        if isinstance(value, str):
            return Skipped(number, f"impor.skip.{field}", value)
    need, have = (c if isinstance(c, int) else None for c in counts)
    return Position(number, unit, name, jenis, kelas, need, have)


def read_xlsx(path: Path) -> Sheet:
    """The first sheet of a workbook (read-only, values not formulas)."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except InvalidFileException as error:  # e.g. a '.csv' or '.xls' file name
        raise NotAWorkbook(str(error)) from error
    try:
        return read_rows(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def skeletons(sheet: Sheet, summary: str) -> tuple[dict[str, dict[str, Any]], list[Skipped]]:
    """The files to write, by path relative to the data folder: one per unit and per position,
    and the rows repeating a position already written (same name, same unit). A name found in
    several units gets the unit in its id; ``summary`` is the ikhtisar to fill."""
    units = {slug(p.unit): p.unit for p in sheet.positions}
    files: dict[str, dict[str, Any]] = {
        f"unit/{ident}.yml": {"nama": name} for ident, name in units.items()
    }
    names: dict[str, set[str]] = {}
    repeated: list[Skipped] = []
    for p in sheet.positions:
        names.setdefault(slug(p.name), set()).add(slug(p.unit))
    for p in sheet.positions:
        ident = slug(p.name)
        if len(names[ident]) > 1:
            ident = f"{ident}-{slug(p.unit)}"
        doc: dict[str, Any] = {"nama": p.name, "jenis": p.jenis, "unit": slug(p.unit)}
        if p.kebutuhan is not None:
            doc["kebutuhan"] = p.kebutuhan
        if p.bezetting is not None:
            doc["bezetting"] = p.bezetting
        doc |= {"kelas_jabatan": p.kelas, "ikhtisar": summary}
        if f"jabatan/{ident}.yml" in files:
            repeated.append(Skipped(p.row, "impor.skip.repeated", p.name))
        else:
            files[f"jabatan/{ident}.yml"] = doc
    return files, repeated


def dump(relative: str, document: Mapping[str, Any]) -> str:
    kind = relative.split("/")[0]
    head = f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"
    return head + yaml.dump(
        dict(document), Dumper=scalars.Dumper, allow_unicode=True, sort_keys=False
    )


__all__ = [
    "HEADERS",
    "JENIS",
    "NotAWorkbook",
    "Sheet",
    "Skipped",
    "read_rows",
    "read_xlsx",
    "skeletons",
]
