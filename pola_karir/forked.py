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
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from multiprocessing.sharedctypes import Synchronized
from typing import Any, Generic, TypeVar

T = TypeVar("T")

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
    ready: Callable[[int, R], None] = lambda index, result: None,
) -> list[R]:
    """``work(index)`` for every index below ``count``, in index order, on ``processes``
    processes: this one and forked children each take the next untaken index
    (:func:`untaken`) until none is left.

    ``ready`` is told of each piece as soon as this process has it: its own as it finishes
    one, a child's when it checks between its own pieces (a child sends each piece as it
    finishes it). The caller may start on a piece while the others are still worked on, and
    what it does with the children's pieces then happens while they work, not after: the
    shared counter gives them more pieces meanwhile. A piece a child did not give back (it
    died, raised, or its result would not pickle) is done here, so an error is raised by this
    process and the result is the one-process result."""
    done: dict[int, R] = {}

    def keep(pieces: Iterable[tuple[int, R]]) -> None:
        for index, result in pieces:
            if index not in done:
                done[index] = result
                ready(index, result)

    if processes >= 2 and count > 1 and "fork" in multiprocessing.get_all_start_methods():
        counter = shared_counter()

        def take() -> Iterator[tuple[int, R]]:
            for index in untaken(counter, count):
                yield index, work(index)

        with ExitStack() as stack:
            children = [stack.enter_context(Forked(take, processes)) for _ in range(processes - 1)]
            for piece in take():
                keep([piece])
                for child in children:
                    keep(child.arrived())
            for child in children:
                keep(child.result())
    return [done[index] if index in done else work(index) for index in range(count)]


class Forked(Generic[T]):
    """``work()`` started in a forked child (with ``processes`` ≥ 2 and ``fork`` available),
    its result given by :meth:`result`; otherwise ``work()`` runs in this process, at once
    with ``eager`` (the caller wants it done before its own part), else when :meth:`result` is
    asked. Use it as a context manager: leaving the block early (an error in this process)
    stops the child, so no process outlives the build that started it.

    The result is sent item by item as the child has them (``work`` may yield them as it
    makes them; :meth:`arrived` gives those already sent), and a list is let go of by the
    child as it goes: at 20,000 positions the result is a few hundred megabytes, which
    pickled whole would be held twice by the child at the end of its work, beside the parent
    holding its own pages."""

    def __init__(
        self, work: Callable[[], Iterable[T]], processes: int, eager: bool = False
    ) -> None:
        self._work = work
        self._reader: Connection | None = None
        self._child: Any = None
        self._done: list[T] | None = None
        self._received: list[T] = []
        self._ended = self._failed = False
        if processes >= 2 and "fork" in multiprocessing.get_all_start_methods():
            self._start()
        if self._reader is None and eager:
            self._done = list(work())

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

    def arrived(self) -> list[T]:
        """The items the child sent since the last call, without waiting for more (none
        without a child). A child that failed gives nothing more here; :meth:`result` then
        makes the whole result in this process."""
        before = len(self._received)
        while self._reader is not None and not self._ended and self._reader.poll():
            self._take_one()
        return self._received[before:]

    def result(self) -> list[T]:
        """The work's result: the child's, or made here when the child could not give one."""
        if self._done is not None:
            return self._done
        if self._reader is None:
            return list(self._work())
        try:
            while not self._ended:
                self._take_one()
        finally:
            self._stop(kill=False)
        return list(self._work()) if self._failed else self._received

    def _take_one(self) -> None:
        """Receive the child's next message: an item, the end, or its failure."""
        assert self._reader is not None
        try:
            kind, item = self._reader.recv()
        except (EOFError, OSError):  # the child died before the end
            kind = _FAILED
        if kind == _ITEM:
            self._received.append(item)
            return
        self._ended = True
        self._failed = kind != _END

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


def _child(work: Callable[[], Iterable[Any]], writer: Connection) -> None:
    """In the child: the work's items one by one as it makes them, each let go of once
    pickled, then the end; or the word that the parent must do the work (it raised, or an
    item does not pickle): the parent then raises any error itself, with its own traceback.

    A thread writes to the pipe (:class:`_Sender`), so the work goes on while the parent is
    busy with its own and has not read yet."""
    sender = _Sender(writer)
    try:
        for item in _one_by_one(work()):
            sender.send(_ITEM, item)
        sender.send(_END, None)
    except BaseException:
        sender.send(_FAILED, None)
    finally:
        sender.close()


def _one_by_one(items: Iterable[T]) -> Iterator[T]:
    """The items in order; a list is emptied as it is gone through, so each item can be
    freed once it has been sent."""
    if not isinstance(items, list):
        yield from items
        return
    items.reverse()
    while items:
        yield items.pop()


class _Sender:
    """Writes pickled messages to the parent from a thread, a few at most waiting: the child
    pickles and works on while a message is written, and the writing thread waits for the
    parent to read (the pipe holds 64 KiB, a message can be megabytes) without holding the
    interpreter lock."""

    _WAITING = 2

    def __init__(self, writer: Connection) -> None:
        self._writer = writer
        self._messages: queue.Queue[bytes | None] = queue.Queue(self._WAITING)
        self._thread = threading.Thread(target=self._write, daemon=True)
        self._thread.start()

    def send(self, kind: str, item: Any) -> None:
        """Queue one message (raises if ``item`` does not pickle)."""
        self._messages.put(bytes(ForkingPickler.dumps((kind, item))))

    def close(self) -> None:
        """Wait for every queued message to be written, then close the pipe."""
        self._messages.put(None)
        self._thread.join()
        self._writer.close()

    def _write(self) -> None:
        broken = False
        while (message := self._messages.get()) is not None:
            if broken:
                continue  # the parent is gone: the rest is dropped, the child just ends
            try:
                self._writer.send_bytes(message)
            except OSError:
                broken = True
