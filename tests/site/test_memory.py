"""What the build keeps in files instead of memory (scripts/PERFORMANCE.md): each diagram's SVG
read back from its entry, checked against what was stored; the open data spooled to the build's
own folder; the forked workers in fresh pools. Real ``mkdocs build`` runs with the real ``dot``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from factory import DataFolder
from sitetools import build_env, fast_paths_off, mkdocs_build, new_project, tree_hashes

from pola_karir import mkdocs_fastpath as fastpath
from pola_karir.model import Dataset
from pola_karir.site.build import site_content
from pola_karir.text.catalogue import text

# A hook that runs (on_env) after every diagram was rendered and stored, before any page embeds
# one: it changes every stored SVG and signs the entry anew, as another build writing the same
# cache would, so the entry itself looks whole.
TAMPER = """
import hashlib
import tempfile
from pathlib import Path


def on_env(env, config, files):
    project = Path(config.config_file_path).parent
    entries = [*(project / "diagram-cache").glob("*.svg")]
    entries += Path(tempfile.gettempdir()).glob("pola-karir-build-*/svg/*.svg")
    assert entries, "no diagram entry to change"
    for entry in entries:
        head, _, svg = entry.read_text(encoding="utf-8").partition("\\n")
        changed = svg.replace("<svg ", '<svg data-changed="ya" ', 1)
        digest = hashlib.sha256(changed.encode("utf-8")).hexdigest()
        name, key, _ = head.split(" ")
        entry.write_text(f"{name} {key} {digest}\\n{changed}", encoding="utf-8")
    return env
