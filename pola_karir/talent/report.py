"""The talent report for HR: plain data (JSON), text, and CSV. Personal data (NIP, names,
boxes) goes only into what the caller asked for; nothing here writes a file or prints.

Every word comes from the ``talenta.po`` catalogue of the chosen language; every cell from
the staff list is untrusted, so text output escapes terminal controls (the audit's
:func:`~pola_karir.text.terminal.shown`) and CSV cells go through :func:`safe_cell`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from pola_karir.audit.run import BadRow
from pola_karir.career.timeline import timeline_data, worded
from pola_karir.model import PERFORMANCE_LEVELS, POTENTIAL_LEVELS, Dataset
from pola_karir.spreadsheet import number_cell, safe_cell
from pola_karir.talent import grid
from pola_karir.talent.grid import Box, all_boxes
from pola_karir.talent.succession import Successor, TalentReport, TargetPlan, box_counts, by_unit
from pola_karir.text import names, phrases
from pola_karir.text.catalogue import text, units_key
from pola_karir.text.terminal import shown

CSV_FIELDS: tuple[str, ...] = (
    "jabatan_target",
    "nama_jabatan_target",
    "jumlah_suksesor",
    "suksesor_siap",
    "risiko_suksesi",
    "peringkat",
    "nip",
    "nama",
    "jabatan",
    "kinerja",
    "potensial",
    "langkah",
    "rute",
    "tahun_paling_cepat",
    "perkiraan",
    "status",
    "celah",
    "kekurangan",
)


# --- words -------------------------------------------------------------------------------------


def performance_label(code: str, lang: str) -> str:
    return text(f"talenta.kinerja.{code}", lang)


def potential_label(code: str, lang: str) -> str:
    return text(f"talenta.potensial.{code}", lang)


def box_label(box: Box, lang: str) -> str:
    """'Kinerja di atas ekspektasi, potensial tinggi': the box by its axes (its number in the
    regulation is not confirmed)."""
    return text(
        "talenta.box",
        lang,
        performance=performance_label(box.performance, lang),
        potential=potential_label(box.potential, lang),
    )


def notes(lang: str) -> list[str]:
    """What every report says about itself: the box numbers, and the pool being the tool's
    default unless the data sets it."""
    return [] if grid.BOX_NUMBERS_CONFIRMED else [text("talenta.note.box_numbers", lang)]


def _yes_no(value: bool, lang: str) -> str:
    return text("talenta.yes" if value else "talenta.no", lang)


def gap_text(
    dataset: Dataset, gap_position: str, subject: str, have: str, need: str, lang: str
) -> str:
    return text(
        "talenta.gap",
        lang,
        position=names.position_name(dataset, gap_position, lang),
        subject=subject,
        have=have,
        need=need,
    )


def lacking_text(dataset: Dataset, successor: Successor, lang: str) -> str:
    """The unmet requirements of a route, and the aspects left unassessed, in one line."""
    parts = [
        gap_text(
            dataset,
            g.position,
            g.finding.subject,
            g.finding.have,
            g.finding.need,
            lang,
        )
        for g in successor.lacking
    ]
    if successor.to_fill:
        labels = ", ".join(phrases.label("aspek", a, lang) for a in successor.to_fill)
        parts.append(text("talenta.not_assessed", lang, aspects=labels))
    return "; ".join(parts) if parts else text("talenta.nothing_lacking", lang)


# --- plain data (JSON) ----------------------------------------------------------------------


def to_data(report: TalentReport, dataset: Dataset, lang: str) -> dict[str, object]:
    people = report.staff.people
    counts = box_counts(people)
    return {
        "catatan": notes(lang),
        "nomor_kotak_terkonfirmasi": grid.BOX_NUMBERS_CONFIRMED,
        "kotak_suksesi": [_box_data(box, lang) for box in report.pool],
        "langkah_maksimal": report.max_moves,
        "ringkasan": {
            "pegawai": len(people),
            "baris_bermasalah": len(report.staff.bad_rows),
            "jabatan_target": len(report.plans),
            "risiko_suksesi": sum(1 for p in report.plans if p.at_risk),
            "per_kotak": [
                {**_box_data(box, lang), "pegawai": counts.get(box, 0)} for box in all_boxes()
            ],
            "per_unit": [
                {
                    "unit": unit,
                    "nama": _unit_name(dataset, unit),
                    "pegawai": sum(boxes.values()),
                    "per_kotak": {box.key: boxes.get(box, 0) for box in all_boxes()},
                }
                for unit, boxes in by_unit(people).items()
            ],
        },
        "pegawai": [
            {
                "baris": p.line,
                "nip": p.nip,
                "nama": p.name,
                "jabatan": p.position.id,
                "unit": p.position.unit,
                **_box_data(p.box, lang),
                "kelompok_suksesi": report.in_pool(p),
            }
            for p in people
        ],
        "jabatan_target": [_plan_data(plan, dataset, lang) for plan in report.plans],
        "baris_bermasalah": [
            {"baris": bad.line, "masalah": list(bad.problems)} for bad in report.staff.bad_rows
        ],
        "kolom_diabaikan": list(report.staff.ignored_columns),
    }


def _box_data(box: Box, lang: str) -> dict[str, object]:
    return {
        "kotak": box.key,
        "kinerja": box.performance,
        "potensial": box.potential,
        "nama_kotak": box_label(box, lang),
    }


def _plan_data(plan: TargetPlan, dataset: Dataset, lang: str) -> dict[str, object]:
    return {
        "jabatan": plan.position,
        "nama": names.position_name(dataset, plan.position, lang),
        "jumlah_suksesor": plan.wanted,
        "suksesor_siap": plan.ready,
        "risiko_suksesi": plan.at_risk,
        "suksesor": [
            _successor_data(rank, s, dataset, lang)
            for rank, s in enumerate(plan.successors, start=1)
        ],
    }


def _successor_data(rank: int, s: Successor, dataset: Dataset, lang: str) -> dict[str, object]:
    return {
        "peringkat": rank,
        "nip": s.person.nip,
        "nama": s.person.name,
        "jabatan": s.person.position.id,
        "kotak": s.person.box.key,
        "rute": list(s.route),
        "langkah": s.moves,
        "tahun": s.years,
        "perkiraan": s.estimate,
        "waktu": timeline_data(s.timeline),
        "status": s.state.value,
        "siap": s.ready,
        "celah": s.gaps,
        "kekurangan": [
            {
                "jabatan": g.position,
                "aspek": g.finding.aspect,
                "subjek": g.finding.subject,
                "dimiliki": g.finding.have,
                "dibutuhkan": g.finding.need,
            }
            for g in s.lacking
        ],
        "isi": list(s.to_fill),
    }


def render_json(report: TalentReport, dataset: Dataset, lang: str) -> str:
    return json.dumps(to_data(report, dataset, lang), ensure_ascii=False, indent=2) + "\n"


# --- CSV ---------------------------------------------------------------------------------------


def render_csv(report: TalentReport, dataset: Dataset, lang: str) -> str:
    """One row per successor of each target; a target without any gets one row with empty
    person cells, so its risk flag is in the spreadsheet too."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for plan in report.plans:
        head = [
            plan.position,
            names.position_name(dataset, plan.position, lang),
            str(plan.wanted),
            str(plan.ready),
            _yes_no(plan.at_risk, lang),
        ]
        if not plan.successors:
            writer.writerow([safe_cell(c) for c in head] + [""] * (len(CSV_FIELDS) - len(head)))
        for rank, s in enumerate(plan.successors, start=1):
            row = [
                *head,
                str(rank),
                s.person.nip,
                s.person.name,
                s.person.position.id,
                s.person.box.performance,
                s.person.box.potential,
                str(s.moves),
                " > ".join(s.route),
                "" if s.years is None else number_cell(s.years),
                _yes_no(s.estimate, lang),
                s.state.value,
                str(s.gaps),
                lacking_text(dataset, s, lang),
            ]
            writer.writerow([safe_cell(c) for c in row])
    return out.getvalue()


