"""A whole validation run: what holds for every rule rather than for one.

Each rule's cases (PK2xx references and identity, PK3xx career paths, PK4xx national rules, and
the reading and schema rules too) are golden files in tests/rules/, run by
tests/test_rules_golden.py: input, the complete list of diagnostics, and their wording in both
languages. What stays here is the run as an API: the clean minimal folder and its model, many
problems in many files reported in one run, ordering, determinism, and that warnings alone keep
the model.
"""

from __future__ import annotations

import pytest
from factory import DataFolder

from pola_karir.diagnostics import Diagnostic, Severity
from pola_karir.text import diagnostics as words

Row = tuple[str, str, int, int, str]


def rows(found: list[Diagnostic] | tuple[Diagnostic, ...]) -> list[Row]:
    return [
        (d.code, d.location.file, d.location.line, d.location.column, words.message(d))
        for d in found
    ]


def run(folder: DataFolder) -> list[Row]:
    return rows(folder.diagnostics())


MANAGERIAL_2 = (
    "{integritas: 2, kerja-sama: 2, komunikasi: 2, orientasi-pada-hasil: 2, pelayanan-publik: 2,\n"
    "      pengembangan-diri-dan-orang-lain: 2, mengelola-perubahan: 2,\n"
    "      pengambilan-keputusan: 2}"
)
MANAGERIAL_3 = MANAGERIAL_2.replace(": 2", ": 3")

SEKSI = "jabatan/kepala-seksi-jalan.yml"
SEKSI_TEXT = (
    "nama: Kepala Seksi Jalan\n"  # 1
    "jenis: pengawas\n"  # 2
    "unit: dinas-pupr/bidang-bina-marga/seksi-jalan\n"  # 3
    "kelas_jabatan: 9\n"  # 4
    "ikhtisar: Mengawasi pemeliharaan jalan kabupaten.\n"  # 5
    "persyaratan:\n"  # 6
    "  pendidikan:\n"  # 7
    "    minimal: D3\n"  # 8
    "  pelatihan: [diklat-jalan]\n"  # 9
    "  kompetensi:\n"  # 10
    "    teknis: {manajemen-jalan: 3}\n"  # 11
    "    sosial_kultural: {perekat-bangsa: 2}\n"  # 12
    f"    manajerial: {MANAGERIAL_2}\n"  # 13-15
)

BIDANG = "jabatan/kepala-bidang-bina-marga.yml"
BIDANG_TEXT = (
    "nama: Kepala Bidang Bina Marga\n"  # 1
    "jenis: administrator\n"  # 2
    "unit: dinas-pupr/bidang-bina-marga\n"  # 3
    "kelas_jabatan: 11\n"  # 4
    "ikhtisar: Memimpin penyelenggaraan jalan kabupaten.\n"  # 5
    "persyaratan:\n"  # 6
    "  pendidikan:\n"  # 7
    "    minimal: S1\n"  # 8
    "  golongan:\n"  # 9
    "    minimal: III/d\n"  # 10
    "  pelatihan: [pka]\n"  # 11
    "  sertifikasi: [sertifikat-ahli-jalan]\n"  # 12
    "  kompetensi:\n"  # 13
    "    sosial_kultural: {perekat-bangsa: 3}\n"  # 14
    f"    manajerial: {MANAGERIAL_3}\n"  # 15-17
)

FAMILY = "jabatan-fungsional/teknik-jalan.yml"
FAMILY_TEXT = (
    "nama: Teknik Jalan dan Jembatan\n"  # 1
    "kategori: keahlian\n"  # 2
    "jenjang:\n"  # 3
    "  ahli-pertama:\n"  # 4
    "    kelas_jabatan: 8\n"  # 5
    "    persyaratan:\n"  # 6
    "      pendidikan: {minimal: S1}\n"  # 7
    "      golongan: {minimal: III/a, maksimal: III/b}\n"  # 8
    "      kompetensi:\n"  # 9
    "        sosial_kultural: {perekat-bangsa: 2}\n"  # 10
    f"        manajerial: {MANAGERIAL_2}\n"  # 11-13
    "  ahli-muda:\n"  # 14
    "    kelas_jabatan: 9\n"  # 15
    "    persyaratan:\n"  # 16
    "      pendidikan: {minimal: S1}\n"  # 17
    "      golongan: {minimal: III/c, maksimal: III/d}\n"  # 18
    "      kompetensi:\n"  # 19
    "        sosial_kultural: {perekat-bangsa: 3}\n"  # 20
    f"        manajerial: {MANAGERIAL_3}\n"  # 21-23
)

