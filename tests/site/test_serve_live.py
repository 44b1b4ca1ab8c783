"""``mkdocs serve`` applies a data-only edit without a MkDocs build (:mod:`pola_karir.mkdocs_live`),
and the folder it serves afterwards is, file for file and byte for byte, what a fresh ``mkdocs
serve`` of the same data serves (which is what MkDocs' own rebuild serves: see
test_serve_keep.py): the edited page, the pages drawn from it, the search index, the sitemap,
the open data. Anything else (mkdocs.yml, a guide, a new position, invalid data) goes to
MkDocs' build, as before.

The session is driven the way MkDocs 1.6 ``serve`` drives it (``mkdocs.commands.serve``): one
plugin object, the first build given its configuration, the docs folder and mkdocs.yml watched,
the ``serve`` event given the real live-reload server, and every rebuild through the server's
``builder`` (what its build loop calls after a change), each loading the configuration again.
The server is not started: the test saves a file and calls the builder, as the loop would.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from sitetools import Build, copy_example, seed_diagrams, tree_hashes
from test_serve_keep import POSITION, SERVE_URL, fresh, page

from pola_karir.mkdocs_plugin import PolaKarirPlugin
from pola_karir.site import incremental

DONE = "tanpa build MkDocs"


class Session:
    """One ``mkdocs serve`` session; ``full`` counts MkDocs' own builds."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site, self.full = project, site, 0
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=False)
        plugin = config.plugins["pola-karir"]
        assert isinstance(plugin, PolaKarirPlugin)
        self.plugin = plugin
        self.server = LiveReloadServer(
            builder=self._builder, host="127.0.0.1", port=8000, root=str(site)
        )
        self._builder(config)
        self.server.watch(config.docs_dir)
        self.server.watch(str(project / "mkdocs.yml"))
        self.server = config.plugins.on_serve(self.server, config=config, builder=self._builder)

    def _config(self) -> Any:
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def _builder(self, config: Any = None) -> None:
        self.full += 1
        build(config if config is not None else self._config(), serve_url=SERVE_URL)

    def rebuild(self) -> None:
        """What the server's build loop does after a change."""
        self.server.builder()

    def close(self) -> None:
        self.plugin.on_shutdown()
        self.server.server_close()


@contextmanager
def session(project: Path, site: Path) -> Iterator[Session]:
    site.mkdir()
    serving = Session(project, site)
    try:
        yield serving
    finally:
        serving.close()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_build: Build) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # one date for every build compared
    project = copy_example(tmp_path / "project")
    seed_diagrams(project, example_build.site.parent)
    return project


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def source(project: Path, position: str = POSITION) -> Path:
    return project / "data" / "jabatan" / f"{position}.yml"


