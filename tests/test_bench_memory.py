"""``scripts/bench_memory.py``: a child that runs in its parent's memory (``vfork`` before
``exec``) is counted once, a forked child with its own copy is counted; and the tree of a real
command is sampled with its PSS summed."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import bench_memory  # a script, not a package


def test_a_child_reporting_its_parent_s_memory_is_not_counted_twice() -> None:
    # The b20k sample at 345 s: MkDocs' process and a `dot` child both 843 MB PSS, 863 MB RSS.
    build = (843 * 1024, 863 * 1024)
    assert bench_memory.shares_parent_memory((843 * 1024 + 300, 863 * 1024 - 200), build)


def test_a_forked_child_with_its_own_copy_is_counted() -> None:
    after_fork = (431 * 1024, 863 * 1024)  # every page shared by two: half the RSS each
    assert not bench_memory.shares_parent_memory(after_fork, after_fork)
    worker = (577 * 1024, 1055 * 1024)
    assert not bench_memory.shares_parent_memory(worker, (375 * 1024, 867 * 1024))
    assert not bench_memory.shares_parent_memory(worker, None)


def test_a_real_process_tree_is_sampled(tmp_path: Path) -> None:
    """A Python parent holding 64 MB with a child that holds 32 MB of its own: both counted."""
    script = (
        "import subprocess, sys, time\n"
        "held = bytearray(64 << 20)\n"
        "child = subprocess.Popen([sys.executable, '-c',"
        " 'import time; b = bytearray(32 << 20); time.sleep(30)'])\n"
        "time.sleep(30)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 20
        best = bench_memory.sample(parent.pid, 0.0)
        while time.monotonic() < deadline and (best.processes < 2 or best.pss_kib < 96 << 10):
            time.sleep(0.2)
            best = bench_memory.sample(parent.pid, 0.0)
        assert best.processes == 2
        assert best.pss_kib >= 96 << 10  # 64 MB + 32 MB, each process's own
        assert best.own_pss_kib >= 64 << 10 and best.other_pss_kib >= 32 << 10
    finally:
        for pid in bench_memory.descendants(parent.pid):
            if pid != parent.pid:
                subprocess.run(["kill", str(pid)], check=False)
        parent.kill()
        parent.wait()
