"""The summarised overview draws a bounded number of flows: ``dot`` grows much faster than the
edges (a 20,000-position agency's 7,136 flows ran 15 minutes and 6 GB). The largest flows are
drawn, the page says how many of how many, and its table still lists every flow."""

from __future__ import annotations

import re

import pytest

from pola_karir.model import Dataset
from pola_karir.site import diagrams, home, limits
from pola_karir.site.summary import summarise


def test_only_the_largest_flows_are_drawn_and_the_page_says_so(
    example_dataset: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = summarise(example_dataset)
    drawn = 10
    assert len(summary.flows) > drawn
    monkeypatch.setattr(diagrams, "SUMMARY_MAX_FLOWS", drawn)
    page = home.overview_page(example_dataset, limits.Limits(overview=10))
    (diagram,) = page.diagrams
    labels = [int(n) for n in re.findall(r" -> g\d+ \[label=(\d+) ", diagram.dot)]
    assert len(labels) == drawn
    counts = sorted((f.count for f in summary.flows), reverse=True)
    assert sorted(labels, reverse=True) == counts[:drawn]
    expected = f"hanya menggambar {drawn} dari {len(summary.flows)} arus"
    assert expected in page.markdown
    # The table below keeps one row per flow (source, target, kind and count).
    rows = [line for line in page.markdown.splitlines() if re.search(r"\| \d+ \|$", line)]
    assert len(rows) >= len(summary.flows)


def test_a_summary_within_the_bound_is_drawn_whole(example_dataset: Dataset) -> None:
    summary = summarise(example_dataset)
    assert len(summary.flows) <= diagrams.SUMMARY_MAX_FLOWS
    assert diagrams.drawn_flows(summary) == summary.flows
    page = home.overview_page(example_dataset, limits.Limits(overview=10))
    assert "hanya menggambar" not in page.markdown
