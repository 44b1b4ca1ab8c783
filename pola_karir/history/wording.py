"""A change in the words of the regulation, as the site says the same values.

"Kepala Bidang Bina Marga: pendidikan minimal D-IV → S-1": the subject (the entity's name), the
field as HR calls it, and each value phrased by :mod:`pola_karir.text.phrases`, so a golongan,
an experience item or a training reads as it does on the position page. Values before the change
are phrased with the model before it (a training renamed since is named as it was), values after
with the model after. Education is named by the level written (``D-IV``, ``S-1``), not by the
rank the two share on the site (``S-1/D-IV``): a change between them must be visible.

Returns plain text; the CLI escapes it for a terminal and the site for Markdown.
"""

from __future__ import annotations

from collections.abc import Callable

from pola_karir.history.compare import Change, Kind, Value
from pola_karir.model import Dataset, ExperienceRequirement
from pola_karir.text import phrases
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text
from pola_karir.text.names import position_name

# Fields whose value is prose: the change is said, the texts are not repeated.
PROSE_FIELDS = frozenset({"ikhtisar", "tugas", "keterangan"})
# Fields whose members are added or removed one by one.
MEMBER_FIELDS = frozenset(
    {
        "penempatan",
        "persyaratan.pendidikan.bidang",
        "persyaratan.pengalaman",
        "persyaratan.pelatihan",
        "persyaratan.sertifikasi",
        "langkah",
        "jenjang:jabatan-fungsional",
    }
)


def entity_label(entity: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """ "Jabatan", "Jalur karier", … for a heading."""
    return text(f"riwayat.entity.{entity}", lang)


def field_label(change: Change, lang: str = DEFAULT_LANGUAGE) -> str:
    return text(f"riwayat.field.{change.entity}.{change.field}", lang)


def sentence(
    change: Change,
    before: Dataset | None,
    after: Dataset | None,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """One change as one line of plain text."""
    if change.kind is Kind.ADDED:
        return text(
            "riwayat.change.added", lang, entity=entity_label(change.entity, lang), name=change.name
        )
    if change.kind is Kind.REMOVED:
        return text(
            "riwayat.change.removed",
            lang,
            entity=entity_label(change.entity, lang),
            name=change.name,
        )
    field = field_label(change, lang)
    subject = change.name
    if change.field in PROSE_FIELDS:
        return text("riwayat.change.prose", lang, subject=subject, field=field)
    if _is_member(change):
        if change.after is None:
            member = _member(change, change.before, before or after, lang)
            return text(
                "riwayat.change.member_removed", lang, subject=subject, field=field, value=member
            )
        member = _member(change, change.after, after or before, lang)
        return text("riwayat.change.member_added", lang, subject=subject, field=field, value=member)
    if change.item:
        item = _item(change, after or before, lang)
        field = text("riwayat.field_with_item", lang, field=field, item=item)
    return text(
        "riwayat.change.value",
        lang,
        subject=subject,
        field=field,
        before=_value(change, change.before, before, lang),
        after=_value(change, change.after, after, lang),
    )


def _is_member(change: Change) -> bool:
    key = (
        f"{change.field}:{change.entity}" if change.entity == "jabatan-fungsional" else change.field
    )
    return key in MEMBER_FIELDS


def _unit(unit_id: str, dataset: Dataset | None, lang: str) -> str:
    """A unit's name, with its perangkat daerah when it is below one (every dinas has a
    "Sekretariat")."""
    unit = dataset.units.get(unit_id) if dataset else None
    if unit is None:
        return unit_id
    if unit.parent is None or dataset is None:
        return unit.name
    top = dataset.units.get(unit.top)
    within = (top.short_name or top.name) if top else unit.top
    return text("riwayat.unit_within", lang, unit=unit.name, top=within)


def _position(position_id: str, dataset: Dataset | None, lang: str) -> str:
    return position_name(dataset, position_id, lang) if dataset else position_id


def _item(change: Change, dataset: Dataset | None, lang: str) -> str:
    """Which member of the field: a unit, a competency, a move."""
    if change.field.startswith("langkah"):
        source, target = change.item
        return text(
            "riwayat.move",
            lang,
            source=_position(source, dataset, lang),
            target=_position(target, dataset, lang),
        )
    if change.field == "persyaratan.kompetensi":
        return phrases.competency(change.item[0], dataset) if dataset else change.item[0]
    return _unit(change.item[0], dataset, lang)


def _member(change: Change, value: Value, dataset: Dataset | None, lang: str) -> str:
    if change.field == "langkah":
        move = _item(change, dataset, lang)
        kind = phrases.label("perpindahan", str(value), lang)
        return text("riwayat.move_with_kind", lang, move=move, kind=kind)
    if isinstance(value, ExperienceRequirement):
        return phrases.experience(value, dataset, lang)
    member = str(value)
    if change.field == "penempatan":
        return _unit(member, dataset, lang)
    if change.field in ("persyaratan.pelatihan", "persyaratan.sertifikasi") and dataset:
        return phrases.training(member, dataset, lang)
    if change.field == "jenjang":
        return phrases.level_name(member, lang)
    return member


_PHRASERS: dict[str, Callable[[Value, Dataset | None, str], str]] = {
    "jenis:jabatan": lambda v, _, lang: phrases.label("jenis", str(v), lang),
    "jenjang:jabatan": lambda v, _, lang: phrases.level_name(str(v), lang),
    "jabatan_fungsional:jabatan": lambda v, ds, _: (
        ds.families[str(v)].name if ds and str(v) in ds.families else str(v)
    ),
    "unit:jabatan": lambda v, ds, lang: _unit(str(v), ds, lang),
    "persyaratan.pendidikan.minimal:jabatan": lambda v, _, lang: phrases.label(
        "pendidikan", str(v), lang
    ),
    "persyaratan.golongan.minimal:jabatan": lambda v, _, lang: phrases.rank(str(v), lang),
    "persyaratan.golongan.maksimal:jabatan": lambda v, _, lang: phrases.rank(str(v), lang),
    "persyaratan.kinerja.predikat_minimal:jabatan": lambda v, _, lang: phrases.rating(str(v), lang),
    "persyaratan.kinerja.tahun:jabatan": lambda v, _, lang: phrases.years(float(str(v)), lang),
    "persyaratan.kompetensi:jabatan": lambda v, _, lang: phrases.competency_level(
        int(str(v)), lang
    ),
    "langkah.jenis:jalur": lambda v, _, lang: phrases.label("perpindahan", str(v), lang),
    "langkah.tahun_minimal:jalur": lambda v, _, lang: phrases.years(float(str(v)), lang),
}


def _value(change: Change, value: Value, dataset: Dataset | None, lang: str) -> str:
    if value is None or value == () or value == "":
        return text("riwayat.none", lang)
    phraser = _PHRASERS.get(f"{change.field}:{change.entity}")
    if phraser is not None:
        return phraser(value, dataset, lang)
    if isinstance(value, tuple):
        return text("riwayat.list_separator", lang).join(value)
    if isinstance(value, float):
        return phrases.number(value, lang)
    return str(value)
