"""The *Riwayat perubahan* page, the "data last changed" line of every page, and the Markdown
of a comparison (the same for the page and for ``pola-karir diff --format markdown``, which a CI
job summary shows).

The history itself is computed by :mod:`pola_karir.history.timeline` from the data folder's
path; pages only say it. Every value from the data, a tag name and a commit message included,
is escaped with :func:`~pola_karir.site.text.md`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Final

from pola_karir.diagnostics import Severity
from pola_karir.history.compare import ENTITIES, Change
from pola_karir.history.diff import Diff, heading, notes
from pola_karir.history.timeline import Entry, History, Status
from pola_karir.history.wording import entity_label, sentence
from pola_karir.model import Dataset
from pola_karir.site.page import Page, emphasis, front, say, say_units, site_language
from pola_karir.site.text import bullets, md
from pola_karir.text.catalogue import text
from pola_karir.text.diagnostics import message

PAGE: Final = "riwayat.md"


def title() -> str:
    return say("riwayat.page.title")


def date_words(date: str, lang: str | None = None) -> str:
    """``2026-03-12`` as "12 Maret 2026" (month names from the catalogue); a value that is
    not such a date (it comes from git) is shown as it is."""
    lang = lang or site_language()
    year, _, rest = date.partition("-")
    month, _, day = rest.partition("-")
    if not (year.isdigit() and month.isdigit() and day.isdigit() and 1 <= int(month) <= 12):
        return date
    return text(
        "riwayat.date",
        lang,
        day=int(day),
        month=text(f"riwayat.month.{int(month)}", lang),
        year=year,
    )


def last_changed(date: str) -> str:
    """The closing line of a page: when its data last changed."""
    # A blank line first: a page may end in a raw HTML block, which only a blank line closes.
    return "\n\n" + emphasis(say("riwayat.last_changed", date=md(date_words(date)))) + "\n"


def dated(pages: Iterable[Page], history: History | None) -> list[Page]:
    """Each page with the date its data last changed (its own file's, or the folder's for a
    page drawn from all of it); unchanged where no date is known."""
    result: list[Page] = []
    for page in pages:
        date = history.date_of(page.source_file) if history else None
        result.append(replace(page, markdown=page.markdown + last_changed(date)) if date else page)
    return result


def changes_markdown(
    changes: Sequence[Change],
    before: Dataset | None,
    after: Dataset | None,
    lang: str | None = None,
) -> str:
    """Changes as bulleted lists under the name of each entity kind (in bold, so the table of
    contents keeps to the versions)."""
    lang = lang or site_language()
    parts: list[str] = []
    for entity in ENTITIES:
        found = [c for c in changes if c.entity == entity]
        if found:
            parts.append(f"**{entity_label(entity, lang)}**\n")
            parts.append(bullets(md(sentence(c, before, after, lang)) for c in found) + "\n")
    return "\n".join(parts)


def diff_markdown(diff: Diff, lang: str | None = None) -> str:
    """``pola-karir diff --format markdown``: a heading, the notes, the changes."""
    lang = lang or site_language()
    parts = [f"### {md(heading(diff, lang))}\n", *(md(note) + "\n" for note in notes(diff, lang))]
    if diff.changes:
        parts.append(changes_markdown(diff.changes, diff.before.dataset, diff.after.dataset, lang))
    return "\n".join(parts)


def invalid_markdown(diff: Diff, lang: str | None = None) -> str:
    """For a job summary when the data at a revision is not valid: which, and its errors."""
    lang = lang or site_language()
    parts = [
        md(text("riwayat.cli.invalid", lang, revision=side.revision)) + "\n"
        for side in diff.invalid()
    ]
    errors = [d for d in diff.diagnostics if d.severity is Severity.ERROR]
    lines = [
        md(f"{(at := d.location).file}:{at.line}:{at.column}: [{d.code}] {message(d, lang)}")
        for d in errors
    ]
    parts.append(bullets(lines) + "\n")
    return "\n".join(parts)


# --- the page --------------------------------------------------------------------------------


def history_page(history: History | None) -> Page:
    """Versions newest first, each with its changes; or why there is no history here."""
    parts = [front(title())]
    if history is None or not history.available:
        parts.append(unavailable_text(history) + "\n")
        return Page(PAGE, title(), "\n".join(parts))
    intro = "riwayat.page.intro_tags" if history.by_tags else "riwayat.page.intro_commits"
    parts.append(say(intro) + "\n")
    listed = sum(1 for e in history.entries if not e.pending)
    if history.total > listed:
        parts.append(say("riwayat.page.capped", shown=listed, total=history.total) + "\n")
    parts += [_entry(entry) for entry in history.entries]
    return Page(PAGE, title(), "\n".join(parts))


def unavailable_text(history: History | None, lang: str | None = None) -> str:
    """Why there is no history and what to change, in HR's words: the reason's own sentence
    (``riwayat-alasan.po``), never git's message, which may name folders of the build
    machine; the general one when the reason is not known (no data folder was given)."""
    lang = lang or site_language()
    if history is None or history.reason is None:
        return text("riwayat.page.unavailable", lang)
    return text(f"riwayat.unavailable.{history.reason.value}", lang)


def _entry(entry: Entry) -> str:
    when = date_words(entry.date)
    if entry.pending:
        head = say("riwayat.page.pending", tag=md(entry.label), date=when)
    else:
        head = say("riwayat.page.version", label=md(entry.label), date=when)
    parts = [f"## {head}\n"]
    if entry.subject:
        parts.append(emphasis(md(entry.subject)) + "\n")
    if entry.status is Status.FIRST:
        parts.append(_first(entry.after) + "\n")
    elif entry.status is Status.INVALID:
        parts.append(say("riwayat.page.invalid") + "\n")
    elif entry.same:
        parts.append(say("riwayat.page.same") + "\n")
    elif not entry.changes:
        parts.append(say("riwayat.page.no_changes") + "\n")
    else:
        parts.append(changes_markdown(entry.changes, entry.before, entry.after))
    return "\n".join(parts)


def _first(dataset: Dataset | None) -> str:
    if dataset is None:
        return say("riwayat.page.first")
    return say_units(
        dataset,
        "riwayat.page.first_counts",
        positions=len(dataset.positions),
        paths=len(dataset.paths),
        units=sum(1 for u in dataset.units.values() if u.parent is None),
    )
