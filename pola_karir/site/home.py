"""The pages an employee starts from: home, the whole pattern, and the lists of paths and units."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from pola_karir.codes import CODES
from pola_karir.model import Dataset
from pola_karir.site import blocks, compare, diagrams, explorer, formasi, urls
from pola_karir.site.diagrams import Diagram
from pola_karir.site.limits import DEFAULT_LIMITS, Limits
from pola_karir.site.page import Page, fictional_notice, front, say, say_units, site_language
from pola_karir.site.summary import UNIT, Summary, summarise
from pola_karir.site.text import external_link, link, md, table
from pola_karir.text import phrases
from pola_karir.text.catalogue import has
from pola_karir.text.diagnostics import template


def home_page(dataset: Dataset, limits: Limits = DEFAULT_LIMITS) -> Page:
    agency = dataset.agency
    page = urls.HOME
    parts = [
        front(say("site.home.heading", agency=agency.name)),
        _explorer_start(),
        fictional_notice(dataset),
        _regulation_sentence(dataset) + "\n",
        f"## {say('site.home.what_heading')}\n",
        say("site.home.what") + "\n",
        say("site.home.moves_intro") + "\n",
        "\n".join(
            f"- {say(f'site.home.move.{kind}')}" for kind in ("vertikal", "horizontal", "diagonal")
        )
        + "\n",
        say("site.home.merit") + "\n",
        f"## {say('site.home.start_heading')}\n",
        _start_table(dataset, summarised=len(dataset.positions) > limits.overview),
        f"\n## {say('site.home.diagrams_heading')}\n",
        say("site.home.diagrams") + "\n",
        blocks.html_placeholder("legenda"),
    ]
    if agency.contact:
        parts.append(f"\n## {say('site.home.questions_heading')}\n\n{md(agency.contact)}\n")
    return Page(
        page,
        say("site.home.title"),
        "\n".join(parts) + "\n",
        agency.source or None,
        html_blocks=(("legenda", diagrams.legend_html()),),
    )


def _explorer_start() -> str:
    """On the first screen, before anything else: the way to Jelajah Karier, the page where an
    employee sees the positions within reach (a paragraph styled ``pk-start``, with a button)."""
    button = link(say("site.home.explorer_button"), urls.md_link(urls.HOME, explorer.PAGE))
    return (
        f"{say('site.home.explorer_lead')}\n"
        f"{button}{{ .md-button .md-button--primary }}\n{{: .pk-start }}\n\n"
        f"{compare.home_link()}\n"
    )


# The starting points whose description names the agency's units (``say_units``).
_NAMING_UNITS = frozenset({"units"})
# The home page's list of starting points: catalogue name and page.
_START = (
    ("overview", urls.OVERVIEW),
    ("explorer", explorer.PAGE),
    ("positions", urls.POSITIONS),
    ("open_positions", urls.OPEN_POSITIONS),
    ("paths", urls.PATHS),
    ("units", urls.UNITS),
    ("competencies", urls.COMPETENCIES),
    ("regulations", urls.REGULATIONS),
)


def _start_table(dataset: Dataset, summarised: bool) -> str:
    """Where to go from the home page, each page with what it holds (``summarised``: the
    overview shows perangkat daerah and job families, not every position)."""
    counts: dict[str, object] = {
        "positions": len(dataset.positions),
        "paths": len(dataset.paths),
        "vacancies": formasi.total(formasi.open_places(dataset)),
        "open_positions": sum(1 for p in dataset.positions.values() if p.vacancies.known),
    }
    rows = [
        [
            link(say(f"site.home.start.{name}"), urls.md_link(urls.HOME, target)),
            _about(dataset, name, summarised and target == urls.OVERVIEW, counts),
        ]
        for name, target in _START
    ]
    return table([say("site.col.page"), say("site.col.contents")], rows)


def _about(dataset: Dataset, name: str, summary: bool, counts: dict[str, object]) -> str:
    """What a starting point holds; ``summary``: the overview is the summary by unit and job
    family. Those naming the agency's units say "perangkat daerah" only for a pemerintah
    daerah."""
    if summary:
        return say_units(dataset, "ringkasan.home.about", **counts)
    if name in _NAMING_UNITS:
        return say_units(dataset, f"site.home.start.{name}.about", **counts)
    return say(f"site.home.start.{name}.about", **counts)


def _regulation_sentence(dataset: Dataset) -> str:
    """Which regulation the site accompanies, linked where it can be, with its dates."""
    reg = dataset.agency.regulation
    page = urls.HOME
    title = say(
        "site.home.regulation", kind=reg.kind, number=reg.number, year=reg.year, title=reg.title
    )
    if reg.regulation_id and reg.regulation_id in dataset.regulations:
        regulation = link(title, urls.md_link(page, urls.regulation(reg.regulation_id)))
    elif reg.url:
        regulation = external_link(title, reg.url)
    else:
        regulation = md(title)
    dates = []
    if reg.enacted:
        dates.append(say("site.home.enacted", date=md(reg.enacted)))
    if reg.effective:
        dates.append(say("site.home.effective", date=md(reg.effective)))
    if dates:
        regulation += f" ({', '.join(dates)})"
    return say("site.home.accompanies", regulation=regulation)


def overview_page(dataset: Dataset, limits: Limits = DEFAULT_LIMITS) -> Page:
    """The whole pattern: every position and move up to ``limits.overview`` positions, a
    summary by perangkat daerah and job family above it (see :mod:`pola_karir.site.limits`)."""
    if len(dataset.positions) > limits.overview:
        return _overview_summary_page(dataset)
    page = urls.OVERVIEW
    diagram = diagrams.overview(dataset)
    rows = []
    counts = _positions_per_top(dataset)
    for top in sorted(u.id for u in dataset.units.values() if u.parent is None):
        count = counts[top]
        rows.append([link(dataset.units[top].name, urls.md_link(page, urls.unit(top))), str(count)])
    moves = sorted(dataset.moves(), key=lambda m: (m.source, m.target))
    move_rows = [
        [
            blocks.position_link(dataset, page, m.source),
            blocks.position_link(dataset, page, m.target),
            phrases.label("perpindahan", m.kind, site_language()),
        ]
        for m in moves
    ]
    title = say("site.overview.title")
    move_table = table([say("site.col.from"), say("site.col.to"), say("site.col.kind")], move_rows)
    parts = [
        front(title),
        say_units(
            dataset,
            "site.overview.intro",
            positions=len(dataset.positions),
            agency=md(dataset.agency.name),
            moves=len(moves),
        )
        + "\n",
        '<div class="pk-zoom" data-pk-zoom>',
        blocks.diagram_placeholder(diagram, say("site.overview.diagram_caption")),
        "</div>\n",
        blocks.html_placeholder("legenda"),
        f"\n## {say_units(dataset, 'site.overview.units_heading')}\n",
        table([say_units(dataset, "site.col.agency_unit"), say("site.col.position_count")], rows),
        # The same moves as the diagram: on screen only (the printable annex lists them by path).
        f'\n??? info pk-screen-only "{say("site.overview.moves_table")}"\n',
        "\n".join("    " + line for line in move_table.splitlines()),
    ]
    return _overview(page, title, parts, diagram)


def _overview(page: str, title: str, parts: list[str], diagram: Diagram) -> Page:
    """The overview page, detailed or summarised: its diagram and the legend beside it."""
    return Page(
        page,
        title,
        "\n".join(parts) + "\n",
        None,
        (diagram,),
        html_blocks=(("legenda", diagrams.legend_html()),),
    )


def _overview_summary_page(dataset: Dataset) -> Page:
    """The overview of a large agency: the summary diagram, and beside it a table of the same
    groups and one of the same flows. Each move is listed on its career path's page."""
    page = urls.OVERVIEW
    summary = summarise(dataset)
    diagram = diagrams.overview_summary(dataset, summary)
    names = {g.key: link(g.name, urls.md_link(page, g.page)) for g in summary.groups}
    group_rows = [
        [
            names[g.key],
            say_units(dataset, "ringkasan.kind.unit")
            if g.kind == UNIT
            else say(f"ringkasan.kind.{g.kind}"),
            str(g.positions),
            str(g.moves_within),
        ]
        for g in summary.groups
    ]
    flow_rows = [
        [
            names[f.source],
            names[f.target],
            phrases.label("perpindahan", f.kind, site_language()),
            str(f.count),
        ]
        for f in summary.flows
    ]
    title = say("site.overview.title")
    group_headers = [say(f"ringkasan.col.{name}") for name in ("group", "kind", "positions")]
    flow_headers = [say("site.col.from"), say("site.col.to"), say("site.col.kind")]
    parts = [
        front(title),
        say_units(
            dataset,
            "ringkasan.intro",
            positions=len(dataset.positions),
            agency=md(dataset.agency.name),
            moves=summary.moves,
            units=sum(1 for g in summary.groups if g.kind == UNIT),
            families=sum(1 for g in summary.groups if g.kind != UNIT),
        )
        + "\n",
        '<div class="pk-zoom" data-pk-zoom>',
        blocks.diagram_placeholder(diagram, say_units(dataset, "ringkasan.diagram_caption")),
        "</div>\n",
        _flows_left_out(summary),
        blocks.html_placeholder("legenda"),
        f"\n## {say_units(dataset, 'ringkasan.groups_heading')}\n",
        table([*group_headers, say("ringkasan.col.moves_within")], group_rows),
        f"\n## {say('ringkasan.flows_heading')}\n",
        say(
            "ringkasan.flows_intro",
            paths=link(say("site.paths.title"), urls.md_link(page, urls.PATHS)),
        )
        + "\n",
        table([*flow_headers, say("ringkasan.col.moves")], flow_rows),
    ]
    return _overview(page, title, parts, diagram)


