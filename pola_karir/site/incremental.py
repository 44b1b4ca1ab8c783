"""The site's content after an edit, made again only where the edit can show.

``mkdocs serve`` makes the whole content again after every save: at 5,000 positions about
8 s for one changed line, when one page shows it. :func:`update_content` compares the
dataset before and after the edit record by record and makes again only the pages that can
read a changed record, taking every other page from the content made before. Whenever it
answers, its content is the one :func:`~pola_karir.site.build.site_content` would make from
the new dataset; where it cannot bound what an edit reaches (a unit, a job family, a
regulation, the agency, a position or path added, removed or renamed) it answers None and the
caller makes everything again.

What a page reads, found by reading the page builders (``pages``, ``catalog``, ``home``,
``diagrams``, ``blocks``, ``names``):

* a position's keterangan: its own page only (the open data, the annex and every other page
  leave it out); its ikhtisar and tugas: its own page and the open data (files and page);
* any other field of a position (and its displayed name, which also changes with a namesake's
  name or units): its own page, the pages of the positions one move away in either direction
  (their neighbourhood diagram, next and previous steps), the positions whose experience
  requirement names it and those one move away from them (a page shows what to prepare for
  the next position: its requirements), the paths with a move from or to it (their table and
  shortest climb), the perangkat daerah it is or was placed in (members, peta jabatan), the
  competencies it asks for or asked for; and every page drawn from the whole dataset
  (indexes, overview, explorer, open data, annex), the job families and the regulations
  (cheap, and they name positions in their own ways);
* a career path: its own page, the positions at either end of any of its moves, the
  perangkat daerah those are placed in, and the pages drawn from the whole dataset.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from functools import partial
from pathlib import Path

from pola_karir.forked import Forked
from pola_karir.history import timeline
from pola_karir.history.timeline import History
from pola_karir.model import CareerPath, Dataset, Position
from pola_karir.site import catalog
from pola_karir.site.build import (
    COMPETENCY,
    FAMILY,
    HISTORY,
    OPEN_DATA_PAGE,
    PATH,
    POSITION,
    REGULATION,
    UNIT,
    WHOLE,
    PageMaker,
    SiteContent,
    all_files,
    closing_makers,
    dated,
    first_makers,
    later_makers,
    site_nav,
)
from pola_karir.site.history import last_changed
from pola_karir.site.limits import Limits
from pola_karir.site.page import Page, in_language, site_language
from pola_karir.text import names

# The fields of a position that only its own page shows, and those it shares with the open
# data alone (the files and the page listing them).
OWN_PAGE_FIELDS = frozenset({"note"})
OPEN_DATA_FIELDS = OWN_PAGE_FIELDS | {"summary", "duties"}


@dataclass(frozen=True)
class Update:
    """The content after an edit, and what of it differs from the content before."""

    content: SiteContent  # what site_content makes from the new dataset
    # The pages whose Page differs: those of the edited files first, then the other pages of
    # one record, then those drawn from the whole dataset, each group in the site's order.
    changed: tuple[str, ...]
    files_changed: bool  # whether content.files differ from the content before


@dataclass(frozen=True)
class Reach:
    """The pages an edit can show in: of these records, or every page of the whole dataset."""

    positions: frozenset[str] = frozenset()
    paths: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()  # perangkat daerah (top-level units)
    competencies: frozenset[str] = frozenset()
    whole: bool = False  # the pages and files drawn from the whole dataset, families, regulations
    open_data: bool = False  # the published files and the open data page (part of ``whole``)
    edited: frozenset[str] = frozenset()  # the data files of the changed records

    @property
    def files(self) -> bool:
        """Whether the published files may differ."""
        return self.whole or self.open_data

    def reaches(self, maker: PageMaker) -> bool:
        """Whether the page of ``maker`` may differ after the edit."""
        if maker.kind == WHOLE and maker.key == OPEN_DATA_PAGE:
            return self.files
        if maker.kind in (WHOLE, FAMILY, REGULATION):
            return self.whole
        found = {
            POSITION: self.positions,
            PATH: self.paths,
            UNIT: self.units,
            COMPETENCY: self.competencies,
        }.get(maker.kind)
        return found is not None and maker.key in found


def update_content(
    old: Dataset,
    new: Dataset,
    old_content: SiteContent,
    lang: str,
    limits: Limits,
    data_dir: Path | None,
    on_page: Callable[[Page], None] = lambda page: None,
    processes: int = 1,
    *,
    keep_diagrams: bool = True,
) -> Update | None:
    """The content of ``new`` made from ``old_content`` (the content of ``old`` made with the
    same ``lang``, ``limits``, ``data_dir`` and ``keep_diagrams``), making again only the
    pages the edit can reach; None when what it reaches cannot be bounded (see the module).

    ``on_page`` is given each page made again, with its diagrams, as site_content gives every
    page. Without ``keep_diagrams`` the old pages hold no diagrams to compare, so a page made
    again that has any counts as changed (its diagram may have). With ``processes`` of 2 or
    more, a forked child makes the open data while this process makes the pages, as in
    site_content (:mod:`pola_karir.forked`)."""
    with in_language(lang):
        reach = edit_reach(old, new, lang)
        if reach is None:
            return None
        return _update(reach, new, old_content, limits, data_dir, on_page, keep_diagrams, processes)


def edited_pages(
    old: Dataset,
    new: Dataset,
    old_content: SiteContent,
    lang: str,
    limits: Limits,
    data_dir: Path | None,
) -> tuple[Page, ...] | None:
    """The pages of the records written in the edited files (a position's page, a career
    path's page), made from ``new`` ahead of :func:`update_content`, which makes the same
    pages (the same makers) and every other page the edit reaches. An edit that changes a
    position's name reaches hundreds of pages at thousands of positions, the open data and
    the annex among them; the page the editor is looking at need not wait for them. None
    when :func:`update_content` would not bound the edit either, or a page is not the one
    in its place before."""
    with in_language(lang):
        reach = edit_reach(old, new, lang)
        if reach is None:
            return None
        data_history = timeline.data_history(data_dir) if data_dir is not None else None
        body = [*first_makers(new, limits), *later_makers(new, limits)]
        if len(body) >= len(old_content.pages):
            return None
        made: list[Page] = []
        for maker, before in zip(body, old_content.pages, strict=False):
            if not _of_edited_file(maker, new, reach):
                continue
            page = dated(maker, maker.make(), data_history)
            if page.src != before.src:
                return None
            made.append(page)
        return tuple(made)


def _of_edited_file(maker: PageMaker, new: Dataset, reach: Reach) -> bool:
    """Whether ``maker`` makes the page of a record written in an edited file."""
    record: Position | CareerPath | None = None
    if maker.kind == POSITION:
        record = new.positions.get(maker.key)
    elif maker.kind == PATH:
        record = new.paths.get(maker.key)
    return record is not None and record.source in reach.edited and reach.reaches(maker)


def _update(
    reach: Reach,
    new: Dataset,
    old_content: SiteContent,
    limits: Limits,
    data_dir: Path | None,
    on_page: Callable[[Page], None],
    keep_diagrams: bool,
    processes: int,
) -> Update | None:
    data_history = timeline.data_history(data_dir) if data_dir is not None else None
    made: list[Page] = []
    changed: list[tuple[int, int, str]] = []  # (group, place, src)

    def step(maker: PageMaker, before: Page) -> bool:
        """The page of ``maker`` in place of ``before``, made again if the edit reaches it;
        False when it is not the same page (then nothing of the update can be trusted)."""
        remake = reach.reaches(maker) or (
            maker.kind == HISTORY and data_history != old_content.history
        )
        if remake:
            page = dated(maker, maker.make(), data_history)
            if page.src != before.src:
                return False
            on_page(page)
            kept = page if keep_diagrams else replace(page, diagrams=())
            differs = kept != before or (not keep_diagrams and bool(page.diagrams))
        else:
            kept = _redated(maker, before, old_content.history, data_history)
            differs = kept is not before
        if differs:
            changed.append((_group(maker, kept, reach), len(made), kept.src))
        made.append(kept)
        return True

    # The open data (at 5,000 positions 4 s of the 8 an edit of a name costs) is made by a
    # forked child meanwhile, when there is a second process to be had and it is wanted.
    lang = site_language()
    work = partial(_file_items, new, lang)
    with Forked(work, processes if reach.files else 1) as child:
        body = [*first_makers(new, limits), *later_makers(new, limits)]
        if len(body) >= len(old_content.pages):
            return None
        if not all(map(step, body, old_content.pages)):
            return None
        files = dict(child.result()) if reach.files else old_content.files
    closing = closing_makers(new, files, data_history, partial(catalog.annex_page, new))
    if len(body) + len(closing) != len(old_content.pages):
        return None
    if not all(map(step, closing, old_content.pages[len(body) :])):
        return None
    content = SiteContent(tuple(made), site_nav(new, limits), files, data_history)
    files_changed = files is not old_content.files and files != old_content.files
    return Update(content, tuple(src for *_, src in sorted(changed)), files_changed)


def _file_items(dataset: Dataset, lang: str) -> list[tuple[str, str]]:
    """The published files as (site path, text), in ``lang``: a forked child starts in the
    language of its parent's thread, which need not be the site's."""
    with in_language(lang):
        return list(all_files(dataset).items())


def _group(maker: PageMaker, page: Page, reach: Reach) -> int:
    """Where a changed page comes in ``Update.changed``: the edited files' pages first (the
    one the editor is looking at), then pages of one record, then the rest."""
    if page.source_file is not None and page.source_file in reach.edited:
        return 0
    return 2 if maker.kind == WHOLE else 1


def _redated(maker: PageMaker, page: Page, before: History | None, after: History | None) -> Page:
    """A page not made again, with the date its data last changed after the edit: the date
    is the page's last line (:func:`~pola_karir.site.history.dated`), swapped for the new."""
    if not maker.dated:
        return page
    old_date = before.date_of(page.source_file) if before else None
    new_date = after.date_of(page.source_file) if after else None
    if old_date == new_date:
        return page
    markdown = page.markdown.removesuffix(last_changed(old_date)) if old_date else page.markdown
    return replace(page, markdown=markdown + last_changed(new_date) if new_date else markdown)


