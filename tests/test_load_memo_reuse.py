"""Re-validation with a :class:`DocumentMemo` (``mkdocs serve``) reuses what was built from each
unchanged file, and what comes out is exactly what a fresh ``validate_project`` of the folder
gives: the same diagnostics in the same order, the same dataset, the same file count. Checked
after many kinds of edits of every file kind (valid ones and ones introducing errors of many
codes, deleted, renamed and added files), after each edit is reverted, and over a run of edits
kept one after another, on the example data and on a synthetic agency."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from factory import SHOWN_ROOT, dump
from test_synth import synth

from pola_karir.load.memo import DocumentMemo
from pola_karir.reference import REFERENCE_DIR
from pola_karir.rules.validate import ValidationResult, validate_project

EXAMPLE = Path(__file__).resolve().parent.parent / "data"

Edit = Callable[[Path], None]


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _change(path: Path, change: Callable[[Any], object]) -> None:
    """Load ``path``, let ``change`` alter the data in place, write it back as YAML."""
    data = _load(path)
    change(data)
    path.write_text(dump(data), encoding="utf-8")


def _files(root: Path, folder: str) -> list[Path]:
    return sorted((root / folder).glob("*.yml"))


def _functional(root: Path) -> Path:
    """A functional position of a job family grade that has requirements to inherit."""
    for path in _files(root, "jabatan"):
        data = _load(path)
        family = data.get("jabatan_fungsional")
        if family and (root / "jabatan-fungsional" / f"{family}.yml").exists():
            return path
    raise AssertionError("no functional position")


def _family_of(root: Path) -> Path:
    family = _load(_functional(root))["jabatan_fungsional"]
    return root / "jabatan-fungsional" / f"{family}.yml"


def _on_a_path(root: Path) -> str:
    """The id of a position that a career path names."""
    return str(_load(_files(root, "jalur")[0])["langkah"][0]["dari"])


def _first_position(root: Path) -> Path:
    return _files(root, "jabatan")[0]


def _set(key: str, value: object) -> Callable[[Any], object]:
    return lambda data: data.__setitem__(key, value)


def _first_grade(data: Any) -> Any:
    return next(iter(data["jenjang"].values()))


def _national_competency() -> str:
    return str(next(iter(_load(REFERENCE_DIR / "kompetensi.yml")["kompetensi"])))


def _linked(path: Path) -> None:
    """``path`` replaced by a link to a copy of it outside the folder."""
    target = path.parent.parent.parent / "di-luar.yml"
    shutil.copy(path, target)
    path.unlink()
    path.symlink_to(target)


EDITS: dict[str, Edit] = {
    # valid edits, one per file kind
    "position note": lambda r: _change(_first_position(r), _set("keterangan", "Diubah.")),
    "position name": lambda r: _change(_functional(r), _set("nama", "Nama Baru")),
    "family summary": lambda r: _change(_family_of(r), _set("ikhtisar", "Ikhtisar baru.")),
    "family grade requirement": lambda r: _change(
        _family_of(r),
        lambda d: [g.get("persyaratan", {}).pop("kinerja", None) for g in d["jenjang"].values()],
    ),
    "unit name": lambda r: _change(_files(r, "unit")[0], _set("nama", "Unit Baru")),
    "path name": lambda r: _change(_files(r, "jalur")[0], _set("nama", "Jalur Baru")),
    "path step dropped": lambda r: _change(_files(r, "jalur")[0], lambda d: d["langkah"].pop()),
    "regulation title": lambda r: _change(_files(r, "dasar-hukum")[0], _set("tentang", "Baru")),
    "agency name": lambda r: _change(r / "instansi.yml", _set("nama", "Instansi Baru")),
    "competency name": lambda r: _change(
        r / "kompetensi-teknis.yml",
        lambda d: next(iter(d["kompetensi"].values())).__setitem__("nama", "Baru"),
    ),
    "training name": lambda r: _change(
        r / "pelatihan.yml",
        lambda d: next(iter(d["pelatihan"].values())).__setitem__("nama", "Baru"),
    ),
    "field group note": lambda r: _change(
        r / "rumpun-pendidikan.yml",
        lambda d: next(iter(d["rumpun"].values())).__setitem__("keterangan", "Baru."),
    ),
    # edits that introduce errors
    "position not YAML": lambda r: _first_position(r).write_text("nama: [\n", encoding="utf-8"),
    "position schema (no nama)": lambda r: _change(_functional(r), lambda d: d.pop("nama")),
    "position id differs (PK203)": lambda r: _change(_first_position(r), _set("id", "lain")),
    "position unknown unit (PK201)": lambda r: _change(
        _first_position(r), lambda d: d.pop("penempatan", None) or d.__setitem__("unit", "tak-ada")
    ),
    "position unknown grade (PK206)": lambda r: _change(
        _functional(r), _set("jenjang", "ahli-utama" if "utama" not in r.name else "pemula")
    ),
    "position family removed (PK205)": lambda r: _change(
        _functional(r), lambda d: d.pop("jabatan_fungsional")
    ),
    "position on a path at kelas 17 (PK308)": lambda r: _change(
        r / "jabatan" / f"{_on_a_path(r)}.yml", _set("kelas_jabatan", 17)
    ),
    "family grade removed (PK206)": lambda r: _change(
        _family_of(r),
        lambda d: d["jenjang"].pop(_load(_functional(r))["jenjang"]),
    ),
    "family grade education dropped (PK207)": lambda r: _change(
        _family_of(r),
        lambda d: [g.get("persyaratan", {}).pop("pendidikan", None) for g in d["jenjang"].values()],
    ),
    "family broken": lambda r: _family_of(r).write_text("nama: 1\n", encoding="utf-8"),
    "unit duplicate child (PK202)": lambda r: _change(
        next(p for p in _files(r, "unit") if _load(p).get("sub")),
        lambda d: d["sub"].append(dict(d["sub"][0])),
    ),
    "path unknown position (PK201)": lambda r: _change(
        _files(r, "jalur")[0],
        lambda d: d["langkah"].append(
            {"dari": "tak-ada", "ke": _on_a_path(r), "jenis": "vertikal"}
        ),
    ),
    "regulation articles dropped (PK201)": lambda r: [
        _change(p, lambda d: d.pop("pasal", None)) for p in _files(r, "dasar-hukum")
    ],
    "competency reuses a national id (PK204)": lambda r: _change(
        r / "kompetensi-teknis.yml",
        lambda d: d["kompetensi"].__setitem__(
            _national_competency(), next(iter(d["kompetensi"].values()))
        ),
    ),
    "competency removed (PK201)": lambda r: _change(
        r / "kompetensi-teknis.yml", lambda d: d["kompetensi"].pop(next(iter(d["kompetensi"])))
    ),
    "training becomes a certificate (PK208)": lambda r: _change(
        r / "pelatihan.yml",
        lambda d: [item.__setitem__("jenis", "sertifikasi") for item in d["pelatihan"].values()],
    ),
    "field group name twice (PK220)": lambda r: _change(
        r / "rumpun-pendidikan.yml",
        lambda d: d["rumpun"].__setitem__(
            "salinan", dict(next(iter(d["rumpun"].values())), keterangan="Salinan.")
        ),
    ),
    "agency schema (no regulasi)": lambda r: _change(
        r / "instansi.yml", lambda d: d.pop("regulasi")
    ),
    # files deleted, renamed, added
    "family deleted": lambda r: _family_of(r).unlink(),
    "position deleted": lambda r: (r / "jabatan" / f"{_on_a_path(r)}.yml").unlink(),
    "position renamed": lambda r: (r / "jabatan" / f"{_on_a_path(r)}.yml").rename(
        r / "jabatan" / "jabatan-berganti-nama.yml"
    ),
    "position added": lambda r: shutil.copy(_functional(r), r / "jabatan" / "jabatan-baru.yml"),
    "position twin .yaml (PK019)": lambda r: shutil.copy(
        _first_position(r), _first_position(r).with_suffix(".yaml")
    ),
    "unit deleted": lambda r: _files(r, "unit")[0].unlink(),
    # files the memo does not read itself (read_bytes words why they cannot be read)
    "position becomes a link (PK001)": lambda r: _linked(_first_position(r)),
    "position too large (PK001)": lambda r: _first_position(r).write_bytes(b"#" * 2_000_001),
    "folder named like a position": lambda r: (r / "jabatan" / "folder.yml").mkdir(),
    "path deleted": lambda r: _files(r, "jalur")[0].unlink(),
}


def _snapshot(root: Path) -> dict[Path, bytes]:
    """The bytes of every plain file (links and folders are told apart by :func:`_state`)."""
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and not p.is_symlink()}


def _state(root: Path) -> set[tuple[Path, bool, bool]]:
    """Every entry of the folder, with whether it is a link or a folder."""
    return {(p, p.is_symlink(), p.is_dir()) for p in root.rglob("*")}


def _restore(root: Path, snapshot: dict[Path, bytes]) -> None:
    """Put the folder back as it was: the same bytes, the edited files written anew."""
    for path in sorted(root.rglob("*"), reverse=True):  # what is inside a folder first
        if path.is_symlink() or (path.is_file() and path not in snapshot):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for path, raw in snapshot.items():
        if not path.exists() or path.read_bytes() != raw:
            path.write_bytes(raw)


def _warm(root: Path, memo: DocumentMemo) -> ValidationResult:
    return validate_project(root, SHOWN_ROOT, memo.read)


def _assert_same(warm: ValidationResult, root: Path) -> None:
    _assert_equal(warm, validate_project(root, SHOWN_ROOT))


def _assert_equal(warm: ValidationResult, cold: ValidationResult) -> None:
    assert warm.diagnostics == cold.diagnostics
    assert warm.dataset == cold.dataset
    assert warm.file_count == cold.file_count


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth(tmp_path_factory.mktemp("reuse") / "data", 150)


def _source(data: str, synthetic: Path) -> Path:
    return EXAMPLE if data == "example" else synthetic


@pytest.fixture(scope="module")
def pristine(synthetic: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A fresh load of each source folder as it is, by name. Each test puts its folder back
    byte for byte after its edit; a fresh load of it is this one, made once instead of in
    each of the hundred tests, since a load does not depend on where the folder lies (the
    shown root is fixed): checked here on two copies in different places."""
    loaded = {}
    for data in ("example", "synthetic"):
        copies = [tmp_path_factory.mktemp(f"{data}-{n}") / "data" for n in (1, 2)]
        for copy in copies:
            shutil.copytree(_source(data, synthetic), copy)
        here, there = (validate_project(copy, SHOWN_ROOT) for copy in copies)
        _assert_equal(here, there)
        loaded[data] = here
    return loaded


