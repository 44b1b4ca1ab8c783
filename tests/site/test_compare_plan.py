"""Bandingkan jabatan and Rencana Pengembangan Karier on the built example site, in Chromium at
1280 px and at 360 px: one tab per screen width, every state reached by changing the URL
fragment (the pages re-render on ``hashchange``), with an empty, a partial and a full profile.

Expected values are read from the example data and from the Python engine (``compare``,
``matching``, ``routes`` in :mod:`pola_karir.career`), never written out by hand, so the tests
check the browser against the model. Screenshots of each state are written when
``POLA_KARIR_SCREENSHOTS`` names a folder.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page, Request
from sitetools import ParsedPage, light_search, screenshot

from pola_karir.career import compare, matching, routes
from pola_karir.model import Dataset
from pola_karir.site import compare as compare_page
from pola_karir.site import plan as plan_page
from pola_karir.site.page import say, site_language
from pola_karir.text import names, phrases

KASI_JALAN = "kepala-seksi-pembangunan-jalan-dan-jembatan"
KABID_BINA_MARGA = "kepala-bidang-bina-marga"
KADIS_PUPR = "kepala-dinas-pupr"
# Two positions named "Kepala Subbagian Keuangan", in two perangkat daerah.
KASUBAG_KEU = ("kepala-subbagian-keuangan-bkpsdm", "kepala-subbagian-keuangan-dinas-pupr")
# The only other host a page may ask for: the theme's repository facts for repo_url (blocked).
THEME_HOSTS = {"api.github.com"}

SCREENS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {
        "viewport": {"width": 360, "height": 740},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}

# The partial profile: current position, education and rank only.
PARTIAL = {"jabatan": KASI_JALAN, "pendidikan": "S1", "golongan": "III/b", "masa_jabatan": 1}


def full_profile(dataset: Dataset, current: str, target: str) -> dict[str, Any]:
    """A profile meeting every requirement of ``target`` and of the positions on the way:
    built from the requirements themselves (the test checks the engine agrees it does)."""
    wanted = dataset.positions[target].requirements
    assert wanted.education and wanted.rank
    trainings: set[str] = set()
    experience: dict[str, float] = {}
    levels: dict[str, int] = {}
    for position in dataset.positions.values():
        req = position.requirements
        trainings.update(req.trainings, req.certifications)
        for item in req.experience:
            for key in (*item.levels, *item.positions):
                experience[key] = 20
        for competency in req.competencies.all_levels():
            levels[competency] = 5
    return {
        "jabatan": current,
        "pendidikan": "S3",
        "bidang_pendidikan": wanted.education.fields[0],
        "golongan": wanted.rank.minimum,
        "masa_jabatan": 10,
        "pengalaman": experience,
        "masa_kerja": 30,
        "pelatihan": sorted(trainings),
        "kinerja": ["sangat-baik"] * 5,
        "kompetensi": levels,
    }


def params(profile: dict[str, Any]) -> str:
    """A profile as the explorer writes it in the URL fragment (profileToParams)."""
    parts = []
    for key, value in profile.items():
        if isinstance(value, dict):
            encoded = ",".join(f"{quote(k, safe='')}:{v}" for k, v in value.items())
        elif isinstance(value, list):
            encoded = ",".join(quote(str(v), safe="") for v in value)
        else:
            encoded = quote(str(value), safe="")
        parts.append(f"{key}={encoded}")
    return "&".join(parts)


def python_check(dataset: Dataset, profile: dict[str, Any], target: str) -> matching.Eligibility:
    return matching.check(dataset, matching.profile_from_data(profile), dataset.positions[target])


# --- one tab per screen ------------------------------------------------------------------------


@dataclass
class Screen:
    name: str
    page: Page
    site_url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return int(SCREENS[self.name]["viewport"]["width"])

    def open(self, path: str, fragment: str = "") -> None:
        """Go to a page of the site, with a fragment; within the same page only the fragment
        changes (no reload), as when a visitor edits it."""
        url = urljoin(self.site_url, path) + (f"#{fragment}" if fragment else "")
        current = self.page.url.split("#")[0]
        if current == url.split("#")[0]:
            self.page.evaluate("u => { location.hash = u; }", "#" + fragment if fragment else "")
        else:
            self.page.goto(url, wait_until="load")

    def shot(self, name: str) -> None:
        screenshot(self.page, f"{self.name}-{name}", full_page=True)


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request: pytest.FixtureRequest, chromium: Browser, site_url: str) -> Iterator[Screen]:
    context = chromium.new_context(locale="id-ID", **SCREENS[request.param])
    page = context.new_page()
    tab = Screen(request.param, page, site_url)

    def record(req: Request) -> None:
        tab.requests.append(req.url)

    light_search(context, site_url)  # other hosts do not resolve (sitetools.CHROMIUM_ARGS)
    context.on("request", record)
    page.on("pageerror", lambda error: tab.errors.append(str(error)))
    try:
        yield tab
    finally:
        context.close()


def _rows(page: Page, table: str) -> dict[str, list[str]]:
    """A rendered table's rows by their ``data-row`` key: the text of each cell."""
    found: dict[str, list[str]] = page.evaluate(
        """selector => Object.fromEntries(
            Array.from(document.querySelectorAll(selector + ' tbody tr')).map(tr => [
                tr.dataset.row, Array.from(tr.children).map(c => c.textContent.trim())]))""",
        table,
    )
    return found


