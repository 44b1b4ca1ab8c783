"""Reading a staff list for talent management: the audit's reader, plus the box columns.

The file is read by :func:`pola_karir.audit.run.audit` (same CSV conventions, same row
accounting, same messages), asked to hand back the box columns untouched: ``kinerja_kotak``
(``kinerja / potensial`` in one cell) or ``kinerja`` and ``potensial``. In this report
``kinerja`` is the performance axis of the nine-box, not the SKP predikat the audit reads, so
a performance requirement of a position is then not assessed. A row whose box cannot be read
joins the audit's bad rows, by line: nobody is left out without being named.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pola_karir.audit.run import AuditUsageError, BadRow, Person, audit
from pola_karir.career.matching import Profile
from pola_karir.model import Dataset, Position
from pola_karir.talent import grid
from pola_karir.talent.grid import Box
from pola_karir.text.catalogue import text

BOX_COLUMN = "kinerja_kotak"
PERFORMANCE_COLUMN = "kinerja"
POTENTIAL_COLUMN = "potensial"
EXTRA_COLUMNS = (BOX_COLUMN, PERFORMANCE_COLUMN, POTENTIAL_COLUMN)


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
    result = audit(dataset, csv_text, today, EXTRA_COLUMNS)
    columns = set(result.extra_columns)
    if BOX_COLUMN not in columns and not {PERFORMANCE_COLUMN, POTENTIAL_COLUMN} <= columns:
        raise AuditUsageError(text("talenta.header.no_box", lang))
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


def _box(person: Person, lang: str) -> Box | list[str]:
    """The person's box, or the problems of its cells (all of them)."""
    cells = person.extra
    combined = cells.get(BOX_COLUMN, "")
    axes = (cells.get(PERFORMANCE_COLUMN, ""), cells.get(POTENTIAL_COLUMN, ""))
    problems: list[str] = []
    from_axes = _axes(*axes, lang, problems) if any(axes) else None
    from_box = _combined(combined, lang, problems) if combined else None
    if problems:
        return problems
    if from_box and from_axes and from_box != from_axes:
        return [text("talenta.cell.disagree", lang, box=_quote(combined))]
    found = from_box or from_axes
    if found is None:
        return [text("talenta.cell.no_box", lang)]
    return found


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
