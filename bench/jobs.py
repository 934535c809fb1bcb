"""Reading against lxml, and ``--jobs 1`` against ``--jobs 2`` for resolve, check and graph.

Usage::

    python bench/jobs.py [--corpus DIR] [--volumes ID ...] [--tree DIR] [--runs 3]
                         [--commands resolve check graph] [--jobs 1 2] [--no-read]

Prints, with the load average at each step (the machine is shared: a parallel figure needs
idle cores, so read each speed-up with the load next to it):

1. **reading**: in this process, best of ``--runs`` (CPU time, runs interleaved): lxml's
   parse of every selected file with its text joined (the floor), and xref's TEI reader
   (:func:`xref.read.tei.read_volume`: documents, headers, source maps, every quirk);
   the floor is also the unit of ``graph --jobs 1 / lxml floor`` (wall over CPU seconds);
2. **end to end**: ``python -m xref COMMAND FILES... --jobs N`` in a fresh process for each
   command and job count, output to a temporary file; wall time (best of ``--runs``), CPU
   time (the process and its workers) and peak memory: the largest *sum* of the memory of
   the process and all its descendants (proportional set size: pages that forked workers
   share with their parent count once), sampled every 20 ms from ``/proc`` (Linux), so
   that workers count too; and the CPU seconds of the main process alone (what does not run
   in the workers). The ``--jobs 1 / --jobs N`` wall ratio is printed.

``--tree`` runs another checkout's xref (e.g. the starting commit, exported with
``git archive``), for before/after figures in the same conditions.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from benchsets import volume_files

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "frus"
MB = 1_000_000
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def load() -> str:
    """The 1-minute load average, for the report."""
    return f"load {os.getloadavg()[0]:.2f}"


# -- reading ---------------------------------------------------------------------------------


def lxml_seconds(files: Sequence[Path]) -> float:
    """CPU seconds for lxml to parse every file and join its text (the reading floor)."""
    from lxml import etree

    parser = etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True,
                             huge_tree=True)
    gc.collect()
    t = time.process_time()
    for p in files:
        root = etree.parse(str(p), parser).getroot()
        "".join(root.itertext())
    return time.process_time() - t


def xref_read_seconds(files: Sequence[Path]) -> float:
    """CPU seconds for xref's TEI reader to read every file into documents."""
    from xref.read.tei import read_volume

    gc.collect()
    t = time.process_time()
    for p in files:
        read_volume(p)
    return time.process_time() - t


def reading(files: Sequence[Path], runs: int) -> float:
    """Print the reading figures: lxml floor, xref's reader, the ratio; return the floor."""
    xml_mb = sum(p.stat().st_size for p in files) / MB
    floor: list[float] = []
    ours: list[float] = []
    for _ in range(max(1, runs)):
        floor.append(lxml_seconds(files))
        ours.append(xref_read_seconds(files))
    f, x = min(floor), min(ours)
    print(f"reading {len(files)} files, {xml_mb:.1f} MB, best of {runs} CPU ({load()}):")
    print(f"  lxml parse + join text   {f:7.2f} s  {xml_mb / f:6.1f} MB/s")
    print(f"  xref read_volume         {x:7.2f} s  {xml_mb / x:6.1f} MB/s")
    print(f"  xref / lxml              {x / f:7.2f}x (target <= 3x)")
    return f


# -- end to end ------------------------------------------------------------------------------


