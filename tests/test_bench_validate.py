"""scripts/bench_validate.py on an existing folder (``--data``) and on several processes
(``--jobs``): every figure is printed, none is judged (the suite holds no timed assertion)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from factory import DataFolder

REPO = Path(__file__).resolve().parent.parent


def _bench(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench_validate.py"), *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_an_existing_folder_is_measured_as_it_is(tmp_path: Path) -> None:
    root = DataFolder(tmp_path / "data").write()
    files = sum(1 for _ in root.rglob("*.yml"))
    run = _bench("--data", str(root), "--repeat", "2", "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert f"files: {files} (folder {root}); jobs 2" in run.stdout
    assert re.search(r"ratio validate/baseline: \d+\.\d\dx \(load average [\d., ]+\)", run.stdout)
    assert re.search(r"ratio of the fastest runs: \d+\.\d\dx", run.stdout)


def test_a_re_validation_after_an_edit_is_measured_on_a_copy(tmp_path: Path) -> None:
    root = DataFolder(tmp_path / "data").write()
    before = {p: p.read_bytes() for p in root.rglob("*.yml")}
    run = _bench("--data", str(root), "--repeat", "2", "--warm")
    assert run.returncode == 0, run.stderr
    assert re.search(
        r"re-validation after one edit, with the memo: \d+\.\d ms \(ratio to the baseline "
        r"\d+\.\d{3}x\)",
        run.stdout,
    )
    assert {p: p.read_bytes() for p in root.rglob("*.yml")} == before  # the folder is untouched


def test_an_invalid_folder_is_not_measured(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    folder.put("jabatan/rusak.yml", "nama: [tidak ditutup\n")
    run = _bench("--data", str(folder.write()), "--repeat", "1")
    assert run.returncode == 1
    assert "not valid" in run.stderr
    assert "ratio" not in run.stdout