# --- text --------------------------------------------------------------------------------------


def render_text(report: TalentReport, dataset: Dataset, lang: str) -> str:
    people = report.staff.people
    at_risk = sum(1 for p in report.plans if p.at_risk)
    lines = [
        text(
            "talenta.report.heading",
            lang,
            people=len(people),
            targets=len(report.plans),
            at_risk=at_risk,
        ),
        *notes(lang),
        text(
            "talenta.report.pool",
            lang,
            boxes="; ".join(box_label(b, lang) for b in report.pool),
        ),
        "",
    ]
    lines += _grid_text(report, lang)
    lines += _units_text(report, dataset, lang)
    for plan in report.plans:
        lines += _plan_text(plan, dataset, lang)
    lines += _bad_rows_text(report.staff.bad_rows, lang)
    if report.staff.ignored_columns:
        ignored = ", ".join(map(shown, report.staff.ignored_columns))
        lines.append(text("talenta.report.ignored_columns", lang, columns=ignored))
    return "\n".join(lines).rstrip("\n") + "\n"


def _grid_text(report: TalentReport, lang: str) -> list[str]:
    """The nine-box as a small table: potensial rows (tinggi on top), kinerja columns."""
    counts = box_counts(report.staff.people)
    heads = [performance_label(k, lang) for k in reversed(PERFORMANCE_LEVELS)]
    rows = [potential_label(p, lang) for p in POTENTIAL_LEVELS]
    first = max(len(r) for r in [text("talenta.axis.potential", lang), *rows])
    width = max(len(h) for h in heads)
    out = [
        text("talenta.report.grid", lang) + ":",
        "  "
        + text("talenta.axis.potential", lang).ljust(first)
        + "  "
        + "  ".join(h.rjust(width) for h in heads),
    ]
    for potential in POTENTIAL_LEVELS:
        cells = [
            str(counts.get(Box(k, potential), 0)).rjust(width) for k in reversed(PERFORMANCE_LEVELS)
        ]
        out.append("  " + potential_label(potential, lang).ljust(first) + "  " + "  ".join(cells))
    return [*out, ""]


