"""The diagram cache (and its checks), reproducible output (and its date), and builds that fail
or run side by side without touching the last site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from factory import DataFolder
from sitetools import (
    BIN,
    Build,
    build_env,
    mkdocs_build,
    new_project,
    shared_build,
    tree_hashes,
)

from pola_karir.diagnostics import Severity
from pola_karir.rules.validate import validate_project
from pola_karir.site.build import site_content
from pola_karir.site.cache_prune import KEEP
from pola_karir.text.catalogue import text

_STATS = re.compile(r"diagram: (\d+) dirender, (\d+) dari cache")


def _stats(build: Build) -> tuple[int, int]:
    found = _STATS.findall(build.output)
    assert len(found) == 1, build.output
    return int(found[0][0]), int(found[0][1])


def _ok(build: Build) -> Build:
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    return build


def _diagram_sources(data: Path) -> dict[str, str]:
    result = validate_project(data)
    assert result.dataset is not None
    return {d.name: d.dot for d in site_content(result.dataset).diagrams}


# --- the small project, built once from an empty cache -----------------------------------------


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A valid small project with its diagram cache in ``diagram-cache/`` (the cache_dir
    option), built strictly from an empty cache into project/site, once per run: the cold
    build of the warm-cache tests and the last good site of the failure tests. Read only:
    tests copy it."""

    def make(folder: Path) -> Build:
        project = new_project(folder / "project", cache_dir="diagram-cache")
        DataFolder(project / "data").write()
        return mkdocs_build(project, project / "site")

    return _ok(shared_build(tmp_path_factory, "small-project", make))


@pytest.fixture(scope="module")
def small_project(small_build: Build) -> Path:
    return small_build.site.parent


@pytest.fixture
def built(small_project: Path, tmp_path: Path) -> Path:
    """A private copy of the small project and its site (and cache)."""
    return Path(shutil.copytree(small_project, tmp_path / "project"))


# --- (a) warm cache --------------------------------------------------------------------------


def test_warm_cache_renders_only_what_changed(
    small_build: Build, built: Path, tmp_path: Path
) -> None:
    project = built
    folder = DataFolder(project / "data")
    before = _diagram_sources(project / "data")
    total = len(before)

    assert _stats(small_build) == (total, 0)  # the cold build, from an empty cache
    cache = project / "diagram-cache"
    assert len(list(cache.glob("*.svg"))) == len(set(before.values()))
    assert _stats(_ok(mkdocs_build(project, tmp_path / "site"))) == (0, total)

    folder.doc("jabatan/kepala-seksi-jalan.yml")["nama"] = "Kepala Seksi Jalan Kabupaten"
    folder.write()
    after = _diagram_sources(project / "data")
    assert after.keys() == before.keys()
    changed = [name for name, dot in after.items() if before[name] != dot]
    assert 0 < len(changed) < total, changed

    rendered, cached = _stats(_ok(mkdocs_build(project, tmp_path / "site")))
    assert (rendered, cached) == (len(changed), total - len(changed))
    page = (tmp_path / "site" / "jabatan" / "kepala-seksi-jalan" / "index.html").read_text()
    assert "Kepala Seksi Jalan Kabupaten" in page


def test_a_cache_folder_drops_old_unused_entries_and_keeps_the_live_ones(
    built: Path, tmp_path: Path
) -> None:
    """Entries an edit left behind do not pile up: after a build, each cache folder keeps what
    the build used, recent entries, and old unused ones only up to KEEP times the live set."""
    cache = built / "diagram-cache"
    folders = {cache: ".svg", cache / "pages": ".json", cache / "rendered": ".html"}
    live = {
        folder: {p.name for p in folder.glob(f"*{suffix}")} for folder, suffix in folders.items()
    }
    assert all(live.values()), live  # the cold build filled every folder
    old = time.time() - 2 * 86400
    for folder, suffix in folders.items():
        for number in range(KEEP * len(live[folder]) + 5):
            stale = folder / f"{number:064x}{suffix}"
            stale.write_text("old", encoding="utf-8")
            os.utime(stale, (old, old))
        (folder / f"{'f' * 64}{suffix}").write_text("a build beside this one", encoding="utf-8")

    first = _ok(mkdocs_build(built, tmp_path / "site"))
    for folder, suffix in folders.items():
        left = {p.name for p in folder.glob(f"*{suffix}")}
        assert live[folder] <= left, folder  # nothing this build used was deleted
        assert f"{'f' * 64}{suffix}" in left  # nor what another build wrote within the hour
        assert len(left) <= KEEP * len(live[folder]) + 1, (folder, len(left))
        assert len(left) >= KEEP * len(live[folder]), folder  # oldest unused went first, no more
    again = _ok(mkdocs_build(built, tmp_path / "again"))
    for build in (first, again):  # every page and diagram from the cache, before and after
        assert _stats(build)[0] == 0
        assert re.search(r"halaman: 0 dikonversi", build.output), build.output
        assert re.search(r"halaman jadi: 0 dirender", build.output), build.output
    assert tree_hashes(tmp_path / "site") == tree_hashes(tmp_path / "again")


