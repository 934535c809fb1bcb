"""Identical output: this checkout's citations against a baseline checkout's, on every volume.

Usage::

    python bench/compare_find.py --baseline /work/base [--corpus DIR] [--jobs 2] [--refresh]

Two comparisons, each run in fresh processes with ``PYTHONPATH`` set to the checkout compared
(so the installed xref does not interfere):

1. ``xref extract --format jsonl`` over every volume of the corpus (the public records, with
   the citing volume's id given to ``find_citations``);
2. ``find_citations(text)`` with no volume on every container text of every volume (kind,
   span, text and fields of each citation, one JSON line per container).

The baseline's outputs are kept in ``--cache`` (by default a temporary directory named after the
baseline's path) and reused unless ``--refresh``. Prints the number of lines of each and the
first differing lines; exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "frus"


def dump_find(corpus: Path, out: Path) -> None:
    """Write ``find_citations(text)`` (no volume) of every container of every volume."""
    from xref.tei import read_volume

    from xref import find_citations

    with out.open("w", encoding="utf-8") as fh:
        for path in sorted(corpus.glob("*.xml")):
            for doc in read_volume(path).documents:
                for i, container in enumerate(doc.containers()):
                    cites = [
                        [c.kind, c.span.start, c.span.end, c.text, c.fields()]
                        for c in find_citations(container.text)
                    ]
                    key = f"{path.stem}/{doc.id}/{i}"
                    fh.write(json.dumps([key, cites], ensure_ascii=False, default=str) + "\n")


def _run(checkout: Path, args: list[str], out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    t = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        # run in the checkout: ``python -m xref`` puts the working directory before PYTHONPATH
        done = subprocess.run([sys.executable, *args], env=env, stdout=fh, stderr=subprocess.PIPE,
                              text=True, cwd=checkout)
    if done.returncode not in (0,):
        sys.exit(f"{checkout}: {' '.join(args[:3])} exited {done.returncode}: {done.stderr[-600:]}")
    return time.perf_counter() - t


def outputs(checkout: Path, corpus: Path, where: Path, jobs: int) -> dict[str, Path]:
    """Run both comparisons with ``checkout``'s xref; the files they wrote."""
    where = where.resolve()
    where.mkdir(parents=True, exist_ok=True)
    corpus = corpus.resolve()
    files = [str(p) for p in sorted(corpus.glob("*.xml"))]
    extract = where / "extract.jsonl"
    find = where / "find.jsonl"
    sec = _run(checkout, ["-m", "xref", "extract", "--format", "jsonl", "--jobs", str(jobs),
                          *files], extract)
    print(f"  {checkout}: xref extract in {sec:.1f} s")
    script = str(Path(__file__).resolve())
    sec = _run(checkout, [script, "--dump-find", str(find), "--corpus", str(corpus)],
               where / "find.log")
    print(f"  {checkout}: find_citations dump in {sec:.1f} s")
    return {"extract": extract, "find": find}


def diff(name: str, old: Path, new: Path, show: int = 5) -> int:
    """Print how ``new`` differs from ``old``, line by line; the number of differing lines."""
    a = old.read_text(encoding="utf-8").splitlines()
    b = new.read_text(encoding="utf-8").splitlines()
    bad = [(i, x, y) for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    extra = abs(len(a) - len(b))
    status = "IDENTICAL" if not bad and not extra else f"{len(bad) + extra} lines DIFFER"
    print(f"{name}: baseline {len(a)} lines, this checkout {len(b)} lines: {status}")
    for i, x, y in bad[:show]:
        print(f"  line {i + 1}\n    - {x[:300]}\n    + {y[:300]}")
    return len(bad) + extra


def main(argv: Sequence[str] | None = None) -> int:
    """Parse options, run both checkouts, compare."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", type=Path, help="the checkout to compare against")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, help="where the baseline's outputs are kept")
    ap.add_argument("--refresh", action="store_true", help="rerun the baseline")
    ap.add_argument("--dump-find", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    corpus = args.corpus.resolve()
    if args.dump_find is not None:
        dump_find(corpus, args.dump_find)
        return 0
    if args.baseline is None:
        ap.error("--baseline is required")
    base = args.baseline.resolve()
    tag = hashlib.sha1(f"{base}|{corpus}".encode()).hexdigest()[:10]
    cache = args.cache or Path(tempfile.gettempdir()) / f"xref-compare-{tag}"
    if args.refresh or not (cache / "find.jsonl").is_file():
        print(f"baseline outputs into {cache}")
        old = outputs(base, corpus, cache, args.jobs)
    else:
        print(f"baseline outputs reused from {cache} (--refresh to rerun)")
        old = {"extract": cache / "extract.jsonl", "find": cache / "find.jsonl"}
    with tempfile.TemporaryDirectory() as tmp:
        new = outputs(REPO, corpus, Path(tmp), args.jobs)
        bad = sum(diff(name, old[name], new[name]) for name in ("extract", "find"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
