"""``pola-karir lampiran --pdf X --html X``: two outputs naming one file are refused.

The HTML was written over the PDF just written, leaving ``X.pdf`` holding HTML and both
"written" lines printed. Now: exit 2 before any work, the file named, nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pola_karir.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"


def test_pdf_and_html_into_one_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "lampiran.pdf"
    args = ["lampiran", "--data", str(DATA), "--pdf", "lampiran.pdf", "--html", str(target)]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "pola-karir lampiran: --pdf dan --html menunjuk berkas yang sama 'lampiran.pdf', "
        "sehingga yang satu akan menimpa yang lain; tidak ada yang ditulis. Sebutkan dua berkas, "
        "misalnya --pdf lampiran.pdf --html lampiran.html.\n"
    )
    assert list(tmp_path.iterdir()) == []
    assert main([*args, "--lang", "en"]) == 2
    assert "name the same file 'lampiran.pdf'" in capsys.readouterr().err
