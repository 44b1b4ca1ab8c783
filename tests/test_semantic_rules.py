"""PK2xx-PK4xx: references, identity, career paths and national rules, across files.

Each test starts from the minimal valid folder (tests/factory.py), replaces one file with literal
YAML and compares the complete list of diagnostics of the run, so a rule that fires too often
fails as surely as one that does not fire.
"""

from __future__ import annotations

import pytest
from factory import DataFolder, with_code

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

AHLI_MUDA = "jabatan/teknik-jalan-ahli-muda.yml"
AHLI_MUDA_TEXT = (
    "nama: Teknik Jalan dan Jembatan Ahli Muda\n"  # 1
    "jenis: fungsional\n"  # 2
    "jabatan_fungsional: teknik-jalan\n"  # 3
    "jenjang: ahli-muda\n"  # 4
    "unit: dinas-pupr/bidang-bina-marga\n"  # 5
    "kelas_jabatan: 9\n"  # 6
    "ikhtisar: Mengendalikan mutu pekerjaan jalan.\n"  # 7
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
        (AHLI_MUDA, AHLI_MUDA_TEXT),
        (JALUR, JALUR_TEXT),
    ],
)
def test_literal_baselines_are_valid(folder: DataFolder, relative: str, text: str) -> None:
    """The literal files below are only ever changed in one place per test."""
    folder.put(relative, text)
    assert run(folder) == []


# --- PK201 unknown reference ------------------------------------------------------------------

PK201_CASES = [
    (
        "unit",
        SEKSI,
        SEKSI_TEXT.replace("seksi-jalan\n", "seksi-jalanan\n"),
        3,
        7,
        "Unit 'dinas-pupr/bidang-bina-marga/seksi-jalanan' tidak ditemukan. "
        "Mungkin maksudnya 'dinas-pupr/bidang-bina-marga/seksi-jalan'?",
        "Periksa ejaan kodenya; unit didefinisikan di data/unit/.",
    ),
    (
        "training",
        SEKSI,
        SEKSI_TEXT.replace("[diklat-jalan]", "[latsar, diklat-jalann]"),
        9,
        23,
        "Pelatihan 'diklat-jalann' tidak ditemukan. Mungkin maksudnya 'diklat-jalan'?",
        "Periksa ejaan kodenya; pelatihan didefinisikan di data/pelatihan.yml.",
    ),
    (
        "technical-competency",
        SEKSI,
        SEKSI_TEXT.replace("{manajemen-jalan: 3}", "{manajemen-jalanan: 3}"),
        11,
        14,
        "Kompetensi teknis 'manajemen-jalanan' tidak ditemukan. "
        "Mungkin maksudnya 'manajemen-jalan'?",
        "Periksa ejaan kodenya; kompetensi teknis ada di data/kompetensi-teknis.yml.",
    ),
    (
        "experience-position",
        BIDANG,
        BIDANG_TEXT.replace(
            "  pelatihan: [pka]\n",
            "  pengalaman:\n    - tahun: 3\n      jabatan: [kepala-seksi]\n  pelatihan: [pka]\n",
        ),
        13,
        17,
        "Jabatan 'kepala-seksi' tidak ditemukan. Mungkin maksudnya 'kepala-seksi-jalan'?",
        "Periksa ejaan kodenya; jabatan ada di data/jabatan/.",
    ),
    (
        "move-target",
        JALUR,
        JALUR_TEXT.replace("    ke: kepala-bidang-bina-marga\n", "    ke: kabid-bina-marga\n", 1),
        4,
        9,
        "Jabatan 'kabid-bina-marga' tidak ditemukan. Mungkin maksudnya 'kepala-bidang-bina-marga'?",
        "Periksa ejaan kodenya; jabatan ada di data/jabatan/.",
    ),
    (
        "regulation",
        BIDANG,
        BIDANG_TEXT + "dasar_hukum: pp-11-2018\n",
        18,
        14,
        "Peraturan 'pp-11-2018' tidak ditemukan. Mungkin maksudnya 'pp-11-2017'?",
        "Periksa ejaan kodenya; daftar peraturan nasional ada di dokumentasi; peraturan instansi "
        "di data/dasar-hukum/.",
    ),
    (
        "article",
        BIDANG,
        BIDANG_TEXT.replace(
            "    minimal: S1\n", "    minimal: S1\n    dasar_hukum: [pp-11-2017#pasal-55]\n"
        ),
        9,
        19,
        "Pasal di PP 11/2017 'pasal-55' tidak ditemukan. Mungkin maksudnya 'pasal-75'?",
        "Periksa ejaan kodenya; pasal yang tersedia: pasal-54, pasal-74, pasal-75, pasal-78, "
        "pasal-82, pasal-107, pasal-188, pasal-189.",
    ),
    (
        "agency-regulation-id",
        "instansi.yml",
        "nama: Pemerintah Kabupaten Contoh\n"
        "regulasi:\n"
        "  jenis: Peraturan Bupati\n"
        '  nomor: "12"\n'
        "  tahun: 2024\n"
        "  tentang: Pola Karier PNS\n"
        "  dasar_hukum_id: perbup-13-2024\n",
        7,
        19,
        "Peraturan 'perbup-13-2024' tidak ditemukan. Mungkin maksudnya 'perbup-12-2024'?",
        "Periksa ejaan kodenya; daftar peraturan nasional ada di dokumentasi; peraturan instansi "
        "di data/dasar-hukum/.",
    ),
    (
        "article-of-agency-regulation",
        "unit/dinas-pupr.yml",
        "nama: Dinas PUPR\n"
        "dasar_hukum: perbup-12-2024#pasal-4\n"
        "sub:\n"
        "  - id: bidang-bina-marga\n"
        "    nama: Bidang Bina Marga\n"
        "    sub: [{id: seksi-jalan, nama: Seksi Jalan}]\n",
        2,
        14,
        "Pasal di Perbup 12/2024 'pasal-4' tidak ditemukan. Mungkin maksudnya 'pasal-3'?",
        "Periksa ejaan kodenya; pasal yang tersedia: pasal-3.",
    ),
]


