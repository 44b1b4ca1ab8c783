"""The history of a data folder for the site: what changed per version, and when each file did.

One ``git log --name-only`` pass over the data folder gives every commit that touched it with
its files, so each page's "data last changed" date comes from the same pass (never one process
per page). The *Riwayat perubahan* page lists the changes per tag, newest first (a tag is how an
agency marks a version it published), or, without tags, per commit touching the data, capped at
:data:`LIMIT` entries. Each version's data is read once (by the id of its data tree, so two
versions with the same data share one model) and compared with the version before it.

Dates come from commits, never from the clock, so a commit builds the same site on any day. A
file changed but not committed has no date (its last commit does not date it), and neither do
the pages that sum up the whole folder then. Outside a git work tree, without git, in a shallow
clone (whose cut-off history would date every file by its one commit) or before the first
commit of the data, there is no history: :attr:`History.available` is False, and nothing fails.
:attr:`History.reason` then says which of these it is, so the page can tell HR what to change,
and :attr:`History.detail` keeps git's own words (which may name folders of the build machine)
for the build log only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Final

from pola_karir.history import git
from pola_karir.history.compare import Change, compare
from pola_karir.history.snapshot import TreeReader
from pola_karir.model import Dataset

LIMIT: Final = 20  # versions listed on the page; older ones stay in git


class Status(StrEnum):
    CHANGED = "changed"  # compared with the version before: ``changes`` (maybe none)
    FIRST = "first"  # the oldest version listed that has none before it
    INVALID = "invalid"  # the data of this version or the one before was not valid


@dataclass(frozen=True)
class Entry:
    """One version: a tag (``label`` its name) or a commit (``label`` its short id, ``subject``
    the first line of its message), or the commits since the newest tag (``pending``)."""

    label: str
    commit: str
    date: str  # YYYY-MM-DD
    status: Status
    changes: tuple[Change, ...] = ()
    before: Dataset | None = field(default=None, compare=False)
    after: Dataset | None = field(default=None, compare=False)
    subject: str = ""
    pending: bool = False
    same: bool = False  # the data tree is the one of the version before: nothing changed


class Unavailable(StrEnum):
    """Why a data folder has no history, each with its own fix (``riwayat-alasan.po``)."""

    NO_GIT = "no_git"  # git is not installed where the site is built
    NOT_A_REPO = "not_a_repo"  # the folder is in no git work tree (a copy, a ZIP download)
    SHALLOW = "shallow"  # a clone with its history cut off (CI checking out at depth 1)
    UNSAFE = "unsafe"  # git refuses a repository another user owns (a CI container)
    NOT_COMMITTED = "not_committed"  # no commit touches the data folder yet
    GIT_FAILED = "git_failed"  # git answered with an error (a damaged repository, a timeout)


# The reason for each error :mod:`pola_karir.history.git` raises; any other is git's failure.
_REASONS: Final = {
    "riwayat.git.missing": Unavailable.NO_GIT,
    "riwayat.git.not_a_repo": Unavailable.NOT_A_REPO,
    "riwayat.git.unsafe": Unavailable.UNSAFE,
}


@dataclass(frozen=True)
class History:
    available: bool
    dates: Mapping[str, str] = field(default_factory=dict)  # data file -> YYYY-MM-DD
    latest: str | None = None  # the last change of the whole folder, if all of it is committed
    entries: tuple[Entry, ...] = ()
    by_tags: bool = False
    total: int = 0  # versions there are (tags, or commits touching the data)
    reason: Unavailable | None = None  # why not available
    detail: str = ""  # git's own words on that, for the build log (never a page)

    def date_of(self, source_file: str | None) -> str | None:
        """When the data behind a page last changed: its own file, or for a page drawn from
        the whole folder (no file of its own) the folder's last change."""
        if not self.available:
            return None
        return self.dates.get(source_file) if source_file else self.latest


def unavailable(reason: Unavailable, detail: str = "") -> History:
    return History(available=False, reason=reason, detail=detail)


def _failure(error: git.GitError) -> History:
    """The history of a folder git could not read: the reason, and git's words if it had any
    (its error line, or the folder it was asked about)."""
    reason = _REASONS.get(error.key, Unavailable.GIT_FAILED)
    values = error.values
    detail = values.get("error") or values.get("reason") or values.get("folder") or ""
    return unavailable(reason, str(detail))


