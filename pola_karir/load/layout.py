"""Where the data lives: the layout of an agency's data folder.

The layout is fixed so that an HR officer always knows which file to edit: one file per position,
job family, perangkat daerah, career path and agency regulation, named by its id.
"""

from __future__ import annotations

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
    files: list[SourceFile] = []
    problems: list[Diagnostic] = []
    candidates = sorted(
        (
            p
            for p in root.rglob("*")
            if p.suffix in EXTENSIONS
            and not any(part.startswith(".") for part in p.relative_to(root).parts)
        ),
        # '.yml' before its '.yaml' twin: the usual spelling is the one read (PK019)
        key=lambda p: (p.with_suffix(""), p.suffix != ".yml"),
    )
    for link in sorted(p for p in root.rglob("*") if p.is_symlink() and p.is_dir()):
        # rglob does not descend into linked folders: say so instead of skipping them silently.
        shown_link = display_path(root, shown, link)
        problems.append(diag("PK001", Location(shown_link), reason=term("reason.symlink_folder")))
    seen: dict[Path, Path] = {}  # path without extension -> the file first found with it
    for path in candidates:
        relative = path.relative_to(root)
        display = display_path(root, shown, path)
        twin = seen.setdefault(relative.with_suffix(""), relative)
        if twin != relative:
            problems.append(
                diag("PK019", Location(display), name=relative.as_posix(), other=twin.as_posix())
            )
            continue
        kind = _kind_of(relative)
        if kind is None:
            problems.append(_unknown_file(display, relative))
            continue
        if not ID_PATTERN.match(path.stem):
            problems.append(diag("PK010", Location(display), name=path.name))
            continue
        files.append(SourceFile(path, relative.as_posix(), display, kind, path.stem))
    present = {Path(f.relative).with_suffix("") for f in files}
    for name in REQUIRED_FILES:
        stem = Path(name).with_suffix("")
        if stem not in present and not any(
            (root / stem).with_suffix(ext).exists() for ext in EXTENSIONS
        ):
            problems.append(
                diag("PK015", Location(display_path(root, shown, root / name)), name=name)
            )
    return files, problems


def _unknown_file(display: str, relative: Path) -> Diagnostic:
    """PK012, naming the places a data file may live (the hint words them)."""
    return diag(
        "PK012",
        Location(display),
        name=relative.as_posix(),
        files=", ".join(SINGLE_FILES),
        folders=", ".join(FOLDERS),
    )


def _kind_of(relative: Path) -> str | None:
    parts = relative.parts
    if len(parts) == 1:
        return SINGLE_FILES.get(relative.with_suffix(".yml").name)
    if len(parts) == 2 and relative.suffix in EXTENSIONS:
        return FOLDERS.get(parts[0])
    return None
