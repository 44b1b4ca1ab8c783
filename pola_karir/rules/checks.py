"""Semantic rules: what a schema cannot see across files or in the regulations.

Each rule is a small function over the workspace that yields diagnostics; :func:`run_checks`
runs them all, so every problem is reported in one run. Rules resting on facts the domain notes
mark as unconfirmed only ever warn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pola_karir import reference as ref
from pola_karir.diagnostics import Diagnostic, Term, diag, suggestion, term
from pola_karir.graph import Digraph, distinct_cycles
from pola_karir.load.workspace import Workspace
from pola_karir.load.yaml_loader import Document, JsonPath
from pola_karir.model import Location, Move, Position

Rule = Callable[[Workspace], Iterable[Diagnostic]]


def _listed(value: Any, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield (*path, index), item


# --- references -----------------------------------------------------------------------------


def legal_references(space: Workspace) -> Iterator[Diagnostic]:
    """Every ``dasar_hukum`` anywhere must name a known regulation and one of its articles."""
    for (kind, _), doc in space.documents.items():
        # key_marks already lists every key path: cheaper than walking the whole document.
        for path in doc.key_marks:
            if path[-1] == "dasar_hukum":
                value = _value_at(doc.data, path)
                for item_path, text in _listed(value, path):
                    yield from _check_legal(space, doc, item_path, text)
            elif path == ("regulasi", "dasar_hukum_id") and kind == "instansi":
                yield from _check_legal(space, doc, path, str(_value_at(doc.data, path)))


def _value_at(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _check_legal(
    space: Workspace, doc: Document, path: JsonPath, text: str
) -> Iterator[Diagnostic]:
    reg_id, _, article = text.partition("#")
    if space.is_broken("dasar-hukum", reg_id):
        return
    regulation = space.regulations.get(reg_id)
    if regulation is None:
        yield _unknown(
            "regulation", reg_id, space.regulations, "where.regulations", doc.location(path)
        )
    elif article and article not in regulation.articles:
        articles = ", ".join(regulation.articles)
        yield diag(
            "PK201",
            doc.location(path),
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


def position_references(space: Workspace) -> Iterator[Diagnostic]:
    for _source, doc in space.docs_of("jabatan"):
        data = doc.data
        unit = data["unit"]
        if unit not in space.units and not space.is_broken("unit", unit.split("/")[0]):
            yield _unknown("unit", unit, space.units, "where.units", doc.location(("unit",)))
        family = data.get("jabatan_fungsional")
        if (
            family
            and family not in space.families
            and not space.is_broken("jabatan-fungsional", family)
        ):
            yield _unknown(
                "job_family",
                family,
                space.families,
                "where.job_families",
                doc.location(("jabatan_fungsional",)),
            )
    for doc, base in _requirement_blocks(space):
        yield from _requirement_references(space, doc, base)


def _requirement_blocks(space: Workspace) -> Iterator[tuple[Document, JsonPath]]:
    for _, doc in space.docs_of("jabatan"):
        if isinstance(doc.data.get("persyaratan"), dict):
            yield doc, ("persyaratan",)
    for _, doc in space.docs_of("jabatan-fungsional"):
        for grade, spec in doc.data["jenjang"].items():
            if isinstance(spec.get("persyaratan"), dict):
                yield doc, ("jenjang", grade, "persyaratan")


def _requirement_references(
    space: Workspace, doc: Document, base: JsonPath
) -> Iterator[Diagnostic]:
    block: Any = doc.data
    for part in base:
        block = block[part]
    for key in ("pelatihan", "sertifikasi"):
        for index, training in enumerate(block.get(key, [])):
            where = doc.location((*base, key, index))
            found = space.trainings.get(training)
            if found is None and not space.is_broken("pelatihan", training):
                yield _unknown("training", training, space.trainings, "where.trainings", where)
            elif found is not None and (found.kind == "sertifikasi") != (key == "sertifikasi"):
                yield diag("PK208", where, ref=training, field=key, kind=found.kind)
    technical = block.get("kompetensi", {}).get("teknis", {})
    for comp_id in technical:
        if comp_id not in space.competencies and not space.is_broken("kompetensi", comp_id):
            yield _unknown(
                "technical_competency",
                comp_id,
                space.competencies,
                "where.technical_competencies",
                doc.location((*base, "kompetensi", "teknis", comp_id), key=True),
            )
    for index, item in enumerate(block.get("pengalaman", [])):
        for item_path, position in _listed(
            item.get("jabatan"), (*base, "pengalaman", index, "jabatan")
        ):
            if position not in space.positions and not space.is_broken("jabatan", position):
                yield _unknown(
                    "position",
                    position,
                    space.positions,
                    "where.positions",
                    doc.location(item_path),
                )
    rank = block.get("golongan")
    if (
        rank
        and rank.get("maksimal")
        and ref.RANK_ORDER[rank["maksimal"]] < ref.RANK_ORDER[rank["minimal"]]
    ):
        yield diag(
            "PK209",
            doc.location((*base, "golongan", "maksimal")),
            maximum=rank["maksimal"],
            minimum=rank["minimal"],
        )


def move_references(space: Workspace) -> Iterator[Diagnostic]:
    for _, doc in space.docs_of("jalur"):
        for index, step in enumerate(doc.data["langkah"]):
            for key in ("dari", "ke"):
                target = step[key]
                if target not in space.positions and not space.is_broken("jabatan", target):
                    yield _unknown(
                        "position",
                        target,
                        space.positions,
                        "where.positions",
                        doc.location(("langkah", index, key)),
                    )


# --- functional positions -------------------------------------------------------------------


def functional_fields(space: Workspace) -> Iterator[Diagnostic]:
    for _source, doc in space.docs_of("jabatan"):
        data = doc.data
        functional = data["jenis"] == "fungsional"
        missing = [k for k in ("jabatan_fungsional", "jenjang") if k not in data]
        extra = [k for k in ("jabatan_fungsional", "jenjang") if k in data]
        if functional and missing:
            yield diag(
                "PK205",
                doc.location(("jenis",)),
                problem=term("PK205.missing"),
                missing=", ".join(missing),
            )
        elif not functional and extra:
            yield diag(
                "PK205",
                doc.location((extra[0],), key=True),
                problem=term("PK205.extra"),
                key=extra[0],
                jenis=data["jenis"],
            )
        family = space.families.get(data.get("jabatan_fungsional", ""))
        grade = data.get("jenjang")
        if functional and family and grade and grade not in family.grades:
            yield diag(
                "PK206",
                doc.location(("jenjang",)),
                jenjang=grade,
                family=family.id,
                available=", ".join(family.grades),
            )
    for source, doc in space.docs_of("jabatan-fungsional"):
        allowed = ref.GRADES_BY_CATEGORY[doc.data["kategori"]]
        for grade in doc.data["jenjang"]:
            if grade not in allowed:
                yield diag(
                    "PK210",
                    doc.location(("jenjang", grade), key=True),
                    jenjang=grade,
                    family=source.id,
                    category=doc.data["kategori"],
                    allowed=", ".join(allowed),
                )


def complete_requirements(space: Workspace) -> Iterator[Diagnostic]:
    for position in space.positions.values():
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


# --- national rules -------------------------------------------------------------------------


def _origin(space: Workspace, position: Position, *parts: str) -> tuple[Document, JsonPath] | None:
    """Where a resolved requirement part was written: the position's file or its grade's."""
    doc = space.document("jabatan", position.id)
    if doc is not None and _has(doc.data, ("persyaratan", *parts)):
        return doc, ("persyaratan", *parts)
    family = space.document("jabatan-fungsional", position.family or "")
    if family is not None and position.grade:
        path = ("jenjang", position.grade, "persyaratan", *parts)
        if _has(family.data, path):
            return family, path
    return None


def _has(data: Any, path: JsonPath) -> bool:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def education_floor(space: Workspace) -> Iterator[Diagnostic]:
    for position in space.positions.values():
        education = position.requirements.education
        floor = _floor_for(space, position)
        if education is None or floor is None:
            continue
        if not ref.education_at_least(education.minimum, floor.minimum):
            origin = _origin(space, position, "pendidikan", "minimal")
            if origin is None:
                continue
            doc, path = origin
            yield diag(
                "PK401",
                doc.location(path),
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
    return ref.EDUCATION_FLOOR.get(family.category) if family else None


def _level_label(position: Position) -> dict[str, object]:
    """PK401's ``jenis``: "functional grade X" or the position type, worded by the catalogue."""
    if position.type == "fungsional":
        level = ref.LEVELS.get(position.level_key)
        grade = level.label if level else position.grade
        return {"jenis": term("PK401.level.functional"), "grade": grade}
    return {"jenis": term(f"PK401.level.{position.type}")}


