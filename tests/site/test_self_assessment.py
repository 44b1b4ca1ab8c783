"""Self-assessment in Jelajah Karier: choosing a competency level shows that level's description
from the competency dictionary beside the choice, and its indikator perilaku where the dictionary
has them; on a desktop and on a 360 px phone (screenshots when ``POLA_KARIR_SCREENSHOTS`` names
a folder)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser
from sitetools import light_search, screenshot

from pola_karir.model import Dataset

TECHNICAL = "manajemen-konstruksi-jalan"  # the example dictionary gives indicators for 3 and 4
NATIONAL = "integritas"  # PermenPANRB 38/2017's dictionary: descriptions only


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (360, 780)])
def test_a_chosen_level_shows_its_description_and_indicators(
    chromium: Browser,
    site_url: str,
    example_dataset: Dataset,
    width: int,
    height: int,
) -> None:
    technical = example_dataset.competencies[TECHNICAL]
    national = example_dataset.competencies[NATIONAL]
    assert technical.indicators[2] and not technical.indicators[1]
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="id-ID")
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(site_url) or not route.request.url.startswith("http")
            else route.fulfill(status=200, body="")
        ),
    )
    light_search(context, site_url)
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(site_url + "jelajah/")
        page.wait_for_selector(".pk-jelajah--ready")
        box = page.locator(f'[data-pk-level-for="{TECHNICAL}"]')
        select = page.locator(f"#pk-j-k-{TECHNICAL}")
        assert box.get_attribute("aria-live") == "polite"
        assert select.get_attribute("aria-describedby") == box.get_attribute("id")
        assert box.inner_text() == ""
        page.locator("details:has(#pk-j-k-integritas) > summary").click()

        select.select_option("3")
        assert box.locator(".pk-jelajah__level-text").inner_text() == technical.levels[2]
        assert box.locator(".pk-jelajah__level-label").inner_text() == "Indikator perilaku"
        assert box.locator("li").all_inner_texts() == list(technical.indicators[2])
        box_size = box.bounding_box()
        assert box_size is not None and box_size["x"] + box_size["width"] <= width
        field = page.locator(f".pk-jelajah__field:has(#pk-j-k-{TECHNICAL})")
        assert field.is_visible()
        screenshot(field, f"tingkat-{width}")

        select.select_option("2")  # a level the dictionary gives no indicators for
        assert box.inner_text() == technical.levels[1]
        assert box.locator("li").count() == 0

        page.locator(f"#pk-j-k-{NATIONAL}").select_option("4")
        national_box = page.locator(f'[data-pk-level-for="{NATIONAL}"]')
        assert national_box.inner_text() == national.levels[3]

        select.select_option("")  # not assessed: nothing beside it
        assert box.inner_text() == ""
        assert national_box.inner_text() == national.levels[3]

        # A shared link with a level shows that level's description too.
        page.evaluate(f"location.hash = '#kompetensi={TECHNICAL}:4'")
        page.wait_for_function(f"document.querySelector('#pk-j-k-{TECHNICAL}').value === '4'")
        assert box.locator("li").all_inner_texts() == list(technical.indicators[3])
        screenshot(page, f"jelajah-kompetensi-{width}")
    finally:
        context.close()
    assert errors == []
