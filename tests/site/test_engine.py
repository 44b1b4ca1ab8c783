"""The browser engine (``assets/pk-engine.js``) on its own: in a blank page, with no site build,
against the Python engine, on random datasets and profiles.

The engine is loaded into ``about:blank`` with the constants Python generates
(:func:`pola_karir.site.engine.constants_script`) and nothing else: no page, no data script, no
MkDocs. Each dataset is built in Python and handed over as its open data export
(:func:`pola_karir.export.open_data`), exactly what the site publishes.

The differential test draws its cases with Hypothesis (derandomized: the same cases on every
run, so CI is reproducible; ``POLA_KARIR_DIFFERENTIAL=random`` draws new ones locally), computes
every Python answer first and asks the browser for all of its answers in one call.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from factory import DataFolder, add_route_graph
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from jelajah_cases import CASES
from playwright.sync_api import Browser, Page

from pola_karir import reference as ref
from pola_karir.career import matching
from pola_karir.career.matching import check, explore_data, finding_data, profile_from_data
from pola_karir.export import open_data
from pola_karir.load.schema import load_schemas, schema_dir
from pola_karir.model import (
    CareerPath,
    CompetencyStandard,
    Dataset,
    EducationRequirement,
    ExperienceRequirement,
    FieldGroup,
    JobFamily,
    Move,
    PerformanceRequirement,
    Placement,
    Position,
    RankRequirement,
    Requirements,
)
from pola_karir.site import engine as engine_files
from pola_karir.site import explorer

ASSETS = Path(engine_files.__file__).parent / "assets"
CASES_WANTED = 500

settings.register_profile(
    "differential",
    settings(
        max_examples=CASES_WANTED // 3 + 10,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],  # every case is checked after the batch: nothing to shrink
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    ),
)
settings.register_profile(
    "differential-random",
    settings(
        max_examples=CASES_WANTED // 3 + 10,
        derandomize=False,
        database=None,
        deadline=None,
        phases=[Phase.generate],  # every case is checked after the batch: nothing to shrink
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    ),
)
PROFILE = (
    "differential-random"
    if os.environ.get("POLA_KARIR_DIFFERENTIAL") == "random"
    else "differential"
)


def canonical(value: Any) -> Any:
    """JSON as both sides mean it: Python's 3.0 is JavaScript's 3."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return value


def plain(value: Any) -> Any:
    """Python data as JSON reads it back (tuples become lists, 1e-05 stays a float)."""
    return canonical(json.loads(json.dumps(value)))


def load_engine(page: Page, constants: str | None = None) -> None:
    """The engine and its constants, and nothing else, in the page."""
    page.goto("about:blank")
    page.add_script_tag(content=constants or engine_files.constants_script())
    page.add_script_tag(content=engine_files.timeline_source())
    page.add_script_tag(content=engine_files.engine_source())


@pytest.fixture(scope="module")
def blank(chromium: Browser) -> Iterator[Page]:
    """A blank page holding only the engine. Any console or page error fails the module."""
    context = chromium.new_context()
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    load_engine(page)
    yield page
    context.close()
    assert errors == []


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """tests/factory.py's minimal dataset with the route graph a→…→d added."""
    folder = DataFolder(tmp_path_factory.mktemp("engine") / "data")
    add_route_graph(folder)
    dataset = folder.validate().dataset
    assert dataset is not None
    return dataset


# --- the engine alone, in a blank page ------------------------------------------------------