def _flows_left_out(summary: Summary) -> str:
    """A sentence under a summary diagram that draws only the largest flows; "" otherwise."""
    drawn = len(diagrams.drawn_flows(summary))
    if drawn == len(summary.flows):
        return ""
    return say("ringkasan.flows_left_out", drawn=drawn, flows=len(summary.flows)) + "\n"


def path_index(dataset: Dataset) -> Page:
    page = urls.PATHS
    rows = [
        [
            link(p.name, urls.md_link(page, urls.path(p.id))),
            str(len(p.moves)),
            md(p.description) if p.description else "–",
        ]
        for p in sorted(dataset.paths.values(), key=lambda p: p.name)
    ]
    title = say("site.paths.title")
    headers = [say("site.col.path"), say("site.col.steps"), say("site.col.description")]
    return Page(page, title, front(title) + table(headers, rows) + "\n")


def _positions_per_top(dataset: Dataset) -> Counter[str]:
    """Positions placed in each perangkat daerah, counted in one pass (a count per perangkat
    daerah over every position took 4 s at 5,000 positions and 100 of them)."""
    return Counter(top for position in dataset.positions.values() for top in position.tops)


def unit_index(dataset: Dataset) -> Page:
    page = urls.UNITS
    rows = []
    counts = _positions_per_top(dataset)
    for unit in sorted(
        (u for u in dataset.units.values() if u.parent is None), key=lambda u: u.name
    ):
        count = counts[unit.id]
        rows.append(
            [
                link(unit.name, urls.md_link(page, urls.unit(unit.id))),
                md(unit.short_name) or "–",
                str(count),
            ]
        )
    title = say("site.units.title")
    headers = [
        say_units(dataset, "site.col.agency_unit"),
        say("site.col.short_name"),
        say("site.col.positions"),
    ]
    return Page(page, title, front(title) + table(headers, rows) + "\n")


