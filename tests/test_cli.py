"""The ``pola-karir validate`` command: exit codes, the three report formats, both languages."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest
from factory import DataFolder

from pola_karir import __version__
from pola_karir.cli import main

BIDANG = "jabatan/kepala-bidang-bina-marga.yml"
SEKSI = "jabatan/kepala-seksi-jalan.yml"


def low_education(folder: DataFolder) -> Path:
    """One error (PK401 at line 8 column 14 of the administrator's file) and nothing else."""
    folder.doc(BIDANG)["persyaratan"]["pendidikan"]["minimal"] = "D3"
    root = folder.write()
    text = (root / BIDANG).read_text(encoding="utf-8")
    assert text.splitlines()[7] == "    minimal: D3"
    return root


def stray_file(folder: DataFolder) -> Path:
    """One warning (PK012) and nothing else."""
    folder.put("catatan.yml", "bebas: ya\n")
    return folder.write()


def test_valid_folder_exits_0(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = folder.write()
    assert main(["validate", str(root)]) == 0
    out, err = capsys.readouterr()
    assert out == "11 berkas diperiksa: 0 galat, 0 peringatan; data sah.\n"
    assert err == ""


def test_warnings_alone_exit_0(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = stray_file(folder)
    assert main(["validate", str(root)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"{root}/catatan.yml:1:1: warning[PK012]: Berkas 'catatan.yml' tidak dikenali dan "
        "diabaikan.",
        "    saran: Letakkan berkas di folder yang benar: instansi.yml, kompetensi-teknis.yml, "
        "pelatihan.yml, rumpun-pendidikan.yml, atau <folder>/<kode>.yml dengan folder unit, "
        "jabatan, jabatan-fungsional, jalur, dasar-hukum.",
        "11 berkas diperiksa: 0 galat, 1 peringatan; data sah.",
    ]


def unusual_level(folder: DataFolder) -> Path:
    """One note (PK403: a level unlike the usual one, a table not yet confirmed)."""
    folder.doc(SEKSI)["persyaratan"]["kompetensi"]["manajerial"]["integritas"] = 3
    return folder.write()


def test_notes_are_printed_and_exit_0(
    folder: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    root = unusual_level(folder)
    assert main(["validate", str(root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{root}/{SEKSI}:")
    assert "note[PK403]: Level integritas = 3" in lines[0]
    assert lines[-2:] == [
        "1 catatan (berdasar tabel yang belum dipastikan; tidak memengaruhi hasil, juga dengan "
        "--strict).",
        "11 berkas diperiksa: 0 galat, 0 peringatan; data sah.",
    ]


def test_notes_in_json_and_github(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = unusual_level(folder)
    assert main(["validate", str(root), "--format", "json", "--lang", "en"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["ringkasan"] == {
        "berkas": 11,
        "galat": 0,
        "peringatan": 0,
        "catatan": 1,
        "sah": True,
    }
    assert [(d["severity"], d["code"]) for d in payload["diagnostik"]] == [("note", "PK403")]
    assert main(["validate", str(root), "--format", "github", "--lang", "en"]) == 0
    first, notes, summary = capsys.readouterr().out.splitlines()
    assert first.startswith(f"::notice file={root}/{SEKSI},")
    assert "title=PK403::integritas level 3" in first
    assert notes.startswith("1 note(s)")
    assert summary == "11 files checked: 0 error(s), 0 warning(s); data is valid."


def test_errors_exit_1_with_file_line_and_column(
    folder: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    root = low_education(folder)
    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"{root}/{BIDANG}:8:14: error[PK401]: Pendidikan minimal D3 terlalu rendah untuk jabatan "
        "Administrator: PP 11/2017 Pasal 54 menetapkan paling rendah S-1 atau D-IV.",
        "    saran: Naikkan 'persyaratan.pendidikan.minimal' menjadi S-1 atau D-IV atau lebih "
        "tinggi.",
        "11 berkas diperiksa: 1 galat, 0 peringatan; data TIDAK sah.",
    ]


def test_default_folder_is_data_in_the_working_directory(
    folder: DataFolder, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = low_education(folder)
    assert root.name == "data"
    monkeypatch.chdir(root.parent)
    assert main(["validate"]) == 1
    assert capsys.readouterr().out.startswith(f"data/{BIDANG}:8:14: error[PK401]: ")


def test_relative_folder_is_shown_as_given(
    folder: DataFolder, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = low_education(folder)
    monkeypatch.chdir(root.parent)
    assert main(["validate", "./data/", "--format", "json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["diagnostik"][0]["file"] == f"./data/{BIDANG}"


# --- usage errors: exit 2 -------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--tidak-ada"],
        ["validate", "--format", "xml"],
        ["validate", "--lang", "jv"],
        ["periksa"],
        [],
    ],
    ids=["unknown-option", "unknown-format", "unknown-language", "unknown-command", "no-command"],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("cara pakai: pola-karir")  # argparse's words, from the catalogue
    assert "pola-karir" in err.splitlines()[-1] and ": galat: " in err.splitlines()[-1]


def test_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "tidak-ada"
    assert main(["validate", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"pola-karir: folder data '{missing}' tidak ditemukan\n"


def test_missing_folder_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "tidak-ada"
    assert main(["validate", str(missing), "--lang", "en"]) == 2
    assert capsys.readouterr().err == f"pola-karir: data folder '{missing}' not found\n"


def test_a_file_is_not_a_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "instansi.yml"
    path.write_text("nama: x\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert "bukan folder" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"pola-karir {__version__}\n"


# --- formats ----------------------------------------------------------------------------------


def test_json_report(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    folder.put("catatan.yml", "bebas: ya\n")
    root = low_education(folder)
    assert main(["validate", str(root), "--format", "json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["ringkasan"] == {
        "berkas": 11,
        "galat": 1,
        "peringatan": 1,
        "catatan": 0,
        "sah": False,
    }
    assert payload["diagnostik"] == [
        {
            "file": f"{root}/catatan.yml",
            "line": 1,
            "column": 1,
            "severity": "warning",
            "code": "PK012",
            "message": "Berkas 'catatan.yml' tidak dikenali dan diabaikan.",
            "hint": "Letakkan berkas di folder yang benar: instansi.yml, kompetensi-teknis.yml, "
            "pelatihan.yml, rumpun-pendidikan.yml, atau <folder>/<kode>.yml dengan folder "
            "unit, jabatan, jabatan-fungsional, jalur, dasar-hukum.",
        },
        {
            "file": f"{root}/{BIDANG}",
            "line": 8,
            "column": 14,
            "severity": "error",
            "code": "PK401",
            "message": "Pendidikan minimal D3 terlalu rendah untuk jabatan Administrator: "
            "PP 11/2017 Pasal 54 menetapkan paling rendah S-1 atau D-IV.",
            "hint": "Naikkan 'persyaratan.pendidikan.minimal' menjadi S-1 atau D-IV atau lebih "
            "tinggi.",
        },
    ]


def test_json_report_of_a_valid_folder(
    folder: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(folder.write()), "--format", "json", "--lang", "en"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload == {
        "ringkasan": {"berkas": 11, "galat": 0, "peringatan": 0, "catatan": 0, "sah": True},
        "diagnostik": [],
    }


def test_json_keeps_non_ascii_text(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    folder.put("jabatan/kepala-seksi-jalan.yml", "nama: Kepala Seksi\njenis: pengawas—baru\n")
    main(["validate", str(folder.write()), "--format", "json"])
    out = capsys.readouterr().out
    assert "pengawas—baru" in out
    messages = [d["message"] for d in json.loads(out)["diagnostik"]]
    assert (
        "Nilai 'pengawas—baru' tidak sah untuk 'jenis'. Mungkin maksudnya 'pengawas'?" in messages
    )


def test_github_annotations(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = stray_file(folder)
    assert main(["validate", str(root), "--format", "github"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"::warning file={root}/catatan.yml,line=1,col=1,title=PK012::Berkas 'catatan.yml' tidak "
        "dikenali dan diabaikan.%0ALetakkan berkas di folder yang benar: instansi.yml, "
        "kompetensi-teknis.yml, pelatihan.yml, rumpun-pendidikan.yml, atau <folder>/<kode>.yml "
        "dengan folder unit, jabatan, jabatan-fungsional, jalur, dasar-hukum.",
        "11 berkas diperiksa: 0 galat, 1 peringatan; data sah.",
    ]


def test_github_annotations_escape_properties_and_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = DataFolder(tmp_path / "a,b:c%d")
    folder.put(
        "jabatan/kepala-seksi-jalan.yml",
        "nama: Kepala Seksi Jalan\n"
        'jenis: "50%, ya:\\nbaru"\n'
        "unit: dinas-pupr/bidang-bina-marga/seksi-jalan\n"
        "kelas_jabatan: 9\n"
        "ikhtisar: Mengawasi.\n",
    )
    root = folder.write()
    assert main(["validate", str(root), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"::error file={tmp_path}/a%2Cb%3Ac%25d/jabatan/kepala-seksi-jalan.yml,line=2,col=8,"
        "title=PK104::Nilai '50%25, ya:\\nbaru' tidak sah untuk 'jenis'.%0APilihan yang sah: "
        "jpt-utama, jpt-madya, jpt-pratama, administrator, pengawas, pelaksana, fungsional.",
        "11 berkas diperiksa: 1 galat, 0 peringatan; data TIDAK sah.",
    ]


def test_github_error_lines(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = low_education(folder)
    assert main(["validate", str(root), "--format", "github", "--lang", "en"]) == 1
    first, summary = capsys.readouterr().out.splitlines()
    assert first.startswith(f"::error file={root}/{BIDANG},line=8,col=14,title=PK401::Minimum ")
    assert summary == "11 files checked: 1 error(s), 0 warning(s); data is NOT valid."


def test_english_text_report(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = stray_file(folder)
    assert main(["validate", str(root), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{root}/catatan.yml:1:1: warning[PK012]: File 'catatan.yml' is not recognised and is "
        "ignored.",
        "    hint: Put the file in the right folder: instansi.yml, kompetensi-teknis.yml, "
        "pelatihan.yml, rumpun-pendidikan.yml, or <folder>/<id>.yml in one of the folders "
        "unit, jabatan, jabatan-fungsional, jalur, dasar-hukum.",
        "11 files checked: 0 error(s), 1 warning(s); data is valid.",
    ]


def test_every_problem_is_printed(folder: DataFolder, capsys: pytest.CaptureFixture[str]) -> None:
    folder.put("instansi.yml", "nama: [\n")
    folder.put("unit/dinas-pupr.yml", b"nama: \xff\n")
    folder.put("jabatan/Salah.yml", "nama: x\n")
    root = folder.write()
    assert main(["validate", str(root), "--format", "json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert [(d["code"], d["file"].removeprefix(f"{root}/")) for d in payload["diagnostik"]] == [
        ("PK003", "instansi.yml"),
        ("PK010", "jabatan/Salah.yml"),
        ("PK002", "unit/dinas-pupr.yml"),
    ]
    assert payload["ringkasan"]["galat"] == 3


# --- the installed console script --------------------------------------------------------------


def test_installed_console_script(folder: DataFolder) -> None:
    script = Path(sys.executable).parent / "pola-karir"
    assert script.is_file()
    root = low_education(folder)
    done = subprocess.run(
        [str(script), "validate", "data", "--format", "json", "--lang", "en"],
        cwd=root.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    payload = json.loads(done.stdout)
    assert [(d["code"], d["file"], d["line"], d["column"]) for d in payload["diagnostik"]] == [
        ("PK401", f"data/{BIDANG}", 8, 14)
    ]
    assert payload["diagnostik"][0]["message"].startswith("Minimum education D3 is too low")

    usage = subprocess.run(
        [str(script), "validate", "--no-such-option"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert usage.returncode == 2
    assert "argumen tidak dikenal: --no-such-option" in usage.stderr


def test_validation_leaves_the_garbage_collector_as_it_found_it(folder: DataFolder) -> None:
    assert gc.isenabled()
    folder.validate()
    assert gc.isenabled()
    gc.disable()
    try:
        folder.validate()
        assert not gc.isenabled()
    finally:
        gc.enable()
