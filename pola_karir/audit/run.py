"""Placement audit: check a whole staff list (CSV) against the positions people hold.

Field studies of local government (reference.md §7) found pengawas posts held by people with SD or
SMA education where D-III is the minimum. HR needs to see such placements across the agency, not
one profile at a time, so this module reads an HR export, runs :func:`matching.check` for every
person against their own position, and summarises the gaps per jenis jabatan and per perangkat
daerah.

Every cell is untrusted input: a row that cannot be read is reported with its physical line number
and left out, the other rows are still audited. A requirement whose column is absent or empty is
*not assessed*, never unmet, exactly as in :mod:`matching`. Personal data (NIP, names) goes only
into the requested output: nothing here logs, caches or writes files.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from pola_karir import reference as ref
from pola_karir.career.matching import Eligibility, Finding, Profile, check
from pola_karir.diagnostics import closest
from pola_karir.model import Dataset, Position
from pola_karir.spreadsheet import safe_cell
from pola_karir.text import names, phrases
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text

REQUIRED: tuple[str, ...] = ("nip", "nama", "jabatan", "pendidikan", "golongan")
OPTIONAL: tuple[str, ...] = ("bidang_pendidikan", "tmt_jabatan", "kinerja", "pelatihan")
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

# Unicode categories that can reshape a terminal line: controls (ANSI escapes), format
# characters (bidi overrides), surrogates, private use, unassigned, line and paragraph separators.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ECHO_LIMIT = 60  # longest piece of a cell quoted back in a message
_T = TypeVar("_T")
# The report is in Indonesian for now; every word comes from the catalogue (audit.po).
_LANG = DEFAULT_LANGUAGE


def _say(key: str, **values: object) -> str:
    return text(key, _LANG, **values)


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
    """A row left out of the audit, with every problem found in it (so HR fixes it in one go)."""

    line: int
    problems: tuple[str, ...]


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
class Audit:
    people: tuple[Person, ...]
    bad_rows: tuple[BadRow, ...]
    ignored_columns: tuple[str, ...] = ()
    extra_columns: tuple[str, ...] = ()  # the caller's extra columns the header has

    @property
    def exit_code(self) -> int:
        """1 when some rows could not be audited; unmet requirements are findings, not errors."""
        return 1 if self.bad_rows else 0


# --- reading the file ----------------------------------------------------------------------------


def read_text(path: Path) -> str:
    """The file as text: UTF-8 with or without the BOM that Excel's "CSV UTF-8" writes."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AuditUsageError(
            _say("audit.file.not_utf8", path=path, byte=error.start + 1)
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


def _columns(header: Sequence[str], dataset: Dataset, extra: Sequence[str] = ()) -> _Columns:
    """Read the header; a missing, doubled or unknown-competency column stops the audit, since
    every row would otherwise be misread the same way. ``extra`` columns are left to the
    caller, even one the audit would read itself."""
    names = [cell.strip().casefold() for cell in header]
    problems: list[str] = []
    doubled = sorted({n for n in names if n and names.count(n) > 1})
    if doubled:
        problems.append(_say("audit.header.doubled", columns=", ".join(map(_quote, doubled))))
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        problems.append(_say("audit.header.missing", columns=", ".join(missing)))
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
                    _say("audit.header.unknown_competency", column=_quote(name))
                    + _suggest(comp_id, dataset.competencies)
                )
        elif name and name not in index and name not in extras:
            ignored.append(name)
    if problems:
        raise AuditUsageError("; ".join(problems))
    return _Columns(index, competencies, tuple(ignored), len(names), extras)


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """Records with the physical line each starts on (header = 1), so a quoted cell that spans
    lines does not shift the numbers HR will look up in their editor. A ``csv.Error`` ends the
    file: after one the reader cannot tell where the next record starts."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    consumed = 0
    try:
        for row in reader:
            yield consumed + 1, row
            consumed = reader.line_num
    except csv.Error as error:
        yield consumed + 1, error


# --- one row -----------------------------------------------------------------------------------


class _CellError(ValueError):
    """One cell's problems (one argument each), in words for HR."""


def _quote(value: str) -> str:
    shown = value if len(value) <= _ECHO_LIMIT else value[:_ECHO_LIMIT] + "…"
    return f"'{shown}'"


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = closest(word, choices)
    return _say("audit.did_you_mean", value=close) if close else ""


def _position(value: str, dataset: Dataset) -> str:
    if value not in dataset.positions:
        raise _CellError(
            _say("audit.cell.position", value=_quote(value)) + _suggest(value, dataset.positions)
        )
    return value