@pytest.mark.parametrize(
    ("relative", "text", "line", "column", "message", "hint"),
    [case[1:] for case in PK201_CASES],
    ids=[case[0] for case in PK201_CASES],
)
def test_pk201_unknown_reference(
    folder: DataFolder,
    relative: str,
    text: str,
    line: int,
    column: int,
    message: str,
    hint: str,
) -> None:
    folder.put(relative, text)
    found = folder.diagnostics()
    assert rows(found) == [("PK201", f"data/{relative}", line, column, message)]
    assert words.hint(found[0]) == hint
    assert found[0].severity is Severity.ERROR


def test_pk201_job_family_and_english(folder: DataFolder) -> None:
    folder.put(AHLI_MUDA, AHLI_MUDA_TEXT.replace("teknik-jalan\n", "teknik-jalanan\n"))
    found = folder.diagnostics()
    (d,) = with_code(found, "PK201")
    assert (d.location.file, d.location.line, d.location.column) == (f"data/{AHLI_MUDA}", 3, 21)
    assert words.message(d) == (
        "Jabatan fungsional 'teknik-jalanan' tidak ditemukan. Mungkin maksudnya 'teknik-jalan'?"
    )
    assert (
        words.message(d, "en")
        == "Job family 'teknik-jalanan' does not exist. Did you mean 'teknik-jalan'?"
    )
    assert (
        words.hint(d, "en")
        == "Check the spelling of the id; job families live in data/jabatan-fungsional/."
    )
    # without its family the position inherits nothing, which is reported too
    assert [x.code for x in found] == ["PK207", "PK201"]


def test_pk201_regulation_english(folder: DataFolder) -> None:
    folder.put(BIDANG, BIDANG_TEXT + "dasar_hukum: pp-11-2018\n")
    (d,) = folder.diagnostics()
    assert (
        words.message(d, "en")
        == "Regulation 'pp-11-2018' does not exist. Did you mean 'pp-11-2017'?"
    )
    assert words.hint(d, "en") == (
        "Check the spelling of the id; national regulations are listed in the documentation; "
        "agency ones in data/dasar-hukum/."
    )


def test_references_into_a_broken_file_are_not_reported_again(folder: DataFolder) -> None:
    # the unit file fails its schema: positions in its units are not "unknown unit" as well
    folder.put("unit/dinas-pupr.yml", "nama: Dinas PUPR\njenis: dinass\n")
    # the catalogue fails its schema: its ids still count as existing
    folder.put(
        "pelatihan.yml",
        "pelatihan:\n"
        "  diklat-jalan: {nama: Diklat Teknis Jalan, jenis: teknik}\n"
        "  sertifikat-ahli-jalan: {nama: Sertifikat Ahli Jalan, jenis: sertifikasi}\n",
    )
    # a position that fails its schema is no "unknown position" in the career path
    folder.put(BIDANG, BIDANG_TEXT.replace("kelas_jabatan: 11", "kelas_jabatan: sebelas"))
    assert [(c, f, ln, col) for c, f, ln, col, _ in run(folder)] == [
        ("PK103", f"data/{BIDANG}", 4, 16),
        ("PK104", "data/pelatihan.yml", 2, 52),
        ("PK104", "data/unit/dinas-pupr.yml", 2, 8),
    ]


