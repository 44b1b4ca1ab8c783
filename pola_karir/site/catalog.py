"""Reference pages: competency dictionary, legal bases, job families and the index pages."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable

from pola_karir import reference as ref
from pola_karir.model import Competency, Dataset, JobFamily, LegalRef, Position, Regulation
from pola_karir.site import annex, annex_html, blocks, formasi, urls
from pola_karir.site.page import (
    COMPETENCY_GROUPS,
    Page,
    admonition,
    emphasis,
    facts,
    front,
    say,
    site_language,
)
from pola_karir.site.text import attr, external_link, link, md, table
from pola_karir.text import phrases

# --- competencies ---------------------------------------------------------------------------


def competency_page(dataset: Dataset, competency: Competency) -> Page:
    page = urls.competency(competency.id)
    needed: dict[int, list[Position]] = defaultdict(list)
    for position in dataset.positions.values():
        level = position.requirements.competencies.all_levels().get(competency.id)
        if level:
            needed[level].append(position)
    parts = [front(competency.name)]
    rows = [[say("site.fact.group"), md(blocks.competency_group(competency.group))]]
    if competency.code:
        rows.append([say("site.fact.code"), md(competency.code)])
    if competency.legal_basis:
        citations = blocks.citations(dataset, page, competency.legal_basis)
        rows.append([say("site.fact.legal_basis"), citations])
    parts += [facts(rows), f"\n## {say('site.competency.definition')}\n"]
    parts += [md(competency.definition), ""]
    for level, description in enumerate(competency.levels, start=1):
        parts.append(f"\n## {say('site.competency.level', level=level)} {{#level-{level}}}\n")
        parts.append(blocks.level_bar(level) + " " + md(description) + "\n")
        indicators = competency.indicators[level - 1]
        if indicators:
            parts.append(f"**{say('engine.indicators')}:**\n")
            parts.append("\n".join(f"- {md(item)}" for item in indicators) + "\n")
        holders = _by_name(dataset, needed.get(level, []))
        if holders:
            required_by = say("site.competency.required_by", level=level, count=len(holders))
            parts.append(required_by + "\n")
            parts.append(", ".join(blocks.position_link(dataset, page, p.id) for p in holders))
        else:
            parts.append(emphasis(say("site.competency.required_by_none", level=level)))
    source = competency.source or None
    return Page(page, competency.name, "\n".join(parts) + "\n", source)


def _by_name(dataset: Dataset, positions: Iterable[Position]) -> list[Position]:
    """Positions in the order of the names a reader sees (same-named ones by their unit)."""
    return sorted(positions, key=lambda p: (blocks.position_name(dataset, p.id), p.id))


def competency_index(dataset: Dataset) -> Page:
    page = urls.COMPETENCIES
    title = say("site.competencies.title")
    parts = [front(title), say("site.competencies.intro") + "\n"]
    for group in COMPETENCY_GROUPS:
        members = [c for c in dataset.competencies.values() if c.group == group]
        if not members:
            continue
        parts.append(f"\n## {blocks.competency_group(group)}\n")
        rows = [
            [link(c.name, urls.md_link(page, urls.competency(c.id))), md(c.definition)]
            for c in members
        ]
        parts.append(table([say("site.col.competency"), say("site.col.definition")], rows))
    return Page(page, title, "\n".join(parts) + "\n")


# --- legal bases ----------------------------------------------------------------------------


def citers(dataset: Dataset) -> dict[str, dict[str, set[str]]]:
    """regulation id -> article key ('' for the whole regulation) -> pages citing it."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add(refs: tuple[LegalRef, ...], page: str) -> None:
        for r in refs:
            found[r.regulation][r.article or ""].add(page)

    for position in dataset.positions.values():
        page = urls.position(position.id)
        req = position.requirements
        add(position.legal_basis, page)
        for part in (req.education, req.rank, req.performance):
            if part is not None:
                add(part.legal_basis, page)
        for item in req.experience:
            add(item.legal_basis, page)
        add(req.competencies.legal_basis, page)
    for path in dataset.paths.values():
        add(path.legal_basis, urls.path(path.id))
        for move in path.moves:
            add(move.legal_basis, urls.path(path.id))
    for competency in dataset.competencies.values():
        add(competency.legal_basis, urls.competency(competency.id))
    for family in dataset.families.values():
        add(family.legal_basis, urls.family(family.id))
    add(dataset.agency.legal_basis, urls.HOME)
    return found


