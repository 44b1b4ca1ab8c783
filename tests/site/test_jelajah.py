"""Jelajah Karier: the browser port of the matching engine gives exactly the Python answers, and
the page works for an employee (form, results, URL fragment, JSON export/import, phone width).

The site is the example project built once per session (``example_site`` in conftest.py),
served over http on 127.0.0.1 and opened in the system Chromium. Requests to other hosts (the
theme's web fonts) are answered locally with an empty body, so the tests never go online.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from jelajah_cases import (
    CASES,
    FAMILY_EXPERIENCE,
    KABID_BINA_MARGA,
    KASI_JALAN,
    SYNTHETIC_CASES,
    Case,
    synthetic_dataset,
)
from playwright.sync_api import Browser, BrowserContext, Page, Route
from sitetools import light_search, screenshot

from pola_karir.career import timeline
from pola_karir.career.matching import (
    check,
    explore,
    explore_data,
    finding_data,
    profile_from_data,
)
from pola_karir.export import open_data
from pola_karir.load.schema import load_schemas
from pola_karir.model import Dataset, field_key
from pola_karir.site import explorer, urls
from pola_karir.site.build import site_content
from pola_karir.text import phrases, waktu
from pola_karir.text.catalogue import text

# The only other hosts a page may ask for, all from the theme, not this page: Material's web
# fonts and the repository facts it shows for repo_url.
THEME_HOSTS = {"fonts.googleapis.com", "fonts.gstatic.com", "api.github.com"}


def canonical(value: Any) -> Any:
    """JSON as both sides write it: Python's 3.0 is JavaScript's 3."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return value


def as_json(value: Any) -> str:
    """JSON both sides compare equal by value (Python writes 1e-05, JavaScript 0.00001)."""
    return json.dumps(canonical(value), ensure_ascii=False, separators=(",", ":"))


def python_explore(dataset: Dataset, case: Case) -> list[dict[str, object]]:
    return explore_data(dataset, profile_from_data(case.profile), case.max_moves)


# --- fixtures: server, browser, pages ---------------------------------------------------------


@dataclass
class Watch:
    """What a browser context did: console errors, page errors, requests to other hosts."""

    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


def _context(browser: Browser, site_url: str, **options: Any) -> tuple[BrowserContext, Watch]:
    context = browser.new_context(accept_downloads=True, locale="id-ID", **options)
    watch = Watch()
    local = urlsplit(site_url).netloc

    def route(route: Route) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https") and parts.netloc != local:
            watch.foreign.append(route.request.url)
            route.fulfill(status=200, body="", content_type="text/css")
        else:
            route.continue_()

    context.route("**/*", route)
    light_search(context, site_url)
    context.on(
        "console",
        lambda message: watch.errors.append(message.text) if message.type == "error" else None,
    )
    context.on("weberror", lambda error: watch.errors.append(str(error.error)))
    return context, watch


def _assert_clean(watch: Watch) -> None:
    assert watch.errors == []
    assert {urlsplit(url).netloc for url in watch.foreign} <= THEME_HOSTS


@pytest.fixture(scope="module")
def engine(chromium: Browser, site_url: str) -> Iterator[Page]:
    """One loaded Jelajah page to call the JavaScript engine on."""
    context, watch = _context(chromium, site_url)
    page = context.new_page()
    page.goto(site_url + "jelajah/")
    page.wait_for_function("window.PolaKarirJelajah && window.POLA_KARIR_DATA")
    yield page
    _assert_clean(watch)
    context.close()


@pytest.fixture(scope="module")
def dataset(example_dataset: Dataset) -> Dataset:
    return example_dataset


def js_explore(page: Page, profile: dict[str, Any], max_moves: int, data: Any = None) -> str:
    if data is None:
        script = (
            "([p, m]) => JSON.stringify(PolaKarirJelajah.explore(window.POLA_KARIR_DATA, p, m))"
        )
        return as_json(json.loads(page.evaluate(script, [profile, max_moves])))
    script = "([d, p, m]) => JSON.stringify(PolaKarirJelajah.explore(d, p, m))"
    return as_json(json.loads(page.evaluate(script, [data, profile, max_moves])))


# --- the case table -------------------------------------------------------------------------


def test_case_profiles_are_valid_profiles() -> None:
    validator = load_schemas().explain["profil"]
    for case in (*CASES, *SYNTHETIC_CASES):
        assert [e.message for e in validator.iter_errors(case.profile)] == [], case.name


def test_case_table_reaches_every_branch(dataset: Dataset) -> None:
    assert len(CASES) >= 12
    seen: set[tuple[str, str]] = set()
    haves: set[str] = set()
    for case in CASES:
        for result in python_explore(dataset, case):
            for finding in result["temuan"]:  # type: ignore[attr-defined]
                seen.add((finding["aspek"], finding["status"]))
                haves.add(f"{finding['aspek']}={as_json(finding['punya'])}")
    aspects = {
        "pendidikan",
        "bidang_pendidikan",
        "golongan",
        "pengalaman",
        "pelatihan",
        "sertifikasi",
        "kinerja",
        "kompetensi",
    }
    statuses = {"terpenuhi", "belum", "tidak-diketahui"}
    assert seen == {(a, s) for a in aspects for s in statuses}
    assert {
        "pengalaman=3.5",
        "pengalaman=2.5",
        "pengalaman=1e-05",
        'kinerja=["baik","kurang"]',
    } <= haves
    assert {case.max_moves for case in CASES} >= {1, 3, 4}
    assert any("jabatan" not in case.profile for case in CASES)
    assert any(case.profile.get("pendidikan") == "D4" for case in CASES)