# --- Bandingkan jabatan ------------------------------------------------------------------------


def _pair(a: str, b: str, profile: dict[str, Any] | None = None) -> str:
    return f"a={a}&b={b}" + (f"&{params(profile)}" if profile else "")


def test_compare_table_and_gaps_with_three_profiles(
    screen: Screen, example_dataset: Dataset
) -> None:
    """For Kepala Seksi Pembangunan Jalan dan Jembatan → Kepala Bidang Bina Marga: each
    requirement's row shows A's and B's provision as the data states it, the change column
    says exactly what compare.changes adds, and the gaps are the engine's for each profile."""
    dataset = example_dataset
    a, b = dataset.positions[KASI_JALAN], dataset.positions[KABID_BINA_MARGA]
    full = full_profile(dataset, KASI_JALAN, KABID_BINA_MARGA)
    for label, profile in (("kosong", None), ("sebagian", PARTIAL), ("lengkap", full)):
        screen.open("bandingkan/", _pair(KASI_JALAN, KABID_BINA_MARGA, profile))
        screen.page.wait_for_selector(".pk-bandingkan__diff tbody tr")
        rows = _rows(screen.page, ".pk-bandingkan__diff")
        assert rows["kelas"][1:3] == [str(a.job_class), str(b.job_class)]
        assert rows["tingkat"][1:3] == [
            phrases.level_name(a.level_key, site_language()),
            phrases.level_name(b.level_key, site_language()),
        ]
        assert a.requirements.rank and b.requirements.rank
        assert rows["golongan"][1:3] == [
            phrases.rank_requirement(a.requirements.rank, site_language()),
            phrases.rank_requirement(b.requirements.rank, site_language()),
        ]
        assert b.requirements.education
        assert rows["pendidikan"][2] == phrases.education(b.requirements.education, site_language())
        wanted = b.requirements.competencies.all_levels()
        held = a.requirements.competencies.all_levels()
        assert {k.removeprefix("kompetensi:") for k in rows if k.startswith("kompetensi:")} == (
            set(wanted) | set(held)
        )
        for comp_id, level in wanted.items():
            assert rows[f"kompetensi:{comp_id}"][2] == phrases.competency_level(level)
        # The change column: every change the Python side finds, and none where it finds none.
        changes = compare.changes(dataset, a, b, site_language())
        for aspect in ("pendidikan", "golongan", "kinerja", "bidang_pendidikan", "sertifikasi"):
            expected = [c.required for c in changes if c.aspect == aspect]
            shown = rows[aspect][3]
            if expected:
                assert all(required in shown for required in expected), (aspect, shown)
            else:
                assert shown == say("bandingkan.js.change.same"), (aspect, shown)
        gaps = screen.page.locator(".pk-bandingkan__gaps")
        if profile is None:
            assert gaps.locator(".pk-bandingkan__no-profile").is_visible()
            assert gaps.locator("table").count() == 0
        else:
            verdict = python_check(dataset, profile, KABID_BINA_MARGA)
            summary = gaps.locator(".pk-bandingkan__gap-summary")
            assert summary.get_attribute("data-status") == verdict.state.value
            shown_status = screen.page.evaluate(
                """() => Array.from(document.querySelectorAll('.pk-bandingkan__gap-table tbody tr'))
                    .map(tr => [tr.children[0].textContent, tr.children[3].textContent])"""
            )
            assert shown_status == [
                [f.subject, say(f"bandingkan.js.status.{f.status.value}")] for f in verdict.findings
            ]
            plan = gaps.locator("a.pk-bandingkan__plan").get_attribute("href") or ""
            assert f"#tujuan={KABID_BINA_MARGA}&" in plan
        if label == "lengkap":
            assert verdict.state is matching.State.MET
        screen.shot(f"bandingkan-{label}")
    assert not screen.errors


