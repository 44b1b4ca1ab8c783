"""Jelajah Karier: the page where an employee fills in a profile and sees the positions within
reach, when, and what is still missing.

The page is a form (plain HTML built here, every data string escaped) and five scripts: the open
data as ``assets/pola-karir-data.js``, the engine's constants, the engine itself (the browser
port of :mod:`pola_karir.career.matching`, see :mod:`pola_karir.site.engine`), ``pk-kata.js``,
which phrases the engine's codes and values with the words passed to the page here, and
``assets/jelajah.js``, the page. Everything runs in the browser: no request leaves the page,
and it works from ``file://`` too.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources

from pola_karir import reference as ref
from pola_karir.career import timeline
from pola_karir.model import Dataset, Position
from pola_karir.site import blocks, engine, urls
from pola_karir.site.page import (
    COMPETENCY_GROUPS,
    Page,
    admonition,
    front,
    say,
    site_language,
)
from pola_karir.site.text import attr, link, md
from pola_karir.text import phrases, waktu

PAGE = urls.EXPLORER
SCRIPT = "assets/jelajah.js"
DATA_SCRIPT = "assets/pola-karir-data.js"
PROFILE_SCHEMA = "schemas/profil.schema.json"
# The personal plan page (plan.py) each result links to.
PLAN_PAGE = "rencana.md"
MAX_MOVES = engine.MOVES
DEFAULT_MOVES = engine.DEFAULT_MOVES
# In the order the page loads them: the data and the engine's constants before the engine,
# the engine before its words (pk-kata.js), all of them before the page.
ENGINE_SCRIPTS = (
    DATA_SCRIPT,
    engine.CONSTANTS_SCRIPT,
    engine.TIMELINE_SCRIPT,
    engine.ENGINE_SCRIPT,
    engine.WORDS_SCRIPT,
)
SCRIPTS = (*ENGINE_SCRIPTS, SCRIPT)

# Words the script shows about formasi (``formasi.jelajah.<name>``), passed to it as data.
FORMASI_WORDS = ("open", "open_in", "all_filled", "summary_open", "only_open_empty")
# Words of the verdicts and the summary (``jelajah.<name>``), and of a profile value the page
# cannot use (``jelajah.error.<profile key>``): the script shows them, so they come from the
# catalogue like every other word of the site.
JELAJAH_WORDS = ("summary", "badge_met", "badge_unmet", "badge_unknown", "step_gaps", "errors")
ERROR_KEYS = (
    "jabatan",
    "pendidikan",
    "bidang_pendidikan",
    "golongan",
    "masa_golongan",
    "masa_jabatan",
    "masa_kerja",
    "pengalaman",
    "pelatihan",
    "kinerja",
    "kompetensi",
    "other",
)
# The requirement aspects a result may ask to fill in ("isi pendidikan, golongan").
ASPECTS = (
    "pendidikan",
    "bidang_pendidikan",
    "golongan",
    "pengalaman",
    "pelatihan",
    "sertifikasi",
    "kinerja",
    "kompetensi",
)

# The form's groups of trainings, in this order; kinds not listed follow.
_TRAINING_KINDS = ("dasar", "kepemimpinan", "fungsional", "teknis", "sertifikasi")
# Best first: the order an employee reads a rating scale in.
_RATINGS = ("sangat-baik", "baik", "cukup", "butuh-perbaikan", "kurang", "sangat-kurang")


def title() -> str:
    return say("site.explorer.title")


def explorer_files() -> dict[str, str]:
    """The page's scripts (the engine, its constants and the page), published beside the
    other assets."""
    package = resources.files("pola_karir.site") / "assets"
    return {**engine.engine_files(), SCRIPT: (package / "jelajah.js").read_text(encoding="utf-8")}


def explorer_page(dataset: Dataset) -> Page:
    position_url = urls.ref(urls.position(urls.ANY_ID))
    plan_url = urls.ref(PLAN_PAGE)
    scripts = script_tags(SCRIPTS)
    words = json.dumps(script_words(), ensure_ascii=True)
    body = (
        f'<div class="pk-jelajah" data-pk-jelajah data-pk-position-url="{attr(position_url)}" '
        f'data-pk-plan-url="{attr(plan_url)}" '
        f'data-pk-words="{attr(words)}">'
        f"{_form(dataset)}{_results()}</div>"
        f'<noscript><p class="pk-jelajah__noscript">{_h("noscript")}</p></noscript>'
        f"{scripts}"
    )
    schema_link = link("profil.schema.json", urls.md_link(PAGE, PROFILE_SCHEMA))
    privacy = admonition("info", say("site.explorer.privacy_title"), say("site.explorer.privacy"))
    parts = [
        front(title()),
        say("site.explorer.intro", agency=md(dataset.agency.name)) + "\n",
        privacy + "\n",
        say("site.explorer.caveats", schema=schema_link) + "\n",
        blocks.html_placeholder("jelajah"),
    ]
    return Page(PAGE, title(), "\n".join(parts) + "\n", html_blocks=(("jelajah", body),))


def script_words() -> dict[str, str]:
    """Every word the script shows that is not in the data, placeholders left as ``{name}``
    for the script to fill in (with text, never markup)."""
    keep = {
        name: "{" + name + "}"
        for name in ("count", "origin", "moves", "met", "unmet", "unknown", "fields", "position")
    }
    words = {name: say(f"formasi.jelajah.{name}", **keep) for name in FORMASI_WORDS}
    # A count over placements some of which do not state both numbers (site/formasi.py).
    words["at_least"] = say("formasi.total.at_least", count="{count}")
    words["at_least_note"] = say("formasi.total.note")
    words.update({name: say(f"jelajah.{name}", **keep) for name in JELAJAH_WORDS})
    words.update(
        {f"error.{key}": say(f"jelajah.error.{key}", value="{value}") for key in ERROR_KEYS}
    )
    words.update(
        {f"aspect.{a}": phrases.label("aspek", a, site_language()).lower() for a in ASPECTS}
    )
    words.update(engine_words())
    words["plan"] = say("rencana.card_link")  # the link from each result to its plan
    return words


# The words of an earliest-time estimate: its heads, and every key it may return.
TIMELINE_HEADS = (
    "now",
    "earliest",
    "earliest_estimate",
    "binding",
    "estimate",
    "assuming",
    "unknown",
)
TIMELINE_UNKNOWN = (
    timeline.UNKNOWN_RANK,
    timeline.UNKNOWN_CREDIT,
    timeline.UNKNOWN_RATING,
    timeline.UNKNOWN_RANK_CAP,
)
ASSUMPTIONS = (
    timeline.ASSUME_REGULAR,
    timeline.ASSUME_FUNCTIONAL,
    timeline.ASSUME_CREDIT,
    timeline.ASSUME_CREDIT_HELD,
    timeline.ASSUME_RATING_DEFAULT,
    timeline.ASSUME_RANK_DUE,
)
# The words the page puts around the engine's findings (``engine.<name>``, engine.po).
ENGINE_WORDS = (
    "status.met",
    "status.unmet",
    "status.unknown",
    "finding",
    "gap",
    "gap.training",
    "gap.field",
    "gap.performance",
    "gap.competency",
    "unknown",
    "unknown.competency",
    "unknown.performance",
    "no_data",
    "count.chosen",
    "count.filled",
    "choose_position",
    "no_way_out",
    "route",
    "earliest",
    "time",
    "unmet_heading",
    "details",
    "details_unknown",
    "search_count",
    "reset_done",
    "export_file",
    "saved",
    "file.not_json",
    "file.not_profile",
    "file.unreadable",
    "file.loaded",
    "indicators",
)
# The phrases of values (``phrase.<name>``) the page needs to phrase a finding as the CLI does.
VALUE_PHRASES = ("decimal_mark", "years", "competency_level", "unknown", "done", "not_done")
_PLACEHOLDERS = ("subject", "have", "need", "count", "position", "years", "time", "file")


def engine_words() -> dict[str, str]:
    """The engine returns codes and values (:func:`pola_karir.career.matching.finding_data`);
    these are the words ``pk-kata.js`` phrases them with, placeholders kept as ``{name}``. Any
    page showing findings passes them in its ``data-pk-words``."""
    keep = {name: "{" + name + "}" for name in _PLACEHOLDERS}
    words = {name: say(f"engine.{name}", **keep) for name in ENGINE_WORDS}
    value_keep = {"value": "{value}", "level": "{level}", "years": "{years}"}
    words.update({f"phrase.{n}": say(f"phrase.{n}", **value_keep) for n in VALUE_PHRASES})
    words["phrase.total_service"] = say("phrase.total_service", years="{years}")
    words.update(timeline_words())
    words.update({f"subject.{a}": phrases.label("aspek", a, site_language()) for a in ASPECTS})
    return words


def timeline_words() -> dict[str, str]:
    """The words of an earliest-time estimate (``waktu.<name>``, waktu.po) for ``pk-kata.js``'s
    ``when``, the page's copy of :func:`pola_karir.text.waktu.when`: the figures of the
    assumptions (years between promotions) filled in here from the module that cites them."""
    keep = {name: "{" + name + "}" for name in ("years", "constraints", "assumptions", "reasons")}
    words = {f"waktu.{name}": say(f"waktu.{name}", **keep) for name in TIMELINE_HEADS}
    words.update({f"waktu.dasar.{key}": say(f"waktu.dasar.{key}") for key in timeline.CONSTRAINTS})
    words.update({f"waktu.tidak.{key}": say(f"waktu.tidak.{key}") for key in TIMELINE_UNKNOWN})
    words.update(
        {f"waktu.asumsi.{key}": waktu.assumption(key, "", site_language()) for key in ASSUMPTIONS}
    )
    # The one assumption that names the profile's own predikat: left for the script to fill in.
    kept = timeline.ASSUME_RATING_KEPT
    words[f"waktu.asumsi.{kept}"] = say(f"waktu.asumsi.{kept}", rating="{rating}")
    return words


# --- the form -------------------------------------------------------------------------------


def _h(name: str, **values: object) -> str:
    """A text of the form (``site.explorer.form.<name>``), escaped for HTML."""
    return html.escape(say(f"site.explorer.form.{name}", **values))


def _options(pairs: list[tuple[str, str]], empty: str) -> str:
    first = f'<option value="">{html.escape(empty)}</option>'
    return first + "".join(
        f'<option value="{attr(value)}">{html.escape(label)}</option>' for value, label in pairs
    )


def _select(name: str, label: str, options: str, hint: str = "") -> str:
    ident = f"pk-j-{name.replace('_', '-')}"
    described = f' aria-describedby="{ident}-hint"' if hint else ""
    hint_html = f'<small class="pk-jelajah__hint" id="{ident}-hint">{html.escape(hint)}</small>'
    return (
        f'<div class="pk-jelajah__field"><label for="{ident}">{html.escape(label)}</label>'
        f'<select id="{ident}" name="{name}"{described}>{options}</select>'
        f"{hint_html if hint else ''}</div>"
    )


def _years(name: str, label: str, hint: str = "", key: str = "") -> str:
    ident = f"pk-j-{name.replace('_', '-')}"
    data = f' data-pk-pengalaman="{attr(key)}"' if key else ""
    hint = hint or say("site.explorer.form.years_hint")
    return (
        f'<div class="pk-jelajah__field"><label for="{ident}">{html.escape(label)}</label>'
        f'<input type="text" inputmode="decimal" autocomplete="off" id="{ident}" name="{name}" '
        f'size="6" aria-describedby="{ident}-hint"{data}>'
        f'<small class="pk-jelajah__hint" id="{ident}-hint">{html.escape(hint)}</small></div>'
    )


def _search_terms(dataset: Dataset, position: Position) -> str:
    """What the position picker's search looks in, besides the name: the names and
    abbreviations of every unit the position is placed in and of the units above them."""
    terms: dict[str, None] = {}
    for placement in position.placements:
        parts = placement.unit.split("/")
        for depth in range(len(parts)):
            unit = dataset.units.get("/".join(parts[: depth + 1]))
            if unit is not None:
                terms.setdefault(unit.name)
                if unit.short_name:
                    terms.setdefault(unit.short_name)
    return " ".join(terms)


def positions_by_unit(dataset: Dataset) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every position as (display name, id), grouped under the name of its perangkat daerah
    (groups in name order): what a position picker lists. The display name tells same-named
    positions apart (the shortest unit name that does)."""
    by_unit: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for position in dataset.positions.values():
        name = blocks.position_name(dataset, position.id)
        by_unit[position.unit.split("/")[0]].append((name, position.id))

    def unit_name(unit_id: str) -> str:
        unit = dataset.units.get(unit_id)
        return unit.name if unit else unit_id

    return [
        (unit_name(unit_id), by_unit[unit_id])
        for unit_id in sorted(by_unit, key=lambda u: (unit_name(u), u))
    ]


