"""Cases of the earliest-time estimate (``pola_karir.career.timeline``), each with the answer
worked out by hand from the stated rules (reference/waktu.py): regular rank promotion every 4
years, in a JF every 2 years at the least, keahlian credit 100/200/450 earned at 12.5/25/37.5 a
year at predikat Baik (x1.5 Sangat Baik, x0.75 Cukup). Python (tests/test_timeline.py) and the
browser port (tests/site/test_timeline_js.py) are both held to this table."""

from __future__ import annotations

from dataclasses import dataclass

from pola_karir.career.timeline import Leg, Post, TimelineInput

KASI = Post("kasi", "pengawas", min_rank="III/c")
KABID = Post("kabid", "administrator", min_rank="III/d")
KADIS = Post("kadis", "jpt-pratama", min_rank="IV/b")
PELAKSANA = Post("pelaksana", "pelaksana")
AHLI_PERTAMA = Post("ap", "fungsional", "teknik-jalan", "ahli-pertama", "III/a")
AHLI_MUDA = Post("am", "fungsional", "teknik-jalan", "ahli-muda", "III/c")
AHLI_MADYA = Post("amd", "fungsional", "teknik-jalan", "ahli-madya", "IV/a")
TERAMPIL = Post("trp", "fungsional", "pranata", "terampil", "II/b")
MAHIR = Post("mhr", "fungsional", "pranata", "mahir", "III/a")


@dataclass(frozen=True)
class Case:
    name: str
    given: TimelineInput
    years: tuple[float | None, ...]  # each step's earliest time, the destination last
    binding: tuple[str, ...]  # the destination's
    estimate: bool
    unknown: tuple[str, ...] = ()


CASES = (
    # The example: a III/b Kasi is not "3 tahun" from Kepala Dinas (IV/b). Promotion
    # due now (masa golongan unknown): III/c now, III/d at 4, IV/a at 8, IV/b at 12.
    Case(
        "kasi-to-kadis-rank-binds",
        TimelineInput(KASI, (Leg(KABID, 2), Leg(KADIS, 1)), "III/b", None, 0, None),
        (4.0, 12.0),
        ("golongan",),
        True,
    ),
    # Just promoted to III/b (masa golongan 0): III/c at 4 ... IV/b at 16.
    Case(
        "kasi-to-kadis-just-promoted",
        TimelineInput(KASI, (Leg(KABID, 2), Leg(KADIS, 1)), "III/b", 0, 0, None),
        (8.0, 16.0),
        ("golongan",),
        True,
    ),
    # Golongan already met: only the move's minimum years count, less the year served; no
    # assumption, no estimate.
    Case(
        "move-years-bind",
        TimelineInput(KASI, (Leg(KABID, 5),), "IV/a", 1, 1, None),
        (4.0,),
        ("masa_minimal",),
        False,
    ),
    # Ahli Pertama (III/b, the top of its range) to Ahli Muda (III/c): 100 credits at 12.5 a
    # year = 8 years, 3 served: 5 more, although golongan and move years allow it sooner.
    Case(
        "credit-binds",
        TimelineInput(AHLI_PERTAMA, (Leg(AHLI_MUDA, 2),), "III/b", 1, 3, None),
        (5.0,),
        ("angka_kredit",),
        True,
    ),
    # Sangat Baik earns 18.75 a year: 100 / 18.75 = 5.333..., 3 served.
    Case(
        "credit-sangat-baik",
        TimelineInput(AHLI_PERTAMA, (Leg(AHLI_MUDA, 2),), "III/b", 1, 3, "sangat-baik"),
        (100 / 18.75 - 3,),
        ("angka_kredit",),
        True,
    ),
    # Cukup earns 9.375 a year: 100 / 9.375 = 10.666..., nothing served.
    Case(
        "credit-cukup",
        TimelineInput(AHLI_PERTAMA, (Leg(AHLI_MUDA, 0),), "III/a", 0, 0, "cukup"),
        (100 / 9.375,),
        ("angka_kredit",),
        True,
    ),
    # Two jenjang: 8 years to Ahli Muda (III/c with it), then 200 / 25 = 8 more.
    Case(
        "two-grades",
        TimelineInput(AHLI_PERTAMA, (Leg(AHLI_MUDA, 2), Leg(AHLI_MADYA, 2)), "III/a", 0, 0, None),
        (8.0, 16.0),
        ("angka_kredit",),
        True,
    ),
    # Keterampilan credit thresholds are not known: no figure, not a guess.
    Case(
        "keterampilan-unknown",
        TimelineInput(TERAMPIL, (Leg(MAHIR, 2),), "II/d", 1, 1, None),
        (None,),
        (),
        False,
        ("angka_kredit",),
    ),
    # No golongan in the profile while the step needs one.
    Case(
        "rank-unknown",
        TimelineInput(KASI, (Leg(KABID, 2), Leg(KADIS, 1)), None, None, 0, None),
        (None, None),
        (),
        False,
        ("golongan",),
    ),
    # A predikat below Baik: the pangkat does not rise, so III/d never comes.
    Case(
        "rating-too-low",
        TimelineInput(KASI, (Leg(KABID, 2),), "III/b", 2, 0, "kurang"),
        (None,),
        (),
        True,
        ("kinerja",),
    ),
    # From a JF: promotions at the least every 2 years. Ahli Muda III/c (2 years in it) to
    # Kabid III/d: due now, 1 promotion, but the move's 3 years bind.
    Case(
        "jf-to-structural",
        TimelineInput(AHLI_MUDA, (Leg(KABID, 3),), "III/c", 2, 0, None),
        (3.0,),
        ("masa_minimal",),
        True,
    ),
    # Ahli Pertama (at most III/b) cannot rise to the III/d Kabid needs without a jenjang step.
    Case(
        "above-grade-cap",
        TimelineInput(AHLI_PERTAMA, (Leg(KABID, 2),), "III/b", 4, 0, None),
        (None,),
        (),
        True,
        ("golongan_jenjang",),
    ),
    # A step without golongan or credit: the move years only.
    Case(
        "no-requirements",
        TimelineInput(PELAKSANA, (Leg(PELAKSANA, 0),), None, None, 0, None),
        (0.0,),
        (),
        False,
    ),
)