def test_compare_shows_routes_with_their_move_kinds(
    screen: Screen, example_dataset: Dataset
) -> None:
    """A pair several moves apart: the route of the Python engine, each step named with its move
    kind from the career paths and, where the kelas jabatan changes, with that change (so a
    promotion never reads as a lateral move); the way back down does not exist and the page
    says so."""
    dataset = example_dataset
    reach = {r.position: r for r in routes.reachable_from(dataset, KASI_JALAN, max_moves=12)}[
        KADIS_PUPR
    ]
    assert reach.moves >= 2
    kinds = [
        min(
            (m for m in dataset.moves() if (m.source, m.target) == pair),
            key=lambda m: m.min_years,
        ).kind
        for pair in zip(reach.route, reach.route[1:], strict=False)
    ]
    screen.open("bandingkan/", _pair(KASI_JALAN, KADIS_PUPR, PARTIAL))
    forward = screen.page.locator(f'[data-pk-route="{KASI_JALAN}>{KADIS_PUPR}"]')
    forward.locator("li").first.wait_for()
    assert forward.locator("li").evaluate_all("items => items.map(i => i.dataset.kind)") == kinds
    texts = forward.locator("li").all_inner_texts()
    for text, kind, (source, target) in zip(
        texts, kinds, zip(reach.route, reach.route[1:], strict=False), strict=True
    ):
        assert text.startswith(phrases.label("perpindahan", kind, site_language()) + ":")
        assert names.position_name(dataset, target) in text
        # a change of kelas jabatan is spelled out, so a step up is never read as lateral
        a, b = dataset.positions[source].job_class, dataset.positions[target].job_class
        if a != b:
            assert say("bandingkan.js.route_class", **{"from": a, "to": b}) in text
    assert {"vertikal", "diagonal"} & set(kinds)
    back = screen.page.locator(f'[data-pk-route="{KADIS_PUPR}>{KASI_JALAN}"]')
    assert back.locator(".pk-bandingkan__none").is_visible()
    assert KASI_JALAN not in {
        r.position for r in routes.reachable_from(dataset, KADIS_PUPR, max_moves=12)
    }
    screen.shot("bandingkan-rute")


