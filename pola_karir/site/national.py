"""Many agencies in one repository: one data folder per agency, one site each, one index.

A repository holding several agencies keeps each agency's data folder under one root
(``instansi/<slug>/``) and one shared ``mkdocs.yml`` whose plugin reads the folder named by
the ``POLA_KARIR_DATA`` environment variable (MkDocs' ``!ENV`` tag). The sites are built one
per agency, locally one after another or as parallel CI jobs, into ``<output>/<slug>/``, and a
national index page links them (:mod:`pola_karir.site.national_index`).

This module finds the agencies and validates each with the same rules as ``validate``, so an
invalid agency is reported with its files' positions and never silently left out; it gives
the CI matrix (JSON for GitHub Actions) and checks GitLab's static ``parallel:matrix`` list
against the folders, since GitLab cannot read a matrix from a previous job. It never prints
and never runs MkDocs: the CLI does both (MkDocs only as a separate process, through
:func:`build_command`).
"""

from __future__ import annotations

import json
import os
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pola_karir.diagnostics import Severity, count_by_severity
from pola_karir.load.layout import ID_PATTERN
from pola_karir.model import Agency, Location
from pola_karir.rules.validate import ValidationResult, validate_project
from pola_karir.text.catalogue import text

DATA_VARIABLE: Final = "POLA_KARIR_DATA"
"""The environment variable the shared mkdocs.yml reads its plugin's ``data_dir`` from."""
SITE_NAME_VARIABLE: Final = "POLA_KARIR_SITE_NAME"
"""The environment variable the shared mkdocs.yml reads ``site_name`` from."""
SITE_URL_VARIABLE: Final = "POLA_KARIR_SITE_URL"
"""The environment variable the shared mkdocs.yml reads ``site_url`` from."""
MATRIX_VARIABLE: Final = "INSTANSI"
"""The variable of GitLab's ``parallel:matrix`` that lists the agencies' folder names."""
INDEX: Final = "index.html"

# The kinds an index groups agencies by, in the order shown. "lainnya": the data does not say.
KINDS: Final = ("provinsi", "kabupaten", "kota", "kementerian", "lainnya")
# Characters a site name taken from the data may hold: MkDocs themes write site_name into HTML
# unescaped, so a name with anything else keeps mkdocs.yml's own site_name (the same set
# ``pola-karir init`` accepts for a name).
_SITE_NAME_PUNCTUATION: Final = frozenset(" .,()/-")


@dataclass(frozen=True)
class AgencySite:
    """One valid agency: what the index and the CI matrix say of it."""

    slug: str
    folder: Path
    shown: str  # the folder as messages, the matrix and the build name it (ROOT/slug)
    name: str
    kind: str  # one of KINDS
    positions: int
    fictional: bool

    def site_name(self, lang: str) -> str | None:
        """The agency's own site name, or ``None`` when its name holds characters a theme
        would write into HTML unescaped (mkdocs.yml's ``site_name`` is kept then)."""
        if not all(char.isalnum() or char in _SITE_NAME_PUNCTUATION for char in self.name):
            return None
        return text("scaffold.site_name", lang, agency=self.name)


@dataclass(frozen=True)
class Checked:
    """One agency folder and what validating it found."""

    slug: str
    shown: str
    result: ValidationResult

    def failed(self, strict: bool) -> bool:
        counts = count_by_severity(self.result.diagnostics)
        return counts[Severity.ERROR] > 0 or (strict and counts[Severity.WARNING] > 0)


@dataclass(frozen=True)
class Survey:
    """Every folder under the root: the agencies, each validated, and the misnamed folders."""

    root: Path
    shown_root: str
    checked: tuple[Checked, ...]
    agencies: tuple[AgencySite, ...]  # the valid ones, in folder order
    misnamed: tuple[str, ...]  # folders (shown) whose names cannot be an agency's address

    def ok(self, strict: bool) -> bool:
        return (
            bool(self.checked)
            and not self.misnamed
            and not any(c.failed(strict) for c in self.checked)
        )


def shown_path(shown_root: str, name: str) -> str:
    """How a folder under the root is named: as the root was given, then the folder."""
    return f"{shown_root.rstrip('/')}/{name}" if shown_root not in ("", ".") else name


def agency_folders(root: Path) -> tuple[list[str], list[str]]:
    """The folder names under ``root`` that are agencies (slugs: lowercase letters, digits and
    hyphens, as in a URL and a CI job name), and those that cannot be. Hidden folders (``.git``)
    and files are not agencies."""
    names = sorted(
        entry.name for entry in root.iterdir() if entry.is_dir() and not entry.name.startswith(".")
    )
    return (
        [name for name in names if ID_PATTERN.match(name)],
        [name for name in names if not ID_PATTERN.match(name)],
    )


