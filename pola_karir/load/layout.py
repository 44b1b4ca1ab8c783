"""Where the data lives: the layout of an agency's data folder.

The layout is fixed so that an HR officer always knows which file to edit: one file per position,
job family, perangkat daerah, career path and agency regulation, named by its id.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pola_karir.diagnostics import Diagnostic, diag, term
from pola_karir.model import Location

ID_PATTERN: Final = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

SINGLE_FILES: Final[dict[str, str]] = {
    "instansi.yml": "instansi",
    "kompetensi-teknis.yml": "kompetensi",
    "pelatihan.yml": "pelatihan",
    # Optional: the agency's groups of fields of study (rumpun), named by requirements.
    "rumpun-pendidikan.yml": "rumpun-pendidikan",
}
FOLDERS: Final[dict[str, str]] = {
    "unit": "unit",
    "jabatan": "jabatan",
    "jabatan-fungsional": "jabatan-fungsional",
    "jalur": "jalur",
    "dasar-hukum": "dasar-hukum",
}
REQUIRED_FILES: Final = ("instansi.yml",)
# Both spellings of the YAML extension are read: editors and other tools write '.yaml' as often
# as '.yml'. Two files that differ only by it would be the same entity twice: an error (PK019).
EXTENSIONS: Final = (".yml", ".yaml")


@dataclass(frozen=True)
class SourceFile:
    """A data file with its entity kind and id (the file name without '.yml' or '.yaml')."""

    path: Path
    relative: str
    display: str
    kind: str
    id: str


def display_path(root: Path, shown_root: str, path: Path) -> str:
    relative = path.relative_to(root).as_posix()
    if shown_root in ("", "."):
        return relative
    return f"{shown_root.rstrip('/')}/{relative}"


def discover(
    root: Path, shown_root: str | None = None
) -> tuple[list[SourceFile], list[Diagnostic]]:
    """List the data files under ``root`` by kind; stray or misnamed files become diagnostics."""
    shown = str(root) if shown_root is None else shown_root
    prefix = "" if shown in ("", ".") else f"{shown.rstrip('/')}/"
    files: list[SourceFile] = []
    problems: list[Diagnostic] = []
    candidates, links = _walk(root)
    for link in links:
        # os.walk does not descend into linked folders: say so instead of skipping them silently.
        problems.append(
            diag("PK001", Location(prefix + "/".join(link)), reason=term("reason.symlink_folder"))
        )
    seen: dict[tuple[str, ...], str] = {}  # path without extension -> the file first found with it
    for parts, suffix in candidates:
        relative = "/".join(parts)
        display = prefix + relative
        stem = parts[-1][: -len(suffix)]
        twin = seen.setdefault((*parts[:-1], stem), relative)
        if twin != relative:
            problems.append(diag("PK019", Location(display), name=relative, other=twin))
            continue
        kind = _kind_of(parts, suffix)
        if kind is None:
            problems.append(_unknown_file(display, relative))
            continue
        if not ID_PATTERN.match(stem):
            problems.append(diag("PK010", Location(display), name=parts[-1]))
            continue
        files.append(SourceFile(root.joinpath(*parts), relative, display, kind, stem))
    present = {f.relative for f in files}
    for name in REQUIRED_FILES:
        stem_path = Path(name).with_suffix("")
        written = (stem_path.with_suffix(ext).as_posix() for ext in EXTENSIONS)
        if not any(path in present for path in written) and not any(
            (root / stem_path).with_suffix(ext).exists() for ext in EXTENSIONS
        ):
            problems.append(
                diag("PK015", Location(display_path(root, shown, root / name)), name=name)
            )
    return files, problems


Candidate = tuple[tuple[str, ...], str]  # the path's parts under the root, its extension


def _walk(root: Path) -> tuple[list[Candidate], list[tuple[str, ...]]]:
    """The YAML files under ``root`` and the linked folders in it, in one walk of the tree.

    Names starting with '.' (editor, git and system folders) and everything below them are left
    out. The files come sorted as paths compare: folder by folder, then by name without the
    extension, '.yml' before its '.yaml' twin (the usual spelling is the one read, PK019). One
    walk of plain strings: a data folder of thousands of positions was listed several times
    over with path objects, a second or more of every validation.
    """
    candidates: list[Candidate] = []
    links: list[tuple[str, ...]] = []
    folders: list[tuple[str, tuple[str, ...]]] = [(str(root), ())]
    while folders:
        folder, base = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                parts = (*base, name)
                is_folder = entry.is_dir()
                if is_folder and entry.is_symlink():
                    links.append(parts)
                elif is_folder:
                    folders.append((entry.path, parts))
                # A folder named like a YAML file is listed too: reading it says what is wrong.
                suffix = _yaml_suffix(name)
                if suffix:
                    candidates.append((parts, suffix))
    candidates.sort(key=lambda c: ((*c[0][:-1], c[0][-1][: -len(c[1])]), c[1] != ".yml"))
    links.sort()
    return candidates, links


def _yaml_suffix(name: str) -> str:
    """The YAML extension ``name`` ends with ('' for none): ``PurePosixPath(name).suffix`` when
    it is one of :data:`EXTENSIONS`, without making a path of each of thousands of names."""
    for extension in EXTENSIONS:
        if name.endswith(extension) and len(name) > len(extension):
            return extension
    return ""


def _unknown_file(display: str, relative: str) -> Diagnostic:
    """PK012, naming the places a data file may live (the hint words them)."""
    return diag(
        "PK012",
        Location(display),
        name=relative,
        files=", ".join(SINGLE_FILES),
        folders=", ".join(FOLDERS),
    )


def _kind_of(parts: tuple[str, ...], suffix: str) -> str | None:
    if len(parts) == 1:
        return SINGLE_FILES.get(parts[0][: -len(suffix)] + ".yml")
    if len(parts) == 2:
        return FOLDERS.get(parts[0])
    return None
