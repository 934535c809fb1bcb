"""Time to first output of a long command, on a terminal and into a pipe.

    python bench/first_output.py [--runs 3] [--tree DIR] [-- COMMAND ARGS...]

Runs ``python -m xref COMMAND ARGS`` (default: ``check`` over the dev corpus) with the
xref of ``--tree`` (default: this tree) three ways, best of ``--runs`` each:

* terminal: standard error on a pseudo-terminal (as a person runs it), standard output to a
  pipe: seconds until the first byte on either (the progress line), and until the end;
* pipe: both into pipes (a script, CI): seconds until the first byte, and until the end.

The terminal and pipe totals differ by what drawing the progress line costs; the pipe total
against another tree's (``--tree``, e.g. an export of the commit before progress existed)
is what a non-terminal run pays for it.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / ".." / "shared" / "corpus" / "frus"


def _drain(
    fds: list[int], proc: subprocess.Popen[bytes], started: float
) -> tuple[float | None, bytes]:
    """Read ``fds`` until the process ends; the time of the first byte seen, and the first
    bytes."""
    first = None
    head = b""
    open_fds = list(fds)
    while open_fds:
        ready, _, _ = select.select(open_fds, [], [], 1.0)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                open_fds.remove(fd)
                continue
            if first is None:
                first = time.perf_counter() - started
                head = chunk[:60]
        if not ready and proc.poll() is not None:
            break
    return first, head


def run_once(
    cmd: list[str], env: dict[str, str], terminal: bool, cwd: Path
) -> tuple[float, float, bytes]:
    """(seconds to the first byte, seconds to the end, the first bytes) of one run."""
    if terminal:
        primary, secondary = pty.openpty()
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=secondary, env=env,
                                cwd=cwd)
        os.close(secondary)
        assert proc.stdout is not None
        first, head = _drain([proc.stdout.fileno(), primary], proc, started)
        proc.wait()
        os.close(primary)
    else:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                cwd=cwd)
        assert proc.stdout is not None and proc.stderr is not None
        first, head = _drain([proc.stdout.fileno(), proc.stderr.fileno()], proc, started)
        proc.wait()
    total = time.perf_counter() - started
    return (first if first is not None else total), total, head


def main() -> None:
    """Print the best first-output and total times, terminal and pipe."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--tree", type=Path, default=ROOT, help="whose xref to run")
    ap.add_argument("--pipe-only", action="store_true", help="skip the terminal runs")
    ap.add_argument("command", nargs="*", help="xref arguments (default: check CORPUS)")
    args = ap.parse_args()
    command = args.command or ["check", str(CORPUS.resolve())]
    env = {**os.environ, "PYTHONPATH": str(args.tree.resolve()), "TERM": "xterm"}
    cmd = [sys.executable, "-m", "xref", *command]
    print(f"xref from {args.tree}: {' '.join(command)}")
    for terminal in (False,) if args.pipe_only else (True, False):
        # cwd: ``python -m`` puts the working directory first on sys.path
        runs = [run_once(cmd, env, terminal, args.tree.resolve()) for _ in range(args.runs)]
        first = min(r[0] for r in runs)
        total = min(r[1] for r in runs)
        name = "terminal" if terminal else "pipe"
        print(f"{name:<9} first output {first:6.2f} s   total {total:6.1f} s   "
              f"(runs: {', '.join(f'{r[0]:.2f}/{r[1]:.1f}' for r in runs)}; "
              f"first bytes {runs[0][2]!r})")


if __name__ == "__main__":
    main()
