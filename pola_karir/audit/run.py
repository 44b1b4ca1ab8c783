"""Placement audit: check a whole staff list (CSV) against the positions people hold.

Field studies of local government (reference.md §7) found pengawas posts held by people with SD or
SMA education where D-III is the minimum. HR needs to see such placements across the agency, not
one profile at a time, so this module reads an HR export, runs :func:`matching.check` for every
person against their own position, and summarises the gaps per jenis jabatan and per perangkat
daerah.

Every cell is untrusted input: a row that cannot be read is reported with its physical line range
and left out, the other rows are still audited, and every line of the file is accounted for
(:mod:`pola_karir.audit.rows`). The file is read as a stream; per person only what the report
shows is kept (people with an unmet requirement, their unmet findings), the summaries are
counted as the rows go by. A requirement whose column is absent or empty is
*not assessed*, never unmet, exactly as in :mod:`matching`. Personal data (NIP, names) goes only
into the requested output: nothing here logs, caches or writes files.
"""

from __future__ import annotations

import io
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from pola_karir import reference as ref
from pola_karir.audit.rows import Record, first_non_utf8, records
from pola_karir.career.matching import Eligibility, Finding, Profile, check
from pola_karir.diagnostics import closest
from pola_karir.model import Dataset, Position
from pola_karir.spreadsheet import csv_line
from pola_karir.text import names, phrases
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text, units_key
from pola_karir.text.terminal import json_safe, shown

REQUIRED: tuple[str, ...] = ("nip", "nama", "jabatan", "pendidikan", "golongan")
# tmt_golongan: the date of the current golongan, for the earliest-time estimate (talenta).
OPTIONAL: tuple[str, ...] = (
    "bidang_pendidikan",
    "tmt_jabatan",
    "tmt_golongan",
    "kinerja",
    "pelatihan",
)
COMPETENCY_PREFIX = "kompetensi."
FORMATS: tuple[str, ...] = ("text", "json", "csv")
CSV_FIELDS: tuple[str, ...] = (
    "nip",
    "nama",
    "jabatan",
    "syarat",
    "subjek",
    "dimiliki",
    "dibutuhkan",
)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ECHO_LIMIT = 60  # longest piece of a cell quoted back in a message
_T = TypeVar("_T")


class AuditUsageError(Exception):
    """The file as a whole cannot be audited (unreadable, or the header lacks a required column).

    Unlike a bad row this is the caller's mistake to fix before anything can be said, hence the
    separate exit code (2)."""


