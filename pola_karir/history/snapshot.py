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
from pathlib import Path

from pola_karir.diagnostics import Diagnostic
from pola_karir.history import git
from pola_karir.model import Dataset
from pola_karir.rules.validate import validate_project


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


def load_tree(
    repo: git.Repository, tree: str, shown: str
) -> tuple[Dataset | None, tuple[Diagnostic, ...], int]:
    """Validate the data folder whose git tree is ``tree``; files named below ``shown``."""
    files = git.read_tree(repo, tree)
    with tempfile.TemporaryDirectory(prefix="pola-karir-riwayat-") as folder:
        root = Path(folder)
        for relative, content in files.items():
            target = root.joinpath(*relative.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        result = validate_project(root, shown)
    return result.dataset, result.diagnostics, result.file_count


def snapshot(repo: git.Repository, revision: str) -> Snapshot:
    """The data at ``revision``; :class:`~pola_karir.history.git.GitError` when it names no
    commit."""
    commit = git.commit_of(repo, revision)
    tree = git.data_trees(repo, [commit]).get(commit)
    if tree is None:
        return Snapshot(revision, commit, None, absent=True)
    dataset, diagnostics, count = load_tree(repo, tree, shown_root(revision, repo))
    return Snapshot(revision, commit, dataset, diagnostics, count, tree=tree)
