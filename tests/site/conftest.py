"""Fixtures for the site tests: the example project built once per session with the real
``mkdocs build --strict`` (and so the real ``dot``), and the example dataset."""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, sync_playwright

HERE = Path(__file__).resolve().parent
for folder in (HERE, HERE.parent):  # sitetools.py here, factory.py one level up
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from sitetools import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    LIGHT_SEARCH_COOKIE,
    REPO,
    SEARCH_INDEX,
    Build,
    ParsedPage,
    build_env,
    copy_example,
    fast_paths_off,
    light_search_index,
    mkdocs_build,
    parse_site,
    shared_build,
)

from pola_karir.model import Dataset  # noqa: E402
from pola_karir.rules.validate import validate_project  # noqa: E402


@pytest.fixture(scope="session")
def example_dataset() -> Dataset:
    result = validate_project(REPO / "data")
    assert result.dataset is not None, [d.code for d in result.diagnostics]
    return result.dataset


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The example project copied to a private folder and built once per run, strictly. A
    fixed hash seed, so the reproducibility test can build again with another one."""

    def make(folder: Path) -> Build:
        project = copy_example(folder / "project")
        return mkdocs_build(project, project / "site", env=build_env(PYTHONHASHSEED="1"))

    build = shared_build(tmp_path_factory, "example", make)
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    return build


@pytest.fixture(scope="session")
def plain_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The example built once per run the other way round from ``example_build``: another
    folder, its own empty cache, hash seed 2 (so a subprocess, not the build server) and the
    fast paths off (MkDocs converting and rendering every page itself). Both the fast-path
    comparison (tests/site/test_fast_paths.py) and the reproducibility test
    (test_cache_and_atomicity.py) compare it with the example build, byte for byte."""

    def make(folder: Path) -> Build:
        project = copy_example(folder / "project")
        fast_paths_off(project)
        return mkdocs_build(project, project / "site", env=build_env(PYTHONHASHSEED="2"))

    build = shared_build(tmp_path_factory, "plain", make)
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    return build


@pytest.fixture(scope="session")
def example_site(example_build: Build) -> Path:
    return example_build.site


@pytest.fixture(scope="session")
def example_pages(example_site: Path) -> dict[Path, ParsedPage]:
    """Every HTML page of the example site, parsed once."""
    return parse_site(example_site)


@pytest.fixture(scope="session")
def flat_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The example built with ``use_directory_urls: false``: pages as ``jabatan/x.html``, the
    layout that also works opened from the file system, without a web server."""

    def make(folder: Path) -> Build:
        project = copy_example(folder / "project", use_directory_urls=False)
        # Hash seed 2, like ``plain_build``: the fast paths are compared with plain MkDocs
        # across seeds both ways (this build fast with 2, its plain twin with the server's 1).
        return mkdocs_build(project, project / "site", env=build_env(PYTHONHASHSEED="2"))

    build = shared_build(tmp_path_factory, "flat", make)
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    return build


@pytest.fixture(scope="session")
def flat_pages(flat_build: Build) -> dict[Path, ParsedPage]:
    return parse_site(flat_build.site)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _SiteHandler(_QuietHandler):
    """The example site's files; its search index without documents to a browser context that
    asked for it with sitetools.light_search's cookie."""

    light_index = b""

    def do_GET(self) -> None:
        light = f"{LIGHT_SEARCH_COOKIE}=1" in self.headers.get("Cookie", "")
        if light and self.path.split("?")[0].endswith("/" + SEARCH_INDEX):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(self.light_index)))
            self.end_headers()
            self.wfile.write(self.light_index)
            return
        super().do_GET()


@pytest.fixture(scope="session")
def site_url(example_site: Path) -> Iterator[str]:
    """The example site over http on 127.0.0.1, on a free port, for the browser tests."""
    served = type("_Served", (_SiteHandler,), {"light_index": light_search_index(example_site)})
    handler = functools.partial(served, directory=str(example_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Debian Chromium for every browser test (each test opens its own context)."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()
