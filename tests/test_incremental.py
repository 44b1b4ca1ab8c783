"""site.incremental: the content after an edit, made again only where the edit shows, is the
content site_content makes from the edited data.

Each case edits a loaded dataset (the example in ``data/``, or a synthetic agency) in one way,
positions chosen by a seeded random generator, and checks the contract of
:func:`~pola_karir.site.incremental.update_content` against a real ``site_content`` of the
edited dataset: the same pages in the same order, nav, files and history; ``changed`` names
exactly the pages that differ (a superset without the diagrams to compare), the edited file's
page first and the pages of the whole dataset last. Edits it does not bound give None. A data
folder in git is edited as YAML, reloaded and committed, so the dates on the pages move too.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from history_repo import git
from test_synth import synth

from pola_karir.model import (
    CareerPath,
    CompetencyStandard,
    Dataset,
    ExperienceRequirement,
    Location,
    Move,
    Placement,
    Position,
    TargetMark,
)
from pola_karir.rules.validate import validate_project
from pola_karir.site.build import SiteContent, site_content
from pola_karir.site.incremental import Update, edited_pages, update_content
from pola_karir.site.limits import DEFAULT_LIMITS
from pola_karir.text.names import name_key

DATA = Path(__file__).resolve().parent.parent / "data"
LIMITS = DEFAULT_LIMITS
# Pages drawn from the whole dataset that every edit beyond a keterangan changes.
WHOLE_PAGES = ("lampiran.md", "data-terbuka.md")

Edit = Callable[[random.Random, Dataset], tuple[Dataset, str | None]]


# --- the datasets -----------------------------------------------------------------------------


def with_citations(dataset: Dataset, rng: random.Random) -> Dataset:
    """Neither dataset has an experience requirement naming a position: give a few positions
    one, so that renaming the position named must remake the pages naming it. The first of
    them loses its moves: every page one move away is made again anyway, so only a position
    without moves shows whether the requirement alone is followed."""
    ids = sorted(dataset.positions)
    positions = dict(dataset.positions)
    citing = rng.sample(ids, 6)
    for pid in citing:
        cited = rng.choice([other for other in ids if other != pid])
        position = positions[pid]
        item = ExperienceRequirement(2.0, positions=(cited,))
        requirements = replace(
            position.requirements, experience=(*position.requirements.experience, item)
        )
        positions[pid] = replace(position, requirements=requirements)
    lone = citing[0]
    paths = {
        key: replace(path, moves=tuple(m for m in path.moves if lone not in (m.source, m.target)))
        for key, path in dataset.paths.items()
    }
    return replace(dataset, positions=positions, paths=paths)


@pytest.fixture(scope="module")
def datasets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Dataset]:
    synthetic = synth(tmp_path_factory.mktemp("synth") / "data", 200, seed=5)
    found = {}
    for name, folder in (("example", DATA), ("synthetic", synthetic)):
        dataset = validate_project(folder).dataset
        assert dataset is not None
        found[name] = with_citations(dataset, random.Random(name))
    return found


_CONTENT: dict[tuple[int, str, bool], SiteContent] = {}


def content_of(dataset: Dataset, lang: str, keep: bool) -> SiteContent:
    """The content of a dataset of the fixture, made once per language and diagram choice."""
    key = (id(dataset), lang, keep)
    if key not in _CONTENT:
        _CONTENT[key] = site_content(dataset, lang, LIMITS, None, keep_diagrams=keep)
    return _CONTENT[key]


# --- the contract -----------------------------------------------------------------------------


def check(
    old: Dataset,
    new: Dataset,
    edited: str | None,
    lang: str = "id",
    keep: bool = True,
    data_dir: Path | None = None,
    old_content: SiteContent | None = None,
    processes: int = 1,
) -> Update:
    """Assert the contract of update_content for one edit; ``edited`` is the position whose
    record was edited (its page must come first when it changed)."""
    before = old_content or content_of(old, lang, keep)
    given: list[str] = []
    update = update_content(
        old,
        new,
        before,
        lang,
        LIMITS,
        data_dir,
        lambda page: given.append(page.src),
        processes,
        keep_diagrams=keep,
    )
    assert update is not None
    full = site_content(new, lang, LIMITS, data_dir, keep_diagrams=keep)
    got = update.content
    assert [p.src for p in got.pages] == [p.src for p in full.pages]
    wrong = [a.src for a, b in zip(got.pages, full.pages, strict=True) if a != b]
    assert wrong == [], f"pages not as site_content makes them: {wrong[:10]}"
    assert got.nav == full.nav
    assert dict(got.files) == dict(full.files)
    assert got.history == full.history
    assert got == full
    differing = [b.src for a, b in zip(before.pages, full.pages, strict=True) if a != b]
    assert len(set(update.changed)) == len(update.changed)
    if keep:
        assert sorted(update.changed) == sorted(differing)
    else:
        assert set(update.changed) >= set(differing)
    unchanged = [b for b in got.pages if b.src not in update.changed]
    old_by_src = {p.src: p for p in before.pages}
    assert all(page == old_by_src[page.src] for page in unchanged)
    # Every page made again was handed on; a page that was not differs in its date alone.
    redated = [src for src in update.changed if src not in given]
    got_by_src = {p.src: p for p in got.pages}
    for src in redated:
        assert replace(got_by_src[src], markdown="") == replace(old_by_src[src], markdown="")
        assert data_dir is not None
    assert update.files_changed == (dict(full.files) != dict(before.files))
    if edited is not None and differing:
        edited_src = f"jabatan/{edited}.md"
        if edited_src in differing:
            assert update.changed[0] == edited_src
    order = {src: place for place, src in enumerate(update.changed)}
    positions_changed = [order[s] for s in update.changed if s.startswith("jabatan/")]
    for whole in WHOLE_PAGES:
        if whole in order and positions_changed:
            assert order[whole] > max(positions_changed)
    check_edited_pages(old, new, before, full, update, set(given), lang, keep, data_dir)
    return update


def check_edited_pages(
    old: Dataset,
    new: Dataset,
    before: SiteContent,
    full: SiteContent,
    update: Update,
    remade: set[str],
    lang: str,
    keep: bool,
    data_dir: Path | None,
) -> None:
    """The pages made ahead (edited_pages) are those site_content makes, and among them is
    every page drawn from an edited file that update_content made again and found changed
    (not one whose date alone moved)."""
    ahead = edited_pages(old, new, before, lang, LIMITS, data_dir)
    assert ahead is not None
    full_by_src = {page.src: page for page in full.pages}
    for page in ahead:
        assert (page if keep else replace(page, diagrams=())) == full_by_src[page.src]
    edited_files = {
        record.source
        for kind in ("positions", "paths")
        for key, record in getattr(new, kind).items()
        if getattr(old, kind).get(key) != record
    }
    of_edited = {
        src
        for src in update.changed
        if src in remade and full_by_src[src].source_file in edited_files
    }
    assert of_edited <= {page.src for page in ahead}


# --- edits ------------------------------------------------------------------------------------


def _with_position(dataset: Dataset, position: Position) -> Dataset:
    return replace(dataset, positions={**dataset.positions, position.id: position})


def _with_path(dataset: Dataset, path: CareerPath) -> Dataset:
    return replace(dataset, paths={**dataset.paths, path.id: path})


def _pick(rng: random.Random, dataset: Dataset, moved: bool = True) -> Position:
    """A position, most often one with moves (its edits reach the most pages)."""
    ids = sorted(dataset.positions)
    if moved and rng.random() < 0.8:
        ids = [pid for pid in ids if dataset.moves_from(pid) or dataset.moves_to(pid)]
    return dataset.positions[rng.choice(ids)]


def _set(**values: object) -> Edit:
    def edit(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
        position = _pick(rng, dataset)
        return _with_position(dataset, replace(position, **values)), position.id

    return edit


def note(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    text = "" if position.note and rng.random() < 0.5 else f"Catatan *uji* {rng.random()}"
    return _with_position(dataset, replace(position, note=text)), position.id


def notes_of_several(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    for _ in range(4):
        dataset, _edited = note(rng, dataset)
    return dataset, None


def duties(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    changed = replace(position, duties=(*position.duties, "Menyusun laporan uji."))
    return _with_position(dataset, changed), position.id


def name_fresh(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    return _with_position(dataset, replace(position, name=f"Jabatan Uji {rng.randrange(99)}")), (
        position.id
    )


def name_of_another(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    """Two positions now share a name: both are told apart by their units, everywhere."""
    position = _pick(rng, dataset)
    other = _pick(rng, dataset)
    while other.id == position.id or name_key(other.name) == name_key(position.name):
        other = _pick(rng, dataset)
    return _with_position(dataset, replace(position, name=other.name.upper())), position.id


def name_made_distinct(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    """A position that shared its name takes another: its namesakes lose their qualifier."""
    counts = Counter(name_key(p.name) for p in dataset.positions.values())
    shared = sorted(pid for pid, p in dataset.positions.items() if counts[name_key(p.name)] > 1)
    position = dataset.positions[rng.choice(shared)]
    return _with_position(dataset, replace(position, name=f"{position.name} Baru")), position.id


def name_cited(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    """A position named in another's experience requirement (see with_citations)."""
    cited = {
        pid: p.id
        for p in dataset.positions.values()
        for item in p.requirements.experience
        for pid in item.positions
    }
    # Most often the one named by the position without moves (see with_citations).
    lone = [
        pid for pid, by in cited.items() if not (dataset.moves_from(by) or dataset.moves_to(by))
    ]
    position = dataset.positions[rng.choice(lone if lone and rng.random() < 0.7 else sorted(cited))]
    return _with_position(dataset, replace(position, name="Jabatan Yang Disebut")), position.id


