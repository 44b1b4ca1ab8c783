"""``pola-karir impor``: a peta jabatan workbook generated here with openpyxl (a title row, header
variants, good rows, bad rows, blank rows) becomes YAML skeletons that validate with the
example instansi; every row is accounted for and bad ones are named by their row number."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook  # type: ignore[import-untyped]

from pola_karir.cli import main
from pola_karir.rules.validate import validate_project

DATA = Path(__file__).resolve().parent.parent / "data"

ROWS: list[list[object]] = [
    ["PETA JABATAN DINAS CONTOH"],  # row 1: a title, not the header
    [" Perangkat  Daerah", "JABATAN", "Jenis", "Kelas", "ABK", "Yang Ada"],  # row 2
    ["Dinas Contoh", "Kepala Dinas", "JPT Pratama", 14, 1, 1],  # 3
    ["Sekretariat", "Sekretaris", "Administrator", 11, 1, 0],  # 4
    ["Sekretariat", "Pengadministrasi Perkantoran", "Pelaksana", 5, 3, 2],  # 5
    ["Bidang Jalan", "Pengadministrasi Perkantoran", "pelaksana", "6", None, None],  # 6
    [None, None, None, None, None, None],  # 7: empty
    ["Bidang Jalan", "Kepala Seksi", "Eselon IV", 9, 1, 1],  # 8: unknown jenis
    ["Bidang Jalan", "Pengawas Lapangan", "Pengawas", "sembilan", 1, 1],  # 9: kelas not a number
    ["Bidang Jalan", None, "Pelaksana", 6, 1, 1],  # 10: no name
    ["Bidang Jalan", "Operator <script>", "Pelaksana", 6, "dua", 1],  # 11: kebutuhan not a number
    ["Sekretariat", "Sekretaris", "Administrator", 11, 1, 0],  # 12: repeats row 4
    [" ", None, "  "],  # 13: only spaces: empty
    ["Bidang Jalan", "Teknik Jalan Ahli Muda", "Fungsional", 10, 2, 1],  # 14: written by hand
]


def _workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    for row in ROWS:
        sheet.append(row)
    book.save(path)
    return path


def test_import_writes_valid_skeletons_and_names_bad_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx = _workbook(tmp_path / "peta.xlsx")
    out = tmp_path / "data"
    out.mkdir()
    for name in ("instansi.yml", "kompetensi-teknis.yml", "pelatihan.yml"):
        shutil.copy(DATA / name, out / name)
    shutil.copytree(DATA / "dasar-hukum", out / "dasar-hukum")

    assert main(["impor", str(xlsx), "--keluaran", str(out)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7
    skipped = [line.split(": ")[1] for line in lines[:-1]]
    assert skipped == ["baris 8", "baris 9", "baris 10", "baris 11", "baris 12", "baris 14"]
    assert "jabatan_fungsional dan jenjang" in lines[5]
    assert "'Eselon IV'" in lines[0] and "'sembilan'" in lines[1]
    assert "Nama Jabatan" in lines[2] and "'dua'" in lines[3]
    assert lines[-1].startswith("12 baris = 4 jabatan ditulis + 6 dilewati + 2 kosong; 3 unit")

    written = sorted(p.relative_to(out).as_posix() for p in (out / "jabatan").iterdir())
    assert written == [
        "jabatan/kepala-dinas.yml",
        "jabatan/pengadministrasi-perkantoran-bidang-jalan.yml",
        "jabatan/pengadministrasi-perkantoran-sekretariat.yml",
        "jabatan/sekretaris.yml",
    ]
    doc = yaml.safe_load((out / "jabatan/pengadministrasi-perkantoran-sekretariat.yml").read_text())
    assert doc["jenis"] == "pelaksana" and doc["unit"] == "sekretariat"
    assert (doc["kebutuhan"], doc["bezetting"], doc["kelas_jabatan"]) == (3, 2, 5)
    assert yaml.safe_load((out / "unit/bidang-jalan.yml").read_text()) == {"nama": "Bidang Jalan"}

    # No error; the warnings are what HR fills in next: PK207 (no persyaratan yet), PK306 (no
    # career path yet), PK213 (the example instansi's target jenis has no path to it).
    result = validate_project(out, "data")
    assert {d.code for d in result.diagnostics} <= {"PK207", "PK306", "PK213"}


def test_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = _workbook(tmp_path / "peta.xlsx")
    out = tmp_path / "data"
    (out / "jabatan").mkdir(parents=True)
    (out / "jabatan/sekretaris.yml").write_text("nama: Milik HR\n", encoding="utf-8")
    assert main(["impor", str(xlsx), "--keluaran", str(out)]) == 2
    captured = capsys.readouterr()
    assert "sekretaris.yml" in captured.err and captured.out == ""
    assert (out / "jabatan/sekretaris.yml").read_text() == "nama: Milik HR\n"
    assert sorted(p.name for p in out.rglob("*")) == ["jabatan", "sekretaris.yml"]


def test_not_a_workbook_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "peta.xlsx"
    fake.write_text("unit,jabatan\n", encoding="utf-8")
    assert main(["impor", str(fake), "--keluaran", str(tmp_path / "o"), "--lang", "en"]) == 2
    assert "cannot be read as an .xlsx file" in capsys.readouterr().err
    old = tmp_path / "peta.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert main(["impor", str(old), "--keluaran", str(tmp_path / "o")]) == 2
    assert "tidak dapat dibaca sebagai berkas .xlsx" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_into_an_empty_folder_it_writes_and_says_instansi_yml_is_still_needed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """HR imports the peta jabatan into a new folder: the skeletons are written, and one
    message (stderr, under the program's name) says why the folder does not validate yet (no
    instansi.yml: PK015) and how to add it. Once it is there, the data validates with no
    error, as the README says; with it there from the start, nothing more is said."""
    xlsx = _workbook(tmp_path / "peta.xlsx")
    out = tmp_path / "baru"
    assert main(["impor", str(xlsx), "--keluaran", str(out)]) == 1  # rows 8–14 skipped
    captured = capsys.readouterr()
    assert (out / "jabatan" / "sekretaris.yml").is_file()
    [note] = captured.err.splitlines()
    assert note.startswith(f"pola-karir impor: folder {out} belum memuat instansi.yml")
    assert "PK015" in note and f"{out / 'instansi.yml'}" in note and "pola-karir init" in note
    codes = {d.code for d in validate_project(out, "data").diagnostics if d.severity == "error"}
    assert codes == {"PK015"}  # what the message said, and nothing else

    for name in ("instansi.yml", "kompetensi-teknis.yml", "pelatihan.yml"):
        shutil.copy(DATA / name, out / name)
    shutil.copytree(DATA / "dasar-hukum", out / "dasar-hukum")
    errors = [d for d in validate_project(out, "data").diagnostics if d.severity == "error"]
    assert errors == []
    again = tmp_path / "lagi"
    again.mkdir()
    shutil.copy(DATA / "instansi.yml", again / "instansi.yml")
    main(["impor", str(xlsx), "--keluaran", str(again), "--lang", "en"])
    assert capsys.readouterr().err == ""
