"""Every diagnostic reads in one language: English with ``--lang en``, Indonesian by default.

Three layers: (a) every rule code has a message and a hint in both catalogues; (b) every
diagnostics catalogue entry, filled with neutral sample values, holds no word of the other
language; (c) diagnostics actually raised by broken data folders, which fill the messages with
the values the checks really pass (reasons, kinds, explanations), hold none either.

Quoted single words ('jenjang', "12") are keys, ids or values from the data and are left out of
the check, as are the words of others shown verbatim: libyaml's problem (in parentheses, for web
searches) and a schema's Indonesian description (quoted and labelled as such in English). A
quoted phrase is checked: "Change the type to '(periksa arah dari/ke)'" is a leak.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from pathlib import Path

import pytest
from factory import DataFolder

from pola_karir.cli import main
from pola_karir.diagnostics import CODES, Diagnostic
from pola_karir.text import diagnostics as words
from pola_karir.text.catalogue import LANGUAGES, LOCALE_DIR, has, messages

# Indonesian function words and everyday nouns that never occur in English prose.
# fmt: off
INDONESIAN = frozenset({
    "yang", "dan", "atau", "tidak", "dengan", "untuk", "pada", "dari", "ke", "di", "ini", "itu",
    "bukan", "sudah", "belum", "harus", "berkas", "baris", "kunci", "nilai", "periksa", "ubah",
    "hapus", "tambahkan", "galat", "saran", "sah", "lebih", "paling", "dalam", "sebagai",
    "tanda", "kutip", "sebuah", "kategori", "daftar", "kosong", "teks", "tautan", "diizinkan",
    "mungkin", "maksudnya",
})
# English function words that never occur in Indonesian prose.
ENGLISH = frozenset({
    "the", "and", "is", "are", "of", "with", "should", "must", "not", "or", "to", "in", "file",
    "line", "was", "has", "does",
})
# fmt: on

_QUOTED_WORD = re.compile(r"(?<![\w])'[^'\s]*'|\"[^\"\s]*\"")
# Labels of other programs' menus, named in their own language.
_UI_LABELS = ("'Save with Encoding'",)
_TOKEN = re.compile(r"\S+")


def foreign_words(text: str, forbidden: frozenset[str], verbatim: Iterable[str] = ()) -> list[str]:
    """Words of ``forbidden`` in ``text``, outside quoted words and the ``verbatim`` parts.

    Identifiers and paths (anything with '/', '-', '_', '.' or a digit inside a word, such as
    data/jabatan-fungsional/ or PP 11/2017) are names, not prose, and are skipped.
    """
    for part in (*verbatim, *_UI_LABELS):
        if part:
            text = text.replace(part, " ")
    text = _QUOTED_WORD.sub(" ", text)
    found = []
    for token in _TOKEN.findall(text):
        word = token.strip("()[]{}:;,.!?…'\"").lower()
        if not word.isalpha():
            continue
        if word in forbidden:
            found.append(word)
    return found


def test_foreign_words_skips_quotes_names_and_verbatim_text() -> None:
    assert foreign_words("Correct 'dari' or 'ke'.", INDONESIAN) == []
    assert foreign_words("in data/jabatan-fungsional/x.yml", INDONESIAN) == []
    assert foreign_words("Change the type to (periksa arah dari/ke).", INDONESIAN) == ["periksa"]
    assert foreign_words("Change the type to '(periksa arah)'.", INDONESIAN) == ["periksa"]
    assert foreign_words("salah (is not allowed)", ENGLISH, ["is not allowed"]) == []
    assert foreign_words("grade's range and job family's rule", ENGLISH) == ["and"]


# --- (a) every code is worded in both languages ----------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_has_a_message_and_a_hint(lang: str) -> None:
    for code in CODES:
        assert has(f"{code}.message", lang), (lang, code)
        assert has(f"{code}.hint", lang), (lang, code)


def test_every_worded_code_exists() -> None:
    worded = {key.split(".")[0] for key in messages("id") if re.match(r"PK\d{3}\.", key)}
    assert sorted(worded - set(CODES)) == []


# --- (b) the catalogue itself ----------------------------------------------------------------


def _diagnostics_keys() -> list[str]:
    keys = []
    for name in ("diagnostics.po", "levels.po"):
        po = (LOCALE_DIR / "id" / name).read_text(encoding="utf-8")
        keys += re.findall(r'^msgid "(.+)"$', po, flags=re.MULTILINE)
    return keys


def _sample(template: str) -> str:
    """The template with every placeholder filled by a name that is no word of either language."""
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return template.format_map({name: f"x-{name}" for name in fields})


@pytest.mark.parametrize("key", _diagnostics_keys())
def test_catalogue_entries_speak_one_language(key: str) -> None:
    english = _sample(messages("en")[key])
    indonesian = _sample(messages("id")[key])
    assert foreign_words(english, INDONESIAN) == [], english
    assert foreign_words(indonesian, ENGLISH) == [], indonesian


# --- (c) diagnostics raised by broken data ---------------------------------------------------


def _file_problems(folder: DataFolder) -> None:
    """PK0xx: one broken extra file per reading problem, so each is reported on its own."""
    for name, content in {
        "rusak-utf8": b"nama: \xff\n",
        "sintaks": "nama: Kepala: Seksi\n",
        "kurung": "nama: [a, b\nikhtisar: c\n",
        "tab": "nama: a\nsub:\n\t- b\n",
        "ganda": "nama: a\nnama: b\n",
        "alias": "nama: &n a\nikhtisar: *n\n",
        "kosong": "",
        "daftar": "- a\n- b\n",
        "skalar": "teks saja\n",
        "dua": "nama: a\n---\nnama: b\n",
        "kunci": "? [a, b]\n: c\n",
        "tag": "nama: !!binary aGVsbG8=\n",
        "dalam": "a: " + "[" * 50 + "]" * 50 + "\n",
        "kendali": 'nama: "a\\0b"\n',
        "kendali-mentah": "nama: a\x0bb\n",
        "bom-tengah": "nama: a\n\ufeffikhtisar: b\n",
        "tak-terlihat": "nama: Kepala\u200bSeksi\nunit: dinas\u2066-pupr\n",
        "terlalu-banyak": "nama: &n a\nikhtisar: [" + ", ".join(["*n"] * 60) + "]\n",
        "yaml-1-1": "nama: yes\nikhtisar: 1:30\nkelas_jabatan: 010\ntugas: [y]\n",
    }.items():
        folder.put(f"jabatan/{name}.yml", content)
    folder.put("jabatan/Salah.yml", "nama: x\n")
    folder.put("catatan.yml", "nama: x\n")


def _schema_problems(folder: DataFolder) -> None:
    """PK1xx, each in a file of its own kind."""
    base = dict(folder.doc("jabatan/kepala-seksi-jalan.yml"))
    variants = {
        "pk101": {**base, "keterangn": "x"},
        "pk103-list": {**base, "persyaratan": {"pelatihan": "diklat-jalan"}},
        "pk103-fill": {**base, "ikhtisar": None},
        "pk103-object": {**base, "persyaratan": 5},
        "pk104": {**base, "jenis": "pengawass"},
        "pk104-key": {**base, "persyaratan": {"kompetensi": {"manajerial": {"integritass": 2}}}},
        "pk105": {**base, "dasar_hukum": "PP 11"},
        "pk106": {**base, "kelas_jabatan": 0},
        "pk107": {**base, "persyaratan": {"pelatihan": ["diklat-jalan", "diklat-jalan"]}},
    }
    for name, document in variants.items():
        folder.put(f"jabatan/{name}.yml", document)
    folder.put("jalur/tanpa-jenis.yml", {"nama": "J", "langkah": [{"dari": "a", "ke": "b"}]})
    folder.put(
        "dasar-hukum/nomor.yml",
        {"jenis": "Perbup", "nomor": 12, "tahun": 2024, "tentang": "T", "pasal": {}},
    )


def _semantic_problems(folder: DataFolder) -> None:
    """PK2xx-PK4xx: references, identity, paths and national rules, in otherwise valid files."""
    seksi = folder.doc("jabatan/kepala-seksi-jalan.yml")
    seksi["persyaratan"]["pelatihan"] = ["diklat-jalann", "sertifikat-ahli-jalan"]
    seksi["persyaratan"]["kompetensi"]["teknis"] = {"manajemen-jalann": 3}
    seksi["persyaratan"]["kompetensi"]["manajerial"]["integritas"] = 4
    seksi["dasar_hukum"] = ["pp-11-2018", "pp-11-2017#pasal-999"]
    seksi["id"] = "kepala-seksi"
    bidang = folder.doc("jabatan/kepala-bidang-bina-marga.yml")
    bidang["persyaratan"]["pendidikan"]["minimal"] = "D3"
    bidang["persyaratan"]["golongan"] = {"minimal": "IV/a", "maksimal": "III/d"}
    bidang["unit"] = "dinas-pupr/bidang-bina-margaa"
    muda = folder.doc("jabatan/teknik-jalan-ahli-muda.yml")
    muda["jenjang"] = "ahli-madya"
    folder.doc("jabatan/teknik-jalan-ahli-pertama.yml").pop("jenjang")
    family = folder.doc("jabatan-fungsional/teknik-jalan.yml")
    family["jenjang"]["pemula"] = {"kelas_jabatan": 5}
    family["jenjang"]["ahli-muda"]["persyaratan"]["golongan"] = {"minimal": "III/a"}
    folder.put(
        "jabatan-fungsional/pranata.yml",
        {
            "nama": "Pranata",
            "kategori": "keterampilan",
            "jenjang": {
                "terampil": {
                    "kelas_jabatan": 6,
                    "persyaratan": {"golongan": {"minimal": "III/a"}},
                }
            },
        },
    )
    folder.put(
        "jabatan/pranata-terampil.yml",
        {
            "nama": "Pranata Terampil",
            "jenis": "fungsional",
            "jabatan_fungsional": "pranata",
            "jenjang": "terampil",
            "unit": "dinas-pupr/bidang-bina-marga",
            "kelas_jabatan": 6,
            "ikhtisar": "Membantu.",
        },
    )
    folder.put(
        "jabatan/staf.yml",
        {
            "nama": "Staf",
            "jenis": "pelaksana",
            "jenjang": "ahli-muda",
            "unit": "dinas-pupr",
            "kelas_jabatan": 5,
            "ikhtisar": "Membantu.",
            "persyaratan": {"pengalaman": [{"tahun": 1, "jabatan": "kepala-seksii"}]},
        },
    )
    pranata = folder.doc("jabatan/pranata-terampil.yml")
    del pranata["unit"]
    pranata["penempatan"] = [
        {"unit": "dinas-pupr/bidang-bina-marga", "kebutuhan": 1, "bezetting": 2},  # PK211
        {"unit": "dinas-pupr/bidang-bina-marga"},  # PK212
    ]
    unit = folder.doc("unit/dinas-pupr.yml")
    unit["sub"].append({"id": "bidang-bina-marga", "nama": "Lagi", "jenis": "bidang"})
    folder.doc("pelatihan.yml")["pelatihan"]["pka"] = {"nama": "PKA", "jenis": "kepemimpinan"}
    folder.doc("instansi.yml")["dasar_hukum"] = ["pp-11-2017#pasal-188"]
    # PK214 a jenis listed twice as target; PK213 its position 'staf' that no move reaches
    folder.doc("instansi.yml")["manajemen_talenta"] = {
        "jabatan_target": [{"jenis": "pelaksana"}, {"jenis": "pelaksana"}]
    }
    folder.put("jabatan/kepala-seksi.yml", folder.doc("jabatan/kepala-seksi-jalan.yml"))
    folder.put("jabatan/kepala-seksi.yaml", "nama: A\n")  # PK019: a '.yml' twin
    folder.put(  # PK220: two rumpun of one name
        "rumpun-pendidikan.yml",
        {
            "rumpun": {
                "kependidikan": {"nama": "Kependidikan", "bidang": ["Pendidikan Matematika"]},
                "keguruan": {"nama": "kependidikan", "bidang": ["PGSD"]},
            }
        },
    )
    # Levels: an eselon of another type, a kelas below a lower grade's, two administrators
    # ranked apart by kelas moved horizontally, and a mutasi after too few years.
    seksi["eselon"] = "III.a"
    folder.doc("jabatan/staf.yml")["kelas_jabatan"] = 13  # above the sekretaris of its unit
    folder.put(
        "jabatan/teknik-jalan-lain.yml",
        {**folder.doc("jabatan/teknik-jalan-ahli-muda.yml"), "jenjang": "ahli-muda"},
    )
    sekretaris = {**folder.doc("jabatan/kepala-bidang-bina-marga.yml"), "kelas_jabatan": 12}
    folder.put("jabatan/sekretaris-dinas.yml", {**sekretaris, "unit": "dinas-pupr"})

    def step(source: str, target: str, kind: str) -> dict[str, str]:
        return {"dari": source, "ke": target, "jenis": kind}

    seksi_id, bidang_id = "kepala-seksi-jalan", "kepala-bidang-bina-marga"
    pertama, muda_id = "teknik-jalan-ahli-pertama", "teknik-jalan-ahli-muda"
    folder.doc("jalur/bina-marga.yml")["langkah"] = [
        step(seksi_id, bidang_id, "vertikal"),
        step(bidang_id, seksi_id, "vertikal"),  # a cycle, and a step down
        step(seksi_id, bidang_id, "vertikal"),  # duplicate
        step(seksi_id, seksi_id, "horizontal"),  # self-move
        step(seksi_id, bidang_id, "horizontal"),  # higher in the same group
        step(seksi_id, "kepala-seksi-jalann", "horizontal"),  # unknown position
        step(seksi_id, "pranata-terampil", "vertikal"),  # vertical across groups
        step("pranata-terampil", muda_id, "diagonal"),  # diagonal in one group
        step(seksi_id, "pranata-terampil", "horizontal"),  # by the equivalence table: down
        step(pertama, muda_id, "vertikal"),
        step(bidang_id, "sekretaris-dinas", "horizontal"),  # a higher kelas of the same type
        {**step("sekretaris-dinas", "kepala-seksi", "horizontal"), "tahun_minimal": 1},
    ]


def _troubled(folder: DataFolder) -> Path:
    _file_problems(folder)
    _schema_problems(folder)
    _semantic_problems(folder)
    root = folder.write()
    (root / "jabatan" / "tautan.yml").symlink_to(root / "jabatan" / "kepala-seksi-jalan.yml")
    (root / "jalur" / "folder.yml").mkdir()
    return root


@pytest.fixture
def raised(folder: DataFolder) -> list[Diagnostic]:
    _troubled(folder)
    found = folder.diagnostics()
    bare = DataFolder(folder.root.parent / "bare").drop("instansi.yml")
    return found + bare.diagnostics()


def test_broken_data_raises_nearly_every_code(raised: list[Diagnostic]) -> None:
    """The check below is only as good as the codes it sees: keep them nearly all raised."""
    unraised = sorted(set(CODES) - {d.code for d in raised})
    assert unraised == []


def _checked(d: Diagnostic, lang: str) -> str:
    return f"{words.message(d, lang)} {words.hint(d, lang)}"


def _verbatim(d: Diagnostic) -> tuple[str, ...]:
    """Others' words a diagnostic shows as they are: the parser's, the schema author's."""
    return (d.params.get("libyaml", ""), d.params.get("schema_text", ""))


