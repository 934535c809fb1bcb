"""Measure the document readers on the dev corpus: header-field coverage and speed.

Usage: ``python bench/documents.py [CORPUS_DIR]`` (default ``../shared/corpus/frus``).

Per volume: telegram documents (genre contains "telegram") with an own number; documents
whose heading names parties (``From`` in it, or a from/to gloss) with both sender and
recipient; documents that print a date (a dateline, or a catalogue heading) with a date.
Then: reading time vs a bare expat parse with no handlers, and ``--jobs 1`` vs ``--jobs 2``.
"""

from __future__ import annotations

import pyexpat
import re
import sys
import time
from pathlib import Path

from xref.sources import read_paths
from xref.tei import read_volume

_FROM = re.compile(r"\b[Ff]rom\s")


def pct(a: int, b: int) -> str:
    """``a/b`` as a percentage, or a dash."""
    return f"{100 * a / b:5.1f}%" if b else "    - "


def main(corpus: Path) -> None:
    """Print the metric table and the timings."""
    files = sorted(corpus.glob("*.xml"))
    tot = [0] * 7
    print(f"{'volume':26} {'docs':>5} {'tel':>4} {'own#':>6} {'named':>5} {'s+r':>6} "
          f"{'dated':>5} {'date':>6} {'genre':>6}")
    for path in files:
        docs = read_volume(path).documents
        tel = [d for d in docs if d.genre and "telegram" in d.genre]
        named = [d for d in docs if _FROM.search(d.heading.text) or d.sender or d.recipient]
        dated = [d for d in docs if d.dateline or d.date]
        row = (
            len(docs), len(tel), sum(d.own_number is not None for d in tel), len(named),
            sum(bool(d.sender and d.recipient) for d in named), len(dated),
            sum(d.date is not None for d in dated),
        )
        tot = [a + b for a, b in zip(tot, row, strict=True)]
        genre = sum(d.genre is not None for d in tel)
        print(f"{path.stem:26} {row[0]:5} {row[1]:4} {pct(row[2], row[1])} {row[3]:5} "
              f"{pct(row[4], row[3])} {row[5]:5} {pct(row[6], row[5])} {pct(genre, row[1])}")
    print(f"{'TOTAL':26} {tot[0]:5} {tot[1]:4} {pct(tot[2], tot[1])} {tot[3]:5} "
          f"{pct(tot[4], tot[3])} {tot[5]:5} {pct(tot[6], tot[5])}")

    datas = [f.read_bytes() for f in files]
    t = time.perf_counter()
    for data in datas:
        pyexpat.ParserCreate().Parse(data, True)
    bare = time.perf_counter() - t
    timings = {}
    for jobs in (1, 2):
        t = time.perf_counter()
        n = sum(len(r.documents) for r in read_paths(files, jobs=jobs))
        timings[jobs] = time.perf_counter() - t
    print(f"\nbare expat parse (no handlers): {bare:.2f}s")
    print(f"xref read --jobs 1: {timings[1]:.2f}s ({timings[1] / bare:.1f}x bare), {n} documents")
    print(f"xref read --jobs 2: {timings[2]:.2f}s (speed-up {timings[1] / timings[2]:.2f}x)")


if __name__ == "__main__":
    default = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "frus"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
