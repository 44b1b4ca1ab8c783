"""PK1xx: JSON Schema problems, each at the line and column of the offending key or value.

Every case writes one data file as literal YAML into the otherwise valid minimal folder and
compares the diagnostics reported *for that file*. A file that fails its schema is left out of
the model, so other files may get follow-up warnings (a career path that no longer loads leaves
its positions off every path); those are not this module's concern.
"""

from __future__ import annotations

import pytest
from factory import DataFolder

from pola_karir.diagnostics import Diagnostic, Severity
from pola_karir.load.schema import KINDS, field_name, load_schemas
from pola_karir.text import diagnostics as words

JABATAN = "jabatan/kepala-seksi-jalan.yml"
HEAD = (
    "nama: Kepala Seksi Jalan\n"
    "jenis: pengawas\n"
    "unit: dinas-pupr/bidang-bina-marga/seksi-jalan\n"
    "kelas_jabatan: 9\n"
    "ikhtisar: Mengawasi pemeliharaan jalan kabupaten.\n"
)
"""Lines 1-5 of a valid position; cases append from line 6."""

INSTANSI_HEAD = (
    "nama: Pemerintah Kabupaten Contoh\n"
    "regulasi:\n"
    "  jenis: Peraturan Bupati\n"
    '  nomor: "12"\n'
    "  tahun: 2024\n"
    "  tentang: Pola Karier PNS\n"
)

Expected = tuple[str, int, int, str]

