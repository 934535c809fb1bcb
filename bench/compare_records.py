"""Run xref commands on the dev volumes and compare their JSONL with baseline files, byte for byte.

Usage::

    python bench/compare_records.py extract:BASE.jsonl resolve:BASE.jsonl \\
        [--corpus DIR] [--tree DIR] [--jobs 2] [--show 5] [--keep DIR]
    python bench/compare_records.py extract:OUT.jsonl --write --tree /work/base

Each ``COMMAND:FILE`` runs ``python -m xref COMMAND VOLUMES... --format jsonl --jobs N`` on
every ``*.xml`` of ``--corpus`` (sorted, as a shell glob gives them) with ``PYTHONPATH`` set to
``--tree`` (default: this repository), then compares standard output with FILE as bytes. On a
difference it prints how many lines differ, the first ``--show`` of them (line number, the
fields that differ, both records) and exits 1; with ``--write`` it writes FILE instead (to make
a baseline from another tree). Standard error and the exit status of each run are reported.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / ".." / "shared" / "corpus" / "frus"


def run(command: str, volumes: list[Path], tree: Path, jobs: int) -> tuple[bytes, float]:
    """The standard output of one xref command on the volumes, and its wall time."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    argv = [sys.executable, "-m", "xref", command, *map(str, volumes), "--format", "jsonl",
            "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, cwd=tree)
    elapsed = time.perf_counter() - start
    if done.stderr:
        print(f"  {command}: stderr: {done.stderr.decode(errors='replace').strip()[:2000]}")
    if done.returncode not in (0, 2):
        raise SystemExit(f"{command}: exit status {done.returncode}")
    return done.stdout, elapsed


def field_diff(old: str, new: str) -> str:
    """The top-level JSON fields in which two records differ (or why they cannot be read)."""
    try:
        a, b = json.loads(old), json.loads(new)
    except ValueError as exc:
        return f"not JSON: {exc}"
    if not isinstance(a, dict) or not isinstance(b, dict):
        return "not JSON objects"
    keys = [k for k in dict.fromkeys([*a, *b]) if a.get(k, ...) != b.get(k, ...)]
    order = "" if list(a) == list(b) else " (field order differs)"
    return ", ".join(keys) + order if keys or order else "same fields, different bytes"


def compare(name: str, baseline: bytes, output: bytes, show: int) -> bool:
    """Print the verdict for one command; True when the outputs are byte-identical."""
    if baseline == output:
        lines = output.count(b"\n")
        print(f"  {name}: identical ({lines} records, {len(output)} bytes)")
        return True
    old, new = baseline.decode().splitlines(), output.decode().splitlines()
    pairs = list(itertools.zip_longest(old, new))
    differing = [i for i, (a, b) in enumerate(pairs) if a != b]
    print(f"  {name}: DIFFERENT: {len(differing)} of {len(pairs)} lines differ "
          f"(baseline {len(old)} lines / {len(baseline)} bytes, now {len(new)} / {len(output)})")
    for i in differing[:show]:
        a, b = pairs[i]
        print(f"    line {i + 1}: {field_diff(a or 'null', b or 'null')}")
        print(f"      baseline: {(a or '<none>')[:400]}")
        print(f"      now:      {(b or '<none>')[:400]}")
    return False


def main(argv: list[str] | None = None) -> int:
    """Run each command and compare (or write) its baseline; 1 when any output differs."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", nargs="+", metavar="COMMAND:FILE")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--tree", type=Path, default=ROOT, help="the xref tree to run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=5, help="differing lines to print")
    parser.add_argument("--write", action="store_true", help="write the baselines instead")
    parser.add_argument("--keep", type=Path, help="also save each output in this directory")
    args = parser.parse_args(argv)
    volumes = sorted(args.corpus.resolve().glob("*.xml"))
    if not volumes:
        raise SystemExit(f"no volumes in {args.corpus}")
    print(f"{len(volumes)} volumes in {args.corpus}, tree {args.tree.resolve()}")
    same = True
    for pair in args.pairs:
        command, sep, file = pair.partition(":")
        if not sep or not file:
            raise SystemExit(f"{pair!r}: expected COMMAND:FILE, e.g. resolve:base/resolve.jsonl")
        output, elapsed = run(command, volumes, args.tree.resolve(), args.jobs)
        print(f"  {command}: {elapsed:.1f} s")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            (args.keep / f"{command}.jsonl").write_bytes(output)
        if args.write:
            Path(file).write_bytes(output)
            print(f"  {command}: wrote {file} ({len(output.splitlines())} records)")
        else:
            same = compare(command, Path(file).read_bytes(), output, args.show) and same
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
