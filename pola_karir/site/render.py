"""Render DOT to SVG with Graphviz's ``dot``: batched, parallel and cached.

Starting ``dot`` costs ~15 ms, a small graph ~1 ms once it runs, so graphs go through a few
long-lived ``dot`` processes (one per core) that each read many graphs from stdin. Each SVG is
cached under a hash of its DOT source, the Graphviz version and this module's post-processing
version: after one YAML edit only the diagrams whose source changed are rendered again.

A cache entry is embedded into pages as it is, so it is trusted only if it verifies: its first
line holds its key and the sha256 of the SVG that follows. An entry that is truncated, edited,
or dropped into the folder under a key's name without that line is rendered again and
overwritten. (Whoever can write the cache can also write a matching line, as they can edit the
data; the check stops corrupt and stray entries, not a deliberate attacker on the machine.)
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pola_karir.site.diagrams import Diagram
from pola_karir.text.catalogue import WordedError

POSTPROCESS_VERSION = "3"
_SVG_START = re.compile(r"<\?xml[^>]*\?>")
_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>\s*", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->\s*", re.DOTALL)
_TITLE = re.compile(r"<title>[^<]*</title>\s*")
# The second and later graphs of one dot process get ids prefixed "page0,1_": dropped, so a
# diagram's SVG is the same rendered alone or in a batch (and a warm build equals a cold one).
_PAGE_PREFIX = re.compile(r'(\sid=")page\d+,\d+_')
_SIZE = re.compile(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"')


class GraphvizError(WordedError):
    """``dot`` is missing or failed; the message says what to install or what went wrong.

    Carries a catalogue key and its values, so the MkDocs plugin can say it in the site's
    language; printed as it is (a traceback, a test), it reads in both languages.
    """


@dataclass(frozen=True)
class RenderStats:
    rendered: int
    cached: int
    rejected: int = 0  # cache entries that failed verification (and were rendered again)
    entries: frozenset[str] = frozenset()  # the cache entries (file names) this render used


class CacheError(WordedError):
    """The cache folder cannot be used (it is a file, or not writable); carries a catalogue key
    and its values like :class:`GraphvizError`."""


@cache
def dot_version(dot: str = "dot") -> str:
    executable = shutil.which(dot)
    if executable is None:
        raise GraphvizError("site.render.dot_missing")
    result = subprocess.run([executable, "-V"], capture_output=True, text=True, check=False)
    return (result.stderr or result.stdout).strip()


def _cache_key(diagram: Diagram, version: str) -> str:
    digest = hashlib.sha256()
    for part in (version, POSTPROCESS_VERSION, diagram.dot):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def tidy_svg(svg: str, title: str) -> str:
    """Make Graphviz's SVG embeddable: no prolog or comments, scalable, labelled for readers."""
    svg = _COMMENT.sub("", _DOCTYPE.sub("", _SVG_START.sub("", svg))).strip()
    # Graphviz titles name internal node ids ("n3"); the links carry the real names instead.
    svg = _TITLE.sub("", svg)
    svg = _PAGE_PREFIX.sub(r"\1", svg)
    size = _SIZE.search(svg)
    if size:
        width = size.group(1)
        svg = svg.replace(size.group(0), f'<svg style="max-width:{width}pt" width="100%"', 1)
    from pola_karir.site.text import attr

    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{attr(title)}" ', 1)
    opening_end = svg.index(">") + 1
    return f"{svg[:opening_end]}\n<title>{attr(title)}</title>{svg[opening_end:]}"


def _run_dot(sources: Sequence[str], dot: str) -> list[str]:
    """Render several graphs in one ``dot`` process; returns one SVG per source."""
    result = subprocess.run(
        [dot, "-Tsvg"],
        input="\n".join(sources).encode("utf-8"),
        capture_output=True,
        check=False,
    )
    return _split_output(sources, result.returncode, result.stdout, result.stderr)


