"""The whole pattern summarised by perangkat daerah and job family, for agencies too large to
draw position by position (see :mod:`pola_karir.site.limits`).

Every position belongs to one group: a functional position to its job family (its ladder is
the family's, wherever it is placed), any other to the perangkat daerah of its first unit (as
in the detailed overview, where it is drawn in that cluster). Moves are counted between
groups, once per (from, to, kind) as the diagrams draw them. The summary has one entry per
perangkat daerah and job family and at most one flow per ordered pair of groups and move kind:
its size depends on those counts, never on the number of positions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from pola_karir.model import Dataset, Position
from pola_karir.site import urls

UNIT = "unit"
FAMILY = "family"


@dataclass(frozen=True)
class Group:
    """A perangkat daerah (``kind`` :data:`UNIT`) or a job family (:data:`FAMILY`)."""

    kind: str
    id: str
    name: str
    page: str  # source path of its own page: the peta jabatan or the job family
    positions: int
    moves_within: int  # moves between two positions of this group

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Flow:
    """The moves of one kind from the positions of one group to those of another."""

    source: str  # Group.key
    target: str
    kind: str  # vertikal | horizontal | diagonal
    count: int


@dataclass(frozen=True)
class Summary:
    groups: tuple[Group, ...]  # perangkat daerah by name, then job families by name
    flows: tuple[Flow, ...]  # by source, target and kind, in the order of the groups

    @property
    def moves(self) -> int:
        """Every move counted: between groups and within them."""
        return sum(f.count for f in self.flows) + sum(g.moves_within for g in self.groups)


def group_key(dataset: Dataset, position: Position) -> str:
    """The key of the group ``position`` is counted in (see the module docstring)."""
    if position.type == "fungsional" and position.family in dataset.families:
        return f"{FAMILY}:{position.family}"
    return f"{UNIT}:{position.unit.split('/', 1)[0]}"


def summarise(dataset: Dataset) -> Summary:
    member = {pid: group_key(dataset, p) for pid, p in dataset.positions.items()}
    sizes = Counter(member.values())
    unique = {
        (m.source, m.target, m.kind)
        for m in dataset.moves()
        if m.source in member and m.target in member
    }
    within: Counter[str] = Counter()
    between: Counter[tuple[str, str, str]] = Counter()
    for source, target, kind in unique:
        a, b = member[source], member[target]
        if a == b:
            within[a] += 1
        else:
            between[(a, b, kind)] += 1
    tops = {u.id for u in dataset.units.values() if u.parent is None}
    tops |= {key.split(":", 1)[1] for key in sizes if key.startswith(f"{UNIT}:")}
    units = [
        Group(
            UNIT,
            top,
            dataset.units[top].name if top in dataset.units else top,
            urls.unit(top),
            sizes[f"{UNIT}:{top}"],
            within[f"{UNIT}:{top}"],
        )
        for top in tops
    ]
    families = [
        Group(
            FAMILY,
            family.id,
            family.name,
            urls.family(family.id),
            sizes[f"{FAMILY}:{family.id}"],
            within[f"{FAMILY}:{family.id}"],
        )
        for family in dataset.families.values()
    ]
    groups = (
        *sorted(units, key=lambda g: (g.name, g.id)),
        *sorted(families, key=lambda g: (g.name, g.id)),
    )
    order = {g.key: index for index, g in enumerate(groups)}
    kinds = ("vertikal", "horizontal", "diagonal")
    flows = sorted(
        (Flow(a, b, kind, count) for (a, b, kind), count in between.items()),
        key=lambda f: (order[f.source], order[f.target], kinds.index(f.kind)),
    )
    return Summary(groups, tuple(flows))
