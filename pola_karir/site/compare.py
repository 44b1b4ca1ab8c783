"""Bandingkan jabatan: any two positions side by side, requirement by requirement, the route
between them along the career paths, and (when the URL carries a profile) the employee's own
gaps for the second one.

The page is a form of two position pickers (plain HTML built here, every data string escaped)
and ``assets/bandingkan.js``, which reads the pair and the profile from the URL fragment
(``#a=ID&b=ID&<profile params as in Jelajah Karier>``) and renders everything in the browser:
the fragment is never sent to a server, so the profile never leaves the device, and the URL can
be shared. What a move to B adds (the "change" column) is :func:`pola_karir.career.compare.changes`
ported to the script; tests/site/test_compare_plan.py checks both give the same on several pairs.
"""

from __future__ import annotations

import html
import json
from importlib import resources

from pola_karir import reference as ref
from pola_karir.model import Dataset
from pola_karir.site import blocks, explorer, urls
from pola_karir.site.page import Page, admonition, front, say, site_language
from pola_karir.site.text import attr, link
from pola_karir.text import phrases

PAGE = "bandingkan.md"
SCRIPT = "assets/bandingkan.js"
STYLE = "assets/pk-bandingkan-rencana.css"
# The engine (PolaKarirJelajah) lives in the explorer's script: when it moves to its own file,
# only this constant changes.
# The open data, the engine and the words of its findings (pk-kata.js), before the page's own.
ENGINE_SCRIPTS = explorer.ENGINE_SCRIPTS
# What this page and the plan page share (their context, tables, moves): loaded after the
# engine's scripts and before the page's own (PolaKarirHalaman).
PAGE_SCRIPT = "assets/pk-halaman.js"

# Words of the script (``bandingkan.js.<name>``) with their placeholders, filled in by the
# script with text (never markup).
SCRIPT_WORDS: dict[str, tuple[str, ...]] = {
    "choose": (),
    "unknown": ("id",),
    "same": (),
    "table_heading": (),
    "table_caption": ("a", "b"),
    "col.aspect": (),
    "col.a": (),
    "col.b": (),
    "col.change": (),
    "row.level": (),
    "row.class": (),
    "row.formasi": (),
    "formasi": ("needed", "filled", "open"),
    "none": (),
    "change.added": ("required",),
    "change.same": (),
    "change.up": ("from", "to"),
    "change.down": ("from", "to"),
    "change.equal": (),
    "change.differs": (),
    "route_heading": (),
    "route_label": ("from", "to"),
    "route_summary": ("moves", "years"),
    "route_none": ("from", "to"),
    "route_step": ("kind", "from", "to"),
    "route_step_years": ("years",),
    "route_class": ("from", "to"),
    "gaps_heading": (),
    "gaps_empty": (),
    "gaps_summary": ("position", "met", "unmet", "unknown"),
    "gaps_col.requirement": (),
    "gaps_col.need": (),
    "gaps_col.have": (),
    "gaps_col.status": (),
    "status.terpenuhi": (),
    "status.belum": (),
    "status.tidak-diketahui": (),
    "plan": (),
}
# The aspects of a requirement the comparison table has a row for (``label.aspek.<name>``):
# the engine's, as in Jelajah Karier.
ASPECTS = explorer.ASPECTS
MOVE_KINDS = ("vertikal", "horizontal", "diagonal")


def title() -> str:
    return say("bandingkan.title")


def compare_files() -> dict[str, str]:
    """The comparison and plan pages' scripts and stylesheet, published with the site."""
    package = resources.files("pola_karir.site") / "assets"
    return {
        path: (package / path.removeprefix("assets/")).read_text(encoding="utf-8")
        for path in (PAGE_SCRIPT, SCRIPT, STYLE, "assets/rencana.js")
    }


