"""The fast paths (pola_karir/mkdocs_fastpath.py, mkdocs_render_ahead.py) change nothing.

The session's example builds (``example_build``, ``flat_build``) run with the fast paths on, the
default, from an empty cache: their generated pages were converted and rendered ahead in forked
processes. Each is compared, file by file, with the same project built with ``fast_paths:
false`` (MkDocs converting and rendering every page itself); every HTML page,
``search/search_index.json`` (its entries come from the workers, in MkDocs' order) and the
sitemap must be byte-identical. A warm build then takes the pages from the cache, converted and
rendered, except the entries spoilt on purpose, and must still give the same bytes. Edits miss
what they should (a position's name: the pages showing it; a name in the nav: every page), and
a warning logged while a page is rendered ahead, in a worker or from the cache, still fails
``--strict``. One small page, converted in process and in a forked worker, shows that the table
of contents, title, anchors and the warnings MkDocs logs while converting come back as MkDocs
leaves them.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from sitetools import (
    Build,
    copy_example,
    fast_paths_off,
    mkdocs_build,
    seed_diagrams,
    tree_hashes,
)

from pola_karir import mkdocs_direct, mkdocs_search
from pola_karir import mkdocs_fastpath as fastpath
from pola_karir import mkdocs_render_ahead as ahead
from pola_karir.text.catalogue import text

_STATS = re.compile(r"halaman: (\d+) dikonversi dalam (\d+) proses, (\d+) dari cache")
_RENDERED = re.compile(r"halaman jadi: (\d+) dirender dalam \d+ proses, (\d+) dari cache")
_SEARCH = re.compile(
    r"entri pencarian halaman jadi: (\d+) halaman tanpa parser HTML Material, (\d+) lewat parser "
    r"Material, (\d+) diperiksa"
)
_DIRECT = re.compile(
    r"konversi langsung: (\d+) halaman tanpa Python-Markdown, (\d+) lewat MkDocs, (\d+) diperiksa"
)


def _stats(build: Build) -> tuple[int, int, int]:
    """(converted, processes, from cache) as the plugin logged them."""
    found = _STATS.findall(build.output)
    assert len(found) == 1, build.output
    converted, processes, cached = found[0]
    return int(converted), int(processes), int(cached)


def _rendered(build: Build) -> tuple[int, int]:
    """(rendered ahead, from cache) as the plugin logged them."""
    found = _RENDERED.findall(build.output)
    assert len(found) == 1, build.output
    rendered, cached = found[0]
    return int(rendered), int(cached)


def _plain(build: Build) -> Build:
    """A build with the fast paths off: clean, and without the fast paths' log lines."""
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    assert not _STATS.search(build.output), build.output
    assert not _RENDERED.search(build.output), build.output
    return build


def _plain_flat(project: Path, fast: Build) -> Build:
    """The example with ``use_directory_urls: false``, built with the fast paths off, its
    diagram cache seeded from the ``fast`` build's (the diagrams are not what is compared
    here: ``plain_build`` renders them cold, and only the pages go through the fast paths)."""
    copy_example(project, use_directory_urls=False)
    fast_paths_off(project)
    seed_diagrams(project, fast.site.parent)
    return _plain(mkdocs_build(project, project / "site"))


def _same_site(fast: Path, plain: Path) -> None:
    fast_files, plain_files = tree_hashes(fast), tree_hashes(plain)
    assert sorted(fast_files) == sorted(plain_files)
    changed = sorted(name for name in fast_files if fast_files[name] != plain_files[name])
    assert changed == []
    assert sum(name.endswith(".html") for name in fast_files) > 200
    assert "search/search_index.json" in fast_files


