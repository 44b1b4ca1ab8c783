"""One piece of work done in a forked process while this one does another.

Making the site content is pure Python on one core: at 5,000 positions the open data, the annex
and the pages after the position pages take about as long as the position pages themselves. A
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
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# What the child sends when its work raised or did not pickle: the parent does the work itself.
_FAILED: tuple[bool, None] = (False, None)


class Forked(Generic[T]):
    """``work()`` started in a forked child (with ``processes`` ≥ 2 and ``fork`` available),
    its result given by :meth:`result`; otherwise ``work()`` runs in this process, at once
    with ``eager`` (the caller wants it done before its own part), else when :meth:`result` is
    asked. Use it as a context manager: leaving the block early (an error in this process)
    stops the child, so no process outlives the build that started it."""

    def __init__(self, work: Callable[[], T], processes: int, eager: bool = False) -> None:
        self._work = work
        self._reader: Connection | None = None
        self._child: Any = None
        self._done: tuple[T] | None = None
        if processes >= 2 and "fork" in multiprocessing.get_all_start_methods():
            self._start()
        if self._reader is None and eager:
            self._done = (work(),)

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

    def result(self) -> T:
        """The work's result: the child's, or made here when the child could not give one."""
        if self._done is not None:
            return self._done[0]
        if self._reader is None:
            return self._work()
        try:
            done, value = self._reader.recv()
        except (EOFError, OSError):  # the child died before it sent anything
            done, value = _FAILED
        finally:
            self._stop(kill=False)
        return value if done else self._work()

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


def _child(work: Callable[[], Any], writer: Connection) -> None:
    """In the child: the work and its result, or the word that the parent must do it."""
    try:
        message: tuple[bool, Any] = (True, work())
    except BaseException:  # the parent does the work again and raises it with its traceback
        message = _FAILED
    try:
        writer.send(message)
    except Exception:  # the result does not pickle: the parent makes it itself
        writer.send(_FAILED)
    finally:
        writer.close()
