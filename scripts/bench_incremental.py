"""Benchmark: the site content after one edit, made again in full against made only where the
edit shows (:func:`pola_karir.site.incremental.update_content`).

A synthetic agency of N positions (``scripts/synth.py``) is loaded and its content made once,
as the plugin makes it (no diagrams kept). Then each kind of edit is applied to one position (or
path) chosen by the seed, and two copies of the edited dataset are made (the per-dataset caches,
names included, start cold for both): one is given to ``site_content``, the other to
``update_content`` with the content before. Both results must be equal. Prints a table and, last,
``<edit>_s=<update seconds> <edit>_ratio=<update/site_content>`` for each edit.

    python scripts/bench_incremental.py --positions 5000 [--seed 1] [--repeat 3] [--data DIR]
        [--processes 2]

Both are given ``--processes`` (default 2, the plugin's ``concurrency``): each makes the open
data in a forked child meanwhile.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from synth import generate  # noqa: E402

from pola_karir.model import Dataset  # noqa: E402
from pola_karir.rules.validate import validate_project  # noqa: E402
from pola_karir.site.build import SiteContent, site_content  # noqa: E402
from pola_karir.site.incremental import update_content  # noqa: E402
from pola_karir.site.limits import DEFAULT_LIMITS  # noqa: E402

LANG = "id"
Edit = Callable[[Dataset, str], Dataset]
T = TypeVar("T")


def _position_edit(**values: Any) -> Edit:
    def edit(dataset: Dataset, pid: str) -> Dataset:
        changed = replace(dataset.positions[pid], **values)
        return replace(dataset, positions={**dataset.positions, pid: changed})

    return edit


def _move_years(dataset: Dataset, pid: str) -> Dataset:
    """One more year on the first move out of (or into) the position."""
    move = (dataset.moves_from(pid) or dataset.moves_to(pid))[0]
    path = dataset.paths[move.path]
    moves = tuple(replace(m, min_years=m.min_years + 1) if m is move else m for m in path.moves)
    return replace(dataset, paths={**dataset.paths, path.id: replace(path, moves=moves)})


EDITS: dict[str, Edit] = {
    "note": _position_edit(note="Catatan yang baru ditulis."),
    "summary": _position_edit(summary="Ikhtisar yang baru ditulis."),
    "name": _position_edit(name="Jabatan Dengan Nama Baru"),
    "move_years": _move_years,
}


def _timed(make: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = make()
    return time.perf_counter() - start, result


def measure(
    dataset: Dataset, before: SiteContent, edit: Edit, pid: str, processes: int
) -> tuple[float, float]:
    """(site_content seconds, update_content seconds) for one edit, results checked equal."""
    full_s, full = _timed(
        lambda: site_content(
            edit(dataset, pid), LANG, DEFAULT_LIMITS, None, processes=processes, keep_diagrams=False
        )
    )
    update_s, update = _timed(
        lambda: update_content(
            dataset,
            edit(dataset, pid),
            before,
            LANG,
            DEFAULT_LIMITS,
            None,
            processes=processes,
            keep_diagrams=False,
        )
    )
    assert update is not None, "update_content did not bound the edit"
    assert update.content == full, "update_content differs from site_content"
    return full_s, update_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--positions", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--processes", type=int, default=2, help="as the plugin's concurrency")
    parser.add_argument("--data", type=Path, help="a data folder instead of a synthetic one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = args.data
        if data is None:
            data = Path(folder) / "data"
            generate(args.positions, args.seed, data)
        dataset = validate_project(data).dataset
    assert dataset is not None, "the data does not validate"
    before_s, before = _timed(
        lambda: site_content(
            dataset, LANG, DEFAULT_LIMITS, None, processes=args.processes, keep_diagrams=False
        )
    )
    rng = random.Random(args.seed)
    moved = sorted(pid for pid in dataset.positions if dataset.moves_from(pid))
    print(f"{len(dataset.positions)} positions, {len(before.pages)} pages")
    print(f"site_content before the edits: {before_s:.2f} s")
    print(f"{'edit':<12} {'site_content':>13} {'update_content':>15} {'ratio':>7}")
    summary = []
    for name, edit in EDITS.items():
        runs = [
            measure(dataset, before, edit, rng.choice(moved), args.processes)
            for _ in range(args.repeat)
        ]
        full_s = statistics.median(full for full, _ in runs)
        update_s = statistics.median(update for _, update in runs)
        ratio = update_s / full_s
        print(f"{name:<12} {full_s:>11.2f} s {update_s:>13.3f} s {ratio:>7.3f}")
        summary.append(f"{name}_s={update_s:.3f} {name}_ratio={ratio:.3f}")
    print(" ".join(summary))


if __name__ == "__main__":
    main()
