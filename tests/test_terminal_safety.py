"""Terminal-safe diagnostics (issue 10, item 5): control and bidi characters in a YAML value or
in a file name are shown escaped in the text, GitHub and JSON outputs, never sent raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factory import DataFolder

from pola_karir.cli import main
from pola_karir.text.terminal import json_safe, shown

RAW = ("\x1b", "\r", "\u202e", "\x9b", "\x7f")
# A value that, echoed raw, erases the error line and prints a fake verdict over it.
VALUE = "Pasal 54\x1b[2K\rdata sah\u202e\x9b\x7f"
ESCAPED_VALUE = "Pasal 54\\x1b[2K\\rdata sah\\u202e\\x9b\\x7f"
FOLDER = "data\x1b[31m\r\u202e"
ESCAPED_FOLDER = "data\\x1b[31m\\r\\u202e"


def no_raw_controls(text: str) -> bool:
    return not any(char in text for char in RAW)


@pytest.fixture
def crafted(tmp_path: Path) -> Path:
    """A data folder whose name holds ESC, CR and a bidi override, with one position whose
    legal citation (PK105, bad format) holds them too."""
    folder = DataFolder(tmp_path / FOLDER)
    folder.doc("jabatan/kepala-seksi-jalan.yml")["dasar_hukum"] = [VALUE]
    return folder.write()


def run(root: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["validate", str(root), "--format", fmt]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_text_output(crafted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(crafted, "text", capsys)
    assert no_raw_controls(out)
    [line] = [line for line in out.splitlines() if "[PK105]" in line]
    assert ESCAPED_FOLDER in line
    assert f"Nilai '{ESCAPED_VALUE}'" in line


def test_github_output(crafted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(crafted, "github", capsys)
    assert no_raw_controls(out)
    [line] = [line for line in out.splitlines() if "title=PK105" in line]
    # In the file property a CR is GitHub's own %0D escape; ESC and bidi are shown escaped.
    assert f"file={crafted.parent}/data\\x1b[31m%0D\\u202e/jabatan/" in line
    assert f"Nilai '{ESCAPED_VALUE}'" in line
    *annotations, summary = out.splitlines()  # no forged line: annotations, then the summary
    assert all(line.startswith(("::error file=", "::warning file=")) for line in annotations)
    assert summary.endswith("data TIDAK sah.")


def test_json_output(crafted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(crafted, "json", capsys)
    assert no_raw_controls(out)
    [found] = [d for d in json.loads(out)["diagnostik"] if d["code"] == "PK105"]
    assert VALUE in found["message"]  # escaped in the text, the same string once parsed
    assert FOLDER in found["file"]


def test_file_names_in_usage_messages(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crafted = tmp_path / "x\x1b[2Ky.csv"
    crafted.mkdir()
    assert main(["audit", str(crafted), "--data", str(folder.write())]) == 2
    err = capsys.readouterr().err
    assert no_raw_controls(err)
    assert "x\\x1b[2Ky.csv' adalah folder, bukan berkas" in err


def test_the_escape_functions() -> None:
    assert shown("a\tb\nc\x00\x85\u2028\u200f\U000e0001é") == (
        "a\\tb\\nc\\x00\\x85\\u2028\\u200f\\U000e0001é"
    )
    document = json.dumps({"k": "\x9b\u202e\U000e0001"}, ensure_ascii=False)
    assert no_raw_controls(json_safe(document))
    assert json.loads(json_safe(document)) == {"k": "\x9b\u202e\U000e0001"}


def test_audit_reports_escape_names_in_text_and_json(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A staff list is untrusted too: a name that rewrites its own line in the text report, and
    one whose C1 CSI (U+009B) and bidi override the JSON encoder would pass through."""
    data = str(folder.write())
    path = tmp_path / "pegawai.csv"
    path.write_text(
        "nip,nama,jabatan,pendidikan,golongan\n"
        '1,"Ani\r\x1b[2KSemua sah\x9b\u202e",kepala-seksi-jalan,SD,III/a\n',
        encoding="utf-8",
        newline="",
    )
    assert main(["audit", str(path), "--data", data]) == 0
    out = capsys.readouterr().out
    assert no_raw_controls(out)
    assert "1 Ani\\r\\x1b[2KSemua sah\\x9b\\u202e — " in out
    assert main(["audit", str(path), "--data", data, "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert no_raw_controls(out)
    assert json.loads(out)["temuan"][0]["nama"] == "Ani\r\x1b[2KSemua sah\x9b\u202e"
