"""Parsing and schema-checking the files of a large data folder on more than one core.

The per-file part of a load (read, parse with positions, schema check) is independent per file:
the files are cut into chunks of about equal cost (bytes and a part per file), and this process
and forked workers each take the next chunk no one has taken until none is left. This process
needs no copy of its own results, receives each chunk a worker read as soon as it is sent, and
makes entities from every chunk while the workers still read (``meanwhile``): that work then
shares the cores with the reading instead of following it (10,000 positions: the assembly after
the reading went from 0.9 s to under 0.1 s, the whole validation about 6% faster, alternating
runs of both). A worker sends back only what the model is assembled from, the documents
and their diagnostics; a document's positions travel as one compact table of integers
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
its chunks to this process, which reads them as a one-core load would
(:class:`~pola_karir.forked.Forked`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence

from pola_karir.diagnostics import Diagnostic
from pola_karir.forked import shared
from pola_karir.load.layout import SourceFile
from pola_karir.load.schema import load_schemas
from pola_karir.load.yaml_loader import Document

Read = tuple[Document | None, list[Diagnostic]]

PARALLEL_FROM = 300
"""Files from which a load uses every core unless told otherwise. Two processes pay from
small folders on (measured, median of 7: 161 files 0.161 -> 0.138 s, 307 files 0.278 ->
0.212 s), but below a few hundred files the gain is tens of milliseconds, not worth a
process."""

_FILE_COST = 350
""":func:`_cost`: what reading and checking a file costs beyond its bytes, in bytes' worth.
Measured at 10,000 positions (CPU of ``read_source`` per kind, one process): about 74 µs a
file plus 0.21 µs a byte (positions 0.29 µs a byte, career paths 0.21: fewer, larger files)."""

_CHUNKS_PER_JOB = 8
"""Chunks per process (:func:`_chunks`): enough that no process waits long for another's
last chunk, few enough that taking one costs nothing next to reading it."""


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

    The sources are cut into chunks of about equal cost (:func:`_chunks`) and each process,
    this one and ``jobs - 1`` forked workers, takes the next chunk no one has taken (a shared
    counter) until none is left: no process waits while another has several chunks to go,
    whatever a file kind costs or a core gives. This process gives ``meanwhile`` each chunk as
    soon as it has it (its own when read, a worker's when sent), so the caller can start on
    what it makes of them (the model's entities) while the workers still read; taking longer
    per chunk, it simply takes fewer. A chunk a worker did not give back (it died, or its
    results would not pickle) is read here."""
    jobs = min(jobs, len(sources))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [read(source) for source in sources]
    load_schemas()  # compiled once here, inherited by every worker
    chunks = _chunks(sources, jobs * _CHUNKS_PER_JOB)

    def read_chunk(index: int) -> list[Read]:
        return [read(source) for source in chunks[index]]

    def tell(index: int, found: list[Read]) -> None:
        if meanwhile is not None:
            meanwhile(chunks[index], found)

    return [found for chunk in shared(len(chunks), read_chunk, jobs, tell) for found in chunk]


def _chunks(sources: Sequence[SourceFile], count: int) -> list[list[SourceFile]]:
    """``sources`` cut into ``count`` contiguous chunks of about equal cost: a file costs what
    it takes to parse (:func:`_cost`), not one unit, as a career path or a unit file weighs
    several positions. A file goes to the chunk its middle falls in; no chunk is empty."""
    sizes = [_cost(source) for source in sources]
    total = sum(sizes) or 1
    chunks: list[list[SourceFile]] = [[]]
    done = 0
    for source, size in zip(sources, sizes, strict=True):
        if chunks[-1] and done + size / 2 >= total * len(chunks) / count:
            chunks.append([])
        chunks[-1].append(source)
        done += size
    return chunks


def _cost(source: SourceFile) -> int:
    """What parsing and checking ``source`` costs, in bytes' worth: its size plus
    :data:`_FILE_COST`."""
    try:
        return source.path.stat().st_size + _FILE_COST
    except OSError:  # reported when the file is read
        return _FILE_COST