# --- result ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """One audited row: who, where in the file, and the outcome against their own position."""

    line: int
    nip: str
    name: str
    position: Position
    eligibility: Eligibility
    profile: Profile | None = field(default=None, compare=False)
    # cells of the caller's extra columns (see :func:`audit`), stripped, by column name
    extra: Mapping[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class BadRow:
    """A row left out of the audit, with every problem found in it (so HR fixes it in one go).

    ``end`` is the last physical line when the record spans several (0: only ``line``);
    ``unreadable`` tells a record whose cells could not be told apart (an unclosed quote, a
    wrong number of cells) from one that was read but holds values the audit cannot use."""

    line: int
    problems: tuple[str, ...]
    end: int = 0
    unreadable: bool = False

    @property
    def last(self) -> int:
        return max(self.line, self.end)

    @property
    def lines(self) -> int:
        return self.last - self.line + 1


@dataclass(frozen=True)
class Accounting:
    """Where every data line of the file went (physical lines after the header).

    Lines, not records: a record with an unclosed quote swallows the lines after it, and
    counting it as one bad row is how 999 people vanished from a report. The four kinds of
    lines add up to ``data_lines`` (:attr:`complete`); ``audited`` counts people, who may
    take more than one line each when a cell holds a line break."""

    data_lines: int = 0
    audited: int = 0
    audited_lines: int = 0
    rejected: int = 0
    rejected_lines: int = 0
    unreadable: int = 0
    unreadable_lines: int = 0
    blank_lines: int = 0

    @property
    def accounted(self) -> int:
        return self.audited_lines + self.rejected_lines + self.unreadable_lines + self.blank_lines

    @property
    def complete(self) -> bool:
        return self.accounted == self.data_lines

    @property
    def left_out(self) -> int:
        """Data lines that hold something and were not audited."""
        return self.rejected_lines + self.unreadable_lines


@dataclass(frozen=True)
class Group:
    """Summary line for one jenis jabatan or one perangkat daerah."""

    key: str
    label: str
    people: int
    unmet_people: int
    not_assessed: int

    @property
    def percent(self) -> float:
        """Share of people with at least one unmet requirement, 0 for an empty group."""
        return round(100 * self.unmet_people / self.people, 1) if self.people else 0.0


@dataclass(frozen=True)
class Summary:
    """The counts of the report's tables, gathered while the rows stream past."""

    by_type: Mapping[str, Group] = field(default_factory=dict)
    by_unit: Mapping[str, Group] = field(default_factory=dict)
    total: Group = Group("", "", 0, 0, 0)
    not_assessed: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Audit:
    """``people`` holds the audited people the caller chose to keep (by default all of them;
    the command keeps only those with an unmet requirement); ``summary`` and ``counts`` cover
    everybody."""

    people: tuple[Person, ...]
    bad_rows: tuple[BadRow, ...]
    ignored_columns: tuple[str, ...] = ()
    summary: Summary = Summary()
    counts: Accounting = Accounting()
    extra_columns: tuple[str, ...] = ()  # the caller's extra columns the header has

    @property
    def exit_code(self) -> int:
        """1 when some rows could not be audited, or there was nobody to audit (a header with no
        rows is a wrong file more often than an empty agency); unmet requirements are findings,
        not errors."""
        return 1 if self.bad_rows or not self.counts.audited else 0


# --- reading the file ----------------------------------------------------------------------------


def read_text(path: Path, lang: str = DEFAULT_LANGUAGE) -> str:
    """The file as text: UTF-8 with or without the BOM that Excel's "CSV UTF-8" writes."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AuditUsageError(
            text("audit.file.not_utf8", lang, path=path, byte=error.start + 1)
        ) from None


def detect_delimiter(text: str) -> str:
    """Comma or semicolon, whichever the header line uses more.

    Spreadsheets in an Indonesian locale write ';' because ',' is the decimal mark; quoted
    header cells are skipped so a stray separator inside quotes does not count."""
    header = re.split(r"[\r\n]", text, maxsplit=1)[0]
    unquoted = re.sub(r'"[^"]*"', "", header)
    return ";" if unquoted.count(";") > unquoted.count(",") else ","


@dataclass(frozen=True)
class _Columns:
    """Header name → cell index, and the competency columns by competency id."""

    index: Mapping[str, int]
    competencies: Mapping[str, int]
    ignored: tuple[str, ...]
    width: int
    extra: Mapping[str, int] = field(default_factory=dict)


def _columns(header: Sequence[str], dataset: Dataset, extra: Sequence[str], lang: str) -> _Columns:
    """Read the header; a missing, doubled or unknown-competency column stops the audit, since
    every row would otherwise be misread the same way. ``extra`` columns are left to the
    caller, even one the audit would read itself."""
    names = [cell.strip().casefold() for cell in header]
    problems: list[str] = []
    doubled = sorted({n for n in names if n and names.count(n) > 1})
    if doubled:
        problems.append(text("audit.header.doubled", lang, columns=", ".join(map(_quote, doubled))))
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        problems.append(text("audit.header.missing", lang, columns=", ".join(missing)))
    extras = {name: i for i, name in enumerate(names) if name in extra}
    index = {
        name: i
        for i, name in enumerate(names)
        if name in REQUIRED + OPTIONAL and name not in extras
    }
    competencies: dict[str, int] = {}
    ignored: list[str] = []
    for i, name in enumerate(names):
        if name.startswith(COMPETENCY_PREFIX):
            comp_id = name.removeprefix(COMPETENCY_PREFIX)
            if comp_id in dataset.competencies:
                competencies[comp_id] = i
            else:
                problems.append(
                    text("audit.header.unknown_competency", lang, column=_quote(name))
                    + _suggest(comp_id, dataset.competencies, lang)
                )
        elif name and name not in index and name not in extras:
            ignored.append(name)
    if problems:
        raise AuditUsageError("; ".join(problems))
    return _Columns(index, competencies, tuple(ignored), len(names), extras)


# --- one row -----------------------------------------------------------------------------------


class _CellError(ValueError):
    """One cell's problems (one argument each), in words for HR."""


def _quote(value: str) -> str:
    shown = value if len(value) <= _ECHO_LIMIT else value[:_ECHO_LIMIT] + "…"
    return f"'{shown}'"


def _suggest(word: str, choices: Iterable[str], lang: str) -> str:
    close = closest(word, choices)
    return text("audit.did_you_mean", lang, value=close) if close else ""


def _position(value: str, dataset: Dataset, lang: str) -> str:
    if value not in dataset.positions:
        raise _CellError(
            text("audit.cell.position", lang, value=_quote(value))
            + _suggest(value, dataset.positions, lang)
        )
    return value


def _education(value: str, lang: str) -> str:
    code = value.upper()
    if code not in ref.EDUCATION_RANK:
        raise _CellError(
            text(
                "audit.cell.education",
                lang,
                value=_quote(value),
                codes=" ".join(ref.EDUCATION_RANK),
            )
        )
    return code


def _rank(value: str, lang: str) -> str:
    group, slash, room = value.replace(" ", "").partition("/")
    code = f"{group.upper()}/{room.lower()}"
    if not slash or code not in ref.RANK_ORDER:
        raise _CellError(text("audit.cell.rank", lang, value=_quote(value)))
    return code


def _rating(value: str, lang: str) -> str:
    code = value.casefold().replace(" ", "-")
    if code not in ref.RATING_ORDER:
        raise _CellError(
            text("audit.cell.rating", lang, value=_quote(value), codes=", ".join(ref.RATING_ORDER))
        )
    return code


def _trainings(value: str, dataset: Dataset, lang: str) -> frozenset[str]:
    ids = [part.strip() for part in value.split(";") if part.strip()]
    unknown = [i for i in ids if i not in dataset.trainings]
    if unknown:
        raise _CellError(
            *(
                text("audit.cell.training", lang, value=_quote(i))
                + _suggest(i, dataset.trainings, lang)
                for i in unknown
            )
        )
    return frozenset(ids)


def _level(value: str, comp_id: str, lang: str) -> int:
    if value not in {"1", "2", "3", "4", "5"}:
        raise _CellError(text("audit.cell.level", lang, competency=comp_id, value=_quote(value)))
    return int(value)


def _start_date(column: str, value: str, today: date, lang: str) -> date:
    """``YYYY-MM-DD`` only: ``date.fromisoformat`` alone would also take ``20240101`` or week
    dates, which an HR export never means."""
    try:
        if not _DATE.fullmatch(value):
            raise ValueError(value)
        start = date.fromisoformat(value)
    except ValueError:
        raise _CellError(
            text("audit.cell.date", lang, column=column, value=_quote(value))
        ) from None
    if start > today:
        raise _CellError(text("audit.cell.future_date", lang, column=column, value=value))
    return start


def years_between(start: date, end: date) -> float:
    """Calendar years from ``start`` to ``end``: exactly 4.0 on the fourth anniversary, so a
    "paling singkat 4 tahun" requirement is met on the day (days / 365.25 would miss it)."""
    whole = end.year - start.year
    if _anniversary(start, whole) > end:
        whole -= 1
    last, following = _anniversary(start, whole), _anniversary(start, whole + 1)
    return whole + (end - last).days / (following - last).days


def _anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a common year: the day before March counts
        return date(start.year + years, 2, 28)


@dataclass(frozen=True)
class _Row:
    nip: str
    name: str
    profile: Profile
    extra: Mapping[str, str] = field(default_factory=dict)


def _parse_row(
    cells: Sequence[str], columns: _Columns, dataset: Dataset, today: date, lang: str
) -> _Row | list[str]:
    """The profile a row describes, or the list of its problems (all of them, not the first)."""
    if len(cells) != columns.width:
        return [text("audit.row.width", lang, cells=len(cells), header=columns.width)]
    values = {name: cells[i].strip() for name, i in columns.index.items()}
    problems = [text("audit.row.empty", lang, column=name) for name in REQUIRED if not values[name]]
    position = _cell(problems, values["jabatan"], lambda v: _position(v, dataset, lang))
    education = _cell(problems, values["pendidikan"], lambda v: _education(v, lang))
    rank = _cell(problems, values["golongan"], lambda v: _rank(v, lang))
    rating = _cell(problems, values.get("kinerja"), lambda v: _rating(v, lang))
    trainings = _cell(problems, values.get("pelatihan"), lambda v: _trainings(v, dataset, lang))
    start = _cell(
        problems, values.get("tmt_jabatan"), lambda v: _start_date("tmt_jabatan", v, today, lang)
    )
    in_rank = _cell(
        problems, values.get("tmt_golongan"), lambda v: _start_date("tmt_golongan", v, today, lang)
    )
    competencies = _competencies(problems, cells, columns, lang)
    if problems or position is None or education is None or rank is None:
        return problems
    profile = Profile(
        position=position,
        education=education,
        education_field=values.get("bidang_pendidikan") or None,
        rank=rank,
        years_in_rank=None if in_rank is None else years_between(in_rank, today),
        years_in_position=None if start is None else years_between(start, today),
        trainings=trainings,
        ratings=None if rating is None else (rating,),
        competencies=competencies or None,
    )
    extra = {name: cells[i].strip() for name, i in columns.extra.items()}
    return _Row(values["nip"], values["nama"], profile, extra)


def _cell(problems: list[str], value: str | None, parse: Callable[[str], _T]) -> _T | None:
    """``parse(value)`` for a filled cell; ``None`` for an empty one (not assessed) or a bad one
    (its problem added to ``problems``)."""
    if not value:
        return None
    try:
        return parse(value)
    except _CellError as error:
        problems += [str(arg) for arg in error.args]
        return None


def _competencies(
    problems: list[str], cells: Sequence[str], columns: _Columns, lang: str
) -> dict[str, int]:
    """Levels from the ``kompetensi.<id>`` columns; an empty cell leaves that one unknown."""
    levels: dict[str, int] = {}
    for comp_id, i in columns.competencies.items():
        level = _cell(problems, cells[i].strip(), partial(_level, comp_id=comp_id, lang=lang))
        if level is not None:
            levels[comp_id] = level
    return levels


# --- the audit -----------------------------------------------------------------------------------


def audit(
    dataset: Dataset,
    source: str | Iterable[str],
    today: date,
    keep: Callable[[Person], Person | None] = lambda person: person,
    extra_columns: Sequence[str] = (),
    lang: str = DEFAULT_LANGUAGE,
) -> Audit:
    """Audit a staff list against ``dataset``: ``source`` is the CSV text, or its lines as a
    file opened with ``newline=""`` yields them (read one record at a time); ``today`` dates
    ``tmt_jabatan`` (a parameter so the result does not change with the day it runs); ``keep``
    chooses what of each audited person to hold on to (:func:`with_gaps` for a report that
    only lists the gaps). ``extra_columns`` (lower case) are not read by the audit: their cells
    are handed back per person (:attr:`Person.extra`), for a caller such as the talent report
    that reads the same staff list with more columns. Problems are worded in ``lang``.

    Raises :class:`AuditUsageError` when the header makes the whole file unusable."""
    lines = iter(io.StringIO(source, newline="") if isinstance(source, str) else source)
    first = next(lines, "")
    delimiter = detect_delimiter(first)
    reading = records(itertools.chain([first], lines), delimiter)
    header = next(reading, None)
    if header is None or header.cells is None or header.blank:
        raise AuditUsageError(text("audit.file.no_header", lang))
    columns = _columns(header.cells, dataset, extra_columns, lang)
    tally = _Tally(delimiter, lang)
    for record in reading:
        tally.take(record, columns, dataset, today, keep)
    return Audit(
        tuple(tally.people),
        tuple(tally.bad),
        columns.ignored,
        tally.summary(),
        tally.accounting(header.end),
        tuple(columns.extra),
    )


def with_gaps(person: Person) -> Person | None:
    """What a report listing the gaps needs of a person: nothing when every assessed
    requirement is met, else the person with only the unmet findings (memory for a long
    staff list then grows with the gaps, not the people)."""
    unmet = person.eligibility.unmet
    if not unmet:
        return None
    return replace(person, eligibility=replace(person.eligibility, findings=unmet))


class _Tally:
    """The audit's running state while the rows stream past: kept people, bad rows, per-group
    counts and line counts. Mutable, and private to :func:`audit`, which freezes it into an
    :class:`Audit` at the end."""

    def __init__(self, delimiter: str, lang: str) -> None:
        self.delimiter = delimiter
        self.lang = lang
        self.people: list[Person] = []
        self.bad: list[BadRow] = []
        self.seen: dict[str, int] = {}  # NIP → line, to catch the same person twice
        self.by_type: dict[str, Group] = {}
        self.by_unit: dict[str, Group] = {}
        self.total = Group("", "", 0, 0, 0)
        self.not_assessed: dict[str, int] = {}
        self.lines = dict.fromkeys(("audited", "rejected", "unreadable", "blank"), 0)
        self.last_line = 0

    def take(
        self,
        record: Record,
        columns: _Columns,
        dataset: Dataset,
        today: date,
        keep: Callable[[Person], Person | None],
    ) -> None:
        self.last_line = record.end
        lang = self.lang
        if record.blank:
            self.lines["blank"] += record.span
            return
        if record.cells is None:
            return self._reject(record, (_broken(record, lang),), unreadable=True)
        if len(record.cells) != columns.width:
            width = text("audit.row.width", lang, cells=len(record.cells), header=columns.width)
            if record.span > 1:
                return self._reject(record, (_swallowed(record, lang), width), unreadable=True)
            return self._reject(record, (width,), unreadable=True)
        if record.span > 1 and record.holds_rows(self.delimiter, columns.width):
            return self._reject(record, (_swallowed(record, lang),), unreadable=True)
        row = _parse_row(record.cells, columns, dataset, today, lang)
        if isinstance(row, list):
            if record.span > 1 and record.has_line_break:
                return self._reject(record, (_swallowed(record, lang), *row), unreadable=True)
            return self._reject(record, tuple(row), unreadable=False)
        if row.nip in self.seen:
            same = text("audit.row.same_nip", lang, line=self.seen[row.nip])
            return self._reject(record, (same,), unreadable=False)
        self.seen[row.nip] = record.start
        person = _person(dataset, record.start, row, lang)
        self.lines["audited"] += record.span
        self._count(person)
        kept = keep(person)
        if kept is not None:
            self.people.append(kept)

    def _reject(self, record: Record, problems: tuple[str, ...], *, unreadable: bool) -> None:
        end = record.end if record.span > 1 else 0
        self.bad.append(BadRow(record.start, problems, end, unreadable))
        self.lines["unreadable" if unreadable else "rejected"] += record.span

    def _count(self, person: Person) -> None:
        unmet = 1 if person.eligibility.unmet else 0
        unknown = person.eligibility.unknown
        for groups, key in (
            (self.by_type, person.position.type),
            (self.by_unit, person.position.unit.split("/", 1)[0]),
        ):
            groups[key] = _added(groups.get(key, Group(key, key, 0, 0, 0)), unmet, len(unknown))
        self.total = _added(self.total, unmet, len(unknown))
        for finding in unknown:
            self.not_assessed[finding.aspect] = self.not_assessed.get(finding.aspect, 0) + 1

    def summary(self) -> Summary:
        return Summary(
            dict(self.by_type),
            dict(self.by_unit),
            self.total,
            dict(sorted(self.not_assessed.items())),
        )

    def accounting(self, header_end: int) -> Accounting:
        unreadable = [bad for bad in self.bad if bad.unreadable]
        return Accounting(
            data_lines=max(self.last_line - header_end, 0),
            audited=self.total.people,
            audited_lines=self.lines["audited"],
            rejected=len(self.bad) - len(unreadable),
            rejected_lines=self.lines["rejected"],
            unreadable=len(unreadable),
            unreadable_lines=self.lines["unreadable"],
            blank_lines=self.lines["blank"],
        )


def _added(group: Group, unmet: int, not_assessed: int) -> Group:
    return Group(
        group.key,
        group.label,
        group.people + 1,
        group.unmet_people + unmet,
        group.not_assessed + not_assessed,
    )


def _swallowed(record: Record, lang: str) -> str:
    """Why a record spans lines it should not: a quote opened on its first line."""
    return text(
        "audit.rows.swallowed", lang, start=record.start, end=record.end, more=record.span - 1
    )


def _broken(record: Record, lang: str) -> str:
    if record.too_long:
        return text("audit.rows.too_long", lang, start=record.start)
    return text("audit.rows.broken", lang, start=record.start, error=record.error)


def _person(dataset: Dataset, line: int, row: _Row, lang: str) -> Person:
    position = dataset.positions[str(row.profile.position)]
    eligibility = check(dataset, row.profile, position, lang)
    return Person(line, row.nip, row.name, position, eligibility, row.profile, row.extra)


def summarize(people: Iterable[Person], key: Callable[[Person], str]) -> dict[str, Group]:
    """People, people with at least one unmet requirement, and not-assessed requirements per
    group, for a list of people at hand (the audit itself counts as it reads)."""
    groups: dict[str, Group] = {}
    for person in people:
        name = key(person)
        groups[name] = _added(
            groups.get(name, Group(name, name, 0, 0, 0)),
            1 if person.eligibility.unmet else 0,
            len(person.eligibility.unknown),
        )
    return groups


def by_type(result: Audit, lang: str = DEFAULT_LANGUAGE) -> list[Group]:
    """Per jenis jabatan, in the order of the hierarchy (JPT first, functional last)."""
    order = list(ref.POSITION_TYPES)
    groups = sorted(result.summary.by_type.values(), key=lambda g: (_rank_of(order, g.key), g.key))
    return [_relabel(g, phrases.label("jenis", g.key, lang)) for g in groups]


def by_unit(result: Audit, dataset: Dataset) -> list[Group]:
    """Per perangkat daerah: the first segment of the position's unit path."""
    return [
        _relabel(g, dataset.units[g.key].name if g.key in dataset.units else g.key)
        for g in sorted(result.summary.by_unit.values(), key=lambda g: g.key)
    ]


def total(result: Audit, lang: str = DEFAULT_LANGUAGE) -> Group:
    return _relabel(result.summary.total, text("audit.report.total", lang))


def _rank_of(order: list[str], key: str) -> int:
    return order.index(key) if key in order else len(order)


def _relabel(group: Group, label: str) -> Group:
    return Group(group.key, label, group.people, group.unmet_people, group.not_assessed)


def findings(result: Audit) -> Iterator[tuple[Person, Finding]]:
    """Every unmet requirement, person by person in file order."""
    for person in result.people:
        for finding in person.eligibility.unmet:
            yield person, finding


def not_assessed_by_aspect(result: Audit) -> dict[str, int]:
    """How many requirements could not be assessed, per aspect: tells HR which columns to fill."""
    return dict(result.summary.not_assessed)


# --- output ------------------------------------------------------------------------------------


def to_data(result: Audit, dataset: Dataset, lang: str = DEFAULT_LANGUAGE) -> dict[str, object]:
    """The JSON form: ``ringkasan`` (summary), ``temuan`` (one entry per unmet requirement per
    person) and ``baris_bermasalah`` (rows left out)."""
    counts = result.counts
    return {
        "ringkasan": {
            **_group_data(total(result, lang)),
            "baris_bermasalah": len(result.bad_rows),
            "baris": {
                "data": counts.data_lines,
                "diaudit": counts.audited_lines,
                "ditolak": counts.rejected_lines,
                "tidak_terbaca": counts.unreadable_lines,
                "kosong": counts.blank_lines,
                "lengkap": counts.complete,
            },
            "tidak_dinilai_per_syarat": not_assessed_by_aspect(result),
            "per_jenis": [{"jenis": g.key, **_group_data(g)} for g in by_type(result, lang)],
            "per_unit": [{"unit": g.key, **_group_data(g)} for g in by_unit(result, dataset)],
            "kolom_diabaikan": list(result.ignored_columns),
        },
        "temuan": [_finding_data(person, finding) for person, finding in findings(result)],
        "baris_bermasalah": [
            {
                "baris": bad.line,
                "sampai_baris": bad.last,
                "terbaca": not bad.unreadable,
                "masalah": list(bad.problems),
            }
            for bad in result.bad_rows
        ],
    }


def _group_data(group: Group) -> dict[str, object]:
    return {
        "nama": group.label,
        "pegawai": group.people,
        "belum_memenuhi": group.unmet_people,
        "persen_belum_memenuhi": group.percent,
        "syarat_tidak_dinilai": group.not_assessed,
    }


def _finding_data(person: Person, finding: Finding) -> dict[str, str]:
    return {
        "nip": person.nip,
        "nama": person.name,
        "jabatan": person.position.id,
        "syarat": finding.aspect,
        "subjek": finding.subject,
        "dimiliki": finding.have,
        "dibutuhkan": finding.need,
    }


def render_json(result: Audit, dataset: Dataset, lang: str = DEFAULT_LANGUAGE) -> str:
    """JSON with control and bidi characters escaped even where the encoder leaves them."""
    data = to_data(result, dataset, lang)
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def render_csv(result: Audit, separator: str = ",", lang: str = DEFAULT_LANGUAGE) -> str:
    """One row per unmet requirement, for filtering in a spreadsheet; ``separator`` is ``,`` or
    ``;`` (the list separator of an Indonesian-locale spreadsheet)."""
    yes_no = (text("csv.yes", lang), text("csv.no", lang))
    lines = [csv_line(CSV_FIELDS, separator, yes_no)]
    for person, finding in findings(result):
        data = _finding_data(person, finding)
        lines.append(csv_line((data[name] for name in CSV_FIELDS), separator, yes_no))
    return "".join(lines)


# A cell made safe for a terminal line (kept under its old name for callers of this module).


def render_text(result: Audit, dataset: Dataset, lang: str = DEFAULT_LANGUAGE) -> str:
    """The report in ``lang``: where the file's lines went, people with gaps, the two summary
    tables, then the bad rows. Every line is shown terminal-safe, whatever it quotes."""
    whole = total(result, lang)
    lines = [
        text(
            "audit.report.heading",
            lang,
            people=whole.people,
            unmet=whole.unmet_people,
            percent=_percent(whole.percent, lang),
        ),
        *accounting_text(result.counts, lang),
        "",
    ]
    lines += _people_text(result, dataset, lang)
    lines += _table("by_type", [*by_type(result, lang), whole], lang)
    lines += _table("by_unit", by_unit(result, dataset), lang, dataset.agency.regional)
    lines += _not_assessed_text(result, lang)
    lines += _bad_rows_text(result.bad_rows, lang)
    if result.ignored_columns:
        ignored = ", ".join(map(shown, result.ignored_columns))
        lines.append(text("audit.report.ignored_columns", lang, columns=ignored))
    return "\n".join(map(shown, lines)).rstrip("\n") + "\n"


def accounting_text(counts: Accounting, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """Where the data lines went, in words that add up: never fewer people than lines without
    the reason beside it."""
    if not counts.data_lines:
        return [text("audit.rows.no_data", lang)]
    lines = [
        text(
            "audit.rows.accounting",
            lang,
            data=counts.data_lines,
            audited=counts.audited_lines,
            rejected=counts.rejected_lines,
            unreadable=counts.unreadable_lines,
            blank=counts.blank_lines,
        )
    ]
    if counts.audited_lines != counts.audited:
        lines.append(
            text("audit.rows.multiline", lang, people=counts.audited, lines=counts.audited_lines)
        )
    if counts.left_out:
        lines.append(text("audit.rows.left_out", lang, count=counts.left_out))
    if not counts.complete:  # a bug, but one the reader must hear about
        lines.append(
            text("audit.rows.unaccounted", lang, count=counts.data_lines - counts.accounted)
        )
    return lines


def _people_text(result: Audit, dataset: Dataset, lang: str) -> list[str]:
    lines = []
    for person in result.people:
        unmet = person.eligibility.unmet
        if unmet:
            gaps = "; ".join(_gap(f, lang) for f in unmet)
            position = names.position_name(dataset, person.position.id, lang)
            lines.append(f"{shown(person.nip)} {shown(person.name)} — {position}: {gaps}")
    if not lines:
        lines.append(text("audit.report.nobody_unmet", lang))
    return [*lines, ""]


def _gap(finding: Finding, lang: str) -> str:
    if finding.aspect in ("pelatihan", "sertifikasi"):
        return text(f"audit.gap.{finding.aspect}", lang, name=finding.subject)
    subject = finding.subject
    if finding.aspect == "kompetensi":
        subject = text("audit.gap.competency", lang, name=subject)
    elif subject[:1].isupper() and subject[1:2].islower():
        subject = subject[0].lower() + subject[1:]
    return text("audit.gap", lang, subject=subject, have=shown(finding.have), need=finding.need)


def _table(name: str, groups: Sequence[Group], lang: str, regional: bool = True) -> list[str]:
    """A summary table (``audit.report.<name>``), columns padded to line up in a terminal;
    ``regional``: whether the agency's units are perangkat daerah (the by-unit table)."""
    title = text(units_key(f"audit.report.{name}", regional), lang)
    heading = text(units_key(f"audit.report.{name}.column", regional), lang)
    width = max([len(heading), *(len(g.label) for g in groups)])
    people, unmet, percent, not_assessed = (
        text(f"audit.report.col.{column}", lang)
        for column in ("people", "unmet", "percent", "not_assessed")
    )
    head = f"  {heading:<{width}}  {people:>7}  {unmet:>14}  {percent:>6}  {not_assessed:>20}"
    rows = [
        f"  {g.label:<{width}}  {g.people:>7}  {g.unmet_people:>14}  "
        f"{_percent(g.percent, lang):>6}  {g.not_assessed:>20}"
        for g in groups
    ]
    return [f"{title}:", head, *rows, ""]


def _percent(value: float, lang: str) -> str:
    return text(
        "audit.report.percent", lang, value=f"{value:.1f}".replace(".", phrases.decimal_mark(lang))
    )


def _not_assessed_text(result: Audit, lang: str) -> list[str]:
    counts = not_assessed_by_aspect(result)
    if not counts:
        return []
    parts = ", ".join(f"{aspect} {count}" for aspect, count in counts.items())
    return [text("audit.report.not_assessed", lang, counts=parts), ""]


def _bad_rows_text(bad_rows: Sequence[BadRow], lang: str) -> list[str]:
    """One line per bad row, or the row's line followed by one line per problem."""
    if not bad_rows:
        return []
    lines = [text("audit.report.bad_rows", lang, count=len(bad_rows))]
    for bad in bad_rows:
        row = (
            text("audit.report.row", lang, line=bad.line)
            if bad.lines == 1
            else text("audit.rows.range", lang, start=bad.line, end=bad.last)
        )
        if len(bad.problems) == 1:
            lines.append(f"  {row}: {shown(bad.problems[0])}")
        else:
            lines.append(f"  {row}:")
            lines += [f"    - {shown(problem)}" for problem in bad.problems]
    return [*lines, ""]


@dataclass(frozen=True)
class AuditRun:
    """What the ``audit`` command shows: the report (standard output), notes that must not mix
    into it (standard error: a usage problem, or the bad rows beside a CSV report, so that the
    CSV stays a clean spreadsheet), and the exit code. The CLI prints; the core only returns."""

    report: str
    notes: str
    exit_code: int


def run_audit(
    dataset: Dataset,
    csv_path: Path,
    fmt: str,
    today: date | None = None,
    separator: str = ",",
    lang: str = DEFAULT_LANGUAGE,
) -> AuditRun:
    """The ``audit`` command: exit code 0 fine, 1 bad rows (or nobody to audit), 2 unusable
    file. The file is read as a stream; ``separator`` is for ``--format csv``."""
    try:
        result = _audit_file(dataset, csv_path, today or date.today(), with_gaps, lang)
    except AuditUsageError as error:
        return AuditRun("", f"pola-karir audit: {shown(csv_path)}: {shown(error)}\n", 2)
    if fmt == "json":
        return AuditRun(render_json(result, dataset, lang), "", result.exit_code)
    if fmt == "csv":
        notes = ""
        if result.bad_rows or not result.counts.audited:
            shown_lines = [
                *accounting_text(result.counts, lang),
                *_bad_rows_text(result.bad_rows, lang),
            ]
            notes = "\n".join(map(shown, shown_lines)).rstrip("\n") + "\n"
        return AuditRun(render_csv(result, separator, lang), notes, result.exit_code)
    return AuditRun(render_text(result, dataset, lang), "", result.exit_code)


def _audit_file(
    dataset: Dataset,
    path: Path,
    today: date,
    keep: Callable[[Person], Person | None],
    lang: str,
) -> Audit:
    """:func:`audit` over a file, streamed; a file that cannot be read at all, or is not
    UTF-8, is a usage problem (nothing would be audited, or only part of it)."""
    try:
        problem = first_non_utf8(path)
        if problem is not None:
            raise AuditUsageError(
                text(
                    "audit.rows.not_utf8",
                    lang,
                    line=problem.line,
                    column=problem.column,
                    byte=f"{problem.byte:02X}",
                )
            )
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return audit(dataset, handle, today, keep, lang=lang)
    except IsADirectoryError:
        raise AuditUsageError(text("audit.rows.is_directory", lang)) from None
    except FileNotFoundError:
        raise AuditUsageError(text("audit.rows.not_found", lang)) from None
    except PermissionError:
        raise AuditUsageError(text("audit.rows.no_permission", lang)) from None
    except OSError as error:
        raise AuditUsageError(text("audit.rows.os_error", lang, reason=error.strerror)) from None
