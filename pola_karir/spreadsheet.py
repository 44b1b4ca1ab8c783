"""Cells that a spreadsheet opens as text: one guard for every CSV the tool writes.

The open data on the site and `audit --format csv` both end up in Excel or LibreOffice, where a
cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula
(OWASP "CSV injection"): a position name or an employee's name from untrusted input could
become ``=HYPERLINK(...)``. At the bottom of the package, so that ``export`` and ``audit`` (one
layer, neither above the other) share it.
"""

from __future__ import annotations

from typing import Final

FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would run it as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def number_cell(value: float) -> str:
    """The shortest text that reads back as the same number (``2`` not ``2.0``, ``1.5``)."""
    return str(int(value)) if value.is_integer() else repr(value)
