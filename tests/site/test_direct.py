"""The direct conversion (pola_karir/mkdocs_direct.py) leaves every generated page exactly as
MkDocs' ``Page.render`` does.

Each project is set up the way ``mkdocs build`` sets it up (the real config, plugins, files),
and every generated page is converted both ways in this process: by ``Page.render`` and by the
direct path, each followed by the plugin's page-content step. The HTML, table of contents,
title, anchors, links to anchors and log records must be equal, in both URL styles, for the
example, a synthetic agency and a dataset of hostile names; and nearly every page must go the
direct way (else the comparison would prove little). Constructs the generator does not write
fall back; configurations and releases not compared here turn the direct path off; so does a
canary that finds one page different.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

import markdown
import pytest
import yaml
from factory import DataFolder
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from sitetools import REPO, Build, copy_example, new_project, seed_diagrams

from pola_karir import mkdocs_direct as direct
from pola_karir import mkdocs_fastpath as fastpath

# Markdown, HTML and script metacharacters, and the block syntax of the known extensions.
HOSTILE = [
    "<script>alert('x')</script> & \"kutip\"",
    "</title><b>tebal</b> &amp; &#33; &lt;",
    "[x](javascript:alert(1)) ![gambar](x.png) <http://contoh.invalid>",
    '{: onclick="x"} {#sisip} {.kelas}',
    "| pipa | *emph* **kuat** _miring_ __dobel__ `kode` \\ garis\\miring",
    "# judul ## lagi ###",
    "!!! danger Awas",
    "??? note Rahasia",
    "1. nomor - daftar + plus * bintang",
    "> kutipan === --- ___",
    "a_b_c snake_case *a*b* 2*3",
    "ꦥꦺꦴꦭ 🚧 \u00a0spasi\u2028pemisah",
]


def _hostile_data(root: Path) -> Path:
    folder = DataFolder(root)
    positions = [name for name in folder.files if name.startswith("jabatan/")]
    for index, relative in enumerate(sorted(positions)):
        document = folder.doc(relative)
        document["nama"] = f"{HOSTILE[index % len(HOSTILE)]} Jabatan {index}"
        document["ikhtisar"] = HOSTILE[(index + 1) % len(HOSTILE)]
        document["tugas"] = list(HOSTILE)
    path = next(name for name in folder.files if name.startswith("jalur/"))
    folder.doc(path)["nama"] = HOSTILE[4]
    folder.doc(path)["deskripsi"] = HOSTILE[6]
    unit = next(name for name in folder.files if name.startswith("unit/"))
    folder.doc(unit)["nama"] = HOSTILE[1]
    folder.doc(unit)["keterangan"] = HOSTILE[7]
    assert folder.diagnostics() == []
    return root


@contextmanager
def _set_up(project: Path) -> Iterator[tuple[MkDocsConfig, Files, object]]:
    """The project's config and files as ``mkdocs build`` has them when the plugin prepares
    its pages (after on_config and on_files), and the plugin; torn down after."""
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        yield config, files, config.plugins["pola-karir"]
    finally:
        config.plugins.on_shutdown()


def _both_ways(project: Path) -> tuple[list[str], set[str], list[str]]:
    """(generated pages, those converted directly, those that differ)."""
    with _set_up(project) as (config, files, plugin):
        assert direct.supported(config) == []
        srcs = sorted(plugin.generated)  # type: ignore[attr-defined]
        finish = plugin._page_content  # type: ignore[attr-defined]
        plain_job = fastpath._Job(config, files, finish)
        direct_job = fastpath._Job(config, files, finish, direct=True)
        differ: list[str] = []
        went_direct: set[str] = set()
        with fastpath.captured() as capture:
            for src in srcs:
                plain = fastpath._convert(plain_job, src, capture)
                fast = fastpath._convert(direct_job, src, capture)
                assert plain is not None and fast is not None, src
                assert not plain[1]
                if fast[1]:
                    went_direct.add(src)
                if fast[0] != plain[0]:
                    differ.append(src)
        return srcs, went_direct, differ


def _example(folder: Path, example_build: Build, use_directory_urls: bool = True) -> Path:
    """The example project, its diagram cache holding the session's example build's diagrams
    (keyed by their DOT source, the same in either URL style): the pages' conversion is what
    is compared here, not ``dot``, which the plugin's setup starts on every diagram."""
    project = copy_example(folder, use_directory_urls=use_directory_urls)
    seed_diagrams(project, example_build.site.parent)
    return project


