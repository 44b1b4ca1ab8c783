"""National rules on a position's requirements (PK401–PK403).

Education floors by position type (PP 11/2017), the rank range of a functional grade and the
usual competency level of a grade or type. Each is reported where the offending value was
written, which for an inherited part is the job family grade: the model records that origin at
assembly, so these rules never re-apply the inheritance rule. Rules resting on facts the domain
notes mark as unconfirmed (the keterampilan ranges, the usual competency level) only give notes.
"""

from __future__ import annotations

from collections.abc import Iterator

from pola_karir import reference as ref
from pola_karir.diagnostics import Diagnostic, Term, diag, term
from pola_karir.load.workspace import Workspace
from pola_karir.model import Position
from pola_karir.rules.common import Rule, level_term
from pola_karir.rules.reuse import item_results


def education_floor(space: Workspace) -> Iterator[Diagnostic]:
    """PK401: the minimum education is at least the floor of the position's type or category."""
    for position in space.positions.values():
        education = position.requirements.education
        floor = _floor_for(space, position)
        if education is None or floor is None:
            continue
        if not ref.education_at_least(education.minimum, floor.minimum):
            origin = position.requirements.origin("pendidikan", "minimal")
            if origin is None:
                continue
            yield diag(
                "PK401",
                origin.location,
                level=education.minimum,
                article=floor.article,
                required=_education_floor_label(floor.minimum),
                **_level_label(position),
            )


def _education_floor_label(code: str) -> str | Term:
    return term("education.s1_or_d4") if code == "S1" else ref.EDUCATION_LABEL[code]


def _floor_for(space: Workspace, position: Position) -> ref.EducationFloor | None:
    if position.type != "fungsional":
        return ref.EDUCATION_FLOOR.get(position.type)
    family = space.families.get(position.family or "")
    category = ref.CATEGORY_OF_GRADE.get(position.grade or "")
    return ref.EDUCATION_FLOOR.get(category) if family and category else None


def _level_label(position: Position) -> dict[str, object]:
    """PK401's ``jenis``: "functional grade X" or the position type, worded by the catalogue."""
    if position.type == "fungsional":
        grade = level_term(position.level_key) if position.level_key in ref.LEVELS else None
        return {"jenis": term("PK401.level.functional"), "grade": grade or position.grade}
    return {"jenis": term(f"PK401.level.{position.type}")}


def grade_rank_range(space: Workspace) -> Iterator[Diagnostic]:
    """PK402: a functional position's rank bounds lie within its grade's range; PK404 (a note)
    where that range is the usual mapping no regulation text has confirmed."""
    for position in space.positions.values():
        rank = position.requirements.rank
        spec = ref.GRADE_RANK_RANGE.get(position.grade or "")
        if position.type != "fungsional" or rank is None or spec is None:
            continue
        for key, value in (("minimal", rank.minimum), ("maksimal", rank.maximum)):
            if value is None:
                continue
            order = ref.RANK_ORDER[value]
            if ref.RANK_ORDER[spec.low] <= order <= ref.RANK_ORDER[spec.high]:
                continue
            origin = position.requirements.origin("golongan", key)
            if origin is None:
                continue
            # A range no regulation text has confirmed (keterampilan) only gives a note.
            facts: dict[str, object] = {
                "field": key,
                "value": value,
                "jenjang": level_term(position.grade or ""),
                "low": spec.low,
                "high": spec.high,
            }
            if spec.source:
                yield diag("PK402", origin.location, source=spec.source, **facts)
            else:
                yield diag("PK404", origin.location, **facts)


def usual_competency_levels(space: Workspace) -> Iterator[Diagnostic]:
    """PK403 (a note): managerial and socio-cultural levels other than the usual one for the
    level, a table read in secondary sources only.

    A position's check reads the position only: its findings are reused
    (:mod:`pola_karir.rules.reuse`) while it is the same object."""
    results = item_results(space, "usual_competency_levels", (), ())
    for position in space.positions.values():
        yield from results.check(position.id, (position,), _usual_levels, position)


def _usual_levels(position: Position) -> Iterator[Diagnostic]:
    usual = ref.USUAL_COMPETENCY_LEVEL.get(position.level_key)
    if usual is None:
        return
    standard = position.requirements.competencies
    for group, levels in (
        ("manajerial", standard.managerial),
        ("sosial_kultural", standard.socio_cultural),
    ):
        for comp_id, level in levels.items():
            if level == usual:
                continue
            origin = position.requirements.origin("kompetensi", group, comp_id)
            if origin:
                yield diag(
                    "PK403",
                    origin.location,
                    competency=comp_id,
                    level=level,
                    usual=usual,
                    jenjang=level_term(position.level_key),
                )


RULES: tuple[Rule, ...] = (education_floor, grade_rank_range, usual_competency_levels)
