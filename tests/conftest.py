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


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The site tests' build server (tests/site/sitetools.py), if this process started one,
    ends with the session and is waited for."""
    sitetools = sys.modules.get("sitetools")
    if sitetools is not None:
        sitetools.stop_build_server()
