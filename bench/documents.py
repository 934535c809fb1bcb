"""Measure the document readers on the dev corpus: header-field coverage and speed.

Usage: ``python bench/documents.py [CORPUS_DIR [REPEAT]]`` (default ``../shared/corpus/frus``,
best of 3; ``REPEAT`` 0 prints the metric table only).

Per volume: telegram documents (genre contains "telegram") with an own number read (``own#``:
a number, or ``Unnumbered`` printed where the number would be, recorded as
``xref.read.headers.UNNUMBERED``; ``num#``: a number only, the count before issue 13); documents
whose heading names parties (``From`` in it, or a from/to gloss) with both sender and
recipient; documents that print a date (a dateline, or a catalogue heading) with a date.
Totals are also given for the tuning set and the check set (``bench/checkset.txt``).
The tuning set's telegrams still without an own number are then set against the verdicts
read by hand in ``bench/ownnumbers-review.tsv`` (``prints-none``: the volume prints no number
for it); any not reviewed are listed. The check set's are never listed, only counted.
Then the speed, best of REPEAT runs taken in turn (other processes may share the cores):

* the bare parsers on the same files: expat with no handlers (the parser xref reads with),
  and the standard library's ``xml.etree.ElementTree`` building its tree;
* expat with empty Python start and end handlers and the text kept: the least that any
  reader built on Python handlers does, before it reads a single document;
* ``read_paths`` with ``--jobs 1`` and ``--jobs 2`` (documents built in the workers, sent
  back to this process and rebuilt there);
* the command ``xref docs --format jsonl`` with ``--jobs 1`` and ``--jobs 2``, end to end (a
  new process each time; the listing is made in the workers).
"""

from __future__ import annotations

import pyexpat
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from benchsets import SETS, set_of

from xref.read.headers import UNNUMBERED
from xref.read.sources import read_paths
from xref.read.tei import read_volume

_FROM = re.compile(r"\b[Ff]rom\s")
_UNDATED = re.compile(r"\bundated\b", re.I)
REVIEW = Path(__file__).resolve().parent / "ownnumbers-review.tsv"


def pct(a: int, b: int) -> str:
    """``a/b`` as a percentage, or a dash."""
    return f"{100 * a / b:5.1f}%" if b else "    - "


def main(corpus: Path, repeat: int = 3) -> None:
    """Print the metric table and the timings."""
    files = sorted(corpus.glob("*.xml"))
    tot = [0] * 8
    by_set = {name: [0] * 8 for name in SETS}
    missing: list[str] = []
    print(f"{'volume':26} {'docs':>5} {'tel':>4} {'own#':>6} {'named':>5} {'s+r':>6} "
          f"{'dated':>5} {'date':>6} {'genre':>6} {'num#':>6}")
    for path in files:
        docs = read_volume(path).documents
        tel = [d for d in docs if d.genre and "telegram" in d.genre]
        named = [d for d in docs if _FROM.search(d.heading.text) or d.sender or d.recipient]
        dated = [d for d in docs if d.dateline or d.date]
        row = (
            len(docs), len(tel), sum(d.own_number is not None for d in tel), len(named),
            sum(bool(d.sender and d.recipient) for d in named), len(dated),
            sum(d.date is not None for d in dated),
            sum(d.own_number not in (None, UNNUMBERED) for d in tel),
        )
        tot = [a + b for a, b in zip(tot, row, strict=True)]
        if set_of(path.stem) == "tuning":
            missing += [d.id for d in tel if d.own_number is None]
        part = by_set[set_of(path.stem)]
        part[:] = [a + b for a, b in zip(part, row, strict=True)]
        genre = sum(d.genre is not None for d in tel)
        print(f"{path.stem:26} {row[0]:5} {row[1]:4} {pct(row[2], row[1])} {row[3]:5} "
              f"{pct(row[4], row[3])} {row[5]:5} {pct(row[6], row[5])} {pct(genre, row[1])} "
              f"{pct(row[7], row[1])}")
    for name, t in [*((f"set: {n}", by_set[n]) for n in SETS), ("TOTAL", tot)]:
        print(f"{name:26} {t[0]:5} {t[1]:4} {pct(t[2], t[1])} {t[3]:5} "
              f"{pct(t[4], t[3])} {t[5]:5} {pct(t[6], t[5])}        {pct(t[7], t[1])}")

    review(missing)
    undated = sum(
        1 for path in files for d in read_volume(path).documents
        if d.date is None and d.dateline and _UNDATED.search(d.dateline)
    )
    print(f"(of the {tot[5] - tot[6]} dateless, {undated} have a dateline that says 'undated')")
    if repeat > 0:
        timings(files, repeat)


