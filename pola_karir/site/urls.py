"""Where each generated page and file lives, named by its source path; never by its URL.

How a source path becomes a URL (``jabatan/x/`` or ``jabatan/x.html``) and how one page
reaches another is MkDocs' business, set by ``use_directory_urls``: computing it here would be
a second, diverging copy of MkDocs' rules. So the core writes links in two forms only:

- Markdown links between source paths (:func:`md_link`), which MkDocs resolves and checks;
- :func:`ref` tokens, for links MkDocs never sees (raw HTML blocks, links inside SVG diagrams,
  the explorer's data script). The plugin replaces them with the URL MkDocs' own ``File``
  gives the target, relative to the page shown (:func:`resolve_refs`).
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Callable


def position(position_id: str) -> str:
    return f"jabatan/{position_id}.md"


def path(path_id: str) -> str:
    return f"jalur/{path_id}.md"


def unit(top_unit_id: str) -> str:
    return f"unit/{top_unit_id}.md"


def competency(competency_id: str) -> str:
    return f"kompetensi/{competency_id}.md"


def regulation(regulation_id: str) -> str:
    return f"dasar-hukum/{regulation_id}.md"


def family(family_id: str) -> str:
    return f"jabatan-fungsional/{family_id}.md"


HOME = "index.md"
OVERVIEW = "pola-karier.md"
POSITIONS = "jabatan/index.md"
PATHS = "jalur/index.md"
UNITS = "unit/index.md"
COMPETENCIES = "kompetensi/index.md"
REGULATIONS = "dasar-hukum/index.md"
FAMILIES = "jabatan-fungsional/index.md"
OPEN_DATA = "data-terbuka.md"
RULES = "kode-pemeriksaan.md"
ANNEX = "lampiran.md"
OPEN_POSITIONS = "formasi-terbuka.md"
EXPLORER = "jelajah.md"
OPEN_DATA_DIR = "data/"


ANY_ID = "__ID__"
"""Stands for an id in a link template (``jabatan/__ID__.md``): the page a script fills in.
Ids never contain '_', so the marker cannot clash with a real page."""


def md_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """Relative link between two source pages, for Markdown (MkDocs rewrites it)."""
    rel = relative(to_src, _folder(from_src))
    return f"{rel}#{anchor}" if anchor else rel


@functools.lru_cache(maxsize=1 << 12)
def _folder(src: str) -> str:
    """The folder of a source page, as :func:`relative` takes it: a page links hundreds of
    times, and ``posixpath.dirname`` was a fifth of the links' cost."""
    return posixpath.dirname(src) or "."


@functools.lru_cache(maxsize=1 << 16)
def relative(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for the site's own relative source paths, without its
    two ``getcwd`` calls: pages link to each other hundreds of thousands of times in a large
    agency's site (5,000 positions: 270,000 links, 5 s of ``abspath``). A path that climbs
    (``..``) or is absolute is left to ``relpath``. Cached: the pages of one folder link to
    the same targets."""
    if path.startswith("/") or start.startswith("/") or ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    target = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(target), len(base)) and target[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."


# A token is only ever the whole value of a double-quoted URL attribute, because that is a
# place untrusted text can never reach: every data string is HTML-escaped (by the site's
# escaping helpers, by Graphviz in SVG) before it is written, so it never contains a raw '"',
# and the only data that becomes an attribute value unchanged is an http(s) address. A data
# string spelling out a token is therefore shown as text and never turned into a link.
_SCHEME = "pk-src:"
_SOURCE = r"[A-Za-z0-9_][A-Za-z0-9_./-]*"
# An anchor, or a script's parameter such as ``a=<id>`` (the comparison page's fragment).
_ANCHOR = r"[A-Za-z0-9_=-]*"
_ATTRIBUTE = r"(?<=\s)(href|xlink:href|src|data-pk-[a-z-]+-url)"
_REF = re.compile(f'{_ATTRIBUTE}="{re.escape(_SCHEME)}({_SOURCE})(#{_ANCHOR})?"')


def ref(src: str, anchor: str = "") -> str:
    """A link to the page or file built from ``src``, for HTML that MkDocs does not process;
    only valid as the whole value of an ``href``, ``src``, ``xlink:href`` or ``data-pk-*-url``
    attribute."""
    if not re.fullmatch(_SOURCE, src) or not re.fullmatch(_ANCHOR, anchor):
        raise ValueError(f"not a source path made from ids: {src!r}, anchor {anchor!r}")
    return f"{_SCHEME}{src}#{anchor}" if anchor else _SCHEME + src


def resolve_refs(text: str, url_for: Callable[[str], str | None]) -> str:
    """Replace every :func:`ref` token in ``text`` with ``url_for(src)`` (and its anchor);
    a token whose source ``url_for`` does not know (None) is left as it is."""

    def replace(match: re.Match[str]) -> str:
        url = url_for(match.group(2))
        if url is None:
            return match.group(0)
        return f'{match.group(1)}="{html.escape(url + (match.group(3) or ""))}"'

    return _REF.sub(replace, text)
