"""Routes along the career paths (``career.routes``) and the graph algorithms under them
(``graph``), on small hand-made datasets whose answers can be read off each test."""

from __future__ import annotations

import pytest

from pola_karir import graph
from pola_karir.career.routes import Reach, longest_climb, reachable_from
from pola_karir.model import (
    Agency,
    AgencyRegulation,
    CareerPath,
    Dataset,
    Move,
    Placement,
    Position,
)

Step = tuple[str, str, str, float]


def _path(*steps: Step) -> CareerPath:
    moves = tuple(
        Move(source=a, target=b, kind=kind, min_years=years, path="uji")
        for a, b, kind, years in steps
    )
    return CareerPath(id="uji", name="Uji", moves=moves)


def _dataset(*steps: Step) -> Dataset:
    path = _path(*steps)
    ids = sorted({end for m in path.moves for end in (m.source, m.target)})
    positions = {
        i: Position(
            id=i,
            name=i.upper(),
            type="pelaksana",
            placements=(Placement("u"),),
            job_class=5,
            summary="Uji.",
        )
        for i in ids
    }
    agency = Agency("Uji", "Uji", AgencyRegulation("Perbup", "1", 2024, "Pola Karier"))
    return Dataset(agency, {}, positions, {}, {}, {}, {}, {path.id: path})


def _ladder(length: int, kind: str = "vertikal", years: float = 0.5) -> list[Step]:
    return [(f"p{i}", f"p{i + 1}", kind, years) for i in range(length)]


def _found(reaches: list[Reach]) -> dict[str, tuple[int, float, tuple[str, ...]]]:
    return {r.position: (r.moves, r.years, r.route) for r in reaches}


# --- reachability ---------------------------------------------------------------------------

LADDER = _dataset(("a", "b", "vertikal", 1), ("b", "c", "vertikal", 2), ("c", "d", "vertikal", 1))


@pytest.mark.parametrize(
    ("max_moves", "expected"),
    [(0, []), (1, ["b"]), (2, ["b", "c"]), (3, ["b", "c", "d"]), (9, ["b", "c", "d"])],
)
def test_reachability_stops_after_max_moves(max_moves: int, expected: list[str]) -> None:
    assert [r.position for r in reachable_from(LADDER, "a", max_moves)] == expected


def test_time_served_shortens_only_the_first_wait() -> None:
    assert _found(reachable_from(LADDER, "a", 3, served=0.5)) == {
        "b": (1, 0.5, ("a", "b")),
        "c": (2, 2.5, ("a", "b", "c")),
        "d": (3, 3.5, ("a", "b", "c", "d")),
    }
    # More time served than the first move asks for never makes a wait negative.
    assert [r.years for r in reachable_from(LADDER, "a", 2, served=5)] == [0.0, 2.0]


def test_unknown_start_reaches_nothing() -> None:
    assert reachable_from(LADDER, "tidak-ada", 3) == []


def test_fastest_first_then_fewest_moves_then_id() -> None:
    dataset = _dataset(
        ("a", "c", "horizontal", 1),
        ("a", "b", "horizontal", 1),
        ("a", "d", "horizontal", 0),
        ("b", "e", "horizontal", 0),
    )
    assert [(r.position, r.moves, r.years) for r in reachable_from(dataset, "a", 2)] == [
        ("d", 1, 0.0),
        ("b", 1, 1.0),
        ("c", 1, 1.0),
        ("e", 2, 1.0),
    ]


def test_a_slower_route_with_moves_to_spare_still_leads_further() -> None:
    dataset = _dataset(
        ("a", "x", "horizontal", 1),
        ("x", "b", "horizontal", 2),
        ("a", "y", "horizontal", 0.5),
        ("y", "z", "horizontal", 0.25),
        ("z", "b", "horizontal", 0.25),
        ("b", "d", "horizontal", 1),
    )
    found = _found(reachable_from(dataset, "a", 3))
    assert found["b"] == (3, 1.0, ("a", "y", "z", "b"))
    assert found["d"] == (3, 4.0, ("a", "x", "b", "d"))


def test_routes_never_pass_a_position_twice() -> None:
    dataset = _dataset(("a", "b", "horizontal", 1), ("b", "a", "horizontal", 1))
    assert _found(reachable_from(dataset, "a", 5)) == {"b": (1, 1.0, ("a", "b"))}