def script_tags(paths: Iterable[str]) -> str:
    """``<script>`` elements for site files, in order (their URLs made by the plugin)."""
    return "".join(f'<script src="{urls.ref(path)}"></script>' for path in paths)


def _position_select(dataset: Dataset) -> str:
    terms = {p.id: _search_terms(dataset, p) for p in dataset.positions.values()}
    groups = []
    for unit, positions in positions_by_unit(dataset):
        options = "".join(
            f'<option value="{attr(pid)}" data-pk-terms="{attr(terms[pid])}">'
            f"{html.escape(name)}</option>"
            for name, pid in sorted(positions)
        )
        groups.append(f'<optgroup label="{attr(unit)}">{options}</optgroup>')
    return (
        f'<div class="pk-jelajah__field"><label for="pk-j-cari">{_h("search")}</label>'
        '<input type="search" id="pk-j-cari" data-pk-search autocomplete="off" '
        f'placeholder="{_h("search_placeholder")}" aria-describedby="pk-j-cari-hint">'
        '<small class="pk-jelajah__hint" id="pk-j-cari-hint" data-pk-search-count '
        'aria-live="polite"></small></div>'
        f'<div class="pk-jelajah__field"><label for="pk-j-jabatan">{_h("position")}</label>'
        '<select id="pk-j-jabatan" name="jabatan">'
        f'<option value="">{_h("choose_position")}</option>{"".join(groups)}</select></div>'
    )