def _case(name: str) -> Case:
    return next(c for c in (*CASES, *SYNTHETIC_CASES) if c.name == name)


def test_case_table_reaches_every_state(dataset: Dataset) -> None:
    """Empty, partial and full profiles give every verdict, and none says "memenuhi" while a
    requirement on the route is unassessed."""
    states: set[str] = set()
    for case in CASES:
        for result in python_explore(dataset, case):
            states.add(str(result["status"]))
            steps = result["langkah_rute"]
            findings = [f for step in steps for f in step["temuan"]]  # type: ignore[attr-defined]
            met = all(f["status"] == "terpenuhi" for f in findings)
            assert (result["status"] == "memenuhi") is met is result["memenuhi"]
    assert states == {"memenuhi", "belum-memenuhi", "belum-dinilai"}
    assert python_explore(dataset, _case("kosong")) == []
    assert {r["status"] for r in python_explore(dataset, _case("hanya-jabatan"))} == {
        "belum-dinilai"
    }
    for result in python_explore(dataset, _case("sebagian-sma")):
        need = dataset.positions[str(result["jabatan"])].requirements.education
        if need is not None and need.minimum in {"S1", "D4"}:
            assert result["status"] == "belum-memenuhi", result["jabatan"]


def test_a_gap_on_an_intermediate_step_blocks_the_route(dataset: Dataset) -> None:
    changed = synthetic_dataset(dataset)
    results = python_explore(changed, _case("langkah-antara-bercelah"))
    blocked = [
        r
        for r in results
        if r["status"] == "belum-memenuhi" and not any(f["status"] == "belum" for f in r["temuan"])  # type: ignore[attr-defined]
    ]
    assert blocked, "no route whose only gap is on the way"
    for result in blocked:
        steps = result["langkah_rute"]
        assert any(f["status"] == "belum" for s in steps[:-1] for f in s["temuan"])  # type: ignore[index]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_browser_engine_equals_python(engine: Page, dataset: Dataset, case: Case) -> None:
    expected = as_json(python_explore(dataset, case))
    assert js_explore(engine, case.profile, case.max_moves) == expected


def test_browser_engine_equals_python_on_changed_data(engine: Page, dataset: Dataset) -> None:
    """Position-based experience, a training missing from the catalogue, fractional moves."""
    changed = synthetic_dataset(dataset)
    data = open_data(changed)
    engine.evaluate("d => { window.__changed = d; }", data)
    for case in SYNTHETIC_CASES:
        expected = as_json(python_explore(changed, case))
        script = "([p, m]) => JSON.stringify(PolaKarirJelajah.explore(window.__changed, p, m))"
        got = engine.evaluate(script, [case.profile, case.max_moves])
        assert as_json(json.loads(got)) == expected, case.name
    position_texts = [
        phrases.experience(
            changed.positions[str(r["jabatan"])].requirements.experience[f["kunci"]], changed
        )
        for r in python_explore(changed, SYNTHETIC_CASES[0])
        for f in r["temuan"]  # type: ignore[attr-defined]
        if f["aspek"] == "pengalaman"
    ]
    assert any(dataset.positions[KASI_JALAN].name in text for text in position_texts)


def test_browser_keeps_slower_routes_with_moves_to_spare(engine: Page, tmp_path: Path) -> None:
    """A→Y→Z→B reaches B fastest with all 3 moves; only the slower A→X→B leaves a move for
    B→D. Both engines must find D."""
    from factory import DataFolder, add_route_graph

    folder = DataFolder(tmp_path / "data")
    add_route_graph(folder)
    changed = folder.validate().dataset
    assert changed is not None
    profile = {"jabatan": "a"}
    expected = explore_data(changed, profile_from_data(profile), 3)
    assert {r["jabatan"] for r in expected} >= {"b", "d"}
    engine.evaluate("d => { window.__graph = d; }", open_data(changed))
    script = "([p, m]) => JSON.stringify(PolaKarirJelajah.explore(window.__graph, p, m))"
    assert as_json(json.loads(engine.evaluate(script, [profile, 3]))) == as_json(expected)


def test_browser_check_equals_python(engine: Page, dataset: Dataset) -> None:
    profile = CASES[1].profile
    for position_id in (KABID_BINA_MARGA, KASI_JALAN, "perawat-mahir-puskesmas-sukamaju"):
        eligibility = check(dataset, profile_from_data(profile), dataset.positions[position_id])
        expected = {
            "jabatan": position_id,
            "status": eligibility.state.value,
            "memenuhi": eligibility.eligible,
            "temuan": [finding_data(f) for f in eligibility.findings],
        }
        script = "([p, id]) => PolaKarirJelajah.check(window.POLA_KARIR_DATA, p, id)"
        assert engine.evaluate(script, [profile, position_id]) == expected


