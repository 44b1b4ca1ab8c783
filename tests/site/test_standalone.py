"""The plugin stands alone: an agency's shortest ``mkdocs.yml`` builds a working site.

One project, built once, combines what an agency may well have: no ``docs/`` folder (MkDocs
refuses a missing ``docs_dir`` before any plugin is loaded, so ``docs_dir`` is the data folder
itself), the data folder beside the folder of ``mkdocs.yml`` (``../data``) in one git
repository, ``use_directory_urls: false``, no ``markdown_extensions`` the pages need, but
mkdocs-macros and the common Material extensions (emoji, mark, critic, caret, tilde, keys), a
``repo_url`` and Material's default fonts. Data text is written in the syntax of each of them.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from factory import DataFolder
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from playwright.sync_api import Browser
from sitetools import Build, ParsedPage, check_links, files_of, mkdocs_build, parse_site

from pola_karir.mkdocs_standalone import (
    NEEDED_EXTENSIONS,
    EditPaths,
    Privacy,
    edit_paths,
    hide_repository_facts,
    keep_requests_home,
    missing_extensions,
)
from pola_karir.text.catalogue import text

REPO_URL = "https://github.com/contoh/pola-karir-uji"
# Text in the syntax of Jinja (mkdocs-macros) and of the extensions the project enables.
LITERAL = [
    "{{ nama }}",
    "{% if benar %}ya{% endif %}",
    ":warning: awas",
    "==tanda==",
    "{++sisip++}",
    "{--hapus--}",
    "{~~lama~>baru~~}",
    "{==sorot==}",
    "{>>catatan<<}",
    "^^sisip^^",
    "~~coret~~",
    "++ctrl+alt++",
]
EXTENSIONS = [
    "pymdownx.emoji",
    "pymdownx.mark",
    "pymdownx.critic",
    "pymdownx.caret",
    "pymdownx.tilde",
    "pymdownx.keys",
]
POSITION = "kepala-seksi-jalan"
POSITION_NAME = "Kepala Seksi {{ nama }} Jalan"
# Elements only data text could have made on these pages (none of the generated Markdown uses
# them), and the images of an emoji.
DATA_ELEMENTS = ("<mark", "<ins", "<del", "<kbd", "<sup", "<sub", "twemoji", "emojione")


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


@dataclass(frozen=True)
class Project:
    repo: Path
    config_dir: Path
    build: Build
    pages: dict[Path, ParsedPage]

    def page(self, src: str) -> Path:
        """The file MkDocs writes for ``src`` with ``use_directory_urls: false``."""
        return self.build.site / File(src, None, str(self.build.site), False).dest_uri


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    repo = tmp_path_factory.mktemp("agency")
    _git(repo, "init", "-q")
    folder = DataFolder(repo / "data")
    position = folder.doc(f"jabatan/{POSITION}.yml")
    position["nama"] = POSITION_NAME
    position["ikhtisar"] = LITERAL[0]
    position["tugas"] = list(LITERAL)
    folder.doc("jalur/bina-marga.yml")["deskripsi"] = " ".join(LITERAL)
    assert folder.diagnostics() == []
    config_dir = repo / "situs"
    config_dir.mkdir()
    config = {
        "site_name": "Pola Karier Uji",
        "repo_url": REPO_URL,
        "edit_uri": "edit/main/data/",
        "docs_dir": "../data",
        "use_directory_urls": False,
        "theme": {"name": "material", "language": "id", "features": ["content.action.edit"]},
        "plugins": [
            "search",
            "macros",
            {"pola-karir": {"data_dir": "../data", "cache_dir": str(repo / ".cache")}},
        ],
        "markdown_extensions": EXTENSIONS,
    }
    (config_dir / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build = mkdocs_build(config_dir, repo / "public")
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    return Project(repo, config_dir, build, parse_site(build.site))


def test_the_missing_extensions_are_added_and_said(project: Project) -> None:
    added = ", ".join(name for name in NEEDED_EXTENSIONS if name != "tables")  # MkDocs' own
    assert text("plugin.extensions.added", "id", names=added) in project.build.output


def test_generated_markup_renders_without_extensions_in_mkdocs_yml(project: Project) -> None:
    """Admonitions, details and attribute lists of the generated Markdown are HTML, never
    raw text; headings keep the anchors other pages link to."""
    raw = {
        page.relative_to(project.build.site).as_posix(): page.read_text(encoding="utf-8")
        for page in files_of(project.build.site, ".html")
    }
    leftovers = [
        f"{where}: {syntax!r}"
        for where, html in raw.items()
        for syntax in ("!!! ", "??? ", "{#", "{: ", "{ .md-button")
        if syntax in html
    ]
    assert leftovers == []
    home = raw["index.html"]
    assert 'class="admonition warning"' in home  # the fictional-data notice
    assert re.search(r'class="[^"]*\bmd-button--primary\b', home)
    assert re.search(r"<details class=\"info pk-screen-only\"", raw["pola-karier.html"])
    competency = project.pages[project.page("kompetensi/manajemen-jalan.md")]
    assert {f"level-{n}" for n in range(1, 6)} <= competency.ids


def test_data_text_stays_literal_under_macros_and_extensions(project: Project) -> None:
    page = project.page(f"jabatan/{POSITION}.md")
    parsed = project.pages[page]
    assert parsed.h1 == [POSITION_NAME]
    assert parsed.title.startswith(POSITION_NAME)
    assert [t for t in LITERAL if t not in parsed.text] == []
    path_text = project.pages[project.page("jalur/bina-marga.md")].text
    assert " ".join(LITERAL) in path_text
    made = [
        f"{p.relative_to(project.build.site)}: {element}"
        for p in files_of(project.build.site, ".html")
        for element in DATA_ELEMENTS
        if element in p.read_text(encoding="utf-8")
    ]
    assert made == []


def test_no_docs_folder_is_needed_and_no_yaml_is_published(project: Project) -> None:
    assert not (project.config_dir / "docs").exists()
    assert not (project.repo / "docs").exists()
    published = sorted(p.name for p in project.build.site.rglob("*") if p.suffix == ".yml")
    assert published == []
    assert (project.build.site / "data" / "pola-karir.json").is_file()  # the open data


def test_every_link_resolves_opened_from_the_file_system(project: Project) -> None:
    pages = {p: parsed for p, parsed in project.pages.items() if p.name != "404.html"}
    report = check_links(project.build.site, pages, "/", file_urls=True)
    assert report.broken == [], "\n".join(report.broken[:30])
    assert report.svg_links > 0
    assert report.checked > 10 * len(pages)


def test_edit_links_open_the_yaml_file_in_the_repository(project: Project) -> None:
    expected = f"{REPO_URL}/edit/main/data/jabatan/{POSITION}.yml"
    parsed = project.pages[project.page(f"jabatan/{POSITION}.md")]
    assert ("a", "href", expected) in parsed.urls
    machine = [
        f"{p.relative_to(project.build.site)}: {url}"
        for p, page in project.pages.items()
        for _tag, _name, url in page.urls
        if str(project.repo) in url or url.startswith("file:")
    ]
    assert machine == []


def test_no_page_asks_another_site_for_fonts_or_repository_facts(project: Project) -> None:
    home = (project.build.site / "index.html").read_text(encoding="utf-8")
    assert REPO_URL in home  # the repository link stays
    asking = [
        f"{page.relative_to(project.build.site)}: {needle}"
        for page in files_of(project.build.site, ".html")  # the theme's 404.html included
        for needle in ("fonts.googleapis.com", "fonts.gstatic.com", 'data-md-component="source"')
        if needle in page.read_text(encoding="utf-8")
    ]
    assert asking == []
    for key in ("plugin.privacy.fonts_off", "plugin.privacy.repository_facts"):
        assert text(key, "id") in project.build.output
    assert text("plugin.privacy.remote_emoji", "id") in project.build.output


def test_opened_from_file_a_diagram_shows_and_the_data_downloads(
    project: Project, chromium: Browser
) -> None:
    """The flat site straight from the disk (``file://``): the overview draws its diagram, and
    the open-data page's link opens the JSON export. Every request stays on the disk."""
    context = chromium.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(project.page("pola-karier.md").as_uri(), wait_until="load")
        page.wait_for_function(
            "document.querySelector('figure.pk-diagram[data-pk-ready] svg g.node') !== null"
        )
        box = page.locator("figure.pk-diagram svg").first.bounding_box()
        assert box is not None and box["width"] > 50 and box["height"] > 50
        page.goto(project.page("data-terbuka.md").as_uri(), wait_until="load")
        link = page.locator("a[href$='pola-karir.json']").first
        link.click()
        page.wait_for_url("**/data/pola-karir.json")
        data = json.loads(page.locator("body").inner_text())
        assert data["versi"] and data["jabatan"]
    finally:
        context.close()
    assert len(requests) > 5
    assert [url for url in requests if not url.startswith("file://")] == []


# --- edit paths for a data folder anywhere (MkDocs' own Page makes the link) -------------------


def _edit_url(config_dir: Path, settings: dict[str, object], paths: EditPaths) -> str | None:
    """The edit link MkDocs itself makes for the generated page of ``jabatan/x.yml``."""
    (config_dir / "mkdocs.yml").write_text(
        yaml.safe_dump({"site_name": "x", "plugins": [], **settings}), encoding="utf-8"
    )
    config = load_config(str(config_dir / "mkdocs.yml"))
    file = File("jabatan/x.md", None, config.site_dir, config.use_directory_urls)
    file.generated_by = "pola-karir"  # as File.generated marks it, outside a build here
    file.edit_uri = paths.of("jabatan/x.yml")
    return Page(None, file, config).edit_url


def _layout(root: Path, config: str, docs: str, data: str) -> tuple[Path, Path, Path]:
    folders = tuple(root / part for part in (config, docs, data))
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    return folders


@pytest.mark.parametrize(
    ("config", "docs", "data", "edit_uri", "expected"),
    [
        # mkdocs.yml at the root, data beside docs (the example's layout)
        (".", "docs", "data", "edit/main/docs/", "edit/main/data/jabatan/x.yml"),
        # mkdocs.yml in a subfolder, data_dir '../data'
        ("situs", "situs/docs", "data", "edit/main/situs/docs/", "edit/main/data/jabatan/x.yml"),
        # data deep in another branch of the tree
        ("web", "web/docs", "hr/data", "edit/main/web/docs/", "edit/main/hr/data/jabatan/x.yml"),
        # no docs folder: docs_dir is the data folder
        ("situs", "data", "data", "edit/main/data/", "edit/main/data/jabatan/x.yml"),
    ],
)
def test_edit_link_of_a_data_folder_anywhere_in_the_repository(
    tmp_path: Path, config: str, docs: str, data: str, edit_uri: str, expected: str
) -> None:
    _git(tmp_path, "init", "-q")
    config_dir, docs_dir, data_root = _layout(tmp_path, config, docs, data)
    paths = edit_paths(data_root, docs_dir, config_dir, edit_uri)
    assert paths.reason == ""
    settings = {"repo_url": REPO_URL, "edit_uri": edit_uri, "docs_dir": str(docs_dir)}
    assert _edit_url(config_dir, settings, paths) == f"{REPO_URL}/{expected}"


def test_without_git_the_folder_of_mkdocs_yml_is_the_repository(tmp_path: Path) -> None:
    config_dir, docs_dir, data_root = _layout(tmp_path / "proyek", ".", "docs", "data")
    paths = edit_paths(data_root, docs_dir, config_dir, "edit/main/docs/")
    settings = {"repo_url": REPO_URL, "edit_uri": "edit/main/docs/"}
    assert _edit_url(config_dir, settings, paths) == f"{REPO_URL}/edit/main/data/jabatan/x.yml"
    # data_dir '../data' with no git: outside anything repo_url can name, so no link at all
    outside = tmp_path / "data"
    outside.mkdir()
    paths = edit_paths(outside, docs_dir, config_dir, "edit/main/docs/")
    assert (paths.prefix, paths.reason) == (None, "plugin.edit.outside_repository")
    assert _edit_url(config_dir, settings, paths) is None


def test_no_edit_link_rather_than_a_wrong_one(tmp_path: Path) -> None:
    site_repo, data_repo = tmp_path / "situs", tmp_path / "data"
    for folder in (site_repo, data_repo):
        folder.mkdir()
        _git(folder, "init", "-q")
    docs = site_repo / "docs"
    docs.mkdir()
    # the data in another repository than the one repo_url names
    other = edit_paths(data_repo, docs, site_repo, "edit/main/docs/")
    assert other == EditPaths(None, "plugin.edit.other_repository")
    # data in the repository, but edit_uri does not name docs_dir: the branch part is unknown
    (site_repo / "data").mkdir()
    elsewhere = edit_paths(site_repo / "data", docs, site_repo, "edit/main/")
    assert elsewhere == EditPaths(None, "plugin.edit.edit_uri_elsewhere")
    query = edit_paths(site_repo / "data", docs, site_repo, "?path=/docs/")
    assert query.prefix is None
    assert edit_paths(site_repo / "data", docs, site_repo, None).reason == (
        "plugin.edit.no_edit_uri"
    )


def test_edit_uri_template_is_honoured(tmp_path: Path) -> None:
    config_dir, docs_dir, data_root = _layout(tmp_path, ".", "docs", "data")
    template = "-/edit/main/docs/{path}?ref_type=heads"
    paths = edit_paths(data_root, docs_dir, config_dir, None, template)
    repo = "https://gitlab.example/contoh/pola"
    settings = {"repo_url": repo, "edit_uri_template": template}
    assert _edit_url(config_dir, settings, paths) == (
        f"{repo}/-/edit/main/data/jabatan/x.yml?ref_type=heads"
    )


def test_an_absolute_data_dir_gives_a_repository_path(tmp_path: Path) -> None:
    config_dir, docs_dir, data_root = _layout(tmp_path, ".", "docs", "data")
    paths = edit_paths(data_root.resolve(), docs_dir, config_dir, "edit/main/docs/")
    assert paths.of("jabatan/x.yml") == "../data/jabatan/x.yml"
    assert str(tmp_path) not in (paths.of("jabatan/x.yml") or "")


# --- what the plugin turns off, read from a loaded mkdocs.yml (no build) -----------------------


def _config(tmp_path: Path, settings: dict[str, object]) -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        yaml.safe_dump({"site_name": "x", **settings}), encoding="utf-8"
    )
    return load_config(str(tmp_path / "mkdocs.yml"))


