"""Words for diagnostics: a diagnostic's facts rendered in the reader's language.

The message and hint of code ``PKnnn`` are the catalogue entries ``PKnnn.message`` and
``PKnnn.hint`` in ``locale/<lang>/diagnostics.po``; :class:`~pola_karir.diagnostics.Term` values
are worded from their own keys first, with the diagnostic's plain values, and then fill the
message like any other value.
"""

from __future__ import annotations

from pola_karir.diagnostics import Diagnostic, Term
from pola_karir.text.catalogue import DEFAULT_LANGUAGE, messages, text


def _word(value: Term, params: dict[str, str], lang: str) -> str:
    if not value.keys:
        return ""
    joiner = text(value.joiner, lang) if len(value.keys) > 1 else ""
    return joiner.join(text(key, lang, **params) for key in value.keys)


def values(diagnostic: Diagnostic, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every placeholder value of the diagnostic, terms worded in ``lang``."""
    params = diagnostic.params
    worded = {name: _word(value, params, lang) for name, value in diagnostic.terms}
    return params | worded


def message(diagnostic: Diagnostic, lang: str = DEFAULT_LANGUAGE) -> str:
    return text(f"{diagnostic.code}.message", lang, **values(diagnostic, lang))


def hint(diagnostic: Diagnostic, lang: str = DEFAULT_LANGUAGE) -> str:
    return text(f"{diagnostic.code}.hint", lang, **values(diagnostic, lang))


def template(code: str, part: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The unfilled ``message`` or ``hint`` of a code, for the page that lists every code."""
    return messages(lang)[f"{code}.{part}"]
