"""``pola-karir init`` and ``pola-karir skema``: a ready repository for an agency, and the schemas.

An agency starts from an empty folder and should end with a repository that validates, builds
with ``mkdocs build --strict``, checks every pull request and publishes its site. The files come
from ``templates/`` (package data, so the wheel carries them), with a few values filled in; the
schemas, the editor settings, the data guide and the list of validation codes come from the
package itself, so they always match the installed version. Nothing here prints or exits: the
CLI reports, and every file is created with ``open("x")``, so nothing is ever overwritten.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from pola_karir import __version__
from pola_karir.load.layout import EXTENSIONS, FOLDERS, SINGLE_FILES
from pola_karir.load.schema import schema_dir
from pola_karir.model import REGIONAL_KINDS, agency_kind
from pola_karir.site.home import rules_table
from pola_karir.site.text import md
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text

TEMPLATES: Final = Path(__file__).parent / "templates"
# The example unit, its two positions and its career path, by kind of agency (written into
# data/): a kabupaten's or kota's BKPSDM, a provinsi's Badan Kepegawaian Daerah, and for a
# kementerian or lembaga (any agency that is not a pemerintah daerah) a Biro SDM in the
# Sekretariat Jenderal: a BKPSDM is a perangkat daerah and has no place in a ministry.
EXAMPLES: Final = Path(__file__).parent / "contoh"
SCHEMA_FOLDER: Final = "schemas"
DATA_FOLDER: Final = "data"
GUIDE: Final = "docs/panduan-data.md"
"""The data guide: ``docs/panduan-data.md`` of the source checkout, which the wheel carries as
``pola_karir/scaffold/guide/panduan-data.md`` (``pyproject.toml``, hatch ``force-include``)."""
# The only entry a folder may already hold: a freshly cloned, empty repository.
ALLOWED_ENTRIES: Final = frozenset({".git"})
MAX_NAME: Final = 120
# Punctuation an agency's name may hold besides letters, digits and spaces. Nothing that means
# something in YAML flow, Markdown or HTML, where the name is written.
_NAME_PUNCTUATION: Final = frozenset(" .,()/-")
# The pola karier of an agency is set by its PPK (PP 11/2017 Pasal 188 ayat (5)), in the kind of
# regulation that official issues. The first word of the agency's name, after "Pemerintah"
# ("Daerah"), says which official that is; each such word has a catalogue key. Any other name
# (a lembaga, a badan, ...) is ambiguous: the kind is asked for with --jenis-regulasi.
_KIND_BY_WORD: Final = {
    "kabupaten": "regulasi.jenis.kabupaten",
    "pemkab": "regulasi.jenis.kabupaten",
    "kota": "regulasi.jenis.kota",
    "pemkot": "regulasi.jenis.kota",
    "provinsi": "regulasi.jenis.provinsi",
    "pemprov": "regulasi.jenis.provinsi",
    "kementerian": "regulasi.jenis.kementerian",
}
_LEADING_WORDS: Final = frozenset({"pemerintah", "daerah"})


def tag() -> str:
    """The git tag of the installed release, as ``requirements.txt`` and pre-commit pin it."""
    return f"v{__version__}"


def _problem(value: str, keys: str) -> str | None:
    """Why ``value`` cannot be written into the new repository (the catalogue key under
    ``keys``: ``.empty``, ``.too_long``, ``.invalid``), or ``None`` when it can. It goes into
    YAML, Markdown and HTML, so only letters, digits, spaces and plain punctuation pass."""
    if not value.strip():
        return f"{keys}.empty"
    if len(value) > MAX_NAME:
        return f"{keys}.too_long"
    if not all(char.isalnum() or char in _NAME_PUNCTUATION for char in value):
        return f"{keys}.invalid"
    return None


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be an agency's name (a catalogue key), or ``None`` when it can."""
    return _problem(name, "scaffold.name")


def kind_problem(kind: str) -> str | None:
    """Why ``kind`` cannot be a regulation kind (a catalogue key), or ``None`` when it can."""
    return _problem(kind, "regulasi")


def regulation_kind(name: str) -> str | None:
    """The kind of regulation that sets the pola karier of the agency called ``name``
    ("Pemerintah Kota Baru": Peraturan Wali Kota), or ``None`` when the name does not say."""
    words = [word.casefold() for word in name.split()]
    while words and words[0] in _LEADING_WORDS:
        words.pop(0)
    key = _KIND_BY_WORD.get(words[0]) if words else None
    return None if key is None else text(key, DEFAULT_LANGUAGE)


def guide_path() -> Path:
    """The data guide: packaged in a wheel, at the project root in a source checkout."""
    packaged = Path(__file__).parent / "guide" / Path(GUIDE).name
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / GUIDE


def schema_files() -> dict[str, str]:
    """Every JSON Schema of the installed release by file name, those of HR reports included:
    ``skema`` serves the agency itself, whose editors check profiles and reports too."""
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(schema_dir().glob("*.schema.json"))
    }