@pytest.mark.parametrize("layout", ["directory urls", "flat"])
def test_the_fast_paths_build_the_same_bytes(
    layout: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if layout == "flat":
        fast: Build = request.getfixturevalue("flat_build")
        plain = _plain_flat(tmp_path / "plain", fast)
    else:  # the session's plain build, which the reproducibility test reads too
        fast = request.getfixturevalue("example_build")
        plain = _plain(request.getfixturevalue("plain_build"))
    converted, processes, cached = _stats(fast)
    assert converted > 200 and cached == 0  # the fast path did the work, from an empty cache
    assert processes >= 1
    rendered, cached = _rendered(fast)
    assert rendered == converted and cached == 0  # rendered ahead: every generated page
    # Converted without Python-Markdown (mkdocs_direct), bar the canary pages and the few
    # one-off pages it does not model: the comparison below covers the direct path.
    found = _DIRECT.findall(fast.output)
    assert len(found) == 1, fast.output
    direct, fallback, canary = map(int, found[0])
    assert direct + fallback == converted
    unverified = mkdocs_direct.unverified_releases()
    if unverified:
        # A release the direct conversion was not compared with (a new upstream release, CI's
        # newest job): every page goes through MkDocs, and the build says why.
        assert direct == canary == 0
        assert unverified[0] in fast.output and "belum diperiksa" in fast.output
    else:
        assert canary >= 10 and fallback - canary <= 10 and direct > 150
    assert not plain.output.count("konversi langsung")
    # The search entries made without Material's HTML parser (mkdocs_search), bar the pages it
    # leaves to that parser: the comparison below covers them too.
    (search_direct, search_material, search_canary), *more = _SEARCH.findall(fast.output)
    assert not more and int(search_direct) + int(search_material) == rendered
    if mkdocs_search.material_supported():
        assert int(search_direct) > rendered - 10 and int(search_canary) >= 10
    else:  # a Material release it was not compared with: Material's parser, and it says so
        assert int(search_direct) == 0 and text("render.search.off.release", "id") in fast.output
    assert "entri pencarian" not in plain.output
    _same_site(fast.site, plain.site)


def _warm_copy(example_build: Build, folder: Path) -> Path:
    """The example project after its build, with its cache and without its site."""
    project = Path(shutil.copytree(example_build.site.parent, folder))
    shutil.rmtree(project / "site")
    return project


def test_a_warm_build_takes_pages_from_the_cache_and_rebuilds_spoilt_entries(
    example_build: Build, tmp_path: Path
) -> None:
    project = _warm_copy(example_build, tmp_path / "project")
    entries = sorted((project / ".cache" / "pola-karir" / "pages").glob("*.json"))
    converted_cold = _stats(example_build)[0]
    assert len(entries) == converted_cold
    finished = sorted((project / ".cache" / "pola-karir" / "rendered").glob("*.html"))
    assert len(finished) == converted_cold
    # A finished page cut short, and one whose HTML was replaced without its head line.
    cut = finished[0].read_text(encoding="utf-8")
    finished[0].write_text(cut[: len(cut) // 2], encoding="utf-8")
    head, _, rest = finished[1].read_text(encoding="utf-8").partition("\n")
    forged = rest.partition("\n")[0] + "\n<script>alert(2)</script>"
    finished[1].write_text(f"{head}\n{forged}", encoding="utf-8")
    # One entry truncated, one replaced by a page that was never built (its head line is
    # missing): neither may reach the site.
    truncated = entries[0].read_text(encoding="utf-8")
    entries[0].write_text(truncated[: len(truncated) // 2], encoding="utf-8")
    entries[1].write_text('["<script>alert(1)</script>",[],null,[],null,[]]', encoding="utf-8")

    warm = mkdocs_build(project, project / "site")
    assert warm.returncode == 0, warm.output
    assert "WARNING" not in warm.output, warm.output
    converted, _, cached = _stats(warm)
    assert (converted, cached) == (2, converted_cold - 2)
    assert text("fastpath.rejected", "id", count=2) in warm.output
    assert _rendered(warm) == (2, converted_cold - 2)  # only the spoilt finished pages
    assert text("render.rejected", "id", count=2) in warm.output
    _same_site(project / "site", example_build.site)
    for entry in entries[:2]:
        assert entry.read_text(encoding="utf-8").startswith("pola-karir-page ")
        assert "alert(1)" not in entry.read_text(encoding="utf-8")
    for entry in finished[:2]:
        assert entry.read_text(encoding="utf-8").startswith("pola-karir-rendered ")
        assert "alert(2)" not in entry.read_text(encoding="utf-8")


def _rename(path: Path, old: str, new: str) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count(f"nama: {old}\n") == 1
    path.write_text(source.replace(f"nama: {old}\n", f"nama: {new}\n"), encoding="utf-8")


def _holding(site: Path, words: str) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and words in p.read_text(encoding="utf-8", errors="replace")
    }


def test_an_edit_renders_again_the_pages_that_show_it(example_build: Build, tmp_path: Path) -> None:
    """A position's new name reaches every page that shows it (its page, the lists and
    diagrams naming it, the search index) and no other page is rendered again; a unit's new
    name, which the nav shows, renders every page again (the nav is on every page)."""
    project = _warm_copy(example_build, tmp_path / "project")
    total = _rendered(example_build)[0]
    old, new = "Penata Kelola Sistem dan Teknologi Informasi", "Penata Uji Nama Baru"
    showing = _holding(example_build.site, old)
    assert "jabatan/penata-kelola-sistem-dan-teknologi-informasi/index.html" in showing
    _rename(project / "data/jabatan/penata-kelola-sistem-dan-teknologi-informasi.yml", old, new)
    edited = mkdocs_build(project, project / "site")
    assert edited.returncode == 0, edited.output
    rendered, cached = _rendered(edited)
    pages_showing = {name for name in showing if name.endswith(".html")}
    assert rendered + cached == total and rendered >= len(pages_showing)
    assert rendered < total // 4  # the others came from the cache
    assert _holding(project / "site", old) == set()
    assert _holding(project / "site", new) == showing

    old_unit = "Badan Perencanaan Pembangunan Daerah"
    _rename(project / "data/unit/bappeda.yml", old_unit, "Badan Uji Nama Baru")
    moved = mkdocs_build(project, project / "site")
    assert moved.returncode == 0, moved.output
    assert _rendered(moved) == (total, 0)  # nothing could be stale


_WARNING_HOOK = """
import logging

log = logging.getLogger("mkdocs.hooks.uji")


def on_env(env, config, files):
    def check(page):
        if page.file.src_uri == "jabatan/auditor-ahli-madya.md":
            log.warning("uji: peringatan saat %s dirender", page.file.src_uri)
        return ""

    env.globals["uji_periksa"] = check
    return env
"""
_MAIN = (
    '{% extends "base.html" %}{% block content %}{{ uji_periksa(page) }}{{ super() }}{% endblock %}'
)


def test_a_warning_while_a_page_is_rendered_ahead_fails_strict(
    example_build: Build, tmp_path: Path
) -> None:
    """A template (a theme override) warns while one generated page is rendered: the warning
    is logged once, the build fails in strict mode and nothing is published, both when the page
    is rendered in a worker and when it comes from the cache."""
    project = _warm_copy(example_build, tmp_path / "project")
    (project / "uji_hook.py").write_text(_WARNING_HOOK, encoding="utf-8")
    (project / "overrides").mkdir()
    (project / "overrides" / "main.html").write_text(_MAIN, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = ["uji_hook.py"]
    config["theme"]["custom_dir"] = "overrides"
    text_ = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (project / "mkdocs.yml").write_text(text_, encoding="utf-8")
    total = _rendered(example_build)[0]
    for expected in ((total, 0), (0, total)):  # the theme changed: all again, then all cached
        build = mkdocs_build(project, project / "site")
        assert build.returncode == 1, build.output
        assert build.output.count("uji: peringatan saat") == 1, build.output
        assert "WARNING -  uji: peringatan saat jabatan/auditor-ahli-madya.md" in build.output
        assert "Aborted with 1 warnings in strict mode" in build.output
        assert _rendered(build) == expected
        assert not (project / "site").exists()


# --- one page, converted ahead, is what MkDocs would have left --------------------------------

_PAGE = """# Judul *halaman*

Tautan ke [halaman yang tidak ada](tidak-ada.md) dan ke [bagian](lain.md#tidak-ada).

## Bagian satu {#satu}

### Rincian

## Bagian dua
"""


def _config(docs: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict(
        {
            "site_name": "x",
            "docs_dir": str(docs),
            "markdown_extensions": ["attr_list", "toc"],
            "validation": {"links": {"anchors": "warn"}},
        }
    )
    errors, warnings = config.validate()
    assert not errors and not warnings
    config.plugins._current_plugin = "pola-karir"  # File.generated names the plugin it runs in
    return config


def _files(config: MkDocsConfig) -> Files:
    return Files(
        [
            File.generated(config, "halaman.md", content=_PAGE),
            File.generated(config, "lain.md", content="# Lain\n"),
        ]
    )


def _plain_page(config: MkDocsConfig, caplog: pytest.LogCaptureFixture) -> Page:
    files = _files(config)
    page = Page(None, files.get_file_from_path("halaman.md"), config)  # type: ignore[arg-type]
    page.read_source(config)
    with caplog.at_level(logging.INFO):
        page.render(config, files)
    return page


def _toc(page: Page) -> list[tuple[str, str, int, int]]:
    out = []
    for item in page.toc:
        out.append((item.title, item.url, item.level, len(item.children)))
        out.extend((c.title, c.url, c.level, len(c.children)) for c in item.children)
    return out


@pytest.mark.parametrize("processes", [1, 2])
def test_a_prepared_page_is_what_mkdocs_leaves_with_its_warnings(
    processes: int, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = _config(tmp_path)
    plain = _plain_page(config, caplog)
    plain_records = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    assert any("tidak-ada.md" in message for _, _, message in plain_records)
    caplog.clear()

    files = _files(config)

    def finish(html: str, page: Page, files: Files, config: MkDocsConfig) -> str:
        return html + "<!-- selesai -->"

    job = fastpath._Job(config, files, finish)
    with caplog.at_level(logging.INFO):
        prepared = fastpath.convert(["halaman.md"], job, processes)["halaman.md"]
    assert caplog.records == []  # held, not printed, until MkDocs reaches the page
    assert prepared.content == f"{plain.content}<!-- selesai -->"

    page = Page(None, files.get_file_from_path("halaman.md"), config)  # type: ignore[arg-type]
    page.read_source(config)
    source = page.markdown
    assert source is not None
    page.markdown = ""
    page.render(config, files)  # what MkDocs does with the nothing on_page_markdown hands it
    with caplog.at_level(logging.INFO):
        html = fastpath.apply(prepared, page, files, source)
    assert html == prepared.content
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == plain_records
    assert page.markdown == plain.markdown
    assert page.title == plain.title == "Judul halaman"
    assert _toc(page) == _toc(plain)
    assert page.toc.items[0].active  # type: ignore[attr-defined]
    assert page.present_anchor_ids == plain.present_anchor_ids
    # Keyed by the File of ``files`` (MkDocs checks them after the build): the plain page's
    # files are other objects of the same paths.
    assert page.links_to_anchors is not None and plain.links_to_anchors is not None
    assert all(files.get_file_from_path(f.src_uri) is f for f in page.links_to_anchors)
    links = {f.src_uri: v for f, v in page.links_to_anchors.items()}
    assert links == {f.src_uri: v for f, v in plain.links_to_anchors.items()}
    assert links == {"lain.md": {"tidak-ada": "lain.md#tidak-ada"}}


def test_plugins_that_handle_page_events_turn_the_fast_paths_off(tmp_path: Path) -> None:
    config = _config(tmp_path)

    class Other:
        def on_page_markdown(self, markdown: str, **kwargs: object) -> str:
            return markdown

    class Ours:
        def on_page_markdown(self, markdown: str, **kwargs: object) -> str:
            return markdown

    ours, other = Ours(), Other()
    config.plugins["pola-karir"] = ours  # type: ignore[assignment]
    assert fastpath.other_page_handlers(config, ours) == []  # type: ignore[arg-type]
    config.plugins["macros"] = other  # type: ignore[assignment]
    assert fastpath.other_page_handlers(config, ours) == ["macros"]  # type: ignore[arg-type]


def test_extensions_that_read_other_files_turn_the_cache_off(tmp_path: Path) -> None:
    config = _config(tmp_path)
    assert fastpath.impure_extensions(config) == []
    config.markdown_extensions.append("pymdownx.snippets")
    config.markdown_extensions.append("some_package.reads_files")
    assert fastpath.impure_extensions(config) == ["pymdownx.snippets", "some_package.reads_files"]


def test_other_plugins_handling_the_rendered_page_turn_rendering_ahead_off(tmp_path: Path) -> None:
    from material.plugins.search.plugin import SearchPlugin  # type: ignore[import-untyped]

    config = _config(tmp_path)

    class Ours:
        def on_post_page(self, output: str, **kwargs: object) -> str:
            return output

    class Other:
        def on_page_context(self, context: object, **kwargs: object) -> object:
            return context

    ours = Ours()
    config.plugins["pola-karir"] = ours  # type: ignore[assignment]
    # MkDocs' own search (in the configuration by default) indexes pages in its own way.
    assert ahead.other_handlers(config, ours) == ["search"]  # type: ignore[arg-type]
    assert ahead.search_plugin(config) is None
    config.plugins.clear()
    config.plugins.events = {name: [] for name in config.plugins.events}
    config.plugins["pola-karir"] = ours  # type: ignore[assignment]
    config.plugins["material/search"] = SearchPlugin()
    assert ahead.other_handlers(config, ours) == []  # type: ignore[arg-type]
    config.plugins["macros"] = Other()  # type: ignore[assignment]
    assert ahead.other_handlers(config, ours) == ["macros"]  # type: ignore[arg-type]
    search = config.plugins["material/search"]
    assert ahead.search_plugin(config) is search
    # Before its on_config the search plugin has no index: not what rendering ahead relies on.
    assert not ahead.search_usable(search)  # (the example builds show it usable after)
    assert ahead.search_usable(None)


def test_only_a_page_template_reading_the_date_dates_the_rendered_pages(tmp_path: Path) -> None:
    """MkDocs' sitemap reads the build date, a page's template (Material's) does not: without
    ``SOURCE_DATE_EPOCH`` the date changes on every build, and keying pages by it would make a
    warm build render every page again. A theme override that reads it does date them."""
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path), "theme": {"name": "material"}})
    errors, _ = config.validate()
    assert not errors
    theme = config.theme
    assert "sitemap.xml" in theme.static_templates
    assert ahead.theme_digest(theme.dirs)[1]  # the sitemap reads it
    digest, dated = ahead.theme_digest(theme.dirs, theme.static_templates)
    assert not dated
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text("{{ build_date_utc }}", encoding="utf-8")
    changed, dated = ahead.theme_digest([str(overrides), *theme.dirs], theme.static_templates)
    assert dated and changed != digest
