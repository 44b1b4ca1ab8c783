"""The site's Lampiran page: the annex's chapters on screen, and how to get the PDF ready to
sign said on screen only (it was "Cetak halaman ini (Ctrl+P)", printed with the page)."""

from __future__ import annotations

from urllib.parse import urljoin

from playwright.sync_api import Browser


def test_the_lampiran_page_shows_the_chapters_and_prints_without_the_hint(
    chromium: Browser, site_url: str
) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        response = page.goto(urljoin(site_url, "lampiran/"), wait_until="load")
        assert response is not None and response.status == 200
        headings = page.locator(".md-content h2").all_inner_texts()
        assert [h.split(" ", 2)[:2] for h in headings] == [
            ["BAB", "I"],
            ["BAB", "II"],
            ["BAB", "III"],
            ["BAB", "IV"],
        ]
        hint = page.locator(".md-content .pk-screen-only", has_text="pola-karir lampiran --pdf")
        assert hint.is_visible()
        assert "Ctrl+P" not in page.locator(".md-content").inner_text()
        # Each diagram is a link to the page that draws it, and every link leads to a page.
        links = page.locator(".md-content p a", has_text="Gambar").evaluate_all(
            "links => links.map(a => a.href)"
        )
        assert len(links) >= 3
        for href in links:
            reached = context.request.get(href)
            assert reached.status == 200, href
        page.emulate_media(media="print")
        assert not hint.is_visible()
        assert page.locator(".md-content table").first.is_visible()
    finally:
        context.close()
