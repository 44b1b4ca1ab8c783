"""The public API: exactly what ``pola_karir.__all__`` names, each documented and importable.

A change here is a change for every program built on pola-karir; it must be deliberate.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pola_karir

PUBLIC = {
    "CareerPath",
    "Dataset",
    "Diagnostic",
    "JobFamily",
    "Location",
    "Move",
    "Origin",
    "Position",
    "Requirements",
    "Severity",
    "Unit",
    "ValidationResult",
    "__version__",
    "validate_project",
}


def test_all_names_the_public_api() -> None:
    assert set(pola_karir.__all__) == PUBLIC
    assert len(pola_karir.__all__) == len(PUBLIC), "a name is listed twice"


def test_every_public_name_is_importable_and_documented() -> None:
    for name in pola_karir.__all__:
        value = getattr(pola_karir, name)
        if name == "__version__":
            continue
        doc = inspect.getdoc(value) or ""
        # dataclasses get a generated "Name(field: type, ...)" docstring: that is not one
        assert doc and not doc.startswith(f"{name}("), f"pola_karir.{name} has no docstring"


def test_version_matches_the_package_metadata() -> None:
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8")
    assert f'version = "{pola_karir.__version__}"' in pyproject


def test_validate_project_is_usable_from_the_top(tmp_path: Path) -> None:
    (tmp_path / "instansi.yml").write_text("nama: x\n", encoding="utf-8")
    result = pola_karir.validate_project(tmp_path)
    assert isinstance(result, pola_karir.ValidationResult)
    assert not result.ok
    assert all(isinstance(d, pola_karir.Diagnostic) for d in result.diagnostics)
