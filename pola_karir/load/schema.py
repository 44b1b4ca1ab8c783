"""JSON Schema checks: a compiled validator decides, python-jsonschema explains.

jsonschema-rs answers "is this document valid?" in microseconds, so the common case (valid
files) stays fast. Only for a failing document do we run python-jsonschema, whose error objects
carry the path of the offending node; that path is mapped back to the YAML line and column and
turned into an HR-readable diagnostic.
"""

from __future__ import annotations

import difflib
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

from pola_karir.diagnostics import Diagnostic, diag
from pola_karir.load.yaml_loader import Document, JsonPath

BASE_URI: Final = "https://pola-karir.invalid/schemas/"
KINDS: Final = (
    "instansi",
    "unit",
    "jabatan",
    "jabatan-fungsional",
    "jalur",
    "kompetensi",
    "pelatihan",
    "dasar-hukum",
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
    """Read every schema once; the $id is added in memory only, so editors resolve the files'
    relative $refs from disk while the validators resolve them from this registry."""
    folder = schema_dir()
    documents: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema["$id"] = BASE_URI + path.name
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


def validate_document(document: Document, kind: str) -> list[Diagnostic]:
    """Every schema problem of one document, each at the line and column of its node."""
    schemas = load_schemas()
    if _fast_is_valid(schemas, kind, document.data):
        return []
    errors = schemas.explain[kind].iter_errors(document.data)
    found: dict[tuple[str, int, int, tuple[tuple[str, str], ...]], Diagnostic] = {}
    for error in errors:
        for diagnostic in _explain(error, document, schemas):
            key = (
                diagnostic.code,
                diagnostic.location.line,
                diagnostic.location.column,
                diagnostic.args,
            )
            found.setdefault(key, diagnostic)
    return sorted(found.values(), key=Diagnostic.sort_key)


# --- turning one jsonschema error into diagnostics ------------------------------------------

_TYPE_ID = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "boolean": "true/false",
    "array": "daftar",
    "object": "pemetaan 'kunci: nilai'",
    "null": "kosong",
}
_TYPE_EN = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true/false",
    "array": "a list",
    "object": "a 'key: value' mapping",
    "null": "empty",
}


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


ROOT_ID: Final = "tingkat teratas berkas"
ROOT_EN: Final = "the top level of the file"


def _english(field: str) -> str:
    """The English form of a field description built by :func:`field_name`."""
    if field == ROOT_ID:
        return ROOT_EN
    return field.replace("kunci di " + ROOT_ID, "key at " + ROOT_EN).replace("kunci di ", "key in ")