def _page_title(dataset: Dataset, src: str) -> str:
    kind, _, name = src.removesuffix(".md").partition("/")
    lookup = {
        "jabatan": dataset.positions,
        "jalur": dataset.paths,
        "kompetensi": dataset.competencies,
        "jabatan-fungsional": dataset.families,
    }
    if kind == "jabatan" and name in dataset.positions:
        return blocks.position_name(dataset, name)
    entity = lookup.get(kind, {}).get(name)
    return getattr(entity, "name", say("site.home.title") if src == urls.HOME else src)


def regulation_page(
    dataset: Dataset, regulation: Regulation, citers: dict[str, dict[str, set[str]]]
) -> Page:
    page = urls.regulation(regulation.id)
    title = say(
        "site.regulation.title",
        kind=regulation.kind,
        number=regulation.number,
        year=regulation.year,
    )
    parts = [front(title), f"**{say('site.regulation.about')}** {md(regulation.title)}\n"]
    if regulation.fictional:
        notice = admonition(
            "warning", say("site.regulation.fictional_title"), say("site.regulation.fictional")
        )
        parts.append(notice + "\n")
    if regulation.status:
        parts.append(f"**{say('site.regulation.status')}** {md(regulation.status)}\n")
    if regulation.note:
        parts.append(md(regulation.note) + "\n")
    if regulation.url:
        text_link = external_link(regulation.url, regulation.url)
        parts.append(say("site.regulation.text", link=text_link) + "\n")
    cited = citers.get(regulation.id, {})
    for key, article in regulation.articles.items():
        parts.append(f"\n## {md(article.label)} {{#{key}}}\n")
        if article.summary:
            parts.append(md(article.summary) + "\n")
        if article.source:
            source_link = external_link(article.source, article.source)
            parts.append(say("site.regulation.source", link=source_link) + "\n")
        parts.append(_cited_by(dataset, page, cited.get(key, set())))
        checks = _used_by_checks(page, f"{regulation.id}#{key}")
        if checks:
            parts.append(checks)
    if cited.get(""):
        parts.append(f"\n## {say('site.regulation.cited_generally')}\n")
        parts.append(_cited_by(dataset, page, cited[""]))
    source = regulation.source or None
    return Page(page, regulation.name, "\n".join(parts) + "\n", source)


def _used_by_checks(page: str, article: str) -> str:
    """Which validation rules apply this article ('' when none): the rule code links to the
    list of codes, and what the rule checks is the catalogue's ``rule_citation`` text."""
    codes = ref.RULE_CITATIONS.get(article, ())
    if not codes:
        return ""
    rules = "; ".join(
        f"{link(code, urls.md_link(page, urls.RULES))} "
        + md(say(f"site.rule_citation.{article}.{code}"))
        for code in codes
    )
    return say("site.regulation.used_by_checks", rules=rules) + "\n"


def _cited_by(dataset: Dataset, page: str, pages: set[str]) -> str:
    if not pages:
        return emphasis(say("site.regulation.not_cited")) + "\n"
    items = sorted(pages, key=lambda src: (_page_title(dataset, src), src))
    links = [link(_page_title(dataset, src), urls.md_link(page, src)) for src in items]
    return say("site.regulation.cited_by", count=len(links), links=", ".join(links)) + "\n"


def regulation_index(dataset: Dataset) -> Page:
    page = urls.REGULATIONS
    rows = []
    for reg in sorted(dataset.regulations.values(), key=lambda r: (not r.national, r.year, r.id)):
        rows.append(
            [
                link(reg.name, urls.md_link(page, urls.regulation(reg.id))),
                md(reg.title),
                say(f"site.regulations.scope.{_scope(reg)}"),
            ]
        )
    title = say("site.regulations.title")
    headers = [say("site.col.regulation"), say("site.col.about"), say("site.col.scope")]
    return Page(
        page,
        title,
        front(title) + say("site.regulations.intro") + "\n\n" + table(headers, rows) + "\n",
    )


def _scope(regulation: Regulation) -> str:
    if regulation.national:
        return "national"
    return "fictional" if regulation.fictional else "agency"


# --- job families ---------------------------------------------------------------------------


