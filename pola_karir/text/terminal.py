"""Text that cannot drive a terminal: one function for every value and file name we echo.

A YAML value, a CSV cell or a file name is untrusted. Echoed raw, ``ESC [2K`` erases the line
just printed, a carriage return lets a value overwrite its own error with a fake "data sah",
a bidi override (U+202E) reverses what follows, and a line feed forges a second report line or
a second GitHub workflow command. :func:`shown` turns every such character into a visible
Python-style escape (``\\x1b``, ``\\r``, ``\\u202e``) so the reader sees that it is there and
where. :func:`json_safe` does the same inside a JSON document, whose encoder escapes C0
controls but leaves DEL, C1 controls (U+009B is a one-byte CSI) and bidi controls raw.
"""

from __future__ import annotations

import unicodedata
from typing import Final

# Controls (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width joiners),
# surrogates, private use, unassigned code points, line and paragraph separators.
_UNSAFE_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def unsafe(char: str) -> bool:
    """Whether a terminal could act on ``char`` instead of showing it."""
    return unicodedata.category(char) in _UNSAFE_CATEGORIES


def escape(char: str) -> str:
    """The visible escape of one character: ``\\n``, ``\\x1b``, ``\\u202e``, ``\\U000e0001``."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def shown(value: object) -> str:
    """``value`` as text for a terminal line: unsafe characters escaped, the rest unchanged."""
    text = str(value)
    if text.isprintable():  # the common case: no unsafe character at all
        return text
    return "".join(escape(c) if unsafe(c) else c for c in text)


def json_safe(document: str) -> str:
    """A JSON document with every unsafe character inside its strings written as ``\\uXXXX``.

    Still the same JSON (the escapes decode to the same strings); only string contents can hold
    such characters, since JSON's own syntax is ASCII."""
    if document.isprintable():
        return document
    return "".join(_json_escape(c) if unsafe(c) and c != "\n" else c for c in document)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"
