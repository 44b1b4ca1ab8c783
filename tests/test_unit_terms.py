"""The agency's top-level units are named for the kind of agency: a pemerintah daerah's are
perangkat daerah (UU 23/2014, PP 18/2016), a kementerian's or lembaga's are not, and every
page, the annex, the nav and the HR reports call them "unit organisasi" there.

The data is the factory's minimal folder (a kabupaten, whose data never says "perangkat
daerah" itself), renamed into a kementerian: any "perangkat daerah" found is the tool's own
wording.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from factory import DataFolder

from pola_karir.audit.run import run_audit
from pola_karir.model import Dataset
from pola_karir.site import annex_html, catalog
from pola_karir.site.annex import annex
from pola_karir.site.build import site_content
from pola_karir.site.limits import Limits
from pola_karir.site.page import in_language
from pola_karir.talent.html_report import render_html
from pola_karir.talent.report import render_text
from pola_karir.talent.run import talent_report

TODAY = date(2025, 7, 1)


def _as(folder: DataFolder, name: str, regulation: str) -> Dataset:
    agency = folder.doc("instansi.yml")
    agency["nama"] = name
    agency["regulasi"]["jenis"] = regulation
    result = folder.validate()
    assert result.dataset is not None, [d.code for d in result.diagnostics]
    return result.dataset


@pytest.fixture
def ministry(folder: DataFolder) -> Dataset:
    return _as(folder, "Kementerian Contoh", "Peraturan Menteri")


def _everything(dataset: Dataset, lang: str) -> str:
    """Every word a build, its summarised variant, the annex and the HR reports show."""
    out = []
    for limits in (Limits(), Limits(overview=0, nav=100)):
        content = site_content(dataset, lang, limits)
        out.append(json.dumps(content.nav, ensure_ascii=False))
        for page in content.pages:
            out.append(page.markdown)
            out.extend(html for _, html in page.html_blocks)
    with in_language(lang):
        out.append(annex_html.document(annex(dataset), {}))
    header = "nip,nama,jabatan,pendidikan,golongan,tmt_golongan,kinerja,potensial\n"
    row = (
        "198001012000011001,Ani,kepala-seksi-jalan,S1,III/b,2020-01-01,di atas ekspektasi,tinggi\n"
    )
    report = talent_report(dataset, header + row, TODAY, lang)
    out += [render_text(report, dataset, lang), render_html(report, dataset, lang)]
    return "\n".join(out)


def _audit(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory, lang: str) -> str:
    staff = tmp_path_factory.mktemp("audit") / "pegawai.csv"
    staff.write_text(
        "nip,nama,jabatan,pendidikan,golongan\n"
        "198001012000011001,Ani,kepala-seksi-jalan,S1,III/b\n",
        encoding="utf-8",
    )
    return run_audit(dataset, staff, "text", TODAY, lang=lang).report


def test_a_ministry_has_no_perangkat_daerah(
    ministry: Dataset, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert ministry.agency.kind == "kementerian" and not ministry.agency.regional
    words = _everything(ministry, "id") + _audit(ministry, tmp_path_factory, "id")
    assert "perangkat daerah" not in words.casefold()
    # ... and says what its units are instead, where the regional agency said it.
    assert "Per unit organisasi" in words  # the nav, the overview, the talent report
    assert "Ringkasan per unit organisasi" in words  # the audit's table
    assert "Peta jabatan setiap unit organisasi memuat" in words  # the annex's BAB III


def test_in_english_a_ministry_has_no_regional_agency(
    ministry: Dataset, tmp_path_factory: pytest.TempPathFactory
) -> None:
    words = _everything(ministry, "en") + _audit(ministry, tmp_path_factory, "en")
    assert "regional agenc" not in words.casefold()
    assert "organisational unit" in words.casefold()


def test_a_lembaga_whose_kind_is_not_told_is_not_called_regional(folder: DataFolder) -> None:
    """A badan's name tells no kind of government: its units are not called perangkat
    daerah (the neutral term is never wrong, the regional one would be for a lembaga)."""
    lembaga = _as(folder, "Badan Contoh Nasional", "Peraturan Badan")
    assert lembaga.agency.kind == "lainnya"
    index = catalog.annex_page(lembaga)
    assert "perangkat daerah" not in index.markdown.casefold()


@pytest.mark.parametrize(
    ("name", "regulation"),
    [
        ("Pemerintah Kabupaten Contoh", "Peraturan Bupati"),
        ("Pemerintah Kota Contoh", "Peraturan Wali Kota"),
        ("Pemerintah Daerah Provinsi Contoh", "Peraturan Gubernur"),
    ],
)
def test_a_pemerintah_daerah_keeps_perangkat_daerah(
    folder: DataFolder, name: str, regulation: str
) -> None:
    dataset = _as(folder, name, regulation)
    assert dataset.agency.regional
    content = site_content(dataset)
    assert "Per perangkat daerah" in json.dumps(content.nav, ensure_ascii=False)
