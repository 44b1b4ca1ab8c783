"""Shared fixtures for the loader, validator and CLI tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# tests/factory.py is a plain helper module next to the tests, importable however pytest is run.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))

from factory import DataFolder


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    """The minimal valid data folder, to be changed by the test and then validated."""
    return DataFolder(tmp_path / "data")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the marks (--dist loadgroup)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each module whose tests share a module (or class) fixture is one xdist group, so that
    with ``--dist loadgroup`` (scripts/test.sh) all of its tests run on one worker and the
    fixture (a built site, a loaded browser page, a generated PDF) is made once per run, not
    once per worker that happens to get some of its tests. The other tests stay single units
    that either worker takes. Without xdist the mark changes nothing."""
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        if info is None:
            continue
        shared = any(
            definition.scope in ("module", "class")
            for definitions in info.name2fixturedefs.values()
            for definition in definitions
        )
        if shared:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The site tests' build server (tests/site/sitetools.py), if this process started one,
    ends with the session and is waited for."""
    sitetools = sys.modules.get("sitetools")
    if sitetools is not None:
        sitetools.stop_build_server()
