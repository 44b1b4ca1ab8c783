"""Publish a site all at once: build into a fresh folder beside ``site_dir``, swap it in on success.

MkDocs writes its pages into ``site_dir`` one by one after emptying it, so a build that is killed,
runs out of disk or crashes leaves a half-written site (or none) being served. Here the build
goes to a *staging* folder beside ``site_dir`` (same parent, so the same file system, so a rename
moves it), and only a build that succeeded replaces ``site_dir``:

* On Linux the two folders are swapped with one ``renameat2(RENAME_EXCHANGE)`` call: at every
  instant ``site_dir`` is either the complete old site or the complete new one, so a reader (a
  web server) never finds it missing, and a kill at any point leaves one of the two complete.
* Where the kernel or the file system does not offer that (other systems, some network file
  systems), the old site is renamed aside and the new one renamed in. Between the two renames
  ``site_dir`` does not exist; the window is two metadata operations on one folder (measured on
  the example site: see README, Design) and a request falling into it gets a "not found", never a
  half-written page. If the process dies inside it, the next build finds the old site aside and
  puts it back before anything else.

Either way the old site is deleted only after the new one is in place. A failed build deletes its
staging folder; a killed one leaves it behind, and the next build deletes it (under the lock, so
never the folder of a build still running). The lock is ``flock`` on the parent folder of
``site_dir``: it serialises the builds that publish there, and the kernel drops it when a process
dies, so a killed build never blocks the next one. Atomic publishing needs room for two sites.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pola_karir.text.catalogue import WordedError

_MARK = ".pola-karir-"
_BUILD = "build"
_ASIDE = "old"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class PublishError(WordedError):
    """The site cannot be published where it was asked to be; carries a catalogue key and its
    values, like :class:`pola_karir.site.render.GraphvizError`."""


@dataclass(frozen=True)
class Publication:
    """A build in progress: where it writes (``staging``), where it will appear (``site``), and
    the descriptor holding the lock (``None`` where the system has no ``flock``)."""

    site: Path
    staging: Path
    lock: int | None


def _name(site: Path, kind: str) -> Path:
    return site.parent / f".{site.name}{_MARK}{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def _leftovers(site: Path) -> list[Path]:
    prefix = f".{site.name}{_MARK}"
    try:
        return sorted(p for p in site.parent.iterdir() if p.name.startswith(prefix))
    except OSError:
        return []


def _lock(folder: Path, on_wait: Callable[[], None]) -> int | None:
    """Lock ``folder`` (its own descriptor, so no lock file is left in the project); waits, after
    telling the caller, while another build holds it."""
    if sys.platform == "win32":  # pragma: no cover - no flock there; builds are not serialised
        return None
    import fcntl

    descriptor = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(descriptor, fcntl.LOCK_EX)
    except OSError:  # a file system without locks: build unserialised rather than not at all
        os.close(descriptor)
        return None
    return descriptor


def _release(descriptor: int | None) -> None:
    if descriptor is not None:
        os.close(descriptor)  # closing the descriptor drops the flock


def recover(site: Path) -> None:
    """Undo what killed builds left beside ``site``: an old site moved aside whose replacement
    never arrived is put back, and every staging or aside folder is deleted. Call with the lock
    held."""
    for path in _leftovers(site):
        if f"{_MARK}{_ASIDE}-" in path.name and not site.exists() and path.is_dir():
            path.rename(site)
    for path in _leftovers(site):
        _remove(path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def begin(site: Path, on_wait: Callable[[], None]) -> Publication:
    """Lock, clean up after killed builds and make the staging folder for a build of ``site``.

    ``site`` is resolved first, so a ``site_dir`` that is a symbolic link keeps pointing where it
    did and its target is replaced. A dirty build (``mkdocs build --dirty``) starts from the
    empty staging folder too: MkDocs writes every file missing there, so it publishes a whole
    site (without the stale files a dirty build would otherwise keep).
    """
    site = site.resolve()
    if site.exists() and not site.is_dir():
        raise PublishError("publish.site.not_folder", site=site)
    if os.path.ismount(site):
        raise PublishError("publish.site.mount_point", site=site)
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
        lock = _lock(site.parent, on_wait)
    except OSError as error:
        raise PublishError("publish.site.unusable", site=site, reason=describe(error)) from error
    try:
        recover(site)
        staging = _name(site, _BUILD)
        staging.mkdir()
        if site.is_dir():  # the web server reads the new site as it read the old one
            staging.chmod(site.stat().st_mode & 0o7777)
    except OSError as error:
        _release(lock)
        raise PublishError("publish.site.unusable", site=site, reason=describe(error)) from error
    return Publication(site, staging, lock)


def finish(publication: Publication) -> None:
    """Put the finished staging folder in place of the site, then delete the old site."""
    site, staging = publication.site, publication.staging
    try:
        if site.exists() and _exchange(staging, site):
            old = staging  # after the exchange the staging name holds the old site
        elif site.exists():
            old = _name(site, _ASIDE)
            site.rename(old)
            staging.rename(site)
        else:
            old = None
            staging.rename(site)
    except OSError as error:
        abandon(publication)
        raise PublishError("publish.site.unusable", site=site, reason=describe(error)) from error
    if old is not None:
        _remove(old)
    _release(publication.lock)


def abandon(publication: Publication) -> None:
    """A failed build: delete its staging folder, leave the site as it was, release the lock."""
    _remove(publication.staging)
    _release(publication.lock)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with Linux's ``renameat2(RENAME_EXCHANGE)``; ``False`` where
    the system or file system cannot, so the caller falls back to two renames."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # a C library older than glibc 2.28
        return False
    path, flags = ctypes.c_char_p, ctypes.c_uint
    renameat2.argtypes = [ctypes.c_int, path, ctypes.c_int, path, flags]
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def describe(error: OSError) -> str:
    """What the system said went wrong, and on which file, for a message."""
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"


def source_date_epoch(base: Path, paths: Sequence[str]) -> int | None:
    """The time of the last commit that touched ``paths`` (relative to ``base``) in the git
    repository holding ``base``, for ``SOURCE_DATE_EPOCH``: a build of the same commit then dates
    its pages and sitemap alike on any day. ``None`` outside a repository, without ``git``, or
    before the first commit."""
    git = shutil.which("git")
    if git is None:
        return None
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        result = subprocess.run(
            [git, "-C", str(base), "log", "-1", "--format=%ct", "--", *paths],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        value = result.stdout.strip()
        if result.returncode == 0 and value.isdigit():
            return int(value)
    return None
