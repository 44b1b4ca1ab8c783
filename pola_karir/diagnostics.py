"""Diagnostics: what every check produces instead of raising.

A diagnostic names the file, line and column, a stable rule code and the values that fill the
rule's message. The text itself lives in :mod:`pola_karir.text.messages`, so the same
diagnostic can be shown in Indonesian or English and tests can assert codes and positions
independent of wording.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from pola_karir.model import Location


class Severity(StrEnum):
    """Errors stop publication; warnings are shown but the data is still usable."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the data."""

    code: str
    location: Location
    args: tuple[tuple[str, str], ...] = field(default=())

    @property
    def severity(self) -> Severity:
        from pola_karir.text.messages import RULES

        return RULES[self.code].severity

    @property
    def params(self) -> dict[str, str]:
        return dict(self.args)

    def message(self, lang: str = "id") -> str:
        from pola_karir.text.messages import render_message

        return render_message(self.code, self.params, lang)

    def hint(self, lang: str = "id") -> str:
        from pola_karir.text.messages import render_hint

        return render_hint(self.code, self.params, lang)

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code)


def diag(code: str, location: Location, **args: object) -> Diagnostic:
    """Build a diagnostic; every argument is stored as text so it can be rendered and compared."""
    return Diagnostic(code, location, tuple(sorted((k, str(v)) for k, v in args.items())))


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def count_by_severity(diagnostics: Iterable[Diagnostic]) -> Mapping[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        counts[d.severity] += 1
    return counts
