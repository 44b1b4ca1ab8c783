"""``mkdocs serve`` keeps the pages an edit did not touch (:mod:`pola_karir.mkdocs_keep`), and
the folder it serves after each rebuild is, file for file and byte for byte, the folder a fresh
``mkdocs serve`` of the same data serves: the edited page, the kept pages, the search index, the
sitemap. A renamed position's old page is gone and its new page there; data made invalid stops
the rebuild with the error, and the next valid edit builds the site again.

The rebuilds are driven the way MkDocs 1.6 ``serve`` drives them (``mkdocs.commands.serve``):
one plugin object from ``on_startup``, the configuration loaded again for each build into the
same temporary folder, ``build`` with the serve URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sitetools import Build, copy_example, run_python, seed_diagrams, tree_hashes

from pola_karir import mkdocs_render_ahead as ahead
from pola_karir.mkdocs_plugin import PolaKarirPlugin

SERVE_URL = "http://127.0.0.1:8000/pola-karir/"
POSITION = "analis-sdm-aparatur-ahli-muda-bidang-mutasi"
RENAMED = "analis-sdm-aparatur-ahli-muda-mutasi-dan-promosi"


class Serve:
    """One ``mkdocs serve`` session: its plugin object lives from build to build."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=False)
        plugin = config.plugins["pola-karir"]
        assert isinstance(plugin, PolaKarirPlugin)
        self.plugin = plugin

    def _config(self):  # type: ignore[no-untyped-def]
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def build(self) -> None:
        build(self._config(), serve_url=SERVE_URL)

    def close(self) -> None:
        self.plugin.on_shutdown()


@contextmanager
def serving(project: Path, site: Path) -> Iterator[tuple[Serve, Path]]:
    """A serve session building ``project`` into the new folder ``site``, ended afterwards."""
    site.mkdir()
    serve = Serve(project, site)
    try:
        yield serve, site
    finally:
        serve.close()


# A fresh `mkdocs serve`'s first build, in a process of its own: MkDocs keeps one plugin object
# per process for a plugin that handles on_startup, so this process's would be reused.
FRESH = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
config.site_url = sys.argv[3]
try:
    build(config, serve_url=sys.argv[3])
finally:
    config.plugins.on_shutdown()
"""


def fresh(project: Path, site: Path) -> dict[str, str]:
    """What a ``mkdocs serve`` started now serves first: a process of its own, forked by the
    build server before any build (sitetools.run_python)."""
    config = str(project / "mkdocs.yml")
    returncode, output = run_python(FRESH, [config, str(site), SERVE_URL], project)
    assert returncode == 0, output
    return tree_hashes(site)


def page(site: Path, position: str) -> Path:
    return site / "jabatan" / position / "index.html"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_build: Build) -> Path:
    """The example, its diagram cache holding the example build's diagrams: what is tested is
    which pages a rebuild keeps, not ``dot``, and each session's first build would otherwise
    render every diagram cold."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # one date for every build compared
    project = copy_example(tmp_path / "project")
    seed_diagrams(project, example_build.site.parent)
    return project


def test_an_edit_rebuilds_its_page_and_keeps_the_rest_as_a_fresh_build(
    project: Path, tmp_path: Path
) -> None:
    with serving(project, tmp_path / "served") as (serve, site):
        serve.build()
        assert not serve.plugin.kept  # the first build has nothing to keep
        source = project / "data" / "jabatan" / f"{POSITION}.yml"
        source.write_text(
            source.read_text(encoding="utf-8") + "keterangan: Penanda suntingan satu.\n",
            encoding="utf-8",
        )
        serve.build()
        kept = set(serve.plugin.kept)
        assert f"jabatan/{POSITION}.md" not in kept
        assert len(kept) > 100  # the other positions, families, competencies, regulations
        assert "Penanda suntingan satu." in page(site, POSITION).read_text(encoding="utf-8")
        served = tree_hashes(site)
        assert "search/search_index.json" in served
        assert "sitemap.xml.gz" in served
        assert served == fresh(project, tmp_path / "fresh-1")

        # Renamed: every reference follows, so the file list changes and every page is built.
        whole = re.compile(rf"(?<![a-z0-9-]){re.escape(POSITION)}(?![a-z0-9-])")
        for path in (project / "data").rglob("*.yml"):
            text = path.read_text(encoding="utf-8")
            if whole.search(text):
                path.write_text(whole.sub(RENAMED, text), encoding="utf-8")
        source.rename(source.with_name(f"{RENAMED}.yml"))
        serve.build()
        assert not serve.plugin.kept
        assert not page(site, POSITION).exists()
        assert "Penanda suntingan satu." in page(site, RENAMED).read_text(encoding="utf-8")
        assert tree_hashes(site) == fresh(project, tmp_path / "fresh-2")

        # And the next edit keeps pages again, from that whole build.
        renamed = source.with_name(f"{RENAMED}.yml")
        text = renamed.read_text(encoding="utf-8")
        renamed.write_text(text.replace("suntingan satu", "suntingan dua"), encoding="utf-8")
        serve.build()
        assert len(serve.plugin.kept) > 100
        assert "Penanda suntingan dua." in page(site, RENAMED).read_text(encoding="utf-8")
        assert tree_hashes(site) == fresh(project, tmp_path / "fresh-3")


