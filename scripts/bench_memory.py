"""Memory benchmark: the peak memory of ``mkdocs build`` and every process it forks.

    python scripts/bench_memory.py --positions 5000 [--seed 1] [--warm] [--keep DIR]
    python scripts/bench_memory.py --project DIR [--warm]
    python scripts/bench_memory.py -- COMMAND [ARG ...]

With ``--positions`` a synthetic agency (``scripts/synth.py``) is laid out as a project the way
``scripts/bench.py`` does it (the example's mkdocs.yml, the data, an empty docs folder, a local
diagram cache) and built cold (empty cache); ``--warm`` builds it a second time with the cache
the first build left. ``--project`` builds an existing project; after ``--`` any command is
measured instead.

While the command runs, every process of its tree (the command, the workers it forks, ``dot``)
is sampled every ``--interval`` seconds from ``/proc/<pid>/smaps_rollup``:

- **pss_peak_mb**: the largest sum of the proportional set sizes (PSS) of the whole tree at one
  sample. Forked workers share the pages they inherited with their parent until either writes
  them; PSS counts a shared page once, split between the processes sharing it, so the sum is
  what the tree costs the machine, which the sum of RSS would overstate.
- **rss_largest_mb**: the largest resident set of any one process at any sample, never less than
  the command's own ``ru_maxrss`` (``os.wait4`` on it), which sees peaks between two samples.

A peak shorter than the interval may be missed by the PSS sum; the interval is a trade between
that and the CPU the sampling takes from the build. The last line is machine-readable:
``pss_peak_mb=<MB> rss_largest_mb=<MB> seconds=<s> processes=<most at once>`` (per build).
With ``--keep DIR`` the build logs (each line stamped with the seconds since the build started,
to place the samples in the build's phases) and each build's samples (``timeline-cold.txt``)
stay there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402  (a sibling script, not a package)

MIB = 1024 * 1024


@dataclass(frozen=True)
class Sample:
    """One look at the process tree: PSS summed over it, the largest RSS, how many processes."""

    seconds: float
    pss_kib: int
    largest_rss_kib: int
    processes: int
    own_rss_kib: int  # the command's own process (MkDocs' main process)
    own_pss_kib: int = 0
    # The largest PSS among the other processes (a worker, ``dot``), to tell whose peak it is.
    other_pss_kib: int = 0


@dataclass(frozen=True)
class Peak:
    pss_mb: float
    rss_largest_mb: float
    seconds: float
    processes: int
    returncode: int


def children_by_parent() -> dict[int, list[int]]:
    """Every process's children, from the parent pid in ``/proc/<pid>/stat``."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue  # gone meanwhile
        # The command name (field 2) is in parentheses and may hold spaces: split after it.
        fields = stat.rpartition(")")[2].split()
        if len(fields) > 1:
            tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def descendants(root: int) -> dict[int, int]:
    """Every process of the tree under ``root`` (itself included), with its parent."""
    tree = children_by_parent()
    found, todo = {root: 0}, [root]
    while todo:
        parent = todo.pop()
        for child in tree.get(parent, []):
            found[child] = parent
            todo.append(child)
    return found


def shares_parent_memory(own: tuple[int, int], parent: tuple[int, int] | None) -> bool:
    """Whether a child's (PSS, RSS) say it runs in its parent's memory: a ``vfork`` child
    (how Python starts ``dot``) between the fork and the ``exec``, which reports its parent's
    address space as its own. Counted, it would double the build at that sample. The two are
    read one after the other while the build's other threads run, so they agree within 2%, not
    to the kilobyte. A child forked with its own copy cannot look the same: right after a fork
    every page is shared by two, so each PSS is about half the RSS, not most of it."""
    if parent is None:
        return False
    close = all(abs(a - b) * 50 <= max(a, b) for a, b in zip(own, parent, strict=True))
    return close and own[0] * 4 >= own[1] * 3


