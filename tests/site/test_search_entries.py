"""The search entries of the generated pages made without Material's HTML parser
(pola_karir/mkdocs_search.py) are Material's, page by page, entry by entry.

Each project is built in this process with ``fast_paths: false``, so MkDocs and Material's
search plugin handle every page themselves; at each page Material's own
``SearchIndex.add_entry_from_context`` runs as always and, on the very page it was given (its
HTML, table of contents, URL and meta at that moment), :func:`pola_karir.mkdocs_search.add_entries`
makes the entries again into an index of its own. A difference names the page, the entry and the
field. The projects: the example, a synthetic agency of 200 positions (``scripts/synth.py``) and
the example with hostile text in its data (markup, entities, quotes, script tags, unicode,
right-to-left and invisible characters).

The canary (``render_ahead``) is shown to fall back: no page of the plugin's can be made whose
entries differ, since anything the direct parse does not read goes to Material's parser, so the
difference is made on Material's side without changing its source (its ``escape`` replaced by
one that also escapes quotes, as a release of Material or Python might); the build then says so
once, makes every page's entries with Material's parser, and gives the search index that plain
MkDocs gives under the same change.
"""

from __future__ import annotations

import html
import json
import logging
import random
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from material.plugins.search import plugin as material_search
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitetools import (
    REPO,
    SOURCE_DATE_EPOCH,
    Build,
    copy_example,
    fast_paths_off,
    seed_diagrams,
    write_config,
)

from pola_karir import mkdocs_render_ahead as ahead
from pola_karir import mkdocs_search
from pola_karir.text.catalogue import text

HOSTILE = [
    "<script>alert('x')</script> & \"kutip\" 'tunggal'",
    "</title><b>tebal</b> &amp; &#33; &lt; &gt; &quot; &nbsp;",
    "<!-- komentar --> <![CDATA[ x ]]> <?php ?> <!DOCTYPE html>",
    'a < b > c <a href="x">tautan</a> <p>paragraf</p> <h2 id="x">judul</h2>',
    "مدير الموارد البشرية \u202eterbalik\u202c \u200fRTL\u200f",
    "ꦥꦺꦴꦭ 🚧 \u00a0spasi\u2028pemisah\u200b nol-lebar\ttab",
    'data-search-exclude="1" class="headerlink" <span data-search-exclude>x</span>',
    "{{ jinja }} {% blok %} `kode` **tebal** *miring* [tautan](x) \\ garis",
]


@contextmanager
def _entries_both_ways() -> Iterator[dict[str, tuple[list[Any], list[Any] | None]]]:
    """For each page MkDocs builds meanwhile (by source path): (Material's entries, the direct
    way's, or None if the direct way does not read the page)."""
    original = material_search.SearchIndex.add_entry_from_context
    seen: dict[str, tuple[list[Any], list[Any] | None]] = {}

    def both(index: Any, page: Any) -> None:
        before = len(index.entries)
        original(index, page)
        own = material_search.SearchIndex(**index.config)
        direct = own.entries if mkdocs_search.add_entries(own, page) else None
        seen[page.file.src_uri] = (index.entries[before:], direct)

    material_search.SearchIndex.add_entry_from_context = both
    try:
        yield seen
    finally:
        material_search.SearchIndex.add_entry_from_context = original


def _build(project: Path) -> None:
    """``mkdocs build`` of ``project``, in this process."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _differences(seen: dict[str, tuple[list[Any], list[Any] | None]]) -> list[str]:
    """Every difference, as 'page, entry, field: Material's value / the direct value'."""
    found = []
    for src, (material, direct) in sorted(seen.items()):
        if direct is None:
            continue
        if len(material) != len(direct):
            found.append(f"{src}: {len(material)} entries / {len(direct)}")
        for number, (theirs, ours) in enumerate(zip(material, direct, strict=False)):
            for name in sorted(set(theirs) | set(ours)):
                first, second = theirs.get(name), ours.get(name)
                if first != second:
                    found.append(f"{src} #{number} {name}: {first!r} / {second!r}")
    return found


