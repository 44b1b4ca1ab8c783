"""Reference pages: competency dictionary, legal bases, job families and the index pages."""

from __future__ import annotations

import html
from collections import defaultdict

from pola_karir import reference as ref
from pola_karir.model import Competency, Dataset, JobFamily, LegalRef, Position, Regulation
from pola_karir.site import blocks, urls
from pola_karir.site.pages import Page, _facts, _front
from pola_karir.site.text import attr, external_link, link, md, table
from pola_karir.text import phrases

_GROUP_LABEL = {
    "manajerial": "Manajerial",
    "sosial-kultural": "Sosial kultural",
    "teknis": "Teknis",
}


# --- competencies ---------------------------------------------------------------------------


def competency_page(dataset: Dataset, competency: Competency) -> Page:
    page = urls.competency(competency.id)
    needed: dict[int, list[Position]] = defaultdict(list)
    for position in dataset.positions.values():
        level = position.requirements.competencies.all_levels().get(competency.id)
        if level:
            needed[level].append(position)
    parts = [_front(competency.name)]
    facts = [["Kelompok", _GROUP_LABEL.get(competency.group, md(competency.group))]]
    if competency.code:
        facts.append(["Kode", md(competency.code)])
    if competency.legal_basis:
        facts.append(["Dasar hukum", blocks.citations(dataset, page, competency.legal_basis)])
    parts += [_facts(facts), "\n## Definisi\n", md(competency.definition), ""]
    for level, description in enumerate(competency.levels, start=1):
        parts.append(f"\n## Level {level} {{#level-{level}}}\n")
        parts.append(blocks.level_bar(level) + " " + md(description) + "\n")
        holders = sorted(needed.get(level, []), key=lambda p: p.name)
        if holders:
            parts.append(f"**Jabatan yang mensyaratkan level {level}** ({len(holders)}):\n")
            parts.append(", ".join(blocks.position_link(dataset, page, p.id) for p in holders))
        else:
            parts.append(f"_Tidak ada jabatan yang mensyaratkan level {level}._")
    source = None if competency.national else "kompetensi-teknis.yml"
    return Page(page, competency.name, "\n".join(parts) + "\n", source)


def competency_index(dataset: Dataset) -> Page:
    page = urls.COMPETENCIES
    parts = [
        _front("Kamus kompetensi"),
        "Kompetensi manajerial dan sosial kultural mengikuti kamus kompetensi nasional "
        "(PermenPANRB 38/2017); kompetensi teknis ditetapkan instansi. Setiap kompetensi "
        "punya 5 level; halaman kompetensi menunjukkan jabatan yang mensyaratkan tiap level.\n",
    ]
    for group, label in _GROUP_LABEL.items():
        members = [c for c in dataset.competencies.values() if c.group == group]
        if not members:
            continue
        parts.append(f"\n## {label}\n")
        rows = [
            [link(c.name, urls.md_link(page, urls.competency(c.id))), md(c.definition)]
            for c in members
        ]
        parts.append(table(["Kompetensi", "Definisi"], rows))
    return Page(page, "Kamus kompetensi", "\n".join(parts) + "\n")


# --- legal bases ----------------------------------------------------------------------------


def _citers(dataset: Dataset) -> dict[str, dict[str, set[str]]]:
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
    entity = lookup.get(kind, {}).get(name)
    return getattr(entity, "name", "Beranda" if src == urls.HOME else src)


def regulation_page(
    dataset: Dataset, regulation: Regulation, citers: dict[str, dict[str, set[str]]]
) -> Page:
    page = urls.regulation(regulation.id)
    title = f"{regulation.kind} Nomor {regulation.number} Tahun {regulation.year}"
    parts = [_front(title), f"**Tentang:** {md(regulation.title)}\n"]
    if regulation.fictional:
        parts.append(
            '!!! warning "Peraturan fiktif"\n    Peraturan ini contoh, bukan peraturan '
            "yang sungguh ada.\n"
        )
    if regulation.status:
        parts.append(f"**Status:** {md(regulation.status)}\n")
    if regulation.note:
        parts.append(md(regulation.note) + "\n")
    if regulation.url:
        parts.append("Naskah: " + external_link(regulation.url, regulation.url) + "\n")
    cited = citers.get(regulation.id, {})
    for key, article in regulation.articles.items():
        parts.append(f"\n## {md(article.label)} {{#{key}}}\n")
        if article.summary:
            parts.append(md(article.summary) + "\n")
        if article.source:
            parts.append("Sumber bacaan: " + external_link(article.source, article.source) + "\n")
        parts.append(_cited_by(dataset, page, cited.get(key, set())))
        checks = ref.RULE_CITATIONS.get(f"{regulation.id}#{key}", ())
        if checks:
            rules = "; ".join(
                f"{link(code, urls.md_link(page, urls.RULES))} {md(text)}" for code, text in checks
            )
            parts.append(f"Dipakai dalam pemeriksaan data: {rules}.\n")
    if cited.get(""):
        parts.append("\n## Dirujuk secara umum\n")
        parts.append(_cited_by(dataset, page, cited[""]))
    source = None if regulation.national else f"dasar-hukum/{regulation.id}.yml"
    return Page(page, regulation.name, "\n".join(parts) + "\n", source)