def grade_rank_range(space: Workspace) -> Iterator[Diagnostic]:
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
            origin = _origin(space, position, "golongan", key)
            if origin:
                yield diag(
                    "PK402",
                    origin[0].location(origin[1]),
                    field=key,
                    value=value,
                    jenjang=ref.LEVELS[position.grade or ""].label,
                    low=spec.low,
                    high=spec.high,
                    source=spec.source if spec.confirmed else term("PK402.source.unconfirmed"),
                )


def usual_competency_levels(space: Workspace) -> Iterator[Diagnostic]:
    for position in space.positions.values():
        usual = ref.USUAL_COMPETENCY_LEVEL.get(position.level_key)
        if usual is None:
            continue
        standard = position.requirements.competencies
        for group, levels in (
            ("manajerial", standard.managerial),
            ("sosial_kultural", standard.socio_cultural),
        ):
            for comp_id, level in levels.items():
                if level == usual:
                    continue
                origin = _origin(space, position, "kompetensi", group, comp_id)
                if origin:
                    yield diag(
                        "PK403",
                        origin[0].location(origin[1]),
                        competency=comp_id,
                        level=level,
                        usual=usual,
                        jenjang=ref.LEVELS[position.level_key].label,
                    )


# --- career paths ---------------------------------------------------------------------------


