"""Everything the site needs from a dataset: pages, diagrams and a small, sectioned nav.

The nav lists sections and their index pages, not the hundreds of position pages (those are
reached from indexes, diagrams and search): Material copies the nav into every page, so a flat
nav makes each page grow with the dataset. For the same reason the per-path and per-unit lists
give way to their index pages above :data:`~pola_karir.site.limits.NAV_LIST_LIMIT` entries.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, partial
from html import unescape
from pathlib import Path
from typing import Any, Final, Protocol

from pola_karir import export
from pola_karir.forked import Forked
from pola_karir.history import timeline
from pola_karir.history.timeline import History
from pola_karir.load.schema import schema_dir
from pola_karir.model import Dataset, Regulation
from pola_karir.site import (
    catalog,
    compare,
    explorer,
    formasi,
    history,
    home,
    pages,
    plan,
    talent,
    urls,
)
from pola_karir.site.diagrams import Diagram
from pola_karir.site.limits import DEFAULT_LIMITS, Limits
from pola_karir.site.page import Page, in_language, say, site_language
from pola_karir.site.text import attr
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, units_key

# Schemas of reports for HR (personal data), not of the data or the open data: not published.
HR_ONLY_SCHEMAS = frozenset({"talenta.schema.json"})


@dataclass(frozen=True)
class SiteContent:
    pages: tuple[Page, ...]
    nav: list[Any]
    files: Mapping[str, str]  # other published files (open data, schemas), by site path
    # The data folder's history (None without a data folder): the plugin logs why it is missing.
    history: History | None = None

    @property
    def diagrams(self) -> tuple[Diagram, ...]:
        return tuple(d for page in self.pages for d in page.diagrams)


def site_content(
    dataset: Dataset,
    lang: str = DEFAULT_LANGUAGE,
    limits: Limits = DEFAULT_LIMITS,
    data_dir: Path | None = None,
    on_page: Callable[[Page], None] = lambda page: None,
    processes: int = 1,
    *,
    keep_diagrams: bool = True,
) -> SiteContent:
    """Every page, file and nav entry of the site, worded in ``lang`` (``id`` or ``en``; the
    data, names and descriptions, stays as written); ``limits`` says where lists give way to
    summaries (:mod:`pola_karir.site.limits`). With ``data_dir`` (the data folder, in a git work
    tree) the *Riwayat perubahan* page lists its versions and every page drawn from the data
    says when that data last changed; without it the page says there is no history.
    ``on_page`` is given each page as soon as it is made (a page's date, added later, touches
    its Markdown only): the plugin starts its diagrams while the other pages are still being
    made (:class:`~pola_karir.site.render.BackgroundRender`). With ``processes`` of 2 or more,
    a forked child makes the second half of the work (:func:`_second_half`) while this process
    makes the first: the content is the same either way (:mod:`pola_karir.forked`).
    Without ``keep_diagrams`` the pages are kept without their diagrams once ``on_page`` had
    them: the plugin hands them to ``dot`` there and needs nothing of them after, while their
    DOT (a few kilobytes a diagram, about 120 MB at 20,000 positions) would otherwise stay
    until every page is made."""
    with in_language(lang):
        return _site_content(dataset, limits, data_dir, on_page, processes, keep_diagrams)


def _site_content(
    dataset: Dataset,
    limits: Limits,
    data_dir: Path | None,
    on_page: Callable[[Page], None],
    processes: int,
    keep_diagrams: bool,
) -> SiteContent:
    data_history = timeline.data_history(data_dir) if data_dir is not None else None

    def handed(page: Page) -> Page:
        on_page(page)
        return page if keep_diagrams else replace(page, diagrams=())

    lang = site_language()
    # In one process the second half is made first: the open data's working objects (the
    # export as objects, then as text) are let go of before the pages, held all at once.
    with Forked(lambda: _second_half(dataset, limits, lang), processes, eager=True) as second:
        generated = [handed(maker.make()) for maker in first_makers(dataset, limits)]
        parts = second.result()
    files = dict(part for part in parts if isinstance(part, tuple))
    *later, annex = [part for part in parts if isinstance(part, Page)]
    del parts
    generated.extend(handed(page) for page in later)
    closing = closing_makers(dataset, files, data_history, lambda: annex)
    # The list of validation codes comes from the tool, not the data; the annex is printed as a
    # regulation's attachment, where a build date does not belong: neither is dated.
    generated = history.dated(generated, data_history)
    generated.extend(dated(maker, maker.make(), data_history) for maker in closing)
    generated[-len(closing) :] = [handed(page) for page in generated[-len(closing) :]]
    return SiteContent(tuple(generated), site_nav(dataset, limits), files, data_history)


def _second_half(dataset: Dataset, limits: Limits, lang: str) -> list[Page | tuple[str, str]]:
    """The published files (site path, text), the pages after the position pages and, last,
    the annex: at 5,000 positions about as much work as the position pages. A list of parts,
    so that a forked child sends them one by one (:class:`~pola_karir.forked.Forked`)."""
    with in_language(lang):  # a forked child starts in the language of its parent's thread
        files = all_files(dataset)
        parts: list[Page | tuple[str, str]] = list(files.items())
        del files
        parts.extend(maker.make() for maker in later_makers(dataset, limits))
        parts.append(catalog.annex_page(dataset))
        return parts


def all_files(dataset: Dataset) -> dict[str, str]:
    """Every published file that is not a page: the open data, and the scripts' data of the
    explorer and the comparison."""
    return {**published_files(dataset), **explorer.explorer_files(), **compare.compare_files()}


# What a page is drawn from (``PageMaker.kind``): one record of the data (its id is the
# maker's ``key``), the whole dataset, the data folder's history, or the tool alone.
POSITION: Final = "position"
PATH: Final = "path"
UNIT: Final = "unit"
FAMILY: Final = "family"
COMPETENCY: Final = "competency"
REGULATION: Final = "regulation"
WHOLE: Final = "whole"
HISTORY: Final = "history"
TOOL: Final = "tool"
OPEN_DATA_PAGE: Final = "open_data"  # the key of the open data page's maker


@dataclass(frozen=True)
class PageMaker:
    """One page of the site before it is made: what it is drawn from (``kind``, ``key``) and
    how to make it. :func:`site_content` makes every one in order; an update after an edit
    (:mod:`pola_karir.site.incremental`) remakes only those an edit can reach, so both walk
    the same list and cannot disagree on the pages or their order."""

    kind: str
    key: str
    make: Callable[[], Page]
    dated: bool = True  # whether the page ends with the date its data last changed


def dated(maker: PageMaker, page: Page, data_history: History | None) -> Page:
    """``page`` with the date its data last changed, if its maker's page is dated."""
    return history.dated([page], data_history)[0] if maker.dated else page


