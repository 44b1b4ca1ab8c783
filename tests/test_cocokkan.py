"""`pola-karir cocokkan`: one employee's profile against the positions, in the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import DataFolder, dump

from pola_karir.cli import main

PROFILE = {
    "jabatan": "teknik-jalan-ahli-pertama",
    "pendidikan": "S1",
    "golongan": "III/c",
    "masa_jabatan": 3,
    "pelatihan": ["pkp"],
}


def _write(tmp_path: Path, profile: object, name: str = "profil.yml") -> str:
    path = tmp_path / name
    path.write_text(profile if isinstance(profile, str) else dump(profile), encoding="utf-8")
    return str(path)


def test_lists_reachable_positions_and_gaps(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(folder.write())
    code = main(["cocokkan", _write(tmp_path, PROFILE), "--data", data])
    out = capsys.readouterr().out
    assert code == 0
    assert "Dari Teknik Jalan dan Jembatan Ahli Pertama: 2 jabatan dapat dicapai" in out
    # not "sekarang": the credit points of the next jenjang take 8 years (tests/test_timeline.py)
    assert "1 langkah, paling cepat ± 5 tahun lagi (" in out
    assert "): Teknik Jalan dan Jembatan Ahli Muda" in out
    assert "✗ Golongan: III/c; dibutuhkan III/d" in out
    assert "✗ Pelatihan Kepemimpinan Administrator (PKA): belum" in out


def test_one_target_in_json(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(folder.write())
    code = main(
        [
            "cocokkan",
            _write(tmp_path, PROFILE),
            "--data",
            data,
            "--ke",
            "kepala-bidang-bina-marga",
            "--format",
            "json",
        ]
    )
    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    assert payload["jabatan"] == "kepala-bidang-bina-marga"
    assert payload["memenuhi"] is False
    statuses = {(f["aspek"], f["status"]) for f in payload["temuan"]}
    assert ("pendidikan", "terpenuhi") in statuses
    assert ("golongan", "belum") in statuses
    assert ("kompetensi", "tidak-diketahui") in statuses


def test_bad_profile_is_reported_with_its_position(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(folder.write())
    text = "jabatan: kepala-seksi-jalann\npendidikan: S5\npelatihan: [pkp, pelatihan-x]\n"
    path = _write(tmp_path, text)
    code = main(["cocokkan", path, "--data", data])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{path}:2:13: error[PK104]: Nilai 'S5' tidak sah untuk 'pendidikan'." in out


def test_unknown_ids_in_profile(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(folder.write())
    path = _write(tmp_path, "jabatan: kepala-seksi-jalann\npelatihan: [pkp, pelatihan-x]\n")
    code = main(["cocokkan", path, "--data", data])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{path}:1:10: error[PK201]: Jabatan 'kepala-seksi-jalann' tidak ditemukan." in out
    assert f"{path}:2:18: error[PK201]: Pelatihan 'pelatihan-x' tidak ditemukan." in out


@pytest.mark.parametrize(
    "argv",
    [["cocokkan", "tidak-ada.yml"], ["cocokkan"], ["cocokkan", "p.yml", "--langkah", "x"]],
)
def test_usage_errors_exit_2(
    folder: DataFolder, tmp_path: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder.root = tmp_path / "data"
    folder.write()
    with pytest.raises(SystemExit) as raised:
        code = main(argv)
        raise SystemExit(code)
    assert raised.value.code == 2


def test_counts_and_states_in_json(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(folder.write())
    code = main(["cocokkan", _write(tmp_path, PROFILE), "--data", data, "--format", "json"])
    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    counts = payload["ringkasan"]
    results = payload["hasil"]
    assert counts["dapat_dicapai"] == len(results) == 2
    for state in ("memenuhi", "belum-memenuhi", "belum-dinilai"):
        assert counts[state.replace("-", "_")] == [r["status"] for r in results].count(state)
    # The profile tells no ratings or competencies: nothing is "memenuhi".
    assert counts["memenuhi"] == 0
    assert all(r["langkah_rute"][-1]["jabatan"] == r["jabatan"] for r in results)


def test_a_position_alone_is_not_assessed_in_text(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(folder.write())
    path = _write(tmp_path, {"jabatan": PROFILE["jabatan"]})
    assert main(["cocokkan", path, "--data", data]) == 0
    out = capsys.readouterr().out
    assert (
        "0 memenuhi semua syarat, 0 punya syarat yang belum terpenuhi, 2 belum dapat dinilai "
        "karena profil belum lengkap." in out
    )
    assert "— memenuhi semua syarat" not in out
    assert "syarat belum dinilai: isi pendidikan, golongan" in out


def test_values_the_engine_cannot_use_are_errors_with_their_position(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Capitals, a golongan outside I/a-IV/e, negative years, a level above 5 and a rating
    nobody gives: each reported where it was written, and no answer built on a changed
    profile."""
    data = str(folder.write())
    text = (
        f"jabatan: {PROFILE['jabatan']}\ngolongan: V/a\nmasa_jabatan: -2\n"
        'pelatihan: ["PKA"]\nkompetensi:\n  integritas: 6\nkinerja: [hebat]\n'
    )
    path = _write(tmp_path, text)
    assert main(["cocokkan", path, "--data", data]) == 1
    out = capsys.readouterr().out
    for line in (
        f"{path}:2:11: error[PK104]: Nilai 'V/a' tidak sah untuk 'golongan'.",
        f"{path}:3:15: error[PK106]:",
        f"{path}:4:13: error[PK105]: Nilai 'PKA' untuk 'pelatihan[1]' tidak sesuai format.",
        f"{path}:6:15: error[PK106]:",
        f"{path}:7:11: error[PK104]: Nilai 'hebat' tidak sah untuk 'kinerja[1]'.",
    ):
        assert line in out
    assert "dapat dicapai" not in out


def test_unknown_experience_key_is_an_error(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Years under a key the engine does not know would silently count for nothing."""
    data = str(folder.write())
    path = _write(tmp_path, f"jabatan: {PROFILE['jabatan']}\npengalaman:\n  pelaksanaa: 2\n")
    assert main(["cocokkan", path, "--data", data]) == 1
    out = capsys.readouterr().out
    assert f"{path}:3:3: error[PK201]: Kunci pengalaman" in out
    assert "'pelaksanaa' tidak ditemukan. Mungkin maksudnya 'pelaksana'?" in out


def test_json_findings_are_codes_and_values_not_words(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON is the engines' contract: what the profile has and what the position asks, as
    codes and numbers a reader phrases in its own language; text output keeps the words."""
    data = str(folder.write())
    argv = ["cocokkan", _write(tmp_path, PROFILE), "--data", data, "--ke"]
    assert main([*argv, "kepala-bidang-bina-marga", "--format", "json"]) == 0
    findings = {(f["aspek"], f["kunci"]): f for f in json.loads(capsys.readouterr().out)["temuan"]}
    assert findings["pendidikan", None] == {
        "aspek": "pendidikan",
        "kunci": None,
        "status": "terpenuhi",
        "punya": "S1",
        "perlu": "S1",
    }
    rank = findings["golongan", None]
    assert (rank["punya"], rank["perlu"]) == ("III/c", {"minimal": "III/d", "maksimal": None})
    assert (findings["pelatihan", "pka"]["punya"], findings["pelatihan", "pka"]["perlu"]) == (
        False,
        True,
    )
    assert findings["kompetensi", "integritas"]["punya"] is None
    assert findings["kompetensi", "integritas"]["perlu"] == 3
    words = json.dumps(list(findings.values()))
    assert "tidak diketahui" not in words and "belum terpenuhi" not in words
