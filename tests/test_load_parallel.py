"""Reading a data folder and checking its rules on several processes
(:mod:`pola_karir.load.parallel`, :func:`pola_karir.rules.validate.run_checks`): the work is
really shared out, and the diagnostics, their order and the model are those of one process."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from factory import SHOWN_ROOT, DataFolder
from test_synth import synth

from pola_karir.diagnostics import Diagnostic, diag
from pola_karir.load import parallel
from pola_karir.load.folder import load_workspace
from pola_karir.load.layout import SourceFile, discover
from pola_karir.load.workspace import Workspace
from pola_karir.load.yaml_loader import Document
from pola_karir.model import Dataset, Location
from pola_karir.rules import validate
from pola_karir.rules.common import Rule
from pola_karir.rules.validate import validate_project


def _broken_folder(tmp_path: Path) -> Path:
    """The minimal folder with problems in files at both ends of the file order."""
    folder = DataFolder(tmp_path / "data")
    folder.put("dasar-hukum/perbup-1-2020.yml", "nama: [tidak ditutup\n")
    folder.doc("jabatan/kepala-seksi-jalan.yml")["kelas_jabatan"] = "tinggi"
    folder.doc("jalur/bina-marga.yml")["langkah"][0]["ke"] = "tidak-ada"
    folder.put("unit/dinas-tanpa-nama.yml", {"id": "dinas-tanpa-nama"})
    return folder.write()


def test_several_processes_give_the_one_process_result(tmp_path: Path) -> None:
    root = _broken_folder(tmp_path)
    one = validate_project(root, SHOWN_ROOT, jobs=1)
    several = validate_project(root, SHOWN_ROOT, jobs=3)
    assert not one.ok
    codes = {d.code for d in one.diagnostics}
    assert {"PK003", "PK102", "PK201"} <= codes, codes
    assert several.diagnostics == one.diagnostics
    assert several.file_count == one.file_count

    valid = DataFolder(tmp_path / "valid").write()
    alone, shared = validate_project(valid, jobs=1), validate_project(valid, jobs=2)
    assert alone.dataset is not None
    assert shared.dataset == alone.dataset


def _where(source: SourceFile) -> tuple[Document | None, list[Diagnostic]]:
    """Says which process read the file (a module-level function: workers get it by name)."""
    return None, [diag("PK001", Location(f"{os.getpid()}:{source.relative}"))]


def _slowly(source: SourceFile) -> tuple[Document | None, list[Diagnostic]]:
    """:func:`_where`, taking a while, so that every process gets chunks to read."""
    time.sleep(0.01)
    return _where(source)


def test_files_are_read_once_in_chunks_by_every_process_and_given_in_order(
    tmp_path: Path,
) -> None:
    files, _ = discover(DataFolder(tmp_path / "data").write(), SHOWN_ROOT)
    results = parallel.read_all(files, _slowly, 2)
    places = [found[0].location.file.split(":", 1) for _, found in results]
    assert [relative for _, relative in places] == [f.relative for f in files]
    pids = [int(pid) for pid, _ in places]
    assert os.getpid() in pids and len(set(pids)) == 2
    chunks = parallel._chunks(files, 2 * parallel._CHUNKS_PER_JOB)
    start = 0
    for chunk in chunks:  # a chunk is read by one process
        assert len(set(pids[start : start + len(chunk)])) == 1
        start += len(chunk)


def test_chunks_are_of_about_equal_cost(tmp_path: Path) -> None:
    """A chunk's size is what its files cost to parse (bytes and a part per file), not its
    count of files: one large file makes a chunk of its own."""
    folder = DataFolder(tmp_path / "data")
    folder.doc("jalur/bina-marga.yml")["deskripsi"] = "Jalur panjang. " * 4000
    files, _ = discover(folder.write(), SHOWN_ROOT)

    def cost(chunk: list[SourceFile]) -> int:
        return sum(f.path.stat().st_size + parallel._FILE_COST for f in chunk)

    largest = max(cost([f]) for f in files)
    for count in (1, 2, 3, 5):
        chunks = parallel._chunks(files, count)
        assert [f for chunk in chunks for f in chunk] == files
        assert all(chunks) and len(chunks) <= count
        total = sum(cost(chunk) for chunk in chunks)
        assert all(cost(chunk) <= total / count + largest for chunk in chunks)
    big = next(f for f in files if f.relative == "jalur/bina-marga.yml")
    assert [big] in parallel._chunks(files, 4)


def test_a_large_folder_gives_the_one_process_model_on_any_number_of_processes(
    tmp_path: Path,
) -> None:
    """This process makes the positions and career paths of the chunks it reads while the
    workers read theirs: the model, locations included, and the diagnostics are those of one
    process."""
    root = synth(tmp_path / "data", 150)
    alone = validate_project(root, SHOWN_ROOT, jobs=1)
    assert alone.dataset is not None
    for jobs in (2, 3):
        shared = validate_project(root, SHOWN_ROOT, jobs=jobs)
        assert shared.diagnostics == alone.diagnostics
        assert _written_out(shared.dataset) == _written_out(alone.dataset)


def _break(root: Path) -> None:
    """Mistakes spread over the file order, so that each share holds some: a position that
    does not parse and one whose id is not its file's, a job family the schema refuses (its
    positions then inherit nothing), a career path to a position that does not exist, and a
    unit file written twice (the same id under .yml and .yaml)."""
    positions = sorted((root / "jabatan").glob("*.yml"))
    positions[3].write_text("nama: [tidak ditutup\n", encoding="utf-8")
    moved = positions[len(positions) // 2]
    moved.write_text("id: lain\n" + moved.read_text(encoding="utf-8"), encoding="utf-8")
    family = sorted((root / "jabatan-fungsional").glob("*.yml"))[0]
    family.write_text(family.read_text(encoding="utf-8") + "tidak_dikenal: 1\n", encoding="utf-8")
    path = sorted((root / "jalur").glob("*.yml"))[-1]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("ke: ", "ke: tidak-ada-", 1), encoding="utf-8")
    unit = sorted((root / "unit").glob("*.yml"))[-1]
    unit.with_suffix(".yaml").write_text(unit.read_text(encoding="utf-8"), encoding="utf-8")


def test_a_large_folder_with_mistakes_in_every_share_gives_the_one_process_diagnostics(
    tmp_path: Path,
) -> None:
    root = synth(tmp_path / "data", 150)
    _break(root)
    alone = validate_project(root, SHOWN_ROOT, jobs=1)
    codes = {d.code for d in alone.diagnostics}
    assert {"PK003", "PK019", "PK101", "PK201", "PK203"} <= codes, codes
    for jobs in (2, 3):
        assert validate_project(root, SHOWN_ROOT, jobs=jobs).diagnostics == alone.diagnostics


def _written_out(dataset: Dataset | None) -> tuple[str, dict[str, str]]:
    """The model as text, every location included (equality leaves them out), the origins of
    each position's requirements listed (they are found when first asked)."""
    assert dataset is not None
    origins = {key: repr(dict(p.requirements.origins)) for key, p in dataset.positions.items()}
    return re.sub(r" at 0x[0-9a-f]+", "", repr(dataset)), origins


