"""The browser port of the earliest-time estimate (``assets/pk-timeline.js``) gives exactly
what ``career.timeline`` gives, on the hand-checked case table and on every reachable route of
a few example profiles, in one blank Chromium page."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser
from timeline_cases import CASES

from pola_karir.career.matching import explore, profile_from_data
from pola_karir.career.timeline import estimate, input_data, timeline_data, timeline_input
from pola_karir.model import Dataset
from pola_karir.reference.waktu import rules_data

SCRIPT = Path(__file__).parents[2] / "pola_karir" / "site" / "assets" / "pk-timeline.js"

PROFILES = (
    {"jabatan": "kepala-seksi-pembangunan-jalan-dan-jembatan", "golongan": "III/b"},
    {
        "jabatan": "kepala-seksi-pembangunan-jalan-dan-jembatan",
        "golongan": "III/c",
        "masa_golongan": 3,
        "masa_jabatan": 1.5,
        "kinerja": ["sangat-baik"],
    },
    {"jabatan": "kepala-seksi-pembangunan-jalan-dan-jembatan"},
    {
        "jabatan": "kepala-seksi-pembangunan-jalan-dan-jembatan",
        "golongan": "III/a",
        "kinerja": ["kurang"],
    },
)


def test_browser_port_matches_python(chromium: Browser, example_dataset: Dataset) -> None:
    inputs = [case.given for case in CASES]
    for data in PROFILES:
        profile = profile_from_data(data)
        inputs += [
            timeline_input(example_dataset, profile, result.reach.route)
            for result in explore(example_dataset, profile)
        ]
    assert len(inputs) > len(CASES) + 20
    expected = [json.loads(json.dumps(timeline_data(estimate(given)))) for given in inputs]
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
        got = page.evaluate(
            "([inputs, rules]) => inputs.map((i) => window.PolaKarirTimeline.estimate(i, rules))",
            [[input_data(given) for given in inputs], rules_data()],
        )
    finally:
        context.close()
    for given, want, have in zip(inputs, expected, got, strict=True):
        assert have == want, input_data(given)


def test_script_is_ascii_and_holds_no_figure() -> None:
    """The figures arrive as data (``rules_data``), so the port cannot drift from the cited
    ones; ASCII so it reads the same in any charset."""
    source = SCRIPT.read_text(encoding="utf-8")
    assert source.isascii()
    for figure in ("12.5", "37.5", "450", "0.75", "1.5"):
        assert figure not in source