def _project(
    kind: str, folder: Path, use_directory_urls: bool, request: pytest.FixtureRequest
) -> Path:
    if kind == "example":
        return _example(folder, request.getfixturevalue("example_build"), use_directory_urls)
    if kind == "synthetic":
        data = folder / "synth"
        subprocess.run(
            [sys.executable, str(REPO / "scripts" / "synth.py"), "--positions", "60", "--seed", "3",
             str(data)],
            check=True,
        )  # fmt: skip
        project = new_project(folder / "project", data)
    else:
        project = new_project(folder / "project")
        _hostile_data(project / "data")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["use_directory_urls"] = use_directory_urls
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize("kind", ["example", "synthetic", "hostile"])
def test_every_generated_page_is_the_same_both_ways(
    kind: str, use_directory_urls: bool, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    project = _project(kind, tmp_path, use_directory_urls, request)
    pages, went_direct, differ = _both_ways(project)
    assert differ == []
    assert len(pages) > 20
    # The pages that grow with the data all go directly; the few one-off pages may not.
    positions = [p for p in pages if p.startswith("jabatan/") and p != "jabatan/index.md"]
    assert len(positions) >= 4
    assert set(positions) <= went_direct
    assert len(went_direct) >= 0.85 * len(pages), (len(went_direct), len(pages))


# --- the subset, against Python-Markdown itself --------------------------------------------

EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "admonition", "pymdownx.details"]

# Every construct the direct path models, in the forms the generator writes them.
MODELLED = """# Judul \\*bintang\\* &amp; &#33; a > b
Paragraf tepat di bawah judul, dengan [tautan](../a/b.md#c) dan **kuat _miring_**.
**a:** b **c** d**e**f <a href="https://contoh.invalid/a_b" rel="noopener">_luar_</a>

- **Label:** nilai \\| pipa \\_ garis
- [Satu](x.md), [Dua](y.md#z)

<div data-pk-block="daftar"></div>

<div class="pk-zoom" data-pk-zoom>
<figure class="pk-diagram" data-pk-diagram="x"><figcaption>Peta &amp; arah</figcaption></figure>
</div>

!!! success "Formasi terbuka"
    Masih butuh **2** pegawai: [Unit](unit.md#u).

??? info "Tabel perpindahan"
    | Dari | Ke |
    |---|---|
    | [A](a.md) | <span class="pk-level" role="img" aria-label="level 1"></span> |


## Level 1 {#level-1}

_tidak ada_

## Ikhtisar

## Ikhtisar

| Syarat | Ketentuan |
|---|---|
| Pendidikan | S-1 \\| D-IV |
| Kosong | – |

Baris dengan spasi tak putus di bawah:
\u00a0
masih paragraf yang sama.
"""


def test_the_modelled_subset_is_what_python_markdown_makes() -> None:
    md = markdown.Markdown(extensions=EXTENSIONS)
    expected = md.convert(MODELLED)
    converted = direct.convert(MODELLED, lambda url: url)
    assert converted is not None
    assert converted.html == expected
    tokens = [[t["name"], t["id"], t["level"], len(t["children"])] for t in md.toc_tokens]
    assert [[n, i, lv, len(c)] for n, i, lv, c in converted.toc] == tokens
    assert converted.title == "Judul *bintang* &amp; &#33; a &gt; b"  # as MkDocs strips it
    assert {"level-1", "ikhtisar", "ikhtisar_1"} <= converted.anchors


def test_links_are_rewritten_in_document_order() -> None:
    seen: list[str] = []

    def rewrite(url: str) -> str:
        seen.append(url)
        return f"baru/{len(seen)}"

    converted = direct.convert(MODELLED, rewrite)
    assert converted is not None
    assert seen == ["../a/b.md#c", "x.md", "y.md#z", "unit.md#u", "a.md"]
    assert 'href="baru/1">tautan<' in converted.html
    assert 'href="baru/5">A<' in converted.html


# Constructs the generator does not write: each sends the whole page back to MkDocs (and none
# may call the link rewriter: MkDocs would log its warnings twice).
NOT_MODELLED = {
    "code span": "Teks `kode` di sini.",
    "fence": "```\nkode\n```",
    "indented code": "Teks\n\n    kode",
    "ordered list": "1. satu\n2. dua",
    "quote": "> kutipan",
    "setext heading": "Judul\n=====",
    "rule": "---",
    "loose list": "- satu\n\n- dua",
    "lazy list line": "- satu\nlanjutan",
    "heading inside a paragraph": "teks\n## judul",
    "block attributes": "Teks\n{: .kelas }",
    "inline attributes": "[Tombol](a.md){ .md-button }",
    "image": "![gambar](a.png)",
    "autolink": "<https://contoh.invalid>",
    "mail autolink": "<nama@contoh.invalid>",
    "reference link": "[teks][ref]\n\n[ref]: a.md",
    "line break": "satu  \ndua",
    "unpaired star": "a * b",
    "triple star": "***kuat miring***",
    "double underscore": "__kuat__",
    "strong opening before a space": "** kuat**",
    "emphasis closing after a space": "_miring _",
    "other scheme autolink": "<ftp://contoh.invalid/berkas>",
    "single underscore in a word": "nama_berkas",
    "bracket": "teks [tanpa tautan]",
    "link with a title": '[a](b.md "judul")',
    "raw HTML that ends early": "<div>a</div>\nteks",
    "raw HTML in an admonition": '!!! note "Catatan"\n    <div>a</div>',
    "comment": "<!-- catatan -->",
    "ragged table": "| a | b |\n|---|---|\n| c |",
    "aligned table": "| a |\n|:--|\n| b |",
    "admonition without title": "!!! note\n    teks",
    "open details": '???+ note "Terbuka"\n    teks',
    "tab": "a\tb",
    "trailing space in a list item": "- satu \n- dua",
    "trailing space in a paragraph": "satu \ndua",
}


