"""The placement audit (``pola-karir audit PEGAWAI.csv``) on staff lists built from the example
data: compliant rows made from each position's own requirements, plus violations injected on
purpose, so the audit must report exactly those and nothing else."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pola_karir import reference as ref
from pola_karir.audit.run import (
    Accounting,
    Audit,
    audit,
    read_text,
    run_audit,
    years_between,
)
from pola_karir.cli import main
from pola_karir.model import Dataset, Position
from pola_karir.rules.validate import validate_project
from pola_karir.spreadsheet import safe_cell
from pola_karir.text.terminal import shown

DATA = Path(__file__).resolve().parent.parent / "data"
TODAY = date(2025, 7, 1)
REQUIRED = ["nip", "nama", "jabatan", "pendidikan", "golongan"]
OPTIONAL = ["bidang_pendidikan", "tmt_jabatan", "kinerja", "pelatihan"]

Row = dict[str, str]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    loaded = validate_project(DATA).dataset
    assert loaded is not None
    return loaded


def full_header(dataset: Dataset) -> list[str]:
    return [*REQUIRED, *OPTIONAL, *(f"kompetensi.{c}" for c in sorted(dataset.competencies))]


def compliant(position: Position, nip: str, name: str) -> Row:
    """A person meeting every requirement of ``position`` that the CSV can express."""
    req = position.requirements
    assert req.education is not None and req.rank is not None
    row = {
        "nip": nip,
        "nama": name,
        "jabatan": position.id,
        "pendidikan": req.education.minimum,
        "golongan": req.rank.minimum,
        "bidang_pendidikan": req.education.fields[0] if req.education.fields else "",
        "tmt_jabatan": "2022-01-03",
        "kinerja": "sangat-baik",
        "pelatihan": ";".join((*req.trainings, *req.certifications)),
    }
    row |= {f"kompetensi.{c}": str(n) for c, n in req.competencies.all_levels().items()}
    return row


def write_csv(
    path: Path,
    rows: Iterable[Row],
    header: list[str],
    delimiter: str = ",",
    bom: bool = False,
) -> list[int]:
    """Write the rows; return the physical line each row starts on (header = line 1)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    lines: list[int] = []
    for row in rows:
        lines.append(out.getvalue().count("\n") + 1)
        writer.writerow([row.get(name, "") for name in header])
    path.write_bytes(("\ufeff" if bom else "").encode() + out.getvalue().encode())
    return lines


def positions(dataset: Dataset, kind: str, top: str | None = None) -> list[Position]:
    return [
        p
        for p in dataset.positions.values()
        if p.type == kind and (top is None or p.unit.split("/")[0] == top)
    ]


def rank_below(code: str) -> str:
    return ref.RANKS[ref.RANK_ORDER[code] - 2]


def audit_json(dataset: Dataset, path: Path) -> tuple[dict[str, Any], int]:
    run = run_audit(dataset, path, "json", TODAY)
    text, code = run.report, run.exit_code
    data: dict[str, Any] = json.loads(text)
    return data, code


def pairs(data: Mapping[str, Any]) -> Counter[tuple[str, str]]:
    return Counter((t["nip"], t["syarat"]) for t in data["temuan"])


def not_assessed(position: Position) -> int:
    """Requirements of ``position`` that only the optional columns could assess."""
    req = position.requirements
    assert req.education is not None
    return (
        (1 if req.education.fields else 0)
        + len(req.experience)
        + len(req.trainings)
        + len(req.certifications)
        + (1 if req.performance else 0)
        + len(req.competencies.all_levels())
    )


# --- the big staff list: exactly the injected violations ----------------------------------------

Injection = tuple[Callable[[Dataset], Position], Callable[[Row, Position], None], tuple[str, ...]]


def _first(
    kind: str, test: Callable[[Position], bool] = lambda _p: True
) -> Callable[[Dataset], Position]:
    return lambda dataset: next(p for p in positions(dataset, kind) if test(p))


def _set(**values: str) -> Callable[[Row, Position], None]:
    return lambda row, _position: row.update(values)