# --- PK202-PK204 identity ------------------------------------------------------------------------


def test_pk202_duplicate_unit_id(folder: DataFolder) -> None:
    folder.put(
        "unit/dinas-pupr.yml",
        "nama: Dinas PUPR\n"  # 1
        "jenis: dinas\n"  # 2
        "sub:\n"  # 3
        "  - id: bidang-bina-marga\n"  # 4
        "    nama: Bidang Bina Marga\n"  # 5
        "    sub:\n"  # 6
        "      - id: seksi-jalan\n"  # 7
        "        nama: Seksi Jalan\n"  # 8
        "  - id: bidang-bina-marga\n"  # 9
        "    nama: Bidang Bina Marga Lama\n",  # 10
    )
    found = folder.diagnostics()
    assert rows(found) == [
        (
            "PK202",
            "data/unit/dinas-pupr.yml",
            9,
            9,
            "Kode unit 'bidang-bina-marga' sudah dipakai di baris 4.",
        )
    ]
    assert words.message(found[0], "en").startswith(
        "Unit id 'bidang-bina-marga' is already used in "
    )
    assert words.hint(found[0]) == "Beri kode yang berbeda atau hapus salah satunya."


def test_pk203_id_differs_from_file_name(folder: DataFolder) -> None:
    folder.put(SEKSI, "id: kepala-seksi\n" + SEKSI_TEXT)
    found = folder.diagnostics()
    assert rows(found) == [
        (
            "PK203",
            f"data/{SEKSI}",
            1,
            5,
            "Kunci 'id' bernilai 'kepala-seksi' tetapi nama berkasnya 'kepala-seksi-jalan.yml'.",
        )
    ]
    assert words.hint(found[0]) == (
        "Hapus kunci 'id' (kode diambil dari nama berkas) atau ganti nama berkas menjadi "
        "'kepala-seksi.yml'."
    )


def test_matching_id_is_fine(folder: DataFolder) -> None:
    folder.put(SEKSI, "id: kepala-seksi-jalan\n" + SEKSI_TEXT)
    assert run(folder) == []


def test_pk204_national_regulation_redefined(folder: DataFolder) -> None:
    folder.put(
        "dasar-hukum/pp-11-2017.yml",
        "jenis: Peraturan Pemerintah\n"
        'nomor: "11"\n'
        "tahun: 2017\n"
        "tentang: Manajemen PNS versi daerah\n",
    )
    found = folder.diagnostics()
    assert rows(found) == [
        (
            "PK204",
            "data/dasar-hukum/pp-11-2017.yml",
            1,
            1,
            "Peraturan 'pp-11-2017' sudah ada dalam data rujukan nasional dan tidak boleh "
            "didefinisikan ulang.",
        )
    ]
    assert words.message(found[0], "en") == (
        "Regulation 'pp-11-2017' is national reference data and cannot be redefined."
    )


def test_pk204_national_training_and_competency_redefined(folder: DataFolder) -> None:
    folder.put(
        "pelatihan.yml",
        "pelatihan:\n"  # 1
        "  diklat-jalan: {nama: Diklat Teknis Jalan, jenis: teknis}\n"  # 2
        "  sertifikat-ahli-jalan: {nama: Sertifikat Ahli Jalan, jenis: sertifikasi}\n"  # 3
        "  pka:\n"  # 4
        "    nama: PKA versi daerah\n"  # 5
        "    jenis: kepemimpinan\n",  # 6
    )
    folder.put(
        "kompetensi-teknis.yml",
        "kompetensi:\n"  # 1
        "  manajemen-jalan:\n"  # 2
        "    nama: Manajemen Konstruksi Jalan\n"  # 3
        "    definisi: Mengelola jalan.\n"  # 4
        "    level: {1: a, 2: b, 3: c, 4: d, 5: e}\n"  # 5
        "  integritas:\n"  # 6
        "    nama: Integritas\n"  # 7
        "    definisi: Jujur.\n"  # 8
        "    level: {1: a, 2: b, 3: c, 4: d, 5: e}\n",  # 9
    )
    assert run(folder) == [
        (
            "PK204",
            "data/kompetensi-teknis.yml",
            6,
            3,
            "Kompetensi 'integritas' sudah ada dalam data rujukan nasional dan tidak boleh "
            "didefinisikan ulang.",
        ),
        (
            "PK204",
            "data/pelatihan.yml",
            4,
            3,
            "Pelatihan 'pka' sudah ada dalam data rujukan nasional dan tidak boleh "
            "didefinisikan ulang.",
        ),
    ]


# --- PK205-PK209 positions and requirements ------------------------------------------------------


