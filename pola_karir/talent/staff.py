"""Reading a staff list for talent management: the audit's reader, plus the box columns.

The file is read by :func:`pola_karir.audit.run.audit` (same CSV conventions, same row
accounting, same messages), asked to hand back the box columns untouched. The box is written
either in one column, ``kinerja_kotak`` (``kinerja / potensial``), and then ``kinerja`` stays
the SKP predikat the audit reads (so the staff list of an audit only needs one more column);
or, without ``kinerja_kotak``, in the two columns ``kinerja`` and ``potensial``, and then
``kinerja`` is the performance axis of the nine-box, so a performance requirement of a
position is not assessed. A row whose box cannot be read joins the audit's bad rows, by line:
nobody is left out without being named.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from pola_karir.audit.run import AuditUsageError, BadRow, Person, audit, detect_delimiter
from pola_karir.career.matching import Profile
from pola_karir.model import Dataset, Position
from pola_karir.talent import grid
from pola_karir.talent.grid import Box
from pola_karir.text.catalogue import text

BOX_COLUMN = "kinerja_kotak"
PERFORMANCE_COLUMN = "kinerja"
POTENTIAL_COLUMN = "potensial"
AXIS_COLUMNS = (PERFORMANCE_COLUMN, POTENTIAL_COLUMN)


@dataclass(frozen=True)
class TalentPerson:
    """One person of the staff list placed in the nine-box."""

    line: int
    nip: str
    name: str
    position: Position
    profile: Profile
    box: Box


@dataclass(frozen=True)
class Staff:
    people: tuple[TalentPerson, ...]
    bad_rows: tuple[BadRow, ...]  # the audit's and the box's, by line
    ignored_columns: tuple[str, ...] = ()


def read_staff(dataset: Dataset, csv_text: str, today: date, lang: str) -> Staff:
    """The people of ``csv_text`` with their boxes, and every row left out with its reasons.

    Raises :class:`AuditUsageError` when the header makes the whole file unusable, including a
    header with no box columns (every row would lack its box)."""
    header = box_columns(csv_text)
    if BOX_COLUMN not in header and not set(AXIS_COLUMNS) <= header:
        raise AuditUsageError(text("talenta.header.no_box", lang))
    extra = (BOX_COLUMN,) if BOX_COLUMN in header else AXIS_COLUMNS
    result = audit(dataset, csv_text, today, extra_columns=extra, lang=lang)
    people: list[TalentPerson] = []
    bad = list(result.bad_rows)
    for person in result.people:
        box = _box(person, lang)
        if isinstance(box, Box) and person.profile is not None:
            people.append(
                TalentPerson(
                    person.line, person.nip, person.name, person.position, person.profile, box
                )
            )
        elif isinstance(box, list):
            bad.append(BadRow(person.line, tuple(box)))
    bad.sort(key=lambda row: row.line)
    return Staff(tuple(people), tuple(bad), result.ignored_columns)


def box_columns(csv_text: str) -> set[str]:
    """Which box columns the header has: it decides what ``kinerja`` means. A header the
    audit cannot read is left to the audit to report."""
    first = csv_text.splitlines()[0] if csv_text else ""
    try:
        cells = next(csv.reader(io.StringIO(first), delimiter=detect_delimiter(csv_text)), [])
    except csv.Error:
        return set()
    names = {cell.strip().casefold() for cell in cells}
    return names & {BOX_COLUMN, *AXIS_COLUMNS}


def _box(person: Person, lang: str) -> Box | list[str]:
    """The person's box, or the problems of its cells (all of them)."""
    cells = person.extra
    problems: list[str] = []
    if BOX_COLUMN in cells:
        combined = cells[BOX_COLUMN]
        if not combined:
            return [text("talenta.cell.empty", lang, column=BOX_COLUMN)]
        found = _combined(combined, lang, problems)
    else:
        found = _axes(
            cells.get(PERFORMANCE_COLUMN, ""), cells.get(POTENTIAL_COLUMN, ""), lang, problems
        )
    return problems if problems or found is None else found


def _axes(kinerja: str, potensial: str, lang: str, problems: list[str]) -> Box | None:
    performance = grid.performance(kinerja) if kinerja else None
    potential = grid.potential(potensial) if potensial else None
    if not kinerja:
        problems.append(text("talenta.cell.empty", lang, column=PERFORMANCE_COLUMN))
    elif performance is None:
        problems.append(text("talenta.cell.performance", lang, value=_quote(kinerja)))
    if not potensial:
        problems.append(text("talenta.cell.empty", lang, column=POTENTIAL_COLUMN))
    elif potential is None:
        problems.append(text("talenta.cell.potential", lang, value=_quote(potensial)))
    if performance is None or potential is None:
        return None
    return Box(performance, potential)


def _combined(value: str, lang: str, problems: list[str]) -> Box | None:
    if value.strip().isdigit():
        problems.append(text("talenta.cell.box_number", lang, value=_quote(value)))
        return None
    parts = grid.split_box(value)
    if parts is None:
        problems.append(text("talenta.cell.box", lang, value=_quote(value)))
        return None
    performance, potential = grid.performance(parts[0]), grid.potential(parts[1])
    if performance is None or potential is None:
        problems.append(text("talenta.cell.box", lang, value=_quote(value)))
        return None
    return Box(performance, potential)


def _quote(value: str) -> str:
    shown = value if len(value) <= 60 else value[:60] + "…"
    return f"'{shown}'"
