"""Every diagnostic code with its severity and a short English slug: facts, no sentences.

Codes are stable (HR staff and CI logs refer to them). The words of each code's message and hint
live in the ``diagnostics.po`` catalogue of each language, keyed ``<code>.message`` and
``<code>.hint``; this table sits below every other module so that a diagnostic knows its
severity without importing any text.
Ranges: PK0xx reading YAML, PK1xx schema, PK2xx references and identity, PK3xx career paths,
PK4xx national rules from the regulations.

Three classes of finding: an *error* contradicts the regulation's text and stops publication; a
*warning* is worth fixing (``mkdocs build --strict`` fails on it); a *note* rests on a table the
regulation text has not confirmed (the JA-JF equivalence, the usual competency level, the
keterampilan golongan ranges, the eselon table), so no build mode ever fails on it. PK018 is a
note of another kind: it counts the diagnostics of a file left out beyond the per-file limit, and
every count of errors and warnings includes them (``diagnostics.count_by_severity``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Severity(StrEnum):
    """Errors stop publication; warnings are shown but the data is still usable (a strict
    build fails on them); notes rest on unconfirmed national tables and never fail anything."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True)
class Code:
    """A rule code, how serious its finding is, and a slug for tools and logs."""

    code: str
    severity: Severity
    title: str


E = Severity.ERROR
W = Severity.WARNING
N = Severity.NOTE

CODES: Final[dict[str, Code]] = {
    entry.code: entry
    for entry in (
        # PK0xx: reading files
        Code("PK001", E, "unreadable-file"),
        Code("PK002", E, "invalid-utf8"),
        Code("PK003", E, "yaml-syntax"),
        Code("PK004", E, "tab-indent"),
        Code("PK005", E, "duplicate-key"),
        Code("PK006", E, "yaml-alias"),
        Code("PK007", E, "empty-document"),
        Code("PK008", E, "not-a-mapping"),
        Code("PK009", E, "multiple-documents"),
        Code("PK010", E, "bad-file-name"),
        Code("PK011", E, "complex-key"),
        Code("PK012", W, "unknown-file"),
        Code("PK013", E, "unsupported-tag"),
        Code("PK014", E, "too-deep"),
        Code("PK015", E, "missing-file"),
        Code("PK016", E, "control-character"),
        Code("PK017", W, "invisible-character"),
        Code("PK018", N, "diagnostics-left-out"),
        Code("PK019", E, "yml-and-yaml-twin"),
        Code("PK020", E, "yaml-1.1-1.2-ambiguous"),
        Code("PK021", W, "yaml-1.1-short-boolean"),
        # PK1xx: schema
        Code("PK101", E, "unknown-key"),
        Code("PK102", E, "missing-key"),
        Code("PK103", E, "wrong-type"),
        Code("PK104", E, "invalid-value"),
        Code("PK105", E, "bad-format"),
        Code("PK106", E, "out-of-range"),
        Code("PK107", E, "schema"),
        # PK2xx: references and identity
        Code("PK201", E, "unknown-reference"),
        Code("PK202", E, "duplicate-id"),
        Code("PK203", E, "id-mismatch"),
        Code("PK204", E, "redefines-national"),
        Code("PK205", E, "functional-fields"),
        Code("PK206", E, "grade-not-in-family"),
        Code("PK207", W, "incomplete-requirements"),
        Code("PK208", W, "training-kind"),
        Code("PK209", E, "rank-range"),
        Code("PK210", E, "grade-not-in-category"),
        Code("PK211", W, "overstaffed"),
        Code("PK212", E, "duplicate-placement"),
        Code("PK213", W, "target-unreachable"),
        Code("PK214", E, "duplicate-target-type"),
        Code("PK220", E, "duplicate-field-group-name"),
        # PK3xx: career paths
        Code("PK301", E, "vertical-cycle"),
        Code("PK302", E, "move-type"),
        Code("PK303", N, "move-equivalence"),
        Code("PK304", E, "self-move"),
        Code("PK305", W, "duplicate-move"),
        Code("PK306", W, "position-without-path"),
        Code("PK307", W, "move-class"),
        Code("PK308", W, "class-below-lower-level"),
        Code("PK309", W, "mutation-window"),
        Code("PK310", N, "eselon-type"),
        # PK4xx: national rules
        Code("PK401", E, "education-below-minimum"),
        Code("PK402", W, "rank-outside-grade"),
        Code("PK403", N, "unusual-competency-level"),
        Code("PK404", N, "rank-outside-usual-grade"),
    )
}
