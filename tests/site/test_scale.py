"""A dataset several times the example still builds, and a position page does not grow with it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from sitetools import REPO, mkdocs_build, new_project

from pola_karir.rules.validate import validate_project

COPIES = 3  # enough to show growth with N; kept small so CI stays well under 5 minutes
POSITION = "kepala-bidang-bina-marga"


def _suffix(identifier: str, copy: int) -> str:
    return identifier if copy == 1 else f"{identifier}-x{copy}"


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, document: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")


def scaled_data(target: Path, copies: int = COPIES) -> Path:
    """The example data with its positions, units and career paths copied ``copies`` times under
    suffixed ids (copy 1 keeps the original ids); job families, competencies, trainings and
    regulations stay shared. References to positions and units are rewritten to the copy."""
    source = REPO / "data"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("jabatan", "unit", "jalur"))
    for copy in range(1, copies + 1):
        mark = "" if copy == 1 else f" ({copy})"
        for path in sorted((source / "unit").glob("*.yml")):
            document = _load(path)
            document["nama"] += mark
            _dump(target / "unit" / f"{_suffix(path.stem, copy)}.yml", document)
        for path in sorted((source / "jabatan").glob("*.yml")):
            document = _load(path)
            for placed in [document, *document.get("penempatan", [])]:
                if "unit" in placed:
                    top, _, rest = placed["unit"].partition("/")
                    placed["unit"] = _suffix(top, copy) + (f"/{rest}" if rest else "")
            for item in (document.get("persyaratan") or {}).get("pengalaman") or []:
                if "jabatan" in item:
                    item["jabatan"] = [_suffix(p, copy) for p in item["jabatan"]]
            _dump(target / "jabatan" / f"{_suffix(path.stem, copy)}.yml", document)
        for path in sorted((source / "jalur").glob("*.yml")):
            document = _load(path)
            document["nama"] += mark
            for move in document["langkah"]:
                move["dari"] = _suffix(move["dari"], copy)
                move["ke"] = _suffix(move["ke"], copy)
            _dump(target / "jalur" / f"{_suffix(path.stem, copy)}.yml", document)
    return target


def test_position_pages_do_not_grow_with_the_dataset(
    tmp_path: Path, example_site: Path, capsys: Any
) -> None:
    project = new_project(tmp_path / "scaled")
    data = scaled_data(project / "data")
    example = validate_project(REPO / "data").dataset
    result = validate_project(data)
    assert result.dataset is not None and example is not None
    assert [d.code for d in result.diagnostics] == []
    assert len(result.dataset.positions) == COPIES * len(example.positions)
    assert len(result.dataset.paths) == COPIES * len(example.paths)

    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output

    growth = {}
    for position_id in example.positions:
        small = (example_site / "jabatan" / position_id / "index.html").stat().st_size
        large = (build.site / "jabatan" / position_id / "index.html").stat().st_size
        growth[position_id] = (small, large, large / small - 1)
    small, large, ratio = growth[POSITION]
    worst = max(growth, key=lambda p: growth[p][2])
    with capsys.disabled():
        print(
            f"\n[scale] jabatan/{POSITION}: {small} B -> {large} B ({ratio:+.1%}) with "
            f"{COPIES}x the data; largest growth: {worst} {growth[worst][2]:+.1%}"
        )
    assert ratio < 0.15
    too_big = {p: f"{g[2]:+.1%}" for p, g in growth.items() if g[2] >= 0.15}
    assert too_big == {}
