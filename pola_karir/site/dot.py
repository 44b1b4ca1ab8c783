"""DOT text written directly: the statements our diagrams use, each value quoted once.

The ``graphviz`` package assembles the same text, but quotes every key and value of every
statement anew through a decorated function and three regular expressions: at 5,000 positions
that was ~2 million calls, a quarter of the site's content generation. Here a value is quoted
by :func:`quote`, cached, so a name drawn in a dozen diagrams is quoted once, and attribute
names are ours (constant identifiers).

The text is the one ``graphviz.Digraph`` writes for the same calls (same order of statements
and attributes, same tabs), so the diagram cache keys and SVGs stay as they were; a golden
file of the example's DOT (``tests/site/golden/diagrams.dot``) holds it to that. Two
deliberate differences, both only safer: a value is never passed through as an HTML-like label
(``<...>``), every value that is not a plain identifier is quoted; and a value ending in an odd
number of backslashes gets one more, so its closing quote can never be escaped into the rest
of the line (the ``graphviz`` package only warns).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager

# A DOT identifier needing no quotes: a name of letters, digits and underscores not starting
# with a digit, or a number (https://graphviz.org/doc/info/lang.html).
_PLAIN = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
# A double quote, with the pairs of backslashes before it and the one backslash that may
# already escape it: the pairs stay, the quote is escaped exactly once.
_QUOTE = re.compile(r'((?:\\\\)*)\\?"')
# An odd run of backslashes at the end of a value.
_ODD_TAIL = re.compile(r"(?<!\\)(?:\\\\)*\\\Z")


@functools.lru_cache(maxsize=1 << 16)
def quote(value: str) -> str:
    """``value`` as a DOT ID: bare if it is a plain name or number (and no keyword), otherwise
    in double quotes with its quotes escaped. Backslash escapes inside (``\\n``) are kept for
    Graphviz to read: callers escape data text first (``diagrams._escape``)."""
    if _PLAIN.fullmatch(value) and value.lower() not in _KEYWORDS:
        return value
    if _ODD_TAIL.search(value):
        value += "\\"
    return '"' + _QUOTE.sub(r'\1\\"', value) + '"'


def _a_list(label: str | None, attrs: dict[str, str]) -> str:
    """``label`` first, then the attributes sorted by name, as ``graphviz`` orders them."""
    items = [f"label={quote(label)}"] if label is not None else []
    items += [f"{quote(key)}={quote(attrs[key])}" for key in sorted(attrs)]
    return " ".join(items)


class Graph:
    """One directed graph's DOT text, statement by statement."""

    def __init__(self, name: str = "G") -> None:
        self._head = f"digraph {quote(name)} {{\n"
        self.body: list[str] = []

    def attr(self, kind: str | None = None, **attrs: str) -> None:
        """Graph attributes (``kind`` None), or the defaults of every ``node`` or ``edge``."""
        if not attrs:
            return
        if kind is None:
            self.body.append(f"\t{_a_list(None, attrs)}\n")
        else:
            self.body.append(f"\t{kind} [{_a_list(None, attrs)}]\n")

    def node(self, node_id: str, label: str | None = None, **attrs: str) -> None:
        listed = _a_list(label, attrs)
        self.body.append(f"\t{quote(node_id)} [{listed}]\n" if listed else f"\t{quote(node_id)}\n")

    def edge(self, tail: str, head: str, label: str | None = None, **attrs: str) -> None:
        """An edge between two node ids (ours: ``n0``, ``g1``; no ports)."""
        listed = _a_list(label, attrs)
        line = f"\t{quote(tail)} -> {quote(head)}"
        self.body.append(f"{line} [{listed}]\n" if listed else f"{line}\n")

    @contextmanager
    def subgraph(self, name: str) -> Iterator[Graph]:
        """A subgraph (a cluster when ``name`` starts with ``cluster``), added on leaving."""
        sub = Graph()
        yield sub
        self.body.append(f"\tsubgraph {quote(name)} {{\n")
        self.body.extend(f"\t{line}" for line in sub.body)
        self.body.append("\t}\n")

    @property
    def source(self) -> str:
        return self._head + "".join(self.body) + "}\n"
