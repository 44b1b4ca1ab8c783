"""Merit matching: compare a person with a position's requirements, and find reachable positions.

The merit system asks for an objective comparison of qualification, competency, performance and
rank with what a position requires (UU 5/2014 Pasal 69). This module does that comparison once,
as pure functions over the model; the CLI, the audit and (ported to JavaScript as
``assets/pk-engine.js``, checked against a case table and random datasets and profiles) the
Jelajah Karier page all give the same answers. The two engines exchange findings as codes and
values (:func:`finding_data`); each phrases them in its own words.

Anything the profile leaves unknown is reported as ``unknown`` (not assessed), never as unmet
and never as met: a position is eligible only when every requirement was assessed and met.
A reachable position is judged along its route (:class:`RouteResult`), since a step the person
cannot take blocks what lies beyond it; :func:`explore` lists next steps first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from pola_karir import reference as ref
from pola_karir.career import routes, timeline
from pola_karir.career.routes import Reach
from pola_karir.model import Dataset, ExperienceRequirement, Position, field_key
from pola_karir.text import phrases
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text


class Status(StrEnum):
    MET = "terpenuhi"
    UNMET = "belum"
    UNKNOWN = "tidak-diketahui"


@dataclass(frozen=True)
class Profile:
    """What is known about a person; ``None`` (or an absent key) means unknown."""

    position: str | None = None
    education: str | None = None
    education_field: str | None = None
    rank: str | None = None
    years_in_position: float | None = None
    # Years per position type, jenjang or position id held before; None = not told (then an
    # experience requirement the current position alone does not meet is unknown, not unmet).
    experience: Mapping[str, float] | None = None
    total_years: float | None = None  # masa kerja, for cumulative experience
    years_in_rank: float | None = None  # masa golongan: years in the current golongan
    trainings: frozenset[str] | None = None
    ratings: tuple[str, ...] | None = None  # most recent year first
    competencies: Mapping[str, int] | None = None


# A finding's value as data: a code, a number, a yes/no, or a tuple of them (see finding_data).
Value = str | float | bool | tuple[object, ...] | None


@dataclass(frozen=True)
class Finding:
    """One requirement checked: what the person has and what the position needs, as this
    engine phrases them (``subject``, ``have``, ``need``: the CLI and the audit print them) and
    as values (``key``, ``held``, ``required``: what the open contract with the browser engine
    carries, each side phrasing them itself). ``held`` is None when the profile does not tell."""

    aspect: str  # pendidikan | bidang_pendidikan | golongan | pengalaman | pelatihan | ...
    subject: str
    status: Status
    have: str
    need: str
    key: str | int | None = None  # training or competency id, experience item index
    held: Value = None
    required: Value = None


@dataclass(frozen=True)
class Eligibility:
    position: str
    findings: tuple[Finding, ...]

    @property
    def unmet(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status is Status.UNMET)

    @property
    def unknown(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status is Status.UNKNOWN)

    @property
    def eligible(self) -> bool:
        """True only when every requirement was assessed and met: a requirement the profile
        leaves unknown may be unmet, so it never counts as met."""
        return not self.unmet and not self.unknown

    @property
    def state(self) -> State:
        return _state(self.findings)


class State(StrEnum):
    """A position's verdict, read from all its findings: met only when all were assessed and met;
    unmet as soon as one is unmet (something to do whatever the rest says); otherwise not
    assessed (nothing known to be missing, but the profile cannot tell yet)."""

    MET = "memenuhi"
    UNMET = "belum-memenuhi"
    UNKNOWN = "belum-dinilai"


# Best first: how results with the same route length are ordered.
STATE_ORDER = {State.MET: 0, State.UNKNOWN: 1, State.UNMET: 2}


def _state(findings: tuple[Finding, ...]) -> State:
    statuses = {f.status for f in findings}
    if Status.UNMET in statuses:
        return State.UNMET
    return State.UNKNOWN if Status.UNKNOWN in statuses else State.MET


@dataclass(frozen=True)
class RouteResult:
    """A reachable position judged along its route: each step's requirements (the intermediate
    positions and the destination, in order), since a step the person cannot take blocks the
    route as surely as a gap at the destination."""

    reach: Reach
    steps: tuple[Eligibility, ...]  # route[1:], the destination last

    @property
    def destination(self) -> Eligibility:
        return self.steps[-1]

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for step in self.steps for f in step.findings)

    @property
    def state(self) -> State:
        return _state(self.findings)

    @property
    def gaps(self) -> int:
        """Unmet requirements over the whole route (a gap at two steps counts twice: it must
        be closed by the first and stay closed)."""
        return sum(len(step.unmet) for step in self.steps)

    @property
    def to_fill(self) -> tuple[str, ...]:
        """The aspects (profile parts) whose absence left a requirement on the route unassessed,
        in the order the requirements come: what to fill in to know."""
        return tuple(dict.fromkeys(f.aspect for f in self.findings if f.status is Status.UNKNOWN))


def _unknown(lang: str) -> str:
    return text("phrase.unknown", lang)


def _aspect(aspect: str, lang: str) -> str:
    return phrases.label("aspek", aspect, lang)


def _status(ok: bool | None) -> Status:
    if ok is None:
        return Status.UNKNOWN
    return Status.MET if ok else Status.UNMET


def experience_years(dataset: Dataset, profile: Profile) -> dict[str, float]:
    """Years per position type, jenjang and position id, counting the current position."""
    years = dict(profile.experience or {})
    current = dataset.positions.get(profile.position or "")
    if current is not None and profile.years_in_position is not None:
        for key in {current.id, current.type, current.level_key}:
            years[key] = max(years.get(key, 0.0), profile.years_in_position)
    return years


def check(
    dataset: Dataset, profile: Profile, position: Position, lang: str = DEFAULT_LANGUAGE
) -> Eligibility:
    """Every requirement of ``position`` against ``profile``, its words in ``lang``."""
    unknown = _unknown(lang)
    req = position.requirements
    found: list[Finding] = []
    if req.education:
        need = req.education.minimum
        ok = (
            None
            if profile.education is None
            else ref.EDUCATION_RANK[profile.education] >= ref.EDUCATION_RANK[need]
        )
        found.append(
            Finding(
                "pendidikan",
                _aspect("pendidikan", lang),
                _status(ok),
                phrases.education_level(profile.education, lang) if profile.education else unknown,
                phrases.education_level(need, lang),
                held=profile.education,
                required=need,
            )
        )
        if req.education.fields:
            field_ok = (
                None
                if not profile.education_field
                else field_accepted(dataset, profile.education_field, req.education.fields)
            )
            found.append(
                Finding(
                    "bidang_pendidikan",
                    _aspect("bidang_pendidikan", lang),
                    _status(field_ok),
                    profile.education_field or unknown,
                    ", ".join(req.education.fields),
                    held=profile.education_field or None,
                    required=req.education.fields,
                )
            )
    if req.rank:
        found.append(_rank(profile, req.rank.minimum, req.rank.maximum, lang))
    found += _experience(dataset, profile, position, lang)
    found += _trainings(dataset, profile, position, lang)
    if req.performance:
        minimum, years = req.performance.minimum_rating, req.performance.years
        found.append(performance_finding(profile, minimum, years, lang))
    found += _competencies(dataset, profile, position, lang)
    return Eligibility(position.id, tuple(found))


def accepted_fields(dataset: Dataset, fields: tuple[str, ...]) -> frozenset[str]:
    """The fields of study (as :func:`~pola_karir.model.field_key` compares them) that satisfy
    a requirement listing ``fields``: each field itself and, for a field that is the name of a
    rumpun, every field of that rumpun."""
    groups = dataset.field_groups_by_key
    accepted: set[str] = set()
    for name in fields:
        key = field_key(name)
        accepted.add(key)
        group = groups.get(key)
        if group is not None:
            accepted.update(field_key(member) for member in group.fields)
    return frozenset(accepted)


def field_accepted(dataset: Dataset, have: str, fields: tuple[str, ...]) -> bool:
    """Whether a person's field of study satisfies a requirement listing ``fields``: the one
    rule of matching, the audit and (ported) Jelajah Karier."""
    return field_key(have) in accepted_fields(dataset, fields)


def _rank(profile: Profile, minimum: str, maximum: str | None, lang: str) -> Finding:
    """Golongan within the position's range; a maximum (a functional grade's range, e.g.
    III/a-III/b for ahli pertama) is part of the requirement too."""
    need = f"{minimum}–{maximum}" if maximum else minimum
    required = (minimum, maximum)
    if profile.rank is None:
        aspect = _aspect("golongan", lang)
        return Finding("golongan", aspect, Status.UNKNOWN, _unknown(lang), need, required=required)
    order = ref.RANK_ORDER[profile.rank]
    within = order >= ref.RANK_ORDER[minimum] and (
        maximum is None or order <= ref.RANK_ORDER[maximum]
    )
    return Finding(
        "golongan",
        _aspect("golongan", lang),
        _status(within),
        profile.rank,
        need,
        held=profile.rank,
        required=required,
    )


def _experience(dataset: Dataset, profile: Profile, position: Position, lang: str) -> list[Finding]:
    found = []
    unknown = _unknown(lang)
    years = experience_years(dataset, profile)
    for index, item in enumerate(position.requirements.experience):
        options = (*item.levels, *item.positions)
        ok: bool | None
        if item.conditional:
            ok, held = conditional_experience(dataset, profile, item)
            have = phrases.years(held, lang) if ok is not None else unknown
        elif options:
            held = max((years.get(option, 0.0) for option in options), default=0.0)
            told = profile.experience is not None
            ok = True if held >= item.years else (False if told else None)
            have = phrases.years(held, lang) if ok is not None else unknown
        else:
            ok = None if profile.total_years is None else profile.total_years >= item.years
            held = profile.total_years or 0.0
            have = (
                text("phrase.total_service", lang, years=phrases.years(profile.total_years, lang))
                if profile.total_years is not None
                else unknown
            )
        need = phrases.experience(item, dataset, lang)
        found.append(
            Finding(
                "pengalaman",
                _aspect("pengalaman", lang),
                _status(ok),
                have,
                need,
                key=index,
                held=held if ok is not None else None,
                required=item.years,
            )
        )
    return found


def _history(dataset: Dataset, profile: Profile) -> dict[str, float]:
    """The profile's own history plus the current position by its id only: its type and grade
    would say less than the id (no family, kelas or unit) and count the same years again."""
    history = dict(profile.experience or {})
    current = dataset.positions.get(profile.position or "")
    if current is not None and profile.years_in_position is not None:
        history[current.id] = max(history.get(current.id, 0.0), profile.years_in_position)
    return history


def conditional_experience(
    dataset: Dataset, profile: Profile, item: ExperienceRequirement
) -> tuple[bool | None, float]:
    """An experience item with a family, kelas or unit: met, unmet or unknown, and the years
    known to count.

    A position id in the history is judged exactly; a family, type or grade key only as far as
    it tells (``guru: 8`` says nothing of the unit), so it may count, may not, or cannot tell.
    The years of positions that count add up; keys that are not positions are not added to
    them (``guru`` and ``guru-ahli-muda`` may be the same years). When the known years fall
    short, the item is unmet only if even every year that might count falls short too, and
    only when the profile tells its history: otherwise it is not assessed."""
    positions_total = 0.0
    other_best = 0.0
    possible = 0.0
    for key, years in _history(dataset, profile).items():
        verdict = _counts(dataset, item, key)
        if verdict is False:
            continue
        possible += years
        if verdict and key in dataset.positions:
            positions_total += years
        elif verdict:
            other_best = max(other_best, years)
    held = max(positions_total, other_best)
    if held >= item.years:
        return True, held
    if profile.experience is None or possible >= item.years:
        return None, held
    return False, held


def _counts(dataset: Dataset, item: ExperienceRequirement, key: str) -> bool | None:
    """Whether years under history ``key`` count for ``item``: every condition must hold
    (False as soon as one cannot, None while one cannot be told)."""
    position = dataset.positions.get(key)
    verdicts = (
        _position_conditions(item, position)
        if position is not None
        else _key_conditions(dataset, item, key)
    )
    if False in verdicts:
        return False
    return None if None in verdicts else True


def _position_conditions(item: ExperienceRequirement, position: Position) -> list[bool | None]:
    verdicts: list[bool | None] = []
    if item.levels or item.positions:
        verdicts.append(
            position.id in item.positions
            or position.type in item.levels
            or position.level_key in item.levels
        )
    if item.family is not None:
        verdicts.append(position.family == item.family)
    if item.min_grade is not None:
        verdicts.append(position.grade is not None and _grade_at_least(position.grade, item))
    if item.min_class is not None:
        verdicts.append(position.job_class >= item.min_class)
    if item.unit is not None:
        verdicts.append(any(_within(p.unit, item.unit) for p in position.placements))
    return verdicts


def _key_conditions(dataset: Dataset, item: ExperienceRequirement, key: str) -> list[bool | None]:
    """What a family, type or grade key tells about each condition; kelas and unit it never
    tells, nor anything for a key the data does not know."""
    is_grade = key in ref.CATEGORY_OF_GRADE
    is_type = key in ref.POSITION_TYPES
    structural = is_type and key != "fungsional"
    verdicts: list[bool | None] = []
    if item.levels or item.positions:
        verdicts.append(_listed(dataset, item, key))
    if item.family is not None:
        if key in dataset.families:
            verdicts.append(key == item.family)
        else:
            verdicts.append(False if structural else None)
    if item.min_grade is not None:
        verdicts.append(_grade_at_least(key, item) if is_grade else False if structural else None)
    if item.min_class is not None:
        verdicts.append(None)
    if item.unit is not None:
        verdicts.append(None)
    return verdicts


def _listed(dataset: Dataset, item: ExperienceRequirement, key: str) -> bool | None:
    """Whether years under a family, type or grade key were in one of the item's listed types,
    grades or positions: a grade or a family is a functional position, of an unknown grade."""
    if key in item.levels:
        return True
    if item.positions:
        return None  # it may have been one of them
    functional = "fungsional" in item.levels
    grades_listed = any(level in ref.CATEGORY_OF_GRADE for level in item.levels)
    if key in ref.CATEGORY_OF_GRADE:
        return functional
    if key in dataset.families:
        return True if functional else (None if grades_listed else False)
    if key == "fungsional":
        return None if grades_listed else False
    return False if key in ref.POSITION_TYPES else None


def _grade_at_least(grade: str, item: ExperienceRequirement) -> bool:
    """A jenjang at or above ``jenjang_minimal`` on the one functional ladder (keterampilan
    grades below keahlian ones, as a family with both categories climbs)."""
    return ref.LEVELS[grade].order >= ref.LEVELS[str(item.min_grade)].order


def _within(unit: str, ancestor: str) -> bool:
    """Whether ``unit`` is ``ancestor`` or a unit below it (paths are ``a/b/c``)."""
    return unit == ancestor or unit.startswith(ancestor + "/")


def _trainings(dataset: Dataset, profile: Profile, position: Position, lang: str) -> list[Finding]:
    found = []
    req = position.requirements
    for aspect, ids in (("pelatihan", req.trainings), ("sertifikasi", req.certifications)):
        for training_id in ids:
            done = None if profile.trainings is None else training_id in profile.trainings
            name = phrases.training(training_id, dataset, lang)
            have = (
                _unknown(lang)
                if done is None
                else text("phrase.done" if done else "phrase.not_done", lang)
            )
            finding = Finding(aspect, name, _status(done), have, name)
            found.append(replace(finding, key=training_id, held=done, required=True))
    return found


def performance_finding(
    profile: Profile, minimum: str, years: int, lang: str = DEFAULT_LANGUAGE
) -> Finding:
    """The performance requirement against a profile; public because the open data carries its
    wording for the browser engine, which must say exactly what this engine says."""
    need = phrases.performance_need(minimum, years, lang)
    required = (minimum, years)
    ratings = profile.ratings
    if not ratings:
        aspect = _aspect("kinerja", lang)
        return Finding("kinerja", aspect, Status.UNKNOWN, _unknown(lang), need, required=required)
    considered = ratings[:years]
    below = [r for r in considered if ref.RATING_ORDER[r] < ref.RATING_ORDER[minimum]]
    have = ", ".join(phrases.rating(r, lang) for r in considered)
    status = Status.UNMET if below else Status.UNKNOWN if len(considered) < years else Status.MET
    return Finding(
        "kinerja", _aspect("kinerja", lang), status, have, need, held=considered, required=required
    )


def _competencies(
    dataset: Dataset, profile: Profile, position: Position, lang: str
) -> list[Finding]:
    found = []
    for comp_id, level in position.requirements.competencies.all_levels().items():
        held = None if profile.competencies is None else profile.competencies.get(comp_id)
        ok = None if held is None else held >= level
        found.append(
            Finding(
                "kompetensi",
                phrases.competency(comp_id, dataset),
                _status(ok),
                phrases.competency_level(held, lang) if held is not None else _unknown(lang),
                phrases.competency_level(level, lang),
                key=comp_id,
                held=held,
                required=level,
            )
        )
    return found


# --- reachability ---------------------------------------------------------------------------


def reachable(dataset: Dataset, profile: Profile, max_moves: int = 3) -> list[Reach]:
    """Positions reachable from the current one within ``max_moves`` moves, each with the
    earliest time (sum of the moves' minimum years, less time already served), fastest first."""
    if profile.position is None:
        return []
    return routes.reachable_from(
        dataset, profile.position, max_moves, profile.years_in_position or 0.0
    )


def explore(
    dataset: Dataset, profile: Profile, max_moves: int = 3, lang: str = DEFAULT_LANGUAGE
) -> list[RouteResult]:
    """Reachable positions judged along their routes, in the order the employee should read
    them: fewest moves first (next steps before what lies beyond them), then by state (all met,
    not yet assessable, unmet), fewest gaps, soonest, id; and never a position above a step on
    its own route (a slower-but-shorter route could otherwise tie with its step)."""
    checked: dict[str, Eligibility] = {}

    def judged(position_id: str) -> Eligibility:
        if position_id not in checked:
            checked[position_id] = check(dataset, profile, dataset.positions[position_id], lang)
        return checked[position_id]

    results = [
        RouteResult(reach, tuple(judged(step) for step in reach.route[1:]))
        for reach in reachable(dataset, profile, max_moves)
    ]
    results.sort(
        key=lambda r: (
            r.reach.moves,
            STATE_ORDER[r.state],
            r.gaps,
            r.reach.years,
            r.reach.position,
        )
    )
    return steps_first(results)


def steps_first(results: list[RouteResult]) -> list[RouteResult]:
    """``results`` in their order, except that each comes after the intermediate steps of its
    route (which are reachable too, so in the list)."""
    by_id = {r.reach.position: r for r in results}
    placed: set[str] = set()
    ordered: list[RouteResult] = []

    def place(result: RouteResult, pending: frozenset[str]) -> None:
        position = result.reach.position
        if position in placed or position in pending:
            return
        for step in result.reach.route[1:-1]:
            if step in by_id:
                place(by_id[step], pending | {position})
        placed.add(position)
        ordered.append(result)

    for result in results:
        place(result, frozenset())
    return ordered


def summary_counts(results: list[RouteResult]) -> dict[str, int]:
    """How many reachable positions are in each state: the three numbers of every summary."""
    counts = {"dapat_dicapai": len(results)}
    for state in State:
        counts[state.value.replace("-", "_")] = sum(1 for r in results if r.state is state)
    return counts


# --- profiles and results as plain data (CLI YAML, URL, browser JSON) -------------------------

PROFILE_KEYS = (
    "jabatan",
    "pendidikan",
    "bidang_pendidikan",
    "golongan",
    "masa_golongan",
    "masa_jabatan",
    "pengalaman",
    "masa_kerja",
    "pelatihan",
    "kinerja",
    "kompetensi",
)


def profile_from_data(data: Mapping[str, object]) -> Profile:
    """A profile from its plain form (keys as in PROFILE_KEYS); the data must already have
    passed ``schemas/profil.schema.json``. Absent keys stay unknown."""

    def number(key: str) -> float | None:
        value = data.get(key)
        return float(value) if isinstance(value, int | float) else None

    trainings = data.get("pelatihan")
    ratings = data.get("kinerja")
    competencies = data.get("kompetensi")
    experience = data.get("pengalaman")
    return Profile(
        position=_text(data.get("jabatan")),
        education=_text(data.get("pendidikan")),
        education_field=_text(data.get("bidang_pendidikan")),
        rank=_text(data.get("golongan")),
        years_in_position=number("masa_jabatan"),
        experience={str(k): float(v) for k, v in experience.items()}
        if isinstance(experience, dict)
        else None,
        total_years=number("masa_kerja"),
        years_in_rank=number("masa_golongan"),
        trainings=frozenset(str(t) for t in trainings) if isinstance(trainings, list) else None,
        ratings=tuple(str(r) for r in ratings) if isinstance(ratings, list) else None,
        competencies={str(k): int(v) for k, v in competencies.items()}
        if isinstance(competencies, dict)
        else None,
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def finding_data(finding: Finding) -> dict[str, object]:
    """A finding as the engines exchange it: codes and values, no words (each reader phrases
    them in its own language). ``kunci`` names the requirement among several of its aspect (a
    training or competency id, the index of an experience item in the position's list),
    ``punya`` is what the profile has (None: not told), ``perlu`` what the position asks:

    pendidikan: codes ("S1"); bidang_pendidikan: the field as typed, the accepted fields;
    golongan: a code, {minimal, maksimal}; pengalaman: years (total service for an item without
    conditions), the years asked; pelatihan and sertifikasi: done or not, true; kinerja: the
    ratings considered (most recent first), {predikat_minimal, tahun}; kompetensi: levels."""
    held: object = finding.held
    required: object = finding.required
    named = {"golongan": ("minimal", "maksimal"), "kinerja": ("predikat_minimal", "tahun")}
    if finding.aspect in named and isinstance(required, tuple):
        required = dict(zip(named[finding.aspect], required, strict=True))
    if isinstance(held, tuple):
        held = list(held)
    if isinstance(required, tuple):
        required = list(required)
    return {
        "aspek": finding.aspect,
        "kunci": finding.key,
        "status": finding.status.value,
        "punya": held,
        "perlu": required,
    }


def eligibility_data(eligibility: Eligibility) -> dict[str, object]:
    return {
        "jabatan": eligibility.position,
        "status": eligibility.state.value,
        "temuan": [finding_data(f) for f in eligibility.findings],
    }


def explore_data(dataset: Dataset, profile: Profile, max_moves: int = 3) -> list[dict[str, object]]:
    """:func:`explore` as plain data: the form the browser version must reproduce exactly.
    ``status`` and ``celah`` are for the whole route, ``temuan`` the destination's findings,
    ``langkah_rute`` every step's (destination last), ``isi`` the profile parts to fill in,
    ``waktu`` the earliest time with its assumptions (:mod:`~pola_karir.career.timeline`;
    ``tahun`` stays the move years alone)."""
    return [
        {
            "jabatan": result.reach.position,
            "rute": list(result.reach.route),
            "langkah": result.reach.moves,
            "tahun": result.reach.years,
            "status": result.state.value,
            "memenuhi": result.state is State.MET,
            "celah": result.gaps,
            "isi": list(result.to_fill),
            "temuan": [finding_data(f) for f in result.destination.findings],
            "langkah_rute": [eligibility_data(step) for step in result.steps],
            "waktu": timeline.timeline_data(timeline.timeline_for(result, dataset, profile)),
        }
        for result in explore(dataset, profile, max_moves)
    ]