def test_pk205_functional_position_without_grade(folder: DataFolder) -> None:
    folder.put(AHLI_MUDA, AHLI_MUDA_TEXT.replace("jenjang: ahli-muda\n", ""))
    found = folder.diagnostics()
    assert [(d.code, d.location.line, d.location.column) for d in found] == [
        ("PK207", 1, 1),  # nothing to inherit without a grade
        ("PK205", 2, 8),
    ]
    d = found[1]
    assert words.message(d) == "Jabatan fungsional belum mencantumkan jenjang."
    assert words.message(d, "en") == "Functional position lacks jenjang."
    assert words.hint(d) == (
        "Jabatan fungsional memerlukan 'jabatan_fungsional' dan 'jenjang'; jenis lain tidak "
        "memakainya."
    )


def test_pk205_grade_on_a_structural_position(folder: DataFolder) -> None:
    folder.put(
        SEKSI, SEKSI_TEXT.replace("jenis: pengawas\n", "jenis: pengawas\njenjang: ahli-muda\n")
    )
    assert run(folder) == [
        (
            "PK205",
            f"data/{SEKSI}",
            3,
            1,
            "'jenjang' hanya untuk jenis 'fungsional', bukan 'pengawas'.",
        )
    ]


def test_pk206_grade_missing_from_the_family(folder: DataFolder) -> None:
    folder.put(AHLI_MUDA, AHLI_MUDA_TEXT.replace("jenjang: ahli-muda", "jenjang: ahli-madya"))
    found = folder.diagnostics()
    (d,) = with_code(found, "PK206")
    assert (d.location.file, d.location.line, d.location.column) == (f"data/{AHLI_MUDA}", 4, 10)
    assert words.message(d) == (
        "Jenjang 'ahli-madya' tidak tersedia pada jabatan fungsional 'teknik-jalan' "
        "(ahli-pertama, ahli-muda)."
    )
    assert words.hint(d) == (
        "Pilih salah satu jenjang yang tersedia atau tambahkan jenjang itu di "
        "data/jabatan-fungsional/teknik-jalan.yml."
    )
    assert words.message(d, "en") == (
        "Grade 'ahli-madya' is not defined for job family 'teknik-jalan' (ahli-pertama, ahli-muda)."
    )


def test_pk210_grade_outside_the_family_category(folder: DataFolder) -> None:
    folder.put(FAMILY, FAMILY_TEXT + "  pemula:\n    kelas_jabatan: 5\n")
    assert run(folder) == [
        (
            "PK210",
            f"data/{FAMILY}",
            24,
            3,
            "Jenjang 'pemula' bukan jenjang kategori 'keahlian' pada jabatan fungsional "
            "'teknik-jalan' (ahli-pertama, ahli-muda, ahli-madya, ahli-utama).",
        )
    ]
    (d,) = folder.diagnostics()
    assert words.hint(d) == (
        "Pakai salah satu jenjang kategori 'keahlian', atau perbaiki 'kategori' di "
        "data/jabatan-fungsional/teknik-jalan.yml."
    )
    assert words.message(d, "en") == (
        "Grade 'pemula' does not belong to category 'keahlian' of job family 'teknik-jalan' "
        "(ahli-pertama, ahli-muda, ahli-madya, ahli-utama)."
    )


def test_pk207_position_without_requirements(folder: DataFolder) -> None:
    folder.put(SEKSI, SEKSI_TEXT.split("persyaratan:")[0])
    found = folder.diagnostics()
    assert rows(found) == [
        (
            "PK207",
            f"data/{SEKSI}",
            1,
            1,
            "Persyaratan jabatan 'kepala-seksi-jalan' belum lengkap: pendidikan; kompetensi "
            "manajerial (integritas, kerja-sama, komunikasi, orientasi-pada-hasil, "
            "pelayanan-publik, pengembangan-diri-dan-orang-lain, mengelola-perubahan, "
            "pengambilan-keputusan); kompetensi sosial kultural (perekat-bangsa).",
        )
    ]
    d = found[0]
    assert d.severity is Severity.WARNING
    assert words.message(d, "en") == (
        "Requirements of position 'kepala-seksi-jalan' are incomplete: education; managerial "
        "competencies (integritas, kerja-sama, komunikasi, orientasi-pada-hasil, "
        "pelayanan-publik, pengembangan-diri-dan-orang-lain, mengelola-perubahan, "
        "pengambilan-keputusan); socio-cultural competency (perekat-bangsa)."
    )


