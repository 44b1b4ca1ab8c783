"""Rendering through the real `dot`: batches, fallbacks for layouts Graphviz fails on, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from pola_karir.site.diagrams import Diagram
from pola_karir.site.render import (
    BackgroundRender,
    GraphvizError,
    prepare_cache,
    render_all,
    render_to_store,
)

GOOD = 'digraph G { a [label="Satu"]; b [label="Dua"]; a -> b }'
BROKEN = "digraph G { a -> [ }"  # a syntax error: dot exits non-zero


def test_a_failing_graph_falls_back_without_spoiling_its_batch() -> None:
    diagrams = [
        Diagram("baik", "x.md", "Baik", GOOD),
        Diagram("rusak", "x.md", "Rusak", BROKEN, fallback='digraph G { c [label="Cadangan"] }'),
        Diagram("baik-2", "x.md", "Baik 2", GOOD.replace("Dua", "Tiga")),
    ]
    svgs, stats = render_all(diagrams, cache_dir=None, jobs=1)
    assert ">Dua<" in svgs["baik"] and ">Tiga<" in svgs["baik-2"]
    assert ">Cadangan<" in svgs["rusak"]
    assert (stats.rendered, stats.cached) == (3, 0)


def test_a_failing_graph_without_fallback_is_an_error_naming_graphviz() -> None:
    with pytest.raises(GraphvizError, match="Graphviz"):
        render_all([Diagram("rusak", "x.md", "Rusak", BROKEN)], cache_dir=None)


def test_a_missing_dot_names_the_package_to_install() -> None:
    with pytest.raises(GraphvizError, match="apt-get install graphviz"):
        render_all(
            [Diagram("baik", "x.md", "Baik", GOOD)], cache_dir=None, dot="dot-yang-tidak-ada"
        )


def test_a_diagram_renders_the_same_alone_and_in_a_batch() -> None:
    """Graphviz names the second and later graphs of one process ``page0,1_graph0``: without
    tidying, a warm build (some diagrams from the cache, the rest batched) and a cold one gave
    different bytes for the same diagram."""
    diagrams = [Diagram(f"d{i}", "x.md", f"D{i}", GOOD.replace("Dua", str(i))) for i in range(3)]
    batched, _ = render_all(diagrams, cache_dir=None, jobs=1)
    for diagram in diagrams:
        alone, _ = render_all([diagram], cache_dir=None, jobs=1)
        assert alone[diagram.name] == batched[diagram.name]
        assert "page0," not in batched[diagram.name]


def _cluster(label: str) -> str:
    return f'digraph G {{ subgraph cluster_0 {{ label="{label}"; a }} b; a -> b }}'


def test_diagrams_streamed_in_small_batches_are_those_rendered_at_once(tmp_path: Path) -> None:
    """The plugin hands each page's diagrams to ``dot`` as the page is made, a few at a time:
    every SVG, its stored entry and the counts are what one batch per process gives."""
    diagrams = [
        *(Diagram(f"d{i}", "x.md", f"D{i}", GOOD.replace("Dua", f"Dua {i}")) for i in range(7)),
        Diagram("klaster", "x.md", "Klaster", _cluster("Bidang")),
        Diagram("rusak", "x.md", "Rusak", BROKEN, fallback='digraph G { c [label="Cadangan"] }'),
    ]
    whole, _ = render_all(diagrams, cache_dir=None, jobs=1)
    prepare_cache(tmp_path)
    renderer = BackgroundRender(tmp_path, jobs=2, batch=2)
    try:
        for start in range(0, len(diagrams), 3):  # three pages of three diagrams
            renderer.add(diagrams[start : start + 3])
        store, stats = renderer.finish()
    finally:
        renderer.close()
    assert {d.name: store.get(d.name) for d in diagrams} == whole
    assert (stats.rendered, stats.cached, stats.rejected) == (9, 0, 0)
    assert len(list(tmp_path.glob("*.svg"))) == 9 == len(stats.entries)
    _, again = render_to_store(diagrams, tmp_path, jobs=2)
    assert (again.rendered, again.cached) == (0, 9)


def test_a_streamed_graph_that_fails_is_an_error_when_the_diagrams_are_awaited(
    tmp_path: Path,
) -> None:
    prepare_cache(tmp_path)
    renderer = BackgroundRender(tmp_path, jobs=1, batch=1)
    try:
        renderer.add([Diagram("baik", "x.md", "Baik", GOOD)])
        renderer.add([Diagram("rusak", "x.md", "Rusak", BROKEN)])
        with pytest.raises(GraphvizError, match="Graphviz"):
            renderer.finish()
    finally:
        renderer.close()
