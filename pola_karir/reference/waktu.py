"""The national figures behind the earliest-time estimate (``pola_karir.career.timeline``).

One place for every figure the estimate uses, each with where it was read and whether a
regulation's own text confirms it (``PROVENANCE.md``, "Waktu paling cepat"). ``confirmed`` is
False for every figure here: the estimate built on any of them is labelled *perkiraan*. The
Jelajah Karier script (``site/assets/pk-timeline.js``) takes these figures as data
(:func:`rules_data`), so it never holds a second copy of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from pola_karir import reference as ref


@dataclass(frozen=True)
class Figure:
    """A number of years and where it comes from (a citation ``regulation#article``, as
    ``LegalRef`` writes it); ``confirmed`` only when read in the regulation's own text and known
    to be in force."""

    years: float
    source: str
    confirmed: bool = False


# Kenaikan pangkat reguler: 4 years in the last pangkat. Read only on government service pages
# (BKPSDM and court staff pages listing the requirements); the article of PP 99/2000 as amended
# by PP 12/2002 that sets it was not read: an estimate.
REGULAR_PROMOTION: Final = Figure(4.0, "pp-99-2000")  # jo. PP 12/2002; article not read

# A PNS in a jabatan fungsional: at least 2 years in the last pangkat, the credit points set, and
# every element of performance at least "baik" in the last 2 years (PP 99/2000 Pasal 13, read in
# a copy of its text). Whether Peraturan BKN 3/2023 changed the 2 years is unconfirmed, and the
# credit points per golongan are not known, so 2 years is a lower bound and an estimate.
FUNCTIONAL_PROMOTION: Final = Figure(2.0, "pp-99-2000#pasal-13")  # huruf a

# The predikat a rank promotion needs each year (PP 99/2000 Pasal 13 huruf c: "sekurang-
# kurangnya bernilai baik"); below it the pangkat does not rise.
PROMOTION_MIN_RATING: Final = "baik"

# The predikat assumed when the profile gives none.
DEFAULT_RATING: Final = "baik"


@dataclass(frozen=True)
class CreditRules:
    """Angka kredit of JF keahlian (verification.md, "JF grade promotion"; a BKN 2023 slide,
    not read in PermenPANRB 1/2023 or Peraturan BKN 3/2023): the cumulative credit a jenjang
    needs to rise to the next, and the yearly credit earned in a jenjang at predikat Baik,
    scaled by the predikat. Keterampilan thresholds are unknown, so no figure is given."""

    # (from jenjang, to jenjang) -> cumulative credit points needed
    thresholds: dict[tuple[str, str], float] = field(default_factory=dict)
    # jenjang -> credit points a year at predikat Baik (UNSURE)
    yearly: dict[str, float] = field(default_factory=dict)
    # predikat -> share of the yearly credit earned
    rating_factor: dict[str, float] = field(default_factory=dict)
    source: str = "perbkn-3-2023"  # with permenpanrb-1-2023; figures not read in either text
    confirmed: bool = False


CREDIT: Final = CreditRules(
    thresholds={
        ("ahli-pertama", "ahli-muda"): 100.0,
        ("ahli-muda", "ahli-madya"): 200.0,
        ("ahli-madya", "ahli-utama"): 450.0,
    },
    yearly={
        "terampil": 5.0,
        "mahir": 12.5,
        "ahli-pertama": 12.5,
        "penyelia": 25.0,
        "ahli-muda": 25.0,
        "ahli-madya": 37.5,
        "ahli-utama": 50.0,
    },
    # 'butuh-perbaikan' is taken as 'cukup', as the matching engine compares them
    # (reference.RATING_ORDER).
    rating_factor={
        "sangat-baik": 1.5,
        "baik": 1.0,
        "cukup": 0.75,
        "butuh-perbaikan": 0.75,
        "kurang": 0.5,
        "sangat-kurang": 0.25,
    },
)


def rules_data() -> dict[str, object]:
    """Every figure above as plain data, the form the browser port receives: one source."""
    return {
        "golongan": list(ref.RANKS),
        "kp_reguler": REGULAR_PROMOTION.years,
        "kp_fungsional": FUNCTIONAL_PROMOTION.years,
        "predikat_minimal_kp": PROMOTION_MIN_RATING,
        "predikat_bawaan": DEFAULT_RATING,
        "urutan_predikat": dict(ref.RATING_ORDER),
        "golongan_maksimal_jenjang": {g: r.high for g, r in ref.GRADE_RANK_RANGE.items()},
        "jenjang_per_kategori": {k: list(v) for k, v in ref.GRADES_BY_CATEGORY.items()},
        "angka_kredit_kenaikan": [[a, b, n] for (a, b), n in CREDIT.thresholds.items()],
        "angka_kredit_tahunan": dict(CREDIT.yearly),
        "faktor_predikat": dict(CREDIT.rating_factor),
    }
