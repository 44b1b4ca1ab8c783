"""Graphviz diagrams of the career pattern, built from the same model that was validated.

Nodes get internal ids (``n0``, ``n1``...) so no data string is ever a DOT identifier; every label
and tooltip goes through :func:`graphviz.escape`, and :mod:`pola_karir.site.dot` quotes every
value (never as an HTML-like label). Links name the
position pages by source path (:func:`urls.ref`): the plugin turns them into URLs relative to the
page that embeds the diagram, so the SVG (and its cache entry) is the same for any URL style.
Ladders are drawn bottom-up (``rankdir=BT``): a vertical move goes up the page.

No diagram grows with the whole dataset: a neighbourhood grows with the moves of its one
position, a career path with its own moves, a peta jabatan with the positions of one perangkat
daerah, and the overview draws every position only up to
:data:`~pola_karir.site.limits.OVERVIEW_DETAIL_LIMIT` positions, one node per perangkat daerah
and job family above it (:func:`overview_summary`).
"""

from __future__ import annotations

import functools
import html
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import graphviz

from pola_karir import reference as ref
from pola_karir.model import Dataset, Move, Placement, Position
from pola_karir.site import formasi, urls
from pola_karir.site.dot import Graph
from pola_karir.site.page import say, site_language
from pola_karir.site.summary import FAMILY, Flow, Summary
from pola_karir.site.summary import group_key as summary_group_key
from pola_karir.text import names, phrases

FONT = "DejaVu Sans,Arial,sans-serif"


@dataclass(frozen=True)
class NodeStyle:
    """How one kind of position is drawn; its name in the legend is ``site.legend.node.<key>``."""

    fill: str
    font: str
    shape: str


# One style per kind of position; colours chosen to stay distinct for common colour-blindness
# and readable on light and dark page backgrounds.
STYLES: dict[str, NodeStyle] = {
    "jpt": NodeStyle("#1e3a8a", "#ffffff", "box"),
    "administrator": NodeStyle("#0f766e", "#ffffff", "box"),
    "pengawas": NodeStyle("#5eead4", "#111827", "box"),
    "pelaksana": NodeStyle("#e5e7eb", "#111827", "box"),
    "keahlian": NodeStyle("#f59e0b", "#111827", "ellipse"),
    "keterampilan": NodeStyle("#fde68a", "#111827", "ellipse"),
}


@dataclass(frozen=True)
class EdgeStyle:
    """How one kind of move is drawn; its legend text is ``site.legend.move.<kind>``."""

    color: str
    style: str
    penwidth: str


# A perangkat daerah in the summarised overview: a box like a structural position's, in a
# colour no position has, since it stands for many positions of every kind.
UNIT_STYLE = NodeStyle("#dbeafe", "#111827", "box")

EDGE_STYLES: dict[str, EdgeStyle] = {
    "vertikal": EdgeStyle("#1d4ed8", "solid", "2"),
    "horizontal": EdgeStyle("#6b7280", "dashed", "1.5"),
    "diagonal": EdgeStyle("#c2410c", "bold", "2"),
}


@dataclass(frozen=True)
class Diagram:
    """A DOT graph to render, and the page it belongs to."""

    name: str
    page: str
    title: str
    dot: str
    # The same graph without clusters, tried when Graphviz fails on the clustered layout
    # (2.43 has several such bugs: "trouble in init_rank", "lost edge").
    fallback: str = ""


def style_key(position: Position, dataset: Dataset) -> str:
    if position.type.startswith("jpt"):
        return "jpt"
    if position.type == "fungsional":
        return ref.CATEGORY_OF_GRADE.get(position.grade or "", "keahlian")
    return position.type


def _label(*lines: str) -> str:
    """Lines of a node's label, each wrapped and escaped, joined by DOT's "\\n"."""
    return "\\n".join(_wrapped(line) for line in lines)


# Cached: a position's name and level line recur in every diagram that draws it (a dozen at
# 5,000 positions), and wrapping is most of a node's cost.
@functools.lru_cache(maxsize=1 << 16)
def _wrapped(line: str, width: int = 24) -> str:
    """One line of a label, wrapped at ``width`` and escaped, parts joined by DOT's "\\n"."""
    return "\\n".join(_escape(part) for part in (textwrap.wrap(line, width) or [""]))


