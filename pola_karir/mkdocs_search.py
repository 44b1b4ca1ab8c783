"""The search entries of a generated page without Material's HTML parser. Part of the MkDocs
adapter, used by stage 2 (:mod:`pola_karir.mkdocs_render_ahead`).

Material's search plugin makes a page's entries in ``SearchIndex.add_entry_from_context``: its
``Parser`` (a ``html.parser.HTMLParser``) divides the page's HTML into sections, one per heading
with an ``id``, collecting each section's title and text; ``create_entry_for_section`` then makes
one entry per section (location from the table of contents, title, text, tags, boost). Under
``cProfile`` that parse was two thirds of rendering ahead: ``HTMLParser`` runs a handful of
regular expressions per tag and Material's handlers compare its ``Element`` objects through
Python-level ``__eq__`` and ``__hash__`` on every event.

:func:`page_sections` does the parser's part for the HTML the plugin's own pages hold: the HTML
is split at ``<`` (each piece a tag and the text up to the next one, which ``HTMLParser`` also
gives in one piece), each distinct tag is read once (cached), and the handlers' rules are
applied to tag names (which is what Material's ``Element`` compares: its equality and hash are
the tag's, so its ``skip`` set and ``context`` list behave as sets and lists of tag names). The
entries themselves are still made by Material's own ``create_entry_for_section``, so the
location, tags, boost and any Chinese segmentation are Material's. The page's ``data-search-*``
attributes are still stripped by Material's ``on_page_context``: only ``add_entry_from_context``
is replaced.

What the grammar accepts is the part of HTML on which ``HTMLParser`` has behaved the same in
every Python release since 3.11: lowercase tag names of letters and digits; attributes that are
a lowercase name alone, with a double-quoted value without ``<`` or ``>``, or with a bare value
of letters, digits and ``_.:-``; ``/>`` (a start and an end tag); an element whose content
``HTMLParser`` reads as raw text (``script``, ``style``, ``title``, ``textarea``…) only when it
is empty; text without ``<``. A page holding anything else (a comment, a doctype, a ``<`` that
starts no such tag, a character reference in an ``id`` or ``class``), or one on which
Material's parser would fail, gives None and goes through Material's parser: nothing is
guessed. Only the parser this module was compared with is replaced
(:func:`material_supported`: Material 9.6.7 to 9.8.2 hold the same code), and every build
compares a sample of pages both ways first (the canary, in ``render_ahead``).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import inspect
import re
from dataclasses import dataclass, field
from html import escape, unescape
from typing import TYPE_CHECKING, Any, Final, NamedTuple

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

# sha256 of the source of what Material's parse consists of (see _material_source): the same in
# Material 9.6.7 (the lowest supported) and 9.8.2 (the newest checked).
_MATERIAL_PARSER: Final = frozenset(
    {"3d623ea1208d52f4cbcafec8d9fbb07fa4d7c8aabc32df6ce065a1597e078efe"}
)

# Material's Parser: tags whose content it leaves out, tags it keeps in the text, void tags.
_SKIPPED: Final = frozenset({"object", "script", "style"})
_KEPT: Final = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_VOID: Final = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img"),
        *("input", "link", "meta", "param", "source", "track", "wbr"),
    }
)
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose content some release of HTMLParser reads as raw text (not as tags and text).
# ``noscript`` is one only for a parser made with ``scripting=True``, which Material's is not.
_RAW: Final = frozenset(
    {
        *("script", "style", "title", "textarea", "plaintext", "xmp"),
        *("iframe", "noembed", "noframes"),
    }
)
_NAME: Final = r"[a-z][a-z0-9]*"
_ATTR_NAME: Final = r"[a-z][a-z0-9_.:-]*"
# An attribute's value: double-quoted without "<", or bare letters, digits and "_.:-" followed
# by whitespace or ">" (HTMLParser would read a "/" right after a bare value as part of it).
_VALUE: Final = r'(?:="([^"<>]*)"|=([A-Za-z0-9_.:-]+)(?=[ \t\n]|$))'
_ANY_VALUE: Final = r'(?:="[^"<>]*"|=[A-Za-z0-9_.:-]+(?=[ \t\n]|$))'
# What is between a tag's "<" and ">": "/" if it closes, its name, its attributes, the
# whitespace before its end, "/" if it ends with "/>".
_TAG: Final = re.compile(rf"(/?)({_NAME})((?:[ \t\n]+{_ATTR_NAME}{_ANY_VALUE}?)*)([ \t\n]*)(/?)")
_ATTR: Final = re.compile(rf"[ \t\n]+({_ATTR_NAME}){_VALUE}?")
_NO_ATTRS: Final[dict[str, str | None]] = {}
# In a tag's attributes, what may make them matter to the parse (see _attributes).
_TELLING: Final = ("&", "data-search-exclude", "linenodiv")


class Unsupported(Exception):
    """The page holds HTML outside the grammar, or Material's parser would fail on it."""


