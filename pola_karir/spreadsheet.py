"""CSV that a spreadsheet opens as text, whichever list separator it uses: one writer for every
CSV the tool writes (the site's open data and ``audit --format csv``).

Two dangers, both from untrusted cells (a position's name, an employee's name):

* **Formulas.** Excel and LibreOffice run a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or
  a carriage return (OWASP "CSV injection"); their fullwidth forms (``＝`` ``＋`` ``－`` ``＠``)
  are folded to ASCII by some imports, so they count too.
* **A second separator.** A file written with ``,`` and opened where the list separator is ``;``
  (the Indonesian locale, where ``,`` is the decimal mark) is split at every unquoted ``;`` —
  ``Kepala Bagian Umum;=1+1;x`` becomes three cells, the middle one a formula.

So :func:`safe_cell` puts an apostrophe (the spreadsheets' own "this is text" mark) before a
formula character at the start of a cell AND after every ``,``, ``;``, tab or line break inside
it (spaces in between allowed), where a split could expose it; and :func:`csv_line` quotes every
cell holding ``,`` ``;`` ``"`` a tab or a line break, so neither separator splits it at all. Cells
without those characters are written bare: they cannot be split, and the open data stays plain
for the programs that read it. A reader that wants the original values removes an apostrophe
that precedes a formula character at those positions (:func:`original_cell`).

At the bottom of the package, so that ``export`` and ``audit`` (one layer, neither above the
other) share it; the words for booleans come from the caller, which knows the catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

SEPARATORS: Final = (",", ";")
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# A formula character at the start, or after a separator or line break and optional spaces.
_EXPOSED: Final = re.compile(r"(^|[,;\t\r\n] *)(?=[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])")
_NEUTRALISED: Final = re.compile(r"(^|[,;\t\r\n] *)'(?=[=+\-@\t\r\uff1d\uff0b\uff0d\uff20])")
_NEEDS_QUOTES: Final = re.compile(r'[,;"\t\r\n]')


def safe_cell(text: str) -> str:
    """``text`` with an apostrophe before every formula character a spreadsheet could run."""
    return _EXPOSED.sub(r"\1'", text)


def original_cell(text: str) -> str:
    """The value :func:`safe_cell` was given (for tests and for readers of the open data)."""
    return _NEUTRALISED.sub(r"\1", text)


def quoted(text: str) -> str:
    """The cell as CSV: in double quotes (inner ones doubled) when it holds a separator of
    either kind, a quote, a tab or a line break."""
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def number_cell(value: float) -> str:
    """The shortest text that reads back as the same number (``2`` not ``2.0``, ``1.5``)."""
    return str(int(value)) if value.is_integer() else repr(value)


def cell_text(value: object, yes_no: tuple[str, str]) -> str:
    """A value as cell text: nothing for ``None``, ``yes_no`` words for booleans (``True`` and
    ``False`` mean nothing to an HR reader), short numbers, then made formula-safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no[0] if value else yes_no[1]
    if isinstance(value, float):
        return number_cell(value)
    return safe_cell(str(value))


def csv_line(cells: Iterable[object], separator: str, yes_no: tuple[str, str]) -> str:
    """One CSV line (with its ``\\n``), every cell safe in both locales."""
    if separator not in SEPARATORS:
        raise ValueError(f"separator must be one of {SEPARATORS}, not {separator!r}")
    return separator.join(quoted(cell_text(cell, yes_no)) for cell in cells) + "\n"


def csv_table(
    headers: Iterable[str],
    rows: Iterable[Iterable[object]],
    separator: str,
    yes_no: tuple[str, str],
) -> str:
    """A whole table: the header line, then one line per row."""
    return "".join(
        [csv_line(headers, separator, yes_no), *(csv_line(row, separator, yes_no) for row in rows)]
    )
