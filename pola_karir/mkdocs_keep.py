"""Keep, between the rebuilds of ``mkdocs serve``, the generated pages an edit did not touch.

Part of the MkDocs adapter, stage 3 of the fast paths (stage 1 converts the Markdown,
:mod:`pola_karir.mkdocs_fastpath`; stage 2 renders the templates,
:mod:`pola_karir.mkdocs_render_ahead`).
MkDocs 1.6 ``serve`` runs a whole build on every change: it empties its temporary site folder,
then populates, renders and writes every page again; at thousands of positions that is most of
the wait between saving a file and seeing the page.

A generated page's finished HTML is made of two parts, the very parts the caches of stages 1 and
2 key on: the build's (every file's URL, the Markdown configuration, the configuration, the
theme, the nav and the title and meta of its pages, the versions and the code:
:func:`build_digest`) and the page's own (its
Markdown with its front matter, its ready-made blocks, its edit link, its data file, the SVG of
its diagrams: :func:`page_digest`). When the build's part is the same as in the previous rebuild,
a page whose own part is the same too has the same HTML, the same search entries and the same
log records: it is *kept*. Only pages outside the nav are kept (the positions, families,
competencies, regulations: nearly all of them); a page in the nav is part of every page's nav
and is always built.

How a kept page is served as a fresh build would serve it:

- on_pre_build moves the served folder aside (one rename) before MkDocs empties it;
- on_nav hides the kept pages from MkDocs' page loops (:func:`hide`) and gives each the page
  object MkDocs' sitemap and anchor checks read, with its anchors and links;
- the search index takes their entries where a full build adds them, in the same order;
- on_post_build moves their HTML back, replays their log records, checks their links' anchors
  as MkDocs checks every page's, and writes ``sitemap.xml.gz`` again with the date of every page.

Anything that might make the site differ (another build-wide part, a folder that could not be
moved, a page not rendered ahead last time) builds the page, or the whole site, the plain way.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_timestamp
from mkdocs.utils.meta import get_data

from pola_karir import mkdocs_fastpath as fastpath
from pola_karir import mkdocs_render_ahead as ahead

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation

Record = fastpath.Record
SITEMAP: Final = "sitemap.xml"
_DIAGRAM: Final = re.compile(r'data-pk-diagram="([a-z0-9-]+)"')


@dataclass(frozen=True)
class Kept:
    """What a fresh build would make of one page, as the last rebuild made it: the digest of the
    page's own inputs, its output file (``dest_uri``), its anchors and links (stage 1), its log
    records (stage 1, then stage 2) and its search entries."""

    digest: str
    dest: str
    anchors: tuple[str, ...]
    links: list[list[str]] | None
    records: tuple[Record, ...]
    entries: list[dict[str, Any]]


@dataclass(frozen=True)
class Previous:
    """The last rebuild that succeeded: its build-wide digest and the pages it may hand on."""

    build: str
    pages: Mapping[str, Kept]


def build_digest(
    config: MkDocsConfig, files: Files, nav: Navigation, lang: str, theme: tuple[str, bool]
) -> str:
    """The build-wide part of every generated page's HTML: stage 1's context, stage 2's build
    key (``theme``: :func:`~pola_karir.mkdocs_render_ahead.theme_digest`), and what every page
    shows of the pages in the nav, which MkDocs only knows once it has read them: their meta,
    and their title when the nav does not give it (then from their source: a guide's heading)."""
    shown = hashlib.sha256()
    for item in nav.pages:
        file = item.file
        try:
            if "title" in vars(item) and file.generated_by:  # the nav's title: meta only
                content = json.dumps(get_data(file.content_string)[1], default=str).encode()
            else:
                content = file.content_bytes
        except OSError:  # MkDocs reports it when it reads the page
            content = b""
        shown.update(f"{file.src_uri}\0".encode())
        shown.update(hashlib.sha256(content).digest())
    parts = (
        fastpath.context_key(config, files, lang),
        ahead.build_key(config, nav, theme),
        shown.hexdigest(),
    )
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def page_digest(file: File, blocks: Mapping[str, str], source: str, svgs: Mapping[str, str]) -> str:
    """A page's own part of its HTML: its generated text (Markdown and front matter, so its
    meta too), its ready-made blocks, edit link and data file, and the SVG of each diagram it
    names (``svgs``: the sha256 of each diagram's SVG, by name)."""
    text = file.content_string
    names = sorted(set(_DIAGRAM.findall(text)))
    diagrams = {name: svgs.get(name) for name in names}
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    for block in sorted(blocks.items()):
        digest.update(b"\0")
        digest.update(json.dumps(block).encode("utf-8"))
    rest = [file.edit_uri, source, diagrams]
    digest.update(b"\0" + json.dumps(rest, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def in_nav(nav: Navigation) -> frozenset[str]:
    """The pages in the nav, by source path."""
    return frozenset(page.file.src_uri for page in nav.pages)


def keepable(file: File, nav_pages: frozenset[str]) -> bool:
    """A generated page outside the nav (``nav_pages``: :func:`in_nav`), built in every build:
    one that may be kept. A page in the nav is built every time: every page shows its title
    and meta (see :func:`build_digest`)."""
    excluded = file.inclusion.is_excluded()  # type: ignore[no-untyped-call]
    return bool(file.generated_by) and not excluded and file.src_uri not in nav_pages


def choose(
    previous: Previous, digests: Mapping[str, str], files: Files, aside: Path
) -> dict[str, Kept]:
    """The pages of the last rebuild whose own digest is unchanged, whose output file lands
    where it did and is still in the folder moved ``aside``."""
    kept = {}
    for src, page in previous.pages.items():
        file = files.get_file_from_path(src)
        if file is None or digests.get(src) != page.digest or file.dest_uri != page.dest:
            continue
        if (aside / page.dest).is_file():
            kept[src] = page
    return kept


def hide(files: Files, srcs: frozenset[str]) -> None:
    """Leave ``srcs`` out of the page lists MkDocs 1.6 builds from (``documentation_pages``
    with an ``inclusion``: the populate and build loops, and render-ahead's), and in the lists
    read without one (the nav at its start, the sitemap, the templates' ``pages``), as a full
    build has them. The hidden files stay in ``files``: links to them resolve as always."""
    listed = files.documentation_pages

    def documentation_pages(*, inclusion: Callable[[Any], bool] | None = None) -> Sequence[File]:
        if inclusion is None:
            return listed()
        return [f for f in listed(inclusion=inclusion) if f.src_uri not in srcs]

    setattr(files, "documentation_pages", documentation_pages)  # noqa: B010  (a method)


def stand_in(file: File, config: MkDocsConfig, kept: Kept, files: Files) -> Page:
    """The page object a full build would hold for a kept page where others read it: the
    sitemap (its URL, date) and the anchor checks (its anchors, and the links it has)."""
    page = Page(None, file, config)
    page.present_anchor_ids = set(kept.anchors)
    if kept.links is not None:
        page.links_to_anchors = fastpath.anchor_links(kept.links, files)
    return page


class Entries:
    """Feeds the search index the kept pages' entries where a full build adds them: before
    the first built page that follows them in MkDocs' order, the rest before the index is
    written."""

    def __init__(self, order: Sequence[str], kept: Mapping[str, Kept]) -> None:
        self.position = {src: n for n, src in enumerate(order)}
        self.pending = [src for src in order if src in kept]
        self.kept = kept
        self.next = 0

    def before(self, src: str | None, entries: list[dict[str, Any]]) -> None:
        """Add to ``entries`` those of the kept pages before ``src`` (None: all that are left)."""
        limit = len(self.position) if src is None else self.position.get(src, -1)
        while self.next < len(self.pending) and self.position[self.pending[self.next]] < limit:
            entries.extend(self.kept[self.pending[self.next]].entries)
            self.next += 1


def set_aside(site: Path, prefix: str) -> Path | None:
    """Move the served folder into a new folder beside it (``prefix`` + random) by one rename,
    before MkDocs empties it: the kept pages' HTML is taken from there. None if it cannot be."""
    if not site.is_dir():
        return None
    try:
        holder = Path(tempfile.mkdtemp(prefix=prefix, dir=site.parent))
    except OSError:
        return None
    try:
        target = holder / "site"
        site.rename(target)
    except OSError:
        shutil.rmtree(holder, ignore_errors=True)
        return None
    return target


def restore(aside: Path, site: Path, dests: Iterable[str]) -> list[str]:
    """Move the kept pages' files (and the served folder's hidden entries, which MkDocs never
    empties) from ``aside`` into ``site``; the files that could not be moved."""
    failed = []
    made: set[Path] = set()
    for dest in dests:
        target = site / dest
        try:
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            (aside / dest).replace(target)
        except OSError:
            failed.append(dest)
    for entry in aside.iterdir() if aside.is_dir() else ():
        if entry.name.startswith(".") and not (site / entry.name).exists():
            try:
                entry.rename(site / entry.name)
            except OSError:
                failed.append(entry.name)
    return failed


def rewrite_sitemap_gz(site: Path, pages: Sequence[Page]) -> None:
    """``sitemap.xml.gz`` as MkDocs writes it, dated by every page of the site (MkDocs dates
    it by the pages it built, not the kept ones)."""
    sitemap, packed = site / SITEMAP, site / f"{SITEMAP}.gz"
    if not sitemap.is_file() or not packed.is_file():
        return
    timestamp = get_build_timestamp(pages=pages)
    with packed.open("wb") as handle:
        name = str(packed)
        with gzip.GzipFile(fileobj=handle, filename=name, mode="wb", mtime=timestamp) as out:
            out.write(sitemap.read_bytes())


class Sweeper:
    """Deletes the folders set aside, in a thread: what is deleted is no longer served, and at
    thousands of pages deleting takes as long as building the few pages that changed."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []

    def sweep(self, folder: Path) -> None:
        thread = threading.Thread(target=shutil.rmtree, args=(folder, True), daemon=True)
        thread.start()
        self.threads = [t for t in self.threads if t.is_alive()] + [thread]

    def finish(self) -> None:
        for thread in self.threads:
            thread.join()
        self.threads = []
