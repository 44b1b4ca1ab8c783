"""One function per kind of generated page; each returns Markdown built from the model.

Pages are plain data (:class:`Page`), so they can be tested and golden-checked without MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable

from pola_karir import reference as ref
from pola_karir.career import compare
from pola_karir.career.routes import shortest_climb
from pola_karir.model import CareerPath, Dataset, Move, Placement, Position
from pola_karir.site import blocks, diagrams, formasi, talent, urls
from pola_karir.site import compare as comparison
from pola_karir.site.page import Page, admonition, emphasis, facts, front, say, site_language
from pola_karir.site.text import bullets, link, md, table
from pola_karir.text import phrases

__all__ = ["Page", "path_page", "position_page", "unit_page"]


def _moves_from(dataset: Dataset, position_id: str) -> list[Move]:
    return sorted(
        dataset.moves_from(position_id),
        key=lambda m: (m.target, m.kind, m.path),
    )


def _moves_to(dataset: Dataset, position_id: str) -> list[Move]:
    return sorted(
        dataset.moves_to(position_id),
        key=lambda m: (m.source, m.kind, m.path),
    )


# --- position -------------------------------------------------------------------------------


def position_page(dataset: Dataset, position: Position) -> Page:
    page = urls.position(position.id)
    neighbourhood = diagrams.neighbourhood(dataset, position)
    # The heading keeps the plain name (the page shows its unit right below); search results
    # and the browser title, read without the page, get the name that tells it apart.
    title = blocks.position_name(dataset, position.id)
    parts = [
        front(title, position.name),
        facts(_position_facts(dataset, page, position)),
        blocks.html_placeholder("bandingkan"),
        *_openings(dataset, page, position),
        _heading(2, "site.position.summary_heading"),
        md(position.summary),
    ]
    if position.duties:
        parts += [
            _heading(2, "site.position.duties_heading"),
            bullets(md(d) for d in position.duties),
        ]
    if position.note:
        parts += ["\n" + admonition("note", say("site.position.note_title"), md(position.note))]
    if len(position.placements) > 1:
        parts += [_placements(dataset, page, position)]
    parts += [
        _heading(2, "site.position.requirements_heading"),
        blocks.requirements_table(dataset, page, position.requirements),
        _heading(2, "site.position.competencies_heading"),
        blocks.competency_table(dataset, page, position.requirements),
        _heading(2, "site.position.paths_heading"),
        blocks.diagram_placeholder(neighbourhood, say("site.position.diagram_caption")),
        _next_steps(dataset, page, position),
        _previous_steps(dataset, page, position),
    ]
    return Page(
        page,
        title,
        "\n".join(parts) + "\n",
        position.source,
        (neighbourhood,),
        html_blocks=(("bandingkan", comparison.position_page_link(position.id)),),
    )


def _heading(level: int, key: str) -> str:
    return f"\n{'#' * level} {say(key)}\n"


def _position_facts(dataset: Dataset, page: str, position: Position) -> list[list[str]]:
    level = phrases.position_level(position, dataset, site_language())
    rows = [
        [say("site.fact.position_type"), md(level)],
        [say("site.fact.unit"), _units(dataset, page, position)],
        *_unit_short_names(dataset, position),
        [say("site.fact.job_class"), str(position.job_class)],
    ]
    if formasi.has_numbers(position.placements):
        rows.append([say("formasi.fact"), formasi.numbers_text(position.placements)])
    rows += talent.badge(dataset, page, position)
    if position.family and position.family in dataset.families:
        family = dataset.families[position.family]
        family_link = link(family.name, urls.md_link(page, urls.family(family.id)))
        rows.append([say("site.fact.family"), family_link])
    if position.legal_basis:
        rows.append(
            [say("site.fact.legal_basis"), blocks.citations(dataset, page, position.legal_basis)]
        )
    return rows


def _units(dataset: Dataset, page: str, position: Position) -> str:
    """The unit of a single placement; for several, how many, pointing to the table."""
    if len(position.placements) == 1:
        return formasi.unit_link(dataset, page, position.unit)
    table_link = link(say("formasi.placements_heading"), f"#{PLACEMENTS_ANCHOR}")
    return say("formasi.placements_count", count=len(position.placements), link=table_link)


def _unit_short_names(dataset: Dataset, position: Position) -> list[list[str]]:
    """The abbreviations of the position's units ("Dinas PUPR"), as a fact: an employee
    searches by them (none when no unit has one)."""
    names: dict[str, None] = {}
    for placement in position.placements:
        parts = placement.unit.split("/")
        for depth in range(len(parts)):
            unit = dataset.units.get("/".join(parts[: depth + 1]))
            if unit is not None and unit.short_name:
                names.setdefault(unit.short_name)
    if not names:
        return []
    return [[say("site.fact.unit_short"), ", ".join(md(name) for name in names)]]


PLACEMENTS_ANCHOR = "penempatan"


def _placements(dataset: Dataset, page: str, position: Position) -> str:
    """The units a position is placed in, each with its formasi, and the totals."""
    rows = [
        [
            formasi.unit_link(dataset, page, p.unit),
            formasi.number(p.needed),
            formasi.number(p.filled),
            formasi.number(p.vacancies),
        ]
        for p in position.placements
    ]
    heading = f"\n## {say('formasi.placements_heading')} {{#{PLACEMENTS_ANCHOR}}}\n\n"
    return heading + _with_total(formasi.headers(), rows, position.placements)


def _with_total(
    headers: list[str],
    rows: list[list[str]],
    placements: Iterable[Placement],
    note: bool = True,
) -> str:
    """A formasi table with its "Jumlah" row, and the note on "≥ N" when a total is partial
    (``note`` False: the page says it once above its tables)."""
    sums = formasi.totals(placements)
    total = [f"**{say('formasi.col.total')}**", *map(formasi.total, sums)]
    body = table(headers, [*rows, total])
    if note and formasi.partial(sums):
        body += "\n" + emphasis(formasi.partial_note()) + "\n"
    return body


def _openings(dataset: Dataset, page: str, position: Position) -> list[str]:
    """Where the position is open now, for the employee reading its page: open places are
    career opportunities (nothing when the numbers are not stated)."""
    vacancies = position.vacancies
    if not vacancies.known:
        # Nothing known to be open: all filled only when every placement says so.
        if vacancies.known == 0 and vacancies.complete:
            return ["\n" + emphasis(say("formasi.position.all_filled")) + "\n"]
        return []
    where = "; ".join(
        say(
            "formasi.position.open_in",
            unit=formasi.unit_link(dataset, page, p.unit),
            count=p.vacancies,
        )
        for p in formasi.open_placements(position)
    )
    body = say(
        "formasi.position.open",
        count=formasi.total(vacancies),
        where=where,
        explorer=link(say("formasi.explorer"), urls.md_link(page, urls.EXPLORER)),
        list=link(say("formasi.open.title"), urls.md_link(page, urls.OPEN_POSITIONS)),
    )
    return ["\n" + admonition("success", say("formasi.open.title"), body) + "\n"]


def _kind(move: Move) -> str:
    return phrases.label("perpindahan", move.kind, site_language())


def _min_years(move: Move) -> str:
    return md(phrases.years(move.min_years, site_language())) if move.min_years else "–"


def _conditions(move: Move) -> str:
    return "; ".join(md(c.rstrip(". ")) for c in move.conditions)


def _move_facts(dataset: Dataset, page: str, move: Move) -> str:
    parts = [say("site.move.kind", kind=_kind(move))]
    if move.min_years:
        parts.append(say("site.move.min_years", years=_min_years(move)))
    if move.path in dataset.paths:
        path_link = link(dataset.paths[move.path].name, urls.md_link(page, urls.path(move.path)))
        parts.append(say("site.move.path", path=path_link))
    sentence = "; ".join(parts) + "."
    if move.conditions:
        sentence += say("site.move.conditions", conditions=_conditions(move))
    if move.legal_basis:
        citations = blocks.citations(dataset, page, move.legal_basis)
        sentence += say("site.move.legal_basis", citations=citations)
    return sentence


def _next_steps(dataset: Dataset, page: str, position: Position) -> str:
    moves = _moves_from(dataset, position.id)
    heading = _heading(3, "site.position.next_heading")
    if not moves:
        return f"{heading}\n{emphasis(say('site.position.no_next'))}\n"
    parts = [heading]
    for move in moves:
        target = dataset.positions[move.target]
        to = say("site.position.next_to", position=blocks.position_link(dataset, page, target.id))
        parts.append(f"\n#### {to}\n")
        parts.append(_move_facts(dataset, page, move) + "\n")
        changes = compare.changes(dataset, position, target, site_language())
        if changes:
            parts.append(f"**{say('site.position.to_prepare')}**\n")
            parts.append(
                table(
                    [say("site.col.aspect"), say("site.col.current"), say("site.col.required")],
                    [[md(c.subject), md(c.current), md(c.required)] for c in changes],
                )
            )
        else:
            parts.append(emphasis(say("site.position.nothing_to_prepare")))
    return "\n".join(parts)


def _previous_steps(dataset: Dataset, page: str, position: Position) -> str:
    moves = _moves_to(dataset, position.id)
    heading = _heading(3, "site.position.previous_heading")
    if not moves:
        return f"{heading}\n{emphasis(say('site.position.no_previous'))}\n"
    rows = [[blocks.position_link(dataset, page, m.source), _kind(m), _min_years(m)] for m in moves]
    headers = [say("site.col.from_position"), say("site.col.kind"), say("site.col.min_years")]
    return f"{heading}\n" + table(headers, rows)


# --- career paths ---------------------------------------------------------------------------


def path_page(dataset: Dataset, path: CareerPath) -> Page:
    page = urls.path(path.id)
    diagram = diagrams.career_path(dataset, path.id)
    rows = [
        [
            blocks.position_link(dataset, page, m.source),
            blocks.position_link(dataset, page, m.target),
            _kind(m),
            _min_years(m),
            _conditions(m),
        ]
        for m in path.moves
    ]
    headers = [
        say(f"site.col.{name}") for name in ("from", "to", "kind", "min_years", "conditions")
    ]
    parts = [front(path.name)]
    if path.description:
        parts.append(md(path.description) + "\n")
    if path.legal_basis:
        citations = blocks.citations(dataset, page, path.legal_basis)
        parts.append(say("site.path.legal_basis", citations=citations) + "\n")
    parts += [
        blocks.diagram_placeholder(diagram, say("site.path.diagram_caption")),
        _heading(2, "site.path.steps_heading"),
        table(headers, rows),
        "\n" + _minimum_total(dataset, page, path),
    ]
    return Page(page, path.name, "\n".join(parts) + "\n", path.source, (diagram,))


def _minimum_total(dataset: Dataset, page: str, path: CareerPath) -> str:
    chain, total = shortest_climb(dataset, path)
    if not chain:
        if any(m.kind != "horizontal" for m in path.moves):
            return emphasis(say("site.path.climb_cycles")) + "\n"
        return emphasis(say("site.path.only_horizontal")) + "\n"
    steps = " → ".join(
        [
            blocks.position_link(dataset, page, chain[0].source),
            *(blocks.position_link(dataset, page, m.target) for m in chain),
        ]
    )
    years = md(phrases.years(total, site_language()))
    # A step without a written tahun_minimal counts as 0 years in the sum; say so instead of
    # presenting the sum as the whole time (a JF grade step depends on credit points, not years).
    unwritten = sum(1 for m in chain if not m.min_years_written)
    sentences = [] if unwritten == len(chain) else [say("site.path.climb_total", years=years)]
    if unwritten:
        sentences.append(say("site.path.climb_unwritten", count=unwritten, steps=len(chain)))
    return f"## {say('site.path.climb_heading')}\n\n{steps}\n\n" + " ".join(sentences) + "\n"


# --- units ----------------------------------------------------------------------------------


def unit_page(dataset: Dataset, top_id: str) -> Page:
    page = urls.unit(top_id)
    unit = dataset.units[top_id]
    diagram = diagrams.unit_map(dataset, top_id)
    by_unit = dataset.placements_by_unit
    units = list(_walk_units(dataset, top_id))
    placed = [placement for unit_id in units for _, placement in by_unit.get(unit_id, [])]
    with_numbers = formasi.has_numbers(placed)
    parts = [front(unit.name)]
    if unit.description:
        parts.append(md(unit.description) + "\n")
    if with_numbers:
        totals = formasi.numbers_text(placed)
        parts.append(say("formasi.unit.total", unit=md(unit.name), numbers=totals) + "\n")
        if formasi.partial(formasi.totals(placed)):
            parts.append(emphasis(formasi.partial_note()) + "\n")
    parts += [
        f"## {say('site.unit.map_heading')}\n",
        '<div class="pk-zoom" data-pk-zoom>',
        blocks.diagram_placeholder(diagram, say("site.unit.diagram_caption")),
        "</div>\n",
        _heading(2, "site.unit.units_heading"),
    ]
    for unit_id in units:
        sub = dataset.units[unit_id]
        heading = "#" * min(6, 3 + sub.depth)
        parts.append(f"\n{heading} {md(sub.name)} {{#{formasi.unit_anchor(unit_id)}}}\n")
        if unit_id != top_id and sub.description:
            parts.append(md(sub.description) + "\n")  # the sub-unit's own keterangan
        members = sorted(
            by_unit.get(unit_id, []),
            key=lambda pair: (
                -ref.LEVELS[pair[0].level_key].tier,
                -ref.LEVELS[pair[0].level_key].order,
                blocks.position_name(dataset, pair[0].id),
            ),
        )
        if not members:
            parts.append(emphasis(say("site.unit.no_positions")))
        elif with_numbers:
            parts.append(_unit_table(dataset, page, members))
        else:
            parts.append(bullets(_member(dataset, page, p) for p, _ in members))
    return Page(page, unit.name, "\n".join(parts) + "\n", unit.source, (diagram,))


def _member(dataset: Dataset, page: str, position: Position) -> str:
    return f"{blocks.position_link(dataset, page, position.id)} " + say(
        "site.unit.member",
        level=md(phrases.position_level(position, dataset, site_language())),
        job_class=position.job_class,
    )


def _unit_table(dataset: Dataset, page: str, members: list[tuple[Position, Placement]]) -> str:
    """The peta jabatan of one unit: each position with its formasi there, and the totals."""
    rows = [
        [
            _member(dataset, page, position),
            *map(formasi.number, (placement.needed, placement.filled, placement.vacancies)),
        ]
        for position, placement in members
    ]
    placements = [placement for _, placement in members]
    # The unit page says what "≥ N" means once, under its own total (every sub-unit's partial
    # total makes that one partial too).
    return _with_total(formasi.headers("formasi.col.position"), rows, placements, note=False)


def _walk_units(dataset: Dataset, unit_id: str) -> Iterable[str]:
    yield unit_id
    for child in dataset.units[unit_id].children:
        if child in dataset.units:
            yield from _walk_units(dataset, child)
