"""Benchmark: the whole-pattern overview diagram as the dataset grows.

For each size, the example data is copied that many times (positions, units and career paths
under suffixed ids, as ``tests/site/test_scale.py`` does), validated, and the overview page's
diagram (:func:`pola_karir.site.home.overview_page`) is laid out by one ``dot -Tsvg`` process.
With ``--same-units`` the copies are placed in the example's own units (more positions, the
same perangkat daerah and job families). Prints the number of positions, the DOT source's size,
the layout time (wall clock and dot's CPU time) and the SVG's size.

    python scripts/bench_overview.py [--copies 1 20] [--same-units]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "site"))  # the test suite's data copier

from test_scale import scaled_data  # noqa: E402

from pola_karir.rules.validate import validate_project  # noqa: E402
from pola_karir.site import home  # noqa: E402


def measure(copies: int, same_units: bool) -> tuple[int, int, float, float, int]:
    """(positions, DOT bytes, dot seconds, dot CPU seconds, SVG bytes) for the example copied
    ``copies`` times."""
    with tempfile.TemporaryDirectory() as folder:
        data = scaled_data(
            Path(folder) / "data", copies, copy_units=not same_units, rename=same_units
        )
        dataset = validate_project(data).dataset
    assert dataset is not None, "the copied data does not validate"
    (diagram,) = home.overview_page(dataset).diagrams
    start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        ["dot", "-Tsvg"], input=diagram.dot.encode("utf-8"), capture_output=True, check=True
    )
    elapsed = time.perf_counter() - start
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime
    return (
        len(dataset.positions),
        len(diagram.dot.encode("utf-8")),
        elapsed,
        seconds,
        len(result.stdout),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--same-units", action="store_true")
    args = parser.parse_args()
    print(f"{'copies':>6} {'positions':>9} {'DOT KB':>8} {'dot s':>7} {'CPU s':>7} {'SVG KB':>8}")
    for copies in args.copies:
        positions, source, seconds, cpu, svg = measure(copies, args.same_units)
        sizes = f"{source / 1024:>8.0f} {seconds:>7.2f} {cpu:>7.2f} {svg / 1024:>8.0f}"
        print(f"{copies:>6} {positions:>9} {sizes}")


if __name__ == "__main__":
    main()
