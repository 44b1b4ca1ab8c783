"""Direct conversion of the plugin's own generated pages: part of the MkDocs adapter.

Python-Markdown is general: every page pays for a parser of all of Markdown, a tree, a dozen
tree passes and a serializer. The generated pages use a small, known part of it (see
:mod:`pola_karir.site.text`, :mod:`pola_karir.site.page`): headings with ``{#id}``, paragraphs,
tight ``-`` lists, pipe tables, admonitions (``!!!``), collapsible details (``???``), links
between source pages, ``**strong**`` and ``_emphasis_``, backslash escapes, entities, inline
HTML tags and one-line raw HTML blocks (the placeholders of diagrams and ready-made blocks).
:func:`convert` turns exactly that part into the HTML, table of contents, title and anchors
that ``Page.render`` would leave, and returns None for anything else: one construct it does not
model sends the whole page back to MkDocs. The data's text never adds a construct (it is
escaped), so the pages fall back only where the generator itself writes something new.

What MkDocs and Python-Markdown decide stays theirs: every link is rewritten (and checked,
and logged) by MkDocs' own ``_RelativePathTreeprocessor.path_to_url``, in document order;
heading ids come from the ``toc`` extension's ``slugify`` and ``unique``; the toc name and the
page title are made by their own tag-stripping helpers; the ids in raw HTML are found by
MkDocs' own parser of raw HTML; which tags are block-level is Python-Markdown's answer.

Two guards keep it honest (:mod:`pola_karir.mkdocs_fastpath` applies them): :func:`supported`
accepts only the Markdown configurations the plugin sets up and the releases the byte-for-byte
comparison (``tests/site/test_direct.py``) was run against; and in every build one page of each
kind is converted both ways first, any difference turning the direct path off for the build.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from typing import TYPE_CHECKING, Any, Final

import markdown  # type: ignore[import-untyped]
from markdown import inlinepatterns
from markdown.extensions.toc import (  # type: ignore[import-untyped]
    nest_toc_tokens,
    slugify,
    strip_tags,
    unique,
)
from mkdocs.structure.pages import _HTMLHandler
from mkdocs.utils.rendering import _strip_tags as title_text

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# The releases the direct conversion was compared with, byte for byte (tests/site/test_direct.py).
VERIFIED: Final = {
    "mkdocs": frozenset({"1.6.0", "1.6.1"}),
    "markdown": frozenset({"3.11.3"}),
    "pymdown-extensions": frozenset({"10.21.3", "13.1.2"}),
}
# Extensions whose presence changes nothing on the generated pages (nothing of theirs appears
# in them; a fence or an indented code block sends the page back to MkDocs) or whose work is
# modelled here, with the options (mdx_configs) allowed for each: None, any.
KNOWN_EXTENSIONS: Final[Mapping[str, frozenset[str] | None]] = {
    "toc": frozenset(),
    "tables": frozenset(),
    "fenced_code": frozenset(),
    "attr_list": frozenset(),
    "admonition": frozenset(),
    "pymdownx.details": frozenset(),
    "pymdownx.highlight": None,
    "pymdownx.superfences": None,
}
REQUIRED_EXTENSIONS: Final = frozenset({"toc", "tables", "attr_list", "admonition"})

Rewrite = Callable[[str], str]


@dataclass(frozen=True)
class Converted:
    """What ``Page.render`` leaves for one page, before the plugin's page-content step."""

    html: str
    toc: list[Any]  # [name, id, level, children], as mkdocs_fastpath stores it
    title: str | None
    anchors: frozenset[str]


class Unsupported(Exception):
    """A construct outside the modelled subset: the page goes to MkDocs. Raised bare (the
    comment at each raise says which construct): it never reaches a reader."""


# --- the gate --------------------------------------------------------------------------------


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def unverified_releases() -> list[str]:
    """The installed releases the direct conversion was not compared with ("name version")."""
    return [
        f"{name} {_version(name)}"
        for name, versions in VERIFIED.items()
        if _version(name) not in versions
    ]


def unknown_configuration(extensions: Sequence[Any], configs: Mapping[str, Any]) -> list[str]:
    """The Markdown extensions (or their options) outside the known configurations."""
    found: list[str] = []
    names: set[str] = set()
    for extension in extensions:
        if not isinstance(extension, str):
            found.append(type(extension).__name__)
            continue
        short = extension.removeprefix("markdown.extensions.")
        names.add(short)
        if short not in KNOWN_EXTENSIONS:
            found.append(extension)
    for name, options in configs.items():
        allowed = KNOWN_EXTENSIONS.get(name.removeprefix("markdown.extensions."), frozenset())
        if allowed is not None and set(options or {}) - allowed:
            found.append(f"{name} ({', '.join(sorted(options))})")
    found.extend(sorted(REQUIRED_EXTENSIONS - names))
    return found


