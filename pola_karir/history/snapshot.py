"""The data folder as it was at one commit, read and checked by the same loader as today's.

The files are written into a private temporary folder and validated there with
:func:`~pola_karir.rules.validate.validate_project`, so a past revision is judged by exactly the
rules that judge the working tree. Diagnostics name files the way git does
(``v1.0:data/jabatan/x.yml``), so a problem in an old revision is not mistaken for one in the
working tree. Invalid data at a revision is a result (its diagnostics), never an exception.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pola_karir.diagnostics import Diagnostic
from pola_karir.history import git
from pola_karir.load.folder import read_source
from pola_karir.load.layout import SourceFile
from pola_karir.load.yaml_loader import Document
from pola_karir.model import Dataset
from pola_karir.rules.validate import ValidationResult, validate_project


@dataclass(frozen=True)
class Snapshot:
    """The data at ``revision`` (as the user wrote it) = ``commit``: the model when the data
    was valid, else its diagnostics; ``absent`` when the data folder did not exist then (a
    comparison then treats it as empty: everything on the other side is new)."""

    revision: str
    commit: str
    dataset: Dataset | None
    diagnostics: tuple[Diagnostic, ...] = ()
    file_count: int = 0
    absent: bool = False
    tree: str | None = None

    @property
    def usable(self) -> bool:
        return self.absent or self.dataset is not None


def shown_root(revision: str, repo: git.Repository) -> str:
    """How files of the data folder at ``revision`` are named: ``REV:data``, as git names them."""
    return f"{revision}:{repo.prefix or '.'}"


class TreeReader:
    """Reads data trees one after another into one private folder, the way the history reads
    many versions: only the files that changed since the previous tree are fetched from git and
    written, and a file already parsed (the same blob at the same path) is not parsed again. So
    reading twenty versions costs little more than reading one and its changes. Use as a
    context manager: the folder is deleted at the end."""

    def __init__(self, repo: git.Repository, shown: str) -> None:
        self.repo = repo
        self.shown = shown
        self._folder = tempfile.TemporaryDirectory(prefix="pola-karir-riwayat-")
        self.root = Path(self._folder.name)
        self._written: dict[PurePosixPath, str] = {}  # path -> blob id, as on disk now
        self._parsed: dict[tuple[str, str], tuple[Document | None, list[Diagnostic]]] = {}

    def __enter__(self) -> TreeReader:
        return self

    def __exit__(self, *_: object) -> None:
        self._folder.cleanup()

    def load(self, tree: str) -> ValidationResult:
        """Validate the data folder whose git tree is ``tree``."""
        wanted = git.list_tree(self.repo, tree)
        for path in [p for p in self._written if p not in wanted]:
            self.root.joinpath(*path.parts).unlink()
            del self._written[path]
        changed = {p: oid for p, oid in wanted.items() if self._written.get(p) != oid}
        contents = git.read_blobs(self.repo, changed.values())
        for path, oid in changed.items():
            target = self.root.joinpath(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(contents[oid])
            self._written[path] = oid
        return validate_project(self.root, self.shown, self._read)

    def _read(self, source: SourceFile) -> tuple[Document | None, list[Diagnostic]]:
        key = (source.relative, self._written.get(PurePosixPath(source.relative), ""))
        if key not in self._parsed:
            self._parsed[key] = read_source(source)
        document, found = self._parsed[key]
        return document, list(found)


def snapshot(repo: git.Repository, revision: str) -> Snapshot:
    """The data at ``revision``; :class:`~pola_karir.history.git.GitError` when it names no
    commit."""
    commit = git.commit_of(repo, revision)
    tree = git.data_trees(repo, [commit]).get(commit)
    if tree is None:
        return Snapshot(revision, commit, None, absent=True)
    with TreeReader(repo, shown_root(revision, repo)) as reader:
        result = reader.load(tree)
    return Snapshot(
        revision, commit, result.dataset, result.diagnostics, result.file_count, tree=tree
    )
