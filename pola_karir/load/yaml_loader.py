"""Safe YAML loading that keeps the line and column of every node.

PyYAML's ``safe_load`` forgets positions, silently keeps the last of two duplicate keys and
expands aliases (the "billion laughs" bomb). We compose the node graph with libyaml's C parser
(fast, and it keeps marks), then convert it ourselves: plain JSON-like values only, every problem
reported as a diagnostic and never raised.
"""

from __future__ import annotations

import bisect
import codecs
import errno
import functools
import marshal
import math
import re
from array import array
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Final

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pola_karir.diagnostics import Capped, Diagnostic, Term, diag, term
from pola_karir.load import scalars
from pola_karir.load.marks import CELLS, MarkRecorder, MarkTable, Position
from pola_karir.load.marks import JsonPath as JsonPath  # re-exported: the loader's vocabulary
from pola_karir.model import Location

try:  # libyaml is in PyYAML's wheels; fall back to the pure-Python loader elsewhere.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_MAPPING_TAG: Final = "tag:yaml.org,2002:map"
_SEQUENCE_TAG: Final = "tag:yaml.org,2002:seq"


class _Loader(_BaseLoader):
    """libyaml's safe loader with PyYAML's implicit tag resolution looked up faster.

    libyaml calls back into Python for the tag of every node; PyYAML's ``resolve`` builds a
    list of candidate patterns on each call and checks for path resolvers a safe loader never
    has. That callback was about a quarter of composing a data folder's files (10,000
    positions: 2.4 s of CPU, 1.7 s with a resolver doing nothing). The same patterns, in the
    same order, are kept per first character once (``tests/test_yaml_loader.py`` checks the
    tags against PyYAML's own ``resolve``)."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _plain_tag(value) if implicit[0] else _STR_TAG
        return _SEQUENCE_TAG if kind is SequenceNode else _MAPPING_TAG


@functools.lru_cache(maxsize=1 << 16)
def _plain_tag(value: str) -> str:
    """The implicit tag of a plain scalar: a function of its text alone, and the same texts
    come back in every file (the keys, the kinds, the levels): remembered, 99% of the lookups
    at 10,000 positions are answered without trying a pattern (composing their files 4-7%
    faster)."""
    first = value[0] if value else ""
    for tag, pattern in _BY_FIRST.get(first, _ANYWHERE):
        if pattern.match(value):
            return tag
    return _STR_TAG


Patterns = tuple[tuple[str, re.Pattern[str]], ...]


def _resolution_table() -> tuple[dict[str, Patterns], Patterns]:
    """:class:`_Loader`'s patterns by first character, each list followed by the patterns
    for any character (none in PyYAML today), as PyYAML's ``resolve`` tries them; and the
    patterns for a first character that has none of its own."""
    found = _BaseLoader.yaml_implicit_resolvers
    anywhere = tuple(found.get(None, []))
    by_first = {
        first: (*patterns, *anywhere) for first, patterns in found.items() if first is not None
    }
    return by_first, anywhere


_BY_FIRST, _ANYWHERE = _resolution_table()

MAX_BYTES = 2_000_000
MAX_DEPTH = 40


_CONSTRUCTOR = SafeConstructor()
_TAG = "tag:yaml.org,2002:"
_STR_TAG = _TAG + "str"
# C0 controls other than tab, line feed and carriage return; DEL; C1 controls; the two
# Unicode noncharacters that XML (hence SVG) rejects.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Invisible characters that change how text is shown or compared without being seen: zero-width
# spaces and joiners, bidirectional marks, embeddings, overrides and isolates, the word joiner
# and invisible operators, the Mongolian vowel separator, and a byte-order mark past the start.
_INVISIBLE = re.compile("[\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# What an id or a reference looks like once its invisible characters are gone (the schemas'
# slug patterns, joined): there an invisible character makes two ids that look alike differ.
_ID_SHAPE = re.compile("[a-z0-9]+(?:[-/#_.][a-z0-9]+)*")
# Line breaks as editors count them (libyaml's marks agree for files without NEL/LS/PS).
_LINE_BREAK = re.compile("\r\n|\r|\n")
_INT_TAG = _TAG + "int"
# A node's properties as written before its value: an optional anchor, then a tag.
_PROPERTIES = re.compile(r"(?:&\S+\s+)?!")
_COLLECTION_TAGS = frozenset({_TAG + "map", _TAG + "seq"})


@dataclass(frozen=True)
class Document:
    """A parsed data file: plain values plus where each value and key was written.

    The positions are kept as a :class:`~pola_karir.load.marks.MarkTable` (compact, cheap to
    send from a worker process); :meth:`location` looks one up by walking :attr:`data`."""

    path: Path
    display: str
    data: dict[str, Any]
    marks: MarkTable
    # The text of each unquoted value YAML 1.1 and 1.2 read differently (PK020), as written,
    # by the slot of its node: a hint to quote it quotes ``yes``, not the ``true`` it was
    # loaded as.
    written_at: Mapping[int, str] = field(default_factory=dict)

    def location(self, path: JsonPath = (), *, key: bool = False) -> Location:
        """Position of the node at ``path`` (or of its key), falling back to the nearest parent."""
        return self.located(self.marks.chain(self.data, path), len(path), key=key)

    def below(self, base: JsonPath) -> Callable[[JsonPath], Location]:
        """:meth:`location` of paths below ``base``, the walk down to ``base`` made once: a
        model object locates several values of one block (a career path's step: the step,
        ``dari``, ``ke``, each citation), and walking from the root for each was most of the
        cost of assembling a career path."""
        chain = self.marks.chain(self.data, base)
        if len(chain) <= len(base):  # not all there: each lookup falls back as location does
            return lambda path: self.location((*base, *path))
        node: Any = self.data
        for part in base:
            node = node[part]
        above, slot, depth = chain[:-1], chain[-1], len(base)
        marks = self.marks
        return lambda path: self.located(above + marks.chain(node, path, slot), depth + len(path))

    def located(self, chain: list[int], depth: int, *, key: bool = False) -> Location:
        """:meth:`location` for the slots ``chain`` found along a path of ``depth`` parts."""
        marks = self.marks
        if key and len(chain) > depth:
            written = marks.key_at(chain[-1])
            if written is not None:
                return Location(self.display, *written)
        for slot in reversed(chain):
            at = marks.value_at(slot)
            if at is not None:
                return Location(self.display, *at)
        return Location(self.display, 1, 1)

    @cached_property
    def value_marks(self) -> Mapping[JsonPath, Position]:
        """Where each value was written, by path (built on first use; lookups need not)."""
        return self._by_path(self.marks.value_at)

    @cached_property
    def key_marks(self) -> Mapping[JsonPath, Position]:
        """Where each mapping key was written, by the path of its entry."""
        return self._by_path(self.marks.key_at)

    def _by_path(self, at: Callable[[int], Position | None]) -> dict[JsonPath, Position]:
        """The table's marks (``at`` a slot) by the path of their slot, where there is one."""
        found = ((path, at(slot)) for path, slot in self._slots)
        return {path: mark for path, mark in found if mark is not None}

    @cached_property
    def written(self) -> Mapping[JsonPath, str]:
        """:attr:`written_at` by path, for the schema's hints."""
        if not self.written_at:
            return {}
        written = self.written_at
        return {path: written[slot] for path, slot in self._slots if slot in written}

    @property
    def _slots(self) -> list[tuple[JsonPath, int]]:
        return [((), 0), *self.marks.walk(self.data, (), 0)]

    def __reduce__(self) -> tuple[Any, ...]:
        """How a worker process sends the document (:mod:`pola_karir.load.parallel`): its
        values are plain (text, numbers, booleans, None, lists, mappings), which ``marshal``
        writes and reads several times faster than pickle (the documents of 5,000 positions:
        written in 0.05 s against 0.2-0.37 s, read in 0.08-0.2 s against 0.27-0.35 s). A value
        of another type would make ``marshal`` raise: the worker's chunk is then read again
        by the parent (:class:`~pola_karir.forked.Forked`). The caches are not sent."""
        values = marshal.dumps((self.data, dict(self.written_at)))
        return _sent_document, (str(self.path), self.display, values, self.marks.cells.tobytes())


