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


def longest_climb(path: CareerPath) -> tuple[list[Move], float]:
    """The upward chain (vertical and diagonal moves) from a bottom to a top position with the
    largest sum of minimum years, and that sum: what the path page shows as the least time the
    full climb of this path takes (each move's minimum years must all be served, one after the
    other, along that chain).

    Note: this is the *longest* chain, not the shortest route from a bottom to a top position;
    the name says what it computes today. Changing the page's figure to the true shortest route
    is a separate, later change of meaning (and of the function's name).

    Iterative, so a ladder of any length is fine. Positions on a cycle of upward moves (allowed
    with a warning for diagonal moves) are left out; when every upward move is on or behind one,
    the result is ``([], 0.0)``, as it is for a path without upward moves. Moves are considered
    in (source, target, years) order, so ties never depend on the order of the data file.
    """
    upward = sorted(
        (m for m in path.moves if is_upward(m) and m.source != m.target),
        key=lambda m: (m.source, m.target, m.min_years),
    )
    return graph.longest_path(upward, _years)
