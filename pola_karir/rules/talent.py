"""Target positions of talent management (PK213–PK214), PermenPANRB 3/2020 as amended by
20/2025: positions for which an agency keeps a plan of successors.

Succession is searched along the career paths (``pola-karir talenta``), so a target position
that no move leads to can never have a successor: worth a warning (PK213), since the data may
just lack the path. A jenis listed twice in instansi.yml would leave its number of successors
ambiguous (PK214, an error).
"""

from __future__ import annotations

from collections.abc import Iterator

from pola_karir.diagnostics import Diagnostic, diag
from pola_karir.load.workspace import Workspace
from pola_karir.rules.common import Rule, level_term


def unreachable_targets(space: Workspace) -> Iterator[Diagnostic]:
    """PK213: a target position that no move of any career path leads to; reported at its
    ``jabatan_target`` (or at the position, when its jenis is marked in instansi.yml)."""
    if space.agency is None:
        return
    by_type = {t.type for t in space.agency.talent.target_types}
    reached = {
        m.target for path in space.paths.values() for m in path.moves if m.source != m.target
    }
    for position in sorted(space.positions.values(), key=lambda p: p.id):
        mark = position.target
        targeted = mark.marked if mark is not None else position.type in by_type
        if not targeted or position.id in reached:
            continue
        where = mark.location if mark is not None and mark.location else position.location
        if where is not None:
            yield diag("PK213", where, id=position.id)


def repeated_target_types(space: Workspace) -> Iterator[Diagnostic]:
    """PK214: one jenis listed twice in ``manajemen_talenta.jabatan_target``."""
    if space.agency is None:
        return
    first: dict[str, int] = {}
    for target in space.agency.talent.target_types:
        where = target.location
        if where is None:
            continue
        if target.type in first:
            yield diag("PK214", where, jenis=level_term(target.type), first_line=first[target.type])
        else:
            first[target.type] = where.line


RULES: tuple[Rule, ...] = (unreachable_targets, repeated_target_types)