def test_compare_tells_same_named_positions_apart(screen: Screen, example_dataset: Dataset) -> None:
    """Two positions named "Kepala Subbagian Keuangan": the pickers and the page name each
    with the unit that tells it apart, as every other page does."""
    first, second = KASUBAG_KEU
    assert example_dataset.positions[first].name == example_dataset.positions[second].name
    shown = [names.position_name(example_dataset, pid) for pid in KASUBAG_KEU]
    assert shown[0] != shown[1]
    screen.open("bandingkan/", _pair(first, second))
    screen.page.wait_for_selector(".pk-bandingkan__pair a")
    assert screen.page.locator(".pk-bandingkan__pair a").all_inner_texts() == shown
    for select in ("#pk-b-a", "#pk-b-b"):
        options = screen.page.locator(f"{select} option").all_inner_texts()
        assert all(options.count(name) == 1 for name in shown)
    route = screen.page.locator(f'[data-pk-route="{first}>{second}"] li')
    assert route.evaluate_all("items => items.map(i => i.dataset.kind)") == ["horizontal"]


def test_compare_changes_match_python_on_every_career_move(
    screen: Screen, example_dataset: Dataset
) -> None:
    """bandingkan.js's changes() gives exactly compare.changes for every move of the career
    paths and its reverse: same aspects, subjects and words, in the same order."""
    dataset = example_dataset
    screen.open("bandingkan/", _pair(KASI_JALAN, KABID_BINA_MARGA))
    pairs = sorted(
        {(m.source, m.target) for m in dataset.moves()}
        | {(m.target, m.source) for m in dataset.moves()}
    )
    assert len(pairs) > 100
    browser = screen.page.evaluate(
        """pairs => {
            const root = document.querySelector('[data-pk-bandingkan]');
            const words = JSON.parse(root.dataset.pkWords);
            return pairs.map(([a, b]) => window.PolaKarirBandingkan.changes(
                window.POLA_KARIR_DATA, a, b, words));
        }""",
        [list(p) for p in pairs],
    )
    python = [
        [
            dataclasses.asdict(c)
            for c in compare.changes(
                dataset, dataset.positions[a], dataset.positions[b], site_language()
            )
        ]
        for a, b in pairs
    ]
    mismatches = [pair for pair, js, py in zip(pairs, browser, python, strict=True) if js != py]
    assert mismatches == []
    assert any(browser), "no pair with a change: the comparison checks nothing"


def test_compare_messages_for_incomplete_pairs(screen: Screen) -> None:
    screen.open("bandingkan/", f"a={KASI_JALAN}")
    message = screen.page.locator("[data-pk-message]")
    assert message.inner_text() == say("bandingkan.js.choose")
    screen.open("bandingkan/", f"a={KASI_JALAN}&b=tidak-ada")
    assert message.inner_text() == say("bandingkan.js.unknown", id="tidak-ada")
    # choosing in the picker writes the pair into the fragment, the profile kept
    screen.open("bandingkan/", f"a={KASI_JALAN}&golongan=III%2Fb")
    screen.page.select_option("#pk-b-b", KABID_BINA_MARGA)
    screen.page.wait_for_selector(".pk-bandingkan__diff")
    fragment = urlsplit(screen.page.url).fragment
    assert fragment == f"a={KASI_JALAN}&b={KABID_BINA_MARGA}&golongan=III%2Fb"


# --- Rencana Pengembangan Karier -------------------------------------------------------------