def test_the_engine_runs_in_a_blank_page_without_a_site(blank: Page, small: Dataset) -> None:
    """No DOM, no site data: the engine answers for an export it is given, exactly as Python."""
    assert blank.evaluate("document.body === null || document.body.childNodes.length === 0")
    assert blank.evaluate("window.PolaKarirEngine === window.PolaKarirJelajah")
    assert blank.evaluate("typeof window.POLA_KARIR_DATA") == "undefined"
    data = open_data(small)
    profiles = [
        {},
        {"jabatan": "kepala-seksi-jalan"},
        {"jabatan": "kepala-seksi-jalan", "pendidikan": "S1", "golongan": "III/b"},
        {
            "jabatan": "teknik-jalan-ahli-pertama",
            "pendidikan": "S1",
            "bidang_pendidikan": "Teknik Sipil",
            "golongan": "III/b",
            "masa_jabatan": 2.5,
            "pengalaman": {"pelaksana": 1},
            "masa_kerja": 6,
            "pelatihan": ["pka", "sertifikat-ahli-jalan"],
            "kinerja": ["baik", "sangat-baik"],
            "kompetensi": {"integritas": 3, "manajemen-jalan": 2},
        },
        {"jabatan": "a"},
    ]
    script = "([d, ps]) => ps.map(p => JSON.stringify(PolaKarirEngine.explore(d, p, 3)))"
    got = [json.loads(text) for text in blank.evaluate(script, [data, profiles])]
    expected = [plain(explore_data(small, profile_from_data(p), 3)) for p in profiles]
    assert canonical(got) == expected
    assert {r["jabatan"] for r in expected[-1]} >= {"b", "d"}  # the route graph, through JS too
    assert any(r["status"] == "belum-memenuhi" for r in expected[2])
    position = small.positions["kepala-bidang-bina-marga"]
    eligibility = check(small, profile_from_data(profiles[3]), position)
    got_check = blank.evaluate(
        "([d, p, id]) => PolaKarirEngine.check(d, p, id)", [data, profiles[3], position.id]
    )
    assert canonical(got_check) == plain(
        {
            "jabatan": position.id,
            "status": eligibility.state.value,
            "memenuhi": eligibility.eligible,
            "temuan": [finding_data(f) for f in eligibility.findings],
        }
    )


def test_the_page_words_of_a_finding_are_the_cli_words(
    chromium: Browser, example_dataset: Dataset
) -> None:
    """pk-kata.js phrases the engine's codes and values with the catalogue's words into exactly
    what Python's engine says for the CLI (subject, what the profile has, what is needed), for
    every finding of every route of the case table."""
    page = chromium.new_page()
    try:
        load_engine(page)
        page.add_script_tag(content=(ASSETS / "pk-kata.js").read_text(encoding="utf-8"))
        data = open_data(example_dataset)
        script = """([data, words, cases]) => {
          const kata = PolaKarirKata.phraser(words, data);
          return cases.map(([p, m]) => PolaKarirEngine.explore(data, p, m).map(r =>
            r.langkah_rute.map(step => step.temuan.map(f => kata.parts(f, step.jabatan)))));
        }"""
        cases = [[case.profile, case.max_moves] for case in CASES]
        got = page.evaluate(script, [data, explorer.engine_words(), cases])
    finally:
        page.close()
    expected = [
        [
            [
                [{"subject": f.subject, "have": f.have, "need": f.need} for f in step.findings]
                for step in result.steps
            ]
            for result in matching.explore(example_dataset, profile_from_data(p), m)
        ]
        for p, m in cases
    ]
    assert got == expected
    assert sum(len(step) for case in got for result in case for step in result) > 500


def test_the_engine_refuses_to_start_without_its_constants(chromium: Browser) -> None:
    page = chromium.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto("about:blank")
        page.add_script_tag(content=engine_files.engine_source())
        assert page.evaluate("typeof window.PolaKarirEngine") == "undefined"
        assert len(errors) == 1 and "POLA_KARIR_KONSTANTA" in errors[0]
    finally:
        page.close()


# --- constants come from Python ---------------------------------------------------------------


def test_generated_constants_are_what_python_and_the_schemas_define() -> None:
    script = engine_files.constants_script()
    assert script.isascii()
    found = re.search(r"this\.POLA_KARIR_KONSTANTA = (\{.*\});", script)
    assert found is not None
    constants = json.loads(found.group(1))
    common = json.loads((schema_dir() / "common.schema.json").read_text(encoding="utf-8"))
    profile_schema = json.loads((schema_dir() / "profil.schema.json").read_text(encoding="utf-8"))
    assert constants["status"] == {
        "met": "terpenuhi",
        "unmet": "belum",
        "unknown": "tidak-diketahui",
    }
    assert constants["status"] == {s.name.lower(): s.value for s in matching.Status}
    assert constants["state"] == {s.name.lower(): s.value for s in matching.State}
    assert constants["state_order"] == {s.value: n for s, n in matching.STATE_ORDER.items()}
    # The profile keys are the schema's properties, in its order.
    assert (
        constants["profile_keys"]
        == list(profile_schema["properties"])
        == list(matching.PROFILE_KEYS)
    )
    assert constants["max_years"] == common["$defs"]["tahun"]["maximum"]
    assert constants["id_pattern"] == common["$defs"]["id"]["pattern"]
    assert constants["levels"] == [
        common["$defs"]["level"]["minimum"],
        common["$defs"]["level"]["maximum"],
    ]
    assert constants["moves"] == list(engine_files.MOVES)