def test_family_experience_and_field_groups_reach_every_status(dataset: Dataset) -> None:
    """The synthetic cases put each experience condition and the rumpun through met, unmet and
    not assessed, so the equality test above covers all of their branches."""
    changed = synthetic_dataset(dataset)
    items = changed.positions[KABID_BINA_MARGA].requirements.experience
    seen: dict[str, set[str]] = {}
    for case in SYNTHETIC_CASES:
        for result in python_explore(changed, case):
            if result["jabatan"] != KABID_BINA_MARGA:
                continue
            for finding in result["temuan"]:  # type: ignore[attr-defined]
                aspect = finding["aspek"]
                family = aspect == "pengalaman" and items[finding["kunci"]] in FAMILY_EXPERIENCE
                if family or aspect == "bidang_pendidikan":
                    seen.setdefault(f"{aspect}{finding['kunci']}", set()).add(finding["status"])
    assert len(seen) == len(FAMILY_EXPERIENCE) + 1
    for need, statuses in seen.items():
        assert statuses == {"terpenuhi", "belum", "tidak-diketahui"}, need


FIELD_NAMES = [
    "Teknik  Sipil",
    "teknik sipil",
    "Teknik-Sipil",
    " TEKNIK_SIPIL. ",
    "Pendidikan (Matematika)",
    "Ｔｅｋｎｉｋ Sipil",
    "Straße",
    "ΣΊΣΥΦΟΣ",
    "D-III/Keperawatan",
    "Ilmu\tKomunikasi\u00a0& Media",
    "e\u0301cole",
    "Kesehatan Masyarakat (S.K.M.)",
    "",
    "...",
]


def test_field_names_are_normalised_as_python_does(engine: Page) -> None:
    got = engine.evaluate("vs => vs.map(PolaKarirJelajah.fieldKey)", FIELD_NAMES)
    assert got == [field_key(name) for name in FIELD_NAMES]


def test_years_are_formatted_as_python_does(engine: Page) -> None:
    values = [
        0.0,
        3.0,
        2.5,
        0.30000000000000004,
        1e-05,
        0.0001,
        59.9999996,
        4.999999,
        0.0009765625,
        123456.5,
        999999.5,
        1234565.0,
        1e20,
        17.125,
        2.675,
    ]
    got = engine.evaluate("vs => vs.map(PolaKarirJelajah.formatNumber)", values)
    assert got == [f"{v:g}" for v in values]


def test_profile_round_trips_through_the_url_fragment(engine: Page) -> None:
    for case in (*CASES, *SYNTHETIC_CASES):
        script = (
            "p => PolaKarirJelajah.profileFromParams('#' + PolaKarirJelajah.profileToParams(p))"
        )
        restored = engine.evaluate(script, case.profile)
        assert canonical(restored) == canonical(case.profile), case.name
    fragment = "#jabatan=kepala-seksi-jalan&pendidikan=S1&golongan=III%2Fb&masa_jabatan=2%2C5"
    parsed = engine.evaluate("f => PolaKarirJelajah.profileFromParams(f)", fragment)
    assert parsed == {
        "jabatan": "kepala-seksi-jalan",
        "pendidikan": "S1",
        "golongan": "III/b",
        "masa_jabatan": 2.5,
    }
    junk = (
        "#jabatan=<script>&pendidikan=S9&golongan=V/a&masa_jabatan=-1&masa_kerja=99"
        "&kinerja=baik,hebat&kompetensi=integritas:7,komunikasi:3&pelatihan=pka,PKA"
    )
    parsed = engine.evaluate("f => PolaKarirJelajah.profileFromParams(f)", junk)
    assert parsed == {"pelatihan": ["pka"], "kinerja": ["baik"], "kompetensi": {"komunikasi": 3}}


# --- the page as built ----------------------------------------------------------------------


def test_page_is_wired_into_the_site(example_site: Path, dataset: Dataset) -> None:
    content = site_content(dataset)
    titles = [next(iter(entry)) for entry in content.nav]
    assert titles[titles.index("Pola karier") + 1] == "Jelajah Karier"
    assert content.files[explorer.SCRIPT].startswith("/* pola-karir: Jelajah Karier")
    built = (example_site / "jelajah" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../assets/pola-karir-data.js"></script>' in built
    # The data and the engine's constants, then the engine, then the page.
    scripts = (
        '<script src="../assets/pola-karir-data.js"></script>'
        '<script src="../assets/pk-konstanta.js"></script>'
        '<script src="../assets/pk-timeline.js"></script>'
        '<script src="../assets/pk-engine.js"></script>'
        '<script src="../assets/pk-kata.js"></script>'
        '<script src="../assets/jelajah.js"></script>'
    )
    assert scripts in built
    assert 'data-pk-position-url="../jabatan/__ID__/"' in built
    for name in ("jelajah.js", "pk-engine.js", "pk-konstanta.js", "pk-kata.js", "pk-timeline.js"):
        assert (example_site / "assets" / name).is_file()
    # The core names sources only; the plugin made the URLs above (for flat URLs too, see
    # test_build.test_links_in_raw_html_and_svg_point_to_their_pages).
    block = dict(explorer.explorer_page(dataset).html_blocks)["jelajah"]
    assert f'<script src="{urls.ref(explorer.DATA_SCRIPT)}"></script>' in block
    assert f'data-pk-position-url="{urls.ref("jabatan/__ID__.md")}"' in block
    # Years per job family (all jenjang), and rumpun members among the suggested fields.
    for family in dataset.families:
        assert f'data-pk-pengalaman="{family}"' in block
    assert '<option value="Ilmu Administrasi Negara">' in block


@pytest.mark.parametrize("name", ["jelajah.js", "pk-engine.js", "pk-kata.js", "pk-halaman.js"])
def test_script_never_writes_html_or_goes_online(name: str) -> None:
    script = (Path(explorer.__file__).parent / "assets" / name).read_text(encoding="utf-8")
    for forbidden in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "fetch(",
        "XMLHttpRequest",
        "import(",
        "eval(",
        "localStorage",
        "sendBeacon",
    ):
        assert forbidden not in script, forbidden


