"""Render ahead: the theme's templates and the search entries of the generated pages, on every
core, cached. Part of the MkDocs adapter: stage 2 of the fast paths (stage 1, converting the
Markdown, is :mod:`pola_karir.mkdocs_fastpath`).

In MkDocs 1.6 every page holds its HTML before ``on_env``; then ``_build_page`` runs for one page
after the other: the template context, the ``page_context`` events (Material's search parses the
page's HTML there and strips its ``data-search-*`` attributes), the Jinja template, the
``post_page`` events, the write. For the generated pages the plugin does exactly that ahead, in
forked workers that inherit the finished nav, files, theme environment and plugins, and keeps
what came out: the final HTML, the search entries the search plugin appended for the page (its
own forked copy of the index) and the log records. MkDocs then still runs ``_build_page`` for
every page, cheaply: the page's template is one that renders nothing (:data:`READY_TEMPLATE`),
the plugin's ``post_page`` hands over the finished HTML and replays the records (so warnings
count for ``--strict``), and the search index takes the page's entries as they are, in the order
MkDocs visits the pages, instead of parsing it again. Everything else MkDocs and the search
plugin do for a page (the ``page_context`` events on MkDocs' own page, the write) is unchanged.

The pages whose size grows with the agency (:data:`LARGE_PAGE`) are rendered the same way in
MkDocs' own process, after the workers: memory, not speed (see :func:`render_ahead`).

Wherever a page is rendered ahead, the search index's ``add_entry_from_context`` is
:mod:`pola_karir.mkdocs_search`, which makes the same sections as Material's ``html.parser``
pass at a fraction of its cost (that pass was two thirds of this stage) and leaves to
Material's parser any page it does not read.
It runs only with the Material parser it was compared with, and only after the first page of
each kind, made both ways in this process (the canary), gave the same entries; any difference
sends every page through Material's parser, and the plugin says so once.

Results are entries under ``cache_dir/rendered``, keyed by the page's stage-1 key (its Markdown,
blocks, every file's URL, the Markdown configuration, the versions, the plugin's code) and a
digest of everything else a template sees: the nav (every item's kind, title, URL, meta and
children, in order), the theme (every template file of ``theme.dirs``), the configuration
(without the staging ``site_dir``), the page's meta and edit link, the SVG embedded in it and
the build date when a template reads it. Like stage 1, an entry is trusted only if its first
line names its key and the sha256 of the rest; the HTML is read back when MkDocs writes the
page, so it is not held in memory for the whole build. Without a cache the entries go to a
folder of the build's own, deleted afterwards.

The plain path runs (and the plugin says why, once) when another plugin than this one and
Material's ``search`` handles ``page_context``, ``post_page`` or ``page_content`` (its work
would happen in a worker, away from its own state), when the search plugin is not the one whose
attributes this module relies on, or for ``--dirty`` builds (MkDocs skips unmodified pages).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from mkdocs.commands.build import get_context
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

from pola_karir import mkdocs_fastpath as fastpath
from pola_karir import mkdocs_search as search_direct

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.nav import Navigation

# The page events whose handlers run in the workers.
PAGE_EVENTS: Final = ("page_context", "post_page", "page_content")
# The template a page rendered ahead is given in the main process: it renders nothing.
READY_TEMPLATE: Final = "pola-karir/rendered-ahead.html"
FORMAT: Final = "1"
# Pages whose stage-1 HTML is this large (bytes; at 20,000 positions the annex, the lists of
# every position or vacancy, the explorer) are rendered in this process once every pool of
# workers has ended, one after the other, rather than in a worker: see :func:`render_ahead`.
LARGE_PAGE: Final = 1 << 20
# How much of a page the search canary compares at most (see _canary_part).
CANARY_CHARS: Final = 200_000
_ENTRY_HEAD: Final = "pola-karir-rendered"
# Names in a template that make the page depend on the day of the build.
_DATED: Final = (b"build_date_utc", b"update_date")
# The search plugin's index, as this module uses it (checked on every supported Material).
_SEARCH_CLASS: Final = ("material.plugins.search.plugin", "SearchPlugin")

Record = fastpath.Record


@dataclass(frozen=True)
class Rendered:
    """One page rendered ahead: its entry file (the HTML is read from there when MkDocs writes
    the page), the sha256 of the HTML, its search entries and its log records."""

    path: Path
    html_digest: str
    entries: list[dict[str, Any]]
    records: list[Record]
    direct_search: bool = False  # its entries made without Material's HTML parser, just now


@dataclass(frozen=True)
class Stats:
    rendered: int
    cached: int
    rejected: int
    workers: int
    large: int = 0  # of the pages rendered, those rendered in this process (:data:`LARGE_PAGE`)
    search_direct: int = 0  # rendered pages whose entries came without Material's HTML parser
    search_canary: int = 0  # pages whose entries were made both ways to check the direct way
    # Why the direct search entries did not run ("": they did, or no page needed them;
    # "canary": a page came out different; "release": not Material's parser compared with).
    search_off: str = ""


@dataclass(frozen=True)
class Result:
    pages: dict[str, Rendered]
    stats: Stats


# --- when it may run -------------------------------------------------------------------------


def search_plugin(config: MkDocsConfig) -> Any | None:
    """Material's search plugin, when it is in the build (None otherwise)."""
    for plugin in config.plugins.values():
        kind = type(plugin)
        if (kind.__module__, kind.__qualname__) == _SEARCH_CLASS:
            return plugin
    return None


