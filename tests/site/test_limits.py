"""Where the site stops listing everything: the overview summary and the nav above the
thresholds of :mod:`pola_karir.site.limits`, tested on the model (no site build but one
failing on purpose); the full builds are in test_scale.py."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from sitetools import REPO, build_env, mkdocs_build, new_project

from pola_karir.model import Dataset
from pola_karir.site import home, limits, urls
from pola_karir.site.build import site_content
from pola_karir.site.render import render_all
from pola_karir.site.summary import FAMILY, UNIT, summarise

POSITION_LINK = re.compile(r'URL="pk-src:jabatan/')
NODE = re.compile(r"^\s*(?:n|g)\d+ \[", re.MULTILINE)
EDGE = re.compile(r"^\s*(?:n|g)\d+ -> (?:n|g)\d+", re.MULTILINE)


def test_the_example_stays_under_the_thresholds(example_dataset: Dataset) -> None:
    """The example keeps its detailed overview and full nav: its goldens did not change."""
    assert len(example_dataset.positions) <= limits.OVERVIEW_DETAIL_LIMIT
    assert len(example_dataset.paths) <= limits.NAV_LIST_LIMIT
    assert sum(u.parent is None for u in example_dataset.units.values()) <= limits.NAV_LIST_LIMIT


def test_the_overview_is_detailed_up_to_the_threshold_and_summarised_above(
    example_dataset: Dataset,
) -> None:
    count = len(example_dataset.positions)
    (detailed,) = home.overview_page(example_dataset, limits.Limits(overview=count)).diagrams
    assert len(POSITION_LINK.findall(detailed.dot)) == count
    page = home.overview_page(example_dataset, limits.Limits(overview=count - 1))
    (diagram,) = page.diagrams
    summary = summarise(example_dataset)
    assert POSITION_LINK.findall(diagram.dot) == []
    assert len(NODE.findall(diagram.dot)) == len(summary.groups)
    assert len(EDGE.findall(diagram.dot)) == len(summary.flows)
    for group in summary.groups:  # every node links its group's own page
        assert f'URL="{urls.ref(group.page)}"' in diagram.dot
        assert urls.md_link(urls.OVERVIEW, group.page) in page.markdown
    # Beside the diagram, its content as tables: one row per group and one per flow.
    rows = [line for line in page.markdown.splitlines() if line.startswith("| [")]
    assert len(rows) == len(summary.groups) + len(summary.flows)


def test_the_summary_counts_every_position_and_move_once(example_dataset: Dataset) -> None:
    summary = summarise(example_dataset)
    assert sum(g.positions for g in summary.groups) == len(example_dataset.positions)
    moves = {(m.source, m.target, m.kind) for m in example_dataset.moves()}
    assert summary.moves == len(moves)
    tops = {u.id for u in example_dataset.units.values() if u.parent is None}
    assert {g.id for g in summary.groups if g.kind == UNIT} == tops
    assert {g.id for g in summary.groups if g.kind == FAMILY} == set(example_dataset.families)
    keys = {g.key for g in summary.groups}
    for flow in summary.flows:
        assert flow.source in keys and flow.target in keys and flow.source != flow.target
    # A functional position is counted in its family, wherever it is placed.
    perencana = next(g for g in summary.groups if g.key == f"{FAMILY}:perencana")
    assert perencana.positions == sum(
        p.family == "perencana" for p in example_dataset.positions.values()
    )


def _grown(example: Dataset, copies: int) -> Dataset:
    """The example with ``copies`` times its positions and career paths, in its own perangkat
    daerah and job families (copies' ids and names marked, as ``scaled_data`` writes them
    with ``copy_units=False``; built in memory, which is what the overview reads)."""

    def mark(identifier: str, copy: int) -> str:
        return identifier if copy == 1 else f"{identifier}-x{copy}"

    positions = {
        mark(p.id, copy): replace(p, id=mark(p.id, copy), name=f"{p.name} ({copy})")
        for copy in range(1, copies + 1)
        for p in example.positions.values()
    }
    paths = {
        mark(path.id, copy): replace(
            path,
            id=mark(path.id, copy),
            moves=tuple(
                replace(m, source=mark(m.source, copy), target=mark(m.target, copy))
                for m in path.moves
            ),
        )
        for copy in range(1, copies + 1)
        for path in example.paths.values()
    }
    return replace(example, positions=positions, paths=paths)


def test_the_summary_does_not_grow_with_the_positions(example_dataset: Dataset) -> None:
    """Three and six times the positions in the same perangkat daerah and job families: the
    same nodes and edges, and an SVG of (nearly) the same size: only the counts in the labels
    change, never the number of things drawn."""
    sizes = {}
    shapes = {}
    for copies in (3, 6):
        dataset = _grown(example_dataset, copies)
        assert len(dataset.positions) > limits.OVERVIEW_DETAIL_LIMIT
        page = home.overview_page(dataset)
        (diagram,) = page.diagrams
        svgs, _ = render_all([diagram], None, 1)
        sizes[copies] = (len(svgs[diagram.name]), len(page.markdown))
        shapes[copies] = (len(NODE.findall(diagram.dot)), len(EDGE.findall(diagram.dot)))
    assert shapes[3] == shapes[6]
    (svg_3, page_3), (svg_6, page_6) = sizes[3], sizes[6]
    assert abs(svg_6 - svg_3) < svg_3 / 100, sizes
    assert abs(page_6 - page_3) < page_3 / 100, sizes


def _nav_titles(nav: object) -> list[str]:
    if isinstance(nav, list):
        return [title for item in nav for title in _nav_titles(item)]
    if isinstance(nav, dict):
        return [t for key, value in nav.items() for t in [key, *_nav_titles(value)]]
    return []


def test_the_nav_lists_each_path_and_unit_up_to_the_threshold(example_dataset: Dataset) -> None:
    paths = len(example_dataset.paths)  # 18; the example has 8 perangkat daerah
    at_limit = site_content(example_dataset, limits=limits.Limits(nav=paths)).nav
    above = site_content(example_dataset, limits=limits.Limits(nav=paths - 1)).nav
    names = [p.name for p in example_dataset.paths.values()]
    assert set(names) <= set(_nav_titles(at_limit))
    assert set(names) & set(_nav_titles(above)) == set()
    # The section is the index page alone; units (fewer than the limit) are still listed.
    assert {"Jalur karier": urls.PATHS} in above
    units = [u.name for u in example_dataset.units.values() if u.parent is None]
    assert set(units) <= set(_nav_titles(above))


def test_the_limits_are_read_from_the_environment() -> None:
    assert limits.from_environment({}) == limits.Limits()
    assert limits.from_environment({limits.ENVIRONMENT: " "}) == limits.Limits()
    lowered = limits.from_environment({limits.ENVIRONMENT: "overview=10, nav=0"})
    assert lowered == limits.Limits(overview=10, nav=0)
    for bad in ("overview", "overview=-1", "paths=3", "nav=٣", "nav=2,\x1b[2K"):
        with pytest.raises(limits.LimitsError) as caught:
            limits.from_environment({limits.ENVIRONMENT: bad})
        said = caught.value.message("id")
        assert limits.ENVIRONMENT in said and "overview, nav" in said
        assert "\x1b" not in said


def test_a_bad_override_stops_the_build_with_one_message(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project", REPO / "data")
    env = build_env(**{limits.ENVIRONMENT: "nav=banyak"})
    build = mkdocs_build(project, project / "site", env=env)
    assert build.returncode == 1
    assert f"{limits.ENVIRONMENT}: bagian 'nav=banyak'" in build.output
    assert "Traceback" not in build.output
    assert not (project / "site").exists()