def _cited_by(dataset: Dataset, page: str, pages: set[str]) -> str:
    if not pages:
        return "_Belum dirujuk oleh data instansi ini._\n"
    items = sorted(pages, key=lambda src: (_page_title(dataset, src), src))
    links = [link(_page_title(dataset, src), urls.md_link(page, src)) for src in items]
    return f"Dirujuk oleh ({len(links)}): " + ", ".join(links) + "\n"


def regulation_index(dataset: Dataset) -> Page:
    page = urls.REGULATIONS
    rows = []
    for reg in sorted(dataset.regulations.values(), key=lambda r: (not r.national, r.year, r.id)):
        rows.append(
            [
                link(reg.name, urls.md_link(page, urls.regulation(reg.id))),
                md(reg.title),
                "nasional"
                if reg.national
                else ("instansi (fiktif)" if reg.fictional else "instansi"),
            ]
        )
    intro = (
        "Setiap syarat di situs ini menyebut pasal peraturan yang menetapkannya. "
        "Halaman peraturan menunjukkan jabatan dan jalur yang merujuk tiap pasal.\n"
    )
    return Page(
        page,
        "Dasar hukum",
        _front("Dasar hukum")
        + intro
        + "\n"
        + table(["Peraturan", "Tentang", "Lingkup"], rows)
        + "\n",
    )


# --- job families ---------------------------------------------------------------------------


def family_page(dataset: Dataset, family: JobFamily) -> Page:
    page = urls.family(family.id)
    parts = [
        _front(f"Jabatan Fungsional {family.name}"),
        _facts([["Kategori", family.category], ["Instansi pembina", md(family.supervisor) or "–"]]),
    ]
    if family.summary:
        parts.append("\n" + md(family.summary) + "\n")
    for grade_key in ref.GRADES_BY_CATEGORY[family.category]:
        grade = family.grades.get(grade_key)
        if grade is None:
            continue
        parts.append(f"\n## {phrases.level_name(grade_key)} {{#{grade_key}}}\n")
        if grade.summary:
            parts.append(md(grade.summary) + "\n")
        holders = sorted(
            (
                p
                for p in dataset.positions.values()
                if p.family == family.id and p.grade == grade_key
            ),
            key=lambda p: p.name,
        )
        if holders:
            parts.append(
                "Jabatan: "
                + ", ".join(blocks.position_link(dataset, page, p.id) for p in holders)
                + "\n"
            )
        parts.append(blocks.requirements_table(dataset, page, grade.requirements))
    return Page(page, family.name, "\n".join(parts) + "\n", f"jabatan-fungsional/{family.id}.yml")


def family_index(dataset: Dataset) -> Page:
    page = urls.FAMILIES
    rows = [
        [
            link(f.name, urls.md_link(page, urls.family(f.id))),
            f.category,
            ", ".join(
                phrases.level_name(g) for g in ref.GRADES_BY_CATEGORY[f.category] if g in f.grades
            ),
        ]
        for f in sorted(dataset.families.values(), key=lambda f: f.name)
    ]
    return Page(
        page,
        "Jabatan fungsional",
        _front("Jabatan fungsional")
        + table(["Jabatan fungsional", "Kategori", "Jenjang"], rows)
        + "\n",
    )


# --- index of positions ---------------------------------------------------------------------


def position_index(dataset: Dataset) -> Page:
    """All positions as one sortable, filterable table (plain HTML: the script in
    ``pola-karir.js`` sorts and filters it; without scripts it is still a full table)."""
    page = urls.POSITIONS
    head = (
        "<thead><tr><th>Jabatan</th><th>Jenis</th><th>Unit</th>"
        '<th data-pk-type="number">Kelas</th><th>Pendidikan minimal</th></tr></thead>'
    )
    rows = []
    for position in sorted(dataset.positions.values(), key=lambda p: p.name):
        href = urls.ref(urls.position(position.id))
        education = position.requirements.education
        edu = phrases.education_level(education.minimum) if education else "–"
        edu_rank = ref.EDUCATION_RANK[education.minimum] if education else 0
        top = position.unit.split("/")[0]
        unit_name = dataset.units[top].name if top in dataset.units else top
        rows.append(
            f'<tr data-jenis="{attr(position.type)}" data-unit="{attr(top)}" '
            f'data-kelas="{position.job_class}" data-pendidikan="{attr(edu)}">'
            f'<td><a href="{attr(href)}">{html.escape(position.name)}</a></td>'
            f"<td>{html.escape(blocks.level_label(position, dataset))}</td>"
            f"<td>{html.escape(unit_name)}</td>"
            f'<td data-pk-sort="{position.job_class}">{position.job_class}</td>'
            f'<td data-pk-sort="{edu_rank}">{html.escape(edu)}</td></tr>'
        )
    filters = _filters(dataset)
    body = (
        f'<div class="pk-table-tools">{filters}</div>\n'
        f'<table class="pk-table" data-pk-table>{head}<tbody>{"".join(rows)}</tbody></table>'
    )
    intro = (
        f"{len(dataset.positions)} jabatan. Klik judul kolom untuk mengurutkan; "
        "pakai isian di bawah untuk menyaring.\n"
    )
    markdown = _front("Daftar jabatan") + intro + "\n" + blocks.html_placeholder("daftar") + "\n"
    return Page(page, "Daftar jabatan", markdown, html_blocks=(("daftar", body),))


