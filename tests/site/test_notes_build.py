"""Notes never fail a build: `mkdocs build --strict` fails on warnings, and a note (a finding
resting on a table the regulation text has not confirmed) is logged at info level instead."""

from __future__ import annotations

from pathlib import Path

from factory import DataFolder
from sitetools import mkdocs_build, new_project

from pola_karir.diagnostics import Severity
from pola_karir.rules.validate import validate_project


def test_notes_do_not_fail_a_strict_build(tmp_path: Path) -> None:
    project = new_project(tmp_path / "project")
    data = DataFolder(project / "data")
    seksi = data.doc("jabatan/kepala-seksi-jalan.yml")
    seksi["persyaratan"]["kompetensi"]["manajerial"]["integritas"] = 3  # PK403
    data.write()
    found = validate_project(project / "data").diagnostics
    assert [(d.code, d.severity) for d in found] == [("PK403", Severity.NOTE)]

    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    assert "[PK403]" in build.output  # shown, at info level
