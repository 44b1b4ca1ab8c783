"""Open data: the whole validated career pattern as one JSON document and CSV tables.

The JSON is what other tools (and the Jelajah Karier page) read; it carries a format version
and points to its JSON Schema (``schemas/ekspor.schema.json``). Requirement texts are included
pre-phrased so that every consumer shows the same words the site does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from pola_karir import __version__
from pola_karir import reference as ref
from pola_karir.model import Dataset, LegalRef, Position, Requirements, Total
from pola_karir.spreadsheet import csv_table
from pola_karir.text import names, phrases
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text

# 2.0: jabatan_fungsional.kategori is a list (a family may have both); 2.1: rumpun_pendidikan,
# experience by family/kelas/unit, rujukan.jenjang, and jabatan.nama_tampilan (the name that
# tells a position apart from others of the same name); 2.2: kompetensi.indikator_perilaku
FORMAT_VERSION = "2.2"
SCHEMA_PATH = "schemas/ekspor.schema.json"
"""Where the site publishes the schema of this export (beside the other schemas)."""
SCHEMA_REF = "../schemas/ekspor.schema.json"
"""The export's ``$schema``: :data:`SCHEMA_PATH` relative to the export itself, which the site
publishes one folder down (``data/pola-karir.json``), so a reader of the file finds its schema."""


def _refs(refs: Iterable[LegalRef]) -> list[str]:
    return [str(r) for r in refs]


def _requirements(dataset: Dataset, req: Requirements, lang: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if req.education:
        result["pendidikan"] = {
            "minimal": req.education.minimum,
            "bidang": list(req.education.fields),
            "teks": phrases.education(req.education, lang),
            "dasar_hukum": _refs(req.education.legal_basis),
        }
    if req.rank:
        result["golongan"] = {
            "minimal": req.rank.minimum,
            "maksimal": req.rank.maximum,
            "teks": phrases.rank_requirement(req.rank, lang),
            "dasar_hukum": _refs(req.rank.legal_basis),
        }
    result["pengalaman"] = [
        {
            "tahun": item.years,
            "jenis": list(item.levels),
            "jabatan": list(item.positions),
            "jabatan_fungsional": item.family,
            "jenjang_minimal": item.min_grade,
            "kelas_minimal": item.min_class,
            "unit": item.unit,
            "keterangan": item.note,
            "teks": phrases.experience(item, dataset, lang),
            "dasar_hukum": _refs(item.legal_basis),
        }
        for item in req.experience
    ]
    result["pelatihan"] = list(req.trainings)
    result["sertifikasi"] = list(req.certifications)
    if req.performance:
        result["kinerja"] = {
            "predikat_minimal": req.performance.minimum_rating,
            "tahun": req.performance.years,
            "teks": phrases.performance(req.performance, lang),
            # The words the matching engine puts in a finding's "perlu" (Jelajah Karier shows
            # them): the engine's own phrase (matching.performance_finding), in ``lang``.
            "teks_syarat": phrases.performance_need(
                req.performance.minimum_rating, req.performance.years, lang
            ),
            "dasar_hukum": _refs(req.performance.legal_basis),
        }
    result["kompetensi"] = req.competencies.all_levels()
    return result


def _position(dataset: Dataset, position: Position, lang: str) -> dict[str, Any]:
    level = ref.LEVELS[position.level_key]
    return {
        "id": position.id,
        "nama": position.name,
        # What every consumer should show (the site does): the name qualified by the unit when
        # another position has the same name, computed here so no consumer re-implements it.
        "nama_tampilan": names.position_name(dataset, position.id, lang),
        "jenis": position.type,
        "jabatan_fungsional": position.family,
        "jenjang": position.grade,
        "unit": position.unit,
        "penempatan": [
            {
                "unit": p.unit,
                "kebutuhan": p.needed,
                "bezetting": p.filled,
                "terbuka": p.vacancies,
            }
            for p in position.placements
        ],
        "kelas_jabatan": position.job_class,
        "ikhtisar": position.summary,
        "tugas": list(position.duties),
        "tingkat": {
            "kunci": level.key,
            "nama": phrases.level_name(level.key, lang),
            "kelompok": level.group,
            "urutan": level.order,
            "setara": level.tier,
        },
        "persyaratan": _requirements(dataset, position.requirements, lang),
        "dasar_hukum": _refs(position.legal_basis),
        "berkas": position.source,
    }


def open_data(dataset: Dataset, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Every entity of the dataset as plain JSON-ready data, in a stable order; the phrases it
    adds to the data (``teks``, ``nama_tampilan``, ``…_nama``) in ``lang``, the site's language,
    since the site's scripts show them. Keys and data values stay as they are."""
    agency = dataset.agency
    reg = agency.regulation
    return {
        "$schema": SCHEMA_REF,
        "versi": FORMAT_VERSION,
        "dibuat_oleh": f"pola-karir {__version__}",
        "instansi": {
            "nama": agency.name,
            "singkatan": agency.short_name,
            "fiktif": agency.fictional,
            "regulasi": {
                "jenis": reg.kind,
                "nomor": reg.number,
                "tahun": reg.year,
                "tentang": reg.title,
                "tanggal_penetapan": reg.enacted,
                "berlaku_mulai": reg.effective,
                "tautan": reg.url,
                "fiktif": reg.fictional,
            },
            "dasar_hukum": _refs(agency.legal_basis),
        },
        "unit": [
            {"id": u.id, "nama": u.name, "jenis": u.kind, "induk": u.parent}
            for u in sorted(dataset.units.values(), key=lambda u: u.id)
        ],
        "jabatan": [
            _position(dataset, p, lang)
            for p in sorted(dataset.positions.values(), key=lambda p: p.id)
        ],
        "jabatan_fungsional": [
            {
                "id": f.id,
                "nama": f.name,
                "kategori": list(f.categories),
                "instansi_pembina": f.supervisor,
                "jenjang": sorted(f.grades),
                "dasar_hukum": _refs(f.legal_basis),
            }
            for f in sorted(dataset.families.values(), key=lambda f: f.id)
        ],
        "jalur": [
            {
                "id": p.id,
                "nama": p.name,
                "deskripsi": p.description,
                "langkah": [
                    {
                        "dari": m.source,
                        "ke": m.target,
                        "jenis": m.kind,
                        "tahun_minimal": m.min_years,
                        "syarat": list(m.conditions),
                        "dasar_hukum": _refs(m.legal_basis),
                    }
                    for m in p.moves
                ],
            }
            for p in sorted(dataset.paths.values(), key=lambda p: p.id)
        ],
        "kompetensi": [
            {
                "id": c.id,
                "nama": c.name,
                "kelompok": c.group,
                "definisi": c.definition,
                "level": list(c.levels),
                "indikator_perilaku": [list(level) for level in c.indicators],
            }
            for c in sorted(dataset.competencies.values(), key=lambda c: c.id)
        ],
        "pelatihan": [
            {
                "id": t.id,
                "nama": t.name,
                "jenis": t.kind,
                "singkatan": t.short_name,
                "teks": phrases.training(t.id, dataset, lang),
            }
            for t in sorted(dataset.trainings.values(), key=lambda t: t.id)
        ],
        "rumpun_pendidikan": [
            {
                "id": g.id,
                "nama": g.name,
                "bidang": list(g.fields),
                "keterangan": g.note,
                "dasar_hukum": _refs(g.legal_basis),
            }
            for g in sorted(dataset.field_groups.values(), key=lambda g: g.id)
        ],
        "dasar_hukum": [
            {
                "id": r.id,
                "jenis": r.kind,
                "nomor": r.number,
                "tahun": r.year,
                "tentang": r.title,
                "sebutan": r.name,
                "nasional": r.national,
                "fiktif": r.fictional,
                "tautan": r.url,
                "pasal": [
                    {"id": a.key, "sebutan": a.label, "isi": a.summary} for a in r.articles.values()
                ],
            }
            for r in sorted(dataset.regulations.values(), key=lambda r: r.id)
        ],
        "rujukan": {
            "pendidikan": dict(ref.EDUCATION_RANK),
            "pendidikan_nama": {k: phrases.education_level(k, lang) for k in ref.EDUCATION_RANK},
            "golongan": dict(ref.RANK_ORDER),
            "predikat": dict(ref.RATING_ORDER),
            "predikat_nama": {k: phrases.rating(k, lang) for k in ref.RATING_ORDER},
            # What the browser engine needs to judge experience by family and jenjang: the
            # position types, and each jenjang's place on the one functional ladder.
            "jenis_jabatan": list(ref.POSITION_TYPES),
            "jenjang": {k: ref.LEVELS[k].order for k in ref.CATEGORY_OF_GRADE},
        },
    }