def field_name(path: JsonPath) -> str:
    """Dotted path as HR sees it: list items counted from 1."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text or ROOT_ID


def _short(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _suggest(word: str, choices: list[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f" Mungkin maksudnya '{close[0]}'?", f" Did you mean '{close[0]}'?"


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
    field = field_name(path)
    if "propertyNames" in error.absolute_schema_path:
        name = str(error.instance)
        choices = _resolve(schema, schemas).get("enum", [])
        suggestion = _suggest(name, [str(c) for c in choices])
        described = ", ".join(str(c) for c in choices) or str(schema.get("description", ""))
        yield diag(
            "PK104",
            doc.location((*path, name), key=True),
            value=_short(name),
            field=f"kunci di {field}",
            field_en=_english(f"kunci di {field}"),
            suggestion=suggestion[0],
            suggestion_en=suggestion[1],
            choices=described,
        )
    elif keyword == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(schema.get("properties", {}))
        for key in error.instance:
            if key in allowed:
                continue
            suggestion = _suggest(key, allowed)
            yield diag(
                "PK101",
                doc.location((*path, key), key=True),
                key=_short(key),
                where=field,
                where_en=_english(field),
                suggestion=suggestion[0],
                suggestion_en=suggestion[1],
                allowed=", ".join(allowed),
            )
    elif keyword == "required" and isinstance(error.instance, dict):
        for key in _value(error):
            if key not in error.instance:
                yield diag(
                    "PK102",
                    doc.location(path),
                    key=key,
                    where=field,
                    where_en=_english(field),
                    description=_describe_property(schema, key, schemas),
                )
    elif keyword in ("type", "oneOf", "anyOf"):
        yield _type_error(error, doc, path, field, schemas)
    elif keyword == "enum":
        choices = [str(c) for c in _value(error)]
        suggestion = _suggest(str(error.instance), choices)
        yield diag(
            "PK104",
            doc.location(path),
            value=_short(error.instance),
            field=field,
            field_en=_english(field),
            suggestion=suggestion[0],
            suggestion_en=suggestion[1],
            choices=", ".join(choices),
        )
    elif keyword in ("pattern", "format"):
        yield diag(
            "PK105",
            doc.location(path),
            value=_short(error.instance),
            field=field,
            field_en=_english(field),
            description=schema.get("description", ""),
        )
    elif keyword in _RANGE:
        detail_id, detail_en = _RANGE[keyword]
        bound = error.validator_value
        yield diag(
            "PK106",
            doc.location(path),
            field=field,
            field_en=_english(field),
            detail=detail_id.format(bound),
            detail_en=detail_en.format(bound),
            description=schema.get("description", ""),
        )
    else:
        duplicate = keyword == "uniqueItems"
        yield diag(
            "PK107",
            doc.location(path),
            field=field,
            field_en=_english(field),
            detail=_short("ada nilai ganda" if duplicate else error.message, 120),
            detail_en=_short("a value appears twice" if duplicate else error.message, 120),
            description=schema.get("description", ""),
        )


_RANGE: Final = {
    "minimum": ("paling kecil {}", "at least {}"),
    "maximum": ("paling besar {}", "at most {}"),
    "exclusiveMinimum": ("harus lebih dari {}", "must be more than {}"),
    "exclusiveMaximum": ("harus kurang dari {}", "must be less than {}"),
    "minLength": ("paling sedikit {} karakter", "at least {} characters"),
    "maxLength": ("paling banyak {} karakter", "at most {} characters"),
    "minItems": ("paling sedikit {} butir", "at least {} items"),
    "maxItems": ("paling banyak {} butir", "at most {} items"),
    "minProperties": ("paling sedikit {} kunci", "at least {} keys"),
    "maxProperties": ("paling banyak {} kunci", "at most {} keys"),
}


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
    error: ValidationError, doc: Document, path: JsonPath, field: str, schemas: SchemaSet
) -> Diagnostic:
    expected = _expected_types(error, schemas)
    found = _json_type(error.instance)
    hint_id = hint_en = "Lihat keterangan kunci ini di skema (VS Code menampilkannya)."
    if "string" in expected and found in ("integer", "number", "boolean"):
        hint_id = (
            f"Beri tanda kutip agar dibaca sebagai teks, misalnya: "
            f'{path[-1] if path else "kunci"}: "{_short(error.instance)}"'
        )
        hint_en = f'Quote the value so it is read as text, e.g. "{_short(error.instance)}"'
    elif "array" in expected and found != "array":
        hint_id = "Tulis sebagai daftar: setiap butir di baris sendiri diawali '- '."
        hint_en = "Write it as a list: each item on its own line starting with '- '."
    elif found == "null":
        hint_id = "Isi nilainya setelah titik dua, atau hapus kunci ini."
        hint_en = "Fill in a value after the colon, or remove this key."
    return diag(
        "PK103",
        doc.location(path),
        field=field,
        field_en=_english(field),
        expected=" atau ".join(_TYPE_ID.get(t, t) for t in expected),
        expected_en=" or ".join(_TYPE_EN.get(t, t) for t in expected),
        found=_TYPE_ID[found],
        found_en=_TYPE_EN[found],
        type_hint=hint_id,
        type_hint_en=hint_en,
    )