def _is_search(handler: object) -> bool:
    kind = type(handler)
    return (kind.__module__, kind.__qualname__) == _SEARCH_CLASS


def other_handlers(config: MkDocsConfig, plugin: BasePlugin[Any]) -> list[str]:
    """The plugins other than ``plugin`` and Material's search that handle one of
    :data:`PAGE_EVENTS`: with any of them, the plain path runs."""
    return fastpath.other_page_handlers(config, plugin, PAGE_EVENTS, _is_search)


def search_usable(search: Any | None) -> bool:
    """Whether the search plugin (if any) has what this module relies on: an index with a list
    of ``entries`` and an ``add_entry_from_context`` method, and an ``enabled`` setting."""
    if search is None:
        return True
    index = getattr(search, "search_index", None)
    enabled = getattr(getattr(search, "config", None), "enabled", None)
    return (
        isinstance(enabled, bool)
        and isinstance(getattr(index, "entries", None), list)
        and callable(getattr(index, "add_entry_from_context", None))
    )


def search_index(search: Any | None) -> Any | None:
    """The search index pages are added to in this build (None: no search, or it is off)."""
    if search is None or not search.config.enabled:
        return None
    return search.search_index


# --- the cache key ---------------------------------------------------------------------------


def _describe(value: Any) -> Any:
    """JSON for what the configuration holds besides JSON: plugins by their class and settings,
    the theme by its name, folders and settings, the rest as in stage 1."""
    if isinstance(value, BasePlugin):
        kind = type(value)
        return {"plugin": f"{kind.__module__}.{kind.__qualname__}", "config": dict(value.config)}
    if hasattr(value, "dirs") and hasattr(value, "static_templates"):  # mkdocs.theme.Theme
        return {"name": value.name, "dirs": list(value.dirs), "vars": dict(value.items())}
    return fastpath.describe(value)


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=_describe, ensure_ascii=False)