# --- the page in use ------------------------------------------------------------------------

PROFILE = {
    "jabatan": KASI_JALAN,
    "pendidikan": "S1",
    "bidang_pendidikan": "Teknik Sipil",
    "golongan": "III/c",
    "masa_jabatan": 3.5,
    "pelatihan": ["diklat-laik-fungsi-jalan", "pkp", "pelatihan-pengawasan-mutu-konstruksi"],
    "kinerja": ["baik", "sangat-baik"],
}


def _cards(page: Page) -> list[str]:
    return [
        str(x)
        for x in page.eval_on_selector_all(
            "[data-pk-results] > li", "items => items.map(i => i.dataset.jabatan)"
        )
    ]


def _card_facts(page: Page) -> list[dict[str, Any]]:
    return list(
        page.eval_on_selector_all(
            "[data-pk-results] > li",
            """items => items.map(i => ({
            id: i.dataset.jabatan,
            ok: i.classList.contains('pk-jelajah__item--ok'),
            badge: i.querySelector('.pk-jelajah__badges').textContent,
            gaps: Array.from(i.querySelectorAll('.pk-jelajah__gaps li')).map(li => li.textContent),
            href: i.querySelector('h3 a').getAttribute('href'),
            time: i.querySelector('.pk-jelajah__time').textContent,
        }))""",
        )
    )


def _assert_results(page: Page, expected: list[dict[str, Any]], dataset: Dataset) -> None:
    facts = _card_facts(page)
    assert [f["id"] for f in facts] == [r["jabatan"] for r in expected]
    for fact, result in zip(facts, expected, strict=True):
        unknown = [
            f
            for step in result["langkah_rute"]
            for f in step["temuan"]
            if f["status"] == "tidak-diketahui"
        ]
        assert fact["ok"] is result["memenuhi"] is (result["status"] == "memenuhi")
        assert ("Memenuhi semua syarat" in fact["badge"]) is result["memenuhi"]
        if result["celah"]:
            assert f"{result['celah']} syarat belum terpenuhi" in fact["badge"]
        assert (f"{len(unknown)} syarat belum dinilai: isi " in fact["badge"]) is bool(unknown)
        # The gaps of every step on the route, not only of the destination.
        assert len(fact["gaps"]) == result["celah"]
        assert fact["href"] == f"../jabatan/{result['jabatan']}/"
        # The honest time (golongan, credit points, assumptions), worded as the CLI words it.
        time = result["waktu"]
        when = waktu.when(
            time["tahun"],
            time["perkiraan"],
            time["dasar"],
            time["asumsi"],
            time["tidak_dapat_diperkirakan"],
            time["predikat"],
        )
        assert fact["time"] == text("engine.time", count=result["langkah"], time=when)
    summary = page.text_content("[data-pk-summary]") or ""
    states = [r["status"] for r in expected]
    assert summary.startswith(
        f"{len(expected)} jabatan dapat dicapai dari {dataset.positions[KASI_JALAN].name}"
        f" dalam paling banyak 3 langkah; {states.count('memenuhi')} memenuhi semua syarat, "
        f"{states.count('belum-memenuhi')} punya syarat yang belum terpenuhi, "
        f"{states.count('belum-dinilai')} belum dapat dinilai karena profil belum lengkap."
    )
    assert "tidak punya syarat yang belum" not in summary


def _fill_profile(page: Page) -> None:
    page.fill("#pk-j-cari", "pembangunan jalan")
    assert page.text_content("[data-pk-search-count]") == "1 jabatan cocok"
    page.select_option("#pk-j-jabatan", KASI_JALAN)
    page.fill("#pk-j-masa-jabatan", "3,5")
    page.select_option("#pk-j-pendidikan", "S1")
    page.fill("#pk-j-bidang-pendidikan", "Teknik Sipil")
    page.select_option("#pk-j-golongan", "III/c")
    page.select_option("#pk-j-kinerja-0", "baik")
    page.select_option("#pk-j-kinerja-1", "sangat-baik")
    # Keyboard: open the trainings section and tick two boxes.
    page.focus("details:has([name=pelatihan]) > summary")
    page.keyboard.press("Enter")
    page.focus("input[name=pelatihan][value=pkp]")
    page.keyboard.press("Space")
    page.check("input[name=pelatihan][value=diklat-laik-fungsi-jalan]")
    page.check("input[name=pelatihan][value=pelatihan-pengawasan-mutu-konstruksi]")