def review(missing: list[str]) -> None:
    """The tuning set's telegrams with no own number, against the verdicts read by hand."""
    verdicts: dict[str, str] = {}
    for line in REVIEW.read_text(encoding="utf-8").splitlines()[1:]:
        volume, doc, verdict, _ = line.split("\t", 3)
        verdicts[f"{volume}#{doc}"] = verdict
    counts = Counter(verdicts[m] for m in missing if m in verdicts)
    left = [m for m in missing if m not in verdicts]
    shown = ", ".join(f"{v} {n}" for v, n in sorted(counts.items()))
    print(f"tuning telegrams with no own number: {len(missing)}; read by hand in "
          f"{REVIEW.name}: {sum(counts.values())} ({shown or 'none'}); not reviewed: "
          f"{len(left)}{' (' + ', '.join(left) + ')' if left else ''}")


def timings(files: list[Path], repeat: int) -> None:
    """Best of ``repeat``: bare parses of the files, ``read_paths`` and ``xref docs``."""
    datas = [f.read_bytes() for f in files]
    inf = float("inf")
    best = {"expat": inf, "skeleton": inf, "etree": inf, "read1": inf, "read2": inf,
            "docs1": inf, "docs2": inf}
    n = 0

    def timed(key: str, fn: object) -> None:
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        best[key] = min(best[key], time.perf_counter() - t)

    def docs(jobs: int) -> None:
        subprocess.run(
            [sys.executable, "-m", "xref", "docs", "--format", "jsonl", "--jobs", str(jobs),
             *map(str, files)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    def skeleton() -> None:
        """The least any reader built on Python handlers does: a call per tag, text kept."""
        for d in datas:
            p = pyexpat.ParserCreate()
            p.buffer_text = True
            parts: list[str] = []
            p.StartElementHandler = lambda name, attrs: None
            p.EndElementHandler = lambda name: None
            p.CharacterDataHandler = parts.append
            p.Parse(d, True)

    for _ in range(repeat):
        timed("expat", lambda: [pyexpat.ParserCreate().Parse(d, True) for d in datas])
        timed("skeleton", skeleton)
        timed("etree", lambda: [ET.parse(f) for f in files])
        for jobs in (1, 2):
            t = time.perf_counter()
            n = sum(len(r.documents) for r in read_paths(files, jobs=jobs))
            best[f"read{jobs}"] = min(best[f"read{jobs}"], time.perf_counter() - t)
            timed(f"docs{jobs}", lambda jobs=jobs: docs(jobs))
    expat, etree = best["expat"], best["etree"]
    print(f"\nbest of {repeat}, {len(files)} files, {sum(map(len, datas)) / 1e6:.1f} MB, "
          f"{n} documents")
    print(f"bare expat parse (no handlers):      {expat:.2f}s")
    print(f"expat with empty Python handlers:    {best['skeleton']:.2f}s "
          f"({best['skeleton'] / expat:.1f}x expat)")
    print(f"bare ElementTree parse (tree built): {etree:.2f}s")
    for jobs in (1, 2):
        read = best[f"read{jobs}"]
        print(f"read_paths --jobs {jobs}: {read:.2f}s ({read / expat:.1f}x expat, "
              f"{read / etree:.2f}x ElementTree)")
    print(f"read_paths speed-up, --jobs 2 over --jobs 1: {best['read1'] / best['read2']:.2f}x")
    for jobs in (1, 2):
        print(f"xref docs --jobs {jobs} (whole command): {best[f'docs{jobs}']:.2f}s")
    print(f"xref docs speed-up, --jobs 2 over --jobs 1: {best['docs1'] / best['docs2']:.2f}x")


if __name__ == "__main__":
    default = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "frus"
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else default,
        int(sys.argv[2]) if len(sys.argv) > 2 else 3,
    )