def theme_digest(dirs: Sequence[str], static: Iterable[str] = ()) -> tuple[str, bool]:
    """(a digest of every file of the theme's folders, in their order of precedence; whether a
    page's template may read the build date). Files are hashed by their bytes; the icon sets
    (``.icons``, thousands of SVG files installed with the theme) by path, size and modification
    time. The ``static`` templates (``sitemap.xml``, ``404.html``) are rendered on their own,
    never for a page: their reading the date (MkDocs' sitemap does) does not date the pages,
    which would otherwise miss on every build without ``SOURCE_DATE_EPOCH``."""
    own = frozenset(static)
    digest = hashlib.sha256()
    dated = False
    for index, folder in enumerate(dirs):
        for root, subdirs, names in os.walk(folder):
            subdirs.sort()
            base = Path(root)
            relative = base.relative_to(folder).as_posix()
            icons = ".icons" in Path(relative).parts
            for name in sorted(names):
                path = base / name
                digest.update(f"{index}\0{relative}/{name}\0".encode())
                try:
                    if icons:
                        stat = path.stat()
                        digest.update(f"{stat.st_size}:{stat.st_mtime_ns}\0".encode())
                        continue
                    data = path.read_bytes()
                except OSError:
                    digest.update(b"?\0")
                    continue
                digest.update(hashlib.sha256(data).digest())
                page_template = f"{relative}/{name}".removeprefix("./") not in own
                dated = dated or (page_template and any(word in data for word in _DATED))
    return digest.hexdigest(), dated


def _nav_item(item: Any) -> dict[str, Any]:
    return {
        "kind": type(item).__name__,
        "title": item.title,
        "url": getattr(item, "url", None),
        "meta": getattr(item, "meta", None),
        "children": [_nav_item(child) for child in item.children or ()],
    }


def build_key(config: MkDocsConfig, nav: Navigation, theme: tuple[str, bool] | None = None) -> str:
    """The part of every page's key that is the same for the whole build; ``theme``: the
    :func:`theme_digest` of this build when already known."""
    if theme is None:
        theme = theme_digest(config.theme.dirs, config.theme.static_templates)
    theme_hash, dated = theme
    settings = _json({k: v for k, v in config.items() if k != "site_dir"})  # site_dir: staging
    if config.config_file_path:  # a project moved or restored elsewhere keeps its entries
        base = json.dumps(str(Path(config.config_file_path).parent))[1:-1]
        settings = settings.replace(base, "<project>")
    parts = {
        "format": FORMAT,
        "code": fastpath.code_digest(),
        "versions": {name: fastpath.version(name) for name in (*fastpath.DISTRIBUTIONS, "jinja2")},
        "theme": theme_hash,
        "date": str(get_build_datetime()) if dated else None,
        "config": hashlib.sha256(settings.encode("utf-8")).hexdigest(),
        "nav": hashlib.sha256(_json([_nav_item(i) for i in nav.items]).encode()).hexdigest(),
    }
    return hashlib.sha256(_json(parts).encode("utf-8")).hexdigest()


def page_key(
    build: str,
    stage1: str,
    page: Page,
    svgs: Mapping[str, str],
    source: str,
    embedded: Sequence[str] | None = None,
) -> str:
    """One page's key: the build's, the page's stage-1 key, its meta, edit link, data file and
    the SVG that will be embedded in it (``svgs``: the sha256 of each diagram's SVG, by name;
    ``embedded``: the diagrams its HTML embeds, when the page does not hold its HTML)."""
    names = fastpath.diagram_names(page.content or "") if embedded is None else embedded
    diagrams = {name: svgs[name] for name in names if name in svgs}
    own = [build, stage1, page.meta, page.file.edit_uri, source, diagrams]
    return hashlib.sha256(_json(own).encode("utf-8")).hexdigest()


# --- entries ---------------------------------------------------------------------------------


def _entry_path(folder: Path, key: str) -> Path:
    return folder / f"{key}.html"


def _payload(html: str, entries: list[dict[str, Any]], records: list[Record]) -> tuple[str, ...]:
    """The line of search entries and records, then the HTML: the parts of the entry, written
    one after the other rather than joined (a large page would be held twice)."""
    head = json.dumps([entries, records], ensure_ascii=False, separators=(",", ":"))
    return head, "\n", html