def vscode_settings(data: str = DATA_FOLDER) -> str:
    """``.vscode/settings.json``: each data file and folder mapped to its schema, for files
    written without the ``yaml-language-server`` line (new files, files from other tools).
    ``data`` is the data folder's glob (``instansi/*`` in a repository of many agencies)."""
    mapping: dict[str, list[str]] = {}
    for name, kind in SINGLE_FILES.items():
        stem = name.removesuffix(".yml")
        globs = [f"{data}/{stem}{ext}" for ext in EXTENSIONS]
        mapping.setdefault(f"./{SCHEMA_FOLDER}/{kind}.schema.json", []).extend(globs)
    for folder, kind in FOLDERS.items():
        globs = [f"{data}/{folder}/*{ext}" for ext in EXTENSIONS]
        mapping.setdefault(f"./{SCHEMA_FOLDER}/{kind}.schema.json", []).extend(globs)
    settings = {"yaml.schemas": mapping}
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def example_set(name: str, regulation: str) -> str:
    """The folder of :data:`EXAMPLES` fitting the agency called ``name`` whose pola karier is
    set by a regulation of kind ``regulation``: ``daerah``, ``provinsi`` or ``pusat``."""
    kind = agency_kind(name, regulation)
    if kind == "provinsi":
        return "provinsi"
    return "daerah" if kind in REGIONAL_KINDS else "pusat"


