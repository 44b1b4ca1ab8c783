"""Plain YAML scalars that YAML 1.1 and YAML 1.2 read as different values.

PyYAML, and so this tool, follows YAML 1.1: an unquoted ``yes`` is a boolean, ``010`` is the
octal number 8, ``1:30`` is the sexagesimal number 90 and ``1_000`` is 1000. Editors
(yaml-language-server, hence VS Code's checks against our JSON Schemas) follow YAML 1.2's core
schema, where ``yes`` and ``1:30`` are text, ``010`` is 10 and ``0o10`` is 8. One file then means
two things depending on who reads it, so such a scalar is reported (PK020) rather than silently
given one of its meanings.

Both readings are computed here from the written text alone, normalised the way the loader keeps
values (timestamps and non-finite numbers stay text), so two readings differ only when the value
itself differs. YAML 1.1 also lists ``y``/``n`` as booleans; PyYAML and YAML 1.2 both read them as
text, so for this tool they mean one thing, but other YAML 1.1 readers disagree (PK021).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

_TAG: Final = "tag:yaml.org,2002:"
_RESOLVER: Final = Resolver()
_CONSTRUCTOR: Final = SafeConstructor()
# The loader keeps integers of this many digits or more as text (Python refuses to convert
# much longer ones), so both readings do the same.
_LONG_DIGITS: Final = 4000

# Only text of these shapes can be read differently: the YAML 1.1 booleans that YAML 1.2 reads
# as text, and anything that starts like a number. Everything else is skipped without parsing.
_SUSPECT: Final = re.compile(r"[-+.0-9]|(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$")
# The numbers and dates data is full of, which both read alike (a decimal without a leading
# zero, a plain fraction, a date that the loader keeps as text): answered without resolving.
_ALIKE: Final = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|[0-9]{4}-[0-9]{2}-[0-9]{2}")
# What every scalar that can be flagged starts with (the two sets above).
FIRST_CHARACTERS: Final = frozenset("-+.0123456789yYnNoO")
# YAML 1.1's one-letter booleans, which PyYAML leaves out of its resolver.
SHORT_BOOLEANS: Final = frozenset({"y", "Y", "n", "N"})

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1023-core-schema), tag resolution table.
_NULL_12: Final = re.compile(r"(?:null|Null|NULL|~)?")
_TRUE_12: Final = re.compile(r"true|True|TRUE")
_FALSE_12: Final = re.compile(r"false|False|FALSE")
_DECIMAL_12: Final = re.compile(r"[-+]?[0-9]+")
_OCTAL_12: Final = re.compile(r"0o[0-7]+")
_HEX_12: Final = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT_12: Final = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def _number(value: float, written: str) -> Any:
    """A float as the loader keeps it: NaN and infinity have no JSON form and stay text."""
    return value if math.isfinite(value) else written


def yaml12(written: str) -> Any:
    """The value of a plain scalar under YAML 1.2's core schema."""
    if _NULL_12.fullmatch(written):
        return None
    if _TRUE_12.fullmatch(written):
        return True
    if _FALSE_12.fullmatch(written):
        return False
    if _DECIMAL_12.fullmatch(written):
        return int(written) if len(written) < _LONG_DIGITS else written
    if _OCTAL_12.fullmatch(written):
        return int(written[2:], 8) if len(written) < _LONG_DIGITS else written
    if _HEX_12.fullmatch(written):
        return int(written[2:], 16) if len(written) < _LONG_DIGITS else written
    if _FLOAT_12.fullmatch(written):
        return _number(float(written), written)
    # Infinity and NaN (``.inf``, ``.nan``) have no JSON form: text, as the loader keeps them.
    return written


def implicit_tag(written: str) -> str:
    """The tag PyYAML (YAML 1.1) gives a plain scalar written without a tag."""
    return str(_RESOLVER.resolve(ScalarNode, written, (True, False)))  # type: ignore[no-untyped-call]


def yaml11(written: str) -> Any:
    """The value of a plain scalar as PyYAML (YAML 1.1) reads it, kept as the loader keeps it."""
    tag = implicit_tag(written)
    node = ScalarNode(tag, written)
    try:
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return _CONSTRUCTOR.construct_yaml_bool(node)
        if tag == _TAG + "int":
            if len(written) >= _LONG_DIGITS:
                return written
            return _CONSTRUCTOR.construct_yaml_int(node)
        if tag == _TAG + "float":
            return _number(_CONSTRUCTOR.construct_yaml_float(node), written)
    except (ValueError, OverflowError, ConstructorError):
        return written
    return written  # text, and timestamps, which the loader keeps as text


def _same(first: Any, second: Any) -> bool:
    # True == 1 and 1 == 1.0 in Python; a boolean, an integer and a fraction are different data.
    return type(first) is type(second) and bool(first == second)


def readings(written: str) -> tuple[Any, Any] | None:
    """(YAML 1.1 value, YAML 1.2 value) of a plain scalar when they differ, else None."""
    if not _SUSPECT.match(written) or _ALIKE.fullmatch(written):
        return None
    first, second = yaml11(written), yaml12(written)
    return None if _same(first, second) else (first, second)


def spelled(value: Any) -> str:
    """A value written so that YAML 1.1 and 1.2 read it alike: text in double quotes,
    ``true``/``false``, ``null``, a decimal number (cut short past :data:`SHOWN`: a hostile
    file's 3,000-digit octal number is not echoed three times)."""
    written = repr(value) if isinstance(value, float) else json.dumps(value, ensure_ascii=False)
    return shortened(written)


SHOWN: Final = 60


def shortened(written: str) -> str:
    """``written`` as quoted in a message: at most :data:`SHOWN` characters."""
    return written if len(written) <= SHOWN else written[: SHOWN - 1] + "…"


def ambiguous(written: str) -> bool:
    """Whether ``written``, left unquoted, would be flagged (PK020 or PK021)."""
    return written in SHORT_BOOLEANS or readings(written) is not None


class Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper quotes text only when YAML 1.1 would misread it, so it writes
    ``08``, ``1e3`` or ``0o5`` unquoted, which YAML 1.2 reads as numbers: this one also quotes
    those, so the files we write never carry the scalars PK020 and PK021 report."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "'" if ambiguous(value) else None
    return dumper.represent_scalar(_TAG + "str", value, style=style)


Dumper.add_representer(str, _represent_text)
