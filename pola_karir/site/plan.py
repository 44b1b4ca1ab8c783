"""Rencana Pengembangan Karier: a printable personal plan towards one target position.

The page reads ``#tujuan=ID&<profile params as in Jelajah Karier>`` in the browser
(``assets/rencana.js``, on top of the explorer's engine): the target, the route from the
current position with each step's verdict and gaps, the trainings and certificates to obtain,
a timeline, and room for the employee's and the supervisor's notes and signatures when printed.
The fragment is never sent to a server, so the profile never leaves the device. Peraturan BKN
28/2020 (shipped as ``perbkn-28-2020``) is the regulation on drawing up such plans; it is cited
through the site's usual regulation link.
"""

from __future__ import annotations

import html
import json

from pola_karir.model import Dataset, LegalRef
from pola_karir.site import blocks, compare, explorer, urls
from pola_karir.site.page import Page, admonition, front, say
from pola_karir.site.text import attr

PAGE = compare.PLAN_PAGE
SCRIPT = "assets/rencana.js"
REGULATION = "perbkn-28-2020"
# The longest route the plan looks for (moves along the career paths).
MAX_MOVES = 8

SCRIPT_WORDS: dict[str, tuple[str, ...]] = {
    "missing": (),
    "unknown": ("id",),
    "target_heading": (),
    "current": (),
    "target": (),
    "not_filled": (),
    "verdict": (),
    "state.memenuhi": (),
    "state.belum-memenuhi": (),
    "state.belum-dinilai": (),
    "route_heading": (),
    "route_caption": ("position",),
    "route_no_position": (),
    "route_none": ("from", "to", "moves"),
    "route_same": (),
    "col.step": (),
    "col.position": (),
    "col.kind": (),
    "col.verdict": (),
    "col.gaps": (),
    "col.requirement": (),
    "col.need": (),
    "col.have": (),
    "no_gaps": (),
    "gap": ("subject", "need", "have"),
    "unknown_count": ("count",),
    "gaps_heading": (),
    "trainings_heading": (),
    "trainings_none": (),
    "col.training": (),
    "col.training_kind": (),
    "col.for": (),
    "col.state": (),
    "training_missing": (),
    "training_unknown": (),
    "timeline_heading": (),
    "timeline_note": (),
    "timeline_step": ("when", "position"),
    "status.terpenuhi": (),
    "status.belum": (),
    "status.tidak-diketahui": (),
}


def title() -> str:
    return say("rencana.title")


def _h(name: str) -> str:
    return html.escape(say(f"rencana.{name}"))


def _notes() -> str:
    """Room for handwriting on the printed plan: both parties' notes, then two signatures."""
    boxes = "".join(
        f'<div class="pk-rencana__note"><h3>{_h(key)}</h3><div class="pk-rencana__lines"></div>'
        "</div>"
        for key in ("notes_employee", "notes_supervisor")
    )
    signatures = "".join(
        f'<div class="pk-rencana__sign"><p class="pk-rencana__sign-role">{_h(key)}</p>'
        f'<p class="pk-rencana__sign-line">{_h("sign_name")}</p>'
        f'<p class="pk-rencana__sign-line">{_h("sign_date")}</p></div>'
        for key in ("sign_employee", "sign_supervisor")
    )
    return (
        '<section class="pk-rencana__section pk-rencana__notes" data-search-exclude '
        'aria-labelledby="pk-r-catatan">'
        f'<h2 id="pk-r-catatan">{_h("notes_heading")}</h2>{boxes}'
        f'<div class="pk-rencana__signs">{signatures}</div></section>'
    )


def plan_page(dataset: Dataset) -> Page:
    words = {
        **compare.script_words("rencana.js", SCRIPT_WORDS),
        **compare.phrase_words(dataset),
    }
    refs = {
        "data-pk-position-url": urls.ref(urls.position(urls.ANY_ID)),
    }
    attributes = " ".join(f'{name}="{value}"' for name, value in refs.items())
    scripts = explorer.script_tags((*compare.ENGINE_SCRIPTS, compare.PAGE_SCRIPT, SCRIPT))
    body = (
        f'<link rel="stylesheet" href="{urls.ref(compare.STYLE)}">'
        f'<div class="pk-rencana" data-pk-rencana data-pk-max-moves="{MAX_MOVES}" {attributes} '
        f'data-pk-words="{attr(json.dumps(words, ensure_ascii=True))}" '
        f'data-pk-kata="{attr(json.dumps(explorer.engine_words(), ensure_ascii=True))}">'
        '<p class="pk-rencana__tools"><button type="button" class="md-button" data-pk-print>'
        f"{_h('print')}</button></p>"
        '<p class="pk-rencana__message" data-pk-message role="status" aria-live="polite"></p>'
        '<div class="pk-rencana__output" data-pk-output></div>'
        f"{_notes()}</div>"
        f"<noscript><p>{_h('noscript')}</p></noscript>"
        f"{scripts}"
    )
    regulation = blocks.citation(dataset, PAGE, LegalRef(REGULATION))
    privacy = admonition("info", say("rencana.privacy_title"), say("rencana.privacy"))
    parts = [
        front(title()),
        say("rencana.intro", regulation=regulation) + "\n{: .pk-rencana__intro }\n",
        privacy + "\n",
        blocks.html_placeholder("rencana"),
    ]
    return Page(PAGE, title(), "\n".join(parts) + "\n", html_blocks=(("rencana", body),))