@functools.lru_cache(maxsize=1 << 16)
def _escape(text: str) -> str:
    """Plain text for a Graphviz label: backslashes escaped, and '&' too, since Graphviz reads
    HTML entities even in plain labels ("&amp;" would show as "&")."""
    return str(graphviz.escape(text.replace("&", "&amp;")))


def _tooltip(text: str) -> str:
    """Graphviz unescapes a tooltip twice (backslashes, then \\N-style substitution), so its
    backslashes are escaped twice: a name with "\\N" must not show the internal node id."""
    return str(graphviz.escape(_escape(text)))


def _graph(title: str) -> Graph:
    graph = Graph()
    graph.attr(
        rankdir="BT",
        bgcolor="transparent",
        fontname=FONT,
        nodesep="0.35",
        ranksep="0.5",
        label=_escape(title),
        labelloc="t",
        fontsize="11",
        tooltip=_tooltip(title),
    )
    graph.attr("node", fontname=FONT, fontsize="10", style="filled,rounded", margin="0.12,0.06")
    graph.attr("edge", fontname=FONT, fontsize="9", arrowsize="0.8")
    return graph


class _Builder:
    """Adds positions and moves to one graph, giving each position a stable internal id."""

    def __init__(self, dataset: Dataset, title: str) -> None:
        self.dataset = dataset
        self.graph = _graph(title)
        self.ids: dict[str, str] = {}

    def node(
        self,
        position: Position,
        target: Graph | None = None,
        focus: bool = False,
        placement: Placement | None = None,
    ) -> str:
        """The node of ``position`` (of one of its ``placement``, in a peta jabatan, where a
        position placed in several units is drawn in each, with that unit's formasi)."""
        key = position.id if placement is None else f"{position.id}@{placement.unit}"
        if key in self.ids:
            return self.ids[key]
        node_id = f"n{len(self.ids)}"
        self.ids[key] = node_id
        style = STYLES[style_key(position, self.dataset)]
        level = phrases.level_name(position.level_key, site_language())
        name = _name(self.dataset, position)
        lines = [name, say("site.diagram.node", level=level, job_class=position.job_class)]
        if placement is not None and formasi.has_numbers((placement,)):
            lines.append(formasi.numbers_text((placement,)))
        (target or self.graph).node(
            node_id,
            _label(*lines),
            shape=style.shape,
            fillcolor=style.fill,
            fontcolor=style.font,
            color="#111827" if focus else style.fill,
            penwidth="3" if focus else "1",
            # The page's own position: pola-karir.js opens the diagram's view on it.
            **({"class": "pk-focus"} if focus else {}),
            URL=urls.ref(urls.position(position.id)),
            target="_top",
            tooltip=_tooltip(name),
        )
        return node_id

    def edge(self, move: Move, constraint: bool = True) -> None:
        """``constraint=False`` lets an edge be drawn without pulling its ends into ranks."""
        source, target = self.ids.get(move.source), self.ids.get(move.target)
        if source is None or target is None:
            return
        self.line(source, target, move, constraint)

    def line(self, source: str, target: str, move: Move, constraint: bool = True) -> None:
        """The edge of ``move`` between two nodes already drawn."""
        style = EDGE_STYLES[move.kind]
        label = phrases.years_short(move.min_years, site_language()) if move.min_years else ""
        extra = {} if constraint else {"weight": "0"}
        self.graph.edge(
            source,
            target,
            color=style.color,
            style=style.style,
            penwidth=style.penwidth,
            label=label,
            fontcolor=style.color,
            **extra,
        )


def _name(dataset: Dataset, position: Position) -> str:
    """The name that tells a position apart from others of the same name: two nodes of one
    name would read as one position (:mod:`pola_karir.text.names`)."""
    return names.position_name(dataset, position.id, site_language())


