"""Helpers for the site tests: build real projects with the venv's ``mkdocs`` and read the output.

Every build runs in a private project folder (its own mkdocs.yml, data, docs and diagram cache),
so the repository's ``site/`` and ``.cache/`` are never touched.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import posixpath
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import yaml
from per_run import once_per_run

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Locator, Page

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MKDOCS = BIN / "mkdocs"
# MkDocs dates the sitemap with the build day; pin it so builds on either side of midnight match.
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01

# Debian's Chromium, driven by Playwright through executable_path (no browser is downloaded),
# with everything that would reach the network or write a profile switched off. Every host name
# but the loopback address resolves to nothing: a page's request to another host (web fonts, the
# GitHub API for the repository badge) fails at once in the browser, on any machine, without a
# route that would stop every request of a context in this process to let it through.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    env.update(extra)
    return env


@dataclass(frozen=True)
class Build:
    returncode: int
    output: str
    site: Path


def mkdocs_build(
    project: Path, site: Path, *, strict: bool = True, env: Mapping[str, str] | None = None
) -> Build:
    """``mkdocs build [--strict] -f project/mkdocs.yml -d site``: forked by this process's build
    server (tests/site/buildserver.py), which has MkDocs, Material and pola-karir imported
    already, or as a subprocess when the build asks for a hash seed other than the server's."""
    arguments = ["build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        arguments.append("--strict")
    environment = dict(env) if env is not None else build_env()
    started = time.monotonic()
    if environment.get("PYTHONHASHSEED", SERVER_HASH_SEED) == SERVER_HASH_SEED:
        environment["PYTHONHASHSEED"] = SERVER_HASH_SEED
        returncode, output, cpu = _build_server().run(arguments, project, environment)
        _log_build("server", project, time.monotonic() - started, cpu)
        return Build(returncode, output, site)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [str(MKDOCS), *arguments],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    _log_build("subprocess", project, time.monotonic() - started, cpu)
    return Build(result.returncode, result.stdout + result.stderr, site)


def run_python(code: str, arguments: list[str], cwd: Path) -> tuple[int, str]:
    """(exit status, stdout then stderr) of ``python -c code <arguments>`` in ``cwd``, with this
    process's environment and the build server's hash seed, forked by the build server: a
    script that drives MkDocs' own functions in a process of its own (as a fresh ``mkdocs
    serve`` would) without importing MkDocs, Material and pola-karir again (over a CPU second
    a run)."""
    environment = build_env(PYTHONHASHSEED=SERVER_HASH_SEED)
    started = time.monotonic()
    returncode, output, cpu = _build_server().run(arguments, cwd, environment, code)
    _log_build("python", cwd, time.monotonic() - started, cpu)
    return returncode, output


# A file named by this variable gets one JSON line per ``mkdocs build`` of the site tests: the
# test that asked for it, how (build server or subprocess), wall and CPU seconds. It tells where
# the suite's CPU goes (how many builds, which tests build what), e.g.
# ``POLA_KARIR_BUILD_LOG=/tmp/builds.jsonl pytest -n 2 tests``; unset, nothing is written.
BUILD_LOG = "POLA_KARIR_BUILD_LOG"


def _log_build(how: str, project: Path, wall: float, cpu: float) -> None:
    named = os.environ.get(BUILD_LOG)
    if not named:
        return
    entry = {
        "test": os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0],
        "worker": os.environ.get("PYTEST_XDIST_WORKER", ""),
        "how": how,
        "project": project.name,
        "wall": round(wall, 2),
        "cpu": round(cpu, 2),
    }
    with Path(named).open("a", encoding="utf-8") as log:  # one short line: no interleaving
        log.write(json.dumps(entry) + "\n")


# The build server's hash seed: the example build's (tests/site/conftest.py). A build that sets
# no seed gets it too, as a subprocess would get some seed; one that asks for another seed
# (the reproducibility test) runs as a subprocess.
SERVER_HASH_SEED = "1"