def test_the_url_style_leaves_the_diagrams_alone(
    small_build: Build, built: Path, tmp_path: Path
) -> None:
    """Diagrams name pages by source path and the plugin adds the URLs, so switching
    use_directory_urls renders nothing again; the links still follow the style."""
    project = built
    total = len(_diagram_sources(project / "data"))
    assert _stats(small_build) == (total, 0)  # built with directory URLs, from an empty cache
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["use_directory_urls"] = False
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    assert _stats(_ok(mkdocs_build(project, tmp_path / "flat"))) == (0, total)
    page = (tmp_path / "flat" / "jalur" / "bina-marga.html").read_text(encoding="utf-8")
    assert 'xlink:href="../jabatan/kepala-seksi-jalan.html"' in page


# --- (b) reproducible output -----------------------------------------------------------------


def test_two_builds_are_byte_identical(plain_build: Build, example_site: Path) -> None:
    """Same data, another folder, another (empty) cache and another hash seed: same bytes.
    The second build is the session's ``plain_build`` (fast paths off, which
    tests/site/test_fast_paths.py compares too): one build fewer than a build of its own."""
    build = _ok(plain_build)
    first, second = tree_hashes(example_site), tree_hashes(build.site)
    assert sorted(first) == sorted(second)
    differing = sorted(name for name in first if first[name] != second[name])
    assert differing == []


# --- (c) and (d) failed builds leave the last site alone --------------------------------------


def test_broken_yaml_fails_and_keeps_the_site(built: Path) -> None:
    site = built / "site"
    before = tree_hashes(site)
    assert len(before) > 50
    (built / "data" / "jabatan" / "kepala-seksi-jalan.yml").write_text(
        "nama: [Kepala Seksi Jalan\njenis: pengawas\n", encoding="utf-8"
    )
    build = mkdocs_build(built, site)
    assert build.returncode != 0
    assert "kepala-seksi-jalan.yml" in build.output
    assert tree_hashes(site) == before


def test_warning_fails_strict_build_and_keeps_the_site(built: Path, tmp_path: Path) -> None:
    site = built / "site"
    before = tree_hashes(site)
    lonely = DataFolder(built / "data")
    document = dict(lonely.doc("jabatan/kepala-seksi-jalan.yml"))
    document["nama"] = "Kepala Seksi Jembatan"
    lonely.files = {"jabatan/kepala-seksi-jembatan.yml": document}  # on no career path
    lonely.write()
    diagnostics = validate_project(built / "data").diagnostics
    assert "PK306" in {d.code for d in diagnostics}
    assert all(d.severity is Severity.WARNING for d in diagnostics)  # valid, only warned about

    strict = mkdocs_build(built, site)
    assert strict.returncode != 0
    assert "PK306" in strict.output
    assert tree_hashes(site) == before
    assert _leftovers(built) == []

    # Without --strict the same data builds, with the warning shown: it is only a warning.
    lenient = mkdocs_build(built, tmp_path / "lenient", strict=False)
    assert lenient.returncode == 0, lenient.output
    assert "WARNING" in lenient.output and "PK306" in lenient.output
    assert (tmp_path / "lenient" / "jabatan" / "kepala-seksi-jembatan" / "index.html").is_file()


def test_missing_dot_fails_clearly_and_builds_nothing(built: Path, tmp_path: Path) -> None:
    assert shutil.which("dot", path=str(BIN)) is None
    no_dot = build_env(PATH=str(BIN))
    fresh = tmp_path / "fresh-site"
    build = mkdocs_build(built, fresh, env=no_dot)
    assert build.returncode != 0
    assert "'graphviz'" in build.output, build.output
    assert not fresh.exists() or not any(fresh.iterdir())

    site = built / "site"
    before = tree_hashes(site)
    again = mkdocs_build(built, site, env=no_dot)
    assert again.returncode != 0
    assert "'graphviz'" in again.output
    assert tree_hashes(site) == before


def test_a_warning_while_writing_fails_strict_build_and_keeps_the_site(built: Path) -> None:
    """A warning MkDocs logs while it writes the pages (a broken link in a guide): strict mode
    aborts only after the last plugin hook, when MkDocs has written the whole site; nothing of
    it may be published."""
    site = built / "site"
    before = tree_hashes(site)
    (built / "docs" / "panduan.md").write_text("# Panduan\n\n[x](tidak-ada.md)\n", encoding="utf-8")
    build = mkdocs_build(built, site)
    assert build.returncode != 0
    assert "tidak-ada.md" in build.output
    assert "Traceback" not in build.output
    assert tree_hashes(site) == before
    assert _leftovers(built) == []


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if ".pola-karir-" in p.name)


