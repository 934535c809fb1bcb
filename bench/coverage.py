"""Source-note coverage over the corpus: the share of source notes whose archival part the
parsed citations cover word for word (:mod:`xref.checks.coverage` defines both), per era and
per set.

Usage::

    python bench/coverage.py [--corpus DIR] [--volumes ID ...] [--top N] [--jobs N]

Prints, per era (the volume's year span) and per set (tuning / check, ``bench/checkset.txt``):
source notes, notes with an archival part, and the share of those fully covered; then per set
and in total; then the leftover words, most frequent first, each with a sample note.
FRUS-Explorer, the nearest peer, publishes 75.7% of source notes fully recognized.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchsets import ERAS, SETS, era_of, pct, set_of, volume_files  # noqa: E402

from xref.checks.coverage import document_coverage  # noqa: E402
from xref.read.sources import FileResult, map_files  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "frus"

NoteRow = tuple[str, str, bool, bool, tuple[str, ...]]
"""(note id, archival text, has an archival part, covered, leftover words)."""


def volume_rows(result: FileResult) -> tuple[str, list[NoteRow]]:
    """Every source note of one volume, as a row (runs in the worker that read the file)."""
    if result.error is not None or result.volume is None:
        raise SystemExit(f"{result.path}: {result.error}")
    rows: list[NoteRow] = []
    for doc in result.volume.documents:
        for i, cov in enumerate(document_coverage(doc), 1):
            where = f"{doc.id} {cov.note.note or f'(source note {i}, no id)'}"
            rows.append((where, cov.archival_text, cov.has_archival, cov.covered,
                         tuple(x.word for x in cov.leftovers)))
    return result.volume.id, rows


def main(argv: Sequence[str] | None = None) -> None:
    """Measure and print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory of TEI volumes")
    ap.add_argument("--volumes", nargs="+", metavar="ID", help="volumes to measure (default: all)")
    ap.add_argument("--top", type=int, default=40, help="leftover words to list")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes")
    ap.add_argument("--uncovered", type=Path, help="write every uncovered note to this file")
    args = ap.parse_args(argv)
    paths = volume_files(args.corpus.resolve(), args.volumes)

    # (era, set) -> [notes, with archival part, covered]
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    words: Counter[str] = Counter()
    sample: dict[str, str] = {}
    uncovered: list[str] = []
    for vid, rows in map_files(volume_rows, paths, jobs=args.jobs):
        key = (era_of(vid), set_of(vid))
        cell = table[key]
        for where, text, has, covered, left in rows:
            cell[0] += 1
            cell[1] += has
            cell[2] += has and covered
            if has and not covered:
                uncovered.append(f"{where}\t{' '.join(left)}\t{text}")
            for w in left:
                words[w] += 1
                sample.setdefault(w, where)

    print(f"{'era':10} {'set':7} {'notes':>6} {'arch':>6} {'covered':>8} {'share':>7}")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for era in [*ERAS, *sorted({e for e, _ in table} - set(ERAS))]:
        for s in SETS:
            cell = table.get((era, s))
            if cell is None:
                continue
            for t in (totals[s], totals["all"], totals[era]):
                for i in range(3):
                    t[i] += cell[i]
            print(f"{era:10} {s:7} {cell[0]:6} {cell[1]:6} {cell[2]:8} {pct(cell[2], cell[1]):>7}")
    print()
    for era in ERAS:
        if era in totals:
            t = totals[era]
            print(f"{era:10} {'both':7} {t[0]:6} {t[1]:6} {t[2]:8} {pct(t[2], t[1]):>7}")
    print()
    for s in (*SETS, "all"):
        t = totals[s]
        print(f"{'TOTAL':10} {s:7} {t[0]:6} {t[1]:6} {t[2]:8} {pct(t[2], t[1]):>7}")
    print("\nnotes: source notes (the source note and every note typed 'source'); arch: those "
          "with an archival part\n(not a bracketed label); covered: every word of it inside a "
          "parsed citation; share: covered/arch.")
    print(f"\nleftover words, most frequent first (top {args.top} of {len(words)} distinct, "
          f"{sum(words.values())} in all):")
    for w, n in words.most_common(args.top):
        print(f"{n:6}  {w:28} {sample[w]}")
    if args.uncovered:
        args.uncovered.write_text("\n".join(uncovered) + "\n", encoding="utf-8")
        print(f"uncovered notes: {args.uncovered}")


if __name__ == "__main__":
    main()
