"""Benchmark: what a hostile data file costs, against a plain parse of the same files.

Two folders, each the example dataset plus one hostile position file just under the size limit:

``list``
    a 900,000-item ``tugas`` list (1.8 MB) and one schema error (``kelas_jabatan: 0``);
``alias``
    an anchor and 270,000 aliases to it in one list.

For each, in a fresh process so that peak memory is its own, the script measures reading and
parsing every file of the folder with libyaml's ``CSafeLoader`` (``yaml.load``, the least any
YAML-based validator must pay: the baseline), then ``validate_project`` plus the text report.
It prints seconds, peak resident memory, the number of diagnostics, the report's size and the
ratios validate/baseline, all measured in the same run.

    python scripts/bench_hostile.py [--only list|alias]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data"
KINDS = ("list", "alias")
LIST_ITEMS = 900_000
ALIASES = 270_000


def _template() -> str:
    """An example position whose file holds its own list of duties (none is inherited)."""
    for path in sorted((EXAMPLE / "jabatan").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if "\ntugas:" not in text and "\nikhtisar:" in text and "\nkelas_jabatan:" in text:
            return text
    raise SystemExit("no example position without 'tugas' to build on")


def make_dataset(target: Path, kind: str) -> Path:
    """The example dataset plus one hostile position file; returns that file."""
    shutil.copytree(EXAMPLE, target)
    text = _template()
    if kind == "list":
        text = re.sub(r"(?m)^kelas_jabatan: .*$", "kelas_jabatan: 0", text, count=1)
        text += "tugas: [" + ",".join(["a"] * LIST_ITEMS) + "]\n"
    else:
        text = text.replace("\nikhtisar:", "\nikhtisar: &i", 1)
        text += "tugas: [" + ",".join(["*i"] * ALIASES) + "]\n"
    path = target / "jabatan" / f"bench-{kind}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(mode: str, folder: Path) -> dict[str, float | int]:
    """One measurement, in this (fresh) process: seconds, peak memory and what was said."""
    start = time.perf_counter()
    if mode == "baseline":
        for path in sorted(folder.rglob("*.yml")):
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        return {"seconds": time.perf_counter() - start, "peak_kb": _peak_kb()}
    from pola_karir.report import render
    from pola_karir.rules.validate import validate_project

    result = validate_project(folder, "data")
    report = render("text", result.diagnostics, result.file_count)
    return {
        "seconds": time.perf_counter() - start,
        "peak_kb": _peak_kb(),
        "diagnostics": len(result.diagnostics),
        "report_bytes": len(report.encode("utf-8")),
    }


def measure(mode: str, folder: Path) -> dict[str, float | int]:
    command = [sys.executable, __file__, "--child", mode, str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    measured: dict[str, float | int] = json.loads(done.stdout)
    return measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=KINDS)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return 0
    for kind in [args.only] if args.only else KINDS:
        with tempfile.TemporaryDirectory() as tmp:
            hostile = make_dataset(Path(tmp) / "data", kind)
            size = hostile.stat().st_size
            base = measure("baseline", hostile.parent.parent)
            full = measure("validate", hostile.parent.parent)
        print(f"{kind}: {hostile.name}, {size / 1e6:.2f} MB, plus the example dataset")
        rows = (("baseline yaml.load(CSafeLoader)", base), ("pola-karir validate + report", full))
        for label, run in rows:
            line = f"  {label:30} {run['seconds']:7.2f} s {run['peak_kb'] / 1024:7.0f} MB"
            if "diagnostics" in run:
                line += f"  {run['diagnostics']} diagnostics, report {run['report_bytes']} bytes"
            print(line)
        print(
            f"  ratio validate/baseline: time {full['seconds'] / base['seconds']:.2f}x,"
            f" peak memory {full['peak_kb'] / base['peak_kb']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
