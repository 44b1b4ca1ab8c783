"""Page-building helpers that need no MkDocs: the least time to climb a career path, as the
path page shows it (the algorithm itself is tested in ``tests/test_routes.py``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pola_karir.model import (
    Agency,
    AgencyRegulation,
    CareerPath,
    Dataset,
    Move,
    Placement,
    Position,
)
from pola_karir.site.build import site_content
from pola_karir.site.page import Page
from pola_karir.site.pages import path_page, unit_page
from pola_karir.site.text import md


def _dataset(*steps: tuple[str, str, str, float]) -> Dataset:
    moves = tuple(
        Move(source=a, target=b, kind=kind, min_years=years, path="uji")
        for a, b, kind, years in steps
    )
    ids = sorted({end for m in moves for end in (m.source, m.target)})
    positions = {i: Position(i, i.upper(), "pelaksana", (Placement("u"),), 5, "Uji.") for i in ids}
    agency = Agency("Uji", "Uji", AgencyRegulation("Perbup", "1", 2024, "Pola Karier"))
    path = CareerPath(id="uji", name="Uji", moves=moves)
    return Dataset(agency, {}, positions, {}, {}, {}, {}, {"uji": path})


def _climb_section(dataset: Dataset) -> str:
    markdown = path_page(dataset, dataset.paths["uji"]).markdown
    return markdown[markdown.index("## Waktu paling singkat") :]


def test_the_path_page_shows_the_shortcut_as_the_least_time() -> None:
    section = _climb_section(
        _dataset(
            ("a", "b", "vertikal", 2),
            ("b", "c", "vertikal", 2),
            ("c", "d", "vertikal", 2),
            ("b", "d", "diagonal", 2),
        )
    )
    assert "[A](../jabatan/a.md) → [B](../jabatan/b.md) → [D](../jabatan/d.md)" in section
    assert "**4 tahun**" in section


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ((("a", "b", "diagonal", 1), ("b", "a", "diagonal", 1)), "berputar kembali"),
        ((("a", "b", "horizontal", 2),), "hanya berisi perpindahan horizontal"),
    ],
)
def test_a_path_without_a_climb_says_why(
    steps: tuple[tuple[str, str, str, float], ...], expected: str
) -> None:
    markdown = path_page(_dataset(*steps), _dataset(*steps).paths["uji"]).markdown
    assert "## Waktu paling singkat" not in markdown
    assert expected in markdown


def test_steps_without_a_minimum_time_are_not_counted_as_zero(example_dataset: Dataset) -> None:
    # JF grade steps depend on credit points (Peraturan BKN 3/2023), so the example writes no
    # tahun_minimal for them: the page must not claim the climb takes 0 years.
    paths = example_dataset.paths
    page = path_page(example_dataset, paths["penata-kelola-jalan-dan-jembatan"]).markdown
    climb = page.split("## Waktu paling singkat")[1]
    assert "Paling singkat" not in climb
    assert "2 dari 2 langkah tidak menetapkan masa jabatan minimal" in climb
    written = path_page(example_dataset, paths["setda"]).markdown
    written = written.split("## Waktu paling singkat")[1]
    assert "Paling singkat **" in written
    assert "tidak menetapkan masa jabatan minimal" not in written


def test_a_sub_units_keterangan_is_on_its_unit_page(example_dataset: Dataset) -> None:
    """The puskesmas' keterangan says its head is a functional official with an added task
    (so no position of its own): a reader of the peta jabatan must see it, not only the YAML."""
    page = unit_page(example_dataset, "dinas-kesehatan")
    for unit_id in (
        "dinas-kesehatan/uptd-puskesmas-sukamaju",
        "dinas-kesehatan/uptd-puskesmas-mekarsari",
    ):
        description = example_dataset.units[unit_id].description
        assert description and md(description) in page.markdown
    top = example_dataset.units["dinas-kesehatan"].description
    assert page.markdown.count(md(top)) == 1


def test_each_page_is_handed_on_as_it_is_made(example_dataset: Dataset) -> None:
    """The plugin starts rendering a page's diagrams as soon as the page is made (while the
    next pages are made): every page reaches ``on_page`` once, in the site's order, before
    ``site_content`` returns, and its diagrams are those of the page in the result."""
    seen: list[Page] = []
    content = site_content(example_dataset, "id", on_page=seen.append)
    assert [p.src for p in seen] == [p.src for p in content.pages]
    assert [d for p in seen for d in p.diagrams] == list(content.diagrams)
    assert content.diagrams  # the example has diagrams, so the comparison says something


def test_pages_handed_on_may_be_kept_without_their_diagrams(example_dataset: Dataset) -> None:
    """Without ``keep_diagrams`` (the plugin: the diagrams went to ``dot`` from ``on_page``) the
    content keeps each page without its diagrams, and nothing else of it changes; ``on_page``
    still sees every diagram."""
    whole = site_content(example_dataset, "id")
    seen: list[Page] = []
    lean = site_content(example_dataset, "id", on_page=seen.append, keep_diagrams=False)
    assert [d for p in seen for d in p.diagrams] == list(whole.diagrams)
    assert whole.diagrams and not lean.diagrams
    assert lean.pages == tuple(replace(p, diagrams=()) for p in whole.pages)
    assert lean.files == whole.files and lean.nav == whole.nav