def _drop_training(training: str) -> Callable[[Row, Position], None]:
    def change(row: Row, _position: Position) -> None:
        row["pelatihan"] = ";".join(t for t in row["pelatihan"].split(";") if t != training)

    return change


def _rank_down(row: Row, position: Position) -> None:
    row["golongan"] = rank_below(row["golongan"])


def _competency_down(row: Row, position: Position) -> None:
    row["kompetensi.integritas"] = str(int(row["kompetensi.integritas"]) - 1)


def _many(row: Row, position: Position) -> None:
    row.update(pendidikan="SD", kinerja="kurang")
    _rank_down(row, position)


def _two_years(p: Position) -> bool:
    return p.requirements.performance is not None and p.requirements.performance.years == 2


def _one_year(p: Position) -> bool:
    return p.requirements.performance is not None and p.requirements.performance.years == 1


def _more_than_one_training(p: Position) -> bool:
    return len(p.requirements.trainings) + len(p.requirements.certifications) > 1


def _certified(p: Position) -> bool:
    return "str-perawat" in p.requirements.certifications


def _public_administration(p: Position) -> bool:
    """Asks for Administrasi Publik, a rumpun of the example (data/rumpun-pendidikan.yml)."""
    education = p.requirements.education
    return education is not None and "Administrasi Publik" in education.fields


INJECTIONS: tuple[Injection, ...] = (
    (_first("pengawas"), _set(pendidikan="SMA"), ("pendidikan",)),
    (
        _first("pengawas"),
        _set(pendidikan="SD", bidang_pendidikan="Sastra"),
        ("pendidikan", "bidang_pendidikan"),
    ),
    (_first("administrator"), _rank_down, ("golongan",)),
    # An emptied pelatihan cell means "not assessed", so the row must keep another training.
    (_first("administrator", _more_than_one_training), _drop_training("pka"), ("pelatihan",)),
    (_first("pelaksana", _one_year), _set(kinerja="kurang"), ("kinerja",)),
    (_first("pengawas", _two_years), _set(kinerja="butuh-perbaikan"), ("kinerja",)),
    (_first("fungsional", _certified), _drop_training("str-perawat"), ("sertifikasi",)),
    (
        _first("fungsional", lambda p: p.grade == "ahli-muda"),
        _set(pendidikan="D3"),
        ("pendidikan",),
    ),
    (_first("jpt-pratama"), _competency_down, ("kompetensi",)),
    (  # a field in no rumpun the requirement names
        _first("pengawas", _public_administration),
        _set(bidang_pendidikan="Pendidikan Matematika"),
        ("bidang_pendidikan",),
    ),
    (_first("administrator"), _many, ("pendidikan", "golongan", "kinerja")),
)

# Rows that look unusual but meet every requirement (or leave it unknown, never unmet).
LOOK_ALIKES: tuple[tuple[Callable[[Dataset], Position], Callable[[Row, Position], None]], ...] = (
    (_first("pengawas"), _set(pendidikan="S2")),  # more than the minimum
    (_first("administrator"), _set(pendidikan="D4")),  # D-IV ranks with S-1
    (_first("pengawas", _two_years), _set(kinerja="baik")),  # one year of two: unknown
    (_first("pelaksana"), _set(golongan="iii/D", pendidikan="s3")),  # codes in another case
    # A member of the rumpun Administrasi Publik, written as HR types it.
    (
        _first("pengawas", _public_administration),
        _set(bidang_pendidikan="ilmu administrasi-NEGARA"),
    ),
)

BAD_ROWS = (  # (column, value, words expected in the message)
    ("jabatan", "kepala-bidang-bina-marg", "mungkin maksudnya 'kepala-bidang-bina-marga'"),
    ("pendidikan", "S4", "pendidikan 'S4' tidak dikenal"),
    ("golongan", "3b", "golongan '3b' tidak sah"),
    ("tmt_jabatan", "2024-02-30", "tmt_jabatan '2024-02-30'"),
    ("tmt_jabatan", "2026-01-01", "masa depan"),
    ("kinerja", "luar-biasa", "kinerja 'luar-biasa'"),
    ("kompetensi.integritas", "6", "kompetensi.integritas '6'"),
    ("nama", "", "kolom wajib nama kosong"),
)


