"""The per-process memo of parsed documents (``mkdocs serve`` rebuilds): an edited file is parsed
again, an unchanged one is not, and what comes out is what a fresh load gives."""

from __future__ import annotations

import os
from pathlib import Path

from factory import SHOWN_ROOT, DataFolder

from pola_karir.load.memo import DocumentMemo
from pola_karir.rules.validate import ValidationResult, validate_project

POSITION = "jabatan/kepala-seksi-jalan.yml"


def _folder(tmp_path: Path) -> Path:
    return DataFolder(tmp_path / "data").write()


def _validate(root: Path, memo: DocumentMemo) -> ValidationResult:
    return validate_project(root, SHOWN_ROOT, memo.read)


def _same(memoised: ValidationResult, root: Path) -> None:
    fresh = validate_project(root, SHOWN_ROOT)
    assert memoised.diagnostics == fresh.diagnostics
    assert memoised.dataset == fresh.dataset
    assert memoised.file_count == fresh.file_count


def test_only_the_edited_file_is_parsed_again(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    memo = DocumentMemo()
    first = _validate(root, memo)
    assert first.ok
    assert (memo.parsed, memo.reused) == (first.file_count, 0)

    again = _validate(root, memo)
    assert (memo.parsed, memo.reused) == (first.file_count, first.file_count)
    _same(again, root)

    path = root / POSITION
    path.write_text(path.read_text(encoding="utf-8") + "keterangan: Baru.\n", encoding="utf-8")
    edited = _validate(root, memo)
    assert memo.parsed == first.file_count + 1
    assert memo.reused == 2 * first.file_count - 1
    assert edited.dataset is not None
    assert edited.dataset.positions["kepala-seksi-jalan"].note == "Baru."
    _same(edited, root)


def test_an_edit_keeping_size_and_time_is_seen(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    memo = DocumentMemo()
    _validate(root, memo)
    path = root / POSITION
    text = path.read_text(encoding="utf-8")
    stat = path.stat()
    # "jalan" -> "jalxn" somewhere in the text: same size; the time stamp is put back.
    index = text.index("nama: ") + len("nama: ")
    changed = text[:index] + ("X" if text[index] != "X" else "Y") + text[index + 1 :]
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    parsed = memo.parsed
    result = _validate(root, memo)
    assert memo.parsed == parsed + 1
    assert result.dataset is not None
    assert result.dataset.positions["kepala-seksi-jalan"].name.startswith(changed[index])
    _same(result, root)


def test_a_broken_edit_reports_as_a_fresh_load_and_a_deleted_file_is_forgotten(
    tmp_path: Path,
) -> None:
    root = _folder(tmp_path)
    memo = DocumentMemo()
    first = _validate(root, memo)
    kept = len(memo)
    assert kept == first.file_count

    path = root / POSITION
    path.write_text("nama: [tidak ditutup\n", encoding="utf-8")
    broken = _validate(root, memo)
    assert not broken.ok
    assert any(d.location.file.endswith(POSITION) for d in broken.diagnostics)
    _same(broken, root)

    path.unlink()
    gone = _validate(root, memo)
    _same(gone, root)
    _validate(root, memo)  # the next load drops what the last one no longer read
    assert len(memo) == kept - 1