def _units_text(report: TalentReport, dataset: Dataset, lang: str) -> list[str]:
    pool = set(report.pool)
    out = [text(units_key("talenta.report.by_unit", dataset.agency.regional), lang) + ":"]
    for unit, boxes in by_unit(report.staff.people).items():
        in_pool = sum(n for box, n in boxes.items() if box in pool)
        out.append(
            "  "
            + text(
                "talenta.report.unit_line",
                lang,
                unit=shown(_unit_name(dataset, unit)),
                people=sum(boxes.values()),
                pool=in_pool,
            )
        )
    return [*out, ""]


def _plan_text(plan: TargetPlan, dataset: Dataset, lang: str) -> list[str]:
    name = names.position_name(dataset, plan.position, lang)
    head = text(
        "talenta.report.target",
        lang,
        position=shown(name),
        id=plan.position,
        wanted=plan.wanted,
        ready=plan.ready,
    )
    if plan.at_risk:
        head += " " + text("talenta.report.at_risk", lang)
    out = [head]
    if not plan.successors:
        out.append("  " + text("talenta.report.no_successor", lang))
    for rank, s in enumerate(plan.successors, start=1):
        out.append(
            "  "
            + text(
                "talenta.report.successor",
                lang,
                rank=rank,
                nip=shown(s.person.nip),
                name=shown(s.person.name),
                position=shown(names.position_name(dataset, s.person.position.id, lang)),
                box=box_label(s.person.box, lang),
                moves=s.moves,
                when=worded(s.timeline, lang),
                state=text(f"talenta.state.{s.state.value}", lang),
            )
        )
        out.append("     " + shown(lacking_text(dataset, s, lang)))
    return [*out, ""]


def _bad_rows_text(bad_rows: Sequence[BadRow], lang: str) -> list[str]:
    if not bad_rows:
        return []
    lines = [text("talenta.report.bad_rows", lang, count=len(bad_rows))]
    for bad in bad_rows:
        row = text("talenta.report.row", lang, line=bad.line)
        lines.append(f"  {row}: " + "; ".join(shown(p) for p in bad.problems))
    return [*lines, ""]


def bad_rows_note(bad_rows: Sequence[BadRow], lang: str) -> str:
    """The bad rows alone, for standard error beside a CSV or an HTML file."""
    return "\n".join(_bad_rows_text(bad_rows, lang))


def _unit_name(dataset: Dataset, unit: str) -> str:
    return dataset.units[unit].name if unit in dataset.units else unit