JALUR = "jalur/bina-marga.yml"
JALUR_TEXT = (
    "nama: Jalur Karier Bidang Bina Marga\n"  # 1
    "langkah:\n"  # 2
    "  - dari: kepala-seksi-jalan\n"  # 3
    "    ke: kepala-bidang-bina-marga\n"  # 4
    "    jenis: vertikal\n"  # 5
    "  - dari: teknik-jalan-ahli-pertama\n"  # 6
    "    ke: teknik-jalan-ahli-muda\n"  # 7
    "    jenis: vertikal\n"  # 8
    "  - dari: teknik-jalan-ahli-muda\n"  # 9
    "    ke: kepala-bidang-bina-marga\n"  # 10
    "    jenis: diagonal\n"  # 11
)


@pytest.mark.parametrize(
    ("relative", "text"),
    [
        (SEKSI, SEKSI_TEXT),
        (BIDANG, BIDANG_TEXT),
        (FAMILY, FAMILY_TEXT),
        (JALUR, JALUR_TEXT),
    ],
)
def test_literal_baselines_are_valid(folder: DataFolder, relative: str, text: str) -> None:
    """The literal files above are valid as written: each test's change is its only problem."""
    folder.put(relative, text)
    assert run(folder) == []


# --- the whole folder -----------------------------------------------------------------------------


def test_minimal_folder_is_clean(folder: DataFolder) -> None:
    result = folder.validate()
    assert result.diagnostics == ()
    assert result.ok
    assert result.file_count == 11
    assert result.dataset is not None
    assert set(result.dataset.positions) == {
        "kepala-seksi-jalan",
        "kepala-bidang-bina-marga",
        "teknik-jalan-ahli-pertama",
        "teknik-jalan-ahli-muda",
    }
    assert set(result.dataset.units) == {
        "dinas-pupr",
        "dinas-pupr/bidang-bina-marga",
        "dinas-pupr/bidang-bina-marga/seksi-jalan",
    }


def test_many_problems_in_many_files_in_one_run(folder: DataFolder) -> None:
    folder.put("instansi.yml", "nama: Pemkab\nregulasi: [\n")  # syntax
    folder.put("catatan.yml", "bebas: ya\n")  # stray file
    folder.put("jabatan/Staf_Baru.yml", "nama: x\n")  # bad name
    folder.put(BIDANG, BIDANG_TEXT.replace("    minimal: S1\n", "    minimal: D3\n"))  # floor
    folder.put(SEKSI, SEKSI_TEXT.replace("[diklat-jalan]", "[diklat-jalanan]"))  # reference
    folder.put(JALUR, JALUR_TEXT.replace("jenis: diagonal", "jenis: vertikal"))  # move type
    folder.put(FAMILY, FAMILY_TEXT.replace("kategori: keahlian", "kategori: ahli"))  # schema
    result = folder.validate()
    assert [(d.code, d.location.file, d.location.line) for d in result.diagnostics] == [
        ("PK012", "data/catatan.yml", 1),
        ("PK003", "data/instansi.yml", 3),
        ("PK104", "data/jabatan-fungsional/teknik-jalan.yml", 2),
        ("PK010", "data/jabatan/Staf_Baru.yml", 1),
        ("PK401", f"data/{BIDANG}", 8),
        ("PK201", f"data/{SEKSI}", 9),
        ("PK207", "data/jabatan/teknik-jalan-ahli-muda.yml", 1),
        ("PK207", "data/jabatan/teknik-jalan-ahli-pertama.yml", 1),
        ("PK302", f"data/{JALUR}", 9),
    ]
    assert not result.ok
    assert result.dataset is None


def test_diagnostics_are_sorted_and_unique(folder: DataFolder) -> None:
    folder.put(SEKSI, SEKSI_TEXT.split("persyaratan:")[0])
    folder.put(BIDANG, BIDANG_TEXT.split("persyaratan:")[0])
    found = folder.diagnostics()
    assert found == sorted(found, key=Diagnostic.sort_key)
    assert len(set(found)) == len(found) == 2


def test_notes_alone_keep_the_model(folder: DataFolder) -> None:
    """Notes (like warnings) never stop publication: the run is ok and the model is built (the
    golden PK303-equivalence-table-notes shows the note itself)."""
    folder.put(
        JALUR,
        JALUR_TEXT + "  - dari: teknik-jalan-ahli-muda\n"
        "    ke: kepala-seksi-jalan\n"
        "    jenis: diagonal\n",
    )
    result = folder.validate()
    assert [d.code for d in result.diagnostics] == ["PK303"]
    assert result.diagnostics[0].severity is Severity.NOTE
    assert result.ok
    assert result.dataset is not None


def test_run_twice_gives_the_same_result(folder: DataFolder) -> None:
    folder.put(JALUR, JALUR_TEXT.replace("jenis: diagonal", "jenis: vertikal"))
    first = folder.validate().diagnostics
    second = folder.validate().diagnostics
    assert first == second
    assert len(first) == 1
