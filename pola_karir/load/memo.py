"""Parsed documents kept by a long-lived process, so loading the data folder again re-parses
only the files that changed.

``mkdocs serve`` keeps one plugin object across rebuilds and validates the whole folder on
each one; at 5,000 positions parsing and schema-checking every file is most of that. A
:class:`DocumentMemo` is passed explicitly as the reader (``validate_project(root,
read=memo.read)``) by whoever lives long enough to profit; there is no hidden global.

A file is reused only when its path, size, modification time (ns) and the SHA-256 of its bytes
are those of the bytes parsed last time, and it is shown under the same name: the bytes are
read and hashed on every load (cheap next to parsing), so an edit that keeps the size and the
time stamp is still seen. What a reused file gives is what parsing it gives: the same document
and the same diagnostics (a fresh list each time). Files that cannot be read (symbolic links,
files too large, errors) are never kept: they are reported as :func:`read_source` reports
them.
"""

from __future__ import annotations

import hashlib
import os
import stat as kinds
from dataclasses import dataclass, field

from pola_karir.diagnostics import Diagnostic
from pola_karir.load.folder import check_bytes
from pola_karir.load.layout import SourceFile
from pola_karir.load.reuse import Derivations
from pola_karir.load.yaml_loader import MAX_BYTES, Document, read_bytes


@dataclass(frozen=True)
class _Key:
    """What must be equal for a file's earlier parse to stand."""

    size: int
    mtime_ns: int
    sha256: bytes
    display: str
    kind: str


@dataclass(frozen=True)
class _Entry:
    key: _Key
    document: Document | None
    found: tuple[Diagnostic, ...]


@dataclass
class DocumentMemo:
    """The documents of one data folder as last parsed by this process, with counts of what
    each load parsed and reused (:attr:`parsed`, :attr:`reused`: totals since creation).

    Each load reads every file once; a path read a second time starts a new load, and the
    entries of files the previous load did not read (deleted, renamed) are dropped then, so
    the memo holds one folder's files, not every file it ever saw.

    :attr:`derived` keeps what assembling the model made of each file (:mod:`.reuse`); it
    pays because :meth:`read` hands back the very document object of an unchanged file.
    :func:`~pola_karir.load.reuse.derivations_of` finds it from ``memo.read``, the reader
    callers already pass."""

    parsed: int = 0
    reused: int = 0
    derived: Derivations = field(default_factory=Derivations)
    # Keyed by the path as text: equal paths have equal text, and a string hashes and compares
    # at a fraction of a path object's cost (thousands of files per load).
    _entries: dict[str, _Entry] = field(default_factory=dict, repr=False)
    _this_load: set[str] = field(default_factory=set, repr=False)

    def read(self, source: SourceFile) -> tuple[Document | None, list[Diagnostic]]:
        """A :data:`~pola_karir.load.folder.Reader`: the file's document and diagnostics,
        parsed again only when its bytes (or how it is named) changed."""
        path = str(source.path)
        self._start(path)
        try:
            stat = os.lstat(path)
        except OSError:
            stat = None
        raw = _plain_bytes(path, stat)
        problems: list[Diagnostic] = []
        if raw is None:  # not a plain readable file: read_bytes says why, as a fresh load does
            raw, problems = read_bytes(source.path, source.display)
        if raw is None or stat is None:
            self._entries.pop(path, None)
            self.parsed += 1
            return None, problems
        key = _Key(
            len(raw),
            stat.st_mtime_ns,
            hashlib.sha256(raw).digest(),
            source.display,
            source.kind,
        )
        entry = self._entries.get(path)
        if entry is not None and entry.key == key:
            self.reused += 1
            return entry.document, list(entry.found)
        document, found = check_bytes(source, raw)
        self.parsed += 1
        self._entries[path] = _Entry(key, document, tuple(found))
        return document, found

    def _start(self, path: str) -> None:
        if path in self._this_load:  # a new load: keep only what the last one read
            self._entries = {p: e for p, e in self._entries.items() if p in self._this_load}
            self._this_load = set()
        self._this_load.add(path)

    def __len__(self) -> int:
        """How many files' documents are kept."""
        return len(self._entries)


def _plain_bytes(path: str, stat: os.stat_result | None) -> bytes | None:
    """The bytes of a regular file (not a link) of at most :data:`MAX_BYTES`, as ``stat``
    (from ``lstat``) says, read with one open and plain reads; None for anything else, or on
    any error, for :func:`~pola_karir.load.yaml_loader.read_bytes` to read and word it. What
    it gives is what ``read_bytes`` gives for such a file, with two fewer system calls and no
    file object: a third of reading 5,000 small files."""
    if stat is None or not kinds.S_ISREG(stat.st_mode) or stat.st_size > MAX_BYTES:
        return None
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        chunks = []
        while chunk := os.read(handle, stat.st_size + 1):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(handle)