"""


def _project(folder: Path, *, cache: bool) -> Path:
    project = new_project(folder, cache_dir="diagram-cache", cache=cache)
    DataFolder(project / "data").write()
    return project


def _leftovers(temp: Path) -> list[str]:
    """What a build left in its temporary folder (``TMPDIR``)."""
    return sorted(p.name for p in temp.glob("pola-karir-*"))


@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no cache"])
def test_a_diagram_changed_before_it_is_embedded_stops_the_build(
    tmp_path: Path, cache: bool
) -> None:
    """The build stops with the catalogue's message naming the entry; the published site is as
    it was, nothing is half written, and the build's temporary folder is gone."""
    project = _project(tmp_path / "project", cache=cache)
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = build_env(TMPDIR=str(temp))
    site = project / "site"
    first = mkdocs_build(project, site, env=env)
    assert first.returncode == 0, first.output
    assert "data-changed" not in "".join(p.read_text() for p in site.rglob("*.html"))
    assert _leftovers(temp) == []
    before = tree_hashes(site)

    (project / "tamper.py").write_text(TAMPER, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(f"{config}hooks:\n  - tamper.py\n", encoding="utf-8")
    shutil.rmtree(project / "diagram-cache" / "rendered", ignore_errors=True)  # pages embed anew
    failed = mkdocs_build(project, site, env=env)

    assert failed.returncode != 0
    said = text("site.render.diagram_changed", "id", path="\0")
    opening, closing = said.split("\0")
    assert f"pola-karir: {opening}" in failed.output, failed.output
    assert closing in failed.output
    named = failed.output.split(opening, 1)[1].split(closing, 1)[0]
    assert named.endswith(".svg"), named
    assert "Traceback" not in failed.output
    assert tree_hashes(site) == before
    assert sorted(p.name for p in project.iterdir() if ".pola-karir-" in p.name) == []
    assert _leftovers(temp) == []


def test_a_killed_build_s_folder_is_deleted_by_the_next_build(tmp_path: Path) -> None:
    """A build killed (SIGKILL) cannot delete its own folder; the next build deletes the folders
    whose process is gone, and leaves a running one's alone."""
    temp = tmp_path / "tmp"
    ended = subprocess.Popen(["true"])  # a process that has ended: its pid names no process
    ended.wait()
    orphan = temp / f"pola-karir-build-{ended.pid}-abc123" / "published"
    orphan.mkdir(parents=True)
    (orphan / "pola-karir.json").write_text("{}", encoding="utf-8")
    alive = temp / f"pola-karir-build-{os.getpid()}-def456"
    alive.mkdir()
    project = _project(tmp_path / "project", cache=True)

    build = mkdocs_build(project, project / "site", env=build_env(TMPDIR=str(temp)))

    assert build.returncode == 0, build.output
    assert _leftovers(temp) == [alive.name]


def test_the_open_data_is_published_byte_for_byte(
    example_site: Path, example_dataset: Dataset
) -> None:
    """The open data (JSON, CSV, the data script, schemas) goes through a file of the build's
    own: the site holds exactly the bytes of the text the site content made."""
    published = site_content(example_dataset, "id").files
    assert len(published) > 5
    for path, content in published.items():
        assert (example_site / path).read_bytes() == content.encode("utf-8"), path


def _pids(srcs: Sequence[str]) -> list[tuple[str, int | None]]:
    return [(src, os.getpid()) for src in srcs]


def test_workers_are_forked_afresh_every_few_chunks() -> None:
    """A worker renders at most CHUNKS_PER_POOL chunks of at most CHUNK_PAGES pages before a new
    pool forks; after each pool the caller is told what it did, so it can let go of it."""
    per_pool = 2 * fastpath.CHUNKS_PER_POOL * fastpath.CHUNK_PAGES
    srcs = [f"jabatan/{n:05d}.md" for n in range(2 * per_pool + 1)]
    groups: list[int] = []

    def after(done: Mapping[str, int]) -> None:
        groups.append(len(done))

    done = fastpath.run_forked(_pids, srcs, 2, after)

    assert sorted(done) == srcs
    assert os.getpid() not in done.values()
    assert groups == [per_pool, per_pool, 1]
    pids = set(done.values())
    assert len(pids) > 2  # two workers per pool, three pools: never the same two throughout
    for first in range(0, len(srcs), fastpath.CHUNK_PAGES):
        chunk = srcs[first : first + fastpath.CHUNK_PAGES]
        assert len({done[src] for src in chunk}) == 1  # a chunk is one worker's


# A hook that runs after the pages are converted ahead (on_nav, after the plugin's) and puts a
# file where the rendered pages' cache folder goes: no page can be rendered ahead (its entry
# cannot be written), so MkDocs renders every generated page itself.
NO_RENDERED_FOLDER = """
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-200)
def on_nav(nav, config, files):
    cache = Path(config.config_file_path).parent / "diagram-cache"
    assert list((cache / "pages").glob("*.json")), "no page converted ahead"
    (cache / "rendered").write_text("not a folder", encoding="utf-8")
    return nav
"""


def test_pages_not_rendered_ahead_get_their_html_back_from_the_entries(tmp_path: Path) -> None:
    """Between converting and rendering ahead a page's HTML stays in its stage-1 entry, not on
    MkDocs' page; a page that is then not rendered ahead after all is given it back, and MkDocs
    renders it itself: the site is the one the plain path builds."""
    data = tmp_path / "data"
    DataFolder(data).write()
    plain = new_project(tmp_path / "plain", data, cache_dir="diagram-cache", fast_paths=False)
    expected = mkdocs_build(plain, plain / "site")
    assert expected.returncode == 0, expected.output
    project = new_project(tmp_path / "project", data, cache_dir="diagram-cache")
    (project / "hook.py").write_text(NO_RENDERED_FOLDER, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(f"{config}hooks:\n  - hook.py\n", encoding="utf-8")

    built = mkdocs_build(project, project / "site")

    assert built.returncode == 0, built.output
    assert (project / "diagram-cache" / "rendered").is_file()  # nothing was rendered ahead
    assert tree_hashes(project / "site") == tree_hashes(plain / "site")


# A hook that makes every generated page a large one (rendered in MkDocs' own process after the
# workers, see mkdocs_render_ahead.LARGE_PAGE) and writes what rendering ahead did to a file.
ALL_LARGE = """
import json
from pathlib import Path

from pola_karir import mkdocs_render_ahead


def on_config(config):
    mkdocs_render_ahead.LARGE_PAGE = 0
    return config


def on_post_build(config):
    stats = config.plugins["pola-karir"].last_rendered
    out = Path(config.config_file_path).parent / "stats.json"
    out.write_text(json.dumps(stats.__dict__), encoding="utf-8")
"""

# With it, another plugin handles on_env: the pages keep their HTML (nothing left in the
# stage-1 entries for them), as MkDocs would render them itself.
KEEPS_HTML_ON_PAGES = """

def on_env(env, config, files):
    return env
"""


def _with_hooks(project: Path, *hooks: str) -> Path:
    names = []
    for number, hook in enumerate(hooks):
        (project / f"hook{number}.py").write_text(hook, encoding="utf-8")
        names.append(f"  - hook{number}.py\n")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(f"{config}hooks:\n{''.join(names)}", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The example data and the site MkDocs builds from it with the fast paths off."""
    data = tmp_path_factory.mktemp("data") / "data"
    DataFolder(data).write()
    plain = new_project(tmp_path_factory.mktemp("plain"), data, cache_dir="diagram-cache")
    fast_paths_off(plain)
    built = mkdocs_build(plain, plain / "site")
    assert built.returncode == 0, built.output
    return data, tree_hashes(plain / "site")


@pytest.mark.parametrize("html_on_pages", [False, True], ids=["html in entries", "on pages"])
def test_large_pages_rendered_in_the_build_s_own_process_make_the_same_site(
    tmp_path: Path, plain_site: tuple[Path, dict[str, str]], html_on_pages: bool
) -> None:
    """Pages rendered ahead in MkDocs' own process, after the workers (the large ones), come
    out as the plain path builds them, whether their HTML waited in the stage-1 entries or on
    the pages."""
    data, expected = plain_site
    project = new_project(tmp_path / "project", data, cache_dir="diagram-cache")
    hooks = (ALL_LARGE, KEEPS_HTML_ON_PAGES) if html_on_pages else (ALL_LARGE,)
    _with_hooks(project, *hooks)

    built = mkdocs_build(project, project / "site")

    assert built.returncode == 0, built.output
    stats = json.loads((project / "stats.json").read_text(encoding="utf-8"))
    assert stats["rendered"] > 20
    assert stats["large"] == stats["rendered"]  # every page, none in a worker
    assert tree_hashes(project / "site") == expected


def test_a_large_page_not_rendered_ahead_is_built_from_its_own_html(
    tmp_path: Path, plain_site: tuple[Path, dict[str, str]]
) -> None:
    """Rendering a page in MkDocs' own process runs the events on MkDocs' own page (the search
    plugin replaces its HTML there); should the page not be rendered ahead after all (its
    entry cannot be written here), MkDocs renders it itself from its HTML as it was before."""
    data, expected = plain_site
    project = new_project(tmp_path / "project", data, cache_dir="diagram-cache")
    _with_hooks(project, ALL_LARGE, KEEPS_HTML_ON_PAGES, NO_RENDERED_FOLDER)

    built = mkdocs_build(project, project / "site")

    assert built.returncode == 0, built.output
    assert (project / "diagram-cache" / "rendered").is_file()  # nothing was rendered ahead
    stats = json.loads((project / "stats.json").read_text(encoding="utf-8"))
    assert stats["rendered"] == 0
    assert tree_hashes(project / "site") == expected