@dataclass(frozen=True)
class Staff:
    path: Path
    expected: Counter[tuple[str, str]]  # (nip, syarat) of every injected violation
    bad: dict[int, str]  # line of each bad row → words its message must contain
    audited: int  # rows that must be audited
    last_line: int
    rows: int


@pytest.fixture(scope="module")
def staff(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Staff:
    """A staff list of 250+ rows: two compliant people per position (half of them with a name
    spanning two lines), the injected violations, look-alikes that are fine, and bad rows."""
    rows: list[Row] = []
    for i, position in enumerate(dataset.positions.values()):
        rows.append(compliant(position, f"19800101200{i:04d}1001", f"Pegawai {i} A"))
        rows.append(compliant(position, f"19800101200{i:04d}2002", f"Pegawai {i}\nB"))
    expected: Counter[tuple[str, str]] = Counter()
    for n, (pick, change, aspects) in enumerate(INJECTIONS):
        position = pick(dataset)
        row = compliant(position, f"19900101201{n:04d}1003", f"Pelanggar {n}")
        change(row, position)
        rows.append(row)
        expected.update((row["nip"], aspect) for aspect in aspects)
    for n, (pick, change) in enumerate(LOOK_ALIKES):
        position = pick(dataset)
        row = compliant(position, f"19910101201{n:04d}1004", f"Wajar {n}")
        change(row, position)
        rows.append(row)
    bad_rows: dict[str, str] = {}
    for n, (column, value, words) in enumerate(BAD_ROWS):
        row = compliant(dataset.positions["kepala-bidang-bina-marga"], f"1992{n:014d}", "X\nY")
        row[column] = value
        rows.insert(17 * n + 5, row)  # spread between good rows, after multi-line names
        bad_rows[row["nip"]] = words
    rows.append(dict(rows[0], nama="Duplikat"))  # the same NIP twice: the second is bad
    path = tmp_path_factory.mktemp("audit") / "pegawai.csv"
    lines = write_csv(path, rows, full_header(dataset))
    bad = {
        line: bad_rows[row["nip"]]
        for row, line in zip(rows, lines, strict=True)
        if row["nip"] in bad_rows
    }
    bad[lines[-1]] = f"NIP sama dengan baris {lines[0]}"
    return Staff(path, expected, bad, len(rows) - len(bad), lines[-1], len(rows))


def test_reports_exactly_the_injected_violations(dataset: Dataset, staff: Staff) -> None:
    assert staff.rows > 200
    data, code = audit_json(dataset, staff.path)
    assert code == 1  # some rows are bad; unmet requirements alone would be 0
    assert pairs(data) == staff.expected
    assert data["ringkasan"]["pegawai"] == staff.audited
    assert data["ringkasan"]["belum_memenuhi"] == len(INJECTIONS)


def test_bad_rows_reported_with_their_physical_line(dataset: Dataset, staff: Staff) -> None:
    data, _code = audit_json(dataset, staff.path)
    reported = {entry["baris"]: " ".join(entry["masalah"]) for entry in data["baris_bermasalah"]}
    assert sorted(reported) == sorted(staff.bad)
    for line, words in staff.bad.items():
        assert words in reported[line]
    assert staff.last_line > staff.rows + 1  # multi-line names moved lines past record numbers


# --- line numbers, delimiters, encodings ----------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_line_numbers_count_quoted_line_breaks_and_blank_lines(
    dataset: Dataset, tmp_path: Path, newline: str
) -> None:
    pos = positions(dataset, "pengawas")[0].id
    text = newline.join(
        [
            "nip,nama,jabatan,pendidikan,golongan",  # 1
            f'1,"Ani{newline}Saputri",{pos},D3,III/c',  # 2-3
            f"2,Budi,{pos}x,D3,III/c",  # 4
            "",  # 5
            f'3,"Cici ""C""{newline}{newline}D",{pos},SMA,III/c',  # 6-8
            f"4,Dedi,{pos},D3,III/z",  # 9
            f"5,Eka,{pos},D3,III/c,extra",  # 10
        ]
    )
    path = tmp_path / "p.csv"
    path.write_text(text + newline, encoding="utf-8", newline="")
    result = audit(dataset, read_text(path), TODAY)
    assert [(b.line, b.problems[0].split(" ")[0]) for b in result.bad_rows] == [
        (4, "jabatan"),
        (9, "golongan"),
        (10, "baris"),
    ]
    assert "mungkin maksudnya" in result.bad_rows[0].problems[0]
    assert [(p.line, p.nip, p.name) for p in result.people] == [
        (2, "1", f"Ani{newline}Saputri"),
        (6, "3", f'Cici "C"{newline}{newline}D'),
    ]
    assert [f.aspect for f in result.people[1].eligibility.unmet] == ["pendidikan"]