def _training_kind_order(kind: str) -> tuple[int, str]:
    known = kind in _TRAINING_KINDS
    return (_TRAINING_KINDS.index(kind) if known else len(_TRAINING_KINDS), kind)


def _trainings(dataset: Dataset) -> str:
    by_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for training in dataset.trainings.values():
        name = phrases.training(training.id, dataset, site_language())
        by_kind[training.kind].append((name, training.id))
    groups = []
    for kind in sorted(by_kind, key=_training_kind_order):
        boxes = "".join(
            f'<label class="pk-jelajah__check"><input type="checkbox" name="pelatihan" '
            f'value="{attr(tid)}"> {html.escape(name)}</label>'
            for name, tid in sorted(by_kind[kind], key=lambda item: (item[0].casefold(), item[1]))
        )
        legend = phrases.label("pelatihan", kind, site_language())
        legend = legend if kind in _TRAINING_KINDS else kind.capitalize()
        groups.append(
            f'<fieldset class="pk-jelajah__group"><legend>{html.escape(legend)}</legend>'
            f"{boxes}</fieldset>"
        )
    return (
        f'<details class="pk-jelajah__more"><summary>{_h("trainings")}'
        '<span data-pk-count="pelatihan"></span></summary>'
        f'<p class="pk-jelajah__hint">{_h("trainings_hint")}</p>'
        '<label class="pk-jelajah__check"><input type="checkbox" name="pelatihan_tidak_ada"> '
        f"{_h('no_trainings')}</label>"
        f"{''.join(groups)}</details>"
    )


