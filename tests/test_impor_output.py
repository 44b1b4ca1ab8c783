"""``pola-karir impor`` with an output folder it cannot use: said, exit 2, nothing left behind.

``--keluaran`` naming a file, or a file standing where a folder of skeletons goes, used to end
in "internal error" (exit 3) with the files written so far left in place. Now the first is
refused before writing and the second removes what this run wrote: nothing half-written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_impor import _workbook

from pola_karir.cli import main


def test_an_output_that_is_a_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _workbook(tmp_path / "peta.xlsx")
    before = book.read_bytes()
    assert main(["impor", str(book), "--keluaran", str(book)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"pola-karir impor: --keluaran '{book}' adalah berkas, bukan folder; tidak ada yang "
        "ditulis. Sebutkan folder data (misalnya --keluaran data) atau folder baru.\n"
    )
    assert book.read_bytes() == before
    assert main(["impor", str(book), "--keluaran", str(book), "--lang", "en"]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("in_the_way", ["unit", "jabatan"])
def test_a_file_in_the_way_leaves_nothing_half_written(
    in_the_way: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _workbook(tmp_path / "peta.xlsx")
    out = tmp_path / "data"
    out.mkdir()
    (out / in_the_way).write_text("bukan folder\n", encoding="utf-8")
    assert main(["impor", str(book), "--keluaran", str(out)]) == 2
    stdout, err = capsys.readouterr()
    assert stdout == ""
    assert err.startswith(f"pola-karir impor: tidak dapat menulis '{out / in_the_way}")
    assert "jadi tidak ada yang ditulis" in err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        in_the_way
    ]