def _tree_memory(root: int) -> int:
    """Memory of process ``root`` and all its descendants, in bytes (0 if it is gone): the
    sum of their proportional set sizes (``Pss`` of ``/proc/PID/smaps_rollup``), so that
    the pages a forked worker shares with its parent count once, not once per process;
    the resident size where ``smaps_rollup`` cannot be read."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        parents[int(entry)] = int(stat[stat.rfind(b")") + 2 :].split()[1])
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss(pid)
        todo.extend(children.get(pid, ()))
    return total


def _pss(pid: int) -> int:
    """The proportional set size of one process in bytes (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for row in fh:
                if row.startswith(b"Pss:"):
                    return int(row.split()[1]) * 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE
    except OSError:
        return 0


def run_command(
    argv: list[str], env: dict[str, str]
) -> tuple[float, float, int, int, float]:
    """Run ``argv``; its wall seconds, CPU seconds (with workers), peak memory, exit code,
    and the CPU seconds of the main process alone (written by :data:`WRAPPER` to the file
    ``env[MAIN_CPU]`` names)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        # cwd: ``python -c`` puts the working directory first on sys.path, before PYTHONPATH;
        # a neutral one, so that the xref imported is the tree's, wherever this runs from
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=err, cwd=tempfile.gettempdir())
        peak = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, _tree_memory(proc.pid))
                stop.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        wall = time.perf_counter() - t
        stop.set()
        sampler.join()
        if code not in (0, 1, 2):
            err.seek(0)
            print(f"  !! exit {code}: {err.read()[-600:].decode(errors='replace')}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    main_cpu = 0.0
    try:
        main_cpu = float(Path(env[MAIN_CPU]).read_text())
    except (KeyError, OSError, ValueError):
        pass
    return wall, cpu, peak, code, main_cpu


MAIN_CPU = "XREF_BENCH_MAIN_CPU"
WRAPPER = (
    "import os, resource, sys\n"
    "from xref.cli import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "finally:\n"
    "    u = resource.getrusage(resource.RUSAGE_SELF)\n"
    "    with open(os.environ['" + MAIN_CPU + "'], 'w') as fh:\n"
    "        fh.write(str(u.ru_utime + u.ru_stime))\n"
    "sys.exit(code)\n"
)
"""``python -m xref``, which also writes the main process's own CPU seconds at the end."""


def command_argv(command: str, files: Sequence[Path], jobs: int, out: Path) -> list[str]:
    """The xref command line for one measurement (output to ``out``)."""
    argv = [sys.executable, "-c", WRAPPER, command, *map(str, files), "--jobs", str(jobs), "-q"]
    if command == "graph":
        return [*argv, "-o", str(out)]
    if command == "resolve":
        return [*argv, "--format", "jsonl"]
    if command == "check":
        return [*argv, "--format", "json", "--no-config"]
    return argv


def end_to_end(files: Sequence[Path], tree: Path, commands: Sequence[str],
               jobs: Sequence[int], runs: int, floor: float | None = None) -> None:
    """Print wall, CPU and peak memory of each command at each job count."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    print(f"\nend to end, xref from {tree}, {len(files)} files, {os.cpu_count()} cores, "
          f"best of {runs} wall:")
    print(f"  {'command':9} {'jobs':>4} {'wall':>8} {'CPU':>8} {'main CPU':>9} {'peak mem':>10}"
          "  load")
    with tempfile.TemporaryDirectory() as tmp:
        env[MAIN_CPU] = str(Path(tmp) / "main-cpu")
        for command in commands:
            walls: dict[int, float] = {}
            for n in jobs:
                results = []
                for _ in range(max(1, runs)):
                    before = load()
                    out = Path(tmp) / f"out-{command}-{n}.json"
                    argv = command_argv(command, files, n, out)
                    results.append((*run_command(argv, env), before))
                wall, cpu, peak, code, main_cpu, before = min(results)
                walls[n] = wall
                print(f"  {command:9} {n:4d} {wall:7.2f}s {cpu:7.2f}s {main_cpu:8.2f}s "
                      f"{peak / 2**20:8.0f} MB  "
                      f"{before} (exit {code})", flush=True)
            if command == "graph" and 1 in walls and floor:
                print(f"  graph --jobs 1 / lxml floor: {walls[1] / floor:.1f}x (target <= 8x)")
            if len(walls) > 1:
                first, *rest = sorted(walls)
                for n in rest:
                    print(f"  {command:9} --jobs {first} / --jobs {n}: "
                          f"{walls[first] / walls[n]:.2f}x wall", flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse options, run the measurements, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--volumes", nargs="+", metavar="ID", help="volume ids (default: all)")
    ap.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose xref runs")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measurement (best taken)")
    ap.add_argument("--commands", nargs="+", default=["resolve", "check", "graph"],
                    choices=("resolve", "check", "graph"))
    ap.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--no-read", action="store_true", help="skip the reading figures")
    ap.add_argument("--no-commands", action="store_true", help="skip the end-to-end figures")
    args = ap.parse_args(argv)
    files = volume_files(args.corpus.resolve(), args.volumes)
    tree = args.tree.resolve()
    floor = None
    if not args.no_read:
        sys.path.insert(0, str(tree))
        floor = reading(files, args.runs)
    if not args.no_commands:
        end_to_end(files, tree, args.commands, args.jobs, args.runs, floor)


if __name__ == "__main__":
    main()
