"""JSON Schema checks: a compiled validator decides, python-jsonschema explains.

jsonschema-rs answers "is this document valid?" in microseconds, so the common case (valid
files) stays fast. Only for a failing document do we run python-jsonschema, whose error objects
carry the path of the offending node; that path is mapped back to the YAML line and column and
turned into an HR-readable diagnostic.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

import jsonschema
import jsonschema_rs
import referencing
from jsonschema.exceptions import ValidationError

from pola_karir.diagnostics import NOTHING, Diagnostic, Term, diag, suggestion, term
from pola_karir.load.yaml_loader import Document, JsonPath

BASE_URI: Final = "https://pola-karir.github.io/schemas/"
"""Where every schema's ``$id`` lives: ``BASE_URI + file name``. A name, never a download: the
validators register each schema under its ``$id`` from the files shipped in the wheel, so the
relative ``$ref`` between files (``common.schema.json#/$defs/id``) resolves offline; editors
resolve the same ``$ref`` against the file they loaded."""
KINDS: Final = (
    "instansi",
    "unit",
    "jabatan",
    "jabatan-fungsional",
    "jalur",
    "kompetensi",
    "pelatihan",
    "dasar-hukum",
    "rumpun-pendidikan",
    "profil",
)


def schema_dir() -> Path:
    """Schemas ship inside the wheel; in a source checkout they sit at the project root."""
    packaged = Path(str(resources.files("pola_karir"))) / "schemas"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "schemas"


@dataclass(frozen=True)
class SchemaSet:
    schemas: Mapping[str, dict[str, Any]]
    fast: Mapping[str, Any]
    explain: Mapping[str, jsonschema.protocols.Validator]


@cache
def load_schemas() -> SchemaSet:
    """Read every schema once and register it under its own ``$id`` (see :data:`BASE_URI`)."""
    folder = schema_dir()
    documents: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        if schema.get("$id") != BASE_URI + path.name:  # a packaging mistake, never user input
            raise ValueError(f"{path.name}: $id must be {BASE_URI + path.name!r}")
        documents[path.name.removesuffix(".schema.json")] = schema
    fast_registry = jsonschema_rs.Registry(
        [(schema["$id"], schema) for schema in documents.values()]
    )
    slow_registry: referencing.Registry[Any] = referencing.Registry().with_resources(
        (schema["$id"], referencing.Resource.from_contents(schema)) for schema in documents.values()
    )
    fast = {
        kind: jsonschema_rs.validator_for(documents[kind], registry=fast_registry) for kind in KINDS
    }
    explain = {
        kind: jsonschema.Draft202012Validator(documents[kind], registry=slow_registry)
        for kind in KINDS
    }
    return SchemaSet(documents, fast, explain)


def _fast_is_valid(schemas: SchemaSet, kind: str, data: object) -> bool:
    """The compiled validator's verdict; a value it cannot take (older jsonschema-rs releases
    raise on integers beyond 64 bits) is left to python-jsonschema, which decides exactly."""
    try:
        return bool(schemas.fast[kind].is_valid(data))
    except (ValueError, OverflowError):
        return False


EXPLAIN_NODES: Final = 20_000
"""Documents with more values than this are checked by jsonschema-rs alone, up to the first error.

