"""Present diagnostics: plain text for people, JSON for tools, annotations for GitHub Actions."""

from __future__ import annotations

import json
from collections.abc import Sequence

from pola_karir.diagnostics import Diagnostic, Severity, count_by_severity

FORMATS = ("text", "json", "github")


def summary(diagnostics: Sequence[Diagnostic], files: int, lang: str = "id") -> str:
    counts = count_by_severity(diagnostics)
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    if lang == "en":
        verdict = "valid" if errors == 0 else "NOT valid"
        return (
            f"{files} files checked: {errors} error(s), {warnings} warning(s); data is {verdict}."
        )
    verdict = "sah" if errors == 0 else "TIDAK sah"
    return f"{files} berkas diperiksa: {errors} galat, {warnings} peringatan; data {verdict}."


def as_text(diagnostics: Sequence[Diagnostic], files: int, lang: str = "id") -> str:
    hint_label = "hint" if lang == "en" else "saran"
    lines = []
    for d in diagnostics:
        loc = d.location
        lines.append(
            f"{loc.file}:{loc.line}:{loc.column}: {d.severity.value}[{d.code}]: {d.message(lang)}"
        )
        hint = d.hint(lang)
        if hint:
            lines.append(f"    {hint_label}: {hint}")
    lines.append(summary(diagnostics, files, lang))
    return "\n".join(lines) + "\n"


def as_json(diagnostics: Sequence[Diagnostic], files: int, lang: str = "id") -> str:
    counts = count_by_severity(diagnostics)
    payload = {
        "ringkasan": {
            "berkas": files,
            "galat": counts[Severity.ERROR],
            "peringatan": counts[Severity.WARNING],
            "sah": counts[Severity.ERROR] == 0,
        },
        "diagnostik": [
            {
                "file": d.location.file,
                "line": d.location.line,
                "column": d.location.column,
                "severity": d.severity.value,
                "code": d.code,
                "message": d.message(lang),
                "hint": d.hint(lang),
            }
            for d in diagnostics
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(diagnostics: Sequence[Diagnostic], files: int, lang: str = "id") -> str:
    """GitHub Actions workflow commands, so problems show on the pull request's diff."""
    lines = []
    for d in diagnostics:
        loc = d.location
        level = "error" if d.severity is Severity.ERROR else "warning"
        props = (
            f"file={_escape_property(loc.file)},line={loc.line},col={loc.column},"
            f"title={_escape_property(d.code)}"
        )
        body = d.message(lang)
        hint = d.hint(lang)
        if hint:
            body += "\n" + hint
        lines.append(f"::{level} {props}::{_escape_data(body)}")
    lines.append(summary(diagnostics, files, lang))
    return "\n".join(lines) + "\n"


def render(fmt: str, diagnostics: Sequence[Diagnostic], files: int, lang: str = "id") -> str:
    renderer = {"text": as_text, "json": as_json, "github": as_github}[fmt]
    return renderer(diagnostics, files, lang)