# --- what an edit reaches ----------------------------------------------------------------------


def edit_reach(old: Dataset, new: Dataset, lang: str) -> Reach | None:
    """The pages that may differ between ``old`` and ``new``; None when not bounded here."""
    if not _same_frame(old, new):
        return None
    positions = [pid for pid in new.positions if _differs(old.positions[pid], new.positions[pid])]
    paths = [pid for pid in new.paths if _path_differs(old.paths[pid], new.paths[pid])]
    sources = [
        *(dataset.positions[pid].source for dataset in (old, new) for pid in positions),
        *(dataset.paths[pid].source for dataset in (old, new) for pid in paths),
    ]
    edited = frozenset(source for source in sources if source)
    changed = {
        f for pid in positions for f in _changed_fields(old.positions[pid], new.positions[pid])
    }
    carried = names.carry_over(old, new, lang)
    if not paths and carried and changed <= OPEN_DATA_FIELDS:
        own = frozenset(positions)
        return Reach(positions=own, open_data=not changed <= OWN_PAGE_FIELDS, edited=edited)
    renamed = [] if carried else _renamed(old, new, lang)
    return _wide_reach(old, new, {*positions, *renamed}, paths, edited)


def _same_frame(old: Dataset, new: Dataset) -> bool:
    """Whether only positions and paths may differ, each kept under its id and in its order,
    with the same page for target positions (which comes and goes with them)."""
    return (
        old.agency == new.agency
        and list(old.positions) == list(new.positions)
        and list(old.paths) == list(new.paths)
        and old.units == new.units
        and old.families == new.families
        and old.competencies == new.competencies
        and old.trainings == new.trainings
        and old.regulations == new.regulations
        and old.field_groups == new.field_groups
        and bool(old.targets) == bool(new.targets)
    )