def data_history(folder: Path, limit: int = LIMIT) -> History:
    """The history of ``folder``; not available, with the reason, wherever git cannot tell
    it."""
    try:
        repo = git.repository(folder)
        if repo.shallow:
            return unavailable(Unavailable.SHALLOW, str(repo.top))
        log = git.data_log(repo)
        if not log:
            return unavailable(Unavailable.NOT_COMMITTED, str(folder))
        changed = git.changed_files(repo)
        dates: dict[str, str] = {}
        for commit in log:
            for name in commit.files:
                dates.setdefault(name, commit.date)
        for name in changed:
            dates.pop(name, None)
        latest = None if changed else max(commit.date for commit in log)
        tags = tuple(git.tags(repo))
        head = git.commit_of(repo, "HEAD")
        entries = _versions(repo, tags, tuple(log), head, limit)
    except git.GitError as error:
        return _failure(error)
    return History(True, dates, latest, entries, bool(tags), len(tags) or len(log))


@lru_cache(maxsize=1)
def _versions(
    repo: git.Repository,
    tags: tuple[git.Tag, ...],
    log: tuple[git.LoggedCommit, ...],
    head: str,
    limit: int,
) -> tuple[Entry, ...]:
    """The versions listed; kept for the next call while the commits, tags and HEAD are the
    same (``mkdocs serve`` rebuilds on every edit: the past does not change meanwhile).
    Committed files only, so an edit in the work tree never makes it stale."""
    with TreeReader(repo, repo.prefix or ".") as reader:
        models = _Models(reader)
        if tags:
            return _by_tags(repo, models, list(tags), head, list(log), limit)
        return _by_commits(repo, models, list(log), limit)


class _Models:
    """Each data tree read once; None for a folder that did not exist, or data not valid."""

    def __init__(self, reader: TreeReader) -> None:
        self.reader = reader
        self.cache: dict[str | None, tuple[Dataset | None, bool]] = {None: (None, True)}

    def get(self, tree: str | None) -> tuple[Dataset | None, bool]:
        """The model of ``tree`` and whether it is usable (absent counts as empty, usable)."""
        if tree not in self.cache:
            assert tree is not None
            dataset = self.reader.load(tree).dataset
            self.cache[tree] = (dataset, dataset is not None)
        return self.cache[tree]


def _entry(
    models: _Models,
    trees: Mapping[str, str | None],
    commit: str,
    previous: str | None,
    head: Entry,
) -> Entry:
    """``head`` (label, commit, date, subject) completed: compared with ``previous``."""
    after, after_ok = models.get(trees.get(commit))
    if previous is None:
        return replace(head, status=Status.FIRST, after=after)
    before, before_ok = models.get(trees.get(previous))
    if not (before_ok and after_ok):
        return replace(head, status=Status.INVALID)
    if trees.get(previous) == trees.get(commit):
        return replace(head, before=before, after=after, same=True)
    return replace(head, changes=compare(before, after), before=before, after=after)


def _by_tags(
    repo: git.Repository,
    models: _Models,
    tags: list[git.Tag],
    head: str,
    log: list[git.LoggedCommit],
    limit: int,
) -> tuple[Entry, ...]:
    """Newest tag first, each against the tag before it; first, the commits since the newest
    tag when they changed the data."""
    shown = tags[: limit + 1]
    trees = git.data_trees(repo, [head, *(t.commit for t in shown)])
    entries: list[Entry] = []
    if trees.get(head) != trees.get(shown[0].commit):
        pending = Entry(shown[0].name, head, log[0].date, Status.CHANGED, pending=True)
        entries.append(_entry(models, trees, head, shown[0].commit, pending))
    for index, tag in enumerate(shown[:limit]):
        previous = shown[index + 1].commit if index + 1 < len(shown) else None
        entry = Entry(tag.name, tag.commit, tag.date, Status.CHANGED)
        entries.append(_entry(models, trees, tag.commit, previous, entry))
    return tuple(entries)


def _by_commits(
    repo: git.Repository, models: _Models, log: list[git.LoggedCommit], limit: int
) -> tuple[Entry, ...]:
    """The newest commits touching the data, each against its first parent."""
    shown = log[:limit]
    parents = [c.parents[0] for c in shown if c.parents]
    trees = git.data_trees(repo, [*(c.commit for c in shown), *parents])
    subjects = git.subjects(repo, [c.commit for c in shown])
    return tuple(
        _entry(
            models,
            trees,
            c.commit,
            c.parents[0] if c.parents else None,
            Entry(
                c.commit[:7], c.commit, c.date, Status.CHANGED, subject=subjects.get(c.commit, "")
            ),
        )
        for c in shown
    )
