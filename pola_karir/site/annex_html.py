"""The annex (:mod:`pola_karir.site.annex`) as one self-contained, printable HTML document.

Print layout is CSS Paged Media, which WeasyPrint lays out (``pola-karir lampiran --pdf``) and
a browser follows when printing the HTML: A4 pages with the regulation in a running header
from page 2 on, "Halaman X dari Y" at the foot, and named ``landscape`` pages for the parts
whose diagram is drawn larger across the paper or whose table has many columns. Chapters
start on a new page; the closing block follows the last table on its page.

Nothing is fetched: the style sheet is inline, the diagrams are inline SVG (their links to
the site's pages are removed: a printed annex has no site), and a Content-Security-Policy
forbids any other source to a browser that opens the file. Every string from the data is
HTML-escaped here, and text put into CSS (the running header) is CSS-escaped character by
character, so no value can end its string.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Final

from pola_karir.site import diagrams
from pola_karir.site.annex import (
    Annex,
    Block,
    Chapter,
    Closing,
    Figure,
    Legend,
    Paragraph,
    Table,
)
from pola_karir.site.page import say, site_language

# The room a diagram may take: A4 less the page margins of assets/lampiran.css (22 mm top and
# bottom, 18 mm left and right), less its heading and caption.
FIGURE_ROOM: Final = {"portrait": (174.0, 200.0), "landscape": (261.0, 112.0)}
MM_PER_PT: Final = 25.4 / 72

_VIEWBOX = re.compile(r'viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) ([0-9.]+)"')
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_SIZE_ATTRS = re.compile(r'\s(?:style|width|height)="[^"]*"')
# Links of the site's diagrams (pk-src: tokens to pages): a printed annex links nowhere.
# Ids too: Graphviz numbers the nodes of every diagram alike (node1, edge1), and one document
# holds many diagrams; nothing in its SVG refers to them.
_LINK_ATTRS = re.compile(r'\s(?:xlink:href|href|target|xlink:title|id)="[^"]*"')


@dataclass(frozen=True)
class _Group:
    """Headings and the blocks under them, laid out on pages of one orientation."""

    headings: tuple[str, ...]  # HTML
    blocks: tuple[Block, ...]
    chapter_start: bool


def css_string(value: str) -> str:
    """A CSS string literal for any text: every character but letters, digits and spaces is
    written as a hex escape, so no quote, backslash or newline can end it."""
    escaped = "".join(
        char if (char.isascii() and char.isalnum()) or char == " " else f"\\{ord(char):x} "
        for char in value
    )
    return f'"{escaped}"'


def _page_number_css() -> str:
    """``content`` for the page-number box from the catalogue's "Halaman {page} dari {pages}"."""
    marker = "\x00"
    template = say("lampiran.page_number", page=f"{marker}p{marker}", pages=f"{marker}n{marker}")
    parts = []
    for index, piece in enumerate(template.split(marker)):
        if index % 2:
            parts.append("counter(page)" if piece == "p" else "counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def stylesheet(running_header: str) -> str:
    """The print style sheet (``assets/lampiran.css``) and the page's margin boxes, whose
    contents come from the data and the catalogue."""
    sheet = (resources.files("pola_karir.site") / "assets" / "lampiran.css").read_text(
        encoding="utf-8"
    )
    boxes = (
        f"@page {{ @top-center {{ content: {css_string(running_header)}; }} "
        f"@bottom-right {{ content: {_page_number_css()}; }} }}"
    )
    return f"{sheet}\n{boxes}\n"


def _svg_size(svg: str) -> tuple[float, float] | None:
    """The diagram's natural size in millimetres, from its viewBox (Graphviz points)."""
    box = _VIEWBOX.search(svg)
    if box is None:
        return None
    return float(box.group(1)) * MM_PER_PT, float(box.group(2)) * MM_PER_PT


def _scale(size: tuple[float, float], orientation: str) -> float:
    room_w, room_h = FIGURE_ROOM[orientation]
    return min(1.0, room_w / size[0], room_h / size[1])


def orientation_of(svg: str) -> str:
    """The page orientation on which the diagram is drawn larger (portrait when equal)."""
    size = _svg_size(svg)
    if size is None:
        return "portrait"
    return "landscape" if _scale(size, "landscape") > _scale(size, "portrait") else "portrait"


def printable_svg(svg: str, orientation: str) -> str:
    """The SVG sized for its page (as large as fits, never above its natural size), without
    the site's links."""
    size = _svg_size(svg)
    opening = _SVG_OPEN.search(svg)
    if size is None or opening is None:
        return _LINK_ATTRS.sub("", svg)
    scale = _scale(size, orientation)
    width, height = size[0] * scale, size[1] * scale
    tag = _SIZE_ATTRS.sub("", opening.group(0))
    tag = tag.replace("<svg", f'<svg style="width:{width:.1f}mm;height:{height:.1f}mm"', 1)
    body = svg[: opening.start()] + tag + svg[opening.end() :]
    return _LINK_ATTRS.sub("", body)


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def table_html(table: Table) -> str:
    def cells(values: Sequence[str], tag: str) -> str:
        return "".join(
            f"<{tag}{' class=num' if index in table.numeric else ''}>"
            f"{'<br>'.join(_esc(line) for line in value.split(chr(10)))}</{tag}>"
            for index, value in enumerate(values)
        )

    foot = f"<tfoot><tr>{cells(table.footer, 'td')}</tr></tfoot>" if table.footer else ""
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in table.rows)
    return (
        f"<table><thead><tr>{cells(table.columns, 'th')}</tr></thead>"
        f"<tbody>{body}</tbody>{foot}</table>"
    )