@dataclass(eq=False)
class Section:
    """One section as Material's ``Section`` holds it: the heading's tag and attributes, its
    depth, ``id``, and the pieces of its title and text. Mutable because Material's
    ``create_entry_for_section`` sets the title of a section that has none."""

    tag: str
    attrs: dict[str, str | None]
    depth: float = 0
    id: str | None = None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    @property
    def excluded(self) -> bool:
        return "data-search-exclude" in self.attrs


@dataclass(eq=False)
class _State:
    """The parse so far. Material's parser keeps its open elements and the elements it skips
    as ``Element`` objects compared by tag; here they are tags, counted: how many of each tag
    are open, how many open elements are permalinks (``a.headerlink``) and how many are of a
    skipped tag (while any is, text and kept tags are left out)."""

    context: list[str] = field(default_factory=list)
    permalink: list[bool] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    permalinks: int = 0
    skip: set[str] = field(default_factory=lambda: set(_SKIPPED))
    skipped: int = 0
    sections: list[Section] = field(default_factory=list)
    section: Section | None = None

    def current(self) -> Section:
        """The current section, opening the preface if there is none yet."""
        if self.section is None:
            self.section = Section("hx", _NO_ATTRS)
            self.sections.append(self.section)
        return self.section

    def target(self, section: Section) -> list[str]:
        """The title while inside the section's heading (any open element of its tag), else the
        text."""
        return section.title if self.counts.get(section.tag) else section.text


def _attributes(raw: str) -> dict[str, str | None] | None:
    """The attributes as ``HTMLParser`` gives them to Material (a dict: the last of a name
    wins; a value's character references resolved; a name alone is None), or None if an ``id``
    or ``class`` holds a character reference: releases of Python resolve some of those in
    attribute values differently (HTML5's rule for a reference without ";")."""
    found: dict[str, str | None] = {}
    for match in _ATTR.finditer(raw):
        name, quoted, bare = match.groups()
        value = quoted if quoted is not None else bare
        if value and "&" in value:
            if name in ("id", "class"):
                return None
            value = unescape(value)
        found[name] = value
    return found


def _open(state: _State, tag: str, attrs: dict[str, str | None]) -> None:
    """Material's ``handle_starttag`` for a tag that is not void."""
    counts = state.counts
    state.context.append(tag)
    counts[tag] = counts.get(tag, 0) + 1
    if tag in state.skip:
        state.skipped += 1
    link = tag == "a" and attrs.get("class") == "headerlink"
    state.permalink.append(link)
    state.permalinks += link
    if tag in _HEADINGS and "id" in attrs:
        _heading(state, tag, attrs)
    section = state.current()
    if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
        if tag not in state.skip:
            state.skip.add(tag)
            state.skipped += counts[tag]
        return
    if tag in _KEPT and not state.skipped:
        state.target(section).append(f"<{tag}>")


def _heading(state: _State, tag: str, attrs: dict[str, str | None]) -> None:
    """A heading with an id opens a section (after an empty top one if the first heading is
    not ``h1``); the first section gets no id."""
    depth = len(state.context)
    if tag != "h1" and not state.sections:
        state.sections.append(Section("hx", _NO_ATTRS, depth))
    section = Section(tag, attrs, depth)
    if state.sections:
        section.id = attrs["id"]
    state.sections.append(section)
    state.section = section


def _close(state: _State, tag: str) -> None:
    """Material's ``handle_endtag``."""
    context = state.context
    if not context or context[-1] != tag:
        return
    section = state.current()
    if section.depth > len(context):  # leaving a heading nested in another element
        for earlier in reversed(state.sections):
            if earlier.depth <= len(context):
                section.depth = float("inf")
                state.section = section = earlier
                break
    context.pop()
    state.counts[tag] -= 1
    state.permalinks -= state.permalink.pop()
    if tag in state.skip:
        state.skipped -= 1
        if tag not in _SKIPPED:
            state.skip.discard(tag)
            state.skipped -= state.counts[tag]
        return
    if tag in _KEPT and not state.skipped:
        _close_kept(state.target(section), tag)


def _close_kept(data: list[str], tag: str) -> None:
    """A kept element closes: its first opening in ``data`` (as Material looks it up) and
    everything after go if that is only whitespace, else the closing tag is added."""
    try:
        index = data.index(f"<{tag}>")
    except ValueError:
        raise Unsupported(tag) from None  # Material's parser fails here
    for later in range(index + 1, len(data)):
        if not data[later].isspace():
            data.append(f"</{tag}>")
            return
    del data[index:]


def _text(state: _State, data: str) -> None:
    """Material's ``handle_data`` (``data`` as ``HTMLParser`` gives it: the text between two
    tags, its character references resolved)."""
    counts = state.counts
    pre = counts.get("pre")
    if not pre:
        if data.isspace():
            data = " "
        elif "\n" in data:
            data = data.replace("\n", " ")
    section = state.section or state.current()
    if counts.get(section.tag):
        if not state.permalinks:
            section.title.append(escape(data, quote=False))
    elif data.isspace():
        text = section.text
        if not text or not text[-1].isspace() or pre:
            text.append(data)
    elif "&" in data or "<" in data or ">" in data:
        section.text.append(escape(data, quote=False))
    else:
        section.text.append(data)


