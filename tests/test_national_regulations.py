"""National regulations an agency adds itself (``nasional: true``): the regulations of its job
families that pola-karir does not ship are cited like shipped ones, and listed as national."""

from __future__ import annotations

from pathlib import Path

from factory import DataFolder

from pola_karir.site.catalog import regulation_index

ADDED = {
    "jenis": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "singkatan": "PermenPANRB 32/2020",
    "nomor": "32",
    "tahun": 2020,
    "tentang": "Jabatan Fungsional Pranata Komputer",
    "nasional": True,
    "pasal": {"pasal-1": {"sebutan": "Pasal 1"}},
}


def test_an_added_national_regulation_is_cited_and_national(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    folder.put("dasar-hukum/permenpanrb-32-2020.yml", ADDED)
    family = folder.doc("jabatan-fungsional/teknik-jalan.yml")
    family["dasar_hukum"] = ["permenpanrb-32-2020#pasal-1"]
    result = folder.validate()
    assert result.diagnostics == ()
    assert result.dataset is not None
    regulation = result.dataset.regulations["permenpanrb-32-2020"]
    assert regulation.national
    assert regulation.source == "dasar-hukum/permenpanrb-32-2020.yml"
    # listed among the national regulations, not as the agency's own
    index = regulation_index(result.dataset).markdown
    row = next(line for line in index.splitlines() if "PermenPANRB 32/2020" in line)
    agency_row = next(line for line in index.splitlines() if "Perbup 12/2024" in line)
    assert row.rsplit("|", 2)[-2] != agency_row.rsplit("|", 2)[-2]


def test_an_agency_regulation_stays_the_agencys_own(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    folder.put("dasar-hukum/permenpanrb-32-2020.yml", {**ADDED, "nasional": False})
    result = folder.validate()
    assert result.dataset is not None
    assert not result.dataset.regulations["permenpanrb-32-2020"].national


def test_a_shipped_regulation_still_cannot_be_rewritten(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    folder.put("dasar-hukum/pp-11-2017.yml", {**ADDED, "nomor": "11", "tahun": 2017})
    assert [d.code for d in folder.diagnostics()] == ["PK204"]
