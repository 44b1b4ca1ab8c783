"""Reading a data folder and checking its rules on several processes
(:mod:`pola_karir.load.parallel`, :func:`pola_karir.rules.validate.run_checks`): the work is
really shared out, and the diagnostics, their order and the model are those of one process."""

from __future__ import annotations

import os
import time
from concurrent.futures import Future
from pathlib import Path

import pytest
from factory import SHOWN_ROOT, DataFolder

from pola_karir.diagnostics import Diagnostic, diag
from pola_karir.load import parallel
from pola_karir.load.folder import load_workspace
from pola_karir.load.layout import SourceFile, discover
from pola_karir.load.workspace import Workspace
from pola_karir.load.yaml_loader import Document
from pola_karir.model import Location
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


def test_files_are_shared_out_in_order_by_bytes(tmp_path: Path) -> None:
    """Contiguous shares, this process first; a share's size is its bytes, not its count of
    files: one file as large as all the others together gets a worker to itself."""
    folder = DataFolder(tmp_path / "data")
    big = folder.doc("jalur/bina-marga.yml")
    big["deskripsi"] = "Jalur panjang. " * 4000
    files, _ = discover(folder.write(), SHOWN_ROOT)
    results = parallel.read_all(files, _where, 2)
    places = [found[0].location.file.split(":", 1) for _, found in results]
    assert [relative for _, relative in places] == [f.relative for f in files]
    pids = [int(pid) for pid, _ in places]
    mine = pids.count(os.getpid())
    assert mine and set(pids[:mine]) == {os.getpid()}
    assert len(set(pids[mine:])) == 1 and os.getpid() not in pids[mine:]
    sizes = [f.path.stat().st_size for f in files]
    heaviest = sizes.index(max(sizes))
    assert max(sizes) > sum(sizes) / 2
    assert heaviest >= mine, "the largest file is the worker's share"
    assert len(files) - mine < mine, "so the worker reads fewer files"


def test_shares_of_equal_files_are_about_equal(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data").write()
    files, _ = discover(folder, SHOWN_ROOT)
    for count in (2, 3):
        shares = parallel._shares(files, count)
        assert [f for share in shares for f in share] == files
        weights = [sum(f.path.stat().st_size for f in share) for share in shares]
        assert len(shares) == count
        assert max(weights) - min(weights) <= max(f.path.stat().st_size for f in files) * 2


def test_a_failed_worker_leaves_its_share_to_this_process(tmp_path: Path) -> None:
    files, _ = discover(DataFolder(tmp_path / "data").write(), SHOWN_ROOT)
    failed: Future[list[tuple[Document | None, list[Diagnostic]]]] = Future()
    failed.set_exception(OSError("worker lost"))
    results = parallel._collected(failed, files[:2], _where)
    assert [found[0].location.file for _, found in results] == [
        f"{os.getpid()}:{f.relative}" for f in files[:2]
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