def test_employee_explores_and_comes_back(
    chromium: Browser, site_url: str, dataset: Dataset, tmp_path: Path
) -> None:
    context, watch = _context(chromium, site_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "jelajah/")
    assert page.text_content("[data-pk-summary]") == (
        "Pilih jabatan sekarang untuk melihat jabatan yang dapat dicapai."
    )
    _fill_profile(page)
    expected = explore_data(dataset, profile_from_data(PROFILE), 3)
    _assert_results(page, expected, dataset)  # type: ignore[arg-type]
    # The gaps an employee must see, in words.
    kabid = next(f for f in _card_facts(page) if f["id"] == KABID_BINA_MARGA)
    assert "Golongan III/c, perlu III/d" in kabid["gaps"]
    assert "Belum Pelatihan Kepemimpinan Administrator (PKA)" in kabid["gaps"]
    assert not kabid["ok"]
    # No competency is told: nothing can be "memenuhi syarat" yet.
    assert not any(f["ok"] for f in _card_facts(page))
    # The fragment holds the profile.
    fragment = page.evaluate("location.hash")
    assert "golongan=III%2Fc" in fragment and "masa_jabatan=3.5" in fragment
    restored = page.evaluate("f => PolaKarirJelajah.profileFromParams(f)", fragment)
    assert sorted(restored.pop("pelatihan")) == sorted(PROFILE["pelatihan"])
    assert restored == {k: v for k, v in PROFILE.items() if k != "pelatihan"}
    page.evaluate("document.querySelector('.pk-jelajah__form').scrollIntoView()")
    screenshot(page, "jelajah-desktop-form")
    page.evaluate("document.getElementById('pk-j-hasil').scrollIntoView()")
    screenshot(page, "jelajah-desktop")

    # Reload from the URL: the same form and the same results.
    url = page.url
    page.goto("about:blank")
    page.goto(url)
    assert page.input_value("#pk-j-jabatan") == KASI_JALAN
    assert page.input_value("#pk-j-masa-jabatan") == "3,5"
    assert page.input_value("#pk-j-golongan") == "III/c"
    assert page.input_value("#pk-j-bidang-pendidikan") == "Teknik Sipil"
    assert page.is_checked("input[name=pelatihan][value=pkp]")
    assert page.input_value("#pk-j-kinerja-1") == "sangat-baik"
    _assert_results(page, expected, dataset)  # type: ignore[arg-type]

    # Changing the number of moves changes the results and the URL.
    page.select_option("#pk-j-langkah", "1")
    assert _cards(page) == [
        r["jabatan"] for r in explore_data(dataset, profile_from_data(PROFILE), 1)
    ]
    assert page.evaluate("location.hash").endswith("&langkah=1")
    page.select_option("#pk-j-langkah", "3")

    # Export with the keyboard, clear, import: the same profile and results again.
    page.focus("[data-pk-action=export]")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = tmp_path / "profil.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "profil-pegawai.json"
    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert [e.message for e in load_schemas().explain["profil"].iter_errors(exported)] == []
    assert sorted(exported.pop("pelatihan")) == sorted(PROFILE["pelatihan"])
    assert exported == {k: v for k, v in PROFILE.items() if k != "pelatihan"}
    page.click("[data-pk-action=reset]")
    assert page.input_value("#pk-j-jabatan") == ""
    assert _cards(page) == []
    assert page.evaluate("location.hash") == ""
    page.set_input_files("[data-pk-file]", str(saved))
    page.wait_for_selector("[data-pk-results] > li")
    assert "dimuat" in (page.text_content("[data-pk-message]") or "")
    assert page.input_value("#pk-j-golongan") == "III/c"
    _assert_results(page, expected, dataset)  # type: ignore[arg-type]

    # A broken file and a file with foreign keys are explained, not fatal.
    page.set_input_files(
        "[data-pk-file]",
        files=[{"name": "rusak.json", "mimeType": "application/json", "buffer": b"{rusak"}],
    )
    page.wait_for_function(
        "document.querySelector('[data-pk-message]').textContent.includes('bukan JSON')"
    )
    other = {"jabatan": KASI_JALAN, "nama": "Budi", "golongan": "III/z"}
    page.set_input_files(
        "[data-pk-file]",
        files=[
            {
                "name": "lain.json",
                "mimeType": "application/json",
                "buffer": json.dumps(other).encode(),
            }
        ],
    )
    page.wait_for_function(
        "document.querySelector('[data-pk-message]').textContent.includes('diabaikan')"
    )
    message = page.text_content("[data-pk-message]") or ""
    assert "'nama'" in message and "2 nilai profil tidak dapat dipakai" in message
    # The bad golongan is shown beside its field; the position is still used.
    assert page.text_content("[data-pk-error=golongan]") == (
        "Golongan 'III/z' di luar I/a sampai IV/e; nilai ini diabaikan."
    )
    assert page.input_value("#pk-j-golongan") == ""
    assert page.input_value("#pk-j-jabatan") == KASI_JALAN

    # The position link opens the position page.
    page.goto(url)
    page.click(f"[data-jabatan={KABID_BINA_MARGA}] h3 a")
    page.wait_for_url(f"**/jabatan/{KABID_BINA_MARGA}/")
    assert page.text_content("h1") == dataset.positions[KABID_BINA_MARGA].name
    context.close()
    _assert_clean(watch)


def test_every_control_has_a_label_and_takes_focus(engine: Page) -> None:
    unlabelled = engine.evaluate(
        """() => Array.from(document.querySelectorAll('.pk-jelajah input, .pk-jelajah select,'
                                                     + ' .pk-jelajah button'))
            .filter(c => c.type !== 'file' || !c.hidden)
            .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')
                         && !(c.tagName === 'BUTTON' && c.textContent.trim()))
            .map(c => c.outerHTML)"""
    )
    assert unlabelled == []
    assert engine.evaluate("document.querySelector('[data-pk-file]').getAttribute('aria-label')")
    assert engine.evaluate("document.documentElement.lang") == "id"


