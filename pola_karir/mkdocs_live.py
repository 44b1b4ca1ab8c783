"""Serve a data-only edit without a MkDocs build: stage 4 of the fast paths, ``mkdocs serve`` only.

Part of the MkDocs adapter (stage 1 converts the Markdown, :mod:`pola_karir.mkdocs_fastpath`;
stage 2 renders the templates, :mod:`pola_karir.mkdocs_render_ahead`; stage 3 keeps the pages an
edit did not touch, :mod:`pola_karir.mkdocs_keep`). Even with stage 3, MkDocs' ``serve`` runs a
whole build on every change: the configuration loaded again, every file listed, the nav made,
every page object made and every kept page moved back. At thousands of positions that fixed
cost is most of the wait after saving one data file, though only a handful of pages changed.

When only files of the data folder changed since the last build (:func:`snapshot` of every
watched path, compared by size and modification time), the plugin updates the served folder
itself, with the configuration, files, nav and theme environment the last full build left:

- it validates again (with its memo) and makes the pages of the edited files' records, which
  are rendered and served at once; then, in a background thread, the rest of the site content
  again (only where the edit shows), and the pages that differ from the last build's
  (:func:`compare`) are the ones to render;
- anything build-wide that differs (the set of pages or its order, a page's meta where the nav
  shows it, the nav, the history, the published files' names, the build date) sends the change
  to MkDocs' own build, as does any error;
- each changed page goes through MkDocs' own ``_populate_page`` and ``_build_page`` (so every
  plugin handler runs as in a build, the plain path of the plugin's own), written beside its
  target and renamed over it; its search entries replace its old ones in the last build's
  index, which is written again the same way; the changed published files are rewritten.

What MkDocs would write anew and this does not touch (the sitemap, the theme's files, the
copied files) is the same for a data-only edit: the sitemap lists the same pages with the same
date (the date is checked), and nothing else of it depends on the data.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from mkdocs.utils.meta import get_data

from pola_karir import mkdocs_fastpath as fastpath
from pola_karir.model import Dataset
from pola_karir.site.build import SiteContent
from pola_karir.site.page import Page as ContentPage

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

# The MkDocs versions whose build functions and server attributes this module was checked with.
MKDOCS_SERIES: Final = "1.6."
# The server's private attributes the background stage and the snapshot read (see usable()).
SERVER_ATTRIBUTES: Final = (
    "_watched_paths",
    "_epoch_cond",
    "_visible_epoch",
    "_wanted_epoch",
    "_rebuild_cond",
    "_want_rebuild",
)

# Where a page shows a diagram (as in mkdocs_keep): the page may show another page's diagram.
DIAGRAM: Final = re.compile(r'data-pk-diagram="([a-z0-9-]+)"')

Snapshot = dict[str, tuple[int, int]]


@dataclass(frozen=True)
class Update:
    """The new content and what changed in it: ``changed`` are the page srcs to render again
    (the pages drawn from the edited data files first), ``files_changed`` whether any
    published file (open data) changed. Shaped as ``pola_karir.site.incremental.Update``, which
    will make it without making every page again."""

    content: SiteContent
    changed: tuple[str, ...]
    files_changed: bool


@dataclass(frozen=True)
class Served:
    """What the last full build of ``mkdocs serve`` left for updating its folder: MkDocs'
    configuration, files, nav and template environment of that build, the dataset and the
    content made from it (pages without their diagrams), each page's diagrams' digest, each
    published file's sha256 and the build date (``YYYY-MM-DD``) of its pages and sitemap."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any
    dataset: Dataset
    content: SiteContent
    diagrams: Mapping[str, str]
    published: Mapping[str, str]
    date: str


def usable(server: object) -> bool:
    """Whether ``server`` is the MkDocs 1.6 live-reload server this module was written against:
    the fast path reads its watched paths and bumps its epoch."""
    version = fastpath.version("mkdocs") or ""
    if not version.startswith(MKDOCS_SERIES) or not hasattr(server, "builder"):
        return False
    return all(hasattr(server, name) for name in SERVER_ATTRIBUTES)


def snapshot(paths: Iterable[str]) -> Snapshot:
    """Size and modification time of every file under ``paths`` (files or folders): cheap
    enough to take on every change (a few thousand ``stat`` calls), and any edit a watcher
    reports changes one of them."""
    found: Snapshot = {}
    for path in paths:
        if Path(path).is_file():
            _stat(Path(path), found)
            continue
        for folder, _, names in os.walk(path):
            for name in names:
                _stat(Path(folder, name), found)
    return found


