"""CLI edges (issue 10, item 9): clear messages and documented exit codes, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from factory import DataFolder, dump

from pola_karir.cli import EXIT_BROKEN_PIPE, main

ROOT = Path(__file__).resolve().parent.parent
PROFILE = {"jabatan": "teknik-jalan-ahli-pertama", "pendidikan": "S1", "golongan": "III/c"}


@pytest.mark.parametrize("moves", ["-1", "0", "11", "1000000000", "tiga"])
def test_langkah_outside_1_to_10_is_a_usage_error(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], moves: str
) -> None:
    """``--langkah -1`` was taken as "no limit"; 0 and huge values are refused the same way."""
    profile = tmp_path / "profil.yml"
    profile.write_text(dump(PROFILE), encoding="utf-8")
    argv = ["cocokkan", str(profile), "--data", str(folder.write()), f"--langkah={moves}"]
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"'{moves}' bukan jumlah langkah yang sah; tulis bilangan bulat 1 sampai 10" in err
    assert "Traceback" not in err


def test_a_closed_pipe_ends_quietly(folder: DataFolder, tmp_path: Path) -> None:
    """``cocokkan … | head``: the reader is gone before the first write (its end of the pipe is
    closed at once), so every write fails; the command ends with 141 and says nothing."""
    profile = tmp_path / "profil.yml"
    profile.write_text(dump(PROFILE), encoding="utf-8")
    data = str(folder.write())
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pola_karir.cli", "cocokkan", str(profile), "--data", data],
            stdout=writer,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
            timeout=120,
        )
    finally:
        os.close(writer)
    assert done.stderr.decode() == ""
    assert done.returncode == EXIT_BROKEN_PIPE == 141


@pytest.mark.parametrize("command", ["audit", "cocokkan"])
def test_a_folder_given_as_the_file_is_said_to_be_a_folder(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert main([command, str(tmp_path), "--data", str(folder.write())]) == 2
    err = capsys.readouterr().err
    assert f"pola-karir: '{tmp_path}' adalah folder, bukan berkas; sebutkan berkasnya" in err


def test_a_missing_file_is_not_found(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", str(tmp_path / "tidak-ada.csv"), "--data", str(folder.write())]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err


def test_exit_codes_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Kode keluar: 0 beres (peringatan boleh); 1 ada masalah pada masukan" in out
    assert "2 salah pakai" in out and "141 keluaran diputus" in out


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        (["1,Ani,{pos},S1,III/d"], 0),  # fine (requirements unmet would still be 0)
        (["1,Ani,{pos},S1,III/d", "2,Budi,{pos},SLTA,III/d"], 1),  # a row left out
        ([], 1),  # header only: nobody audited
    ],
)
def test_audit_exit_codes(
    folder: DataFolder,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lines: list[str],
    code: int,
) -> None:
    pos = "kepala-seksi-jalan"
    path = tmp_path / "pegawai.csv"
    rows = ["nip,nama,jabatan,pendidikan,golongan", *(line.format(pos=pos) for line in lines)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    data = str(folder.write())
    assert main(["audit", str(path), "--data", data, "--format", "csv"]) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code:
        assert "baris data" in err or "kepala tabel" in err
