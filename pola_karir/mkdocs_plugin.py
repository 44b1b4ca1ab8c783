"""The ``pola-karir`` MkDocs plugin: a thin adapter from MkDocs events to the core.

on_config validates the data and builds the pages and the nav, and starts rendering each
page's diagrams as soon as the page is made; on_pre_build waits for them. on_files adds the
pages and the published files as generated files; on_post_page embeds the SVG.

Publishing is atomic (:mod:`pola_karir.site.publish`): on_config, first of all plugins, points
``site_dir`` at a fresh staging folder beside it, and on_post_build, last of all plugins,
swaps that folder into place; on_build_error deletes it. So nothing MkDocs or another plugin
writes reaches ``site_dir`` before the whole build succeeded. One gap in MkDocs' hooks: in strict
mode MkDocs counts warnings and aborts *after* on_post_build, so the plugin counts them itself
(the same records on the same ``mkdocs`` logger) and does not publish a build MkDocs is about to
abort. ``mkdocs serve`` builds into a private temporary folder that it serves while rebuilding
in place; there is nothing to protect, so it is left as it is. ``mkdocs gh-deploy`` reads
``site_dir`` after the build: it is pointed back at the published site before that.

In ``mkdocs serve`` a rebuild hands on the generated pages an edit did not touch from the
previous one instead of making them again (:mod:`pola_karir.mkdocs_keep`): on_pre_build moves
the served folder aside, on_nav hides those pages from MkDocs, on_post_build moves them back.

This is the only place that knows URLs. The core names every page and file by its source path;
its links that MkDocs does not resolve itself (raw HTML, SVG) are :func:`urls.ref` tokens, and
:meth:`PolaKarirPlugin._resolve` replaces them with the URL of MkDocs' own ``File`` for that
path, relative to the page shown, so ``use_directory_urls`` is honoured everywhere.

What makes the plugin work in any ``mkdocs.yml`` (the Markdown extensions its pages need, edit
links for a data folder anywhere, no request to a third party, pages mkdocs-macros leaves
alone) is in :mod:`pola_karir.mkdocs_standalone`; the handlers here call it and log what changed.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urljoin

from jinja2 import ChoiceLoader, DictLoader
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_build_date

from pola_karir import mkdocs_fastpath as fastpath
from pola_karir import mkdocs_keep as keep
from pola_karir import mkdocs_live as live
from pola_karir import mkdocs_render_ahead as ahead
from pola_karir import mkdocs_standalone as standalone
from pola_karir.diagnostics import Diagnostic, Severity
from pola_karir.load.folder import read_source
from pola_karir.load.memo import DocumentMemo
from pola_karir.model import Dataset
from pola_karir.report import as_text
from pola_karir.rules.validate import ValidationResult, validate_project
from pola_karir.site import guides, incremental, publish, urls
from pola_karir.site.build import (
    SiteContent,
    embed_blocks,
    embed_diagrams,
    site_content,
    stack_tables,
)
from pola_karir.site.cache_prune import prune
from pola_karir.site.history import unavailable_text
from pola_karir.site.limits import Limits, LimitsError, from_environment
from pola_karir.site.page import Page as ContentPage
from pola_karir.site.page import in_language
from pola_karir.site.render import (
    BackgroundRender,
    CacheError,
    GraphvizError,
    RenderStats,
    SvgStore,
    dot_version,
    prepare_cache,
    render_to_store,
)
from pola_karir.text import catalogue
from pola_karir.text.diagnostics import message
from pola_karir.text.terminal import shown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
# The pan-and-zoom library comes before the script that uses it (see README, Dependencies).
ASSETS = ("pola-karir.css", "vendor/svg-pan-zoom.min.js", "pola-karir.js")
# Published beside the vendored library, whose licence asks for its notice to go with it.
LICENCES = ("vendor/svg-pan-zoom.LICENSE.txt",)
# The build's own folder in the system's temporary folder: this, the build's pid, "-", random.
BUILD_FOLDER = "pola-karir-build-"
# Material's theme.language when mkdocs.yml does not set it (its mkdocs_theme.yml).
THEME_DEFAULT_LANGUAGE = "en"


class PolaKarirConfig(Config):  # type: ignore[no-untyped-call]
    data_dir = c.Type(str, default="data")
    """Folder with the agency's YAML data, relative to mkdocs.yml."""
    lang = c.Choice(("id", "en"), default="id")
    """Language of the site (every generated word; the data stays as written) and of the
    validation messages. The theme's ``language`` follows it when left at its default."""
    cache = c.Type(bool, default=True)
    """Keep rendered SVG diagrams between builds."""
    cache_dir = c.Type(str, default=".cache/pola-karir")
    """Where the diagram cache lives, relative to mkdocs.yml."""
    concurrency = c.Type(int, default=2)
    """How many Graphviz processes render diagrams at once."""
    edit_uri = c.Optional(c.Type(str))
    """Path under repo_url to the data folder for "edit this page" (e.g. ``edit/main/data``).
    Default: worked out from MkDocs' own ``edit_uri`` (see mkdocs_standalone.edit_paths)."""
    fast_paths = c.Type(bool, default=True)
    """Convert and render the generated pages ahead, on every core, and keep them in the cache
    (``cache_dir``, when ``cache`` is on) between builds; the site is the same either way.
    ``false``: MkDocs converts and renders every page itself, one after the other (see
    :mod:`pola_karir.mkdocs_fastpath` and :mod:`pola_karir.mkdocs_render_ahead`)."""
    external_requests = c.Type(bool, default=False)
    """Let pages make requests to other sites: Material's Google Fonts and its repository facts
    from the host's API, the other themes' highlight.js from a CDN. Off: visitors' privacy,
    and the site works offline."""