def _sent_document(path: str, display: str, values: bytes, cells: bytes) -> Document:
    """A :class:`Document` as :meth:`Document.__reduce__` sent it."""
    data, written_at = marshal.loads(values)
    table = array("i")
    table.frombytes(cells)
    return Document(Path(path), display, data, MarkTable(table), written_at)


class _Converter:
    """Turns a composed node graph into plain values, collecting diagnostics on the way."""

    def __init__(self, display: str, text: str) -> None:
        self.display = display
        # Without an '&' in the text there can be no anchor, hence no alias to detect.
        self.track_aliases = "&" in text
        # A raw control character stops the parse before (_control_diagnostics; libyaml too
        # refuses every non-printable character), so a value holds one, or an invisible
        # character, only through an escape (a backslash) or as a character beyond ASCII:
        # without either in the text, most files, no value is checked for them
        # (_check_characters).
        self.check_characters = "\\" in text or not text.isascii()
        self.found = Capped()
        self.text = text
        self._line_starts: list[int] | None = None
        self.marks = MarkRecorder()
        self.written: dict[int, str] = {}
        self._seen: set[int] = set()
        self.aliased = False

    def at(self, node: Node) -> Location:
        return Location(self.display, node.start_mark.line + 1, node.start_mark.column + 1)

    def convert(self, node: Node, depth: int = 0, key_line: int = 0, key_column: int = 0) -> Any:
        """The plain value of ``node`` (the value of a mapping entry whose key was written at
        ``key_line``:``key_column``, or 0:0), its position recorded in :attr:`marks`."""
        if self.track_aliases:
            if id(node) in self._seen:
                self.aliased = True
                self.marks.open(0, 0, key_line, key_column)
                return None
            self._seen.add(id(node))
        if depth >= MAX_DEPTH and isinstance(node, MappingNode | SequenceNode) and node.value:
            # Its children would sit deeper than allowed: report the first one, as the
            # event-stream check in _depth_diagnostic does for much deeper files.
            first = node.value[0][0] if isinstance(node, MappingNode) else node.value[0]
            self.found.add(diag("PK014", self.at(first), limit=MAX_DEPTH))
            self.marks.open(0, 0, key_line, key_column)
            return None
        mark = node.start_mark
        # MarkRecorder.open, inlined: it runs once per node of every file.
        cells = self.marks.cells
        slot = len(cells) // CELLS
        cells += (mark.line + 1, mark.column + 1, key_line, key_column, 1)
        if isinstance(node, ScalarNode):  # most nodes: tested first
            return self._scalar(node, slot)
        if node.tag not in _COLLECTION_TAGS:
            # '!!set', '!!omap', '!custom' on a block or flow collection: as unsupported as on
            # a scalar; the collection is still converted so its contents get checked.
            self.found.add(diag("PK013", self.at(node), tag=_shown_tag(node.tag)))
        if isinstance(node, MappingNode):
            mapping = self._mapping(node, depth)
            self.marks.close(slot)
            return mapping
        items = [self.convert(item, depth + 1) for item in node.value]  # a SequenceNode
        self.marks.close(slot)
        return items

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if self.track_aliases and id(key_node) in self._seen:
                self.aliased = True
                continue
            if not isinstance(key_node, ScalarNode):
                self.found.add(diag("PK011", self.at(key_node)))
                continue
            if self.track_aliases:
                self._seen.add(id(key_node))
            key = str(key_node.value)
            if self.check_characters:
                self._check_characters(key_node, key, is_key=True)
            if key and key[0] in scalars.FIRST_CHARACTERS:  # as _check_plain begins, inlined
                self._check_plain(key_node)
            if key in first_line:
                if self.found.full:
                    self.found.skip("PK005", self.at(key_node))
                else:
                    where = self.at(key_node)
                    self.found.add(diag("PK005", where, key=key, first_line=first_line[key]))
                continue
            mark = key_node.start_mark
            first_line[key] = mark.line + 1
            result[key] = self.convert(value_node, depth + 1, mark.line + 1, mark.column + 1)
        return result

    def _check_characters(self, node: Node, value: str, *, is_key: bool = False) -> None:
        """Invisible control characters (written as escapes such as "\\0" or "\\e") would
        break the diagrams and pages built from the text, so they are an error here.

        Zero-width and bidirectional characters make text read differently from what it holds:
        in a key, an id or a reference (text shaped like an id) two values that look the same
        differ, which is an error (PK016); in text people read, a warning (PK017). Either is
        reported where the character itself was written when it was written as is.
        """
        found = _CONTROL.search(value)
        if found:
            char = found.group()
            self.found.add(diag("PK016", self.at(node), **_char_values(char, "char.fix.escape")))
        invisible = _INVISIBLE.search(value) if not value.isascii() else None
        if invisible is None:
            return
        char = invisible.group()
        where = self._written_at(node, char) or self.at(node)
        if is_key or _ID_SHAPE.fullmatch(_INVISIBLE.sub("", value)):
            self.found.add(diag("PK016", where, **_char_values(char, "char.fix.id")))
        else:
            self.found.add(diag("PK017", where, **_char_values(char, "char.fix.text")))

    def _written_at(self, node: Node, char: str) -> Location | None:
        """Where ``char`` was written inside ``node``'s source (None when written as an
        escape): its line and column, from the node's start and end marks."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]
        starts = self._line_starts
        start, end = node.start_mark, node.end_mark
        if start.line >= len(starts) or end.line >= len(starts):
            return None
        begin = starts[start.line] + start.column
        found = self.text.find(char, begin, starts[end.line] + end.column)
        if found < 0:
            return None
        line = bisect.bisect_right(starts, found) - 1
        return Location(self.display, line + 1, found - starts[line] + 1)

    def _check_plain(self, node: ScalarNode) -> bool:
        """PK020 when YAML 1.1 and 1.2 read an unquoted scalar as different values; PK021 for
        YAML 1.1's one-letter booleans. Keys too: another YAML 1.1 reader turns a key ``on:``
        into ``True``. Quoted and block scalars, and scalars with an explicit tag, mean one
        thing to every reader. True when PK020 was reported."""
        written = node.value
        # Most text starts with another character: skipped at the cost of one set lookup.
        if node.style or not written or written[0] not in scalars.FIRST_CHARACTERS:
            return False
        if not isinstance(written, str):
            return False
        if written in scalars.SHORT_BOOLEANS:
            if not self._explicitly_tagged(node):
                self.found.add(diag("PK021", self.at(node), written=written))
            return False
        found = scalars.readings(written)
        if found is None or self._explicitly_tagged(node):
            return False
        yaml11, yaml12 = found
        values: dict[str, object] = {
            "written": scalars.shortened(written),
            "yaml11": scalars.spelled(yaml11),
            "yaml12": scalars.spelled(yaml12),
        }
        boolean = next((value for value in found if isinstance(value, bool)), None)
        if boolean is not None:
            values |= {"quoted": scalars.spelled(written), "boolean": scalars.spelled(boolean)}
            values["fix"] = term("skalar.fix.yes_no")
        else:
            # The text as written, quoted, and each number it was read as: which is meant
            # ("08" a code, 8 a number) only the author knows.
            options = [written, *(value for value in found if not isinstance(value, str))]
            values["options"] = ", ".join(dict.fromkeys(map(scalars.spelled, options)))
            values["fix"] = term("skalar.fix.number")
        self.found.add(diag("PK020", self.at(node), **values))
        return True

    def _explicitly_tagged(self, node: ScalarNode) -> bool:
        """Whether a tag was written before the scalar ('!!str 0o5' is text to every reader).

        The node only holds the tag it ended with, so the source is read at the node's start
        (after its anchor, if any)."""
        if scalars.implicit_tag(node.value) != node.tag:
            return True
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]
        start = node.start_mark
        if start.line >= len(self._line_starts):
            return False
        begin = self._line_starts[start.line] + start.column
        return _PROPERTIES.match(self.text, begin) is not None

    def _scalar(self, node: Node, slot: int) -> Any:
        tag = node.tag or ""
        value = str(node.value)
        # _check_plain's first test inlined: it runs for every scalar of every file.
        first = value[:1] in scalars.FIRST_CHARACTERS
        if first and isinstance(node, ScalarNode) and self._check_plain(node):
            self.written[slot] = value
        if tag == _STR_TAG:  # by far the most common case
            if self.check_characters:
                self._check_characters(node, value)
            return value
        if tag == _INT_TAG and value.isascii() and value.isdigit() and value[0] != "0":
            # plain decimal (a leading 0 means octal in YAML 1.1): skip the generic constructor
            return int(value) if len(value) < 4000 else value
        if not tag.startswith(_TAG):
            self.found.add(diag("PK013", self.at(node), tag=_shown_tag(tag)))
            return value
        kind = tag[len(_TAG) :]
        try:
            if kind == "null":
                return None
            if kind == "bool":
                return _CONSTRUCTOR.construct_yaml_bool(node)  # type: ignore[arg-type]
            if kind == "int":
                return _CONSTRUCTOR.construct_yaml_int(node)  # type: ignore[arg-type]
            if kind == "float":
                number = _CONSTRUCTOR.construct_yaml_float(node)  # type: ignore[arg-type]
                # NaN and infinity have no JSON form; keep the text so the schema reports it.
                return number if math.isfinite(number) else value
        except (ValueError, OverflowError):
            return value
        if kind in {"str", "timestamp"}:
            # Timestamps stay text (dates are validated by pattern), as check-jsonschema does.
            if self.check_characters:
                self._check_characters(node, value)
            return value
        self.found.add(diag("PK013", self.at(node), tag=_shown_tag(tag)))
        return value


# Characters with a name of their own in the catalogue (``char.<code>``); others are named by
# their block (C0 or C1 controls).
_NAMED_CHARS: Final = frozenset(
    {0x00, 0x08, 0x0B, 0x0C, 0x1B, 0x7F, 0x85, 0x180E, 0xFEFF, 0xFFFE, 0xFFFF}
    | {*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065)}
    | {*range(0x2066, 0x206A)}
)


def _char_values(char: str, fix: str) -> dict[str, object]:
    """PK016/PK017's values: the code point, its name in words, and the fix (a term key)."""
    code = f"{ord(char):04X}"
    if ord(char) in _NAMED_CHARS:
        name = f"char.{code}"
    else:
        name = "char.c1" if 0x80 <= ord(char) <= 0x9F else "char.c0"
    return {"char": code, "char_name": term(name), "fix": term(fix)}


