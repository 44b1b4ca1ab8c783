"""The JSON Schemas themselves: valid Draft 2020-12, documented in Indonesian, closed objects.

The schemas are what VS Code shows an HR officer while typing (title and description on hover),
so every property must explain itself; and a schema that forgets ``additionalProperties`` lets a
misspelt key pass silently. Example data files must point the editor at their schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from pola_karir.load.layout import FOLDERS, SINGLE_FILES
from pola_karir.load.schema import BASE_URI, KINDS

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schemas"
DATA_DIR = ROOT / "data"
SCHEMA_FILES = sorted(SCHEMA_DIR.glob("*.json"))
DRAFT = "https://json-schema.org/draft/2020-12/schema"
HEADER = "# yaml-language-server: $schema="


def load(path: Path) -> dict[str, Any]:
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(schema, dict)
    return schema


def walk(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema with its JSON pointer."""
    if not isinstance(node, dict):
        return
    yield where, node
    for keyword in ("properties", "$defs", "patternProperties"):
        for name, child in node.get(keyword, {}).items():
            yield from walk(child, f"{where}/{keyword}/{name}")
    for keyword in ("items", "additionalProperties", "propertyNames", "not", "contains"):
        yield from walk(node.get(keyword), f"{where}/{keyword}")
    for keyword in ("oneOf", "anyOf", "allOf", "prefixItems"):
        for index, child in enumerate(node.get(keyword, [])):
            yield from walk(child, f"{where}/{keyword}/{index}")


def resolve(ref: str, current: Path) -> dict[str, Any] | None:
    """A '$ref' as the schemas write them: 'other.schema.json#/$defs/x' or '#/$defs/x'."""
    file_part, _, pointer = ref.partition("#")
    target = (current.parent / file_part) if file_part else current
    if not target.is_file():
        return None
    node: Any = load(target)
    for part in [p for p in pointer.split("/") if p]:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, dict) else None


def test_there_is_a_schema_for_every_kind() -> None:
    names = {p.name for p in SCHEMA_FILES}
    assert {f"{kind}.schema.json" for kind in KINDS} | {"common.schema.json"} <= names
    # every data folder kind is among them
    assert {f"{kind}.schema.json" for kind in [*SINGLE_FILES.values(), *FOLDERS.values()]} <= names


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=[p.name for p in SCHEMA_FILES])
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    schema = load(path)
    assert schema["$schema"] == DRAFT
    Draft202012Validator.check_schema(schema)
    assert schema.get("title")
    assert schema.get("description")


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=[p.name for p in SCHEMA_FILES])
def test_schema_names_itself(path: Path) -> None:
    """Its $id is BASE_URI + its file name: one scheme for every schema, under which the
    validators register it and its relative $refs resolve (see load.schema.BASE_URI)."""
    assert load(path)["$id"] == BASE_URI + path.name


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=[p.name for p in SCHEMA_FILES])
def test_every_ref_resolves(path: Path) -> None:
    broken = [
        f"{where}: {node['$ref']}"
        for where, node in walk(load(path))
        if "$ref" in node and resolve(node["$ref"], path) is None
    ]
    assert broken == []


def undocumented(path: Path) -> list[str]:
    """Properties without a title and a description, on themselves or their $ref target."""
    missing = []
    for where, node in walk(load(path)):
        for name, prop in node.get("properties", {}).items():
            target = resolve(prop["$ref"], path) if "$ref" in prop else {}
            target = target or {}
            for key in ("title", "description"):
                text = prop.get(key) or target.get(key)
                if not isinstance(text, str) or not text.strip():
                    missing.append(f"{where}/properties/{name}: {key}")
    return missing


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=[p.name for p in SCHEMA_FILES])
def test_every_property_has_title_and_description(path: Path) -> None:
    assert undocumented(path) == []


