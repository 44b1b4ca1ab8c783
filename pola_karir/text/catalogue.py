"""One message catalogue per language: every word a user reads comes from here.

The catalogues are gettext ``.po`` files read with Babel (the MkDocs ecosystem's own i18n
library, already a dependency of Material), one folder per language under ``locale/`` and one
file per area (``diagnostics.po``, ``site.po``, …), so a translator or an HR reviewer works in
one folder with the usual tools (Poedit, Weblate). Message ids are stable symbolic keys such as
``PK201.message``, never source-language sentences: code emits facts and keys, and no module
outside :mod:`pola_karir.text` holds a sentence in either language. Templates use Python's
named ``{field}`` placeholders; a literal brace is written ``{{``. Entries carry no
``python-brace-format`` flag: gettext tools check a flagged translation against the msgid's
placeholders, and a symbolic msgid has none; the tests compare both languages' placeholders
instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Final

from babel.messages.pofile import read_po

LANGUAGES: Final = ("id", "en")
DEFAULT_LANGUAGE: Final = "id"
LOCALE_DIR: Final = Path(__file__).parent / "locale"


class CatalogueError(Exception):
    """A catalogue file is inconsistent: a packaging or translation mistake, never user input."""


@cache
def messages(lang: str) -> Mapping[str, str]:
    """Every message of one language, merged from all of its ``.po`` files."""
    if lang not in LANGUAGES:
        raise CatalogueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    merged: dict[str, str] = {}
    for po_file in sorted((LOCALE_DIR / lang).glob("*.po")):
        with po_file.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in catalog:
            key = message.id
            if not key:  # the header entry
                continue
            if not isinstance(key, str) or not isinstance(message.string, str):
                raise CatalogueError(f"{po_file.name}: plural messages are not used: {key!r}")
            if key in merged:
                raise CatalogueError(f"{po_file.name}: key {key!r} is defined twice")
            merged[key] = message.string
    return merged


def text(key: str, lang: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """The message ``key`` in ``lang`` with its placeholders filled.

    A missing key is a programming error (the catalogue tests make sure both languages hold
    every key), so it raises rather than showing the key to a user.
    """
    try:
        template = messages(lang)[key]
    except KeyError:
        raise CatalogueError(f"no message {key!r} in the {lang!r} catalogue") from None
    try:
        return template.format_map(values)
    except KeyError as missing:
        raise CatalogueError(f"message {key!r} in {lang!r} needs the value {missing}") from None


def units_key(key: str, regional: bool) -> str:
    """The key of a message that names an agency's top-level units: ``key`` itself for a
    pemerintah daerah, whose units are perangkat daerah (UU 23/2014, PP 18/2016), and its
    ``key.pusat`` variant (``unit-organisasi.po``) for a kementerian or lembaga, whose units
    are not."""
    return key if regional else f"{key}.pusat"


def has(key: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Whether ``key`` exists in ``lang`` (for optional texts such as a rule's extra note)."""
    return key in messages(lang)


class WordedError(RuntimeError):
    """An error whose words are a catalogue key and its values, so the adapter that reports it
    (the MkDocs plugin, the CLI) can say it in the user's language; ``str()`` gives every
    language, for a log that has no language of its own."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(" / ".join(self.message(lang) for lang in LANGUAGES))

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return text(self.key, lang, **self.values)
