"""The nine-box of talent management: kinerja (di atas / sesuai / di bawah ekspektasi) ×
potensial (tinggi / menengah / rendah), PermenPANRB 3/2020 as amended by 20/2025.

The regulation numbers and names its boxes, but those numbers and names were not confirmed
from its text (reference/PROVENANCE.md), so a box here is known only by its two axis values:
numbering them would risk printing a number HR reads differently from their own regulation.
Which boxes make the pool of successors comes from the data (instansi.yml,
``manajemen_talenta.kotak_suksesi``), with the tool's own default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pola_karir.model import PERFORMANCE_LEVELS, POTENTIAL_LEVELS

# The regulation's box numbers are not confirmed: every report says so (a note, not an error).
BOX_NUMBERS_CONFIRMED = False


@dataclass(frozen=True, order=True)
class Box:
    """One of the nine boxes, by its two axis values (codes as in the data)."""

    performance: str  # di-atas-ekspektasi | sesuai-ekspektasi | di-bawah-ekspektasi
    potential: str  # tinggi | menengah | rendah

    @property
    def key(self) -> str:
        """A stable identity for JSON, CSV and HTML ids: ``kinerja/potensial``."""
        return f"{self.performance}/{self.potential}"

    @property
    def column(self) -> int:
        """0 for di bawah ekspektasi … 2 for di atas: kinerja grows to the right."""
        return len(PERFORMANCE_LEVELS) - 1 - PERFORMANCE_LEVELS.index(self.performance)

    @property
    def row(self) -> int:
        """0 for potensial tinggi (top row) … 2 for rendah."""
        return POTENTIAL_LEVELS.index(self.potential)


def all_boxes() -> tuple[Box, ...]:
    """The nine boxes, top row first (potensial tinggi), kinerja from di atas ekspektasi."""
    return tuple(Box(k, p) for p in POTENTIAL_LEVELS for k in PERFORMANCE_LEVELS)


def level_code(value: str) -> str:
    """A cell as a level code: ``Di atas  Ekspektasi`` and ``di_atas_ekspektasi`` are
    ``di-atas-ekspektasi`` (HR exports write the words, the data writes codes)."""
    return re.sub(r"[\s_-]+", "-", value.strip().casefold()).strip("-")


def performance(value: str) -> str | None:
    code = level_code(value)
    return code if code in PERFORMANCE_LEVELS else None


def potential(value: str) -> str | None:
    code = level_code(value)
    if code == "sedang":  # a common synonym in HR exports; the regulation says menengah
        return "menengah"
    return code if code in POTENTIAL_LEVELS else None


def split_box(value: str) -> tuple[str, str] | None:
    """``kinerja_kotak`` written as ``kinerja / potensial`` (``/`` or ``×``): its two parts."""
    parts = re.split(r"[/×]", value)
    if len(parts) != 2:
        return None
    return parts[0].strip(), parts[1].strip()
