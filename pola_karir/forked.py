"""One piece of work done in a forked process while this one does another.

Making the site content is pure Python on one core: at 5,000 positions the open data, the annex
and the pages after the position pages take about as long as the position pages themselves;
the rules of a validation likewise (:func:`pola_karir.rules.validate.run_checks`). A
fork inherits the dataset as it is (nothing is pickled on the way in), works on the second core
and sends its result back through a pipe once this process asks for it.

The result is the same as working in this process, because it *is* the same code: where the
child cannot give a result (no ``fork`` on the platform, no process to be had, the work raised,
the child died, the result would not pickle) the work is done again here, so an error is raised
by this process with its own traceback, and nothing is lost or half-made.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# What the child sends when its work raised or did not pickle: the parent does the work itself.
# What the child sends: each item of the result, then the end; or that the parent must do it.
_ITEM, _END, _FAILED = "item", "end", "failed"


def shared_counter() -> Synchronized[int]:
    """A counter that the children forked after it share with this process (see
    :func:`untaken`)."""
    return multiprocessing.get_context("fork").Value("i", 0)


def untaken(counter: Synchronized[int], count: int) -> Iterator[int]:
    """The indexes below ``count`` that no process sharing ``counter`` has taken, each taken
    as it is given: processes sharing pieces of work this way each take the next piece when
    they are free, so none waits while another has several left, whatever a piece costs."""
    while True:
        with counter.get_lock():
            index = counter.value
            counter.value += 1
        if index >= count:
            return
        yield index


R = TypeVar("R")


def shared(
    count: int,
    work: Callable[[int], R],
    processes: int,
    done_here: Callable[[int, R], None] = lambda index, result: None,
) -> list[R]:
    """``work(index)`` for every index below ``count``, in index order, on ``processes``
    processes: this one and forked children each take the next untaken index
    (:func:`untaken`) until none is left. ``done_here`` is told of each piece this process did
    as soon as it is done (the caller may start on it while the children still work). A piece
    a child did not give back (it died, raised, or its result would not pickle) is done here,
    so an error is raised by this process and the result is the one-process result."""
    done: dict[int, R] = {}
    if processes >= 2 and count > 1 and "fork" in multiprocessing.get_all_start_methods():
        counter = shared_counter()

        def take(tell: Callable[[int, R], None]) -> list[tuple[int, R]]:
            taken = []
            for index in untaken(counter, count):
                result = work(index)
                tell(index, result)
                taken.append((index, result))
            return taken

        with ExitStack() as stack:
            children = [
                stack.enter_context(Forked(lambda: take(lambda index, result: None), processes))
                for _ in range(processes - 1)
            ]
            done.update(take(done_here))
            for child in children:
                done.update(child.result())
    return [done[index] if index in done else work(index) for index in range(count)]


class Forked(Generic[T]):
    """``work()`` started in a forked child (with ``processes`` ≥ 2 and ``fork`` available),
    its result given by :meth:`result`; otherwise ``work()`` runs in this process, at once
    with ``eager`` (the caller wants it done before its own part), else when :meth:`result` is
    asked. Use it as a context manager: leaving the block early (an error in this process)
    stops the child, so no process outlives the build that started it.

    The result is a list, sent item by item and let go of by the child as it goes: at 20,000
    positions the result is a few hundred megabytes, which pickled whole would be held twice
    by the child at the end of its work, beside the parent holding its own pages."""

    def __init__(self, work: Callable[[], list[T]], processes: int, eager: bool = False) -> None:
        self._work = work
        self._reader: Connection | None = None
        self._child: Any = None
        self._done: list[T] | None = None
        if processes >= 2 and "fork" in multiprocessing.get_all_start_methods():
            self._start()
        if self._reader is None and eager:
            self._done = work()

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        reader, writer = context.Pipe(duplex=False)
        # The child's collector leaves the inherited objects alone: they stay shared pages.
        gc.freeze()
        try:
            child = context.Process(target=_child, args=(self._work, writer), daemon=True)
            child.start()
        except OSError:  # no process to be had: the work is done here
            reader.close()
            return
        finally:
            gc.unfreeze()
            writer.close()
        self._reader, self._child = reader, child

    @property
    def child_pid(self) -> int | None:
        """The child's process id while it runs (None without a child): for logs and tests."""
        return None if self._child is None else int(self._child.pid)

    def result(self) -> list[T]:
        """The work's result: the child's, or made here when the child could not give one."""
        if self._done is not None:
            return self._done
        if self._reader is None:
            return self._work()
        try:
            items = _received(self._reader)
        finally:
            self._stop(kill=False)
        return self._work() if items is None else items

    def _stop(self, kill: bool) -> None:
        """Close the pipe and wait for the child; with ``kill``, stop it first (its result is
        no longer wanted)."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._child is not None:
            if kill:
                self._child.terminate()
            self._child.join()
            self._child = None

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop(kill=True)


def _received(reader: Connection) -> list[Any] | None:
    """The items the child sent, or None when it failed or died before its end."""
    items: list[Any] = []
    try:
        while True:
            kind, item = reader.recv()
            if kind == _END:
                return items
            if kind != _ITEM:
                return None
            items.append(item)
    except (EOFError, OSError):  # the child died before the end
        return None


def _child(work: Callable[[], list[Any]], writer: Connection) -> None:
    """In the child: the work's items one by one, each let go of once sent, then the end; or
    the word that the parent must do the work (it raised, or an item does not pickle): the
    parent then raises any error itself, with its own traceback."""
    try:
        try:
            items = work()
        except BaseException:
            writer.send((_FAILED, None))
            return
        items.reverse()
        while items:
            writer.send((_ITEM, items.pop()))
        writer.send((_END, None))
    except Exception:  # an item does not pickle: the parent makes the result itself
        writer.send((_FAILED, None))
    finally:
        writer.close()
