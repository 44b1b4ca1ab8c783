"""The earliest time a route can be walked, honestly estimated.

A move's minimum years (``tahun_minimal``) are only one of the clocks a person waits on. A
step may need a golongan the person does not have yet, which comes by rank promotion (every
4 years in the last pangkat for a regular promotion, at the least every 2 years in a
jabatan fungsional), and a JF jenjang comes with the credit points (angka kredit) the lower
jenjang earns each year, scaled by the predikat kinerja. The earliest time of each step is
the longest of these waits, counted from when the person entered the position before it.

Every figure behind the waits is in :mod:`pola_karir.reference.waktu` with its source; none is
confirmed from a regulation's text in force, so a time resting on one is an estimate
(``perkiraan``), and each result lists the assumptions it rests on. Where a figure is not known
(a keterampilan jenjang's credit points, an unknown golongan) the time is not estimated at all.

The functions here return facts (constraint and assumption keys); the words are in
``text/locale/*/waktu.po``. The browser port (``site/assets/pk-timeline.js``) computes the same
from :func:`input_data` and :func:`pola_karir.reference.waktu.rules_data`, and is tested
against :func:`timeline_data` on a table of cases.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from pola_karir import reference as ref
from pola_karir.model import Dataset
from pola_karir.reference import waktu
from pola_karir.text import waktu as waktu_text
from pola_karir.text.catalogue import DEFAULT_LANGUAGE

if TYPE_CHECKING:  # matching's results carry the estimate (explore_data): no import cycle
    from pola_karir.career.matching import Profile, RouteResult

# What can make a step wait, in the order they are reported.
MOVE_YEARS = "masa_minimal"
RANK = "golongan"
CREDIT = "angka_kredit"
CONSTRAINTS = (MOVE_YEARS, RANK, CREDIT)

# Assumptions a figure may rest on; the first four rest on unconfirmed figures (perkiraan).
ASSUME_REGULAR = "kp_reguler"  # regular rank promotion every REGULAR_PROMOTION years
ASSUME_FUNCTIONAL = "kp_fungsional"  # rank promotion in a JF at the least every 2 years
ASSUME_CREDIT = "angka_kredit"  # yearly credit points per jenjang and predikat
ASSUME_CREDIT_HELD = "angka_kredit_masa_jabatan"  # credit held = years in position x yearly
ASSUME_RATING_DEFAULT = "predikat_baik"  # no predikat in the profile: Baik every year
ASSUME_RATING_KEPT = "predikat_tetap"  # the latest predikat, every year from now
ASSUME_RANK_DUE = "masa_golongan_dianggap_cukup"  # years in golongan unknown: promotion due
UNCONFIRMED = frozenset({ASSUME_REGULAR, ASSUME_FUNCTIONAL, ASSUME_CREDIT, ASSUME_CREDIT_HELD})

# Why a time cannot be estimated.
UNKNOWN_RANK = "golongan"  # the profile gives no golongan and a step needs one
UNKNOWN_CREDIT = "angka_kredit"  # no known credit figure for this jenjang step
UNKNOWN_RATING = "kinerja"  # a predikat below Baik: the pangkat does not rise
UNKNOWN_RANK_CAP = "golongan_jenjang"  # above the highest golongan of the jenjang held

# Tolerance for counting whole promotion periods in a float number of years.
_EPSILON = 1e-9


@dataclass(frozen=True)
class Post:
    """A position as the estimate sees it: its type, its JF family and jenjang, and the
    lowest golongan it requires (None: no golongan requirement)."""

    id: str
    type: str
    family: str | None = None
    grade: str | None = None
    min_rank: str | None = None


@dataclass(frozen=True)
class Leg:
    """One move of a route: the position it leads to and its minimum years."""

    target: Post
    min_years: float


@dataclass(frozen=True)
class TimelineInput:
    """A route and what the profile tells about time: golongan and the years spent in it
    (None: unknown), the years in the current position, the latest predikat (None: unknown)."""

    start: Post
    legs: tuple[Leg, ...]
    rank: str | None = None
    years_in_rank: float | None = None
    years_in_position: float = 0.0
    rating: str | None = None


@dataclass(frozen=True)
class StepTime:
    """The earliest time to hold one step of the route, in years from now (cumulative).

    ``binding`` names the waits that set it (empty when nothing is left to wait for);
    ``assumptions`` what it rests on, this step's and the earlier steps'; ``estimate`` is
    True when one of them is an unconfirmed figure; ``unknown`` says why ``years`` is None."""

    position: str
    years: float | None
    binding: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    estimate: bool = False
    unknown: tuple[str, ...] = ()


@dataclass(frozen=True)
class Timeline:
    """Every step of a route, the destination last, and the predikat the estimate used."""

    rating: str
    rating_assumed: bool
    steps: tuple[StepTime, ...]

    @property
    def destination(self) -> StepTime:
        return self.steps[-1]


# --- the estimate ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clock:
    """Where the person stands before a step: golongan (its order, None unknown), years in
    it (None unknown), years in the position held, and years elapsed from now."""

    rank: int | None
    since: float | None
    in_post: float
    elapsed: float


def estimate(given: TimelineInput) -> Timeline:
    """The earliest time of every step of ``given``'s route (see the module docstring)."""
    rating = given.rating or waktu.DEFAULT_RATING
    rating_key = ASSUME_RATING_KEPT if given.rating else ASSUME_RATING_DEFAULT
    start_rank = ref.RANK_ORDER[given.rank] if given.rank else None
    clock = _Clock(start_rank, given.years_in_rank, given.years_in_position, 0.0)
    held = given.start
    assumptions: list[str] = []
    promoted_by: list[str] = []  # the promotion rules that have raised the rank so far
    missing: list[str] = []
    steps: list[StepTime] = []
    for leg in given.legs:
        if not missing:
            waits, used, lacking = _waits(leg, held, clock, start_rank, rating, given)
            used = [rating_key if key == "predikat" else key for key in used]
            if any(key in used for key in (ASSUME_REGULAR, ASSUME_FUNCTIONAL)):
                used = [*promoted_by, *used]
            _add(assumptions, used)
            missing.extend(lacking)
        if missing:
            steps.append(
                StepTime(
                    leg.target.id,
                    None,
                    (),
                    tuple(assumptions),
                    _unconfirmed(assumptions),
                    tuple(dict.fromkeys(missing)),
                )
            )
            continue
        wait = max(waits.values())
        binding = tuple(k for k in CONSTRAINTS if wait > 0 and waits.get(k) == wait)
        clock, rule = _advance(clock, held, leg.target, wait, rating)
        if rule:
            _add(promoted_by, [rule])
        steps.append(
            StepTime(
                leg.target.id,
                clock.elapsed,
                binding,
                tuple(assumptions),
                _unconfirmed(assumptions),
            )
        )
        held = leg.target
    return Timeline(rating, given.rating is None, tuple(steps))