def test_semicolon_and_bom(dataset: Dataset, tmp_path: Path) -> None:
    position = next(
        p for p in positions(dataset, "pengawas", "dinas-pupr") if len(p.requirements.trainings) > 1
    )
    good = compliant(position, "1", "Ani, S.T.")  # a comma inside a cell needs no quotes here
    low = compliant(position, "2", "Budi")
    low["pendidikan"] = "SMA"
    path = tmp_path / "p.csv"
    write_csv(path, [good, low], full_header(dataset), delimiter=";", bom=True)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfnip;nama;") and b"Ani, S.T.;" in raw
    assert b'"pkp;' in raw  # the ';'-separated training list is quoted by the writer
    data, code = audit_json(dataset, path)
    assert code == 0
    assert pairs(data) == Counter({("2", "pendidikan"): 1})
    assert data["ringkasan"]["pegawai"] == 2


def test_not_utf8_is_a_usage_problem(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes("nip,nama,jabatan,pendidikan,golongan\n1,Andé,x,S1,III/a\n".encode("cp1252"))
    run = run_audit(dataset, path, "text", TODAY)
    assert (run.report, run.exit_code) == ("", 2)
    assert "UTF-8" in run.notes


# --- not assessed is never unmet ------------------------------------------------------------


@pytest.mark.parametrize("optional_columns", [False, True])
def test_absent_or_empty_columns_are_not_assessed(
    dataset: Dataset, tmp_path: Path, optional_columns: bool
) -> None:
    rows = [compliant(p, str(i), f"P{i}") for i, p in enumerate(dataset.positions.values())]
    header = full_header(dataset) if optional_columns else REQUIRED
    for row in rows:  # keep only what the required columns say
        for name in list(row):
            if name not in REQUIRED:
                row[name] = ""
    path = tmp_path / "p.csv"
    write_csv(path, rows, header)
    data, code = audit_json(dataset, path)
    assert (code, data["temuan"]) == (0, [])
    summary = data["ringkasan"]
    assert summary["belum_memenuhi"] == 0
    assert summary["syarat_tidak_dinilai"] == sum(map(not_assessed, dataset.positions.values()))
    assert set(summary["tidak_dinilai_per_syarat"]) == {
        "bidang_pendidikan",
        "pengalaman",
        "pelatihan",
        "sertifikasi",
        "kinerja",
        "kompetensi",
    }


def test_single_kinerja_is_unmet_only_when_already_too_low(
    dataset: Dataset, tmp_path: Path
) -> None:
    one = next(p for p in dataset.positions.values() if _one_year(p))
    two = next(p for p in dataset.positions.values() if _two_years(p))
    header = [*REQUIRED, "kinerja"]
    rows = [
        {**compliant(one, "1", "a"), "kinerja": "baik"},  # met
        {**compliant(two, "2", "b"), "kinerja": "sangat-baik"},  # unknown: one year of two
        {**compliant(two, "3", "c"), "kinerja": "kurang"},  # unmet already
        {**compliant(one, "4", "d"), "kinerja": "Cukup"},  # unmet, any case
    ]
    path = tmp_path / "p.csv"
    write_csv(path, rows, header)
    result = audit(dataset, path.read_text(encoding="utf-8"), TODAY)
    status = {
        p.nip: [f.status.value for f in p.eligibility.findings if f.aspect == "kinerja"]
        for p in result.people
    }
    assert status == {
        "1": ["terpenuhi"],
        "2": ["tidak-diketahui"],
        "3": ["belum"],
        "4": ["belum"],
    }


def test_tmt_jabatan_gives_years_in_the_current_position(dataset: Dataset, tmp_path: Path) -> None:
    # A JPT Pratama post asking for 2 years as JPT Pratama: the current post counts.
    position = next(
        p
        for p in positions(dataset, "jpt-pratama")
        if any(e.levels == ("jpt-pratama",) for e in p.requirements.experience)
    )
    rows = [
        {**compliant(position, "1", "a"), "tmt_jabatan": "2023-07-01"},  # exactly 2 years
        {**compliant(position, "2", "b"), "tmt_jabatan": "2023-07-02"},  # a day short: unknown
    ]
    path = tmp_path / "p.csv"
    write_csv(path, rows, [*REQUIRED, "tmt_jabatan"])
    result = audit(dataset, path.read_text(encoding="utf-8"), TODAY)
    status = [
        next(
            f.status.value
            for f in p.eligibility.findings
            if f.need.startswith("paling singkat 2 tahun sebagai JPT Pratama")
        )
        for p in result.people
    ]
    assert status == ["terpenuhi", "tidak-diketahui"]
    assert years_between(date(2020, 2, 29), date(2021, 2, 28)) == 1.0
    assert years_between(date(2021, 7, 1), TODAY) == 4.0


# --- summary, formats -------------------------------------------------------------------------


def summary_staff(dataset: Dataset, tmp_path: Path) -> Path:
    """3 pengawas (1 short) and 1 administrator in Dinas PUPR, 2 pelaksana (both short) in
    Setda; required columns only, so everything else is not assessed."""
    pengawas = positions(dataset, "pengawas", "dinas-pupr")
    admin = positions(dataset, "administrator", "dinas-pupr")[0]
    pelaksana = positions(dataset, "pelaksana", "setda")
    rows = [compliant(p, f"1{i}", f"Pengawas {i}") for i, p in enumerate(pengawas[:3])]
    rows[0]["pendidikan"] = "SMA"
    rows.append(compliant(admin, "20", "Administrator"))
    for i, p in enumerate(pelaksana[:2]):
        rows.append(compliant(p, f"3{i}", f"Pelaksana {i}"))
        rows[-1]["golongan"] = "I/a"
    path = tmp_path / "p.csv"
    write_csv(path, rows, REQUIRED)
    return path


def test_summary_per_type_and_per_unit(dataset: Dataset, tmp_path: Path) -> None:
    data, code = audit_json(dataset, summary_staff(dataset, tmp_path))
    assert code == 0
    summary = data["ringkasan"]
    pengawas = positions(dataset, "pengawas", "dinas-pupr")[:3]
    admin = positions(dataset, "administrator", "dinas-pupr")[0]
    pelaksana = positions(dataset, "pelaksana", "setda")[:2]

    def row(name: str, people: int, unmet: int, pct: float, na: int) -> dict[str, Any]:
        return {
            "nama": name,
            "pegawai": people,
            "belum_memenuhi": unmet,
            "persen_belum_memenuhi": pct,
            "syarat_tidak_dinilai": na,
        }

    na_pengawas = sum(map(not_assessed, pengawas))
    na_admin = not_assessed(admin)
    na_pelaksana = sum(map(not_assessed, pelaksana))
    assert summary["per_jenis"] == [
        {"jenis": "administrator", **row("Administrator", 1, 0, 0.0, na_admin)},
        {"jenis": "pengawas", **row("Pengawas", 3, 1, 33.3, na_pengawas)},
        {"jenis": "pelaksana", **row("Pelaksana", 2, 2, 100.0, na_pelaksana)},
    ]
    assert summary["per_unit"] == [
        {
            "unit": "dinas-pupr",
            **row(dataset.units["dinas-pupr"].name, 4, 1, 25.0, na_pengawas + na_admin),
        },
        {"unit": "setda", **row(dataset.units["setda"].name, 2, 2, 100.0, na_pelaksana)},
    ]
    assert (summary["pegawai"], summary["belum_memenuhi"]) == (6, 3)
    assert summary["persen_belum_memenuhi"] == 50.0


def test_json_shape(dataset: Dataset, tmp_path: Path) -> None:
    data, _code = audit_json(dataset, summary_staff(dataset, tmp_path))
    assert set(data) == {"ringkasan", "temuan", "baris_bermasalah"}
    assert set(data["ringkasan"]) >= {"pegawai", "belum_memenuhi", "per_jenis", "per_unit"}
    assert data["temuan"][0] == {
        "nip": "10",
        "nama": "Pengawas 0",
        "jabatan": positions(dataset, "pengawas", "dinas-pupr")[0].id,
        "syarat": "pendidikan",
        "subjek": "Pendidikan",
        "dimiliki": "SMA/SMK/sederajat",
        "dibutuhkan": "D-III",
    }
    assert {t["syarat"] for t in data["temuan"]} == {"pendidikan", "golongan"}


def test_text_report(dataset: Dataset, tmp_path: Path) -> None:
    position = positions(dataset, "pengawas", "dinas-pupr")[0]
    row = compliant(position, "198001012000011001", "Budi\x1b[2J Santoso")
    row |= {"pendidikan": "SMA", "golongan": "III/a"}
    path = tmp_path / "p.csv"
    write_csv(path, [row, {**row, "nip": "2", "jabatan": "kepala-seksi"}], full_header(dataset))
    run = run_audit(dataset, path, "text", TODAY)
    text, code = run.report, run.exit_code
    assert code == 1
    assert "\x1b" not in text  # a crafted name cannot drive the terminal
    lines = text.splitlines()
    assert lines[0] == (
        "Audit penempatan: 1 pegawai diperiksa, 1 belum memenuhi syarat jabatannya (100,0%)."
    )
    assert lines[1:4] == [
        "2 baris data = 1 baris pegawai diaudit + 1 baris ditolak (isinya tidak sah) "
        "+ 0 baris tidak terbaca + 0 baris kosong.",
        'Perhatian: 1 baris data tidak ikut diaudit; lihat "Baris bermasalah" di bawah.',
        "",
    ]
    assert lines[4] == (
        f"198001012000011001 Budi\\x1b[2J Santoso — {position.name}: pendidikan "
        "SMA/SMK/sederajat, dibutuhkan D-III; golongan III/a, dibutuhkan III/c"
    )
    tables = [
        lines.index("Ringkasan per jenis jabatan:"),
        lines.index("Ringkasan per perangkat daerah:"),
    ]
    bad = lines.index("Baris bermasalah (1, tidak ikut diaudit):")
    assert tables[0] < tables[1] < bad
    # not assessed: kinerja (one year known of two) and the experience before this post
    assert lines[tables[0] + 2].split() == ["Pengawas", "1", "1", "100,0%", "2"]
    assert lines[bad + 1].startswith("  baris 3: jabatan 'kepala-seksi' tidak dikenal")


def test_csv_output_guards_against_formula_injection(dataset: Dataset, tmp_path: Path) -> None:
    position = positions(dataset, "pengawas")[0]
    evil = ['=HYPERLINK("http://x")', "+62812", "-1+1", "@SUM(A1)"]
    rows = []
    for i, name in enumerate(evil):
        row = compliant(position, f"@{i}" if i == 3 else str(i), name)
        row["bidang_pendidikan"] = "=cmd|' /C calc'!A0"
        rows.append(row)
    path = tmp_path / "p.csv"
    write_csv(path, rows, full_header(dataset))
    run = run_audit(dataset, path, "csv", TODAY)
    text, code = run.report, run.exit_code
    assert code == 0
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == ["nip", "nama", "jabatan", "syarat", "subjek", "dimiliki", "dibutuhkan"]
    assert [(r[1], r[3], r[5]) for r in table[1:]] == [
        ("'" + name, "bidang_pendidikan", "'=cmd|' /C calc'!A0") for name in evil
    ]
    assert table[4][0] == "'@3"
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in table for cell in r)
    assert safe_cell("Budi") == "Budi" and safe_cell("\t=1") == "'\t'=1"
    assert shown("a\u202eb\nc") == "a\\u202eb\\nc"


