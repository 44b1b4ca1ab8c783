"""Formasi (PK211–PK212): the placements of a position and their numbers.

A position is placed in one unit (``unit``) or in several (``penempatan``), each with an
optional *kebutuhan* (the number of people the unit needs in it, from analisis jabatan and
analisis beban kerja, PermenPANRB 1/2020) and *bezetting* (the number who hold it now). Whether
each unit exists is checked with the other references (PK201); here: one unit listed twice in a
position's placements (PK212), and more people than needed (PK211, a warning: the data may well
be right, but HR should look at it).
"""

from __future__ import annotations

from collections.abc import Iterator

from pola_karir.diagnostics import Diagnostic, diag
from pola_karir.load.workspace import Workspace
from pola_karir.model import Position
from pola_karir.rules.common import Rule
from pola_karir.rules.reuse import item_results


def placements(space: Workspace) -> Iterator[Diagnostic]:
    """PK212 a unit listed twice in one position's placements, PK211 bezetting above
    kebutuhan in one placement.

    A position's check reads the position only: its findings are reused
    (:mod:`pola_karir.rules.reuse`) while it is the same object."""
    results = item_results(space, "placements", (), ())
    for position in space.positions.values():
        yield from results.check(position.id, (position,), _placed_once, position)


def _placed_once(position: Position) -> Iterator[Diagnostic]:
    seen: dict[str, int] = {}
    for index, placement in enumerate(position.placements):
        where = position.placement_mark(index, "unit")
        unit = placement.unit
        if unit in seen and where is not None:
            yield diag("PK212", where, unit=unit, id=position.id, first_line=seen[unit])
        elif where is not None:
            seen[unit] = where.line
        filled_at = position.placement_mark(index, "bezetting")
        needed, filled = placement.needed, placement.filled
        if needed is not None and filled is not None and filled > needed and filled_at:
            yield diag(
                "PK211",
                filled_at,
                id=position.id,
                unit=placement.unit,
                bezetting=filled,
                kebutuhan=needed,
                excess=filled - needed,
            )


RULES: tuple[Rule, ...] = (placements,)