def survey(root: Path, shown_root: str, only: str | None = None) -> Survey:
    """Find and validate the agencies under ``root`` (only the one named ``only``, if given:
    a CI matrix job checks its own agency)."""
    slugs, misnamed = agency_folders(root)
    if only is not None:
        slugs, misnamed = [slug for slug in slugs if slug == only], []
    checked = []
    agencies = []
    for slug in slugs:
        shown = shown_path(shown_root, slug)
        result = validate_project(root / slug, shown)
        checked.append(Checked(slug, shown, result))
        if result.dataset is not None:
            agency = result.dataset.agency
            agencies.append(
                AgencySite(
                    slug=slug,
                    folder=root / slug,
                    shown=shown,
                    name=agency.name,
                    kind=agency_kind(agency),
                    positions=len(result.dataset.positions),
                    fictional=agency.fictional,
                )
            )
    return Survey(
        root,
        shown_root,
        tuple(checked),
        tuple(agencies),
        tuple(shown_path(shown_root, name) for name in misnamed),
    )


def agency_kind(agency: Agency) -> str:
    """kabupaten, kota, provinsi, kementerian or lainnya (:attr:`Agency.kind`)."""
    return agency.kind


def matrix(agencies: tuple[AgencySite, ...], lang: str) -> dict[str, Any]:
    """The GitHub Actions matrix, one entry per agency: its folder name (``instansi``), its
    name (``nama``, for the job's title), its data folder (``data``) and its site name
    (``situs``, empty when the name is not fit for one)."""
    return {
        "include": [
            {
                "instansi": agency.slug,
                "nama": agency.name,
                "data": agency.shown,
                "situs": agency.site_name(lang) or "",
            }
            for agency in agencies
        ]
    }


def matrix_json(agencies: tuple[AgencySite, ...], lang: str) -> str:
    """The matrix on one line (``echo "matriks=$(…)" >> "$GITHUB_OUTPUT"`` takes one line)."""
    return json.dumps(matrix(agencies, lang), ensure_ascii=False, separators=(",", ":"))


# --- GitLab's static matrix ------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixProblem:
    """A disagreement between the folders and a GitLab ``parallel:matrix`` list (a catalogue
    key and its values), at a position of the pipeline file."""

    key: str
    location: Location
    values: dict[str, str]


