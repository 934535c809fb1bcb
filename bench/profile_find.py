"""Where ``find_citations`` spends its time: each phase timed on its own (CPU clock).

Usage::

    python bench/profile_find.py [--corpus DIR] [--every 10] [--runs 3] [--cprofile N]

Reads every ``--every``-th document of the volumes (untimed), records every call the find
loop makes to the parser, then times, best of ``--runs`` on the CPU clock (steadier than the
wall clock on a shared machine):

- ``find_citations`` over every container text;
- the scan alone (``candidates.scan``), and within it the anchor search;
- the parser alone (``parser.parse_prefix``) on the recorded calls;
- the builder alone (``transform.build_citations``) on the recorded parses.

Phases timed alone run warmer than inside the loop, so they add up to a little less than the
whole. With ``--cprofile N`` it also prints the N functions with the most own time. The old
module paths (``xref.find``, ``xref.candidates``, ...) are used, so the same script runs on a
checkout from before the stage subpackages (set ``PYTHONPATH`` to choose the checkout).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "frus"


def best(fn: Callable[[], object], runs: int) -> float:
    """The least CPU seconds of ``runs`` calls of ``fn``."""
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse options, time the phases, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--every", type=int, default=10, help="take every N-th document")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cprofile", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)

    import xref

    find: Any = importlib.import_module("xref.find")
    candidates: Any = importlib.import_module("xref.candidates")
    parser: Any = importlib.import_module("xref.parser")
    transform: Any = importlib.import_module("xref.transform")
    tei: Any = importlib.import_module("xref.tei")

    docs = [d for p in sorted(args.corpus.glob("*.xml")) for d in tei.read_volume(p).documents]
    texts = [c.text for d in docs[:: args.every] for c in d.containers() if c.text]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    calls: list[tuple[str, int, str, int | None]] = []
    parsed: list[tuple[Any, str]] = []
    real = find.parse_prefix

    def spy(text: str, start: int, rule: str, end: int | None = None) -> Any:
        result = real(text, start, rule, end)
        calls.append((text, start, rule, end))
        if isinstance(result, parser.Parsed):
            parsed.append((result, text))
        return result

    find.parse_prefix = spy
    for text in texts:
        find.find_citations(text)
    find.parse_prefix = real

    anchors = getattr(candidates, "_anchor_positions", None)
    rows = [
        ("find_citations", best(lambda: [find.find_citations(t) for t in texts], args.runs)),
        ("  scan (candidates.scan)", best(lambda: [list(candidates.scan(t)) for t in texts],
                                          args.runs)),
        ("    of which the anchor search",
         best(lambda: [anchors(t) for t in texts], args.runs) if anchors else float("nan")),
        ("  parse (parser.parse_prefix)", best(lambda: [real(*c) for c in calls], args.runs)),
        ("  build (transform.build_citations)",
         best(lambda: [transform.build_citations(r, t) for r, t in parsed], args.runs)),
    ]
    print(f"xref from {Path(xref.__file__).parent}")
    print(f"{len(texts)} container texts of every {args.every}-th document, {mb:.2f} MB; "
          f"{len(calls)} parses; CPU seconds, best of {args.runs}")
    total = rows[0][1]
    for name, sec in rows:
        print(f"{name:38} {sec:7.3f} s {sec / total:7.1%} {mb / sec:8.2f} MB/s")
    if args.cprofile:
        prof = cProfile.Profile(time.process_time)
        prof.enable()
        for text in texts:
            find.find_citations(text)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.cprofile)


if __name__ == "__main__":
    main()
