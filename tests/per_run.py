"""Expensive fixtures made once per test run, not once per pytest-xdist worker.

A session (or module) fixture lives in one process: with ``-n 2`` each worker that runs a test
needing the example site would build it again, and a module whose tests are spread over both
workers makes its module fixture twice. ``once_per_run`` follows the pattern pytest-xdist
documents for this ("making session-scoped fixtures execute only once"): the workers of one run
share the parent of their temporary folders; the first to take a file lock there makes the
thing in a folder beside the lock and writes down what it made (JSON), the others wait for the
lock and read that. Without xdist there is a single process and nothing to share, and the
parent folder is shared by every run, so the thing is made in the test's own temporary folder.

What is shared must be read only: the tests of both workers read the same folder.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

RECORD = "made.json"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def once_per_run(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Any]) -> Any:
    """``make(folder)`` once per run for ``name``; what it returned (JSON values only) to every
    caller. A maker that raised leaves no record, so the next caller tries again (and fails
    in its own test, with its own message)."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return make(factory.mktemp(name))
    shared = factory.getbasetemp().parent / f"per-run-{name}"
    with _locked(shared.with_name(f"{shared.name}.lock")):
        record = shared / RECORD
        if record.is_file():
            return json.loads(record.read_text(encoding="utf-8"))
        if shared.exists():
            shutil.rmtree(shared)
        shared.mkdir()
        made = make(shared)
        record.write_text(json.dumps(made), encoding="utf-8")
        return made