def _shown_tag(tag: str) -> str:
    """A tag as it was written: '!!binary' rather than 'tag:yaml.org,2002:binary'."""
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


# libyaml's problems, by the words it uses, each with the catalogue key (``yaml.syntax.<name>``)
# of an explanation an HR officer can act on.
_SYNTAX: Final[tuple[tuple[str, str], ...]] = (
    ("mapping values are not allowed", "mapping_values"),
    ("could not find expected ':'", "missing_colon"),
    ("did not find expected key", "key_indent"),
    ("did not find expected '-' indicator", "item_indent"),
    ("expected <block end>", "block_end"),
    ("found character that cannot start any token", "bad_start"),
    ("found unknown escape character", "bad_escape"),
    ("found unexpected end of stream", "unclosed_quote"),
    ("did not find expected node content", "missing_value"),
    ("did not find expected ',' or ']'", "unclosed_list"),
    ("did not find expected ',' or '}'", "unclosed_mapping"),
    ("found undefined alias", "undefined_alias"),
)


def explain_syntax(problem: str, context: str = "") -> str | None:
    """The catalogue key explaining a libyaml problem, or None when it is not one we know.

    The explanation keeps libyaml's own words after it, for anyone who searches the web for them.
    """
    for needle, name in _SYNTAX:
        if needle in problem or needle in context:
            return f"yaml.syntax.{name}"
    return None


