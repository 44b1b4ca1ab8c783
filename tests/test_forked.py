"""pola_karir.forked and the site content made on two processes: the work really runs in a
child, its result is the one the parent would have made, a child that fails in any way leaves
the work to the parent (which raises the error itself), and no child outlives its block."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_synth import synth

from pola_karir.forked import Forked, shared
from pola_karir.rules.validate import validate_project
from pola_karir.site.build import site_content

REPO = Path(__file__).resolve().parent.parent


def test_the_work_runs_in_a_child_with_two_processes() -> None:
    parent = os.getpid()
    with Forked(lambda: [os.getpid()], 2) as forked:
        assert forked.result() != [parent]
    with Forked(lambda: [os.getpid()], 1) as alone:
        assert alone.result() == [parent]


@pytest.mark.parametrize("eager", [True, False])
def test_in_one_process_the_work_runs_when_asked_or_at_once_if_eager(eager: bool) -> None:
    runs: list[int] = []
    with Forked(lambda: runs.append(len(runs)) or [len(runs)], 1, eager=eager) as alone:
        assert runs == ([0] if eager else [])
        assert alone.result() == [1]
        assert alone.result() == ([1] if eager else [2])  # eager: the result made once, kept


def test_the_child_sees_the_parent_state_at_the_fork() -> None:
    state = {"rows": list(range(1000))}
    with Forked(lambda: list(state["rows"]), 2) as forked:
        state["rows"] = []  # a change after the fork is not the child's
        assert forked.result() == list(range(1000))  # every item, in order


def _in_child_only(parent: int, failure: str) -> list[object]:
    """Fails in the child only (as ``failure`` says), gives ["parent"] when the parent does it;
    the failures after the first item show that the parent keeps none of a partial result."""
    if os.getpid() == parent:
        return ["parent"]
    if failure == "raise":
        raise ValueError("only in the child")
    if failure == "die":
        os._exit(3)
    if failure == "die-midway":
        return ["sent", _Exits()]
    return ["sent", lambda: None]  # the second item does not pickle


class _Exits:
    """An item whose pickling ends the process: the child dies between two items."""

    def __reduce__(self) -> tuple[object, ...]:
        os._exit(4)


@pytest.mark.parametrize("failure", ["raise", "die", "die-midway", "unpicklable"])
def test_a_failed_child_leaves_the_work_to_the_parent(failure: str) -> None:
    parent = os.getpid()
    with Forked(lambda: _in_child_only(parent, failure), 2) as forked:
        assert forked.result() == ["parent"]


def test_an_error_of_the_work_is_raised_by_the_parent() -> None:
    def work() -> list[int]:
        raise KeyError("posisi-tidak-ada")

    with Forked(work, 2) as forked, pytest.raises(KeyError, match="posisi-tidak-ada"):
        forked.result()


def test_leaving_the_block_early_stops_the_child() -> None:
    def slow() -> list[int]:
        time.sleep(120)
        return [os.getpid()]

    with pytest.raises(RuntimeError), Forked(slow, 2) as forked:
        child = forked.child_pid
        assert child is not None
        os.kill(child, 0)  # running
        raise RuntimeError("the parent's own part failed")
    with pytest.raises(ProcessLookupError):  # stopped and reaped
        os.kill(child, 0)


def test_items_arrive_while_the_child_still_works() -> None:
    go_on = multiprocessing.get_context("fork").Event()

    def work() -> Iterator[int]:
        yield from range(3)
        go_on.wait(120)  # the child holds its last item back until the parent had the first
        yield 3

    with Forked(work, 2) as forked:
        got: list[int] = []
        deadline = time.monotonic() + 120
        while len(got) < 3 and time.monotonic() < deadline:
            got += forked.arrived()
            time.sleep(0.01)
        assert got == [0, 1, 2]
        go_on.set()
        assert forked.result() == [0, 1, 2, 3]
        assert forked.arrived() == []  # nothing is given twice


def test_shared_gives_every_piece_once_in_index_order(tmp_path: Path) -> None:
    parent, child_worked = os.getpid(), tmp_path / "child-worked"

    def work(index: int) -> tuple[int, int]:
        if os.getpid() != parent:
            child_worked.touch()
        else:  # the parent waits for the child to have taken a piece too
            _wait_for(child_worked)
        return index, os.getpid()

    told: list[tuple[int, int]] = []
    result = shared(40, work, 2, lambda index, made: told.append(made))
    assert [index for index, _ in result] == list(range(40))
    assert sorted(told) == sorted(result)  # each piece told of once, the child's too
    assert len({pid for _, pid in result}) == 2  # both processes took pieces


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + 120
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_pieces_a_child_sent_before_it_failed_are_kept(tmp_path: Path) -> None:
    parent, failed = os.getpid(), tmp_path / "failed"
    made_here: list[int] = []

    def work(index: int) -> tuple[int, int]:
        if os.getpid() != parent:
            made_here.append(index)  # the child's own count
            if len(made_here) == 3:
                failed.write_text(str(index))
                raise ValueError("the child's third piece")
        else:  # the parent waits for the child to fail
            _wait_for(failed)
        return index, os.getpid()

    result = shared(20, work, 2)
    assert [index for index, _ in result] == list(range(20))
    by_child = [index for index, pid in result if pid != parent]
    assert len(by_child) >= 2  # the two pieces sent before the failure
    assert result[int(failed.read_text())][1] == parent  # the failed piece, made again here


@pytest.mark.parametrize("data", ["example", "synthetic"])
def test_site_content_on_two_processes_is_the_content_on_one(
    data: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = REPO / "data"
    if data == "synthetic":
        folder = synth(tmp_path_factory.mktemp("forked") / "data", 120)
    dataset = validate_project(folder).dataset
    assert dataset is not None
    seen: list[list[str]] = [[], []]
    alone = site_content(dataset, on_page=lambda p: seen[0].append(p.src), processes=1)
    both = site_content(dataset, on_page=lambda p: seen[1].append(p.src), processes=2)
    assert [p.src for p in both.pages] == [p.src for p in alone.pages]
    for mine, theirs in zip(both.pages, alone.pages, strict=True):
        assert mine == theirs, mine.src
    assert both.files == alone.files
    assert both.nav == alone.nav
    # Every page is handed over once (its diagrams start then), the same pages either way.
    assert sorted(seen[1]) == sorted(seen[0]) == sorted(p.src for p in alone.pages)
