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
from typing import Final

from pola_karir.codes import CODES, Code, Severity
from pola_karir.model import Location

__all__ = [
    "CODES",
    "LEFT_OUT",
    "MAX_PER_FILE",
    "NOTHING",
    "Capped",
    "Code",
    "Diagnostic",
    "Severity",
    "Term",
    "cap_per_file",
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


# Beyond this many candidates or letters "did you mean" is not worth its cost: difflib compares
# the word with every candidate, and a hostile file can hold a 100,000-letter key.
_MAX_CANDIDATES: Final = 20_000
_MAX_WORD: Final = 200


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice a typo most likely meant, if any is close enough: the one "did you mean".

    Only candidates of about the word's length can pass the cutoff, so a long list is first cut
    down to those; a very long word, or too many candidates even then, gets no suggestion.
    """
    if len(word) > _MAX_WORD:
        return None
    pool = choices if isinstance(choices, list | tuple) else list(choices)
    if len(pool) > _MAX_CANDIDATES:
        pool = [c for c in pool if abs(len(c) - len(word)) <= max(3, len(word) // 2)]
        if len(pool) > _MAX_CANDIDATES:
            return None
    # Written in other capitals ("III/A", "PKA"): that choice, not the nearest by spelling
    # ('III/A' is nearer to 'III/d' for difflib than to 'III/a').
    same = [c for c in pool if c.casefold() == word.casefold()]
    if len(same) == 1:
        return same[0]
    found = difflib.get_close_matches(word, list(pool), n=1, cutoff=0.6)
    return found[0] if found else None


def suggestion(word: str, choices: Iterable[str]) -> dict[str, object]:
    """The ``suggestion`` value of messages ending in "did you mean '…'?" (empty when none)."""
    match = closest(word, choices)
    if match is None:
        return {"suggestion": NOTHING}
    return {"suggestion": term("suggestion.did_you_mean"), "suggested": match}


# --- bounded output --------------------------------------------------------------------------

MAX_PER_FILE: Final = 50
"""At most this many diagnostics are shown per file; one PK018 counts the ones left out.

A pull request that pastes 270,000 aliases or a 900,000-item list must not print hundreds of
megabytes: the first problems are what a person fixes first, and a run after the fix shows the
next ones."""

LEFT_OUT: Final = "PK018"
_COUNTED: Final = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.NOTE: "notes"}


def left_out(
    location: Location, counts: Mapping[Severity, int], limit: int = MAX_PER_FILE
) -> Diagnostic:
    """The PK018 summary: how many diagnostics of each severity a file had beyond the cap."""
    values = {name: counts.get(severity, 0) for severity, name in _COUNTED.items()}
    return diag(LEFT_OUT, location, count=sum(values.values()), limit=limit, **values)


def _left_out_counts(summary: Diagnostic) -> dict[Severity, int]:
    params = summary.params
    return {severity: int(params.get(name, "0")) for severity, name in _COUNTED.items()}


class Capped:
    """Collects one file's diagnostics up to a limit and only counts the rest, so a checker
    that meets a problem a million times does the work of wording ``limit`` of them."""

    def __init__(self, limit: int = MAX_PER_FILE) -> None:
        self.limit = limit
        self.kept: list[Diagnostic] = []
        self.skipped = dict.fromkeys(Severity, 0)
        self.first_skipped: Location | None = None

    @property
    def full(self) -> bool:
        return len(self.kept) >= self.limit

    def add(self, diagnostic: Diagnostic) -> None:
        if self.full:
            self.skip(diagnostic.code, diagnostic.location)
        else:
            self.kept.append(diagnostic)

    def skip(self, code: str, location: Location) -> None:
        """Count a diagnostic without building it (call when :attr:`full`)."""
        self.skipped[CODES[code].severity] += 1
        if self.first_skipped is None:
            self.first_skipped = location

    def result(self) -> list[Diagnostic]:
        """The kept diagnostics, plus a PK018 at the first one left out when there was one."""
        if self.first_skipped is None:
            return list(self.kept)
        return [*self.kept, left_out(self.first_skipped, self.skipped, self.limit)]


_RANK: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}


def cap_per_file(diagnostics: Iterable[Diagnostic], limit: int = MAX_PER_FILE) -> list[Diagnostic]:
    """At most ``limit`` diagnostics per file plus one PK018 counting the rest.

    Errors are kept before warnings and warnings before notes, so a file with an error still
    shows one and a strict build still fails on a warning; PK018s from earlier caps are merged
    into one, and :func:`count_by_severity` adds what they count, so totals stay true.
    """
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_file.setdefault(d.location.file, []).append(d)
    capped: list[Diagnostic] = []
    for found in by_file.values():
        earlier = [d for d in found if d.code == LEFT_OUT]
        rest = [d for d in found if d.code != LEFT_OUT]
        if len(rest) <= limit and len(earlier) <= 1:
            capped += found
            continue
        ranked = sorted(rest, key=lambda d: (_RANK[d.severity], d.sort_key()))
        kept, dropped = ranked[:limit], ranked[limit:]
        counts = dict.fromkeys(Severity, 0)
        for d in dropped:
            counts[d.severity] += 1
        for summary in earlier:
            for severity, number in _left_out_counts(summary).items():
                counts[severity] += number
        first = min([*dropped, *earlier], key=Diagnostic.sort_key)
        capped += [*kept, left_out(first.location, counts, limit)]
    return capped


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return count_by_severity(diagnostics)[Severity.ERROR] > 0


def count_by_severity(diagnostics: Iterable[Diagnostic]) -> Mapping[Severity, int]:
    """Diagnostics per severity, those a PK018 left out included (the PK018 itself is not a
    finding and is not counted)."""
    counts = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        if d.code == LEFT_OUT:
            for severity, number in _left_out_counts(d).items():
                counts[severity] += number
        else:
            counts[d.severity] += 1
    return counts
