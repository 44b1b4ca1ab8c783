"""The message catalogues: both languages hold the same keys with the same placeholders."""

from __future__ import annotations

import string

import pytest

from pola_karir.text.catalogue import LANGUAGES, CatalogueError, messages, text

# A translation may leave out a value the source language shows, never add one. Only where the
# value is itself text in one language: the JSON Schemas describe each key in Indonesian only,
# so English hints point to the schema instead of quoting it.
MAY_OMIT = {("en", "schema.description"): {"schema_text"}}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_language_has_the_same_keys() -> None:
    keys = {lang: set(messages(lang)) for lang in LANGUAGES}
    reference = keys[LANGUAGES[0]]
    for lang in LANGUAGES[1:]:
        assert sorted(reference - keys[lang]) == [], f"missing in {lang}"
        assert sorted(keys[lang] - reference) == [], f"missing in {LANGUAGES[0]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_message_is_empty_and_placeholders_agree(lang: str) -> None:
    reference = messages(LANGUAGES[0])
    for key, template in messages(lang).items():
        assert template.strip(), f"{lang}: {key} is empty"
        expected = _fields(reference[key]) - MAY_OMIT.get((lang, key), set())
        assert _fields(template) == expected, f"{lang}: {key} placeholders"


def test_unknown_key_or_language_raises() -> None:
    with pytest.raises(CatalogueError):
        text("no.such.key", "id")
    with pytest.raises(CatalogueError):
        messages("fr")


def test_no_entry_claims_a_format_the_symbolic_msgid_cannot_match() -> None:
    """``msgfmt --check`` (run by Poedit on every save) compares a python-brace-format
    translation with its msgid's placeholders; symbolic msgids have none, so the flag would
    turn every translation into an error for translators. Placeholders are checked above."""
    from babel.messages.pofile import read_po

    from pola_karir.text.catalogue import LOCALE_DIR

    flagged = []
    for po_file in sorted(LOCALE_DIR.glob("*/*.po")):
        with po_file.open("rb") as handle:
            for message in read_po(handle):
                if "python-brace-format" in message.flags:
                    flagged.append(f"{po_file.parent.name}/{po_file.name}: {message.id}")
    assert flagged == []
