"""One function per kind of generated page; each returns Markdown built from the model.

Pages are plain data (:class:`Page`), so they can be tested and golden-checked without MkDocs.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pola_karir import reference as ref
from pola_karir.career import compare
from pola_karir.career.routes import longest_climb
from pola_karir.model import CareerPath, Dataset, Move, Position
from pola_karir.site import blocks, diagrams, urls
from pola_karir.site.text import bullets, link, md, table
from pola_karir.text import phrases


@dataclass(frozen=True)
class Page:
    src: str
    title: str
    markdown: str
    source_file: str | None = None  # data file to edit, relative to the data folder
    diagrams: tuple[diagrams.Diagram, ...] = ()
    # Large ready-made HTML (already escaped), put in after Markdown conversion: see
    # build.embed_blocks. Keeps big tables out of the (slow) Markdown parser.
    html_blocks: tuple[tuple[str, str], ...] = ()


def _front(title: str) -> str:
    """Front matter and heading. The theme prints ``title`` into <title> and the nav as HTML
    without escaping, so the front-matter title is HTML-escaped (and JSON-quoted for YAML)."""
    return (
        f"---\ntitle: {json.dumps(html.escape(title), ensure_ascii=False)}\n---\n\n# {md(title)}\n"
    )


def _facts(rows: list[list[str]]) -> str:
    """Key facts as a short list: reads well on a phone, unlike a two-column table."""
    return "\n".join(f"- **{label}:** {value}" for label, value in rows) + "\n"


def _fictional_notice(dataset: Dataset) -> str:
    if not (dataset.agency.fictional or dataset.agency.regulation.fictional):
        return ""
    return (
        '!!! warning "Data contoh"\n    Instansi dan peraturan pola kariernya dalam situs ini '
        "**fiktif**, dibuat sebagai contoh. Peraturan nasional yang dirujuk adalah nyata.\n"
    )


def _moves_from(dataset: Dataset, position_id: str) -> list[Move]:
    return sorted(
        dataset.moves_from(position_id),
        key=lambda m: (m.target, m.kind, m.path),
    )


def _moves_to(dataset: Dataset, position_id: str) -> list[Move]:
    return sorted(
        dataset.moves_to(position_id),
        key=lambda m: (m.source, m.kind, m.path),
    )


def _unit_name(dataset: Dataset, unit_id: str) -> str:
    names = []
    for depth in range(unit_id.count("/") + 1):
        key = "/".join(unit_id.split("/")[: depth + 1])
        names.append(dataset.units[key].name if key in dataset.units else key)
    return " › ".join(reversed(names))


def _unit_link(dataset: Dataset, page: str, unit_id: str) -> str:
    top = unit_id.split("/")[0]
    return link(
        _unit_name(dataset, unit_id), urls.md_link(page, urls.unit(top), unit_id.replace("/", "--"))
    )


# --- position -------------------------------------------------------------------------------


def position_page(dataset: Dataset, position: Position) -> Page:
    page = urls.position(position.id)
    facts = [
        ["Jenis jabatan", md(blocks.level_label(position, dataset))],
        ["Unit kerja", _unit_link(dataset, page, position.unit)],
        ["Kelas jabatan", str(position.job_class)],
    ]
    if position.family and position.family in dataset.families:
        family = dataset.families[position.family]
        facts.append(
            ["Jabatan fungsional", link(family.name, urls.md_link(page, urls.family(family.id)))]
        )
    if position.legal_basis:
        facts.append(["Dasar hukum", blocks.citations(dataset, page, position.legal_basis)])
    neighbourhood = diagrams.neighbourhood(dataset, position)
    parts = [
        _front(position.name),
        _facts(facts),
        "\n## Ikhtisar jabatan\n",
        md(position.summary),
    ]
    if position.duties:
        parts += ["\n## Tugas\n", bullets(md(d) for d in position.duties)]
    if position.note:
        parts += ['\n!!! note "Keterangan"\n    ' + md(position.note)]
    parts += [
        "\n## Persyaratan jabatan\n",
        blocks.requirements_table(dataset, page, position.requirements),
        "\n## Standar kompetensi\n",
        blocks.competency_table(dataset, page, position.requirements),
        "\n## Jalur karier\n",
        blocks.diagram_placeholder(
            neighbourhood,
            "Jabatan asal dan tujuan dari jabatan ini. "
            "Klik sebuah jabatan untuk membuka halamannya.",
        ),
        _next_steps(dataset, page, position),
        _previous_steps(dataset, page, position),
    ]
    return Page(
        page, position.name, "\n".join(parts) + "\n", f"jabatan/{position.id}.yml", (neighbourhood,)
    )


def _move_facts(dataset: Dataset, page: str, move: Move) -> str:
    facts = [f"perpindahan **{move.kind}**"]
    if move.min_years:
        facts.append(f"paling singkat {md(phrases.years(move.min_years))} di jabatan asal")
    if move.path in dataset.paths:
        facts.append(
            "jalur " + link(dataset.paths[move.path].name, urls.md_link(page, urls.path(move.path)))
        )
    text = "; ".join(facts) + "."
    if move.conditions:
        text += " Syarat tambahan: " + "; ".join(md(c.rstrip(". ")) for c in move.conditions) + "."
    if move.legal_basis:
        text += " Dasar hukum: " + blocks.citations(dataset, page, move.legal_basis) + "."
    return text


def _next_steps(dataset: Dataset, page: str, position: Position) -> str:
    moves = _moves_from(dataset, position.id)
    if not moves:
        return "\n### Langkah berikutnya\n\n_Belum ada jalur keluar dari jabatan ini._\n"
    parts = ["\n### Langkah berikutnya\n"]
    for move in moves:
        target = dataset.positions[move.target]
        parts.append(f"\n#### Ke {blocks.position_link(dataset, page, target.id)}\n")
        parts.append(_move_facts(dataset, page, move) + "\n")
        changes = compare.changes(dataset, position, target)
        if changes:
            parts.append("**Yang perlu dipersiapkan:**\n")
            parts.append(
                table(
                    ["Aspek", "Sekarang", "Dibutuhkan"],
                    [[md(c.subject), md(c.current), md(c.required)] for c in changes],
                )
            )
        else:
            parts.append("_Tidak ada syarat tambahan di luar syarat jabatan sekarang._")
    return "\n".join(parts)


def _previous_steps(dataset: Dataset, page: str, position: Position) -> str:
    moves = _moves_to(dataset, position.id)
    if not moves:
        return "\n### Jabatan asal\n\n_Belum ada jalur menuju jabatan ini._\n"
    rows = [
        [
            blocks.position_link(dataset, page, m.source),
            m.kind,
            md(phrases.years(m.min_years)) if m.min_years else "–",
        ]
        for m in moves
    ]
    return "\n### Jabatan asal\n\n" + table(["Dari jabatan", "Jenis", "Masa paling singkat"], rows)


# --- career paths ---------------------------------------------------------------------------


def path_page(dataset: Dataset, path: CareerPath) -> Page:
    page = urls.path(path.id)
    diagram = diagrams.career_path(dataset, path.id)
    rows = [
        [
            blocks.position_link(dataset, page, m.source),
            blocks.position_link(dataset, page, m.target),
            m.kind,
            md(phrases.years(m.min_years)) if m.min_years else "–",
            "; ".join(md(c.rstrip(". ")) for c in m.conditions),
        ]
        for m in path.moves
    ]
    parts = [_front(path.name)]
    if path.description:
        parts.append(md(path.description) + "\n")
    if path.legal_basis:
        parts.append("Dasar hukum: " + blocks.citations(dataset, page, path.legal_basis) + "\n")
    parts += [
        blocks.diagram_placeholder(
            diagram,
            "Diagram jalur: bawah ke atas = naik jabatan. Klik "
            "sebuah jabatan untuk membuka halamannya.",
        ),
        "\n## Langkah-langkah\n",
        table(["Dari", "Ke", "Jenis", "Masa paling singkat", "Syarat tambahan"], rows),
        "\n" + _minimum_total(dataset, page, path),
    ]
    return Page(page, path.name, "\n".join(parts) + "\n", f"jalur/{path.id}.yml", (diagram,))


def _minimum_total(dataset: Dataset, page: str, path: CareerPath) -> str:
    chain, total = longest_climb(path)
    if not chain:
        if any(m.kind != "horizontal" for m in path.moves):
            return (
                "_Perpindahan naik di jalur ini berputar kembali, sehingga waktu dari bawah "
                "ke puncak tidak dapat dihitung._\n"
            )
        return "_Jalur ini hanya berisi perpindahan horizontal (setara)._\n"
    steps = " → ".join(
        [
            blocks.position_link(dataset, page, chain[0].source),
            *(blocks.position_link(dataset, page, m.target) for m in chain),
        ]
    )
    return (
        f"## Waktu paling singkat dari bawah ke puncak\n\n{steps}\n\n"
        f"Paling singkat **{md(phrases.years(total))}** menurut masa jabatan minimal "
        "setiap langkah (syarat lain seperti golongan dan pelatihan dapat menambah waktu).\n"
    )


# --- units ----------------------------------------------------------------------------------


def unit_page(dataset: Dataset, top_id: str) -> Page:
    page = urls.unit(top_id)
    unit = dataset.units[top_id]
    diagram = diagrams.unit_map(dataset, top_id)
    by_unit: dict[str, list[Position]] = defaultdict(list)
    for position in dataset.positions.values():
        by_unit[position.unit].append(position)
    parts = [_front(unit.name)]
    if unit.description:
        parts.append(md(unit.description) + "\n")
    parts += [
        "## Peta jabatan\n",
        '<div class="pk-zoom" data-pk-zoom>',
        blocks.diagram_placeholder(
            diagram,
            "Peta jabatan: jabatan per unit, dari bawah ke atas menurut tingkatnya. "
            "Klik sebuah jabatan untuk membuka halamannya.",
        ),
        "</div>\n",
        "\n## Unit dan jabatan\n",
    ]
    for unit_id in _walk_units(dataset, top_id):
        sub = dataset.units[unit_id]
        heading = "#" * min(6, 3 + sub.depth)
        parts.append(f"\n{heading} {md(sub.name)} {{#{unit_id.replace('/', '--')}}}\n")
        members = sorted(
            by_unit.get(unit_id, []),
            key=lambda p: (-ref.LEVELS[p.level_key].tier, -ref.LEVELS[p.level_key].order, p.name),
        )
        if members:
            parts.append(
                bullets(
                    f"{blocks.position_link(dataset, page, p.id)} "
                    f"({md(blocks.level_label(p, dataset))}, kelas {p.job_class})"
                    for p in members
                )
            )
        else:
            parts.append("_Belum ada jabatan yang dicatat di unit ini._")
    return Page(page, unit.name, "\n".join(parts) + "\n", f"unit/{top_id}.yml", (diagram,))


def _walk_units(dataset: Dataset, unit_id: str) -> Iterable[str]:
    yield unit_id
    for child in dataset.units[unit_id].children:
        if child in dataset.units:
            yield from _walk_units(dataset, child)