def family_page(dataset: Dataset, family: JobFamily) -> Page:
    page = urls.family(family.id)
    parts = [
        front(say("site.family.title", name=family.name)),
        facts(
            [
                [say("site.fact.category"), _categories(family)],
                [say("site.fact.supervisor"), md(family.supervisor) or "–"],
            ]
        ),
    ]
    if family.summary:
        parts.append("\n" + md(family.summary) + "\n")
    for grade_key in _ladder(family):
        grade = family.grades.get(grade_key)
        if grade is None:
            continue
        parts.append(f"\n## {phrases.level_name(grade_key, site_language())} {{#{grade_key}}}\n")
        if grade.summary:
            parts.append(md(grade.summary) + "\n")
        holders = _by_name(
            dataset,
            (
                p
                for p in dataset.positions.values()
                if p.family == family.id and p.grade == grade_key
            ),
        )
        if holders:
            links = ", ".join(blocks.position_link(dataset, page, p.id) for p in holders)
            parts.append(say("site.family.positions", links=links) + "\n")
        parts.append(blocks.requirements_table(dataset, page, grade.requirements))
    return Page(page, family.name, "\n".join(parts) + "\n", family.source)


def family_index(dataset: Dataset) -> Page:
    page = urls.FAMILIES
    rows = [
        [
            link(f.name, urls.md_link(page, urls.family(f.id))),
            _categories(f),
            ", ".join(phrases.level_name(g, site_language()) for g in _ladder(f) if g in f.grades),
        ]
        for f in sorted(dataset.families.values(), key=lambda f: f.name)
    ]
    title = say("site.families.title")
    headers = [say("site.col.family"), say("site.col.category"), say("site.col.grades")]
    return Page(page, title, front(title) + table(headers, rows) + "\n")


def _categories(family: JobFamily) -> str:
    return ", ".join(phrases.label("kategori", c, site_language()) for c in family.categories)


def _ladder(family: JobFamily) -> tuple[str, ...]:
    """The family's possible grades from the lowest up: keterampilan, then keahlian."""
    return tuple(g for c in family.categories for g in ref.GRADES_BY_CATEGORY[c])


# --- index of positions ---------------------------------------------------------------------


def position_index(dataset: Dataset) -> Page:
    """All positions as one sortable, filterable table (plain HTML: the script in
    ``pola-karir.js`` sorts and filters it; without scripts it is still a full table)."""
    page = urls.POSITIONS
    numbers = "".join(
        f'<th data-pk-type="number">{html.escape(say(f"formasi.col.{name}"))}</th>'
        for name in ("needed", "filled", "open")
    )
    head = (
        f"<thead><tr>{_th('position')}{_th('kind')}{_th('unit')}"
        f'<th data-pk-type="number">{html.escape(say("site.col.class"))}</th>'
        f"{_th('min_education')}{numbers}</tr></thead>"
    )
    rows = []
    for position in _by_name(dataset, dataset.positions.values()):
        href = urls.ref(urls.position(position.id))
        name = blocks.position_name(dataset, position.id)
        education = position.requirements.education
        edu = phrases.education_level(education.minimum, site_language()) if education else "–"
        edu_rank = ref.EDUCATION_RANK[education.minimum] if education else 0
        tops = position.tops
        unit_names = ", ".join(_top_name(dataset, top) for top in tops)
        open_now = "ya" if position.vacancies.known else ""
        rows.append(
            f'<tr data-jenis="{attr(position.type)}" data-unit="{attr(" ".join(tops))}" '
            f'data-kelas="{position.job_class}" data-pendidikan="{attr(edu)}" '
            f'data-terbuka="{open_now}">'
            f'<td><a href="{attr(href)}">{html.escape(name)}</a></td>'
            f"<td>{html.escape(phrases.position_level(position, dataset, site_language()))}</td>"
            f"<td>{html.escape(unit_names)}</td>"
            f'<td data-pk-sort="{position.job_class}">{position.job_class}</td>'
            f'<td data-pk-sort="{edu_rank}">{html.escape(edu)}</td>'
            + "".join(
                f'<td data-pk-sort="{-1 if value.known is None else value.known}">'
                f"{html.escape(formasi.total(value))}</td>"
                for value in (position.needed, position.filled, position.vacancies)
            )
            + "</tr>"
        )
    filters = _filters(dataset)
    body = (
        f'<div class="pk-table-tools">{filters}</div>\n'
        f'<table class="pk-table" data-pk-table>{head}<tbody>{"".join(rows)}</tbody></table>'
    )
    if formasi.partial(
        value
        for position in dataset.positions.values()
        for value in (position.needed, position.filled, position.vacancies)
    ):
        body += f"\n<p><em>{html.escape(formasi.partial_note())}</em></p>"
    title = say("site.positions.title")
    intro = say("site.positions.intro", count=len(dataset.positions)) + "\n"
    markdown = front(title) + intro + "\n" + blocks.html_placeholder("daftar") + "\n"
    return Page(page, title, markdown, html_blocks=(("daftar", body),))


