"""Two positions with one name are never shown as one: in the built example site (which has
several, e.g. two "Analis Sumber Daya Manusia Aparatur Ahli Muda"), every label that links to
a position page names exactly one position, in the index, on a competency page and in the
overview diagram (node labels and tooltips)."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from pola_karir.model import Dataset
from pola_karir.site import diagrams

_POSITION = re.compile(r"^/jabatan/([a-z0-9-]+)/(?:index\.html)?$")


class _Labels(HTMLParser):
    """Each link to a position page: the position's id and the text or tooltip it shows."""

    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url  # of the page, to resolve its relative links
        self.labels: list[tuple[str, str]] = []
        self._open: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        values = {name: value or "" for name, value in attrs}
        href = values.get("href") or values.get("xlink:href", "")
        found = _POSITION.match(urlsplit(urljoin(self.url, href)).path)
        if found is None or found.group(1) == "index":
            return
        if "xlink:title" in values:  # a diagram node: its tooltip
            self.labels.append((found.group(1), values["xlink:title"]))
        self._open = (found.group(1), [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            text = " ".join("".join(self._open[1]).split())
            if text:
                self.labels.append((self._open[0], text))
            self._open = None


def _shared_labels(labels: list[tuple[str, str]]) -> dict[str, set[str]]:
    positions: dict[str, set[str]] = defaultdict(set)
    for position_id, label in labels:
        positions[label].add(position_id)
    return {label: ids for label, ids in positions.items() if len(ids) > 1}


@pytest.mark.parametrize("src", ["jabatan/index.md", "kompetensi/integritas.md", "pola-karier.md"])
def test_no_label_names_two_positions(example_site: Path, src: str) -> None:
    stem = src.removesuffix(".md").removesuffix("index")
    parser = _Labels("http://site/" + posixpath.join(stem, ""))
    parser.feed((example_site / stem / "index.html").read_text(encoding="utf-8"))
    assert len({position_id for position_id, _ in parser.labels}) > 20
    assert _shared_labels(parser.labels) == {}


def test_the_example_has_positions_of_one_name(example_dataset: Dataset) -> None:
    """What the test above guards against is really in the example data."""
    names = [p.name for p in example_dataset.positions.values()]
    assert len(set(names)) < len(names)


def test_diagram_nodes_of_same_named_positions_differ(example_dataset: Dataset) -> None:
    dot = diagrams.overview(example_dataset).dot
    labels = re.findall(r'^\s*n\d+ \[label="([^"]*)"', dot, re.MULTILINE)
    assert len(labels) == len(set(labels)) == len(example_dataset.positions)
