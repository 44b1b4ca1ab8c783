"""``--lang en`` covers every command: its help, its reports and its error messages.

Every command runs in English on valid and invalid input, and no Indonesian wording of ours may
show: the check is built from the catalogues themselves. Each Indonesian message is cut at its
placeholders; a piece longer than 12 characters that no English message also holds (a name both
languages share, such as a regulation term) must not appear in the output. Data (position names,
ids, file names) is not wording and stays as written. The same runs in Indonesian must show the
Indonesian wording, so the check cannot pass by printing nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import re
from functools import cache
from pathlib import Path

import pytest
from factory import DataFolder, dump
from openpyxl import Workbook  # type: ignore[import-untyped]

from pola_karir.cli import main
from pola_karir.text.catalogue import messages

MIN_PIECE = 12
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
COMMANDS = ("validate", "cocokkan", "audit", "talenta", "impor")


@cache
def pieces(lang: str) -> frozenset[str]:
    """The literal pieces of ``lang``'s messages that the other language never uses."""
    other = "en" if lang == "id" else "id"
    theirs = "\n".join(messages(other).values())
    found: set[str] = set()
    for template in messages(lang).values():
        for piece in _PLACEHOLDER.split(template.replace("{{", "{").replace("}}", "}")):
            piece = piece.strip(" .,:;()'\"\n")
            if len(piece) > MIN_PIECE and piece not in theirs:
                found.add(piece)
    return frozenset(found)


def leaks(output: str, lang: str = "id") -> list[str]:
    """Wording of ``lang`` in ``output``."""
    return sorted(piece for piece in pieces(lang) if piece in output)