def _wide_reach(
    old: Dataset,
    new: Dataset,
    records: set[str],
    paths: list[str],
    edited: frozenset[str],
) -> Reach:
    """The reach of positions whose record or displayed name changed (``records``) and of
    changed ``paths``: see the module's list."""
    moved = {
        end
        for dataset in (old, new)
        for pid in paths
        for move in dataset.paths[pid].moves
        for end in (move.source, move.target)
    }
    citing = {
        position.id
        for position in new.positions.values()
        for item in position.requirements.experience
        if any(pid in records for pid in item.positions)
    }
    # A page shows its neighbours' requirements too (what to prepare for the next step), so a
    # requirement naming a changed position is seen from one move away.
    shown = records | citing
    neighbours = {
        end
        for dataset in (old, new)
        for pid in shown
        for move in (*dataset.moves_from(pid), *dataset.moves_to(pid))
        for end in (move.source, move.target)
    }
    touched_paths = {
        move.path
        for dataset in (old, new)
        for pid in records
        for move in (*dataset.moves_from(pid), *dataset.moves_to(pid))
    }
    placed = {*records, *moved}
    return Reach(
        positions=frozenset({*records, *neighbours, *citing, *moved}),
        paths=frozenset({*paths, *touched_paths}),
        units=frozenset(_tops(old, placed) | _tops(new, placed)),
        competencies=frozenset(
            competency
            for dataset in (old, new)
            for pid in records
            for competency in dataset.positions[pid].requirements.competencies.all_levels()
        ),
        whole=True,
        edited=edited,
    )


def _tops(dataset: Dataset, positions: Iterable[str]) -> set[str]:
    """The perangkat daerah the ``positions`` are placed in."""
    return {top for pid in positions for top in dataset.positions[pid].tops}


def _renamed(old: Dataset, new: Dataset, lang: str) -> list[str]:
    """The positions whose displayed name differs (a namesake's edit qualifies or frees it)."""
    before, after = names.position_names(old, lang), names.position_names(new, lang)
    return [pid for pid in new.positions if before.get(pid) != after.get(pid)]


def _differs(old: Position, new: Position) -> bool:
    """Whether two versions of a position differ in what a page can show (not where in its
    file a value was written: an added line moves every value below it)."""
    return old is not new and old != new and _bare(old) != _bare(new)


def _changed_fields(old: Position, new: Position) -> set[str]:
    bare_old, bare_new = _bare(old), _bare(new)
    return {
        f.name
        for f in fields(Position)
        if f.compare and getattr(bare_old, f.name) != getattr(bare_new, f.name)
    }


def _bare(position: Position) -> Position:
    """The position without the places its values were written at (no page shows them)."""
    placements = tuple(replace(p, location=None) for p in position.placements)
    return replace(position, location=None, placements=placements)


def _path_differs(old: CareerPath, new: CareerPath) -> bool:
    return old is not new and old != new and _bare_path(old) != _bare_path(new)


def _bare_path(path: CareerPath) -> CareerPath:
    moves = tuple(replace(m, location=None) for m in path.moves)
    return replace(path, location=None, moves=moves)
