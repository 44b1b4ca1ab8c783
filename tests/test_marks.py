"""The compact mark table and the origins made when asked: the same positions as libyaml's own
node marks, and the same diagnostics, wherever and however a value was written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from factory import DataFolder, dump
from yaml.nodes import MappingNode, Node, SequenceNode

from pola_karir.load.assemble import WrittenOrigins
from pola_karir.load.yaml_loader import Document, JsonPath, parse_text
from pola_karir.model import Location, Origin
from pola_karir.rules.validate import validate_project

EXAMPLE = Path(__file__).resolve().parents[1] / "data"

TRICKY = [
    "a: 1\nb: {c: [1, {d: x}, [2, 3]], e: {}}\nf:\n  - g: 1\n    h: [ ]\n  - 'k'\n",
    "a:\n  b:\n    c:\n      - - - x\n        - y\n      - z\nd: |\n  text\n  more\ne: 2\n",
    "dup: 1\nx: {a: 1, a: 2, b: 3}\ndup: 2\ny: [a, {b: c}]\n",
    "? complex\n: value\nlist:\n- 1\n-\n  - 2\n  - {x: y}\nend: ~\n",
]


def _expected(
    node: Node, path: JsonPath, values: dict[JsonPath, Any], keys: dict[JsonPath, Any]
) -> None:
    """libyaml's marks by path, walked independently of the converter (first key of a
    duplicate pair kept, as the loader keeps it)."""
    values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                continue
            seen.add(key)
            keys[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _expected(value_node, (*path, key), values, keys)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _expected(item, (*path, index), values, keys)


def _parsed(text: str) -> Document:
    document, _ = parse_text(text, Path("f.yml"), "f.yml")
    assert document is not None
    return document


def _texts() -> list[str]:
    files = sorted(EXAMPLE.rglob("*.yml"))[:60]
    return [*TRICKY, *(path.read_text(encoding="utf-8") for path in files)]


@pytest.mark.parametrize("text", _texts())
def test_every_value_and_key_is_where_libyaml_saw_it(text: str) -> None:
    document = _parsed(text)
    values: dict[JsonPath, Any] = {}
    keys: dict[JsonPath, Any] = {}
    _expected(yaml.compose(text, Loader=yaml.SafeLoader), (), values, keys)
    assert dict(document.value_marks) == values
    assert dict(document.key_marks) == keys
    for path, (line, column) in values.items():
        assert document.location(path) == Location("f.yml", line, column)
        if path in keys:
            assert document.location(path, key=True) == Location("f.yml", *keys[path])
        else:  # a list item, or the root: its value
            assert document.location(path, key=True) == Location("f.yml", line, column)


@pytest.mark.parametrize("text", _texts())
def test_paths_located_below_a_base_are_where_location_finds_them(text: str) -> None:
    """``below`` walks to its base once; every path under every base, written or not, is
    located where :meth:`Document.location` locates the whole path."""
    document = _parsed(text)
    paths = list(document.value_marks)
    missing: list[JsonPath] = [("nothing",), (0,), ("a", "zz", 7)]
    for base in paths:
        locate = document.below(base)
        for path in [*paths, *missing]:
            rest = path[len(base) :] if path[: len(base)] == base else path
            assert locate(rest) == document.location((*base, *rest)), (base, rest)
    for base in missing:
        assert document.below(base)(("x",)) == document.location((*base, "x"))


def test_a_path_not_written_is_located_at_its_nearest_written_parent() -> None:
    document = _parsed("a:\n  b: [x, y]\nc: 1\n")
    assert document.location(("a", "b", 5)) == Location("f.yml", 2, 6)
    assert document.location(("a", "zz", "q")) == Location("f.yml", 2, 3)
    assert document.location(("c", 0)) == Location("f.yml", 3, 4)
    assert document.location(("nothing",), key=True) == Location("f.yml", 1, 1)


def test_an_aliased_value_is_located_at_its_parent_and_its_key_where_written() -> None:
    document = _parsed("base: &b {x: 1}\nother:\n  copy: *b\n  after: 2\n")
    assert document.data["other"] == {"copy": None, "after": 2}
    assert document.location(("other", "copy")) == Location("f.yml", 3, 3)
    assert document.location(("other", "copy"), key=True) == Location("f.yml", 3, 3)
    assert document.location(("other", "after")) == Location("f.yml", 4, 10)


def _positions(root: Path) -> dict[str, Any]:
    result = validate_project(root, "data")
    assert result.dataset is not None, result.diagnostics
    return dict(result.dataset.positions)


def test_origins_asked_one_by_one_are_those_listed_all_at_once() -> None:
    """A rule asks for one origin at a time (before anything listed them all); a report lists
    them all: each answer is the same, for every position of the example, own or inherited."""
    listed = {key: dict(p.requirements.origins) for key, p in _positions(EXAMPLE).items()}
    lazy = 0
    for key, position in _positions(EXAMPLE).items():
        origins = position.requirements.origins
        lazy += isinstance(origins, WrittenOrigins)
        for path, origin in listed[key].items():
            assert origins.get(path) == origin
            assert origins.get(path).key == origin.key
        assert origins.get(("no-such-part",)) is None
        assert origins.get(("kompetensi", "no-such-group")) is None
        assert dict(origins) == listed[key]
        assert list(origins) == list(listed[key])
    assert lazy > 10  # the example's positions do write requirements of their own


def test_whether_a_part_is_written_here_is_known_without_making_its_origin() -> None:
    """``written_here`` of a position's requirements, asked before any origin was made, says
    what the origins listed all at once say: written by the position itself, not inherited,
    for every part of every position of the example, and for parts nobody wrote."""
    listed = {key: dict(p.requirements.origins) for key, p in _positions(EXAMPLE).items()}
    asked = 0
    for key, position in _positions(EXAMPLE).items():
        requirements = position.requirements
        lazy = requirements.origins
        made = dict(lazy._made) if isinstance(lazy, WrittenOrigins) else {}
        paths = list(listed[key])
        paths += [(*path[:-1], "no-such-key") for path in paths if path]
        paths += [(*path, 99) for path in paths] + [(), ("no-such-part",)]
        for path in paths:
            origin = listed[key].get(path)
            expected = origin is not None and origin.inherited_from is None
            assert requirements.written_here(*path) == expected, (key, path)
            asked += 1
        if isinstance(lazy, WrittenOrigins):  # the rules made some while validating
            assert lazy._made == made, "no origin was made to answer"
    assert asked > 1000


def test_a_diagnostic_on_a_lazily_located_requirement_names_its_line_and_column(
    tmp_path: Path,
) -> None:
    """An unknown technical competency written in a flow mapping of the position's own
    requirements, next to inherited parts: reported at its key, to the column."""
    folder = DataFolder(tmp_path / "data")
    position = dict(folder.doc("jabatan/teknik-jalan-ahli-muda.yml"))
    position.pop("persyaratan", None)
    text = dump(position) + (
        "persyaratan:\n"
        "  pendidikan: {minimal: S1}\n"
        "  kompetensi:\n"
        "    teknis: {manajemen-jalan: 3,   tidak-ada-xyz: 2}\n"
    )
    folder.put("jabatan/teknik-jalan-ahli-muda.yml", text)
    found = [d for d in folder.diagnostics() if "tidak-ada-xyz" in str(d.params)]
    assert len(found) == 1
    line = text.splitlines().index("    teknis: {manajemen-jalan: 3,   tidak-ada-xyz: 2}") + 1
    column = text.splitlines()[line - 1].index("tidak-ada-xyz") + 1
    assert found[0].location == Location("data/jabatan/teknik-jalan-ahli-muda.yml", line, column)
    origins = folder.validate()
    assert origins.dataset is None  # an error: no model


def test_written_origins_follow_the_inheritance_rule() -> None:
    """Own parts replace the grade's whole (or one competency group); the rest is the grade's."""
    document = _parsed(
        "persyaratan:\n  pendidikan: {minimal: S2}\n  kompetensi:\n    teknis: {a: 1}\n"
    )
    grade = Location("family.yml", 9, 9)
    inherited = {
        ("pendidikan",): Origin(grade, "fam"),
        ("pendidikan", "bidang"): Origin(grade, "fam"),
        ("kompetensi",): Origin(grade, "fam"),
        ("kompetensi", "manajerial"): Origin(grade, "fam"),
        ("kompetensi", "teknis"): Origin(grade, "fam"),
        ("kompetensi", "teknis", "b"): Origin(grade, "fam"),
        ("golongan",): Origin(grade, "fam"),
    }
    slot = document.marks.chain(document.data, ("persyaratan",))[-1]
    origins = WrittenOrigins(
        document.data["persyaratan"], document.marks.part(slot), "f.yml", inherited
    )
    assert origins.get(("pendidikan", "bidang")) is None  # replaced as a whole
    assert origins.get(("pendidikan", "minimal")) == Origin(Location("f.yml", 2, 25))
    assert origins.get(("kompetensi", "teknis", "b")) is None  # the group is replaced
    assert origins.get(("kompetensi", "teknis", "a")) == Origin(Location("f.yml", 4, 17))
    assert origins.get(("kompetensi", "manajerial")) == Origin(grade, "fam")
    assert origins.get(("golongan",)) == Origin(grade, "fam")
    assert origins.get(("kompetensi",)) == Origin(Location("f.yml", 4, 5))
    assert set(origins) == {
        ("pendidikan",),
        ("pendidikan", "minimal"),
        ("kompetensi",),
        ("kompetensi", "manajerial"),
        ("kompetensi", "teknis"),
        ("kompetensi", "teknis", "a"),
        ("golongan",),
    }