def test_two_builds_at_once_both_publish_whole_sites(built: Path, small_project: Path) -> None:
    """The second build waits for the first (a lock on the folder of site_dir), then deletes
    what a killed build left there and publishes the same site."""
    site = built / "site"
    expected = tree_hashes(small_project / "site")
    killed = built / ".site.pola-karir-build-999999-0badcafe"
    killed.mkdir()
    (killed / "index.html").write_text("half", encoding="utf-8")
    shutil.rmtree(site / "jabatan")  # so a published site shows
    command = [str(BIN / "mkdocs"), "build", "--strict", "-f", str(built / "mkdocs.yml")]
    builds = [
        subprocess.Popen(
            [*command, "-d", str(site)],
            cwd=built,
            env=build_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    for build in builds:
        output = build.communicate()[0]
        assert build.returncode == 0, output
        assert "Traceback" not in output
    assert tree_hashes(site) == expected
    assert _leftovers(built) == []


# --- the diagram cache is checked before it is trusted ----------------------------------------


def test_a_tampered_or_truncated_cache_entry_is_rendered_again(built: Path) -> None:
    cache = built / "diagram-cache"
    entries = sorted(cache.glob("*.svg"))
    assert len(entries) >= 2
    payload = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert("pk")</script></svg>'
    entries[0].write_text(payload, encoding="utf-8")
    truncated = entries[1].read_text(encoding="utf-8")
    entries[1].write_text(truncated[: len(truncated) // 2], encoding="utf-8")

    build = _ok(mkdocs_build(built, built / "site"))
    rendered, _ = _stats(build)
    assert rendered >= 2  # diagrams with the same source share an entry
    assert text("publish.cache.rejected", "id", count=rendered) in build.output
    pages = "".join(p.read_text(encoding="utf-8") for p in (built / "site").rglob("*.html"))
    assert 'alert("pk")' not in pages and "alert(&quot;pk&quot;)" not in pages
    assert "<script>alert" not in entries[0].read_text(encoding="utf-8")
    assert entries[1].read_text(encoding="utf-8").endswith("</svg>")
    assert _stats(_ok(mkdocs_build(built, built / "site")))[0] == 0


@pytest.mark.parametrize("shape", ["file", "below a file"])
def test_an_unusable_cache_dir_is_one_clear_message(tmp_path: Path, shape: str) -> None:
    project = new_project(tmp_path / "project", cache_dir="cache/inner")
    DataFolder(project / "data").write()
    if shape == "file":
        (project / "cache").mkdir()
        (project / "cache" / "inner").write_text("", encoding="utf-8")
        expected = text("publish.cache.not_folder", "id", path=project / "cache" / "inner")
    else:
        (project / "cache").write_text("", encoding="utf-8")
        expected = "cache diagram di"
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert expected in build.output, build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "site").exists()


# --- the build date comes from the data's history ---------------------------------------------


def _git(project: Path, *args: str, date: str) -> None:
    env = build_env(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    identity = ["-c", "user.name=Pola Karir", "-c", "user.email=pola-karir@contoh.invalid"]
    subprocess.run(["git", *identity, *args], cwd=project, env=env, check=True, capture_output=True)


def test_the_build_date_is_the_last_commit_of_the_data(built: Path) -> None:
    """Without SOURCE_DATE_EPOCH, a project in git is dated by its last commit touching the data,
    the docs or mkdocs.yml, not by the day it is built: later commits elsewhere change nothing."""
    _git(built, "init", "-q", date="2021-03-04T10:00:00+00:00")
    _git(built, "add", "data", "docs", "mkdocs.yml", date="2021-03-04T10:00:00+00:00")
    _git(built, "commit", "-q", "-m", "data", date="2021-03-04T10:00:00+00:00")
    (built / "CATATAN.txt").write_text("bukan data", encoding="utf-8")
    _git(built, "add", "CATATAN.txt", date="2023-07-08T10:00:00+00:00")
    _git(built, "commit", "-q", "-m", "other", date="2023-07-08T10:00:00+00:00")

    env = build_env()
    del env["SOURCE_DATE_EPOCH"]
    build = _ok(mkdocs_build(built, built / "site", env=env))
    assert "SOURCE_DATE_EPOCH=1614852000" in build.output
    sitemap = (built / "site" / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))
    assert dates == {"2021-03-04"}