def read_entry(folder: Path, key: str) -> tuple[Rendered | None, bool]:
    """(the entry stored for ``key`` if it verifies, whether a bad entry was there)."""
    path = _entry_path(folder, key)
    payload, bad = fastpath.read_verified(path, _ENTRY_HEAD, key)
    if payload is None:
        return None, bad
    head, _, html = payload.partition("\n")
    try:
        entries, records = json.loads(head)
        records = [(str(n), int(lv), str(m)) for n, lv, m in records]
    except (ValueError, TypeError):
        return None, True
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        return None, True
    return Rendered(path, fastpath.text_digest(html), entries, records), False


def read_html(rendered: Rendered) -> str | None:
    """The page's HTML from its entry, if it is still what was verified (None otherwise)."""
    try:
        text = rendered.path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    first = text.find("\n")
    second = -1 if first < 0 else text.find("\n", first + 1)
    html = "" if second < 0 else text[second + 1 :]  # one copy, not one per line taken off
    del text
    if fastpath.text_digest(html) != rendered.html_digest:
        return None
    return html


# --- rendering -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    config: MkDocsConfig
    nav: Navigation
    doc_files: Sequence[File]
    env: Any  # jinja2.Environment
    search: Any | None
    keys: Mapping[str, tuple[Path, str]]  # source path → (folder, key) of its entry
    # The pages whose HTML is in their stage-1 entry (folder, key), not on the page.
    stored: Mapping[str, tuple[Path, str]] = field(default_factory=dict)
    # Make the search entries with pola_karir.mkdocs_search where a page allows it.
    direct_search: bool = False


# Set in the parent before the workers fork, so they inherit it instead of receiving a pickle.
_JOB: _Job | None = None


@contextmanager
def _direct_entries(index: Any) -> Iterator[list[bool]]:
    """``index.add_entry_from_context`` replaced, while one page is rendered, by
    :func:`pola_karir.mkdocs_search.add_entries`, which falls back on what it replaced for a
    page it cannot read; yields whether each call made the entries directly. Only that method
    is replaced: Material's ``on_page_context`` still strips the page's ``data-search-*``
    attributes itself. The instance's own attribute, if any, is put back after."""
    original = index.add_entry_from_context
    own = "add_entry_from_context" in vars(index)
    used: list[bool] = []

    def add_entry_from_context(page: Page) -> None:
        direct = search_direct.add_entries(index, page)
        used.append(direct)
        if not direct:
            original(page)

    index.add_entry_from_context = add_entry_from_context
    try:
        yield used
    finally:
        if own:
            index.add_entry_from_context = original
        else:
            del index.add_entry_from_context


def _render(job: _Job, page: Page, capture: fastpath.Capture) -> Rendered | None:
    """What ``_build_page`` does for ``page`` up to the write, with the search entries it adds;
    the result is written to the page's entry. None if anything fails or the result cannot be
    stored faithfully: MkDocs then builds the page itself (and reports what failed)."""
    config = job.config
    index = search_index(job.search)
    before = len(index.entries) if index is not None else 0
    used: list[bool] = []
    records: list[Record] = []
    capture.current = records
    config._current_page = page
    stored = job.stored.get(page.file.src_uri)
    # The search plugin replaces the page's HTML (without its data-search attributes): in this
    # process (a large page), MkDocs must find the page as it was should it build it itself.
    original = "" if stored is not None else page.content
    try:
        if stored is not None:  # the page's HTML, read in the process that renders it only
            page.content = fastpath.stored_html(*stored)
            if page.content is None:
                return None
        page.active = True
        context = get_context(job.nav, job.doc_files, config, page)
        template = job.env.get_template(page.meta.get("template", "main.html"))
        if job.direct_search and index is not None:
            with _direct_entries(index) as used:
                context = config.plugins.on_page_context(
                    context, page=page, config=config, nav=job.nav
                )
        else:
            context = config.plugins.on_page_context(context, page=page, config=config, nav=job.nav)
        output = template.render(context)
        output = config.plugins.on_post_page(output, page=page, config=config)
        page.content = original  # not needed any more: one copy less of a large page
        entries = list(index.entries[before:]) if index is not None else []
        if not output.strip() or json.loads(json.dumps(entries)) != entries:
            return None  # MkDocs' own message for an empty page; entries JSON cannot hold
        folder, key = job.keys[page.file.src_uri]
        path = _entry_path(folder, key)
        fastpath.write_verified(path, _ENTRY_HEAD, key, *_payload(output, entries, records))
        if not path.is_file():
            return None
        return Rendered(
            path, fastpath.text_digest(output), entries, records, bool(used) and all(used)
        )
    except Exception:  # MkDocs builds the page itself and reports it, see the docstring
        return None
    finally:
        page.content = original
        page.active = False
        config._current_page = None
        capture.current = None
        if index is not None:
            del index.entries[before:]