def _compare(project: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Build ``project`` plainly, every page's entries made both ways; assert they are the same
    and return them."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    monkeypatch.chdir(project)
    fast_paths_off(project)
    with _entries_both_ways() as seen:
        _build(project)
    assert _differences(seen) == []
    return seen


def _generated(project: Path) -> set[str]:
    """The pages the plugin generated (they are not in docs/)."""
    site = project / "site"
    written = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    return {name for name in written if not (project / "docs" / name).exists()}


def _read_directly(seen: dict[str, Any]) -> tuple[int, list[str]]:
    """(pages whose entries the direct way made, those it left to Material's parser)."""
    left = sorted(src for src, (_, direct) in seen.items() if direct is None)
    return len(seen) - len(left), left


def _example(project: Path, example_build: Build) -> Path:
    """The example project, its diagram cache holding the example build's diagrams: the
    search entries are what is compared here, not ``dot``, whose cold render of every diagram
    would be about a third of each build's CPU. Every page is still converted and rendered."""
    copy_example(project)
    seed_diagrams(project, example_build.site.parent)
    return project


def test_the_example_s_entries_are_material_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_build: Build
) -> None:
    project = _example(tmp_path / "project", example_build)
    seen = _compare(project, monkeypatch)
    direct, left = _read_directly(seen)
    assert len(seen) > 200 and direct > len(seen) - 10, left
    entries = sum(len(material) for material, _ in seen.values())
    assert entries > 5 * len(seen)  # sections, not only one entry per page


def _synth(out: Path, positions: int) -> Path:
    script = REPO / "scripts" / "synth.py"
    command = [sys.executable, str(script), "--positions", str(positions), "--seed", "1", str(out)]
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    return out


def test_a_synthetic_agency_s_entries_are_material_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    write_config(project)
    (project / "docs").mkdir()
    _synth(project / "data", 200)
    seen = _compare(project, monkeypatch)
    direct, left = _read_directly(seen)
    assert len(seen) > 200 and direct > len(seen) - 10, left


def _hostile(project: Path) -> Path:
    """The example with hostile text in positions' names, summaries and duties, a unit's name
    and a path's name and description."""
    data = project / "data"
    positions = sorted((data / "jabatan").glob("*.yml"))[:24]
    for number, path in enumerate(positions):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        document["nama"] = f"{HOSTILE[number % len(HOSTILE)]} Jabatan {number}"
        document["ikhtisar"] = HOSTILE[(number + 1) % len(HOSTILE)]
        document["tugas"] = list(HOSTILE)
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    for folder, fields in (("unit", ("nama",)), ("jalur", ("nama", "deskripsi"))):
        path = sorted((data / folder).glob("*.yml"))[0]
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for number, name in enumerate(fields):
            document[name] = HOSTILE[number + 1]
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return project


def test_hostile_text_gives_material_s_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_build: Build
) -> None:
    project = _hostile(_example(tmp_path / "project", example_build))
    seen = _compare(project, monkeypatch)
    direct, left = _read_directly(seen)
    assert direct > len(seen) - 10, left
    index = json.dumps([material for material, _ in seen.values()], ensure_ascii=False)
    for written in ("&lt;script&gt;alert('x')&lt;/script&gt;", "terbalik", "ꦥꦺꦴꦭ 🚧"):
        assert written in index  # the hostile text reached the entries, as text


def test_html_outside_the_grammar_is_left_to_material() -> None:
    """Each construct the direct parse does not model gives None (Material's parser then
    runs); the same page without it is read."""
    plain = (
        '<h2 id="a">A</h2>\n<p>teks &amp; <code>kode</code></p><br /><td class=num>1</td>'
        '<svg><line x="1"/></svg><noscript>x</noscript><script src="a.js"></script>'
    )
    assert mkdocs_search.page_sections(plain) is not None
    for construct in (
        "<!-- komentar -->",
        "<!DOCTYPE html>",
        "<script>x</script>",
        "<title>x</title>",
        "<textarea>x</textarea>",
        "<iframe>x</iframe>",
        "<style>x</style>",
        "a < b",
        "<P>x</P>",
        '<a HREF="x">x</a>',
        "<a href='x'>x</a>",
        "<a href=x/>x</a>",
        "<a href=x&amp;y>x</a>",
        '<h2 id="x&amp;y">x</h2>',
        '<a class="headerlink&amp;">x</a>',
        "</p >",
        "<my-element>x</my-element>",
    ):
        assert mkdocs_search.page_sections(plain + construct) is None, construct
    # Material's parser fails on a kept element opened while skipped and closed while not.
    failing = "<div data-search-exclude><pre><div></div></pre></div>"
    with pytest.raises(ValueError):
        material_search.Parser().feed(failing)
    assert mkdocs_search.page_sections(failing) is None