def _moves_among(moves: Iterable[Move], ids: set[str]) -> list[Move]:
    unique: dict[tuple[str, str, str], Move] = {}
    for move in moves:
        if move.source in ids and move.target in ids:
            unique.setdefault((move.source, move.target, move.kind), move)
    return sorted(unique.values(), key=lambda m: (m.source, m.target, m.kind))


def neighbourhood(dataset: Dataset, position: Position) -> Diagram:
    """The position with every position one move away, in either direction."""
    page = urls.position(position.id)
    moves = [*dataset.moves_from(position.id), *dataset.moves_to(position.id)]
    ids = {position.id} | {m.source for m in moves} | {m.target for m in moves}
    title = say("site.diagram.neighbourhood", position=_name(dataset, position))
    builder = _Builder(dataset, title)
    for pid in sorted(ids):
        builder.node(dataset.positions[pid], focus=pid == position.id)
    for move in _moves_among(moves, ids):
        builder.edge(move)
    return Diagram(f"jabatan-{position.id}", page, title, builder.graph.source)


def career_path(dataset: Dataset, path_id: str) -> Diagram:
    path = dataset.paths[path_id]
    page = urls.path(path_id)
    builder = _Builder(dataset, path.name)
    ids = {end for m in path.moves for end in (m.source, m.target)}
    for pid in sorted(ids, key=lambda p: _level_sort(dataset.positions[p])):
        builder.node(dataset.positions[pid])
    for move in _moves_among(path.moves, ids):
        builder.edge(move)
    return Diagram(f"jalur-{path_id}", page, path.name, builder.graph.source)


def _level_sort(position: Position) -> tuple[int, int, str]:
    level = ref.LEVELS[position.level_key]
    return (level.tier, level.order, position.id)


def _clustered(
    dataset: Dataset,
    builder: _Builder,
    positions: Sequence[Position],
    cluster_of: Callable[[Position], str],
    cluster_label: Callable[[str], str],
    flat: bool = False,
) -> None:
    clusters: dict[str, list[Position]] = {}
    for position in positions:
        clusters.setdefault(cluster_of(position), []).append(position)
    if flat:
        for key in sorted(clusters):
            for position in sorted(clusters[key], key=_level_sort):
                builder.node(position)
        return
    # newrank: without it Graphviz 2.43 fails ("trouble in init_rank") on large clustered graphs.
    builder.graph.attr(newrank="true")
    for index, key in enumerate(sorted(clusters)):
        with builder.graph.subgraph(name=f"cluster_{index}") as sub:
            sub.attr(
                label=_escape(cluster_label(key)),
                style="rounded",
                color="#9ca3af",
                fontsize="10",
            )
            for position in sorted(clusters[key], key=_level_sort):
                builder.node(position, target=sub)