def _experience(dataset: Dataset) -> str:
    """Years per position type, per jenjang and per job family (all its jenjang: what an
    experience requirement naming the family asks), each field keyed by its profile key."""
    short_hint = say("site.explorer.form.years_short_hint")
    level_fields = [
        (key, phrases.level_name(key, site_language()), short_hint) for key in ref.LEVELS
    ]
    family_hint = say("pengalaman.form.family_hint")
    families = [
        (family.id, family.name, family_hint)
        for family in sorted(dataset.families.values(), key=lambda f: (f.name.casefold(), f.id))
        if family.id not in ref.LEVELS  # a family id never shadows a type or grade field
    ]
    groups = []
    for legend, entries in (
        (say("site.explorer.form.structural"), [e for e in level_fields if _structural(e[0])]),
        (say("site.explorer.form.functional"), [e for e in level_fields if not _structural(e[0])]),
        (say("pengalaman.form.families"), families),
    ):
        if not entries:
            continue
        fields = "".join(
            _years(f"pengalaman_{key}", label, hint, key) for key, label, hint in entries
        )
        groups.append(
            f'<fieldset class="pk-jelajah__group pk-jelajah__grid"><legend>{html.escape(legend)}'
            f"</legend>{fields}</fieldset>"
        )
    return (
        f'<details class="pk-jelajah__more"><summary>{_h("experience")}'
        '<span data-pk-count="pengalaman"></span></summary>'
        f'<p class="pk-jelajah__hint">{_h("experience_hint")}</p>'
        '<label class="pk-jelajah__check"><input type="checkbox" name="pengalaman_lengkap"> '
        f"{_h('experience_complete')}</label>"
        f"{''.join(groups)}</details>"
    )


