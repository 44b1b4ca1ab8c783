"""`mkdocs serve` watches the data folder: editing a YAML file rebuilds the site.

(With ``--no-livereload`` MkDocs 1.6 does not rebuild on changes at all, so the test runs the
server as people do, with live reload on.)

A real `mkdocs serve` on a free loopback port, a real edit of a data file, and polling of the
served page until the change shows (bounded in time; the loop stops by itself).
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from factory import DataFolder
from sitetools import MKDOCS, build_env, new_project

POSITION = "kepala-seksi-jalan"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, text: str, seconds: float) -> str:
    """The page body once it contains ``text``; fails after ``seconds``."""
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except (OSError, http.client.HTTPException):
            # refused, reset, timed out (TimeoutError) or cut short while the server rebuilds
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


def test_editing_yaml_rebuilds_the_served_site(tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    project = new_project(tmp_path / "project", folder.write(), cache_dir=str(tmp_path / "c"))
    port = _free_port()
    log = tmp_path / "serve.log"
    errors = log.open("w", encoding="utf-8")
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=build_env(),
        stdout=subprocess.DEVNULL,
        stderr=errors,
    )
    try:
        url = f"http://127.0.0.1:{port}/pola-karir/jabatan/{POSITION}/"
        _wait_for(url, "Kepala Seksi Jalan", 90)
        position_file = project / "data" / "jabatan" / f"{POSITION}.yml"
        text = position_file.read_text(encoding="utf-8")
        position_file.write_text(
            text.replace("Kepala Seksi Jalan", "Kepala Seksi Jalan Desa"), encoding="utf-8"
        )
        body = _wait_for(url, "Kepala Seksi Jalan Desa", 90)
        assert "<h1" in body
        # A data-only edit is applied without MkDocs' build (mkdocs_live): the pages it did not
        # touch are still served, and still found by search, beside the edited page's new
        # entry, which the search index gets right after the page is served.
        other = f"http://127.0.0.1:{port}/pola-karir/jabatan/teknik-jalan-ahli-pertama/"
        assert "Teknik Jalan dan Jembatan Ahli Pertama" in _wait_for(other, "</html>", 30)
        index_url = f"http://127.0.0.1:{port}/pola-karir/search/search_index.json"
        index = _wait_for(index_url, "Kepala Seksi Jalan Desa", 30)
        assert "Teknik Jalan dan Jembatan Ahli Pertama" in index
        assert "halaman diperbarui tanpa build MkDocs" in log.read_text("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
        errors.close()
