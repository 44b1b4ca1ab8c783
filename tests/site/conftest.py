"""Fixtures for the site tests: the example project built once per session with the real
``mkdocs build --strict`` (and so the real ``dot``), and the example dataset."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
for folder in (HERE, HERE.parent):  # sitetools.py here, factory.py one level up
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from sitetools import REPO, Build, ParsedPage, build_env, copy_example, mkdocs_build, parse_site  # noqa: E402

from pola_karir.model import Dataset  # noqa: E402
from pola_karir.validate import validate_project  # noqa: E402


@pytest.fixture(scope="session")
def example_dataset() -> Dataset:
    result = validate_project(REPO / "data")
    assert result.dataset is not None, [d.code for d in result.diagnostics]
    return result.dataset


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The example project copied to a private folder and built once, strictly. A fixed hash
    seed, so the reproducibility test can build again with another one."""
    project = copy_example(tmp_path_factory.mktemp("example"))
    build = mkdocs_build(project, project / "site", env=build_env(PYTHONHASHSEED="1"))
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    return build


@pytest.fixture(scope="session")
def example_site(example_build: Build) -> Path:
    return example_build.site


@pytest.fixture(scope="session")
def example_pages(example_site: Path) -> dict[Path, ParsedPage]:
    """Every HTML page of the example site, parsed once."""
    return parse_site(example_site)
