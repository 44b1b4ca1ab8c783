"""A repository made by ``pola-karir init`` builds a site whose every link resolves, in both of
MkDocs' URL styles: ``/jabatan/x/`` served by a web server, and ``jabatan/x.html`` opened from
the file system (an agency that hands the site out on a flash drive).

The repository is built as ``init`` wrote it except for ``use_directory_urls``; the walker
checks every href, src and SVG link of every page, fragments included.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from sitetools import check_links, mkdocs_build, parse_site, site_prefix

from pola_karir.cli import main


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("init-links") / "pola-karier"
    assert main(["init", str(folder), "--nama", "Pemerintah Kota Contoh"]) == 0
    return folder


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "html-files"])
def test_every_link_of_the_new_site_resolves(repo: Path, directory_urls: bool) -> None:
    project = repo.parent / f"copy-{directory_urls}"
    shutil.copytree(repo, project)
    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    assert "use_directory_urls" not in config  # init leaves MkDocs' default (True)
    config["use_directory_urls"] = directory_urls
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.output
    pages = {p: parsed for p, parsed in parse_site(build.site).items() if p.name != "404.html"}
    assert len(pages) > 20
    report = check_links(build.site, pages, site_prefix(config), file_urls=not directory_urls)
    assert report.broken == [], "\n".join(report.broken[:30])
    assert report.fragments > 0  # anchors were followed, not only files
    assert report.svg_links > 0  # and the links inside the diagrams
    position_pages = [p for p in pages if "jabatan" in p.relative_to(build.site).parts]
    assert position_pages
    suffix = "index.html" if directory_urls else ".html"
    assert all(p.name.endswith(suffix) for p in position_pages)
