"""Benchmark: one synthetic agency of N positions, every stage measured in one run on one machine.

    python scripts/bench.py --positions 1000 [--seed 1] [--repeat 1] [--keep DIR]

Stages (wall-clock seconds; the median of ``--repeat`` runs):

- **parse**: every YAML file of the data read and parsed with libyaml's ``CSafeLoader`` in this
  process, on one core: the least any YAML-based validator pays. ``validate_ratio`` is
  validate / parse, each the median of at least three runs (``PAIRS``) alternating with the
  other's, so both meet the same machine.
- **validate**: ``validate_project`` (load, schema, rules), in this process, after one warm-up
  run (schemas compiled, reference data read), on the processes it chooses as ``mkdocs build``
  and ``pola-karir validate`` run it (every core from ``PARALLEL_FROM`` files on).
- **site_content**: the generated pages, nav and open-data files (``site_content``), on one
  process, then on two as the plugin makes them (a forked child makes the second half).
- **diagrams cold / warm**: ``render_all`` with an empty cache folder, then with that folder
  filled, at the plugin's default concurrency.
- **build cold / warm**: the whole ``mkdocs build`` of the project, a subprocess of this venv's
  ``mkdocs``: cold with an empty diagram cache, warm with the cache the cold build left.
- **baseline**: plain MkDocs + Material, no pola-karir plugin, building the same generated
  pages written as ordinary Markdown files in ``docs/`` (plus the same published files and
  assets), with the same nav, theme and Markdown extensions. The diagrams' and big tables'
  placeholders stay as they are: **the baseline renders no diagram** and embeds no block, so it
  is the floor MkDocs itself costs for these pages.
- **edit preview**: ``mkdocs serve`` on a free loopback port; after its first build, one
  position file gets a line appended (a ``keterangan`` with a fresh token); the time from the
  write to the position page being served with the token, polled over HTTP every 0.05 s
  (``edit_preview_s``); then to the search index being served with it (every 0.25 s): the
  whole site updated, since ``mkdocs serve`` may serve the edited page before the rest.

Peak memory is the maximum resident set size of each build subprocess, read with
``os.wait4`` on that very process: its ``ru_maxrss`` covers the process and the children it
waited for (the ``dot`` processes), not this script nor earlier builds, which
``getrusage(RUSAGE_CHILDREN)`` would mix in (it is the maximum over every child ever waited for).
The ``dot`` processes run beside MkDocs, so the figure is the largest single process, not the
sum at one moment; they are small (a few MB each) next to MkDocs.

The last line is machine-readable:
``overhead_ratio=<cold/baseline> warm_ratio=<warm/baseline> edit_preview_s=<s>
validate_ratio=<validate/parse> build_s=<cold build s> pages=<n> diagrams=<n> rss_mb=<peak>``
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from pola_karir.mkdocs_plugin import ASSETS, LICENCES
from pola_karir.rules.validate import validate_project
from pola_karir.site import urls
from pola_karir.site.build import site_content
from pola_karir.site.page import say
from pola_karir.site.render import prepare_cache, render_all

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import synth  # noqa: E402  (a sibling script, not a package)
from bench_validate import timed_pair  # noqa: E402

MKDOCS = Path(sys.executable).parent / "mkdocs"
CONCURRENCY = 2  # the plugin's default ``concurrency``
SERVE_TIMEOUT_S = 3600.0


@dataclass(frozen=True)
class Run:
    seconds: float
    rss_mb: float


def median(values: list[float]) -> float:
    return statistics.median(values)


PAIRS = 3
"""Parse and validate runs (each, alternating) at least, whatever ``--repeat`` says."""


def timed(action: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return median(runs)


def parse_all(folder: Path) -> None:
    for path in sorted(folder.rglob("*.yml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def env() -> dict[str, str]:
    environment = dict(os.environ)
    environment["NO_MKDOCS_2_WARNING"] = "1"
    return environment


def run_build(project: Path, site: Path, log: Path) -> Run:
    """``mkdocs build`` as a subprocess, timed, with the peak RSS of that process (wait4)."""
    command = [str(MKDOCS), "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env(), stdout=out, stderr=out)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8")[-3000:]
        raise SystemExit(f"mkdocs build failed in {project} (exit {process.returncode}):\n{tail}")
    return Run(seconds, usage.ru_maxrss / 1024)  # Linux gives KiB


def example_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return config


def write_config(path: Path, config: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def plugin_project(project: Path, positions: int, seed: int) -> None:
    """The example's mkdocs.yml, the synthetic data, an empty docs folder, a local cache."""
    project.mkdir(parents=True, exist_ok=True)
    synth.generate(positions, seed, project / "data")
    config = example_config()
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "pola-karir" in entry:
            entry["pola-karir"].update(data_dir="data", cache_dir=".cache/pola-karir")
    write_config(project / "mkdocs.yml", config)
    (project / "docs").mkdir(exist_ok=True)


