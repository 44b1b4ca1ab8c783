"""Fast paths for the generated pages: part of the MkDocs adapter.

MkDocs turns each page's Markdown into HTML one page after the other, in one process, on every
build. The pages the plugin generates are known in full once the nav is built, so this module
converts them ahead, in forked processes on every core, with **MkDocs' own** machinery:
:meth:`mkdocs.structure.pages.Page.render` on a page of the same file, with the same
``markdown_extensions``, ``mdx_configs`` and ``Files`` (so MkDocs resolves every link itself),
followed by the plugin's own page-content step. Each result carries what ``render`` leaves on
the page (HTML, table of contents, title, anchors, links to anchors) and the log records it
wrote; :func:`apply` puts them on MkDocs' page and replays the records, so warnings and
``--strict`` behave as on the plain path.

Where :mod:`pola_karir.mkdocs_direct` models a page, it is converted without Python-Markdown
(no Markdown instance per page; links still through MkDocs' own ``path_to_url``): only with the
Markdown configurations and releases that module was compared with, and only after one page of
each kind, converted both ways in this process (the canary), came out the same; any difference
sends every page of the build through ``Page.render``. :class:`Stats` counts both.

Results are cached under the plugin's ``cache_dir`` (``pages/``), keyed by a hash of every
input: the page's Markdown and ready-made blocks, its path, every file's path and URL (links
resolve against them), the Markdown configuration, the link-validation settings, the site's
language, the versions of MkDocs, Python-Markdown, PyMdown Extensions and Material, and the
plugin's own source code. A warm build or a ``mkdocs serve`` rebuild converts only the pages
whose inputs changed. An entry is trusted only if its first line names its key and the sha256
of what follows; anything else is converted again and overwritten (atomically).

When the pages will be rendered ahead (:mod:`pola_karir.mkdocs_render_ahead`), each worker
writes its pages' entries itself (to the cache, or to a folder of the build's own without one)
and gives the pages back without their HTML: the worker rendering a page ahead reads it from
there, so the HTML of every page (tens of kilobytes each) is never gathered in MkDocs' process
nor inherited by the workers forked from it; a page not rendered ahead after all gets it back
before MkDocs renders it.

Nothing here may change a page: ``tests/site/test_fast_paths.py`` builds the example with and
without the fast paths and finds every file identical. Where that cannot be known, the plain
path runs: another plugin that handles ``on_pre_page``, ``on_page_read_source``,
``on_page_markdown`` or ``on_page_content`` (it would see the pages in a state MkDocs never
shows it), or no ``fork`` on this system (then one process does the work, still cached).
Markdown extensions that may read other files (``pymdownx.snippets``, anything not known to be
pure) turn the cache off, not the parallel conversion.
"""

from __future__ import annotations

import ctypes
import enum
import gc
import hashlib
import json
import logging
import multiprocessing
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.structure.pages import log as pages_log
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

import pola_karir
from pola_karir import mkdocs_direct as direct

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import Files

# The page events MkDocs runs around the conversion this module does ahead.
PAGE_EVENTS: Final = ("pre_page", "page_read_source", "page_markdown", "page_content")
# Bumped whenever an entry's layout or meaning changes.
FORMAT: Final = "1"
DISTRIBUTIONS: Final = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")
# Python-Markdown's own extensions (short names, as MkDocs accepts them).
_BUILTIN: Final = frozenset(
    {
        "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code",
        "footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists",
        "smarty", "tables", "toc", "wikilinks",
    }
)  # fmt: skip
# PyMdown Extensions that read files beside the page: their output is not a function of it.
_READS_FILES: Final = frozenset({"pymdownx.snippets"})
_ENTRY_HEAD: Final = "pola-karir-page"
# Chunks per worker: enough to even out pages of different sizes, few enough to stay cheap.
_CHUNKS_PER_WORKER: Final = 4
# At most this many pages per chunk: a worker's memory grows with the pages it has done (the
# pages it touched are copied from its parent, Jinja's and Markdown's caches fill), so the
# work is cut small and each pool, freshly forked, does a few chunks per worker and ends.
CHUNK_PAGES: Final = 250
CHUNKS_PER_POOL: Final = 2  # per worker
# Characters of text encoded at a time to hash it (:func:`text_digest`).
_DIGEST_SLICE: Final = 1 << 20

