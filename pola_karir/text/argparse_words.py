"""Argparse's own words (``usage:``, ``options``, ``error:``, ``invalid choice``) in the
reader's language, from our catalogues.

Argparse marks its words for gettext with a module-level ``_`` and looks it up each time it
speaks, and its msgids (English source sentences) are the gettext way to name them. While a
command line is built and parsed, :func:`argparse_speaking` puts a ``_`` there that answers
the msgids we know from ``argparse.po`` and leaves any other as argparse wrote it: an English
word can only show where a Python release added one we have not met.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Final

from pola_karir.text.catalogue import text

# The module, untyped: its ``_`` is private, so the type stubs leave it out.
_ARGPARSE: Any = argparse

# argparse's msgid → our key (``argparse.<name>`` in locale/<lang>/argparse.po).
MSGIDS: Final[dict[str, str]] = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "one of the arguments %s is required": "argparse.one_required",
    "ignored explicit argument %r": "argparse.ignored_explicit",
}


def translator(lang: str) -> Callable[[str], str]:
    """A gettext function for argparse's msgids in ``lang``."""

    def translate(msgid: str) -> str:
        key = MSGIDS.get(msgid)
        return msgid if key is None else text(key, lang)

    return translate


@contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """Argparse speaks ``lang`` inside the block (building a parser names its groups, parsing
    prints help and errors); what it said before comes back after, even on ``SystemExit``."""
    previous = _ARGPARSE._
    _ARGPARSE._ = translator(lang)
    try:
        yield
    finally:
        _ARGPARSE._ = previous