def baseline_project(project: Path, content: Any) -> None:
    """Plain MkDocs + Material: the generated pages and files as ordinary files, the same nav
    (the plugin's, with the rules page that closes it), theme, extensions and assets."""
    docs = project / "docs"
    for page in content.pages:
        target = docs / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    for path, text in content.files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    package = resources.files("pola_karir.site") / "assets"
    for asset in (*ASSETS, *LICENCES):
        target = docs / "assets" / asset
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((package / asset).read_text(encoding="utf-8"), encoding="utf-8")
    config = example_config()
    config["plugins"] = ["search"]
    config["nav"] = [
        *content.nav,
        {say("site.nav.maintainers"): [{say("site.nav.rules"): urls.RULES}]},
    ]
    config["extra_css"] = [f"assets/{a}" for a in ASSETS if a.endswith(".css")]
    config["extra_javascript"] = [f"assets/{a}" for a in ASSETS if not a.endswith(".css")]
    write_config(project / "mkdocs.yml", config)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (OSError, http.client.HTTPException):
        return ""  # not up yet, or cut short while the server rebuilds


def wait_for(url: str, text: str, interval: float) -> float:
    """Seconds until the page at ``url`` contains ``text``."""
    start = time.perf_counter()
    while text not in fetch(url):
        if time.perf_counter() - start > SERVE_TIMEOUT_S:
            raise SystemExit(f"{text!r} did not appear at {url} within {SERVE_TIMEOUT_S:.0f} s")
        time.sleep(interval)
    return time.perf_counter() - start


@dataclass(frozen=True)
class Preview:
    first_s: float  # from starting ``mkdocs serve`` to the first page served
    page_s: float  # from the edit to the edited position's page served with it
    site_s: float  # from the edit to the search index served with it (the whole site updated)


