"""``pola-karir diff REV_A REV_B``: the data at two revisions, compared, as text or JSON.

The result says what changed or, when the data at either revision is not valid, the
diagnostics of that revision (files named ``REV:data/…``): a comparison of a model that could
not be built would be a guess. A data folder that did not exist at a revision (the pull request
that adds it) is compared as empty: everything on the other side is new. The Markdown form, for
a CI job summary, is :func:`pola_karir.site.history.diff_markdown` (it escapes like the site).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pola_karir.diagnostics import Diagnostic
from pola_karir.history import git
from pola_karir.history.compare import ENTITIES, Change, Kind, compare
from pola_karir.history.snapshot import Snapshot, snapshot
from pola_karir.history.wording import entity_label, sentence
from pola_karir.model import ExperienceRequirement
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, text
from pola_karir.text.terminal import json_safe, shown

FORMATS = ("text", "json", "markdown")
_MARK = {Kind.ADDED: "+", Kind.REMOVED: "-", Kind.CHANGED: "~"}


@dataclass(frozen=True)
class Diff:
    before: Snapshot
    after: Snapshot
    changes: tuple[Change, ...]

    @property
    def usable(self) -> bool:
        return self.before.usable and self.after.usable

    def invalid(self) -> list[Snapshot]:
        """The revisions whose data is not valid (the same revision twice counts once)."""
        sides = [side for side in (self.before, self.after) if not side.usable]
        return sides[:1] if len(sides) == 2 and sides[0].commit == sides[1].commit else sides

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """What is wrong at the revisions that are not valid, as ``validate`` reports it."""
        return tuple(d for side in self.invalid() for d in side.diagnostics)

    @property
    def file_count(self) -> int:
        return sum(side.file_count for side in self.invalid())

    def grouped(self) -> list[tuple[str, list[Change]]]:
        """Changes per entity kind, in :data:`ENTITIES` order, kinds without any left out."""
        groups = [(e, [c for c in self.changes if c.entity == e]) for e in ENTITIES]
        return [(entity, found) for entity, found in groups if found]


def diff_revisions(folder: Path, revision_a: str, revision_b: str) -> Diff:
    """Compare the data folder ``folder`` at two revisions; :class:`git.GitError` when either
    names no commit, ``folder`` is not in a git work tree, or it is a folder at neither
    revision: a mistyped ``--data`` (or a file named) would otherwise report "no changes"."""
    repo = git.repository(folder)
    before = snapshot(repo, revision_a)
    after = snapshot(repo, revision_b)
    if before.absent and after.absent:
        raise git.GitError(
            "riwayat.git.no_data_folder", folder=str(folder), before=revision_a, after=revision_b
        )
    if not (before.usable and after.usable):
        return Diff(before, after, ())
    same = before.tree == after.tree and not before.absent
    return Diff(before, after, () if same else compare(before.dataset, after.dataset))


def heading(diff: Diff, lang: str = DEFAULT_LANGUAGE) -> str:
    """The line that opens each report: the two revisions, and how many changes."""
    if diff.changes:
        key = "riwayat.cli.heading"
    elif diff.before.tree == diff.after.tree:
        key = "riwayat.cli.no_changes"
    else:  # files changed, but nothing this command lists (a regulation, a training)
        key = "riwayat.cli.no_listed_changes"
    return text(
        key,
        lang,
        before=diff.before.revision,
        before_commit=diff.before.commit[:7],
        after=diff.after.revision,
        after_commit=diff.after.commit[:7],
        count=len(diff.changes),
    )


def notes(diff: Diff, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """A revision without the data folder is said, so "everything is new" is not a surprise."""
    return [
        text("riwayat.cli.absent", lang, revision=side.revision)
        for side in (diff.before, diff.after)
        if side.absent
    ]


def as_text(diff: Diff, lang: str = DEFAULT_LANGUAGE) -> str:
    """One line per change under a heading per entity kind, each line terminal-safe."""
    lines = [shown(heading(diff, lang)), *(shown(note) for note in notes(diff, lang))]
    before, after = diff.before.dataset, diff.after.dataset
    for entity, changes in diff.grouped():
        lines += ["", entity_label(entity, lang)]
        lines += [f"  {_MARK[c.kind]} {shown(sentence(c, before, after, lang))}" for c in changes]
    return "\n".join(lines) + "\n"


def as_json(diff: Diff, lang: str = DEFAULT_LANGUAGE) -> str:
    """Every change with its values as codes and its sentence (``teks``)."""
    before, after = diff.before.dataset, diff.after.dataset
    payload = {
        "dari": _side(diff.before),
        "ke": _side(diff.after),
        "jumlah": len(diff.changes),
        "perubahan": [
            {
                "jenis": change.kind.value,
                "entitas": change.entity,
                "id": change.id,
                "nama": change.name,
                "bagian": change.field or None,
                "butir": list(change.item),
                "sebelum": _json_value(change.before),
                "sesudah": _json_value(change.after),
                "teks": sentence(change, before, after, lang),
            }
            for change in diff.changes
        ],
    }
    return json_safe(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"


def _side(side: Snapshot) -> dict[str, Any]:
    return {"revisi": side.revision, "commit": side.commit, "ada_data": not side.absent}


def _json_value(value: object) -> Any:
    """Codes and ids as they are; an experience item as the keys HR writes."""
    if isinstance(value, ExperienceRequirement):
        written = {
            "tahun": value.years,
            "jenis": list(value.levels),
            "jabatan": list(value.positions),
            "jabatan_fungsional": value.family,
            "jenjang_minimal": value.min_grade,
            "kelas_minimal": value.min_class,
            "unit": value.unit,
            "keterangan": value.note,
        }
        return {key: item for key, item in written.items() if item not in (None, "", [])}
    if isinstance(value, tuple):
        return list(value)
    return value
