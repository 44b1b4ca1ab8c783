"""The whole site in English: ``lang: en`` in the plugin words every page, the nav, the diagrams
and the scripts' sentences from the English catalogue, and leaves the data as written.

One English build of the example (module fixture): the example's mkdocs.yml with ``lang: en``,
``theme.language: en`` and the agency's own words in mkdocs.yml (site name, description, the
palette toggles) in English, as an agency publishing in English writes them; its docs folder is
empty, since hand-written guides are the agency's prose in the agency's language.

"No Indonesian UI label left" is derived from the catalogues, not from a hand-made word list:
every Indonesian message that differs from its English one gives its literal parts (the text
between placeholders) longer than 10 characters, minus those the English catalogue uses too
(proper names such as a regulation's) and those the data holds (a regulation's summary quotes
the law: "... menetapkan paling rendah ..."). None of them may occur in any page. The same
check finds them on the Indonesian build, so it cannot pass by finding nothing anywhere.

The Indonesian build being unchanged is the site goldens' job (tests/site/test_golden.py).
"""

from __future__ import annotations

import functools
import html
import json
import re
import string
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from jelajah_cases import KABID_BINA_MARGA, KASI_JALAN
from mkdocs.theme import Theme
from playwright.sync_api import Browser, Route
from sitetools import REPO, Build, mkdocs_build, new_project

from pola_karir.career.matching import explore_data, profile_from_data
from pola_karir.mkdocs_plugin import match_theme_language
from pola_karir.model import Dataset
from pola_karir.site.build import site_content
from pola_karir.site.page import in_language, say, site_language
from pola_karir.text import phrases, waktu
from pola_karir.text.catalogue import messages, text

# The agency's own words in mkdocs.yml, as an agency publishing in English writes them.
ENGLISH_SETTINGS = {
    "site_name": "Career Patterns of the Civil Service, Kabupaten Contoh",
    "site_description": "Career patterns of Kabupaten Contoh's civil servants (fictional).",
}
PALETTE_NAMES = ("Dark mode", "Light mode")
MIN_LENGTH = 10  # shorter parts ("Jabatan", "Unit kerja") are also words the data uses
DATA_FOLDERS = (REPO / "data", REPO / "pola_karir" / "reference")
_WORD = re.compile(r"\w+")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@functools.cache
def data_text() -> str:
    """Every string of the example data and of the national reference data (regulations,
    trainings, competencies), as loaded: the words a page may show as written."""
    found: list[str] = []
    for folder in DATA_FOLDERS:
        for path in sorted(folder.rglob("*.yml")):
            found.extend(_strings(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)))
    return "\n".join(found)


@functools.cache
def indonesian_labels() -> tuple[tuple[str, str, str], ...]:
    """Indonesian UI text no English page may hold: (literal part, its catalogue key, its
    longest word)."""
    indonesian, english = messages("id"), messages("en")
    all_english = "\n".join(english.values())
    data = data_text()
    labels: dict[str, str] = {}
    for key, template in indonesian.items():
        if template == english[key]:
            continue
        for literal, _, _, _ in string.Formatter().parse(template):
            part = literal.strip()
            if len(part) > MIN_LENGTH and part not in all_english and part not in data:
                labels.setdefault(part, key)
    return tuple((part, key, max(_WORD.findall(part), key=len)) for part, key in labels.items())


def labels_in(page_text: str) -> list[tuple[str, str]]:
    """(key, Indonesian part) of every label in ``page_text``. A part's longest word is looked
    up in the page's words first: a set lookup, so 800 parts on 200 pages take a second."""
    words = set(_WORD.findall(page_text))
    return [
        (key, part)
        for part, key, longest in indonesian_labels()
        if longest in words and part in page_text
    ]


def page_text(path: Path) -> str:
    """The whole HTML, entities decoded: text, attributes (aria-label, placeholder, the words
    given to scripts in data attributes), SVG labels."""
    return html.unescape(path.read_text(encoding="utf-8"))


# --- the English build ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def english_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = new_project(tmp_path_factory.mktemp("english"), REPO / "data", lang="en")
    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config.update(ENGLISH_SETTINGS)
    config["theme"]["language"] = "en"
    for toggle, name in zip(config["theme"]["palette"], PALETTE_NAMES, strict=True):
        toggle["toggle"]["name"] = name
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    return build


