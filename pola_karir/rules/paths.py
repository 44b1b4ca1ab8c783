"""Career paths and levels (PK301–PK310): moves against PP 11/2017 Pasal 189 and 190.

A move's declared type must match the levels of its ends. The level of a position is its group
(JPT, JA, JF) and type or grade, as the regulation ranks them, and inside one type its eselon
(when both ends have one) or else its kelas jabatan: Pasal 189 speaks of a higher *position*,
not of a higher position type. Three strengths of verdict follow:

- between types of one group the regulation's text decides: a contradiction is an error (PK302);
- inside one type only the agency's own job evaluation (kelas, eselon) separates two positions:
  the text leaves open whether a higher kelas is a "higher position" or the same "setara" type,
  so a move that is wrong under one reading only is a warning (PK307), and one wrong under both
  (a 'vertikal' move to an equal or lower kelas) is an error (PK302);
- between groups the verdict rests on the unconfirmed JA-JF equivalence table: a note (PK303).

A move may not stay in place or be written twice; vertical moves may not loop; every position
should be on some path; a kelas below that of a lower position in one's own unit contradicts the
levels (PK308); horizontal moves between structural positions are mutasi, done after 2 to 5
years (Pasal 190(3), PK309); an eselon should belong to its position type (PK310, a note: the
penyetaraan table was read in secondary sources). These rules read only the model: moves and
positions carry their own locations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from pola_karir import reference as ref
from pola_karir.diagnostics import Diagnostic, diag, term
from pola_karir.graph import Digraph, distinct_cycles
from pola_karir.load.workspace import Workspace
from pola_karir.model import CareerPath, Move, Position
from pola_karir.rules.common import Rule, level_term
from pola_karir.rules.reuse import item_results


def move_types(space: Workspace) -> Iterator[Diagnostic]:
    """PK304 a move to itself, PK305 a move written twice in one path, PK302/PK303/PK307 a
    declared type the levels of its ends contradict, PK309 a mutasi outside 2-5 years.

    Checked path by path; a path's findings are reused (:mod:`pola_karir.rules.reuse`) while
    the path and the positions at the ends of its moves are the same objects."""
    results = item_results(space, "move_types", (), ())
    positions = space.positions
    for path in space.paths.values():
        moves = path.moves if results.keeping else ()
        ends = [positions.get(end) for move in moves for end in (move.source, move.target)]
        yield from results.check(path.id, (path, *ends), _path_move_types, path, positions)


def _path_move_types(path: CareerPath, positions: Mapping[str, Position]) -> Iterator[Diagnostic]:
    """:func:`move_types` for one path; of ``positions`` it reads the ends of its moves only."""
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
        source, target = positions.get(move.source), positions.get(move.target)
        # A functional position without 'jenjang' has no level (PK205 reports it).
        if source and target and {source.level_key, target.level_key} <= ref.LEVELS.keys():
            yield from _classify(move, source, target)
            yield from _mutation_window(move, source, target)


def expected_kind(source: Position, target: Position) -> tuple[str, bool]:
    """The move type PP 11/2017 Pasal 189(3) gives two positions, and whether that verdict rests
    on the (unconfirmed) cross-group equivalence table rather than on the regulation alone.
    Inside one type the eselon or kelas jabatan decides (see :func:`within_type`)."""
    a, b = ref.LEVELS[source.level_key], ref.LEVELS[target.level_key]
    if a.group == b.group:
        if a.key == b.key:
            step = within_type(source, target)[0]
            return {"up": "vertikal", "equal": "horizontal"}.get(step, "turun"), False
        if b.order > a.order:
            return "vertikal", False
        return ("horizontal" if b.order == a.order else "turun"), False
    if b.tier > a.tier:
        return "diagonal", True
    return ("horizontal" if b.tier == a.tier else "turun"), True


def within_type(source: Position, target: Position) -> tuple[str, str]:
    """How ``target`` compares with ``source`` of the same type or grade ('up', 'equal' or
    'down'), and on what ('eselon' when both have one and they differ, else 'kelas')."""
    if source.eselon and target.eselon and source.eselon != target.eselon:
        a, b = ref.ESELON_ORDER[source.eselon], ref.ESELON_ORDER[target.eselon]
        return ("up" if b > a else "down"), "eselon"
    if target.job_class == source.job_class:
        return "equal", "kelas"
    return ("up" if target.job_class > source.job_class else "down"), "kelas"


def _classify(move: Move, source: Position, target: Position) -> Iterator[Diagnostic]:
    if move.location is None:
        return
    a, b = ref.LEVELS[source.level_key], ref.LEVELS[target.level_key]
    args = {
        "dari": move.source,
        "ke": move.target,
        "from_level": level_term(a.key),
        "to_level": level_term(b.key),
        "from_group": a.group,
        "to_group": b.group,
        "jenis": move.kind,
    }
    if a.key == b.key:
        yield from _classify_within_type(move, source, target, args)
        return
    expected, by_table = expected_kind(source, target)
    if expected == move.kind:
        return
    reason = _wrong_kind_reason(move.kind, a, b, by_table)
    if reason is None:
        relation = {"horizontal": "equal", "diagonal": "up"}.get(expected, "down")
        yield diag("PK303", move.location, relation=term(f"relation.{relation}"), **args)
        return
    yield diag("PK302", move.location, reason=term(reason), **_change(expected), **args)


def _change(expected: str) -> dict[str, object]:
    if expected == "turun":
        return {"change": term("PK302.change.direction")}
    return {"change": term("PK302.change.kind"), "expected": expected}


def _classify_within_type(
    move: Move, source: Position, target: Position, args: dict[str, object]
) -> Iterator[Diagnostic]:
    """Two positions of one type or grade: the regulation ranks them equal, the agency's kelas
    or eselon may rank them apart. Diagonal is wrong under either reading (PK302), and so is
    vertikal unless the target ranks higher; horizontal between positions the agency ranks apart
    is wrong under one reading only (PK307)."""
    assert move.location is not None
    step, basis = within_type(source, target)
    expected = {"up": "vertikal", "equal": "horizontal"}.get(step, "turun")
    if expected == move.kind:
        return
    facts = {
        **args,
        "from_class": source.job_class,
        "to_class": target.job_class,
        "from_eselon": source.eselon or "",
        "to_eselon": target.eselon or "",
        "comparison": term(f"PK307.{basis}.{step}"),
    }
    if move.kind == "diagonal":
        reason = term("PK302.reason.diagonal_within")
        yield diag("PK302", move.location, reason=reason, **_change(expected), **facts)
    elif move.kind == "vertikal":
        reason = term("PK302.reason.same_type_not_higher")
        yield diag("PK302", move.location, reason=reason, **_change(expected), **facts)
    else:
        yield diag("PK307", move.location, change=term(f"PK307.change.{step}"), **facts)


def _wrong_kind_reason(kind: str, a: ref.Level, b: ref.Level, by_table: bool) -> str | None:
    """Why a move's declared type is wrong by the regulation (a PK302 reason key), or None
    when the verdict rests on the unconfirmed equivalence table only (PK303 notes it)."""
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


def _mutation_window(move: Move, source: Position, target: Position) -> Iterator[Diagnostic]:
    """PK309: a horizontal move between structural positions of one group is a mutasi, which
    PP 11/2017 Pasal 190(3) places after at least 2 and at most 5 years. Moves into or out of a
    functional position follow the JF rules (perpindahan jabatan) and are not checked."""
    if move.kind != "horizontal" or "fungsional" in (source.type, target.type):
        return
    if ref.LEVELS[source.level_key].group != ref.LEVELS[target.level_key].group:
        return
    where = move.marks.value("tahun_minimal")
    low, high = ref.MUTATION_YEARS
    if where is None or low <= move.min_years <= high:
        return
    yield diag(
        "PK309",
        where,
        dari=move.source,
        ke=move.target,
        years=_years(move.min_years),
        low=_years(low),
        high=_years(high),
        side=term("PK309.side.short" if move.min_years < low else "PK309.side.long"),
    )


def _years(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def vertical_cycles(space: Workspace) -> Iterator[Diagnostic]:
    """PK301 at the move closing each loop of vertical moves. Moves are indexed in the order
    they are written (path, line), which decides the loop found and so the line reported.

    It reads the paths only: its findings are reused (:mod:`pola_karir.rules.reuse`) while
    every path is the same object as then."""
    results = item_results(space, "vertical_cycles", (), tuple(space.paths.values()))
    yield from results.check("all", (), _vertical_cycles, space.paths)


def _vertical_cycles(paths: Mapping[str, CareerPath]) -> Iterator[Diagnostic]:
    moves = [m for p in paths.values() for m in p.moves]
    ordered = sorted(moves, key=lambda m: (m.path, m.location.line if m.location else 0))
    vertical = Digraph.of(m for m in ordered if m.kind == "vertikal" and m.source != m.target)
    for cycle in distinct_cycles(vertical):
        text = " → ".join([cycle[0].source, *(m.target for m in cycle)])
        location = cycle[-1].location
        if location:
            yield diag("PK301", location, cycle=text)


def positions_on_paths(space: Workspace) -> Iterator[Diagnostic]:
    """PK306: a position no move starts or ends at is on no career path."""
    on_path = {
        end for path in space.paths.values() for m in path.moves for end in (m.source, m.target)
    }
    for position in space.positions.values():
        if position.id not in on_path and position.location:
            yield diag("PK306", position.location, id=position.id)


def class_levels(space: Workspace) -> Iterator[Diagnostic]:
    """PK308: a position's kelas jabatan below the kelas of a position the regulation ranks
    lower, in its own unit or below it (structural positions: pelaksana < pengawas <
    administrator < JPT), or in its own job family (a lower jenjang). Reported once per position,
    at its kelas, naming the lower position with the highest kelas.

    Of each position it reads only what :func:`_class_facts` lists: its findings are reused
    (:mod:`pola_karir.rules.reuse`) while those facts are equal, position by position, in the
    same order (an edit of a position's duties or requirements changes none of them)."""
    if space.reuse is None:  # nothing is kept: no facts to gather
        yield from _class_levels(space.positions.values())
        return
    facts = tuple(_class_facts(p) for p in space.positions.values())
    results = item_results(space, "class_levels", (facts,), ())
    yield from results.check("all", (), _class_levels, space.positions.values())


def _class_facts(position: Position) -> tuple[object, ...]:
    """What :func:`class_levels` reads of a position (its level key and scope follow from
    type, grade and family; its unit is its first placement's, when it has one)."""
    return (
        position.id,
        position.type,
        position.grade,
        position.family,
        position.placements[0].unit if position.placements else None,
        position.job_class,
        position.marks.value("kelas_jabatan"),
    )


def _class_levels(positions: Iterable[Position]) -> Iterator[Diagnostic]:
    best: dict[tuple[str, int], Position] = {}  # (unit or family, rank) -> highest kelas

    def keep(key: tuple[str, int], position: Position) -> None:
        held = best.get(key)
        if held is None or _above(position, held):
            best[key] = position

    ranked = [(p, _scope_rank(p)) for p in positions]
    for position, scope in ranked:
        if scope is None:
            continue
        kind, rank = scope
        if kind == "unit":
            parts = position.unit.split("/")
            for depth in range(1, len(parts) + 1):
                keep(("unit:" + "/".join(parts[:depth]), rank), position)
        else:
            keep((f"family:{position.family}", rank), position)
    for position, scope in ranked:
        where = position.marks.value("kelas_jabatan")
        if scope is None or where is None:
            continue
        kind, rank = scope
        home = f"unit:{position.unit}" if kind == "unit" else f"family:{position.family}"
        lower = [best[(home, r)] for r in range(1, rank) if (home, r) in best]
        if not lower:
            continue
        top = min(lower, key=lambda p: (-p.job_class, p.id))
        if top.job_class > position.job_class:
            yield diag(
                "PK308",
                where,
                id=position.id,
                kelas=position.job_class,
                level=level_term(position.level_key),
                other=top.id,
                other_kelas=top.job_class,
                other_level=level_term(top.level_key),
                scope=term(f"PK308.scope.{kind}"),
            )


def _above(position: Position, other: Position) -> bool:
    """The higher kelas, and of equal ones the first id: one answer whatever the file order."""
    return (-position.job_class, position.id) < (-other.job_class, other.id)


def _scope_rank(position: Position) -> tuple[str, int] | None:
    """Where a position's kelas is compared ('unit' for structural positions, 'family' for
    functional ones) and its rank there; None for a functional position without a grade."""
    level = ref.LEVELS.get(position.level_key)
    if level is None:
        return None
    if position.type == "fungsional":
        return ("family", level.order) if position.family else None
    return "unit", level.tier


def eselon_types(space: Workspace) -> Iterator[Diagnostic]:
    """PK310 (a note): an eselon the penyetaraan table of UU 5/2014 Pasal 131 does not give the
    position's type (eselon IV is pengawas, III administrator, II JPT pratama, I JPT madya or
    utama); pelaksana and functional positions have none."""
    for position in space.positions.values():
        where = position.marks.value("eselon")
        if position.eselon is None or where is None:
            continue
        allowed = ref.ESELON_BY_TYPE.get(position.type, ())
        if position.eselon in allowed:
            continue
        yield diag(
            "PK310",
            where,
            eselon=position.eselon,
            level=level_term(position.level_key),
            allowed=term("PK310.allowed.some" if allowed else "PK310.allowed.none"),
            choices=", ".join(allowed),
        )


RULES: tuple[Rule, ...] = (
    move_types,
    vertical_cycles,
    positions_on_paths,
    class_levels,
    eselon_types,
)