def _render_many(srcs: Sequence[str]) -> list[tuple[str, Rendered | None]]:
    job = _JOB
    assert job is not None
    pages = {file.src_uri: file.page for file in job.doc_files}
    done = []
    with fastpath.captured() as capture:
        for src in srcs:
            page = pages.get(src)
            done.append((src, None if page is None else _render(job, page, capture)))
    return done


def _entries_both_ways(index: Any, page: Page) -> tuple[list[Any], list[Any]] | None:
    """(Material's entries for ``page``, :mod:`pola_karir.mkdocs_search`'s), or None when the
    direct way does not read the page or Material's fails on it (nothing to compare)."""
    before = len(index.entries)
    try:
        index.add_entry_from_context(page)
        material = index.entries[before:]
        del index.entries[before:]
        if not search_direct.add_entries(index, page):
            return None
        return material, index.entries[before:]
    except Exception:  # the page fails on the plain path too, and MkDocs reports it there
        return None
    finally:
        del index.entries[before:]


def _canary_part(html: str | None) -> str | None:
    """What the canary compares of a page: all of it, or its first :data:`CANARY_CHARS`
    characters cut before a tag (both parsers read HTML cut there as they read the whole up to
    there). The canary runs on one core before the workers start: the pages that grow with the
    data (the annex, the overviews: megabytes at national scale) would otherwise keep the other
    core waiting for seconds."""
    if html is None or len(html) <= CANARY_CHARS:
        return html
    cut = html.rfind("<", 0, CANARY_CHARS)
    return html[:cut] if cut > 0 else html


def search_canary(srcs: Sequence[str], job: _Job) -> tuple[int, bool]:
    """(pages compared, whether each gave the same entries both ways): the search entries of
    the first page of each kind among ``srcs`` (:func:`pola_karir.mkdocs_fastpath.kind`), made
    by Material's parser and by :mod:`pola_karir.mkdocs_search`, in this process (of a large
    page, its beginning: :func:`_canary_part`)."""
    index = search_index(job.search)
    if index is None:
        return 0, True
    first: dict[str, str] = {}
    for src in srcs:
        first.setdefault(fastpath.kind(src), src)
    pages = {file.src_uri: file.page for file in job.doc_files}
    compared = 0
    for src in first.values():
        page = pages.get(src)
        stored = job.stored.get(src)
        if page is None:
            continue
        whole = page.content
        try:
            html = fastpath.stored_html(*stored) if stored is not None else whole
            page.content = _canary_part(html)
            both = _entries_both_ways(index, page) if page.content is not None else None
        finally:
            page.content = whole
        if both is None:
            continue
        compared += 1
        if both[0] != both[1]:
            return compared, False
    return compared, True


def render(
    srcs: list[str],
    job: _Job,
    processes: int,
    release: Callable[[Iterable[str]], None] = lambda srcs: None,
) -> dict[str, Rendered]:
    """Render ``srcs`` in ``processes`` forked workers (in this process if 1); ``release`` is
    given the pages rendered as each pool ends."""
    global _JOB
    _JOB = job
    try:
        return fastpath.run_forked(_render_many, srcs, processes, release)
    finally:
        _JOB = None


