"""A rule's diagnostics per item, reused by the next validation of a long-lived process for the
items that are the very same objects as then.

With a :class:`~pola_karir.load.memo.DocumentMemo`, an unchanged file gives back the same
entity objects (:mod:`pola_karir.load.reuse`), so after a one-file edit almost every position,
path and catalogue entry a rule looks at is the object it looked at last time. A rule that
checks items one by one asks :func:`item_results` for the previous run's findings and passes
each item with everything its check reads; the findings are reused only when

- the rule's *context* (what every item's check may read: the ids of a kind, the objects of
  another kind, which files are broken) is the same -- equal names, identical objects -- and
- the item's *inputs* are the same objects as then (``is``, never ``==``: the model's
  locations do not take part in equality, and a diagnostic cites them).

Everything a check reads must be in the context or the inputs; each rule that uses this says
what its check reads next to it. Without a memo (``space.reuse`` is None) every item is
checked, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pola_karir.diagnostics import Diagnostic
from pola_karir.load.workspace import Workspace

Found = tuple[Diagnostic, ...]
Inputs = tuple[object, ...]


def _identical(before: Inputs, now: Inputs) -> bool:
    """The same objects, one by one. A plain loop: it runs for every item of every rule."""
    if len(before) != len(now):
        return False
    for a, b in zip(before, now):  # noqa: B905, SIM110 (lengths checked; no generator)
        if a is not b:
            return False
    return True


@dataclass
class _State:
    names: tuple[Hashable, ...]
    objects: Inputs
    items: dict[Hashable, tuple[Inputs, Found]] = field(default_factory=dict)


@dataclass
class ItemResults:
    """The findings per item of one rule in the previous run (when reusable) and in this one."""

    previous: dict[Hashable, tuple[Inputs, Found]]
    current: dict[Hashable, tuple[Inputs, Found]] | None

    @property
    def keeping(self) -> bool:
        """Whether findings are kept (with a memo): when not, inputs need not be gathered."""
        return self.current is not None

    def check(
        self,
        key: Hashable,
        inputs: Inputs,
        find: Callable[..., Iterable[Diagnostic]],
        *args: Any,
    ) -> Iterable[Diagnostic]:
        """``find(*args)``, or what it found last time for ``key`` if ``inputs`` (every object
        it reads beyond the context) are the same objects as then."""
        if self.current is None:  # nothing is kept: check as always
            return find(*args)
        before = self.previous.get(key)
        if before is not None and _identical(before[0], inputs):
            found = before[1]
            self.current[key] = before
        else:
            found = tuple(find(*args))
            self.current[key] = (inputs, found)
        return found


def item_results(
    space: Workspace, rule: str, names: tuple[Hashable, ...], objects: Inputs
) -> ItemResults:
    """The previous findings of ``rule`` if its context -- ``names`` (equal) and ``objects``
    (identical) -- is the same now; this run's findings are kept for the next one."""
    if space.reuse is None:
        return ItemResults({}, None)
    state = _State(names, objects)
    before = space.reuse.carry(("rule", rule), state)
    same = (
        isinstance(before, _State) and before.names == names and _identical(before.objects, objects)
    )
    return ItemResults(before.items if same and isinstance(before, _State) else {}, state.items)