@pytest.fixture(scope="module")
def english_pages(english_build: Build) -> dict[str, str]:
    site = english_build.site
    return {p.relative_to(site).as_posix(): page_text(p) for p in sorted(site.rglob("*.html"))}


def test_every_page_is_english(english_pages: dict[str, str]) -> None:
    assert len(english_pages) > 200
    not_english = [name for name, page in english_pages.items() if '<html lang="en"' not in page]
    assert not_english == []


def test_no_indonesian_ui_label_is_left(english_pages: dict[str, str]) -> None:
    assert len(indonesian_labels()) > 500  # the check is not vacuous
    left = {name: labels_in(page) for name, page in english_pages.items()}
    assert {name: found for name, found in left.items() if found} == {}
    # The English words are there instead (the nav's, on the home page).
    home = english_pages["index.html"]
    with in_language("en"):
        for key in ("site.nav.home", "site.nav.positions", "site.nav.open_data"):
            assert html.unescape(say(key)) in home


def test_the_check_finds_the_labels_of_the_indonesian_build(example_site: Path) -> None:
    """The same check on the Indonesian build finds its labels on the home page, the
    explorer and a position page: a check that found nothing anywhere would pass vacuously."""
    for name in ("index.html", "jelajah/index.html", "jabatan/kepala-bidang-bina-marga/index.html"):
        assert len(labels_in(page_text(example_site / name))) > 5, name


def test_data_stays_as_written(english_pages: dict[str, str], example_dataset: Dataset) -> None:
    position = example_dataset.positions[KABID_BINA_MARGA]
    page = english_pages[f"jabatan/{KABID_BINA_MARGA}/index.html"]
    assert position.name in page
    assert position.summary and " ".join(position.summary.split()) in " ".join(page.split())


def test_open_data_phrases_follow_the_site(english_build: Build) -> None:
    """The scripts show the open data's phrases: the English site publishes them in English
    (keys and data values unchanged)."""
    data = json.loads((english_build.site / "data/pola-karir.json").read_text(encoding="utf-8"))
    names = data["rujukan"]["pendidikan_nama"]
    assert names == {code: phrases.education_level(code, "en") for code in names}
    assert data["rujukan"]["predikat_nama"]["baik"] == phrases.rating("baik", "en")
    kabid = next(p for p in data["jabatan"] if p["id"] == KABID_BINA_MARGA)
    assert kabid["tingkat"]["nama"] == phrases.level_name(kabid["tingkat"]["kunci"], "en")
    csv = (english_build.site / "data/dasar-hukum.csv").read_text(encoding="utf-8")
    assert f",{text('csv.yes', 'en')}," in csv or f",{text('csv.no', 'en')}" in csv


def test_diagrams_are_cached_per_language(english_build: Build, example_build: Build) -> None:
    """A diagram's cache key is its DOT text, which holds its words: the English build shares
    no cache entry with the Indonesian one, so neither shows the other's diagrams."""
    english = {p.name for p in (english_build.site.parent / ".cache/pola-karir").glob("*.svg")}
    indonesian = {p.name for p in (example_build.site.parent / ".cache/pola-karir").glob("*.svg")}
    assert len(english) == len(indonesian) > 100
    assert english.isdisjoint(indonesian)


# --- the scripts' words, in a browser -----------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def english_url(english_build: Build) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(english_build.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


PROFILE = {
    "jabatan": KASI_JALAN,
    "pendidikan": "S1",
    "bidang_pendidikan": "Teknik Sipil",
    "golongan": "III/c",
    "masa_jabatan": 3.5,
    "pelatihan": ["diklat-laik-fungsi-jalan", "pkp"],
    "kinerja": ["baik", "sangat-baik"],
}