def _alias_diagnostics(text: str, display: str) -> list[Diagnostic]:
    """Point at each '*alias' itself; composed nodes only know where the anchor was.

    Past the per-file limit aliases are only counted: a file of 270,000 aliases gives 50
    diagnostics and one PK018, not 57 MB of text.
    """
    found = Capped()
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            if found.full:
                found.skip("PK006", Location(display, line, column))
            else:
                found.add(diag("PK006", Location(display, line, column)))
    return found.result()


def _lines(text: str) -> list[str]:
    """The lines of a text as editors number them (not at NEL, LS or PS, as splitlines does)."""
    return _LINE_BREAK.split(text)


def _raw_character_diagnostics(
    text: str, pattern: re.Pattern[str], fix: str, display: str
) -> list[Diagnostic]:
    """PK016 for each line holding a character of ``pattern`` as is, at the first such
    character of the line; past the per-file limit the lines are only counted."""
    found = Capped()
    for number, line in enumerate(_lines(text), start=1):
        hit = pattern.search(line)
        if hit is None:
            continue
        where = Location(display, number, hit.start() + 1)
        if found.full:
            found.skip("PK016", where)
        else:
            found.add(diag("PK016", where, **_char_values(hit.group(), fix)))
    return found.result()


def _control_diagnostics(text: str, display: str) -> list[Diagnostic]:
    """Control characters written as is (NUL, VT and FF from word processors, ESC from
    terminal colours, DEL, C1 controls from mis-decoded Windows text). libyaml refuses the whole
    file at the first of them with a position that is not the character's line and column, so
    they are found here first, each line at its real place, and the file is not parsed. NEL
    (U+0085) is among them: libyaml would read it as a line break that no editor shows."""
    if _CONTROL.search(text) is None:
        return []
    return _raw_character_diagnostics(text, _CONTROL, "char.fix.raw", display)


