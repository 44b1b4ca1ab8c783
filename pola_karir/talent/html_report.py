"""The talent report as one self-contained HTML file for HR: the nine-box drawn as inline SVG,
the pool and the per-unit summary, and a succession table per target position.

Self-contained on purpose: it holds personal data, so it must open from a disk or an
intranet share without fetching anything (no script, no external style, font or image), and
nothing in it may be read as markup: every value is escaped with :func:`html.escape`.
"""

from __future__ import annotations

from html import escape

from pola_karir.career.timeline import worded
from pola_karir.model import PERFORMANCE_LEVELS, POTENTIAL_LEVELS, Dataset
from pola_karir.talent.grid import all_boxes
from pola_karir.talent.report import (
    box_label,
    lacking_text,
    notes,
    performance_label,
    potential_label,
)
from pola_karir.talent.succession import TalentReport, TargetPlan, box_counts, by_unit
from pola_karir.text import names
from pola_karir.text.catalogue import text, units_key

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;max-width:72rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}.risk{color:#a40000;font-weight:bold}.note{background:#fff6d5;
padding:.5rem .75rem;border-left:4px solid #d4a000}text{font-family:system-ui,sans-serif}
""".strip()

_CELL = 120  # px, one box of the grid
_LEFT = 110  # room for the potensial labels
_TOP = 10


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def render_html(report: TalentReport, dataset: Dataset, lang: str) -> str:
    title = text("talenta.html.title", lang)
    pool = text(
        "talenta.report.pool", lang, boxes="; ".join(box_label(b, lang) for b in report.pool)
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(text('talenta.html.personal', lang))}</p>",
        *(f'<p class="note">{_e(note)}</p>' for note in notes(lang)),
        f"<p>{_e(pool)}</p>",
        f"<h2>{_e(text('talenta.report.grid', lang))}</h2>",
        _grid_svg(report, lang),
        _units_table(report, dataset, lang),
        f"<h2>{_e(text('talenta.html.targets', lang))}</h2>",
        *(_plan_html(plan, dataset, lang) for plan in report.plans),
        _bad_rows_html(report, lang),
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _grid_svg(report: TalentReport, lang: str) -> str:
    """Potensial up the side (tinggi on top), kinerja along the bottom (di atas on the right);
    each box shows its count, and the pool's boxes are shaded."""
    counts = box_counts(report.staff.people)
    pool = set(report.pool)
    width, height = _LEFT + 3 * _CELL + 10, _TOP + 3 * _CELL + 70
    label = text("talenta.html.grid_label", lang)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{_e(label)}">'
    ]
    for box in all_boxes():
        x, y = _LEFT + box.column * _CELL, _TOP + box.row * _CELL
        fill = "#cfe8d4" if box in pool else "#f3f4f6"
        name = box_label(box, lang)
        out.append(
            f'<g data-kotak="{_e(box.key)}"><title>{_e(name)}</title>'
            f'<rect x="{x}" y="{y}" width="{_CELL}" height="{_CELL}" fill="{fill}" '
            f'stroke="#555"/><text x="{x + _CELL // 2}" y="{y + _CELL // 2 + 10}" '
            f'text-anchor="middle" font-size="28">{counts.get(box, 0)}</text></g>'
        )
    for index, potential in enumerate(POTENTIAL_LEVELS):
        y = _TOP + index * _CELL + _CELL // 2
        out.append(
            f'<text x="{_LEFT - 8}" y="{y}" text-anchor="end" font-size="13">'
            f"{_e(potential_label(potential, lang))}</text>"
        )
    for index, performance in enumerate(reversed(PERFORMANCE_LEVELS)):
        x = _LEFT + index * _CELL + _CELL // 2
        out.append(
            f'<text x="{x}" y="{_TOP + 3 * _CELL + 18}" text-anchor="middle" font-size="11">'
            f"{_e(performance_label(performance, lang))}</text>"
        )
    out.append(
        f'<text x="{_LEFT + 3 * _CELL // 2}" y="{_TOP + 3 * _CELL + 45}" text-anchor="middle" '
        f'font-size="14" font-weight="bold">{_e(text("talenta.axis.performance", lang))}</text>'
        f'<text x="12" y="{_TOP + 3 * _CELL // 2}" font-size="14" font-weight="bold" '
        f'transform="rotate(-90 12 {_TOP + 3 * _CELL // 2})" text-anchor="middle">'
        f"{_e(text('talenta.axis.potential', lang))}</text></svg>"
    )
    return "".join(out)


def _units_table(report: TalentReport, dataset: Dataset, lang: str) -> str:
    boxes = all_boxes()
    regional = dataset.agency.regional
    head = "".join(f"<th>{_e(box_label(b, lang))}</th>" for b in boxes)
    rows = []
    for unit, counts in by_unit(report.staff.people).items():
        name = dataset.units[unit].name if unit in dataset.units else unit
        cells = "".join(f"<td>{counts.get(b, 0)}</td>" for b in boxes)
        rows.append(f"<tr><th>{_e(name)}</th><td>{sum(counts.values())}</td>{cells}</tr>")
    return (
        f"<h2>{_e(text(units_key('talenta.report.by_unit', regional), lang))}</h2>"
        f"<table><thead><tr><th>{_e(text(units_key('talenta.html.col.unit', regional), lang))}</th>"
        f"<th>{_e(text('talenta.html.col.people', lang))}</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _plan_html(plan: TargetPlan, dataset: Dataset, lang: str) -> str:
    name = names.position_name(dataset, plan.position, lang)
    summary = text("talenta.html.target_summary", lang, wanted=plan.wanted, ready=plan.ready)
    risk = (
        f' <span class="risk">{_e(text("talenta.report.at_risk", lang))}</span>'
        if plan.at_risk
        else ""
    )
    out = [
        f'<section data-target="{_e(plan.position)}"><h3>{_e(name)}</h3><p>{_e(summary)}{risk}</p>'
    ]
    if not plan.successors:
        out.append(f"<p>{_e(text('talenta.report.no_successor', lang))}</p></section>")
        return "".join(out)
    columns = ("rank", "nip", "name", "position", "box", "moves", "years", "state", "lacking")
    head = "".join(f"<th>{_e(text(f'talenta.html.col.{c}', lang))}</th>" for c in columns)
    rows = []
    for rank, s in enumerate(plan.successors, start=1):
        cells = (
            str(rank),
            s.person.nip,
            s.person.name,
            names.position_name(dataset, s.person.position.id, lang),
            box_label(s.person.box, lang),
            str(s.moves),
            worded(s.timeline, lang),
            text(f"talenta.state.{s.state.value}", lang),
            lacking_text(dataset, s, lang),
        )
        rows.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
    out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return "".join(out) + "</section>"


def _bad_rows_html(report: TalentReport, lang: str) -> str:
    bad = report.staff.bad_rows
    if not bad:
        return ""
    items = "".join(
        f"<li>{_e(text('talenta.report.row', lang, line=row.line))}: "
        f"{_e('; '.join(row.problems))}</li>"
        for row in bad
    )
    return f"<h2>{_e(text('talenta.report.bad_rows', lang, count=len(bad)))}</h2><ul>{items}</ul>"
