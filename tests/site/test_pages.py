"""Page-building helpers that need no MkDocs: the least time to climb a career path, as the
path page shows it (the algorithm itself is tested in ``tests/test_routes.py``)."""

from __future__ import annotations

import pytest

from pola_karir.career.routes import shortest_climb
from pola_karir.model import (
    Agency,
    AgencyRegulation,
    CareerPath,
    Dataset,
    Move,
    Placement,
    Position,
)
from pola_karir.site.pages import path_page


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


def test_pranata_komputer_climbs_through_its_shortcut(example_dataset: Dataset) -> None:
    """The example's Pranata Komputer path: mahir may move straight to ahli pertama, so the
    climb takes 10 years, not the 12 of the way through penyelia."""
    path = example_dataset.paths["pranata-komputer"]
    chain, years = shortest_climb(example_dataset, path)
    assert years == 10
    assert ("pranata-komputer-mahir-bkpsdm", "pranata-komputer-ahli-pertama") in [
        (m.source, m.target) for m in chain
    ]
    assert all("penyelia" not in m.target for m in chain)
