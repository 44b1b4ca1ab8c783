"""Page-building helpers that need no MkDocs: the least time to climb a career path."""

from __future__ import annotations

from pola_karir.model import CareerPath, Dataset, Move
from pola_karir.site.pages import longest_climb, path_page


def _path(*steps: tuple[str, str, str, float]) -> CareerPath:
    moves = tuple(
        Move(source=a, target=b, kind=kind, min_years=years) for a, b, kind, years in steps
    )
    return CareerPath(id="uji", name="Uji", moves=moves)


def test_the_slowest_upward_chain_sets_the_minimum_time() -> None:
    path = _path(
        ("a", "b", "vertikal", 4),
        ("b", "d", "vertikal", 3),
        ("a", "c", "vertikal", 1),
        ("c", "d", "diagonal", 1),
        ("d", "e", "horizontal", 9),  # horizontal moves are not part of the climb
    )
    chain, years = longest_climb(path)
    assert [(m.source, m.target) for m in chain] == [("a", "b"), ("b", "d")]
    assert years == 7


def test_a_very_long_ladder_needs_no_recursion() -> None:
    steps = [(f"p{i}", f"p{i + 1}", "vertikal", 0.5) for i in range(3000)]
    chain, years = longest_climb(_path(*steps))
    assert len(chain) == 3000
    assert years == 1500


def test_a_cycle_of_upward_moves_gives_no_climb() -> None:
    path = _path(("a", "b", "diagonal", 1), ("b", "a", "diagonal", 1))
    assert longest_climb(path) == ([], 0.0)


def test_only_horizontal_moves_give_no_climb() -> None:
    assert longest_climb(_path(("a", "b", "horizontal", 2))) == ([], 0.0)


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
