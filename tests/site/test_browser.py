"""The built example site in a real headless Chromium: diagrams show, link, read at a useful
size, pan and zoom (also by keyboard) and print on few pages; the position index sorts and
filters; phone-sized screens never scroll sideways; search finds positions by any words; nothing
logs an error.

One page per kind of screen serves the tests of this module (a page loaded in a new context
costs Chromium about twice the CPU of a page loaded in a tab that loaded the site before); each
test starts on a blank document with its error list empty. Screenshots for a person to look at
are written only when ``POLA_KARIR_SCREENSHOTS`` names a folder (sitetools.screenshot).
"""

from __future__ import annotations

import re
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
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sitetools import light_search, screenshot, screenshot_folder

from pola_karir import reference as ref
from pola_karir.model import Dataset, Position
from pola_karir.site.page import say
from pola_karir.text.names import position_name

POSITION = "kepala-bidang-bina-marga"
PATH = "bina-marga"
UNIT = "dinas-pupr"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


@dataclass
class Tab:
    """A page whose errors are collected: console errors, uncaught exceptions, failed requests
    to the site. Requests to other hosts (web fonts, the GitHub API for the repository badge)
    fail in the browser (sitetools.CHROMIUM_ARGS), so the test never depends on the network;
    their errors are not the site's."""

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

    def shot(self, name: str, full_page: bool = True) -> None:
        """A screenshot if they are asked for: the whole page from its top, or
        (``full_page=False``) what the screen shows now."""
        if screenshot_folder() is None:
            return
        if full_page:
            self.page.evaluate("window.scrollTo(0, 0)")  # else the sticky header lands mid-page
        screenshot(self.page, name, full_page=full_page)

    def fresh(self) -> Tab:
        """The tab for the next test: a blank document, no media emulated (a test that
        printed may have left one), no errors."""
        self.page.goto("about:blank")
        self.page.emulate_media(media="null")
        self.errors.clear()
        return self


def _new_tab(
    browser: Browser, base: str, *, search: bool = False, **options: Any
) -> tuple[BrowserContext, Tab]:
    """``search``: the site's real search index (else an empty one, see ``light_search``)."""
    context = browser.new_context(**options)  # other hosts do not resolve (CHROMIUM_ARGS)
    if not search:
        light_search(context, base)
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


@pytest.fixture(scope="module")
def desktop_tab(chromium: Browser, site_url: str) -> Iterator[Tab]:
    context, tab = _new_tab(chromium, site_url, viewport=DESKTOP)
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="module")
def search_desktop_tab(chromium: Browser, site_url: str) -> Iterator[Tab]:
    context, tab = _new_tab(chromium, site_url, search=True, viewport=DESKTOP)
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture(scope="module")
def phone_tab(chromium: Browser, site_url: str) -> Iterator[Tab]:
    context, tab = _new_tab(chromium, site_url, **PHONE)
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def tab(desktop_tab: Tab) -> Tab:
    """A 1280 px desktop screen."""
    return desktop_tab.fresh()


@pytest.fixture
def search_tab(search_desktop_tab: Tab) -> Tab:
    """A desktop tab with the site's real search index, for the tests of the search."""
    return search_desktop_tab.fresh()


@pytest.fixture
def phone(phone_tab: Tab) -> Tab:
    """A 360 px wide phone screen (the narrowest common Android width)."""
    return phone_tab.fresh()


def _wait_for_diagrams(page: Page) -> None:
    """pola-karir.js marks each diagram ready once its view is set (the zoom library applies
    its changes on the next animation frames)."""
    page.wait_for_function(
        "Array.from(document.querySelectorAll('figure.pk-diagram'))"
        ".every(f => f.hasAttribute('data-pk-ready'))"
    )


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