PROFILE = {
    "jabatan": "teknik-jalan-ahli-pertama",
    "pendidikan": "S1",
    "golongan": "III/c",
    "masa_jabatan": 3,
    "pelatihan": ["pkp"],
}
BAD_PROFILE = {"jabatan": "tidak-ada", "pendidikan": "S9", "golongan": "III/c"}
STAFF_HEADER = "nip,nama,jabatan,pendidikan,golongan,tmt_jabatan,kinerja,potensial\n"
STAFF_ROWS = (
    "198001012000011001,Nama A,kepala-seksi-jalan,D3,III/b,2022-01-03,sangat-baik,tinggi\n"
    "198001012000011002,Nama B,teknik-jalan-ahli-pertama,S1,III/a,2023-01-01,baik,sedang\n"
    "198001012000011003,Nama C,jabatan-lain,S9,X/z,3000-01-01,sembilan,rendah\n"
    "198001012000011002,Nama D,kepala-seksi-jalan,D3,III/b,2022-01-03,baik,tinggi\n"
    "198001012000011004,Nama E\n"
)
TALENT = (
    "nip,nama,jabatan,pendidikan,golongan,tmt_jabatan,kinerja,potensial\n"
    "198001012000011001,Nama A,kepala-seksi-jalan,D3,III/b,2022-01-03,di atas ekspektasi,tinggi\n"
    "198001012000011002,Nama B,kepala-seksi-jalan,S1,III/c,2020-01-01,sesuai ekspektasi,tinggi\n"
    "198001012000011003,Nama C,teknik-jalan-ahli-pertama,S1,III/a,2023-01-01,baik,rendah\n"
)
SHEET = [
    ["Perangkat Daerah", "Jabatan", "Jenis", "Kelas", "ABK", "Yang Ada"],
    ["Dinas Contoh", "Kepala Dinas", "JPT Pratama", 14, 1, 1],
    ["Bidang Jalan", "Kepala Seksi", "Eselon IV", 9, 1, 1],
    ["Bidang Jalan", "Pengawas", "Pengawas", "sembilan", 1, 1],
    ["Bidang Jalan", None, "Pelaksana", 6, "dua", 1],
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Valid and invalid inputs of every command, written once."""
    root = tmp_path_factory.mktemp("english")
    valid = DataFolder(root / "data")
    valid.doc("jabatan/kepala-bidang-bina-marga.yml")["jabatan_target"] = True  # for talenta
    data = valid.write()
    broken = DataFolder(root / "broken")
    broken.put("catatan.yml", "bebas: 1\n")
    broken.doc("jabatan/kepala-seksi-jalan.yml")["kelas_jabatan"] = "sembilan"
    broken.put("unit/dinas-pupr.yml", "nama: [\n")
    paths = {"data": str(data), "broken": str(broken.write())}
    for name, content in {
        "profil.yml": dump(PROFILE),
        "profil-salah.yml": dump(BAD_PROFILE),
        "pegawai.csv": STAFF_HEADER + STAFF_ROWS,
        "talenta.csv": TALENT,
        "kepala.csv": "nama,jabatan\nA,b\n",
    }.items():
        (root / name).write_text(content, encoding="utf-8")
        paths[name] = str(root / name)
    book = Workbook()
    for row in SHEET:
        book.active.append(row)
    book.save(root / "peta.xlsx")
    paths["peta.xlsx"] = str(root / "peta.xlsx")
    (root / "bukan.xlsx").write_text("bukan buku kerja", encoding="utf-8")
    paths["bukan.xlsx"] = str(root / "bukan.xlsx")
    paths["out"] = str(root / "keluaran")
    paths["html"] = str(root / "talenta.html")
    paths["missing"] = str(root / "tidak-ada")
    return paths


def runs(p: dict[str, str]) -> list[list[str]]:
    """Every command on valid and invalid input, in each of its formats."""
    data, broken, missing = p["data"], p["broken"], p["missing"]
    profile, bad_profile = p["profil.yml"], p["profil-salah.yml"]
    staff = p["pegawai.csv"]
    return [
        *(
            ["validate", root, "--format", fmt]
            for root in (data, broken)
            for fmt in ("text", "json", "github")
        ),
        ["validate", broken, "--strict"],
        ["validate", missing],
        ["validate", staff],
        *(["cocokkan", profile, "--data", data, "--format", fmt] for fmt in ("text", "json")),
        ["cocokkan", profile, "--data", data, "--ke", "kepala-seksi-jalan"],
        ["cocokkan", profile, "--data", data, "--ke", "kepala-bidang-bina-marga"],
        ["cocokkan", profile, "--data", data, "--ke", "tidak-ada"],
        ["cocokkan", bad_profile, "--data", data],
        ["cocokkan", missing, "--data", data],
        ["cocokkan", profile, "--data", broken],
        ["cocokkan", profile, "--data", data, "--langkah", "0"],
        *(["audit", staff, "--data", data, "--format", fmt] for fmt in ("text", "json", "csv")),
        ["audit", p["kepala.csv"], "--data", data],
        ["audit", missing, "--data", data],
        ["audit", data, "--data", data],
        ["audit", staff, "--data", broken],
        *(
            ["talenta", csv, "--data", data, "--format", fmt]
            for csv in (staff, p["talenta.csv"])
            for fmt in ("text", "json", "csv")
        ),
        ["talenta", staff, "--data", data, "--format", "html"],
        ["talenta", p["talenta.csv"], "--data", data, "--format", "html", "--keluaran", p["html"]],
        ["talenta", p["kepala.csv"], "--data", data],
        ["talenta", missing, "--data", data],
        ["impor", p["peta.xlsx"], "--keluaran", p["out"]],
        ["impor", p["peta.xlsx"], "--keluaran", p["out"]],  # again: would overwrite
        ["impor", p["bukan.xlsx"], "--keluaran", p["out"]],
        ["impor", missing, "--keluaran", p["out"]],
        ["impor", p["peta.xlsx"]],  # a required option missing
        ["validate", data, "--format", "xml"],  # a bad choice
        ["tidak-ada"],  # no such command
        [],
        ["--help"],
        *([command, "--help"] for command in COMMANDS),
    ]


def run(words: list[str], lang: str, capsys: pytest.CaptureFixture[str]) -> str:
    with contextlib.suppress(SystemExit):  # argparse's --help and usage errors
        main([*words, "--lang", lang])
    out, err = capsys.readouterr()
    if "--keluaran" in words and words[0] == "talenta":  # the report went to a file
        out += Path(words[words.index("--keluaran") + 1]).read_text(encoding="utf-8")
    return out + err


@pytest.mark.parametrize(("lang", "other"), [("en", "id"), ("id", "en")])
def test_every_command_speaks_only_the_language_asked(
    lang: str, other: str, inputs: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """No wording of the other language in any output; and the outputs do say things in the
    language asked (a check that found nothing because nothing was said would prove nothing)."""
    folder = str(Path(inputs["data"]).parent)
    leaked: dict[str, list[str]] = {}
    said: set[str] = set()
    for words in runs(inputs):
        output = run(words, lang, capsys)
        assert output.strip(), words
        if found := leaks(output, other):
            leaked[" ".join(words).replace(folder, "…")] = found
        said.update(leaks(output, lang))
    assert leaked == {}
    assert len(said) > 80


@pytest.mark.parametrize(
    ("lang", "usage", "options", "error"),
    [("en", "usage: ", "options:", ": error: "), ("id", "cara pakai: ", "opsi:", ": galat: ")],
)
def test_argparse_words_come_from_the_catalogue(
    lang: str, usage: str, options: str, error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("", *COMMANDS):
        help_text = run([command, "--help"] if command else ["--help"], lang, capsys)
        assert help_text.startswith(usage), command
        assert f"\n{options}\n" in help_text, command
    bad_choice = run(["validate", "--format", "xml"], lang, capsys)
    assert error in bad_choice and "'xml'" in bad_choice
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]  # given back afterwards


def test_the_language_may_come_before_the_command(
    inputs: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--lang", "en", "validate", inputs["data"]])
    assert capsys.readouterr().out == "11 files checked: 0 error(s), 0 warning(s); data is valid.\n"
    main(["--lang", "en", "validate", inputs["data"], "--lang", "id"])  # the command's own wins
    assert capsys.readouterr().out.endswith("data sah.\n")
