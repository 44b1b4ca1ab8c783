"""Routes along the career paths: where a person can go within K moves, and how long a path's
climb takes.

The split with :mod:`pola_karir.graph`: that bottom-level module holds the graph algorithms as
pure functions over position ids (so the semantic rules, which sit below ``career/``, can use
its cycle detection for PK301); this module says what a move means for them - a move's weight
is its minimum years, time already served shortens only the first wait, a climb is made of the
moves that are not horizontal. The index of all moves is :attr:`Dataset.move_graph`, built
once per dataset and cached on the frozen dataset (the model may import ``graph``, not
``career``), so repeated searches share it; a path's climb looks only at that path's own moves.

Matching (:func:`pola_karir.career.matching.reachable`) and the career path pages
(:func:`pola_karir.site.pages.path_page`) both go through here, so a route is computed one way.
"""

from __future__ import annotations

from dataclasses import dataclass

from pola_karir import graph
from pola_karir.model import CareerPath, Dataset, Move


def _years(move: Move) -> float:
    return move.min_years


# --- reachability ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reach:
    """A position reachable along the career paths, and the earliest time to get there."""

    position: str
    route: tuple[str, ...]  # position ids from the current position to this one
    moves: int
    years: float  # minimum years from now, counting time already served in the current post


def reachable_from(
    dataset: Dataset, start: str, max_moves: int = 3, served: float = 0.0
) -> list[Reach]:
    """Positions reachable from ``start`` within ``max_moves`` moves, each with the earliest
    time (sum of the moves' minimum years, less ``served`` years already spent in ``start``),
    fastest first; an unknown ``start`` reaches nothing.

    A slower route is kept when it used fewer moves, because only it may have moves to spare
    to go further (see :func:`pola_karir.graph.cheapest_routes`).
    """
    if start not in dataset.positions:
        return []
    found = graph.cheapest_routes(dataset.move_graph, start, max_moves, _years, served)
    reaches = [Reach(route.end, route.nodes, route.steps, route.cost) for route in found.values()]
    return sorted(reaches, key=lambda r: (r.years, r.moves, r.position))


# --- the climb of a career path -------------------------------------------------------------


def is_upward(move: Move) -> bool:
    """Vertical and diagonal moves climb; horizontal ones stay at the same level."""
    return move.kind != "horizontal"


def shortest_climb(dataset: Dataset, path: CareerPath) -> tuple[list[Move], float]:
    """The quickest way up a career path and its years: what the path page shows as the least
    time from the bottom to the top (each move's minimum years served one after the other).

    Only upward moves (vertical, diagonal; a move to itself is left out) make the climb. Its top
    is where no upward move leads on; its bottom is where none leads in. A path may have several
    of each - a bidang ladder joined half-way by a senior functional position is an entry too -
    so the climb runs to the highest top (by kelas jabatan) that can be reached, from the lowest
    bottom that reaches it, along the route with the fewest years (Dijkstra, see
    :func:`pola_karir.graph.shortest_path`: a shortcut counts, a detour does not). Starting
    from any entry would give the two years from a kepala bidang to the kepala dinas.

    ``([], 0.0)`` when there is no climb: no upward moves, or every upward route ends in a cycle
    of upward moves (allowed with a warning for diagonal moves), so there is no top or no bottom.
    """
    upward = sorted(
        (m for m in path.moves if is_upward(m) and m.source != m.target),
        key=lambda m: (m.source, m.target, m.min_years),
    )
    sources = {m.source for m in upward}
    targets = {m.target for m in upward}
    bottoms, tops = _by_kelas(dataset, sources - targets), _by_kelas(dataset, targets - sources)
    digraph = graph.Digraph.of(upward)
    for top in reversed(tops):
        for bottom in bottoms:
            found = graph.shortest_path(digraph, bottom, top, _years)
            if found is not None:
                return found
    return [], 0.0


def _by_kelas(dataset: Dataset, ids: set[str]) -> list[list[str]]:
    """Position ids grouped by kelas jabatan, lowest kelas first, ids in order in each group."""
    groups: dict[int, list[str]] = {}
    for pid in sorted(ids):
        position = dataset.positions.get(pid)
        groups.setdefault(position.job_class if position else 0, []).append(pid)
    return [groups[kelas] for kelas in sorted(groups)]