CASES: list[tuple[str, str, str, list[Expected]]] = [
    # --- PK101 unknown key ----------------------------------------------------------------
    (
        "unknown-top-key-with-suggestion",
        JABATAN,
        HEAD + "keterangn: catatan\n",
        [
            (
                "PK101",
                6,
                1,
                "Kunci 'keterangn' tidak dikenal di tingkat teratas berkas. "
                "Mungkin maksudnya 'keterangan'?",
            )
        ],
    ),
    (
        "unknown-nested-key",
        JABATAN,
        HEAD + "persyaratan:\n  pendidikan:\n    minimal: D3\n    jurusan: [Teknik Sipil]\n",
        [("PK101", 9, 5, "Kunci 'jurusan' tidak dikenal di persyaratan.pendidikan.")],
    ),
    (
        "unknown-key-in-list-item",
        "jalur/bina-marga.yml",
        "nama: Jalur\n"
        "langkah:\n"
        "  - dari: kepala-seksi-jalan\n"
        "    ke: kepala-bidang-bina-marga\n"
        "    jenis: vertikal\n"
        "    syarat_lain: uji kompetensi\n",
        [
            (
                "PK101",
                6,
                5,
                "Kunci 'syarat_lain' tidak dikenal di langkah[1]. Mungkin maksudnya 'syarat'?",
            )
        ],
    ),
    (
        "merge-key-is-just-unknown",
        "unit/dinas-pupr.yml",
        "nama: Dinas PUPR\n<<: {singkatan: PUPR}\n",
        [("PK101", 2, 1, "Kunci '<<' tidak dikenal di tingkat teratas berkas.")],
    ),
    # --- PK102 missing key -----------------------------------------------------------------
    (
        "missing-top-key",
        JABATAN,
        "nama: Kepala Seksi Jalan\n"
        "jenis: pengawas\n"
        "unit: dinas-pupr/bidang-bina-marga/seksi-jalan\n"
        "ikhtisar: Mengawasi pemeliharaan jalan kabupaten.\n",
        [("PK102", 1, 1, "Kunci wajib 'kelas_jabatan' belum ada di tingkat teratas berkas.")],
    ),
    (
        "missing-nested-keys",
        "instansi.yml",
        "nama: Pemerintah Kabupaten Contoh\nregulasi:\n  jenis: Peraturan Bupati\n  tahun: 2024\n",
        [
            ("PK102", 3, 3, "Kunci wajib 'nomor' belum ada di regulasi."),
            ("PK102", 3, 3, "Kunci wajib 'tentang' belum ada di regulasi."),
        ],
    ),
    (
        "missing-key-in-list-item",
        "jalur/bina-marga.yml",
        "nama: Jalur\nlangkah:\n  - dari: kepala-seksi-jalan\n    ke: kepala-bidang-bina-marga\n",
        [("PK102", 3, 5, "Kunci wajib 'jenis' belum ada di langkah[1].")],
    ),
    # --- PK103 wrong type ------------------------------------------------------------------
    (
        "number-for-text",
        "instansi.yml",
        INSTANSI_HEAD.replace('nomor: "12"', "nomor: 12"),
        [("PK103", 4, 10, "Nilai 'regulasi.nomor' harus berupa teks, bukan bilangan bulat.")],
    ),
    (
        "text-for-list",
        JABATAN,
        HEAD + "tugas: Menyusun rencana kerja\n",
        [("PK103", 6, 8, "Nilai 'tugas' harus berupa daftar, bukan teks.")],
    ),
    (
        "empty-value",
        JABATAN,
        HEAD.replace("ikhtisar: Mengawasi pemeliharaan jalan kabupaten.", "ikhtisar:"),
        [("PK103", 5, 10, "Nilai 'ikhtisar' harus berupa teks, bukan kosong.")],
    ),
    (
        "yaml-1-1-boolean",
        "instansi.yml",
        INSTANSI_HEAD + "singkatan: yes\n",
        [("PK103", 7, 12, "Nilai 'singkatan' harus berupa teks, bukan true/false.")],
    ),
    (
        "one-of-text-or-list",
        JABATAN,
        HEAD + "dasar_hukum: 5\n",
        [
            (
                "PK103",
                6,
                14,
                "Nilai 'dasar_hukum' harus berupa teks atau daftar, bukan bilangan bulat.",
            )
        ],
    ),
    (
        "text-for-mapping",
        "jabatan-fungsional/teknik-jalan.yml",
        "nama: Teknik Jalan\nkategori: keahlian\njenjang: ahli-pertama\n",
        [("PK103", 3, 10, "Nilai 'jenjang' harus berupa pemetaan 'kunci: nilai', bukan teks.")],
    ),
    (
        "nan-stays-text",
        JABATAN,
        HEAD.replace("kelas_jabatan: 9", "kelas_jabatan: .nan"),
        [("PK103", 4, 16, "Nilai 'kelas_jabatan' harus berupa bilangan bulat, bukan teks.")],
    ),
    # --- PK104 invalid value ----------------------------------------------------------------
    (
        "enum-with-suggestion",
        JABATAN,
        HEAD.replace("jenis: pengawas", "jenis: pengawass"),
        [
            (
                "PK104",
                2,
                8,
                "Nilai 'pengawass' tidak sah untuk 'jenis'. Mungkin maksudnya 'pengawas'?",
            )
        ],
    ),
    (
        "enum-rank",
        JABATAN,
        HEAD + "persyaratan:\n  golongan:\n    minimal: III-c\n",
        [
            (
                "PK104",
                8,
                14,
                "Nilai 'III-c' tidak sah untuk 'persyaratan.golongan.minimal'. "
                "Mungkin maksudnya 'III/c'?",
            )
        ],
    ),
    (
        "enum-without-suggestion",
        "jalur/bina-marga.yml",
        "nama: Jalur\n"
        "langkah:\n"
        "  - dari: kepala-seksi-jalan\n"
        "    ke: kepala-bidang-bina-marga\n"
        "    jenis: promosi\n",
        [("PK104", 5, 12, "Nilai 'promosi' tidak sah untuk 'langkah[1].jenis'.")],
    ),
    (
        "property-name-enum",
        JABATAN,
        HEAD + "persyaratan:\n  kompetensi:\n    manajerial:\n      integritass: 2\n",
        [
            (
                "PK104",
                9,
                7,
                "Nilai 'integritass' tidak sah untuk 'kunci di persyaratan.kompetensi.manajerial'."
                " Mungkin maksudnya 'integritas'?",
            )
        ],
    ),
    (
        "grade-key",
        "jabatan-fungsional/teknik-jalan.yml",
        "nama: Teknik Jalan\nkategori: keahlian\njenjang:\n  ahli-pratama:\n    kelas_jabatan: 8\n",
        [
            (
                "PK104",
                4,
                3,
                "Nilai 'ahli-pratama' tidak sah untuk 'kunci di jenjang'. "
                "Mungkin maksudnya 'ahli-pertama'?",
            )
        ],
    ),
    (
        "property-name-pattern",
        "dasar-hukum/perbup-12-2024.yml",
        "jenis: Peraturan Bupati\n"
        'nomor: "12"\n'
        "tahun: 2024\n"
        "tentang: Pola Karier\n"
        "pasal:\n"
        "  Pasal_3:\n"
        "    sebutan: Pasal 3\n",
        [("PK104", 6, 3, "Nilai 'Pasal_3' tidak sah untuk 'kunci di pasal'.")],
    ),
    # --- PK105 bad format -------------------------------------------------------------------
    (
        "unit-path-pattern",
        JABATAN,
        HEAD.replace(
            "unit: dinas-pupr/bidang-bina-marga/seksi-jalan", "unit: Dinas PUPR/Seksi Jalan"
        ),
        [("PK105", 3, 7, "Nilai 'Dinas PUPR/Seksi Jalan' untuk 'unit' tidak sesuai format.")],
    ),
    (
        "date-pattern",
        "instansi.yml",
        INSTANSI_HEAD + "  tanggal_penetapan: 12-01-2024\n",
        [
            (
                "PK105",
                7,
                22,
                "Nilai '12-01-2024' untuk 'regulasi.tanggal_penetapan' tidak sesuai format.",
            )
        ],
    ),
    (
        "citation-pattern-inside-one-of",
        JABATAN,
        HEAD + "dasar_hukum: PP 11/2017\n",
        [("PK105", 6, 14, "Nilai 'PP 11/2017' untuk 'dasar_hukum' tidak sesuai format.")],
    ),
    (
        "citation-list-item-pattern",
        JABATAN,
        HEAD + "dasar_hukum:\n  - pp-11-2017#pasal-54\n  - Pasal 54\n",
        [("PK105", 8, 5, "Nilai 'Pasal 54' untuk 'dasar_hukum[2]' tidak sesuai format.")],
    ),
    # --- PK106 out of range -----------------------------------------------------------------
    (
        "maximum",
        JABATAN,
        HEAD.replace("kelas_jabatan: 9", "kelas_jabatan: 18"),
        [("PK106", 4, 16, "Nilai 'kelas_jabatan' di luar batas: paling besar 17.")],
    ),
    (
        "minimum",
        "instansi.yml",
        INSTANSI_HEAD.replace("tahun: 2024", "tahun: 1900"),
        [("PK106", 5, 10, "Nilai 'regulasi.tahun' di luar batas: paling kecil 1945.")],
    ),
    (
        "min-length",
        "unit/dinas-pupr.yml",
        'nama: ""\n',
        [("PK106", 1, 7, "Nilai 'nama' di luar batas: paling sedikit 1 karakter.")],
    ),
    (
        "max-length",
        "unit/dinas-pupr.yml",
        "nama: Dinas PUPR\nsingkatan: " + "x" * 61 + "\n",
        [("PK106", 2, 12, "Nilai 'singkatan' di luar batas: paling banyak 60 karakter.")],
    ),
    (
        "min-items",
        "jalur/bina-marga.yml",
        "nama: Jalur Karier\nlangkah: []\n",
        [("PK106", 2, 10, "Nilai 'langkah' di luar batas: paling sedikit 1 butir.")],
    ),
    (
        "min-properties",
        "jabatan-fungsional/teknik-jalan.yml",
        "nama: Teknik Jalan\nkategori: keahlian\njenjang: {}\n",
        [("PK106", 3, 10, "Nilai 'jenjang' di luar batas: paling sedikit 1 kunci.")],
    ),
    (
        "competency-level",
        JABATAN,
        HEAD + "persyaratan:\n  kompetensi:\n    sosial_kultural:\n      perekat-bangsa: 6\n",
        [
            (
                "PK106",
                9,
                23,
                "Nilai 'persyaratan.kompetensi.sosial_kultural.perekat-bangsa' di luar batas: "
                "paling besar 5.",
            )
        ],
    ),
    # --- PK107 anything else ----------------------------------------------------------------
    (
        "unique-items",
        JABATAN,
        HEAD + "persyaratan:\n  pelatihan:\n    - pka\n    - pka\n",
        [("PK107", 8, 5, "Isi 'persyaratan.pelatihan' tidak sesuai skema: ada nilai ganda.")],
    ),
    (
        "unique-citations",
        "unit/dinas-pupr.yml",
        "nama: Dinas PUPR\ndasar_hukum: [pp-11-2017, pp-11-2017]\n",
        [("PK107", 2, 14, "Isi 'dasar_hukum' tidak sesuai skema: ada nilai ganda.")],
    ),
]


