"""The rule catalogue: every diagnostic code with its severity, message and fix hint.

Codes are stable (HR staff and CI logs refer to them); messages exist in Indonesian (default, the
language of the regulations and of the HR officers editing the data) and English (``--lang en``).
Ranges: PK0xx reading YAML, PK1xx schema, PK2xx references and identity, PK3xx career paths,
PK4xx national rules from the regulations.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from pola_karir.diagnostics import Severity

E = Severity.ERROR
W = Severity.WARNING


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    title: str
    message_id: str
    message_en: str
    hint_id: str
    hint_en: str


_RULES = [
    # --- PK0xx: reading files -------------------------------------------------------------
    Rule(
        "PK001",
        E,
        "unreadable-file",
        "Berkas tidak dapat dibaca: {reason}.",
        "Cannot read the file: {reason_en}.",
        "Pastikan berkas ada, berupa berkas biasa (bukan tautan simbolik), dan ukurannya wajar.",
        "Make sure the file exists, is a regular file (not a symbolic link) and of sensible size.",
    ),
    Rule(
        "PK002",
        E,
        "invalid-utf8",
        "Berkas bukan teks UTF-8 yang sah (bita ke-{offset} tidak dapat dibaca).",
        "The file is not valid UTF-8 text (byte {offset} cannot be decoded).",
        "Simpan ulang berkas dengan pengodean UTF-8 (di VS Code: 'Save with Encoding' > UTF-8).",
        "Save the file again as UTF-8 (in VS Code: 'Save with Encoding' > UTF-8).",
    ),
    Rule(
        "PK003",
        E,
        "yaml-syntax",
        "Sintaks YAML salah: {problem}.",
        "YAML syntax error: {problem_en}.",
        "Periksa indentasi, tanda titik dua setelah kunci, dan pasangan tanda kutip di sekitar baris ini.",
        "Check the indentation, the colon after each key and matching quotes around this line.",
    ),
    Rule(
        "PK004",
        E,
        "tab-indent",
        "Karakter tab dipakai untuk indentasi.",
        "A tab character is used for indentation.",
        "Ganti tab dengan spasi (2 spasi per tingkat); YAML tidak mengizinkan tab untuk indentasi.",
        "Replace the tab with spaces (2 per level); YAML does not allow tabs for indentation.",
    ),
    Rule(
        "PK005",
        E,
        "duplicate-key",
        "Kunci '{key}' ditulis dua kali (pertama di baris {first_line}); YAML biasa diam-diam hanya "
        "menyimpan yang terakhir sehingga data hilang.",
        "Key '{key}' appears twice (first on line {first_line}); plain YAML silently keeps only the "
        "last one, losing data.",
        "Hapus salah satu atau gabungkan isinya di bawah satu kunci.",
        "Remove one of them or merge their contents under one key.",
    ),
    Rule(
        "PK006",
        E,
        "yaml-alias",
        "Anchor/alias YAML ('&' dan '*') tidak didukung.",
        "YAML anchors and aliases ('&' and '*') are not supported.",
        "Tulis nilainya secara langsung di setiap tempat; data yang eksplisit lebih mudah ditinjau.",
        "Write the value out in each place; explicit data is easier to review.",
    ),
    Rule(
        "PK007",
        E,
        "empty-document",
        "Berkas kosong.",
        "The file is empty.",
        "Isi berkas sesuai skemanya (lihat baris '# yaml-language-server') atau hapus berkas ini.",
        "Fill the file according to its schema (see the '# yaml-language-server' line) or delete it.",
    ),
    Rule(
        "PK008",
        E,
        "not-a-mapping",
        "Isi berkas harus berupa pemetaan 'kunci: nilai', bukan {found}.",
        "The file must contain a 'key: value' mapping, not {found}.",
        "Mulailah berkas dengan kunci di kolom pertama, misalnya 'nama: ...'.",
        "Start the file with keys in the first column, e.g. 'nama: ...'.",
    ),
    Rule(
        "PK009",
        E,
        "multiple-documents",
        "Berkas berisi lebih dari satu dokumen YAML (pemisah '---').",
        "The file holds more than one YAML document ('---' separator).",
        "Simpan setiap entitas dalam berkasnya sendiri.",
        "Keep each entity in a file of its own.",
    ),
    Rule(
        "PK010",
        E,
        "bad-file-name",
        "Nama berkas '{name}' bukan kode yang sah.",
        "File name '{name}' is not a valid id.",
        "Pakai huruf kecil, angka, dan tanda hubung saja, diakhiri '.yml', misalnya "
        "'kepala-bidang-bina-marga.yml'.",
        "Use lowercase letters, digits and hyphens only, ending in '.yml', e.g. "
        "'kepala-bidang-bina-marga.yml'.",
    ),
    Rule(
        "PK011",
        E,
        "complex-key",
        "Kunci harus berupa teks sederhana.",
        "Keys must be plain text.",
        "Tulis kunci sebagai kata biasa diikuti titik dua, misalnya 'nama:'.",
        "Write the key as a plain word followed by a colon, e.g. 'nama:'.",
    ),
    Rule(
        "PK012",
        W,
        "unknown-file",
        "Berkas '{name}' tidak dikenali dan diabaikan.",
        "File '{name}' is not recognised and is ignored.",
        "Letakkan berkas di folder yang benar: {expected}.",
        "Put the file in the right folder: {expected}.",
    ),
    Rule(
        "PK013",
        E,
        "unsupported-tag",
        "Tag YAML '{tag}' tidak didukung.",
        "YAML tag '{tag}' is not supported.",
        "Hapus tag yang diawali '!' dan tulis nilainya biasa saja.",
        "Remove the tag starting with '!' and write a plain value.",
    ),
    Rule(
        "PK014",
        E,
        "too-deep",
        "Struktur bersarang terlalu dalam (lebih dari {limit} tingkat).",
        "Nesting is too deep (more than {limit} levels).",
        "Sederhanakan struktur berkas ini sesuai skemanya.",
        "Simplify the structure of this file according to its schema.",
    ),
    Rule(
        "PK015",
        E,
        "missing-file",
        "Berkas wajib '{name}' tidak ditemukan di folder data.",
        "Required file '{name}' is missing from the data folder.",
        "Buat berkas '{name}' (lihat contoh pada dataset Kabupaten Contoh).",
        "Create '{name}' (see the Kabupaten Contoh example dataset).",
    ),
    Rule(
        "PK016",
        E,
        "control-character",
        "Teks berisi karakter kendali yang tidak terlihat (U+{char}).",
        "The text contains an invisible control character (U+{char}).",
        "Hapus karakter itu (biasanya tertulis sebagai \\0, \\e atau \\x.. di dalam tanda kutip ganda, "
        "atau terbawa saat menyalin dari dokumen lain).",
        "Remove the character (usually written as \\0, \\e or \\x.. inside double quotes, or "
        "copied in from another document).",
    ),
    # --- PK1xx: schema ---------------------------------------------------------------------
    Rule(
        "PK101",
        E,
        "unknown-key",
        "Kunci '{key}' tidak dikenal di {where}.{suggestion}",
        "Unknown key '{key}' in {where_en}.{suggestion_en}",
        "Kunci yang boleh dipakai di sini: {allowed}.",
        "Keys allowed here: {allowed}.",
    ),
    Rule(
        "PK102",
        E,
        "missing-key",
        "Kunci wajib '{key}' belum ada di {where}.",
        "Required key '{key}' is missing in {where_en}.",
        "Tambahkan '{key}: ...'. {description}",
        "Add '{key}: ...'. {description}",
    ),
    Rule(
        "PK103",
        E,
        "wrong-type",
        "Nilai '{field}' harus berupa {expected}, bukan {found}.",
        "'{field_en}' must be {expected_en}, not {found_en}.",
        "{type_hint}",
        "{type_hint_en}",
    ),
    Rule(
        "PK104",
        E,
        "invalid-value",
        "Nilai '{value}' tidak sah untuk '{field}'.{suggestion}",
        "'{value}' is not a valid value for '{field_en}'.{suggestion_en}",
        "Pilihan yang sah: {choices}.",
        "Valid choices: {choices}.",
    ),
    Rule(
        "PK105",
        E,
        "bad-format",
        "Nilai '{value}' untuk '{field}' tidak sesuai format.",
        "'{value}' does not match the format of '{field_en}'.",
        "{description}",
        "{description}",
    ),
    Rule(
        "PK106",
        E,
        "out-of-range",
        "Nilai '{field}' di luar batas: {detail}.",
        "'{field_en}' is out of range: {detail_en}.",
        "{description}",
        "{description}",
    ),
    Rule(
        "PK107",
        E,
        "schema",
        "Isi '{field}' tidak sesuai skema: {detail}.",
        "'{field_en}' does not match the schema: {detail_en}.",
        "{description}",
        "{description}",
    ),
    # --- PK2xx: references and identity ----------------------------------------------------
    Rule(
        "PK201",
        E,
        "unknown-reference",
        "{kind} '{ref}' tidak ditemukan.{suggestion}",
        "{kind_en} '{ref}' does not exist.{suggestion_en}",
        "Periksa ejaan kodenya; {where}.",
        "Check the spelling of the id; {where_en}.",
    ),
    Rule(
        "PK202",
        E,
        "duplicate-id",
        "Kode {kind} '{id}' sudah dipakai di {other}.",
        "{kind_en} id '{id}' is already used in {other_en}.",
        "Beri kode yang berbeda atau hapus salah satunya.",
        "Give it a different id or remove one of them.",
    ),
    Rule(
        "PK203",
        E,
        "id-mismatch",
        "Kunci 'id' bernilai '{id}' tetapi nama berkasnya '{name}'.",
        "Key 'id' is '{id}' but the file is named '{name}'.",
        "Hapus kunci 'id' (kode diambil dari nama berkas) atau ganti nama berkas menjadi '{id}.yml'.",
        "Remove the 'id' key (the file name is the id) or rename the file to '{id}.yml'.",
    ),
    Rule(
        "PK204",
        E,
        "redefines-national",
        "{kind} '{id}' sudah ada dalam data rujukan nasional dan tidak boleh didefinisikan ulang.",
        "{kind_en} '{id}' is national reference data and cannot be redefined.",
        "Hapus definisi ini dan rujuk kode nasionalnya, atau pakai kode lain untuk data instansi.",
        "Remove this definition and refer to the national id, or use another id for agency data.",
    ),
    Rule(
        "PK205",
        E,
        "functional-fields",
        "{problem}",
        "{problem_en}",
        "Jabatan fungsional memerlukan 'jabatan_fungsional' dan 'jenjang'; jenis lain tidak memakainya.",
        "Functional positions need 'jabatan_fungsional' and 'jenjang'; other types do not use them.",
    ),
    Rule(
        "PK206",
        E,
        "grade-not-in-family",
        "Jenjang '{jenjang}' tidak tersedia pada jabatan fungsional '{family}' ({available}).",
        "Grade '{jenjang}' is not defined for job family '{family}' ({available}).",
        "Pilih salah satu jenjang yang tersedia atau tambahkan jenjang itu di "
        "data/jabatan-fungsional/{family}.yml.",
        "Choose an available grade or add it to data/jabatan-fungsional/{family}.yml.",
    ),
    Rule(
        "PK207",
        W,
        "incomplete-requirements",
        "Persyaratan jabatan '{position}' belum lengkap: {missing}.",
        "Requirements of position '{position}' are incomplete: {missing_en}.",
        "Lengkapi bagian 'persyaratan' (atau jenjangnya di data/jabatan-fungsional/) agar pegawai "
        "tahu syaratnya.",
        "Complete 'persyaratan' (or its grade in data/jabatan-fungsional/) so employees know the "
        "requirements.",
    ),
    Rule(
        "PK208",
        W,
        "training-kind",
        "'{ref}' dicantumkan di '{field}' tetapi jenisnya '{kind}'.",
        "'{ref}' is listed under '{field}' but its kind is '{kind}'.",
        "Sertifikat masuk ke 'sertifikasi', pelatihan ke 'pelatihan'.",
        "Certificates belong under 'sertifikasi', trainings under 'pelatihan'.",
    ),
    Rule(
        "PK209",
        E,
        "rank-range",
        "Golongan maksimal {maximum} lebih rendah dari golongan minimal {minimum}.",
        "Maximum rank {maximum} is below minimum rank {minimum}.",
        "Tukar kedua nilai atau perbaiki salah satunya.",
        "Swap the two values or correct one of them.",
    ),
    # --- PK3xx: career paths ---------------------------------------------------------------
    Rule(
        "PK301",
        E,
        "vertical-cycle",
        "Perpindahan vertikal membentuk lingkaran: {cycle}.",
        "Vertical moves form a cycle: {cycle}.",
        "Perpindahan vertikal selalu naik; hapus atau ubah jenis salah satu langkah di lingkaran ini.",
        "Vertical moves always go up; remove one step of the cycle or change its type.",
    ),
    Rule(
        "PK302",
        E,
        "move-type",
        "Perpindahan {dari} ({from_level}) ke {ke} ({to_level}) bukan '{jenis}': {reason}.",
        "The move {dari} ({from_level}) to {ke} ({to_level}) is not '{jenis}': {reason_en}.",
        "Sesuai PP 11/2017 Pasal 189 ayat (3): vertikal = naik dalam kelompok jabatan yang sama, "
        "horizontal = setara, diagonal = naik ke kelompok jabatan lain. Ubah jenisnya menjadi "
        "'{expected}'.",
        "Per PP 11/2017 Pasal 189(3): vertical = higher in the same group, horizontal = same level, "
        "diagonal = higher in another group. Change the type to '{expected}'.",
    ),
    Rule(
        "PK303",
        W,
        "move-equivalence",
        "Perpindahan {dari} ({from_level}) ke {ke} ({to_level}) dinyatakan '{jenis}', tetapi menurut "
        "tabel kesetaraan jabatan keduanya {relation}.",
        "The move {dari} ({from_level}) to {ke} ({to_level}) is declared '{jenis}', but by the "
        "position equivalence table they are {relation_en}.",
        "Tabel kesetaraan JA-JF belum dipastikan dari naskah peraturan; periksa kembali jenis "
        "perpindahan ini.",
        "The JA-JF equivalence table is not yet confirmed from the regulation text; check the type "
        "of this move.",
    ),
    Rule(
        "PK304",
        E,
        "self-move",
        "Perpindahan dari '{id}' ke jabatan yang sama.",
        "A move from '{id}' to the same position.",
        "Perbaiki 'dari' atau 'ke'.",
        "Correct 'dari' or 'ke'.",
    ),
    Rule(
        "PK305",
        W,
        "duplicate-move",
        "Perpindahan {dari} ke {ke} sudah ditulis di baris {first_line}.",
        "The move {dari} to {ke} is already listed on line {first_line}.",
        "Hapus salah satunya.",
        "Remove one of them.",
    ),
    Rule(
        "PK306",
        W,
        "position-without-path",
        "Jabatan '{id}' tidak ada di jalur karier mana pun.",
        "Position '{id}' is on no career path.",
        "Tambahkan langkah dari atau ke jabatan ini di salah satu berkas data/jalur/ agar pegawai "
        "melihat arah kariernya.",
        "Add a move from or to this position in one of the data/jalur/ files so employees see "
        "where it leads.",
    ),
    # --- PK4xx: national rules -------------------------------------------------------------
    Rule(
        "PK401",
        E,
        "education-below-minimum",
        "Pendidikan minimal {level} terlalu rendah untuk {jenis}: {article} menetapkan paling rendah "
        "{required}.",
        "Minimum education {level} is too low for {jenis_en}: {article} sets at least {required_en}.",
        "Naikkan 'persyaratan.pendidikan.minimal' menjadi {required} atau lebih tinggi.",
        "Raise 'persyaratan.pendidikan.minimal' to {required_en} or higher.",
    ),
    Rule(
        "PK402",
        W,
        "rank-outside-grade",
        "Golongan {field} {value} di luar rentang jenjang {jenjang} ({low}-{high}, {source}).",
        "Rank {field} {value} is outside the range of grade {jenjang} ({low}-{high}, {source}).",
        "Sesuaikan golongan dengan rentang jenjang, atau jelaskan dasar hukumnya bila peraturan "
        "jabatan fungsional ini menetapkan lain.",
        "Align the rank with the grade's range, or cite the legal basis if this job family's "
        "regulation says otherwise.",
    ),
    Rule(
        "PK403",
        W,
        "unusual-competency-level",
        "Level {competency} = {level}, sedangkan level yang lazim untuk {jenjang} adalah {usual}.",
        "{competency} level {level}, while the usual level for {jenjang} is {usual}.",
        "Periksa kembali standar kompetensi; tabel level lazim berasal dari sumber sekunder atas "
        "PermenPANRB 38/2017, jadi ini hanya peringatan.",
        "Check the competency standard again; the usual-level table comes from secondary sources on "
        "PermenPANRB 38/2017, so this is only a warning.",
    ),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


class _Lenient(dict[str, str]):
    """Format mapping that leaves unknown placeholders empty instead of raising."""

    def __missing__(self, key: str) -> str:
        return ""


def _fill(template: str, params: dict[str, str]) -> str:
    return string.Formatter().vformat(template, (), _Lenient(params))


def render_message(code: str, params: dict[str, str], lang: str = "id") -> str:
    rule = RULES[code]
    return _fill(rule.message_en if lang == "en" else rule.message_id, params)


def render_hint(code: str, params: dict[str, str], lang: str = "id") -> str:
    rule = RULES[code]
    return _fill(rule.hint_en if lang == "en" else rule.hint_id, params)