T = TypeVar("T")
Finish = Callable[[str, Page, "Files", "MkDocsConfig"], str]
Record = tuple[str, int, str]  # logger name, level, message


@dataclass(frozen=True)
class Prepared:
    """What MkDocs' ``render`` and the plugin's page-content step leave on one page."""

    content: str
    toc: list[Any]  # [name, id, level, children] per entry: Python-Markdown's toc tokens
    title: str | None
    anchors: list[str]
    links: list[list[str]] | None  # [to file, anchor, link as written]; None: not collected
    records: list[Record]

    def to_json(self) -> str:
        return json.dumps(
            [self.content, self.toc, self.title, self.anchors, self.links, self.records],
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Prepared:
        content, toc, title, anchors, links, records = json.loads(text)
        return cls(content, toc, title, anchors, links, [tuple(r) for r in records])


@dataclass(frozen=True)
class Stats:
    converted: int
    cached: int
    rejected: int
    workers: int
    direct: int = 0  # of the converted pages, those converted without Python-Markdown
    canary: int = 0  # pages converted both ways to check the direct conversion
    # Why the direct conversion did not run (empty: it ran; "canary": a page came out different).
    direct_off: tuple[str, ...] = ()

    @property
    def fallback(self) -> int:
        """Converted pages that went through MkDocs' ``Page.render``."""
        return self.converted - self.direct


@dataclass(frozen=True)
class Result:
    pages: dict[str, Prepared]
    stats: Stats
    keys: dict[str, str]  # each cached page's key (none without a cache), for the rendered entries
    # With ``store`` (see :func:`prepare`): where each page's HTML was left (its entry's folder
    # and key), its ``Prepared`` holding no HTML, and the diagrams its HTML embeds.
    entries: dict[str, tuple[Path, str]] = field(default_factory=dict)
    diagrams: dict[str, tuple[str, ...]] = field(default_factory=dict)


# The placeholder of a diagram in a page's HTML (see :func:`pola_karir.site.build.embed_diagrams`).
DIAGRAM_MARK: Final = re.compile(r'data-pk-diagram="([a-z0-9-]+)"')


def diagram_names(html: str) -> tuple[str, ...]:
    """The diagrams a page's HTML embeds, each once, sorted."""
    return tuple(sorted(set(DIAGRAM_MARK.findall(html))))


def lean(prepared: Prepared) -> Prepared:
    """``prepared`` without its HTML (left in its entry, read back by :func:`stored_html`)."""
    return replace(prepared, content="")


def stored_html(folder: Path, key: str) -> str | None:
    """The HTML of the page whose entry is ``key`` in ``folder`` (None: gone or spoilt)."""
    entry, _ = read_entry(folder, key)
    return None if entry is None else entry.content


# --- when the fast paths may run -------------------------------------------------------------


def other_page_handlers(
    config: MkDocsConfig,
    plugin: BasePlugin[Any],
    events: Sequence[str] = PAGE_EVENTS,
    allowed: Callable[[object], bool] = lambda handler: False,
) -> list[str]:
    """The plugins other than ``plugin`` (and those ``allowed``) that handle one of ``events``
    (their names as in mkdocs.yml, sorted): with any of them, the plain path runs."""
    plugins = config.plugins
    names = set()
    for event in events:
        for method in plugins.events.get(event, []):
            owner = getattr(method, "__self__", None)
            if owner is not plugin and not allowed(owner):
                names.add(plugins._event_origins.get(method, "?"))
    return sorted(names)


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def impure_extensions(config: MkDocsConfig) -> list[str]:
    """Markdown extensions whose output may depend on more than the page (they may read other
    files, or are objects given from Python): with any of them, nothing is cached."""
    found = []
    for extension in config.markdown_extensions:
        if not isinstance(extension, str):
            found.append(type(extension).__name__)
            continue
        short = extension.removeprefix("markdown.extensions.")
        if short in _BUILTIN:
            continue
        if extension.startswith("pymdownx.") and extension not in _READS_FILES:
            continue
        found.append(extension)
    return found


def workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# --- the cache key ---------------------------------------------------------------------------


def describe(value: Any) -> Any:
    """A JSON stand-in for what is not JSON in the Markdown configuration. Callables are named
    by module and name; anything else by its repr (which may hold an address: a miss, never a
    wrong hit)."""
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, set | frozenset | tuple):
        return sorted(map(repr, value)) if isinstance(value, set | frozenset) else list(value)
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
    return f"{type(value).__module__}.{type(value).__qualname__}:{value!r}"


