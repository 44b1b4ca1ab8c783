"""The Lampiran (annex) of the agency's pola karier regulation, as one document model.

The model is plain data: chapters (BAB I–IV), their sections, and blocks of paragraphs,
tables and diagrams, then the closing block the official signs. Every string in it is plain
text taken from the data or the catalogue (``lampiran.po``), never markup: each renderer
escapes for its own output. Two renderers read it: :mod:`pola_karir.site.annex_html` (a
self-contained printable HTML document, turned into a PDF by ``pola-karir lampiran --pdf``) and
the site's own Lampiran page (:func:`pola_karir.site.catalog.annex_page`), so the annex and the
page never tell two different stories.

Chapters follow the order of a regulation annex: the basic pattern (PP 11/2017 Pasal 188 ayat
(2)) with the diagram of the whole pattern, the career paths grouped by job family (rumpun) with
their diagrams, the peta jabatan of every perangkat daerah with kelas, kebutuhan and bezetting,
and the competency standard (level per competency) of every position.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from pola_karir import reference as ref
from pola_karir.model import CareerPath, Dataset, Placement, Position
from pola_karir.site import diagrams, formasi
from pola_karir.site.diagrams import Diagram
from pola_karir.site.page import COMPETENCY_GROUPS, say, say_units, site_language
from pola_karir.text import names, phrases

# A table with more columns than this is printed on a landscape page: on portrait A4 its
# columns would be too narrow for a position's name.
PORTRAIT_COLUMNS: Final = 6
CHAPTER_NUMBERS: Final = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    """Plain-text cells (a line break starts a new line in the cell); ``numeric`` columns are
    right-aligned, ``footer`` is a totals row."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    footer: tuple[str, ...] = ()

    @property
    def wide(self) -> bool:
        return len(self.columns) > PORTRAIT_COLUMNS


@dataclass(frozen=True)
class Figure:
    """A diagram, rendered by the renderer (its orientation follows the rendered size)."""

    diagram: Diagram
    caption: str
    # The site page that shows the same diagram interactively (a source path).
    page: str


@dataclass(frozen=True)
class Legend:
    """The key to the diagrams: one colour and shape per kind of position, one line per kind
    of move (the site's own legend, drawn from the diagrams' style tables)."""


Block = Paragraph | Table | Figure | Legend


@dataclass(frozen=True)
class Section:
    """``level`` 2 is a lettered section (A., B.), 3 a numbered one inside it (1., 2.)."""

    heading: str
    blocks: tuple[Block, ...] = ()
    level: int = 2


@dataclass(frozen=True)
class Chapter:
    number: str  # Roman numeral: BAB I
    title: str
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Closing:
    """Ditetapkan di …, pada tanggal …, the official's title and name; "" leaves a blank line."""

    place: str
    date: str
    title: str
    name: str


@dataclass(frozen=True)
class Annex:
    heading: tuple[str, ...]  # LAMPIRAN / PERATURAN … / NOMOR … TAHUN … / TENTANG / title
    running_header: str
    title: str
    notice: str  # "" unless the data is fictional
    chapters: tuple[Chapter, ...]
    closing: Closing
    # The figures in reading order, for rendering all of their diagrams at once.
    figures: tuple[Figure, ...] = field(default=(), compare=False)

    @property
    def diagrams(self) -> tuple[Diagram, ...]:
        unique = {figure.diagram.name: figure.diagram for figure in self.figures}
        return tuple(unique.values())


def _say(key: str, **values: object) -> str:
    return say(f"lampiran.{key}", **values)