def test_the_index_of_moves_is_built_once_per_dataset() -> None:
    assert LADDER.move_graph is LADDER.move_graph
    assert [m.target for m in LADDER.move_graph.arcs_from("b")] == ["c"]
    assert LADDER.move_graph.arcs_from("d") == ()


def test_a_2000_step_ladder_is_searched_without_recursion() -> None:
    dataset = _dataset(*_ladder(2000))
    reaches = reachable_from(dataset, "p0", 2000)
    assert len(reaches) == 2000
    assert (reaches[-1].position, reaches[-1].moves, reaches[-1].years) == ("p2000", 2000, 1000)


# --- cycles ---------------------------------------------------------------------------------


def _moves(*pairs: tuple[str, str]) -> list[Move]:
    return [Move(source=a, target=b, kind="vertikal") for a, b in pairs]


def test_a_cycle_is_found_from_each_of_its_nodes_and_given_once() -> None:
    moves = _moves(("b", "c"), ("c", "a"), ("a", "b"), ("c", "d"))
    digraph = graph.Digraph.of(moves)
    cycle = graph.find_cycle(digraph, "c")
    assert cycle is not None and [(m.source, m.target) for m in cycle] == [
        ("c", "a"),
        ("a", "b"),
        ("b", "c"),
    ]
    assert [[(m.source, m.target) for m in c] for c in graph.distinct_cycles(digraph)] == [
        [("a", "b"), ("b", "c"), ("c", "a")]
    ]
    assert graph.find_cycle(digraph, "d") is None


def test_without_a_cycle_there_is_none() -> None:
    digraph = graph.Digraph.of(_moves(("a", "b"), ("b", "c"), ("a", "c")))
    assert list(graph.distinct_cycles(digraph)) == []


def test_the_arc_closing_a_cycle_is_the_first_given() -> None:
    """Two moves close the same loop (say, written in two path files): the first one written is
    the one a message points at."""
    first, second = (
        Move(source="b", target="a", kind="vertikal", path="p1"),
        Move(source="b", target="a", kind="vertikal", path="p2"),
    )
    digraph = graph.Digraph.of([*_moves(("a", "b")), first, second])
    cycle = graph.find_cycle(digraph, "a")
    assert cycle is not None and cycle[-1] is first


def test_a_2000_step_ring_is_found_without_recursion() -> None:
    steps = [(f"p{i}", f"p{(i + 1) % 2000}") for i in range(2000)]
    cycles = list(graph.distinct_cycles(graph.Digraph.of(_moves(*steps))))
    assert len(cycles) == 1 and len(cycles[0]) == 2000


# --- the climb of a career path -------------------------------------------------------------


def test_the_climb_figure_is_the_slowest_upward_chain() -> None:
    chain, years = longest_climb(
        _path(
            ("a", "b", "vertikal", 4),
            ("b", "d", "vertikal", 3),
            ("a", "c", "vertikal", 1),
            ("c", "d", "diagonal", 1),
            ("d", "e", "horizontal", 9),  # horizontal moves are not part of the climb
            ("c", "c", "vertikal", 5),  # a move to itself neither (PK304 reports it)
        )
    )
    assert [(m.source, m.target) for m in chain] == [("a", "b"), ("b", "d")]
    assert years == 7


def test_on_equal_years_the_chain_with_more_moves_wins() -> None:
    chain, years = longest_climb(
        _path(("a", "c", "vertikal", 2), ("a", "b", "vertikal", 1), ("b", "c", "vertikal", 1))
    )
    assert [(m.source, m.target) for m in chain] == [("a", "b"), ("b", "c")]
    assert years == 2


def test_a_2000_step_ladder_climbs_without_recursion() -> None:
    chain, years = longest_climb(_path(*_ladder(2000)))
    assert len(chain) == 2000 and chain[0].source == "p0" and chain[-1].target == "p2000"
    assert years == 1000


def test_positions_on_an_upward_cycle_are_left_out_of_the_climb() -> None:
    assert longest_climb(_path(("a", "b", "diagonal", 1), ("b", "a", "diagonal", 1))) == ([], 0.0)
    chain, years = longest_climb(
        _path(
            ("a", "b", "diagonal", 1),
            ("b", "a", "diagonal", 1),
            ("b", "z", "vertikal", 9),  # only reachable through the cycle
            ("c", "d", "vertikal", 2),
        )
    )
    assert [(m.source, m.target) for m in chain] == [("c", "d")] and years == 2


def test_only_horizontal_moves_give_no_climb() -> None:
    assert longest_climb(_path(("a", "b", "horizontal", 2))) == ([], 0.0)