@pytest.mark.parametrize("name", sorted(NOT_MODELLED))
def test_constructs_not_modelled_fall_back(name: str) -> None:
    called: list[str] = []
    source = f"# Judul\n\n{NOT_MODELLED[name]}\n"
    assert direct.convert(source, lambda url: called.append(url) or url) is None
    assert called == []


# --- the gate and the canary ---------------------------------------------------------------


def test_only_known_configurations_and_releases_are_allowed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    known = [*EXTENSIONS, "pymdownx.highlight", "pymdownx.superfences"]
    assert direct.unknown_configuration(known, {"pymdownx.highlight": {"linenums": True}}) == []
    assert direct.unknown_configuration(known, {"toc": {"permalink": True}}) == ["toc (permalink)"]
    assert direct.unknown_configuration([*known, "pymdownx.emoji"], {}) == ["pymdownx.emoji"]
    assert direct.unknown_configuration(["tables", "attr_list", "admonition"], {}) == ["toc"]
    _verify_installed(monkeypatch)
    assert direct.unverified_releases() == []
    monkeypatch.setitem(direct.VERIFIED, "markdown", frozenset({"0.1"}))
    assert direct.unverified_releases() == [f"markdown {metadata.version('markdown')}"]


def _verify_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count the installed releases as verified, for the tests of the gate and the canary: a
    new upstream release (CI's newest job) is compared by the tests above, page by page; a
    release merely missing from VERIFIED must not fail the tests of the mechanism."""
    for name, versions in direct.VERIFIED.items():
        installed = metadata.version(name)
        monkeypatch.setitem(direct.VERIFIED, name, versions | {installed})


def _prepare(project: Path) -> fastpath.Result:
    with _set_up(project) as (config, files, plugin):
        pages = {src: plugin.blocks.get(src, {}) for src in plugin.generated}  # type: ignore[attr-defined]
        finish = plugin._page_content  # type: ignore[attr-defined]
        return fastpath.prepare(pages, config, files, finish, lang="id", cache_dir=None)


def test_a_build_converts_directly_after_the_canary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_build: Build
) -> None:
    _verify_installed(monkeypatch)
    stats = _prepare(_example(tmp_path / "project", example_build)).stats
    assert stats.direct_off == ()
    kinds = {"jabatan/*", "kompetensi/*", "dasar-hukum/*", "unit/*", "index.md", "jalur/index.md"}
    assert stats.canary >= len(kinds)
    assert stats.direct >= 0.9 * (stats.converted - stats.canary)
    assert stats.fallback == stats.converted - stats.direct


def test_a_different_canary_turns_the_direct_path_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_build: Build
) -> None:
    convert = direct.convert

    def different(source: str, rewrite: direct.Rewrite) -> direct.Converted | None:
        converted = convert(source, rewrite)
        if converted is None:
            return None
        return dataclasses.replace(converted, html=converted.html + "\n<p>lain</p>")

    monkeypatch.setattr(direct, "convert", different)
    _verify_installed(monkeypatch)
    result = _prepare(_example(tmp_path / "project", example_build))
    assert result.stats.direct_off == ("canary",)
    assert result.stats.direct == 0
    assert not any(p.content.endswith("<p>lain</p>") for p in result.pages.values())


def test_an_unknown_configuration_turns_the_direct_path_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_build: Build
) -> None:
    _verify_installed(monkeypatch)
    project = _example(tmp_path / "project", example_build)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"].append({"toc": {"permalink": True}})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    stats = _prepare(project).stats
    assert stats.direct_off == ("toc (permalink)",)
    assert stats.direct == stats.canary == 0
    assert stats.converted > 200


def test_with_a_store_the_pages_come_back_without_their_html(
    tmp_path: Path, example_build: Build
) -> None:
    """Rendering ahead reads each page's HTML from its stage-1 entry, so the build does not
    hold every page's HTML from conversion to rendering (scripts/PERFORMANCE.md): the pages
    come back without it, and each entry holds exactly the HTML converted without a store,
    with the diagrams it embeds named beside it."""
    project = _example(tmp_path / "project", example_build)
    whole = _prepare(project).pages
    store = tmp_path / "store"
    store.mkdir()
    with _set_up(project) as (config, files, plugin):
        pages = {src: plugin.blocks.get(src, {}) for src in plugin.generated}  # type: ignore[attr-defined]
        finish = plugin._page_content  # type: ignore[attr-defined]
        result = fastpath.prepare(
            pages, config, files, finish, lang="id", cache_dir=None, store=store
        )
    assert result.pages.keys() == whole.keys() == result.entries.keys()
    assert {p.content for p in result.pages.values()} == {""}
    assert len(list(store.glob("*.json"))) == len(whole)
    for src, prepared in whole.items():
        assert fastpath.stored_html(*result.entries[src]) == prepared.content
        assert result.pages[src] == dataclasses.replace(prepared, content="")
        assert result.diagrams[src] == fastpath.diagram_names(prepared.content)
    assert any(result.diagrams.values())  # the example's pages embed diagrams
