"""Directed-graph algorithms over node ids, knowing nothing about careers.

Why a module of its own, at the bottom of the package: the semantic rules (``rules/``) need
cycle detection, and the rules sit *below* ``career/`` in the layering (model, reference,
text → load → rules → career → site, export, audit → cli, plugin), so they may not import
``career.routes``. Everything here is pure: it sees only each arc's ``source`` and ``target``
ids (and, where asked, a weight the caller computes), and hands the caller's own arc objects
back, so a rule can point at the file line of the move that closes a cycle.

What an arc *means* - which moves count as a climb, how time already served shortens the first
wait, what a route is called on a page - belongs to ``pola_karir.career.routes``, which builds
on these functions. All algorithms are iterative: a ladder thousands of steps long is valid data
and must not hit Python's recursion limit.

Results are deterministic: arcs are tried in the order they were given (or, in the route search,
by target id and weight), never in an order that depends on hashing.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar


class Arc(Protocol):
    """Anything going from one node id to another; :class:`pola_karir.model.Move` is one."""

    @property
    def source(self) -> str: ...

    @property
    def target(self) -> str: ...


A = TypeVar("A", bound=Arc)


@dataclass(frozen=True)
class Digraph(Generic[A]):
    """Arcs indexed by the node they leave, each node's arcs in the order they were given.

    Built once and then only read: the order is kept because it decides ties (which of two
    equally long cycles is reported, which arc a message points at).
    """

    outgoing: Mapping[str, tuple[A, ...]]

    @classmethod
    def of(cls, arcs: Iterable[A]) -> Digraph[A]:
        grouped: dict[str, list[A]] = {}
        for arc in arcs:
            grouped.setdefault(arc.source, []).append(arc)
        return cls({node: tuple(out) for node, out in grouped.items()})

    def arcs_from(self, node: str) -> tuple[A, ...]:
        return self.outgoing.get(node, ())


# --- cycles ---------------------------------------------------------------------------------


def find_cycle(graph: Digraph[A], start: str) -> list[A] | None:
    """The arcs of a cycle leaving ``start`` and coming back to it, or None.

    An iterative depth-first search that visits each node once: the cycle found is a simple
    one, not necessarily the shortest. Each node remembers the arc it was first reached by, and
    the cycle is read back along those, so a long chain costs linear time, not quadratic.
    """
    stack = [start]
    reached_by: dict[str, A] = {}
    while stack:
        node = stack.pop()
        for arc in graph.arcs_from(node):
            if arc.target == start:
                return [*_trail(reached_by, start, node), arc]
            if arc.target not in reached_by:
                reached_by[arc.target] = arc
                stack.append(arc.target)
    return None


def _trail(reached_by: Mapping[str, A], start: str, node: str) -> list[A]:
    """The arcs from ``start`` to ``node`` along which the search first reached each node."""
    trail: list[A] = []
    while node != start:
        arc = reached_by[node]
        trail.append(arc)
        node = arc.source
    trail.reverse()
    return trail


def distinct_cycles(graph: Digraph[A]) -> Iterator[list[A]]:
    """One cycle through each node that has one, skipping a cycle over the same nodes as one
    already given: the same loop found from each of its nodes is one problem, not several.

    Start nodes are taken in id order, so each cycle is given from its smallest start node.
    """
    given: set[frozenset[str]] = set()
    for start in sorted(graph.outgoing):
        cycle = find_cycle(graph, start)
        if cycle is None:
            continue
        nodes = frozenset(arc.source for arc in cycle)
        if nodes not in given:
            given.add(nodes)
            yield cycle


# --- cheapest route between two sets of nodes ----------------------------------------------


def shortest_path(
    graph: Digraph[A],
    sources: Iterable[str],
    targets: Iterable[str],
    weight: Callable[[A], float],
) -> tuple[list[A], float] | None:
    """The cheapest chain of arcs from any of ``sources`` to any of ``targets``, and its total
    weight; None when no target can be reached. Weights must not be negative.

    Dijkstra's algorithm from all sources at once, iterative and indifferent to cycles. Ties go
    to the chain with fewer arcs, then to the one ending at the smaller node id, then to the
    first found in arc order; arcs from one node are tried by target id and weight, so the
    answer does not depend on the order the arcs were given in.
    """
    wanted = set(targets)
    reached_by: dict[str, A] = {}
    best: dict[str, tuple[float, int]] = {}
    queue: list[tuple[float, int, str]] = []
    for source in sorted(set(sources)):
        best[source] = (0.0, 0)
        queue.append((0.0, 0, source))
    heapq.heapify(queue)
    done: set[str] = set()
    while queue:
        cost, steps, node = heapq.heappop(queue)
        if node in done:
            continue
        if node in wanted:
            return _chain(reached_by, node), cost
        done.add(node)
        for arc in sorted(graph.arcs_from(node), key=lambda a: (a.target, weight(a))):
            candidate = (cost + weight(arc), steps + 1)
            known = best.get(arc.target)
            if arc.target not in done and (known is None or candidate < known):
                best[arc.target] = candidate
                reached_by[arc.target] = arc
                heapq.heappush(queue, (*candidate, arc.target))
    return None


def _chain(reached_by: Mapping[str, A], node: str) -> list[A]:
    """The arcs by which the search reached ``node``, back to the source it started from."""
    chain: list[A] = []
    while node in reached_by:
        arc = reached_by[node]
        chain.append(arc)
        node = arc.source
    chain.reverse()
    return chain


# --- cheapest routes within a number of steps -----------------------------------------------


@dataclass(frozen=True)
class Route:
    """A simple route (no node twice) and its total cost."""

    nodes: tuple[str, ...]  # from the start node to the end node
    cost: float

    @property
    def end(self) -> str:
        return self.nodes[-1]

    @property
    def steps(self) -> int:
        return len(self.nodes) - 1


def cheapest_routes(
    graph: Digraph[A],
    start: str,
    max_steps: int,
    weight: Callable[[A], float],
    head_start: float = 0.0,
) -> dict[str, Route]:
    """For every node reachable from ``start`` in 1 to ``max_steps`` arcs, its cheapest simple
    route (ties: fewer steps, then the smaller sequence of node ids).

    ``head_start`` is credit already earned towards the first arc: it lowers the first arc's
    weight, never below zero (time already served in the current position, for a career).

    A best-first search over states (node, steps used), not over nodes alone: a dearer route
    that used fewer steps is kept alongside a cheaper one that used more, because only the
    dearer one may have steps left to go further within ``max_steps``.
    """
    best: dict[str, Route] = {}
    settled: dict[tuple[str, int], float] = {}
    queue: list[tuple[float, int, tuple[str, ...]]] = [(0.0, 0, (start,))]
    while queue:
        cost, steps, nodes = heapq.heappop(queue)
        if steps == max_steps:
            continue
        for arc in sorted(graph.arcs_from(nodes[-1]), key=lambda a: (a.target, weight(a))):
            if arc.target in nodes:
                continue
            step_cost = max(0.0, weight(arc) - head_start) if steps == 0 else weight(arc)
            candidate = Route((*nodes, arc.target), cost + step_cost)
            known = best.get(arc.target)
            if known is None or _rank(candidate) < _rank(known):
                best[arc.target] = candidate
            state = (arc.target, candidate.steps)
            if state not in settled or candidate.cost < settled[state]:
                settled[state] = candidate.cost
                heapq.heappush(queue, (candidate.cost, candidate.steps, candidate.nodes))
    return best


def _rank(route: Route) -> tuple[float, int, tuple[str, ...]]:
    return route.cost, route.steps, route.nodes