def to_json(data: dict[str, Any]) -> str:
    """Deterministic JSON: the same data always gives the same bytes; ASCII only, so it can be
    embedded anywhere (in a script file too) without encoding surprises."""
    return json.dumps(data, ensure_ascii=True, indent=1, sort_keys=False) + "\n"


def _csv(headers: Sequence[str], rows: Iterable[Sequence[Any]], lang: str) -> str:
    """CSV a spreadsheet opens safely in either locale (:mod:`pola_karir.spreadsheet`); the
    open data keeps ``,`` as its separator, the usual one for open data, and writes booleans
    in the catalogue's words (``ya``/``tidak``, ``yes``/``no``)."""
    return csv_table(headers, rows, ",", (text("csv.yes", lang), text("csv.no", lang)))


def _total(value: Total, lang: str) -> int | str | None:
    """A position's total over its placements as the site shows it: the number when every
    placement states it, "≥ N" when some do not (N adds the known ones; penempatan.csv has
    each placement), empty when none does. Never a bare partial sum posing as the whole."""
    if value.known is None:
        return None
    if value.complete:
        return value.known
    return text("formasi.total.at_least", lang, count=value.known)


def csv_tables(dataset: Dataset, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """One CSV per entity kind, named for the kind; columns named as in the JSON, the words
    the export adds (``nama_tampilan``, booleans) in ``lang``."""
    positions = sorted(dataset.positions.values(), key=lambda p: p.id)
    tables = {
        "jabatan.csv": _csv(
            [
                "id",
                "nama",
                "nama_tampilan",
                "jenis",
                "jabatan_fungsional",
                "jenjang",
                "unit",
                "kelas_jabatan",
                "pendidikan_minimal",
                "golongan_minimal",
                "pelatihan",
                "sertifikasi",
                "kebutuhan",
                "bezetting",
                "terbuka",
            ],
            [
                [
                    p.id,
                    p.name,
                    names.position_name(dataset, p.id, lang),
                    p.type,
                    p.family,
                    p.grade,
                    p.unit,
                    p.job_class,
                    p.requirements.education.minimum if p.requirements.education else None,
                    p.requirements.rank.minimum if p.requirements.rank else None,
                    ";".join(p.requirements.trainings),
                    ";".join(p.requirements.certifications),
                    _total(p.needed, lang),
                    _total(p.filled, lang),
                    _total(p.vacancies, lang),
                ]
                for p in positions
            ],
            lang,
        ),
        "penempatan.csv": _csv(
            ["jabatan", "unit", "kebutuhan", "bezetting", "terbuka"],
            [
                [p.id, placement.unit, placement.needed, placement.filled, placement.vacancies]
                for p in positions
                for placement in p.placements
            ],
            lang,
        ),
        "standar-kompetensi.csv": _csv(
            ["jabatan", "kompetensi", "level"],
            [
                [p.id, comp, level]
                for p in positions
                for comp, level in p.requirements.competencies.all_levels().items()
            ],
            lang,
        ),
        "jalur.csv": _csv(
            ["jalur", "dari", "ke", "jenis", "tahun_minimal", "syarat"],
            [
                [path.id, m.source, m.target, m.kind, m.min_years, "; ".join(m.conditions)]
                for path in sorted(dataset.paths.values(), key=lambda p: p.id)
                for m in path.moves
            ],
            lang,
        ),
        "unit.csv": _csv(
            ["id", "nama", "jenis", "induk"],
            [
                [u.id, u.name, u.kind, u.parent]
                for u in sorted(dataset.units.values(), key=lambda u: u.id)
            ],
            lang,
        ),
        "kompetensi.csv": _csv(
            ["id", "nama", "kelompok", "definisi"],
            [
                [c.id, c.name, c.group, c.definition]
                for c in sorted(dataset.competencies.values(), key=lambda c: c.id)
            ],
            lang,
        ),
        "pelatihan.csv": _csv(
            ["id", "nama", "jenis", "singkatan"],
            [
                [t.id, t.name, t.kind, t.short_name]
                for t in sorted(dataset.trainings.values(), key=lambda t: t.id)
            ],
            lang,
        ),
        "rumpun-pendidikan.csv": _csv(
            ["rumpun", "nama", "bidang"],
            [
                [group.id, group.name, member]
                for group in sorted(dataset.field_groups.values(), key=lambda g: g.id)
                for member in group.fields
            ],
            lang,
        ),
        "dasar-hukum.csv": _csv(
            ["id", "jenis", "nomor", "tahun", "tentang", "nasional", "fiktif"],
            [
                [r.id, r.kind, r.number, r.year, r.title, r.national, r.fictional]
                for r in sorted(dataset.regulations.values(), key=lambda r: r.id)
            ],
            lang,
        ),
    }
    return tables
