"""Hostile text in the data never becomes markup: not in Graphviz DOT, not in Markdown, not in
HTML. Every name must come out as exactly the text that was written, escaped."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
import yaml
from factory import DataFolder
from sitetools import (
    ParsedPage,
    check_links,
    example_config,
    files_of,
    is_external,
    mkdocs_build,
    new_project,
    parse_html,
    parse_site,
    resolve,
    site_prefix,
)

from pola_karir.model import Dataset, Move
from pola_karir.site import diagrams, urls
from pola_karir.site.render import render_all
from pola_karir.site.text import md, table

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

# --- (a) diagrams rendered by the real dot ---------------------------------------------------

# The plugin's link token (see urls.ref) spelt out in data, bare and trying to make a link.
TOKEN = "pk-src:data/pola-karir.json"
TOKEN_ATTRIBUTE = f'" href="{TOKEN}" x="'
TOKEN_TAG = f'<a href="{TOKEN}">unduh</a>'

DOT_POSITIONS = {
    "kepala-seksi-jalan": f'Kepala "Seksi" \\ Jalan {TOKEN_ATTRIBUTE}',
    "kepala-bidang-bina-marga": "Kepala \\N Bidang \\n Bina",
    "teknik-jalan-ahli-pertama": '"]; a -> b [label="x',
    "teknik-jalan-ahli-muda": "<b>Ahli</b> &amp; { ꦥꦺꦴꦭ 🚧",
}
DOT_PATH = 'Jalur "]; a -> b [label="x \\N {'
DOT_UNIT = "Dinas <b>PUPR</b> &amp; \\n"
DOT_SUBUNIT = "Bidang ꦧꦶꦤ 🚧 { \\"
DOT_AGENCY = 'Pemkab "Contoh" \\N'


@pytest.fixture(scope="module")
def dot_dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    folder = DataFolder(tmp_path_factory.mktemp("dot") / "data")
    for position_id, name in DOT_POSITIONS.items():
        folder.doc(f"jabatan/{position_id}.yml")["nama"] = name
    folder.doc("jalur/bina-marga.yml")["nama"] = DOT_PATH
    unit = folder.doc("unit/dinas-pupr.yml")
    unit["nama"] = DOT_UNIT
    unit["sub"][0]["nama"] = DOT_SUBUNIT
    folder.doc("instansi.yml")["nama"] = DOT_AGENCY
    result = folder.validate()
    assert result.dataset is not None, [d.code for d in result.diagnostics]
    assert (
        result.dataset.positions["kepala-seksi-jalan"].name == DOT_POSITIONS["kepala-seksi-jalan"]
    )
    return result.dataset


def _unique(moves: list[Move]) -> set[tuple[str, str, str]]:
    return {(m.source, m.target, m.kind) for m in moves}


def _expected(dataset: Dataset) -> dict[str, tuple[set[str], int, set[str]]]:
    """diagram name -> (positions drawn, number of edges, labels of graph and clusters)."""
    moves = list(dataset.moves())
    everything = set(dataset.positions)
    all_edges = len(_unique([m for m in moves if {m.source, m.target} <= everything]))
    units = {dataset.units[p.unit].name for p in dataset.positions.values()}
    tops = {dataset.units[p.unit.split("/")[0]].name for p in dataset.positions.values()}
    expected = {
        "pola-karier": (everything, all_edges, {f"Pola karier {DOT_AGENCY}", *tops}),
        "unit-dinas-pupr": (everything, all_edges, {f"Peta jabatan {DOT_UNIT}", *units}),
        "jalur-bina-marga": (everything, all_edges, {DOT_PATH}),
    }
    for position in dataset.positions.values():
        touching = [m for m in moves if position.id in (m.source, m.target)]
        drawn = {position.id} | {end for m in touching for end in (m.source, m.target)}
        title = f"Jalur dari dan ke {position.name}"
        expected[f"jabatan-{position.id}"] = (drawn, len(_unique(touching)), {title})
    return expected


def _texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def _squash(text: str) -> str:
    return "".join(text.split())


def test_hostile_names_survive_dot_exactly(dot_dataset: Dataset) -> None:
    built = [
        diagrams.overview(dot_dataset),
        diagrams.unit_map(dot_dataset, "dinas-pupr"),
        diagrams.career_path(dot_dataset, "bina-marga"),
        *(diagrams.neighbourhood(dot_dataset, p) for p in dot_dataset.positions.values()),
    ]
    expected = _expected(dot_dataset)
    assert {d.name for d in built} == set(expected)
    svgs, stats = render_all(built, cache_dir=None)  # the real dot; raises if it fails
    assert stats.rendered == len(built)
    for diagram in built:
        svg = svgs[diagram.name]
        drawn, edges, labels = expected[diagram.name]
        assert "<b>" not in svg and "<script" not in svg, diagram.name
        root = ET.fromstring(svg)  # well-formed XML, whatever the names contained
        groups = list(root.iter(f"{SVG}g"))
        # A node may carry a class of ours too ("node pk-focus": where its view opens).
        nodes = [g for g in groups if "node" in (g.get("class") or "").split()]
        # Nothing injected: exactly the positions and moves of the diagram, no more.
        assert len(nodes) == len(drawn), diagram.name
        assert sum(g.get("class") == "edge" for g in groups) == edges, diagram.name
        # Each position: its link's tooltip is the exact name, its label the name (wrapped).
        links = {a.get(f"{XLINK}title"): a for node in nodes for a in node.iter(f"{SVG}a")}
        for position_id in drawn:
            name = dot_dataset.positions[position_id].name
            assert name in links, (diagram.name, name, sorted(map(str, links)))
            label = _squash("".join(_texts(links[name])))
            assert label.startswith(_squash(name)), (diagram.name, name, label)
        # Graph and cluster labels: one <text> line each, exactly as written.
        all_texts = _texts(root)
        for label in labels:
            assert label in all_texts, (diagram.name, label, all_texts)
        # The page-facing title and aria-label carry the exact diagram title.
        assert root.get("aria-label") == diagram.title
        assert root.find(f"{SVG}title") is not None
        assert root.find(f"{SVG}title").text == diagram.title  # type: ignore[union-attr]
        assert "x" not in all_texts  # the label of an injected edge


def test_data_in_diagrams_cannot_forge_a_link(dot_dataset: Dataset) -> None:
    """A position named with the link token stays a name: the only links the plugin resolves in
    an SVG are the node links the core wrote, one per position drawn."""
    built = [diagrams.overview(dot_dataset), diagrams.unit_map(dot_dataset, "dinas-pupr")]
    svgs, _ = render_all(built, cache_dir=None)
    for diagram in built:
        asked: list[str] = []

        def url_for(src: str, asked: list[str] = asked) -> str:
            asked.append(src)
            return "ok"

        resolved = urls.resolve_refs(svgs[diagram.name], url_for)
        assert sorted(asked) == sorted(urls.position(p) for p in dot_dataset.positions)
        root = ET.fromstring(resolved)
        hrefs = [a.get(f"{XLINK}href") for a in root.iter(f"{SVG}a") if a.get(f"{XLINK}href")]
        assert hrefs == ["ok"] * len(dot_dataset.positions)
        titles = {a.get(f"{XLINK}title") for a in root.iter(f"{SVG}a")}
        assert DOT_POSITIONS["kepala-seksi-jalan"] in titles


# --- (b) the whole site ----------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
TITLE_BREAK = "</title><script>"
JS_LINK = "[x](javascript:alert(1))"
ATTR_LIST = '{: onclick="x"}'
# The block and inline syntax of Markdown extensions, each at the start of a text: admonitions,
# collapsible details, pymdownx blocks, attribute lists, definitions, fences, setext underlines,
# emoji shortcodes and the doubled markers of mark, caret, tilde and keys. The hostile site
# enables every one of these extensions, as an agency's own mkdocs.yml may.
BLOCK_SYNTAX = [
    "!!! danger Awas sekali",
    "??? danger Rahasia",
    "???+ note Terbuka",
    "/// danger",
    "/// details | Judul sisipan",
    "{#sisip-id}",
    "{.sisip-kelas}",
    ": definisi sisipan",
    "~~~ pagar",
    "=== garis",
    ":smile: :+1:",
    "==tanda== ^^sisip^^ ~~coret~~ ++ctrl+alt++",
]
EXTENSIONS = [
    "def_list",
    "pymdownx.emoji",
    "pymdownx.mark",
    "pymdownx.caret",
    "pymdownx.tilde",
    "pymdownx.keys",
    "pymdownx.blocks.admonition",
    "pymdownx.blocks.details",
]
HOSTILE = [
    SCRIPT,
    TITLE_BREAK,
    JS_LINK,
    ATTR_LIST,
    "| pipe",
    "*emph*",
    "# heading",
    TOKEN,
    TOKEN_ATTRIBUTE,
    TOKEN_TAG,
    *BLOCK_SYNTAX,
]

SITE_POSITIONS = {
    "kepala-seksi-jalan": f"Kepala {SCRIPT} Seksi",
    "kepala-bidang-bina-marga": f"{TITLE_BREAK} Kepala Bidang",
    "teknik-jalan-ahli-pertama": f"{JS_LINK} Ahli Pertama",
    "teknik-jalan-ahli-muda": f"# heading *emph* | pipe {ATTR_LIST} {TOKEN_ATTRIBUTE}",
}
SITE_PATH = f"{ATTR_LIST} Jalur *emph* | pipe"
SITE_PATH_TEXT = f"{BLOCK_SYNTAX[3]} {JS_LINK}"
SITE_UNIT = f"Dinas {TITLE_BREAK} | pipe"
SITE_UNIT_TEXT = f"{BLOCK_SYNTAX[1]} {SCRIPT}"
SITE_SUBUNIT = f"{BLOCK_SYNTAX[0]} Bidang"
SITE_UNIT_SHORT = f"PUPR {SCRIPT} *emph*"  # shown on position pages, searched by the picker
SITE_COMPETENCY = "{.sisip-kelas} Manajemen Jalan"
SITE_TRAINING = ":smile: Diklat Jalan"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = new_project(tmp_path_factory.mktemp("hostile"))
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"] += EXTENSIONS
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    folder = DataFolder(project / "data")
    for index, (position_id, name) in enumerate(SITE_POSITIONS.items()):
        document = folder.doc(f"jabatan/{position_id}.yml")
        document["nama"] = name
        document["ikhtisar"] = HOSTILE[index]  # alone, so line-start markup is tried too
        document["tugas"] = list(HOSTILE)
    path = folder.doc("jalur/bina-marga.yml")
    path["nama"] = SITE_PATH
    path["deskripsi"] = SITE_PATH_TEXT
    unit = folder.doc("unit/dinas-pupr.yml")
    unit["nama"] = SITE_UNIT
    unit["keterangan"] = SITE_UNIT_TEXT
    unit["singkatan"] = SITE_UNIT_SHORT
    unit["sub"][0]["nama"] = SITE_SUBUNIT
    competency = folder.doc("kompetensi-teknis.yml")["kompetensi"]["manajemen-jalan"]
    competency["nama"] = SITE_COMPETENCY
    competency["definisi"] = BLOCK_SYNTAX[0]
    competency["level"] = {str(n): BLOCK_SYNTAX[n + 1] for n in range(1, 6)}
    folder.doc("pelatihan.yml")["pelatihan"]["diklat-jalan"]["nama"] = SITE_TRAINING
    assert folder.diagnostics() == []
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    return build.site


@pytest.fixture(scope="module")
def hostile_pages(hostile_site: Path) -> dict[Path, ParsedPage]:
    return parse_site(hostile_site)


_JS_URL = re.compile(r"^\s*javascript:", re.IGNORECASE)


def _markup_problems(where: str, page: ParsedPage) -> list[str]:
    """Script injected as markup: a script element running alert, an event-handler attribute,
    or a javascript: URL."""
    problems = []
    problems += [f"{where}: script {body[:60]!r}" for body in page.scripts if "alert(" in body]
    problems += [
        f"{where}: <{tag} {name}={value!r}>"
        for tag, name, value in page.attributes
        if name.startswith("on") or (_JS_URL.match(value) and name != "content")
    ]
    return problems


def test_hostile_site_has_no_injected_markup(hostile_site: Path) -> None:
    checked = 0
    problems: list[str] = []
    for path in files_of(hostile_site):
        where = path.relative_to(hostile_site).as_posix()
        if path.suffix not in (".html", ".svg", ".xml", ".json"):
            continue
        raw = path.read_text(encoding="utf-8")
        checked += 1
        # As text these may show (escaped); as markup they must not: '<' and '"' are entities.
        for needle in ("<script>alert", "</title><script>", 'onclick="x"'):
            if path.suffix != ".json" and needle in raw:
                problems.append(f"{where}: raw {needle!r}")
        if path.suffix in (".html", ".svg"):
            problems += _markup_problems(where, parse_html(raw))
        if path.name == "search_index.json":
            for doc in json.loads(raw)["docs"]:
                fragment = f"{doc['title']} {doc['text']}"
                problems += _markup_problems(f"{where}#{doc['location']}", parse_html(fragment))
                if _JS_URL.match(doc["location"]):
                    problems.append(f"{where}: location {doc['location']!r}")
    assert problems == []
    assert checked > 10


def test_hostile_search_index_has_no_raw_markup(hostile_site: Path) -> None:
    """Material puts HTML into the index and renders it: data text must be in it as entities."""
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    blob = " ".join(f"{d['title']} {d['text']}" for d in index["docs"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in blob
    # Quotes may stay plain in text: with every '<' escaped no tag, so no attribute, can start.
    for needle in ("<script", "</title>", "<a "):
        assert needle not in blob


def _page(site: Path, *parts: str) -> Path:
    return site.joinpath(*parts, "index.html")


def test_hostile_text_is_shown_literally(
    hostile_site: Path, hostile_pages: dict[Path, ParsedPage]
) -> None:
    missing: list[str] = []

    def expect(page: Path, text: str) -> None:
        if text not in hostile_pages[page].text:
            missing.append(f"{page.relative_to(hostile_site)}: {text!r}")

    for index, (position_id, name) in enumerate(SITE_POSITIONS.items()):
        page = _page(hostile_site, "jabatan", position_id)
        parsed = hostile_pages[page]
        assert parsed.h1 == [name]
        assert parsed.title.startswith(name), parsed.title
        expect(page, HOSTILE[index])
        for duty in HOSTILE:
            expect(page, duty)
        expect(_page(hostile_site, "jabatan"), name)
        expect(_page(hostile_site, "jalur", "bina-marga"), name)
    path_page = _page(hostile_site, "jalur", "bina-marga")
    assert hostile_pages[path_page].h1 == [SITE_PATH]
    assert hostile_pages[path_page].title.startswith(SITE_PATH)
    expect(path_page, SITE_PATH_TEXT)
    unit_page = _page(hostile_site, "unit", "dinas-pupr")
    assert hostile_pages[unit_page].h1 == [SITE_UNIT]
    assert hostile_pages[unit_page].title.startswith(SITE_UNIT)
    expect(unit_page, SITE_UNIT_TEXT)
    expect(_page(hostile_site, "unit"), SITE_UNIT)
    expect(_page(hostile_site, "jalur"), SITE_PATH)
    expect(_page(hostile_site, "jabatan", "kepala-seksi-jalan"), SITE_UNIT_SHORT)
    assert missing == []


def test_hostile_text_makes_no_markdown(hostile_site: Path) -> None:
    """No emphasis, heading, link or attribute list made from the data."""
    made = []
    for path in files_of(hostile_site, ".html"):
        raw = path.read_text(encoding="utf-8")
        for markup in ("<em>emph</em>", ">heading</h", 'href="javascript', "{: onclick"):
            if markup in raw.replace("&quot;", '"') and markup != "{: onclick":
                made.append(f"{path.relative_to(hostile_site)}: {markup}")
        if raw.count("<h1") > 1:
            made.append(f"{path.relative_to(hostile_site)}: {raw.count('<h1')} h1")
    assert made == []


# Ids and classes only data could have given (a heading's own id may quote its text).
_DATA_IDS = ("sisip-id",)
_DATA_CLASSES = (
    "sisip-kelas",
    "danger",
    "awas",
    "rahasia",
    "terbuka",
    "emojione",
    "twemoji",
    "keys",
)
# The titles the data gives its admonitions, details and blocks, were they made.
_DATA_TITLES = re.compile(
    r"<(summary|p class=\"admonition-title\")[^>]*>\s*(Awas|Rahasia|Terbuka|Judul)"
)
_DATA_ELEMENTS = ("<dl", "<dt", "<dd", "<mark", "<ins", "<del", "<sup", "<sub", "<pre", "<kbd")


def test_extension_syntax_in_data_makes_no_element(
    hostile_site: Path, hostile_pages: dict[Path, ParsedPage]
) -> None:
    """Admonitions, details, blocks, attribute lists, definitions, fences, emoji and the
    doubled markers written in the data stay text on every page, though the site enables
    every extension that would read them; the text itself shows as written."""
    made = []
    for page, parsed in hostile_pages.items():
        where = page.relative_to(hostile_site).as_posix()
        made += [
            f"{where}: <{tag} {name}={value!r}>"
            for tag, name, value in parsed.attributes
            if (name == "id" and value in _DATA_IDS)
            or (name == "class" and set(value.split()) & set(_DATA_CLASSES))
        ]
        raw = page.read_text(encoding="utf-8")
        made += [f"{where}: {element}" for element in _DATA_ELEMENTS if element in raw]
        made += [f"{where}: {m.group()}" for m in _DATA_TITLES.finditer(raw)]
    assert made == []
    competency = hostile_pages[_page(hostile_site, "kompetensi", "manajemen-jalan")].text
    shown = [SITE_COMPETENCY, BLOCK_SYNTAX[0], *BLOCK_SYNTAX[2:7]]
    assert [text for text in shown if text not in competency] == []
    unit = hostile_pages[_page(hostile_site, "unit", "dinas-pupr")].text
    assert SITE_UNIT_TEXT in unit and SITE_SUBUNIT in unit
    position = hostile_pages[_page(hostile_site, "jabatan", "kepala-seksi-jalan")].text
    assert SITE_TRAINING in position


@pytest.mark.parametrize("syntax", BLOCK_SYNTAX)
def test_extension_syntax_on_a_later_line_of_a_text_stays_text(syntax: str) -> None:
    """A multi-line YAML text ('|' block) is one line of Markdown: what starts its second line
    starts no block either, in a paragraph, a list item or a table cell."""
    text = f"Baris pertama.\n{syntax}\n{syntax}"
    config = example_config()["markdown_extensions"] + EXTENSIONS
    rendered = markdown.markdown(
        f"{md(text)}\n\n- {md(syntax)}\n\n{table(['a'], [[md(text)]])}\n", extensions=config
    )
    made = [element for element in _DATA_ELEMENTS if element in rendered]
    made += [m.group() for m in _DATA_TITLES.finditer(rendered)]
    made += [f"class {word}" for word in _DATA_CLASSES if f'"{word}' in rendered]
    made += ["details" for _ in re.finditer("<details|admonition", rendered)]
    assert made == []
    assert parse_html(rendered).text.count(syntax) == 5  # twice, once, twice


def test_data_cannot_forge_a_link(
    hostile_site: Path, hostile_pages: dict[Path, ParsedPage]
) -> None:
    """Names, duties and summaries spelling out the link token (in text, in an attribute, in a
    tag) make no link: only the open-data page links to the file they name, and the text shows
    as written (see test_hostile_text_is_shown_literally)."""
    target = hostile_site / "data" / "pola-karir.json"
    assert target.is_file()
    prefix = site_prefix(example_config())
    linking = set()
    for page, parsed in hostile_pages.items():
        for _tag, name, url in parsed.urls:
            assert "pk-src:" not in url, (page, name, url)
            if not is_external(url) and resolve(hostile_site, page, url, prefix)[0] == target:
                linking.add(page.relative_to(hostile_site).as_posix())
    assert linking == {"data-terbuka/index.html"}
    assert TOKEN_ATTRIBUTE in hostile_pages[_page(hostile_site, "jabatan")].text


def test_hostile_site_links_resolve(
    hostile_site: Path, hostile_pages: dict[Path, ParsedPage]
) -> None:
    report = check_links(hostile_site, hostile_pages, site_prefix(example_config()))
    assert report.broken == [], "\n".join(report.broken[:50])
    assert report.svg_links > 0
