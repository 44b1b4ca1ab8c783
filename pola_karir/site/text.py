"""Escaping untrusted data for Markdown and HTML.

Every string from the YAML files comes from a pull request, so none of it may reach a page as
markup: HTML special characters become entities, and characters with a meaning in Markdown (or
in the attr_list and tables extensions) are backslash-escaped.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Sequence
from typing import Final

# Characters that start markup anywhere in a line: emphasis, code, links, attribute lists
# ('{: .x}', '{#id}', '{.class}') and table cells ('|'). '(' and '!' only matter next to '['
# which is escaped.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
# Inline syntax of extensions a site may enable (the example site does not): emoji shortcodes
# (':smile:'), caret and tilde ('^sup^', '~sub~', doubled for insert and delete) and the
# doubled markers of mark and keys ('==', '++'). The character becomes an entity: the text
# reads the same, and no pattern matches (an entity is never part of one).
_INLINE_EXTRA = re.compile(r":(?=[\w+\-]+:)|[\^~]|([=+])(?=\1)")
# Characters that start a block only at the beginning of a line: heading, list, ordered list.
_LINE_START = re.compile(r"^([#+\-]|\d+(?=[.)]))")
# And those that start the blocks of extensions: admonitions ('!!!'), collapsible details
# ('???', '???+'), pymdownx blocks ('///'), definitions (': '), fences ('~~~') and a setext
# underline ('==='). Markdown has no backslash escape for most of them, so they become entities.
_BLOCK_START: Final = {c: f"&#{ord(c)};" for c in "!?/:=~"}
_SPACES = re.compile(r"\s+")


def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match.group()[0])};"


def md(text: object) -> str:
    """Inline Markdown for untrusted text: one line, no markup, no HTML, no extension syntax."""
    return _md(str(text))


# Cached: a name is escaped on every page that links to it (572,000 calls at 5,000 positions).
@functools.lru_cache(maxsize=1 << 16)
def _md(text: str) -> str:
    flat = _SPACES.sub(" ", text).strip()
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=True))
    escaped = _INLINE_EXTRA.sub(_entity, escaped)
    if escaped[:1] in _BLOCK_START:
        return _BLOCK_START[escaped[0]] + escaped[1:]
    start = _LINE_START.match(escaped)
    if start is None:
        return escaped
    if start.group(1)[0].isdigit():  # "1. x" would become an ordered list
        end = start.end()
        return escaped[:end] + "\\" + escaped[end:]
    return "\\" + escaped


def attr(text: object) -> str:
    """A value for a double-quoted HTML attribute."""
    return html.escape(_SPACES.sub(" ", str(text)).strip(), quote=True)


def link(label: str, href: str) -> str:
    """A Markdown link; ``label`` is escaped, ``href`` must be one we built from ids."""
    return f"[{md(label)}]({href})"


def external_link(label: str, url: str) -> str:
    """A link to an address from the data (already checked to start with http/https)."""
    if not url.startswith(("https://", "http://")):
        return md(label)
    return f'<a href="{attr(url)}" rel="noopener">{html.escape(label)}</a>'


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; cells must already be escaped Markdown."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell or "–" for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)
