"""Present diagnostics: plain text for people, JSON for tools, annotations for GitHub Actions.

Values quoted in messages and file names are untrusted: every format shows their control and
bidi characters escaped (:mod:`pola_karir.text.terminal`), so a crafted value cannot rewrite
the report in a terminal or forge a workflow command."""

from __future__ import annotations

import json
from collections.abc import Sequence

from pola_karir.diagnostics import Diagnostic, Severity, count_by_severity
from pola_karir.text.catalogue import text
from pola_karir.text.diagnostics import hint, message
from pola_karir.text.terminal import json_safe, shown

FORMATS = ("text", "json", "github")


def summary(diagnostics: Sequence[Diagnostic], files: int, lang: str = "id") -> str:
    """The closing line: errors and warnings decide; notes (findings resting on unconfirmed
    tables) are counted apart on a line of their own before it, only when there are some."""
    counts = count_by_severity(diagnostics)
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    verdict = text("report.valid" if errors == 0 else "report.invalid", lang)
    line = text(
        "report.summary", lang, files=files, errors=errors, warnings=warnings, verdict=verdict
    )
    notes = counts[Severity.NOTE]
    return f"{text('report.notes', lang, notes=notes)}\n{line}" if notes else line


def as_text(diagnostics: Sequence[Diagnostic], files: int, lang: str = "id") -> str:
    hint_label = text("report.hint_label", lang)
    lines = []
    for d in diagnostics:
        loc = d.location
        lines.append(
            f"{shown(loc.file)}:{loc.line}:{loc.column}: {d.severity.value}[{d.code}]: "
            f"{shown(message(d, lang))}"
        )
        fix = hint(d, lang)
        if fix:
            lines.append(f"    {hint_label}: {shown(fix)}")
    lines.append(summary(diagnostics, files, lang))
    return "\n".join(lines) + "\n"


def as_json(diagnostics: Sequence[Diagnostic], files: int, lang: str = "id") -> str:
    counts = count_by_severity(diagnostics)
    payload = {
        "ringkasan": {
            "berkas": files,
            "galat": counts[Severity.ERROR],
            "peringatan": counts[Severity.WARNING],
            "catatan": counts[Severity.NOTE],
            "sah": counts[Severity.ERROR] == 0,
        },
        "diagnostik": [
            {
                "file": d.location.file,
                "line": d.location.line,
                "column": d.location.column,
                "severity": d.severity.value,
                "code": d.code,
                "message": message(d, lang),
                "hint": hint(d, lang),
            }
            for d in diagnostics
        ],
    }
    return json_safe(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"


def _escape_data(text: str) -> str:
    """GitHub's escapes for a command's message (``%``, CR, LF: the only ones its runner
    decodes), after every other control character is shown escaped. A ``::`` in the message
    needs nothing: a command starts only at the beginning of a line, and no line break is left."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return shown(escaped)


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# Workflow command per severity: notes become GitHub's informational 'notice'.
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def as_github(diagnostics: Sequence[Diagnostic], files: int, lang: str = "id") -> str:
    """GitHub Actions workflow commands, so problems show on the pull request's diff."""
    lines = []
    for d in diagnostics:
        loc = d.location
        level = _GITHUB_LEVEL[d.severity]
        props = (
            f"file={_escape_property(loc.file)},line={loc.line},col={loc.column},"
            f"title={_escape_property(d.code)}"
        )
        body = shown(message(d, lang))
        fix = hint(d, lang)
        if fix:
            body += "\n" + shown(fix)
        lines.append(f"::{level} {props}::{_escape_data(body)}")
    lines.append(summary(diagnostics, files, lang))
    return "\n".join(lines) + "\n"


def render(fmt: str, diagnostics: Sequence[Diagnostic], files: int, lang: str = "id") -> str:
    renderer = {"text": as_text, "json": as_json, "github": as_github}[fmt]
    return renderer(diagnostics, files, lang)