def supported(config: MkDocsConfig) -> list[str]:
    """Why the direct conversion may not run with ``config`` (empty: it may)."""
    return unverified_releases() + unknown_configuration(
        config.markdown_extensions, config.mdx_configs or {}
    )


@cache
def _markdown_facts() -> tuple[frozenset[str], Callable[[str], bool]]:
    """Python-Markdown's own escapable characters (with the tables extension's ``|``) and its
    list of block-level tags, asked once per process."""
    md = markdown.Markdown(extensions=["tables"])
    return frozenset(md.ESCAPED_CHARS), md.is_block_level


# --- inline ----------------------------------------------------------------------------------

# Python-Markdown's own inline patterns, compiled as its InlineProcessor compiles them.
_ESCAPE = re.compile(inlinepatterns.ESCAPE_RE, re.DOTALL | re.UNICODE)
_HTML_TAG = re.compile(inlinepatterns.HTML_RE, re.DOTALL | re.UNICODE)
_ENTITY = re.compile(inlinepatterns.ENTITY_RE, re.DOTALL | re.UNICODE)
_AUTOLINK = re.compile(inlinepatterns.AUTOLINK_RE, re.DOTALL | re.UNICODE)
_MAIL = re.compile(inlinepatterns.AUTOMAIL_RE, re.DOTALL | re.UNICODE)
# A link between source pages as the generator writes it: escaped label, id-made target.
_LINK = re.compile(r"\[([^\[\]]*)\]\(([A-Za-z0-9_./#-]+)\)")
_STRONG = re.compile(r"(\*{2})(.+?)\1", re.DOTALL)
_EMPHASIS = re.compile(r"(?<!\w)(_)(?!_)(.+?)(?<!_)\1(?!\w)", re.DOTALL)
_SLOT = re.compile("\x02([0-9]+)\x03")
# Text in which no inline pattern can start and the serializer escapes nothing.
_PLAIN = re.compile(r"[^\\`\[\]<>&*_{}!:/@]*")
_HREF = re.compile("\x00([0-9]+)\x00")
_AMP = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)


def escape_text(text: str) -> str:
    """Text as Python-Markdown's serializer writes it."""
    if "&" in text:
        text = _AMP.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(value: str) -> str:
    return escape_text(value).replace('"', "&quot;")


class _Inline:
    """One page's inline conversion, in Python-Markdown's order of patterns: escapes, links,
    raw HTML and entities, strong, emphasis. Finished pieces wait in ``slots`` behind
    placeholders that, like Python-Markdown's own, are neither word characters nor markup."""

    def __init__(self, hrefs: list[str]) -> None:
        self.hrefs = hrefs
        self.escapable, _ = _markdown_facts()

    def convert(self, text: str) -> str:
        if "  \n" in text or "![" in text:
            raise Unsupported  # line break or image
        if _PLAIN.fullmatch(text):  # most table cells: no pattern can match, nothing to escape
            return text
        slots: list[str] = []

        def slot(piece: str) -> str:
            slots.append(piece)
            return f"\x02{len(slots) - 1}\x03"

        def escape(match: re.Match[str]) -> str:
            char = match.group(1)
            if char not in self.escapable:
                return match.group(0)
            if char in "<>&":
                raise Unsupported  # escaped markup character
            return slot(char)

        def link(match: re.Match[str]) -> str:
            self.hrefs.append(match.group(2))
            label = self._rest(match.group(1), slots, slot)
            return slot(f'<a href="\x00{len(self.hrefs) - 1}\x00">{label}</a>')

        if "\\" in text:
            text = _ESCAPE.sub(escape, text)
        if "`" in text:  # one not escaped: Python-Markdown's code span pattern comes first
            raise Unsupported  # code span
        if "[" in text:
            text = _LINK.sub(link, text)
        return self._rest(text, slots, slot)

    def _rest(self, text: str, slots: list[str], slot: Callable[[str], str]) -> str:
        """Raw HTML and entities, then strong, then emphasis; what is left must be plain."""
        if "[" in text or "]" in text or "{" in text or "}" in text:
            raise Unsupported  # bracket or brace outside a modelled construct

        def tag(match: re.Match[str]) -> str:
            raw = match.group(0)
            if "\x02" in raw:
                raise Unsupported  # markup inside a tag
            return slot(raw)

        if "<" in text:
            if _AUTOLINK.search(text) or _MAIL.search(text):
                raise Unsupported  # autolink
            text = _HTML_TAG.sub(tag, text)
        if "&" in text:
            text = _ENTITY.sub(lambda m: slot(m.group(0)), text)
        text = self._pairs(text, "*", _STRONG, slot, slots)
        text = self._pairs(text, "_", _EMPHASIS, slot, slots)
        return self._finish(text, slots)

    def _pairs(
        self,
        text: str,
        char: str,
        pattern: re.Pattern[str],
        slot: Callable[[str], str],
        slots: list[str],
    ) -> str:
        """Python-Markdown's strong (``**``) or emphasis (``_``) pass, for text whose markers
        all pair up in that one form; anything else is not modelled."""
        if char not in text:
            return text
        if char * 3 in text or (char == "_" and "__" in text):
            raise Unsupported  # three markers in a row, or a double underscore
        element = "strong" if char == "*" else "em"
        out: list[str] = []
        position = 0
        while (found := text.find(char, position)) >= 0:
            match = pattern.match(text, found)
            if match is None:
                raise Unsupported  # a marker without its pair
            inner = match.group(2)
            if inner[0].isspace() or inner[-1].isspace():
                # a run before a space cannot open, after one cannot close (its delimiter rules)
                raise Unsupported  # a marker beside a space
            if element == "strong":
                inner = self._pairs(inner, "_", _EMPHASIS, slot, slots)
            out.append(text[position:found])
            out.append(slot(f"<{element}>{self._finish(inner, slots)}</{element}>"))
            position = match.end()
        out.append(text[position:])
        return "".join(out)

    @staticmethod
    def _finish(text: str, slots: list[str]) -> str:
        """Text escaped as the serializer does, with the finished pieces put back."""
        parts = _SLOT.split(text)
        out = []
        for index, part in enumerate(parts):
            if index % 2:
                out.append(slots[int(part)])
            elif "*" in part or "_" in part:
                raise Unsupported  # unpaired emphasis marker
            else:
                out.append(escape_text(part))
        return "".join(out)


