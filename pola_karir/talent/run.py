"""The ``talenta`` command's core: read the staff list, place everyone, plan succession and
render the asked format. Returns the report, the notes for standard error and the exit code;
the CLI prints and writes (a file only where ``--keluaran`` names one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pola_karir.audit.run import AuditUsageError, read_text
from pola_karir.model import Dataset
from pola_karir.talent.html_report import render_html
from pola_karir.talent.report import bad_rows_note, render_csv, render_json, render_text
from pola_karir.talent.staff import read_staff
from pola_karir.talent.succession import DEFAULT_MAX_MOVES, TalentReport, plan
from pola_karir.text.terminal import shown

FORMATS: tuple[str, ...] = ("text", "json", "csv", "html")


@dataclass(frozen=True)
class TalentRun:
    report: str
    notes: str
    exit_code: int  # 0 fine, 1 some rows could not be read, 2 the file is unusable


def talent_report(
    dataset: Dataset, csv_text: str, today: date, lang: str, max_moves: int = DEFAULT_MAX_MOVES
) -> TalentReport:
    """The report as data (raises :class:`AuditUsageError` for an unusable file)."""
    return plan(dataset, read_staff(dataset, csv_text, today, lang), max_moves, lang)


def run_talenta(
    dataset: Dataset,
    csv_path: Path,
    fmt: str,
    lang: str,
    today: date | None = None,
    max_moves: int = DEFAULT_MAX_MOVES,
) -> TalentRun:
    try:
        report = talent_report(
            dataset, read_text(csv_path, lang), today or date.today(), lang, max_moves
        )
    except AuditUsageError as error:
        return TalentRun("", f"pola-karir talenta: {shown(str(error))}\n", 2)
    code = 1 if report.staff.bad_rows else 0
    if fmt == "json":
        return TalentRun(render_json(report, dataset, lang), "", code)
    if fmt == "text":
        return TalentRun(render_text(report, dataset, lang), "", code)
    notes = bad_rows_note(report.staff.bad_rows, lang)
    if fmt == "csv":
        return TalentRun(render_csv(report, dataset, lang), notes, code)
    return TalentRun(render_html(report, dataset, lang), notes, code)
