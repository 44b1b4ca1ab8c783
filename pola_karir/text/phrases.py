"""Plain-language phrases for requirements and vocabulary, shared by the site, the CLI and the
open-data export.

The words come from the catalogue (``phrases.po`` and ``labels.po``); this module only decides
which pieces a requirement needs, so each phrase is built in one place and reads the same on
every page. Returns plain text; whoever prints it into Markdown or HTML escapes it there.
"""

from __future__ import annotations

from pola_karir.model import (
    Dataset,
    EducationRequirement,
    ExperienceRequirement,
    PerformanceRequirement,
    Position,
    RankRequirement,
    field_key,
)
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, has, text
from pola_karir.text.names import position_name

# --- vocabulary labels ----------------------------------------------------------------------


def label(kind: str, value: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The display name of a vocabulary value (``label.<kind>.<value>``); an unknown value
    (possible in data that failed validation) is shown as it is."""
    key = f"label.{kind}.{value}"
    return text(key, lang) if has(key, lang) else value


def education_level(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """D-IV ranks with S-1, so a requirement of either reads as both."""
    if code in ("S1", "D4"):
        return text("label.pendidikan.sarjana", lang)
    return label("pendidikan", code, lang)


def level_name(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A functional grade (jenjang) or a position type (jenis), by its key."""
    if has(f"label.jenjang.{key}", lang):
        return text(f"label.jenjang.{key}", lang)
    return label("jenis", key, lang)


def position_level(position: Position, dataset: Dataset, lang: str = DEFAULT_LANGUAGE) -> str:
    """What kind of position this is: its type, or for a functional position its family and
    grade ("JF Analis Kebijakan – Ahli Muda")."""
    if position.type != "fungsional":
        return label("jenis", position.type, lang)
    family = dataset.families.get(position.family or "")
    grade = level_name(position.grade or "", lang)
    if family is None:
        return text("phrase.functional_grade", lang, grade=grade)
    return text("phrase.functional_family_grade", lang, family=family.name, grade=grade)


def rating(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return label("kinerja", code, lang)


def competency_level(level: int, lang: str = DEFAULT_LANGUAGE) -> str:
    return text("phrase.competency_level", lang, level=level)


# --- numbers --------------------------------------------------------------------------------


def decimal_mark(lang: str = DEFAULT_LANGUAGE) -> str:
    return text("phrase.decimal_mark", lang)


def number(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """Shortest form of a number with the language's decimal mark ('2,5' in Indonesian)."""
    return f"{value:g}".replace(".", decimal_mark(lang))


def years(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """'3 tahun', '2,5 tahun'."""
    return text("phrase.years", lang, value=number(value, lang))


def years_short(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """'≥2 th' on a diagram's arrow, where space is short."""
    return text("phrase.years_at_least_short", lang, value=f"{value:g}")


# --- requirements ---------------------------------------------------------------------------


def _with_note(phrase: str, note: str, lang: str) -> str:
    return phrase + text("phrase.note", lang, note=note) if note else phrase


def education(req: EducationRequirement, lang: str = DEFAULT_LANGUAGE) -> str:
    phrase = text("phrase.at_least", lang, value=education_level(req.minimum, lang))
    if req.fields:
        phrase += text("phrase.education.fields", lang, fields=", ".join(req.fields))
    return _with_note(phrase, req.note or "", lang)


def field_groups_named(
    fields: tuple[str, ...], dataset: Dataset, lang: str = DEFAULT_LANGUAGE
) -> str:
    """What the rumpun among ``fields`` take in, for a reader who holds a member's degree
    ("; rumpun Teknik Sipil mencakup Teknik Sipil dan Lingkungan, …"); "" when none is one."""
    groups = dataset.field_groups_by_key
    named = [groups[key] for key in dict.fromkeys(field_key(f) for f in fields) if key in groups]
    return "".join(
        text("pengalaman.phrase.rumpun", lang, name=group.name, fields=", ".join(group.fields))
        for group in named
    )


def rank(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return text("phrase.rank", lang, code=code, title=label("pangkat", code, lang))


def rank_choice(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A golongan as a choice in a list: 'III/a – Penata Muda'."""
    return text("phrase.rank_choice", lang, code=code, title=label("pangkat", code, lang))


def rank_requirement(req: RankRequirement, lang: str = DEFAULT_LANGUAGE) -> str:
    phrase = text("phrase.at_least", lang, value=rank(req.minimum, lang))
    if req.maximum:
        phrase += text("phrase.rank.maximum", lang, rank=rank(req.maximum, lang))
    return phrase


def experience(
    req: ExperienceRequirement, dataset: Dataset | None = None, lang: str = DEFAULT_LANGUAGE
) -> str:
    options = [level_name(k, lang) for k in req.levels]
    # The name that tells the position apart from any other of the same name.
    options += [position_name(dataset, pid, lang) if dataset else pid for pid in req.positions]
    phrase = text("phrase.experience", lang, years=years(req.years, lang))
    if options:
        joined = text("phrase.or", lang).join(options)
        phrase += text("phrase.experience.as", lang, options=joined)
    phrase += experience_conditions(req, dataset, lang)
    if req.note and not options and not req.conditional:
        return phrase + text("phrase.experience.note", lang, note=req.note)
    return _with_note(phrase, req.note or "", lang)


def experience_conditions(
    req: ExperienceRequirement, dataset: Dataset | None = None, lang: str = DEFAULT_LANGUAGE
) -> str:
    """The family, kelas and unit conditions of an experience item, each read after the years
    ("… dalam jabatan fungsional Guru jenjang Ahli Muda ke atas, di lingkungan Dinas
    Pendidikan"); the words are in ``pengalaman.po``."""
    parts: list[str] = []
    if req.family is not None:
        found = dataset.families.get(req.family) if dataset else None
        name = found.name if found else req.family
        if req.min_grade is not None:
            grade = level_name(req.min_grade, lang)
            parts.append(text("pengalaman.phrase.family_from", lang, family=name, grade=grade))
        else:
            parts.append(text("pengalaman.phrase.family", lang, family=name))
    if req.min_class is not None:
        parts.append(text("pengalaman.phrase.class", lang, kelas=req.min_class))
    if req.unit is not None:
        unit = dataset.units.get(req.unit) if dataset else None
        parts.append(text("pengalaman.phrase.unit", lang, unit=unit.name if unit else req.unit))
    return "".join(parts)


def performance_need(minimum: str, years: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """The rating a position needs over the last years, without the word 'predikat'."""
    return text("phrase.performance.need", lang, rating=rating(minimum, lang), years=years)


def performance(req: PerformanceRequirement, lang: str = DEFAULT_LANGUAGE) -> str:
    need = performance_need(req.minimum_rating, req.years, lang)
    return text("phrase.performance", lang, need=need)


def training(training_id: str, dataset: Dataset, lang: str = DEFAULT_LANGUAGE) -> str:
    found = dataset.trainings.get(training_id)
    if found is None:
        return training_id
    if found.short_name and found.short_name not in found.name:
        return text("phrase.name_with_short", lang, name=found.name, short=found.short_name)
    return found.name


def competency(competency_id: str, dataset: Dataset) -> str:
    found = dataset.competencies.get(competency_id)
    return found.name if found else competency_id
