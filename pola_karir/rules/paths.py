"""Career paths (PK301–PK306): the moves between positions against PP 11/2017 Pasal 189.

A move's declared type must match the levels it joins (vertical within a group, diagonal up
across groups, horizontal at an equal level); a move may not stay in place or be written twice;
vertical moves may not loop; every position should be on some path. These rules read only the
model: moves and positions carry their own locations.
"""

from __future__ import annotations

from collections.abc import Iterator

from pola_karir import reference as ref
from pola_karir.diagnostics import Diagnostic, diag, term
from pola_karir.graph import Digraph, distinct_cycles
from pola_karir.load.workspace import Workspace
from pola_karir.model import Move, Position
from pola_karir.rules.common import Rule, level_term


def move_types(space: Workspace) -> Iterator[Diagnostic]:
    """PK304 a move to itself, PK305 a move written twice in one path, PK302/PK303 a declared
    type the levels of its ends contradict."""
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
        "from_level": level_term(a.key),
        "to_level": level_term(b.key),
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
    """PK306: a position no move starts or ends at is on no career path."""
    on_path = {
        end for path in space.paths.values() for m in path.moves for end in (m.source, m.target)
    }
    for position in space.positions.values():
        if position.id not in on_path and position.location:
            yield diag("PK306", position.location, id=position.id)


RULES: tuple[Rule, ...] = (move_types, vertical_cycles, positions_on_paths)