class _BuildServer:
    """tests/site/buildserver.py, started on the first build of this process (one per xdist
    worker), asked one build at a time; it ends with this process (end of its stdin)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("buildserver.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=build_env(PYTHONHASHSEED=SERVER_HASH_SEED),
            text=True,
        )

    def run(
        self, arguments: list[str], cwd: Path, env: Mapping[str, str], code: str | None = None
    ) -> tuple[int, str, float]:
        """(exit status, stdout then stderr, CPU seconds) of ``mkdocs <arguments>`` in ``cwd``
        with ``env``; with ``code``, of ``python -c code <arguments>`` instead."""
        with self._lock, tempfile.TemporaryDirectory(prefix="pk-build-") as folder:
            out, err = Path(folder) / "stdout", Path(folder) / "stderr"
            request = {
                "program": str(MKDOCS) if code is None else "-c",
                "argv": arguments,
                "cwd": str(cwd),
                "env": dict(env),
                "stdout": str(out),
                "stderr": str(err),
            }
            if code is not None:
                request["code"] = code
            assert self._process.stdin is not None and self._process.stdout is not None
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            reply = self._process.stdout.readline()
            assert reply, f"the build server ended (exit {self._process.wait()})"
            output = out.read_text(encoding="utf-8")
            output += err.read_text(encoding="utf-8")
            answer = json.loads(reply)
            return int(answer["returncode"]), output, float(answer["cpu"])

    def stop(self) -> None:
        """End the server (end of its stdin) and wait for it, so that no process is left
        behind and its CPU time is counted where this process's children are."""
        with self._lock:
            if self._process.stdin is not None:
                self._process.stdin.close()
            self._process.wait(timeout=60)


@functools.cache
def _build_server() -> _BuildServer:
    return _BuildServer()


def stop_build_server() -> None:
    """Stop this process's build server if a build started one (tests/conftest.py, at the end
    of the session)."""
    if _build_server.cache_info().currsize:
        _build_server().stop()
        _build_server.cache_clear()


def shared_build(factory: Any, name: str, make: Callable[[Path], Build]) -> Build:
    """``make(folder)`` once per run, whichever xdist worker asks first (see tests/per_run.py):
    ``factory`` is the session's ``tmp_path_factory``. What it built is read only: the tests of
    both workers read the same folder."""

    def made(folder: Path) -> dict[str, Any]:
        build = make(folder)
        return {"returncode": build.returncode, "output": build.output, "site": str(build.site)}

    record = once_per_run(factory, name, made)
    return Build(record["returncode"], record["output"], Path(record["site"]))


def example_config() -> dict[str, Any]:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))


def write_config(project: Path, *, cache_dir: str | None = None, **plugin: Any) -> Path:
    """The example mkdocs.yml with the pola-karir plugin options changed."""
    config = example_config()
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "pola-karir" in entry:
            options = entry["pola-karir"]
            if cache_dir is not None:
                options["cache_dir"] = cache_dir
            options.update(plugin)
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def new_project(project: Path, data: Path | None = None, **plugin: Any) -> Path:
    """A project folder: mkdocs.yml (example config), data (copied from ``data`` if given) and
    an empty docs folder."""
    project.mkdir(parents=True, exist_ok=True)
    write_config(project, **plugin)
    (project / "docs").mkdir(exist_ok=True)
    if data is not None:
        shutil.copytree(data, project / "data")
    return project


def copy_example(project: Path, **settings: Any) -> Path:
    """The example project as it is in the repository: mkdocs.yml, data/ and docs/; with
    ``settings`` changed in mkdocs.yml if given (``use_directory_urls=False``)."""
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
    if settings:
        config = {**example_config(), **settings}
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "data", project / "data")
    if (REPO / "docs").is_dir():
        shutil.copytree(REPO / "docs", project / "docs")
    else:
        (project / "docs").mkdir()
    return project


