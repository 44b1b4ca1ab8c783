"""No page of the site makes a request to another site.

A visitor's browser asks only the site's own origin for anything: no web fonts from Google, no
repository facts from the GitHub API, no script or image from a CDN. One browser page visits
one page of every page type of the example site in turn (and uses the search), recording every
request its context makes, the search worker's included. Requests to other hosts are recorded
and then refused, so the test never depends on the network.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from playwright.sync_api import Browser, Page, Route
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from pola_karir.model import Dataset

KASI_JALAN = "kepala-seksi-pembangunan-jalan-dan-jembatan"
POSITION = "kepala-bidang-bina-marga"
SEARCH_INDEX = "search/search_index.json"


def _pages(dataset: Dataset) -> list[tuple[str, Callable[[Page], object] | None]]:
    """One page of every type, with what shows it is done (its script's result)."""
    first = {
        "jalur": min(dataset.paths),
        "unit": min(u.id for u in dataset.units.values() if u.parent is None),
        "jabatan-fungsional": min(dataset.families),
        "kompetensi": min(dataset.competencies),
        "dasar-hukum": min(dataset.regulations),
    }
    pages: list[tuple[str, Callable[[Page], object] | None]] = [
        ("", None),
        ("pola-karier/", None),
        ("jabatan/", None),
        (f"jabatan/{POSITION}/", None),
        ("formasi-terbuka/", None),
        ("jabatan-target/", None),
        ("lampiran/", None),
        ("data-terbuka/", None),
        ("kode-pemeriksaan/", None),
        ("riwayat/", None),
        ("panduan-data/", None),  # a hand-written guide from docs/
        ("404.html", None),  # the theme's own page, which a server shows for a missing one
    ]
    for section, entity in first.items():
        pages += [(f"{section}/", None), (f"{section}/{entity}/", None)]
    profile = f"jabatan={KASI_JALAN}&pendidikan=S1&golongan=III%2Fb"
    pages += [
        (f"jelajah/#{profile}", lambda page: page.wait_for_selector("[data-pk-results] > li")),
        (
            f"bandingkan/#a={KASI_JALAN}&b={POSITION}&pendidikan=S1&golongan=III%2Fb",
            lambda page: page.wait_for_selector(".pk-bandingkan__gap-table tbody tr"),
        ),
        (
            f"rencana/#tujuan={POSITION}&{profile}",
            lambda page: page.wait_for_selector(".pk-rencana__route tbody tr"),
        ),
    ]
    return pages


def _page_types(site: Path) -> set[str]:
    """The first part of the URL of every page the site has (``jabatan``, ``jelajah``, ''
    for the home page), the theme's own folders left out."""
    return {
        (p.relative_to(site).parts[:-1] or ("",))[0]
        for p in site.rglob("index.html")
        if p.relative_to(site).parts[0] not in ("assets", "search")
    }


def test_every_page_type_asks_only_its_own_origin(
    chromium: Browser, site_url: str, example_site: Path, example_dataset: Dataset
) -> None:
    pages = _pages(example_dataset)
    visited = {path.split("/", 1)[0].split("#", 1)[0] for path, _ in pages}
    assert _page_types(example_site) <= visited  # a new kind of page is added here too
    requests: list[str] = []
    searching = False

    def route(route: Route) -> None:
        url = route.request.url
        # The search index (a megabyte, indexed in a worker on every page load) is refused
        # (after being recorded) until the search itself is tried: it keeps the test quick.
        if not url.startswith(site_url) or (url.endswith(SEARCH_INDEX) and not searching):
            route.abort()
        else:
            route.continue_()

    context = chromium.new_context()
    context.on("request", lambda request: requests.append(request.url))
    context.route("**/*", route)
    try:
        page = context.new_page()
        for path, done in pages:
            # The theme's script asks for what it needs (the repository facts, say) once the
            # page has loaded, alike on every page: the first page waits for the network to be
            # quiet; on the others, what differs is asked for while they load, or by their own
            # scripts, which are waited for.
            quiet = path == pages[0][0]
            response = page.goto(
                urljoin(site_url, path), wait_until="networkidle" if quiet else "load"
            )
            assert response is not None and response.status == 200, path
            if done is not None:
                done(page)
        searching = True
        page.goto(site_url, wait_until="load")
        box = page.locator("input.md-search__input")
        box.click()
        results = ".md-search-result__item a[href*='jabatan/']"
        # On a loaded CI machine the query can be typed before Material's search worker has
        # its index; typing it again asks again (the requests made meanwhile are still checked).
        for attempt in range(3):
            box.fill("")
            box.fill("jalan")
            try:
                page.wait_for_selector(results, timeout=30000)
                break
            except PlaywrightTimeoutError:
                if attempt == 2:
                    raise
    finally:
        context.close()
    assert [url for url in requests if not url.startswith(site_url)] == []
    # What was recorded: the pages, their assets, the search worker's index and the diagrams'
    # scripts, so nothing a page asks for escaped the recording.
    assert urljoin(site_url, SEARCH_INDEX) in requests
    assert any(url.endswith("svg-pan-zoom.min.js") for url in requests)
    assert len(requests) > 3 * len(pages)
