"""Words for diagnostics: a diagnostic's facts rendered in the reader's language.

The message and hint of code ``PKnnn`` are the catalogue entries ``PKnnn.message`` and
``PKnnn.hint`` in ``locale/<lang>/diagnostics.po``; :class:`~pola_karir.diagnostics.Term` values
are worded from their own keys first, with the diagnostic's plain values, and then fill the
message like any other value.
"""

from __future__ import annotations

from pola_karir.diagnostics import Diagnostic, Term
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, CatalogueError, messages, text


def _word(value: Term, params: dict[str, str], lang: str) -> str:
    if not value.keys:
        return ""
    joiner = text(value.joiner, lang) if len(value.keys) > 1 else ""
    return joiner.join(text(key, lang, **params) for key in value.keys)


def values(diagnostic: Diagnostic, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every placeholder value of the diagnostic, terms worded in ``lang``."""
    values = dict(diagnostic.params)
    pending = dict(diagnostic.terms)
    # A term's words may quote other values, terms included (a reason naming both levels):
    # word those that can be worded, then the ones that needed them.
    while pending:
        done = {}
        for name, value in pending.items():
            try:
                done[name] = _word(value, values, lang)
            except CatalogueError:
                continue
        if not done:  # a cycle or a missing value: a catalogue bug, shown in full
            _word(next(iter(pending.values())), values, lang)
        values |= done
        pending = {name: value for name, value in pending.items() if name not in done}
    return values


def message(diagnostic: Diagnostic, lang: str = DEFAULT_LANGUAGE) -> str:
    return text(f"{diagnostic.code}.message", lang, **values(diagnostic, lang))


def hint(diagnostic: Diagnostic, lang: str = DEFAULT_LANGUAGE) -> str:
    return text(f"{diagnostic.code}.hint", lang, **values(diagnostic, lang))


def template(code: str, part: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The unfilled ``message`` or ``hint`` of a code, for the page that lists every code."""
    return messages(lang)[f"{code}.{part}"]
