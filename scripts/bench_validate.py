"""Benchmark: validating N generated position files, against a baseline measured in the same run.

Baseline: reading the same files and parsing them with libyaml's CSafeLoader (``yaml.load``),
the least any YAML-based validator must pay. The report gives absolute times and the ratio, so
figures from different machines can be compared.

    python scripts/bench_validate.py [--positions 1000] [--repeat 3] [--jobs N]
    python scripts/bench_validate.py --data DIR [--repeat 3] [--jobs N] [--warm]

``--data`` measures an existing data folder instead (e.g. one written by
``scripts/synth.py --positions 10000 --seed 1 DIR``, what ``scripts/bench.py`` validates), so
validation alone can be measured at national scale without building sites. ``--jobs`` is
passed to ``validate_project`` (processes that read the files and check the rules; by default
what it chooses: every core from ``PARALLEL_FROM`` files on). The load average is printed with
the result: the ratio is only as good as the machine is quiet, and a run on two processes
loses most when another program takes a core.

``--warm`` also measures what ``mkdocs serve`` pays after an edit: a copy of the folder is
validated once with a :class:`~pola_karir.load.memo.DocumentMemo`, then, ``--repeat`` times, one
position file of the copy is edited (``keterangan`` appended) and the copy validated again
with the memo; the median is printed with its ratio to the same baseline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from pola_karir.load import parallel
from pola_karir.load.memo import DocumentMemo
from pola_karir.rules.validate import validate_project

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data"


def make_dataset(target: Path, count: int) -> None:
    """Copy the example dataset and add ``count`` generated positions on one career path."""
    shutil.copytree(EXAMPLE, target)
    template_path = next(
        p
        for p in sorted((target / "jabatan").glob("*.yml"))
        if "jenis: pelaksana" in p.read_text(encoding="utf-8")
    )
    template = template_path.read_text(encoding="utf-8")
    steps = []
    for index in range(count):
        name = f"bench-pelaksana-{index:04d}"
        (target / "jabatan" / f"{name}.yml").write_text(template, encoding="utf-8")
        steps.append(f"  - {{dari: {name}, ke: {template_path.stem}, jenis: horizontal}}")
    (target / "jalur" / "bench.yml").write_text(
        "nama: Jalur Uji Kecepatan\nlangkah:\n" + "\n".join(steps) + "\n", encoding="utf-8"
    )


def baseline(folder: Path) -> None:
    for path in folder.rglob("*.yml"):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def timed_pair(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """Each action ``repeat`` times, alternating, so both meet the same machine: on a shared
    machine a quiet minute favours whichever ran in it."""
    runs: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for action, found in zip((first, second), runs, strict=True):
            start = time.perf_counter()
            action()
            found.append(time.perf_counter() - start)
    return runs


def warm_runs(folder: Path, repeat: int) -> list[float]:
    """Seconds of each re-validation with a memo after one position file of a copy of
    ``folder`` was edited; a different file each time, spread over the folder."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(folder, copy)
        memo = DocumentMemo()
        validate_project(copy, read=memo.read)
        positions = sorted((copy / "jabatan").glob("*.yml"))
        runs = []
        for index in range(repeat):
            path = positions[index * 7919 % len(positions)]
            text = path.read_text(encoding="utf-8")
            added = "keterangan: Diubah.\n" if "keterangan:" not in text else "# diubah\n"
            path.write_text(text + added, encoding="utf-8")
            start = time.perf_counter()
            validate_project(copy, read=memo.read)
            runs.append(time.perf_counter() - start)
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--positions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, help="an existing data folder to measure")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--warm", action="store_true", help="also time a re-validation")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.data or Path(tmp) / "data"
        if args.data is None:
            make_dataset(folder, args.positions)
        files = sum(1 for _ in folder.rglob("*.yml"))
        result = validate_project(folder, jobs=args.jobs)
        if not result.ok:
            print("the dataset is not valid; benchmark aborted", file=sys.stderr)
            return 1
        validate_project(folder, jobs=args.jobs)  # warm caches (schemas, reference data)
        bases, fulls = timed_pair(
            lambda: baseline(folder), lambda: validate_project(folder, jobs=args.jobs), args.repeat
        )
        warm = warm_runs(folder, args.repeat) if args.warm else []
    base, full = statistics.median(bases), statistics.median(fulls)
    generated = f"{args.positions} generated positions + the example"
    shown = f"folder {args.data}" if args.data else generated
    jobs = args.jobs or f"{parallel.jobs_for(files)} (as validate_project chooses)"
    print(f"files: {files} ({shown}); jobs {jobs}")
    rows = (("baseline yaml.load(CSafeLoader)", base), ("pola-karir validate", full))
    for label, seconds in rows:
        print(f"{label:32} {seconds * 1000:8.1f} ms  ({seconds / files * 1e3:.3f} ms/file)")
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"ratio validate/baseline: {full / base:.2f}x (load average {load})")
    # The fastest run of each: what the machine gives when nothing else interferes.
    print(f"ratio of the fastest runs: {min(fulls) / min(bases):.2f}x")
    if warm:
        again = statistics.median(warm)
        print(
            f"re-validation after one edit, with the memo: {again * 1000:.1f} ms "
            f"(ratio to the baseline {again / base:.3f}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
