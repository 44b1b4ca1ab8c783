"""Where every node of a parsed document was written, kept as one flat table of integers.

A diagnostic needs the line and column of a value, but only a few of the hundreds of values of
a valid file ever get one. Keeping a dictionary from each node's path (a tuple) to its position
cost as much as converting the file, and as much again to send a document from a worker
process (pickling every path). This table holds the same facts in five integers per node, in
document order, so it is filled with one ``extend`` per node and pickled as one block of bytes;
a position is looked up by walking the plain data along a path, which is also how the table is
ordered (a mapping's entries in the order written, a list's items in order).

A node's cells: the line and column of its value, the line and column of its key (0 for a list
item and the root), and how many nodes its subtree holds (itself included), which lets a lookup
step over a sibling's subtree at once. A value line of 0 marks a node that was not converted
(an alias, a node past the depth limit): its position is its parent's, as before.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]

CELLS: Final = 5
_SIZE: Final = 4


@dataclass(frozen=True)
class MarkTable:
    """The positions of one document's nodes (see the module's docstring for the layout)."""

    cells: array[int]
    # Slots of the entries of collections already looked into (see _children): a cache, not
    # part of the table's value.
    _known: dict[int, Any] = field(default_factory=dict, compare=False, repr=False)

    def value_at(self, slot: int) -> Position | None:
        """Where the value of the node at ``slot`` starts; None when it was not converted."""
        base = slot * CELLS
        line = self.cells[base]
        return (line, self.cells[base + 1]) if line else None

    def key_at(self, slot: int) -> Position | None:
        """Where the key of the mapping entry at ``slot`` was written; None for a list item."""
        base = slot * CELLS + 2
        line = self.cells[base]
        return (line, self.cells[base + 1]) if line else None

    def chain(self, data: Any, path: JsonPath, slot: int = 0) -> list[int]:
        """The slots of ``data`` (at ``slot``) and of each node along ``path`` below it, as
        far as the path exists in the data."""
        found = [slot]
        node = data
        for part in path:
            if isinstance(node, dict):
                if not isinstance(part, str) or part not in node:
                    break
            elif isinstance(node, list):
                if isinstance(part, bool) or not isinstance(part, int):
                    break
                if not 0 <= part < len(node):
                    break
            else:
                break
            slot = self._children(node, slot)[part]
            node = node[part]
            found.append(slot)
        return found

    def _children(self, node: dict[str, Any] | list[Any], slot: int) -> Any:
        """The slots of the entries of the collection ``node`` (at ``slot``), by key or index;
        remembered, as a model's lookups in one block come one after another."""
        known = self._known.get(slot)
        if known is not None:
            return known
        cells = self.cells
        child = slot + 1
        slots: list[int] = []
        for _ in range(len(node)):
            slots.append(child)
            child += cells[child * CELLS + _SIZE]
        known = dict(zip(node, slots, strict=True)) if isinstance(node, dict) else slots
        self._known[slot] = known
        return known

    def walk(self, value: Any, prefix: JsonPath, slot: int) -> Iterator[tuple[JsonPath, int]]:
        """Every path in ``value`` (written at ``slot``, the node itself first when ``prefix``
        is not empty) with its slot: mapping keys and list indices, in document order."""
        if prefix:
            yield prefix, slot
        cells = self.cells
        child = slot + 1
        if isinstance(value, dict):
            for key, item in value.items():
                yield from self.walk(item, (*prefix, str(key)), child)
                child += cells[child * CELLS + _SIZE]
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from self.walk(item, (*prefix, index), child)
                child += cells[child * CELLS + _SIZE]

    def part(self, slot: int) -> MarkTable:
        """The table of the subtree at ``slot`` alone (its root at slot 0): what a model
        object keeps of a document to locate the values of one block lazily."""
        size = self.cells[slot * CELLS + _SIZE]
        return MarkTable(self.cells[slot * CELLS : (slot + size) * CELLS])


class MarkRecorder:
    """Fills a :class:`MarkTable` while a document is converted, one node at a time."""

    def __init__(self) -> None:
        self.cells: list[int] = []

    def open(self, line: int, column: int, key_line: int, key_column: int) -> int:
        """Record a node (a leaf, until :meth:`close` says how many nodes it holds); its slot."""
        slot = len(self.cells) // CELLS
        self.cells += (line, column, key_line, key_column, 1)
        return slot

    def close(self, slot: int) -> None:
        """The node at ``slot`` holds every node recorded since it was opened."""
        self.cells[slot * CELLS + _SIZE] = len(self.cells) // CELLS - slot

    def table(self) -> MarkTable:
        return MarkTable(array("i", self.cells))
