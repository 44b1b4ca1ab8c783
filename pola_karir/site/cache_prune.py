"""Keeping a cache folder from growing without end.

Every build reads or writes one cache entry per diagram and per generated page, named by a hash
of its inputs; an edit leaves the entries of the old inputs behind. In ``mkdocs serve`` or a CI
cache kept between runs they would pile up for ever. So after a build that succeeded, a folder
holding more than :data:`KEEP` times the entries that build used loses the entries it did not
use, oldest first, down to that size. Keeping a few times the live set leaves room for the
entries of another configuration sharing the folder (``mkdocs serve`` renders pages with its own
``site_url``; an English build beside the Indonesian one), and an entry written or read back in
the last :data:`MIN_AGE_S` seconds is never deleted, so a build running beside this one keeps
what it just wrote.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from pathlib import Path
from typing import Final

KEEP: Final = 3
MIN_AGE_S: Final = 3600.0


def prune(folder: Path, used: Collection[str], suffix: str, now: float | None = None) -> int:
    """Delete unused entries (files ``*suffix`` not named in ``used``) of ``folder``, oldest
    first, until it holds at most ``KEEP × len(used)`` of them; how many were deleted. A file
    that cannot be looked at or deleted is left: a cache costs speed, never the build."""
    limit = KEEP * max(1, len(used))
    try:
        entries = [p for p in folder.iterdir() if p.name.endswith(suffix)]
    except OSError:
        return 0
    excess = len(entries) - limit
    if excess <= 0:
        return 0
    cutoff = (time.time() if now is None else now) - MIN_AGE_S
    stale: list[tuple[float, Path]] = []
    for path in entries:
        if path.name in used:
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        touched = max(stat.st_mtime, stat.st_atime)
        if touched < cutoff:
            stale.append((touched, path))
    deleted = 0
    for _, path in sorted(stale)[:excess]:
        try:
            path.unlink()
        except OSError:
            continue
        deleted += 1
    return deleted