def _education(value: str) -> str:
    code = value.upper()
    if code not in ref.EDUCATION_RANK:
        raise _CellError(
            _say("audit.cell.education", value=_quote(value), codes=" ".join(ref.EDUCATION_RANK))
        )
    return code


def _rank(value: str) -> str:
    group, slash, room = value.replace(" ", "").partition("/")
    code = f"{group.upper()}/{room.lower()}"
    if not slash or code not in ref.RANK_ORDER:
        raise _CellError(_say("audit.cell.rank", value=_quote(value)))
    return code


def _rating(value: str) -> str:
    code = value.casefold().replace(" ", "-")
    if code not in ref.RATING_ORDER:
        raise _CellError(
            _say("audit.cell.rating", value=_quote(value), codes=", ".join(ref.RATING_ORDER))
        )
    return code


def _trainings(value: str, dataset: Dataset) -> frozenset[str]:
    ids = [part.strip() for part in value.split(";") if part.strip()]
    unknown = [i for i in ids if i not in dataset.trainings]
    if unknown:
        raise _CellError(
            *(
                _say("audit.cell.training", value=_quote(i)) + _suggest(i, dataset.trainings)
                for i in unknown
            )
        )
    return frozenset(ids)


def _level(value: str, comp_id: str) -> int:
    if value not in {"1", "2", "3", "4", "5"}:
        raise _CellError(_say("audit.cell.level", competency=comp_id, value=_quote(value)))
    return int(value)


