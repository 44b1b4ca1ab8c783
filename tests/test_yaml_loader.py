"""PK0xx: reading YAML files and laying out the data folder.

Each broken input is written out literally so the expected line and column can be read off it.
These cases parse one text or one file directly (byte-level input, the loader's API, what survives
a problem); the same rules through a whole data folder, with their wording in both languages, are
golden files in tests/rules/PK0xx-*.yml (tests/test_rules_golden.py).
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
import yaml
from factory import DataFolder, summary
from hypothesis import given, settings
from hypothesis import strategies as st

from pola_karir.diagnostics import MAX_PER_FILE, Severity
from pola_karir.load.yaml_loader import (
    _SYNTAX,
    MAX_BYTES,
    MAX_DEPTH,
    Document,
    _Loader,
    explain_syntax,
    load_document,
    parse_text,
)
from pola_karir.model import Location
from pola_karir.text import diagnostics as words
from pola_karir.text.catalogue import text as catalogue_text


def parse(text: str) -> tuple[Document | None, list[tuple[str, int, int, str]]]:
    document, found = parse_text(text, Path("f.yml"), "f.yml")
    for d in found:
        assert d.location.file == "f.yml"
    return document, [(d.code, d.location.line, d.location.column, words.message(d)) for d in found]


def load(path: Path) -> tuple[Document | None, list[tuple[str, int, int, str]]]:
    document, found = load_document(path, "f.yml")
    return document, [(d.code, d.location.line, d.location.column, words.message(d)) for d in found]


# --- one table: text in, exactly one diagnostic out ------------------------------------------

DEEP_BLOCK = "\n".join(f"{'  ' * i}k{i}:" for i in range(50)) + " x\n"

SINGLE = [
    # PK003: syntax, at libyaml's problem mark
    (
        "mapping-in-plain-value",
        "nama: a: b\n",
        "PK003",
        1,
        8,
        "Sintaks YAML salah: ada titik dua (:) yang tidak pada tempatnya; bila sebuah nilai berisi ': ', beri tanda kutip pada nilai itu (mapping values are not allowed in this context).",
    ),
    (
        "unclosed-quote",
        "nama: 'abc\n",
        "PK003",
        2,
        1,
        "Sintaks YAML salah: berkas berakhir sebelum tanda kutip ditutup (found unexpected end of stream).",
    ),
    (
        "unclosed-flow-list",
        "nama: [a, b\n",
        "PK003",
        2,
        1,
        "Sintaks YAML salah: daftar dalam kurung siku [ ] belum ditutup atau kurang koma (did not find expected ',' or ']').",
    ),
    (
        "bad-indentation",
        "nama: a\n  b: c\n",
        "PK003",
        2,
        4,
        "Sintaks YAML salah: ada titik dua (:) yang tidak pada tempatnya; bila sebuah nilai berisi ': ', beri tanda kutip pada nilai itu (mapping values are not allowed in this context).",
    ),
    (
        "list-then-mapping",
        "- a\nb: c\n",
        "PK003",
        2,
        1,
        "Sintaks YAML salah: butir daftar ('- ') tidak sejajar dengan butir sebelumnya (did not find expected '-' indicator).",
    ),
    (
        "unknown-escape",
        'nama: "x\\q"\n',
        "PK003",
        1,
        9,
        "Sintaks YAML salah: garis miring terbalik (\\) dalam teks bertanda kutip ganda; pakai tanda kutip tunggal (found unknown escape character).",
    ),
    (
        "reserved-indicator",
        "nama: @x\n",
        "PK003",
        1,
        7,
        "Sintaks YAML salah: nilai diawali karakter yang tidak boleh di awal (misalnya @, ` atau %); beri tanda kutip (found character that cannot start any token).",
    ),
    # PK004: a tab in the indentation, at the tab itself
    (
        "tab-first-column",
        "nama: a\n\tjenis: b\n",
        "PK004",
        2,
        1,
        "Karakter tab dipakai untuk indentasi.",
    ),
    (
        "tab-after-spaces",
        "nama: a\n  \tjenis: b\n",
        "PK004",
        2,
        3,
        "Karakter tab dipakai untuk indentasi.",
    ),
    ("tab-before-dash", "nama:\n\t- a\n", "PK004", 2, 1, "Karakter tab dipakai untuk indentasi."),
    # PK005: the second occurrence, naming the line of the first
    (
        "duplicate-top-key",
        "nama: A\nsingkatan: B\nnama: C\n",
        "PK005",
        3,
        1,
        "Kunci 'nama' ditulis dua kali (pertama di baris 1); YAML biasa diam-diam hanya "
        "menyimpan yang terakhir sehingga data hilang.",
    ),
    (
        "duplicate-nested-key",
        "regulasi:\n  jenis: Perbup\n  nomor: '1'\n  jenis: Perwali\n",
        "PK005",
        4,
        3,
        "Kunci 'jenis' ditulis dua kali (pertama di baris 2); YAML biasa diam-diam hanya "
        "menyimpan yang terakhir sehingga data hilang.",
    ),
    # PK006: at the '*alias', not at the anchor
    (
        "scalar-alias",
        "a: &x 1\nb: *x\n",
        "PK006",
        2,
        4,
        "Anchor/alias YAML ('&' dan '*') tidak didukung.",
    ),
    (
        "mapping-alias-in-list",
        "a: &x {c: 1}\nb:\n  - *x\n",
        "PK006",
        3,
        5,
        "Anchor/alias YAML ('&' dan '*') tidak didukung.",
    ),
    # PK007: nothing in the file
    ("empty", "", "PK007", 1, 1, "Berkas kosong."),
    ("only-comment", "# belum diisi\n", "PK007", 1, 1, "Berkas kosong."),
    ("only-null", "~\n", "PK007", 1, 1, "Berkas kosong."),
    ("only-separator", "---\n", "PK007", 1, 1, "Berkas kosong."),
    # PK008: the root is not a mapping
    (
        "root-list",
        "- a\n- b\n",
        "PK008",
        1,
        1,
        "Isi berkas harus berupa pemetaan 'kunci: nilai', bukan daftar (list).",
    ),
    (
        "root-scalar",
        "  teks saja\n",
        "PK008",
        1,
        3,
        "Isi berkas harus berupa pemetaan 'kunci: nilai', bukan nilai tunggal (scalar).",
    ),
    # PK009: at the '---' that starts the second document
    (
        "two-documents",
        "nama: a\n---\nnama: b\n",
        "PK009",
        2,
        1,
        "Berkas berisi lebih dari satu dokumen YAML (pemisah '---').",
    ),
    (
        "empty-second-document",
        "nama: a\n\n\n---\n",
        "PK009",
        4,
        1,
        "Berkas berisi lebih dari satu dokumen YAML (pemisah '---').",
    ),
    # PK011: a key that is a list or a mapping
    ("flow-list-key", "nama: x\n[a, b]: 1\n", "PK011", 2, 1, "Kunci harus berupa teks sederhana."),
    ("explicit-list-key", "? [a, b]\n: 1\n", "PK011", 1, 3, "Kunci harus berupa teks sederhana."),
    ("mapping-key", "{a: 1}: x\n", "PK011", 1, 1, "Kunci harus berupa teks sederhana."),
    # PK013: tags, shown as they were written
    ("local-tag", "nama: !custom x\n", "PK013", 1, 7, "Tag YAML '!custom' tidak didukung."),
    (
        "binary-tag",
        "nama: !!binary aGVsbG8=\n",
        "PK013",
        1,
        7,
        "Tag YAML '!!binary' tidak didukung.",
    ),
    (
        "python-tag",
        "a: !!python/name:os.system ''\n",
        "PK013",
        1,
        4,
        "Tag YAML '!!python/name:os.system' tidak didukung.",
    ),
    ("tag-on-mapping", "a: !foo\n  b: 1\n", "PK013", 1, 4, "Tag YAML '!foo' tidak didukung."),
    ("set-tag", "a: !!set\n  ? b\n", "PK013", 1, 4, "Tag YAML '!!set' tidak didukung."),
    ("omap-tag", "a: !!omap\n  - b: 1\n", "PK013", 1, 4, "Tag YAML '!!omap' tidak didukung."),
    ("tag-on-root", "--- !root\na: 1\n", "PK013", 1, 5, "Tag YAML '!root' tidak didukung."),
    # PK014: at the first node deeper than the limit (in a block mapping: its first key)
    (
        "deep-flow",
        "x: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
        "PK014",
        1,
        44,
        "Struktur bersarang terlalu dalam (lebih dari 40 tingkat).",
    ),
    (
        "deep-block",
        DEEP_BLOCK,
        "PK014",
        41,
        81,
        "Struktur bersarang terlalu dalam (lebih dari 40 tingkat).",
    ),
    (
        "very-deep-flow",
        "x: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "PK014",
        1,
        44,
        "Struktur bersarang terlalu dalam (lebih dari 40 tingkat).",
    ),
    (
        "very-deep-dashes",
        "x:\n" + "- " * 100_000 + "y\n",
        "PK014",
        2,
        81,
        "Struktur bersarang terlalu dalam (lebih dari 40 tingkat).",
    ),
]


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "message"),
    [case[1:] for case in SINGLE],
    ids=[case[0] for case in SINGLE],
)
def test_one_problem_at_its_exact_position(
    text: str, code: str, line: int, column: int, message: str
) -> None:
    _, found = parse(text)
    assert found == [(code, line, column, message)]


def test_nesting_up_to_the_limit_is_accepted() -> None:
    document, found = parse("x: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n")
    assert found == []
    assert document is not None
    value = document.data["x"]
    for _ in range(MAX_DEPTH - 1):
        assert isinstance(value, list)
        assert len(value) == 1
        value = value[0]
    assert value == []


def test_tab_inside_a_quoted_value_is_not_indentation() -> None:
    document, found = parse("nama: 'a\tb'\n")
    assert found == []
    assert document is not None
    assert document.data == {"nama": "a\tb"}


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("a: |\n  baris\n  \tmenjorok\n", {"a": "baris\n\tmenjorok\n"}),
        ('a: "x\n\ty"\n', {"a": "x y"}),
        ("a: [x,\n\tz]\n", {"a": ["x", "z"]}),
        ("a: 1\n  \t  \nb: 2\n", {"a": 1, "b": 2}),
    ],
    ids=["block-scalar", "quoted-continuation", "flow-continuation", "blank-line"],
)
def test_tabs_that_yaml_accepts_are_not_reported(text: str, data: dict[str, object]) -> None:
    document, found = parse(text)
    assert found == []
    assert document is not None
    assert document.data == data


def test_tab_before_a_comment_is_indentation() -> None:
    _, found = parse("a: b\n\t# catatan\nc: d\n")
    assert found == [("PK004", 2, 1, "Karakter tab dipakai untuk indentasi.")]


def test_every_tab_line_is_reported() -> None:
    _, found = parse("a:\n\tb: 1\nc:\n \t d: 2\n")
    assert [(code, line, column) for code, line, column, _ in found] == [
        ("PK004", 2, 1),
        ("PK004", 4, 2),
    ]


# --- what survives a problem ------------------------------------------------------------------


def test_duplicate_key_keeps_the_first_value_and_the_document() -> None:
    document, found = parse("nama: A\nnama: B\nsingkatan: S\n")
    assert [f[:3] for f in found] == [("PK005", 2, 1)]
    assert document is not None
    assert document.data == {"nama": "A", "singkatan": "S"}


def test_alias_is_dropped_but_the_rest_is_kept() -> None:
    document, found = parse("a: &x 1\nb: *x\nc: 3\n")
    assert [f[:3] for f in found] == [("PK006", 2, 4)]
    assert document is not None
    assert document.data == {"a": 1, "b": None, "c": 3}


def test_every_alias_and_every_duplicate_in_one_file() -> None:
    _, found = parse("a: &x 1\nb: *x\nc: *x\na: 2\n")
    assert [f[:3] for f in found] == [("PK006", 2, 4), ("PK006", 3, 4), ("PK005", 4, 1)]


def test_billion_laughs_is_not_expanded() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    document, found = parse("\n".join(lines) + "\n")
    assert document is not None
    # every '*alias' once, nothing expanded: 50 shown, the other 31 counted
    assert [f[0] for f in found] == ["PK006"] * MAX_PER_FILE + ["PK018"]
    assert found[-1][3].startswith("31 temuan lain")
    assert document.data["a9"] == [None] * 9


def test_scalars_become_plain_json_values() -> None:
    text = (
        "teks: Kepala Seksi\n"
        "angka: 12\n"
        "pecahan: 2.5\n"
        "benar: true\n"
        "kosong:\n"
        "tanggal: 2024-01-02\n"
        "bukan-angka: .nan\n"
        "tak-hingga: -.inf\n"
        "terlalu-besar: 1e999\n"
        "besar: 99999999999999999999999999\n"
        "dipaksa-teks: !!str 12\n"
        "dipaksa-angka: !!int '2024'\n"
    )
    document, found = parse(text)
    assert found == []
    assert document is not None
    assert document.data == {
        "teks": "Kepala Seksi",
        "angka": 12,
        "pecahan": 2.5,
        "benar": True,
        "kosong": None,
        "tanggal": "2024-01-02",
        "bukan-angka": ".nan",
        "tak-hingga": "-.inf",
        "terlalu-besar": "1e999",
        "besar": 99999999999999999999999999,
        "dipaksa-teks": "12",
        "dipaksa-angka": 2024,
    }


def test_positions_of_values_and_keys() -> None:
    document, _ = parse("nama: A\nregulasi:\n  jenis: Perbup\n  pasal:\n    - satu\n    - dua\n")
    assert document is not None
    assert document.location() == Location("f.yml", 1, 1)
    assert document.location(("regulasi",)) == Location("f.yml", 3, 3)
    assert document.location(("regulasi",), key=True) == Location("f.yml", 2, 1)
    assert document.location(("regulasi", "jenis")) == Location("f.yml", 3, 10)
    assert document.location(("regulasi", "pasal", 1)) == Location("f.yml", 6, 7)
    # a path that does not exist falls back to its nearest existing parent
    assert document.location(("regulasi", "tidak-ada", 3)) == Location("f.yml", 3, 3)
    # key=True on a list item (which has no key) falls back to the item itself
    assert document.location(("regulasi", "pasal", 0), key=True) == Location("f.yml", 5, 7)


# --- files on disk: PK001 and PK002 ----------------------------------------------------------


def test_pk001_symbolic_link(tmp_path: Path) -> None:
    target = tmp_path / "asli.yml"
    target.write_text("nama: A\n", encoding="utf-8")
    link = tmp_path / "tautan.yml"
    link.symlink_to(target)
    document, found = load(link)
    assert document is None
    assert found == [("PK001", 1, 1, "Berkas tidak dapat dibaca: tautan simbolik tidak diizinkan.")]


def test_pk001_directory_named_like_a_file(tmp_path: Path) -> None:
    directory = tmp_path / "x.yml"
    directory.mkdir()
    document, found = load(directory)
    assert document is None
    assert found == [
        ("PK001", 1, 1, "Berkas tidak dapat dibaca: yang ada di sini sebuah folder, bukan berkas.")
    ]


def test_pk001_missing_file(tmp_path: Path) -> None:
    document, found = load(tmp_path / "hilang.yml")
    assert document is None
    assert found == [("PK001", 1, 1, "Berkas tidak dapat dibaca: berkas tidak ada.")]


def test_pk001_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "besar.yml"
    path.write_text("nama: " + "a" * MAX_BYTES + "\n", encoding="utf-8")
    document, found = load(path)
    assert document is None
    assert found == [("PK001", 1, 1, "Berkas tidak dapat dibaca: lebih dari 2000000 bita.")]


def test_pk001_english_message_and_hint(tmp_path: Path) -> None:
    link = tmp_path / "tautan.yml"
    link.symlink_to(tmp_path)
    _, found = load_document(link, "f.yml")
    (d,) = found
    assert d.severity is Severity.ERROR
    assert words.message(d, "en").startswith("Cannot read the file: ")
    assert words.hint(d) == (
        "Pastikan berkas ada, berupa berkas biasa (bukan tautan simbolik), dan ukurannya wajar."
    )
    assert words.hint(d, "en") == (
        "Make sure the file exists, is a regular file (not a symbolic link) and of sensible size."
    )


@pytest.mark.parametrize(
    ("raw", "line", "column", "offset"),
    [
        # the bad byte 0xE9 (Latin-1 'é') after "singkatan: caf" on line 2
        (b"nama: Dinas\nsingkatan: caf\xe9 x\n", 2, 15, 27),
        # columns count characters, not bytes: 'é' before the bad byte is one column
        (b"nama: Caf\xc3\xa9 \xff\n", 1, 12, 13),
        # a byte-order mark is neither a column nor skipped in the byte count
        (b"\xef\xbb\xbfnama: caf\xe9\n", 1, 10, 13),
        # a truncated multi-byte sequence at the end of the file
        (b"nama: a\nb: \xe2\x82", 2, 4, 12),
    ],
    ids=["latin1", "after-multibyte", "after-bom", "truncated"],
)
def test_pk002_invalid_utf8_at_the_bad_byte(
    tmp_path: Path, raw: bytes, line: int, column: int, offset: int
) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes(raw)
    document, found = load(path)
    assert document is None
    assert found == [
        (
            "PK002",
            line,
            column,
            f"Berkas bukan teks UTF-8 yang sah (bita ke-{offset} tidak dapat dibaca).",
        )
    ]


def test_pk002_english(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes(b"nama: \x80\n")
    _, (d,) = load_document(path, "f.yml")
    assert words.message(d, "en") == "The file is not valid UTF-8 text (byte 7 cannot be decoded)."
    assert (
        words.hint(d, "en")
        == "Save the file again as UTF-8 (in VS Code: 'Save with Encoding' > UTF-8)."
    )


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes(b"\xef\xbb\xbfnama: Caf\xc3\xa9\n")
    document, found = load(path)
    assert found == []
    assert document is not None
    assert document.data == {"nama": "Café"}
    assert document.location(("nama",)) == Location("f.yml", 1, 7)


def test_english_messages_and_hints_of_reading_rules() -> None:
    _, found = parse_text("nama: A\nnama: B\n", Path("f.yml"), "f.yml")
    (d,) = found
    assert words.message(d, "en") == (
        "Key 'nama' appears twice (first on line 1); plain YAML silently keeps only the last one, "
        "losing data."
    )
    assert words.hint(d, "en") == "Remove one of them or merge their contents under one key."
    _, (tab,) = parse_text("a:\n\tb: 1\n", Path("f.yml"), "f.yml")
    assert words.hint(tab) == (
        "Ganti tab dengan spasi (2 spasi per tingkat); YAML tidak mengizinkan tab untuk indentasi."
    )
    assert words.message(tab, "en") == "A tab character is used for indentation."


# --- the data folder through a full run ------------------------------------------------------
# Readable folder cases (symbolic links, folders named like files, bad file names, unknown and
# hidden files, a missing instansi.yml) are goldens in tests/rules/PK0xx-*.yml; these need bytes
# or an API that a golden cannot hold.


def test_pk002_inside_the_data_folder(folder: DataFolder) -> None:
    folder.put("unit/dinas-pupr.yml", b"nama: Dinas Pekerjaan Umum\nsingkatan: PU\xa0PR\n")
    result = folder.validate()
    # the broken unit file is reported once; positions in its units are not also "unknown"
    assert summary(result.diagnostics) == [("PK002", "data/unit/dinas-pupr.yml", 2, 14)]
    assert result.diagnostics[0].params == {"offset": "41"}


def test_pk015_in_an_empty_folder(tmp_path: Path) -> None:
    from pola_karir.rules.validate import validate_project

    result = validate_project(tmp_path, "kosong")
    assert summary(result.diagnostics) == [("PK015", "kosong/instansi.yml", 1, 1)]
    assert result.file_count == 0


def test_shown_root_defaults_to_the_folder_path(tmp_path: Path) -> None:
    from pola_karir.rules.validate import validate_project

    result = validate_project(tmp_path)
    assert [d.location.file for d in result.diagnostics] == [
        os.fspath(tmp_path / "instansi.yml").replace(os.sep, "/")
    ]


@pytest.mark.parametrize(
    ("text", "line", "column", "explained"),
    [
        ("nama: Kepala: Seksi\n", 1, 13, "ada titik dua (:) yang tidak pada tempatnya"),
        ("a:\n  - 1\n - 2\n", 3, 2, "indentasi baris ini tidak sejajar dengan kunci di atasnya"),
        ('nama: "abc\n', 2, 1, "berkas berakhir sebelum tanda kutip ditutup"),
        ("x: [1, 2\n", 2, 1, "daftar dalam kurung siku [ ] belum ditutup atau kurang koma"),
        ("nama: @x\n", 1, 7, "nilai diawali karakter yang tidak boleh di awal"),
        ('x: "a\\q"\n', 1, 6, "garis miring terbalik"),
        ("a: b\nc\nd: e\n", 3, 1, "sebuah kunci tidak diikuti titik dua (:)"),
    ],
)
def test_syntax_errors_are_explained_for_people(
    text: str, line: int, column: int, explained: str
) -> None:
    _, found = parse_text(text, Path("x.yml"), "x.yml")
    assert [(d.code, d.location.line, d.location.column) for d in found] == [
        ("PK003", line, column)
    ]
    assert words.message(found[0]).startswith(f"Sintaks YAML salah: {explained}")
    assert "(" in words.message(found[0], "en") and "YAML syntax error: " in words.message(
        found[0], "en"
    )


def test_control_characters_in_text_are_rejected() -> None:
    text = 'nama: "Kepala\\0Bidang"\nikhtisar: ok\n"k\\x01": 1\ntugas: "tab\\tboleh"\n'
    document, found = parse_text(text, Path("x.yml"), "x.yml")
    assert [(d.code, d.location.line, d.location.column, words.message(d)) for d in found] == [
        (
            "PK016",
            1,
            7,
            "Ada karakter tak terlihat U+0000 di sini: karakter nol (NUL), biasanya dari berkas"
            " biner atau salinan yang rusak.",
        ),
        ("PK016", 3, 1, "Ada karakter tak terlihat U+0001 di sini: karakter kendali C0."),
    ]
    assert words.message(found[0], "en") == (
        "There is an invisible character U+0000 here: null character (NUL), usually from a"
        " binary file or a damaged copy."
    )
    assert words.hint(found[0], "en").startswith("Remove the character (usually written as \\0")
    assert document is not None and document.data["tugas"] == "tab\tboleh"


# Written as is, each of these stops libyaml's reader at the first one with "1:1 ReaderError";
# they are reported at their own line and column instead, once per line, in plain words.
RAW_CONTROLS = [
    ("\x00", "0000", "karakter nol (NUL)"),
    ("\x0b", "000B", "tab vertikal, biasanya dari Microsoft Word"),
    ("\x0c", "000C", "ganti halaman (form feed)"),
    ("\x1b", "001B", "escape (ESC)"),
    ("\x7f", "007F", "hapus (DEL)"),
    ("\x85", "0085", "baris berikutnya (NEL)"),
    ("\x9b", "009B", "karakter kendali C1"),
    ("\x02", "0002", "karakter kendali C0"),
    ("\uffff", "FFFF", "bukan karakter Unicode"),
]


@pytest.mark.parametrize(
    ("char", "code", "name"), RAW_CONTROLS, ids=[c for _, c, _ in RAW_CONTROLS]
)
def test_raw_control_character_at_its_line_and_column(char: str, code: str, name: str) -> None:
    text = f"nama: Kepala\nikhtisar: Menyusun{char} rencana é{char}\n# catatan {char}\n"
    document, found = parse(text)
    assert document is None
    assert [f[:3] for f in found] == [("PK016", 2, 19), ("PK016", 3, 11)]
    assert found[0][3].startswith(f"Ada karakter tak terlihat U+{code} di sini: {name}")


def test_raw_control_characters_on_many_lines_are_capped() -> None:
    lines = [f"k{i}: a\x0bb" for i in range(MAX_PER_FILE + 30)]
    document, found = parse("\n".join(lines) + "\n")
    assert document is None
    assert [f[0] for f in found] == ["PK016"] * MAX_PER_FILE + ["PK018"]
    assert found[-1][1:3] == (MAX_PER_FILE + 1, 7)  # where the first one left out is
    assert found[-1][3].startswith("30 temuan lain di berkas ini tidak ditampilkan (30 galat")


def test_byte_order_mark_in_the_middle_stops_the_parse_at_its_place() -> None:
    document, found = parse("nama: a\n\ufeffikhtisar: b\n")
    assert document is None
    assert [f[:3] for f in found] == [("PK016", 2, 1)]
    assert "U+FEFF" in found[0][3] and "dua berkas yang digabung" in found[0][3]


# Invisible characters that make ids and text read differently from what they hold.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2060"]
INVISIBLE += ["\u2066", "\u2069", "\u180e", "\ufeff"]


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_character_is_an_error_in_ids_and_a_warning_in_text(char: str) -> None:
    text = (
        f"nama: Kepala {char}Seksi\n"  # text: warning at the character itself
        f"unit: dinas-pupr/bidang{char}-bina-marga\n"  # a reference: error
        f"kompetensi:\n  integri{char}tas: 3\n"  # a key: error
        f'ikhtisar: "Menyusun \\u{ord(char):04x}rencana"\n'  # an escape: at the value
    )
    document, found = parse(text)
    assert document is not None
    code = f"U+{ord(char):04X}"
    assert [f[:3] for f in found] == [
        ("PK017", 1, 14),
        ("PK016", 2, 24),
        ("PK016", 4, 10),
        ("PK017", 5, 11),
    ]
    assert all(code in f[3] for f in found)
    by_code = {d.code: d for d in parse_text(text, Path("f.yml"), "f.yml")[1]}
    assert by_code["PK016"].severity is Severity.ERROR
    assert by_code["PK017"].severity is Severity.WARNING
    assert "id" in words.hint(by_code["PK016"], "en")


def test_invisible_character_column_counts_characters_not_bytes() -> None:
    _, found = parse("nama: Kepala Séksi ꦥ\u202eab\n")
    assert [f[:3] for f in found] == [("PK017", 1, 21)]


def test_byte_order_mark_at_the_start_is_not_invisible_text(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes("\ufeffnama: Kepala\n".encode())
    assert load(path)[1] == []


# One text per plain-word explanation, with the parser that words it so. If a PyYAML or libyaml
# release rewords a problem, the explanation silently degrades to libyaml's bare English: this
# catches that drift (CI runs the suite against the newest releases too).
_SYNTAX_SAMPLES = {
    "mapping values are not allowed": ("a: b: c\n", yaml.CSafeLoader),
    "could not find expected ':'": ("a: 1\nb\nc: 2\n", yaml.CSafeLoader),
    "did not find expected key": ("a:\n  b: 1\n c: 2\n", yaml.CSafeLoader),
    "did not find expected '-' indicator": ("a:\n  - 1\n  b: 2\n", yaml.CSafeLoader),
    "expected <block end>": ("a:\n  b: 1\n  - 2\n", yaml.SafeLoader),
    "found character that cannot start any token": ("a: @b\n", yaml.CSafeLoader),
    "found unknown escape character": ('a: "\\q"\n', yaml.CSafeLoader),
    "found unexpected end of stream": ('a: "abc\n', yaml.CSafeLoader),
    "did not find expected node content": ("a: [1, , 2]\n", yaml.CSafeLoader),
    "did not find expected ',' or ']'": ("a: [1, 2\nb: 3\n", yaml.CSafeLoader),
    "did not find expected ',' or '}'": ("a: {b: 1\nc: 2\n", yaml.CSafeLoader),
    "found undefined alias": ("a: *x\n", yaml.CSafeLoader),
}


def test_every_syntax_explanation_has_a_sample() -> None:
    assert sorted(_SYNTAX_SAMPLES) == sorted(needle for needle, _ in _SYNTAX)


@pytest.mark.parametrize("needle", sorted(_SYNTAX_SAMPLES))
def test_syntax_explanations_still_match_the_installed_parser(needle: str) -> None:
    text, loader = _SYNTAX_SAMPLES[needle]
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.compose(text, Loader=loader)
    problem = raised.value.problem or ""
    key = explain_syntax(problem, raised.value.context or "")
    assert key is not None, f"libyaml no longer says {needle!r}: {problem!r}"
    assert catalogue_text(key, "en", libyaml=problem).endswith(f"({problem})")


def test_nesting_refused_by_the_parser_itself_is_still_pk014() -> None:
    """libyaml >= 0.2.5 (PyYAML 6.0.4) stops flow nesting at 1,000 levels in its scanner, with
    its own words; far below our own pre-check's threshold, the result must not change."""
    _, found = parse_text("x: " + "[" * 1200 + "]" * 1200 + "\n", Path("f.yml"), "f.yml")
    assert [(d.code, d.location.line, d.location.column) for d in found] == [("PK014", 1, 44)]


