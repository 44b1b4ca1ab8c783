"""Diagnostics: what every check produces instead of raising.

A diagnostic names the file, line and column, a stable rule code and the facts that fill the
rule's message: ids, numbers, codes, and :class:`Term` keys for values that need words. It holds
no sentence in any language; :mod:`pola_karir.text.diagnostics` words it in Indonesian or
English from the catalogues, so tests can assert codes and positions independent of wording.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pola_karir.codes import CODES, Code, Severity
from pola_karir.model import Location

__all__ = [
    "CODES",
    "NOTHING",
    "Code",
    "Diagnostic",
    "Severity",
    "Term",
    "closest",
    "count_by_severity",
    "diag",
    "has_errors",
    "suggestion",
    "term",
]


@dataclass(frozen=True)
class Term:
    """A value that itself needs words ("a list", an OS error reason, a syntax explanation).

    It holds catalogue keys, never text, so the reader's language is chosen only when the
    diagnostic is shown. Several keys are joined with the ``joiner`` key's text (" atau "/" or ");
    no keys at all render as nothing (an absent "did you mean").
    """

    keys: tuple[str, ...]
    joiner: str = "join.or"


NOTHING = Term(())


def term(*keys: str, joiner: str = "join.or") -> Term:
    return Term(keys, joiner)


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the data."""

    code: str
    location: Location
    args: tuple[tuple[str, str], ...] = field(default=())
    terms: tuple[tuple[str, Term], ...] = field(default=())

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def params(self) -> dict[str, str]:
        return dict(self.args)

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code)


def diag(code: str, location: Location, **values: object) -> Diagnostic:
    """Build a diagnostic; plain values are stored as text so they render and compare alike,
    :class:`Term` values are kept as keys for the catalogue to word."""
    if code not in CODES:
        raise KeyError(f"unknown diagnostic code {code!r}")
    args = tuple(sorted((k, str(v)) for k, v in values.items() if not isinstance(v, Term)))
    terms = tuple(sorted((k, v) for k, v in values.items() if isinstance(v, Term)))
    return Diagnostic(code, location, args, terms)


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice a typo most likely meant, if any is close enough: the one "did you mean"."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def suggestion(word: str, choices: Iterable[str]) -> dict[str, object]:
    """The ``suggestion`` value of messages ending in "did you mean '…'?" (empty when none)."""
    match = closest(word, choices)
    if match is None:
        return {"suggestion": NOTHING}
    return {"suggestion": term("suggestion.did_you_mean"), "suggested": match}


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def count_by_severity(diagnostics: Iterable[Diagnostic]) -> Mapping[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        counts[d.severity] += 1
    return counts