def open_data_page(dataset: Dataset, files: Mapping[str, str]) -> Page:
    """Links to the open data published with this build."""
    page = urls.OPEN_DATA
    data_rows = []
    for path in sorted(files):
        if not path.startswith(urls.OPEN_DATA_DIR):
            continue
        name = path.removeprefix(urls.OPEN_DATA_DIR)
        size = len(files[path].encode("utf-8"))
        data_rows.append(
            [
                link(name, urls.md_link(page, path)),
                _file_description(name),
                f"{size / 1024:.0f} KB",
            ]
        )
    schema_rows = [
        [link(path.removeprefix("schemas/"), urls.md_link(page, path))]
        for path in sorted(files)
        if path.startswith("schemas/")
    ]
    title = say("site.open_data.title")
    parts = [
        front(title),
        say("site.open_data.intro", agency=md(dataset.agency.name)) + "\n",
        table(
            [say("site.col.file"), say("site.col.file_contents"), say("site.col.size")], data_rows
        ),
        f"\n## {say('site.open_data.schemas_heading')}\n",
        say("site.open_data.schemas") + "\n",
        table([say("site.col.schema")], schema_rows),
    ]
    return Page(page, title, "\n".join(parts) + "\n")


def _file_description(name: str) -> str:
    """What a published file holds ('' for a file the catalogue does not describe)."""
    key = f"site.open_data.file.{name}"
    return say(key) if has(key, site_language()) else ""


def rules_page() -> Page:
    """Every validation code with its meaning and fix, so a code in a CI log can be looked up."""
    title = say("site.rules.title")
    return Page(
        urls.RULES, title, front(title) + say("site.rules.intro") + "\n\n" + rules_table() + "\n"
    )


def rules_table() -> str:
    """Every validation code as a Markdown table: code, kind, meaning and fix (placeholders shown
    as "…"). The site's list of codes and the contributors' guide ``pola-karir init`` writes
    share it, so both say what the rule catalogue says."""
    lang = site_language()
    rows = []
    for rule in CODES.values():
        kind = say(f"site.rules.severity.{rule.severity.value}")
        rows.append(
            [
                f"`{rule.code}`",
                kind,
                md(_PLACEHOLDER.sub("…", template(rule.code, "message", lang))),
                md(_PLACEHOLDER.sub("…", template(rule.code, "hint", lang))),
            ]
        )
    headers = [say(f"site.col.{name}") for name in ("code", "kind", "meaning", "fix")]
    return table(headers, rows)


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
