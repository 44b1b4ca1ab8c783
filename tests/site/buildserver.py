"""A process that runs ``mkdocs`` command lines by forking, for the site tests.

A test's ``mkdocs build`` as a new process first spends one to two CPU seconds importing MkDocs,
Material, Pygments, Babel and pola-karir before it reads its ``mkdocs.yml``; the suite runs about
a hundred builds. This server imports all of that once, and for each request forks a child that
is, from then on, what ``mkdocs <argv>`` would be: its own working folder, environment, output
file and exit status, and a fresh copy of the server's untouched memory (no state of an earlier
build, since no build ever runs in the server itself). Each child runs to its end alone, like a
subprocess; the server only waits for it.

Not what a new process would be, and so left to a real subprocess by the caller
(sitetools.mkdocs_build): a build that asks for another ``PYTHONHASHSEED`` than the server's (the
hash seed is fixed when an interpreter starts), e.g. the reproducibility test's.

A request may also carry Python ``code``: the child then is ``python -c code argv...`` instead
(tests/site/test_serve_keep.py's fresh ``mkdocs serve``, a script driving MkDocs' own functions),
with the same imports already made and the same untouched memory.

Protocol: one JSON object a line on stdin (``program``, ``argv``, ``cwd``, ``env``, and
``stdout`` and ``stderr``: the files the child's output goes to, kept apart as
``subprocess.run(capture_output=True)`` keeps them; optionally ``code``); one JSON line back on
stdout per request,
``{"returncode": n, "cpu": s}``, n negative for a child ended by a signal as with ``subprocess``,
s the child's CPU seconds (user and system, its own children included as far as they were
waited for), which the suite's build log reports (sitetools.BUILD_LOG).
The server ends at the end of its stdin, when the test process that started it ends.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import os
import sys
import threading
import traceback
from typing import Any

# What a build of the example imports, loaded before any fork. A module missing from a
# dependency's release (the lowest supported releases differ) is imported by the build itself.
PRELOAD = (
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "mkdocs.contrib.search",
    "mkdocs.structure.files",
    "mkdocs.structure.nav",
    "mkdocs.structure.pages",
    "mkdocs.theme",
    "mkdocs.utils.templates",
    "material",
    "material.plugins.search.plugin",
    "material.templates",
    "markdown",
    "markdown.extensions.admonition",
    "markdown.extensions.attr_list",
    "markdown.extensions.codehilite",
    "markdown.extensions.fenced_code",
    "markdown.extensions.tables",
    "markdown.extensions.toc",
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.superfences",
    "pygments.formatters.html",
    "pygments.lexers",
    "jinja2",
    "babel.dates",
    "babel.support",
    "graphviz",
    "jsonschema",
    "pola_karir.mkdocs_plugin",
    "pola_karir.mkdocs_fastpath",
    "pola_karir.mkdocs_render_ahead",
    "pola_karir.mkdocs_standalone",
)


def preload() -> None:
    for name in PRELOAD:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def run_child(request: dict[str, Any]) -> int:
    """In the forked child: become ``mkdocs <argv>`` and return its exit status."""
    for fd, path, flags in (
        (0, os.devnull, os.O_RDONLY),
        (1, request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
        (2, request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
    ):
        opened = os.open(path, flags, 0o644)
        os.dup2(opened, fd)
        os.close(opened)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [request["program"], *request["argv"]]
    from mkdocs.__main__ import cli

    try:
        if "code" in request:  # ``python -c code argv...``
            exec(compile(request["code"], "<string>", "exec"), {"__name__": "__main__"})
        else:
            cli.main(args=request["argv"], prog_name="mkdocs", standalone_mode=True)
    except SystemExit as stop:  # what the interpreter would make of it
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        print(stop.code, file=sys.stderr)
        return 1
    except BaseException:
        traceback.print_exc()
        return 1
    return 0


def finish(code: int) -> int:
    """What the interpreter does when a program ends: wait for its threads, run its exit
    functions, flush its output; then the child leaves without the server's own exit."""
    with contextlib.suppress(BaseException):
        threading._shutdown()  # type: ignore[attr-defined]
    with contextlib.suppress(BaseException):
        atexit._run_exitfuncs()
    with contextlib.suppress(BaseException):
        sys.stdout.flush()
        sys.stderr.flush()
    return code


def serve() -> None:
    preload()
    replies = sys.stdout
    for line in sys.stdin:
        request = json.loads(line)
        replies.flush()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = run_child(request)
            finally:
                os._exit(finish(code))
        _, status, usage = os.wait4(pid, 0)
        reply = {
            "returncode": os.waitstatus_to_exitcode(status),
            "cpu": round(usage.ru_utime + usage.ru_stime, 3),
        }
        replies.write(json.dumps(reply) + "\n")
        replies.flush()


if __name__ == "__main__":
    serve()
