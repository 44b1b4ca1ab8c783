"""Every line of a staff list is accounted for (issue 10, item 2): an unclosed quote is reported
with the whole range of lines it swallowed, the line counts add up, and the file is streamed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pola_karir.audit.run import Accounting, Person, audit, run_audit, with_gaps
from pola_karir.model import Dataset, Position
from pola_karir.rules.validate import validate_project

DATA = Path(__file__).resolve().parent.parent / "data"
TODAY = date(2025, 7, 1)
HEADER = "nip,nama,jabatan,pendidikan,golongan"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    loaded = validate_project(DATA).dataset
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def position(dataset: Dataset) -> Position:
    return next(p for p in dataset.positions.values() if p.type == "pengawas")


def row(position: Position, index: int, name: str = "", education: str = "") -> str:
    req = position.requirements
    assert req.education is not None and req.rank is not None
    nama = name or f"Pegawai {index}"
    return f"{1000 + index},{nama},{position.id},{education or req.education.minimum},III/d"


def staff_list(position: Position, count: int, changes: dict[int, str]) -> str:
    """A header and ``count`` one-line rows; ``changes`` replaces the row on a physical line."""
    lines = [HEADER] + [row(position, i) for i in range(count)]
    for line, text in changes.items():
        lines[line - 1] = text
    return "\n".join(lines) + "\n"


def balanced(counts: Accounting) -> bool:
    parts = (counts.audited_lines, counts.rejected_lines, counts.unreadable_lines)
    return counts.complete and sum(parts) + counts.blank_lines == counts.data_lines


def test_an_unclosed_quote_names_every_line_it_swallowed(
    dataset: Dataset, position: Position, tmp_path: Path
) -> None:
    """The issue's file: 1,001 lines, an unclosed quote on line 3. Today's report says
    "1 pegawai diperiksa" and one bad row; the 999 lines after it must be named."""
    path = tmp_path / "pegawai.csv"
    path.write_text(staff_list(position, 1000, {3: row(position, 1, name='"Budi')}))
    run = run_audit(dataset, path, "text", TODAY)
    assert run.exit_code == 1
    lines = run.report.splitlines()
    assert lines[1] == (
        "1000 baris data = 1 baris pegawai diaudit + 0 baris ditolak (isinya tidak sah) "
        "+ 999 baris tidak terbaca + 0 baris kosong."
    )
    assert lines[2].startswith("Perhatian: 999 baris data tidak ikut diaudit")
    bad = lines.index("Baris bermasalah (1, tidak ikut diaudit):")
    assert lines[bad + 1] == "  baris 3–1001:"
    assert lines[bad + 2].startswith(
        '    - tanda kutip (") yang dibuka di baris 3 tidak ditutup di baris itu, sehingga '
        "998 baris sesudahnya (sampai baris 1001)"
    )
    data = json.loads(run_audit(dataset, path, "json", TODAY).report)
    assert data["ringkasan"]["baris"] == {
        "data": 1000,
        "diaudit": 1,
        "ditolak": 0,
        "tidak_terbaca": 999,
        "kosong": 0,
        "lengkap": True,
    }
    [entry] = data["baris_bermasalah"]
    assert (entry["baris"], entry["sampai_baris"], entry["terbaca"]) == (3, 1001, False)


def test_a_quote_closed_lines_later_and_one_in_the_last_column(
    dataset: Dataset, position: Position
) -> None:
    """A stray quote on line 3 closed by another on line 6 swallows lines 3-6 only, and the
    people after them are audited; an unclosed quote in the last column gives a record of the
    right width, which must still be reported as swallowed lines, not as one odd value."""
    text = staff_list(
        position,
        12,
        {
            3: row(position, 1, name='"Ani'),
            6: row(position, 4, name='Dodi"'),
            10: row(position, 8)[: -len("III/d")] + '"III/d',
        },
    )
    result = audit(dataset, text, TODAY)
    assert [(b.line, b.last, b.unreadable) for b in result.bad_rows] == [
        (3, 6, True),
        (10, 13, True),
    ]
    assert "dibuka di baris 10" in result.bad_rows[1].problems[0]
    assert [p.line for p in result.people] == [2, 7, 8, 9]
    counts = result.counts
    assert (counts.data_lines, counts.audited, counts.unreadable_lines) == (12, 4, 8)
    assert balanced(counts)


def test_a_swallowed_cell_too_long_to_read_is_reported_and_reading_goes_on(
    dataset: Dataset, position: Position
) -> None:
    """Past 128 KiB the csv module gives up on the cell: the lines it read are reported as one
    range, and the rows after it are read again."""
    text = staff_list(position, 3000, {3: row(position, 1, name='"Budi')})
    result = audit(dataset, text, TODAY)
    first = result.bad_rows[0]
    assert (first.line, first.unreadable) == (3, True)
    assert first.last > 3
    assert "terlalu panjang" in first.problems[0]
    counts = result.counts
    assert balanced(counts) and counts.data_lines == 3000
    assert counts.unreadable_lines == sum(b.lines for b in result.bad_rows)
    assert counts.audited == 3000 - counts.unreadable_lines  # everyone after it is audited


def test_line_counts_add_up_with_multi_line_cells_blank_lines_and_bad_rows(
    dataset: Dataset, position: Position
) -> None:
    text = "\n".join(
        [
            HEADER,  # 1
            f'1,"Ani\nSaputri",{position.id},D3,III/c',  # 2-3: one person, two lines
            f"2,Budi,{position.id}x,D3,III/c",  # 4: rejected (unknown position)
            "",  # 5: blank
            ",,,,",  # 6: blank as a spreadsheet leaves it
            f"4,Dedi,{position.id},D3,III/c,extra",  # 7: unreadable (six cells)
            f"1,Eka,{position.id},D3,III/c",  # 8: rejected (same NIP as line 2)
        ]
    )
    result = audit(dataset, text + "\n", TODAY)
    assert result.counts == Accounting(
        data_lines=7,
        audited=1,
        audited_lines=2,
        rejected=2,
        rejected_lines=2,
        unreadable=1,
        unreadable_lines=1,
        blank_lines=2,
    )
    assert balanced(result.counts)


def test_header_only_and_empty_files(dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "pegawai.csv"
    path.write_text(HEADER + "\n", encoding="utf-8")
    run = run_audit(dataset, path, "text", TODAY)
    assert run.exit_code == 1
    assert run.report.splitlines()[1] == (
        "Berkas hanya berisi kepala tabel: tidak ada baris data, tidak ada pegawai yang diaudit."
    )
    path.write_text("", encoding="utf-8")
    run = run_audit(dataset, path, "text", TODAY)
    assert (run.report, run.exit_code) == ("", 2)
    assert "baris pertama harus berisi nama kolom" in run.notes


def test_a_non_utf8_file_names_the_line_and_the_encoding_to_save_as(
    dataset: Dataset, position: Position, tmp_path: Path
) -> None:
    path = tmp_path / "pegawai.csv"
    text = staff_list(position, 5, {4: row(position, 2, name="André")})
    path.write_bytes(text.encode("cp1252"))
    run = run_audit(dataset, path, "text", TODAY)
    assert (run.report, run.exit_code) == ("", 2)
    assert f"{path}: baris 4, kolom 10: byte 0xE9 bukan teks UTF-8" in run.notes
    assert 'simpan ulang sebagai "CSV UTF-8"' in run.notes


def test_the_audit_streams_the_file(dataset: Dataset, position: Position) -> None:
    """The first person is audited after reading only a few lines of a long file (the reader
    holds one record at a time), and the command's report keeps only the people with gaps
    while its summary counts everybody."""
    lines_read = 0
    read_when_first_kept: list[int] = []

    def lines() -> Iterator[str]:
        nonlocal lines_read
        for line in staff_list(position, 2000, {}).splitlines(keepends=True):
            lines_read += 1
            yield line

    def keep(person: Person) -> Person | None:
        read_when_first_kept.append(lines_read)
        return with_gaps(person)

    result = audit(dataset, lines(), TODAY, keep)
    assert read_when_first_kept[0] <= 3
    assert lines_read == 2001
    assert result.people == () and result.counts.audited == 2000
    assert result.summary.total.people == 2000

    text = staff_list(position, 10, {5: row(position, 3, education="SD")})
    kept = audit(dataset, text, TODAY, with_gaps)
    assert [(p.line, [f.aspect for f in p.eligibility.findings]) for p in kept.people] == [
        (5, ["pendidikan"])
    ]