def fast_paths_off(project: Path) -> None:
    """``fast_paths: false`` for the pola-karir plugin in ``project``'s mkdocs.yml."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "pola-karir" in entry:
            entry["pola-karir"]["fast_paths"] = False
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")


def seed_diagrams(project: Path, built: Path) -> None:
    """The rendered diagrams (SVG) of the already built project ``built`` copied into
    ``project``'s (default) diagram cache. Rendering the example's diagrams cold costs ``dot``
    about a third of a build's CPU; a test about something else (keeping pages in serve,
    summaries at scale, plain MkDocs against the fast paths) starts from them instead. Only
    the diagrams: the cached pages stay out, so every page is still converted and rendered."""
    cache = project / ".cache" / "pola-karir"
    cache.mkdir(parents=True, exist_ok=True)
    for entry in (built / ".cache" / "pola-karir").glob("*.svg"):
        shutil.copy2(entry, cache / entry.name)


def tree_hashes(root: Path) -> dict[str, str]:
    """sha256 of every file below ``root`` by relative path."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def files_of(site: Path, suffix: str = "") -> Iterator[Path]:
    return (p for p in sorted(site.rglob(f"*{suffix}")) if p.is_file())


# --- reading HTML ----------------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "poster", "data"}


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    urls: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)  # every attribute
    scripts: list[str] = field(default_factory=list)  # inline script bodies
    title: str = ""
    h1: list[str] = field(default_factory=list)
    text: str = ""  # all text outside <script>/<style>, entities decoded


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._stack: list[str] = []
        self._text: list[str] = []
        self._h1: list[str] | None = None
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = value or ""
            self.page.attributes.append((tag, name, value))
            if name == "id" or (name == "name" and tag == "a"):
                self.page.ids.add(value)
            if name in URL_ATTRIBUTES:
                self.page.urls.append((tag, name, value))
        if tag == "h1":
            self._h1 = []
        if tag == "script":
            self._script = []
        self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._h1 is not None:
            self.page.h1.append(" ".join("".join(self._h1).split()))
            self._h1 = None
        if tag == "script" and self._script is not None:
            self.page.scripts.append("".join(self._script))
            self._script = None
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        current = self._stack[-1] if self._stack else ""
        if current == "script":
            if self._script is not None:
                self._script.append(data)
            return
        if current == "style":
            return
        if current == "title" and "svg" not in self._stack:
            self.page.title += data
        if self._h1 is not None:
            self._h1.append(data)
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join("".join(self._text).split())


def parse_html(text: str) -> ParsedPage:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.page


# --- resolving links -------------------------------------------------------------------------

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def is_external(url: str) -> bool:
    return bool(_SCHEME.match(url)) or url.startswith("//")


def resolve(
    site: Path, page: Path, url: str, site_prefix: str, *, file_urls: bool = False
) -> tuple[Path, str]:
    """The file a relative or site-absolute URL points to from ``page``, and its fragment.

    ``file_urls``: resolve as a browser does for a page opened from ``file://`` (the site as
    files on a disk, no web server): a site-absolute URL leaves the site, and a link to a
    folder shows a folder listing instead of its ``index.html``.
    """
    parts = urlsplit(url)
    path = unquote(parts.path)
    if path.startswith("/") and file_urls:
        raise ValueError(f"absolute URL does not open from file://: {url}")
    if path.startswith("/"):
        if not path.startswith(site_prefix):
            raise ValueError(f"absolute URL outside the site path {site_prefix}: {url}")
        target = posixpath.normpath(path[len(site_prefix) :] or ".")
    elif path:
        base = page.parent.relative_to(site).as_posix()
        target = posixpath.normpath(posixpath.join(base, path))
    else:
        target = page.relative_to(site).as_posix()
    if target.startswith(".."):
        raise ValueError(f"URL leaves the site: {url}")
    resolved = site / target
    if resolved.is_dir() or path.endswith("/") or target == ".":
        if file_urls and path:
            raise ValueError(f"URL of a folder, not of a page, does not open from file://: {url}")
        resolved = resolved / "index.html"
    return resolved, unquote(parts.fragment)


@dataclass
class LinkReport:
    broken: list[str] = field(default_factory=list)
    checked: int = 0
    fragments: int = 0
    svg_links: int = 0