def move_types(space: Workspace) -> Iterator[Diagnostic]:
    for path in space.paths.values():
        seen: dict[tuple[str, str], int] = {}
        for move in path.moves:
            where = move.location
            if where is None:
                continue
            if move.source == move.target:
                yield diag("PK304", where, id=move.source)
                continue
            pair = (move.source, move.target)
            if pair in seen:
                yield diag("PK305", where, dari=move.source, ke=move.target, first_line=seen[pair])
            seen.setdefault(pair, where.line)
            source, target = space.positions.get(move.source), space.positions.get(move.target)
            # A functional position without 'jenjang' has no level (PK205 reports it).
            if source and target and {source.level_key, target.level_key} <= ref.LEVELS.keys():
                yield from _classify(move, source, target)


def expected_kind(source: Position, target: Position) -> tuple[str, bool]:
    """The move type PP 11/2017 Pasal 189(3) gives two positions, and whether that verdict rests
    on the (unconfirmed) cross-group equivalence table rather than on the regulation alone."""
    a, b = ref.LEVELS[source.level_key], ref.LEVELS[target.level_key]
    if a.group == b.group:
        if b.order > a.order:
            return "vertikal", False
        return ("horizontal" if b.order == a.order else "turun"), False
    if b.tier > a.tier:
        return "diagonal", True
    return ("horizontal" if b.tier == a.tier else "turun"), True


def _classify(move: Move, source: Position, target: Position) -> Iterator[Diagnostic]:
    expected, by_table = expected_kind(source, target)
    if expected == move.kind or move.location is None:
        return
    a, b = ref.LEVELS[source.level_key], ref.LEVELS[target.level_key]
    args = {
        "dari": move.source,
        "ke": move.target,
        "from_level": a.label,
        "to_level": b.label,
        "from_group": a.group,
        "to_group": b.group,
        "jenis": move.kind,
    }
    reason = _wrong_kind_reason(move.kind, a, b, by_table)
    if reason is None:
        relation = {"horizontal": "equal", "diagonal": "up"}.get(expected, "down")
        yield diag("PK303", move.location, relation=term(f"relation.{relation}"), **args)
        return
    change: dict[str, object] = (
        {"change": term("PK302.change.direction")}
        if expected == "turun"
        else {"change": term("PK302.change.kind"), "expected": expected}
    )
    yield diag("PK302", move.location, reason=term(reason), **change, **args)


def _wrong_kind_reason(kind: str, a: ref.Level, b: ref.Level, by_table: bool) -> str | None:
    """Why a move's declared type is wrong by the regulation (a PK302 reason key), or None
    when the verdict rests on the unconfirmed equivalence table only (PK303 warns)."""
    same_group = a.group == b.group
    if kind == "vertikal" and not same_group:
        return "PK302.reason.vertical_across"
    if kind == "diagonal" and same_group:
        return "PK302.reason.diagonal_within"
    if by_table:
        return None
    if b.order > a.order:
        return "PK302.reason.higher"
    return "PK302.reason.equal" if b.order == a.order else "PK302.reason.lower"


def vertical_cycles(space: Workspace) -> Iterator[Diagnostic]:
    """PK301 at the move closing each loop of vertical moves. Moves are indexed in the order
    they are written (path, line), which decides the loop found and so the line reported."""
    moves = [m for p in space.paths.values() for m in p.moves]
    ordered = sorted(moves, key=lambda m: (m.path, m.location.line if m.location else 0))
    vertical = Digraph.of(m for m in ordered if m.kind == "vertikal" and m.source != m.target)
    for cycle in distinct_cycles(vertical):
        text = " → ".join([cycle[0].source, *(m.target for m in cycle)])
        location = cycle[-1].location
        if location:
            yield diag("PK301", location, cycle=text)


def positions_on_paths(space: Workspace) -> Iterator[Diagnostic]:
    on_path = {
        end for path in space.paths.values() for m in path.moves for end in (m.source, m.target)
    }
    for position in space.positions.values():
        if position.id not in on_path and position.location:
            yield diag("PK306", position.location, id=position.id)


RULES: tuple[Rule, ...] = (
    legal_references,
    position_references,
    move_references,
    functional_fields,
    complete_requirements,
    education_floor,
    grade_rank_range,
    usual_competency_levels,
    move_types,
    vertical_cycles,
    positions_on_paths,
)


def run_checks(space: Workspace) -> list[Diagnostic]:
    found: dict[Diagnostic, None] = {}
    for rule in RULES:
        for diagnostic in rule(space):
            found.setdefault(diagnostic, None)
    return list(found)