def _filters(dataset: Dataset) -> str:
    types = sorted(
        {p.type for p in dataset.positions.values()},
        key=lambda t: list(ref.POSITION_TYPE_LABEL).index(t),
    )
    type_options = "".join(
        f'<option value="{attr(t)}">{html.escape(ref.POSITION_TYPE_LABEL[t])}</option>'
        for t in types
    )
    units = sorted({p.unit.split("/")[0] for p in dataset.positions.values()})
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
    labels = dict.fromkeys(phrases.education_level(e) for e in levels)
    edu_options = "".join(
        f'<option value="{attr(label)}">{html.escape(label)}</option>' for label in labels
    )
    return (
        '<label>Cari <input type="search" data-pk-filter="text" placeholder="nama jabatan">'
        "</label> "
        f'<label>Kelas <select data-pk-filter="kelas"><option value="">semua</option>'
        f"{class_options}</select></label> "
        f'<label>Pendidikan <select data-pk-filter="pendidikan"><option value="">semua</option>'
        f"{edu_options}</select></label> "
        f'<label>Jenis <select data-pk-filter="jenis"><option value="">semua</option>'
        f"{type_options}</select></label> "
        f'<label>Unit <select data-pk-filter="unit"><option value="">semua</option>'
        f"{unit_options}</select></label>"
    )


# --- printable annex ------------------------------------------------------------------------


def annex_page(dataset: Dataset) -> Page:
    """The pola karier as a regulation annex: every position with its key requirements and
    every career-path step, in plain tables meant for printing (or saving as PDF)."""
    page = urls.ANNEX
    reg = dataset.agency.regulation
    heading = (
        f"LAMPIRAN {reg.kind.upper()} NOMOR {reg.number} TAHUN {reg.year} "
        f"TENTANG {reg.title.upper()}"
    )
    positions = sorted(
        dataset.positions.values(),
        key=lambda p: (
            p.unit.split("/")[0],
            -ref.LEVELS[p.level_key].tier,
            -ref.LEVELS[p.level_key].order,
            p.name,
        ),
    )
    rows = []
    for number, position in enumerate(positions, start=1):
        req = position.requirements
        top = position.unit.split("/")[0]
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(cell))}</td>"
                for cell in (
                    number,
                    position.name,
                    blocks.level_label(position, dataset),
                    dataset.units[top].name if top in dataset.units else top,
                    position.job_class,
                    phrases.education_level(req.education.minimum) if req.education else "–",
                    req.rank.minimum if req.rank else "–",
                    ", ".join(phrases.training(t, dataset) for t in req.trainings) or "–",
                )
            )
            + "</tr>"
        )
    positions_table = (
        '<table class="pk-annex"><thead><tr><th>No</th><th>Jabatan</th><th>Jenis</th>'
        "<th>Perangkat daerah</th><th>Kelas</th><th>Pendidikan min.</th><th>Golongan min.</th>"
        f"<th>Pelatihan</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    steps = []
    for path in sorted(dataset.paths.values(), key=lambda p: p.name):
        for move in path.moves:
            steps.append(
                "<tr>"
                + "".join(
                    f"<td>{html.escape(str(cell))}</td>"
                    for cell in (
                        path.name,
                        dataset.positions[move.source].name,
                        dataset.positions[move.target].name,
                        move.kind,
                        phrases.years(move.min_years) if move.min_years else "–",
                    )
                )
                + "</tr>"
            )
    steps_table = (
        '<table class="pk-annex"><thead><tr><th>Jalur</th><th>Dari</th><th>Ke</th>'
        f"<th>Jenis</th><th>Masa minimal</th></tr></thead><tbody>{''.join(steps)}</tbody></table>"
    )
    parts = [
        _front("Lampiran untuk dicetak"),
        f"**{md(heading)}**\n",
        "Cetak halaman ini (Ctrl+P) atau simpan sebagai PDF. Rincian persyaratan dan standar "
        "kompetensi setiap jabatan ada di halaman jabatannya.\n",
        "## I. Daftar jabatan dan persyaratan pokok\n",
        blocks.html_placeholder("jabatan"),
        "\n## II. Jalur karier\n",
        blocks.html_placeholder("jalur"),
    ]
    return Page(
        page,
        "Lampiran untuk dicetak",
        "\n".join(parts) + "\n",
        html_blocks=(("jabatan", positions_table), ("jalur", steps_table)),
    )
