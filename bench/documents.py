"""Measure the document readers on the dev corpus: header-field coverage and speed.

Usage: ``python bench/documents.py [CORPUS_DIR [REPEAT]]`` (default ``../shared/corpus/frus``,
best of 3).

Per volume: telegram documents (genre contains "telegram") with an own number; documents
whose heading names parties (``From`` in it, or a from/to gloss) with both sender and
recipient; documents that print a date (a dateline, or a catalogue heading) with a date.
Then, best of REPEAT runs (other processes may share the cores): a bare expat parse of the
same files with no handlers, ``read_paths`` with ``--jobs 1`` and ``--jobs 2``, and the ratios.
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
_UNDATED = re.compile(r"\bundated\b", re.I)


def pct(a: int, b: int) -> str:
    """``a/b`` as a percentage, or a dash."""
    return f"{100 * a / b:5.1f}%" if b else "    - "


def main(corpus: Path, repeat: int = 3) -> None:
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

    undated = sum(
        1 for path in files for d in read_volume(path).documents
        if d.date is None and d.dateline and _UNDATED.search(d.dateline)
    )
    print(f"(of the {tot[5] - tot[6]} dateless, {undated} have a dateline that says 'undated')")
    timings(files, repeat)


def timings(files: list[Path], repeat: int) -> None:
    """Best of ``repeat``: a bare expat parse of the files, and xref with --jobs 1 and 2."""
    datas = [f.read_bytes() for f in files]
    best = {"bare": float("inf"), 1: float("inf"), 2: float("inf")}
    n = 0
    for _ in range(repeat):
        t = time.perf_counter()
        for data in datas:
            pyexpat.ParserCreate().Parse(data, True)
        best["bare"] = min(best["bare"], time.perf_counter() - t)
        for jobs in (1, 2):
            t = time.perf_counter()
            n = sum(len(r.documents) for r in read_paths(files, jobs=jobs))
            best[jobs] = min(best[jobs], time.perf_counter() - t)
    bare, one, two = best["bare"], best[1], best[2]
    print(f"\nbest of {repeat}, {len(files)} files, {sum(map(len, datas)) / 1e6:.1f} MB, "
          f"{n} documents")
    print(f"bare expat parse (no handlers): {bare:.2f}s")
    print(f"xref read --jobs 1: {one:.2f}s ({one / bare:.1f}x bare)")
    print(f"xref read --jobs 2: {two:.2f}s ({two / bare:.1f}x bare; "
          f"speed-up over --jobs 1: {one / two:.2f}x)")


if __name__ == "__main__":
    default = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "frus"
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else default,
        int(sys.argv[2]) if len(sys.argv) > 2 else 3,
    )