def _run_dot_files(sources: Sequence[str], dot: str) -> list[str]:
    """:func:`_run_dot` with the graphs, the SVG and the errors in temporary files, not pipes:
    the calling thread only waits for the process, so it takes no Python time from the
    thread that makes the pages (a pipe must be read as ``dot`` writes, in Python)."""
    with (
        tempfile.TemporaryFile() as given,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        given.write("\n".join(sources).encode("utf-8"))
        given.seek(0)
        result = subprocess.run([dot, "-Tsvg"], stdin=given, stdout=out, stderr=err, check=False)
        out.seek(0)
        err.seek(0)
        return _split_output(sources, result.returncode, out.read(), err.read())


def _split_output(sources: Sequence[str], code: int, stdout: bytes, stderr: bytes) -> list[str]:
    """One SVG per graph from what one ``dot`` process wrote (its errors, if it failed)."""
    if code != 0:
        message = stderr.decode("utf-8", "replace").strip()
        raise GraphvizError("site.render.failed", error=message)
    output = stdout.decode("utf-8")
    starts = [m.start() for m in _SVG_START.finditer(output)]
    svgs = [output[a:b] for a, b in zip(starts, [*starts[1:], len(output)], strict=True)]
    if len(svgs) != len(sources):
        raise GraphvizError("site.render.count_mismatch", svgs=len(svgs), graphs=len(sources))
    return svgs


_ENTRY_HEAD = "pola-karir-svg"


def _entry(key: str, svg: str) -> str:
    """A cache entry: a line naming its key and its SVG's sha256, then the SVG."""
    digest = hashlib.sha256(svg.encode("utf-8")).hexdigest()
    return f"{_ENTRY_HEAD} {key} {digest}\n{svg}"


def _verified(key: str, entry: str) -> str | None:
    """The SVG of a cache entry if the entry is the one stored for ``key``, whole; else None."""
    head, newline, svg = entry.partition("\n")
    if not newline:
        return None
    digest = hashlib.sha256(svg.encode("utf-8")).hexdigest()
    return svg if head == f"{_ENTRY_HEAD} {key} {digest}" else None


def _read_entry(path: Path, key: str) -> tuple[str | None, bool]:
    """(the verified SVG, whether an entry existed): a missing entry is a plain miss, one that
    does not verify is counted as rejected."""
    try:
        entry = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, False
    except (OSError, UnicodeDecodeError):
        return None, True
    svg = _verified(key, entry)
    return svg, svg is None


def prepare_cache(cache_dir: Path) -> None:
    """Make sure the cache folder exists and takes files, before anything is rendered: a file
    in its place or a read-only folder becomes one clear error, never a traceback."""
    if cache_dir.exists() and not cache_dir.is_dir():
        raise CacheError("publish.cache.not_folder", path=cache_dir)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=cache_dir):
            pass
    except OSError as error:
        reason = error.strerror or str(error)
        raise CacheError("publish.cache.unusable", path=cache_dir, reason=reason) from error


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        Path(temp).replace(path)
    except OSError:
        Path(temp).unlink(missing_ok=True)
        raise


def _render_job(
    batch: Sequence[Diagram], dot: str, run: Callable[[Sequence[str], str], list[str]] = _run_dot
) -> list[str]:
    """One batch; if the shared process fails, each graph gets a process of its own so one bad
    graph cannot take the others down, and a graph that still fails gets its fallback layout."""
    try:
        return run([d.dot for d in batch], dot)
    except GraphvizError:
        if len(batch) > 1:
            return [svg for diagram in batch for svg in _render_job([diagram], dot, run)]
        if not batch[0].fallback:
            raise
        return run([batch[0].fallback], dot)


def _jobs(missing: list[tuple[Diagram, str]], jobs: int) -> list[list[tuple[Diagram, str]]]:
    """Plain graphs share a few processes. Graphs with clusters get one each: Graphviz 2.43
    (Debian 12) corrupts its heap when several clustered graphs go through one process."""
    solo = [[item] for item in missing if "subgraph cluster" in item[0].dot]
    shared = [item for item in missing if "subgraph cluster" not in item[0].dot]
    batches = [shared[i::jobs] for i in range(jobs)]
    return solo + [batch for batch in batches if batch]


