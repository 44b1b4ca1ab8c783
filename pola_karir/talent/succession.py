"""Successors of the target positions: who in the pool can reach each one along the career
paths, how far they are, and which targets have too few ready successors.

Nothing is judged here that matching does not judge: every person's reachable positions come
from :func:`pola_karir.career.matching.explore` (routes along the career paths, each step
checked against the position's requirements), and a successor is one of those results whose
destination is a target position. *Ready* means the route's verdict is ``memenuhi``: every
requirement of every step assessed and met; a requirement the staff list cannot tell (an empty
column) is never met, so a person with unknowns is a successor but not a ready one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pola_karir.career.matching import Finding, RouteResult, State, explore
from pola_karir.career.timeline import Timeline, timeline_for
from pola_karir.model import Dataset
from pola_karir.talent.grid import Box
from pola_karir.talent.staff import Staff, TalentPerson
from pola_karir.text.catalogue import DEFAULT_LANGUAGE

DEFAULT_MAX_MOVES = 3


@dataclass(frozen=True)
class Gap:
    """A requirement still unmet on the route: at which step (position id), and what."""

    position: str
    finding: Finding


@dataclass(frozen=True)
class Successor:
    person: TalentPerson
    result: RouteResult
    timeline: Timeline  # the earliest time: move years, golongan, credit points (estimated)

    @property
    def route(self) -> tuple[str, ...]:
        return self.result.reach.route

    @property
    def moves(self) -> int:
        return self.result.reach.moves

    @property
    def years(self) -> float | None:
        """Earliest time in years (``None`` where it cannot be estimated): the move years, the
        golongan each step needs and a functional position's credit points, as for Jelajah."""
        return self.timeline.destination.years

    @property
    def estimate(self) -> bool:
        """The time rests on a figure not confirmed from a regulation's text."""
        return self.timeline.destination.estimate

    @property
    def gaps(self) -> int:
        return self.result.gaps

    @property
    def ready(self) -> bool:
        return self.result.state is State.MET

    @property
    def state(self) -> State:
        return self.result.state

    @property
    def lacking(self) -> tuple[Gap, ...]:
        """The unmet requirements along the route, step by step."""
        return tuple(
            Gap(step.position, finding) for step in self.result.steps for finding in step.unmet
        )

    @property
    def to_fill(self) -> tuple[str, ...]:
        """Aspects left unassessed on the route: columns to fill in to know."""
        return self.result.to_fill


@dataclass(frozen=True)
class TargetPlan:
    """One target position: the successors wanted and found, ranked."""

    position: str
    wanted: int
    successors: tuple[Successor, ...]

    @property
    def ready(self) -> int:
        return sum(1 for s in self.successors if s.ready)

    @property
    def at_risk(self) -> bool:
        """Risiko suksesi: fewer ready successors than wanted."""
        return self.ready < self.wanted


@dataclass(frozen=True)
class TalentReport:
    staff: Staff
    plans: tuple[TargetPlan, ...]
    pool: tuple[Box, ...]  # the boxes whose people are searched as successors
    max_moves: int

    def in_pool(self, person: TalentPerson) -> bool:
        return person.box in self.pool


def successor_key(successor: Successor) -> tuple[int, int, str]:
    """Route length, then gaps on the route, then NIP."""
    return (successor.moves, successor.gaps, successor.person.nip)


def plan(
    dataset: Dataset, staff: Staff, max_moves: int = DEFAULT_MAX_MOVES, lang: str = DEFAULT_LANGUAGE
) -> TalentReport:
    """Successors of every target position of ``dataset`` among ``staff``'s pool; the gaps
    are worded in ``lang``."""
    pool = tuple(Box(k, p) for k, p in dataset.agency.talent.succession_boxes)
    targets = dataset.targets
    found: dict[str, list[Successor]] = {target: [] for target in targets}
    for person in staff.people:
        if person.box not in pool:
            continue
        for result in explore(dataset, person.profile, max_moves, lang):
            destination = result.reach.position
            if destination in found and destination != person.position.id:
                found[destination].append(
                    Successor(person, result, timeline_for(result, dataset, person.profile))
                )
    plans = tuple(
        TargetPlan(target, targets[target], tuple(sorted(found[target], key=successor_key)))
        for target in sorted(targets)
    )
    return TalentReport(staff, plans, pool, max_moves)


def box_counts(people: Iterable[TalentPerson]) -> Counter[Box]:
    return Counter(person.box for person in people)


def by_unit(people: Iterable[TalentPerson]) -> dict[str, Counter[Box]]:
    """Box counts per perangkat daerah (the first segment of the position's unit)."""
    groups: dict[str, Counter[Box]] = {}
    for person in people:
        top = person.position.unit.split("/", 1)[0]
        groups.setdefault(top, Counter())[person.box] += 1
    return dict(sorted(groups.items()))
