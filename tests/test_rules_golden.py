"""Golden files in tests/rules/: one YAML per rule case, holding its input and its diagnostics.

Each ``PKxxx[-variant].yml`` describes a case in words, gives its input as changes to the minimal
valid folder of tests/factory.py (or as a whole small folder, ``base: empty``) and ends with the
``expected`` diagnostics exactly as the real validator reports them: file, line, column, code,
severity, and message and hint in Indonesian and English. A reviewer reads a rule, its data and
its wording in one place, and the line and column point into the literal block right above.

The ``expected`` section is generated, never written by hand::

    POLA_KARIR_REGEN=1 python -m pytest tests/test_rules_golden.py

rewrites it in every golden (everything above it is kept byte for byte), so a change of wording
or of a rule shows up as a reviewable diff of tests/rules/. Without the variable the section must
equal what would be written, character for character.

Input keys, all optional except ``description``:

``base``
    ``minimal`` (the default: the factory's folder, which gives no diagnostic at all) or
    ``empty`` (start from nothing).
``files``
    ``{relative path: text}``, added or replacing the factory's file. Text is written as UTF-8;
    ``{encoding: latin-1, text: ...}`` writes it in another encoding (for PK002).
``delete``
    relative paths of the factory's files to leave out.
``directories``
    relative paths to create as empty folders (a folder named like a data file).
``symlinks``
    ``{link: target}``, both relative to the data folder.

Bytes that no YAML text can hold (byte-order marks, truncated UTF-8, files over the size limit,
nesting far beyond the limit) stay in tests/test_yaml_loader.py.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from factory import SHOWN_ROOT, minimal_files, write_files

from pola_karir.codes import CODES as RULES
from pola_karir.diagnostics import Diagnostic
from pola_karir.rules.validate import validate_project
from pola_karir.text import diagnostics as words

GOLDEN_DIR = Path(__file__).parent / "rules"
REGEN_VARIABLE = "POLA_KARIR_REGEN"
LANGUAGES = ("id", "en")
NAME = re.compile(r"^(PK\d{3})(-[a-z0-9]+(?:-[a-z0-9]+)*)?\.yml$")
INPUT_KEYS = frozenset({"description", "base", "files", "delete", "directories", "symlinks"})
EXPECTED_HEADER = "expected:"

GOLDENS = sorted(GOLDEN_DIR.glob("*.yml"))


def regenerating() -> bool:
    return os.environ.get(REGEN_VARIABLE) == "1"


def split_golden(text: str) -> tuple[str, str | None]:
    """The hand-written input part and the generated ``expected`` part (None when absent).

    The split is textual, at the top-level ``expected:`` line, so regeneration keeps the input's
    comments and literal blocks exactly as written.
    """
    match = re.search(rf"^{EXPECTED_HEADER}", text, flags=re.MULTILINE)
    if match is None:
        return text, None
    return text[: match.start()], text[match.start() :]


def read_input(path: Path) -> dict[str, Any]:
    head, _ = split_golden(path.read_text(encoding="utf-8"))
    data = yaml.safe_load(head)
    assert isinstance(data, dict), f"{path.name}: a golden is a mapping"
    unknown = set(data) - INPUT_KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}; known: {sorted(INPUT_KEYS)}"
    assert isinstance(data.get("description"), str), f"{path.name}: say what the case is"
    return data


def _content(relative: str, value: Any) -> str | bytes:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping) and set(value) == {"encoding", "text"}:
        return str(value["text"]).encode(str(value["encoding"]))
    raise AssertionError(f"{relative}: give text, or {{encoding: ..., text: ...}}")


def build_folder(case: Mapping[str, Any], root: Path) -> Path:
    """Write the case's data folder under ``root``: the base, then its changes."""
    base = case.get("base", "minimal")
    assert base in ("minimal", "empty"), f"unknown base {base!r}"
    files: dict[str, Any] = minimal_files() if base == "minimal" else {}
    for relative in case.get("delete") or ():
        assert relative in files, f"delete: {relative} is not in the {base} folder"
        del files[relative]
    for relative, value in (case.get("files") or {}).items():
        files[relative] = _content(relative, value)
    write_files(root, files)
    for relative in case.get("directories") or ():
        (root / relative).mkdir(parents=True)
    for link, target in (case.get("symlinks") or {}).items():
        (root / link).parent.mkdir(parents=True, exist_ok=True)
        (root / link).symlink_to(root / target)
    return root


