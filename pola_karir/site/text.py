"""Escaping untrusted data for Markdown and HTML.

Every string from the YAML files comes from a pull request, so none of it may reach a page as
markup: HTML special characters become entities, and characters with a meaning in Markdown (or
in the attr_list and tables extensions) are backslash-escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

# Characters that start markup anywhere in a line: emphasis, code, links, attribute lists and
# table cells ('|'). '(' and '!' only matter next to '[' which is escaped. Extensions that give
# other characters a meaning (emoji ':', tilde '~', arithmatex '$') are deliberately not enabled.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
# Characters that start a block (heading, list) only at the beginning of a line.
_LINE_START = re.compile(r"^([#+\-]|\d+(?=[.)]))")
_SPACES = re.compile(r"\s+")


def md(text: object) -> str:
    """Inline Markdown for untrusted text: one line, no markup, no HTML."""
    flat = _SPACES.sub(" ", str(text)).strip()
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=True))
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
