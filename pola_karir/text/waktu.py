"""The words of an earliest-time estimate (``pola_karir.career.timeline``): when, what sets
it, and every assumption next to the figure, so no estimate reads as a fact.

Takes the estimate's plain facts (constraint and assumption keys) rather than its classes,
since this layer sits below ``career``.
"""

from __future__ import annotations

from collections.abc import Sequence

from pola_karir.reference import waktu as rules
from pola_karir.text import phrases
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text


def when(
    years: float | None,
    estimate: bool,
    binding: Sequence[str],
    assumptions: Sequence[str],
    unknown: Sequence[str],
    rating: str,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """'paling cepat ± 8 tahun lagi (ditentukan oleh angka kredit kenaikan jenjang; perkiraan:
    predikat kinerja Baik setiap tahun (predikat belum diisi), …)', or why it is unknown."""
    if years is None:
        reasons = ", ".join(text(f"waktu.tidak.{key}", lang) for key in unknown)
        head = text("waktu.unknown", lang, reasons=reasons)
    elif years == 0:
        head = text("waktu.now", lang)
    else:
        shown = phrases.number(round(years, 1), lang)
        head = text("waktu.earliest_estimate" if estimate else "waktu.earliest", lang, years=shown)
    notes = []
    if years and binding:
        constraints = ", ".join(text(f"waktu.dasar.{key}", lang) for key in binding)
        notes.append(text("waktu.binding", lang, constraints=constraints))
    if assumptions:
        said = ", ".join(assumption(key, rating, lang) for key in assumptions)
        notes.append(
            text("waktu.estimate" if estimate else "waktu.assuming", lang, assumptions=said)
        )
    return f"{head} ({'; '.join(notes)})" if notes else head


def assumption(key: str, rating: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """One assumption in words, with the figure it uses."""
    values: dict[str, object] = {}
    if key == "kp_reguler":
        values["years"] = phrases.number(rules.REGULAR_PROMOTION.years, lang)
    elif key == "kp_fungsional":
        values["years"] = phrases.number(rules.FUNCTIONAL_PROMOTION.years, lang)
    elif key == "predikat_tetap":
        values["rating"] = phrases.rating(rating, lang)
    return text(f"waktu.asumsi.{key}", lang, **values)