# --- blocks ----------------------------------------------------------------------------------

_HEADING = re.compile(r"(#{1,6})[ ]+(.*?)$")
_HEADING_ID = re.compile(r"^(.*?)[ ]+\{#([A-Za-z0-9-]+)\}$")
_ADMONITION = re.compile(r'!!! ([\w\-]+) "([^"\n]*)"$')
_DETAILS = re.compile(r'\?\?\? ([\w\-]+) "([^"\n]*)"$')
_LIST_ITEM = re.compile(r"- (\S.*)$")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_SEPARATOR_CELL = re.compile(r" *-+ *")
_CELL = re.compile(r"((?:\\.|[^\\|])*)\|")
# Lines that start a block of their own in Python-Markdown (or might: kept out of paragraphs
# and list items): headings, quotes, lists, rules, fences, references, admonitions, details.
_BLOCK_START = re.compile(
    r"[ ]{0,3}(?:#|>|[*+-](?:[ ]|$)|\d+[.)]|([-*_])(?:[ ]*\1){2,}[ ]*$|```|~~~|\[[^\]]*\]:"
    r"|!!!|\?\?\?|[ ]|=+[ ]*$|-+[ ]*$)"
)


@dataclass
class _Heading:
    level: int
    inner: str
    explicit: str | None
    id: str = ""