def test_csv_format_sends_bad_rows_to_stderr(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    position = positions(dataset, "pengawas")[0]
    path = tmp_path / "p.csv"
    write_csv(
        path,
        [compliant(position, "1", "a"), {**compliant(position, "2", "b"), "golongan": "x"}],
        REQUIRED,
    )
    run = run_audit(dataset, path, "csv", TODAY)
    text, code = run.report, run.exit_code
    assert (text, code) == ("nip,nama,jabatan,syarat,subjek,dimiliki,dibutuhkan\n", 1)
    assert "baris 3: golongan 'x' tidak sah" in run.notes


def test_personal_data_stays_in_the_output(
    dataset: Dataset, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = summary_staff(dataset, tmp_path)
    before = sorted(tmp_path.rglob("*"))
    with caplog.at_level(logging.DEBUG):
        for fmt in ("text", "json", "csv"):
            run_audit(dataset, path, fmt, TODAY)
    assert caplog.records == []
    assert sorted(tmp_path.rglob("*")) == before


# --- the command ------------------------------------------------------------------------------


def cli(path: Path, *extra: str) -> int:
    return main(["audit", str(path), "--data", str(DATA), *extra])


def test_cli_exit_0_when_only_requirements_are_unmet(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(summary_staff(dataset, tmp_path), "--format", "json") == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["ringkasan"]["belum_memenuhi"] == 3
    assert err == ""


def test_cli_exit_1_on_a_bad_row(
    dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    position = positions(dataset, "pengawas")[0]
    path = tmp_path / "p.csv"
    write_csv(
        path,
        [compliant(position, "1", "a"), {**compliant(position, "2", "b"), "pendidikan": "SLTA"}],
        REQUIRED,
    )
    assert cli(path) == 1
    out = capsys.readouterr().out
    assert "baris 3: pendidikan 'SLTA' tidak dikenal" in out
    assert "Audit penempatan: 1 pegawai diperiksa" in out


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("nip,nama,jabatan,pendidikan", "kolom wajib tidak ada: golongan"),
        ("nip,nama,jabatan,pendidikan,golongan,kompetensi.integritass", "'integritas'"),
        ("nip,nama,jabatan,pendidikan,golongan,NIP", "kolom ganda: 'nip'"),
        ("", "baris pertama harus berisi nama kolom"),
    ],
)
def test_cli_exit_2_on_an_unusable_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str, words: str
) -> None:
    path = tmp_path / "p.csv"
    path.write_text(header + "\n1,a,b,S1,III/a\n", encoding="utf-8")
    assert cli(path, "--format", "json") == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert words in err


def test_audit_result_exit_code() -> None:
    everybody = Accounting(data_lines=1, audited=1, audited_lines=1)
    assert Audit((), (), counts=everybody).exit_code == 0
    assert Audit((), ()).exit_code == 1  # nobody audited: a header without rows


@pytest.mark.parametrize(
    ("field", "unmet"),
    [
        ("Administrasi Publik", False),
        ("ADMINISTRASI-PUBLIK", False),
        ("Ilmu Administrasi Negara", False),  # a member of the rumpun
        ("kebijakan  publik", False),
        ("Pendidikan Matematika", True),  # in rumpun Kependidikan, not asked for here
        ("", False),  # empty cell: not assessed
    ],
)
def test_field_of_study_is_matched_through_the_rumpun(
    dataset: Dataset, tmp_path: Path, field: str, unmet: bool
) -> None:
    """The audit uses the matching engine's one rule for fields of study: normalised text, and
    a requirement naming a rumpun accepts its members."""
    position = _first("pengawas", _public_administration)(dataset)
    row = compliant(position, "198001012000011001", "Pegawai")
    row["bidang_pendidikan"] = field
    path = tmp_path / "pegawai.csv"
    write_csv(path, [row], full_header(dataset))
    data, code = audit_json(dataset, path)
    assert code == 0
    found = [t for t in data["temuan"] if t["syarat"] == "bidang_pendidikan"]
    assert bool(found) is unmet
    if unmet:
        assert "Administrasi Publik" in found[0]["dibutuhkan"]
    not_assessed = data["ringkasan"]["tidak_dinilai_per_syarat"]
    assert ("bidang_pendidikan" in not_assessed) is (field == "")
