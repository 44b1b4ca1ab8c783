"""Validate a data folder end to end: the one entry point the CLI and the plugin call.

Reading the folder (:mod:`pola_karir.load.folder`) is the only step that sees the YAML; the rule
modules run after it, in a fixed order, over the workspace it returns: references and identity,
national rules, then career paths.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pola_karir.diagnostics import Diagnostic, cap_per_file, has_errors
from pola_karir.forked import shared
from pola_karir.load.folder import Reader, load_workspace, processes_for, read_source
from pola_karir.load.reuse import derivations_of
from pola_karir.load.workspace import Workspace
from pola_karir.model import Dataset
from pola_karir.rules import formasi, national, paths, references, talent
from pola_karir.rules.common import Rule

RULES: tuple[Rule, ...] = (
    *references.RULES,
    *formasi.RULES,
    *national.RULES,
    *paths.RULES,
    *talent.RULES,
)


def run_checks(space: Workspace, processes: int = 1) -> list[Diagnostic]:
    """Every rule's diagnostics, in rule order, each once.

    With ``processes`` ≥ 2 forked children check rules beside this process, each taking the
    next unchecked rule until none is left (:func:`~pola_karir.forked.shared`), so none waits
    while another has several left, whatever each rule costs on this data; the findings are
    the one-process findings, in rule order."""
    checked = shared(len(RULES), lambda index: list(RULES[index](space)), processes)
    found: dict[Diagnostic, None] = {}
    for diagnostics in checked:
        for diagnostic in diagnostics:
            found.setdefault(diagnostic, None)
    return list(found)


@dataclass(frozen=True)
class ValidationResult:
    """Every diagnostic of a run, plus the model when the data has no errors."""

    dataset: Dataset | None
    diagnostics: tuple[Diagnostic, ...]
    file_count: int

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Loading builds and drops many small acyclic objects (YAML nodes), which reference
    counting frees at once; the cyclic collector only slows that down (~13% measured with
    scripts/bench_validate.py), so it is paused while the files are read. The rules and the
    model's assembly build as many long-lived objects, which make each full collection slower
    as the data grows: paused for them too (5,000 positions: 2.95-3.31 s → 2.34 s, one core)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate_project(
    root: Path, shown_root: str | None = None, read: Reader = read_source, jobs: int | None = None
) -> ValidationResult:
    """Read, check and assemble the data folder ``root``: the one entry point of the core.

    Every problem is collected (never raised) so HR sees all of them in one run (up to
    :data:`~pola_karir.diagnostics.MAX_PER_FILE` per file, the rest counted); the model is
    returned only when there is no error. ``shown_root`` is how the folder is named in the
    diagnostics' file names (``data/jabatan/x.yml``). ``read`` parses one file (see
    :func:`~pola_karir.load.folder.load_workspace`); ``jobs`` how many processes parse the
    files and check the rules (by default every core for a large folder, see
    :mod:`pola_karir.load.parallel`). With a
    :class:`~pola_karir.load.memo.DocumentMemo`'s ``read``, the entities of unchanged files
    are reused from the memo too (:mod:`pola_karir.load.reuse`).
    """
    with _without_cyclic_gc():
        space = load_workspace(root, shown_root, read, jobs, derivations_of(read))
        # At most MAX_PER_FILE diagnostics per file, and a PK018 counting the rest.
        processes = processes_for(read, jobs, len(space.sources))
        found = cap_per_file([*space.diagnostics, *run_checks(space, processes)])
        diagnostics = sorted(found, key=Diagnostic.sort_key)
        dataset = None if has_errors(diagnostics) else space.dataset()
    return ValidationResult(dataset, tuple(diagnostics), len(space.sources))