def _shown_in_view(page: Page) -> list[bool]:
    """For each node link of the first diagram: whether the diagram's view shows its middle."""
    return page.locator("figure.pk-diagram").first.evaluate(
        """figure => {
            const view = (figure.querySelector('.pk-diagram__view') || figure)
                .getBoundingClientRect();
            return Array.from(figure.querySelectorAll('svg g.node a')).map(a => {
                const r = a.getBoundingClientRect();
                const x = r.left + r.width / 2, y = r.top + r.height / 2;
                return x > view.left && x < view.right && y > view.top && y < view.bottom;
            });
        }"""
    )


def _click_a_node(page: Page, dataset: Dataset) -> None:
    """Click a position the diagram shows (not the page's own); land on that position's page."""
    _wait_for_diagrams(page)
    shown = _shown_in_view(page)
    links = [
        link
        for link, visible in zip(_node_links(page), shown, strict=True)
        if visible and link["href"] not in ("", "./")
    ]
    assert links, "the diagram's view shows no node links"
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
    open_now = [p for p in example_dataset.positions.values() if p.vacancies.known]
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


# --- diagrams: readable, pan and zoom, print ------------------------------------------------

DIAGRAM_PAGES = [
    ("jabatan", f"jabatan/{POSITION}/"),
    ("jalur", f"jalur/{PATH}/"),
    ("pola-karier", "pola-karier/"),
]


