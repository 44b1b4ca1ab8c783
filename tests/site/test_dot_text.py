"""The DOT text of the diagrams: the same bytes as before it was written without the ``graphviz``
package's quoting (golden files), and quoting that is at least as safe as that package's.

Golden files: ``golden/diagrams-dot.sha256`` holds a digest of every diagram of the example (and
of its fallback), ``golden/diagram-*.dot`` the full text of one diagram of each kind, so an
intended change shows as a readable diff. They were written by the ``graphviz.Digraph`` code
path, before :mod:`pola_karir.site.dot`; regenerate after an intended change with
``POLA_KARIR_UPDATE_GOLDEN=1 pytest tests/site/test_dot_text.py`` and read the diff.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import subprocess
from pathlib import Path

import graphviz
import pytest

from pola_karir.model import Dataset
from pola_karir.site import dot
from pola_karir.site.build import site_content
from pola_karir.site.diagrams import Diagram

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("POLA_KARIR_UPDATE_GOLDEN") == "1"
FULL = ("jabatan-kepala-bidang-bina-marga", "jalur-bina-marga", "unit-dinas-pupr", "pola-karier")


def _digests(diagrams: list[Diagram]) -> str:
    lines = []
    for diagram in diagrams:
        for kind, text in (("dot", diagram.dot), ("fallback", diagram.fallback)):
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            lines.append(f"{digest}  {diagram.name} {kind}\n")
    return "".join(lines)


def _check(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(path), "now"
        )
        pytest.fail(f"{path.name} differs:\n" + "".join(diff)[:20000])


def test_example_diagrams_dot_is_unchanged(example_dataset: Dataset) -> None:
    diagrams = site_content(example_dataset).diagrams
    by_name = {diagram.name: diagram for diagram in diagrams}
    assert set(FULL) <= set(by_name)
    _check(GOLDEN / "diagrams-dot.sha256", _digests(diagrams))
    for name in FULL:
        diagram = by_name[name]
        _check(GOLDEN / f"diagram-{name}.dot", f"{diagram.dot}// fallback\n{diagram.fallback}")


# Values a data string can become after diagrams._escape (backslashes doubled), and values it
# cannot (single backslashes, an escaped quote): quoting must agree with graphviz on both.
AGREE = [
    "",
    "n0",
    "_x9",
    "0.35",
    "-4.2",
    ".5",
    "9.",
    "1e3",
    "#1e3a8a",
    "DejaVu Sans,Arial,sans-serif",
    "pk-src:jabatan/a.md",
    "node",
    "Graph",
    "STRICT",
    'Kepala "Seksi"',
    '"]; a -> b [label="x',
    'a \\" b',
    'a \\\\" b',
    'a \\\\\\" b',
    "Kepala \\\\N Bidang\\nBina",
    "ꦥꦺꦴꦭ 🚧 { }",
    "tab\there",
    "<b>Ahli</b>",
    "a\\\\",
]


@pytest.mark.parametrize("value", AGREE)
def test_quote_agrees_with_graphviz(value: str) -> None:
    assert dot.quote(value) == graphviz.quoting.quote(graphviz.nohtml(value))


def test_quote_never_leaves_an_html_label_or_an_escaped_closing_quote() -> None:
    # graphviz passes "<...>" through bare (an HTML label) unless marked, and leaves a final
    # odd backslash to escape the closing quote (with a warning): the rest of the line would
    # then be read as the value's text and the next quote would open DOT syntax.
    assert dot.quote("<b>x</b>") == '"<b>x</b>"'
    assert dot.quote("a\\") == '"a\\\\"'
    assert dot.quote("a\\\\\\") == '"a\\\\\\\\"'
    assert dot.quote("abc\n") == '"abc\n"'


def test_a_hostile_graph_parses_as_written() -> None:
    """Every hostile value comes back from the real ``dot`` as the one attribute it was given,
    and no value adds a node, a cluster or an attribute."""
    label = 'x"; n9 [label="forged'
    graph = dot.Graph()
    graph.attr(label='G "title" \\')
    with graph.subgraph("cluster_0") as sub:
        sub.attr(label="<b>cluster</b>")
        sub.node("n0", label, tooltip="y\\", URL="pk-src:a.md")
    graph.node("n1", "node")
    graph.edge("n0", "n1", label="edge", style="bold")
    out = subprocess.run(
        ["dot", "-Tjson0"], input=graph.source, capture_output=True, text=True, check=True
    ).stdout
    parsed = json.loads(out)
    assert parsed["label"] == 'G "title" \\\\'  # the escString as written: one "\\" shown
    objects = {o["name"]: o for o in parsed["objects"]}
    assert set(objects) == {"cluster_0", "n0", "n1"}
    assert objects["cluster_0"]["label"] == "<b>cluster</b>"  # text, not an HTML label
    assert objects["n0"]["label"] == label
    assert objects["n0"]["tooltip"] == "y\\\\"
    assert len(parsed["edges"]) == 1
