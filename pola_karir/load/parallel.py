"""Parsing and schema-checking the files of a large data folder on more than one core.

The per-file part of a load (read, parse with positions, schema check) is independent per file:
the files are cut into one contiguous share per job, the last shares are read by forked
workers and the first by this process, which needs no copy of its own results. A worker sends
back only what the model is assembled from, the documents and their diagnostics; a document's
positions travel as one compact table of integers (:class:`~pola_karir.load.marks.MarkTable`),
not as a dictionary keyed by path tuples. Assembly and the rules stay in this process, on the
results in file order, so the diagnostics and their order are those of a one-core load.

Not the default (``jobs=1``). Measured with the mark tables: pickling the results of half the
files of 10,000 positions (5,213 files) takes 0.28 s and reading them back 0.21 s, against
0.53 s and 0.30 s with position dictionaries (cyclic garbage collection off in both, as during
a load), so the exchange no longer eats the second core. But on this project's shared 2-core
machine, with other work running (load average 3-5), the worker got about a third of a core
(1.3 s of CPU in 3.2-3.9 s of wall time, hundreds of preemptions), and ``jobs=2`` was slower
than ``jobs=1``; whether it pays on a quiet machine was not measured. A caller with idle cores
may still gain.

Workers are forked (they start with the compiled schemas and the catalogues already loaded)
and only where ``fork`` exists; a worker that fails in any way (killed, out of memory) leaves
its share to this process, which reads it as a one-core load would.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from pola_karir.diagnostics import Diagnostic
from pola_karir.load.layout import SourceFile
from pola_karir.load.schema import load_schemas
from pola_karir.load.yaml_loader import Document

Read = tuple[Document | None, list[Diagnostic]]


def usable_cores() -> int:
    """The cores this process may run on (what ``jobs`` can usefully be)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def read_all(
    sources: Sequence[SourceFile], read: Callable[[SourceFile], Read], jobs: int
) -> list[Read]:
    """``read`` of every source, in order, on ``jobs`` processes (this one included)."""
    jobs = min(jobs, len(sources))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [read(source) for source in sources]
    load_schemas()  # compiled once here, inherited by every worker
    size = -(-len(sources) // jobs)
    shares = [list(sources[start : start + size]) for start in range(0, len(sources), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(shares) - 1, mp_context=context) as pool:
        pending: list[Future[list[Read]]] = [
            pool.submit(_read_share, share, read) for share in shares[1:]
        ]
        results = [read(source) for source in shares[0]]
        for share, future in zip(shares[1:], pending, strict=True):
            results += _collected(future, share, read)
    return results


def _read_share(share: list[SourceFile], read: Callable[[SourceFile], Read]) -> list[Read]:
    return [read(source) for source in share]


def _collected(
    future: Future[list[Read]], share: list[SourceFile], read: Callable[[SourceFile], Read]
) -> list[Read]:
    """A worker's results, or its share read here when the worker failed."""
    try:
        return future.result()
    except Exception:  # a broken pool, a lost worker: the share is read here
        return [read(source) for source in share]
