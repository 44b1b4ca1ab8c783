"""No module outside :mod:`pola_karir.text` holds user-facing wording.

Rules and pages emit facts (codes, values, keys); every sentence, label and heading a reader
sees lives in the message catalogues, so a translator finds all of it in one place and the
site can be built in another language. This test reads each module's syntax tree and fails on
string literals that look like prose: two or more words of letters in a row, once markup,
placeholders, addresses and other syntax are taken out. Docstrings and comments are exempt.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pola_karir"


# Exceptions for impossible states (a programming or packaging bug): developer-facing, in English,
# never shown to HR or employees, who get catalogue messages from the adapters.
_INTERNAL_ERRORS = {"KeyError", "ValueError", "TypeError", "RuntimeError", "CatalogueError"}

# Module-level tables whose strings are matched against another program's words, never shown
# by us: libyaml's problem texts, recognised to pick the catalogue's explanation.
_MATCHED_NOT_SHOWN = {("load/yaml_loader.py", "_SYNTAX")}

# Literals that look like two words but are syntax, each with the reason.
ALLOWED = {
    "subgraph cluster",  # DOT syntax, searched for in a graph's source
    "PP 11/2017 Pasal 107 jo. PP 17/2020",  # a legal citation: a name, the same in any language
}

# HTML attributes whose values a reader sees or hears: their wording counts.
_TEXT_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|placeholder|alt|label)="([^"]*)"')
# Markup and syntax that is not wording: HTML tags (whole or cut by an f-string value),
# attribute assignments, format fields, URLs and admonition types (not their titles).
_NOT_WORDING = [
    re.compile(r"<[^<>]*>"),
    re.compile(r"</?[a-z][^<>]*$"),
    re.compile(r"^[^<>]*>"),
    re.compile(r'[\w:-]+="[^"]*"'),
    re.compile(r"\{[^{}]*\}"),
    re.compile(r"\bhttps?://\S+"),
    re.compile(r"^(!!!|\?\?\?) [a-z]+"),
]
_FIELD = "\x00"  # stands for an f-string's {value}
# A word of prose: letters only, maybe quoted or followed by punctuation ("tahun,", "(PNS)").
_WORD = re.compile(r"^[(\"'*_]*[^\W\d_]{2,}[.,;:!?)\"'*_]*$")


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("text/"):
            continue
        yield relative, ast.parse(path.read_text(encoding="utf-8"), relative)


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of string constants that stand alone as statements: docstrings and the like."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant | ast.JoinedStr)
    }


def _not_wording(module: str, tree: ast.Module) -> set[int]:
    """ids of nodes whose strings are not wording: internal errors and matched tables."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            called = node.exc.func
            if isinstance(called, ast.Name) and called.id in _INTERNAL_ERRORS:
                roots.append(node.exc)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            if any((module, name) in _MATCHED_NOT_SHOWN for name in names):
                roots.append(node)
    return {id(part) for root in roots for part in ast.walk(root)}


def _literals(tree: ast.Module, module: str = "") -> Iterator[tuple[int, str]]:
    skip = _docstrings(tree) | _not_wording(module, tree)
    inner: set[int] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            inner.update(id(part) for part in ast.walk(node))
            continue
        if id(node) in inner:
            continue
        if isinstance(node, ast.JoinedStr):
            inner.update(id(part) for part in ast.walk(node))
            pieces = [
                part.value if isinstance(part, ast.Constant) else _FIELD for part in node.values
            ]
            yield node.lineno, "".join(str(piece) for piece in pieces)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def _prose(fragment: str) -> bool:
    words = [bool(_WORD.match(token)) for token in fragment.split()]
    return any(a and b for a, b in pairwise(words))


def looks_like_wording(literal: str) -> bool:
    if literal in ALLOWED:
        return False
    flat = literal.replace(_FIELD, " ")
    spoken = _TEXT_ATTRIBUTES.findall(flat)
    for pattern in _NOT_WORDING:
        flat = pattern.sub(" ", flat)
    return any(_prose(fragment) for fragment in (flat, *spoken))


def test_no_wording_outside_the_catalogue() -> None:
    found = [
        f"{module}:{line}: {literal!r}"
        for module, tree in _modules()
        for line, literal in _literals(tree, module)
        if looks_like_wording(literal)
    ]
    assert found == [], "move these to pola_karir/text/locale/*.po:\n" + "\n".join(found)


def test_the_scan_sees_wording_and_ignores_syntax() -> None:
    assert looks_like_wording("Persyaratan belum ditetapkan.")
    assert looks_like_wording("paling singkat " + _FIELD + " tahun")
    assert not looks_like_wording('<span class="pk-level pk-level--' + _FIELD + '" role="img">')
    assert not looks_like_wording("jabatan-fungsional/" + _FIELD + ".yml")
    assert not looks_like_wording("\n## " + _FIELD + " {#level-" + _FIELD + "}\n")
    assert not looks_like_wording("pk-jelajah__group pk-jelajah__grid")
    assert looks_like_wording('<span role="img" aria-label="level ' + _FIELD + ' dari 5">')
    assert looks_like_wording('<input type="search" placeholder="nama jabatan">')
    assert looks_like_wording('!!! note "Data contoh"\n    ' + _FIELD)
    assert not looks_like_wording('!!! note "' + _FIELD + '"\n    ' + _FIELD)
