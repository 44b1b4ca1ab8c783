"""Where each generated page lives, and links between pages that work under any site path.

Markdown links use source paths (``../jabatan/x.md``) and MkDocs resolves and checks them.
Links inside SVG diagrams bypass MkDocs, so they are computed here the way MkDocs maps a source
path to a URL, and always made relative to the page that embeds the diagram.
"""

from __future__ import annotations

import posixpath


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
OPEN_DATA_DIR = "data/"


def md_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """Relative link between two source pages, for Markdown (MkDocs rewrites it)."""
    rel = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{rel}#{anchor}" if anchor else rel


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a source page, relative to the site root."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_src: str, to_src: str, directory_urls: bool = True) -> str:
    """A URL from the page built from ``from_src`` to the one built from ``to_src``."""
    here = page_url(from_src, directory_urls)
    there = page_url(to_src, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    base_dir = base.rstrip("/") or "."
    target = there or "."
    rel = posixpath.relpath(target, base_dir)
    if (there == "" or there.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return rel


def relative_file(from_src: str, file_path: str, directory_urls: bool = True) -> str:
    """A URL from a page to a published file (not a page) such as ``data/jabatan.csv``."""
    here = page_url(from_src, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    return posixpath.relpath(file_path, base.rstrip("/") or ".")
