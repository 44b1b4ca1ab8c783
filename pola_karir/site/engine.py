"""The browser matching engine's files: ``assets/pk-engine.js`` (the port of
:mod:`pola_karir.career.matching`, no page and no words in it), ``assets/pk-konstanta.js``, the
constants it reads, written at build time from the Python modules and JSON Schemas that own
them, and ``assets/pk-kata.js``, which phrases its findings with a page's catalogue words.

The engine holds no copy of a status code, a profile key or a bound: change one here (in
``matching``, in a schema or in the moves offered) and the next build's engine follows.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from pola_karir.career import matching
from pola_karir.load.schema import schema_dir
from pola_karir.reference import waktu

ENGINE_SCRIPT = "assets/pk-engine.js"
# The earliest-time estimate (:mod:`pola_karir.career.timeline` ported); the engine needs it.
TIMELINE_SCRIPT = "assets/pk-timeline.js"
CONSTANTS_SCRIPT = "assets/pk-konstanta.js"
# The words of the engine's findings: a page that shows findings loads it after the engine and
# passes it the words of :func:`pola_karir.site.explorer.engine_words`.
WORDS_SCRIPT = "assets/pk-kata.js"
# The largest numbers of moves an employee may ask for, and the one asked when none is.
MOVES = (1, 2, 3, 4)
DEFAULT_MOVES = 3
# The global the constants are published under (window or any other global object).
CONSTANTS_GLOBAL = "POLA_KARIR_KONSTANTA"


def _schema(name: str) -> dict[str, Any]:
    path = schema_dir() / f"{name}.schema.json"
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def constants() -> dict[str, Any]:
    """Every constant the engine needs, from its owner: verdict codes and their order and the
    profile keys from :mod:`~pola_karir.career.matching`, bounds of a profile value from
    ``common.schema.json`` and ``profil.schema.json``, the moves from this module."""
    common = _schema("common")["$defs"]
    profile = _schema("profil")["properties"]
    return {
        "status": {status.name.lower(): status.value for status in matching.Status},
        "state": {state.name.lower(): state.value for state in matching.State},
        "state_order": {state.value: rank for state, rank in matching.STATE_ORDER.items()},
        "profile_keys": list(matching.PROFILE_KEYS),
        "id_pattern": common["id"]["pattern"],
        "id_max_length": common["id"]["maxLength"],
        "max_years": common["tahun"]["maximum"],
        "levels": [common["level"]["minimum"], common["level"]["maximum"]],
        "max_ratings": profile["kinerja"]["maxItems"],
        "max_field_length": profile["bidang_pendidikan"]["maxLength"],
        "moves": list(MOVES),
        "default_moves": DEFAULT_MOVES,
        "waktu": waktu.rules_data(),
    }


def constants_script() -> str:
    """``pk-konstanta.js``: the constants as a global. At the top level of a classic script
    ``this`` is the global object (a page's ``window``, a worker's ``self``). ASCII only, like
    every asset."""
    value = json.dumps(constants(), ensure_ascii=True, sort_keys=True)
    return f"/* pola_karir/site/engine.py */\nthis.{CONSTANTS_GLOBAL} = {value};\n"


def _asset(name: str) -> str:
    return (resources.files("pola_karir.site") / "assets" / name).read_text(encoding="utf-8")


def engine_source() -> str:
    """The engine script as shipped in the package."""
    return _asset("pk-engine.js")


def timeline_source() -> str:
    """The earliest-time script the engine calls for every result (load it first)."""
    return _asset("pk-timeline.js")


def engine_files() -> dict[str, str]:
    """The engine, its constants and its words, published beside the other assets."""
    return {
        CONSTANTS_SCRIPT: constants_script(),
        TIMELINE_SCRIPT: timeline_source(),
        ENGINE_SCRIPT: engine_source(),
        WORDS_SCRIPT: _asset("pk-kata.js"),
    }