def _letter(index: int) -> str:
    """A, B, … Z, AA, AB …: section letters of a regulation's chapters."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def annex(dataset: Dataset) -> Annex:
    reg = dataset.agency.regulation
    chapters = (
        _basic_pattern(dataset),
        _paths(dataset),
        _position_maps(dataset),
        _competencies(dataset),
    )
    figures = tuple(
        block
        for chapter in chapters
        for blocks in (chapter.blocks, *(s.blocks for s in chapter.sections))
        for block in blocks
        if isinstance(block, Figure)
    )
    fictional = dataset.agency.fictional or reg.fictional
    return Annex(
        heading=(
            _say("heading.annex"),
            reg.kind.upper(),
            _say("heading.number", number=reg.number, year=reg.year),
            _say("heading.about"),
            reg.title.upper(),
        ),
        running_header=_say(
            "running_header", kind=reg.kind, number=reg.number, year=reg.year, title=reg.title
        ),
        title=_say("title", kind=reg.kind, number=reg.number, year=reg.year),
        notice=_say("fictional") if fictional else "",
        chapters=chapters,
        closing=Closing(
            place=reg.place,
            date=long_date(reg.enacted),
            title=reg.signatory.title,
            name=reg.signatory.name,
        ),
        figures=figures,
    )


def long_date(iso: str) -> str:
    """``2025-03-17`` → ``17 Maret 2025`` (the month's name from the catalogue); "" stays ""
    and a value that is not such a date is shown as written."""
    year, _, rest = iso.partition("-")
    month, _, day = rest.partition("-")
    if not (year.isdigit() and month.isdigit() and day.isdigit() and 1 <= int(month) <= 12):
        return iso
    return _say("date", day=int(day), month=_say(f"month.{int(month)}"), year=year)


def _name(dataset: Dataset, position_id: str) -> str:
    return names.position_name(dataset, position_id, site_language())


def _level_key(position: Position) -> tuple[int, int, int]:
    """Highest first: tier, then the level inside it, then kelas."""
    level = ref.LEVELS[position.level_key]
    return (-level.tier, -level.order, -position.job_class)


# --- BAB I ----------------------------------------------------------------------------------


def _basic_pattern(dataset: Dataset) -> Chapter:
    kinds = tuple(
        Paragraph(
            _say(
                "move",
                kind=phrases.label("perpindahan", kind, site_language()),
                meaning=_say(f"move.{kind}"),
            )
        )
        for kind in ("vertikal", "horizontal", "diagonal")
    )
    rows = []
    for position_type in ref.POSITION_TYPES:
        members = [p for p in dataset.positions.values() if p.type == position_type]
        if not members:
            continue
        placements = [placement for p in members for placement in p.placements]
        rows.append(
            (
                phrases.label("jenis", position_type, site_language()),
                str(len(members)),
                *_totals(placements),
            )
        )
    summary = Table(
        (
            _say("col.kind"),
            _say("col.positions"),
            say("formasi.col.needed"),
            say("formasi.col.filled"),
        ),
        tuple(rows),
        numeric=frozenset({1, 2, 3}),
        footer=(
            _say("col.total"),
            str(len(dataset.positions)),
            *_totals(p for position in dataset.positions.values() for p in position.placements),
        ),
    )
    overview = diagrams.overview(dataset)
    return Chapter(
        CHAPTER_NUMBERS[0],
        _say("chapter.1"),
        blocks=(
            Paragraph(_say("basic.intro", agency=dataset.agency.name)),
            Paragraph(_say("basic.moves")),
            *kinds,
            Paragraph(_say("basic.summary")),
            summary,
            *_partial_note(p for item in dataset.positions.values() for p in item.placements),
        ),
        sections=(
            Section(
                _say("basic.figure"),
                (
                    Legend(),
                    Figure(
                        overview, _say("figure.overview", agency=dataset.agency.name), overview.page
                    ),
                ),
            ),
        ),
    )


def _totals(placements: Iterable[Placement]) -> tuple[str, str]:
    needed, filled, _ = formasi.totals(placements)
    return formasi.total(needed), formasi.total(filled)


def _partial_note(placements: Iterable[Placement]) -> tuple[Paragraph, ...]:
    """The note under a table whose totals read "≥ N" (some figure under them unknown)."""
    needed, filled, vacancies = formasi.totals(placements)
    if formasi.partial((needed, filled, vacancies)):
        return (Paragraph(formasi.partial_note()),)
    return ()


# --- BAB II ---------------------------------------------------------------------------------


def _family_of(dataset: Dataset, path: CareerPath) -> str | None:
    """The rumpun (job family) of a path whose every position belongs to one job family."""
    ends = {end for move in path.moves for end in (move.source, move.target)}
    families = {dataset.positions[pid].family for pid in ends if pid in dataset.positions}
    if len(families) == 1:
        (family,) = families
        return family
    return None


def _paths(dataset: Dataset) -> Chapter:
    groups: dict[str | None, list[CareerPath]] = {}
    for path in sorted(dataset.paths.values(), key=lambda p: (p.name, p.id)):
        groups.setdefault(_family_of(dataset, path), []).append(path)
    family_ids = sorted(
        (f for f in groups if f is not None),
        key=lambda f: dataset.families[f].name if f in dataset.families else f,
    )
    ordered: list[tuple[str, list[CareerPath]]] = [
        (
            _say(
                "paths.family",
                family=dataset.families[f].name if f in dataset.families else f,
            ),
            groups[f],
        )
        for f in family_ids
    ]
    if None in groups:
        ordered.append((say_units(dataset, "lampiran.paths.other"), groups[None]))
    sections: list[Section] = []
    for index, (heading, paths) in enumerate(ordered):
        sections.append(Section(f"{_letter(index)}. {heading}"))
        for number, path in enumerate(paths, start=1):
            sections.append(_path_section(dataset, path, number))
    return Chapter(
        CHAPTER_NUMBERS[1],
        _say("chapter.2"),
        blocks=(Paragraph(_say("paths.intro")),),
        sections=tuple(sections),
    )


def _path_section(dataset: Dataset, path: CareerPath, number: int) -> Section:
    rows = tuple(
        (
            str(index),
            _name(dataset, move.source),
            _name(dataset, move.target),
            phrases.label("perpindahan", move.kind, site_language()),
            phrases.years(move.min_years, site_language()) if move.min_years_written else "–",
            "\n".join(move.conditions) or "–",
        )
        for index, move in enumerate(path.moves, start=1)
    )
    table = Table(
        (
            say("site.col.number"),
            _say("col.from"),
            _say("col.to"),
            _say("col.move"),
            _say("col.min_time"),
            _say("col.conditions"),
        ),
        rows,
        numeric=frozenset({0}),
    )
    diagram = diagrams.career_path(dataset, path.id)
    blocks: list[Block] = []
    if path.description:
        blocks.append(Paragraph(path.description))
    blocks += [Figure(diagram, _say("figure.path", path=path.name), diagram.page), table]
    return Section(f"{number}. {path.name}", tuple(blocks), level=3)


# --- BAB III --------------------------------------------------------------------------------


def _tops(dataset: Dataset) -> list[str]:
    """The perangkat daerah that hold a position, by name."""
    tops = {
        placement.unit.split("/")[0]
        for p in dataset.positions.values()
        for placement in p.placements
    }
    return sorted(tops, key=lambda t: (dataset.units[t].name if t in dataset.units else t, t))


def _placed(dataset: Dataset, top: str) -> list[tuple[Position, Placement]]:
    """Every placement inside one perangkat daerah: unit by unit (the tree's order), highest
    position first."""
    # A unit's place in the sorted ids is the order of the ids themselves: no list of every
    # unit is sorted for each perangkat daerah.
    placed = dataset.placements_in(top)
    return sorted(
        placed,
        key=lambda pair: (
            pair[1].unit not in dataset.units,
            pair[1].unit if pair[1].unit in dataset.units else "",
            _level_key(pair[0]),
            _name(dataset, pair[0].id),
        ),
    )


def _unit_name(dataset: Dataset, unit_id: str) -> str:
    return dataset.units[unit_id].name if unit_id in dataset.units else unit_id


def _position_maps(dataset: Dataset) -> Chapter:
    sections = []
    for index, top in enumerate(_tops(dataset)):
        placed = _placed(dataset, top)
        rows = tuple(
            (
                str(number),
                _unit_name(dataset, placement.unit),
                _name(dataset, position.id),
                phrases.position_level(position, dataset, site_language()),
                str(position.job_class),
                formasi.number(placement.needed),
                formasi.number(placement.filled),
                formasi.number(placement.vacancies),
            )
            for number, (position, placement) in enumerate(placed, start=1)
        )
        needed, filled, vacancies = formasi.totals(p for _, p in placed)
        table = Table(
            (
                say("site.col.number"),
                say("formasi.col.unit"),
                _say("col.position"),
                _say("col.kind"),
                _say("col.class"),
                say("formasi.col.needed"),
                say("formasi.col.filled"),
                say("formasi.col.open"),
            ),
            rows,
            numeric=frozenset({0, 4, 5, 6, 7}),
            footer=(
                "",
                _say("col.total"),
                "",
                "",
                "",
                *map(formasi.total, (needed, filled, vacancies)),
            ),
        )
        diagram = diagrams.unit_map(dataset, top)
        name = _unit_name(dataset, top)
        figure = Figure(diagram, _say("figure.unit", unit=name), diagram.page)
        note = _partial_note(p for _, p in placed)
        sections.append(Section(f"{_letter(index)}. {name}", (figure, table, *note)))
    return Chapter(
        CHAPTER_NUMBERS[2],
        _say("chapter.3"),
        blocks=(Paragraph(say_units(dataset, "lampiran.maps.intro")),),
        sections=tuple(sections),
    )


# --- BAB IV ---------------------------------------------------------------------------------


def _standard_columns(dataset: Dataset) -> list[str]:
    """The managerial and socio-cultural competencies every standard lists, by code."""
    return [
        c.id
        for group in COMPETENCY_GROUPS[:2]
        for c in dataset.competencies.values()
        if c.group == group
    ]


def _competencies(dataset: Dataset) -> Chapter:
    columns = _standard_columns(dataset)
    codes = [dataset.competencies[c].code or dataset.competencies[c].name for c in columns]
    key = Table(
        (_say("col.code"), _say("col.competency"), _say("col.group")),
        tuple(
            (
                code,
                dataset.competencies[cid].name,
                phrases.label("kelompok", dataset.competencies[cid].group, site_language()),
            )
            for cid, code in zip(columns, codes, strict=True)
        ),
    )
    sections = []
    for index, top in enumerate(_tops(dataset)):
        positions: dict[str, Position] = {}
        for position, _ in _placed(dataset, top):
            positions.setdefault(position.id, position)
        rows = []
        for number, position in enumerate(positions.values(), start=1):
            levels = position.requirements.competencies.all_levels()
            technical = position.requirements.competencies.technical
            rows.append(
                (
                    str(number),
                    _name(dataset, position.id),
                    *(str(levels[c]) if c in levels else "–" for c in columns),
                    "; ".join(
                        _say(
                            "technical",
                            competency=dataset.competencies[c].name
                            if c in dataset.competencies
                            else c,
                            level=level,
                        )
                        for c, level in sorted(technical.items())
                    )
                    or "–",
                )
            )
        table = Table(
            (say("site.col.number"), _say("col.position"), *codes, _say("col.technical")),
            tuple(rows),
            numeric=frozenset(range(len(columns) + 2)) - {1},
        )
        sections.append(Section(f"{_letter(index)}. {_unit_name(dataset, top)}", (table,)))
    return Chapter(
        CHAPTER_NUMBERS[3],
        _say("chapter.4"),
        blocks=(Paragraph(_say("competencies.intro")), key),
        sections=tuple(sections),
    )