def test_pk207_partly_missing_competencies(folder: DataFolder) -> None:
    folder.put(
        SEKSI,
        SEKSI_TEXT.replace("mengelola-perubahan: 2,\n", "\n")
        .replace("      pengambilan-keputusan: 2}", "      }")
        .replace("    sosial_kultural: {perekat-bangsa: 2}\n", ""),
    )
    assert run(folder) == [
        (
            "PK207",
            f"data/{SEKSI}",
            1,
            1,
            "Persyaratan jabatan 'kepala-seksi-jalan' belum lengkap: kompetensi manajerial "
            "(mengelola-perubahan, pengambilan-keputusan); kompetensi sosial kultural "
            "(perekat-bangsa).",
        )
    ]


def test_pk207_grade_requirements_are_inherited(folder: DataFolder) -> None:
    # the minimal functional positions write no 'persyaratan' and still get no warning
    folder.put(AHLI_MUDA, AHLI_MUDA_TEXT)
    assert run(folder) == []
    # ...unless the grade in the family lacks them
    folder.put(FAMILY, FAMILY_TEXT.replace("      pendidikan: {minimal: S1}\n", "", 1))
    assert [(c, f, ln, col) for c, f, ln, col, _ in run(folder)] == [
        ("PK207", "data/jabatan/teknik-jalan-ahli-pertama.yml", 1, 1)
    ]


@pytest.mark.parametrize(
    ("before", "after", "line", "column", "message"),
    [
        (
            "  pelatihan: [diklat-jalan]\n",
            "  pelatihan: [diklat-jalan, sertifikat-ahli-jalan]\n",
            9,
            29,
            "'sertifikat-ahli-jalan' dicantumkan di 'pelatihan' tetapi jenisnya 'sertifikasi'.",
        ),
        (
            "  pelatihan: [diklat-jalan]\n",
            "  pelatihan: [diklat-jalan]\n  sertifikasi: [pkp]\n",
            10,
            17,
            "'pkp' dicantumkan di 'sertifikasi' tetapi jenisnya 'kepemimpinan'.",
        ),
    ],
    ids=["certificate-as-training", "training-as-certificate"],
)
def test_pk208_training_kind(
    folder: DataFolder, before: str, after: str, line: int, column: int, message: str
) -> None:
    folder.put(SEKSI, SEKSI_TEXT.replace(before, after))
    found = folder.diagnostics()
    assert rows(found) == [("PK208", f"data/{SEKSI}", line, column, message)]
    assert found[0].severity is Severity.WARNING
    assert words.hint(found[0]) == "Sertifikat masuk ke 'sertifikasi', pelatihan ke 'pelatihan'."


def test_pk209_maximum_rank_below_minimum(folder: DataFolder) -> None:
    folder.put(
        BIDANG,
        BIDANG_TEXT.replace("    minimal: III/d\n", "    minimal: IV/a\n    maksimal: III/d\n"),
    )
    found = folder.diagnostics()
    assert rows(found) == [
        (
            "PK209",
            f"data/{BIDANG}",
            11,
            15,
            "Golongan maksimal III/d lebih rendah dari golongan minimal IV/a.",
        )
    ]
    assert words.message(found[0], "en") == "Maximum rank III/d is below minimum rank IV/a."


def test_pk209_in_a_family_grade(folder: DataFolder) -> None:
    folder.put(
        FAMILY,
        FAMILY_TEXT.replace(
            "{minimal: III/c, maksimal: III/d}", "{minimal: III/d, maksimal: III/c}"
        ),
    )
    assert [r for r in run(folder) if r[0] == "PK209"] == [
        (
            "PK209",
            f"data/{FAMILY}",
            18,
            44,
            "Golongan maksimal III/c lebih rendah dari golongan minimal III/d.",
        )
    ]


# --- PK301-PK306 career paths ---------------------------------------------------------------------


def test_pk301_vertical_cycle(folder: DataFolder) -> None:
    folder.put(
        JALUR,
        JALUR_TEXT + "  - dari: kepala-bidang-bina-marga\n"  # 12
        "    ke: kepala-seksi-jalan\n"  # 13
        "    jenis: vertikal\n",  # 14
    )
    found = folder.diagnostics()
    assert [(d.code, d.location.line, d.location.column) for d in found] == [
        ("PK301", 3, 5),
        ("PK302", 12, 5),
    ]
    cycle = found[0]
    assert words.message(cycle) == (
        "Perpindahan vertikal membentuk lingkaran: kepala-bidang-bina-marga → kepala-seksi-jalan "
        "→ kepala-bidang-bina-marga."
    )
    assert words.message(cycle, "en") == (
        "Vertical moves form a cycle: kepala-bidang-bina-marga → kepala-seksi-jalan → "
        "kepala-bidang-bina-marga."
    )
    assert words.message(found[1]) == (
        "Perpindahan kepala-bidang-bina-marga (Administrator) ke kepala-seksi-jalan (Pengawas) "
        "bukan 'vertikal': dalam kelompok JA, Pengawas lebih rendah dari Administrator."
    )