def gitlab_matrix_problems(pipeline: Path, shown: str, survey_: Survey) -> list[MatrixProblem]:
    """Check that every job of ``pipeline`` with ``parallel: matrix:`` over
    :data:`MATRIX_VARIABLE` lists exactly the agencies' folders: GitLab's matrix cannot come
    from a previous job, so the file lists them, and a folder added without its entry (or an
    entry left behind) would silently not be built.

    The file is GitLab's, not HR data: it is read as GitLab reads it, anchors, ``<<`` merges
    and tags such as ``!reference`` included (composed, never constructed: nothing in it runs),
    keeping the position of every list and entry."""
    try:
        root = yaml.compose(pipeline.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        reason = getattr(error, "problem", None) or getattr(error, "strerror", None) or error
        return [
            MatrixProblem(
                "nasional.gitlab.unreadable", Location(shown, line, column), {"error": str(reason)}
            )
        ]
    folders = [c.slug for c in survey_.checked] + [
        name.rsplit("/", 1)[-1] for name in survey_.misnamed
    ]
    found: list[MatrixProblem] = []
    lists = 0
    for job, listed in _matrix_lists(root):
        lists += 1
        names = list(listed.value) if isinstance(listed, SequenceNode) else [listed]
        values = [str(item.value) if isinstance(item, ScalarNode) else "" for item in names]
        for item, value in zip(names, values, strict=True):
            if value not in folders:
                found.append(
                    MatrixProblem(
                        "nasional.gitlab.no_folder",
                        _location(shown, item),
                        {"job": job, "slug": value, "root": survey_.shown_root},
                    )
                )
        for folder in folders:
            if folder not in values:
                found.append(
                    MatrixProblem(
                        "nasional.gitlab.not_listed",
                        _location(shown, listed),
                        {
                            "job": job,
                            "slug": folder,
                            "folder": shown_path(survey_.shown_root, folder),
                            "variable": MATRIX_VARIABLE,
                        },
                    )
                )
    if not lists:
        found.append(
            MatrixProblem(
                "nasional.gitlab.no_matrix", Location(shown, 1, 1), {"variable": MATRIX_VARIABLE}
            )
        )
    return found


def _location(shown: str, node: Node) -> Location:
    return Location(shown, node.start_mark.line + 1, node.start_mark.column + 1)


def _entries(node: Node) -> dict[str, Node]:
    """A mapping's keys and values, those it merges with ``<<`` included (its own win)."""
    if not isinstance(node, MappingNode):
        return {}
    merged: dict[str, Node] = {}
    own: dict[str, Node] = {}
    for key, value in node.value:
        if key.value == "<<":
            sources = value.value if isinstance(value, SequenceNode) else [value]
            for source in sources:
                merged = {**_entries(source), **merged}
        elif isinstance(key, ScalarNode):
            own[str(key.value)] = value
    return {**merged, **own}


def _matrix_lists(root: Node | None) -> list[tuple[str, Node]]:
    """Each job's list of :data:`MATRIX_VARIABLE` values in its ``parallel: matrix:``, with the
    job's name. Hidden jobs (``.name``, templates for others) are not run, so not checked."""
    found = []
    for job, body in _entries(root).items() if root is not None else []:
        if job.startswith("."):
            continue
        matrix_node = _entries(_entries(body).get("parallel", ScalarNode("", ""))).get("matrix")
        if not isinstance(matrix_node, SequenceNode):
            continue
        for entry in matrix_node.value:
            listed = _entries(entry).get(MATRIX_VARIABLE)
            if listed is not None:
                found.append((job, listed))
    return found


# --- building --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildCommand:
    """One agency's ``mkdocs build``: the arguments, the environment and the site folder."""

    argv: tuple[str, ...]
    environment: dict[str, str]
    site: Path

    site_url: str | None = None

    def as_shell(self) -> str:
        """The same build as one would type it: ``POLA_KARIR_DATA=… mkdocs build …``."""
        data = f"{DATA_VARIABLE}={self.environment[DATA_VARIABLE]}"
        url = [] if self.site_url is None else [f"{SITE_URL_VARIABLE}={self.site_url}"]
        return shlex.join([data, *url, "mkdocs", *self.argv[3:]])


def site_address(written: str) -> str | None:
    """The national site's address (``--alamat``) as the base of every agency's ``site_url``,
    ending in '/'; None unless it is a whole http(s) address with nothing after its path.

    Each agency lives at ``<address><folder>/``: MkDocs writes ``site_url`` into the sitemap
    and each page's canonical link, so a wrong one would send search engines elsewhere."""
    if not written.isprintable() or any(char.isspace() for char in written):
        return None
    try:
        parts = urlsplit(written)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if parts.query or parts.fragment or written.endswith(("?", "#")):
        return None
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/"


def build_command(
    agency: AgencySite,
    config_file: Path,
    output: Path,
    strict: bool,
    python: str,
    lang: str,
    environ: dict[str, str] | None = None,
    address: str | None = None,
) -> BuildCommand:
    """How one agency is built, as a CI job or ``--bangun`` does: MkDocs in a process of its
    own (a build holds every page of one agency; the next starts empty) with the agency's data
    folder, relative to ``mkdocs.yml`` as ``data_dir`` is, its site name and (with the national
    site's ``address``, see :func:`site_address`) its own ``site_url`` in the environment, into
    ``<output>/<slug>``."""
    base = config_file.resolve().parent
    data = Path(os.path.relpath(agency.folder.resolve(), base)).as_posix()
    site = (output / agency.slug).resolve()
    environment = dict(os.environ if environ is None else environ)
    environment[DATA_VARIABLE] = data
    name = agency.site_name(lang)
    if name is not None:
        environment[SITE_NAME_VARIABLE] = name
    site_url = None if address is None else f"{address}{agency.slug}/"
    if site_url is not None:
        environment[SITE_URL_VARIABLE] = site_url
    argv = [python, "-m", "mkdocs", "build", "--config-file", str(config_file)]
    argv += ["--site-dir", str(site)]
    if strict:
        argv.append("--strict")
    return BuildCommand(tuple(argv), environment, site, site_url)


def missing_sites(agencies: tuple[AgencySite, ...], output: Path) -> list[AgencySite]:
    """The agencies whose site is not in ``output`` (no ``<slug>/index.html``): the index never
    links to a site that is not there."""
    return [agency for agency in agencies if not (output / agency.slug / INDEX).is_file()]
