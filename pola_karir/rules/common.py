"""What every rule module shares: the shape of a rule, and levels named by the catalogue."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pola_karir import reference as ref
from pola_karir.diagnostics import Diagnostic, Term, term
from pola_karir.load.workspace import Workspace

Rule = Callable[[Workspace], Iterable[Diagnostic]]
"""A rule reads the assembled model (and which files are broken) and yields what it finds;
it never raises, so every problem is reported in one run."""


def level_term(key: str) -> Term:
    """A position type (jenis) or functional grade (jenjang) as words of the catalogue
    (``label.jenis.*`` / ``label.jenjang.*``), so rules name levels in the reader's language."""
    kind = "jenis" if key in ref.POSITION_TYPES else "jenjang"
    return term(f"label.{kind}.{key}")
