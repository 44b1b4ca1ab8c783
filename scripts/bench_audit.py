"""Benchmark: auditing a generated staff list of N rows, against a baseline from the same run.

Baseline: reading the same file with a plain ``csv.reader`` (the least any CSV-based audit must
pay). The staff list is deterministic: people cycle through the example positions, every tenth
one with an education below the minimum (so the report has gaps to list), every hundredth with
a name spanning two lines. Memory: the peak of Python allocations while the audit runs
(``tracemalloc``, measured in a separate run, since tracing slows it down) and the process's
peak resident set (``getrusage``), which includes the interpreter and the dataset.

    python scripts/bench_audit.py [--rows 100000]

Last line: ``audit_s=… baseline_s=… ratio=… rss_mb=… traced_peak_mb=…``.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

from pola_karir.audit.run import run_audit
from pola_karir.model import Dataset
from pola_karir.rules.validate import validate_project

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2025, 7, 1)


def make_staff(path: Path, dataset: Dataset, rows: int) -> None:
    positions = [
        p
        for p in sorted(dataset.positions.values(), key=lambda p: p.id)
        if p.requirements.education is not None and p.requirements.rank is not None
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["nip", "nama", "jabatan", "pendidikan", "golongan", "tmt_jabatan"])
        for index in range(rows):
            position = positions[index % len(positions)]
            req = position.requirements
            assert req.education is not None and req.rank is not None
            education = "SD" if index % 10 == 0 else req.education.minimum
            name = f"Pegawai {index}\nBaris Dua" if index % 100 == 0 else f"Pegawai {index}"
            nip = f"19800101{index:010d}"
            writer.writerow([nip, name, position.id, education, req.rank.minimum, "2020-01-02"])


def baseline(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle))


def main() -> int:
    parser = argparse.ArgumentParser(description="Time and memory of `pola-karir audit`.")
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    dataset = validate_project(ROOT / "data").dataset
    assert dataset is not None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pegawai.csv"
        make_staff(path, dataset, args.rows)
        size_mb = path.stat().st_size / 2**20
        start = time.perf_counter()
        baseline(path)
        baseline_s = time.perf_counter() - start
        start = time.perf_counter()
        run = run_audit(dataset, path, "text", TODAY)
        audit_s = time.perf_counter() - start
        report_mb = len(run.report.encode()) / 2**20
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        tracemalloc.start()
        run_audit(dataset, path, "text", TODAY)
        traced_peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    print(f"rows={args.rows} file_mb={size_mb:.1f} report_mb={report_mb:.1f} exit={run.exit_code}")
    print(
        f"audit_s={audit_s:.2f} baseline_s={baseline_s:.3f} ratio={audit_s / baseline_s:.0f} "
        f"rss_mb={rss_mb:.0f} traced_peak_mb={traced_peak_mb:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