def test_pk301_cycle_across_files_is_reported_once(folder: DataFolder) -> None:
    folder.put(
        "jalur/balik.yml",
        "nama: Jalur Balik\n"
        "langkah:\n"
        "  - dari: teknik-jalan-ahli-muda\n"
        "    ke: teknik-jalan-ahli-pertama\n"
        "    jenis: vertikal\n",
    )
    cycles = with_code(folder.diagnostics(), "PK301")
    assert [(d.location.file, d.location.line, d.location.column) for d in cycles] == [
        ("data/jalur/bina-marga.yml", 6, 3)
    ]
    assert cycles[0].params["cycle"] == (
        "teknik-jalan-ahli-muda → teknik-jalan-ahli-pertama → teknik-jalan-ahli-muda"
    )


@pytest.mark.parametrize(
    ("step", "jenis", "message", "expected"),
    [
        (
            "  - dari: kepala-seksi-jalan\n    ke: kepala-bidang-bina-marga\n",
            "horizontal",
            "Perpindahan kepala-seksi-jalan (Pengawas) ke kepala-bidang-bina-marga "
            "(Administrator) bukan 'horizontal': dalam kelompok JA, Administrator lebih tinggi "
            "dari Pengawas.",
            "vertikal",
        ),
        (
            "  - dari: teknik-jalan-ahli-pertama\n    ke: teknik-jalan-ahli-muda\n",
            "diagonal",
            "Perpindahan teknik-jalan-ahli-pertama (Ahli Pertama) ke teknik-jalan-ahli-muda "
            "(Ahli Muda) bukan 'diagonal': diagonal berarti pindah kelompok jabatan, sedangkan "
            "keduanya JF.",
            "vertikal",
        ),
        (
            "  - dari: teknik-jalan-ahli-muda\n    ke: kepala-bidang-bina-marga\n",
            "vertikal",
            "Perpindahan teknik-jalan-ahli-muda (Ahli Muda) ke kepala-bidang-bina-marga "
            "(Administrator) bukan 'vertikal': vertikal hanya dalam kelompok jabatan yang sama, "
            "sedangkan ini dari JF ke JA.",
            "diagonal",
        ),
    ],
    ids=["up-is-not-horizontal", "same-group-is-not-diagonal", "other-group-is-not-vertical"],
)
def test_pk302_wrong_move_type(
    folder: DataFolder, step: str, jenis: str, message: str, expected: str
) -> None:
    start = JALUR_TEXT.index(step)
    end = JALUR_TEXT.index("\n", start + len(step)) + 1
    line = JALUR_TEXT[:start].count("\n") + 1
    folder.put(JALUR, JALUR_TEXT[:start] + step + f"    jenis: {jenis}\n" + JALUR_TEXT[end:])
    found = folder.diagnostics()
    assert rows(found) == [("PK302", f"data/{JALUR}", line, 5, message)]
    assert words.hint(found[0]).endswith(f"Ubah jenisnya menjadi '{expected}'.")
    assert words.hint(found[0], "en").endswith(f"Change the type to '{expected}'.")


def test_pk302_hint_cites_the_regulation(folder: DataFolder) -> None:
    folder.put(JALUR, JALUR_TEXT.replace("jenis: vertikal\n", "jenis: horizontal\n", 1))
    (d,) = folder.diagnostics()
    assert words.hint(d) == (
        "Sesuai PP 11/2017 Pasal 189 ayat (3): vertikal = naik dalam kelompok jabatan yang sama, "
        "horizontal = setara, diagonal = naik ke kelompok jabatan lain. Ubah jenisnya menjadi "
        "'vertikal'."
    )
    assert words.message(d, "en") == (
        "The move kepala-seksi-jalan (Pengawas) to kepala-bidang-bina-marga (Administrator) is "
        "not 'horizontal': within group JA, Administrator is higher than Pengawas."
    )


def test_pk303_equivalence_table_only_warns(folder: DataFolder) -> None:
    folder.put(
        JALUR,
        JALUR_TEXT + "  - dari: teknik-jalan-ahli-muda\n"  # 12
        "    ke: kepala-seksi-jalan\n"  # 13
        "    jenis: diagonal\n",  # 14
    )
    result = folder.validate()
    assert rows(result.diagnostics) == [
        (
            "PK303",
            f"data/{JALUR}",
            12,
            5,
            "Perpindahan teknik-jalan-ahli-muda (Ahli Muda) ke kepala-seksi-jalan (Pengawas) "
            "dinyatakan 'diagonal', tetapi menurut tabel kesetaraan jabatan keduanya setara.",
        )
    ]
    d = result.diagnostics[0]
    assert d.severity is Severity.WARNING
    assert words.message(d, "en") == (
        "The move teknik-jalan-ahli-muda (Ahli Muda) to kepala-seksi-jalan (Pengawas) is declared "
        "'diagonal', but by the position equivalence table they are equal."
    )
    assert result.ok
    assert result.dataset is not None


