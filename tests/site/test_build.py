"""The example site: one page for every entity in the data, and no broken link anywhere."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.structure.files import File
from sitetools import (
    Build,
    ParsedPage,
    check_links,
    example_config,
    files_of,
    is_external,
    resolve,
    site_prefix,
)

from pola_karir.model import Dataset
from pola_karir.site import explorer, urls
from pola_karir.site.build import site_content


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


@dataclass(frozen=True)
class Built:
    """One build of the example, and the URL style it was built with."""

    site: Path
    pages: dict[Path, ParsedPage]
    directory_urls: bool

    def page_of(self, src: str) -> Path:
        """Where MkDocs itself writes the page or file built from ``src``."""
        return self.site / File(src, None, str(self.site), self.directory_urls).dest_uri

    def targets(self, src: str, attribute: str = "href") -> list[Path]:
        """The files that the ``attribute`` URLs on the page built from ``src`` point to."""
        page = self.page_of(src)
        prefix = site_prefix(example_config())
        found = []
        for _tag, name, url in self.pages[page].urls:
            if name == attribute and not is_external(url):
                found.append(resolve(self.site, page, url, prefix)[0])
        return found


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "flat-urls"])
def built(request: pytest.FixtureRequest) -> Built:
    """The example site in either URL style (``use_directory_urls: true`` and ``false``)."""
    if request.param:
        return Built(
            request.getfixturevalue("example_site"),
            request.getfixturevalue("example_pages"),
            True,
        )
    build: Build = request.getfixturevalue("flat_build")
    return Built(build.site, request.getfixturevalue("flat_pages"), False)


def test_every_internal_link_resolves(built: Built) -> None:
    """Every relative href/src (and xlink:href in inline SVG) of every page points to a file
    in the site, and every #fragment to an id on the target page. The flat site must also work
    opened from file:// (no link to a folder, none from the site root); its 404 page is only
    ever shown by a web server."""
    pages = built.pages
    if not built.directory_urls:
        pages = {page: parsed for page, parsed in pages.items() if page.name != "404.html"}
    report = check_links(
        built.site, pages, site_prefix(example_config()), file_urls=not built.directory_urls
    )
    assert report.broken == [], "\n".join(report.broken[:50])
    # The walk saw the kinds of links it is meant to check.
    assert report.checked > 10 * len(pages)
    assert report.fragments > 100
    assert report.svg_links > 300


def test_no_link_is_left_unresolved(built: Built) -> None:
    """Every link the core wrote as a source-path token was turned into a URL by the plugin."""
    left = [
        f"{page.relative_to(built.site)}: <{tag} {name}={value!r}>"
        for page, parsed in built.pages.items()
        for tag, name, value in parsed.attributes
        if "pk-src:" in value
    ]
    assert left == []


def test_open_data_links_download_the_files(built: Built, example_dataset: Dataset) -> None:
    """The download links of the open-data page point to the published files themselves."""
    published = sorted(
        path
        for path in site_content(example_dataset).files
        if path.startswith(("data/", "schemas/"))
    )
    assert len(published) > 10
    targets = built.targets(urls.OPEN_DATA)
    for path in published:
        assert (built.site / path).is_file()
        assert built.site / path in targets, path


def test_links_in_raw_html_and_svg_point_to_their_pages(
    built: Built, example_dataset: Dataset
) -> None:
    """Links MkDocs does not see (the position index, diagrams, the explorer's scripts and its
    link template) lead to the page or file they name, in either URL style."""
    positions = {built.page_of(urls.position(pid)) for pid in example_dataset.positions}
    index_targets = set(built.targets(urls.POSITIONS)) & positions
    assert index_targets == positions

    position = "kepala-bidang-bina-marga"
    svg_targets = built.targets(urls.position(position), "xlink:href")
    assert built.page_of(urls.position(position)) in svg_targets
    assert set(svg_targets) <= positions

    scripts = built.targets(explorer.PAGE, "src")
    assert built.site / explorer.DATA_SCRIPT in scripts
    assert built.site / explorer.SCRIPT in scripts
    explorer_page = built.page_of(explorer.PAGE)
    (template,) = [
        value
        for _tag, name, value in built.pages[explorer_page].attributes
        if name == "data-pk-position-url"
    ]
    assert urls.ANY_ID in template
    filled = template.replace(urls.ANY_ID, position)
    target, _ = resolve(built.site, explorer_page, filled, site_prefix(example_config()))
    assert target == built.page_of(urls.position(position))


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
