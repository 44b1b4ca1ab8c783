"""Reading a staff list so that every physical line is accounted for.

An HR export is edited by hand, and one unclosed ``"`` makes a CSV reader take every following
line as the inside of one cell: the audit would then see one odd record where a thousand people
were, and say nothing about them. So records come with the physical lines they span (the csv
module's ``line_num`` after each record is the line it ended on), and the audit counts lines, not
records: lines of people audited + lines rejected + lines unreadable + blank lines = data lines.
A record spanning several lines whose cells do not fit the header is the mark of an unclosed
quote, reported with its whole line range.

The file is read as a stream (one record at a time), so memory does not grow with its length:
the only thing kept per person is what the report must show.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Record:
    """One CSV record and the physical lines it spans (``start`` to ``end``, header = 1).

    ``cells`` is ``None`` when the csv module gave up on the record (``error`` says why)."""

    start: int
    end: int
    cells: tuple[str, ...] | None
    error: str = ""

    @property
    def span(self) -> int:
        return self.end - self.start + 1

    @property
    def blank(self) -> bool:
        """An empty line, or one holding only separators (``;;;;`` left by a spreadsheet)."""
        return self.cells is not None and not any(cell.strip() for cell in self.cells)

    @property
    def too_long(self) -> bool:
        """Whether the csv module stopped at a cell longer than ``csv.field_size_limit()``
        (128 KiB by default; its message names the limit): in a staff list, only an unclosed
        quote makes one."""
        return f"({csv.field_size_limit()})" in self.error

    @property
    def has_line_break(self) -> bool:
        return self.cells is not None and any("\n" in c or "\r" in c for c in self.cells)

    def holds_rows(self, delimiter: str, width: int) -> bool:
        """Whether a cell's lines look like rows of the file: one holds as many separators as
        a row has (``width - 1``). A name or an address broken over two lines does not; the
        lines swallowed by an unclosed quote do, even when the record's width comes out right
        (a stray quote closed by another one lines later)."""
        return self.cells is not None and any(
            line.count(delimiter) >= width - 1
            for cell in self.cells
            if "\n" in cell or "\r" in cell
            for line in cell.splitlines()
        )


def records(lines: Iterable[str], delimiter: str) -> Iterator[Record]:
    """Every record of ``lines`` (text lines with their endings, as a file opened with
    ``newline=""`` gives them), each with its line range; a record the csv module rejects is
    yielded with its error, and reading goes on from the next line."""
    reader = csv.reader(lines, delimiter=delimiter)
    consumed = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if reader.line_num == consumed:  # nothing read: nothing left to read
                return
            yield Record(consumed + 1, reader.line_num, None, str(error))
        else:
            yield Record(consumed + 1, reader.line_num, tuple(row))
        consumed = reader.line_num


@dataclass(frozen=True)
class EncodingProblem:
    """Where a file stops being UTF-8: line, character column, and the offending byte."""

    line: int
    column: int
    byte: int


def first_non_utf8(path: Path) -> EncodingProblem | None:
    """The first byte of ``path`` that is not UTF-8, read line by line (a line feed is never
    part of a multi-byte character, so lines can be decoded one at a time, in bounded memory).

    A pass over the whole file before the audit reads it, so the audit never stops half-way
    through with some people counted and the rest not."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as error:
                column = len(raw[: error.start].decode("utf-8", errors="replace")) + 1
                return EncodingProblem(number, column, raw[error.start])
    return None