@cache
def code_digest() -> str:
    """The plugin's own source and wording: a change to how pages are made misses every
    entry."""
    digest = hashlib.sha256()
    root = Path(pola_karir.__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".po")):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def context_key(config: MkDocsConfig, files: Files, lang: str) -> str:
    """The part of every page's key that is the same for the whole build."""
    table = hashlib.sha256()
    for file in sorted(files, key=lambda f: f.src_uri):
        line = f"{file.src_uri}\t{file.url}\t{file.inclusion.name}\n"
        table.update(line.encode("utf-8"))
    parts = {
        "format": FORMAT,
        "code": code_digest(),
        "versions": {name: version(name) for name in DISTRIBUTIONS},
        "extensions": list(config.markdown_extensions),
        "mdx_configs": config.mdx_configs,
        "use_directory_urls": config.use_directory_urls,
        "validation": config.validation,
        "lang": lang,
        "files": table.hexdigest(),
    }
    text = json.dumps(parts, sort_keys=True, default=describe, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def page_key(context: str, src: str, markdown: str, blocks: Mapping[str, str]) -> str:
    digest = hashlib.sha256()
    block_text = json.dumps(blocks, sort_keys=True, ensure_ascii=False)
    for part in (context, src, markdown, block_text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


# --- cache entries ---------------------------------------------------------------------------


def entry_path(folder: Path, key: str) -> Path:
    """Where the stage-1 entry ``key`` lies in ``folder``."""
    return folder / f"{key}.json"


def read_verified(path: Path, head: str, key: str) -> tuple[str | None, bool]:
    """(the payload of the entry at ``path`` if its first line is ``head key sha256``, the
    sha256 of the rest; whether a bad entry was there). Shared with the rendered entries of
    :mod:`pola_karir.mkdocs_render_ahead`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, False
    except (OSError, UnicodeDecodeError):
        return None, True
    line, newline, payload = text.partition("\n")
    del text  # the payload is a copy: a large page is not held twice while it is checked
    if not newline or line != f"{head} {key} {text_digest(payload)}":
        return None, True
    return payload, False


def text_digest(*parts: str) -> str:
    """The sha256 of ``parts`` joined, in UTF-8, encoded a slice at a time: the bytes of a large
    page (the annex runs to tens of megabytes at national scale) are never held all at once
    beside its text. The same digest as encoding the whole text."""
    digest = hashlib.sha256()
    for part in parts:
        for start in range(0, len(part), _DIGEST_SLICE):
            digest.update(part[start : start + _DIGEST_SLICE].encode("utf-8"))
    return digest.hexdigest()


def write_verified(path: Path, head: str, key: str, *payload: str) -> None:
    """Write one entry (``head key sha256`` on its first line, then ``payload``: its parts, one
    after the other, never joined in memory) atomically: a temporary file renamed into place;
    a cache that cannot be written costs speed, never the build."""
    digest = text_digest(*payload)
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(f"{head} {key} {digest}\n")
            for part in payload:
                stream.write(part)
        Path(temp).replace(path)
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def read_entry(folder: Path, key: str) -> tuple[Prepared | None, bool]:
    """(the entry stored for ``key`` if it verifies, whether a bad entry was there)."""
    payload, bad = read_verified(entry_path(folder, key), _ENTRY_HEAD, key)
    if payload is None:
        return None, bad
    try:
        return Prepared.from_json(payload), False
    except (ValueError, TypeError):
        return None, True


def write_entry(folder: Path, key: str, prepared: Prepared) -> None:
    write_verified(entry_path(folder, key), _ENTRY_HEAD, key, prepared.to_json())


# --- converting pages ------------------------------------------------------------------------


class Capture(logging.Handler):
    """Holds the records of the page being converted, in place of the usual handlers."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.current: list[Record] | None = None
        self._last: int | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.current is None or id(record) == self._last:
            return  # outside a page, or the same record seen again through another logger
        self._last = id(record)
        self.current.append((record.name, record.levelno, record.getMessage()))


@contextmanager
def captured() -> Iterator[Capture]:
    """Every record goes to one :class:`Capture` for the duration (nothing is printed); the
    handlers are given back afterwards."""
    capture = Capture()
    loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
    saved = [list(logger.handlers) for logger in loggers]
    for logger in loggers:
        logger.handlers = [capture]
    try:
        yield capture
    finally:
        for logger, handlers in zip(loggers, saved, strict=True):
            logger.handlers = handlers


def _toc_tokens(items: Any) -> list[Any]:
    return [[i.title, i.id, i.level, _toc_tokens(i.children)] for i in items]


def _toc(tokens: list[Any]) -> Any:
    def token(entry: list[Any]) -> dict[str, Any]:
        name, anchor, level, children = entry
        return {"name": name, "id": anchor, "level": level, "children": list(map(token, children))}

    return get_toc(cast(Any, [token(entry) for entry in tokens]))


@dataclass(frozen=True)
class _Job:
    config: MkDocsConfig
    files: Files
    finish: Finish
    direct: bool = False  # try :mod:`pola_karir.mkdocs_direct` before ``Page.render``
    # Where each page's entry goes (folder, key): written by the worker, which gives back the
    # page without its HTML (None: the worker gives it back whole).
    entries: Mapping[str, tuple[Path, str]] | None = None


# Set in the parent before the workers fork, so they inherit it instead of receiving a pickle.
_JOB: _Job | None = None


def _links(found: dict[Any, dict[str, str]] | None) -> list[list[str]] | None:
    if found is None:
        return None
    return [[f.src_uri, a, o] for f, m in found.items() for a, o in m.items()]


def _convert_direct(job: _Job, page: Page, records: list[Record]) -> Prepared | None:
    """The page converted by :mod:`pola_karir.mkdocs_direct`, its links by MkDocs' own
    ``path_to_url`` (which logs and collects as in ``render``); None if it is not modelled."""
    file, config = page.file, job.config
    markdown, _ = get_data(file.content_string)  # what read_source leaves as the Markdown
    relpath = _RelativePathTreeprocessor(file, job.files, config)
    converted = direct.convert(markdown, relpath.path_to_url)
    if converted is None:
        return None
    content = job.finish(converted.html, page, job.files, config)
    # render keeps the links only then (see Page.render)
    links = relpath.links_to_anchors if pages_log.getEffectiveLevel() > logging.DEBUG else None
    return Prepared(
        content=content,
        toc=converted.toc,
        title=converted.title,
        anchors=sorted(converted.anchors),
        links=_links(links),
        records=records,
    )


def _convert(job: _Job, src: str, capture: Capture) -> tuple[Prepared, bool] | None:
    """One page, as MkDocs' ``_populate_page`` does it, on a page object of its own (the
    file's own page is put back after): directly where :mod:`pola_karir.mkdocs_direct` models
    it and the job allows, else by ``Page.render``; with whether it went directly. None if it
    fails: the plain path then runs and reports the failure the way MkDocs does."""
    file = job.files.get_file_from_path(src)
    if file is None:
        return None
    own_page = file.page
    config = job.config
    try:
        page = Page(None, file, config)
        records: list[Record] = []
        capture.current = records
        config._current_page = page
        if job.direct and (prepared := _convert_direct(job, page, records)) is not None:
            return prepared, True
        page.read_source(config)
        assert page.markdown is not None
        page.render(config, job.files)
        assert page.content is not None
        content = job.finish(page.content, page, job.files, config)
        prepared = Prepared(
            content=content,
            toc=_toc_tokens(page.toc),
            title=page._title_from_render,
            anchors=sorted(page.present_anchor_ids or ()),
            links=_links(page.links_to_anchors),
            records=records,
        )
        return prepared, False
    except Exception:  # the plain path reports it, see the docstring
        return None
    finally:
        capture.current = None
        config._current_page = None
        file.page = own_page


def _convert_many(srcs: Sequence[str]) -> list[tuple[str, tuple[Prepared, bool] | None]]:
    job = _JOB
    assert job is not None
    with captured() as capture:
        return [(src, _stored(job, src, _convert(job, src, capture))) for src in srcs]


def _stored(
    job: _Job, src: str, done: tuple[Prepared, bool] | None
) -> tuple[Prepared, bool] | None:
    """With ``job.entries``: the page's entry written here, in the worker, and the page given
    back without its HTML (the diagrams it embeds in its place), so that the HTML of every page
    never gathers in the parent, nor in the workers forked from it later. A page whose entry
    cannot be written is given back whole."""
    if done is None or job.entries is None:
        return done
    prepared, direct_done = done
    folder, key = job.entries[src]
    write_entry(folder, key, prepared)
    if not entry_path(folder, key).is_file():
        return done
    names = "\n".join(diagram_names(prepared.content))
    return replace(prepared, content=f"{_LEAN}{names}"), direct_done


# What a page given back without its HTML holds in its place: this, then its diagrams' names.
_LEAN: Final = "\0pola-karir-stored\n"


def chunks(items: list[str], count: int, most: int = CHUNK_PAGES) -> list[list[str]]:
    """``items`` in ``count`` chunks, more if a chunk would hold more than ``most``."""
    size = min(most, max(1, -(-len(items) // count)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def run_forked(
    work: Callable[[Sequence[str]], list[tuple[str, T | None]]],
    srcs: list[str],
    processes: int,
    after: Callable[[Mapping[str, T]], None] = lambda done: None,
) -> dict[str, T]:
    """``work`` over ``srcs`` in ``processes`` forked workers (in this process if 1), in chunks;
    what ``work`` gives None for, or a worker that died, is left to MkDocs' plain path. The
    caller sets the module state ``work`` reads before calling: the workers inherit it.

    Memory: the workers share their parent's pages until they write to them. Python writes to
    every object it looks at (reference counts) and its collector looks at all of them, so the
    parent's objects are frozen (``gc.freeze``) before forking, out of the collector's reach,
    and a pool lives for :data:`CHUNKS_PER_POOL` chunks per worker only: a fresh fork starts
    small again, where a long-lived worker would grow with every page it renders.
    (``max_tasks_per_child`` would do it, but refuses the ``fork`` start method.) ``after``
    is given what each pool did, once it is over: the parent may drop what no later worker
    needs before the next pool forks."""
    if processes <= 1 or len(srcs) < 2:
        alone = {s: r for s, r in work(srcs) if r is not None}
        after(alone)
        return alone
    parts = chunks(srcs, processes * _CHUNKS_PER_WORKER)
    per_pool = processes * CHUNKS_PER_POOL
    context = multiprocessing.get_context("fork")
    done: dict[str, T] = {}
    gc.collect()
    gc.freeze()
    try:
        for first in range(0, len(parts), per_pool):
            give_back()  # what the last pool let go of, before the next one inherits it
            group: dict[str, T] = {}
            with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
                for results in pool.map(work, parts[first : first + per_pool]):
                    group.update((s, r) for s, r in results if r is not None)
            done.update(group)
            after(group)
    except (OSError, BrokenProcessPool):
        pass  # no process to be had, or one died: MkDocs does the rest itself
    finally:
        gc.unfreeze()
    return done


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    return trim


def give_back() -> None:
    """Hand the memory freed so far back to the system (glibc's ``malloc_trim``; nothing
    elsewhere). Python frees large strings (a page's HTML) to the C allocator, which keeps the
    pages for reuse: the process stays as big as at its largest, and a forked worker starts
    as big as that."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def convert_counted(srcs: list[str], job: _Job, processes: int) -> tuple[dict[str, Prepared], int]:
    """Convert ``srcs`` in ``processes`` forked workers (in this process if 1); with how many
    went directly."""
    global _JOB
    _JOB = job
    try:
        done = run_forked(_convert_many, srcs, processes)
    finally:
        _JOB = None
    return {s: p for s, (p, _) in done.items()}, sum(d for _, d in done.values())


def convert(srcs: list[str], job: _Job, processes: int) -> dict[str, Prepared]:
    """Convert ``srcs`` in ``processes`` forked workers (in this process if 1)."""
    return convert_counted(srcs, job, processes)[0]


def kind(src: str) -> str:
    """The kind of a generated page, for the canary: its folder, or the page itself at the
    top (each top-level page is made by its own builder); a folder's index is a kind of its
    own."""
    folder, _, name = src.rpartition("/")
    if not folder:
        return src
    return f"{folder}/index.md" if name == "index.md" else f"{folder}/*"


def canary(srcs: list[str], job: _Job) -> tuple[dict[str, Prepared], bool]:
    """One page of each kind among ``srcs`` converted both ways, in this process: the pages
    as ``Page.render`` made them, and whether every direct result was the same (a page the
    direct path does not model counts as the same: it falls back anyway)."""
    first: dict[str, str] = {}
    for src in srcs:
        first.setdefault(kind(src), src)
    plain_job = _Job(job.config, job.files, job.finish, direct=False)
    done: dict[str, Prepared] = {}
    same = True
    with captured() as capture:
        for src in first.values():
            plain = _convert(plain_job, src, capture)
            fast = _convert(job, src, capture)
            if plain is None:
                continue
            done[src] = plain[0]
            if fast is not None and fast[1] and fast[0] != plain[0]:
                same = False
    return done, same


def prepare(
    pages: Mapping[str, Mapping[str, str]],
    config: MkDocsConfig,
    files: Files,
    finish: Finish,
    *,
    lang: str,
    cache_dir: Path | None,
    use_direct: bool = True,
    store: Path | None = None,
) -> Result:
    """Prepare the generated pages ``pages`` (source path → its ready-made blocks): from the
    cache where an entry verifies, converted (and stored) otherwise; directly
    (:mod:`pola_karir.mkdocs_direct`) where ``use_direct``, the configuration allows it, the
    canary finds no difference and the page is modelled, by ``Page.render`` else.

    With ``store`` (a folder of the build's own) every page's HTML is left in its entry (the
    cache's, or one in ``store`` without a cache) and the pages come back without it
    (:func:`lean`; :attr:`Result.entries` says where it is, :attr:`Result.diagrams` what it
    embeds): at tens of thousands of pages their HTML would otherwise be most of the build's
    memory, held from here to the end of rendering ahead and inherited by every worker."""
    context = context_key(config, files, lang) if cache_dir is not None else ""
    done: dict[str, Prepared] = {}
    keys: dict[str, str] = {}
    all_keys: dict[str, str] = {}
    entries: dict[str, tuple[Path, str]] = {}
    rejected = 0
    for src, blocks in pages.items():
        file = files.get_file_from_path(src)
        if file is None or not file.generated_by:
            continue
        if cache_dir is None:
            keys[src] = ""
            if store is not None:
                entries[src] = (store, hashlib.sha256(src.encode("utf-8")).hexdigest())
            continue
        key = page_key(context, src, file.content_string, blocks)
        all_keys[src] = key
        entries[src] = (cache_dir, key)
        entry, bad = read_entry(cache_dir, key)
        rejected += bad
        if entry is not None:
            done[src] = entry
        else:
            keys[src] = key
    missing = sorted(keys)
    direct_off = tuple(direct.supported(config)) if use_direct else ("fast_paths",)
    job = _Job(config, files, finish, direct=not direct_off)
    checked: dict[str, Prepared] = {}
    if job.direct and missing:
        checked, same = canary(missing, job)
        if not same:
            job, direct_off = _Job(config, files, finish), ("canary",)
        missing = [src for src in missing if src not in checked]
    processes = min(workers(), max(1, len(missing))) if fork_available() else 1
    if store is not None:
        job = replace(job, entries=entries)
    converted, direct_count = convert_counted(missing, job, processes)
    if store is not None:  # the workers wrote their pages' entries
        for src, prepared in checked.items():
            write_entry(*entries[src], prepared)
    converted.update(checked)
    if cache_dir is not None and store is None:
        for src, prepared in converted.items():
            write_entry(cache_dir, keys[src], prepared)
    stats = Stats(
        len(converted), len(done), rejected, processes, direct_count, len(checked), direct_off
    )
    done.update(converted)
    if store is None:
        return Result(done, stats, all_keys)
    return _leaned(done, stats, all_keys, entries)


def _leaned(
    done: Mapping[str, Prepared],
    stats: Stats,
    keys: dict[str, str],
    entries: Mapping[str, tuple[Path, str]],
) -> Result:
    """The result with every page whose entry is written given without its HTML."""
    pages: dict[str, Prepared] = {}
    stored: dict[str, tuple[Path, str]] = {}
    diagrams: dict[str, tuple[str, ...]] = {}
    for src, prepared in done.items():
        folder, key = entries[src]
        if prepared.content.startswith(_LEAN):  # a worker wrote the entry
            names = prepared.content.removeprefix(_LEAN)
            diagrams[src] = tuple(names.split("\n")) if names else ()
        elif entry_path(folder, key).is_file():  # from the cache, or the canary's
            diagrams[src] = diagram_names(prepared.content)
        else:  # the entry could not be written: the page keeps its HTML
            pages[src] = prepared
            continue
        pages[src] = lean(prepared)
        stored[src] = (folder, key)
    return Result(pages, stats, keys, stored, diagrams)


def anchor_links(links: list[list[str]], files: Files) -> dict[Any, dict[str, str]]:
    """``links`` ([to file, anchor, link as written]) as MkDocs keeps them on a page for its
    anchor checks: by the file linked to (a file not among ``files`` is left out). Shared by
    stage 1 and the pages kept in ``mkdocs serve``, which both hand MkDocs a page it did not
    convert itself."""
    found: dict[Any, dict[str, str]] = {}
    for target, anchor, original in links:
        to_file = files.get_file_from_path(target)
        if to_file is not None:
            found.setdefault(to_file, {})[anchor] = original
    return found


def apply(prepared: Prepared, page: Page, files: Files, markdown: str) -> str:
    """Leave on MkDocs' ``page`` what its ``render`` and the plugin's page-content step would
    have left (its original Markdown too), replay their log records, and return the HTML."""
    page.markdown = markdown
    page.toc = _toc(prepared.toc)
    page._title_from_render = prepared.title
    page.present_anchor_ids = set(prepared.anchors)
    if prepared.links is not None:
        page.links_to_anchors = anchor_links(prepared.links, files)
    for name, level, message in prepared.records:
        logging.getLogger(name).log(level, message)
    return prepared.content