# Pieces of HTML the direct parse reads, put together at random: every rule of Material's
# parser (sections and their depth, headings with and without id, permalinks, kept and skipped
# elements, exclusion by attribute and by class, whitespace inside and outside pre, character
# references in text and in attributes, void elements).
PIECES = [
    *("<p>", "</p>", "<ul>", "</ul>", "<li>", "</li>", "<code>", "</code>", "<pre>", "</pre>"),
    *("<div>", "</div>", "<div data-search-exclude>", '<span class="linenodiv">', "</span>"),
    *("<span>", '<h1 id="t">', "</h1>", '<h2 id="a">', "</h2>", "<h2>", '<h3 id="b">', "</h3>"),
    *('<a class="headerlink" href="#a">', "</a>", '<a href="x">', "<br>", "<br />"),
    *('<img src="x" alt="&amp;y">', "text", "  ", "\n", "\n\n", " a\nb ", "&amp;", "&lt;x&gt;"),
    *("&quot;", '"', ">", "x&y", "<object>", "</object>", "<sub>", "</sub>", "<table>"),
    *("</table>", '<td id="q">', "</td>", '<h4 id="c" data-search-exclude>', "</h4>", "\t"),
    *(
        "é ꦥ",
        "&#33;",
        '<h2 id="x-y">',
        '<a href="?a=1&amp;b">',
        "\u202e",
        "\xa0",
        "<noscript>",
        "</noscript>",
    ),
    *('<script src="a.js"></script>', "<style></style>", "<td class=num>", "<th class=n id=n>"),
    *('<svg width="5">', "</svg>", '<line x="1"/>', "<p/>", "<li />", "<div class=linenodiv>"),
    *('<a class=headerlink href="#x">',),
]


def _material_sections(html: str) -> list[tuple[Any, ...]] | None:
    parser = material_search.Parser()
    try:
        parser.feed(html)
        parser.close()
    except ValueError:
        return None
    return [(s.el.tag, s.el.is_excluded(), s.id, s.title, s.text) for s in parser.data]


def test_random_html_divides_into_material_s_sections() -> None:
    """4,000 random pages of :data:`PIECES`: the same sections (heading, exclusion, id, every
    piece of title and text) as Material's parser, or None where Material's parser fails."""
    generator = random.Random(12)
    compared = 0
    for _ in range(4000):
        page = "".join(generator.choice(PIECES) for _ in range(generator.randint(0, 40)))
        theirs = _material_sections(page)
        sections = mkdocs_search.page_sections(page)
        assert sections is not None or theirs is None, page
        ours = sections and [(s.tag, s.excluded, s.id, s.title, s.text) for s in sections]
        assert ours == theirs, page
        compared += theirs is not None
    assert compared > 3900  # sections compared, not pages both ways refused


def _patched_escape(monkeypatch: pytest.MonkeyPatch) -> None:
    """Material escaping quotes in the text it indexes, its source unchanged."""

    def escape(value: str, quote: bool = True) -> str:
        return html.escape(value, quote=True)

    monkeypatch.setattr(material_search, "escape", escape)


def test_the_canary_falls_back_when_material_differs(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    example_build: Build,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    caplog.set_level(logging.INFO)
    fast = _hostile(_example(tmp_path / "fast", example_build))
    plain = _hostile(_example(tmp_path / "plain", example_build))
    fast_paths_off(plain)
    assert mkdocs_search.material_supported()
    _patched_escape(monkeypatch)
    assert mkdocs_search.material_supported()  # the source is the same: only the canary sees it
    monkeypatch.chdir(fast)
    _build(fast)
    said = caplog.text
    assert said.count(text("render.search.off.canary", "id")) == 1
    assert "entri pencarian halaman jadi: 0 halaman tanpa parser HTML Material" in said
    monkeypatch.chdir(plain)
    seed_diagrams(plain, fast)  # the same data: the diagrams fast's build rendered
    _build(plain)
    index = (fast / "site" / "search" / "search_index.json").read_bytes()
    assert index == (plain / "site" / "search" / "search_index.json").read_bytes()
    assert b"&quot;kutip&quot;" in index  # Material's changed entries, which the direct way lacks


def test_the_canary_compares_the_beginning_of_a_large_page() -> None:
    """A page longer than CANARY_CHARS is compared up to the last tag that starts before that
    length; a shorter one whole."""
    small = '<h2 id="a">A</h2><p>x</p>'
    assert ahead._canary_part(small) == small
    large = small + "<p>" + "y" * ahead.CANARY_CHARS + "</p>" + small
    assert ahead._canary_part(large) == small  # the paragraph that crosses the limit is cut
    many = small * (ahead.CANARY_CHARS // len(small) + 10)
    part = ahead._canary_part(many)
    assert part is not None and many.startswith(part) and many[len(part)] == "<"
    assert ahead.CANARY_CHARS - len("<p>x</p>") <= len(part) <= ahead.CANARY_CHARS