def test_plan_with_three_profiles(screen: Screen, example_dataset: Dataset) -> None:
    """The plan towards Kepala Bidang Bina Marga: with no current position, the target's
    requirements judged without a route; with a partial and a full profile, the engine's route,
    each step's verdict and gaps, the trainings still to obtain, and the timeline ending at
    the engine's earliest years."""
    dataset = example_dataset
    target = KABID_BINA_MARGA
    full = full_profile(dataset, KASI_JALAN, target)
    cases = (("kosong", {}), ("sebagian", PARTIAL), ("lengkap", full))
    for label, profile in cases:
        screen.open("rencana/", f"tujuan={target}" + (f"&{params(profile)}" if profile else ""))
        screen.page.wait_for_selector("[data-pk-section=tujuan]")
        target_link = screen.page.locator(".pk-rencana__target a")
        assert target_link.inner_text() == names.position_name(dataset, target)
        trainings_shown = screen.page.locator(".pk-rencana__trainings tbody tr td:first-child")
        if not profile:
            assert screen.page.locator("[data-pk-section=rute]").count() == 0
            assert screen.page.locator("[data-pk-section=syarat] p").first.inner_text() == say(
                "rencana.js.route_no_position"
            )
            req = dataset.positions[target].requirements
            expected = [phrases.training(t, dataset) for t in (*req.trainings, *req.certifications)]
            assert trainings_shown.all_inner_texts() == expected
        else:
            engine_profile = matching.profile_from_data(profile)
            results = matching.explore_data(dataset, engine_profile, plan_page.MAX_MOVES)
            result = next(r for r in results if r["jabatan"] == target)
            # The findings in words (the page words them as the CLI does, pk-kata.js).
            worded = next(
                found.steps
                for found in matching.explore(dataset, engine_profile, plan_page.MAX_MOVES)
                if found.reach.position == target
            )
            steps = result["langkah_rute"]
            assert isinstance(steps, list)
            rows = _rows(screen.page, ".pk-rencana__route")
            assert list(rows) == [s["jabatan"] for s in steps]
            for step, words in zip(steps, worded, strict=True):
                row = rows[step["jabatan"]]
                assert row[3] == say(f"rencana.js.state.{step['status']}")
                for finding in words.unmet:
                    assert finding.subject in row[4]
            verdict = screen.page.locator(".pk-rencana__verdict").get_attribute("data-status")
            assert verdict == result["status"]
            missing = {
                f.subject
                for step in worded
                for f in step.findings
                if f.aspect in ("pelatihan", "sertifikasi") and f.status is not matching.Status.MET
            }
            assert set(trainings_shown.all_inner_texts()) == missing
            timeline = screen.page.locator(".pk-rencana__timeline li")
            shown = timeline.evaluate_all(
                "items => items.map(i => [i.dataset.tahun, i.textContent])"
            )
            # Each step's honest earliest time (golongan, credit points), never the move years
            # alone, with its assumptions beside it.
            times = result["waktu"]["langkah_rute"]
            assert len(shown) == len(steps) == len(times)
            for (years, line), time in zip(shown, times, strict=True):
                if time["tahun"] is None:
                    assert years == ""
                else:
                    assert float(years) == pytest.approx(time["tahun"])
                if time["perkiraan"]:
                    assert "perkiraan" in line
            if label == "lengkap":
                assert result["status"] == "memenuhi"
                assert missing == set()
            else:
                assert result["status"] == "belum-memenuhi"
                assert missing
        screen.shot(f"rencana-{label}")
    assert not screen.errors


def test_plan_prints_without_the_site_around_it(screen: Screen) -> None:
    """Emulated print media: no header, tabs, navigation, footer or print button; the plan, the
    notes and the signature lines are there."""
    screen.open("rencana/", f"tujuan={KABID_BINA_MARGA}&{params(PARTIAL)}")
    screen.page.wait_for_selector("[data-pk-section=rute]")
    assert screen.page.locator("[data-pk-print]").is_visible()
    screen.page.emulate_media(media="print")
    try:
        for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
            hidden = screen.page.locator(chrome)
            assert hidden.count() == 0 or not hidden.first.is_visible(), chrome
        assert not screen.page.locator("[data-pk-print]").is_visible()
        for kept in ("[data-pk-section=rute]", ".pk-rencana__notes", ".pk-rencana__sign-line"):
            assert screen.page.locator(kept).first.is_visible(), kept
        screen.shot("rencana-cetak")
    finally:
        screen.page.emulate_media(media="screen")


