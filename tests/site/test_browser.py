"""The built example site in a real headless Chromium: diagrams show and link, the position
index sorts and filters, nothing logs an error, and a phone-sized screen does not scroll sideways.

Full-page screenshots go to test-artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Route,
    sync_playwright,
)
from sitetools import REPO

from pola_karir.model import Dataset
from pola_karir.text.names import position_name

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = REPO / "test-artifacts"
POSITION = "kepala-bidang-bina-marga"
PATH = "bina-marga"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Tab:
    """A page whose errors are collected: console errors, uncaught exceptions, failed requests
    to the site. Requests to other hosts (web fonts, the GitHub API for the repository badge)
    are blocked, so the test never depends on the network; their errors are not the site's."""

    page: Page
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        response = self.page.goto(urljoin(self.base, path), wait_until="load")
        assert response is not None and response.status == 200, path
        return self.page

    def local(self, url: str) -> bool:
        return url.startswith(self.base)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and self.local(message.location.get("url", "") or self.base):
            self.errors.append(f"console: {message.text} ({message.location})")

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.evaluate("window.scrollTo(0, 0)")  # else the sticky header lands mid-picture
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _new_tab(browser: Browser, base: str, **options: Any) -> tuple[BrowserContext, Tab]:
    context = browser.new_context(**options)

    def route(route: Route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    tab = Tab(context.new_page(), base)
    tab.page.on("console", tab.on_console)
    tab.page.on("pageerror", lambda error: tab.errors.append(f"pageerror: {error}"))
    tab.page.on(
        "requestfailed",
        lambda request: tab.local(request.url) and tab.errors.append(f"failed: {request.url}"),
    )
    tab.page.on(
        "response",
        lambda response: (
            tab.local(response.url)
            and response.status >= 400
            and tab.errors.append(f"HTTP {response.status}: {response.url}")
        ),
    )
    return context, tab


@pytest.fixture
def tab(chromium: Browser, site_url: str) -> Iterator[Tab]:
    context, tab = _new_tab(chromium, site_url, viewport={"width": 1280, "height": 900})
    try:
        yield tab
    finally:
        context.close()


def _assert_diagram_visible(page: Page) -> None:
    svg = page.locator("figure.pk-diagram svg").first
    svg.scroll_into_view_if_needed()
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box is not None and box["width"] > 50 and box["height"] > 50, box


def _node_links(page: Page) -> list[dict[str, str]]:
    """Every node link of the page's first diagram: its href and its tooltip (the name)."""
    return page.locator("figure.pk-diagram svg").first.evaluate(
        """svg => Array.from(svg.querySelectorAll('g.node a')).map(a => ({
            href: a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '',
            title: a.getAttributeNS('http://www.w3.org/1999/xlink', 'title') || '',
        }))"""
    )


def _click_a_node(page: Page, dataset: Dataset) -> None:
    """Click a position in the diagram (not the page's own); land on that position's page."""
    links = [link for link in _node_links(page) if link["href"] not in ("", "./")]
    assert links, "diagram has no node links"
    target = links[len(links) // 2]
    expected = urljoin(page.url, target["href"])
    node = page.locator("figure.pk-diagram svg g.node a").nth(
        [link["href"] for link in _node_links(page)].index(target["href"])
    )
    node.scroll_into_view_if_needed()
    node.click()
    page.wait_for_url(expected)
    position_id = urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1]
    assert urlsplit(page.url).path.endswith(f"/jabatan/{position_id}/")
    assert page.locator("h1").first.inner_text().strip() == dataset.positions[position_id].name
    # the tooltip tells same-named positions apart (text.names); the heading is the plain name
    assert target["title"] == position_name(dataset, position_id)


def test_home_page(tab: Tab) -> None:
    page = tab.open("")
    assert page.locator("h1").first.is_visible()
    legend = page.locator(".pk-legend").first
    legend.scroll_into_view_if_needed()
    assert legend.is_visible()
    tab.shot("home")
    assert tab.errors == []


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("jabatan", f"jabatan/{POSITION}/"),
        ("jalur", f"jalur/{PATH}/"),
        ("pola-karier", "pola-karier/"),
    ],
)
def test_diagram_shows_and_its_nodes_link(
    tab: Tab, example_dataset: Dataset, name: str, path: str
) -> None:
    page = tab.open(path)
    _assert_diagram_visible(page)
    tab.shot(name)
    _click_a_node(page, example_dataset)
    assert tab.errors == []


def _rows(page: Page) -> list[dict[str, Any]]:
    return page.locator("table[data-pk-table] tbody tr").evaluate_all(
        """rows => rows.map(r => ({
            name: r.cells[0].textContent.trim(),
            kelas: Number(r.cells[3].getAttribute('data-pk-sort')),
            jenis: r.getAttribute('data-jenis'),
            text: r.textContent.toLocaleLowerCase('id'),
            hidden: r.hidden,
        }))"""
    )


def test_position_index_sorts_and_filters(tab: Tab, example_dataset: Dataset) -> None:
    page = tab.open("jabatan/")
    initial = _rows(page)
    assert len(initial) == len(example_dataset.positions)
    assert not any(row["hidden"] for row in initial)

    header = page.locator("table[data-pk-table] thead th", has_text="Kelas")
    header.click()
    ascending = [row["kelas"] for row in _rows(page)]
    assert ascending == sorted(ascending)
    assert [row["name"] for row in _rows(page)] != [row["name"] for row in initial]
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    descending = [row["kelas"] for row in _rows(page)]
    assert descending == sorted(descending, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"

    page.locator("input[data-pk-filter='text']").fill("perawat")
    rows = _rows(page)
    shown = [row for row in rows if not row["hidden"]]
    assert 0 < len(shown) < len(rows)
    assert all(("perawat" in row["text"]) != row["hidden"] for row in rows)
    tab.shot("daftar-jabatan")

    page.locator("input[data-pk-filter='text']").fill("")
    page.locator("select[data-pk-filter='jenis']").select_option("fungsional")
    shown = [row for row in _rows(page) if not row["hidden"]]
    functional = [p for p in example_dataset.positions.values() if p.type == "fungsional"]
    assert len(shown) == len(functional) > 0
    assert {row["jenis"] for row in shown} == {"fungsional"}

    # A position placed in several perangkat daerah is found under each; open posts filter.
    page.locator("select[data-pk-filter='jenis']").select_option("")
    page.locator("select[data-pk-filter='unit']").select_option("bappeda")
    shown = [row["name"] for row in _rows(page) if not row["hidden"]]
    in_bappeda = [p for p in example_dataset.positions.values() if "bappeda" in p.tops]
    assert len(shown) == len(in_bappeda)
    assert "Pengadministrasi Perkantoran" in shown
    page.locator("select[data-pk-filter='unit']").select_option("")
    page.locator("select[data-pk-filter='terbuka']").select_option("ya")
    shown = [row["name"] for row in _rows(page) if not row["hidden"]]
    open_now = [p for p in example_dataset.positions.values() if p.vacancies]
    assert len(shown) == len(open_now) > 0
    assert tab.errors == []


def test_position_page_fits_a_phone(chromium: Browser, site_url: str) -> None:
    context, tab = _new_tab(
        chromium,
        site_url,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    try:
        page = tab.open(f"jabatan/{POSITION}/")
        _assert_diagram_visible(page)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        viewport = page.evaluate("window.innerWidth")
        assert viewport == 390
        assert width <= viewport + 1, f"page is {width}px wide on a {viewport}px screen"
        tab.shot("jabatan-ponsel")
        assert tab.errors == []
    finally:
        context.close()