ENGLISH = re.compile(r"\b(the|and|must|should|which|with|this|for|example)\b", re.IGNORECASE)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=[p.name for p in SCHEMA_FILES])
def test_titles_and_descriptions_are_indonesian(path: Path) -> None:
    english = [
        f"{where}: {node[key]}"
        for where, node in walk(load(path))
        for key in ("title", "description")
        if isinstance(node.get(key), str) and ENGLISH.search(node[key])
    ]
    assert english == []


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=[p.name for p in SCHEMA_FILES])
def test_every_object_schema_sets_additional_properties(path: Path) -> None:
    open_objects = [
        where
        for where, node in walk(load(path))
        if (node.get("type") == "object" or "properties" in node)
        and not (
            node.get("additionalProperties") is False
            or isinstance(node.get("additionalProperties"), dict)
        )
    ]
    assert open_objects == []


def test_the_checks_above_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "x.schema.json"
    bad.write_text(
        json.dumps(
            {
                "$schema": DRAFT,
                "type": "object",
                "properties": {
                    "a": {"type": "string", "title": "A"},
                    "b": {"$ref": "#/$defs/b"},
                    "c": {"$ref": "missing.schema.json#/$defs/c"},
                },
                "$defs": {"b": {"type": "object", "title": "B", "description": "Isi B."}},
            }
        ),
        encoding="utf-8",
    )
    assert undocumented(bad) == [
        "#/properties/a: description",
        "#/properties/c: title",
        "#/properties/c: description",
    ]
    assert [w for w, n in walk(load(bad)) if "$ref" in n and resolve(n["$ref"], bad) is None] == [
        "#/properties/c"
    ]


# --- example data points the editor at its schema ---------------------------------------------


def expected_schema(relative: Path) -> str | None:
    """The schema a data file must name, from the data folder's fixed layout."""
    parts = relative.parts
    kind = SINGLE_FILES.get(parts[0]) if len(parts) == 1 else FOLDERS.get(parts[0])
    return f"{kind}.schema.json" if kind and len(parts) <= 2 else None


def header_problem(path: Path, data_root: Path) -> str | None:
    """Why the first line of a data file does not name its schema, or None when it does."""
    relative = path.relative_to(data_root)
    lines = path.read_text(encoding="utf-8").splitlines()
    first = lines[0] if lines else ""
    if not first.startswith(HEADER):
        return f"{relative}: first line is not '{HEADER}...'"
    target = (path.parent / first.removeprefix(HEADER).strip()).resolve()
    if not target.is_file():
        return f"{relative}: schema {target} does not exist"
    wanted = expected_schema(relative)
    if wanted is not None and target.name != wanted:
        return f"{relative}: names {target.name}, expected {wanted}"
    return None


def test_example_data_names_its_schema() -> None:
    files = sorted(p for p in DATA_DIR.rglob("*.yml") if p.is_file()) if DATA_DIR.is_dir() else []
    problems = [problem for path in files if (problem := header_problem(path, DATA_DIR))]
    assert problems == []


def test_header_check_can_fail(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "jabatan").mkdir(parents=True)
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    for name in ("jabatan.schema.json", "unit.schema.json", "instansi.schema.json"):
        (schemas / name).write_text("{}", encoding="utf-8")

    def check(relative: str, text: str) -> str | None:
        path = data / relative
        path.write_text(text, encoding="utf-8")
        return header_problem(path, data)

    good = "# yaml-language-server: $schema=../../schemas/jabatan.schema.json\nnama: x\n"
    assert check("jabatan/a.yml", good) is None
    assert (
        check("instansi.yml", "# yaml-language-server: $schema=../schemas/instansi.schema.json\n")
        is None
    )
    assert check("jabatan/b.yml", "nama: x\n") == (
        "jabatan/b.yml: first line is not '# yaml-language-server: $schema=...'"
    )
    assert check("jabatan/c.yml", "") == (
        "jabatan/c.yml: first line is not '# yaml-language-server: $schema=...'"
    )
    missing = check(
        "jabatan/d.yml", "# yaml-language-server: $schema=../schemas/jabatan.schema.json\n"
    )
    assert missing is not None
    assert missing.startswith("jabatan/d.yml: schema ")
    assert missing.endswith("does not exist")
    assert check(
        "jabatan/e.yml", "# yaml-language-server: $schema=../../schemas/unit.schema.json\n"
    ) == ("jabatan/e.yml: names unit.schema.json, expected jabatan.schema.json")