def test_invalid_data_stops_the_rebuild_and_the_next_valid_edit_recovers(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with serving(project, tmp_path / "served") as (serve, site):
        serve.build()
        before = tree_hashes(site)
        source = project / "data" / "jabatan" / f"{POSITION}.yml"
        valid = source.read_text(encoding="utf-8")
        source.write_text(valid.replace("kelas_jabatan: 10", "kelas_jabatan: sepuluh"), "utf-8")
        with pytest.raises(Abort):
            serve.build()
        assert "error[PK103]" in caplog.text  # the error, with its file and line
        assert tree_hashes(site) == before  # the site served stays as it was
        source.write_text(valid + "keterangan: Penanda pulih.\n", encoding="utf-8")
        serve.build()
        assert len(serve.plugin.kept) > 100
        assert "Penanda pulih." in page(site, POSITION).read_text(encoding="utf-8")
        assert tree_hashes(site) == fresh(project, tmp_path / "fresh")


def test_a_guide_retitled_is_in_the_nav_of_every_page(project: Path, tmp_path: Path) -> None:
    """A hand-written guide sits in the nav under the title MkDocs reads from its heading:
    renaming it changes every page's nav, so no page is kept from before."""
    with serving(project, tmp_path / "served") as (serve, site):
        serve.build()
        guide = project / "docs" / "panduan-data.md"
        text = guide.read_text(encoding="utf-8")
        assert text.startswith("# Panduan mengubah data\n")
        guide.write_text(text.replace("# Panduan mengubah data", "# Panduan data baru", 1), "utf-8")
        serve.build()
        assert not serve.plugin.kept
        assert "Panduan data baru" in page(site, POSITION).read_text(encoding="utf-8")
        assert tree_hashes(site) == fresh(project, tmp_path / "fresh")


def test_pages_are_kept_with_flat_urls_as_a_fresh_build_serves_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flat_build: Build
) -> None:
    """``use_directory_urls: false``: a kept page's output is ``jabatan/x.html``, not
    ``jabatan/x/index.html``; it is moved back to where a fresh build writes it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    project = copy_example(tmp_path / "project", use_directory_urls=False)
    seed_diagrams(project, flat_build.site.parent)
    with serving(project, tmp_path / "served") as (serve, site):
        serve.build()
        source = project / "data" / "jabatan" / f"{POSITION}.yml"
        source.write_text(
            source.read_text(encoding="utf-8") + "keterangan: Penanda suntingan datar.\n",
            encoding="utf-8",
        )
        serve.build()
        assert len(serve.plugin.kept) > 100
        assert f"jabatan/{POSITION}.md" not in serve.plugin.kept
        edited = site / "jabatan" / f"{POSITION}.html"
        assert "Penanda suntingan datar." in edited.read_text(encoding="utf-8")
        served = tree_hashes(site)
        assert f"jabatan/{POSITION}/index.html" not in served
        assert served == fresh(project, tmp_path / "fresh")


def test_pages_rendered_in_serve_s_own_process_serve_what_a_fresh_serve_serves(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The large pages are rendered ahead in MkDocs' own process, after the workers (here every
    page: the threshold at 0), and ``mkdocs serve`` builds again in that process: what the
    first build did there leaves nothing behind that the rebuild after an edit would serve."""
    monkeypatch.setattr(ahead, "LARGE_PAGE", 0)
    with serving(project, tmp_path / "served") as (serve, site):
        serve.build()
        first = serve.plugin.last_rendered
        assert first is not None and first.large == first.rendered > 100
        source = project / "data" / "jabatan" / f"{POSITION}.yml"
        text = source.read_text(encoding="utf-8")
        source.write_text(f"{text}keterangan: Penanda suntingan satu.\n", encoding="utf-8")
        serve.build()
        again = serve.plugin.last_rendered
        assert again is not None and again.large == again.rendered > 0
        assert "Penanda suntingan satu." in page(site, POSITION).read_text(encoding="utf-8")
        assert tree_hashes(site) == fresh(project, tmp_path / "fresh")