class _Tag(NamedTuple):
    closing: bool
    tag: str
    attrs: dict[str, str | None]  # only where they matter (see _tag); never changed
    slash: bool  # ends with "/>"
    plain: bool  # opens an element that is not void, raw text, a section, permalink or skipped


@functools.lru_cache(maxsize=8192)
def _tag(inside: str) -> _Tag | None:
    """What is between a tag's "<" and ">", or None outside the grammar. Cached: a page repeats
    its tags. The attributes are read only where the parse may look at them: a heading's (its
    id), a link's (a permalink's class), and any holding a character reference or the words of
    an exclusion; the others are left out."""
    match = _TAG.fullmatch(inside)
    if match is None:
        return None
    closing, tag, raw, space, slash = match.groups()
    if closing and (raw or space or slash):
        return None
    telling = tag in _HEADINGS or tag == "a" or any(word in raw for word in _TELLING)
    attrs = _attributes(raw) if raw and telling else _NO_ATTRS
    if attrs is None:
        return None
    plain = not (
        closing
        or tag in _VOID
        or tag in _RAW
        or (tag in _HEADINGS and "id" in attrs)
        or (tag == "a" and attrs.get("class") == "headerlink")
        or "data-search-exclude" in attrs
        or attrs.get("class") == "linenodiv"
    )
    return _Tag(bool(closing), tag, attrs, bool(slash), plain)


def page_sections(html: str) -> list[Section] | None:
    """The sections Material's ``Parser`` makes of ``html``, or None if the HTML holds anything
    outside the grammar (see the module's docstring) or Material's parser would fail on it.

    Each "<" starts a tag (else None), so the HTML splits at "<" into pieces of a tag, ">"
    and the text up to the next tag (``HTMLParser`` gives that text in one piece too)."""
    pieces = html.split("<")
    state = _State()
    context, counts = state.context, state.counts
    try:
        if pieces[0]:
            _text(state, unescape(pieces[0]))
        for index in range(1, len(pieces)):
            piece = pieces[index]
            end = piece.find(">")
            found = _tag(piece[:end]) if end > 0 else None
            if found is None:
                return None
            closing, tag, attrs, slash, plain = found
            if plain:  # the common case of _open: the context changes, a kept tag is added
                context.append(tag)
                counts[tag] = counts.get(tag, 0) + 1
                state.permalink.append(False)
                if tag in state.skip:
                    state.skipped += 1
                opened = state.section or state.current()
                if tag in _KEPT and not state.skipped:
                    (opened.title if counts.get(opened.tag) else opened.text).append(f"<{tag}>")
                if slash:
                    _close(state, tag)
            elif closing:
                section = state.section
                if (
                    context
                    and context[-1] == tag
                    and tag not in _KEPT
                    and tag not in state.skip
                    and section is not None
                    and section.depth <= len(context)
                ):  # the common case of _close: only the context changes
                    context.pop()
                    counts[tag] -= 1
                    state.permalinks -= state.permalink.pop()
                else:
                    _close(state, tag)
            elif tag in _VOID:
                pass
            elif tag in _RAW:  # only an empty one, which every release reads as two tags
                if end + 1 < len(piece) or not pieces[index + 1].startswith(f"/{tag}>"):
                    return None
                _open(state, tag, attrs)
            else:
                _open(state, tag, attrs)
                if slash:
                    _close(state, tag)
            if end + 1 < len(piece) and not state.skipped:
                text = piece[end + 1 :]
                _text(state, unescape(text) if "&" in text else text)
    except Unsupported:
        return None
    except IndexError:  # an empty raw element cut short at the end
        return None
    return state.sections


def add_entries(index: Any, page: Page) -> bool:
    """What Material's ``SearchIndex.add_entry_from_context`` does for ``page`` (``index``: that
    index), with :func:`page_sections` for the parse; False, with nothing added, when the page
    must go through Material's parser."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return True
    if not isinstance(page.content, str):
        return False
    sections = page_sections(page.content)
    if sections is None:
        return False
    for section in sections:
        if not section.excluded:
            index.create_entry_for_section(section, page.toc, page.url, page)
    return True


def _material_source() -> str:
    """The source of Material's parse: the entry point, its parser and the classes it uses, and
    the void tags."""
    plugin = importlib.import_module("material.plugins.search.plugin")
    parts = [
        inspect.getsource(plugin.SearchIndex.add_entry_from_context),
        inspect.getsource(plugin.Parser),
        inspect.getsource(plugin.Element),
        inspect.getsource(plugin.Section),
        repr(sorted(plugin.void)),
    ]
    return "\n".join(parts)


def material_supported() -> bool:
    """Whether the installed Material parses a page the way this module was compared with."""
    try:
        source = _material_source()
    except (ImportError, AttributeError, OSError, TypeError):
        return False
    return hashlib.sha256(source.encode("utf-8")).hexdigest() in _MATERIAL_PARSER