def first_makers(dataset: Dataset, limits: Limits) -> Iterator[PageMaker]:
    """The pages drawn from the data up to the position pages, in the site's order."""
    yield PageMaker(WHOLE, "home", partial(home.home_page, dataset, limits))
    yield PageMaker(WHOLE, "overview", partial(home.overview_page, dataset, limits))
    yield PageMaker(WHOLE, "explorer", partial(explorer.explorer_page, dataset))
    yield PageMaker(WHOLE, "compare", partial(compare.compare_page, dataset))
    yield PageMaker(WHOLE, "plan", partial(plan.plan_page, dataset))
    yield PageMaker(WHOLE, "positions", partial(catalog.position_index, dataset))
    yield PageMaker(WHOLE, "open_positions", partial(formasi.open_positions_page, dataset))
    if dataset.targets:
        yield PageMaker(WHOLE, "targets", partial(talent.target_page, dataset))
    for position in sorted(dataset.positions.values(), key=lambda p: p.id):
        yield PageMaker(POSITION, position.id, partial(pages.position_page, dataset, position))


def later_makers(dataset: Dataset, limits: Limits) -> Iterator[PageMaker]:
    """The pages drawn from the data after the position pages, in the site's order."""
    yield PageMaker(WHOLE, "paths", partial(home.path_index, dataset))
    for path in sorted(dataset.paths.values(), key=lambda p: p.id):
        yield PageMaker(PATH, path.id, partial(pages.path_page, dataset, path))
    yield PageMaker(WHOLE, "units", partial(home.unit_index, dataset))
    for unit in sorted(dataset.units.values(), key=lambda u: u.id):
        if unit.parent is None:
            yield PageMaker(UNIT, unit.id, partial(pages.unit_page, dataset, unit.id))
    yield PageMaker(WHOLE, "families", partial(catalog.family_index, dataset))
    for family in sorted(dataset.families.values(), key=lambda f: f.id):
        yield PageMaker(FAMILY, family.id, partial(catalog.family_page, dataset, family))
    yield PageMaker(WHOLE, "competencies", partial(catalog.competency_index, dataset))
    for competency in sorted(dataset.competencies.values(), key=lambda c: c.id):
        make = partial(catalog.competency_page, dataset, competency)
        yield PageMaker(COMPETENCY, competency.id, make)
    # Who cites each regulation: read from every record once, by the first page that asks.
    citers = cache(partial(catalog.citers, dataset))
    yield PageMaker(WHOLE, "regulations", partial(catalog.regulation_index, dataset))
    for regulation in sorted(dataset.regulations.values(), key=lambda r: r.id):

        def make_regulation(regulation: Regulation = regulation) -> Page:
            return catalog.regulation_page(dataset, regulation, citers())

        yield PageMaker(REGULATION, regulation.id, make_regulation)