def edit_preview(project: Path, position: str, log: Path) -> Preview:
    """How long ``mkdocs serve`` takes to show one edit: its page, then the whole site. The
    search index is what the serve stage writes last and it holds every page's text, the
    edited note included: once it is served with the token, every page is."""
    port = free_port()
    base = urlsplit(example_config().get("site_url", "")).path or "/"
    root = f"http://127.0.0.1:{port}{base.rstrip('/')}"
    url = f"{root}/jabatan/{position}/"
    command = [str(MKDOCS), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(command, cwd=project, env=env(), stdout=out, stderr=out)
        try:
            first = wait_for(url, "</html>", 0.2)
            token = f"Penanda suntingan {secrets.token_hex(6)}"
            source = project / "data" / "jabatan" / f"{position}.yml"
            before = source.read_text(encoding="utf-8")
            start = time.perf_counter()
            source.write_text(f"{before}keterangan: {token}.\n", encoding="utf-8")
            try:
                wait_for(url, token, 0.05)
                page_s = time.perf_counter() - start
                # Megabytes at thousands of positions: polled less often, not to slow the server.
                wait_for(f"{root}/search/search_index.json", token, 0.25)
                site_s = time.perf_counter() - start
            finally:
                # The project may be kept (--keep) and measured again: a second appended
                # `keterangan` would be a duplicate key, and the data would no longer validate.
                source.write_text(before, encoding="utf-8")
        finally:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return Preview(first, page_s, site_s)


WIDTH = 40


def row(label: str, value: str) -> None:
    """One line of the table, printed (and flushed) as soon as its stage is measured, so a long
    run shows its progress and a stopped one still leaves the stages it finished."""
    print(f"  {label:<{WIDTH}}  {value}", flush=True)


def measure(work: Path, positions: int, seed: int, repeat: int, serve: bool) -> int:
    """Every stage, cheapest first: those that need no ``dot`` (parse, validate, content, the
    baseline) come before the diagrams and the builds."""
    cores = os.cpu_count()
    print(f"pola-karir bench: {positions} positions, seed {seed}, repeat {repeat}, {cores} cores")
    print(
        "note: the baseline builds the same Markdown without the plugin: it renders no diagram "
        "and embeds no ready-made HTML block (their placeholders stay)",
        flush=True,
    )
    project = work / "pola-karir"
    plugin_project(project, positions, seed)
    data = project / "data"
    result = validate_project(data)  # warm-up: compiled schemas, reference data
    if result.dataset is None or not result.ok:
        raise SystemExit("the synthetic data is not valid; the benchmark stops here")
    dataset = result.dataset
    row("files (YAML) / positions", f"{sum(1 for _ in data.rglob('*.yml'))} / {positions}")
    # Alternating, at least three of each: on a shared machine a quiet minute favours
    # whichever runs in it, and a single run of each moved the ratio by a quarter.
    parses, validations = timed_pair(
        lambda: parse_all(data), lambda: validate_project(data), max(repeat, PAIRS)
    )
    parse_s, validate_s = median(parses), median(validations)
    row("parse, CSafeLoader, 1 core", f"{parse_s:.2f} s")
    row("load + validate", f"{validate_s:.2f} s ({validate_s / parse_s:.2f}x parse)")
    content_s = timed(lambda: site_content(dataset), repeat)
    row("site content (pages, nav, files)", f"{content_s:.2f} s")
    content2_s = timed(lambda: site_content(dataset, processes=2), repeat)
    row("site content, 2 processes", f"{content2_s:.2f} s")
    content = site_content(dataset)
    diagrams = content.diagrams
    pages = len(content.pages)
    row("pages / diagrams", f"{pages} / {len(diagrams)}")

    plain = work / "baseline"
    baseline_project(plain, content)
    base = [
        run_build(plain, work / "baseline-site", work / f"baseline-{n}.log") for n in range(repeat)
    ]
    base_s = median([r.seconds for r in base])
    row("baseline: MkDocs + Material, no plugin", f"{base_s:.1f} s (renders no diagram)")
    row("peak RSS, baseline build", f"{max(r.rss_mb for r in base):.0f} MB")

    cold_d, warm_d = [], []
    for n in range(repeat):
        cache = work / f"diagram-cache-{n}"
        prepare_cache(cache)
        start = time.perf_counter()
        render_all(diagrams, cache, CONCURRENCY)
        cold_d.append(time.perf_counter() - start)
        start = time.perf_counter()
        render_all(diagrams, cache, CONCURRENCY)
        warm_d.append(time.perf_counter() - start)
        shutil.rmtree(cache)
    row("diagrams cold (empty cache)", f"{median(cold_d):.2f} s")
    row("diagrams warm (cache filled)", f"{median(warm_d):.2f} s")

    cold, warm = [], []
    for n in range(repeat):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold.append(run_build(project, work / "site", work / f"build-cold-{n}.log"))
        warm.append(run_build(project, work / "site", work / f"build-warm-{n}.log"))
    cold_s = median([r.seconds for r in cold])
    warm_s = median([r.seconds for r in warm])
    rss = max(r.rss_mb for r in [*cold, *warm])
    row("mkdocs build, cold", f"{cold_s:.1f} s ({cold_s / base_s:.2f}x baseline)")
    row("mkdocs build, warm", f"{warm_s:.1f} s ({warm_s / base_s:.2f}x baseline)")
    row("peak RSS, pola-karir build", f"{rss:.0f} MB")

    preview = float("nan")
    if serve:
        position = sorted(dataset.positions)[len(dataset.positions) // 2]
        served = edit_preview(project, position, work / "serve.log")
        preview = served.page_s
        row("mkdocs serve, first page served", f"{served.first_s:.1f} s")
        row("mkdocs serve, edit to page served", f"{served.page_s:.1f} s")
        row("mkdocs serve, edit to whole site", f"{served.site_s:.1f} s (search index)")
    print(
        f"overhead_ratio={cold_s / base_s:.3f} warm_ratio={warm_s / base_s:.3f} "
        f"edit_preview_s={preview:.2f} validate_ratio={validate_s / parse_s:.3f} "
        f"build_s={cold_s:.2f} pages={pages} diagrams={len(diagrams)} rss_mb={rss:.0f}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--positions", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this new folder and keep it")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve step")
    args = parser.parse_args(argv)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=False)
        return measure(
            args.keep.resolve(), args.positions, args.seed, args.repeat, not args.no_serve
        )
    with tempfile.TemporaryDirectory(prefix="pola-karir-bench-") as work:
        return measure(Path(work), args.positions, args.seed, args.repeat, not args.no_serve)


if __name__ == "__main__":
    sys.exit(main())