def _start_date(value: str, today: date) -> date:
    """``YYYY-MM-DD`` only: ``date.fromisoformat`` alone would also take ``20240101`` or week
    dates, which an HR export never means."""
    try:
        if not _DATE.fullmatch(value):
            raise ValueError(value)
        start = date.fromisoformat(value)
    except ValueError:
        raise _CellError(_say("audit.cell.date", value=_quote(value))) from None
    if start > today:
        raise _CellError(_say("audit.cell.future_date", value=value))
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
    cells: Sequence[str], columns: _Columns, dataset: Dataset, today: date
) -> _Row | list[str]:
    """The profile a row describes, or the list of its problems (all of them, not the first)."""
    if len(cells) != columns.width:
        return [_say("audit.row.width", cells=len(cells), header=columns.width)]
    values = {name: cells[i].strip() for name, i in columns.index.items()}
    problems = [_say("audit.row.empty", column=name) for name in REQUIRED if not values[name]]
    position = _cell(problems, values["jabatan"], lambda v: _position(v, dataset))
    education = _cell(problems, values["pendidikan"], _education)
    rank = _cell(problems, values["golongan"], _rank)
    rating = _cell(problems, values.get("kinerja"), _rating)
    trainings = _cell(problems, values.get("pelatihan"), lambda v: _trainings(v, dataset))
    start = _cell(problems, values.get("tmt_jabatan"), lambda v: _start_date(v, today))
    competencies = _competencies(problems, cells, columns)
    if problems or position is None or education is None or rank is None:
        return problems
    profile = Profile(
        position=position,
        education=education,
        education_field=values.get("bidang_pendidikan") or None,
        rank=rank,
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


def _competencies(problems: list[str], cells: Sequence[str], columns: _Columns) -> dict[str, int]:
    """Levels from the ``kompetensi.<id>`` columns; an empty cell leaves that one unknown."""
    levels: dict[str, int] = {}
    for comp_id, i in columns.competencies.items():
        level = _cell(problems, cells[i].strip(), partial(_level, comp_id=comp_id))
        if level is not None:
            levels[comp_id] = level
    return levels


# --- the audit -----------------------------------------------------------------------------------


def audit(dataset: Dataset, text: str, today: date, extra_columns: Sequence[str] = ()) -> Audit:
    """Audit CSV ``text`` against ``dataset``; ``today`` dates ``tmt_jabatan`` (a parameter so
    the result does not change with the day it runs). ``extra_columns`` (lower case) are not
    read by the audit: their cells are handed back per person (:attr:`Person.extra`), for a
    caller such as the talent report that reads the same staff list with more columns.

    Raises :class:`AuditUsageError` when the header makes the whole file unusable."""
    records = _records(text, detect_delimiter(text))
    header = next(records, (1, []))[1]
    if isinstance(header, csv.Error) or not any(cell.strip() for cell in header):
        raise AuditUsageError(_say("audit.file.no_header"))
    columns = _columns(header, dataset, extra_columns)
    people: list[Person] = []
    bad: list[BadRow] = []
    seen: dict[str, int] = {}
    for line, cells in records:
        if isinstance(cells, csv.Error):
            bad.append(BadRow(line, (_say("audit.file.broken_csv", error=cells),)))
            break
        if not any(cell.strip() for cell in cells):
            continue  # blank line, or ';;;;' left by a spreadsheet
        row = _parse_row(cells, columns, dataset, today)
        if isinstance(row, list):
            bad.append(BadRow(line, tuple(row)))
        elif row.nip in seen:
            bad.append(BadRow(line, (_say("audit.row.same_nip", line=seen[row.nip]),)))
        else:
            seen[row.nip] = line
            people.append(_person(dataset, line, row))
    return Audit(tuple(people), tuple(bad), columns.ignored, tuple(columns.extra))


def _person(dataset: Dataset, line: int, row: _Row) -> Person:
    position = dataset.positions[str(row.profile.position)]
    eligibility = check(dataset, row.profile, position)
    return Person(line, row.nip, row.name, position, eligibility, row.profile, row.extra)


def summarize(people: Iterable[Person], key: Callable[[Person], str]) -> dict[str, Group]:
    """People, people with at least one unmet requirement, and not-assessed requirements per
    group; labels are filled in by the caller, which knows what the key means."""
    groups: dict[str, Group] = {}
    for person in people:
        name = key(person)
        old = groups.get(name, Group(name, name, 0, 0, 0))
        groups[name] = Group(
            old.key,
            old.label,
            old.people + 1,
            old.unmet_people + (1 if person.eligibility.unmet else 0),
            old.not_assessed + len(person.eligibility.unknown),
        )
    return groups


def by_type(result: Audit) -> list[Group]:
    """Per jenis jabatan, in the order of the hierarchy (JPT first, functional last)."""
    groups = summarize(result.people, lambda p: p.position.type)
    order = list(ref.POSITION_TYPES)
    return [
        _relabel(g, phrases.label("jenis", g.key, _LANG))
        for g in sorted(groups.values(), key=lambda g: (_rank_of(order, g.key), g.key))
    ]


def by_unit(result: Audit, dataset: Dataset) -> list[Group]:
    """Per perangkat daerah: the first segment of the position's unit path."""
    groups = summarize(result.people, lambda p: p.position.unit.split("/", 1)[0])
    return [
        _relabel(g, dataset.units[g.key].name if g.key in dataset.units else g.key)
        for g in sorted(groups.values(), key=lambda g: g.key)
    ]


def total(result: Audit) -> Group:
    groups = summarize(result.people, lambda _p: "")
    return _relabel(groups.get("", Group("", "", 0, 0, 0)), _say("audit.report.total"))


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
    counts: dict[str, int] = {}
    for person in result.people:
        for finding in person.eligibility.unknown:
            counts[finding.aspect] = counts.get(finding.aspect, 0) + 1
    return dict(sorted(counts.items()))


# --- output ------------------------------------------------------------------------------------


def to_data(result: Audit, dataset: Dataset) -> dict[str, object]:
    """The JSON form: ``ringkasan`` (summary), ``temuan`` (one entry per unmet requirement per
    person) and ``baris_bermasalah`` (rows left out)."""
    return {
        "ringkasan": {
            **_group_data(total(result)),
            "baris_bermasalah": len(result.bad_rows),
            "tidak_dinilai_per_syarat": not_assessed_by_aspect(result),
            "per_jenis": [{"jenis": g.key, **_group_data(g)} for g in by_type(result)],
            "per_unit": [{"unit": g.key, **_group_data(g)} for g in by_unit(result, dataset)],
            "kolom_diabaikan": list(result.ignored_columns),
        },
        "temuan": [_finding_data(person, finding) for person, finding in findings(result)],
        "baris_bermasalah": [
            {"baris": bad.line, "masalah": list(bad.problems)} for bad in result.bad_rows
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


def render_json(result: Audit, dataset: Dataset) -> str:
    return json.dumps(to_data(result, dataset), ensure_ascii=False, indent=2) + "\n"


def render_csv(result: Audit) -> str:
    """One row per unmet requirement, for filtering in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for person, finding in findings(result):
        data = _finding_data(person, finding)
        writer.writerow([safe_cell(data[name]) for name in CSV_FIELDS])
    return out.getvalue()


def printable(value: str) -> str:
    """A cell made safe for a terminal line: control, bidi and line-breaking characters become
    visible ``\\uXXXX`` escapes, so a crafted name cannot rewrite or split the report."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in _UNPRINTABLE else c for c in value
    )


def render_text(result: Audit, dataset: Dataset) -> str:
    """The Indonesian report: people with gaps, the two summary tables, then the bad rows."""
    whole = total(result)
    lines = [
        _say(
            "audit.report.heading",
            people=whole.people,
            unmet=whole.unmet_people,
            percent=_percent(whole.percent),
        ),
        "",
    ]
    lines += _people_text(result, dataset)
    lines += _table("by_type", [*by_type(result), whole])
    lines += _table("by_unit", by_unit(result, dataset))
    lines += _not_assessed_text(result)
    lines += _bad_rows_text(result.bad_rows)
    if result.ignored_columns:
        ignored = ", ".join(map(printable, result.ignored_columns))
        lines.append(_say("audit.report.ignored_columns", columns=ignored))
    return "\n".join(lines).rstrip("\n") + "\n"


def _people_text(result: Audit, dataset: Dataset) -> list[str]:
    lines = []
    for person in result.people:
        unmet = person.eligibility.unmet
        if unmet:
            gaps = "; ".join(_gap(f) for f in unmet)
            position = names.position_name(dataset, person.position.id, _LANG)
            lines.append(f"{printable(person.nip)} {printable(person.name)} — {position}: {gaps}")
    if not lines:
        lines.append(_say("audit.report.nobody_unmet"))
    return [*lines, ""]


def _gap(finding: Finding) -> str:
    if finding.aspect in ("pelatihan", "sertifikasi"):
        return _say(f"audit.gap.{finding.aspect}", name=finding.subject)
    subject = finding.subject
    if finding.aspect == "kompetensi":
        subject = _say("audit.gap.competency", name=subject)
    elif subject[:1].isupper() and subject[1:2].islower():
        subject = subject[0].lower() + subject[1:]
    return _say("audit.gap", subject=subject, have=printable(finding.have), need=finding.need)


def _table(name: str, groups: Sequence[Group]) -> list[str]:
    """A summary table (``audit.report.<name>``), columns padded to line up in a terminal."""
    title = _say(f"audit.report.{name}")
    heading = _say(f"audit.report.{name}.column")
    width = max([len(heading), *(len(g.label) for g in groups)])
    people, unmet, percent, not_assessed = (
        _say(f"audit.report.col.{column}")
        for column in ("people", "unmet", "percent", "not_assessed")
    )
    head = f"  {heading:<{width}}  {people:>7}  {unmet:>14}  {percent:>6}  {not_assessed:>20}"
    rows = [
        f"  {g.label:<{width}}  {g.people:>7}  {g.unmet_people:>14}  "
        f"{_percent(g.percent):>6}  {g.not_assessed:>20}"
        for g in groups
    ]
    return [f"{title}:", head, *rows, ""]


def _percent(value: float) -> str:
    return _say(
        "audit.report.percent", value=f"{value:.1f}".replace(".", phrases.decimal_mark(_LANG))
    )


def _not_assessed_text(result: Audit) -> list[str]:
    counts = not_assessed_by_aspect(result)
    if not counts:
        return []
    parts = ", ".join(f"{aspect} {count}" for aspect, count in counts.items())
    return [_say("audit.report.not_assessed", counts=parts), ""]


def _bad_rows_text(bad_rows: Sequence[BadRow]) -> list[str]:
    """One line per bad row, or the row's line followed by one line per problem."""
    if not bad_rows:
        return []
    lines = [_say("audit.report.bad_rows", count=len(bad_rows))]
    for bad in bad_rows:
        row = _say("audit.report.row", line=bad.line)
        if len(bad.problems) == 1:
            lines.append(f"  {row}: {printable(bad.problems[0])}")
        else:
            lines.append(f"  {row}:")
            lines += [f"    - {printable(problem)}" for problem in bad.problems]
    return [*lines, ""]


@dataclass(frozen=True)
class AuditRun:
    """What the ``audit`` command shows: the report (standard output), notes that must not mix
    into it (standard error: a usage problem, or the bad rows beside a CSV report, so that the
    CSV stays a clean spreadsheet), and the exit code. The CLI prints; the core only returns."""

    report: str
    notes: str
    exit_code: int


def run_audit(dataset: Dataset, csv_path: Path, fmt: str, today: date | None = None) -> AuditRun:
    """The ``audit`` command: exit code 0 fine, 1 bad rows, 2 unusable file."""
    try:
        result = audit(dataset, read_text(csv_path), today or date.today())
    except AuditUsageError as error:
        return AuditRun("", f"pola-karir audit: {printable(str(error))}\n", 2)
    if fmt == "json":
        return AuditRun(render_json(result, dataset), "", result.exit_code)
    if fmt == "csv":
        notes = "\n".join(_bad_rows_text(result.bad_rows)) if result.bad_rows else ""
        return AuditRun(render_csv(result), notes, result.exit_code)
    return AuditRun(render_text(result, dataset), "", result.exit_code)
