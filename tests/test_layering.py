"""Dependencies point one way (the contracts in pyproject.toml, checked by import-linter).

Bottom to top: model and reference, diagnostics, text, load, rules, career, then site, export,
audit and report, then the two adapters (CLI, MkDocs plugin). Only the plugin imports MkDocs,
and no rule module reaches the YAML loader.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    # In a process of its own: import-linter sets up logging with dictConfig, which disables
    # every logger that exists already (MkDocs' among them) for the rest of the process, and
    # a later test in the same worker would no longer see MkDocs' warnings.
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint), "--no-cache"],
        cwd=ROOT,  # import-linter reads the contracts from pyproject.toml here
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_rules_may_not_reach_the_yaml() -> None:
    """The rules work on the model, whose values carry their own locations; the contract that
    keeps them off the parsed documents must stay in place and except only the entry point,
    which reads the folder before running the rules."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    guard = [
        c
        for c in contracts
        if c["type"] == "forbidden" and "pola_karir.load.yaml_loader" in c["forbidden_modules"]
    ]
    assert len(guard) == 1
    assert guard[0]["source_modules"] == ["pola_karir.rules"]
    assert not guard[0].get("allow_indirect_imports", False)
    assert guard[0].get("ignore_imports") == ["pola_karir.rules.validate -> pola_karir.load.folder"]


def test_no_rule_module_names_a_document() -> None:
    """Belt and braces for what an import contract cannot see: a rule module handed a
    document some other way would still name its type or its ``data``."""
    for path in sorted((ROOT / "pola_karir" / "rules").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        assert not names & {"Document", "JsonPath"}, path.name
        assert not attributes & {"documents", "docs_of", "document", "key_marks", "value_marks"}, (
            path.name
        )
