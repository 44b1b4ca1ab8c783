"""What changes between two positions: the requirements a next step adds ("yang perlu
dipersiapkan"). Pure functions over the model, used by position pages and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from pola_karir import reference as ref
from pola_karir.career import matching
from pola_karir.model import Dataset, Position
from pola_karir.text import phrases
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text


@dataclass(frozen=True)
class Change:
    """One requirement of ``target`` that goes beyond ``source``'s: current vs needed."""

    # pendidikan | bidang_pendidikan | golongan | pengalaman | pelatihan | sertifikasi | kinerja
    # | kompetensi
    aspect: str
    subject: str
    current: str
    required: str


def changes(
    dataset: Dataset, source: Position, target: Position, lang: str = DEFAULT_LANGUAGE
) -> list[Change]:
    found: list[Change] = []
    a, b = source.requirements, target.requirements
    if b.education and (
        a.education is None
        or ref.EDUCATION_RANK[b.education.minimum] > ref.EDUCATION_RANK[a.education.minimum]
    ):
        found.append(
            Change(
                "pendidikan",
                phrases.label("aspek", "pendidikan", lang),
                phrases.education_level(a.education.minimum, lang) if a.education else "–",
                phrases.education(b.education, lang),
            )
        )
    found += _fields_of_study(dataset, source, target, lang)
    if b.rank and (
        a.rank is None or ref.RANK_ORDER[b.rank.minimum] > ref.RANK_ORDER[a.rank.minimum]
    ):
        found.append(
            Change(
                "golongan",
                phrases.label("aspek", "golongan", lang),
                phrases.rank(a.rank.minimum, lang) if a.rank else "–",
                phrases.rank(b.rank.minimum, lang),
            )
        )
    for item in b.experience:
        wanted = phrases.experience(item, dataset, lang)
        found.append(Change("pengalaman", phrases.label("aspek", "pengalaman", lang), "–", wanted))
    for kind, have, need in (
        ("pelatihan", a.trainings, b.trainings),
        ("sertifikasi", a.certifications, b.certifications),
    ):
        for training in need:
            if training not in have:
                found.append(
                    Change(
                        kind,
                        phrases.label("aspek", kind, lang),
                        text("phrase.not_required_yet", lang),
                        phrases.training(training, dataset, lang),
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
                phrases.label("aspek", "kinerja", lang),
                phrases.performance(a.performance, lang) if a.performance else "–",
                phrases.performance(b.performance, lang),
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
                    phrases.competency_level(held, lang)
                    if held
                    else text("phrase.not_required_yet", lang),
                    phrases.competency_level(level, lang),
                )
            )
    return found


def _fields_of_study(
    dataset: Dataset, source: Position, target: Position, lang: str
) -> list[Change]:
    """A narrower list of accepted fields of study: someone who qualified for the current
    position through a field the next one does not accept needs to know before moving. Fields
    compare as matching compares them (normalised, a rumpun standing for its members), so a
    field is kept when everything it accepts is still accepted."""
    a, b = source.requirements.education, target.requirements.education
    if b is None or not b.fields:
        return []
    accepted = matching.accepted_fields(dataset, b.fields)
    current = a.fields if a is not None else ()
    dropped = [f for f in current if not matching.accepted_fields(dataset, (f,)) <= accepted]
    if current and not dropped:
        return []
    return [
        Change(
            "bidang_pendidikan",
            phrases.label("aspek", "bidang_pendidikan", lang),
            ", ".join(current) if current else text("phrase.all_fields", lang),
            ", ".join(b.fields)
            + (text("phrase.fields_dropped", lang, fields=", ".join(dropped)) if dropped else ""),
        )
    ]