def test_english_diagnostics_hold_no_indonesian(raised: list[Diagnostic]) -> None:
    leaks = {}
    for d in raised:
        shown = _checked(d, "en")
        found = foreign_words(shown, INDONESIAN, _verbatim(d))
        if found:
            leaks[d.code] = (found, shown)
    assert leaks == {}


def test_indonesian_diagnostics_hold_no_english(raised: list[Diagnostic]) -> None:
    leaks = {}
    for d in raised:
        shown = _checked(d, "id")
        found = foreign_words(shown, ENGLISH, _verbatim(d))
        if found:
            leaks[d.code] = (found, shown)
    assert leaks == {}


def test_validate_in_english_prints_english_only(
    folder: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _troubled(folder)
    assert main(["validate", str(root), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    codes = set(re.findall(r"\[(PK\d{3})\]", out))
    assert len(codes) > 30
    leaks = []
    for line in out.splitlines():
        # the path and position in front of each message are names, not prose
        prose = line.split(": ", 1)[-1] if line.startswith(str(root)) else line
        libyaml = re.findall(r"\(([^()]*)\)\.$", prose) if "YAML syntax error" in prose else []
        schema_text = re.findall(r'\(in Indonesian\): ("[^"]*")', prose)
        found = foreign_words(prose, INDONESIAN, [*libyaml, *schema_text])
        if found:
            leaks.append((found, line))
    assert leaks == []
    assert out.rstrip().endswith("data is NOT valid.")