def in_file(found: list[Diagnostic], relative: str) -> list[Expected]:
    return [
        (d.code, d.location.line, d.location.column, words.message(d))
        for d in found
        if d.location.file == f"data/{relative}"
    ]


@pytest.mark.parametrize(
    ("relative", "text", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_schema_problem_at_its_exact_position(
    folder: DataFolder, relative: str, text: str, expected: list[Expected]
) -> None:
    folder.put(relative, text)
    result = folder.validate()
    assert in_file(list(result.diagnostics), relative) == expected
    assert not result.ok
    assert result.dataset is None


def test_every_schema_problem_of_a_file_in_one_run(folder: DataFolder) -> None:
    folder.put(
        JABATAN,
        "nama: Kepala Seksi Jalan\n"
        "jenis: pengawass\n"
        "unit: dinas-pupr/bidang-bina-marga/seksi-jalan\n"
        "kelas_jabatan: 18\n"
        "tugas: Mengawasi\n"
        "persyaratan:\n"
        "  pendidikan:\n"
        "    minimal: S4\n"
        "    jurusan: Sipil\n",
    )
    found = in_file(folder.diagnostics(), JABATAN)
    assert [f[:3] for f in found] == [
        ("PK102", 1, 1),  # ikhtisar
        ("PK104", 2, 8),
        ("PK106", 4, 16),
        ("PK103", 5, 8),
        ("PK104", 8, 14),
        ("PK101", 9, 5),
    ]


# --- hints and English -------------------------------------------------------------------


def only(folder: DataFolder, relative: str, text: str) -> Diagnostic:
    folder.put(relative, text)
    found = [d for d in folder.diagnostics() if d.location.file == f"data/{relative}"]
    assert len(found) == 1, found
    return found[0]


def test_pk101_hint_lists_allowed_keys_and_english(folder: DataFolder) -> None:
    d = only(folder, JABATAN, HEAD + "keterangn: catatan\n")
    assert d.severity is Severity.ERROR
    assert words.hint(d) == (
        "Kunci yang boleh dipakai di sini: id, nama, jenis, jabatan_fungsional, jenjang, unit, "
        "kelas_jabatan, ikhtisar, tugas, persyaratan, dasar_hukum, keterangan."
    )
    assert words.message(d, "en").startswith("Unknown key 'keterangn' in ")
    assert words.message(d, "en").endswith(" Did you mean 'keterangan'?")
    assert words.hint(d, "en").startswith("Keys allowed here: id, nama, jenis,")


def test_pk102_hint_describes_the_key(folder: DataFolder) -> None:
    d = only(
        folder,
        "jalur/bina-marga.yml",
        "nama: Jalur\nlangkah:\n  - dari: kepala-seksi-jalan\n    ke: kepala-bidang-bina-marga\n",
    )
    assert words.hint(d) == (
        "Tambahkan 'jenis: ...'. Jenis perpindahan: vertikal (naik dalam kelompok jabatan yang "
        "sama), horizontal (setara), atau diagonal (naik ke kelompok jabatan lain), PP 11/2017 "
        "Pasal 189 ayat (3)."
    )
    assert words.message(d, "en") == "Required key 'jenis' is missing in langkah[1]."


def test_pk102_hint_uses_the_referenced_definition(folder: DataFolder) -> None:
    d = only(folder, "unit/dinas-pupr.yml", "nama: Dinas\nsub:\n  - nama: Bidang\n")
    assert (d.code, d.location.line, d.location.column) == ("PK102", 3, 5)
    assert words.message(d) == "Kunci wajib 'id' belum ada di sub[1]."
    assert words.hint(d) == (
        "Tambahkan 'id: ...'. Kode unit: Kode unit, unik di bawah unit induknya, misalnya "
        "'bidang-bina-marga'."
    )


def test_pk103_hints(folder: DataFolder) -> None:
    quoted = only(folder, "instansi.yml", INSTANSI_HEAD.replace('nomor: "12"', "nomor: 12"))
    assert words.hint(quoted) == 'Beri tanda kutip agar dibaca sebagai teks, misalnya: nomor: "12"'
    assert words.hint(quoted, "en") == 'Quote the value so it is read as text, e.g. nomor: "12"'
    assert words.message(quoted, "en") == "'regulasi.nomor' must be text, not a whole number."

    listed = only(folder, JABATAN, HEAD + "tugas: Menyusun rencana kerja\n")
    assert words.hint(listed) == "Tulis sebagai daftar: setiap butir di baris sendiri diawali '- '."
    assert words.message(listed, "en") == "'tugas' must be a list, not text."

    empty = only(folder, JABATAN, HEAD.replace("Mengawasi pemeliharaan jalan kabupaten.", ""))
    assert words.hint(empty) == "Isi nilainya setelah titik dua, atau hapus kunci ini."
    assert words.hint(empty, "en") == "Fill in a value after the colon, or remove this key."


def test_pk104_hint_lists_choices(folder: DataFolder) -> None:
    d = only(folder, JABATAN, HEAD.replace("jenis: pengawas", "jenis: pengawass"))
    assert words.hint(d) == (
        "Pilihan yang sah: jpt-utama, jpt-madya, jpt-pratama, administrator, pengawas, "
        "pelaksana, fungsional."
    )
    assert words.message(d, "en") == (
        "'pengawass' is not a valid value for 'jenis'. Did you mean 'pengawas'?"
    )


def test_pk105_hint_is_the_schema_description(folder: DataFolder) -> None:
    d = only(folder, "instansi.yml", INSTANSI_HEAD + "  tanggal_penetapan: 12-01-2024\n")
    assert words.hint(d) == "Tanggal ditetapkan, format TTTT-BB-HH."
    assert words.message(d, "en") == (
        "'12-01-2024' does not match the format of 'regulasi.tanggal_penetapan'."
    )


def test_pk106_english_and_hint(folder: DataFolder) -> None:
    d = only(folder, JABATAN, HEAD.replace("kelas_jabatan: 9", "kelas_jabatan: 0"))
    assert words.message(d) == "Nilai 'kelas_jabatan' di luar batas: paling kecil 1."
    assert words.message(d, "en") == "'kelas_jabatan' is out of range: at least 1."
    assert words.hint(d) == "Kelas jabatan 1 sampai 17 hasil evaluasi jabatan."


def test_pk107_hint(folder: DataFolder) -> None:
    d = only(folder, JABATAN, HEAD + "persyaratan:\n  pelatihan:\n    - pka\n    - pka\n")
    assert words.hint(d) == "Daftar kode (id) tanpa duplikat."


def test_huge_integer_is_reported_not_raised(folder: DataFolder) -> None:
    d = only(folder, JABATAN, HEAD.replace("kelas_jabatan: 9", "kelas_jabatan: " + "9" * 40))
    assert (d.code, d.location.line, d.location.column) == ("PK106", 4, 16)
    assert words.message(d) == "Nilai 'kelas_jabatan' di luar batas: paling besar 17."


# --- pieces -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ((), ""),
        (("nama",), "nama"),
        (("langkah", 0, "dari"), "langkah[1].dari"),
        (("persyaratan", "pelatihan", 2), "persyaratan.pelatihan[3]"),
    ],
)
def test_field_name_counts_list_items_from_one(path: tuple[str | int, ...], shown: str) -> None:
    assert field_name(path) == shown


def test_every_kind_has_a_schema_and_both_validators() -> None:
    schemas = load_schemas()
    data_kinds = {
        "instansi",
        "unit",
        "jabatan",
        "jabatan-fungsional",
        "jalur",
        "kompetensi",
        "pelatihan",
        "dasar-hukum",
    }
    assert data_kinds <= set(KINDS)
    assert set(schemas.fast) == set(KINDS)
    assert set(schemas.explain) == set(KINDS)
    assert set(KINDS) | {"common"} <= set(schemas.schemas)


def test_english_messages_carry_no_indonesian_field_words(folder: DataFolder) -> None:
    step = "{dari: kepala-seksi-jalan, ke: kepala-bidang-bina-marga, jenis: vertikal}"
    text = f"nama: Jalur\nlangkah:\n  - {step}\nwarna: biru\n"
    d = only(folder, "jalur/bina-marga.yml", text)
    assert d.code == "PK101"
    assert words.message(d, "en") == "Unknown key 'warna' in the top level of the file."
    assert words.message(d) == "Kunci 'warna' tidak dikenal di tingkat teratas berkas."