def _dies_in_a_worker(source: SourceFile) -> tuple[Document | None, list[Diagnostic]]:
    if os.getpid() != PARENT:
        os._exit(3)
    return _slowly(source)


def test_a_failed_worker_leaves_its_chunks_to_this_process(tmp_path: Path) -> None:
    files, _ = discover(DataFolder(tmp_path / "data").write(), SHOWN_ROOT)
    results = parallel.read_all(files, _dies_in_a_worker, 2)
    assert [found[0].location.file for _, found in results] == [
        f"{os.getpid()}:{f.relative}" for f in files
    ]


def test_one_process_when_asked_or_for_a_small_folder(tmp_path: Path) -> None:
    files, _ = discover(DataFolder(tmp_path / "data").write(), SHOWN_ROOT)
    assert {
        found[0].location.file.split(":")[0] for _, found in parallel.read_all(files, _where, 1)
    } == {str(os.getpid())}
    assert parallel.usable_cores() >= 1
    assert parallel.jobs_for(len(files)) == 1
    assert parallel.jobs_for(parallel.PARALLEL_FROM) == parallel.usable_cores()


# --- the rules on two processes (pola_karir.rules.validate.run_checks) ----------------------


def _pid_rule(number: int) -> Rule:
    """A rule that says which process checked it; it takes a while, so that both processes
    get some of the rules."""

    def rule(space: Workspace) -> list[Diagnostic]:
        time.sleep(0.2)
        return [diag("PK001", Location(f"{os.getpid()}:{number}"))]

    return rule


def _checked_by(found: list[Diagnostic]) -> list[tuple[int, int]]:
    places = [d.location.file.split(":") for d in found]
    return [(int(pid), int(number)) for pid, number in places]


def test_rules_are_shared_by_two_processes_and_kept_in_rule_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    space = load_workspace(DataFolder(tmp_path / "data").write(), SHOWN_ROOT)
    monkeypatch.setattr(validate, "RULES", tuple(_pid_rule(n) for n in range(8)))
    checked = _checked_by(validate.run_checks(space, 2))
    assert [number for _, number in checked] == list(range(8))
    assert len({pid for pid, _ in checked}) == 2
    alone = _checked_by(validate.run_checks(space, 1))
    assert {pid for pid, _ in alone} == {os.getpid()}


def _dies_in_a_child(space: Workspace) -> list[Diagnostic]:
    if os.getpid() != PARENT:
        os._exit(3)
    return [diag("PK001", Location("parent"))]


def _raises(space: Workspace) -> list[Diagnostic]:
    raise LookupError("rule failed")


PARENT = os.getpid()


def test_a_rule_whose_child_died_is_checked_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    space = load_workspace(DataFolder(tmp_path / "data").write(), SHOWN_ROOT)
    rules = (_pid_rule(0), _dies_in_a_child, _pid_rule(2), _dies_in_a_child, _pid_rule(4))
    monkeypatch.setattr(validate, "RULES", rules)
    found = validate.run_checks(space, 2)
    assert [d.location.file.split(":")[-1] for d in found] == ["0", "parent", "2", "4"]


def test_an_error_of_a_rule_is_raised_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    space = load_workspace(DataFolder(tmp_path / "data").write(), SHOWN_ROOT)
    monkeypatch.setattr(validate, "RULES", (_pid_rule(0), _raises, _pid_rule(2), _pid_rule(3)))
    with pytest.raises(LookupError, match="rule failed"):
        validate.run_checks(space, 2)
