"""References and identity across files (PK201, PK205–PK210).

Every id a file names must exist: a regulation and its article, a unit, a job family, a
training or certificate, a technical competency, a position. A functional position needs its
job family and grade, other positions must not write them, and a grade must exist in its family
and fit the family's category. References into a file that exists but is broken are not
reported again (the file's own diagnostic says what is wrong).

Each value is checked once, where it was written: a position's own requirement parts here, the
parts it inherits with the job family grade that writes them. The locations come from the model
(recorded at assembly), never from the YAML. Duplicate unit ids (PK202), an ``id`` differing
from its file name (PK203) and agency entries reusing a national id (PK204) are found while the
folder is read, in :mod:`pola_karir.load.folder`, as they decide what enters the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pola_karir import reference as ref
from pola_karir.diagnostics import Diagnostic, Term, diag, suggestion, term
from pola_karir.load.workspace import Workspace
from pola_karir.model import (
    CareerPath,
    ExperienceRequirement,
    JobFamily,
    LegalRef,
    Location,
    Origin,
    Position,
    Requirements,
    field_key,
)
from pola_karir.rules.common import Rule
from pola_karir.rules.reuse import item_results

# --- citations ------------------------------------------------------------------------------


def legal_references(space: Workspace) -> Iterator[Diagnostic]:
    """Every ``dasar_hukum`` anywhere must name a known regulation and one of its articles;
    so must the agency's ``regulasi.dasar_hukum_id``.

    Checked entity by entity; a check reads the entity's citations, the regulations and which
    of them are broken, so an entity's findings are reused (:mod:`pola_karir.rules.reuse`)
    while it and every regulation are the same objects, under the same ids."""
    broken = space.broken.get("dasar-hukum", frozenset())
    context = ((tuple(space.regulations), broken), tuple(space.regulations.values()))
    results = item_results(space, "legal_references", *context)
    for key, entity, citations in _citing(space):
        yield from results.check(key, (entity,), _check_all, space, citations)
    if space.agency is not None:
        where = space.agency.marks.value("regulasi", "dasar_hukum_id")
        regulation_id = space.agency.regulation.regulation_id
        yield from _check_legal(space, LegalRef.parse(regulation_id, where))


def _check_all(space: Workspace, citations: Iterable[LegalRef]) -> Iterator[Diagnostic]:
    for citation in citations:
        yield from _check_legal(space, citation)


def _citing(space: Workspace) -> Iterator[tuple[tuple[str, int | str], object, Iterable[LegalRef]]]:
    """Every citation the agency's files write, each once, at the place it is written: with
    the entity that writes them and a key naming it, entity by entity.

    National catalogue entries are the package's own and not checked; agency entries set aside
    for reusing a national id (PK204) are, as their citations are still in the agency's file.
    """
    if space.agency is not None:
        yield ("agency", ""), space.agency, space.agency.legal_basis
    for unit in space.units.values():
        yield ("unit", unit.id), unit, unit.legal_basis
    for family in space.families.values():
        yield ("family", family.id), family, _family_citations(family)
    for position in space.positions.values():
        yield ("position", position.id), position, _position_citations(position)
    for path in space.paths.values():
        yield ("path", path.id), path, _path_citations(path)
    for group in space.field_groups.values():
        yield ("group", group.id), group, group.legal_basis
    catalogues = (*space.competencies.values(), *space.trainings.values(), *space.set_aside)
    for index, entry in enumerate(catalogues):
        if not entry.national:
            yield ("entry", index), entry, entry.legal_basis


def _family_citations(family: JobFamily) -> Iterator[LegalRef]:
    yield from family.legal_basis
    for grade in family.grades.values():
        yield from _requirement_citations(grade.requirements)


def _position_citations(position: Position) -> Iterator[LegalRef]:
    yield from position.legal_basis
    yield from _requirement_citations(position.requirements)


def _path_citations(path: CareerPath) -> Iterator[LegalRef]:
    yield from path.legal_basis
    for move in path.moves:
        yield from move.legal_basis


def _requirement_citations(req: Requirements) -> Iterator[LegalRef]:
    """The citations of the requirement parts written here (inherited ones are checked in the
    grade that writes them)."""
    parts: tuple[tuple[tuple[str, ...], tuple[LegalRef, ...]], ...] = (
        (("pendidikan",), req.education.legal_basis if req.education else ()),
        (("golongan",), req.rank.legal_basis if req.rank else ()),
        (("pengalaman",), tuple(c for item in req.experience for c in item.legal_basis)),
        (("kinerja",), req.performance.legal_basis if req.performance else ()),
        (("kompetensi", "dasar_hukum"), req.competencies.legal_basis),
    )
    for part, citations in parts:
        if req.written_here(*part):
            yield from citations


def _check_legal(space: Workspace, citation: LegalRef) -> Iterator[Diagnostic]:
    if citation.location is None or space.is_broken("dasar-hukum", citation.regulation):
        return
    regulation = space.regulations.get(citation.regulation)
    article = citation.article
    if regulation is None:
        yield _unknown(
            "regulation",
            citation.regulation,
            space.regulations,
            "where.regulations",
            citation.location,
        )
    elif article and article not in regulation.articles:
        articles = ", ".join(regulation.articles)
        yield diag(
            "PK201",
            citation.location,
            kind=term("kind.article"),
            regulation=regulation.name,
            ref=article,
            where=term("where.articles" if articles else "where.no_articles"),
            articles=articles,
            **suggestion(article, regulation.articles),
        )


def _unknown(
    kind: str, ref_id: str, choices: Iterable[str], where: str, location: Location
) -> Diagnostic:
    """PK201 for an id that does not exist; ``kind`` and ``where`` name catalogue terms."""
    return diag(
        "PK201",
        location,
        kind=term(f"kind.{kind}"),
        ref=ref_id,
        where=term(where),
        **suggestion(ref_id, choices),
    )


# --- positions, requirements and moves ------------------------------------------------------


def position_references(space: Workspace) -> Iterator[Diagnostic]:
    """A position's unit and job family, and the ids its requirements name, must exist.

    Checked position by position (and family by family); a check reads the item, the ids of
    units, job families, competencies, trainings and positions, the families and trainings
    themselves and which files are broken: the item's findings are reused
    (:mod:`pola_karir.rules.reuse`) while all of these are the same."""
    names = (
        tuple(space.units),
        tuple(space.families),
        tuple(space.competencies),
        tuple(space.trainings),
        tuple(space.positions),
        tuple(space.broken.items()),
    )
    objects = (*space.families.values(), *space.trainings.values())
    results = item_results(space, "position_references", names, objects)
    for position in space.positions.values():
        yield from results.check(("at", position.id), (position,), _placed, space, position)
    for position in space.positions.values():
        requirements = position.requirements
        found = results.check(
            ("needs", position.id), (position,), _requirement_references, space, requirements
        )
        yield from found
    for family_entity in space.families.values():
        yield from results.check(
            ("family", family_entity.id), (family_entity,), _grade_references, space, family_entity
        )


def _placed(space: Workspace, position: Position) -> Iterator[Diagnostic]:
    """The units a position is placed in and its job family exist."""
    for index, placement in enumerate(position.placements):
        unit, where = placement.unit, position.placement_mark(index, "unit")
        broken = space.is_broken("unit", unit.split("/")[0])
        if where and unit not in space.units and not broken:
            yield _unknown("unit", unit, space.units, "where.units", where)
    family, where = position.family, position.marks.value("jabatan_fungsional")
    if (
        family
        and where
        and family not in space.families
        and not space.is_broken("jabatan-fungsional", family)
    ):
        yield _unknown("job_family", family, space.families, "where.job_families", where)


def _grade_references(space: Workspace, family: JobFamily) -> Iterator[Diagnostic]:
    for grade in family.grades.values():
        yield from _requirement_references(space, grade.requirements)


def _requirement_references(space: Workspace, req: Requirements) -> Iterator[Diagnostic]:
    """The ids named by the requirement parts written here, and the rank range (PK209)."""
    yield from _training_references(space, req)
    if req.written_here("kompetensi", "teknis"):
        for comp_id in req.competencies.technical:
            origin = req.origin("kompetensi", "teknis", comp_id)
            if origin and origin.key and not _exists(space, "kompetensi", comp_id):
                yield _unknown(
                    "technical_competency",
                    comp_id,
                    space.competencies,
                    "where.technical_competencies",
                    origin.key,
                )
    if req.written_here("pengalaman"):
        for index, item in enumerate(req.experience):
            for number, position in enumerate(item.positions):
                origin = _item_origin(req, ("pengalaman", index, "jabatan"), number)
                if origin and not _exists(space, "jabatan", position):
                    yield _unknown(
                        "position", position, space.positions, "where.positions", origin.location
                    )
            yield from _experience_conditions(space, req, index, item)
    yield from _rank_range(req)


def _experience_conditions(
    space: Workspace, req: Requirements, index: int, item: ExperienceRequirement
) -> Iterator[Diagnostic]:
    """An experience item's job family and unit must exist (PK201), and its ``jenjang_minimal``
    must be a grade of that family (PK206), or no past position could ever count."""
    family_at = req.origin("pengalaman", index, "jabatan_fungsional")
    family = space.families.get(item.family or "")
    broken_family = space.is_broken("jabatan-fungsional", item.family or "")
    if item.family and family_at and family is None and not broken_family:
        yield _unknown(
            "job_family", item.family, space.families, "where.job_families", family_at.location
        )
    grade_at = req.origin("pengalaman", index, "jenjang_minimal")
    if family and item.min_grade and grade_at and item.min_grade not in family.grades:
        yield diag(
            "PK206",
            grade_at.location,
            jenjang=item.min_grade,
            family=family.id,
            available=", ".join(family.grades),
        )
    unit_at = req.origin("pengalaman", index, "unit")
    broken_unit = space.is_broken("unit", (item.unit or "").split("/")[0])
    if item.unit and unit_at and item.unit not in space.units and not broken_unit:
        yield _unknown("unit", item.unit, space.units, "where.units", unit_at.location)


def _training_references(space: Workspace, req: Requirements) -> Iterator[Diagnostic]:
    """``pelatihan`` and ``sertifikasi`` name catalogue entries of the matching kind."""
    for key, items in (("pelatihan", req.trainings), ("sertifikasi", req.certifications)):
        if not req.written_here(key):
            continue
        for index, training in enumerate(items):
            origin = req.origin(key, index)
            if origin is None:
                continue
            found = space.trainings.get(training)
            if found is None and not space.is_broken("pelatihan", training):
                yield _unknown(
                    "training", training, space.trainings, "where.trainings", origin.location
                )
            elif found is not None and (found.kind == "sertifikasi") != (key == "sertifikasi"):
                yield diag("PK208", origin.location, ref=training, field=key, kind=found.kind)


def _rank_range(req: Requirements) -> Iterator[Diagnostic]:
    rank = req.rank
    if not req.written_here("golongan") or rank is None or not rank.maximum:
        return
    origin = req.origin("golongan", "maksimal")
    if origin and ref.RANK_ORDER[rank.maximum] < ref.RANK_ORDER[rank.minimum]:
        yield diag("PK209", origin.location, maximum=rank.maximum, minimum=rank.minimum)


def _item_origin(req: Requirements, path: tuple[str | int, ...], index: int) -> Origin | None:
    """Where item ``index`` of a one-or-many value was written: a single id is the value
    itself, a list has one origin per item."""
    return req.origin(*path, index) or req.origin(*path)


def _exists(space: Workspace, kind: str, entity_id: str) -> bool:
    """Known to the model, or defined by a file that is broken (reported there)."""
    known = {"kompetensi": space.competencies, "jabatan": space.positions}[kind]
    return entity_id in known or space.is_broken(kind, entity_id)


def move_references(space: Workspace) -> Iterator[Diagnostic]:
    """Both ends of every move must be positions.

    A path's check reads the path, the ids of the positions and which position files are
    broken: its findings are reused (:mod:`pola_karir.rules.reuse`) while these are the same.
    """
    names = (tuple(space.positions), space.broken.get("jabatan", frozenset()))
    results = item_results(space, "move_references", names, ())
    for path in space.paths.values():
        yield from results.check(path.id, (path,), _move_ends, space, path)


def _move_ends(space: Workspace, path: CareerPath) -> Iterator[Diagnostic]:
    for move in path.moves:
        for key, target in (("dari", move.source), ("ke", move.target)):
            where = move.marks.value(key)
            if where and not _exists(space, "jabatan", target):
                yield _unknown("position", target, space.positions, "where.positions", where)


# --- functional positions -------------------------------------------------------------------

FUNCTIONAL_KEYS = ("jabatan_fungsional", "jenjang")


def functional_fields(space: Workspace) -> Iterator[Diagnostic]:
    """A functional position names its job family and grade (PK205), a grade of that family
    (PK206); no other position does (PK205); a family's grades fit its category (PK210).

    A position's check reads the position and its job family: its findings are reused
    (:mod:`pola_karir.rules.reuse`) while both are the same objects."""
    results = item_results(space, "functional_fields", (), ())
    for position in space.positions.values():
        family = space.families.get(position.family or "")
        yield from results.check(position.id, (position, family), _functional, position, family)
    yield from _grades_fit_category(space)


def _functional(position: Position, family: JobFamily | None) -> Iterator[Diagnostic]:
    functional = position.type == "fungsional"
    written = [key for key in FUNCTIONAL_KEYS if position.marks.key(key)]
    missing = [key for key in FUNCTIONAL_KEYS if key not in written]
    jenis_at = position.marks.value("jenis")
    if functional and missing and jenis_at:
        yield diag("PK205", jenis_at, problem=term("PK205.missing"), missing=", ".join(missing))
    elif not functional and written:
        where = position.marks.key(written[0])
        if where:
            yield diag(
                "PK205",
                where,
                problem=term("PK205.extra"),
                key=written[0],
                jenis=position.type,
            )
    grade, where = position.grade, position.marks.value("jenjang")
    if functional and family and grade and where and grade not in family.grades:
        yield diag(
            "PK206",
            where,
            jenjang=grade,
            family=family.id,
            available=", ".join(family.grades),
        )


def _grades_fit_category(space: Workspace) -> Iterator[Diagnostic]:
    for family in space.families.values():
        allowed = [g for c in family.categories for g in ref.GRADES_BY_CATEGORY[c]]
        for grade, spec in family.grades.items():
            if grade not in allowed and spec.location:
                yield diag(
                    "PK210",
                    spec.location,
                    jenjang=grade,
                    family=family.id,
                    category=", ".join(family.categories),
                    allowed=", ".join(allowed),
                )


def complete_requirements(space: Workspace) -> Iterator[Diagnostic]:
    """Every position states education and the full managerial and socio-cultural standard.

    A position's check reads the position only: its findings are reused
    (:mod:`pola_karir.rules.reuse`) while it is the same object."""
    results = item_results(space, "complete_requirements", (), ())
    for position in space.positions.values():
        yield from results.check(position.id, (position,), _complete, position)


def _complete(position: Position) -> Iterator[Diagnostic]:
    req = position.requirements
    missing: list[str] = []
    if req.education is None:
        missing.append("PK207.missing.education")
    absent = [c for c in ref.MANAGERIAL if c not in req.competencies.managerial]
    if absent:
        missing.append("PK207.missing.managerial")
    if not all(c in req.competencies.socio_cultural for c in ref.SOCIO_CULTURAL):
        missing.append("PK207.missing.socio_cultural")
    if missing and position.location:
        yield diag(
            "PK207",
            position.location,
            position=position.id,
            missing=Term(tuple(missing), "join.semicolon"),
            absent=", ".join(absent),
        )


def field_group_names(space: Workspace) -> Iterator[Diagnostic]:
    """Two rumpun may not share a name as fields are compared (PK220): a requirement names a
    group by its name, and could not tell which of the two it means."""
    first: dict[str, str] = {}
    for group in space.field_groups.values():
        key = field_key(group.name)
        if key in first and group.name_location:
            yield diag(
                "PK220", group.name_location, name=group.name, group=group.id, other=first[key]
            )
        first.setdefault(key, group.id)


RULES: tuple[Rule, ...] = (
    legal_references,
    field_group_names,
    position_references,
    move_references,
    functional_fields,
    complete_requirements,
)