def unit_map(dataset: Dataset, top_unit: str) -> Diagram:
    """Peta jabatan of one perangkat daerah: positions grouped by unit, ladders drawn upward.

    A position placed in several units of the perangkat daerah is drawn in each of them, with
    that unit's formasi; each unit's label carries its totals. A move joins the copies of its
    ends in the same unit where there are any, and every copy otherwise."""
    page = urls.unit(top_unit)
    unit = dataset.units[top_unit]
    title = say("site.diagram.unit_map", unit=unit.name)
    placed = dataset.placements_in(top_unit)
    by_position: dict[str, list[str]] = {}
    for position, placement in placed:
        by_position.setdefault(position.id, []).append(placement.unit)
    by_unit: dict[str, list[Placement]] = {}
    for _, placement in placed:
        by_unit.setdefault(placement.unit, []).append(placement)

    def cluster_label(key: str) -> str:
        """The unit's name, and its totals on a second line (DOT's "\\n", each part escaped)."""
        lines = [dataset.units[key].name if key in dataset.units else key]
        members = by_unit.get(key, [])
        if formasi.has_numbers(members):
            lines.append(formasi.numbers_text(members))
        return "\\n".join(_escape(line) for line in lines)

    def draw(flat: bool) -> str:
        builder = _Builder(dataset, title)
        clusters: dict[str, list[tuple[Position, Placement]]] = {}
        for position, placement in placed:
            clusters.setdefault(placement.unit, []).append((position, placement))
        if not flat:
            # newrank: without it Graphviz 2.43 fails ("trouble in init_rank") on large
            # clustered graphs.
            builder.graph.attr(newrank="true")
        for index, key in enumerate(sorted(clusters)):
            members = sorted(clusters[key], key=lambda pair: _level_sort(pair[0]))
            if flat:
                for position, placement in members:
                    builder.node(position, placement=placement)
                continue
            with builder.graph.subgraph(name=f"cluster_{index}") as sub:
                sub.attr(
                    label=cluster_label(key),
                    style="rounded",
                    color="#9ca3af",
                    fontsize="10",
                )
                for position, placement in members:
                    builder.node(position, target=sub, placement=placement)
        # As in the overview: moves between units carry no weight, so units stay compact.
        for move in _moves_among(dataset.moves(), set(by_position)):
            sources, targets = by_position[move.source], by_position[move.target]
            pairs = [(a, b) for a in sources for b in targets if a == b] or [
                (a, b) for a in sources for b in targets
            ]
            for a, b in pairs:
                builder.line(
                    builder.ids[f"{move.source}@{a}"],
                    builder.ids[f"{move.target}@{b}"],
                    move,
                    constraint=a == b,
                )
        return str(builder.graph.source)

    return Diagram(f"unit-{top_unit}", page, title, draw(False), draw(True))


def overview(dataset: Dataset) -> Diagram:
    """The whole agency: one cluster per perangkat daerah, every move."""
    page = urls.OVERVIEW
    title = say("site.diagram.overview", agency=dataset.agency.name)
    positions = list(dataset.positions.values())
    top = {p.id: p.unit.split("/")[0] for p in positions}

    def draw(flat: bool) -> str:
        builder = _Builder(dataset, title)
        _clustered(
            dataset,
            builder,
            positions,
            lambda p: top[p.id],
            lambda key: dataset.units[key].name if key in dataset.units else key,
            flat,
        )
        # Moves between perangkat daerah carry no weight: otherwise every cluster is stretched
        # to the height of the tallest ladder it connects to and fills with empty space.
        for move in _moves_among(dataset.moves(), set(dataset.positions)):
            builder.edge(move, constraint=top[move.source] == top[move.target])
        head = _head(positions)
        if head is not None:  # pola-karir.js opens the view of the whole pattern on it
            builder.graph.node(builder.ids[head.id], **{"class": "pk-start"})
        return str(builder.graph.source)

    return Diagram("pola-karier", page, title, draw(False), draw(True))


SUMMARY_QUICK_LAYOUT = 300
"""Most edges the summarised overview lays out with dot's full effort. Above it, dot's network
simplex and crossing reduction are capped (``nslimit``, ``mclimit``) and edges drawn straight:
a summary of 169 groups and 1,362 edges (the example copied 20 times) took 52 s with the
defaults (wall clock, loaded machine) and 0.9-1.1 s of CPU with the caps. The
capped layout is plainer (edges wind more), so smaller summaries keep the defaults."""


SUMMARY_MAX_FLOWS = 1000
"""Most flows the summarised overview draws: the largest, by number of moves (ties in the
summary's order); the page's table lists every flow. ``dot`` grows much faster than the edges:
a synthetic agency of 20,000 positions (383 perangkat daerah, 7,136 flows) ran 15 minutes and
6 GB before it was stopped; its 2,000 largest flows took 8.4 s of CPU and 372 MB, its 1,000
largest 0.5 s and 60 MB (with the caps of :data:`SUMMARY_QUICK_LAYOUT`)."""


def drawn_flows(summary: Summary) -> tuple[Flow, ...]:
    """The flows the summarised overview draws, in the summary's order (see
    :data:`SUMMARY_MAX_FLOWS`)."""
    if len(summary.flows) <= SUMMARY_MAX_FLOWS:
        return summary.flows
    order = sorted(range(len(summary.flows)), key=lambda i: -summary.flows[i].count)
    kept = set(order[:SUMMARY_MAX_FLOWS])
    return tuple(flow for index, flow in enumerate(summary.flows) if index in kept)