def test_the_engine_holds_no_copy_of_a_constant() -> None:
    """Status and state codes, the id pattern and the years bound are read, never written."""
    source = engine_files.engine_source()
    literals = set(re.findall(r'"((?:[^"\\]|\\.)*)"', source))
    codes = {s.value for s in matching.Status} | {s.value for s in matching.State}
    assert codes & literals == set()
    assert "[a-z0-9]+" not in source
    assert not re.search(r"\b60\b", source)


def test_a_changed_python_constant_changes_what_the_engine_does(
    chromium: Browser, blank: Page, small: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default number of moves and the largest number of years, changed in Python (the
    moves in engine.py, the bound in common.schema.json), change the engine's answers."""
    schema = engine_files._schema

    def smaller(name: str) -> dict[str, Any]:
        loaded = schema(name)
        if name == "common":
            loaded["$defs"]["tahun"]["maximum"] = 5
        return loaded

    monkeypatch.setattr(engine_files, "DEFAULT_MOVES", 1)
    monkeypatch.setattr(engine_files, "_schema", smaller)
    changed = engine_files.constants_script()
    page = chromium.new_page()
    try:
        load_engine(page, changed)
        data = open_data(small)
        got = page.evaluate(
            "d => PolaKarirEngine.explore(d, {jabatan: 'a'}).map(r => r.jabatan)", data
        )
        assert got == [
            r["jabatan"] for r in explore_data(small, profile_from_data({"jabatan": "a"}), 1)
        ]
        assert len(got) < len(explore_data(small, profile_from_data({"jabatan": "a"}), 3))
        errors = page.evaluate("PolaKarirEngine.inspectProfile({masa_kerja: 10}).errors")
        assert errors == [{"kunci": "masa_kerja", "nilai": "10"}]
    finally:
        page.close()
    # The constants as generated, in the blank page: 10 years are allowed there.
    assert blank.evaluate("PolaKarirEngine.inspectProfile({masa_kerja: 10}).errors") == []


# --- differential: random datasets and profiles through both engines -------------------------

RANKS = list(ref.RANKS)
EDUCATION = list(ref.EDUCATION_RANK)
RATINGS = list(ref.RATING_ORDER)
TYPES = list(ref.POSITION_TYPES)
GRADES = list(ref.CATEGORY_OF_GRADE)
LEVEL_KEYS = list(ref.LEVELS)  # position types and jenjang: the experience keys besides ids
YEARS = [0, 0.25, 0.5, 1, 1.5, 2, 2.75, 3, 4, 5, 1e-05, 10]
MOVE_YEARS = [0, 0.1, 0.5, 1, 2, 2.75, 3, 4]
NAMES = ["Analis Jalan", "Analis Jalan", "Kepala Seksi", "Pengadministrasi Umum", "Perawat"]
FIELDS = ["Teknik Sipil", "Teknik Lingkungan", "Ilmu Hukum", "Rekayasa", "Akuntansi"]
TYPED_FIELDS = [*FIELDS, "teknik-sipil", "TEKNIK_LINGKUNGAN", "REKAYASA", "Straße", "ilmu hukum."]
TRAININGS = ["latsar", "pkp", "pka", "pkn-ii", "diklat-jalan", "sertifikat-ahli-jalan"]
UNCATALOGUED = "pelatihan-tak-terdaftar"
COMPETENCIES = ["integritas", "kerja-sama", "manajemen-jalan"]
REKAYASA = FieldGroup("rekayasa", "Rekayasa", ("Teknik Sipil", "Teknik Lingkungan"))
BOTH = JobFamily("serba-guna", "Serba Guna", ("keterampilan", "keahlian"))
# Values a shared URL or a hand-written file may hold that the engine cannot use as they are.
INVALID: Mapping[str, Sequence[Any]] = {
    "jabatan": ["Jabatan-0", "tidak-ada", "<b>", 7, "", "a" * 121],
    "pendidikan": ["s1", "S9", 1, None],
    "bidang_pendidikan": ["", "   ", 12, "x" * 201],
    "golongan": ["iii/b", "V/a", "III-b"],
    "masa_jabatan": [-1, 61, "2,5", "dua", None, True],
    "masa_golongan": [-1, 61, "4", None, False],
    "pengalaman": [[], {"pelaksana": -1}, {"Pelaksana": 2}, {"tak-dikenal": 1}, "5"],
    "masa_kerja": [-0.5, 60.5, "3", "tiga"],
    "pelatihan": [["PKA"], ["pka", "pka"], "pka", ["tak-dikenal"], [1]],
    "kinerja": [["Baik"], ["baik", "hebat", "baik"], "baik", ["baik"] * 11],
    "kompetensi": [{"integritas": 0}, {"integritas": 6}, {"integritas": "3"}, {"integritas": 2.5}],
}


# Strategies are built once (per dataset shape) and reused: building them anew for every draw
# costs more than drawing from them.
YEAR_VALUES = st.sampled_from(YEARS)
HEADCOUNT = st.none() | st.integers(0, 3)
JOB_CLASS = st.integers(1, 17)
FAMILIES = sorted(["teknik-jalan", BOTH.id])


def _rank(bounds: tuple[int, int | None]) -> RankRequirement:
    low, high = bounds
    top = None if high is None else RANKS[max(low, high)]
    return RankRequirement(RANKS[low], top)


def _experience(family: str | None, min_grade: str | None, **rest: Any) -> ExperienceRequirement:
    return ExperienceRequirement(family=family, min_grade=min_grade if family else None, **rest)


@functools.cache
def requirements(ids: tuple[str, ...], units: tuple[str, ...]) -> st.SearchStrategy[Requirements]:
    """Any mix of the requirement kinds, experience with any of its conditions."""
    item = st.builds(
        _experience,
        years=YEAR_VALUES,
        levels=st.lists(st.sampled_from(LEVEL_KEYS), max_size=2, unique=True).map(tuple),
        positions=st.lists(st.sampled_from(ids), max_size=2, unique=True).map(tuple),
        family=st.none() | st.sampled_from(FAMILIES),
        min_grade=st.none() | st.sampled_from(GRADES),
        min_class=st.none() | JOB_CLASS,
        unit=st.none() | st.sampled_from(units),
    )
    education = st.builds(
        EducationRequirement,
        st.sampled_from(EDUCATION),
        st.lists(st.sampled_from(FIELDS), max_size=2, unique=True).map(tuple),
    )
    rank = st.tuples(st.integers(0, len(RANKS) - 1), st.none() | st.integers(0, len(RANKS) - 1))
    performance = st.builds(PerformanceRequirement, st.sampled_from(RATINGS), st.integers(1, 3))
    catalogue = [*TRAININGS, UNCATALOGUED]
    return st.builds(
        Requirements,
        education=st.none() | education,
        rank=st.none() | rank.map(_rank),
        experience=st.lists(item, max_size=3).map(tuple),
        trainings=st.lists(st.sampled_from(catalogue), max_size=3, unique=True).map(tuple),
        certifications=st.lists(st.sampled_from(TRAININGS), max_size=1).map(tuple),
        performance=st.none() | performance,
        competencies=st.builds(
            CompetencyStandard,
            technical=st.dictionaries(st.sampled_from(COMPETENCIES), st.integers(1, 5)),
        ),
    )


@functools.cache
def moves(ids: tuple[str, ...]) -> st.SearchStrategy[list[Move]]:
    """Moves between any two positions (loops and duplicates included)."""
    move = st.builds(
        Move,
        st.sampled_from(ids),
        st.sampled_from(ids),
        st.sampled_from(["vertikal", "horizontal", "diagonal"]),
        st.sampled_from(MOVE_YEARS),
    ).filter(lambda m: m.source != m.target)
    return st.lists(move, max_size=2 * len(ids))


@st.composite
def datasets(draw: st.DrawFn, base: Dataset) -> Dataset:
    """2-6 positions of any type (functional ones in a one- or a two-category family), placed in
    one or two units, with random requirements; random moves in two paths."""
    ids = tuple(f"jabatan-{n}" for n in range(draw(st.integers(2, 6))))
    units = tuple(sorted(base.units))
    positions = {}
    for pid in ids:
        kind = draw(st.sampled_from(TYPES))
        functional = kind == "fungsional"
        places = draw(st.lists(st.sampled_from(units), min_size=1, max_size=2, unique=True))
        positions[pid] = Position(
            id=pid,
            name=draw(st.sampled_from(NAMES)),
            type=kind,
            placements=tuple(Placement(u, draw(HEADCOUNT), draw(HEADCOUNT)) for u in places),
            job_class=draw(JOB_CLASS),
            summary="-",
            requirements=draw(requirements(ids, units)),
            family=draw(st.sampled_from(FAMILIES)) if functional else None,
            grade=draw(st.sampled_from(GRADES)) if functional else None,
        )
    drawn = draw(moves(ids))
    split = draw(st.integers(0, len(drawn)))
    paths = {
        "jalur-a": CareerPath("jalur-a", "A", moves=tuple(drawn[:split])),
        "jalur-b": CareerPath("jalur-b", "B", moves=tuple(drawn[split:])),
    }
    return replace(
        base,
        positions=positions,
        families={**base.families, BOTH.id: BOTH},
        paths=paths,
        regulations={},
        competencies={c: base.competencies[c] for c in COMPETENCIES},
        field_groups={REKAYASA.id: REKAYASA},
    )


@functools.cache
def valid_values(ids: tuple[str, ...]) -> dict[str, st.SearchStrategy[Any]]:
    """Values ``cocokkan`` would take for each profile key, over positions ``ids``."""
    return {
        "jabatan": st.sampled_from(ids),
        "pendidikan": st.sampled_from(EDUCATION),
        "bidang_pendidikan": st.sampled_from(TYPED_FIELDS),
        "golongan": st.sampled_from(RANKS),
        "masa_jabatan": YEAR_VALUES,
        "masa_golongan": YEAR_VALUES,
        "pengalaman": st.dictionaries(
            st.sampled_from([*ids, *LEVEL_KEYS, *FAMILIES]), YEAR_VALUES, max_size=3
        ),
        "masa_kerja": YEAR_VALUES,
        "pelatihan": st.lists(st.sampled_from(TRAININGS), max_size=4, unique=True),
        "kinerja": st.lists(st.sampled_from(RATINGS), max_size=4),
        "kompetensi": st.dictionaries(st.sampled_from(COMPETENCIES), st.integers(1, 5)),
    }


MODES = st.sampled_from(["absent", "absent", "valid", "valid", "valid", "invalid"])
INVALID_VALUES = {key: st.sampled_from(values) for key, values in INVALID.items()}


@st.composite
def raw_profiles(draw: st.DrawFn, dataset: Dataset) -> dict[str, Any]:
    """A profile as a URL or a file may hold it: each part absent, valid or not usable."""
    ids = tuple(sorted(dataset.positions))
    valid = valid_values(ids)
    if draw(st.integers(0, 3)) == 0:  # a long, full career: some routes are all met
        keys = [*ids, *LEVEL_KEYS, *FAMILIES]
        return {
            "jabatan": draw(valid["jabatan"]),
            "pendidikan": "S3",
            "bidang_pendidikan": draw(st.sampled_from(["Teknik Sipil", "rekayasa"])),
            "golongan": draw(valid["golongan"]),
            "masa_jabatan": 10,
            "masa_golongan": 4,
            "pengalaman": dict.fromkeys(keys, 20),
            "masa_kerja": 30,
            "pelatihan": TRAININGS,
            "kinerja": ["sangat-baik"] * 3,
            "kompetensi": dict.fromkeys(COMPETENCIES, 5),
        }
    profile: dict[str, Any] = {}
    for key in matching.PROFILE_KEYS:
        mode = draw(MODES)
        if key == "jabatan" and mode == "absent":
            mode = "valid"  # without a position nothing is reachable: always one
        if mode == "valid":
            profile[key] = draw(valid[key])
        elif mode == "invalid":
            profile[key] = draw(INVALID_VALUES[key])
    if draw(st.integers(0, 9)) == 0:
        profile["nama"] = "x"  # not a profile key
    return profile


@dataclass(frozen=True)
class Drawn:
    dataset: Dataset
    profiles: tuple[dict[str, Any], ...]
    max_moves: int


def draw_cases(base: Dataset) -> list[Drawn]:
    """Every example Hypothesis draws under the differential settings profile, collected."""
    drawn: list[Drawn] = []

    @settings(settings.get_profile(PROFILE))
    @given(st.data())
    def collect(data: st.DataObject) -> None:
        dataset = data.draw(datasets(base))
        profiles = data.draw(st.lists(raw_profiles(dataset), min_size=3, max_size=3))
        moves = data.draw(st.sampled_from(list(engine_files.MOVES)))
        drawn.append(Drawn(dataset, tuple(profiles), moves))

    collect()
    return drawn


def acceptable(dataset: Dataset, profile: Mapping[str, Any]) -> bool:
    """A profile ``pola-karir cocokkan`` takes as it is: valid by its schema, every id known,
    the field of study written without surrounding spaces."""
    if not load_schemas().fast["profil"].is_valid(dict(profile)):
        return False
    experience_keys = {*dataset.positions, *dataset.families, *LEVEL_KEYS}
    field = profile.get("bidang_pendidikan", "x")
    return (
        profile.get("jabatan", next(iter(dataset.positions))) in dataset.positions
        and set(profile.get("pelatihan", [])) <= set(dataset.trainings)
        and set(profile.get("kompetensi", {})) <= set(dataset.competencies)
        and set(profile.get("pengalaman", {})) <= experience_keys
        and field == field.strip() != ""
    )


# One call for every case: the datasets and cases go in as one JSON text and the answers come
# back as one (Playwright's structured serialization of megabytes costs more than the engine).
JS_BATCH = """text => {
  const [datasets, cases] = JSON.parse(text);
  return JSON.stringify(cases.map(([d, raw, moves]) => {
    const data = datasets[d];
    const checked = PolaKarirEngine.inspectProfile(raw, data, true);
    return {profile: checked.profile, errors: checked.errors,
      results: PolaKarirEngine.explore(data, checked.profile, moves)};
  }));
}"""


def blank_text(value: object) -> bool:
    return isinstance(value, str) and not value.strip()


def _normal(item: object) -> str:
    return item.strip().lower() if isinstance(item, str) else json.dumps(item)


def dropped(key: str, raw: object, kept: object) -> bool:
    """Whether reading ``raw`` lost a value, not only its case, spaces or a repetition: then
    the engine must have reported it. Ratings stop at the first one that cannot be read."""
    if isinstance(raw, list) and isinstance(kept, list):
        limit = engine_files.constants()["max_ratings"]
        wanted = raw[:limit] if key == "kinerja" else {_normal(item) for item in raw}
        return len(kept) < len(wanted)
    if isinstance(raw, dict) and isinstance(kept, dict):
        return len(kept) < len({_normal(k) for k in raw})
    return False


def test_both_engines_agree_on_random_datasets_and_profiles(
    blank: Page, small: Dataset, tmp_path: Path
) -> None:
    """>= 500 random cases: the engine's reading of a raw profile is always a valid profile,
    keeps an acceptable one as it is and reports every value it leaves out (an empty text is a
    field not filled in); and its results equal Python's ``explore_data`` for that profile."""
    drawn = draw_cases(small)
    exports = [open_data(d.dataset) for d in drawn]
    cases = [(n, raw, d.max_moves) for n, d in enumerate(drawn) for raw in d.profiles]
    assert len(cases) >= CASES_WANTED
    answers = json.loads(blank.evaluate(JS_BATCH, json.dumps([exports, cases])))
    validator = load_schemas().explain["profil"]
    failures: list[dict[str, Any]] = []
    states: set[str] = set()
    for (n, raw, moves), answer in zip(cases, answers, strict=True):
        dataset = drawn[n].dataset
        profile, errors = answer["profile"], answer["errors"]
        expected = plain(explore_data(dataset, profile_from_data(profile), moves))
        states.update(r["status"] for r in expected)
        problems: list[str] = []
        if not acceptable(dataset, profile):  # with the schema's explanation, if it has one
            problems = ["the engine kept a value it cannot use"]
            problems += [e.message for e in validator.iter_errors(profile)]
        if acceptable(dataset, raw) and (errors or canonical(profile) != canonical(raw)):
            problems.append("an acceptable profile was changed or reported")
        reported = {e["kunci"] for e in errors}
        for key, value in raw.items():
            report = key if key in matching.PROFILE_KEYS else "other"
            lost = key not in profile or dropped(key, value, profile[key])
            if lost and report not in reported and not blank_text(value):
                problems.append(f"{key}: a value left out without a report")
        if canonical(answer["results"]) != expected:
            problems.append("results differ")
        if problems:
            failures.append(
                {
                    "problems": problems,
                    "raw": raw,
                    "max_moves": moves,
                    "javascript": answer,
                    "python": expected,
                    "data": exports[n],
                }
            )
    if failures:
        report = tmp_path / "differences.json"
        report.write_text(json.dumps(failures, ensure_ascii=False, indent=1, default=str))
        first = {k: failures[0][k] for k in ("problems", "raw", "max_moves")}
        first["profile"] = failures[0]["javascript"]["profile"]
        pytest.fail(
            f"{len(failures)} of {len(cases)} cases differ (every one written to {report}); "
            f"the first: {json.dumps(first, ensure_ascii=False, default=str)}"
        )
    assert states == {"memenuhi", "belum-memenuhi", "belum-dinilai"}