def test_phone_width_has_no_horizontal_scroll(chromium: Browser, site_url: str) -> None:
    context, watch = _context(
        chromium,
        site_url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    fragment = "#jabatan=" + KASI_JALAN + "&pendidikan=S1&golongan=III%2Fb&masa_jabatan=3.5"
    page.goto(site_url + "jelajah/" + fragment)
    page.wait_for_selector("[data-pk-results] > li")
    page.evaluate("document.querySelectorAll('.pk-jelajah details').forEach(d => d.open = true)")
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] == 390
    screenshot(page, "jelajah-phone-form")
    page.evaluate("document.querySelectorAll('.pk-jelajah details').forEach(d => d.open = false)")
    page.evaluate("document.querySelector('.pk-jelajah__results').scrollIntoView()")
    screenshot(page, "jelajah-phone")
    context.close()
    _assert_clean(watch)


def test_page_works_from_file_urls(
    chromium: Browser, site_url: str, example_site: Path, dataset: Dataset
) -> None:
    context, watch = _context(chromium, site_url)
    page = context.new_page()
    url = (example_site / "jelajah" / "index.html").as_uri() + "#jabatan=" + KASI_JALAN
    page.goto(url)
    page.wait_for_selector("[data-pk-results] > li")
    expected = explore_data(dataset, profile_from_data({"jabatan": KASI_JALAN}), 3)
    assert _cards(page) == [r["jabatan"] for r in expected]
    href = page.get_attribute("[data-pk-results] > li h3 a", "href")
    assert href == f"../jabatan/{expected[0]['jabatan']}/index.html"
    # Editing updates the fragment; a fragment typed in updates the form.
    page.select_option("#pk-j-golongan", "III/c")
    assert page.evaluate("location.hash") == f"#jabatan={KASI_JALAN}&golongan=III%2Fc"
    page.evaluate(f"location.hash = '#jabatan={KASI_JALAN}&masa_jabatan=2.123456789'")
    page.wait_for_function("document.getElementById('pk-j-golongan').value === ''")
    assert page.input_value("#pk-j-masa-jabatan") == "2,123456789"
    assert page.evaluate("location.hash").endswith("masa_jabatan=2.123456789")
    page.click("[data-pk-results] > li h3 a")
    page.wait_for_load_state()
    assert page.text_content("h1") == dataset.positions[str(expected[0]["jabatan"])].name
    context.close()
    _assert_clean(watch)


# --- formasi: where the reachable positions are open ------------------------------------------

OPERATOR = "operator-layanan-operasional-diskominfo"  # -> Pengadministrasi Perkantoran, 8 units


def _openings(dataset: Dataset, position_id: str) -> list[tuple[str, int]]:
    """(unit as the card names it, open posts) for each placement with open posts."""
    found = []
    for placement in dataset.positions[position_id].placements:
        if placement.vacancies:
            top = placement.unit.split("/")[0]
            name = dataset.units[placement.unit].name
            if placement.unit != top:
                name += " \u203a " + dataset.units[top].name
            found.append((name, placement.vacancies))
    return found


def test_results_show_where_each_position_is_open(
    chromium: Browser, site_url: str, dataset: Dataset
) -> None:
    context, watch = _context(chromium, site_url)
    page = context.new_page()
    for start in (OPERATOR, KASI_JALAN):
        page.goto(site_url + "jelajah/#jabatan=" + start)
        page.wait_for_selector("[data-pk-results] > li")
        cards = page.eval_on_selector_all(
            "[data-pk-results] > li",
            """items => items.map(i => ({
            id: i.dataset.jabatan,
            open: i.getAttribute('data-terbuka'),
            badges: i.querySelector('.pk-jelajah__badges').textContent,
            openings: (i.querySelector('.pk-jelajah__openings') || {}).textContent || null,
        }))""",
        )
        expected = explore_data(dataset, profile_from_data({"jabatan": start}), 3)
        assert [c["id"] for c in cards] == [r["jabatan"] for r in expected]
        with_openings = 0
        for card in cards:
            position = dataset.positions[card["id"]]
            openings = _openings(dataset, card["id"])
            if openings:
                with_openings += 1
                total = sum(count for _, count in openings)
                assert card["open"] == str(total)
                assert f"{total} formasi terbuka" in card["badges"]
                listed = "; ".join(f"{name} ({count})" for name, count in openings)
                assert card["openings"] == "Formasi terbuka di: " + listed
            elif all(p.vacancies is not None for p in position.placements):
                assert card["open"] is None
                assert card["openings"] == "Formasi jabatan ini saat ini terisi semua."
        assert with_openings > 0
        summary = page.text_content("[data-pk-summary]") or ""
        assert summary.endswith(f" {with_openings} jabatan punya formasi terbuka.")
        # Only the positions with open posts, then all again: the profile is not changed.
        fragment = page.evaluate("location.hash")
        page.check("[data-pk-only-open]")
        shown = page.eval_on_selector_all(
            "[data-pk-results] > li.pk-jelajah__item:not([hidden])", "l => l.length"
        )
        assert shown == with_openings
        assert page.evaluate("location.hash") == fragment
        page.uncheck("[data-pk-only-open]")
        assert page.eval_on_selector_all(
            "[data-pk-results] > li.pk-jelajah__item:not([hidden])", "l => l.length"
        ) == len(cards)
    # The position placed in eight units lists the six where it is open.
    page.goto(site_url + "jelajah/#jabatan=" + OPERATOR)
    page.wait_for_selector("[data-jabatan=pengadministrasi-perkantoran]")
    text = page.text_content("[data-jabatan=pengadministrasi-perkantoran] .pk-jelajah__openings")
    assert text is not None and text.count(" (") == 6
    assert "Bagian Umum \u203a Sekretariat Daerah (1)" in text
    context.close()
    _assert_clean(watch)


