"""Where the site stops listing everything and starts summarising: the size thresholds.

Every page carries the nav, and the overview carries one diagram: both are drawn on every
build, so what they hold must not grow with the number of positions. Below the thresholds the
site lists everything (a kabupaten's pattern reads best whole); above them it shows summaries
and index pages, whose size depends on the number of perangkat daerah and job families only.

The thresholds are constants; tests cross them without building thousands of pages by setting
``POLA_KARIR_LIMITS`` (e.g. ``overview=10,nav=2``), which the MkDocs plugin reads through
:func:`from_environment`. It is an internal knob for tests and measurements, not a setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from pola_karir.text.catalogue import WordedError
from pola_karir.text.terminal import shown

OVERVIEW_DETAIL_LIMIT = 200
"""Most positions the overview draws one by one; above it, one node per perangkat daerah and
per job family. Why 200: the example's 120 positions already give a 266 KB SVG that one
reads only by zooming in; 360 give 0.9 MB and 2,400 give 6 MB (8-35 s of dot), which no one reads
whole and every visit of the page downloads (``scripts/bench_overview.py``). The example
regency keeps its detailed picture; an agency with more positions gets the summary."""

NAV_LIST_LIMIT = 20
"""Most entries the nav lists under "each path" and "each unit"; a longer list is left out
and its index page (which lists every path or unit, with counts) stands for it. Why 20: the
theme writes the whole nav into every page, even the parts it prunes, so every entry makes
every page larger (about 70 bytes of whitespace per entry on every page, measured at 3x the
example: 52 more entries, 3.7 KB more per position page); and a side menu of more than about
20 names no longer fits a laptop screen, where a sorted table reads better. The example (18
paths, 8 perangkat daerah) stays under it."""

ENVIRONMENT = "POLA_KARIR_LIMITS"
"""The environment variable that overrides the thresholds (tests and measurements only)."""


@dataclass(frozen=True)
class Limits:
    """The thresholds one build uses; the defaults are the constants above."""

    overview: int = OVERVIEW_DETAIL_LIMIT
    nav: int = NAV_LIST_LIMIT


DEFAULT_LIMITS = Limits()


class LimitsError(WordedError):
    """``POLA_KARIR_LIMITS`` is not a list of ``name=number``; says which part and the names."""


def from_environment(environ: Mapping[str, str]) -> Limits:
    """The thresholds, with any given in ``POLA_KARIR_LIMITS`` (``overview=10,nav=2``:
    names of :class:`Limits`' fields, non-negative whole numbers) in place of the defaults."""
    value = environ.get(ENVIRONMENT, "").strip()
    if not value:
        return Limits()
    names = [f.name for f in fields(Limits)]
    given: dict[str, int] = {}
    for part in value.split(","):
        name, equals, number = (piece.strip() for piece in part.partition("="))
        if name not in names or not equals or not number.isascii() or not number.isdigit():
            raise LimitsError(
                "limits.invalid", variable=ENVIRONMENT, part=shown(part), names=", ".join(names)
            )
        given[name] = int(number)
    return Limits(**given)