def rollup(pid: int) -> tuple[int, int] | None:
    """(PSS, RSS) of one process in KiB, None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    values = {}
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        if name in ("Pss", "Rss"):
            values[name] = int(rest.split()[0])
    if "Pss" not in values or "Rss" not in values:
        return None
    return values["Pss"], values["Rss"]


def sample(root: int, seconds: float) -> Sample:
    pss = largest = count = own = own_pss = other = 0
    tree = descendants(root)
    seen: dict[int, tuple[int, int]] = {}
    for pid, parent in tree.items():  # parents before their children
        found = rollup(pid)
        if found is None:
            continue
        seen[pid] = found
        if shares_parent_memory(found, seen.get(parent)):
            continue  # counted with its parent
        pss += found[0]
        largest = max(largest, found[1])
        count += 1
        if pid == root:
            own, own_pss = found[1], found[0]
        else:
            other = max(other, found[0])
    return Sample(seconds, pss, largest, count, own, own_pss, other)


def measure(
    command: list[str], cwd: Path, log: Path, interval: float, timeline: Path | None = None
) -> Peak:
    """Run ``command`` and sample its process tree until it ends; with ``timeline``, every
    sample is written there (seconds, PSS of the tree, largest RSS, the command's own RSS, in
    MB, and the number of processes), to see which stage of the build the peak belongs to."""
    # Unbuffered: MkDocs logs to stdout, which a pipe would hold back until the end.
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    samples: list[Sample] = []
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        done = threading.Event()

        def watch() -> None:
            while not done.is_set():
                samples.append(sample(process.pid, time.perf_counter() - start))
                done.wait(interval)

        def copy() -> None:  # each line of the log stamped with when it came: the build's phases
            assert process.stdout is not None
            for raw in process.stdout:
                line = raw.decode("utf-8", errors="replace")
                out.write(f"[{time.perf_counter() - start:8.2f}] {line}")
                out.flush()  # to follow a long build as it goes

        watcher = threading.Thread(target=watch, daemon=True)
        copier = threading.Thread(target=copy, daemon=True)
        watcher.start()
        copier.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        watcher.join()
        copier.join()
    returncode = os.waitstatus_to_exitcode(status)
    if timeline is not None:
        lines = ["seconds pss_mb largest_rss_mb own_rss_mb own_pss_mb other_pss_mb processes"]
        lines += [
            f"{s.seconds:.2f} {s.pss_kib / 1024:.0f} {s.largest_rss_kib / 1024:.0f} "
            f"{s.own_rss_kib / 1024:.0f} {s.own_pss_kib / 1024:.0f} "
            f"{s.other_pss_kib / 1024:.0f} {s.processes}"
            for s in samples
        ]
        timeline.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pss = max((s.pss_kib for s in samples), default=0)
    largest = max([usage.ru_maxrss, *(s.largest_rss_kib for s in samples)])  # KiB on Linux
    processes = max((s.processes for s in samples), default=1)
    return Peak(pss * 1024 / MIB, largest * 1024 / MIB, seconds, processes, returncode)


def report(label: str, peak: Peak) -> None:
    print(
        f"{label}: pss_peak_mb={peak.pss_mb:.0f} rss_largest_mb={peak.rss_largest_mb:.0f} "
        f"seconds={peak.seconds:.1f} processes={peak.processes} exit={peak.returncode}",
        flush=True,
    )


def build_project(project: Path, work: Path, warm: bool, interval: float) -> list[Peak]:
    """``mkdocs build`` of ``project`` (its diagram cache emptied first), then again if
    ``warm``; each build reported as it ends."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    command = [str(bench.MKDOCS), "build", "-f", str(project / "mkdocs.yml")]
    command += ["-d", str(work / "site")]
    peaks = []
    for label in ("cold", "warm") if warm else ("cold",):
        log, timeline = work / f"build-{label}.log", work / f"timeline-{label}.txt"
        peak = measure(command, project, log, interval, timeline)
        report(label, peak)
        if peak.returncode != 0:
            tail = (work / f"build-{label}.log").read_text(encoding="utf-8")[-3000:]
            raise SystemExit(f"mkdocs build failed (exit {peak.returncode}):\n{tail}")
        peaks.append(peak)
    return peaks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--positions", type=int, help="build a synthetic agency of N positions")
    source.add_argument("--project", type=Path, help="build this project (its mkdocs.yml)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warm", action="store_true", help="build a second time, cache warm")
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between samples")
    parser.add_argument("--keep", type=Path, help="work in this new folder and keep it")
    parser.add_argument("command", nargs="*", help="a command to measure (after --)")
    args = parser.parse_args(argv)
    if args.command and (args.positions or args.project):
        parser.error("give --positions, --project or a command, not several")
    if not (args.command or args.positions or args.project):
        parser.error("give --positions, --project or a command")
    print(f"load before: {Path('/proc/loadavg').read_text(encoding='ascii').strip()}")
    with tempfile.TemporaryDirectory(prefix="pola-karir-memory-") as temporary:
        work = Path(temporary)
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=False)
            work = args.keep.resolve()
        if args.command:
            peaks = [measure(args.command, Path.cwd(), work / "command.log", args.interval)]
            report("command", peaks[0])
            sys.stdout.write((work / "command.log").read_text(encoding="utf-8")[-2000:])
        else:
            project = args.project.resolve() if args.project else work / "pola-karir"
            if args.positions:
                bench.plugin_project(project, args.positions, args.seed)
            peaks = build_project(project, work, args.warm, args.interval)
    print(f"load after: {Path('/proc/loadavg').read_text(encoding='ascii').strip()}")
    last = peaks[-1] if len(peaks) == 1 else max(peaks, key=lambda p: p.pss_mb)
    print(
        f"pss_peak_mb={max(p.pss_mb for p in peaks):.0f} "
        f"rss_largest_mb={max(p.rss_largest_mb for p in peaks):.0f} "
        f"seconds={' '.join(f'{p.seconds:.1f}' for p in peaks)} processes={last.processes}"
    )
    return max(p.returncode for p in peaks)


if __name__ == "__main__":
    sys.exit(main())
