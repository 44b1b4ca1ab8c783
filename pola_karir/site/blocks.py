"""Building blocks shared by the generated pages: citations, requirement and competency tables,
diagram placeholders. Every data string passes through :mod:`pola_karir.site.text`."""

from __future__ import annotations

import html
from collections.abc import Iterable

from pola_karir.model import Dataset, LegalRef, Requirements
from pola_karir.site import urls
from pola_karir.site.diagrams import Diagram
from pola_karir.site.page import COMPETENCY_GROUPS, emphasis, say, site_language
from pola_karir.site.text import attr, link, md, table
from pola_karir.text import names, phrases


def diagram_placeholder(diagram: Diagram, caption: str) -> str:
    """Replaced by the rendered SVG after Markdown conversion (see :func:`embed_diagrams`)."""
    return (
        f'<figure class="pk-diagram" data-pk-diagram="{diagram.name}">'
        f"<figcaption>{html.escape(caption)}</figcaption></figure>"
    )


def html_placeholder(name: str) -> str:
    """Where a page's ready-made HTML block goes (see :func:`build.embed_blocks`)."""
    return f'<div data-pk-block="{name}"></div>'


def citation(dataset: Dataset, page: str, citation_ref: LegalRef) -> str:
    regulation = dataset.regulations.get(citation_ref.regulation)
    if regulation is None:
        return md(str(citation_ref))
    label = regulation.name
    anchor = ""
    if citation_ref.article and citation_ref.article in regulation.articles:
        label += " " + regulation.articles[citation_ref.article].label
        anchor = citation_ref.article
    return link(label, urls.md_link(page, urls.regulation(regulation.id), anchor))


def citations(dataset: Dataset, page: str, refs: Iterable[LegalRef]) -> str:
    return "; ".join(citation(dataset, page, r) for r in refs)


def position_name(dataset: Dataset, position_id: str) -> str:
    """A position as a reader sees it named: with the unit that tells it apart from any other
    position of the same name (:mod:`pola_karir.text.names`); plain text, escape it."""
    return names.position_name(dataset, position_id, site_language())


def position_link(dataset: Dataset, page: str, position_id: str) -> str:
    return link(position_name(dataset, position_id), urls.md_link(page, urls.position(position_id)))


def _aspect(aspect: str) -> str:
    return phrases.label("aspek", aspect, site_language())


def requirement_rows(dataset: Dataset, page: str, req: Requirements) -> list[list[str]]:
    """One row per requirement: what kind, the requirement in words, and its legal basis."""
    lang = site_language()
    rows: list[list[str]] = []
    if req.education:
        basis = citations(dataset, page, req.education.legal_basis)
        words = phrases.education(req.education, lang)
        words += phrases.field_groups_named(req.education.fields, dataset, lang)
        rows.append([_aspect("pendidikan"), md(words), basis])
    if req.rank:
        basis = citations(dataset, page, req.rank.legal_basis)
        rows.append([_aspect("pangkat"), md(phrases.rank_requirement(req.rank, lang)), basis])
    for item in req.experience:
        basis = citations(dataset, page, item.legal_basis)
        rows.append([_aspect("pengalaman"), md(phrases.experience(item, dataset, lang)), basis])
    for aspect, ids in (("pelatihan", req.trainings), ("sertifikasi", req.certifications)):
        for training_id in ids:
            training = dataset.trainings.get(training_id)
            basis = citations(dataset, page, training.legal_basis) if training else ""
            name = md(phrases.training(training_id, dataset, lang))
            rows.append([_aspect(aspect), name, basis])
    if req.performance:
        basis = citations(dataset, page, req.performance.legal_basis)
        rows.append([_aspect("kinerja"), md(phrases.performance(req.performance, lang)), basis])
    return rows


def requirements_table(dataset: Dataset, page: str, req: Requirements) -> str:
    rows = requirement_rows(dataset, page, req)
    if not rows:
        return emphasis(say("site.requirements.none"))
    headers = [say("site.col.requirement"), say("site.col.provision"), say("site.col.legal_basis")]
    return table(headers, rows)


def level_bar(level: int) -> str:
    """A small picture of a level 1-5, readable without colour (text label included)."""
    return (
        f'<span class="pk-level pk-level--{level}" role="img" '
        f'aria-label="{attr(say("site.level_bar.label", level=level))}"></span>'
    )


def competency_group(group: str) -> str:
    return phrases.label("kelompok", group, site_language())


def competency_table(dataset: Dataset, page: str, req: Requirements) -> str:
    standard = req.competencies
    by_group = dict(
        zip(
            COMPETENCY_GROUPS,
            (standard.managerial, standard.socio_cultural, standard.technical),
            strict=True,
        )
    )
    rows = []
    for group, levels in by_group.items():
        for comp_id, level in levels.items():
            comp = dataset.competencies.get(comp_id)
            name = comp.name if comp else comp_id
            level_link = link(
                say("site.competency.level", level=level),
                urls.md_link(page, urls.competency(comp_id), f"level-{level}"),
            )
            rows.append(
                [
                    link(name, urls.md_link(page, urls.competency(comp_id))),
                    competency_group(group),
                    level_link,
                    level_bar(level),
                ]
            )
    if not rows:
        return emphasis(say("site.competencies.none"))
    headers = [say(f"site.col.{name}") for name in ("competency", "group", "level", "picture")]
    return table(headers, rows)