def test_every_explorer_result_links_to_its_plan(screen: Screen, example_dataset: Dataset) -> None:
    screen.open("jelajah/", params(PARTIAL))
    screen.page.wait_for_selector("[data-pk-results] > li")
    cards = screen.page.locator("[data-pk-results] > li")
    links = screen.page.locator("[data-pk-results] > li a.pk-jelajah__plan")
    assert links.count() == cards.count() > 0
    first = cards.first.get_attribute("data-jabatan")
    href = links.first.get_attribute("href") or ""
    assert links.first.inner_text() == say("rencana.card_link")
    assert href.split("#")[1].startswith(f"tujuan={first}&jabatan={KASI_JALAN}")
    links.first.click()
    screen.page.wait_for_selector(".pk-rencana__target a")
    assert screen.page.locator(".pk-rencana__target a").inner_text() == (
        names.position_name(example_dataset, first or "")
    )


def test_phone_tables_stack_and_nothing_scrolls_sideways(screen: Screen) -> None:
    """At 360 px every table of both pages is a stack of labelled rows inside the screen; at
    1280 px they stay tables."""
    for path, fragment in (
        ("bandingkan/", _pair(KASI_JALAN, KABID_BINA_MARGA, PARTIAL)),
        ("rencana/", f"tujuan={KABID_BINA_MARGA}&{params(PARTIAL)}"),
    ):
        screen.open(path, fragment)
        screen.page.wait_for_selector("table[data-pk-stack] tbody tr")
        layout = screen.page.evaluate(
            """() => ({
                scroll: document.documentElement.scrollWidth,
                captions: Array.from(document.querySelectorAll('table[data-pk-stack] caption'))
                    .map(c => c.getBoundingClientRect().width),
                cells: Array.from(document.querySelectorAll('table[data-pk-stack] td'))
                    .map(td => [getComputedStyle(td).display, td.getBoundingClientRect().right,
                                getComputedStyle(td, '::before').content]),
            })"""
        )
        assert layout["scroll"] <= screen.width
        # a caption runs across the stacked rows, not squeezed into a column of letters
        assert layout["captions"] and min(layout["captions"]) > screen.width / 2
        assert layout["cells"]
        for display, right, before in layout["cells"]:
            assert right <= screen.width + 1
            if screen.width == 360:
                assert display == "block" and before not in ("none", "normal", '""')
            else:
                assert display == "table-cell"


def test_no_request_carries_the_profile(screen: Screen) -> None:
    """Everything the tab asked for during this module: only the site's own files (and the
    theme's repository facts, blocked), none with a fragment, a query or a profile value."""
    screen.open("bandingkan/", _pair(KASI_JALAN, KABID_BINA_MARGA, PARTIAL))
    screen.page.wait_for_selector(".pk-bandingkan__gap-table")
    assert screen.requests
    for url in screen.requests:
        parts = urlsplit(url)
        if not url.startswith(screen.site_url):
            assert parts.hostname in THEME_HOSTS, url
        assert not parts.query and not parts.fragment, url
        for value in ("III/b", "III%2Fb", "golongan", "pendidikan", "masa_jabatan", "tujuan"):
            assert value not in url, url


# --- links to the two pages (static HTML of the build) ----------------------------------------


def test_every_position_page_links_to_the_comparison(
    example_pages: dict[Path, ParsedPage], example_site: Path, example_dataset: Dataset
) -> None:
    for position_id in example_dataset.positions:
        page = example_pages[example_site / "jabatan" / position_id / "index.html"]
        hrefs = [v for tag, name, v in page.urls if tag == "a" and name == "href"]
        assert f"../../bandingkan/#a={position_id}" in hrefs, position_id
        assert say("bandingkan.position_link") in page.text


def test_nav_and_home_page_link_to_the_comparison(
    example_pages: dict[Path, ParsedPage], example_site: Path
) -> None:
    home = example_pages[example_site / "index.html"]
    hrefs = [v for tag, name, v in home.urls if tag == "a" and name == "href"]
    assert hrefs.count("bandingkan/") >= 2  # the nav entry and the line under the explorer's
    assert compare_page.title() in home.text
    plan = example_pages[example_site / "rencana" / "index.html"]
    regulation = [v for tag, name, v in plan.urls if v.startswith("../dasar-hukum/")]
    assert "../dasar-hukum/perbkn-28-2020/" in regulation
