"""Totals the page scripts compute in the browser over placements some of whose figures are
unknown: Bandingkan jabatan's formasi row (bandingkan.js) and Jelajah Karier's open-places badge
(jelajah.js) must read as the Python pages do (site/formasi.py): the number when every figure
is known, "≥ N" with the note saying what it means when some are not, "–" (no figure) when none
is.

The example data states every figure, so the built example site is served with its open data
(``assets/pola-karir-data.js``) written by the real exporter from the example dataset with a
few figures taken out: no second site build, the pages and scripts are the built ones.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route

from pola_karir.career.matching import explore_data, profile_from_data
from pola_karir.export import open_data
from pola_karir.model import Dataset, Placement, Position
from pola_karir.site import formasi
from pola_karir.site.page import in_language
from pola_karir.text.catalogue import text

OPERATOR = "operator-layanan-operasional-diskominfo"  # the start the explorer is asked from
# Reached from OPERATOR. Eight placements; one loses its kebutuhan: some figures unknown.
SOME = "pengadministrasi-perkantoran"
SOME_UNIT = "bappeda/sekretariat/subbagian-umum-dan-kepegawaian"
# One placement with an open post in the example; both numbers taken out: none known.
NONE = "sekretaris-diskominfo"
# One placement, 3 needed and 2 filled: every figure known.
ALL = "analis-sdm-aparatur-ahli-muda-bidang-penilaian-kinerja"
KASI_JALAN = "kepala-seksi-pembangunan-jalan-dan-jembatan"
NOTE = "formasi.total.note"


def _without(position: Position, unit: str | None, *, needed: bool, filled: bool) -> Position:
    """``position`` with the kebutuhan and/or bezetting of its placement in ``unit`` (every
    placement when None) unknown."""

    def strip(p: Placement) -> Placement:
        if unit is not None and p.unit != unit:
            return p
        return dataclasses.replace(
            p, needed=None if needed else p.needed, filled=None if filled else p.filled
        )

    return dataclasses.replace(position, placements=tuple(strip(p) for p in position.placements))


@pytest.fixture(scope="module")
def changed(example_dataset: Dataset) -> Dataset:
    positions = dict(example_dataset.positions)
    positions[SOME] = _without(positions[SOME], SOME_UNIT, needed=True, filled=False)
    positions[NONE] = _without(positions[NONE], None, needed=True, filled=True)
    dataset = dataclasses.replace(example_dataset, positions=positions)
    # What the test stands on, checked against the model rather than assumed.
    some, none, known = (dataset.positions[x] for x in (SOME, NONE, ALL))
    assert not some.needed.complete and some.filled.complete and not some.vacancies.complete
    assert some.vacancies.known
    assert none.needed.known is none.filled.known is none.vacancies.known is None
    assert known.needed.complete and known.vacancies.complete and known.vacancies.known
    return dataset


@pytest.fixture(scope="module")
def page(chromium: Browser, site_url: str, changed: Dataset) -> Iterator[Page]:
    """One tab on the example site, its open data replaced by the changed dataset's."""
    script = "window.POLA_KARIR_DATA = " + json.dumps(open_data(changed, "id")) + ";\n"
    context = chromium.new_context(locale="id-ID")
    errors: list[str] = []

    def route(route: Route) -> None:
        if not route.request.url.startswith(site_url):
            route.abort()
        elif route.request.url.split("?")[0].endswith("/assets/pola-karir-data.js"):
            route.fulfill(status=200, body=script, content_type="text/javascript")
        else:
            route.continue_()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def _shown(position: Position) -> str:
    """The formasi cell as the position page words its totals (site/formasi.py)."""
    with in_language("id"):
        return text(
            "bandingkan.js.formasi",
            "id",
            needed=formasi.total(position.needed),
            filled=formasi.total(position.filled),
            open=formasi.total(position.vacancies),
        )


def _compare(page: Page, site_url: str, a: str, b: str) -> tuple[list[str], list[str]]:
    page.goto(f"{site_url}bandingkan/#a={a}&b={b}")
    page.reload()  # another fragment on the same page is not a new load
    page.wait_for_selector("[data-pk-output] tr[data-row=formasi]")
    cells: list[str] = page.eval_on_selector_all(
        "[data-pk-output] tr[data-row=formasi] > *", "cells => cells.map(c => c.textContent)"
    )
    notes: list[str] = page.eval_on_selector_all(
        "[data-pk-output] [data-pk-total-note]", "notes => notes.map(n => n.textContent)"
    )
    return cells, notes


def test_compare_totals_over_unknown_figures(page: Page, site_url: str, changed: Dataset) -> None:
    some, none, known = (changed.positions[x] for x in (SOME, NONE, ALL))
    note = text(NOTE, "id")
    cells, notes = _compare(page, site_url, SOME, NONE)
    assert cells[1:3] == [_shown(some), _shown(none)]
    assert cells[1].startswith("≥ ") and "/ ≥ " in cells[1]  # kebutuhan and terbuka partial
    assert cells[2] == "– / – / –"
    assert notes == [note]
    cells, notes = _compare(page, site_url, ALL, NONE)
    assert cells[1:3] == [_shown(known), _shown(none)]
    assert "≥" not in cells[1] and cells[1] == "3 / 2 / 1"
    assert notes == []  # no "≥" on the page: nothing to explain


def test_explorer_open_places_over_unknown_figures(
    page: Page, site_url: str, changed: Dataset
) -> None:
    page.goto(f"{site_url}jelajah/#jabatan={OPERATOR}")
    page.wait_for_selector(f"[data-pk-results] > li[data-jabatan='{SOME}']")
    cards = {
        card["id"]: card
        for card in page.eval_on_selector_all(
            "[data-pk-results] > li",
            """items => items.map(i => ({
            id: i.dataset.jabatan,
            open: i.getAttribute('data-terbuka'),
            badge: (i.querySelector('.pk-jelajah__badge--open') || {}).textContent || null,
            openings: (i.querySelector('.pk-jelajah__openings') || {}).textContent || null,
        }))""",
        )
    }
    some, known = changed.positions[SOME].vacancies, changed.positions[ALL].vacancies
    assert some.known is not None and known.known is not None
    at_least = text("formasi.total.at_least", "id", count=some.known)
    assert cards[SOME]["badge"] == text("formasi.jelajah.open", "id", count=at_least)
    assert cards[SOME]["open"] == str(some.known)
    assert cards[ALL]["badge"] == text("formasi.jelajah.open", "id", count=known.known)
    # None known: no count at all, neither "0", nor "all filled".
    assert (cards[NONE]["badge"], cards[NONE]["open"], cards[NONE]["openings"]) == (
        None,
        None,
        None,
    )
    notes = page.eval_on_selector_all(
        "[data-pk-jelajah] [data-pk-total-note]:not([hidden])", "n => n.map(x => x.textContent)"
    )
    assert notes == [text(NOTE, "id")]
    # From a start none of whose results has a "≥" count, the note goes.
    reached = explore_data(changed, profile_from_data({"jabatan": KASI_JALAN}), 3)
    assert reached and all(changed.positions[str(r["jabatan"])].vacancies.complete for r in reached)
    page.evaluate("h => { location.hash = h; }", f"#jabatan={KASI_JALAN}")
    page.wait_for_selector(f"[data-pk-results] > li[data-jabatan='{reached[0]['jabatan']}']")
    assert (
        page.eval_on_selector_all(
            "[data-pk-jelajah] [data-pk-total-note]:not([hidden])", "n => n.length"
        )
        == 0
    )
