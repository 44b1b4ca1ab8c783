"""What assembling the model derived from each file, kept by a long-lived process so the next
load rebuilds only the entities of files whose documents changed.

``mkdocs serve`` validates the whole folder after every edit. With a
:class:`~pola_karir.load.memo.DocumentMemo` an unchanged file already gives back the very same
:class:`~pola_karir.load.yaml_loader.Document` object; building its entities again from that
object gives equal entities, so at 5,000 positions most of a re-validation was spent making
what the previous one had made. A :class:`Derivations` remembers, per file, the entities built
and the inputs they were built from, and hands them back only when every input is the same
object as last time (documents are compared by identity, never by value: a re-parsed file is
a new object even when its bytes are equal, so nothing stale can pass).

It lives in the memo (:attr:`DocumentMemo.derived <pola_karir.load.memo.DocumentMemo>`) and
reaches :func:`~pola_karir.load.folder.load_workspace` the same explicit way the memo does, as
``read=memo.read`` (:func:`derivations_of`); there is no hidden global.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast

T = TypeVar("T")


@dataclass(frozen=True)
class _Derived:
    inputs: tuple[object, ...]
    value: object


@dataclass
class Derivations:
    """The entities derived from each file by the previous load (and by this one, so far).

    A load calls :meth:`start`, then :meth:`derive` for each file; entries the load did not ask
    for (deleted or renamed files, files now broken) are dropped at the next :meth:`start`, so
    what is kept is one folder's worth. :attr:`built` and :attr:`reused` count calls since
    creation (what the tests look at)."""

    built: int = 0
    reused: int = 0
    _previous: dict[tuple[str, ...], _Derived] = field(default_factory=dict, repr=False)
    _current: dict[tuple[str, ...], _Derived] = field(default_factory=dict, repr=False)

    def start(self) -> None:
        """A new load begins: what the last one derived is what this one may reuse."""
        self._previous, self._current = self._current, {}

    def derive(self, key: tuple[str, ...], inputs: tuple[object, ...], build: Callable[[], T]) -> T:
        """``build()``, or what it gave last time for ``key`` when each of ``inputs`` is the
        same object as then (``is``), or equal for values that are not documents. ``build``
        must depend on nothing but ``inputs``."""
        before = self._previous.get(key)
        if before is not None and _same(before.inputs, inputs):
            self.reused += 1
            self._current[key] = before
            return cast(T, before.value)
        value = build()
        self.built += 1
        self._current[key] = _Derived(inputs, value)
        return value

    def carry(self, key: tuple[str, ...], value: object) -> object | None:
        """What the previous load carried under ``key`` (None if nothing), and ``value`` kept
        for the next one: state a later step manages itself, such as a rule's diagnostics
        per item (:mod:`pola_karir.rules.reuse`)."""
        before = self._previous.get(key)
        self._current[key] = _Derived((), value)
        return None if before is None else before.value

    def __len__(self) -> int:
        """How many files' entities (and carried states) the last load derived."""
        return len(self._current)


def _same(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """Identity for objects, which documents are; equality is allowed only for strings (the
    names of a file), as they are made anew by each load. A plain loop: it runs once per file
    of every load."""
    if len(before) != len(now):
        return False
    for a, b in zip(before, now):  # noqa: B905, SIM110 (lengths checked; no generator)
        if a is not b and not (type(a) is str and a == b):
            return False
    return True


def derivations_of(read: Callable[..., object]) -> Derivations | None:
    """The :class:`Derivations` of the object whose ``read`` method ``read`` is, when that
    object keeps one as ``derived`` (a :class:`~pola_karir.load.memo.DocumentMemo`); None for
    any other reader, whose documents may be new objects each time, or one object for
    different bytes, so that nothing could be reused safely. Found this way so the rules'
    entry point need not import the memo (and through it the YAML loader)."""
    owner = getattr(read, "__self__", None)
    derived = getattr(owner, "derived", None)
    if getattr(read, "__name__", None) == "read" and isinstance(derived, Derivations):
        return derived
    return None