# --- honest verdicts, the route's order, and input the page cannot use ---------------------


def _open(
    chromium: Browser, site_url: str, fragment: str, width: int = 1280
) -> tuple[BrowserContext, Page]:
    context, _ = _context(chromium, site_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + "jelajah/" + fragment)
    page.wait_for_selector(".pk-jelajah--ready")
    return context, page


@pytest.mark.parametrize("width", [1280, 360])
def test_a_position_alone_is_never_shown_as_eligible(
    chromium: Browser, site_url: str, dataset: Dataset, width: int
) -> None:
    """The product owner's report: with only a position, every card said "Memenuhi syarat",
    an S-1 post for an SMA-level employee included, and the summary was a double negative."""
    context, page = _open(chromium, site_url, f"#jabatan={KASI_JALAN}", width)
    expected = explore_data(dataset, profile_from_data({"jabatan": KASI_JALAN}), 3)
    _assert_results(page, expected, dataset)
    facts = _card_facts(page)
    assert facts and not any(f["ok"] for f in facts)
    assert all("syarat belum dinilai: isi pendidikan" in f["badge"] for f in facts)
    summary = page.text_content("[data-pk-summary]") or ""
    assert "0 memenuhi semua syarat" in summary and "tidak punya syarat yang belum" not in summary
    screenshot(page, f"jelajah-hanya-jabatan-{width}", full_page=True)
    # SMA level: every S-1 post is unmet, and no card at all is "memenuhi".
    page.select_option("#pk-j-pendidikan", "SMA")
    expected = explore_data(
        dataset, profile_from_data({"jabatan": KASI_JALAN, "pendidikan": "SMA"}), 3
    )
    _assert_results(page, expected, dataset)
    for fact in _card_facts(page):
        assert "Memenuhi semua syarat" not in fact["badge"]
        need = dataset.positions[fact["id"]].requirements.education
        if need is not None and need.minimum in {"S1", "D4"}:
            assert "syarat belum terpenuhi" in fact["badge"], fact["id"]
            assert any(g.startswith("Pendidikan SMA") for g in fact["gaps"]), fact["id"]
    screenshot(page, f"jelajah-sma-{width}", full_page=True)
    context.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_next_steps_come_before_the_positions_they_lead_to(
    chromium: Browser, site_url: str, dataset: Dataset, width: int
) -> None:
    """Kepala Bidang before Kepala Dinas, Ahli Muda before Ahli Utama: every card after the
    cards of the steps on its route, and a step's gaps shown on the card beyond it."""
    profile = CASES[0].profile  # complete: some steps met, some beyond them unmet
    fragment = "#" + str(_open_engine_params(chromium, site_url, profile))
    context, page = _open(chromium, site_url, fragment, width)
    order = _cards(page)
    expected = explore_data(dataset, profile_from_data(profile), 3)
    assert order == [r["jabatan"] for r in expected]
    _assert_results(page, expected, dataset)  # every step's gaps counted on the card
    for result in expected:
        for step in list(result["rute"])[1:-1]:  # type: ignore[call-overload]
            assert order.index(step) < order.index(result["jabatan"]), (step, result["jabatan"])
    moves = [r["langkah"] for r in expected]
    assert moves == sorted(moves)  # type: ignore[type-var]
    assert order.index(KABID_BINA_MARGA) < order.index("kepala-dinas-pupr")
    screenshot(page, f"jelajah-urutan-{width}", full_page=True)
    context.close()


def _open_engine_params(chromium: Browser, site_url: str, profile: dict[str, Any]) -> str:
    context, page = _open(chromium, site_url, "")
    params = str(page.evaluate("p => PolaKarirJelajah.profileToParams(p)", profile))
    context.close()
    return params


