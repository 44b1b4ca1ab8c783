"""Property-based tests: whatever a person (or a broken editor) writes, the validator answers
with diagnostics and never with a traceback.

(a) Random text, dumped random structures, nasty YAML fragments and binary junk go through the
    loader. (b) Valid documents from the factory are mutated at random and validated as a whole
    folder. Every diagnostic must carry a known code, a 1-based position and render in both
    languages with every placeholder of its message and hint filled.
"""

from __future__ import annotations

import copy
import json
import math
import re
import string
import tempfile
from pathlib import Path
from typing import Any

import yaml
from factory import SAMPLE_IDS, SHOWN_ROOT, dump, minimal_files, write_files
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pola_karir import reference
from pola_karir.diagnostics import CODES, Diagnostic, Severity
from pola_karir.load.scalars import SHORT_BOOLEANS, readings
from pola_karir.load.yaml_loader import Document, load_document, parse_text
from pola_karir.report import FORMATS, render
from pola_karir.rules.validate import validate_project
from pola_karir.text import diagnostics as words

FAST = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FOLDER = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def check_diagnostic(d: Diagnostic, file_prefix: str) -> None:
    assert isinstance(d, Diagnostic)
    assert d.code in CODES
    assert d.location.file.startswith(file_prefix)
    assert d.location.line >= 1
    assert d.location.column >= 1
    assert d.severity in (Severity.ERROR, Severity.WARNING, Severity.NOTE)
    # every placeholder of the message and hint, in both languages, has a value
    values = words.values(d)
    for part in ("message", "hint"):
        template = words.template(d.code, part)
        assert placeholders(template) <= set(values), (d.code, template, values)
    for lang in ("id", "en"):
        assert isinstance(words.message(d, lang), str)
        assert words.message(d, lang).strip()
        assert isinstance(words.hint(d, lang), str)


def check_document(document: Document | None, found: list[Diagnostic]) -> None:
    for d in found:
        check_diagnostic(d, "f.yml")
    if document is None:
        assert found, "a file without a document must say why"
        return
    assert isinstance(document.data, dict)
    # plain JSON values only: no dates, sets, bytes, NaN or infinity
    json.dumps(document.data, allow_nan=False)
    for line, column in [*document.value_marks.values(), *document.key_marks.values()]:
        assert line >= 1
        assert column >= 1


def parse(text: str) -> tuple[Document | None, list[Diagnostic]]:
    document, found = parse_text(text, Path("f.yml"), "f.yml")
    check_document(document, found)
    return document, found


# --- (a) the loader ------------------------------------------------------------------------------

FRAGMENTS = [
    "\t",
    "  ",
    "\n",
    "\r\n",
    ": ",
    "- ",
    "? ",
    "&a ",
    "*a",
    "&b [1, 2]",
    "*b",
    "---",
    "...",
    "--- !x",
    "%YAML 1.2",
    "%TAG ! tag:contoh.id,2024:",
    "[",
    "]",
    "{",
    "}",
    "[" * 60,
    "- " * 60,
    ",",
    "'",
    '"',
    "|",
    ">-",
    "#",
    "<<: ",
    "=",
    "~",
    "null",
    "yes",
    "no",
    ".nan",
    "-.inf",
    "1e999",
    "0x1F",
    "0o17",
    "2024-02-30",
    "12:30:00",
    "9" * 400,
    "-" + "9" * 40,
    "!!binary aGVsbG8=",
    "!!python/object:os.system",
    "!!set",
    "!!omap",
    "!!timestamp x",
    "!!int abc",
    "!!float x",
    "!custom",
    "!",
    "\ufeff",
    "\x00",
    "\x85",
    "\u2028",
    "\U0001f600",
    "nama",
    "jenis",
    "kepala-seksi",
    "\\",
]

# Characters the loader reports as PK016 (C0 except tab/LF/CR, DEL, C1, U+FFFE/U+FFFF),
# written out here rather than imported so that the test checks the loader's own list.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# And zero-width and bidirectional characters (PK016 in ids and keys, PK017 in other text).
INVISIBLE = re.compile("[\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

YAML_BREAKS = re.compile("[\x85\u2028\u2029]")

nasty_text = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(max_size=6), min_size=1, max_size=40
).map("".join)

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**63, max_value=2**200)
    | st.floats()
    | st.text(max_size=30)
    | st.dates().map(str)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
structures = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            json_scalars.filter(lambda k: not isinstance(k, float)), inner, max_size=4
        )
        | st.sets(st.integers(), max_size=3)
        | st.binary(max_size=10)
        | st.tuples(inner, inner)
    ),
    max_leaves=20,
)


@FAST
@given(st.text(max_size=300))
def test_random_text_never_raises(text: str) -> None:
    parse(text)