def overview_summary(dataset: Dataset, summary: Summary) -> Diagram:
    """The whole agency for a dataset above :data:`limits.OVERVIEW_DETAIL_LIMIT`: one node per
    perangkat daerah and per job family, with its number of positions (and of moves within it),
    linked to its own page and diagram; one edge per kind of move between two groups, labelled
    with the number of moves. At most G nodes for G groups, whatever the number of positions
    (:mod:`pola_karir.site.summary`), and the :data:`SUMMARY_MAX_FLOWS` largest flows."""
    page = urls.OVERVIEW
    title = say("site.diagram.overview", agency=dataset.agency.name)
    graph = _graph(title)
    flows = drawn_flows(summary)
    if len(flows) > SUMMARY_QUICK_LAYOUT:
        graph.attr(nslimit="1", mclimit="0.1", splines="line")
    ids = {group.key: f"g{index}" for index, group in enumerate(summary.groups)}
    head = _head(list(dataset.positions.values()))
    start = summary_group_key(dataset, head) if head is not None else None
    for group in summary.groups:
        lines = [group.name, say("ringkasan.node.positions", count=group.positions)]
        if group.moves_within:
            lines.append(say("ringkasan.node.moves_within", count=group.moves_within))
        if group.kind == FAMILY:
            family = dataset.families[group.id]
            style = STYLES["keahlian" if "keahlian" in family.categories else "keterampilan"]
        else:
            style = UNIT_STYLE
        graph.node(
            ids[group.key],
            _label(*lines),
            shape=style.shape,
            fillcolor=style.fill,
            fontcolor=style.font,
            color=style.fill,
            # The head of the agency's group: pola-karir.js opens the view on it.
            **({"class": "pk-start"} if group.key == start else {}),
            URL=urls.ref(group.page),
            target="_top",
            tooltip=_tooltip(group.name),
        )
    for flow in flows:
        line = EDGE_STYLES[flow.kind]
        graph.edge(
            ids[flow.source],
            ids[flow.target],
            color=line.color,
            style=line.style,
            penwidth=line.penwidth,
            label=str(flow.count),
            fontcolor=line.color,
        )
    return Diagram("pola-karier", page, title, graph.source)


def _head(positions: Sequence[Position]) -> Position | None:
    """The head of the agency: its highest structural position (by level, then kelas)."""
    structural = [p for p in positions if p.type != "fungsional"]
    return max(
        structural,
        key=lambda p: (*_level_sort(p)[:2], p.job_class, p.id),
        default=None,
    )


def legend_html() -> str:
    """The legend as HTML, drawn from the same style tables as the diagrams: crisp at any size,
    readable by screen readers, and one less graph to render."""
    chips = "".join(
        f'<li><span class="pk-chip pk-chip--{shape}" style="background:{style.fill};'
        f'color:{style.font}">{html.escape(say(f"site.legend.node.{key}"))}</span></li>'
        for key, style in STYLES.items()
        for shape in ("ellipse" if style.shape == "ellipse" else "box",)
    )
    dashes = {"solid": "", "dashed": ' stroke-dasharray="6 4"', "bold": ""}
    lines = "".join(
        f'<li><svg width="56" height="12" aria-hidden="true"><line x1="2" y1="6" x2="46" y2="6" '
        f'stroke="{style.color}" stroke-width="{3 if style.style == "bold" else 2}"'
        f'{dashes[style.style]}/><path d="M46 1 L55 6 L46 11 z" fill="{style.color}"/></svg> '
        f"{html.escape(say(f'site.legend.move.{kind}'))}</li>"
        for kind, style in EDGE_STYLES.items()
    )
    return (
        f'<div class="pk-legend"><p><strong>{html.escape(say("site.legend.nodes"))}</strong></p>'
        f'<ul class="pk-legend__chips">{chips}</ul>'
        f"<p>{say('site.legend.moves')}</p>"
        f'<ul class="pk-legend__lines">{lines}</ul></div>'
    )
