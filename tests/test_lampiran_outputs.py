"""``pola-karir lampiran`` with two outputs: both are checked before either is written.

``--pdf X --html X`` wrote the HTML over the PDF just written (``X.pdf`` holding HTML, both
"written" lines printed); an unusable second output was found only after the first was
written, under a message saying no file was written. Now: exit 2 before any work, the file
named, nothing written.
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


def test_an_unusable_second_output_stops_before_the_first_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--pdf ok.pdf --html missing/x.html`` used to write ok.pdf, print "written", then say
    of the HTML "no file was written". Now neither is made or written, and the message is true."""
    pdf = tmp_path / "lampiran.pdf"
    missing = tmp_path / "tidak-ada" / "lampiran.html"
    args = ["lampiran", "--data", str(DATA), "--pdf", str(pdf), "--html", str(missing)]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"pola-karir: {missing}: tidak dapat ditulis (No such file or directory)")
    assert "tidak ada berkas yang ditulis" in err
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    args[-1] = str(tmp_path / "berkas" / "lampiran.html")
    assert main(args) == 2
    assert "(Not a directory)" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["berkas"]
