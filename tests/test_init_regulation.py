"""``pola-karir init`` writes the kind of regulation the agency's PPK actually issues.

The pola karier of an agency is set by its Pejabat Pembina Kepegawaian (PP 11/2017 Pasal 188
ayat (5)): a kota's in a Peraturan Wali Kota, a provinsi's in a Peraturan Gubernur, a
kementerian's in a Peraturan Menteri. A new repository for "Pemerintah Kota Baru" whose site
says "Peraturan Bupati" would be wrong on its first page. Each kind is taken to the end: init,
``validate --strict``, a real ``mkdocs build --strict``, and the home page's sentence.
"""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest
import yaml
from sitetools import mkdocs_build

from pola_karir import scaffold
from pola_karir.cli import main


@pytest.mark.parametrize(
    ("name", "option", "kind"),
    [
        ("Pemerintah Kota Baru", [], "Peraturan Wali Kota"),
        ("Pemerintah Provinsi Contoh", [], "Peraturan Gubernur"),
        ("Kementerian Contoh", [], "Peraturan Menteri"),
        (
            "Badan Contoh Nasional",
            ["--jenis-regulasi", "Peraturan Badan Contoh Nasional"],
            "Peraturan Badan Contoh Nasional",
        ),
    ],
)
def test_the_built_home_page_names_the_regulation_of_the_agency_kind(
    name: str, option: list[str], kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    assert main(["init", str(repo), "--nama", name, *option]) == 0
    instansi = yaml.safe_load((repo / "data" / "instansi.yml").read_text(encoding="utf-8"))
    assert instansi["regulasi"]["jenis"] == kind
    capsys.readouterr()
    assert main(["validate", str(repo / "data"), "--strict"]) == 0
    built = mkdocs_build(repo, repo / "site")
    assert built.returncode == 0, built.output
    home = unescape((repo / "site" / "index.html").read_text(encoding="utf-8"))
    assert f"{kind} Nomor 1 Tahun" in home
    assert "Bupati" not in home


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Pemerintah Kabupaten Kotabaru", "Peraturan Bupati"),  # a kabupaten named Kota…
        ("Pemerintah Daerah Kabupaten Contoh", "Peraturan Bupati"),
        ("pemerintah kota contoh", "Peraturan Wali Kota"),
        ("Kota Contoh", "Peraturan Wali Kota"),
        ("Pemerintah Provinsi Daerah Khusus Contoh", "Peraturan Gubernur"),
        ("Kementerian Dalam Negeri Contoh", "Peraturan Menteri"),
        ("Badan Kepegawaian Contoh", None),  # a lembaga: its kind is asked for
        ("Pemerintah", None),
        ("Sekretariat Kota Contoh", None),
    ],
)
def test_the_kind_follows_from_the_first_word_of_the_name(name: str, kind: str | None) -> None:
    assert scaffold.regulation_kind(name) == kind


def test_a_name_that_does_not_tell_asks_for_the_kind_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "baru"
    assert main(["init", str(target), "--nama", "Badan Contoh Nasional"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "'Badan Contoh Nasional'" in err
    assert '--jenis-regulasi "Peraturan Menteri"' in err
    assert not target.exists()
    assert main(["init", str(target), "--nama", "Badan Contoh", "--lang", "en"]) == 2
    assert "does not tell which kind of regulation" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize("kind", ["", "  ", "Peraturan <b>X</b>", "Peraturan\x1b[2K", "P" * 121])
def test_an_unfit_kind_is_refused_before_anything_is_written(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "baru"
    assert main(["init", str(target), "--jenis-regulasi", kind]) == 2
    err = capsys.readouterr().err
    assert "--jenis-regulasi" in err or "jenis peraturan" in err
    assert "\x1b" not in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("name", "option", "unit", "unit_name", "position"),
    [
        ("Pemerintah Kabupaten Contoh", [], "bkpsdm", "Badan Kepegawaian dan Pengembangan", ""),
        ("Pemerintah Kota Baru", [], "bkpsdm", "Badan Kepegawaian dan Pengembangan", ""),
        ("Pemerintah Provinsi Contoh", [], "bkd", "Badan Kepegawaian Daerah", "sekretaris-bkd"),
        ("Kementerian Contoh", [], "setjen", "Sekretariat Jenderal", ""),
        (
            "Badan Contoh Nasional",
            ["--jenis-regulasi", "Peraturan Badan Contoh Nasional"],
            "setjen",
            "Sekretariat Jenderal",
            "kepala-bagian-pengembangan-pegawai",
        ),
    ],
)
def test_the_example_unit_fits_the_kind_of_agency(
    name: str,
    option: list[str],
    unit: str,
    unit_name: str,
    position: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A BKPSDM is a kabupaten's or kota's perangkat daerah: a provinsi gets its Badan
    Kepegawaian Daerah, a kementerian or lembaga a Biro SDM in its Sekretariat Jenderal, and
    each new repository validates with nothing to report."""
    repo = tmp_path / "repo"
    assert main(["init", str(repo), "--nama", name, *option]) == 0
    data = repo / "data"
    assert [p.name for p in (data / "unit").iterdir()] == [f"{unit}.yml"]
    written = yaml.safe_load((data / "unit" / f"{unit}.yml").read_text(encoding="utf-8"))
    assert written["nama"].startswith(unit_name)
    if unit == "setjen":
        assert written["sub"][0]["nama"] == "Biro Sumber Daya Manusia"
    everything = "\n".join(p.read_text(encoding="utf-8") for p in data.rglob("*.yml"))
    assert ("bkpsdm" in everything.casefold()) == (unit == "bkpsdm")
    if position:
        assert (data / "jabatan" / f"{position}.yml").is_file()
        guide = (repo / "docs" / "panduan-kontributor.md").read_text(encoding="utf-8")
        assert f"`data/jabatan/{position}.yml`" in guide
    capsys.readouterr()
    assert main(["validate", str(data), "--strict"]) == 0
    out = capsys.readouterr()
    assert "PK" not in out.out + out.err  # no error, warning or note