class _Page:
    def __init__(self) -> None:
        self.hrefs: list[str] = []
        self.inline = _Inline(self.hrefs)
        self.headings: list[_Heading] = []
        self.first: str | None = None  # the first element's tag (the title is an h1's text)
        _, self.block_level = _markdown_facts()

    def blocks(self, lines: list[str], top: bool) -> list[str]:
        """The elements of ``lines`` (blank-line separated chunks), each as its HTML."""
        chunks: list[list[str]] = [[]]
        for line in lines:
            if line.strip(" "):  # Python-Markdown empties lines of spaces only, nothing else
                chunks[-1].append(line)
            elif chunks[-1]:
                chunks.append([])
        out: list[str] = []
        previous = ""
        for chunk in self._split_headings(filter(None, chunks)):
            kind, piece = self.chunk(chunk, top)
            if kind == "ul" and previous == "ul":
                raise Unsupported  # list after list: a loose list
            if top and self.first is None:
                self.first = kind
            previous = kind
            out.append(piece)
        return out

    @staticmethod
    def _split_headings(chunks: Iterable[list[str]]) -> Iterator[list[str]]:
        """A heading ends its chunk: what follows it is a chunk of its own, as Python-Markdown's
        heading processor hands it back."""
        for chunk in chunks:
            while chunk[0].startswith("#") and len(chunk) > 1:
                yield chunk[:1]
                chunk = chunk[1:]
            yield chunk

    def chunk(self, lines: list[str], top: bool) -> tuple[str, str]:
        first = lines[0]
        if first.startswith((" ", "\t")):
            raise Unsupported  # indented block
        if first.startswith("#"):
            return "h", self.heading(lines)
        if first.startswith("- "):
            return "ul", self.bullets(lines)
        if first.startswith("|"):
            return "table", self.table(lines)
        if first.startswith("!!!"):
            return "div", self.container(lines, _ADMONITION, "admonition")
        if first.startswith("???"):
            return "details", self.container(lines, _DETAILS, "details")
        if first.startswith("<") and (raw := self.raw(lines, top)) is not None:
            return "raw", raw
        return "p", self.paragraph(lines)

    def heading(self, lines: list[str]) -> str:
        match = _HEADING.fullmatch(lines[0])
        if len(lines) != 1 or match is None or match.group(2).endswith(("#", " ")):
            raise Unsupported  # heading form
        text = match.group(2)
        explicit = None
        if with_id := _HEADING_ID.match(text):  # any other brace is refused inline
            text, explicit = with_id.group(1), with_id.group(2)
        inner = self.inline.convert(text.strip())
        heading = _Heading(len(match.group(1)), inner, explicit)
        self.headings.append(heading)
        index = len(self.headings) - 1
        return f"\x01{index}\x01"

    def bullets(self, lines: list[str]) -> str:
        items = []
        for line in lines:
            match = _LIST_ITEM.fullmatch(line)
            item = match.group(1) if match else ""
            if not item or _BLOCK_START.match(item) or item != item.rstrip():
                raise Unsupported  # list item form
            items.append(f"<li>{self.inline.convert(item)}</li>\n")
        return "<ul>\n" + "".join(items) + "</ul>"

    def table(self, lines: list[str]) -> str:
        rows = [self._cells(line) for line in lines]
        if len(rows) < 3 or not all(_SEPARATOR_CELL.fullmatch(c) for c in rows[1]):
            raise Unsupported  # table form
        width = len(rows[0])
        if any(len(row) != width for row in rows):
            raise Unsupported  # ragged table

        def row(cells: list[str], tag: str) -> str:
            inner = "".join(f"<{tag}>{self.inline.convert(c.strip(' '))}</{tag}>\n" for c in cells)
            return f"<tr>\n{inner}</tr>\n"

        head = row(rows[0], "th")
        body = "".join(row(cells, "td") for cells in rows[2:])
        return f"<table>\n<thead>\n{head}</thead>\n<tbody>\n{body}</tbody>\n</table>"

    @staticmethod
    def _cells(line: str) -> list[str]:
        """A row's cells split as the tables extension splits them: at each ``|`` that is not
        backslash-escaped (an escape is a backslash and the character after it)."""
        if not line.startswith("|") or not line.endswith("|") or len(line) < 2:
            raise Unsupported  # table row form
        inner = line[1:-1]
        if "\\" not in inner:
            return inner.split("|")
        cells = _CELL.findall(inner + "|")
        if sum(len(cell) + 1 for cell in cells) != len(inner) + 1:
            raise Unsupported  # table row ends in an escape
        return cells

    def container(self, lines: list[str], pattern: re.Pattern[str], kind: str) -> str:
        match = pattern.fullmatch(lines[0])
        body = lines[1:]
        if match is None or not body or not all(line.startswith("    ") for line in body):
            raise Unsupported  # {kind} form
        klass, title = match.group(1), match.group(2)
        if not title or klass != klass.lower():
            raise Unsupported  # {kind} title
        title_html = self.inline.convert(title)  # before the body: links in document order
        children = "".join(piece + "\n" for piece in self.blocks([b[4:] for b in body], False))
        if kind == "admonition":
            head = f'<div class="admonition {escape_attribute(klass)}">\n'
            return f'{head}<p class="admonition-title">{title_html}</p>\n{children}</div>'
        head = f'<details class="{escape_attribute(klass)}">\n'
        return f"{head}<summary>{title_html}</summary>\n{children}</details>"

    def raw(self, lines: list[str], top: bool) -> str | None:
        """A block of raw HTML (a diagram's or a ready-made block's placeholder, the zoomable
        frame around a diagram), kept as written; None for a line that starts with an inline
        tag (a paragraph). Only a chunk that is exactly one element, closed on its last line,
        is modelled."""
        name = re.match(r"<([a-zA-Z][a-zA-Z0-9]*)", lines[0])
        if name is None:
            raise Unsupported  # raw HTML form
        if not self.block_level(name.group(1).lower()):
            return None
        text = "\n".join(lines)
        if not top or "<!" in text or "<?" in text or not text.endswith(">"):
            raise Unsupported  # raw HTML block form
        depth = 0
        for match in _TAG_NAME.finditer(text):
            if match.group(2).lower() in _VOID or match.group(0).endswith("/"):
                continue
            depth += -1 if match.group(1) else 1
            if depth <= 0 and match.end() != len(text) - 1:
                raise Unsupported  # raw HTML closed before the end of its block
        if depth != 0 or not text.endswith(f"</{name.group(1)}>"):
            raise Unsupported  # raw HTML block form
        return text + "\n"

    def paragraph(self, lines: list[str]) -> str:
        for line in lines[1:]:
            if _BLOCK_START.match(line):
                raise Unsupported  # paragraph interrupted
        if any(line != line.rstrip(" ") for line in lines):
            raise Unsupported  # trailing spaces
        if _BLOCK_START.match(lines[0]):
            raise Unsupported  # block start
        for line in lines:
            tag = re.match(r"</?([a-zA-Z][a-zA-Z0-9]*)", line)
            if tag is not None and self.block_level(tag.group(1).lower()):
                raise Unsupported  # block-level tag in a paragraph
        if "|" in "\n".join(lines).replace("\\|", ""):
            raise Unsupported  # pipe in a paragraph
        return f"<p>{self.inline.convert(chr(10).join(lines).lstrip())}</p>"

    def finish(self, pieces: list[str]) -> tuple[str, list[dict[str, Any]]]:
        """Heading ids (explicit ones first, as the toc extension collects them), the toc tokens,
        and the page's HTML with its headings in place."""
        used = {h.explicit for h in self.headings if h.explicit is not None}
        counters: dict[str, int] = {}
        tokens: list[dict[str, Any]] = []
        for heading in self.headings:
            name = strip_tags(heading.inner)
            if heading.explicit is not None:
                heading.id = heading.explicit
            else:
                heading.id = unique(slugify(html.unescape(name), "-"), used, counters)
            tokens.append({"level": heading.level, "id": heading.id, "name": name})
        text = "\n".join(pieces).strip()

        def put(match: re.Match[str]) -> str:
            h = self.headings[int(match.group(1))]
            return f'<h{h.level} id="{escape_attribute(h.id)}">{h.inner}</h{h.level}>'

        return re.sub("\x01([0-9]+)\x01", put, text), tokens


