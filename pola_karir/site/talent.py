"""Target positions of talent management on the public site: which positions are targets, how
many successors each wants, and the published criteria (the pool's boxes, readiness along the
career paths) — never a name. Who is in which box and who succeeds whom is personal data: it
exists only in the ``pola-karir talenta`` report, which the site build never reads.
"""

from __future__ import annotations

from pola_karir.model import Dataset, Position
from pola_karir.site import urls
from pola_karir.site.page import Page, front, say, site_language
from pola_karir.site.text import link, md, table
from pola_karir.text import names, phrases

PAGE = "jabatan-target.md"
# PermenPANRB 3/2020 (manajemen talenta ASN), amended by 20/2025.
BASIS = ("permenpanrb-3-2020", "permenpanrb-20-2025")


def title() -> str:
    return say("talenta.site.title")


def _box(performance: str, potential: str) -> str:
    return say(
        "talenta.box",
        performance=say(f"talenta.kinerja.{performance}"),
        potential=say(f"talenta.potensial.{potential}"),
    )


def badge(dataset: Dataset, page: str, position: Position) -> list[list[str]]:
    """The key-fact row of a target position's page, linking to the criteria."""
    wanted = dataset.targets.get(position.id)
    if wanted is None:
        return []
    value = say(
        "talenta.site.badge",
        target=link(say("talenta.site.badge_label"), urls.md_link(page, PAGE)),
        wanted=wanted,
    )
    return [[say("talenta.site.fact"), value]]


def target_page(dataset: Dataset) -> Page:
    page = PAGE
    targets = dataset.targets
    basis = [
        link(dataset.regulations[r].short_name, urls.md_link(page, urls.regulation(r)))
        for r in BASIS
        if r in dataset.regulations
    ]
    pool = [_box(k, p) for k, p in dataset.agency.talent.succession_boxes]
    parts = [
        front(title()),
        say("talenta.site.intro", count=len(targets), basis=", ".join(basis) or "–") + "\n",
        f"## {say('talenta.site.criteria')}\n",
        say("talenta.site.pool") + "\n",
        *(f"- {md(box)}" for box in pool),
        "",
        say("talenta.site.readiness") + "\n",
        say("talenta.site.private") + "\n",
        f"## {say('talenta.site.list')}\n",
    ]
    rows = [
        [
            link(
                names.position_name(dataset, pid, site_language()),
                urls.md_link(page, urls.position(pid)),
            ),
            md(phrases.position_level(dataset.positions[pid], dataset, site_language())),
            str(dataset.positions[pid].job_class),
            str(wanted),
        ]
        for pid, wanted in sorted(
            targets.items(),
            key=lambda item: (
                -dataset.positions[item[0]].job_class,
                names.position_name(dataset, item[0], site_language()),
            ),
        )
    ]
    headers = [say(f"talenta.site.col.{c}") for c in ("position", "type", "class", "wanted")]
    parts.append(table(headers, rows) if rows else "_" + say("talenta.site.none") + "_")
    return Page(page, title(), "\n".join(parts) + "\n")
