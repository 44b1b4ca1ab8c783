"""Where the hand-written guides of ``docs/`` go in the nav: with the employees' tools, or with
the people who maintain the data.

An agency's ``docs/`` holds guides for two kinds of reader: employees reading the site
(*Panduan Pegawai*) and HR staff changing the data (*Panduan Kontributor*, *Panduan mengubah
data*). Listing them all under "Untuk pengelola data" hides the employees' guide where
employees never look. The rule, for any agency's guides: a page whose front matter says
``pembaca: pegawai`` is listed right after Jelajah Karier, the employees' own tool; every
other page (``pembaca: pengelola``, or nothing said) goes to the maintainers' section with the
list of validation codes. The front matter is read here, without MkDocs, the way MkDocs reads
it (a YAML block between ``---`` lines at the very top); a value that is neither is reported
with its file, line and column so a typo does not silently hide a guide from employees.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import yaml

from pola_karir.site import explorer, urls
from pola_karir.site.page import say

AUDIENCE_KEY: Final = "pembaca"
EMPLOYEES: Final = "pegawai"
MAINTAINERS: Final = "pengelola"
_FENCE: Final = "---"
_FENCE_END: Final = frozenset({"---", "..."})


@dataclass(frozen=True)
class UnknownAudience:
    """A guide whose ``pembaca`` is neither ``pegawai`` nor ``pengelola``: where it is said
    (``src`` relative to docs/, 1-based line and column of the value) and what it says."""

    src: str
    line: int
    column: int
    value: str


@dataclass(frozen=True)
class Placement:
    """The guides sorted by reader, each list in the order given, and the values not understood
    (those guides are placed with the maintainers)."""

    employees: tuple[str, ...]
    maintainers: tuple[str, ...]
    unknown: tuple[UnknownAudience, ...]


def _front_matter(markdown: str) -> list[str] | None:
    """The lines of the front matter block, or ``None`` when the page has none."""
    lines = markdown.splitlines()
    if not lines or lines[0].rstrip() != _FENCE:
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in _FENCE_END:
            return lines[1:index]
    return None


def audience(src: str, markdown: str) -> str | UnknownAudience:
    """Who the page ``src`` is for: :data:`EMPLOYEES` or :data:`MAINTAINERS` (also when it says
    nothing, or its front matter is not YAML: MkDocs then ignores it too), or what it said."""
    block = _front_matter(markdown)
    if block is None:
        return MAINTAINERS
    try:
        meta = yaml.safe_load("\n".join(block))
    except yaml.YAMLError:
        return MAINTAINERS
    if not isinstance(meta, dict) or AUDIENCE_KEY not in meta:
        return MAINTAINERS
    value = meta[AUDIENCE_KEY]
    if value in (EMPLOYEES, MAINTAINERS):
        return str(value)
    line, column = 2, 1  # the first line of the block, should the key be written oddly
    for number, text in enumerate(block, start=2):
        if text.startswith(f"{AUDIENCE_KEY}:"):
            rest = text[len(AUDIENCE_KEY) + 1 :]
            line, column = number, len(AUDIENCE_KEY) + 2 + (len(rest) - len(rest.lstrip()))
            break
    return UnknownAudience(src, line, column, str(value))


def place(pages: Mapping[str, str]) -> Placement:
    """Sort the guides (their Markdown by path relative to docs/, in nav order) by reader."""
    employees: list[str] = []
    maintainers: list[str] = []
    unknown: list[UnknownAudience] = []
    for src, markdown in pages.items():
        reader = audience(src, markdown)
        if reader == EMPLOYEES:
            employees.append(src)
            continue
        if isinstance(reader, UnknownAudience):
            unknown.append(reader)
        maintainers.append(src)
    return Placement(tuple(employees), tuple(maintainers), tuple(unknown))


def with_guides(nav: Sequence[Any], placement: Placement) -> list[Any]:
    """The generated nav with the guides in it: the employees' guides right after Jelajah
    Karier (at the end of the employees' entries should a nav lack it), the maintainers'
    guides and the list of validation codes in a last section. Titles come from the pages."""
    entries = list(nav)
    after = next(
        (i + 1 for i, entry in enumerate(entries) if _target(entry) == explorer.PAGE),
        len(entries),
    )
    entries[after:after] = list(placement.employees)
    maintainers = [*placement.maintainers, {say("site.nav.rules"): urls.RULES}]
    return [*entries, {say("site.nav.maintainers"): maintainers}]


def _target(entry: Any) -> Any:
    """The page a nav entry points at (``{title: page}``), or ``None`` for a section."""
    if isinstance(entry, dict) and len(entry) == 1:
        (value,) = entry.values()
        return value
    return None