def job_class(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    step = 1 if position.job_class < 17 else -1
    return _with_position(dataset, replace(position, job_class=position.job_class + step)), (
        position.id
    )


def kind_of_another(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    """Jenis, jabatan fungsional and jenjang of another position (a combination that exists)."""
    position = _pick(rng, dataset)
    others = [p for p in dataset.positions.values() if p.level_key != position.level_key]
    other = rng.choice(sorted(others, key=lambda p: p.id))
    changed = replace(
        position, type=other.type, family=other.family, grade=other.grade, eselon=other.eselon
    )
    return _with_position(dataset, changed), position.id


def formasi(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    first = position.placements[0]
    needed = (first.needed or 0) + rng.randrange(1, 4)
    placements = (replace(first, needed=needed, filled=rng.randrange(needed + 1)),)
    changed = replace(position, placements=placements + position.placements[1:])
    return _with_position(dataset, changed), position.id


def _other_unit(rng: random.Random, dataset: Dataset, position: Position) -> str:
    units = sorted({p.unit for q in dataset.positions.values() for p in q.placements})
    return rng.choice([u for u in units if u.split("/")[0] not in position.tops])


def moved_unit(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    placements = (Placement(_other_unit(rng, dataset, position), 2, 1),)
    return _with_position(dataset, replace(position, placements=placements)), position.id


def added_placement(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    placement = Placement(_other_unit(rng, dataset, position), 1, 0)
    changed = replace(position, placements=(*position.placements, placement))
    return _with_position(dataset, changed), position.id


def requirements_of_another(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    other = _pick(rng, dataset, moved=False)
    changed = replace(position, requirements=other.requirements)
    return _with_position(dataset, changed), position.id


def competency_level(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    standard = position.requirements.competencies
    competencies = sorted(dataset.competencies)
    chosen = rng.choice(competencies)
    group = dataset.competencies[chosen].group
    field = {"manajerial": "managerial", "sosial-kultural": "socio_cultural"}.get(group)
    field = field or "technical"
    levels = dict(getattr(standard, field))
    levels[chosen] = 1 + levels.get(chosen, 0) % 5
    standard = replace(standard, **{field: levels})
    assert isinstance(standard, CompetencyStandard)
    requirements = replace(position.requirements, competencies=standard)
    return _with_position(dataset, replace(position, requirements=requirements)), position.id


def target(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    marked = position.id not in dataset.targets
    mark = TargetMark(marked, rng.choice([None, 2]) if marked else None)
    return _with_position(dataset, replace(position, target=mark)), position.id


def legal_basis(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    position = _pick(rng, dataset)
    cited = sorted({r for p in dataset.positions.values() for r in p.legal_basis}, key=str)
    changed = replace(position, legal_basis=(rng.choice(cited),) if cited else ())
    return _with_position(dataset, changed), position.id


def written_elsewhere(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    """Only where the values were written moves (a line added above them): no page shows it."""
    position = _pick(rng, dataset)
    where = Location(position.source, 40, 3)
    placements = tuple(replace(p, location=where) for p in position.placements)
    return _with_position(dataset, replace(position, location=where, placements=placements)), (
        position.id
    )


def two_positions(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    dataset, _first = note(rng, dataset)
    dataset, _second = name_of_another(rng, dataset)
    return dataset, None


def _path_with_moves(rng: random.Random, dataset: Dataset) -> CareerPath:
    return dataset.paths[rng.choice(sorted(p.id for p in dataset.paths.values() if p.moves))]


def _with_move(path: CareerPath, index: int, move: Move | None) -> CareerPath:
    moves = list(path.moves)
    if move is None:
        del moves[index]
    else:
        moves[index] = move
    return replace(path, moves=tuple(moves))


def move_years(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    path = _path_with_moves(rng, dataset)
    index = rng.randrange(len(path.moves))
    move = path.moves[index]
    changed = replace(move, min_years=move.min_years + 1, min_years_written=True)
    return _with_path(dataset, _with_move(path, index, changed)), None


def move_kind(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    path = _path_with_moves(rng, dataset)
    index = rng.randrange(len(path.moves))
    move = path.moves[index]
    kinds = [k for k in ("vertikal", "horizontal", "diagonal") if k != move.kind]
    changed = replace(move, kind=rng.choice(kinds))
    return _with_path(dataset, _with_move(path, index, changed)), None


def move_removed(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    path = _path_with_moves(rng, dataset)
    return _with_path(dataset, _with_move(path, rng.randrange(len(path.moves)), None)), None


def move_added(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    path = _path_with_moves(rng, dataset)
    source, target = rng.sample(sorted(dataset.positions), 2)
    move = Move(source, target, rng.choice(["vertikal", "horizontal"]), 2.0, path=path.id)
    return _with_path(dataset, replace(path, moves=(*path.moves, move))), None


def path_name(rng: random.Random, dataset: Dataset) -> tuple[Dataset, str | None]:
    path = _path_with_moves(rng, dataset)
    return _with_path(dataset, replace(path, name=f"{path.name} (baru)")), None


EDITS: dict[str, Edit] = {
    "note": note,
    "notes_of_several": notes_of_several,
    "summary": _set(summary="Ikhtisar yang *diubah*."),
    "duties": duties,
    # Long enough to change the sizes the open data page lists.
    "summary_long": _set(summary="Ikhtisar yang sangat panjang. " * 20_000),
    "name_fresh": name_fresh,
    "name_of_another": name_of_another,
    "name_made_distinct": name_made_distinct,
    "name_cited": name_cited,
    "job_class": job_class,
    "kind_of_another": kind_of_another,
    "formasi": formasi,
    "moved_unit": moved_unit,
    "added_placement": added_placement,
    "requirements_of_another": requirements_of_another,
    "competency_level": competency_level,
    "target": target,
    "legal_basis": legal_basis,
    "written_elsewhere": written_elsewhere,
    "two_positions": two_positions,
    "move_years": move_years,
    "move_kind": move_kind,
    "move_removed": move_removed,
    "move_added": move_added,
    "path_name": path_name,
}
# The edits that reach the most pages get more seeds.
SEEDS = {
    "name_cited": 2,
    "name_of_another": 3,
    "moved_unit": 3,
    "kind_of_another": 2,
    "move_added": 2,
}
CASES = [
    (data, kind, seed)
    for data in ("example", "synthetic")
    for kind in EDITS
    for seed in range(SEEDS.get(kind, 1))
]


@pytest.mark.parametrize(("data", "kind", "seed"), CASES)
def test_an_edit_gives_the_content_site_content_gives(
    datasets: dict[str, Dataset], data: str, kind: str, seed: int
) -> None:
    old = datasets[data]
    new, edited = EDITS[kind](random.Random(f"{data}-{kind}-{seed}"), old)
    update = check(old, new, edited)
    if kind == "written_elsewhere":
        assert update.changed == ()
    if kind == "note":
        assert update.changed == (f"jabatan/{edited}.md",)
        assert not update.files_changed
    if kind == "summary_long":
        assert update.changed == (f"jabatan/{edited}.md", "data-terbuka.md")
    if kind in ("summary", "duties", "summary_long"):
        # The open data page lists the files' sizes, which the edit may leave as they were.
        assert update.changed[0] == f"jabatan/{edited}.md"
        assert set(update.changed[1:]) <= {"data-terbuka.md"}
        assert update.files_changed


@pytest.mark.parametrize("kind", ["note", "name_of_another", "move_added", "moved_unit"])
def test_in_english_and_without_diagrams(datasets: dict[str, Dataset], kind: str) -> None:
    old = datasets["example"]
    new, edited = EDITS[kind](random.Random(kind), old)
    check(old, new, edited, lang="en")
    update = check(old, new, edited, keep=False)
    assert all(not page.diagrams for page in update.content.pages)


def test_edits_one_after_another(datasets: dict[str, Dataset]) -> None:
    """Each update starts from the content the previous one gave (as ``mkdocs serve`` does),
    the open data made by a forked child (as the plugin asks, with two processes)."""
    rng = random.Random("chain")
    old = datasets["synthetic"]
    content = content_of(old, "id", True)
    for kind in ("name_of_another", "note", "move_removed", "formasi", "name_made_distinct"):
        new, edited = EDITS[kind](rng, old)
        content = check(old, new, edited, old_content=content, processes=2).content
        old = new


def _unbounded(dataset: Dataset) -> dict[str, Dataset]:
    first_unit = sorted(dataset.units)[0]
    family = sorted(dataset.families)[0]
    competency = sorted(dataset.competencies)[0]
    regulation = sorted(dataset.regulations)[0]
    position = dataset.positions[sorted(dataset.positions)[0]]
    path = sorted(dataset.paths)[0]
    units = {**dataset.units, first_unit: replace(dataset.units[first_unit], name="Unit Baru")}
    no_targets = {pid: replace(p, target=TargetMark(False)) for pid, p in dataset.positions.items()}
    return {
        "unit": replace(dataset, units=units),
        "family": replace(
            dataset,
            families={
                **dataset.families,
                family: replace(dataset.families[family], name="Jabatan Fungsional Baru"),
            },
        ),
        "competency": replace(
            dataset,
            competencies={
                **dataset.competencies,
                competency: replace(dataset.competencies[competency], name="Kompetensi Baru"),
            },
        ),
        "regulation": replace(
            dataset,
            regulations={
                **dataset.regulations,
                regulation: replace(dataset.regulations[regulation], title="Judul Baru"),
            },
        ),
        "agency": replace(dataset, agency=replace(dataset.agency, name="Pemerintah Kota Baru")),
        "position_removed": replace(
            dataset, positions={k: v for k, v in dataset.positions.items() if k != position.id}
        ),
        "position_added": replace(
            dataset,
            positions={**dataset.positions, "jabatan-baru": replace(position, id="jabatan-baru")},
        ),
        "path_removed": replace(
            dataset, paths={k: v for k, v in dataset.paths.items() if k != path}
        ),
        "no_targets_left": replace(dataset, positions=no_targets),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "unit",
        "family",
        "competency",
        "regulation",
        "agency",
        "position_removed",
        "position_added",
        "path_removed",
        "no_targets_left",
    ],
)
def test_what_it_does_not_bound_gives_none(datasets: dict[str, Dataset], kind: str) -> None:
    old = datasets["example"]
    new = _unbounded(old)[kind]
    assert update_content(old, new, content_of(old, "id", True), "id", LIMITS, None) is None


# --- a data folder in git: YAML edited, reloaded, committed -----------------------------------


def _load(folder: Path) -> Dataset:
    dataset = validate_project(folder).dataset
    assert dataset is not None
    return dataset


def test_yaml_edits_in_a_git_folder(tmp_path: Path) -> None:
    """The edited file's date leaves its page (and the folder's date every page drawn from
    all of it) while the edit is not committed, and both come back with the commit."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "awal", date="2026-01-05T10:00:00+07:00")
    old = _load(data)
    content = site_content(old, "id", LIMITS, data, keep_diagrams=False)
    file = data / "jabatan" / "analis-sdm-aparatur-ahli-madya.yml"
    position = "analis-sdm-aparatur-ahli-madya"

    steps: list[tuple[Callable[[], None], str | None]] = [
        (lambda: _append(file, "keterangan: Catatan yang baru ditulis.\n"), position),
        (lambda: _commit(tmp_path, "keterangan"), None),
        (lambda: _prepend(file, "# baris baru di atas\n"), position),  # locations move
        (
            lambda: _replace(
                file, "nama: Analis Sumber Daya Manusia Aparatur Ahli Madya", "nama: Analis SDM"
            ),
            None,
        ),
    ]
    updates = []
    for act, edited in steps:
        act()
        new = _load(data)
        updates.append(check(old, new, edited, keep=False, data_dir=data, old_content=content))
        content, old = updates[-1].content, new
    # The keterangan's page first; a page drawn from all the folder (not made again for a
    # keterangan) loses the folder's date while an edit is not committed, then gets it back.
    assert updates[0].changed[0] == f"jabatan/{position}.md"
    assert "kompetensi/index.md" in updates[0].changed
    assert "kompetensi/index.md" in updates[1].changed
    assert "kompetensi/index.md" in updates[2].changed
    assert content.history is not None and content.history.available


def _append(file: Path, text: str) -> None:
    file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")


def _prepend(file: Path, text: str) -> None:
    file.write_text(text + file.read_text(encoding="utf-8"), encoding="utf-8")


def _replace(file: Path, old: str, new: str) -> None:
    body = file.read_text(encoding="utf-8")
    assert old in body
    file.write_text(body.replace(old, new), encoding="utf-8")


def _commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date="2026-02-01T10:00:00+07:00")


def test_the_benchmark_runs() -> None:
    """scripts/bench_incremental.py at a small size: every edit measured (no timing judged)."""
    script = Path(__file__).resolve().parent.parent / "scripts" / "bench_incremental.py"
    result = subprocess.run(
        [sys.executable, str(script), "--positions", "60"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    last = dict(item.split("=") for item in result.stdout.strip().splitlines()[-1].split())
    assert set(last) == {
        f"{edit}_{what}"
        for edit in ("note", "summary", "name", "move_years")
        for what in ["s", "ratio"]
    }
    assert all(float(value) >= 0 for value in last.values())