def _nest(tokens: list[dict[str, Any]]) -> list[Any]:
    """Python-Markdown's nesting of toc tokens, as [name, id, level, children] lists."""
    nested = nest_toc_tokens([dict(t) for t in tokens])

    def plain(token: dict[str, Any]) -> list[Any]:
        return [token["name"], token["id"], token["level"], [plain(c) for c in token["children"]]]

    return [plain(t) for t in nested]


def convert(source: str, rewrite: Rewrite) -> Converted | None:
    """The page's Markdown (front matter removed) converted as ``Page.render`` would, links
    rewritten by ``rewrite`` (MkDocs' ``path_to_url``, called only if the page converts, once
    per link in document order); None if the page uses anything not modelled."""
    if any(c in source for c in ("\x00", "\x01", "\x02", "\x03", "\r", "\t")):
        return None
    page = _Page()
    try:
        pieces = page.blocks(source.split("\n"), True)
        text, tokens = page.finish(pieces)
    except Unsupported:
        return None
    order = [int(n) for n in _HREF.findall(text)]
    if sorted(order) != list(range(len(page.hrefs))):
        return None  # a link lost or doubled on the way: not a page this module understands
    urls = {n: escape_attribute(rewrite(page.hrefs[n])) for n in order}
    text = _HREF.sub(lambda m: urls[int(m.group(1))], text)
    title = None
    if page.first == "h" and page.headings and page.headings[0].level == 1:
        title = title_text(page.headings[0].inner)
    return Converted(text, _nest(tokens), title, _anchors(source, page.headings))


def _anchors(source: str, headings: list[_Heading]) -> frozenset[str]:
    """The ids of the page: its headings' and those in its raw HTML (MkDocs' own parser)."""
    ids = {h.id for h in headings}
    if not _ANCHOR_ATTRIBUTE.search(source):  # no tag can carry one: nothing to parse for
        return frozenset(ids)
    parser = _HTMLHandler()
    parser.feed(source + "\n\n")
    parser.close()
    return frozenset(parser.present_anchor_ids) | ids


_ANCHOR_ATTRIBUTE = re.compile(r"(?i)(?:id|name)\s*=")