_BOM = re.compile("\ufeff")


def _bom_diagnostics(text: str, display: str, line: int) -> list[Diagnostic]:
    """PK016 at byte-order marks up to ``line``, when the parser stopped there: a BOM in the
    middle of a file (usually two files joined) cannot start a key."""
    if "\ufeff" not in text:
        return []
    found = _raw_character_diagnostics(text, _BOM, "char.fix.bom", display)
    return found if any(d.location.line <= line for d in found if d.code == "PK016") else []


# libyaml's composer recursed fine at 20,000 levels here and crashed at 100,000. Every level
# needs at least one of these characters, so a text with few of them cannot be that deep and
# skips the (second) parse that measures depth exactly.
_NESTING_CHARS = "[{-:?"
_SAFE_INDICATORS = 5000


def _could_be_deep(text: str) -> bool:
    return sum(text.count(char) for char in _NESTING_CHARS) > _SAFE_INDICATORS


def _depth_diagnostic(text: str, display: str, loader: type[Any] = _Loader) -> Diagnostic | None:
    """Find nesting deeper than MAX_DEPTH from the event stream, before composing: libyaml's
    composer recurses in C, so a file of a few thousand '[' or '- ' would crash the process.

    A syntax error met first is left to the caller, which reports it from the full parse.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.NodeEvent) and depth > MAX_DEPTH:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                return diag("PK014", Location(display, line, column), limit=MAX_DEPTH)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except (yaml.YAMLError, RecursionError):
        return None
    return None


def _too_deep_before(text: str, display: str, error: yaml.MarkedYAMLError) -> Diagnostic | None:
    """PK014 when the text before a parse error already nests deeper than MAX_DEPTH.

    Since PyYAML 6.0.4, libyaml refuses deep flow nesting in its scanner, before emitting a
    single event. Rather than recognising its (English, changeable) wording, we measure the
    depth of the text up to the error with PyYAML's pure-Python parser, which has no limit of
    its own and yields events lazily: the error is classified by structure and position.
    """
    mark = error.problem_mark or error.context_mark
    # Whole lines up to the error's: libyaml counts its index in bytes or characters
    # depending on its version, lines are unambiguous.
    prefix = text if mark is None else "".join(text.splitlines(keepends=True)[: mark.line + 1])
    return _depth_diagnostic(prefix, display, yaml.SafeLoader)


def _second_document(text: str, display: str) -> Location:
    """Where the second document starts: its '---' line (its first node may lie past the end)."""
    starts = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            starts += 1
            if starts == 2 and event.start_mark:
                return Location(display, event.start_mark.line + 1, event.start_mark.column + 1)
    return Location(display)


def _tab_diagnostics(text: str, display: str) -> list[Diagnostic]:
    found = Capped()
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.add(diag("PK004", Location(display, number, indent.index("\t") + 1)))
    return found.result()


def _decode(raw: bytes, display: str) -> tuple[str | None, list[Diagnostic]]:
    # Strip the BOM ourselves: with "utf-8-sig" the error offset would not count it.
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[bom:].decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[bom : bom + exc.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        offset = bom + exc.start + 1
        return None, [diag("PK002", Location(display, line, column), offset=offset)]


def _describe(node: Node) -> Term:
    return term("yaml.node.sequence" if isinstance(node, SequenceNode) else "yaml.node.scalar")


def _syntax_values(error: yaml.MarkedYAMLError) -> dict[str, object]:
    """PK003's values: an explanation key plus libyaml's own words, which stay verbatim."""
    problem = error.problem or error.context
    if not problem:
        return {"problem": term("yaml.syntax.unrecognised")}
    key = explain_syntax(problem, error.context or "") or "yaml.syntax.unexplained"
    return {"problem": term(key), "libyaml": problem}


def parse_text(text: str, path: Path, display: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML text already decoded; see :func:`load_document`."""
    controls = _control_diagnostics(text, display)
    if controls:
        return None, controls
    try:
        too_deep = _depth_diagnostic(text, display) if _could_be_deep(text) else None
        if too_deep is not None:
            return None, [too_deep]
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        too_deep = _too_deep_before(text, display, exc)
        if too_deep is not None:
            return None, [too_deep]
        mark = exc.problem_mark or exc.context_mark
        where = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
        # Tabs are only wrong where they indent; in a block scalar, a quoted or flow value,
        # libyaml reads them fine. So name the tabs when they are what stopped the parser.
        tabs = _tab_diagnostics(text, display)
        if any(tab.location.line == where.line for tab in tabs):
            return None, tabs
        boms = _bom_diagnostics(text, display, where.line)
        if boms:
            return None, boms
        return None, [diag("PK003", where, **_syntax_values(exc))]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        unexplained = term("yaml.syntax.unexplained")
        name = type(exc).__name__
        return None, [diag("PK003", Location(display), problem=unexplained, libyaml=name)]
    if len(nodes) > 1:
        return None, [diag("PK009", _second_document(text, display))]
    root = nodes[0] if nodes else None
    if root is None or (isinstance(root, ScalarNode) and root.tag == _TAG + "null"):
        return None, [diag("PK007", Location(display))]
    if not isinstance(root, MappingNode):
        where = Location(display, root.start_mark.line + 1, root.start_mark.column + 1)
        return None, [diag("PK008", where, found=_describe(root))]
    converter = _Converter(display, text)
    try:
        data = converter.convert(root)
    except RecursionError:
        return None, [diag("PK014", Location(display), limit=MAX_DEPTH)]
    diagnostics = converter.found.result()
    if converter.aliased:
        diagnostics = _alias_diagnostics(text, display) + diagnostics
    document = Document(path, display, data, converter.marks.table(), converter.written)
    return document, diagnostics