def _node_text_sizes(page: Page) -> list[float]:
    """The size node text is drawn at on the screen, in CSS px: its font size in the SVG times
    the scale from the SVG's units to the screen (the zoom)."""
    return page.locator("figure.pk-diagram svg").first.evaluate(
        """svg => Array.from(svg.querySelectorAll('g.node text')).map(
            t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""
    )


def _scale(page: Page) -> float:
    """The zoom of the first diagram: CSS px per SVG unit."""
    return page.locator("figure.pk-diagram svg").first.evaluate(
        "svg => svg.querySelector('.pk-diagram__viewport').getScreenCTM().a"
    )


def _wait_for_scale(page: Page, condition: str) -> float:
    """Wait until the first diagram's zoom ``scale`` meets ``condition`` (a JS expression)."""
    page.wait_for_function(
        "() => { const scale = document.querySelector('figure.pk-diagram svg "
        f".pk-diagram__viewport').getScreenCTM().a; return {condition}; }}"
    )
    return _scale(page)


@pytest.mark.parametrize(("name", "path"), DIAGRAM_PAGES)
def test_diagram_text_is_readable_on_a_desktop(tab: Tab, name: str, path: str) -> None:
    """At the default view every node's text is drawn at 12 px or more (Graphviz's 10 pt at its
    natural size is 13.3 px), however wide the diagram: the view pans instead of shrinking."""
    page = tab.open(path)
    _wait_for_diagrams(page)
    sizes = _node_text_sizes(page)
    assert sizes, "no node text"
    assert min(sizes) >= 12, f"node text drawn at {min(sizes):.1f} px"
    page.locator("figure.pk-diagram").first.scroll_into_view_if_needed()
    tab.shot(f"diagram-{name}-1280", full_page=False)
    assert tab.errors == []


def _focused(page: Page) -> str:
    return page.evaluate(
        "() => document.activeElement.getAttribute('aria-label') || "
        "document.activeElement.className || ''"
    )


def test_zoom_buttons_and_keys_work_by_keyboard(tab: Tab) -> None:
    """The zoom buttons are reached with Tab and named from the catalogue; Enter on them zooms;
    on the focused diagram + and − zoom and 0 goes back to the initial view."""
    page = tab.open(f"jabatan/{POSITION}/")
    _wait_for_diagrams(page)
    figure = page.locator("figure.pk-diagram").first
    zoom_in = figure.get_by_role("button", name=say("site.diagram.zoom.in"), exact=True)
    zoom_out = figure.get_by_role("button", name=say("site.diagram.zoom.out"), exact=True)
    for name in ("in", "out", "reset", "fit"):
        button = figure.get_by_role("button", name=say(f"site.diagram.zoom.{name}"), exact=True)
        assert button.count() == 1, name
    page.locator("body").click(position={"x": 5, "y": 300})
    for _ in range(300):
        page.keyboard.press("Tab")
        if zoom_in.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the zoom-in button")
    start = _scale(page)
    page.keyboard.press("Enter")
    larger = _wait_for_scale(page, f"scale > {start} * 1.2")
    page.keyboard.press("Tab")
    assert zoom_out.evaluate("button => button === document.activeElement"), _focused(page)
    page.keyboard.press("Enter")
    back = _wait_for_scale(page, f"scale < {larger} * 0.9")
    assert back == pytest.approx(start, rel=0.01)

    view = figure.locator(".pk-diagram__view")
    view.focus()
    page.keyboard.type("+")
    _wait_for_scale(page, f"scale > {start} * 1.2")
    page.keyboard.type("+")
    bigger = _wait_for_scale(page, f"scale > {start} * 1.5")
    page.keyboard.type("-")
    _wait_for_scale(page, f"scale < {bigger} * 0.9")
    page.keyboard.type("0")
    home = _wait_for_scale(page, f"Math.abs(scale - {start}) < {start} * 0.01")
    assert home == pytest.approx(start, rel=0.01)
    figure.scroll_into_view_if_needed()
    tab.shot("diagram-keyboard-1280", full_page=False)
    assert tab.errors == []


def _head(dataset: Dataset) -> Position:
    """The head of the agency: its highest structural position."""
    return max(
        (p for p in dataset.positions.values() if p.type != "fungsional"),
        key=lambda p: (ref.LEVELS[p.level_key].tier, ref.LEVELS[p.level_key].order, p.job_class),
    )


@pytest.mark.parametrize("screen", ["1280", "360"])
def test_overview_opens_on_the_head_of_the_agency(
    request: pytest.FixtureRequest, example_dataset: Dataset, screen: str
) -> None:
    """The whole pattern (thousands of px wide) opens readable, on its top: the head of the
    agency is inside the diagram's view, on a desktop and on a phone."""
    tab: Tab = request.getfixturevalue("tab" if screen == "1280" else "phone")
    page = tab.open("pola-karier/")
    _wait_for_diagrams(page)
    figure = page.locator("figure.pk-diagram").first
    head = figure.locator("svg g.node.pk-start")
    assert head.count() == 1
    title = head.evaluate(
        "g => g.querySelector('a').getAttributeNS('http://www.w3.org/1999/xlink', 'title')"
    )
    assert title == _head(example_dataset).name
    inside = head.evaluate(
        """g => {
            const view = g.closest('.pk-diagram__view').getBoundingClientRect();
            const r = g.getBoundingClientRect();
            return r.left >= view.left && r.right <= view.right
                && r.top >= view.top && r.bottom <= view.bottom;
        }"""
    )
    assert inside, "the head of the agency is outside the diagram's initial view"
    assert min(_node_text_sizes(page)) >= 12
    assert page.evaluate("document.scrollingElement.scrollWidth") <= page.evaluate(
        "window.innerWidth"
    )
    figure.scroll_into_view_if_needed()
    tab.shot(f"overview-view-{screen}", full_page=False)
    assert tab.errors == []


def test_phone_tap_on_a_position_opens_it(phone: Tab, example_dataset: Dataset) -> None:
    """On a touch screen a tap on a position in the diagram still follows its link (the diagram
    pans with a finger, so the library must not swallow the tap)."""
    page = phone.open(f"jabatan/{POSITION}/")
    _wait_for_diagrams(page)
    page.locator(".pk-diagram__view").first.scroll_into_view_if_needed()
    links = _node_links(page)
    shown = _shown_in_view(page)
    index = next(i for i, link in enumerate(links) if shown[i] and link["href"] not in ("", "./"))
    box = page.locator("figure.pk-diagram svg g.node a").nth(index).bounding_box()
    assert box is not None
    expected = urljoin(page.url, links[index]["href"])
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(expected)
    assert page.locator("h1").first.inner_text().strip() == links[index]["title"]
    assert phone.errors == []


def test_keyboard_focus_brings_a_position_into_view(tab: Tab) -> None:
    """Tabbing through the positions of the whole pattern pans each one into the view."""
    page = tab.open("pola-karier/")
    _wait_for_diagrams(page)
    page.locator(".pk-diagram__view").first.focus()
    for _ in range(40):
        page.keyboard.press("Tab")
    page.wait_for_function(
        """() => {
            const a = document.activeElement, view = a.closest('.pk-diagram__view');
            if (!view) return false;
            const r = a.getBoundingClientRect(), v = view.getBoundingClientRect();
            return r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom;
        }"""
    )
    assert tab.errors == []


def test_overview_prints_on_few_pages(tab: Tab) -> None:
    """Printed (A4), the whole pattern is one picture as wide as the paper. The bound is 3
    pages: the diagram scaled to the page width takes about a third of a page, and the legend
    and the table of perangkat daerah follow; the list of every move stays on screen (the
    printable annex lists them by path). It printed as 23 mostly blank pages before."""
    page = tab.open("pola-karier/")
    _wait_for_diagrams(page)
    natural = _scale(page)
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 3, f"the overview prints on {pages} pages"
    # As the printer sees it: the diagram drawn whole, no wider than the page.
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    box = page.locator("figure.pk-diagram svg").first.bounding_box()
    body = page.evaluate("document.querySelector('.md-content').getBoundingClientRect().width")
    assert box is not None and 0 < box["width"] <= body + 1
    assert page.locator("figure.pk-diagram svg").first.get_attribute("viewBox")
    screenshot(page, "overview-print", full_page=True)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert _wait_for_scale(page, f"Math.abs(scale - {natural}) < 0.01") == pytest.approx(natural)
    assert tab.errors == []


# --- phones ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("home", ""),
        ("jabatan", f"jabatan/{POSITION}/"),
        ("daftar-jabatan", "jabatan/"),
        ("unit", f"unit/{UNIT}/"),
    ],
)
def test_phone_pages_do_not_scroll_sideways(phone: Tab, name: str, path: str) -> None:
    """At 360 px the page never scrolls sideways and every table cell lies on the screen
    (tables become stacked rows: each value under the name of its column)."""
    page = phone.open(path)
    _wait_for_diagrams(page)
    assert page.evaluate("window.innerWidth") == 360
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 360, f"the page is {width} px wide on a 360 px screen"
    cells = page.evaluate(
        """() => Array.from(document.querySelectorAll('.md-content td')).map(td => {
            const r = td.getBoundingClientRect();
            return {left: r.left, right: r.right, label: td.getAttribute('data-label'),
                    text: td.textContent.trim().slice(0, 40)};
        })"""
    )
    outside = [cell for cell in cells if cell["left"] < -1 or cell["right"] > 361]
    assert outside == [], outside[:5]
    phone.shot(f"{name}-360")
    assert phone.errors == []


