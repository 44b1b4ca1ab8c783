"""Names that tell positions apart: what a reader sees wherever a position is named.

Two positions may carry one name (an "Analis SDM Aparatur Ahli Muda" in two bidang, a "Kepala
Subbagian Keuangan" in every dinas). Shown bare, they read as one position in an index, a route
("Pengadministrasi Perkantoran → Pengadministrasi Perkantoran"), a list of holders or a diagram.
Every page, diagram, the open data and the CLI therefore take a position's name from
:func:`position_names`, which qualifies only the names that need it.

The rule, for each group of positions whose names are equal (ignoring case and spacing, since
the pages show them alike):

1. A name no other position has is shown as it is.
2. Otherwise the name is followed by the most specific unit that separates the position from
   every other position of the group: its units are walked upwards from the one it sits in
   (``bidang`` → ``dinas``), and the first unit whose name names no unit that any of the
   others is placed in or under is taken: its ``singkatan`` when it has one (the shortest name
   a reader knows it by), else or when that is taken its full name. A position placed in several units (``penempatan``) may only be qualified
   by a unit that holds all of its placements, and the others' placements all count against
   a unit.
3. When no unit separates it - the same name in the same unit, or placements with no unit in
   common - it is qualified by its id, which is unique, so the result is still distinct and the
   same on every build.

A qualified name that happens to equal another position's name (a position literally called
"X (BKPSDM)") is qualified by the id as well, so no two positions ever share a displayed name.
The words around the qualifier come from the catalogue (``phrase.position_qualified``).

Computed once per dataset and language: the frozen dataset is the cache key (held weakly and
checked by identity, since a dataset is not hashable and an id may be reused after it is gone).
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from pola_karir.model import Dataset, Position
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text

_Cached = tuple["weakref.ref[Dataset]", Mapping[str, str]]
_CACHE: dict[tuple[int, str], _Cached] = {}


def position_name(dataset: Dataset, position_id: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The name a reader sees for one position (see the module's rule); an id the dataset
    does not hold is shown as it is."""
    return position_names(dataset, lang).get(position_id, position_id)


def position_names(dataset: Dataset, lang: str = DEFAULT_LANGUAGE) -> Mapping[str, str]:
    """Position id -> displayed name, for every position of ``dataset``; computed once."""
    key = (id(dataset), lang)
    cached = _CACHE.get(key)
    if cached is not None and cached[0]() is dataset:
        return cached[1]
    names = MappingProxyType(_display_names(dataset, lang))
    _keep(dataset, lang, names)
    return names


def carry_over(before: Dataset, after: Dataset, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Give ``after`` the names of ``before`` without computing them again (a second at
    20,000 positions), when what they are drawn from is the same: the units, and each
    position's id, name and units, in the same order. After an edit of a position's
    keterangan in ``mkdocs serve`` only the page that shows it is made again, and it must not
    wait for every name of the agency. True when carried over."""
    if after.units != before.units or len(after.positions) != len(before.positions):
        return False
    for (key, old), (new_key, new) in zip(
        before.positions.items(), after.positions.items(), strict=True
    ):
        if key != new_key or (old is not new and not _same_naming(old, new)):
            return False
    _keep(after, lang, position_names(before, lang))
    return True


def _same_naming(old: Position, new: Position) -> bool:
    """Whether two versions of a position are named alike: the same name and units."""
    return (
        old.id == new.id
        and old.name == new.name
        and [p.unit for p in old.placements] == [p.unit for p in new.placements]
    )


def _keep(dataset: Dataset, lang: str, names: Mapping[str, str]) -> None:
    """Hold ``names`` as the names of ``dataset`` while it lives (stale entries let go)."""
    for stale in [k for k, (ref, _) in _CACHE.items() if ref() is None]:
        del _CACHE[stale]
    _CACHE[(id(dataset), lang)] = (weakref.ref(dataset), names)


def name_key(name: str) -> str:
    """Names that read alike on a page compare equal: case and runs of spaces are ignored."""
    return " ".join(name.split()).casefold()


def _display_names(dataset: Dataset, lang: str) -> dict[str, str]:
    groups: dict[str, list[Position]] = {}
    for position in sorted(dataset.positions.values(), key=lambda p: p.id):
        groups.setdefault(name_key(position.name), []).append(position)
    shown: dict[str, str] = {}
    for members in groups.values():
        if len(members) == 1:
            shown[members[0].id] = members[0].name
            continue
        # How many members are placed in or under a unit of each name: a name is free for a
        # position when it alone counts for it (linear in the group, not quadratic).
        places = {p.id: _place_names(dataset, p) for p in members}
        counts = Counter(name for names in places.values() for name in names)
        for position in members:
            taken = {
                name for name, count in counts.items() if count > (name in places[position.id])
            }
            qualifier = _unit_qualifier(dataset, position, taken) or position.id
            shown[position.id] = _qualified(position, qualifier, lang)
    return _without_collisions(dataset, shown, lang)


def _qualified(position: Position, qualifier: str, lang: str) -> str:
    return text("phrase.position_qualified", lang, name=position.name, qualifier=qualifier)


def _place_names(dataset: Dataset, position: Position) -> set[str]:
    """The names (keys) of every unit the position is placed in or under."""
    return {
        name_key(name)
        for placement in position.placements
        for unit in _upwards(placement.unit)
        for name in _unit_names(dataset, unit)
    }


def _unit_qualifier(dataset: Dataset, position: Position, taken: set[str]) -> str | None:
    """The name of the most specific unit holding all of ``position``'s placements that is not
    ``taken`` (the name of a unit another position of the group is placed in or under): its
    short name when free, else its full name; None when no unit is free."""
    for unit in _shared_units(position):
        for label in _unit_names(dataset, unit):
            if name_key(label) not in taken:
                return label
    return None


def _upwards(unit_id: str) -> list[str]:
    """The unit and every unit above it, most specific first: a unit's id is its path."""
    parts = unit_id.split("/")
    return ["/".join(parts[:end]) for end in range(len(parts), 0, -1)]


def _shared_units(position: Position) -> list[str]:
    """The units that hold every placement of the position, most specific first."""
    chains = [_upwards(p.unit) for p in position.placements]
    return [unit for unit in chains[0] if all(unit in chain for chain in chains[1:])]


def _unit_names(dataset: Dataset, unit_id: str) -> tuple[str, ...]:
    """The short name a unit is shown by first, then its full name (both may name it)."""
    unit = dataset.units.get(unit_id)
    if unit is None:
        return (unit_id,)
    return (unit.short_name, unit.name) if unit.short_name else (unit.name,)


def _without_collisions(dataset: Dataset, shown: dict[str, str], lang: str) -> dict[str, str]:
    """Qualify by id every position whose displayed name still equals another's (a qualified
    name that is also some position's own name), until no two are equal. Each round qualifies
    at least one more position by its id, so it ends."""
    by_id: set[str] = set()
    while True:
        clashing = [pid for pid in _clashes(shown.items()) if pid not in by_id]
        if not clashing:
            return shown
        for pid in clashing:
            by_id.add(pid)
            shown[pid] = _qualified(dataset.positions[pid], pid, lang)


def _clashes(shown: Iterable[tuple[str, str]]) -> list[str]:
    seen: dict[str, list[str]] = {}
    for pid, name in shown:
        seen.setdefault(name_key(name), []).append(pid)
    return sorted(pid for ids in seen.values() if len(ids) > 1 for pid in ids)
