"""The national index page: every agency's site, grouped by kind, in one self-contained file.

It sits at the top of the published folder, beside one folder per agency (``./<slug>/``), and
needs nothing else: its style is inline, it has no script and asks no other site for anything,
so it opens the same from GitHub Pages, GitLab Pages or a folder on a laptop. Every value from
the data (the agencies' names) is HTML-escaped; the slugs are checked slugs.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from importlib import resources
from typing import Final

from pola_karir import __version__
from pola_karir.site.national import KINDS, AgencySite
from pola_karir.text.catalogue import text

_STYLE: Final = "national-index.css"  # in assets/, inlined into the page


def say(key: str, lang: str, **values: object) -> str:
    return escape(text(f"nasional.page.{key}", lang, **values))


def _item(agency: AgencySite, lang: str) -> str:
    details = say("positions", lang, count=agency.positions)
    if agency.fictional:
        details += " · " + say("fictional", lang)
    return (
        f'<li><a href="./{escape(agency.slug)}/"><span class="nama">{escape(agency.name)}</span>'
        f'<span class="rincian">{details}</span></a></li>'
    )


def index_html(agencies: Sequence[AgencySite], lang: str) -> str:
    """The page: a heading, how many agencies and positions, then one list per kind (in
    :data:`~pola_karir.site.national.KINDS` order), each sorted by name."""
    total = sum(agency.positions for agency in agencies)
    sections = []
    for kind in KINDS:
        members = sorted(
            (a for a in agencies if a.kind == kind), key=lambda a: (a.name.casefold(), a.slug)
        )
        if not members:
            continue
        items = "\n".join(_item(agency, lang) for agency in members)
        heading = say(f"kind.{kind}", lang)
        sections.append(
            f'<section aria-labelledby="jenis-{kind}">\n<h2 id="jenis-{kind}">{heading}</h2>\n'
            f"<ul>\n{items}\n</ul>\n</section>"
        )
    style = (resources.files("pola_karir.site") / "assets" / _STYLE).read_text(encoding="utf-8")
    title = say("title", lang)
    body = "\n".join(sections)
    intro = say("intro", lang, agencies=len(agencies), positions=total)
    footer = say("footer", lang, version=__version__)
    return (
        f'<!doctype html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Nothing is loaded, nothing runs: only the inline style is allowed.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{title}</h1>\n<p>{intro}</p>\n{body}\n<footer>{footer}</footer>\n"
        "</main>\n</body>\n</html>\n"
    )