def closing_makers(
    dataset: Dataset,
    files: Mapping[str, str],
    data_history: History | None,
    annex: Callable[[], Page],
) -> tuple[PageMaker, ...]:
    """The last pages: the open data (which lists ``files``), the history, the validation
    codes (from the tool, not the data) and the ``annex``; the last two are not dated (the
    annex is printed as a regulation's attachment, where a build date does not belong)."""
    return (
        PageMaker(WHOLE, OPEN_DATA_PAGE, partial(home.open_data_page, dataset, files)),
        PageMaker(HISTORY, "history", partial(history.history_page, data_history)),
        PageMaker(TOOL, "rules", home.rules_page, dated=False),
        PageMaker(WHOLE, "annex", annex, dated=False),
    )


def published_files(dataset: Dataset) -> dict[str, str]:
    """Open data published with every build: the JSON export, CSV per entity kind, the schemas,
    and the same JSON as a script for pages that must work from file:// (no fetch there). The
    phrases the export adds are in the site's language: the pages' scripts show them."""
    lang = site_language()
    data = export.open_data(dataset, lang)
    text = export.to_json(data)
    files = {f"{urls.OPEN_DATA_DIR}pola-karir.json": text}
    for name, table in export.csv_tables(dataset, lang).items():
        files[f"{urls.OPEN_DATA_DIR}{name}"] = table
    for path in sorted(schema_dir().glob("*.schema.json")):
        if path.name not in HR_ONLY_SCHEMAS:
            files[f"schemas/{path.name}"] = path.read_text(encoding="utf-8")
    compact = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    files["assets/pola-karir-data.js"] = f"window.POLA_KARIR_DATA = {compact};\n"
    return files


def site_nav(dataset: Dataset, limits: Limits) -> list[Any]:
    """The sections and their index pages; "each path" and "each unit" list their pages only
    up to ``limits.nav`` entries, above it the index page (which lists them all) stands alone:
    the theme writes the whole nav into every page (see the module docstring)."""
    # Nav titles are printed as HTML by the theme: escape the ones that come from data.
    paths = [
        {html.escape(p.name): urls.path(p.id)}
        for p in sorted(dataset.paths.values(), key=lambda p: p.name)
    ]
    units = [
        {html.escape(u.name): urls.unit(u.id)}
        for u in sorted(dataset.units.values(), key=lambda u: u.name)
        if u.parent is None
    ]
    each_unit = units_key("each_unit", dataset.agency.regional)  # perangkat daerah or not
    return [
        {say("site.nav.home"): urls.HOME},
        {say("site.nav.overview"): urls.OVERVIEW},
        {explorer.title(): explorer.PAGE},
        {
            say("site.nav.positions"): [
                {say("site.nav.position_list"): urls.POSITIONS},
                {say("formasi.open.title"): urls.OPEN_POSITIONS},
                *([{talent.title(): talent.PAGE}] if dataset.targets else []),
                {say("site.nav.families"): urls.FAMILIES},
            ]
        },
        _section("paths", urls.PATHS, "each_path", paths, limits),
        _section("units", urls.UNITS, each_unit, units, limits),
        {say("site.nav.competencies"): urls.COMPETENCIES},
        {say("site.nav.regulations"): urls.REGULATIONS},
        {say("site.nav.open_data"): urls.OPEN_DATA},
        {history.title(): history.PAGE},
        {say("site.nav.annex"): urls.ANNEX},
        {compare.title(): compare.PAGE},
    ]