class _WarningCount(logging.Handler):
    """Counts the warnings of a build, as MkDocs' strict mode does (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PolaKarirPlugin(BasePlugin[PolaKarirConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.command: str | None = None
        self.publication: publish.Publication | None = None
        self.warnings: _WarningCount | None = None
        self.epoch_set = False
        self.content: SiteContent | None = None
        self.published: dict[str, Path] = {}
        self.sources: dict[str, str] = {}
        self.generated: frozenset[str] = frozenset()
        self.blocks: dict[str, dict[str, str]] = {}
        self.root = Path()
        self.svgs = SvgStore({})
        self.files: Files | None = None
        self.last_stats: RenderStats | None = None
        self.edit = standalone.EditPaths(None)
        self.privacy = standalone.Privacy()
        self.prepared: dict[str, fastpath.Prepared] = {}
        self.originals: dict[str, str] = {}
        self.last_pages: fastpath.Stats | None = None
        self.dirty = False
        # The cache entries (file names) this build used, by cache subfolder ("" for diagrams).
        self.cache_used: dict[str, set[str]] = {}
        # Parsed data files kept between the rebuilds of ``mkdocs serve`` (None for a one-off
        # build, where keeping them would only hold memory through the rest of the build).
        self.memo: DocumentMemo | None = None
        self.nav: Navigation | None = None
        self.page_keys: dict[str, str] = {}
        self.ready: dict[str, ahead.Rendered] = {}
        self.templates: dict[str, Any] = {}
        self.search_index: Any | None = None
        self.scratch: Path | None = None
        self.last_rendered: ahead.Stats | None = None
        # mkdocs serve only (see mkdocs_keep): the last rebuild that succeeded, the folder it
        # left (moved aside in this build), the pages kept from it, and what this build learns
        # for the next one: its build-wide digest, each keepable page's own digest, what
        # stage 1 and stage 2 left for it.
        self.previous: keep.Previous | None = None
        self.aside: Path | None = None
        self.kept: dict[str, keep.Kept] = {}
        self.build_digest: str | None = None
        self.digests: dict[str, str] = {}
        self.stage1: dict[str, tuple[tuple[str, ...], list[list[str]] | None, tuple[Any, ...]]]
        self.stage1 = {}
        self.stage2: dict[str, tuple[list[dict[str, Any]], tuple[Any, ...]]] = {}
        self.sweeper = keep.Sweeper()
        self.wrapped: tuple[str, ...] = ()  # the search index's methods wrapped in this build
        self.theme: tuple[str, bool] | None = None  # this build's theme digest, once known
        self.renderer: BackgroundRender | None = None
        # The generated pages whose HTML is in their stage-1 entry (folder, key), not on the
        # page, and the diagrams each embeds (see on_nav).
        self.stored: dict[str, tuple[Path, str]] = {}
        self.embedded: dict[str, tuple[str, ...]] = {}
        # mkdocs serve only (see mkdocs_live): what the last full build left for updating the
        # served folder without MkDocs, the watched files as they were then, and what this
        # build gathers for it (its configuration, content, diagrams, published files, env).
        self.served: live.Served | None = None
        self.server: LiveReloadServer | None = None
        self.background: threading.Thread | None = None  # a change's second stage
        self.watched: live.Snapshot | None = None
        self.serving: (
            tuple[MkDocsConfig, Dataset, SiteContent, dict[str, str], dict[str, str]] | None
        ) = None
        self.serving = None
        self.env: Any | None = None

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        base = Path(config.config_file_path).parent if config.config_file_path else Path()
        return (base / value).resolve()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        # MkDocs hands back the plugin object of an earlier session in the same process (it keeps
        # plugins that handle on_startup): nothing of that session is carried into this one.
        self.memo, self.previous = None, None

    @event_priority(100)  # first, so every other plugin sees the staging folder as site_dir
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._end_build()  # a previous build of this plugin object (mkdocs serve) is over
        self.prepared, self.originals, self.last_pages = {}, {}, None
        self.nav, self.page_keys, self.ready, self.templates = None, {}, {}, {}
        self.stored, self.embedded = {}, {}
        self.last_rendered = None
        self.cache_used = {}
        self.kept, self.build_digest, self.digests, self.stage1, self.stage2 = {}, None, {}, {}, {}
        self.theme = None
        self.served, self.serving, self.env = None, None, None
        self.warnings = _WarningCount()
        logging.getLogger("mkdocs").addHandler(self.warnings)
        self.root = self._path(config, self.config.data_dir)
        if not self.root.is_dir():
            raise PluginError(catalogue.text("data_dir.missing", self.config.lang, root=self.root))
        if self.command == "serve" and self.memo is None:
            self.memo = DocumentMemo()
        read = self.memo.read if self.memo is not None else read_source
        result = validate_project(self.root, self.config.data_dir, read)
        if _refused(result, config.strict):
            report = as_text(result.diagnostics, result.file_count, self.config.lang)
            raise PluginError(
                catalogue.text("plugin.invalid_data", self.config.lang) + "\n" + report
            )
        self._log_findings(result.diagnostics)
        assert result.dataset is not None
        try:  # before MkDocs cleans site/: a missing 'dot' must not leave a half-built site
            dot_version()
        except GraphvizError as error:
            raise PluginError(f"pola-karir: {error.message(self.config.lang)}") from error
        try:
            limits = from_environment(os.environ)
        except LimitsError as error:
            raise PluginError(f"pola-karir: {error.message(self.config.lang)}") from error
        theme_note = match_theme_language(config.theme, self.config.lang)
        if theme_note is not None:
            log.info(theme_note)
        renderer = self._start_diagrams(config)
        diagrams: dict[str, str] = {}

        def on_page(page: ContentPage) -> None:
            renderer.add(page.diagrams)
            if self.command == "serve":
                diagrams[page.src] = live.diagram_digest(page)

        try:
            content = site_content(
                result.dataset,
                self.config.lang,
                limits,
                self.root,
                on_page,
                processes=max(1, self.config.concurrency),
                keep_diagrams=False,
            )
        except BaseException:
            self._end_build()  # no dot left running for pages that will not be built
            raise
        if self.command == "serve":
            published = {path: live.text_digest(text) for path, text in content.files.items()}
            lean = replace(content, files={})
            self.serving = (config, result.dataset, lean, diagrams, published)
        self.published = self._spool(content.files)
        self.content = replace(content, files={})
        self._say_why_no_history(self.content)
        self.sources = {p.src: p.source_file for p in self.content.pages if p.source_file}
        self.generated = frozenset(p.src for p in self.content.pages)
        self.blocks = {p.src: dict(p.html_blocks) for p in self.content.pages if p.html_blocks}
        if config.nav is None:
            with in_language(self.config.lang):
                config.nav = _nav_with_guides(config, self.content, self.root, self.config.lang)
        self._stand_alone(config)
        for asset in ASSETS:
            target = config.extra_css if asset.endswith(".css") else config.extra_javascript
            if f"assets/{asset}" not in [str(x) for x in target]:
                target.append(f"assets/{asset}")
        self._date_from_git(config)
        if self.command != "serve":
            self._stage(config)
        return config

    def _log_findings(self, diagnostics: Iterable[Diagnostic]) -> None:
        """The warnings and notes of a validation that let the build go on. Notes rest on
        tables the regulation text has not confirmed: shown at info level, so that
        `mkdocs build --strict` (which fails on logged warnings) never fails on them."""
        for finding in diagnostics:
            if finding.severity is Severity.ERROR:
                continue
            loc = finding.location
            log_at = log.warning if finding.severity is Severity.WARNING else log.info
            log_at(
                f"{loc.file}:{loc.line}:{loc.column}: [{finding.code}] "
                f"{message(finding, self.config.lang)}"
            )

    def _start_diagrams(self, config: MkDocsConfig) -> BackgroundRender:
        """The diagrams' renderer, started before the pages are made: each page's diagrams go
        to ``dot`` while the next pages are made, on the other core (on_pre_build waits for
        them). Its folder is the diagram cache, or the build's own without a cache."""
        cached = self.config.cache
        folder = self._path(config, self.config.cache_dir) if cached else self._scratch("svg")
        try:
            prepare_cache(folder)
        except CacheError as error:
            raise PluginError(f"pola-karir: {error.message(self.config.lang)}") from error
        jobs = max(1, self.config.concurrency)
        self.renderer = BackgroundRender(folder, jobs, cached=cached)
        return self.renderer

    def _spool(self, published: Mapping[str, str]) -> dict[str, Path]:
        """Write the published files (the open data: JSON, CSV, the data script, schemas) to
        the build's own folder, by site path: at tens of thousands of positions they are tens of
        megabytes each, which the build would otherwise hold until MkDocs copies them at the
        end, and every forked worker would inherit. MkDocs copies each file's bytes as they are,
        the same bytes it would write from the text (UTF-8)."""
        folder = self._scratch("published")
        spooled = {}
        for path, text in published.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
            spooled[path] = target
        return spooled

    def _stand_alone(self, config: MkDocsConfig) -> None:
        """What the generated pages need from any mkdocs.yml (see :mod:`mkdocs_standalone`):
        their Markdown extensions, edit links to the data files, no third-party request."""
        lang = self.config.lang
        added = standalone.add_extensions(config)
        if added:
            log.info(catalogue.text("plugin.extensions.added", lang, names=", ".join(added)))
        if self.config.edit_uri is None:
            base = Path(config.config_file_path).parent if config.config_file_path else Path()
            self.edit = standalone.edit_paths(
                self.root, Path(config.docs_dir), base, config.edit_uri, config.edit_uri_template
            )
            if self.edit.reason and (config.repo_url or config.edit_uri):
                log.info(catalogue.text(self.edit.reason, lang, docs_dir=config.docs_dir))
        if self.config.external_requests:
            self.privacy = standalone.Privacy()
            return
        self.privacy = standalone.keep_requests_home(config)
        for done, key in (
            (self.privacy.fonts_off, "plugin.privacy.fonts_off"),
            (self.privacy.highlight_off, "plugin.privacy.highlight_off"),
            (self.privacy.repository_facts, "plugin.privacy.repository_facts"),
            (self.privacy.remote_emoji, "plugin.privacy.remote_emoji"),
        ):
            if done:
                log.info(catalogue.text(key, lang))

    def _say_why_no_history(self, content: SiteContent) -> None:
        """The Riwayat perubahan page says why it has no history; the build log says it too,
        with git's own words (which may name this machine's folders, so never on the page).
        Info, not a warning: a site without history is still a good site."""
        history, lang = content.history, self.config.lang
        if history is None or history.reason is None:
            return
        reason = unavailable_text(history, lang)
        if history.detail:
            detail = shown(history.detail)  # git's words may hold control characters
            reason = catalogue.text("riwayat.log.unavailable", lang, reason=reason, detail=detail)
        log.info(reason)

    def _date_from_git(self, config: MkDocsConfig) -> None:
        """Date the build (the sitemap's ``lastmod``, MkDocs' ``build_date_utc``) by the last
        commit of the data, the docs or mkdocs.yml, unless ``SOURCE_DATE_EPOCH`` is set: the same
        commit then builds the same bytes on any day. Undone after the build."""
        if "SOURCE_DATE_EPOCH" in os.environ or not config.config_file_path:
            return
        base = Path(config.config_file_path).parent
        paths = [str(self.root), str(Path(config.docs_dir)), config.config_file_path]
        epoch = publish.source_date_epoch(base, paths)
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
            self.epoch_set = True
            log.info(catalogue.text("publish.date.from_git", self.config.lang, epoch=epoch))

    def _stage(self, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)

        def waiting() -> None:
            log.info(catalogue.text("publish.lock.waiting", self.config.lang, site=site))

        try:
            self.publication = publish.begin(site, on_wait=waiting)
        except publish.PublishError as error:
            raise PluginError(f"pola-karir: {error.message(self.config.lang)}") from error
        config.site_dir = str(self.publication.staging)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.content is not None
        # The YAML is the plugin's input, published as open data: when the data folder lies in
        # docs_dir (or is docs_dir, for a project without hand-written pages) its files are
        # not also copied into the site as they are.
        for file in [f for f in files if standalone.under(f.abs_src_path, self.root)]:
            files.remove(file)
        for page in self.content.pages:
            if files.get_file_from_path(page.src) is None:
                # Position pages are reached from indexes, diagrams and search, not the nav:
                # marked so MkDocs does not list hundreds of them as "not in nav".
                generated = File.generated(
                    config, page.src, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV
                )
                # MkDocs makes the page's edit link from this path, as for a hand-written page.
                source = self.sources.get(page.src)
                generated.edit_uri = self.edit.of(source) if source else None
                files.append(generated)
        for path, spooled in self.published.items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, abs_src_path=str(spooled)))
        package = resources.files("pola_karir.site") / "assets"
        for asset in (*ASSETS, *LICENCES):
            text = (package / asset).read_text(encoding="utf-8")
            files.append(File.generated(config, f"assets/{asset}", content=text))
        # MkDocs' files hold the pages now, and the diagrams were rendered (on_pre_build):
        # the pages' own copy (with every diagram's DOT source) is not kept for the build.
        self.content = replace(self.content, pages=())
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Wait for the diagrams (rendered in parallel ``dot`` processes, cached, since the
        pages were made in on_config) before anything is written, so that no failure can leave
        a half-built site."""
        renderer = self.renderer
        assert renderer is not None
        self.renderer = None
        try:
            self.svgs, self.last_stats = renderer.finish()
            if self.config.cache:
                self.cache_used[""] = set(self.last_stats.entries)
        except (GraphvizError, CacheError) as error:
            raise PluginError(f"pola-karir: {error.message(self.config.lang)}") from error
        finally:
            renderer.close()
        serving = self.command == "serve" and self.config.fast_paths and not self.dirty
        if serving and self.previous is not None:
            # Last of this handler: nothing after it fails before MkDocs would empty the folder.
            prefix = f"{BUILD_FOLDER}{os.getpid()}-"
            self.aside = keep.set_aside(Path(config.site_dir), prefix)
            if self.aside is None:
                log.info(catalogue.text("render.kept.off.folder", self.config.lang))
                self.previous = None

    @event_priority(-100)  # last: every page holds its HTML, every other plugin is ready
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Keep the final collection of files (after every plugin's on_files): on_post_page,
        which resolves the links in diagrams, is not given it. Then render the generated
        pages ahead (:mod:`pola_karir.mkdocs_render_ahead`)."""
        self.files, self.env = files, env
        if self.config.fast_paths and self.nav is not None and not self.dirty:
            self._render_ahead(env, config, files)
        self._restore_unrendered(files)
        return env

    def _restore_unrendered(self, files: Files) -> None:
        """The HTML of the pages whose HTML stayed in their stage-1 entries (see on_nav) and
        that were not rendered ahead after all: MkDocs renders them itself, from the page."""
        stored, self.stored, self.embedded = self.stored, {}, {}
        for src, (folder, key) in stored.items():
            file = files.get_file_from_path(src)
            if src in self.ready or file is None or file.page is None:
                continue
            html = fastpath.stored_html(folder, key)
            if html is None:
                where = folder / f"{key}.json"
                raise PluginError(
                    catalogue.text("render.entry_changed", self.config.lang, path=where)
                )
            file.page.content = html

    def _render_ahead(self, env: Any, config: MkDocsConfig, files: Files) -> None:
        """Every generated page rendered ahead, on every core, or taken from the cache; MkDocs
        then renders an empty template for it, and on_post_page hands over the HTML."""
        assert self.nav is not None
        lang = self.config.lang
        others = ahead.other_handlers(config, self)
        if others:
            log.info(catalogue.text("render.off.plugins", lang, names=", ".join(others)))
            return
        search = ahead.search_plugin(config)
        if not ahead.search_usable(search):
            log.info(catalogue.text("render.off.search", lang))
            return
        serving = self.command == "serve"  # MkDocs builds the drafts too, for the preview
        inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
        doc_files = files.documentation_pages(inclusion=inclusion)
        pages = [
            f.page
            for f in doc_files
            if f.page is not None
            and f.generated_by
            and f.src_uri in self.generated
            and not f.inclusion.is_excluded()  # type: ignore[no-untyped-call]
        ]
        cache_dir = None
        if self.config.cache and self.page_keys:
            cache_dir = self._path(config, self.config.cache_dir) / "rendered"
        result = ahead.render_ahead(
            pages,
            config,
            self.nav,
            doc_files,
            env,
            stage1=self.page_keys,
            svgs=self.svgs.digests(),
            sources=self.sources,
            cache_dir=cache_dir,
            scratch=self._scratch("rendered"),
            release=lambda done: _release(files, done),
            theme=self.theme,
            stored=self.stored,
            embedded=self.embedded,
        )
        self.ready, self.last_rendered = result.pages, result.stats
        if result.stats.search_off:  # once per build: every page's entries through Material
            log.info(catalogue.text(f"render.search.off.{result.stats.search_off}", lang))
        if self.build_digest is not None:
            self.stage2 = {
                src: (r.entries, tuple(r.records))
                for src, r in result.pages.items()
                if src in self.digests
            }
        if cache_dir is not None:
            self.cache_used["rendered"] = {
                r.path.name for r in self.ready.values() if r.path.parent == cache_dir
            }
        for page in pages:
            if page.file.src_uri in self.ready:
                self.templates[page.file.src_uri] = page.meta.get("template")
                page.meta["template"] = ahead.READY_TEMPLATE
        env.loader = ChoiceLoader([DictLoader({ahead.READY_TEMPLATE: ""}), env.loader])
        index = ahead.search_index(search)
        if index is not None and (self.ready or self.kept):
            self._feed_search(index, [f.src_uri for f in files if f.is_documentation_page()])

    def _feed_search(self, index: Any, order: list[str]) -> None:
        """The search index takes a page rendered ahead's entries as they are, and a kept
        page's (:mod:`pola_karir.mkdocs_keep`) where a full build adds them (``order``: the
        files in MkDocs' order; a page it does not build is never asked for)."""
        original, ready = index.add_entry_from_context, self.ready
        feed = keep.Entries(order, self.kept)

        def add_entry_from_context(page: Page) -> None:
            feed.before(page.file.src_uri, index.entries)
            rendered = ready.get(page.file.src_uri)
            if rendered is None:
                original(page)
            else:
                index.entries.extend(rendered.entries)

        index.add_entry_from_context = add_entry_from_context
        self.wrapped = ("add_entry_from_context",)
        if self.kept:
            generate = index.generate_search_index

            def generate_search_index(prev: Any) -> Any:
                feed.before(None, index.entries)
                return generate(prev)

            index.generate_search_index = generate_search_index
            self.wrapped += ("generate_search_index",)
        self.search_index = index

    @event_priority(-100)  # last: the files and the nav are final
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """The fast paths (:mod:`pola_karir.mkdocs_fastpath`): every generated page converted
        ahead, on every core, or taken from the cache. The final nav is kept for rendering
        ahead (on_env), which may run without this stage (then without a cache)."""
        assert self.content is not None
        lang = self.config.lang
        if not self.config.fast_paths:
            return nav
        self.nav = nav
        others = fastpath.other_page_handlers(config, self)
        if others:
            log.info(catalogue.text("fastpath.off.plugins", lang, names=", ".join(others)))
            return nav
        cache_dir = None
        if self.config.cache:
            impure = fastpath.impure_extensions(config)
            if impure:
                log.info(catalogue.text("fastpath.cache.off", lang, names=", ".join(impure)))
            else:
                cache_dir = self._path(config, self.config.cache_dir) / "pages"
        if not fastpath.fork_available():
            log.info(catalogue.text("fastpath.one_process", lang))
        kept = self._keep(config, files, nav)
        pages = {src: self.blocks.get(src, {}) for src in sorted(self.generated) if src not in kept}
        store = self._scratch("pages") if self._will_render_ahead(config) else None
        result = fastpath.prepare(
            pages, config, files, self._page_content, lang=lang, cache_dir=cache_dir, store=store
        )
        self.prepared = result.pages
        if self.build_digest is not None:
            self.stage1 = {
                src: (tuple(p.anchors), p.links, tuple(p.records))
                for src, p in result.pages.items()
                if src in self.digests
            }
        self.stored, self.embedded = result.entries, result.diagrams
        # A page prepared ahead has its blocks in; MkDocs' plain path needs the others' only.
        self.blocks = {src: b for src, b in self.blocks.items() if src not in self.prepared}
        self.last_pages = result.stats
        self._say_why_not_direct(result.stats)
        self.page_keys = result.keys
        if cache_dir is not None:
            self.cache_used["pages"] = {f"{key}.json" for key in result.keys.values() if key}
        return nav

    def _keep(self, config: MkDocsConfig, files: Files, nav: Navigation) -> dict[str, keep.Kept]:
        """In ``mkdocs serve``: the generated pages the last rebuild made exactly as this one
        would (:mod:`pola_karir.mkdocs_keep`), hidden from MkDocs' page loops; and what the next
        rebuild needs to know of this one. Nothing is kept where stage 2 would not run."""
        if self.command != "serve" or self.dirty or not _ahead_possible(config, self):
            return {}
        svgs, nav_pages = self.svgs.digests(), keep.in_nav(nav)
        self.digests = {
            f.src_uri: keep.page_digest(
                f, self.blocks.get(f.src_uri, {}), self.sources.get(f.src_uri, ""), svgs
            )
            for f in files
            if f.src_uri in self.generated and keep.keepable(f, nav_pages)
        }
        self.theme = ahead.theme_digest(config.theme.dirs, config.theme.static_templates)
        lang = self.config.lang
        self.build_digest = keep.build_digest(config, files, nav, lang, self.theme)
        previous, aside = self.previous, self.aside
        if previous is None or aside is None:
            return {}
        if previous.build != self.build_digest:
            log.info(catalogue.text("render.kept.off.build", self.config.lang))
            return {}
        kept = keep.choose(previous, self.digests, files, aside)
        keep.hide(files, frozenset(kept))
        for src, page in kept.items():
            file = files.get_file_from_path(src)
            assert file is not None  # chosen among the files
            keep.stand_in(file, config, page, files)
        self.kept = kept
        return kept

    def _will_render_ahead(self, config: MkDocsConfig) -> bool:
        """Whether the pages will be rendered ahead (on_env): only then is the pages' HTML left
        in their stage-1 entries rather than on MkDocs' pages, where no one but the workers
        rendering ahead reads it; another plugin's on_env might, so it keeps them on the page."""
        return (
            not self.dirty
            and _ahead_possible(config, self)
            and not fastpath.other_page_handlers(config, self, ("env",))
        )

    def _say_why_not_direct(self, stats: fastpath.Stats) -> None:
        """Why the generated pages went through MkDocs' own conversion, when there were pages
        to convert: at info level (the site is the same, so ``--strict`` must not fail)."""
        reasons, lang = stats.direct_off, self.config.lang
        if not reasons or not (stats.converted or stats.canary):
            return
        if reasons == ("canary",):
            log.info(catalogue.text("fastpath.direct.off.canary", lang))
        else:
            names = ", ".join(reasons)
            log.info(catalogue.text("fastpath.direct.off.config", lang, reasons=names))

    @event_priority(100)  # before mkdocs-macros, which reads the flag in its own handler
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Mark the generated pages so mkdocs-macros leaves them as they are (see
        :data:`mkdocs_standalone.NO_MACROS`). A page prepared ahead gives MkDocs nothing to
        convert; on_page_content hands over the prepared page."""
        assert self.content is not None
        src = page.file.src_uri
        if page.file.generated_by and src in self.generated:
            page.meta.update(standalone.NO_MACROS)
            if src in self.prepared:
                self.originals[src] = markdown
                # MkDocs has read the generated file; its text (the Markdown again, with the
                # front matter) is not read again in this build: not kept for the whole build.
                page.file.content_string = ""
                return ""
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        src = page.file.src_uri
        prepared = self.prepared.pop(src, None)
        if prepared is not None and src in self.originals:
            return fastpath.apply(prepared, page, files, self.originals.pop(src))
        return self._page_content(html, page, files, config)

    def _page_content(self, html: str, page: Page, files: Files, config: MkDocsConfig) -> str:
        """The plugin's work on a page's HTML: the ready-made blocks in, the tables stacked."""
        blocks = self.blocks.get(page.file.src_uri)
        if blocks:
            html = self._resolve(embed_blocks(html, blocks), page, files, config)
        return stack_tables(html)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Embed SVG into the finished page: after search indexing and Markdown, both of which
        would otherwise parse every SVG element. A page rendered ahead is handed over as it
        came out of that, with the log records it wrote."""
        src = page.file.src_uri
        rendered = self.ready.pop(src, None)
        if rendered is not None:
            template = self.templates.pop(src, None)
            if template is None:
                page.meta.pop("template", None)
            else:
                page.meta["template"] = template
            ahead.replay(rendered.records)
            html = ahead.read_html(rendered)
            if html is None:
                where = rendered.path
                raise PluginError(
                    catalogue.text("render.entry_changed", self.config.lang, path=where)
                )
            return html
        if self.privacy.repository_facts:
            output = standalone.hide_repository_facts(output)
        files = self.files
        if 'data-pk-diagram="' not in output or files is None:
            return output

        def links(svg: str) -> str:
            return self._resolve(svg, page, files, config)

        try:
            with in_language(self.config.lang):  # the zoom tools' words
                return embed_diagrams(output, self.svgs, links)
        except CacheError as error:  # the build stops; on_build_error discards what it wrote
            raise PluginError(f"pola-karir: {error.message(self.config.lang)}") from error

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """The theme's own pages (404.html) carry the same header as every page."""
        if self.privacy.repository_facts:
            return standalone.hide_repository_facts(output_content)
        return output_content

    def _resolve(self, html: str, page: Page, files: Files, config: MkDocsConfig) -> str:
        """Replace the core's :func:`urls.ref` tokens in HTML that MkDocs does not process
        (ready-made blocks, SVG) by the URL MkDocs gives each file, relative to ``page``; only
        the HTML the core made is searched, never the theme's."""

        def url_for(src: str) -> str | None:
            target = files.get_file_from_path(src)
            if target is None and urls.ANY_ID in src:
                # A link template, filled in by a script: mapped the way MkDocs maps the page
                # it stands for, though no such file exists.
                target = File(src, None, config.site_dir, config.use_directory_urls)
            if target is None:
                log.warning(
                    catalogue.text(
                        "plugin.missing_link", self.config.lang, page=page.file.src_uri, src=src
                    )
                )
                return None
            return target.url_relative_to(page.file)

        return urls.resolve_refs(html, url_for)

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """The plugin's own ``edit_uri`` (the data folder's path under repo_url), when set,
        replaces the edit link MkDocs made from the file's edit path (see on_files)."""
        source = self.sources.get(page.file.src_uri)
        edit_uri = self.config.edit_uri
        if source and page.file.generated_by and edit_uri is not None:
            base = (config.repo_url or "").rstrip("/") + "/"
            page.edit_url = urljoin(base, f"{edit_uri.strip('/')}/{source}")
        return context

    @event_priority(-100)  # last, after every plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.command == "serve":
            self._finish_serve(config)
        if (diagrams := self.last_stats) is not None:
            self._say_stats(
                "site.build.diagram_stats",
                ("publish.cache.rejected", diagrams.rejected),
                rendered=diagrams.rendered,
                cached=diagrams.cached,
            )
        if (pages := self.last_pages) is not None:
            self._say_stats(
                "fastpath.stats",
                ("fastpath.rejected", pages.rejected),
                converted=pages.converted,
                workers=pages.workers,
                cached=pages.cached,
            )
            if pages.converted:
                counts = {
                    "direct": pages.direct,
                    "fallback": pages.fallback,
                    "canary": pages.canary,
                }
                log.info(catalogue.text("fastpath.direct.stats", self.config.lang, **counts))
        if (done := self.last_rendered) is not None:
            self._say_stats(
                "render.stats",
                ("render.rejected", done.rejected),
                rendered=done.rendered,
                workers=done.workers,
                cached=done.cached,
            )
            if done.search_direct or done.search_canary or done.search_off:  # search is on
                counts = {
                    "direct": done.search_direct,
                    "material": done.rendered - done.search_direct,
                    "canary": done.search_canary,
                }
                log.info(catalogue.text("render.search.stats", self.config.lang, **counts))
        publication = self.publication
        if publication is None:
            self._prune_cache(config)
            self._end_build()
            return
        if config.strict and self.warnings is not None and self.warnings.count:
            return  # MkDocs aborts right after this hook; on_build_error discards the build
        self.publication = None
        config.site_dir = str(publication.site)  # for gh-deploy, which reads it next
        try:
            publish.finish(publication)
        except publish.PublishError as error:
            raise PluginError(f"pola-karir: {error.message(self.config.lang)}") from error
        finally:
            self._end_build()
        log.info(catalogue.text("publish.done", self.config.lang, site=publication.site))
        self._prune_cache(config)

    def _finish_serve(self, config: MkDocsConfig) -> None:
        """The kept pages back in the served folder, as a full build leaves them (see
        :mod:`pola_karir.mkdocs_keep`); the folder set aside deleted in the background; and
        what the next rebuild may keep from this one."""
        site, files = Path(config.site_dir), self.files
        if self.aside is not None and files is not None:
            aside, self.aside = self.aside, None
            failed = keep.restore(aside, site, [page.dest for page in self.kept.values()])
            self.sweeper.sweep(aside.parent)
            if failed:
                self.previous = None
                names = ", ".join(failed[:3])
                raise PluginError(
                    catalogue.text("render.kept.restore_failed", self.config.lang, paths=names)
                )
        if self.kept and files is not None:
            for page in self.kept.values():
                ahead.replay(page.records)
            level = config.validation.links.anchors
            for src in self.kept:
                file = files.get_file_from_path(src)
                if file is not None and file.page is not None:
                    file.page.validate_anchor_links(files=files, log_level=level)
            if keep.SITEMAP in config.theme.static_templates:
                pages = [f.page for f in files.documentation_pages() if f.page is not None]
                keep.rewrite_sitemap_gz(site, pages)
            built = len(self.generated) - len(self.kept)
            log.info(
                catalogue.text("render.kept", self.config.lang, kept=len(self.kept), built=built)
            )
        self.previous = self._remember(files)
        self.served = self._served(config)

    def _served(self, config: MkDocsConfig) -> live.Served | None:
        """What this build leaves for updating the served folder without MkDocs
        (:mod:`pola_karir.mkdocs_live`); None where that path would not make what a build makes:
        without the fast paths or the diagram cache, with another plugin's page handlers, a
        theme whose pages show the build's time, or ``--strict`` (MkDocs counts the warnings of
        a build, and aborts it on any)."""
        serving, self.serving = self.serving, None
        files, nav, env = self.files, self.nav, self.env
        if serving is None or files is None or nav is None or env is None or self.dirty:
            return None
        if not self.config.cache or self.theme is None or self.theme[1] or config.strict:
            return None
        if fastpath.other_page_handlers(config, self) or not _ahead_possible(config, self):
            return None
        built, dataset, content, diagrams, published = serving
        if built is not config:
            return None
        date = get_build_date()
        return live.Served(config, files, nav, env, dataset, content, diagrams, published, date)

    def _remember(self, files: Files | None) -> keep.Previous | None:
        """What the next rebuild may keep from this one: the pages kept again, and those built
        through both stages."""
        if self.build_digest is None or files is None:
            return None
        pages = dict(self.kept)
        for src, digest in self.digests.items():
            one, two = self.stage1.get(src), self.stage2.get(src)
            file = files.get_file_from_path(src)
            if src in pages or one is None or two is None or file is None:
                continue
            anchors, links, records = one
            entries, rendered = two
            records += rendered
            pages[src] = keep.Kept(digest, file.dest_uri, anchors, links, records, entries)
        return keep.Previous(self.build_digest, pages)

    def _say_stats(self, key: str, rejected: tuple[str, int], **counts: int) -> None:
        """One stage's counts at info level, and how many cache entries it found spoilt."""
        log.info(catalogue.text(key, self.config.lang, **counts))
        rejected_key, count = rejected
        if count:
            log.info(catalogue.text(rejected_key, self.config.lang, count=count))

    def _prune_cache(self, config: MkDocsConfig) -> None:
        """After a build that succeeded: each cache folder drops the entries no recent build
        used once it holds several times what this one used (:mod:`pola_karir.site.cache_prune`)."""
        if not self.config.cache:
            return
        root = self._path(config, self.config.cache_dir)
        suffixes = {"": ".svg", "pages": ".json", "rendered": ".html"}
        for folder, used in self.cache_used.items():
            if self.kept and folder:
                continue  # the kept pages' entries are in use, though this build read none
            prune(root / folder, used, suffixes[folder])

    @event_priority(-100)  # last: the other plugins' handlers run before this one may raise
    def on_build_error(self, *, error: Exception) -> None:
        """Discard the staging folder; the published site stays as it was. A failure to write
        (a full disk, no permission) would reach the user as a traceback: it is told as one
        message instead, with what the system said and the file."""
        publication = self.publication
        self.publication = None
        if publication is not None:
            publish.abandon(publication)
        if self.aside is not None:  # the served folder is half-written: the next build is whole
            self.sweeper.sweep(self.aside.parent)
            self.aside, self.previous = None, None
        self.served, self.serving = None, None
        self._end_build()
        if isinstance(error, OSError) and publication is not None:
            raise PluginError(
                "pola-karir: "
                + catalogue.text(
                    "publish.write_failed",
                    self.config.lang,
                    reason=publish.describe(error),
                    site=publication.site,
                )
            ) from error

    def on_shutdown(self) -> None:
        if self.publication is not None:  # a build stopped without either hook
            publish.abandon(self.publication)
            self.publication = None
        if self.aside is not None:
            self.sweeper.sweep(self.aside.parent)
            self.aside = None
        self.previous = None
        self.wait_for_live()
        self.sweeper.finish()
        self._end_build()

    def _scratch(self, name: str) -> Path:
        """A folder of this build's own (``name`` in the build's temporary folder), for what
        is kept in files rather than in memory; deleted when the build ends, failed or not."""
        if self.scratch is None:
            _remove_orphans(Path(tempfile.gettempdir()))
            self.scratch = Path(tempfile.mkdtemp(prefix=f"{BUILD_FOLDER}{os.getpid()}-"))
        folder = self.scratch / name
        folder.mkdir(exist_ok=True)
        return folder

    def _end_build(self) -> None:
        """Stop counting warnings, give back the environment's SOURCE_DATE_EPOCH and the search
        index's own method, and delete the build's own folder (pages rendered ahead without a
        cache, diagrams without a cache, the open data)."""
        if self.renderer is not None:  # a build that stopped before its diagrams were needed
            self.renderer.close()
            self.renderer = None
        if self.search_index is not None:
            for name in self.wrapped:
                delattr(self.search_index, name)
            self.search_index, self.wrapped = None, ()
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            self.warnings = None
        if self.epoch_set:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            self.epoch_set = False

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        server.watch(str(self.root))
        if self.config.fast_paths and not self.dirty and live.usable(server):
            self.watched, self.server = live.snapshot(_watched(server)), server
            server.builder = self._live_builder(server, server.builder)
        return server

    def _live_builder(self, server: LiveReloadServer, builder: Callable[..., None]) -> Any:
        """MkDocs' builder, preceded by the fast path (:mod:`pola_karir.mkdocs_live`): when
        only data files changed since the last build, the served folder is updated without
        MkDocs; anything else, or anything the fast path cannot do as a build would, goes to
        MkDocs' build as always."""

        def build(config: MkDocsConfig | None = None) -> None:
            self.wait_for_live()  # a new change starts from the last one, wholly applied
            now = live.snapshot(_watched(server))
            before, self.watched = self.watched, now
            if config is None and before is not None and self._update_live(before, now):
                return
            builder() if config is None else builder(config)

        return build

    def _update_live(self, before: live.Snapshot, now: live.Snapshot) -> bool:
        """Update the served folder for a data-only change without MkDocs' build; False (and
        the reason, once, at info level) when MkDocs' build must make it."""
        changed, served, lang = live.changed_paths(before, now), self.served, self.config.lang
        if not changed:  # the watcher told of a change already served (a save seen twice)
            return served is not None
        if not live.only_under(changed, self.root):
            return False  # not data only: MkDocs' own rebuild
        if served is None:
            log.info(catalogue.text("live.off.last_build", lang))
            return False
        edited = [os.path.relpath(path, self.root).replace(os.sep, "/") for path in changed]
        try:
            reason = self._apply_live(served, edited)
        except Exception as error:  # MkDocs' build reports what it finds
            self.served = None
            log.info(catalogue.text("live.off.error", lang, error=shown(str(error))))
            return False
        finally:
            if self.background is None:  # else it ends the build when it is done
                self._end_build()
        if reason is not None:
            log.info(catalogue.text(reason, lang))
            return False
        return True

    def _apply_live(self, served: live.Served, edited: list[str]) -> str | None:
        """The fast path's steps (see :mod:`pola_karir.mkdocs_live`); the catalogue key of
        why MkDocs' build must run instead, or None when the pages drawn from the edited files
        are served (the rest follows in the background, :meth:`_finish_live`)."""
        config = served.config
        read = self.memo.read if self.memo is not None else read_source
        result = validate_project(self.root, self.config.data_dir, read)
        if _refused(result, config.strict) or result.dataset is None:
            return "live.off.invalid"  # MkDocs' build reports it, as it always has
        dataset = result.dataset
        ahead = self._pages_ahead(served, dataset)
        if ahead:
            self._log_findings(result.diagnostics)
            self._date_from_git(config)
            if get_build_date() != served.date:
                return "live.off.date"
            return self._serve_ahead(served, dataset, edited, ahead)
        update = self._content_update(served, dataset, edited)
        if update is None:
            return "live.off.pages"
        self._log_findings(result.diagnostics)
        self._date_from_git(config)
        if get_build_date() != served.date:
            return "live.off.date"
        pages = {page.src: page for page in update.content.pages}
        reason = _live_refusal(served, update, pages)
        if reason is not None:
            return reason
        sources = {page.src: page.source_file for page in update.content.pages}
        first = [src for src in update.changed if sources[src] in edited] or list(update.changed)
        rest = [src for src in update.changed if src not in first]
        self._prepare_live(served, update, pages)
        entries = self._render_pages(served, pages, first)
        stage = _Stage(served, dataset, update, pages, tuple(rest), entries)
        # The search index (megabytes of JSON at thousands of pages) and the open data too:
        # the edited page is served while they are written.
        self.background = threading.Thread(
            target=self._finish_in_background, args=(stage,), daemon=True
        )
        self.background.start()
        return None

    def _pages_ahead(self, served: live.Served, dataset: Dataset) -> tuple[ContentPage, ...] | None:
        """The pages of the edited files' records, made before the rest of the update
        (:func:`incremental.edited_pages`); None when the update is not bounded that way."""
        return incremental.edited_pages(
            served.dataset,
            dataset,
            served.content,
            self.config.lang,
            from_environment(os.environ),
            self.root,
        )

    def _serve_ahead(
        self,
        served: live.Served,
        dataset: Dataset,
        edited: list[str],
        ahead: tuple[ContentPage, ...],
    ) -> str | None:
        """Render and serve the edited files' pages at once; the rest of the update is made
        and rendered in the background (:meth:`_finish_ahead`). An edit of a position's name
        reaches hundreds of pages at thousands of positions, the open data and the annex among
        them: the editor's page need not wait for them to be made."""
        srcs = tuple(page.src for page in ahead)
        pages = {page.src: page for page in ahead}
        made = {page.src: page for page in served.content.pages} | pages
        early = live.Update(replace(served.content, pages=tuple(made.values())), srcs, False)
        reason = _live_refusal(served, early, pages)
        if reason is not None:
            return reason
        self._prepare_live(served, early, pages)
        entries = self._render_pages(served, pages, list(srcs))
        stage = _Ahead(served, dataset, tuple(edited), pages, entries)
        self.background = threading.Thread(
            target=self._finish_in_background, args=(stage,), daemon=True
        )
        self.background.start()
        return None

    def _finish_ahead(self, stage: _Ahead) -> _Stage:
        """The rest of an update whose edited pages are served: every page the edit reaches,
        made and compared (the pages served ahead again only if they came out otherwise)."""
        served, done = stage.served, stage.pages
        update = self._content_update(served, stage.dataset, list(stage.edited))
        if update is None:
            raise _LiveRefused("live.off.pages")
        pages = {page.src: page for page in update.content.pages}
        reason = _live_refusal(served, update, pages)
        if reason is not None:
            raise _LiveRefused(reason)
        rest = tuple(
            src
            for src in update.changed
            if src not in done or pages[src].markdown != done[src].markdown
        )
        self._prepare_live(served, update, pages)
        entries = {src: found for src, found in stage.entries.items() if src not in rest}
        return _Stage(served, stage.dataset, update, pages, rest, entries)

    def _finish_in_background(self, stage: _Stage | _Ahead) -> None:
        """:meth:`_finish_live` after the edited pages were served; the browsers are told to
        reload once more when it is done (the search index, the other changed pages). A failure
        leaves the served folder half-updated: the next rebuild is MkDocs' own, asked for at
        once."""
        server = self.server
        try:
            self._finish_live(self._finish_ahead(stage) if isinstance(stage, _Ahead) else stage)
        except Exception as error:  # MkDocs' build makes the whole site again
            self.served = None
            if isinstance(error, _LiveRefused):
                log.info(catalogue.text(error.key, self.config.lang))
            else:
                error_text = shown(str(error))
                log.info(catalogue.text("live.off.error", self.config.lang, error=error_text))
            if server is not None:
                live.request_rebuild(server)
            return
        finally:
            self._end_build()
        if server is not None:
            live.reload_browsers(server)

    def _finish_live(self, stage: _Stage) -> None:
        """The remaining changed pages, the search index with every changed page's new
        entries, the published files that changed; then what the next change starts from."""
        served, update, pages = stage.served, stage.update, stage.pages
        entries = dict(stage.entries)
        entries.update(self._render_pages(served, pages, list(stage.rest)))
        index = ahead.search_index(ahead.search_plugin(served.config))
        if index is not None:
            for src, new in entries.items():
                file = served.files.get_file_from_path(src)
                assert file is not None and file.page is not None  # see _live_refusal
                if not live.replace_entries(index.entries, file.page.url, new):
                    raise PluginError(catalogue.text("live.off.search", self.config.lang))
            data = index.generate_search_index(None)
            target = Path(served.config.site_dir) / "search" / "search_index.json"
            live.write_atomic(target, data.encode("utf-8"))
        published = {p: live.text_digest(t) for p, t in update.content.files.items()}
        published = published or dict(served.published)  # none made again: all as served
        for path, text in update.content.files.items():
            if served.published.get(path) != published[path]:
                file = served.files.get_file_from_path(path)
                assert file is not None  # see _live_refusal
                live.write_atomic(Path(file.abs_dest_path), text.encode("utf-8"))
        lean = tuple(replace(page, diagrams=()) for page in update.content.pages)
        content = replace(update.content, files={}, pages=lean)
        diagrams = dict(served.diagrams)
        diagrams.update(
            {src: live.diagram_digest(pages[src]) for src in update.changed if pages[src].diagrams}
        )
        self.served = replace(
            served,
            dataset=stage.dataset,
            content=content,
            diagrams=diagrams,
            published=published,
        )
        if self.previous is not None:  # their HTML is not what stage 3 would keep any more
            kept = {k: v for k, v in self.previous.pages.items() if k not in update.changed}
            self.previous = replace(self.previous, pages=kept)
        count = len(update.changed)
        log.info(catalogue.text("live.done", self.config.lang, pages=count))

    def wait_for_live(self) -> None:
        """Wait for the background stage of the last change, if any is running."""
        if self.background is not None:
            self.background.join()
            self.background = None

    def _content_update(
        self, served: live.Served, dataset: Dataset, edited: list[str]
    ) -> live.Update | None:
        """The new content and the pages that changed in it; None when anything build-wide
        changed. Made again only where the edit can show (:func:`incremental.update_content`);
        where that cannot be bounded, made again in full and compared page by page
        (:func:`pola_karir.mkdocs_live.compare`)."""
        limits = from_environment(os.environ)
        remade: dict[str, ContentPage] = {}
        update = incremental.update_content(
            served.dataset,
            dataset,
            served.content,
            self.config.lang,
            limits,
            self.root,
            lambda page: remade.__setitem__(page.src, page),
            processes=max(1, self.config.concurrency),
            keep_diagrams=False,
        )
        if update is None:
            return self._content_remade(served, dataset, edited, limits)
        # The pages made again with their diagrams (the old ones are kept without): the
        # changed ones go to dot, and a page showing a redrawn diagram is changed too.
        pages = tuple(remade.get(page.src, page) for page in update.content.pages)
        redrawn = {
            diagram.name
            for page in remade.values()
            if served.diagrams.get(page.src) != live.diagram_digest(page)
            for diagram in page.diagrams
        }
        changed = live.with_embedding(update.changed, pages, redrawn)
        content = replace(update.content, pages=pages)
        if not update.files_changed:  # the open data as it is served (not held in memory)
            return live.Update(replace(content, files={}), changed, False)
        return _with_files(served, content, changed)

    def _content_remade(
        self, served: live.Served, dataset: Dataset, edited: list[str], limits: Limits
    ) -> live.Update | None:
        """:meth:`_content_update` the long way: every page made again and compared."""
        content = site_content(
            dataset,
            self.config.lang,
            limits,
            self.root,
            processes=max(1, self.config.concurrency),
        )
        changed = live.compare(served.content, served.diagrams, content, edited)
        return None if changed is None else _with_files(served, content, changed)

    def _prepare_live(
        self, served: live.Served, update: live.Update, pages: Mapping[str, ContentPage]
    ) -> None:
        """What the plugin's page handlers read, for the changed pages: their diagrams
        (rendered, or from the cache), blocks, data files; the last build's files."""
        diagrams = [d for src in update.changed for d in pages[src].diagrams]
        folder = self._path(served.config, self.config.cache_dir)
        store, _ = render_to_store(diagrams, folder, max(1, self.config.concurrency))
        self.svgs = SvgStore({**self.svgs.entries, **store.entries})
        self.files, self.prepared, self.ready, self.originals = served.files, {}, {}, {}
        self.blocks = {src: dict(pages[src].html_blocks) for src in update.changed}
        self.sources = {p.src: p.source_file for p in update.content.pages if p.source_file}

    def _render_pages(
        self, served: live.Served, pages: Mapping[str, ContentPage], srcs: list[str]
    ) -> dict[str, list[dict[str, Any]]]:
        """``srcs`` rendered as MkDocs renders them (its own populate and build steps, every
        plugin's handlers, this plugin's plain path), each written beside its file and renamed
        over it; the search entries each made, by src (the index itself is left as it was)."""
        config, files, nav, env = served.config, served.files, served.nav, served.env
        doc_files = Files.documentation_pages(files, inclusion=InclusionLevel.is_in_serve)
        index = ahead.search_index(ahead.search_plugin(config))
        entries: dict[str, list[dict[str, Any]]] = {}
        for src in srcs:
            file = files.get_file_from_path(src)
            assert file is not None and file.page is not None  # see _live_refusal
            file.content_string = pages[src].markdown
            mkdocs_build._populate_page(file.page, config, files)
            target = Path(file.abs_dest_path)
            written = target.with_name(f".pk-live-{target.name}")
            vars(file)["abs_dest_path"] = str(written)  # MkDocs' own write, then one rename
            held: list[dict[str, Any]] = []
            if index is not None:
                held, index.entries = index.entries, []
            try:
                mkdocs_build._build_page(file.page, config, doc_files, nav, env)
            finally:
                del vars(file)["abs_dest_path"]
                if index is not None:
                    entries[src], index.entries = index.entries, held
            written.replace(target)
            _release(files, [src])
        return entries