def test_pk304_move_to_itself(folder: DataFolder) -> None:
    folder.put(
        JALUR,
        JALUR_TEXT + "  - dari: kepala-seksi-jalan\n"  # 12
        "    ke: kepala-seksi-jalan\n"  # 13
        "    jenis: horizontal\n",  # 14
    )
    found = folder.diagnostics()
    assert rows(found) == [
        (
            "PK304",
            f"data/{JALUR}",
            12,
            5,
            "Perpindahan dari 'kepala-seksi-jalan' ke jabatan yang sama.",
        )
    ]
    assert words.hint(found[0], "en") == "Correct 'dari' or 'ke'."


def test_pk305_duplicate_move(folder: DataFolder) -> None:
    folder.put(
        JALUR,
        JALUR_TEXT + "  - dari: kepala-seksi-jalan\n"  # 12
        "    ke: kepala-bidang-bina-marga\n"  # 13
        "    jenis: vertikal\n"  # 14
        "    tahun_minimal: 4\n",  # 15
    )
    found = folder.diagnostics()
    assert rows(found) == [
        (
            "PK305",
            f"data/{JALUR}",
            12,
            5,
            "Perpindahan kepala-seksi-jalan ke kepala-bidang-bina-marga sudah ditulis di baris 3.",
        )
    ]
    assert found[0].severity is Severity.WARNING


def test_pk306_position_on_no_path(folder: DataFolder) -> None:
    folder.put(
        "jabatan/staf-umum.yml",
        "nama: Pengadministrasi Umum\n"
        "jenis: pelaksana\n"
        "unit: dinas-pupr\n"
        "kelas_jabatan: 5\n"
        "ikhtisar: Mengelola surat-menyurat.\n"
        "persyaratan:\n"
        "  pendidikan: {minimal: SMA}\n"
        "  kompetensi:\n"
        "    sosial_kultural: {perekat-bangsa: 1}\n"
        f"    manajerial: {MANAGERIAL_2.replace(': 2', ': 1')}\n",
    )
    found = folder.diagnostics()
    assert rows(found) == [
        (
            "PK306",
            "data/jabatan/staf-umum.yml",
            1,
            1,
            "Jabatan 'staf-umum' tidak ada di jalur karier mana pun.",
        )
    ]
    assert found[0].severity is Severity.WARNING
    assert words.message(found[0], "en") == "Position 'staf-umum' is on no career path."


# --- PK401-PK403 national rules -----------------------------------------------------------------


def test_pk401_education_below_the_national_floor(folder: DataFolder) -> None:
    folder.put(BIDANG, BIDANG_TEXT.replace("    minimal: S1\n", "    minimal: D3\n"))
    found = folder.diagnostics()
    assert rows(found) == [
        (
            "PK401",
            f"data/{BIDANG}",
            8,
            14,
            "Pendidikan minimal D3 terlalu rendah untuk jabatan Administrator: PP 11/2017 Pasal 54 "
            "menetapkan paling rendah S-1 atau D-IV.",
        )
    ]
    d = found[0]
    assert (
        words.hint(d)
        == "Naikkan 'persyaratan.pendidikan.minimal' menjadi S-1 atau D-IV atau lebih tinggi."
    )
    assert words.hint(d, "en").startswith("Raise 'persyaratan.pendidikan.minimal' to S-1")


def test_pk401_d4_counts_as_s1(folder: DataFolder) -> None:
    folder.put(BIDANG, BIDANG_TEXT.replace("    minimal: S1\n", "    minimal: D4\n"))
    assert run(folder) == []


def test_pk401_reported_where_the_grade_sets_it(folder: DataFolder) -> None:
    folder.put(FAMILY, FAMILY_TEXT.replace("{minimal: S1}", "{minimal: D3}", 1))
    assert run(folder) == [
        (
            "PK401",
            f"data/{FAMILY}",
            7,
            29,
            "Pendidikan minimal D3 terlalu rendah untuk jabatan fungsional jenjang Ahli Pertama: "
            "PP 11/2017 Pasal 75 ayat (1) huruf d menetapkan paling rendah S-1 atau D-IV.",
        )
    ]


