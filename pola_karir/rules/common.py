"""What every rule module shares: the shape of a rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pola_karir.diagnostics import Diagnostic
from pola_karir.load.workspace import Workspace

Rule = Callable[[Workspace], Iterable[Diagnostic]]
"""A rule reads the assembled model (and which files are broken) and yields what it finds;
it never raises, so every problem is reported in one run."""