def _waits(
    leg: Leg,
    held: Post,
    clock: _Clock,
    start_rank: int | None,
    rating: str,
    given: TimelineInput,
) -> tuple[dict[str, float], list[str], list[str]]:
    """The years each constraint still asks before ``leg`` can be taken, the assumptions they
    use ("predikat" for the predikat one) and what is missing to know them."""
    waits = {MOVE_YEARS: max(0.0, leg.min_years - clock.in_post)}
    used: list[str] = []
    lacking: list[str] = []
    target = leg.target
    credit_step = _is_grade_step(held, target)
    if credit_step:
        needed = _credit_years(held, target, rating)
        if needed is None:
            lacking.append(UNKNOWN_CREDIT)
        else:
            # The golongan of the next jenjang comes with it (kenaikan jenjang dan pangkat).
            waits[CREDIT] = max(0.0, needed - clock.in_post)
            used += ["predikat", ASSUME_CREDIT]
            if clock.in_post > 0:
                used.append(ASSUME_CREDIT_HELD)
        return waits, used, lacking
    if target.min_rank is None:
        return waits, used, lacking
    need = ref.RANK_ORDER[target.min_rank]
    if clock.rank is None or start_rank is None:
        lacking.append(UNKNOWN_RANK)
        return waits, used, lacking
    if need <= start_rank:
        return waits, used, lacking
    period, rule = _promotion(held)
    used += ["predikat", rule]
    if given.years_in_rank is None:
        used.append(ASSUME_RANK_DUE)
    if need > clock.rank:
        if not _can_promote(rating):
            lacking.append(UNKNOWN_RATING)
        elif need > _rank_cap(held):
            lacking.append(UNKNOWN_RANK_CAP)
        else:
            since = period if clock.since is None else clock.since
            first = max(0.0, period - since)
            waits[RANK] = first + period * (need - clock.rank - 1)
    return waits, used, lacking


def _advance(
    clock: _Clock, held: Post, target: Post, wait: float, rating: str
) -> tuple[_Clock, str | None]:
    """The clock after waiting ``wait`` years in ``held`` and moving to ``target``: the rank
    promotions due in the wait (never above the jenjang held), or, for a JF jenjang step, the
    golongan of the new jenjang; and the promotion rule that raised the rank, if one did."""
    rank, since, rule = clock.rank, clock.since, None
    if rank is not None:
        period, key = _promotion(held)
        begun = period if since is None else since
        first = max(0.0, period - begun)
        cap = _rank_cap(held)
        if _can_promote(rating) and rank < cap and wait >= first:
            count = 1 + math.floor((wait - first) / period + _EPSILON)
            raised = min(cap, rank + count)
            since = wait - (first + (count - 1) * period)
            rule = key if raised > rank else None
            rank = raised
        else:
            since = None if since is None else since + wait
        if _is_grade_step(held, target) and target.min_rank is not None:
            need = ref.RANK_ORDER[target.min_rank]
            if need > rank:
                rank, since = need, 0.0
    return _Clock(rank, since, 0.0, clock.elapsed + wait), rule


