"""Plain-language Indonesian phrases for requirements, shared by the site and the CLI.

Returns plain text; whoever prints it into Markdown or HTML escapes it there.
"""

from __future__ import annotations

from pola_karir import reference as ref
from pola_karir.model import (
    Dataset,
    EducationRequirement,
    ExperienceRequirement,
    PerformanceRequirement,
    RankRequirement,
)


def education_level(code: str) -> str:
    if code in ("S1", "D4"):
        return "S-1/D-IV"
    return ref.EDUCATION_LABEL[code]


def education(req: EducationRequirement) -> str:
    text = f"paling rendah {education_level(req.minimum)}"
    if req.fields:
        text += "; bidang: " + ", ".join(req.fields)
    if req.note:
        text += f" ({req.note})"
    return text


def rank(code: str) -> str:
    return f"{code} ({ref.RANK_TITLE[code]})"


def rank_requirement(req: RankRequirement) -> str:
    text = f"paling rendah {rank(req.minimum)}"
    if req.maximum:
        text += f", paling tinggi {rank(req.maximum)}"
    return text


def level_name(key: str) -> str:
    level = ref.LEVELS.get(key)
    if level:
        return level.label
    return ref.POSITION_TYPE_LABEL.get(key, key)


def years(value: float) -> str:
    return f"{value:g}".replace(".", ",") + " tahun"


def experience(req: ExperienceRequirement, dataset: Dataset | None = None) -> str:
    options = [level_name(k) for k in req.levels]
    for pid in req.positions:
        position = dataset.positions.get(pid) if dataset else None
        options.append(position.name if position else pid)
    text = f"paling singkat {years(req.years)}"
    if options:
        text += " sebagai " + " atau ".join(options)
    if req.note:
        text += f" ({req.note})" if options else f": {req.note}"
    return text


def performance(req: PerformanceRequirement) -> str:
    return (
        f"predikat paling rendah {ref.RATING_LABEL[req.minimum_rating]} selama "
        f"{req.years} tahun terakhir"
    )


def training(training_id: str, dataset: Dataset) -> str:
    found = dataset.trainings.get(training_id)
    if found is None:
        return training_id
    if found.short_name and found.short_name not in found.name:
        return f"{found.name} ({found.short_name})"
    return found.name


def competency(competency_id: str, dataset: Dataset) -> str:
    found = dataset.competencies.get(competency_id)
    return found.name if found else competency_id