def _structural(level_key: str) -> bool:
    return ref.LEVELS[level_key].group != "JF"


def _competencies(dataset: Dataset) -> str:
    levels = _options(
        [(str(n), phrases.competency_level(n, site_language())) for n in range(1, 6)],
        say("site.explorer.form.not_assessed"),
    )
    groups = []
    for group in COMPETENCY_GROUPS:
        members = [c for c in dataset.competencies.values() if c.group == group]
        if not members:
            continue
        # Beside each choice, the chosen level's description (and its indikator perilaku
        # where the dictionary has them), written by the script from the open data.
        fields = "".join(
            f'<div class="pk-jelajah__field"><label for="pk-j-k-{attr(c.id)}">'
            f"{html.escape(c.name)}</label>"
            f'<select id="pk-j-k-{attr(c.id)}" name="kompetensi_{attr(c.id)}" '
            f'data-pk-kompetensi="{attr(c.id)}" aria-describedby="pk-j-k-{attr(c.id)}-level">'
            f"{levels}</select>"
            f'<div class="pk-jelajah__level" id="pk-j-k-{attr(c.id)}-level" '
            f'data-pk-level-for="{attr(c.id)}" aria-live="polite"></div></div>'
            for c in members
        )
        legend = html.escape(blocks.competency_group(group))
        groups.append(
            f'<fieldset class="pk-jelajah__group pk-jelajah__grid"><legend>{legend}'
            f"</legend>{fields}</fieldset>"
        )
    return (
        f'<details class="pk-jelajah__more"><summary>{_h("competencies")}'
        '<span data-pk-count="kompetensi"></span></summary>'
        f'<p class="pk-jelajah__hint">{_h("competencies_hint")}</p>'
        f"{''.join(groups)}</details>"
    )


def _education_fields(dataset: Dataset) -> str:
    """Fields of study the positions and the rumpun name, offered as suggestions while
    typing."""
    named = {
        field
        for p in dataset.positions.values()
        if p.requirements.education
        for field in p.requirements.education.fields
    }
    named.update(field for group in dataset.field_groups.values() for field in group.fields)
    fields = sorted(named, key=lambda f: (f.casefold(), f))
    datalist = "".join(f'<option value="{attr(f)}"></option>' for f in fields)
    return (
        '<div class="pk-jelajah__field"><label for="pk-j-bidang-pendidikan">'
        f"{_h('education_field')}</label>"
        '<input type="text" id="pk-j-bidang-pendidikan" '
        'name="bidang_pendidikan" list="pk-j-bidang-daftar" autocomplete="off" maxlength="200">'
        f'<datalist id="pk-j-bidang-daftar">{datalist}</datalist></div>'
    )