def _sideways_scroller(page: Page, selector: str) -> str | None:
    """The class of an element around the first ``selector`` that scrolls sideways, if any."""
    return page.locator(selector).first.evaluate(
        """element => {
            for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
                const overflow = getComputedStyle(e).overflowX;
                const scrolls = overflow !== 'visible' && overflow !== 'clip';
                if (scrolls && e.scrollWidth > e.clientWidth + 1) return e.className || e.tagName;
            }
            return null;
        }"""
    )


def test_phone_shows_required_and_competency_columns(phone: Tab) -> None:
    """The "Dibutuhkan" column of what to prepare for a next step, and the competency level
    pictures, are on the screen without sideways scrolling."""
    page = phone.open(f"jabatan/{POSITION}/")
    required = say("site.col.required")
    for selector in (f'td[data-label="{required}"]', "td .pk-level"):
        element = page.locator(selector).first
        element.scroll_into_view_if_needed()
        assert element.is_visible(), selector
        box = element.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360, selector
        assert _sideways_scroller(page, selector) is None, selector
    page.locator(f'td[data-label="{required}"]').first.scroll_into_view_if_needed()
    phone.shot("jabatan-dibutuhkan-360", full_page=False)
    assert phone.errors == []


def test_home_leads_to_the_explorer_at_once(phone: Tab) -> None:
    """The first link to Jelajah Karier in the home page's content is within its first 700 px
    on a phone: the first screen leads an employee there."""
    page = phone.open("")
    found = page.evaluate(
        """() => {
            const link = Array.from(document.querySelectorAll('.md-content a[href]')).find(
                a => /(^|\\/)jelajah(\\/|\\/index\\.html|\\.html)?$/.test(a.getAttribute('href')));
            if (!link) return null;
            return {top: link.getBoundingClientRect().top + window.scrollY,
                    text: link.textContent.trim()};
        }"""
    )
    assert found is not None, "no link to Jelajah Karier"
    assert found["top"] <= 700, found
    assert found["text"] == say("site.home.explorer_button")
    phone.shot("home-first-screen-360", full_page=False)
    assert phone.errors == []