_OS_REASONS: Final = {
    errno.ENOENT: "reason.not_found",
    errno.EISDIR: "reason.is_directory",
    errno.EACCES: "reason.permission",
    errno.EPERM: "reason.permission",
}


def os_error_values(error: OSError) -> dict[str, object]:
    """PK001's values for an operating-system error: the OS's own message is in the locale of
    the machine, so the error is named by kind (or errno symbol) and worded by the catalogue."""
    key = _OS_REASONS.get(error.errno or 0)
    if key is not None:
        return {"reason": term(key)}
    name = errno.errorcode.get(error.errno or 0, type(error).__name__)
    return {"reason": term("reason.os_error"), "error": name}


def load_document(
    path: Path, display: str | None = None
) -> tuple[Document | None, list[Diagnostic]]:
    """Read one YAML file. Returns the document (None when unusable) and every problem found.

    A document is returned even when it has duplicate keys or aliases, so that the schema and
    the other rules can still report their own findings in the same run.
    """
    shown = display or str(path)
    raw, problems = read_bytes(path, shown)
    if raw is None:
        return None, problems
    return parse_bytes(raw, path, shown)


def read_bytes(path: Path, shown: str) -> tuple[bytes | None, list[Diagnostic]]:
    """The bytes of one data file, or why they cannot be read (a symbolic link, a file larger
    than :data:`MAX_BYTES`, an operating-system error: PK001)."""
    try:
        if path.is_symlink():
            return None, [diag("PK001", Location(shown), reason=term("reason.symlink"))]
        size = path.stat().st_size
        if size > MAX_BYTES:
            too_large = term("reason.too_large")
            return None, [diag("PK001", Location(shown), reason=too_large, max_bytes=MAX_BYTES)]
        return path.read_bytes(), []
    except OSError as exc:
        return None, [diag("PK001", Location(shown), **os_error_values(exc))]


def parse_bytes(raw: bytes, path: Path, shown: str) -> tuple[Document | None, list[Diagnostic]]:
    """Decode and parse the bytes of the file at ``path``; see :func:`load_document`."""
    text, problems = _decode(raw, shown)
    if text is None:
        return None, problems
    return parse_text(text, path, shown)
