"""A dataset several times the example still builds, and a position page does not grow with it.

Both the example and a dataset ``COPIES`` times it are built with thresholds small enough that
both are summarised (``POLA_KARIR_LIMITS``, see :mod:`pola_karir.site.limits`): the nav then
lists index pages only and the overview is the summary, so nothing on a position page depends
on the number of positions, and its bytes must be equal in both builds.

Both builds start with the session's example build's diagrams in their cache (entries are keyed
by the diagram's DOT source, and checked before use): what they share with the example is not
rendered by dot a third and a fourth time. The cold render is the example build's.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from sitetools import REPO, Build, build_env, mkdocs_build, new_project, seed_diagrams

from pola_karir.rules.validate import validate_project
from pola_karir.site import limits, urls

COPIES = 2  # two sizes are enough to show a page does not grow with N; more only costs CI time
POSITION = "kepala-bidang-bina-marga"
# Crossed by the example (120 positions, 18 paths, 8 perangkat daerah) and so by every copy.
SMALL_LIMITS = "overview=100,nav=5"
NAV_LINK = re.compile(r'<a href="([^"]*)" class="md-nav__link')


def _suffix(identifier: str, copy: int) -> str:
    return identifier if copy == 1 else f"{identifier}-x{copy}"


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")


def scaled_data(
    target: Path, copies: int = COPIES, *, copy_units: bool = True, rename: bool = False
) -> Path:
    """The example data with its positions, units and career paths copied ``copies`` times under
    suffixed ids (copy 1 keeps the original ids); job families, competencies, trainings and
    regulations stay shared. References to positions and units are rewritten to the copy.

    ``copy_units=False`` places every copy in the example's own units (more positions, the same
    perangkat daerah); ``rename`` marks the copies' position names too, so no two positions
    share a name and copy 1's pages name everything as the example does."""
    source = REPO / "data"
    skipped = ("jabatan", "jalur", *(["unit"] if copy_units else []))
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*skipped))
    for copy in range(1, copies + 1):
        mark = "" if copy == 1 else f" ({copy})"
        unit_copy = copy if copy_units else 1
        for path in sorted((source / "unit").glob("*.yml")) if copy_units else []:
            document = _load(path)
            document["nama"] += mark
            _dump(target / "unit" / f"{_suffix(path.stem, copy)}.yml", document)
        for path in sorted((source / "jabatan").glob("*.yml")):
            document = _load(path)
            if rename:
                document["nama"] += mark
            for placed in [document, *document.get("penempatan", [])]:
                if "unit" in placed:
                    top, _, rest = placed["unit"].partition("/")
                    placed["unit"] = _suffix(top, unit_copy) + (f"/{rest}" if rest else "")
            for item in (document.get("persyaratan") or {}).get("pengalaman") or []:
                if "jabatan" in item:
                    item["jabatan"] = [_suffix(p, copy) for p in item["jabatan"]]
            _dump(target / "jabatan" / f"{_suffix(path.stem, copy)}.yml", document)
        for path in sorted((source / "jalur").glob("*.yml")):
            document = _load(path)
            document["nama"] += mark
            for move in document["langkah"]:
                move["dari"] = _suffix(move["dari"], copy)
                move["ke"] = _suffix(move["ke"], copy)
            _dump(target / "jalur" / f"{_suffix(path.stem, copy)}.yml", document)
    return target


@pytest.fixture(scope="module")
def summarised(
    tmp_path_factory: pytest.TempPathFactory, example_build: Build
) -> tuple[Build, Build]:
    """The example and ``COPIES`` times the example (units copied, copies' names marked),
    both built strictly above the (lowered) thresholds."""
    env = build_env(**{limits.ENVIRONMENT: SMALL_LIMITS})
    # The same project around both datasets: example mkdocs.yml, no hand-written docs.
    small = new_project(tmp_path_factory.mktemp("example") / "project", REPO / "data")
    large = new_project(tmp_path_factory.mktemp("scaled") / "project")
    data = scaled_data(large / "data", rename=True)
    example = validate_project(REPO / "data").dataset
    result = validate_project(data)
    assert result.dataset is not None and example is not None
    assert [d.code for d in result.diagnostics] == []
    assert len(result.dataset.positions) == COPIES * len(example.positions)
    assert len(result.dataset.paths) == COPIES * len(example.paths)
    builds = []
    for project in (small, large):
        seed_diagrams(project, example_build.site.parent)
        build = mkdocs_build(project, project / "site", env=env)
        assert build.returncode == 0, build.output
        assert "WARNING" not in build.output, build.output
        builds.append(build)
    return builds[0], builds[1]


def _page(site: Path, src: str) -> Path:
    return site / src.removesuffix(".md").removesuffix("/index") / "index.html"


def test_position_pages_are_the_same_bytes_at_any_size(
    summarised: tuple[Build, Build], example_site: Path, capsys: Any
) -> None:
    small, large = summarised
    example = validate_project(REPO / "data").dataset
    assert example is not None
    different = {}
    for position_id in example.positions:
        src = urls.position(position_id)
        one, scaled = _page(small.site, src).read_bytes(), _page(large.site, src).read_bytes()
        if one != scaled:
            different[position_id] = len(scaled) - len(one)
    assert different == {}
    listed = _page(example_site, urls.position(POSITION)).stat().st_size
    summarised_size = _page(large.site, urls.position(POSITION)).stat().st_size
    with capsys.disabled():
        print(
            f"\n[scale] jabatan/{POSITION}: {summarised_size} B in the example and at "
            f"{COPIES}x with the nav summarised ({listed} B with the example's full nav)"
        )


def test_above_the_threshold_the_nav_lists_index_pages_only(
    summarised: tuple[Build, Build], example_site: Path
) -> None:
    """On the index of paths and of units (where their nav section is open), the example's nav
    links every path and unit page; summarised, it links none of them, at any size."""
    example = validate_project(REPO / "data").dataset
    assert example is not None
    pages = [urls.path(p) for p in example.paths] + [urls.unit(u) for u in example.units]
    targets = {src.removesuffix(".md") for src in pages}

    def nav_targets(site: Path, index: str) -> set[str]:
        links = NAV_LINK.findall(_page(site, index).read_text(encoding="utf-8"))
        folder = index.removesuffix("index.md")
        return {(folder + link.removeprefix("../")).rstrip("/") for link in links} & targets

    for index in (urls.PATHS, urls.UNITS):
        assert nav_targets(example_site, index), index
        for build in summarised:
            assert nav_targets(build.site, index) == set(), (build.site, index)


def test_above_the_threshold_the_overview_links_groups_not_positions(
    summarised: tuple[Build, Build],
) -> None:
    small, large = summarised
    for build in (small, large):
        overview = _page(build.site, urls.OVERVIEW).read_text(encoding="utf-8")
        figure = overview.index('data-pk-diagram="pola-karier"')
        svg = overview[figure : overview.index("</figure>", figure)]
        assert 'href="../jabatan/' not in svg
        assert 'href="../unit/dinas-pupr/"' in svg
        assert 'href="../jabatan-fungsional/perencana/"' in svg
    # Copied perangkat daerah are groups of their own; job families are shared by the copies.
    one = _page(small.site, urls.OVERVIEW).read_text(encoding="utf-8")
    scaled = _page(large.site, urls.OVERVIEW).read_text(encoding="utf-8")
    copied = f"dinas-pupr-x{COPIES}"
    assert f'href="../unit/{copied}/"' in scaled and copied not in one