def test_pk401_skill_category_floor(folder: DataFolder) -> None:
    folder.put(
        FAMILY,
        FAMILY_TEXT.replace("kategori: keahlian", "kategori: keterampilan")
        .replace("ahli-pertama:", "terampil:")
        .replace("ahli-muda:", "mahir:")
        .replace("{minimal: S1}", "{minimal: SMP}", 1)
        .replace("{minimal: III/a, maksimal: III/b}", "{minimal: II/b}")
        .replace("{minimal: III/c, maksimal: III/d}", "{minimal: III/a}")
        .replace(": 3", ": 2"),
    )
    folder.put(
        "jabatan/teknik-jalan-ahli-pertama.yml",
        AHLI_MUDA_TEXT.replace("Ahli Muda", "Terampil").replace(
            "jenjang: ahli-muda", "jenjang: terampil"
        ),
    )
    folder.put(AHLI_MUDA, AHLI_MUDA_TEXT.replace("jenjang: ahli-muda", "jenjang: mahir"))
    found = folder.diagnostics()
    assert words.message(with_code(found, "PK401")[0]) == (
        "Pendidikan minimal SMP terlalu rendah untuk jabatan fungsional jenjang Terampil: "
        "PP 11/2017 Pasal 78 ayat (1) huruf d menetapkan paling rendah SMA/SMK/sederajat."
    )
    assert [(d.code, d.location.file, d.location.line, d.location.column) for d in found] == [
        ("PK401", f"data/{FAMILY}", 7, 29),
        # mahir (JF, tier 1) to administrator (JA, tier 3) is still diagonal: nothing else
    ]


@pytest.mark.parametrize(
    ("relative", "text", "line", "column", "message"),
    [
        (
            FAMILY,
            FAMILY_TEXT.replace(
                "{minimal: III/a, maksimal: III/b}", "{minimal: II/d, maksimal: III/b}"
            ),
            8,
            27,
            "Golongan minimal II/d di luar rentang jenjang Ahli Pertama (III/a-III/b, "
            "Keppres 87/1999 Pasal 5).",
        ),
        (
            AHLI_MUDA,
            AHLI_MUDA_TEXT + "persyaratan:\n  golongan: {minimal: III/c, maksimal: IV/a}\n",
            9,
            40,
            "Golongan maksimal IV/a di luar rentang jenjang Ahli Muda (III/c-III/d, "
            "Keppres 87/1999 Pasal 5).",
        ),
    ],
    ids=["in-the-grade", "in-the-position"],
)
def test_pk402_rank_outside_the_grade_range(
    folder: DataFolder, relative: str, text: str, line: int, column: int, message: str
) -> None:
    folder.put(relative, text)
    found = folder.diagnostics()
    assert rows(found) == [("PK402", f"data/{relative}", line, column, message)]
    assert found[0].severity is Severity.WARNING
    assert words.message(found[0], "en").startswith("Rank ")


def test_pk403_unusual_competency_level(folder: DataFolder) -> None:
    folder.put(SEKSI, SEKSI_TEXT.replace("{integritas: 2,", "{integritas: 3,"))
    found = folder.diagnostics()
    assert rows(found) == [
        (
            "PK403",
            f"data/{SEKSI}",
            13,
            30,
            "Level integritas = 3, sedangkan level yang lazim untuk Pengawas adalah 2.",
        )
    ]
    d = found[0]
    assert d.severity is Severity.WARNING
    assert words.message(d, "en") == "integritas level 3, while the usual level for Pengawas is 2."
    assert words.hint(d, "en").startswith("Check the competency standard again;")


def test_pk403_in_the_grade_is_reported_once(folder: DataFolder) -> None:
    # two positions of the same grade would inherit the same finding; it is reported once
    folder.put(
        "jabatan/teknik-jalan-ahli-muda-2.yml",
        AHLI_MUDA_TEXT.replace("Ahli Muda", "Ahli Muda (2)"),
    )
    folder.put(
        "jalur/kedua.yml",
        "nama: Jalur Kedua\n"
        "langkah:\n"
        "  - {dari: teknik-jalan-ahli-pertama, ke: teknik-jalan-ahli-muda-2, jenis: vertikal}\n",
    )
    folder.put(
        FAMILY,
        FAMILY_TEXT.replace(
            "sosial_kultural: {perekat-bangsa: 3}", "sosial_kultural: {perekat-bangsa: 4}"
        ),
    )
    assert run(folder) == [
        (
            "PK403",
            f"data/{FAMILY}",
            20,
            43,
            "Level perekat-bangsa = 4, sedangkan level yang lazim untuk Ahli Muda adalah 3.",
        )
    ]


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


def test_run_twice_gives_the_same_result(folder: DataFolder) -> None:
    folder.put(JALUR, JALUR_TEXT.replace("jenis: diagonal", "jenis: vertikal"))
    first = folder.validate().diagnostics
    second = folder.validate().diagnostics
    assert first == second
    assert len(first) == 1