def _section(legend_key: str, content: str) -> str:
    return (
        f'<fieldset class="pk-jelajah__section"><legend>{_h(legend_key)}</legend>'
        f"{content}</fieldset>"
    )


def _form(dataset: Dataset) -> str:
    empty = say("site.explorer.form.not_filled")
    education = _options(
        [(code, phrases.label("pendidikan", code, site_language())) for code in ref.EDUCATION_RANK],
        empty,
    )
    ranks = _options(
        [(code, phrases.rank_choice(code, site_language())) for code in ref.RANKS], empty
    )
    ratings = _options([(r, phrases.rating(r, site_language())) for r in _RATINGS], empty)
    years_back = [say(f"site.explorer.form.rating_year_{i}") for i in range(3)]
    moves = "".join(
        f'<option value="{n}"{" selected" if n == DEFAULT_MOVES else ""}>'
        f"{_h('moves_option', count=n)}</option>"
        for n in MAX_MOVES
    )
    current = (
        f"{_position_select(dataset)}"
        '<div class="pk-jelajah__grid">'
        f"{_years('masa_golongan', say('site.explorer.form.years_in_rank'))}"
        f"{_years('masa_jabatan', say('site.explorer.form.years_in_position'))}"
        f"{_years('masa_kerja', say('site.explorer.form.years_of_service'))}"
        "</div>"
    )
    education_and_rank = (
        '<div class="pk-jelajah__grid">'
        + _select(
            "pendidikan",
            say("site.explorer.form.education"),
            education,
            say("site.explorer.form.education_hint"),
        )
        + _education_fields(dataset)
        + _select("golongan", say("site.explorer.form.rank"), ranks)
        + "</div>"
    )
    performance = (
        f'<p class="pk-jelajah__hint">{_h("ratings_hint")}</p>'
        '<div class="pk-jelajah__grid">'
        + "".join(_select(f"kinerja_{i}", label, ratings) for i, label in enumerate(years_back))
        + "</div>"
    )
    return (
        f'<form class="pk-jelajah__form" novalidate aria-label="{_h("label")}">'
        + _section("position", current)
        + _section("education_and_rank", education_and_rank)
        + _section("ratings", performance)
        + f"{_trainings(dataset)}{_experience(dataset)}{_competencies(dataset)}"
        '<div class="pk-jelajah__grid pk-jelajah__bottom">'
        f"{_select('langkah', say('site.explorer.form.moves'), moves)}"
        "</div>"
        '<div class="pk-jelajah__actions">'
        f'<button type="button" class="md-button" data-pk-action="export">{_h("export")}</button>'
        f'<button type="button" class="md-button" data-pk-action="import">{_h("import")}</button>'
        f'<button type="button" class="md-button" data-pk-action="reset">{_h("reset")}</button>'
        '<input type="file" accept=".json,application/json" data-pk-file hidden '
        f'aria-label="{_h("profile_file")}">'
        "</div>"
        '<p class="pk-jelajah__message" data-pk-message role="status" aria-live="polite"></p>'
        "</form>"
    )


def _results() -> str:
    only_open = html.escape(say("formasi.jelajah.only_open_label"))
    return (
        '<section class="pk-jelajah__results" aria-labelledby="pk-j-hasil">'
        f'<h2 id="pk-j-hasil">{_h("results")}</h2>'
        '<label class="pk-jelajah__check"><input type="checkbox" data-pk-only-open> '
        f"{only_open}</label>"
        '<p class="pk-jelajah__summary" data-pk-summary role="status" aria-live="polite">'
        f"{_h('loading')}</p>"
        '<ol class="pk-jelajah__list" data-pk-results></ol>'
        "</section>"
    )
