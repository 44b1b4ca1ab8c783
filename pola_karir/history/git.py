"""Git, asked safely: the few questions the history needs, each one ``git`` process.

Every call passes a list of arguments (never a shell) and runs in the top of the work tree.
Revision strings come from the command line or a CI variable and are untrusted: one that starts
with ``-`` is refused before git sees it (it would be read as an option), and every other one
goes after ``--end-of-options`` and is resolved to a commit id once; later calls pass only ids
git gave us. Paths go to git as ``:(literal)`` pathspecs, so a folder name holding ``*`` is not
a pattern. Output is read with NUL separators where a name or a message could hold anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pola_karir.text.catalogue import WordedError

# Time allowed for one git process: reading a large history on a slow disk, never a hang.
TIMEOUT = 120
# Regular files in a git tree (not symbolic links, not submodules).
_FILE_MODES = frozenset({b"100644", b"100755"})


class GitError(WordedError):
    """A question git could not answer for a reason the user can fix (no git, not a
    repository, an unknown revision): a catalogue key and its values, like
    :class:`pola_karir.site.publish.PublishError`."""


@dataclass(frozen=True)
class Repository:
    """The git work tree holding a data folder: its top, where the data folder is in it
    (``prefix``: posix, relative to the top, ``""`` for the top itself) and whether the clone
    is shallow (its history is cut off, so dates from it would be wrong)."""

    git: str
    top: Path
    prefix: str
    shallow: bool

    @property
    def pathspec(self) -> str:
        return f":(literal){self.prefix}" if self.prefix else "."


@dataclass(frozen=True)
class LoggedCommit:
    """One commit that touched the data folder: its id, its committer date (``YYYY-MM-DD``),
    its parents and the data files it changed (relative to the data folder)."""

    commit: str
    date: str
    parents: tuple[str, ...]
    files: tuple[str, ...]


@dataclass(frozen=True)
class Tag:
    name: str
    commit: str
    date: str  # the tagger's date for an annotated tag, else the commit's (YYYY-MM-DD)


def _run(repo_git: str, cwd: Path, args: Sequence[str], stdin: bytes | None = None) -> bytes:
    """git's standard output, or :class:`GitError` when git fails or cannot be run."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"}
    try:
        result = subprocess.run(
            [repo_git, "-C", str(cwd), *args],
            input=stdin,
            capture_output=True,
            check=False,
            timeout=TIMEOUT,
            env=env,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError("riwayat.git.failed", error=str(error)) from error
    if result.returncode != 0:
        raise GitError("riwayat.git.failed", error=_reason(result.stderr, result.returncode))
    return result.stdout


def _reason(stderr: bytes, code: int) -> str:
    """git's own words for a failure: its ``fatal:`` line (hints follow it), else its last."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line]
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    return (fatal or lines or [str(code)])[0 if fatal else -1]


def repository(folder: Path) -> Repository:
    """The work tree holding ``folder`` (which need not exist in the work tree: the data may
    exist only at some revisions); :class:`GitError` outside a work tree or without git."""
    git = shutil.which("git")
    if git is None:
        raise GitError("riwayat.git.missing")
    target = folder.resolve()
    start = next((p for p in (target, *target.parents) if p.is_dir()), Path("/"))
    try:
        lines = _run(git, start, ["rev-parse", "--show-toplevel", "--is-shallow-repository"])
    except GitError as error:
        # A repository owned by another user (a CI container) is refused by git itself.
        if "dubious" in str(error):  # git: "detected dubious ownership in repository"
            raise GitError(
                "riwayat.git.unsafe", folder=str(folder), reason=str(error.values["error"])
            ) from None
        raise GitError("riwayat.git.not_a_repo", folder=str(folder)) from None
    top_line, _, shallow = lines.decode("utf-8", "surrogateescape").partition("\n")
    top = Path(top_line).resolve()
    try:
        prefix = target.relative_to(top).as_posix()
    except ValueError:
        raise GitError("riwayat.git.not_a_repo", folder=str(folder)) from None
    return Repository(git, top, "" if prefix == "." else prefix, shallow.strip() == "true")


def commit_of(repo: Repository, revision: str) -> str:
    """The commit id ``revision`` names; :class:`GitError` for anything that names no commit
    (or that git would read as an option)."""
    if not revision or revision.startswith("-") or "\n" in revision:
        raise GitError("riwayat.git.bad_revision", revision=revision)
    try:
        found = _run(
            repo.git,
            repo.top,
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
        )
    except GitError:
        raise GitError("riwayat.git.bad_revision", revision=revision) from None
    return found.decode("ascii").strip()


def data_trees(repo: Repository, commits: Iterable[str]) -> dict[str, str | None]:
    """The tree id of the data folder at each commit (None where the folder did not exist
    then), in one ``git cat-file --batch-check``."""
    wanted = list(dict.fromkeys(commits))
    if not wanted:
        return {}
    lines = "".join(
        f"{c}:{repo.prefix}\n" if repo.prefix else f"{c}^{{tree}}\n" for c in wanted
    ).encode("utf-8", "surrogateescape")
    output = _run(repo.git, repo.top, ["cat-file", "--batch-check"], lines).decode(
        "ascii", "replace"
    )
    found: dict[str, str | None] = {}
    for commit, line in zip(wanted, output.splitlines(), strict=False):
        parts = line.split()
        found[commit] = parts[0] if len(parts) == 3 and parts[1] == "tree" else None
    return found


def list_tree(repo: Repository, tree: str) -> dict[PurePosixPath, str]:
    """Every regular file below ``tree``: its path in the tree and its blob id, in one
    ``ls-tree``. Paths that could leave a folder they are written into (``..``, absolute,
    empty parts) are left out; git never stores them."""
    listing = _run(repo.git, repo.top, ["ls-tree", "-r", "-z", "--full-tree", tree])
    blobs: dict[PurePosixPath, str] = {}
    for entry in listing.split(b"\0"):
        meta, _, raw_path = entry.partition(b"\t")
        fields = meta.split()
        if len(fields) != 3 or fields[0] not in _FILE_MODES or fields[1] != b"blob":
            continue
        path = PurePosixPath(os.fsdecode(raw_path))
        if path.is_absolute() or any(part in (b"", b".", b"..") for part in raw_path.split(b"/")):
            continue
        blobs[path] = fields[2].decode("ascii")
    return blobs


def read_blobs(repo: Repository, blobs: Iterable[str]) -> dict[str, bytes]:
    """The contents of blobs by id, in one ``cat-file --batch``."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    request = "".join(f"{oid}\n" for oid in wanted).encode("ascii")
    output = _run(repo.git, repo.top, ["cat-file", "--batch"], request)
    contents: dict[str, bytes] = {}
    offset = 0
    for oid in wanted:
        header_end = output.find(b"\n", offset)
        header = output[offset:header_end].split()
        if header_end < 0 or len(header) != 3 or not header[2].isdigit():
            # "<oid> missing": a repository with objects lost (a broken or partial clone)
            raise GitError("riwayat.git.failed", error=b" ".join(header).decode("ascii", "replace"))
        start = header_end + 1
        contents[oid] = output[start : start + int(header[2])]
        offset = start + int(header[2]) + 1
    return contents


def data_log(repo: Repository) -> list[LoggedCommit]:
    """Every commit that touched the data folder, newest first, with the files it changed:
    one ``git log --name-only`` pass over the folder (never one process per file)."""
    relative = [f"--relative={repo.prefix}"] if repo.prefix else []
    output = _run(
        repo.git,
        repo.top,
        [
            "-c",
            "core.quotePath=false",
            "log",
            "--no-renames",
            "--name-only",
            "-z",
            "--format=%x1e%H%x1f%cs%x1f%P",
            *relative,
            "--",
            repo.pathspec,
        ],
    ).decode("utf-8", "surrogateescape")
    found: list[LoggedCommit] = []
    for record in output.split("\x1e")[1:]:
        head, _, rest = record.partition("\0")
        commit, date, parents = ([*head.split("\x1f"), "", ""])[:3]
        files = tuple(name for name in rest.removeprefix("\n").split("\0") if name)
        found.append(LoggedCommit(commit, date, tuple(parents.split()), files))
    return found


def subjects(repo: Repository, commits: Sequence[str]) -> dict[str, str]:
    """The first line of each commit's message (untrusted text), in one ``git show``."""
    if not commits:
        return {}
    output = _run(repo.git, repo.top, ["show", "-s", "-z", "--format=%H%x1f%s", *commits]).decode(
        "utf-8", "replace"
    )
    found: dict[str, str] = {}
    for record in output.split("\0"):
        commit, sep, subject = record.strip("\n").partition("\x1f")
        if sep:
            found[commit] = subject
    return found


def tags(repo: Repository) -> list[Tag]:
    """Tags that name a commit, newest first (by the tag's own date)."""
    listing = _run(
        repo.git,
        repo.top,
        [
            "for-each-ref",
            "--sort=-creatordate",
            "--format=%(refname)%1f%(creatordate:short)",
            "refs/tags/",
        ],
    ).decode("utf-8", "surrogateescape")
    refs = [line.split("\x1f") for line in listing.splitlines() if line.count("\x1f") == 1]
    if not refs:
        return []
    request = "".join(f"{ref}^{{commit}}\n" for ref, _ in refs).encode("utf-8", "surrogateescape")
    output = _run(repo.git, repo.top, ["cat-file", "--batch-check"], request)
    found: list[Tag] = []
    for (ref, date), line in zip(
        refs, output.decode("ascii", "replace").splitlines(), strict=False
    ):
        parts = line.split()
        if len(parts) == 3 and parts[1] == "commit":
            found.append(Tag(ref.removeprefix("refs/tags/"), parts[0], date))
    return found


def changed_files(repo: Repository) -> frozenset[str]:
    """Data files (relative to the data folder) that differ from the last commit or are not
    committed yet: their last commit does not date what is being built."""
    output = _run(
        repo.git,
        repo.top,
        ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", repo.pathspec],
    ).decode("utf-8", "surrogateescape")
    entries = output.split("\0")
    found: set[str] = set()
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if len(entry) < 4:
            continue
        found.add(entry[3:])
        if entry[0] in "RC":  # a rename or copy is followed by the path it came from
            found.add(entries[index])
            index += 1
    prefix = f"{repo.prefix}/" if repo.prefix else ""
    return frozenset(path.removeprefix(prefix) for path in found if path.startswith(prefix))