def _section(name: str, index: str, each: str, entries: list[Any], limits: Limits) -> Any:
    """A section of the index page and a list of every entry (``site.nav.all_<name>``,
    ``site.nav.<each>``); with more than ``limits.nav`` entries, the index page alone."""
    if len(entries) > limits.nav:
        return {say(f"site.nav.{name}"): index}
    return {
        say(f"site.nav.{name}"): [
            {say(f"site.nav.all_{name}"): index},
            {say(f"site.nav.{each}"): entries},
        ]
    }


_PLACEHOLDER = re.compile(
    r'<figure class="pk-diagram" data-pk-diagram="([a-z0-9-]+)">(<figcaption>.*?</figcaption>)'
    r"</figure>",
    re.DOTALL,
)


class SvgSource(Protocol):
    """Where :func:`embed_diagrams` takes each SVG from: a mapping, or the plugin's
    :class:`~pola_karir.site.render.SvgStore`, which reads it back from its file."""

    def get(self, name: str, /) -> str | None: ...


def embed_diagrams(
    html: str, svgs: SvgSource, links: Callable[[str], str] = lambda svg: svg
) -> str:
    """Put rendered SVG into the placeholders after Markdown conversion, so large SVG never goes
    through the Markdown parser. ``links`` resolves the links of each SVG placed (they name
    source paths, see :func:`urls.ref`) for the page it is placed in."""

    def replace(match: re.Match[str]) -> str:
        svg = svgs.get(match.group(1))
        if svg is None:
            return match.group(0)
        svg = links(svg)
        return (
            f'<figure class="pk-diagram" data-pk-diagram="{match.group(1)}" '
            f'data-pk-words="{words}">{svg}{match.group(2)}</figure>'
        )

    words = zoom_words()

    return _PLACEHOLDER.sub(replace, html)


# The zoom tools' words (``site.diagram.zoom.<name>``), given to pola-karir.js by each figure.
ZOOM_WORDS = ("in", "out", "reset", "fit", "hint", "tools")


def zoom_words() -> str:
    """The words of the zoom tools as JSON, escaped for a double-quoted HTML attribute."""
    words = {name: say(f"site.diagram.zoom.{name}") for name in ZOOM_WORDS}
    return attr(json.dumps(words, ensure_ascii=True))


_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_CELL = re.compile(r"<td\b")
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def stack_tables(html: str) -> str:
    """Give every body cell of a table with a header row the name of its column
    (``data-label``), and the table ``data-pk-stack``: on a phone the stylesheet shows each row
    as a stack of "label, value" lines, so no column is hidden behind sideways scrolling. The
    labels are the headers' own (already escaped) text, tags removed."""

    def one_table(match: re.Match[str]) -> str:
        table_html = match.group(0)
        head_end = table_html.find("</thead>")
        if head_end < 0 or "data-label=" in table_html:
            return table_html
        labels = [
            attr(unescape(_TAG.sub("", cell))) for cell in _HEAD_CELL.findall(table_html[:head_end])
        ]
        if not labels:
            return table_html

        def one_row(row: re.Match[str]) -> str:
            cells = iter(labels)
            return _CELL.sub(lambda _: f'<td data-label="{next(cells, "")}"', row.group(0))

        body = _ROW.sub(one_row, table_html[head_end:])
        opening = table_html.index(">")
        return f"{table_html[:opening]} data-pk-stack{table_html[opening:head_end]}{body}"

    return _TABLE.sub(one_table, html)


_BLOCK = re.compile(r'<div data-pk-block="([a-z0-9-]+)"></div>')


def embed_blocks(html: str, blocks: Mapping[str, str]) -> str:
    """Insert a page's ready-made HTML blocks in place of their placeholders."""
    return _BLOCK.sub(lambda m: blocks.get(m.group(1), m.group(0)), html)
