"""Building blocks shared by the generated pages: citations, requirement and competency tables,
diagram placeholders. Every data string passes through :mod:`pola_karir.site.text`."""

from __future__ import annotations

import html
from collections.abc import Iterable

from pola_karir import reference as ref
from pola_karir.model import Dataset, LegalRef, Position, Requirements
from pola_karir.site import urls
from pola_karir.site.diagrams import Diagram
from pola_karir.site.text import link, md, table
from pola_karir.text import phrases


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


def position_link(dataset: Dataset, page: str, position_id: str) -> str:
    position = dataset.positions[position_id]
    return link(position.name, urls.md_link(page, urls.position(position_id)))


def level_label(position: Position, dataset: Dataset) -> str:
    if position.type == "fungsional":
        family = dataset.families.get(position.family or "")
        grade = phrases.level_name(position.grade or "")
        return f"JF {family.name} – {grade}" if family else f"JF {grade}"
    return ref.POSITION_TYPE_LABEL[position.type]


def requirement_rows(dataset: Dataset, page: str, req: Requirements) -> list[list[str]]:
    rows: list[list[str]] = []
    if req.education:
        rows.append(
            [
                "Pendidikan",
                md(phrases.education(req.education)),
                citations(dataset, page, req.education.legal_basis),
            ]
        )
    if req.rank:
        rows.append(
            [
                "Pangkat/golongan",
                md(phrases.rank_requirement(req.rank)),
                citations(dataset, page, req.rank.legal_basis),
            ]
        )
    for item in req.experience:
        rows.append(
            [
                "Pengalaman",
                md(phrases.experience(item, dataset)),
                citations(dataset, page, item.legal_basis),
            ]
        )
    for label, ids in (("Pelatihan", req.trainings), ("Sertifikasi", req.certifications)):
        for training_id in ids:
            training = dataset.trainings.get(training_id)
            basis = citations(dataset, page, training.legal_basis) if training else ""
            rows.append([label, md(phrases.training(training_id, dataset)), basis])
    if req.performance:
        rows.append(
            [
                "Kinerja",
                md(phrases.performance(req.performance)),
                citations(dataset, page, req.performance.legal_basis),
            ]
        )
    return rows


def requirements_table(dataset: Dataset, page: str, req: Requirements) -> str:
    rows = requirement_rows(dataset, page, req)
    if not rows:
        return "_Persyaratan belum ditetapkan._"
    return table(["Syarat", "Ketentuan", "Dasar hukum"], rows)


def level_bar(level: int) -> str:
    """A small picture of a level 1-5, readable without colour (text label included)."""
    return (
        f'<span class="pk-level pk-level--{level}" role="img" '
        f'aria-label="level {level} dari 5"></span>'
    )


def competency_table(dataset: Dataset, page: str, req: Requirements) -> str:
    standard = req.competencies
    rows = []
    for group, levels in (
        ("Manajerial", standard.managerial),
        ("Sosial kultural", standard.socio_cultural),
        ("Teknis", standard.technical),
    ):
        for comp_id, level in levels.items():
            comp = dataset.competencies.get(comp_id)
            name = comp.name if comp else comp_id
            level_link = link(
                f"Level {level}", urls.md_link(page, urls.competency(comp_id), f"level-{level}")
            )
            rows.append(
                [
                    link(name, urls.md_link(page, urls.competency(comp_id))),
                    group,
                    level_link,
                    level_bar(level),
                ]
            )
    if not rows:
        return "_Standar kompetensi belum ditetapkan._"
    return table(["Kompetensi", "Kelompok", "Level", "Gambaran"], rows)
