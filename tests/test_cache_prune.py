"""The cache folder's pruning on its own: which entries go, in which order, and what stays."""

from __future__ import annotations

import os
from pathlib import Path

from pola_karir.site.cache_prune import KEEP, MIN_AGE_S, prune

NOW = 1_800_000_000.0


def _entry(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_text(name, encoding="utf-8")
    os.utime(path, (NOW - age, NOW - age))
    return path


def test_below_the_limit_nothing_goes(tmp_path: Path) -> None:
    used = {_entry(tmp_path, "live.svg", 9e6).name}
    for number in range(KEEP - 1):
        _entry(tmp_path, f"old{number}.svg", 9e6)
    assert prune(tmp_path, used, ".svg", now=NOW) == 0
    assert len(list(tmp_path.iterdir())) == KEEP


def test_the_oldest_unused_go_first_down_to_the_limit(tmp_path: Path) -> None:
    used = {_entry(tmp_path, f"live{n}.svg", 9e6).name for n in range(2)}  # older than all
    ages = [MIN_AGE_S + 10 * n for n in range(1, 9)]  # old0 is the youngest stale entry
    for number, age in enumerate(ages):
        _entry(tmp_path, f"old{number}.svg", age)
    _entry(tmp_path, "recent.svg", 60)  # a build beside this one just wrote it
    other = _entry(tmp_path, "notes.txt", 9e6)  # not an entry of this kind

    assert prune(tmp_path, used, ".svg", now=NOW) == 11 - KEEP * 2

    left = {p.name for p in tmp_path.iterdir()}
    assert used <= left and "recent.svg" in left and other.name in left
    assert {"old0.svg", "old1.svg", "old2.svg"} <= left  # the youngest stale ones stay
    assert not {"old3.svg", "old7.svg"} & left
    assert len([n for n in left if n.endswith(".svg")]) == KEEP * 2


def test_a_missing_folder_is_no_error(tmp_path: Path) -> None:
    assert prune(tmp_path / "absent", {"x.svg"}, ".svg", now=NOW) == 0