python-jsonschema explains well but walks the whole document in Python: a 900,000-item list
with one error took over 30 s, 270,000 wrong items 17 s. Past this size the first error is
reported at its node, by keyword, with a hint saying why the check stopped there; the data files
of an agency are far below it."""


def validate_document(document: Document, kind: str) -> list[Diagnostic]:
    """Every schema problem of one document, each at the line and column of its node."""
    schemas = load_schemas()
    if _fast_is_valid(schemas, kind, document.data):
        return []
    if _larger_than(document.data, EXPLAIN_NODES):
        try:
            return _explain_briefly(document, kind, schemas)
        except (ValueError, OverflowError):  # see _fast_is_valid
            pass
    errors = schemas.explain[kind].iter_errors(document.data)
    # Several jsonschema errors may explain the same node the same way: keep one of each.
    found: dict[Diagnostic, None] = {}
    for error in errors:
        for diagnostic in _explain(error, document, schemas):
            found.setdefault(diagnostic, None)
    return sorted(found, key=Diagnostic.sort_key)


def _larger_than(data: object, limit: int) -> bool:
    """Whether ``data`` holds more than ``limit`` values, counted until the limit is passed
    (the document's own marks undercount: an alias is one mark for any number of values)."""
    pending = [data]
    count = 0
    while pending:
        value = pending.pop()
        count += 1
        if count > limit:
            return True
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


def _explain_briefly(document: Document, kind: str, schemas: SchemaSet) -> list[Diagnostic]:
    """PK107 at the first error jsonschema-rs finds in a very large document, named by its
    keyword; the check stops there. Its ``iter_errors`` builds every error before returning
    the first (576 MB for 270,000 of them), its ``validate`` stops at the first one."""
    try:
        schemas.fast[kind].validate(document.data)
    except jsonschema_rs.ValidationError as error:
        path: JsonPath = tuple(error.instance_path)
        keywords = [part for part in error.schema_path if isinstance(part, str)]
        keyword = keywords[-1] if keywords else "?"
        detail: dict[str, object] = (
            {"detail": term("schema.failed.uniqueItems")}
            if keyword == "uniqueItems"
            else {"detail": term("schema.failed.other"), "keyword": keyword}
        )
        brief = {"description": term("schema.briefly"), "nodes": EXPLAIN_NODES}
        return [diag("PK107", document.location(path), field=_field(path), **brief, **detail)]
    return []


# --- turning one jsonschema error into diagnostics ------------------------------------------


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def field_name(path: JsonPath) -> str:
    """Dotted path as HR sees it: list items counted from 1; the top level is ""."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text


def _field(path: JsonPath) -> str | Term:
    """The node a message names: its dotted path, or the worded "top level of the file"."""
    return field_name(path) or term("schema.root")


def _key_in(path: JsonPath) -> dict[str, object]:
    """A key's own name is what is wrong (propertyNames): the node is "the key in <path>"."""
    name = field_name(path)
    if not name:
        return {"field": term("schema.key_in_root")}
    return {"field": term("schema.key_in"), "path": name}


def _description(text: object) -> Term:
    """A schema description as a hint: the schema's own (Indonesian) words, marked as such."""
    return term("schema.description") if text else NOTHING


def _short(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe_property(schema: Mapping[str, Any], name: str, schemas: SchemaSet) -> str:
    prop = schema.get("properties", {}).get(name, {})
    resolved = _resolve(prop, schemas)
    title = prop.get("title") or resolved.get("title") or name
    description = prop.get("description") or resolved.get("description") or ""
    return f"{title}: {description}" if description else str(title)


def _resolve(subschema: Mapping[str, Any], schemas: SchemaSet) -> Mapping[str, Any]:
    ref = subschema.get("$ref")
    if not isinstance(ref, str) or "#/$defs/" not in ref:
        return subschema
    file_part, _, name = ref.partition("#/$defs/")
    for kind, schema in schemas.schemas.items():
        if file_part in ("", f"{kind}.schema.json") and name in schema.get("$defs", {}):
            found: Mapping[str, Any] = schema["$defs"][name]
            return found
    return subschema


def _value(error: ValidationError) -> Any:
    """The keyword's value in the schema (typed loosely by jsonschema)."""
    return error.validator_value


def _best(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf, follow the branch that got furthest: deepest non-type error."""
    while error.context:
        candidates = sorted(
            error.context,
            key=lambda e: (e.validator != "type", len(e.absolute_path), -len(e.context or [])),
            reverse=True,
        )
        if candidates[0].validator == "type":
            return error
        error = candidates[0]
    return error


def _explain(error: ValidationError, doc: Document, schemas: SchemaSet) -> Iterator[Diagnostic]:
    error = _best(error)
    path: JsonPath = tuple(error.absolute_path)
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    keyword = error.validator
    if "propertyNames" in error.absolute_schema_path:
        yield _bad_key_name(error, doc, path, schema, schemas)
    elif keyword == "additionalProperties" and isinstance(error.instance, dict):
        yield from _unknown_keys(error.instance, doc, path, schema)
    elif keyword in ("required", "dependentRequired") and isinstance(error.instance, dict):
        # A key required by one branch of a oneOf/anyOf is described where it is defined.
        owner = schema
        if key_owner := error.parent:
            owner = key_owner.schema if isinstance(key_owner.schema, Mapping) else schema
        for key in _required_now(error):
            if key not in error.instance:
                described_in = schema if key in schema.get("properties", {}) else owner
                described = _describe_property(described_in, key, schemas)
                yield diag(
                    "PK102",
                    doc.location(path),
                    key=key,
                    where=_field(path),
                    description=_description(described),
                    schema_text=described,
                )
    elif _together(error):
        yield _exclusive(error, doc, path, schema, schemas)
    elif keyword in ("type", "oneOf", "anyOf"):
        yield _type_error(error, doc, path, schemas)
    elif keyword == "enum":
        choices = [str(c) for c in _value(error)]
        yield diag(
            "PK104",
            doc.location(path),
            value=_short(error.instance),
            field=_field(path),
            choices=", ".join(choices),
            **suggestion(str(error.instance), choices),
        )
    else:
        yield _value_error(error, doc, path, schema)


def _required_now(error: ValidationError) -> list[str]:
    """The keys a ``required`` error asks for, or those a ``dependentRequired`` error asks for
    because of the keys written (``jenjang_minimal`` needs ``jabatan_fungsional``)."""
    value = _value(error)
    if error.validator != "dependentRequired":
        return list(value)
    written: Any = error.instance
    return [key for present, keys in value.items() if present in written for key in keys]


def _required_keys(branches: Any) -> list[str] | None:
    """The keys of ``oneOf``/``anyOf`` branches that only require keys; None for other branches."""
    if not isinstance(branches, list):
        return None
    keys: list[str] = []
    for branch in branches:
        if not isinstance(branch, Mapping) or set(branch) - {"required", "title", "description"}:
            return None
        keys += [key for key in branch.get("required", ()) if key not in keys]
    return keys


def _together(error: ValidationError) -> bool:
    """Keys written together that the schema keeps apart: a ``oneOf`` of required keys that
    more than one branch satisfies, or a ``not`` of required keys (``dependentSchemas``)."""
    if not isinstance(error.instance, dict):
        return False
    if error.validator == "oneOf":
        keys = _required_keys(_value(error))
        return keys is not None and not error.context
    if error.validator == "not" and isinstance(error.validator_value, Mapping):
        return _required_keys(error.validator_value.get("anyOf")) is not None
    return False


def _exclusive(
    error: ValidationError,
    doc: Document,
    path: JsonPath,
    schema: Mapping[str, Any],
    schemas: SchemaSet,
) -> Diagnostic:
    """PK107 for keys that must not be written together, at the key written last."""
    instance: Any = error.instance
    if error.validator == "oneOf":
        keys = [key for key in _required_keys(_value(error)) or () if key in instance]
        described = _describe_property(schema, keys[-1], schemas)
    else:
        owner = str(error.absolute_schema_path[-2])
        found = _required_keys(_value(error)["anyOf"]) or []
        keys = [owner, *(key for key in found if key in instance)]
        described = str(schema.get("description", ""))
    return diag(
        "PK107",
        doc.location((*path, keys[-1]), key=True),
        field=_field(path),
        detail=term("schema.failed.together"),
        first=keys[0],
        others=", ".join(f"'{key}'" for key in keys[1:]),
        description=_description(described),
        schema_text=described,
    )


def _bad_key_name(
    error: ValidationError,
    doc: Document,
    path: JsonPath,
    schema: Mapping[str, Any],
    schemas: SchemaSet,
) -> Diagnostic:
    name = str(error.instance)
    choices = [str(c) for c in _resolve(schema, schemas).get("enum", [])]
    described: dict[str, object] = (
        {"choices": ", ".join(choices)}
        if choices
        else {
            "choices": _description(schema.get("description")),
            "schema_text": schema.get("description", ""),
        }
    )
    return diag(
        "PK104",
        doc.location((*path, name), key=True),
        value=_short(name),
        **_key_in(path),
        **described,
        **suggestion(name, choices),
    )


def _unknown_keys(
    instance: Mapping[str, Any], doc: Document, path: JsonPath, schema: Mapping[str, Any]
) -> Iterator[Diagnostic]:
    allowed = list(schema.get("properties", {}))
    for key in instance:
        if key in allowed:
            continue
        yield diag(
            "PK101",
            doc.location((*path, key), key=True),
            key=_short(key),
            where=_field(path),
            allowed=", ".join(allowed),
            **suggestion(key, allowed),
        )


def _value_error(
    error: ValidationError, doc: Document, path: JsonPath, schema: Mapping[str, Any]
) -> Diagnostic:
    """PK105-PK107: the value has the right type but breaks a format, a bound or another rule."""
    keyword = str(error.validator)
    description = schema.get("description", "")
    common: dict[str, object] = {
        "field": _field(path),
        "description": _description(description),
        "schema_text": description,
    }
    if keyword in ("pattern", "format"):
        return diag("PK105", doc.location(path), value=_short(error.instance), **common)
    if keyword in _RANGE:
        bound = error.validator_value
        detail = term(f"schema.range.{keyword}")
        return diag("PK106", doc.location(path), detail=detail, bound=bound, **common)
    return diag("PK107", doc.location(path), **_failure(error), **common)


def _failure(error: ValidationError) -> dict[str, object]:
    """What a rule without a message of its own found, by keyword; jsonschema's English
    message is not shown, since it cannot be put in the reader's language."""
    keyword = str(error.validator)
    if keyword == "uniqueItems":
        return {"detail": term("schema.failed.uniqueItems")}
    if keyword == "const":
        return {"detail": term("schema.failed.const"), "constant": _short(error.validator_value)}
    return {"detail": term("schema.failed.other"), "keyword": keyword}


_RANGE: Final = frozenset(
    {
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "minProperties",
        "maxProperties",
    }
)


def _expected_types(error: ValidationError, schemas: SchemaSet) -> list[str]:
    if error.validator == "type":
        value = _value(error)
        return [value] if isinstance(value, str) else list(value)
    types: list[str] = []
    for branch in _value(error):
        resolved = _resolve(branch, schemas)
        kind = resolved.get("type")
        if isinstance(kind, str) and kind not in types:
            types.append(kind)
    return types or ["object"]


def _type_error(
    error: ValidationError, doc: Document, path: JsonPath, schemas: SchemaSet
) -> Diagnostic:
    expected = _expected_types(error, schemas)
    found = _json_type(error.instance)
    return diag(
        "PK103",
        doc.location(path),
        field=_field(path),
        expected=Term(tuple(f"schema.type.{t}" for t in expected), "join.or"),
        found=term(f"schema.type.{found}"),
        **_type_hint(expected, found, doc.written.get(path, error.instance), path),
    )


def _numeric(value: Any) -> bool:
    """Whether a text is a number written in quotes (kelas_jabatan: "11")."""
    try:
        float(str(value).strip())
    except ValueError:
        return False
    return True


def _type_hint(expected: list[str], found: str, instance: Any, path: JsonPath) -> dict[str, object]:
    """The likely fix for a wrong type: quote a number meant as text, write a list, fill a value."""
    if "string" in expected and found in ("integer", "number", "boolean"):
        key = str(path[-1]) if path else "..."
        return {"type_hint": term("PK103.hint.quote"), "key": key, "value": _short(instance)}
    if {"integer", "number"} & set(expected) and found == "string" and _numeric(instance):
        key = str(path[-1]) if path else "..."
        return {"type_hint": term("PK103.hint.unquote"), "key": key, "value": instance.strip()}
    if "array" in expected and found != "array":
        return {"type_hint": term("PK103.hint.list")}
    if found == "null":
        return {"type_hint": term("PK103.hint.fill")}
    return {"type_hint": term("PK103.hint.schema")}
