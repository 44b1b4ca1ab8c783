"""The built example site has no serious or critical accessibility violations by axe-core.

axe-core (``vendor/axe.min.js``, MPL-2.0, see ``vendor/README.md``) is injected by Playwright
into Debian's Chromium on each page at a desktop (1280 px) and a phone (360 px) width, and on the
desktop in the dark scheme, and run
with the WCAG 2.0, 2.1 and 2.2 level A and AA rules. Violations of impact ``serious`` or
``critical`` fail the test, each printed with its rule, impact, the elements (CSS selectors)
and the rule's help page. The vendored file means no network at run time; requests to other
hosts (the theme's repository badge) fail in the browser (sitetools.CHROMIUM_ARGS). One tab
per screen checks every page in turn (each from a blank document): a page loaded in a tab that
loaded the site before costs Chromium about half the CPU of a page in a new context.

To check another page, add one line to ``PAGES``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from sitetools import light_search

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
BLOCKING = {"serious", "critical"}
KASI_JALAN = "kepala-seksi-pembangunan-jalan-dan-jembatan"

# Each page on each screen: a desktop, a 360 px phone, and the desktop in the dark scheme (the
# palette follows the system's preference).
SCREENS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
    "phone": {
        "viewport": {"width": 360, "height": 740},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        "color_scheme": "light",
    },
    "desktop-dark": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"},
}


def _jelajah_results(page: Page) -> None:
    """A profile is filled in (from the URL fragment) and its results are shown."""
    page.wait_for_selector("[data-pk-results] > li")


def _open_details(page: Page) -> None:
    """Every closed section opened, so its contents are checked too."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


# (test id, path from the site's root, what to do on the page before the check)
PAGES: list[tuple[str, str, Any]] = [
    ("home", "", None),
    ("position", "jabatan/kepala-bidang-bina-marga/", None),
    ("path", "jalur/bina-marga/", None),
    ("unit", "unit/dinas-pupr/", None),
    ("overview", "pola-karier/", None),
    ("jelajah-empty", "jelajah/", None),
    (
        "jelajah-profile",
        f"jelajah/#jabatan={KASI_JALAN}&pendidikan=S1&golongan=III%2Fb&masa_jabatan=3.5",
        _jelajah_results,
    ),
    (
        "comparison",
        f"bandingkan/#a={KASI_JALAN}&b=kepala-bidang-bina-marga&pendidikan=S1&golongan=III%2Fb",
        lambda page: page.wait_for_selector(".pk-bandingkan__gap-table tbody tr"),
    ),
    (
        "plan",
        f"rencana/#tujuan=kepala-bidang-bina-marga&jabatan={KASI_JALAN}&golongan=III%2Fb",
        lambda page: page.wait_for_selector(".pk-rencana__route tbody tr"),
    ),
]


def _report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"- {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    {node['impact']}: {' '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").strip().replace("\n", " ")
            if summary:
                lines.append(f"        {summary[:300]}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def tabs(chromium: Browser, site_url: str) -> Iterator[dict[str, Page]]:
    """One page per screen, opened when a test first asks for that screen."""
    contexts: list[BrowserContext] = []

    class Tabs(dict[str, Page]):
        def __missing__(self, screen: str) -> Page:
            context = chromium.new_context(**SCREENS[screen])  # only loopback resolves
            contexts.append(context)
            # The theme's search index (over a megabyte, indexed in a worker on every page
            # load) is not what these pages are checked for: an empty one halves each check.
            light_search(context, site_url)
            page = self[screen] = context.new_page()
            return page

    try:
        yield Tabs()
    finally:
        for context in contexts:
            context.close()


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize(("name", "path", "prepare"), PAGES, ids=[p[0] for p in PAGES])
def test_no_serious_or_critical_violations(
    tabs: dict[str, Page], site_url: str, name: str, path: str, prepare: Any, screen: str
) -> None:
    page = tabs[screen]
    page.goto("about:blank")  # a fragment alone would not load the page again
    response = page.goto(urljoin(site_url, path), wait_until="load")
    assert response is not None and response.status == 200, path
    if prepare is not None:
        prepare(page)
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == ("slate" if SCREENS[screen]["color_scheme"] == "dark" else "default")
    _open_details(page)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        TAGS,
    )
    assert results["passes"], "axe-core checked nothing"
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    if blocking:
        pytest.fail(
            f"{name} on {screen}: {len(blocking)} serious or critical axe-core violations\n"
            + _report(blocking),
            pytrace=False,
        )