def as_record(d: Diagnostic) -> dict[str, Any]:
    """One diagnostic as the golden shows it; this order is the order in the file."""
    return {
        "file": d.location.file,
        "line": d.location.line,
        "column": d.location.column,
        "code": d.code,
        "severity": d.severity.value,
        "message": {lang: words.message(d, lang) for lang in LANGUAGES},
        "hint": {lang: words.hint(d, lang) for lang in LANGUAGES},
    }


def render_expected(diagnostics: Sequence[Diagnostic]) -> str:
    """The generated section: block style, one line per sentence, keys in a fixed order."""
    records = [as_record(d) for d in diagnostics]
    return yaml.safe_dump(
        {"expected": records},
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )


def run_case(path: Path, tmp_path: Path) -> list[Diagnostic]:
    root = build_folder(read_input(path), tmp_path / SHOWN_ROOT)
    return list(validate_project(root, SHOWN_ROOT).diagnostics)


@pytest.mark.parametrize("path", GOLDENS, ids=[p.stem for p in GOLDENS])
def test_golden(path: Path, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    head, expected = split_golden(text)
    actual = render_expected(run_case(path, tmp_path))
    if regenerating():
        if expected != actual:
            kept = head if head.endswith("\n") else head + "\n"
            path.write_text(kept + actual, encoding="utf-8")
        return
    assert expected is not None, f"{path.name} has no expected section: run {REGEN_VARIABLE}=1"
    assert actual == expected, f"{path.name} differs; if intended, run {REGEN_VARIABLE}=1"


def test_golden_names_follow_the_rule_codes() -> None:
    """The file name carries the code, so ``ls tests/rules`` is the list of covered rules."""
    assert GOLDENS, f"no goldens in {GOLDEN_DIR}"
    misnamed = [p.name for p in GOLDENS if not NAME.match(p.name)]
    assert misnamed == [], "name goldens PKxxx.yml or PKxxx-variant.yml (lowercase, hyphens)"
    unknown = sorted({m[1] for p in GOLDENS if (m := NAME.match(p.name)) and m[1] not in RULES})
    assert unknown == [], "goldens named after codes the catalogue does not have"


def test_every_rule_has_a_golden_that_shows_it() -> None:
    """A new rule cannot land without a golden: each catalogue code needs a golden named after
    it whose expected diagnostics include that code (a golden showing that a rule stays quiet
    does not count)."""
    shown: set[str] = set()
    for path in GOLDENS:
        match = NAME.match(path.name)
        _, expected = split_golden(path.read_text(encoding="utf-8"))
        if match is None or expected is None:
            continue
        records = yaml.safe_load(expected)["expected"] or []
        if any(record["code"] == match[1] for record in records):
            shown.add(match[1])
    assert sorted(set(RULES) - shown) == []


def test_the_mechanism_itself(tmp_path: Path) -> None:
    """A golden with no changes is the factory's folder, which must stay free of diagnostics
    (otherwise every golden would carry its noise); the split and the rendering of an empty
    result are what regeneration relies on."""
    root = build_folder({"description": "nothing changed"}, tmp_path / SHOWN_ROOT)
    assert validate_project(root, SHOWN_ROOT).diagnostics == ()
    assert split_golden("description: x\nfiles: {}\nexpected: []\n") == (
        "description: x\nfiles: {}\n",
        "expected: []\n",
    )
    assert split_golden("description: x\n") == ("description: x\n", None)
    assert render_expected([]) == "expected: []\n"
