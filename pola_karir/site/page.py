"""What every generated page shares: the page record, its front matter, the key-facts list,
the fictional-data notice, and the language its words are taken from (set once per build).

Kept apart from the page builders so that each of them (positions, catalogue, home, the
explorer) imports these public pieces instead of another builder's private helpers.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from pola_karir.model import Dataset
from pola_karir.site.text import md
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text, units_key

if TYPE_CHECKING:  # diagrams take their words from here too
    from pola_karir.site.diagrams import Diagram

# The language of the site being built. A build speaks one language from its first page to its
# last SVG, so the language is set once around the build (:func:`in_language`) rather than
# passed as a parameter through the forty-odd page, block and diagram builders (and to every
# ``say()``, which other modules call with a key alone). A context variable, not a module
# global: two builds in one process (tests, ``mkdocs serve`` rebuilding) cannot leak their
# language into each other, and outside any build the site speaks Indonesian, as before.
_LANGUAGE: ContextVar[str] = ContextVar("pola_karir_site_language", default=DEFAULT_LANGUAGE)

# Competency groups in the order the dictionary and the requirement tables list them.
COMPETENCY_GROUPS: Final = ("manajerial", "sosial-kultural", "teknis")


def site_language() -> str:
    """The language of the site being built (``id`` outside :func:`in_language`)."""
    return _LANGUAGE.get()


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Build the site in ``lang`` within this block: every :func:`say` and every phrase given
    :func:`site_language` speaks it (an unknown language fails at the first word, with the
    catalogue's error). Nested blocks restore the outer language on leaving."""
    token = _LANGUAGE.set(lang)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def say(key: str, **values: object) -> str:
    """A message of the site's language from the catalogue (``site.po``, ``labels.po``)."""
    return text(key, site_language(), **values)


def say_units(dataset: Dataset, key: str, **values: object) -> str:
    """:func:`say` for a message naming the agency's top-level units: "perangkat daerah" for a
    pemerintah daerah, "unit organisasi" for a kementerian or lembaga."""
    return say(units_key(key, dataset.agency.regional), **values)


@dataclass(frozen=True)
class Page:
    src: str
    title: str
    markdown: str
    source_file: str | None = None  # data file to edit, relative to the data folder
    diagrams: tuple[Diagram, ...] = ()
    # Large ready-made HTML (already escaped), put in after Markdown conversion: see
    # build.embed_blocks. Keeps big tables out of the (slow) Markdown parser.
    html_blocks: tuple[tuple[str, str], ...] = ()


def front(title: str, heading: str | None = None) -> str:
    """Front matter and heading. The theme prints ``title`` into <title> and the nav as HTML
    without escaping, so the front-matter title is HTML-escaped (and JSON-quoted for YAML).

    ``heading`` (default: the title) is the page's first heading, when it may be shorter than
    the title that search results and the browser show out of the page's context."""
    shown = md(title if heading is None else heading)
    return f"---\ntitle: {json.dumps(html.escape(title), ensure_ascii=False)}\n---\n\n# {shown}\n"


def facts(rows: list[list[str]]) -> str:
    """Key facts as a short list: reads well on a phone, unlike a two-column table."""
    return "\n".join(f"- **{label}:** {value}" for label, value in rows) + "\n"


def admonition(kind: str, title: str, body: str) -> str:
    """A Material admonition (``!!! warning "…"``); ``body`` is one line of Markdown."""
    return f'!!! {kind} "{title}"\n    {body}'


def emphasis(words: str) -> str:
    """A line in italics, for 'nothing here yet' remarks."""
    return f"_{words}_"


def fictional_notice(dataset: Dataset) -> str:
    if not (dataset.agency.fictional or dataset.agency.regulation.fictional):
        return ""
    return admonition("warning", say("site.fictional.title"), say("site.fictional.body")) + "\n"
