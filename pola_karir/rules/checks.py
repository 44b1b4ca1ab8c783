"""Semantic rules: what a schema cannot see across files or in the regulations.

Each rule is a small function over the workspace that yields diagnostics; :func:`run_checks`
runs them all, so every problem is reported in one run. Rules resting on facts the domain notes
mark as unconfirmed only ever warn.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pola_karir import reference as ref
from pola_karir.diagnostics import Diagnostic, diag
from pola_karir.graph import Digraph, distinct_cycles
from pola_karir.load.workspace import Workspace
from pola_karir.load.yaml_loader import Document, JsonPath
from pola_karir.model import Move, Position

Rule = Callable[[Workspace], Iterable[Diagnostic]]


def _suggestion(word: str, choices: Iterable[str]) -> dict[str, str]:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        return {"suggestion": "", "suggestion_en": ""}
    return {
        "suggestion": f" Mungkin maksudnya '{close[0]}'?",
        "suggestion_en": f" Did you mean '{close[0]}'?",
    }


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
        yield diag(
            "PK201",
            doc.location(path),
            kind="Peraturan",
            kind_en="Regulation",
            ref=reg_id,
            where="daftar peraturan nasional ada di dokumentasi; peraturan instansi di "
            "data/dasar-hukum/",
            where_en="national regulations are listed in the documentation; agency ones "
            "in data/dasar-hukum/",
            **_suggestion(reg_id, space.regulations),
        )
    elif article and article not in regulation.articles:
        yield diag(
            "PK201",
            doc.location(path),
            kind=f"Pasal di {regulation.name}",
            kind_en=f"Article of {regulation.name}",
            ref=article,
            where=f"pasal yang tersedia: {', '.join(regulation.articles) or '(belum ada)'}",
            where_en=f"available articles: {', '.join(regulation.articles) or '(none)'}",
            **_suggestion(article, regulation.articles),
        )


def _unknown(
    kind: str,
    kind_en: str,
    ref_id: str,
    choices: Iterable[str],
    where: str,
    where_en: str,
    location: Any,
) -> Diagnostic:
    return diag(
        "PK201",
        location,
        kind=kind,
        kind_en=kind_en,
        ref=ref_id,
        where=where,
        where_en=where_en,
        **_suggestion(ref_id, choices),
    )


def position_references(space: Workspace) -> Iterator[Diagnostic]:
    for _source, doc in space.docs_of("jabatan"):
        data = doc.data
        unit = data["unit"]
        if unit not in space.units and not space.is_broken("unit", unit.split("/")[0]):
            yield _unknown(
                "Unit",
                "Unit",
                unit,
                space.units,
                "unit didefinisikan di data/unit/",
                "units are defined in data/unit/",
                doc.location(("unit",)),
            )
        family = data.get("jabatan_fungsional")
        if (
            family
            and family not in space.families
            and not space.is_broken("jabatan-fungsional", family)
        ):
            yield _unknown(
                "Jabatan fungsional",
                "Job family",
                family,
                space.families,
                "jabatan fungsional ada di data/jabatan-fungsional/",
                "job families live in data/jabatan-fungsional/",
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
                yield _unknown(
                    "Pelatihan",
                    "Training",
                    training,
                    space.trainings,
                    "pelatihan didefinisikan di data/pelatihan.yml",
                    "trainings are defined in data/pelatihan.yml",
                    where,
                )
            elif found is not None and (found.kind == "sertifikasi") != (key == "sertifikasi"):
                yield diag("PK208", where, ref=training, field=key, kind=found.kind)
    technical = block.get("kompetensi", {}).get("teknis", {})
    for comp_id in technical:
        if comp_id not in space.competencies and not space.is_broken("kompetensi", comp_id):
            yield _unknown(
                "Kompetensi teknis",
                "Technical competency",
                comp_id,
                space.competencies,
                "kompetensi teknis ada di data/kompetensi-teknis.yml",
                "technical competencies are in data/kompetensi-teknis.yml",
                doc.location((*base, "kompetensi", "teknis", comp_id), key=True),
            )
    for index, item in enumerate(block.get("pengalaman", [])):
        for item_path, position in _listed(
            item.get("jabatan"), (*base, "pengalaman", index, "jabatan")
        ):
            if position not in space.positions and not space.is_broken("jabatan", position):
                yield _unknown(
                    "Jabatan",
                    "Position",
                    position,
                    space.positions,
                    "jabatan ada di data/jabatan/",
                    "positions are in data/jabatan/",
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
                        "Jabatan",
                        "Position",
                        target,
                        space.positions,
                        "jabatan ada di data/jabatan/",
                        "positions are in data/jabatan/",
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
                problem=f"Jabatan fungsional belum mencantumkan {', '.join(missing)}.",
                problem_en=f"Functional position lacks {', '.join(missing)}.",
            )
        elif not functional and extra:
            yield diag(
                "PK205",
                doc.location((extra[0],), key=True),
                problem=f"'{extra[0]}' hanya untuk jenis 'fungsional', bukan '{data['jenis']}'.",
                problem_en=f"'{extra[0]}' is only for type 'fungsional', not '{data['jenis']}'.",
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
                    "PK206",
                    doc.location(("jenjang", grade), key=True),
                    jenjang=grade,
                    family=source.id,
                    available=f"kategori {doc.data['kategori']}: {', '.join(allowed)}",
                )


def complete_requirements(space: Workspace) -> Iterator[Diagnostic]:
    for position in space.positions.values():
        req = position.requirements
        missing_id, missing_en = [], []
        if req.education is None:
            missing_id.append("pendidikan")
            missing_en.append("education")
        absent = [c for c in ref.MANAGERIAL if c not in req.competencies.managerial]
        if absent:
            missing_id.append(f"kompetensi manajerial ({', '.join(absent)})")
            missing_en.append(f"managerial competencies ({', '.join(absent)})")
        if not all(c in req.competencies.socio_cultural for c in ref.SOCIO_CULTURAL):
            missing_id.append("kompetensi sosial kultural (perekat-bangsa)")
            missing_en.append("socio-cultural competency (perekat-bangsa)")
        if missing_id and position.location:
            yield diag(
                "PK207",
                position.location,
                position=position.id,
                missing="; ".join(missing_id),
                missing_en="; ".join(missing_en),
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
                jenis=_level_label(position),
                jenis_en=_level_label_en(position),
                article=floor.article,
                required=_education_floor_label(floor.minimum),
                required_en=_education_floor_label(floor.minimum).replace(" atau ", " or "),
            )


def _level_label_en(position: Position) -> str:
    level = ref.LEVELS.get(position.level_key)
    if position.type == "fungsional":
        return f"functional grade {level.label if level else position.grade}"
    return f"a {ref.POSITION_TYPE_LABEL_EN[position.type]} position"


def _education_floor_label(code: str) -> str:
    return "S-1 atau D-IV" if code == "S1" else ref.EDUCATION_LABEL[code]


def _floor_for(space: Workspace, position: Position) -> ref.EducationFloor | None:
    if position.type != "fungsional":
        return ref.EDUCATION_FLOOR.get(position.type)
    family = space.families.get(position.family or "")
    return ref.EDUCATION_FLOOR.get(family.category) if family else None


def _level_label(position: Position) -> str:
    level = ref.LEVELS.get(position.level_key)
    if position.type == "fungsional":
        return f"jabatan fungsional jenjang {level.label if level else position.grade}"
    return f"jabatan {ref.POSITION_TYPE_LABEL[position.type]}"


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
                    source=spec.source,
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
    same_group = a.group == b.group
    args = {
        "dari": move.source,
        "ke": move.target,
        "from_level": a.label,
        "to_level": b.label,
        "jenis": move.kind,
    }
    if move.kind == "vertikal" and not same_group:
        reason = (
            "vertikal hanya dalam kelompok jabatan yang sama, sedangkan ini dari "
            f"{a.group} ke {b.group}",
            f"vertical stays in one group; this goes from {a.group} to {b.group}",
        )
    elif move.kind == "diagonal" and same_group:
        reason = (
            f"diagonal berarti pindah kelompok jabatan, sedangkan keduanya {a.group}",
            f"diagonal means changing group, but both are {a.group}",
        )
    elif not by_table:
        reason = (
            f"dalam kelompok {a.group}, {b.label} " + _relation_id(a, b) + f" {a.label}",
            f"within group {a.group}, {b.label} is " + _relation_en(a, b) + f" {a.label}",
        )
    else:
        relation = (
            "setara" if expected == "horizontal" else "naik" if expected == "diagonal" else "turun"
        )
        relation_en = {"setara": "equal", "naik": "a step up", "turun": "a step down"}[relation]
        yield diag("PK303", move.location, relation=relation, relation_en=relation_en, **args)
        return
    target_kind = expected if expected != "turun" else "(periksa arah dari/ke)"
    yield diag(
        "PK302", move.location, reason=reason[0], reason_en=reason[1], expected=target_kind, **args
    )


def _relation_id(a: ref.Level, b: ref.Level) -> str:
    return (
        "lebih tinggi dari"
        if b.order > a.order
        else "setara dengan"
        if b.order == a.order
        else "lebih rendah dari"
    )


def _relation_en(a: ref.Level, b: ref.Level) -> str:
    return (
        "higher than" if b.order > a.order else "equal to" if b.order == a.order else "lower than"
    )


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
