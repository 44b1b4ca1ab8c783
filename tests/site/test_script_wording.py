"""No words in the Jelajah Karier scripts: every sentence and label the page shows comes from
the catalogue (``engine.po`` and the others, passed as ``data-pk-words``), and the engine shows
nothing at all. A string literal with a space and a word in it ("Berkas ", " dipilih",
"Not yet met") is wording, in any language; codes, class lists and selectors are not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pola_karir.site import engine

ASSETS = Path(engine.__file__).parent / "assets"
SCRIPTS = ("pk-engine.js", "pk-kata.js", "jelajah.js", "pk-halaman.js")
# A word: two or more letters (Latin, with accents), maybe within the punctuation of a sentence.
_WORD = re.compile(r"\(?[A-Za-z\u00c0-\u024f]{2,}[.,:;!?)]*")
_DIRECTIVES = {"use strict"}
# After these, a slash starts a regular expression; after anything else it divides.
_REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {"return", "typeof", "case", ""}


def string_literals(source: str) -> list[tuple[int, str]]:
    """The string and template literals of a script with their line numbers; comments and
    regular expressions are skipped (they may hold quotes and prose)."""
    found: list[tuple[int, str]] = []
    i, line, before = 0, 1, ""
    while i < len(source):
        c = source[i]
        if c == "\n":
            line += 1
        if source.startswith("//", i):
            i = source.find("\n", i)
            i = len(source) if i < 0 else i
            continue
        if source.startswith("/*", i):
            end = source.index("*/", i) + 2
            line += source.count("\n", i, end)
            i = end
            continue
        if c in "'\"`":
            j = i + 1
            while source[j] != c:
                j += 2 if source[j] == "\\" else 1
            found.append((line, source[i + 1 : j]))
            line += source.count("\n", i, j)
            i, before = j + 1, "literal"
            continue
        if c == "/" and before in _REGEX_BEFORE:
            j, in_class = i + 1, False
            while in_class or source[j] != "/":
                if source[j] == "\\":
                    j += 1
                elif source[j] == "[":
                    in_class = True
                elif source[j] == "]":
                    in_class = False
                j += 1
            i, before = j + 1, "regex"
            continue
        if c.isalnum() or c in "_$":
            j = i
            while j < len(source) and (source[j].isalnum() or source[j] in "_$"):
                j += 1
            before, i = source[i:j], j
            continue
        if not c.isspace():
            before = c
        i += 1
    return found


def prose(literal: str) -> bool:
    """A literal with a space in it and a word among the parts the spaces separate."""
    if literal in _DIRECTIVES or not re.search(r"\s", literal):
        return False
    return any(_WORD.fullmatch(part) for part in literal.split())


def test_the_scan_sees_wording_and_ignores_code() -> None:
    source = """
    // a comment in plain words: "not a literal"
    /* and "another" one */
    var a = "Berkas " + name + " tidak berisi profil pegawai.";
    var b = 'Not yet met:';
    var c = x / 2 + "/"; var d = /[\\s"']+ "quoted words" /g.test(s);
    var e = el("li", "pk-jelajah__item pk-jelajah__item--ok", word("badge_met"));
    var f = `Rincian ${n} syarat`;
    var g = anchor.querySelector("select,input");
    var h = "Belum " + subject + " (" + count + " dipilih)";
    """
    literals = [text for _line, text in string_literals(source)]
    assert "not a literal" not in literals and "another" not in literals
    assert "quoted words" not in " ".join(literals)
    flagged = [text for text in literals if prose(text)]
    assert flagged == [
        "Berkas ",
        " tidak berisi profil pegawai.",
        "Not yet met:",
        "Rincian ${n} syarat",
        "Belum ",
        " dipilih)",
    ]
    assert not prose("use strict") and not prose(" \\u2192 ") and not prose(", ")
    assert not prose("select, input".replace(" ", "")) and not prose("Rute")


@pytest.mark.parametrize("name", SCRIPTS)
def test_no_wording_in_the_scripts(name: str) -> None:
    source = (ASSETS / name).read_text(encoding="utf-8")
    literals = string_literals(source)
    # The scan read the whole script (the shared page helpers are a short one).
    assert len(literals) > (25 if name == "pk-halaman.js" else 50)
    found = [f"{name}:{line}: {text!r}" for line, text in literals if prose(text)]
    assert found == [], "move these to pola_karir/text/locale/*/engine.po:\n" + "\n".join(found)
