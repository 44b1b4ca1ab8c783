"""scripts/bench.py runs every stage at a tiny size and ends with its machine-readable line.

No figure is judged here (the suite holds no timed assertion): the test checks that each stage
ran, that the last line has every field as a number, and that the baseline really is plain MkDocs
building the same pages without the plugin.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import yaml

from pola_karir.rules.validate import validate_project

REPO = Path(__file__).resolve().parent.parent
FIELDS = (
    "overhead_ratio",
    "warm_ratio",
    "edit_preview_s",
    "validate_ratio",
    "build_s",
    "pages",
    "diagrams",
    "rss_mb",
)


def pages_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_bench_measures_every_stage_and_ends_with_the_summary_line(tmp_path: Path) -> None:
    work = tmp_path / "work"
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "bench.py"),
            "--positions",
            "60",
            "--keep",
            str(work),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(" ".join(f"{name}=[0-9.]+" for name in FIELDS), last), last
    values = {k: float(v) for k, v in (pair.split("=") for pair in last.split())}
    assert all(math.isfinite(v) and v > 0 for v in values.values()), values
    assert values["pages"] == int(values["pages"]) and values["diagrams"] == int(values["diagrams"])
    assert "renders no diagram" in result.stdout
    assert "site content, 2 processes" in result.stdout

    # One position file was edited while `mkdocs serve` ran (bench.py waited for the edit's token
    # on the served page) and put back afterwards: the kept project still validates, so it can
    # be measured again.
    data = work / "pola-karir" / "data"
    assert "mkdocs serve, edit to page served" in result.stdout
    texts = [p.read_text(encoding="utf-8") for p in data.rglob("*.yml")]
    assert not any("Penanda suntingan" in text for text in texts)
    assert validate_project(data).ok

    # The baseline: no pola-karir plugin, the same nav and theme, and the same pages built.
    plain = yaml.safe_load((work / "baseline" / "mkdocs.yml").read_text(encoding="utf-8"))
    ours = yaml.safe_load((work / "pola-karir" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert plain["plugins"] == ["search"]
    assert plain["theme"] == ours["theme"]
    assert plain["markdown_extensions"] == ours["markdown_extensions"]
    assert pages_of(work / "baseline-site") == pages_of(work / "site")
    assert len({p for p in pages_of(work / "site") if p != "404.html"}) == values["pages"]
