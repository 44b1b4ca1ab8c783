"""Origins recorded at assembly: every resolved requirement part knows where it was written,
in the position's own file or in the job family grade it inherits from."""

from __future__ import annotations

from pathlib import Path

from factory import DataFolder

from pola_karir.model import Dataset, Location, Origin
from pola_karir.rules.validate import validate_project

POSITION = "jabatan/teknik-jalan-ahli-muda.yml"
FAMILY = "jabatan-fungsional/teknik-jalan.yml"


def _line_of(path: Path, needle: str, after: str = "") -> Location:
    """The 1-based line and column of ``needle`` (the first one after ``after``) in a file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    for number, line in enumerate(lines[start:], start=start + 1):
        if needle in line:
            return Location("", number, line.index(needle) + 1)
    raise AssertionError(f"{needle!r} not in {path}")


def _dataset(folder: DataFolder) -> Dataset:
    result = folder.validate()
    assert result.dataset is not None, result.diagnostics
    return result.dataset


def test_inherited_and_own_parts_point_at_their_files(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    # The position overrides education and one competency group; the rest comes from the grade.
    folder.doc(POSITION)["persyaratan"] = {
        "pendidikan": {"minimal": "S2"},
        "kompetensi": {"sosial_kultural": {"perekat-bangsa": 4}},
    }
    root = folder.write()
    position = _dataset(folder).positions["teknik-jalan-ahli-muda"]
    origins = position.requirements

    own = origins.origin("pendidikan", "minimal")
    where = _line_of(root / POSITION, "minimal:")
    assert own == Origin(Location(f"data/{POSITION}", where.line, where.column + 9))

    rank = origins.origin("golongan", "minimal")
    assert rank is not None and rank.inherited_from == "teknik-jalan"
    assert rank.location.file == f"data/{FAMILY}"
    where = _line_of(root / FAMILY, "minimal: III/c")
    assert rank.location.line == where.line

    group = origins.origin("kompetensi", "sosial_kultural", "perekat-bangsa")
    assert group is not None and group.inherited_from is None
    managerial = origins.origin("kompetensi", "manajerial", "integritas")
    assert managerial is not None and managerial.inherited_from == "teknik-jalan"
    assert origins.origin("sertifikasi") is None


def test_structural_position_has_no_inherited_origin(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    folder.write()
    position = _dataset(folder).positions["kepala-bidang-bina-marga"]
    assert position.requirements.origins
    assert all(o.inherited_from is None for o in position.requirements.origins.values())
    assert all(
        o.location.file == "data/jabatan/kepala-bidang-bina-marga.yml"
        for o in position.requirements.origins.values()
    )


def test_citations_list_items_and_keys_are_located(tmp_path: Path) -> None:
    """What the rules cite beyond a requirement's leaves: each citation of a list, each list
    item, a technical competency's key, and a grade's own requirements (not inherited there)."""
    folder = DataFolder(tmp_path / "data")
    folder.doc(POSITION)["persyaratan"] = {
        "pelatihan": ["diklat-jalan"],
        "pengalaman": [{"tahun": 2, "jabatan": ["teknik-jalan-ahli-pertama"]}],
        "kompetensi": {"teknis": {"manajemen-jalan": 3}},
        "golongan": {"minimal": "III/c", "dasar_hukum": ["pp-11-2017#pasal-54", "pp-11-2017"]},
    }
    root = folder.write()
    dataset = _dataset(folder)
    req = dataset.positions["teknik-jalan-ahli-muda"].requirements
    shown = f"data/{POSITION}"

    first, second = req.rank.legal_basis if req.rank else ()
    assert first.location == Location(shown, *_at(root / POSITION, "- pp-11-2017#pasal-54", 2))
    assert second.location == Location(shown, *_at(root / POSITION, "- pp-11-2017\n", 2))
    training = req.origin("pelatihan", 0)
    assert training is not None
    assert training.location == Location(shown, *_at(root / POSITION, "- diklat-jalan", 2))
    assert req.origin("pengalaman", 0, "jabatan", 0) is not None
    technical = req.origin("kompetensi", "teknis", "manajemen-jalan")
    assert technical is not None and technical.key is not None
    assert technical.key.column < technical.location.column

    grade = dataset.families["teknik-jalan"].grades["ahli-muda"]
    assert grade.location is not None and grade.location.file == f"data/{FAMILY}"
    assert grade.requirements.written_here("golongan", "minimal")


def test_marks_locate_the_values_rules_point_at(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    root = folder.write()
    dataset = _dataset(folder)
    position = dataset.positions["teknik-jalan-ahli-muda"]
    assert position.marks.value("unit") == Location(
        f"data/{POSITION}", *_at(root / POSITION, "dinas-pupr/bidang-bina-marga")
    )
    assert position.marks.key("jenjang") == Location(
        f"data/{POSITION}", *_at(root / POSITION, "jenjang:")
    )
    move = dataset.paths["bina-marga"].moves[0]
    assert move.marks.value("ke") is not None and move.location is not None
    assert move.marks.value("ke") != move.location


def _at(path: Path, needle: str, skip: int = 0) -> tuple[int, int]:
    """Line and column of ``needle`` in the file, ``skip`` characters into it."""
    text = path.read_text(encoding="utf-8")
    offset = text.index(needle) + skip
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_every_agency_entity_knows_its_data_file() -> None:
    """Pages link "edit this page" to ``source``: it must be the file the entity is written in,
    for every kind, without the site re-encoding the data folder's layout."""
    root = Path(__file__).resolve().parents[1] / "data"
    result = validate_project(root)
    dataset = result.dataset
    assert dataset is not None
    agency_entities = [
        dataset.agency,
        *dataset.units.values(),
        *dataset.positions.values(),
        *dataset.families.values(),
        *dataset.paths.values(),
        *(r for r in dataset.regulations.values() if r.source),
        *(c for c in dataset.competencies.values() if not c.national),
        *(t for t in dataset.trainings.values() if not t.national),
    ]
    for entity in agency_entities:
        assert entity.source, entity
        assert (root / entity.source).is_file(), entity.source
        assert entity.location is not None
        assert entity.location.file.endswith(entity.source)
    shipped = {p.stem for p in (root.parent / "pola_karir/reference/dasar-hukum").glob("*.yml")}
    assert shipped and all(dataset.regulations[r].source == "" for r in shipped)
    added = dataset.regulations["permenpanrb-32-2020"]  # national, added by the agency
    assert added.national and added.source == "dasar-hukum/permenpanrb-32-2020.yml"