def _top_name(dataset: Dataset, top: str) -> str:
    return dataset.units[top].name if top in dataset.units else top


def _th(column: str) -> str:
    """A column heading: ``site.col.<column>``, or a full catalogue key."""
    key = column if "." in column else f"site.col.{column}"
    return f"<th>{html.escape(say(key))}</th>"


def _filter(label_key: str, name: str, options: str, tokens: bool = False) -> str:
    """One drop-down of the position list's filters, 'semua' (all) first. With ``tokens`` a
    row matches when the value is one of the words of its attribute (a position placed in
    several perangkat daerah lists them all)."""
    mode = " data-pk-filter-tokens" if tokens else ""
    return (
        f"<label>{html.escape(say(label_key))} "
        f'<select data-pk-filter="{name}"{mode}><option value="">'
        f"{html.escape(say('site.positions.filter.all'))}</option>{options}</select></label>"
    )


def _filters(dataset: Dataset) -> str:
    types = sorted({p.type for p in dataset.positions.values()}, key=ref.POSITION_TYPES.index)
    type_options = "".join(
        f'<option value="{attr(t)}">'
        f"{html.escape(phrases.label('jenis', t, site_language()))}</option>"
        for t in types
    )
    units = sorted({top for p in dataset.positions.values() for top in p.tops})
    unit_options = "".join(
        f'<option value="{attr(u)}">'
        f"{html.escape(dataset.units[u].name if u in dataset.units else u)}</option>"
        for u in units
    )
    classes = sorted({p.job_class for p in dataset.positions.values()})
    class_options = "".join(f'<option value="{c}">{c}</option>' for c in classes)
    levels = sorted(
        {
            p.requirements.education.minimum
            for p in dataset.positions.values()
            if p.requirements.education
        },
        key=lambda e: ref.EDUCATION_RANK[e],
    )
    labels = dict.fromkeys(phrases.education_level(e, site_language()) for e in levels)
    edu_options = "".join(
        f'<option value="{attr(label)}">{html.escape(label)}</option>' for label in labels
    )
    open_option = f'<option value="ya">{html.escape(say("formasi.filter.open"))}</option>'
    search = (
        f"<label>{html.escape(say('site.positions.filter.search'))} "
        '<input type="search" data-pk-filter="text" '
        f'placeholder="{attr(say("site.positions.filter.search_placeholder"))}"></label>'
    )
    return " ".join(
        [
            search,
            _filter("site.positions.filter.class", "kelas", class_options),
            _filter("site.positions.filter.education", "pendidikan", edu_options),
            _filter("site.positions.filter.kind", "jenis", type_options),
            _filter("site.positions.filter.unit", "unit", unit_options, tokens=True),
            _filter("formasi.filter", "terbuka", open_option),
        ]
    )


# --- printable annex ------------------------------------------------------------------------


def annex_page(dataset: Dataset) -> Page:
    """The Lampiran on the site: the same document model as the printable annex
    (:mod:`pola_karir.site.annex`), its tables as HTML blocks and each diagram as a link to
    the page that shows it. How to get the PDF ready to sign is said on screen only."""
    page = urls.ANNEX
    model = annex.annex(dataset)
    blocks_html: list[tuple[str, str]] = []
    parts = [
        front(model.title),
        f"**{md(' '.join(model.heading))}**\n",
        say("lampiran.site.note") + "\n{: .pk-screen-only }\n",
    ]
    if model.notice:
        parts.append(emphasis(md(model.notice)) + "\n")

    def add(items: Iterable[annex.Block]) -> None:
        for block in items:
            if isinstance(block, annex.Paragraph):
                parts.append(md(block.text) + "\n")
            elif isinstance(block, annex.Legend):
                continue  # the key to the diagrams is on the home and overview pages
            elif isinstance(block, annex.Table):
                name = f"tabel-{len(blocks_html) + 1}"
                blocks_html.append((name, annex_html.table_html(block)))
                parts.append(blocks.html_placeholder(name) + "\n")
            else:
                target = link(block.caption, urls.md_link(page, block.page))
                parts.append(say("lampiran.site.figure", link=target) + "\n")

    for chapter in model.chapters:
        heading = f"{say('lampiran.chapter', number=chapter.number)} {chapter.title}"
        parts.append(f"\n## {md(heading)}\n")
        add(chapter.blocks)
        for section in chapter.sections:
            parts.append(f"\n{'#' * (section.level + 1)} {md(section.heading)}\n")
            add(section.blocks)
    return Page(page, model.title, "\n".join(parts) + "\n", html_blocks=tuple(blocks_html))