def _stat(path: Path, found: Snapshot) -> None:
    try:
        info = path.stat()
    except OSError:  # gone while walking: a change the next snapshot sees
        return
    found[str(path)] = (info.st_size, info.st_mtime_ns)


def changed_paths(before: Snapshot, after: Snapshot) -> set[str]:
    """The files added, removed or changed between two snapshots."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def only_under(paths: Iterable[str], root: Path) -> bool:
    """Whether every one of ``paths`` lies in the folder ``root``."""
    return all(Path(path).absolute().is_relative_to(root) for path in paths)


def diagram_digest(page: ContentPage) -> str:
    """What a page's diagrams are (their names, titles and DOT): equal digests, equal SVG."""
    parts = [[d.name, d.title, d.dot, d.fallback] for d in page.diagrams]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def compare(
    old: SiteContent, old_diagrams: Mapping[str, str], new: SiteContent, edited: Iterable[str]
) -> tuple[str, ...] | None:
    """The srcs of the pages of ``new`` that differ from ``old`` (their Markdown, title, blocks,
    data file or diagrams), those drawn from the ``edited`` data files (relative to the data
    folder) first; None when anything build-wide differs: the pages or their order, the nav,
    the history. (``old`` holds no published files: the caller compares them by digest.)"""
    if [p.src for p in old.pages] != [p.src for p in new.pages]:
        return None
    if old.nav != new.nav or old.history != new.history:
        return None
    edited = set(edited)
    changed: list[str] = []
    redrawn: set[str] = set()  # the diagrams whose DOT changed, by name
    for before, after in zip(old.pages, new.pages, strict=True):
        drawn = old_diagrams.get(after.src) == diagram_digest(after)
        if not drawn:
            redrawn.update(d.name for d in after.diagrams)
        same = (
            drawn
            and before.markdown == after.markdown
            and before.title == after.title
            and before.html_blocks == after.html_blocks
            and before.source_file == after.source_file
        )
        if not same or (redrawn and _embeds(after, redrawn)):
            changed.append(after.src)
    # A page before the one whose diagram changed may embed it too.
    changed = list(with_embedding(tuple(changed), new.pages, redrawn))
    sources = {p.src: p.source_file for p in new.pages}
    first = [src for src in changed if sources[src] in edited]
    return (*first, *(src for src in changed if sources[src] not in edited))


def with_embedding(
    changed: tuple[str, ...], pages: Iterable[ContentPage], redrawn: set[str]
) -> tuple[str, ...]:
    """``changed`` and, after them, the other pages that show a diagram of ``redrawn`` (a page
    may show another page's diagram: its Markdown is the same, its HTML is not)."""
    if not redrawn:
        return changed
    listed = set(changed)
    return (*changed, *(p.src for p in pages if p.src not in listed and _embeds(p, redrawn)))


def _embeds(page: ContentPage, names: set[str]) -> bool:
    """Whether ``page`` shows one of the diagrams ``names``."""
    return any(name in names for name in DIAGRAM.findall(page.markdown))


def meta_unchanged(old: str, new: str) -> bool:
    """Whether two versions of a page carry the same front matter (its title, the meta every
    page's nav and footer show of a page in the nav)."""
    return get_data(old)[1] == get_data(new)[1]


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it over ``path``: the server never serves a
    half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".pk-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def replace_entries(entries: list[dict[str, Any]], url: str, new: list[dict[str, Any]]) -> bool:
    """Put ``new`` where the search entries of the page at ``url`` lie in ``entries``, as
    Material makes their locations (the page's URL, or it and ``#`` and an anchor). False when
    that cannot be done as a full build would: its old entries are not one run, or it had none
    and has some now (where a full build puts them is not known here)."""
    found = [
        n
        for n, entry in enumerate(entries)
        if entry.get("location") == url or str(entry.get("location", "")).startswith(url + "#")
    ]
    if not found:
        return not new
    start, end = found[0], found[-1] + 1
    if end - start != len(found):
        return False
    entries[start:end] = new
    return True


def reload_browsers(server: Any) -> None:
    """Tell the browsers ``server`` serves to reload, as its build loop does after a build: a
    newer epoch, both the one building and the one shown, unless a build has started since
    (it tells them itself when it is done)."""
    with server._epoch_cond:
        if server._visible_epoch != server._wanted_epoch:
            return
        epoch = max(time.monotonic_ns() // 1_000_000, server._visible_epoch + 1)
        server._wanted_epoch = server._visible_epoch = epoch
        server._epoch_cond.notify_all()


def request_rebuild(server: Any) -> None:
    """Ask ``server``'s build loop for a build, as its watcher does after a change."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