def _values(name: str, kind: str, year: int) -> dict[str, str]:
    """What the templates' ``@@token@@`` stand for. YAML values are JSON strings (valid YAML
    scalars whatever they hold); Markdown values are escaped. The generated repository is in
    Indonesian whatever the command's language, like the sites it builds."""

    def yaml(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    def say(key: str) -> str:
        return text(key, DEFAULT_LANGUAGE, agency=name)

    # The example position the contributors' guide points at (the set's contoh.json).
    example = json.loads(
        (EXAMPLES / example_set(name, kind) / "contoh.json").read_text(encoding="utf-8")
    )
    return {
        "contoh_jabatan": str(example["jabatan"]),
        "contoh_sebutan_md": md(str(example["sebutan"])),
        "nama_yaml": yaml(name),
        "nama_md": md(name),
        "jenis_regulasi_yaml": yaml(kind),
        "situs_yaml": yaml(say("scaffold.site_name")),
        "deskripsi_yaml": yaml(say("scaffold.site_description")),
        "tentang_yaml": yaml(say("scaffold.regulation_title")),
        "tahun": str(year),
        "rev": tag(),
        "versi": __version__,
        "kode_pemeriksaan": rules_table(),
    }


def _render(template: str, values: Mapping[str, str], where: str) -> str:
    for token, value in values.items():
        template = template.replace(f"@@{token}@@", value)
    if "@@" in template:  # a token nobody fills: a packaging mistake, never user input
        raise ValueError(f"{where}: unfilled token in {template[template.index('@@') :][:40]!r}")
    return template


def repository(name: str, year: int, kind: str) -> dict[str, str]:
    """Every file ``pola-karir init`` writes by relative POSIX path, for an agency called
    ``name`` (checked with :func:`name_problem` first) whose pola karier is set by a regulation
    of ``kind`` (:func:`regulation_kind`, or the user's, checked with :func:`kind_problem`);
    ``year`` dates the example regulation."""
    values = _values(name, kind, year)
    files: dict[str, str] = {}
    for path in sorted(p for p in TEMPLATES.rglob("*") if p.is_file()):
        relative = path.relative_to(TEMPLATES).as_posix()
        if "__pycache__" in relative:
            continue
        files[relative] = _render(path.read_text(encoding="utf-8"), values, relative)
    examples = EXAMPLES / example_set(name, kind)
    for path in sorted(p for p in examples.rglob("*.yml") if p.is_file()):
        relative = f"{DATA_FOLDER}/{path.relative_to(examples).as_posix()}"
        files[relative] = _render(path.read_text(encoding="utf-8"), values, relative)
    files[GUIDE] = guide_path().read_text(encoding="utf-8")
    files[".vscode/settings.json"] = vscode_settings()
    for file_name, content in schema_files().items():
        files[f"{SCHEMA_FOLDER}/{file_name}"] = content
    return files


def blocking_entry(folder: Path) -> str | None:
    """The first entry that makes ``folder`` unfit for a new repository, or ``None`` when it
    does not exist or holds nothing but an empty clone's ``.git``."""
    if not folder.is_dir():
        return None
    entries = sorted(entry.name for entry in folder.iterdir())
    return next((entry for entry in entries if entry not in ALLOWED_ENTRIES), None)


def write_new(folder: Path, files: Mapping[str, str]) -> None:
    """Write ``files`` below ``folder``, each created anew: a file that appeared meanwhile
    raises :class:`FileExistsError` and is left as it was."""
    for relative, content in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(content)


def write_schemas(folder: Path) -> list[str]:
    """Write every schema into ``folder`` (made if missing), replacing older copies of the same
    files only: ``skema`` is how an agency brings its schemas up to the installed release."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, content in schema_files().items():
        (folder / file_name).write_text(content, encoding="utf-8", newline="\n")
        written.append(file_name)
    return written


# --- many agencies: `pola-karir init --nasional` ----------------------------------------------

NATIONAL_TEMPLATES: Final = Path(__file__).parent / "nasional"
NATIONAL_ROOT: Final = "instansi"
# The two example agencies: folder, the catalogue key of the name and of the regulation's kind
# (a kabupaten's pola karier is set by a Peraturan Bupati, a kota's by a Peraturan Wali Kota).
NATIONAL_EXAMPLES: Final = (
    ("kabupaten-contoh", "scaffold.default_name", "nasional.scaffold.regulation.kabupaten"),
    ("kota-contoh", "nasional.scaffold.city_name", "nasional.scaffold.regulation.kota"),
)
# Files of the one-agency repository the national one does not take: its own versions are in
# nasional/ (mkdocs.yml, CI, README, pre-commit), and the data moves under instansi/.
_SINGLE_ONLY: Final = frozenset(
    {
        "mkdocs.yml",
        "README.md",
        ".pre-commit-config.yaml",
        ".gitlab-ci.yml",
        ".github/workflows/pola-karir.yml",
        ".vscode/settings.json",
    }
)
_REGULATION_KIND: Final = re.compile(r"^(  jenis: ).*$", re.MULTILINE)


def _agency_data(files: Mapping[str, str], slug: str, regulation_kind: str) -> dict[str, str]:
    """One agency's example data from the one-agency repository, moved to ``instansi/<slug>/``:
    one folder deeper, so each modeline reaches ``schemas/`` with one more ``../``; and the
    regulation named for the agency's kind."""
    moved: dict[str, str] = {}
    for relative, content in files.items():
        if not relative.startswith(f"{DATA_FOLDER}/"):
            continue
        content = content.replace("$schema=../", "$schema=../../", 1)
        if relative == f"{DATA_FOLDER}/instansi.yml":
            content, count = _REGULATION_KIND.subn(
                lambda match: match.group(1) + json.dumps(regulation_kind, ensure_ascii=False),
                content,
                count=1,
            )
            if count != 1:  # the template lost its regulation kind: a packaging mistake
                raise ValueError("instansi.yml template: no '  jenis:' line under regulasi")
        moved[f"{NATIONAL_ROOT}/{slug}/{relative.removeprefix(DATA_FOLDER + '/')}"] = content
    return moved


def _names_data_folder(relative: str, content: str) -> bool:
    """A guide that tells where data files are (``data/…``): it gets the note of
    :func:`_shared_docs`. The employees' guide names no file and is left as it is."""
    return relative.startswith("docs/") and f"`{DATA_FOLDER}/" in content


def _shared_docs(content: str) -> str:
    """A guide shared by every agency: after its title, a note that ``data/`` in it is the
    agency's own folder under ``instansi/``."""
    meta = ""
    if content.startswith("---\n"):  # front matter (``pembaca``) stays first
        end = content.index("\n---\n", 3) + len("\n---\n")
        meta, content = content[:end], content[end:].lstrip("\n")
        meta += "\n"
    title, _, rest = content.partition("\n")
    note = (NATIONAL_TEMPLATES / "catatan-folder.md").read_text(encoding="utf-8")
    return f"{meta}{title}\n\n{note}{rest}"


def national_repository(year: int) -> dict[str, str]:
    """Every file ``pola-karir init --nasional`` writes: the two example agencies under
    ``instansi/``, one ``mkdocs.yml`` for all (data folder and site name from the environment),
    the guides shared by all, and CI that builds the agencies as parallel jobs and publishes
    them with the national index page (see :mod:`pola_karir.site.national`)."""
    shared_name = text("nasional.scaffold.shared_name", DEFAULT_LANGUAGE)
    # The shared files name no regulation of their own: the first example agency's kind.
    shared_kind = text(NATIONAL_EXAMPLES[0][2], DEFAULT_LANGUAGE)
    shared = repository(shared_name, year, shared_kind)
    files = {
        relative: _shared_docs(content) if _names_data_folder(relative, content) else content
        for relative, content in shared.items()
        if relative not in _SINGLE_ONLY and not relative.startswith(f"{DATA_FOLDER}/")
    }
    slugs = []
    for slug, name_key, regulation_key in NATIONAL_EXAMPLES:
        name = text(name_key, DEFAULT_LANGUAGE)
        regulation_kind = text(regulation_key, DEFAULT_LANGUAGE)
        files.update(_agency_data(repository(name, year, regulation_kind), slug, regulation_kind))
        slugs.append(slug)
    values = {
        **_values(shared_name, shared_kind, year),
        "situs_yaml": json.dumps(text("nasional.scaffold.site_name", DEFAULT_LANGUAGE)),
        "instansi_pertama": slugs[0],
        "matriks_gitlab": ", ".join(slugs),
    }
    for path in sorted(p for p in NATIONAL_TEMPLATES.rglob("*") if p.is_file()):
        relative = path.relative_to(NATIONAL_TEMPLATES).as_posix()
        if "__pycache__" in relative or relative == "catatan-folder.md":
            continue
        files[relative] = _render(path.read_text(encoding="utf-8"), values, relative)
    files[".vscode/settings.json"] = vscode_settings(f"{NATIONAL_ROOT}/*")
    return dict(sorted(files.items()))
