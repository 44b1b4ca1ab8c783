"""Formasi on the site: kebutuhan (posts required, from analisis beban kerja), bezetting (posts
filled) and the open places between them, for the position pages, the peta jabatan, the lists
and the page of open positions.

Numbers a placement does not state are unknown and shown as "–", never as 0: a position with
no stated numbers has no formasi to show, and only a placement stating both numbers can be open.
A total over figures some of which are unknown is shown as "≥ N" (the sum of the known ones:
the true total is at least that), with a note saying so under the table; "–" when none is known.
"""

from __future__ import annotations

from collections.abc import Iterable

from pola_karir.model import Dataset, Placement, Position, Total
from pola_karir.site import urls
from pola_karir.site.page import Page, emphasis, front, say, site_language
from pola_karir.site.text import link, md, table
from pola_karir.text import names, phrases

# The regulation the numbers rest on: pedoman analisis jabatan dan analisis beban kerja.
BASIS = "permenpanrb-1-2020"

NONE = "–"


def number(value: int | None) -> str:
    """A count as shown in tables: the number, or a dash when it is unknown."""
    return NONE if value is None else str(value)


def has_numbers(placements: Iterable[Placement]) -> bool:
    return any(p.needed is not None or p.filled is not None for p in placements)


def total(value: Total) -> str:
    """A total as shown: the number when every figure under it is known, "≥ N" when some are
    not (N adds the known ones), a dash when none is."""
    if value.known is None:
        return NONE
    if value.complete:
        return str(value.known)
    return say("formasi.total.at_least", count=value.known)


def totals(placements: Iterable[Placement]) -> tuple[Total, Total, Total]:
    """Kebutuhan, bezetting and open places over ``placements``."""
    items = list(placements)
    return (
        Total.of(p.needed for p in items),
        Total.of(p.filled for p in items),
        Total.of(p.vacancies for p in items),
    )


def partial(values: Iterable[Total]) -> bool:
    """Whether any of ``values`` is shown as "≥ N", so the note explaining it is due."""
    return any(value.known is not None and not value.complete for value in values)


def partial_note() -> str:
    """The note under a table or sentence holding a "≥ N" total: what it means."""
    return say("formasi.total.note")


def numbers_text(placements: Iterable[Placement]) -> str:
    """'kebutuhan 3, bezetting 2, terbuka 1' for a placement or a group of them."""
    needed, filled, vacancies = totals(placements)
    return say(
        "formasi.numbers",
        needed=total(needed),
        filled=total(filled),
        vacancies=total(vacancies),
    )


def unit_name(dataset: Dataset, unit_id: str) -> str:
    """A unit with the units above it, smallest first: 'Seksi Jalan › Bidang Bina Marga › …'."""
    names = []
    for depth in range(unit_id.count("/") + 1):
        key = "/".join(unit_id.split("/")[: depth + 1])
        names.append(dataset.units[key].name if key in dataset.units else key)
    return " › ".join(reversed(names))


def unit_anchor(unit_id: str) -> str:
    """The anchor of a unit's section on its perangkat daerah's page."""
    return unit_id.replace("/", "--")


def unit_link(dataset: Dataset, page: str, unit_id: str) -> str:
    top = unit_id.split("/")[0]
    return link(
        unit_name(dataset, unit_id), urls.md_link(page, urls.unit(top), unit_anchor(unit_id))
    )


def open_placements(position: Position) -> list[Placement]:
    return [p for p in position.placements if p.vacancies]


def open_positions(dataset: Dataset) -> list[tuple[Position, Placement]]:
    """Every placement with open places, by perangkat daerah, then level, then name."""
    found = [
        (position, placement)
        for position in dataset.positions.values()
        for placement in open_placements(position)
    ]
    return sorted(
        found,
        key=lambda pair: (
            pair[1].unit,
            names.position_name(dataset, pair[0].id, site_language()),
            pair[0].id,
        ),
    )


def open_places(dataset: Dataset) -> Total:
    """Open places over every placement of the agency: at least the known ones when some
    placement does not state both numbers, unknown when none does."""
    return Total.of(p.vacancies for pos in dataset.positions.values() for p in pos.placements)


def headers(first: str = "formasi.col.unit") -> list[str]:
    """Column headings of a formasi table: a first column, then the three numbers."""
    return [say(first), *headers_of("needed", "filled", "open")]


# --- the page of open positions ------------------------------------------------------------


def open_positions_page(dataset: Dataset) -> Page:
    """Every placement with open places, by perangkat daerah: where the openings are, so that
    employees hear of career opportunities (the studies' main complaint is that they do not)."""
    page = urls.OPEN_POSITIONS
    title = say("formasi.open.title")
    found = open_positions(dataset)
    vacancies = open_places(dataset)
    parts = [
        front(title),
        say(
            "formasi.open.intro",
            count=total(vacancies),
            positions=len({position.id for position, _ in found}),
            basis=_basis(dataset, page),
            explorer=link(say("formasi.explorer"), urls.md_link(page, urls.EXPLORER)),
        )
        + "\n",
    ]
    if partial([vacancies]):
        parts.append(emphasis(partial_note()) + "\n")
    if not found:
        parts.append(emphasis(say("formasi.open.none")) + "\n")
    by_top: dict[str, list[tuple[Position, Placement]]] = {}
    for position, placement in found:
        by_top.setdefault(placement.unit.split("/")[0], []).append((position, placement))
    for top in sorted(by_top, key=lambda t: (_name(dataset, t), t)):
        members = by_top[top]
        parts.append(f"\n## {md(_name(dataset, top))}\n")
        rows = [
            [
                link(
                    names.position_name(dataset, position.id, site_language()),
                    urls.md_link(page, urls.position(position.id)),
                )
                + " "
                + say(
                    "site.unit.member",
                    level=md(phrases.position_level(position, dataset, site_language())),
                    job_class=position.job_class,
                ),
                unit_link(dataset, page, placement.unit),
                number(placement.needed),
                number(placement.filled),
                f"**{number(placement.vacancies)}**",
            ]
            for position, placement in members
        ]
        headers = [say("formasi.col.position"), *headers_of("unit", "needed", "filled", "open")]
        parts.append(table(headers, rows))
    return Page(page, title, "\n".join(parts) + "\n")


def headers_of(*names: str) -> list[str]:
    return [say(f"formasi.col.{name}") for name in names]


def _name(dataset: Dataset, unit_id: str) -> str:
    return dataset.units[unit_id].name if unit_id in dataset.units else unit_id


def _basis(dataset: Dataset, page: str) -> str:
    """The regulation behind kebutuhan, linked to its page when the dataset holds it."""
    regulation = dataset.regulations.get(BASIS)
    if regulation is None:
        return md(say("formasi.basis"))
    return link(regulation.name, urls.md_link(page, urls.regulation(regulation.id)))