def render_all(
    diagrams: Sequence[Diagram],
    cache_dir: Path | None,
    jobs: int = 2,
    dot: str = "dot",
) -> tuple[dict[str, str], RenderStats]:
    """SVG for every diagram by name; cached ones that verify are read, the rest rendered in
    batches. Call :func:`prepare_cache` first."""
    result: dict[str, str] = {}

    def keep(diagram: Diagram, key: str, svg: str) -> None:
        result[diagram.name] = svg

    stats = _render(diagrams, cache_dir, jobs, dot, keep)
    return result, stats


@dataclass(frozen=True)
class StoredSvg:
    """Where one diagram's SVG lies (an entry as in the cache) and the sha256 it had."""

    path: Path
    key: str
    digest: str


@dataclass(frozen=True)
class SvgStore:
    """The SVG of every diagram of a build, kept in files rather than in memory.

    At tens of thousands of positions the diagrams' SVG is hundreds of megabytes, and every
    process forked to render pages would inherit it. Each SVG stays in its entry file (the
    diagram cache, or a folder of the build's own without a cache) and is read back when a page
    embeds it, checked against the sha256 it had when it was stored: an entry changed since
    (another build writing the same cache, a disk error) stops the build with
    ``site.render.diagram_changed``, as embedding an SVG that was never rendered for this page
    would be a silent error."""

    entries: Mapping[str, StoredSvg]

    def get(self, name: str) -> str | None:
        """The SVG of diagram ``name`` (None: no such diagram), as it was stored."""
        stored = self.entries.get(name)
        if stored is None:
            return None
        svg, _ = _read_entry(stored.path, stored.key)
        if svg is None or hashlib.sha256(svg.encode("utf-8")).hexdigest() != stored.digest:
            raise CacheError("site.render.diagram_changed", path=stored.path)
        return svg

    def digests(self) -> dict[str, str]:
        """The sha256 of every diagram's SVG by name, without reading any."""
        return {name: stored.digest for name, stored in self.entries.items()}


def render_to_store(
    diagrams: Sequence[Diagram],
    folder: Path,
    jobs: int = 2,
    dot: str = "dot",
    *,
    cached: bool = True,
) -> tuple[SvgStore, RenderStats]:
    """:func:`render_all`, the SVG left in ``folder`` (a :class:`SvgStore`). ``cached``:
    ``folder`` is the diagram cache, whose verified entries are used; otherwise every diagram
    is rendered. Call :func:`prepare_cache` on ``folder`` first."""
    renderer = BackgroundRender(folder, jobs, dot, cached=cached)
    try:
        renderer.add(diagrams)
        return renderer.finish()
    finally:
        renderer.close()


# Graphs per ``dot`` process when they arrive one page at a time: big enough that the ~15 ms
# start of a process is small beside the layouts, small enough that the last batch, started
# when the last page is made, does not keep the build waiting long.
STREAM_BATCH = 64


