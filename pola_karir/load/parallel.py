"""Parsing and schema-checking the files of a large data folder on more than one core.

The per-file part of a load (read, parse with positions, schema check) is independent per file:
the files are cut into one contiguous share per job, of about equal bytes; the first shares are
read by forked workers and the last by this process, which needs no copy of its own results
and starts making entities from them while the workers still read (``meanwhile``). A worker
sends back only what the model is assembled from, the documents and their diagnostics; a
document's positions travel as one compact table of integers
(:class:`~pola_karir.load.marks.MarkTable`), not as a dictionary keyed by path tuples (pickling
the results of half of 10,000 positions: 0.28 s, reading them back 0.21 s, against 0.53 s and
0.30 s with dictionaries). Assembly stays in this process, on the results in file order, so the
diagnostics, their order and the model are those of a one-core load.

The default from :data:`PARALLEL_FROM` files on (:func:`jobs_for`): every usable core. On a
machine whose cores are all taken by other work, a worker gets a fraction of one and two
processes can be slower than one (measured on this project's shared machine at load average
3-5); the caller who knows that passes ``jobs=1``.

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

PARALLEL_FROM = 400
"""Files from which a load uses every core unless told otherwise; below it a fork costs
more than half the parse saves (measured: TODO)."""

_FILE_COST = 350
""":func:`_cost`: what reading and checking a file costs beyond its bytes, in bytes' worth.
Measured at 10,000 positions (CPU of ``read_source`` per kind, one process): about 74 µs a
file plus 0.21 µs a byte (positions 0.29 µs a byte, career paths 0.21: fewer, larger files)."""

_OWN_SHARE = 0.9
""":func:`_shares`: this process's share of the bytes, relative to a worker's: it also
unpickles what the workers send back."""

_OWN_SHARE_BUSY = 0.75
""":data:`_OWN_SHARE` when this process also works on its results while the workers read
(``meanwhile``)."""


def usable_cores() -> int:
    """The cores this process may run on (what ``jobs`` can usefully be)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def jobs_for(count: int) -> int:
    """How many processes read ``count`` files when the caller did not say: every usable core
    once the folder is large enough that a forked worker pays for its start and for sending
    its documents back (:data:`PARALLEL_FROM` files), one otherwise."""
    return usable_cores() if count >= PARALLEL_FROM else 1


Meanwhile = Callable[[Sequence[SourceFile], Sequence[Read]], None]


def read_all(
    sources: Sequence[SourceFile],
    read: Callable[[SourceFile], Read],
    jobs: int,
    meanwhile: Meanwhile | None = None,
) -> list[Read]:
    """``read`` of every source, in order, on ``jobs`` processes (this one included).

    This process reads the last share (where a folder's job families and career paths sort,
    after its positions) and, with several processes, gives ``meanwhile`` its share's sources
    and results while the workers still read theirs: the caller can start on what it makes of
    them (the model's entities) instead of waiting. Its share is smaller by what that costs."""
    jobs = min(jobs, len(sources))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [read(source) for source in sources]
    load_schemas()  # compiled once here, inherited by every worker
    shares = _shares(sources, jobs, _OWN_SHARE if meanwhile is None else _OWN_SHARE_BUSY)
    if len(shares) == 1:
        return [read(source) for source in sources]
    context = multiprocessing.get_context("fork")
    theirs, mine = shares[:-1], shares[-1]
    with ProcessPoolExecutor(max_workers=len(theirs), mp_context=context) as pool:
        pending: list[Future[list[Read]]] = [
            pool.submit(_read_share, share, read) for share in theirs
        ]
        own = [read(source) for source in mine]
        if meanwhile is not None:
            meanwhile(mine, own)
        results: list[Read] = []
        for share, future in zip(theirs, pending, strict=True):
            results += _collected(future, share, read)
    return results + own


def _shares(sources: Sequence[SourceFile], jobs: int, own: float) -> list[list[SourceFile]]:
    """``sources`` cut into ``jobs`` contiguous shares of about equal cost, this process's the
    last, of ``own`` times a worker's. A file costs what it takes to parse (:func:`_cost`), not
    one unit: a career path or a unit file weighs several positions and sorts last, so equal
    counts left this process waiting for the worker. A file goes to the share its middle
    falls in."""
    sizes = [_cost(source) for source in sources]
    total = sum(sizes) or 1
    weights = [1.0] * (jobs - 1) + [own]
    bounds = [total * sum(weights[: index + 1]) / sum(weights) for index in range(jobs)]
    shares: list[list[SourceFile]] = [[] for _ in range(jobs)]
    done, current = 0, 0
    for source, size in zip(sources, sizes, strict=True):
        while current < jobs - 1 and done + size / 2 >= bounds[current]:
            current += 1
        shares[current].append(source)
        done += size
    return [share for share in shares if share]


def _cost(source: SourceFile) -> int:
    """What parsing and checking ``source`` costs, in bytes' worth: its size plus
    :data:`_FILE_COST`."""
    try:
        return source.path.stat().st_size + _FILE_COST
    except OSError:  # reported when the file is read
        return _FILE_COST


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