@pytest.mark.parametrize("width", [1280, 360])
def test_values_the_page_cannot_use_are_shown_beside_their_fields(
    chromium: Browser, site_url: str, dataset: Dataset, width: int
) -> None:
    """A shared URL with bad values: each is reported beside its field (as text), left out, and
    the rest of the profile still works; ids and codes in another case are understood."""
    fragment = (
        f"#jabatan={KASI_JALAN.upper()}&pendidikan=s1&golongan=V%2Fa&masa_jabatan=-2"
        "&pelatihan=PKA,pelatihan-yang-tidak-ada,%3Cb%3Ex%3C%2Fb%3E&kinerja=baik,hebat"
        "&kompetensi=integritas:6,komunikasi:3&pengalaman=pelaksana:2,bukan-kunci:1"
    )
    context, page = _open(chromium, site_url, fragment, width)
    errors = {
        str(k): str(v)
        for k, v in page.eval_on_selector_all(
            "[data-pk-error]",
            "nodes => nodes.map(n => [n.dataset.pkError, n.textContent])",
        )
    }
    assert errors.keys() == {
        "golongan",
        "masa_jabatan",
        "pelatihan",
        "kinerja",
        "kompetensi",
        "pengalaman",
    }
    assert "'V/a'" in errors["golongan"] and "'-2'" in errors["masa_jabatan"]
    assert "'integritas: 6'" in errors["kompetensi"] and "'hebat'" in errors["kinerja"]
    # Markup in a value stays text: no element was made from it.
    assert page.locator(".pk-jelajah b").count() == 0
    assert "'<b>x</b>'" in page.text_content("body")  # type: ignore[operator]
    assert page.get_attribute("#pk-j-golongan", "aria-invalid") == "true"
    # The rest is used: the position (in capitals), S-1 (in lower case), PKA, the ratings and
    # the competency before the bad ones.
    assert page.input_value("#pk-j-jabatan") == KASI_JALAN
    assert page.input_value("#pk-j-pendidikan") == "S1"
    assert page.is_checked("input[name=pelatihan][value=pka]")
    assert page.input_value("#pk-j-kinerja-0") == "baik"
    assert page.input_value("#pk-j-kinerja-1") == ""
    used = {
        "jabatan": KASI_JALAN,
        "pendidikan": "S1",
        "pelatihan": ["pka"],
        "kinerja": ["baik"],
        "kompetensi": {"komunikasi": 3},
        "pengalaman": {"pelaksana": 2},
    }
    expected = explore_data(dataset, profile_from_data(used), 3)
    assert _cards(page) == [r["jabatan"] for r in expected]
    message = page.text_content("[data-pk-message]") or ""
    assert message.startswith("7 nilai profil tidak dapat dipakai")
    screenshot(page, f"jelajah-nilai-salah-{width}", full_page=True)
    # An unknown key=value is reported in the message; a heading's anchor is not a value.
    page.goto(site_url + f"jelajah/#jabatan={KASI_JALAN}&nip=1978")
    page.wait_for_function(
        "document.querySelector('[data-pk-message]').textContent.includes('nip')"
    )
    page.goto(site_url + "jelajah/#pk-j-hasil")
    assert page.locator("[data-pk-error]").count() == 0
    assert "tidak dikenal" not in (page.text_content("[data-pk-message]") or "")
    page.goto(site_url + "jelajah/" + fragment)
    # Changing a field clears its error only.
    page.select_option("#pk-j-golongan", "III/c")
    assert page.locator("[data-pk-error=golongan]").count() == 0
    assert page.locator("[data-pk-error=masa_jabatan]").count() == 1
    context.close()


def test_imported_json_with_capitals_keeps_its_trainings(chromium: Browser, site_url: str) -> None:
    """`pelatihan: ["PKA"]` once became "has no training"; now it is PKA."""
    context, page = _open(chromium, site_url, "")
    profile = {"jabatan": KASI_JALAN, "pelatihan": ["PKA", "PKP"], "kompetensi": {"x": 9}}
    page.set_input_files(
        "[data-pk-file]",
        files=[
            {
                "name": "p.json",
                "mimeType": "application/json",
                "buffer": json.dumps(profile).encode(),
            }
        ],
    )
    page.wait_for_function("document.querySelector('[data-pk-error=kompetensi]')")
    assert page.is_checked("input[name=pelatihan][value=pka]")
    assert page.is_checked("input[name=pelatihan][value=pkp]")
    assert page.locator("[data-pk-error=pelatihan]").count() == 0
    assert "'x: 9'" in (page.text_content("[data-pk-error=kompetensi]") or "")
    context.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_cards_show_the_honest_earliest_time_with_its_assumptions(
    chromium: Browser, site_url: str, dataset: Dataset, width: int
) -> None:
    """The product owner's report: a III/b Kasi was told Kepala Dinas (IV/b) is "3 tahun lagi".
    Each card's time is the CLI's sentence for the same estimate (golongan and credit points,
    assumptions beside the figure), never the move years alone."""
    raw = {"jabatan": KASI_JALAN, "golongan": "III/b", "masa_golongan": 1, "masa_jabatan": 2}
    profile = profile_from_data(raw)
    context, _ = _context(chromium, site_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(
        f"{site_url}jelajah/#jabatan={KASI_JALAN}&golongan=III%2Fb&masa_golongan=1&masa_jabatan=2"
    )
    page.wait_for_selector("[data-pk-results] > li.pk-jelajah__item")
    assert page.input_value("#pk-j-masa-golongan") == "1"
    shown = page.eval_on_selector_all(
        "[data-pk-results] > li.pk-jelajah__item",
        "l => l.map(i => [i.getAttribute('data-jabatan'),"
        " i.querySelector('.pk-jelajah__time').textContent])",
    )
    results = {found.reach.position: found for found in explore(dataset, profile, 3)}
    assert len(shown) == len(results)
    for position, time_text in shown:
        found = timeline.timeline_for(results[position], dataset, profile)
        step = found.destination
        when = waktu.when(
            step.years, step.estimate, step.binding, step.assumptions, step.unknown, found.rating
        )
        expected = text("engine.time", count=results[position].reach.moves, time=when)
        assert time_text == expected, position
    kadis = dict(shown)["kepala-dinas-pupr"]
    assert not re.search(r"(?<![0-9,])3 tahun lagi", kadis)
    assert "perkiraan" in kadis and "golongan" in kadis
    screenshot(page, f"jelajah-waktu-{width}", full_page=True)
    context.close()