class BackgroundRender:
    """Diagrams rendered into a :class:`SvgStore` while the pages are still being made.

    Making the pages is Python on one core; ``dot`` is other processes. Given the diagrams of
    each page as it is made (:meth:`add`), this starts ``dot`` on a batch as soon as one is
    full, in up to ``jobs`` threads that only wait for their process (its input and output go
    through files, so a thread needs no Python time while ``dot`` works): the layouts run on
    the other core while the pages are made, instead of after them. :meth:`finish` waits for
    every batch and gives what :func:`render_to_store` gives (the same SVG: batching never
    changes a diagram's SVG, see :data:`_PAGE_PREFIX`); it raises the first batch's error.
    :meth:`close` stops what was not started (a build that failed before the diagrams were
    needed) and waits for what runs."""

    def __init__(
        self,
        folder: Path,
        jobs: int = 2,
        dot: str = "dot",
        *,
        cached: bool = True,
        batch: int = STREAM_BATCH,
    ) -> None:
        self._folder = folder
        self._cached = cached
        self._batch = max(1, batch)
        self._version = dot_version(dot)
        self._executable = shutil.which(dot) or dot
        self._pool = ThreadPoolExecutor(max_workers=max(1, jobs))
        self._futures: list[Future[None]] = []
        self._pending: list[tuple[Diagram, str]] = []
        self._entries: dict[str, StoredSvg] = {}
        self._used: set[str] = set()
        self._count = 0
        self._rendered = 0
        self._rejected = 0

    def add(self, diagrams: Iterable[Diagram]) -> None:
        """Take these diagrams: verified cache entries are used as they are, the others go
        into the next batch; a full batch (or a graph with clusters, alone, see
        :func:`_jobs`) is handed to ``dot`` at once."""
        for diagram in diagrams:
            self._count += 1
            key = _cache_key(diagram, self._version)
            self._used.add(f"{key}.svg")
            path = self._folder / f"{key}.svg"
            svg, bad = _read_entry(path, key) if self._cached else (None, False)
            self._rejected += bad
            if svg is not None:
                self._keep(diagram, key, svg)
                continue
            self._rendered += 1
            if "subgraph cluster" in diagram.dot:
                self._submit([(diagram, key)])
                continue
            self._pending.append((diagram, key))
            if len(self._pending) >= self._batch:
                self._submit(self._pending)
                self._pending = []

    def finish(self) -> tuple[SvgStore, RenderStats]:
        """Every diagram added so far rendered and stored; the first failure is raised."""
        if self._pending:
            self._submit(self._pending)
            self._pending = []
        for future in self._futures:
            future.result()
        self._futures = []
        stats = RenderStats(
            self._rendered, self._count - self._rendered, self._rejected, frozenset(self._used)
        )
        return SvgStore(dict(self._entries)), stats

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _keep(self, diagram: Diagram, key: str, svg: str) -> None:
        digest = hashlib.sha256(svg.encode("utf-8")).hexdigest()
        self._entries[diagram.name] = StoredSvg(self._folder / f"{key}.svg", key, digest)

    def _submit(self, batch: list[tuple[Diagram, str]]) -> None:
        self._futures.append(self._pool.submit(self._render_batch, batch))

    def _render_batch(self, batch: list[tuple[Diagram, str]]) -> None:
        svgs = _render_job([d for d, _ in batch], self._executable, _run_dot_files)
        for (diagram, key), svg in zip(batch, svgs, strict=True):
            tidy = tidy_svg(svg, diagram.title)
            _store(self._folder, key, tidy)
            self._keep(diagram, key, tidy)


def _store(folder: Path, key: str, svg: str) -> None:
    """Write one entry; a failure to write is the cache's error (a full disk, no folder)."""
    try:
        _write_atomic(folder / f"{key}.svg", _entry(key, svg))
    except OSError as error:  # a full disk, or the folder was removed meanwhile
        reason = error.strerror or str(error)
        raise CacheError("publish.cache.unusable", path=folder, reason=reason) from error


def _render(
    diagrams: Sequence[Diagram],
    cache_dir: Path | None,
    jobs: int,
    dot: str,
    keep: Callable[[Diagram, str, str], None],
    store: Path | None = None,
) -> RenderStats:
    """Every diagram's SVG to ``keep`` (the diagram, its key, the SVG): verified cache entries
    as read, the rest rendered in batches (and written to ``cache_dir``, or to ``store``)."""
    version = dot_version(dot)
    executable = shutil.which(dot) or dot
    missing: list[tuple[Diagram, str]] = []
    rejected = 0
    used: set[str] = set()
    for diagram in diagrams:
        key = _cache_key(diagram, version)
        used.add(f"{key}.svg")
        svg, bad = _read_entry(cache_dir / f"{key}.svg", key) if cache_dir else (None, False)
        rejected += bad
        if svg is not None:
            keep(diagram, key, svg)
        else:
            missing.append((diagram, key))
    batches = _jobs(missing, max(1, jobs))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        outputs = pool.map(lambda b: _render_job([d for d, _ in b], executable), batches)
        for batch, svgs in zip(batches, outputs, strict=True):
            for (diagram, key), svg in zip(batch, svgs, strict=True):
                tidy = tidy_svg(svg, diagram.title)
                target = cache_dir or store
                if target is not None:
                    _store(target, key, tidy)
                keep(diagram, key, tidy)
            svgs.clear()  # the batch's raw SVG: not held until every batch is done
    return RenderStats(len(missing), len(diagrams) - len(missing), rejected, frozenset(used))