def render_ahead(
    pages: Iterable[Page],
    config: MkDocsConfig,
    nav: Navigation,
    doc_files: Sequence[File],
    env: Any,
    *,
    stage1: Mapping[str, str],
    svgs: Mapping[str, str],  # the sha256 of each diagram's SVG, by name
    sources: Mapping[str, str],
    cache_dir: Path | None,
    scratch: Path,
    release: Callable[[Iterable[str]], None] = lambda srcs: None,
    theme: tuple[str, bool] | None = None,
    stored: Mapping[str, tuple[Path, str]] | None = None,
    embedded: Mapping[str, Sequence[str]] | None = None,
) -> Result:
    """Render ``pages`` ahead: from ``cache_dir`` where an entry verifies, in workers (and
    stored) otherwise. The :data:`LARGE_PAGE` pages, whose size grows with the agency, are
    rendered here after the workers, one by one: a worker would hold its own copy of every
    page of its parent it touches besides the page's strings (HTML, output, search text, the
    entry), and at tens of thousands of positions that worker next to MkDocs' process was the
    build's peak; here only the strings come on top, with no worker beside them.
    Pages without a stage-1 key (no cache) are rendered into ``scratch``.
    ``release`` is given the pages done, as they are done (from the cache before any worker
    forks, the others as each pool of workers ends): what MkDocs holds for them is no longer
    needed, and the next workers fork without it. ``stored``: the pages whose HTML is not on
    the page but in their stage-1 entry (folder, key), read by the worker that renders the page
    (:func:`pola_karir.mkdocs_fastpath.prepare` with ``store``), with the diagrams each embeds
    (``embedded``). ``theme``: the theme digest when the caller has it already."""
    stored = stored or {}
    embedded = embedded or {}
    build = build_key(config, nav, theme) if cache_dir is not None else ""
    done: dict[str, Rendered] = {}
    keys: dict[str, tuple[Path, str]] = {}
    large: set[str] = set()
    rejected = 0
    for page in pages:
        src = page.file.src_uri
        first = stage1.get(src)
        if cache_dir is None or first is None:
            keys[src] = (scratch, hashlib.sha256(src.encode("utf-8")).hexdigest())
        else:
            marks = embedded.get(src) if src in stored else None
            key = page_key(build, first, page, svgs, sources.get(src, ""), marks)
            entry, bad = read_entry(cache_dir, key)
            rejected += bad
            if entry is not None:
                done[src] = entry
                continue
            keys[src] = (cache_dir, key)
        if html_size(page, stored) >= LARGE_PAGE:
            large.add(src)
    release(done)
    missing = sorted(keys)
    processes = min(fastpath.workers(), max(1, len(missing))) if fastpath.fork_available() else 1
    job = _Job(config, nav, doc_files, env, search_plugin(config), keys, stored)
    checked, search_off = 0, ""
    if missing and search_index(job.search) is not None:
        if not search_direct.material_supported():
            search_off = "release"
        else:
            checked, same = search_canary(missing, job)
            search_off = "" if same else "canary"
            job = replace(job, direct_search=same)
    rendered = render([s for s in missing if s not in large], job, processes, release)
    fastpath.give_back()  # what the last pool's pages held, before the large pages are made
    here = render(sorted(large), job, 1, release)
    rendered.update(here)
    direct = sum(r.direct_search for r in rendered.values())
    stats = Stats(
        len(rendered),
        len(done),
        rejected,
        processes,
        large=len(here),
        search_direct=direct,
        search_canary=checked,
        search_off=search_off,
    )
    done.update(rendered)
    return Result(done, stats)


def html_size(page: Page, stored: Mapping[str, tuple[Path, str]]) -> int:
    """About how large the page's HTML is, in bytes: its stage-1 entry's size when the HTML
    stayed there, else the HTML on the page (0 if the entry is gone: the worker finds out)."""
    entry = stored.get(page.file.src_uri)
    if entry is None:
        return len(page.content or "")
    try:
        return fastpath.entry_path(*entry).stat().st_size
    except OSError:
        return 0


def replay(records: Iterable[Record]) -> None:
    """Log the records a page wrote while it was rendered ahead, as if now."""
    for name, level, message in records:
        logging.getLogger(name).log(level, message)
