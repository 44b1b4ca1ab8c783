"""Atomic publishing: a build that is killed, runs out of disk or races another build leaves the
previous site whole, byte for byte; a successful build replaces it entirely.

Real ``mkdocs build`` processes of the example project, killed with SIGKILL while they write,
and a real tmpfs too small for two sites (mounted in a private mount namespace with
``unshare``, as root or, without root, in a user namespace).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factory import DataFolder
from sitetools import MKDOCS, build_env, copy_example, new_project, tree_hashes

from pola_karir.site import publish
from pola_karir.text.catalogue import text

STAGING = ".site.pola-karir-build-"


@pytest.fixture
def published(example_site: Path, tmp_path: Path) -> Path:
    """A copy of the example project with the example site (and its diagram cache) as the
    previous build."""
    project = copy_example(tmp_path / "project")
    shutil.copytree(example_site, project / "site")
    cache = example_site.parent / ".cache"
    if cache.is_dir():
        shutil.copytree(cache, project / ".cache")
    return project


def _start(project: Path, site: Path) -> subprocess.Popen[str]:
    command = [str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return subprocess.Popen(
        command,
        cwd=project,
        env=build_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _staging(parent: Path, old: set[Path]) -> list[Path]:
    return [folder for folder in parent.glob(f"{STAGING}*") if folder not in old]


def _file_count(folder: Path) -> int:
    """Files below ``folder``: names from ``os.walk`` only, no ``stat`` per file, so the
    poll costs the build it watches little CPU."""
    return sum(len(files) for _, _, files in os.walk(folder))


def _kill_when(project: Path, site: Path, files: int) -> int:
    """Start a build and SIGKILL it once its staging folder holds ``files`` files (folders left
    by earlier killed builds do not count); how many it held."""
    old = set(project.glob(f"{STAGING}*"))
    build = _start(project, site)
    deadline = time.monotonic() + 180  # a bound on a hung build, not a timing assertion
    while time.monotonic() < deadline and build.poll() is None:
        folders = _staging(project, old)
        staged = sum(_file_count(folder) for folder in folders)
        if folders and staged >= files:
            build.send_signal(signal.SIGKILL)
            build.communicate()
            return staged
        time.sleep(0.01)
    build.kill()
    output = build.communicate()[0]
    raise AssertionError(f"the build ended before writing {files} files: {output}")


def test_killed_builds_leave_the_previous_site(published: Path) -> None:
    site = published / "site"
    before = tree_hashes(site)
    total = len(before)
    assert total > 200
    # Killed as the staging folder appears (still validating or copying assets), early in the
    # pages, and with most of the site written.
    for files in (0, total // 4, total * 3 // 4):
        staged = _kill_when(published, site, files)
        assert staged >= files
        assert tree_hashes(site) == before, f"killed at {staged} files"
    # What the killed builds left is deleted by the next build (see test_cache_and_atomicity).
    assert list(published.glob(f"{STAGING}*"))


def _namespace_command() -> list[str]:
    """A private mount namespace: as root directly, otherwise inside a user namespace."""
    return ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]


_ON_TMPFS = """
set -e
mount -t tmpfs -o "size=$SIZE" pola-karir-test "$DISK"
cp -a "$PREVIOUS" "$DISK/site"
"$PYTHON" -c "$HASH" "$DISK/site" > "$OUT/before.json"
set +e
"$MKDOCS" build --strict -f "$PROJECT/mkdocs.yml" -d "$DISK/site" > "$OUT/build.txt" 2>&1
echo $? > "$OUT/rc"
"$PYTHON" -c "$HASH" "$DISK/site" > "$OUT/after.json"
ls -a "$DISK" > "$OUT/listing"
"$MKDOCS" build --strict -f "$PROJECT/mkdocs.yml" -d "$DISK" > "$OUT/mount.txt" 2>&1
echo $? > "$OUT/mount-rc"
"""

_HASH = """
import hashlib, json, pathlib, sys
root = pathlib.Path(sys.argv[1])
print(json.dumps({p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                  for p in sorted(root.rglob("*")) if p.is_file()}))
"""


def test_a_full_disk_fails_clearly_and_leaves_the_previous_site(
    published: Path, tmp_path: Path
) -> None:
    """site_dir on a tmpfs with room for the previous site and a third of another."""
    site = published / "site"
    used = sum(-(-p.stat().st_size // 4096) * 4096 for p in site.rglob("*") if p.is_file())
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    env = build_env(
        SIZE=str(used * 4 // 3 + 64 * 4096),
        DISK=str(disk),
        PREVIOUS=str(site),
        PYTHON=sys.executable,
        HASH=_HASH,
        OUT=str(out),
        MKDOCS=str(MKDOCS),
        PROJECT=str(published),
    )
    run = subprocess.run(
        [*_namespace_command(), "sh", "-c", _ON_TMPFS],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    output = (out / "build.txt").read_text(encoding="utf-8")
    assert (out / "rc").read_text().strip() != "0", output
    before = json.loads((out / "before.json").read_text(encoding="utf-8"))
    assert len(before) == len(tree_hashes(site))
    assert json.loads((out / "after.json").read_text(encoding="utf-8")) == before
    assert "Traceback" not in output
    assert "No space left on device" in output
    assert text("publish.write_failed", "id", reason="X", site="Y").split("X")[0] in output
    assert (out / "listing").read_text().split() == [".", "..", "site"]  # no staging left

    # The mount point itself cannot be replaced by a rename: refused before anything is built.
    refused = (out / "mount.txt").read_text(encoding="utf-8")
    assert (out / "mount-rc").read_text().strip() != "0"
    assert text("publish.site.mount_point", "id", site=disk) in refused, refused
    assert "Traceback" not in refused


# --- the swap and the recovery, on plain folders -----------------------------------------------


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")


def test_a_build_killed_between_the_two_renames_gets_its_site_back(tmp_path: Path) -> None:
    """Where the folders cannot be exchanged in one step, the old site is renamed aside before
    the new one is renamed in; if the build dies in between, the next build puts it back and
    deletes the rest."""
    site = tmp_path / "site"
    aside = tmp_path / ".site.pola-karir-old-4242-0badcafe"
    staging = tmp_path / ".site.pola-karir-build-4242-0badcafe"
    _tree(aside, {"index.html": "old", "jabatan/a/index.html": "a"})
    _tree(staging, {"index.html": "new"})
    (tmp_path / "unrelated").mkdir()
    publication = publish.begin(site, on_wait=lambda: None)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert (site / "jabatan" / "a" / "index.html").read_text(encoding="utf-8") == "a"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["site", "unrelated", publication.staging.name]
    )
    _tree(publication.staging, {"index.html": "new"})
    publish.finish(publication)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert not (site / "jabatan").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "unrelated"]


def test_a_site_dir_that_is_a_file_is_refused_clearly(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.write_text("not a folder", encoding="utf-8")
    with pytest.raises(publish.PublishError) as raised:
        publish.begin(site, on_wait=lambda: None)
    assert raised.value.message("en") == text("publish.site.not_folder", "en", site=site)
    assert site.read_text(encoding="utf-8") == "not a folder"


def test_gh_deploy_pushes_the_published_site(tmp_path: Path) -> None:
    """``mkdocs gh-deploy`` reads site_dir after the build: it must find the published site, not
    the staging folder that was swapped away."""
    project = new_project(tmp_path / "project")
    DataFolder(project / "data").write()
    remote = tmp_path / "remote.git"
    git = ["git", "-c", "user.name=Pola Karir", "-c", "user.email=pola-karir@contoh.invalid"]

    def run(*command: str, cwd: Path = project) -> str:
        done = subprocess.run(
            command, cwd=cwd, env=build_env(), capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr

    run("git", "init", "-q", "--bare", str(remote), cwd=tmp_path)
    run(*git, "init", "-q")
    run(*git, "add", ".")
    run(*git, "commit", "-q", "-m", "data")
    run(*git, "remote", "add", "origin", str(remote))
    output = run(str(MKDOCS), "gh-deploy", "--force", "--strict", "-f", str(project / "mkdocs.yml"))
    assert "Traceback" not in output
    listing = run("git", "ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert "index.html" in listing and "sitemap.xml" in listing
    assert "jabatan/kepala-seksi-jalan/index.html" in listing
    assert tree_hashes(project / "site").keys() == set(listing) - {".nojekyll"}
    assert [p.name for p in project.iterdir() if ".pola-karir-" in p.name] == []