# --- search ---------------------------------------------------------------------------------

QUERIES = ["PUPR", "seksi jalan", "jalan seksi"]


def _searchable(dataset: Dataset, position: Position) -> str:
    """A position's name with the names and abbreviations of its units and those above."""
    words = [position.name]
    for placement in position.placements:
        parts = placement.unit.split("/")
        for depth in range(len(parts)):
            unit = dataset.units.get("/".join(parts[: depth + 1]))
            if unit is not None:
                words += [unit.name, unit.short_name]
    return " ".join(words).casefold()


def _expected(dataset: Dataset, query: str) -> set[str]:
    words = query.casefold().split()
    found = {
        p.id for p in dataset.positions.values() if all(w in _searchable(dataset, p) for w in words)
    }
    assert found, f"the example has no position for {query!r}"
    return found


@pytest.mark.parametrize("query", QUERIES)
def test_site_search_finds_positions(search_tab: Tab, example_dataset: Dataset, query: str) -> None:
    """Material's search box finds position pages by abbreviation and by words in any order."""
    tab = search_tab
    results = ".md-search-result__item a[href*='jabatan/']"
    # The theme fetches and indexes a megabyte of text in a worker; on a busy machine a query
    # typed before it is ready can be dropped, or the worker's load can fail: the page is loaded
    # again and the query typed again until results come (at most four times).
    for _ in range(4):
        page = tab.open("")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query)
        try:
            page.wait_for_selector(results, timeout=15000)
            break
        except PlaywrightTimeout:
            continue
    page.wait_for_selector(results, timeout=1000)
    hrefs = page.locator(".md-search-result__item a[href*='jabatan/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    found = {m.group(1) for href in hrefs if (m := re.search(r"jabatan/([a-z0-9-]+)/", href))}
    assert found & _expected(example_dataset, query), (query, sorted(found)[:10])
    tab.shot(f"search-{query.replace(' ', '-')}", full_page=False)
    assert tab.errors == []


@pytest.mark.parametrize("query", [*QUERIES, "pupr", "Jalan SEKSI", "bkpsdm"])
def test_explorer_picker_finds_positions(tab: Tab, example_dataset: Dataset, query: str) -> None:
    """Jelajah Karier's position search keeps exactly the positions whose name or units (names
    and abbreviations) hold every word typed, in any order and any case."""
    page = tab.open("jelajah/")
    page.locator("#pk-j-cari").fill(query)
    shown = page.locator("#pk-j-jabatan option[data-pk-terms]").evaluate_all(
        "options => options.filter(o => !o.hidden && !o.parentElement.hidden).map(o => o.value)"
    )
    assert set(shown) == _expected(example_dataset, query), query
    assert tab.errors == []
