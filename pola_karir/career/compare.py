"""What changes between two positions: the requirements a next step adds ("yang perlu
dipersiapkan"). Pure functions over the model, used by position pages and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from pola_karir import reference as ref
from pola_karir.model import Dataset, Position
from pola_karir.text import phrases


@dataclass(frozen=True)
class Change:
    """One requirement of ``target`` that goes beyond ``source``'s: current vs needed."""

    aspect: (
        str  # pendidikan | golongan | pengalaman | pelatihan | sertifikasi | kinerja | kompetensi
    )
    subject: str
    current: str
    required: str


def changes(dataset: Dataset, source: Position, target: Position) -> list[Change]:
    found: list[Change] = []
    a, b = source.requirements, target.requirements
    if b.education and (
        a.education is None
        or ref.EDUCATION_RANK[b.education.minimum] > ref.EDUCATION_RANK[a.education.minimum]
    ):
        found.append(
            Change(
                "pendidikan",
                "Pendidikan",
                phrases.education_level(a.education.minimum) if a.education else "–",
                phrases.education(b.education),
            )
        )
    found += _fields_of_study(source, target)
    if b.rank and (
        a.rank is None or ref.RANK_ORDER[b.rank.minimum] > ref.RANK_ORDER[a.rank.minimum]
    ):
        found.append(
            Change(
                "golongan",
                "Golongan",
                phrases.rank(a.rank.minimum) if a.rank else "–",
                phrases.rank(b.rank.minimum),
            )
        )
    for item in b.experience:
        found.append(Change("pengalaman", "Pengalaman", "–", phrases.experience(item, dataset)))
    for kind, have, need in (
        ("pelatihan", a.trainings, b.trainings),
        ("sertifikasi", a.certifications, b.certifications),
    ):
        for training in need:
            if training not in have:
                found.append(
                    Change(
                        kind,
                        kind.capitalize(),
                        "belum dipersyaratkan",
                        phrases.training(training, dataset),
                    )
                )
    if b.performance and (
        a.performance is None
        or ref.RATING_ORDER[b.performance.minimum_rating]
        > ref.RATING_ORDER[a.performance.minimum_rating]
        or b.performance.years > a.performance.years
    ):
        found.append(
            Change(
                "kinerja",
                "Kinerja",
                phrases.performance(a.performance) if a.performance else "–",
                phrases.performance(b.performance),
            )
        )
    current = a.competencies.all_levels()
    for comp_id, level in b.competencies.all_levels().items():
        if level > current.get(comp_id, 0):
            held = current.get(comp_id)
            found.append(
                Change(
                    "kompetensi",
                    phrases.competency(comp_id, dataset),
                    f"level {held}" if held else "belum dipersyaratkan",
                    f"level {level}",
                )
            )
    return found


def _fields_of_study(source: Position, target: Position) -> list[Change]:
    """A narrower list of accepted fields of study: someone who qualified for the current
    position through a field the next one does not accept needs to know before moving."""
    a, b = source.requirements.education, target.requirements.education
    if b is None or not b.fields:
        return []
    accepted = {field.casefold() for field in b.fields}
    current = a.fields if a is not None else ()
    if current and all(field.casefold() in accepted for field in current):
        return []
    dropped = [field for field in current if field.casefold() not in accepted]
    return [
        Change(
            "bidang_pendidikan",
            "Bidang pendidikan",
            ", ".join(current) if current else "semua bidang",
            ", ".join(b.fields) + (f" (tidak lagi: {', '.join(dropped)})" if dropped else ""),
        )
    ]