# --- tag resolution (the loader's faster resolve) -----------------------------------------------

WRITTEN_SCALARS = [
    "",
    "~",
    "null",
    "Null",
    "NULL",
    "nul",
    "yes",
    "Yes",
    "YES",
    "no",
    "On",
    "off",
    "y",
    "n",
    "true",
    "False",
    "TRUE",
    "tRUE",
    "0",
    "-0",
    "+12",
    "012",
    "0o17",
    "0x1F",
    "0b101",
    "1_000",
    "1:30",
    "190:20:30",
    "1.5",
    "-.5",
    "1e3",
    "6.8523015e+5",
    ".inf",
    "-.Inf",
    ".NaN",
    ".nan",
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "2002-12-14 21:59:43.10 -5",
    "=",
    "<<",
    "!",
    "&",
    "*",
    "-",
    "+",
    ".",
    "kepala seksi",
    "analis-sdm",
    "3 tahun",
    "IV/a",
    "S1",
    "08",
    "09.5",
    "0.",
    "1,000",
    "ahli-muda",
    "Yes please",
    "null-ish",
    "~x",
]


def _resolve_both(kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> None:
    ours = _Loader("").resolve(kind, value, implicit)
    pyyaml = yaml.resolver.Resolver().resolve(kind, value, implicit)
    assert ours == pyyaml, (kind, value, implicit)


@pytest.mark.parametrize("value", WRITTEN_SCALARS)
def test_tags_are_resolved_as_pyyaml_resolves_them(value: str) -> None:
    for implicit in ((True, False), (False, True), (False, False), (True, True)):
        _resolve_both(yaml.ScalarNode, value, implicit)
    _resolve_both(yaml.MappingNode, value, (True, False))
    _resolve_both(yaml.SequenceNode, value, (True, False))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789+-._:eExXoObB~nNyYtTfF<=!&* aZ"), max_size=12))
def test_tags_of_any_plain_scalar_are_pyyaml_s(value: str) -> None:
    _resolve_both(yaml.ScalarNode, value, (True, False))


def test_a_document_sent_by_a_worker_is_the_same_document() -> None:
    text = "nama: Analis\nkelas_jabatan: 7\naktif: yes\ndaftar: [1, 2.5, null, {a: b}]\n"
    document, _ = parse_text(text, Path("data/jabatan/analis.yml"), "data/jabatan/analis.yml")
    assert document is not None and document.written_at  # 'yes', as written
    document.location(("daftar", 3, "a"))  # fills a cache that is not sent
    back = pickle.loads(pickle.dumps(document))
    assert back == document
    assert back.written == document.written
    for path in [("daftar", 3, "a"), ("kelas_jabatan",), ("tidak-ada",)]:
        assert back.location(path) == document.location(path)
        assert back.location(path, key=True) == document.location(path, key=True)


def test_a_document_holding_a_value_marshal_cannot_write_does_not_pickle() -> None:
    document, _ = parse_text("nama: Analis\n", Path("a.yml"), "a.yml")
    assert document is not None
    document.data["nama"] = object()  # never made by the loader: the worker's chunk is redone
    with pytest.raises(ValueError):
        pickle.dumps(document)
