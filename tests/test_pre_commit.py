"""The pre-commit hook the repository exports, and the config that uses it on the repository:
both YAML files load, agree on entry and files, and the entry run through the CLI's main on the
example data passes (``--strict``: exit 0 means no error and no warning)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from pola_karir.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> Any:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def test_exported_hook() -> None:
    (hook,) = _load(".pre-commit-hooks.yaml")
    assert hook["id"] == "pola-karir-validate"
    assert hook["language"] == "python"
    assert hook["entry"] == "pola-karir validate --strict"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("data/jabatan/kepala-seksi-jalan.yml")
    assert files.search("data/jabatan/kepala-seksi-jalan.yaml")
    assert not files.search("docs/index.md")
    assert not files.search("mkdocs.yml")


def test_the_repository_uses_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (exported,) = _load(".pre-commit-hooks.yaml")
    (repo,) = _load(".pre-commit-config.yaml")["repos"]
    assert repo["repo"] == "local"
    (hook,) = repo["hooks"]
    for key in ("id", "entry", "files", "pass_filenames"):
        assert hook[key] == exported[key]
    program, *argv = shlex.split(hook["entry"])
    assert program == "pola-karir"
    monkeypatch.chdir(ROOT)  # pre-commit runs hooks from the repository root
    assert main(argv) == 0
    assert "0 galat, 0 peringatan" in capsys.readouterr().out