@FAST
@given(nasty_text)
def test_nasty_fragments_never_raise(text: str) -> None:
    parse(text)


@FAST
@given(structures)
def test_dumped_structures_never_raise(value: Any) -> None:
    parse(yaml.dump(value, Dumper=yaml.Dumper, allow_unicode=True))
    parse(yaml.dump(value, Dumper=yaml.Dumper, default_flow_style=True, width=20))


@FAST
@given(json_values.filter(lambda v: isinstance(v, dict)))
def test_plain_mappings_round_trip(value: dict[str, Any]) -> None:
    """What yaml.safe_dump writes for plain data comes back unchanged and without diagnostics
    (non-finite floats excepted: they are kept as text for the schema to reject)."""

    def finite(v: Any) -> bool:
        if isinstance(v, float):
            return math.isfinite(v)
        if isinstance(v, list):
            return all(finite(x) for x in v)
        if isinstance(v, dict):
            return all(finite(x) for x in v.values())
        return True

    def has_control(v: Any) -> bool:
        if isinstance(v, str):
            return CONTROL.search(v) is not None or INVISIBLE.search(v) is not None
        if isinstance(v, list):
            return any(has_control(x) for x in v)
        if isinstance(v, dict):
            return any(has_control(k) or has_control(x) for k, x in v.items())
        return False

    # YAML reads NEL and the Unicode line/paragraph separators as line breaks, and PyYAML's
    # dumper writes them unescaped, so such text cannot round-trip through any YAML loader.
    assume(not YAML_BREAKS.search(json.dumps(value, ensure_ascii=False)))
    text = yaml.safe_dump(value, allow_unicode=True)
    document, found = parse(text)

    def texts(v: Any) -> list[str]:
        if isinstance(v, str):
            return [v]
        if isinstance(v, list):
            return [t for x in v for t in texts(x)]
        if isinstance(v, dict):
            return [t for k, x in v.items() for t in (*texts(k), *texts(x))]
        return []

    # Text that YAML 1.1 and 1.2 read differently ("y", "0o5") may be written unquoted by
    # PyYAML, which resolves by 1.1: then it is reported, and only as that.
    ambiguous = any(t in SHORT_BOOLEANS or readings(t) is not None for t in texts(value))
    allowed = {"PK020", "PK021"} if ambiguous else set()
    if has_control(value):  # invisible characters are reported, and only they
        assert found and {d.code for d in found} <= {"PK016", "PK017"} | allowed
        return
    if ambiguous:
        assert {d.code for d in found} <= allowed
        return

    if finite(value):
        assert found == []
        assert document is not None
        # PyYAML's own reading (NEL and LS in a quoted key fold to spaces, in both readers)
        assert document.data == yaml.safe_load(text)
        if not any(c in text for c in "\x85\u2028\u2029"):
            assert document.data == value