def script_words(prefix: str, names: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Words of a page script from the catalogue (``<prefix>.<name>``), placeholders kept as
    ``{name}`` for the script to fill in."""
    return {
        name: say(f"{prefix}.{name}", **{p: "{" + p + "}" for p in placeholders})
        for name, placeholders in names.items()
    }


def phrase_words(dataset: Dataset) -> dict[str, str]:
    """The phrases :func:`pola_karir.career.compare.changes` writes that the open data does not
    hold, so that the script's changes read exactly like the position pages'."""
    words = {f"aspect.{a}": phrases.label("aspek", a, site_language()) for a in ASPECTS}
    words.update({f"rank.{code}": phrases.rank(code, site_language()) for code in ref.RANKS})
    words.update({f"level.{n}": phrases.competency_level(n, site_language()) for n in range(1, 6)})
    words.update(
        {f"kind.{k}": phrases.label("perpindahan", k, site_language()) for k in MOVE_KINDS}
    )
    words["not_required_yet"] = say("phrase.not_required_yet")
    words["all_fields"] = say("phrase.all_fields")
    words["fields_dropped"] = say("phrase.fields_dropped", fields="{fields}")
    return words


def position_options(dataset: Dataset) -> str:
    """Every position as an <option>, grouped by perangkat daerah, each named so that it is
    told apart from same-named positions (the shortest unit name that does)."""
    groups = []
    for unit, positions in explorer.positions_by_unit(dataset):
        options = "".join(
            f'<option value="{attr(pid)}">{html.escape(name)}</option>'
            for name, pid in sorted(positions, key=lambda item: (item[0].casefold(), item))
        )
        groups.append(f'<optgroup label="{attr(unit)}">{options}</optgroup>')
    return "".join(groups)


def _picker(name: str, label_key: str, options: str) -> str:
    ident = f"pk-b-{name}"
    choose = html.escape(say("bandingkan.form.choose"))
    return (
        f'<div class="pk-bandingkan__field"><label for="{ident}">'
        f"{html.escape(say(label_key))}</label>"
        f'<select id="{ident}" name="{name}"><option value="">{choose}</option>{options}'
        "</select></div>"
    )


def compare_page(dataset: Dataset) -> Page:
    options = position_options(dataset)
    words = {**script_words("bandingkan.js", SCRIPT_WORDS), **phrase_words(dataset)}
    # A total over placements some of which do not state a figure (site/formasi.py's rule).
    words["at_least"] = say("formasi.total.at_least", count="{count}")
    words["at_least_note"] = say("formasi.total.note")
    refs = {
        "data-pk-position-url": urls.ref(urls.position(urls.ANY_ID)),
        "data-pk-plan-url": urls.ref(PLAN_PAGE),
    }
    scripts = explorer.script_tags((*ENGINE_SCRIPTS, PAGE_SCRIPT, SCRIPT))
    attributes = " ".join(f'{name}="{value}"' for name, value in refs.items())
    body = (
        f'<link rel="stylesheet" href="{urls.ref(STYLE)}">'
        f'<div class="pk-bandingkan" data-pk-bandingkan {attributes} '
        f'data-pk-words="{attr(json.dumps(words, ensure_ascii=True))}" '
        f'data-pk-kata="{attr(json.dumps(explorer.engine_words(), ensure_ascii=True))}">'
        f'<form class="pk-bandingkan__form" novalidate data-search-exclude '
        f'aria-label="{_h("form.label")}">'
        f"{_picker('a', 'bandingkan.form.a', options)}"
        f"{_picker('b', 'bandingkan.form.b', options)}"
        f'<button type="button" class="md-button" data-pk-swap>{_h("form.swap")}</button>'
        "</form>"
        '<p class="pk-bandingkan__message" data-pk-message role="status" aria-live="polite"></p>'
        '<div class="pk-bandingkan__output" data-pk-output></div>'
        "</div>"
        f"<noscript><p>{_h('noscript')}</p></noscript>"
        f"{scripts}"
    )
    explorer_link = link(explorer.title(), urls.md_link(PAGE, explorer.PAGE))
    privacy = admonition("info", say("bandingkan.privacy_title"), say("bandingkan.privacy"))
    parts = [
        front(title()),
        say("bandingkan.intro", explorer=explorer_link) + "\n",
        privacy + "\n",
        blocks.html_placeholder("bandingkan"),
    ]
    return Page(PAGE, title(), "\n".join(parts) + "\n", html_blocks=(("bandingkan", body),))


def position_page_link(position_id: str) -> str:
    """The "Bandingkan dengan…" line of a position page, as an HTML block: the comparison with
    A chosen. Its fragment is not a heading's anchor, so it is a :func:`urls.ref` token (which
    MkDocs does not check as an anchor) rather than a Markdown link."""
    href = urls.ref(PAGE, f"a={position_id}")
    return (
        f'<p class="pk-compare-link"><a href="{href}">'
        f"{html.escape(say('bandingkan.position_link'))}</a></p>"
    )


def _h(name: str) -> str:
    return html.escape(say(f"bandingkan.{name}"))


def home_link() -> str:
    """A line of the home page pointing to the comparison (beside the explorer's button)."""
    return link(say("bandingkan.home_link"), urls.md_link(urls.HOME, PAGE))


# The plan page's source path; its module imports this one (for the shared words and assets).
PLAN_PAGE = explorer.PLAN_PAGE
