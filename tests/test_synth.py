"""scripts/synth.py: the synthetic agency the benchmark measures is deterministic, valid, and
shaped like a real one (every unit type of a regional government, every position type, job
families of one and of both categories, every kind of move, formasi, several placements)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from pola_karir.model import Dataset
from pola_karir.rules.validate import validate_project

REPO = Path(__file__).resolve().parent.parent
SYNTH = REPO / "scripts" / "synth.py"

# Every unit type a kabupaten/kota or a province uses (schemas/unit.schema.json's description);
# the ministry-only types (direktorat-jenderal, balai, kantor-wilayah, ...) are left out.
REGIONAL_UNIT_TYPES = {
    "sekretariat-daerah",
    "sekretariat-dprd",
    "inspektorat",
    "dinas",
    "badan",
    "kecamatan",
    "kelurahan",
    "puskesmas",
    "uptd",
    "rsud",
    "satuan-pendidikan",
    "biro",
    "cabang-dinas",
    "rumah-sakit",
    "asisten",
    "bagian",
    "bidang",
    "sekretariat",
    "subbagian",
    "subbidang",
    "seksi",
    "kelompok-jabatan-fungsional",
}
POSITION_TYPES = {
    "jpt-madya",
    "jpt-pratama",
    "administrator",
    "pengawas",
    "pelaksana",
    "fungsional",
}


def synth(out: Path, positions: int, seed: int = 1) -> Path:
    result = subprocess.run(
        [sys.executable, str(SYNTH), "--positions", str(positions), "--seed", str(seed), str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    return out


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.yml")}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth(tmp_path_factory.mktemp("synth") / "data", 60)


@pytest.fixture(scope="module")
def medium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth(tmp_path_factory.mktemp("synth") / "data", 300)


def valid(folder: Path) -> Dataset:
    result = validate_project(folder)
    assert [f"{d.code} {d.location.file}:{d.location.line}" for d in result.diagnostics] == []
    assert result.dataset is not None
    return result.dataset


def test_same_size_and_seed_give_the_same_bytes(small: Path, tmp_path: Path) -> None:
    again = synth(tmp_path / "again", 60)
    other = synth(tmp_path / "other", 60, seed=2)
    assert files(again) == files(small)
    assert files(other) != files(small)


@pytest.mark.parametrize("size", ["small", "medium"])
def test_validates_with_no_finding_and_has_every_kind(
    size: str, request: pytest.FixtureRequest
) -> None:
    folder: Path = request.getfixturevalue(size)
    dataset = valid(folder)
    count = 60 if size == "small" else 300
    assert len(dataset.positions) == count
    assert len(list((folder / "jabatan").glob("*.yml"))) == count
    assert {u.kind for u in dataset.units.values()} == REGIONAL_UNIT_TYPES
    assert {p.type for p in dataset.positions.values()} == POSITION_TYPES
    assert {m.kind for path in dataset.paths.values() for m in path.moves} == {
        "vertikal",
        "horizontal",
        "diagonal",
    }
    grades = {p.grade for p in dataset.positions.values() if p.grade}
    assert grades & {"terampil", "mahir", "penyelia"}, "keterampilan positions"
    assert grades & {"ahli-pertama", "ahli-muda", "ahli-madya"}, "keahlian positions"
    both = [
        f for f in dataset.families.values() if set(f.categories) == {"keahlian", "keterampilan"}
    ]
    assert both, "a job family of both categories"


def test_proportions_are_those_of_a_regional_government(medium: Path) -> None:
    dataset = valid(medium)
    positions = list(dataset.positions.values())
    share = {kind: n / len(positions) for kind, n in Counter(p.type for p in positions).items()}
    jpt = share["jpt-madya"] + share["jpt-pratama"]
    assert 0.01 <= jpt <= 0.08
    assert 0.05 <= share["administrator"] <= 0.15
    assert 0.10 <= share["pengawas"] <= 0.25
    assert 0.25 <= share["pelaksana"] <= 0.45
    assert 0.25 <= share["fungsional"] <= 0.45
    # Placements across many units: no unit holds a large part of the positions, and some
    # positions are placed in several units (penempatan) with their own formasi.
    per_unit = Counter(pl.unit for p in positions for pl in p.placements)
    assert len(per_unit) >= 60
    assert max(per_unit.values()) <= 0.05 * len(positions)
    assert any(len(p.placements) > 1 for p in positions)
    vacancies = [pl for p in positions for pl in p.placements if pl.vacancies]
    assert 0.1 * len(positions) <= len(vacancies)


def test_every_position_is_on_a_path_and_every_family_is_used(medium: Path) -> None:
    dataset = valid(medium)
    on_path = {end for p in dataset.paths.values() for m in p.moves for end in (m.source, m.target)}
    assert on_path == set(dataset.positions)
    used = {p.family for p in dataset.positions.values() if p.family}
    assert used == set(dataset.families)
