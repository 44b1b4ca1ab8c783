"""Origins recorded at assembly: every resolved requirement part knows where it was written,
in the position's own file or in the job family grade it inherits from."""

from __future__ import annotations

from pathlib import Path

from factory import DataFolder

from pola_karir.model import Dataset, Location, Origin

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