def _is_grade_step(held: Post, target: Post) -> bool:
    """A JF jenjang promotion: the same family, a higher jenjang of the same category."""
    if held.type != "fungsional" or target.type != "fungsional":
        return False
    if held.family is None or held.family != target.family:
        return False
    if held.grade is None or target.grade is None:
        return False
    category = ref.CATEGORY_OF_GRADE.get(held.grade)
    if category is None or category != ref.CATEGORY_OF_GRADE.get(target.grade):
        return False
    grades = ref.GRADES_BY_CATEGORY[category]
    return grades.index(target.grade) > grades.index(held.grade)


def _credit_years(held: Post, target: Post, rating: str) -> float | None:
    """Years in ``held``'s jenjang to earn the credit points of ``target``'s, at ``rating``;
    None where no figure is known (keterampilan, or a jenjang skipped)."""
    threshold = waktu.CREDIT.thresholds.get((str(held.grade), str(target.grade)))
    yearly = waktu.CREDIT.yearly.get(str(held.grade))
    factor = waktu.CREDIT.rating_factor[rating]
    if threshold is None or yearly is None:
        return None
    return threshold / (yearly * factor)


def _promotion(held: Post) -> tuple[float, str]:
    """The rank promotion period while holding ``held``, and its assumption key."""
    if held.type == "fungsional":
        return waktu.FUNCTIONAL_PROMOTION.years, ASSUME_FUNCTIONAL
    return waktu.REGULAR_PROMOTION.years, ASSUME_REGULAR


def _rank_cap(held: Post) -> int:
    """The highest golongan reachable by promotion while holding ``held``: a JF jenjang's
    highest golongan, else the top of the table."""
    if held.type == "fungsional" and held.grade in ref.GRADE_RANK_RANGE:
        return ref.RANK_ORDER[ref.GRADE_RANK_RANGE[held.grade].high]
    return len(ref.RANKS)


def _can_promote(rating: str) -> bool:
    return ref.RATING_ORDER[rating] >= ref.RATING_ORDER[waktu.PROMOTION_MIN_RATING]


def _add(into: list[str], keys: Sequence[str]) -> None:
    for key in keys:
        if key not in into:
            into.append(key)


def _unconfirmed(assumptions: Sequence[str]) -> bool:
    return any(key in UNCONFIRMED for key in assumptions)


# --- from the model and the profile ----------------------------------------------------------


def post(dataset: Dataset, position_id: str) -> Post:
    position = dataset.positions[position_id]
    rank = position.requirements.rank
    return Post(
        position.id,
        position.type,
        position.family,
        position.grade,
        rank.minimum if rank else None,
    )


def timeline_input(dataset: Dataset, profile: Profile, route: Sequence[str]) -> TimelineInput:
    """The estimate's input for ``route`` (position ids, the current one first): each leg
    takes the quickest move between its two positions, as the route search did."""
    legs = tuple(
        Leg(
            post(dataset, target),
            min(m.min_years for m in dataset.moves_from(source) if m.target == target),
        )
        for source, target in pairwise(route)
    )
    rating = profile.ratings[0] if profile.ratings else None
    return TimelineInput(
        post(dataset, route[0]),
        legs,
        profile.rank,
        profile.years_in_rank,
        profile.years_in_position or 0.0,
        rating,
    )


def timeline_for(result: RouteResult, dataset: Dataset, profile: Profile) -> Timeline:
    """The earliest time of a reachable position's route for ``profile``."""
    return estimate(timeline_input(dataset, profile, result.reach.route))


# --- as plain data (CLI JSON, the browser port) -----------------------------------------------


def _post_data(item: Post) -> dict[str, object]:
    return {
        "jabatan": item.id,
        "jenis": item.type,
        "jabatan_fungsional": item.family,
        "jenjang": item.grade,
        "golongan_minimal": item.min_rank,
    }


def input_data(given: TimelineInput) -> dict[str, object]:
    """The input in the form ``PolaKarirTimeline.estimate`` takes."""
    return {
        "awal": _post_data(given.start),
        "langkah": [
            {**_post_data(leg.target), "tahun_minimal": leg.min_years} for leg in given.legs
        ],
        "golongan": given.rank,
        "masa_golongan": given.years_in_rank,
        "masa_jabatan": given.years_in_position,
        "predikat": given.rating,
    }


def step_data(step: StepTime) -> dict[str, object]:
    return {
        "jabatan": step.position,
        "tahun": step.years,
        "perkiraan": step.estimate,
        "dasar": list(step.binding),
        "asumsi": list(step.assumptions),
        "tidak_dapat_diperkirakan": list(step.unknown),
    }


def timeline_data(timeline: Timeline) -> dict[str, object]:
    """The destination's time at the top level, every step's under ``langkah_rute``."""
    return {
        **step_data(timeline.destination),
        "predikat": timeline.rating,
        "predikat_dianggap": timeline.rating_assumed,
        "langkah_rute": [step_data(step) for step in timeline.steps],
    }


def worded(timeline: Timeline, lang: str = DEFAULT_LANGUAGE) -> str:
    """The destination's earliest time in words, with what sets it and every assumption (the
    sentence the CLI, the talent report and, through pk-kata.js, the site show)."""
    step = timeline.destination
    return waktu_text.when(
        step.years,
        step.estimate,
        step.binding,
        step.assumptions,
        step.unknown,
        timeline.rating,
        lang,
    )