def parse_site(site: Path) -> dict[Path, ParsedPage]:
    return {page: parse_html(page.read_text(encoding="utf-8")) for page in files_of(site, ".html")}


def check_links(
    site: Path, pages: Mapping[Path, ParsedPage], site_prefix: str, *, file_urls: bool = False
) -> LinkReport:
    """Every relative (or site-absolute) href/src/xlink:href of every page must point to a file
    in the site, and every #fragment to an id on the target page. External links are skipped.
    ``file_urls``: links must also work with the site opened from ``file://`` (see resolve)."""
    report = LinkReport()
    ids = {page: content.ids for page, content in pages.items()}
    for page, content in pages.items():
        where = page.relative_to(site).as_posix()
        for tag, attribute, raw in content.urls:
            url = raw.strip()
            if not url or is_external(url):
                continue
            report.checked += 1
            report.svg_links += attribute == "xlink:href"
            try:
                target, fragment = resolve(site, page, url, site_prefix, file_urls=file_urls)
            except ValueError as error:
                report.broken.append(f"{where}: <{tag} {attribute}> {error}")
                continue
            if not target.is_file():
                report.broken.append(f"{where}: <{tag} {attribute}={url!r}> -> missing {target}")
                continue
            # A fragment of parameters ('#a=x&b=y') is read by the target page's script, not an
            # anchor: the comparison and plan pages take their pair and profile that way.
            if fragment and "=" not in fragment and target.suffix == ".html":
                report.fragments += 1
                if target not in ids:
                    ids[target] = parse_html(target.read_text(encoding="utf-8")).ids
                if fragment not in ids[target]:
                    report.broken.append(
                        f"{where}: <{tag} {attribute}={url!r}> -> no id {fragment!r}"
                    )
    return report


def site_prefix(config: Mapping[str, Any]) -> str:
    """The URL path the site is served under (from site_url), with a trailing slash."""
    path = urlsplit(str(config.get("site_url") or "/")).path or "/"
    return path if path.endswith("/") else path + "/"


# --- browser contexts ---------------------------------------------------------------------------

SEARCH_INDEX = "search/search_index.json"
LIGHT_SEARCH_COOKIE = "pk-light-search"


def light_search_index(site: Path) -> bytes:
    """The site's search index with its configuration (languages, separator) and no document."""
    index = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    return json.dumps({"config": index["config"], "docs": []}).encode("utf-8")


def light_search(context: BrowserContext, site_url: str) -> None:
    """Have ``context`` served an empty search index. Material's search worker indexes the
    whole index (over a megabyte, lunr) on every page load: a few tenths of a CPU second per
    page, paid by every browser test though only the search tests look at it. Those tests
    (test_browser.py's search, test_requests.py) get the real index; every other page still
    starts Material's search worker, now on the same configuration and no document, so a
    script error there still shows. A cookie the test server (tests/site/conftest.py) reads,
    not a route: a route makes the browser stop each request until this process lets it on."""
    context.add_cookies([{"name": LIGHT_SEARCH_COOKIE, "value": "1", "url": site_url}])


# --- screenshots ---------------------------------------------------------------------------------

SCREENSHOTS = "POLA_KARIR_SCREENSHOTS"


def screenshot_folder() -> Path | None:
    """The folder ``POLA_KARIR_SCREENSHOTS`` names (made if missing), or None when unset."""
    named = os.environ.get(SCREENSHOTS)
    if not named:
        return None
    folder = Path(named)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot(target: Page | Locator, name: str, **options: Any) -> Path | None:
    """``target`` as ``name``.png in the ``POLA_KARIR_SCREENSHOTS`` folder, for a person to
    look at; nothing when it is unset. No test compares these pixels, and a full-page
    screenshot of a long page costs Chromium a good part of a CPU second: a run that only
    checks takes none."""
    folder = screenshot_folder()
    if folder is None:
        return None
    path = folder / f"{name}.png"
    target.screenshot(path=str(path), **options)
    assert path.stat().st_size > 0, path
    return path
