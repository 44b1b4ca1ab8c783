"""A scripted git history of the minimal data, for the ``diff`` command and the history page.

``main``: v1.0 (2026-01-05) → v1.1 (annotated, 2026-03-12: the head of Bina Marga needs S-1
instead of D-IV, a new career path, a position and its move removed, kebutuhan 3 → 4) → one
commit after the tag (2026-04-20: bezetting 2 → 1). Branch ``rusak`` (2026-03-20) breaks a
position file. Every commit carries a fixed date, so the dates the pages show are known.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from factory import minimal_files, write_files

BIDANG = "jabatan/kepala-bidang-bina-marga.yml"
SEKSI = "jabatan/kepala-seksi-jalan.yml"
PERTAMA = "jabatan/teknik-jalan-ahli-pertama.yml"
NEW_PATH = "jalur/pengawasan-jalan.yml"
# A name with Markdown and HTML in it, and a bidirectional override a terminal would obey.
NEW_PATH_NAME = "Jalur <b>Pengawasan</b> *Jalan*\u202e"

_ENV = {
    "GIT_AUTHOR_NAME": "BKPSDM Contoh",
    "GIT_AUTHOR_EMAIL": "bkpsdm@contoh.invalid",
    "GIT_COMMITTER_NAME": "BKPSDM Contoh",
    "GIT_COMMITTER_EMAIL": "bkpsdm@contoh.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, **_ENV}
    if date is not None:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    result = subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def commit_data(repo: Path, files: dict[str, Any], message: str, date: str) -> None:
    """Replace the data folder by ``files`` and commit it."""
    shutil.rmtree(repo / "data", ignore_errors=True)
    write_files(repo / "data", files)
    git(repo, "add", "-A", "data")
    git(repo, "commit", "-q", "-m", message, date=date)


def first_version() -> dict[str, Any]:
    files = minimal_files()
    files[BIDANG]["persyaratan"]["pendidikan"]["minimal"] = "D4"
    files[SEKSI].update(kebutuhan=3, bezetting=2)
    return files


def second_version() -> dict[str, Any]:
    files = first_version()
    files[BIDANG]["persyaratan"]["pendidikan"]["minimal"] = "S1"
    files[SEKSI]["kebutuhan"] = 4
    del files[PERTAMA]
    moves = files["jalur/bina-marga.yml"]["langkah"]
    files["jalur/bina-marga.yml"]["langkah"] = [
        m for m in moves if m["dari"] != "teknik-jalan-ahli-pertama"
    ]
    files[NEW_PATH] = {
        "nama": NEW_PATH_NAME,
        "langkah": [
            {
                "dari": "kepala-seksi-jalan",
                "ke": "teknik-jalan-ahli-muda",
                "jenis": "diagonal",
                "tahun_minimal": 2,
            }
        ],
    }
    return files


def third_version() -> dict[str, Any]:
    files = second_version()
    files[SEKSI]["bezetting"] = 1
    return files


def scripted_repo(repo: Path) -> Path:
    """The history described in the module docstring, in ``repo``; returns its data folder."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    commit_data(repo, first_version(), "Data awal", "2026-01-05T09:00:00+07:00")
    git(repo, "tag", "v1.0")
    commit_data(
        repo, second_version(), "Perbup 2026: persyaratan baru", "2026-03-12T09:00:00+07:00"
    )
    git(repo, "tag", "-a", "v1.1", "-m", "Versi 1.1", date="2026-03-12T10:00:00+07:00")
    git(repo, "checkout", "-q", "-b", "rusak")
    broken = second_version()
    commit_data(
        repo, {**broken, SEKSI: "nama: [tidak ditutup\n"}, "Rusak", "2026-03-20T09:00:00+07:00"
    )
    git(repo, "checkout", "-q", "main")
    commit_data(repo, third_version(), "Bezetting April", "2026-04-20T09:00:00+07:00")
    return repo / "data"