@FAST
@given(st.binary(max_size=300), st.sampled_from([b"", b"\xef\xbb\xbf", b"nama: ", b"a:\n  - "]))
def test_binary_junk_never_raises(raw: bytes, prefix: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yml"
        path.write_bytes(prefix + raw)
        document, found = load_document(path, "f.yml")
    check_document(document, found)


@FAST
@given(st.text(max_size=200), st.integers(min_value=0, max_value=200))
def test_invalid_byte_is_located_exactly(text: str, cut: int) -> None:
    """An invalid byte inserted anywhere is reported at the line and column where it sits."""
    encoded = text.encode("utf-8")
    index = len(text[: min(cut, len(text))].encode("utf-8"))
    raw = encoded[:index] + b"\xff" + encoded[index:]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yml"
        path.write_bytes(raw)
        document, found = load_document(path, "f.yml")
    assert document is None
    (d,) = found
    before = text[: min(cut, len(text))]
    lines = before.split("\n")
    assert d.code == "PK002"
    assert (d.location.line, d.location.column) == (len(lines), len(lines[-1]) + 1)
    assert d.params == {"offset": str(index + 1)}


# --- (b) mutated data folders ---------------------------------------------------------------------

MUTABLE = [
    *sorted(f"{folder}/{entity}.yml" for folder, entity in SAMPLE_IDS.items()),
    "jabatan/teknik-jalan-ahli-muda.yml",
    "instansi.yml",
    "pelatihan.yml",
    "kompetensi-teknis.yml",
    "dasar-hukum/perbup-12-2024.yml",
]
REFS = [
    "kepala-seksi-jalan",
    "kepala-bidang-bina-marga",
    "teknik-jalan-ahli-pertama",
    "teknik-jalan-ahli-muda",
    "teknik-jalan",
    "dinas-pupr",
    "dinas-pupr/bidang-bina-marga",
    "dinas-pupr/tidak-ada",
    "pka",
    "pkp",
    "latsar",
    "diklat-jalan",
    "sertifikat-ahli-jalan",
    "manajemen-jalan",
    "integritas",
    "perekat-bangsa",
    "pp-11-2017",
    "pp-11-2017#pasal-54",
    "pp-11-2017#pasal-999",
    "perbup-12-2024#pasal-3",
    "keahlian",
    "keterampilan",
    "ahli-madya",
    "ahli-utama",
    "pemula",
    "mahir",
    "fungsional",
    "pengawas",
    "administrator",
    "pelaksana",
    "jpt-pratama",
    "vertikal",
    "horizontal",
    "diagonal",
    "S1",
    "D3",
    "SMA",
    "SD",
    "I/a",
    "III/a",
    "IV/e",
    "baik",
    "",
]
refs = st.sampled_from(REFS) | st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
numbers = st.integers(min_value=-3, max_value=20) | st.floats(min_value=-1, max_value=70)


def paths_of(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_of(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths_of(child, (*path, index))
    return found


def mutate(data: st.DataObject, document: Any) -> Any:
    """One random change somewhere in the document; returns the new document."""
    path = data.draw(st.sampled_from(paths_of(document)), label="path")
    operation = data.draw(
        st.sampled_from(["drop", "replace", "ref", "number", "insert", "duplicate"]),
        label="operation",
    )
    if not path:
        if operation == "replace":
            return data.draw(json_values, label="new root")
        if operation == "insert" and isinstance(document, dict):
            document[data.draw(st.text(max_size=12), label="key")] = data.draw(json_values)
        return document
    parent: Any = document
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if operation == "drop":
        del parent[last]
    elif operation == "replace":
        parent[last] = data.draw(json_values, label="value")
    elif operation == "ref":
        parent[last] = data.draw(refs, label="ref")
    elif operation == "number":
        parent[last] = data.draw(numbers, label="number")
    elif operation == "insert" and isinstance(parent[last], dict):
        parent[last][data.draw(refs | st.text(max_size=12), label="key")] = data.draw(
            refs | json_values, label="value"
        )
    elif operation == "insert" and isinstance(parent[last], list):
        parent[last].append(data.draw(refs | json_values, label="item"))
    elif operation == "duplicate" and isinstance(parent, list) and isinstance(last, int):
        parent.append(copy.deepcopy(parent[last]))  # a copy: the same object would dump as an alias
    return document


@FOLDER
@given(st.data())
def test_mutated_folders_never_raise(data: st.DataObject) -> None:
    files: dict[str, Any] = dict(minimal_files())
    for _ in range(data.draw(st.integers(min_value=1, max_value=2), label="files")):
        relative = data.draw(st.sampled_from(MUTABLE), label="file")
        document = files[relative]
        for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="changes")):
            document = mutate(data, document)
        files[relative] = document
    texts = {relative: dump(document) for relative, document in files.items()}
    with tempfile.TemporaryDirectory() as tmp:
        root = write_files(Path(tmp) / "data", texts)
        result = validate_project(root, SHOWN_ROOT)
    for d in result.diagnostics:
        check_diagnostic(d, f"{SHOWN_ROOT}/")
    assert list(result.diagnostics) == sorted(result.diagnostics, key=Diagnostic.sort_key)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert result.ok is (not errors)
    assert (result.dataset is not None) is result.ok
    for fmt in FORMATS:
        for lang in ("id", "en"):
            rendered = render(fmt, result.diagnostics, result.file_count, lang)
            assert rendered.endswith("\n")
    payload = json.loads(render("json", result.diagnostics, result.file_count))
    assert len(payload["diagnostik"]) == len(result.diagnostics)


# --- (b) schema-shaped folders: valid shapes, random meaning --------------------------------------
# Mutations mostly break the schema, and a file that fails its schema never reaches the semantic
# rules. These documents keep the schema's shapes and draw every value that carries meaning
# (types, grades, ranks, education, references, move types) at random.

GRADES = [
    "ahli-utama",
    "ahli-madya",
    "ahli-muda",
    "ahli-pertama",
    "penyelia",
    "mahir",
    "terampil",
    "pemula",
]
TYPES = [
    "jpt-utama",
    "jpt-madya",
    "jpt-pratama",
    "administrator",
    "pengawas",
    "pelaksana",
    "fungsional",
]
EDUCATION = ["SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]
RANKS = ["I/a", "II/a", "II/b", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/c", "IV/e"]
MANAGERIAL = list(reference.MANAGERIAL)
POSITIONS = ["posisi-a", "posisi-b", "posisi-c", "posisi-d"]
levels = st.integers(min_value=1, max_value=5)


def unique_list(elements: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(elements, min_size=1, max_size=3, unique=True)


requirements = st.fixed_dictionaries(
    {},
    optional={
        "pendidikan": st.fixed_dictionaries({"minimal": st.sampled_from(EDUCATION)}),
        "golongan": st.fixed_dictionaries(
            {"minimal": st.sampled_from(RANKS)}, optional={"maksimal": st.sampled_from(RANKS)}
        ),
        "pelatihan": unique_list(
            st.sampled_from(
                ["pka", "pkp", "latsar", "diklat-jalan", "sertifikat-ahli-jalan", "tidak-ada"]
            )
        ),
        "sertifikasi": unique_list(st.sampled_from(["sertifikat-ahli-jalan", "pka", "tidak-ada"])),
        "pengalaman": st.lists(
            st.fixed_dictionaries(
                {"tahun": st.integers(min_value=0, max_value=10)},
                optional={
                    "jenis": st.sampled_from(TYPES + GRADES),
                    "jabatan": st.sampled_from([*POSITIONS, "tidak-ada"])
                    | unique_list(st.sampled_from(POSITIONS)),
                },
            ),
            max_size=2,
        ),
        "kinerja": st.fixed_dictionaries(
            {"predikat_minimal": st.sampled_from(["baik", "cukup"]), "tahun": st.integers(1, 3)}
        ),
        "kompetensi": st.fixed_dictionaries(
            {},
            optional={
                "manajerial": st.dictionaries(st.sampled_from(MANAGERIAL), levels, max_size=8),
                "sosial_kultural": st.dictionaries(st.just("perekat-bangsa"), levels),
                "teknis": st.dictionaries(
                    st.sampled_from(["manajemen-jalan", "tidak-ada"]), levels
                ),
                "dasar_hukum": st.sampled_from(
                    ["pp-11-2017#pasal-54", "pp-11-2017#pasal-1", "uu-0-0"]
                ),
            },
        ),
    },
)

position = st.fixed_dictionaries(
    {
        "nama": st.just("Jabatan Acak"),
        "jenis": st.sampled_from(TYPES),
        "unit": st.sampled_from(
            ["dinas-pupr", "dinas-pupr/bidang-bina-marga", "dinas-pupr/tidak-ada", "lain"]
        ),
        "kelas_jabatan": st.integers(min_value=1, max_value=17),
        "ikhtisar": st.just("Ikhtisar."),
    },
    optional={
        "jabatan_fungsional": st.sampled_from(["teknik-jalan", "tidak-ada"]),
        "jenjang": st.sampled_from(GRADES),
        "persyaratan": requirements,
        "id": st.sampled_from([*POSITIONS, "lain"]),
    },
)

family = st.fixed_dictionaries(
    {
        "nama": st.just("Rumpun Acak"),
        "kategori": st.sampled_from(["keahlian", "keterampilan"]),
        "jenjang": st.dictionaries(
            st.sampled_from(GRADES),
            st.fixed_dictionaries(
                {},
                optional={"kelas_jabatan": st.integers(1, 17), "persyaratan": requirements},
            ),
            min_size=1,
            max_size=4,
        ),
    }
)

career_path = st.fixed_dictionaries(
    {
        "nama": st.just("Jalur Acak"),
        "langkah": st.lists(
            st.fixed_dictionaries(
                {
                    "dari": st.sampled_from([*POSITIONS, "tidak-ada"]),
                    "ke": st.sampled_from([*POSITIONS, "tidak-ada"]),
                    "jenis": st.sampled_from(["vertikal", "horizontal", "diagonal"]),
                }
            ),
            min_size=1,
            max_size=6,
        ),
    }
)


@FOLDER
@given(
    st.dictionaries(st.sampled_from(POSITIONS), position, min_size=1, max_size=4),
    family,
    st.lists(career_path, min_size=1, max_size=2),
)
def test_schema_shaped_folders_never_raise(
    positions: dict[str, Any], job_family: dict[str, Any], paths: list[dict[str, Any]]
) -> None:
    files: dict[str, Any] = {
        relative: document
        for relative, document in minimal_files().items()
        if not relative.startswith(("jabatan/", "jalur/", "jabatan-fungsional/"))
    }
    files.update({f"jabatan/{key}.yml": document for key, document in positions.items()})
    files["jabatan-fungsional/teknik-jalan.yml"] = job_family
    files.update({f"jalur/jalur-{index}.yml": document for index, document in enumerate(paths)})
    with tempfile.TemporaryDirectory() as tmp:
        root = write_files(Path(tmp) / "data", files)
        result = validate_project(root, SHOWN_ROOT)
    for d in result.diagnostics:
        check_diagnostic(d, f"{SHOWN_ROOT}/")
    assert not any(d.code.startswith("PK1") for d in result.diagnostics), [
        (d.code, d.location, words.message(d))
        for d in result.diagnostics
        if d.code.startswith("PK1")
    ]
    assert (result.dataset is not None) is result.ok
