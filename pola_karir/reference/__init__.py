"""National reference tables: the facts every agency shares and cannot redefine.

Each table cites where it comes from (see ``shared/domain/reference.md`` in the project's
steering notes). Facts marked as unconfirmed there are only ever used for warnings, never errors.
The larger reference texts (competency dictionary, national regulations, leadership trainings)
live as YAML beside this module and are loaded with the same safe loader as agency data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

REFERENCE_DIR: Final = Path(__file__).parent

# Education order (reference.md §6): D-IV ranks with S-1 ("sarjana atau diploma IV",
# PP 11/2017 Pasal 54 and 107).
EDUCATION_RANK: Final[dict[str, int]] = {
    "SD": 1,
    "SMP": 2,
    "SMA": 3,
    "D1": 4,
    "D2": 5,
    "D3": 6,
    "D4": 7,
    "S1": 7,
    "S2": 8,
    "S3": 9,
}
EDUCATION_LABEL: Final[dict[str, str]] = {
    "SD": "SD",
    "SMP": "SMP/sederajat",
    "SMA": "SMA/SMK/sederajat",
    "D1": "D-I",
    "D2": "D-II",
    "D3": "D-III",
    "D4": "D-IV",
    "S1": "S-1",
    "S2": "S-2",
    "S3": "S-3",
}

# Golongan ruang (reference.md §2), lowest first; the pangkat title of each is the
# catalogue's ``label.pangkat.<golongan>``.
RANKS: Final[tuple[str, ...]] = (
    "I/a",
    "I/b",
    "I/c",
    "I/d",
    "II/a",
    "II/b",
    "II/c",
    "II/d",
    "III/a",
    "III/b",
    "III/c",
    "III/d",
    "IV/a",
    "IV/b",
    "IV/c",
    "IV/d",
    "IV/e",
)
RANK_ORDER: Final[dict[str, int]] = {code: i for i, code in enumerate(RANKS, start=1)}

# Performance ratings, lowest first. 'butuh-perbaikan' is taken as the level of 'cukup'
# (newer appraisal wording); the equivalence is an assumption, so only comparisons use it.
RATING_ORDER: Final[dict[str, int]] = {
    "sangat-kurang": 1,
    "kurang": 2,
    "butuh-perbaikan": 3,
    "cukup": 3,
    "baik": 4,
    "sangat-baik": 5,
}


@dataclass(frozen=True)
class Level:
    """A position type (jenis) or functional grade (jenjang), placed for comparisons.

    ``group`` is the PP 11/2017 Pasal 189 group (JPT, JA or JF); ``order`` ranks it inside its
    group; ``tier`` places it across groups by the JA-JF equivalence table (reference.md §3.3,
    a secondary source: only warnings may rest on tiers alone).
    """

    key: str
    group: str
    order: int
    tier: int


LEVELS: Final[dict[str, Level]] = {
    level.key: level
    for level in (
        Level("pelaksana", "JA", 1, 1),
        Level("pengawas", "JA", 2, 2),
        Level("administrator", "JA", 3, 3),
        Level("jpt-pratama", "JPT", 1, 4),
        Level("jpt-madya", "JPT", 2, 5),
        Level("jpt-utama", "JPT", 3, 6),
        Level("pemula", "JF", 1, 1),
        Level("terampil", "JF", 2, 1),
        Level("mahir", "JF", 3, 1),
        Level("penyelia", "JF", 4, 1),
        Level("ahli-pertama", "JF", 5, 1),
        Level("ahli-muda", "JF", 6, 2),
        Level("ahli-madya", "JF", 7, 3),
        Level("ahli-utama", "JF", 8, 4),
    )
}

# Old eselon ranks of structural positions, lowest first (I.a highest). Inside one position type
# a higher eselon is a higher position (PP 11/2017 Pasal 189 speaks of a higher *position*).
ESELON: Final[tuple[str, ...]] = ("IV.b", "IV.a", "III.b", "III.a", "II.b", "II.a", "I.b", "I.a")
ESELON_ORDER: Final[dict[str, int]] = {code: i for i, code in enumerate(ESELON, start=1)}

# Which eselon each structural position type took over (UU 5/2014 Pasal 131, read in secondary
# restatements only, see PROVENANCE.md): findings resting on it are notes.
ESELON_BY_TYPE: Final[dict[str, tuple[str, ...]]] = {
    "jpt-utama": ("I.a",),
    "jpt-madya": ("I.a", "I.b"),
    "jpt-pratama": ("II.a", "II.b"),
    "administrator": ("III.a", "III.b"),
    "pengawas": ("IV.a", "IV.b"),
}

# Mutasi (PP 11/2017 Pasal 190 ayat (3)): at least 2 and at most 5 years in a position.
MUTATION_YEARS: Final[tuple[float, float]] = (2.0, 5.0)

# Position types (jenis jabatan) from the top of the hierarchy down; their display names are
# the catalogue's ``label.jenis.<type>``.
POSITION_TYPES: Final[tuple[str, ...]] = (
    "jpt-utama",
    "jpt-madya",
    "jpt-pratama",
    "administrator",
    "pengawas",
    "pelaksana",
    "fungsional",
)

GRADES_BY_CATEGORY: Final[dict[str, tuple[str, ...]]] = {
    "keahlian": ("ahli-pertama", "ahli-muda", "ahli-madya", "ahli-utama"),
    "keterampilan": ("pemula", "terampil", "mahir", "penyelia"),
}
# Every jenjang belongs to exactly one category, so a family with both categories still knows
# the category of each of its grades (the education floor, the diagram style follow it).
CATEGORY_OF_GRADE: Final[dict[str, str]] = {
    grade: category for category, grades in GRADES_BY_CATEGORY.items() for grade in grades
}


@dataclass(frozen=True)
class RankRange:
    """A grade's golongan range; ``source`` is the article that sets it, None where the range
    is the usual mapping no regulation text has confirmed (then only a warning rests on it)."""

    low: str
    high: str
    source: str | None


# Golongan range per functional grade. Keahlian: Keppres 87/1999 Pasal 5 (read in its own text;
# whether the current regime kept it is unconfirmed). Keterampilan: believed mapping, unconfirmed.
GRADE_RANK_RANGE: Final[dict[str, RankRange]] = {
    "ahli-pertama": RankRange("III/a", "III/b", "Keppres 87/1999 Pasal 5"),
    "ahli-muda": RankRange("III/c", "III/d", "Keppres 87/1999 Pasal 5"),
    "ahli-madya": RankRange("IV/a", "IV/c", "Keppres 87/1999 Pasal 5"),
    "ahli-utama": RankRange("IV/d", "IV/e", "Keppres 87/1999 Pasal 5"),
    "pemula": RankRange("II/a", "II/a", None),
    "terampil": RankRange("II/b", "II/d", None),
    "mahir": RankRange("III/a", "III/b", None),
    "penyelia": RankRange("III/c", "III/d", None),
}


@dataclass(frozen=True)
class EducationFloor:
    minimum: str
    article: str
    reference: str


# National minimum education, each read in the regulation's own text (reference.md §3,
# verification.md Q3-Q4). Pelaksana has no confirmed national floor, so it has no rule.
EDUCATION_FLOOR: Final[dict[str, EducationFloor]] = {
    "administrator": EducationFloor("S1", "PP 11/2017 Pasal 54", "pp-11-2017#pasal-54"),
    "pengawas": EducationFloor("D3", "PP 11/2017 Pasal 54", "pp-11-2017#pasal-54"),
    "jpt-utama": EducationFloor("S1", "PP 11/2017 Pasal 107", "pp-11-2017#pasal-107"),
    "jpt-madya": EducationFloor("S1", "PP 11/2017 Pasal 107", "pp-11-2017#pasal-107"),
    "jpt-pratama": EducationFloor(
        "S1", "PP 11/2017 Pasal 107 jo. PP 17/2020", "pp-17-2020#pasal-107"
    ),
    "keahlian": EducationFloor("S1", "PP 11/2017 Pasal 75 ayat (1) huruf d", "pp-11-2017#pasal-75"),
    "keterampilan": EducationFloor(
        "SMA", "PP 11/2017 Pasal 78 ayat (1) huruf d", "pp-11-2017#pasal-78"
    ),
}

# Usual managerial/socio-cultural level per type or grade, where two secondary sources on
# PermenPANRB 38/2017 agree (verification.md Q1). Unconfirmed: warnings only; grades the
# sources disagree on are left out.
USUAL_COMPETENCY_LEVEL: Final[dict[str, int]] = {
    "jpt-pratama": 4,
    "administrator": 3,
    "pengawas": 2,
    "pelaksana": 1,
    "ahli-madya": 4,
    "ahli-muda": 3,
    "ahli-pertama": 2,
    "penyelia": 3,
    "mahir": 2,
    "pemula": 1,
}

MANAGERIAL: Final[tuple[str, ...]] = (
    "integritas",
    "kerja-sama",
    "komunikasi",
    "orientasi-pada-hasil",
    "pelayanan-publik",
    "pengembangan-diri-dan-orang-lain",
    "mengelola-perubahan",
    "pengambilan-keputusan",
)
SOCIO_CULTURAL: Final[tuple[str, ...]] = ("perekat-bangsa",)


# Which validation rules apply which article, for the legal-basis pages ("what uses this").
# What each rule checks there is the catalogue's ``site.rule_citation.<article>.<code>``.
RULE_CITATIONS: Final[dict[str, tuple[str, ...]]] = {
    "pp-11-2017#pasal-54": ("PK401",),
    "pp-11-2017#pasal-75": ("PK401",),
    "pp-11-2017#pasal-78": ("PK401",),
    "pp-11-2017#pasal-107": ("PK401",),
    "pp-17-2020#pasal-107": ("PK401",),
    "pp-11-2017#pasal-189": ("PK302", "PK303", "PK307", "PK301"),
    "pp-11-2017#pasal-190": ("PK309",),
    "keppres-87-1999#pasal-5": ("PK402",),
    "uu-5-2014#pasal-131": ("PK310",),
    "permenpanrb-38-2017#lampiran": ("PK403",),
}


def education_at_least(have: str, need: str) -> bool:
    return EDUCATION_RANK[have] >= EDUCATION_RANK[need]
