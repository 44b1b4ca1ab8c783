"""Dependencies point one way (the contracts in pyproject.toml, checked by import-linter).

Bottom to top: model and reference, diagnostics, text, load, rules, career, then site, export,
audit and report, then the two adapters (CLI, MkDocs plugin). Only the plugin imports MkDocs.
"""

from __future__ import annotations

import os
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept(tmp_path: Path) -> None:
    here = Path.cwd()
    os.chdir(ROOT)  # import-linter reads the contracts from pyproject.toml here
    try:
        exit_code = lint_imports(config_filename="pyproject.toml", no_cache=True, no_logo=True)
    finally:
        os.chdir(here)
    assert exit_code == 0, "an import points up a layer: run `.venv/bin/lint-imports` for the chain"
