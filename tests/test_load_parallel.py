"""Reading a data folder on several processes (:mod:`pola_karir.load.parallel`): the files are
really shared out, and the diagnostics, their order and the model are those of one process."""

from __future__ import annotations

import os
from concurrent.futures import Future
from pathlib import Path

from factory import SHOWN_ROOT, DataFolder

from pola_karir.diagnostics import Diagnostic, diag
from pola_karir.load import parallel
from pola_karir.load.layout import SourceFile, discover
from pola_karir.load.yaml_loader import Document
from pola_karir.model import Location
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


def test_files_are_shared_out_in_order(tmp_path: Path) -> None:
    files, _ = discover(DataFolder(tmp_path / "data").write(), SHOWN_ROOT)
    results = parallel.read_all(files, _where, 2)
    places = [found[0].location.file.split(":", 1) for _, found in results]
    assert [relative for _, relative in places] == [f.relative for f in files]
    pids = [int(pid) for pid, _ in places]
    half = -(-len(files) // 2)
    assert set(pids[:half]) == {os.getpid()}
    assert len(set(pids[half:])) == 1 and os.getpid() not in pids[half:]


def test_a_failed_worker_leaves_its_share_to_this_process(tmp_path: Path) -> None:
    files, _ = discover(DataFolder(tmp_path / "data").write(), SHOWN_ROOT)
    failed: Future[list[tuple[Document | None, list[Diagnostic]]]] = Future()
    failed.set_exception(OSError("worker lost"))
    results = parallel._collected(failed, files[:2], _where)
    assert [found[0].location.file for _, found in results] == [
        f"{os.getpid()}:{f.relative}" for f in files[:2]
    ]


def test_one_process_unless_asked(tmp_path: Path) -> None:
    files, _ = discover(DataFolder(tmp_path / "data").write(), SHOWN_ROOT)
    assert {
        found[0].location.file.split(":")[0] for _, found in parallel.read_all(files, _where, 1)
    } == {str(os.getpid())}
    assert parallel.usable_cores() >= 1