def test_material_defaults_are_kept_off_other_sites(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        {"theme": "material", "repo_url": REPO_URL, "markdown_extensions": ["pymdownx.emoji"]},
    )
    assert config.theme["font"] not in (False, None)  # Material's default: Google Fonts
    privacy = keep_requests_home(config)
    assert privacy == Privacy(fonts_off=True, repository_facts=True, remote_emoji=True)
    assert config.theme["font"] is False


def test_fonts_served_by_materials_privacy_plugin_stay(tmp_path: Path) -> None:
    emoji = {
        "pymdownx.emoji": {
            "emoji_index": "!!python/name:material.extensions.emoji.twemoji",
            "emoji_generator": "!!python/name:material.extensions.emoji.to_svg",
        }
    }
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\ntheme: material\nplugins: [privacy]\nmarkdown_extensions:\n"
        + yaml.safe_dump([emoji]).replace("'", ""),
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert keep_requests_home(config) == Privacy()
    assert config.theme["font"] not in (False, None)


def test_the_mkdocs_theme_loads_no_highlight_js_from_a_cdn(tmp_path: Path) -> None:
    config = _config(tmp_path, {"theme": "mkdocs"})
    assert config.theme["highlightjs"] is True
    assert keep_requests_home(config) == Privacy(highlight_off=True)
    assert config.theme["highlightjs"] is False


def test_repository_facts_are_the_only_attribute_removed() -> None:
    header = f'<a href="{REPO_URL}" class="md-source" data-md-component="source">x</a>'
    assert hide_repository_facts(header) == f'<a href="{REPO_URL}" class="md-source">x</a>'


@pytest.mark.parametrize(
    ("configured", "missing"),
    [
        (["toc", "tables", "fenced_code"], ["attr_list", "admonition", "pymdownx.details"]),
        (["markdown.extensions.attr_list", "admonition"], ["tables", "pymdownx.details"]),
        (["extra", "admonition", "pymdownx.details"], []),
        (["markdown.extensions.extra"], ["admonition", "pymdownx.details"]),
    ],
)
def test_missing_extensions_count_full_names_and_extra(
    configured: list[str], missing: list[str]
) -> None:
    assert missing_extensions(configured) == missing