def test_a_data_edit_serves_what_a_fresh_serve_serves_without_a_build(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    with session(project, tmp_path / "served") as serve:
        before = tree_hashes(serve.site)
        epoch = serve.server._visible_epoch
        # One more vacancy: the position's page first, then (in the background) the home page,
        # the indexes, the annex, the open data and the search index.
        text = source(project).read_text(encoding="utf-8")
        source(project).write_text(text.replace("kebutuhan: 4", "kebutuhan: 5"), "utf-8")
        serve.rebuild()
        assert serve.full == 1  # no MkDocs build
        first = tree_hashes(serve.site)
        assert first[f"jabatan/{POSITION}/index.html"] != before[f"jabatan/{POSITION}/index.html"]
        serve.plugin.wait_for_live()
        assert serve.server._visible_epoch > epoch  # the browsers reload again
        assert DONE in caplog.text
        served = tree_hashes(serve.site)
        changed = {path for path in served if before.get(path) != served[path]}
        for path in ("index.html", "lampiran/index.html", "data/jabatan.csv"):
            assert path in changed
        assert "search/search_index.json" in changed
        assert served == fresh(project, tmp_path / "fresh-1")

        # Two saves before the server looks, then a save the watcher tells of twice: each
        # ends as a fresh serve.
        text = source(project).read_text(encoding="utf-8")
        source(project).write_text(text.replace("kebutuhan: 5", "kebutuhan: 6"), "utf-8")
        folder = project / "data" / "jabatan"
        other = sorted(p for p in folder.glob("*.yml") if p.stem != POSITION)[0]
        append(other, "keterangan: Penanda lain.\n")
        serve.rebuild()
        append(source(project), "keterangan: Penanda langsung.\n")
        serve.rebuild()
        serve.rebuild()  # nothing changed since: nothing to do
        serve.plugin.wait_for_live()
        assert serve.full == 1
        assert "Penanda langsung." in page(serve.site, POSITION).read_text(encoding="utf-8")
        assert tree_hashes(serve.site) == fresh(project, tmp_path / "fresh-2")


def test_edits_outside_the_data_take_mkdocs_build(project: Path, tmp_path: Path) -> None:
    with session(project, tmp_path / "served") as serve:
        text = source(project).read_text(encoding="utf-8")
        source(project).write_text(text.replace("kebutuhan: 4", "kebutuhan: 5"), "utf-8")
        serve.rebuild()
        serve.plugin.wait_for_live()
        assert serve.full == 1
        # The data back as it was and a comment in mkdocs.yml: MkDocs' build, which keeps
        # (stage 3) the pages of the build before, but none the fast path changed since.
        source(project).write_text(text, "utf-8")
        config = project / "mkdocs.yml"
        append(config, "\n# komentar\n")
        serve.rebuild()
        assert serve.full == 2
        assert len(serve.plugin.kept) > 100
        assert f"jabatan/{POSITION}.md" not in serve.plugin.kept
        assert tree_hashes(serve.site) == fresh(project, tmp_path / "fresh-1")

        guide = project / "docs" / "panduan-data.md"
        append(guide, "\nKalimat tambahan.\n")
        serve.rebuild()
        assert serve.full == 3
        assert "Kalimat tambahan." in (serve.site / "panduan-data" / "index.html").read_text(
            encoding="utf-8"
        )
        assert tree_hashes(serve.site) == fresh(project, tmp_path / "fresh-2")


def test_invalid_data_is_reported_by_the_build_and_the_next_edit_recovers(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with session(project, tmp_path / "served") as serve:
        before = tree_hashes(serve.site)
        valid = source(project).read_text(encoding="utf-8")
        invalid = valid.replace("kelas_jabatan: 10", "kelas_jabatan: sepuluh")
        source(project).write_text(invalid, "utf-8")
        with pytest.raises(Abort):
            serve.rebuild()
        assert "error[PK103]" in caplog.text
        assert tree_hashes(serve.site) == before
        source(project).write_text(valid + "keterangan: Penanda pulih.\n", encoding="utf-8")
        serve.rebuild()  # after a failed build: MkDocs' build again
        assert serve.full == 3
        text = source(project).read_text(encoding="utf-8")
        source(project).write_text(text.replace("Penanda pulih", "Penanda pulih lagi"), "utf-8")
        serve.rebuild()  # and the next edit is applied without one
        serve.plugin.wait_for_live()
        assert serve.full == 3
        assert "Penanda pulih lagi." in page(serve.site, POSITION).read_text(encoding="utf-8")
        assert tree_hashes(serve.site) == fresh(project, tmp_path / "fresh")


def test_a_new_position_changes_the_pages_and_takes_mkdocs_build(
    project: Path, tmp_path: Path
) -> None:
    with session(project, tmp_path / "served") as serve:
        text = source(project).read_text(encoding="utf-8")
        copy = "analis-sdm-aparatur-ahli-muda-salinan"
        new = text.replace(POSITION, copy)
        source(project, copy).write_text(new, encoding="utf-8")
        serve.rebuild()
        assert serve.full == 2
        assert tree_hashes(serve.site) == fresh(project, tmp_path / "fresh")


# Data-only edits of other reaches, each applied without a build: a unit's description (a
# change the site content cannot bound, so every page is made again and compared), a position's
# name (its namesake's label changes with it, and every page drawn from the whole dataset), and
# a requirement of one move of a career path (the pages at its ends).
OTHER_EDITS = (
    ("unit/bappeda.yml", "Melaksanakan fungsi penunjang", "Menjalankan fungsi penunjang"),
    (f"jabatan/{POSITION}.yml", "Aparatur Ahli Muda\n", "Aparatur Ahli Muda Bidang Mutasi\n"),
    ("jalur/analis-kebijakan.yml", "jenjang.\n", "jenjang jabatan.\n"),
)


def test_edits_of_every_reach_serve_what_a_fresh_serve_serves(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    with session(project, tmp_path / "served") as serve:
        for number, (name, old, new) in enumerate(OTHER_EDITS):
            path = project / "data" / name
            text = path.read_text(encoding="utf-8")
            assert old in text, name
            before = tree_hashes(serve.site)
            caplog.clear()
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            serve.rebuild()
            serve.plugin.wait_for_live()
            assert serve.full == 1, name  # no MkDocs build
            assert DONE in caplog.text, name
            served = tree_hashes(serve.site)
            assert served != before, name
            assert served == fresh(project, tmp_path / f"fresh-{number}"), name


def test_a_rename_serves_the_edited_page_before_the_pages_that_name_it_are_made(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edited file's page is made and served first; the pages that merely name the
    position (the index, its neighbours, the open data) are made in the background. The
    background's update is held here until the served page was looked at."""
    release = threading.Event()
    update_content = incremental.update_content

    def held(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(timeout=120)
        return update_content(*args, **kwargs)

    monkeypatch.setattr(incremental, "update_content", held)
    with session(project, tmp_path / "served") as serve:
        before = tree_hashes(serve.site)
        path = source(project)
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("Aparatur Ahli Muda\n", "Aparatur Ahli Muda Teladan\n"), encoding="utf-8"
        )
        serve.rebuild()
        try:
            assert "Ahli Muda Teladan" in page(serve.site, POSITION).read_text(encoding="utf-8")
            now = tree_hashes(serve.site)
            assert now["jabatan/index.html"] == before["jabatan/index.html"]
            assert now["search/search_index.json"] == before["search/search_index.json"]
        finally:
            release.set()
        serve.plugin.wait_for_live()
        assert serve.full == 1
        served = tree_hashes(serve.site)
        assert served["jabatan/index.html"] != before["jabatan/index.html"]
        assert served == fresh(project, tmp_path / "fresh")