def _block(block: Block, svgs: Mapping[str, str], orientation: str) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_esc(block.text)}</p>"
    if isinstance(block, Table):
        return table_html(block)
    if isinstance(block, Legend):
        return diagrams.legend_html()
    svg = svgs.get(block.diagram.name, "")
    caption = f"<figcaption>{_esc(block.caption)}</figcaption>"
    return f"<figure>{printable_svg(svg, orientation)}{caption}</figure>"


def _orientation(blocks: Iterable[Block], svgs: Mapping[str, str]) -> str:
    for block in blocks:
        if isinstance(block, Table) and block.wide:
            return "landscape"
        if isinstance(block, Figure) and orientation_of(svgs.get(block.diagram.name, "")) == (
            "landscape"
        ):
            return "landscape"
    return "portrait"


def _groups(chapter: Chapter) -> list[_Group]:
    """The chapter as groups of pages of one orientation. Headings with only paragraphs under
    them join the next group, so a heading never stands alone on a page of its own."""
    raw = [
        _Group(
            (
                f"<h1>{_esc(say('lampiran.chapter', number=chapter.number))}<br>"
                f"{_esc(chapter.title)}</h1>",
            ),
            chapter.blocks,
            True,
        ),
        *(
            _Group((f"<h{s.level}>{_esc(s.heading)}</h{s.level}>",), s.blocks, False)
            for s in chapter.sections
        ),
    ]
    merged: list[_Group] = []
    pending: _Group | None = None
    for group in raw:
        if pending is not None:
            group = _Group(
                (*pending.headings, *_paragraphs_html(pending.blocks), *group.headings),
                group.blocks,
                pending.chapter_start,
            )
            pending = None
        if all(isinstance(b, Paragraph) for b in group.blocks):
            pending = group
        else:
            merged.append(group)
    if pending is not None:
        merged.append(pending)
    return merged


def _paragraphs_html(blocks: Iterable[Block]) -> tuple[str, ...]:
    """Paragraphs that lead into the next heading's content: kept on its page."""
    return tuple(f'<p class="lead">{_esc(b.text)}</p>' for b in blocks if isinstance(b, Paragraph))


def _blank_or(value: str) -> str:
    return _esc(value) if value else '<span class="blank"></span>'


def closing_html(closing: Closing) -> str:
    marker = "\x00"

    def line(key: str, name: str, value: str) -> str:
        words = _esc(say(key, **{name: marker}))
        return words.replace(marker, _blank_or(value))

    return (
        '<div class="closing">'
        f"<p>{line('lampiran.closing.place', 'place', closing.place)}</p>"
        f"<p>{line('lampiran.closing.date', 'date', closing.date)}</p>"
        f'<p class="title">{_blank_or(closing.title)},</p>'
        f'<p class="name">{_blank_or(closing.name)}</p>'
        "</div>"
    )


def document(annex: Annex, svgs: Mapping[str, str]) -> str:
    """The whole annex as one HTML document; ``svgs`` are the rendered diagrams by name."""
    head = "".join(f"<p>{_esc(line)}</p>" for line in annex.heading)
    notice = f'<p class="notice">{_esc(annex.notice)}</p>' if annex.notice else ""
    parts: list[str] = []
    groups = [group for chapter in annex.chapters for group in _groups(chapter)]
    for index, group in enumerate(groups):
        orientation = _orientation(group.blocks, svgs)
        classes = orientation + (" chapter-start" if group.chapter_start and index else "")
        body = "".join(
            (
                *group.headings,
                *(_block(block, svgs, orientation) for block in group.blocks),
            )
        )
        if index == 0:
            body = f'<div class="annex-head">{head}</div>{notice}{body}'
        if index == len(groups) - 1:
            body += closing_html(annex.closing)
        parts.append(f'<div class="{classes}">{body}</div>')
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (
        f'<!DOCTYPE html>\n<html lang="{site_language()}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f"<title>{_esc(annex.title)}</title><style>{stylesheet(annex.running_header)}</style>"
        f"</head><body>{''.join(parts)}</body></html>\n"
    )
