"""The example site: one page for every entity in the data, and no broken link anywhere."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlsplit

from sitetools import (
    Build,
    ParsedPage,
    check_links,
    example_config,
    files_of,
    is_external,
    site_prefix,
)

from pola_karir.model import Dataset


def test_example_build_is_strict_and_clean(example_build: Build) -> None:
    assert example_build.returncode == 0
    assert "WARNING" not in example_build.output
    assert "ERROR" not in example_build.output
    assert (example_build.site / "index.html").is_file()


def _page(site: Path, section: str, entity_id: str) -> Path:
    return site / section / entity_id / "index.html"


def _expected_pages(dataset: Dataset) -> dict[Path, str | None]:
    """Every page the data calls for, with the h1 it must carry (None: any h1)."""
    pages: dict[Path, str | None] = {}
    for position in dataset.positions.values():
        pages[Path("jabatan", position.id)] = position.name
    for path in dataset.paths.values():
        pages[Path("jalur", path.id)] = path.name
    for unit in dataset.units.values():
        if unit.parent is None:
            pages[Path("unit", unit.id)] = unit.name
    for competency in dataset.competencies.values():
        pages[Path("kompetensi", competency.id)] = competency.name
    for family in dataset.families.values():
        pages[Path("jabatan-fungsional", family.id)] = f"Jabatan Fungsional {family.name}"
    for regulation in dataset.regulations.values():
        pages[Path("dasar-hukum", regulation.id)] = None
    for index in (
        "",
        "pola-karier",
        "jabatan",
        "jalur",
        "unit",
        "kompetensi",
        "dasar-hukum",
        "jabatan-fungsional",
    ):
        pages[Path(index)] = None
    return pages


def test_every_entity_has_its_page(
    example_site: Path, example_dataset: Dataset, example_pages: dict[Path, ParsedPage]
) -> None:
    expected = _expected_pages(example_dataset)
    # The example is not trivially small: the checks below cover every kind of page.
    assert len(example_dataset.positions) > 100
    assert all(
        len(m) > 0
        for m in (
            example_dataset.paths,
            example_dataset.units,
            example_dataset.competencies,
            example_dataset.families,
            example_dataset.regulations,
        )
    )
    missing = [str(p) for p in expected if not (example_site / p / "index.html").is_file()]
    assert missing == []
    wrong_heading = {}
    for page, heading in expected.items():
        parsed = example_pages[example_site / page / "index.html"]
        if len(parsed.h1) != 1 or (heading is not None and parsed.h1[0] != heading):
            wrong_heading[str(page)] = parsed.h1
    assert wrong_heading == {}


def test_only_top_level_units_get_pages(example_site: Path, example_dataset: Dataset) -> None:
    tops = {u.id for u in example_dataset.units.values() if u.parent is None}
    built = {p.parent.name for p in (example_site / "unit").glob("*/index.html")}
    assert built == tops


def test_every_internal_link_resolves(
    example_site: Path, example_pages: dict[Path, ParsedPage]
) -> None:
    """Every relative href/src (and xlink:href in inline SVG) of every page points to a file
    in the site, and every #fragment to an id on the target page."""
    report = check_links(example_site, example_pages, site_prefix(example_config()))
    assert report.broken == [], "\n".join(report.broken[:50])
    # The walk saw the kinds of links it is meant to check.
    assert report.checked > 10 * len(example_pages)
    assert report.fragments > 100
    assert report.svg_links > 300


def test_external_links_are_web_or_mail(
    example_site: Path, example_pages: dict[Path, ParsedPage]
) -> None:
    odd = []
    for page, content in example_pages.items():
        for tag, attribute, url in content.urls:
            scheme = urlsplit(url.strip()).scheme.lower()
            if is_external(url.strip()) and scheme not in ("http", "https", "mailto", "data"):
                odd.append(f"{page.relative_to(example_site)}: <{tag} {attribute}={url!r}>")
    assert odd == []


def test_no_javascript_urls_anywhere(example_site: Path) -> None:
    """Not in any attribute, and not even as text: no file of the site mentions the scheme."""
    offenders = []
    for path in files_of(example_site):
        text = html.unescape(path.read_text(encoding="utf-8", errors="replace"))
        if "javascript:" in "".join(text.lower().split()):
            offenders.append(path.relative_to(example_site).as_posix())
    assert offenders == []