@pytest.mark.parametrize("data", ["example", "synthetic"])
@pytest.mark.parametrize("name", list(EDITS))
def test_an_edit_and_its_revert_validate_as_a_fresh_load(
    name: str, data: str, synthetic: Path, pristine: dict[str, Any], tmp_path: Path
) -> None:
    root = tmp_path / "data"
    shutil.copytree(_source(data, synthetic), root)
    snapshot, state = _snapshot(root), _state(root)
    memo = DocumentMemo()
    first = _warm(root, memo)

    EDITS[name](root)
    edited = _warm(root, memo)
    assert (_snapshot(root), _state(root)) != (snapshot, state), "the edit changed nothing"
    _assert_same(edited, root)
    # Most files are untouched: their entities come from the memo, not built again.
    assert memo.derived.reused > first.file_count // 2

    _restore(root, snapshot)
    assert (_snapshot(root), _state(root)) == (snapshot, state), "not put back as it was"
    reverted = _warm(root, memo)
    _assert_equal(reverted, pristine[data])  # a fresh load of the folder as it was
    assert reverted.diagnostics == first.diagnostics
    assert reverted.dataset == first.dataset


def test_edits_one_after_another_validate_as_a_fresh_load(synthetic: Path, tmp_path: Path) -> None:
    """No revert between edits: each warm load starts from what the previous edited one kept."""
    root = tmp_path / "data"
    shutil.copytree(synthetic, root)
    memo = DocumentMemo()
    _warm(root, memo)
    kept = (
        "position note",
        "family grade requirement",
        "position unknown unit (PK201)",
        "competency removed (PK201)",
        "unit name",
        "position renamed",
        "family summary",
        "path unknown position (PK201)",
        "regulation articles dropped (PK201)",
        "position added",
        "family deleted",
        "training becomes a certificate (PK208)",
    )
    for name in kept:
        EDITS[name](root)
        _assert_same(_warm(root, memo), root)
    assert memo.derived.reused > 0


def test_a_reader_other_than_the_memo_reuses_nothing(tmp_path: Path) -> None:
    """Only the memo's own ``read`` says that one object means unchanged bytes."""
    root = tmp_path / "data"
    shutil.copytree(EXAMPLE, root)
    memo = DocumentMemo()
    validate_project(root, SHOWN_ROOT, lambda source: memo.read(source))
    validate_project(root, SHOWN_ROOT, lambda source: memo.read(source))
    assert (memo.derived.built, memo.derived.reused) == (0, 0)
    _warm(root, memo)
    assert memo.derived.built > 0