def test_explorer_results_are_worded_in_english(
    chromium: Browser, english_url: str, example_dataset: Dataset
) -> None:
    """Jelajah Karier opened with a profile in its address: the summary, the cards' gaps and
    times read as the English catalogue words them, the form shows English numbers, and no
    Indonesian label is on the page."""
    context = chromium.new_context(locale="en-GB")
    local = urlsplit(english_url).netloc

    def offline(route: Route) -> None:  # the theme's repository widget: never online
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            route.fulfill(status=404, body="")

    context.route("**/*", offline)
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    try:
        page = context.new_page()
        page.goto(english_url + "jelajah/")
        page.wait_for_function("window.PolaKarirJelajah && window.POLA_KARIR_DATA")
        params = page.evaluate("p => PolaKarirJelajah.profileToParams(p)", PROFILE)
        page.goto("about:blank")
        page.goto(english_url + "jelajah/#" + str(params).lstrip("#"))
        page.wait_for_selector("[data-pk-results] > li")
        summary = page.text_content("[data-pk-summary]") or ""
        cards = page.eval_on_selector_all(
            "[data-pk-results] > li",
            """items => items.map(i => ({
                id: i.dataset.jabatan,
                gaps: Array.from(i.querySelectorAll('.pk-jelajah__gaps li'))
                    .map(li => li.textContent),
                time: i.querySelector('.pk-jelajah__time').textContent,
            }))""",
        )
        shown = page.inner_text("body")
        years = page.input_value("#pk-j-masa-jabatan")
    finally:
        context.close()
    assert errors == []

    expected = explore_data(example_dataset, profile_from_data(PROFILE), 3)
    states = [r["status"] for r in expected]
    origin = example_dataset.positions[KASI_JALAN].name
    assert summary.startswith(
        text(
            "jelajah.summary",
            "en",
            count=len(expected),
            origin=origin,
            moves=3,
            met=states.count("memenuhi"),
            unmet=states.count("belum-memenuhi"),
            unknown=states.count("belum-dinilai"),
        )
    )
    kabid = next(card for card in cards if card["id"] == KABID_BINA_MARGA)
    rank = phrases.label("aspek", "golongan", "en")
    assert text("engine.gap", "en", subject=rank, have="III/c", need="III/d") in kabid["gaps"]
    result = next(r for r in expected if r["jabatan"] == KABID_BINA_MARGA)
    time = result["waktu"]
    when = waktu.when(
        time["tahun"],
        time["perkiraan"],
        time["dasar"],
        time["asumsi"],
        time["tidak_dapat_diperkirakan"],
        time["predikat"],
        "en",
    )
    assert kabid["time"] == text("engine.time", "en", count=result["langkah"], time=when)
    assert labels_in(shown) == []
    assert years == "3.5"  # the profile's 3.5 years, with the English decimal mark


# --- the language of a build, and the theme's ----------------------------------------------------


def test_a_build_language_holds_for_the_build_only(example_dataset: Dataset) -> None:
    assert site_language() == "id"
    with in_language("en"):
        assert say("site.nav.home") == text("site.nav.home", "en")
        with in_language("id"):
            assert say("site.nav.home") == text("site.nav.home", "id")
        assert site_language() == "en"
    assert say("site.nav.home") == text("site.nav.home", "id")
    content = site_content(example_dataset, "en")
    assert site_language() == "id"  # the build set it for its own duration only
    assert content.nav[0] == {text("site.nav.home", "en"): "index.md"}


@pytest.mark.parametrize(
    ("written", "lang", "shown", "told"),
    [
        (None, "en", "en", None),  # Material's default already matches
        (None, "id", "id", "plugin.theme_language.set"),  # left at its default: follows lang
        ("en", "en", "en", None),
        ("id", "en", "id", "plugin.theme_language.kept"),  # set by the user: kept, and told
        ("fr", "id", "fr", "plugin.theme_language.kept"),
    ],
)
def test_theme_language_follows_the_site_unless_set(
    written: str | None, lang: str, shown: str, told: str | None
) -> None:
    theme = Theme("material", **({} if written is None else {"language": written}))
    note = match_theme_language(theme, lang)
    assert theme["language"] == shown
    if told is None:
        assert note is None
    else:
        before = written or "en"
        assert note == text(told, lang, theme=before, lang=lang)


def test_themes_without_a_language_are_left_alone() -> None:
    theme = Theme("mkdocs")
    assert match_theme_language(theme, "en") is None
    assert "language" not in theme
