"""What differs between two models of the career pattern, field by field, as facts.

Positions, career paths (and their moves), units and job families are matched by id. An entity
on one side only is *added* or *removed* as a whole; one on both sides is *changed* once for
every field that differs, with the value before and after. Requirements are compared resolved
(after inheritance from the job family's jenjang), because that is what the position asks: a
change to a jenjang shows on every position that inherits it. Values stay codes and ids (``D4``,
``III/d``, a training id); :mod:`pola_karir.history.wording` phrases them.

Field names are the YAML keys HR writes (``persyaratan.pendidikan.minimal``, ``kebutuhan``), so
the JSON output reads like the data. ``item`` says which member of a field changed: the unit of
a placement, the training, the competency, the field of study, the move (its two positions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TypeVar

from pola_karir.model import (
    CareerPath,
    Dataset,
    ExperienceRequirement,
    JobFamily,
    Move,
    Placement,
    Position,
    Requirements,
    Unit,
)
from pola_karir.text.names import position_name

Value = str | int | float | tuple[str, ...] | ExperienceRequirement | None


class Kind(StrEnum):
    ADDED = "ditambah"
    REMOVED = "dihapus"
    CHANGED = "diubah"


# The order entities are listed in: what employees look for first.
ENTITIES = ("jabatan", "jalur", "unit", "jabatan-fungsional")


@dataclass(frozen=True)
class Change:
    """One difference. ``field`` is empty for an entity added or removed as a whole. For a
    member of a field (a placement, a training, a move) ``item`` names it, and ``before`` or
    ``after`` is None when the member was added or removed."""

    kind: Kind
    entity: str  # jabatan | jalur | unit | jabatan-fungsional
    id: str
    name: str
    field: str = ""
    before: Value = None
    after: Value = None
    item: tuple[str, ...] = ()


def compare(before: Dataset | None, after: Dataset | None) -> tuple[Change, ...]:
    """Every difference from ``before`` to ``after``; None stands for no data at all."""
    return (
        *_entities(
            "jabatan",
            lambda ds: ds.positions,
            lambda ds, p: position_name(ds, p.id),
            _position_fields,
            before,
            after,
        ),
        *_entities("jalur", lambda ds: ds.paths, lambda _, p: p.name, _path_fields, before, after),
        *_entities("unit", lambda ds: ds.units, lambda _, u: u.name, _unit_fields, before, after),
        *_entities(
            "jabatan-fungsional",
            lambda ds: ds.families,
            lambda _, f: f.name,
            _family_fields,
            before,
            after,
        ),
    )


E = TypeVar("E")
FieldDiff = Iterator[tuple[str, tuple[str, ...], Value, Value]]


def _entities(
    entity: str,
    members: Callable[[Dataset], Mapping[str, E]],
    name: Callable[[Dataset, E], str],
    fields: Callable[[E, E], FieldDiff],
    before: Dataset | None,
    after: Dataset | None,
) -> list[Change]:
    """The additions, removals and field changes of one kind of entity (``members`` of a
    dataset, keyed by id)."""
    old = members(before) if before else {}
    new = members(after) if after else {}
    found: list[Change] = []
    for key in sorted(old.keys() | new.keys()):
        if key not in new:
            assert before is not None
            found.append(Change(Kind.REMOVED, entity, key, name(before, old[key])))
        elif key not in old:
            assert after is not None
            found.append(Change(Kind.ADDED, entity, key, name(after, new[key])))
        else:
            assert after is not None
            shown = name(after, new[key])
            found += [
                Change(Kind.CHANGED, entity, key, shown, field, was, now, item)
                for field, item, was, now in fields(old[key], new[key])
            ]
    return found


def _scalar(field: str, was: Value, now: Value, item: tuple[str, ...] = ()) -> FieldDiff:
    if was != now:
        yield field, item, was, now


def _members(field: str, was: tuple[str, ...], now: tuple[str, ...]) -> FieldDiff:
    """Members removed, then members added, each in the order written."""
    for member in was:
        if member not in now:
            yield field, (member,), member, None
    for member in now:
        if member not in was:
            yield field, (member,), None, member


# --- positions ------------------------------------------------------------------------------


def _position_fields(a: Position, b: Position) -> FieldDiff:
    yield from _scalar("nama", a.name, b.name)
    yield from _scalar("jenis", a.type, b.type)
    yield from _scalar("jabatan_fungsional", a.family, b.family)
    yield from _scalar("jenjang", a.grade, b.grade)
    yield from _scalar("kelas_jabatan", a.job_class, b.job_class)
    yield from _scalar("eselon", a.eselon, b.eselon)
    yield from _placements(a.placements, b.placements)
    yield from _scalar("ikhtisar", a.summary, b.summary)
    yield from _scalar("tugas", a.duties, b.duties)
    yield from _scalar("keterangan", a.note, b.note)
    yield from _requirements(a.requirements, b.requirements)


def _placements(a: tuple[Placement, ...], b: tuple[Placement, ...]) -> FieldDiff:
    """A position in one unit that moved to another is one ``unit`` change (its numbers
    compared across the move); otherwise placements are matched by unit."""
    if len(a) == 1 and len(b) == 1:
        yield from _scalar("unit", a[0].unit, b[0].unit)
        yield from _scalar("kebutuhan", a[0].needed, b[0].needed)
        yield from _scalar("bezetting", a[0].filled, b[0].filled)
        return
    old = {p.unit: p for p in a}
    new = {p.unit: p for p in b}
    yield from _members("penempatan", tuple(old), tuple(new))
    for unit in (u for u in new if u in old):
        yield from _scalar("kebutuhan", old[unit].needed, new[unit].needed, (unit,))
        yield from _scalar("bezetting", old[unit].filled, new[unit].filled, (unit,))


def _requirements(a: Requirements, b: Requirements) -> FieldDiff:
    ea, eb = a.education, b.education
    yield from _scalar(
        "persyaratan.pendidikan.minimal", ea.minimum if ea else None, eb.minimum if eb else None
    )
    yield from _members(
        "persyaratan.pendidikan.bidang", ea.fields if ea else (), eb.fields if eb else ()
    )
    ra, rb = a.rank, b.rank
    yield from _scalar(
        "persyaratan.golongan.minimal", ra.minimum if ra else None, rb.minimum if rb else None
    )
    yield from _scalar(
        "persyaratan.golongan.maksimal", ra.maximum if ra else None, rb.maximum if rb else None
    )
    # An item whose citation alone changed is the same requirement: not removed and added.
    old_items = [replace(item, legal_basis=()) for item in a.experience]
    new_items = [replace(item, legal_basis=()) for item in b.experience]
    for item in old_items:
        if item not in new_items:
            yield "persyaratan.pengalaman", (), item, None
    for item in new_items:
        if item not in old_items:
            yield "persyaratan.pengalaman", (), None, item
    yield from _members("persyaratan.pelatihan", a.trainings, b.trainings)
    yield from _members("persyaratan.sertifikasi", a.certifications, b.certifications)
    pa, pb = a.performance, b.performance
    yield from _scalar(
        "persyaratan.kinerja.predikat_minimal",
        pa.minimum_rating if pa else None,
        pb.minimum_rating if pb else None,
    )
    yield from _scalar(
        "persyaratan.kinerja.tahun", pa.years if pa else None, pb.years if pb else None
    )
    levels_a, levels_b = a.competencies.all_levels(), b.competencies.all_levels()
    for competency in [*levels_a, *(c for c in levels_b if c not in levels_a)]:
        was, now = levels_a.get(competency), levels_b.get(competency)
        yield from _scalar("persyaratan.kompetensi", was, now, (competency,))


# --- career paths, units, job families -------------------------------------------------------


def _moves(path: CareerPath) -> dict[tuple[str, str], Move]:
    """Moves by their two ends; a move written twice (PK304) counts once, as first written."""
    found: dict[tuple[str, str], Move] = {}
    for move in path.moves:
        found.setdefault((move.source, move.target), move)
    return found


def _path_fields(a: CareerPath, b: CareerPath) -> FieldDiff:
    yield from _scalar("nama", a.name, b.name)
    yield from _scalar("keterangan", a.description, b.description)
    old, new = _moves(a), _moves(b)
    for ends, move in old.items():
        if ends not in new:
            yield "langkah", ends, move.kind, None
    for ends, move in new.items():
        if ends not in old:
            yield "langkah", ends, None, move.kind
    for ends in (e for e in new if e in old):
        was, now = old[ends], new[ends]
        yield from _scalar("langkah.jenis", was.kind, now.kind, ends)
        yield from _scalar(
            "langkah.tahun_minimal",
            was.min_years if was.min_years_written else None,
            now.min_years if now.min_years_written else None,
            ends,
        )
        yield from _scalar("langkah.syarat", was.conditions, now.conditions, ends)


def _unit_fields(a: Unit, b: Unit) -> FieldDiff:
    yield from _scalar("nama", a.name, b.name)
    yield from _scalar("singkatan", a.short_name, b.short_name)
    yield from _scalar("jenis", a.kind, b.kind)


def _family_fields(a: JobFamily, b: JobFamily) -> FieldDiff:
    yield from _scalar("nama", a.name, b.name)
    yield from _members("jenjang", tuple(a.grades), tuple(b.grades))
