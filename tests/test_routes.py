"""Routes along the career paths (``career.routes``) and the graph algorithms under them
(``graph``), on small hand-made datasets whose answers can be read off each test."""

from __future__ import annotations

import pytest

from pola_karir import graph
from pola_karir.career.routes import Reach, reachable_from, shortest_climb
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


def _dataset(*steps: Step, kelas: dict[str, int] | None = None) -> Dataset:
    """The positions of ``steps`` (kelas jabatan 5 unless ``kelas`` says otherwise) on one
    path, ``uji``."""
    path = _path(*steps)
    ids = sorted({end for m in path.moves for end in (m.source, m.target)})
    positions = {
        i: Position(
            id=i,
            name=i.upper(),
            type="pelaksana",
            placements=(Placement("u"),),
            job_class=(kelas or {}).get(i, 5),
            summary="Uji.",
        )
        for i in ids
    }
    agency = Agency("Uji", "Uji", AgencyRegulation("Perbup", "1", 2024, "Pola Karier"))
    return Dataset(agency, {}, positions, {}, {}, {}, {}, {path.id: path})


def _climb(*steps: Step, kelas: dict[str, int] | None = None) -> tuple[list[str], float]:
    """The positions of the path's climb, bottom first, and its years."""
    dataset = _dataset(*steps, kelas=kelas)
    chain, years = shortest_climb(dataset, dataset.paths["uji"])
    return ([chain[0].source, *(m.target for m in chain)] if chain else []), years


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


def test_the_climb_takes_the_shortcut_of_a_ladder() -> None:
    """The least time from the bottom to the top is the quickest route: a ladder a-b-c-d of
    2 years a step with a shortcut b-d takes 4 years, not the 6 of the longest chain."""
    assert _climb(
        ("a", "b", "vertikal", 2),
        ("b", "c", "vertikal", 2),
        ("c", "d", "vertikal", 2),
        ("b", "d", "diagonal", 2),
        ("d", "e", "horizontal", 0),  # horizontal moves are not part of the climb
        ("c", "c", "vertikal", 0),  # a move to itself neither (PK304 reports it)
    ) == (["a", "b", "d"], 4)


def test_a_shortcut_with_more_years_is_not_taken() -> None:
    steps = (("a", "b", "vertikal", 1), ("b", "c", "vertikal", 1), ("a", "c", "vertikal", 5))
    assert _climb(*steps) == (["a", "b", "c"], 2)


def test_on_equal_years_the_route_with_fewer_moves_wins() -> None:
    steps = (("a", "c", "vertikal", 2), ("a", "b", "vertikal", 1), ("b", "c", "vertikal", 1))
    assert _climb(*steps) == (["a", "c"], 2)


def test_the_climb_runs_from_the_lowest_bottom_to_the_highest_top() -> None:
    """A kepala bidang that joins the ladder half-way is an entry too, and a dead end for a
    staff member is an end too: neither is the bottom or the top of the path."""
    steps = (
        ("staf", "kasubag", "vertikal", 3),
        ("kasubag", "kabid", "vertikal", 3),
        ("kabid", "kadis", "vertikal", 2),
        ("kabid-lain", "kadis", "vertikal", 2),
        ("staf", "jf", "diagonal", 1),
    )
    kelas = {"staf": 5, "kasubag": 9, "kabid": 11, "kabid-lain": 11, "kadis": 14, "jf": 7}
    assert _climb(*steps, kelas=kelas) == (["staf", "kasubag", "kabid", "kadis"], 8)


def test_when_the_lowest_bottom_cannot_reach_the_top_the_next_one_climbs() -> None:
    steps = (("staf", "jf", "diagonal", 1), ("kasi", "kadis", "vertikal", 4))
    kelas = {"staf": 5, "jf": 7, "kasi": 9, "kadis": 14}
    assert _climb(*steps, kelas=kelas) == (["kasi", "kadis"], 4)


def test_a_2000_step_ladder_climbs_without_recursion() -> None:
    route, years = _climb(*_ladder(2000))
    assert len(route) == 2001 and route[0] == "p0" and route[-1] == "p2000"
    assert years == 1000


def test_an_upward_cycle_without_a_way_out_gives_no_climb() -> None:
    assert _climb(("a", "b", "diagonal", 1), ("b", "a", "diagonal", 1)) == ([], 0.0)
    # a ladder ending in a cycle has a bottom but no top
    steps = (("a", "b", "vertikal", 1), ("b", "c", "diagonal", 1), ("c", "b", "diagonal", 1))
    assert _climb(*steps) == ([], 0.0)


def test_positions_only_reachable_through_a_cycle_are_no_bottom() -> None:
    route = _climb(
        ("a", "b", "diagonal", 1),
        ("b", "a", "diagonal", 1),
        ("b", "z", "vertikal", 9),  # only reachable through the cycle
        ("c", "d", "vertikal", 2),
    )
    assert route == (["c", "d"], 2)


def test_only_horizontal_moves_give_no_climb() -> None:
    assert _climb(("a", "b", "horizontal", 2)) == ([], 0.0)


def test_shortest_path_reaches_the_nearest_target_from_any_source() -> None:
    moves = _moves(("s1", "x"), ("x", "t1"), ("s2", "t2"))
    found = graph.shortest_path(graph.Digraph.of(moves), ["s1", "s2"], ["t1", "t2"], lambda _: 1)
    assert found is not None
    chain, cost = found
    assert [(m.source, m.target) for m in chain] == [("s2", "t2")] and cost == 1
    assert graph.shortest_path(graph.Digraph.of(moves), ["t1"], ["s1"], lambda _: 1) is None
