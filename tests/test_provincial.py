"""A provincial dataset written from docs/panduan-data.md alone validates and builds strictly.

``tests/provinsi/`` is what an HR officer of a (fictional) province would write after reading the
data guide: a sekretariat daerah with two biro under an asisten, a dinas pendidikan with two
cabang dinas and three schools (one Guru Ahli Muda definition placed in all of them with
``penempatan``), a rumah sakit with one Perawat family of both categories, Kepala Bidang ->
Sekretaris Dinas and Kepala Biro -> Asisten as ``vertikal``, and kebutuhan/bezetting for every
position. It must validate without errors and build with the real ``mkdocs build --strict``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitetools import ParsedPage, mkdocs_build, new_project, parse_html

from pola_karir.model import Dataset
from pola_karir.rules.validate import validate_project

PROVINSI = Path(__file__).resolve().parent / "provinsi"
SCHOOLS = {
    "dinas-pendidikan/cabang-dinas-wilayah-i/sma-negeri-1-kota-contoh": "SMA Negeri 1 Kota Contoh",
    "dinas-pendidikan/cabang-dinas-wilayah-i/sma-negeri-2-kota-contoh": "SMA Negeri 2 Kota Contoh",
    "dinas-pendidikan/cabang-dinas-wilayah-ii/smk-negeri-1-kabupaten-contoh": (
        "SMK Negeri 1 Kabupaten Contoh"
    ),
}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    result = validate_project(PROVINSI)
    findings = [(d.code, d.severity, d.location.file) for d in result.diagnostics]
    assert [f for f in findings if f[1] == "error"] == []
    # Warnings and notes are deliberate: none is expected. Add one here only on purpose.
    assert [f for f in findings if f[1] != "error"] == []
    assert result.dataset is not None
    return result.dataset


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = new_project(tmp_path_factory.mktemp("provinsi"), data=PROVINSI)
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    return build.site


def _page(site: Path, src: str) -> ParsedPage:
    return parse_html((site / src / "index.html").read_text(encoding="utf-8"))


def test_the_units_use_the_provincial_types(dataset: Dataset) -> None:
    types = {unit_id: unit.kind for unit_id, unit in dataset.units.items()}
    assert (
        types["setda/asisten-pemerintahan-dan-kesejahteraan-rakyat/biro-kesejahteraan-rakyat"]
        == "biro"
    )
    assert types["dinas-pendidikan/cabang-dinas-wilayah-i"] == "cabang-dinas"
    assert types["rumah-sakit-jiwa"] == "rumah-sakit"
    assert {types[school] for school in SCHOOLS} == {"satuan-pendidikan"}


def test_one_guru_definition_is_placed_in_every_school(dataset: Dataset) -> None:
    guru = dataset.positions["guru-ahli-muda"]
    assert [p.unit for p in guru.placements] == list(SCHOOLS)
    assert all(p.needed is not None and p.filled is not None for p in guru.placements)


def test_every_position_states_kebutuhan_and_bezetting(dataset: Dataset) -> None:
    for position in dataset.positions.values():
        assert position.placements, position.id
        for placement in position.placements:
            assert placement.needed is not None and placement.filled is not None, position.id


def test_perawat_is_one_family_with_both_categories(dataset: Dataset) -> None:
    perawat = dataset.families["perawat"]
    assert set(perawat.grades) == {"terampil", "mahir", "penyelia", "ahli-pertama", "ahli-muda"}
    moves = {(m.source, m.target): m.kind for p in dataset.paths.values() for m in p.moves}
    assert moves[("perawat-penyelia", "perawat-ahli-pertama")] == "vertikal"


def test_promotions_inside_one_type_are_vertikal(dataset: Dataset) -> None:
    moves = {(m.source, m.target): m.kind for p in dataset.paths.values() for m in p.moves}
    assert moves[("kepala-bidang-pembinaan-sma", "sekretaris-dinas-pendidikan")] == "vertikal"
    biro_to_asisten = (
        "kepala-biro-pemerintahan-dan-otonomi-daerah",
        "asisten-pemerintahan-dan-kesejahteraan-rakyat",
    )
    assert moves[biro_to_asisten] == "vertikal"


def test_the_site_builds_strictly_with_the_expected_pages(site: Path) -> None:
    for src in (
        "jabatan/guru-ahli-muda",
        "jabatan/perawat-ahli-pertama",
        "jabatan-fungsional/perawat",
        "unit/dinas-pendidikan",
        "unit/rumah-sakit-jiwa",
        "jalur/setda",
        "formasi-terbuka",
    ):
        assert (site / src / "index.html").is_file(), src


def test_the_guru_page_lists_its_schools(site: Path) -> None:
    text = _page(site, "jabatan/guru-ahli-muda").text
    assert "kebutuhan 31, bezetting 24, terbuka 7" in text
    for school in SCHOOLS.values():
        assert school in text


def test_the_unit_page_shows_totals(site: Path) -> None:
    text = _page(site, "unit/dinas-pendidikan").text
    # SMA Negeri 1: Guru Ahli Pertama 6/5 and Guru Ahli Muda 10/8.
    school = text.split("SMA Negeri 1 Kota Contoh Jabatan Kebutuhan Bezetting Terbuka", 1)[1]
    assert "Guru Ahli Pertama" in school.split("Jumlah", 1)[0]
    assert school.split("Jumlah", 1)[1].startswith(" 16 13 3")