def _ahead_possible(config: MkDocsConfig, plugin: BasePlugin[Any]) -> bool:
    """Whether on_env will render the pages ahead: no other plugin's page handlers would be
    left out, and the search plugin is the one whose entries it keeps. What on_nav decides
    ahead of it (pages kept in serve, HTML left in its entry) rests on the same answer."""
    return not ahead.other_handlers(config, plugin) and ahead.search_usable(
        ahead.search_plugin(config)
    )


@dataclass(frozen=True)
class _Stage:
    """A change half-applied: the edited pages are served, ``rest`` are not yet, and
    ``entries`` are the search entries of those rendered so far."""

    served: live.Served
    dataset: Dataset
    update: live.Update
    pages: Mapping[str, ContentPage]
    rest: tuple[str, ...]
    entries: Mapping[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class _Ahead:
    """A change whose edited files' ``pages`` are served (``entries``: their search entries);
    the rest of the update is still to be made."""

    served: live.Served
    dataset: Dataset
    edited: tuple[str, ...]
    pages: Mapping[str, ContentPage]
    entries: Mapping[str, list[dict[str, Any]]]


class _LiveRefused(Exception):
    """The rest of an update cannot be made as a build would: ``key`` names why (catalogue)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _with_files(
    served: live.Served, content: SiteContent, changed: tuple[str, ...]
) -> live.Update | None:
    """The update of ``content``, whose published files were made again: None when their
    names differ from those served (MkDocs' build lists the files)."""
    if set(content.files) != set(served.published):
        return None
    published = {p: live.text_digest(t) for p, t in content.files.items()}
    return live.Update(content, changed, published != dict(served.published))


def _live_refusal(
    served: live.Served, update: live.Update, pages: Mapping[str, ContentPage]
) -> str | None:
    """Why the changed pages cannot be rendered as a build would (the catalogue key), or None:
    a page MkDocs does not build or has no page for, a page in the nav whose front matter
    (its title and meta, which every page's nav shows) changed, a published file not in the
    last build's files."""
    before = {page.src: page.markdown for page in served.content.pages}
    nav_pages = keep.in_nav(served.nav)
    for src in update.changed:
        file = served.files.get_file_from_path(src)
        if file is None or file.page is None or file.inclusion.is_excluded():  # type: ignore[no-untyped-call]
            return "live.off.pages"
        if src in nav_pages and not live.meta_unchanged(before[src], pages[src].markdown):
            return "live.off.nav"
    if any(served.files.get_file_from_path(path) is None for path in update.content.files):
        return "live.off.pages"
    return None


def _refused(result: ValidationResult, strict: bool) -> bool:
    """Whether the data stops the build: an error, or a warning under ``--strict``."""
    severities = {finding.severity for finding in result.diagnostics}
    return Severity.ERROR in severities or (strict and Severity.WARNING in severities)


def _watched(server: LiveReloadServer) -> list[str]:
    """The paths ``server`` watches (docs, mkdocs.yml, the data folder, the theme's and
    ``watch`` folders): a change to any of them but the data folder needs MkDocs' build."""
    return sorted(getattr(server, "_watched_paths", {}))


def _remove_orphans(temp: Path) -> None:
    """Delete the folders of builds that were killed (their process is gone): a killed build
    cannot delete its own, and at tens of thousands of positions each holds the open data
    and, without a cache, every SVG. A folder whose process still runs, or belongs to
    someone else, is left alone."""
    for folder in temp.glob(f"{BUILD_FOLDER}*-*"):
        pid = folder.name.removeprefix(BUILD_FOLDER).partition("-")[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # not ours to signal: someone else's, alive
            continue


def _release(files: Files, srcs: Iterable[str]) -> None:
    """Drop what MkDocs holds for pages rendered ahead (their HTML, their Markdown, the
    generated file's text): their finished HTML is in its entry and MkDocs renders an empty
    template for them (:mod:`pola_karir.mkdocs_render_ahead`). At tens of thousands of pages
    this is most of what the build holds. Each build has its own files and pages (``mkdocs
    serve`` too), so nothing a later build needs is lost."""
    for src in srcs:
        file = files.get_file_from_path(src)
        if file is None or file.page is None:
            continue
        file.page.content = ""  # a string still: Material's search edits it on every page
        file.page.markdown = ""
        file.content_string = ""


def match_theme_language(theme: MutableMapping[str, Any], lang: str) -> str | None:
    """Make the theme speak the site's language, and say what was done (None: nothing to say).

    Material words its own parts (search, navigation, ``<html lang>``) in ``theme.language``:
    left at the theme's default it becomes the plugin's ``lang``, so the site speaks one
    language; set to another language it is kept (the user asked for it) and the mismatch is
    told, at info level, which ``--strict`` does not turn into a failure. MkDocs gives the
    resulting value, not what mkdocs.yml wrote: the theme's default (``en``) counts as left
    alone. Themes without ``language`` (MkDocs' own use ``locale``) are left alone."""
    current = theme.get("language")
    if current is None or current == lang:
        return None
    if current == THEME_DEFAULT_LANGUAGE:
        theme["language"] = lang
        return catalogue.text("plugin.theme_language.set", lang, theme=current, lang=lang)
    return catalogue.text("plugin.theme_language.kept", lang, theme=current, lang=lang)


def _nav_with_guides(
    config: MkDocsConfig, content: SiteContent, data_root: Path, lang: str
) -> list[Any]:
    """The generated nav with the hand-written pages of docs/ (the guides) placed by their
    reader (:mod:`pola_karir.site.guides`): employees' guides beside Jelajah Karier, the rest
    with the list of validation codes for the people who maintain the data. Files of the data
    folder are never pages, should it lie in docs_dir (or be it: then there are no guides)."""
    generated = {page.src for page in content.pages}
    docs = Path(config.docs_dir)
    pages = {
        p.relative_to(docs).as_posix(): p
        for p in sorted(docs.rglob("*.md"))
        if p.is_file() and not standalone.under(str(p), data_root)
    }
    # Read as MkDocs will (a page it cannot decode is its error to report, with the file).
    texts = {
        src: path.read_text(encoding="utf-8-sig", errors="replace")
        for src, path in pages.items()
        if src not in generated
    }
    placement = guides.place(texts)
    base = Path(config.config_file_path).parent if config.config_file_path else Path()
    for unknown in placement.unknown:
        where = os.path.relpath(pages[unknown.src], base)
        log.warning(
            catalogue.text(
                "panduan.pembaca.unknown",
                lang,
                file=shown(where),
                line=unknown.line,
                column=unknown.column,
                value=shown(unknown.value),
            )
        )
    return guides.with_guides(content.nav, placement)
