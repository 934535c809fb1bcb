"""Citation-looking words left unparsed: a label-free measure of the grammar (issue 12).

Every occurrence of a word that citations are made of (``telegram``, a telegram series such as
``Deptel`` or the volume's own ``Todel``, ``despatch``, ``airgram``, ``Document``,
``footnote``, ``Lot``, ``Box``, ``Files``, ``Papers``, ``Library``, ``RG``, ``FRC``, ``Job``,
a decimal file ``611.74/``, ``vol.``, ``p.``/``pp.``, ``ibid.``, ``supra``/``infra``) in the
text xref reads (source notes, bodies and footnotes; headings are the document's own
description, not citations) is counted as

* ``parsed``: inside the span of a parsed citation;
* ``unparsed``: inside the span of a citation reported as ``unparsed`` (the user sees it);
* ``left``: neither: either a citation the grammar missed, or prose (``he sent a telegram``).

No labels are needed, so it runs on any volume. Usage, from the repository root::

    python bench/unparsed.py [--corpus DIR] [--volumes ID ...] [--jobs N]
                             [--sample N --seed S --out FILE]

Prints, per word, the tuning set's counts by era and the share parsed; the check set
(``bench/checkset.txt``) only as aggregate counts, never its occurrences. ``--sample`` writes
a seeded random sample of the tuning set's ``left`` occurrences, with context, for reading.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchsets import ERAS, era_of, pct, set_of, volume_files  # noqa: E402

from xref.cite.find import find_citations  # noqa: E402
from xref.cite.lexicon import lexicon_for  # noqa: E402
from xref.read.sources import FileResult, map_files  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "frus"

STATUSES = ("parsed", "unparsed", "left")

# Telegram series every era uses (a volume's own series are added from its list of
# abbreviations, see ``series_words``).
_COMMON_SERIES = (
    "Deptel", "Embtel", "Urtel", "Reftel", "Mytel", "Circtel", "Contel", "Secto",
    "Tosec", "Delto", "Todel", "Polto", "Topol", "Usito", "Tousi", "Ecato", "Toeca",
)

WORDS: dict[str, str] = {
    "telegram": r"\b[Tt]elegrams?\b|\bTELEGRAMS?\b",
    "tel": r"\b[Tt]els?\b\.?(?!\s*Aviv)",
    "despatch": r"\b[Dd]espatch(?:es)?\b|\b[Dd]ispatch(?:es)?\b",
    "airgram": r"\b[Aa]irgrams?\b|\bAIRGRAMS?\b",
    "Document": r"\b[Dd]ocuments?\b",
    "footnote": r"\b[Ff]ootnotes?\b",
    "Lot": r"\b(?:[Ll]ots?|LOT)\b",
    "Box": r"\b(?:[Bb]ox(?:es)?|BOX)\b",
    "Files": r"\b[Ff]iles?\b",
    "Papers": r"\bPapers\b",
    "Library": r"\bLibrary\b",
    "RG": r"\bRG\b",
    "FRC": r"\bFRC\b",
    "Job": r"\bJob\b",
    "decimal file": r"\b\d{3}[A-Z]?(?:\.[0-9A-Z]+)+(?:[ –-][A-Za-z]+)?/",
    "vol.": r"\b[Vv]ols?\.",
    "p./pp.": r"\bpp?\.\s*\d",
    "ibid.": r"\b[Ii]bid\b",
    "supra/infra": r"\b(?:supra|infra)\b",
}
"""Each citation-looking word and the pattern of its occurrences (the series word is added
per volume: ``series_words``)."""

_PATTERNS = {w: re.compile(p) for w, p in WORDS.items()}

Occurrence = tuple[str, str, str, str]
"""(word, status, where, context) of one occurrence."""


def series_pattern(volume: str | None) -> re.Pattern[str]:
    """The telegram series words of a volume: the common ones and those its list of
    abbreviations defines (read with the volume), each also in the plural."""
    names = set(_COMMON_SERIES) | set(lexicon_for(volume).series)
    alts = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})s?\b")


def statuses(text: str, volume: str | None) -> list[tuple[str, str, int, int]]:
    """Every citation-looking word of ``text`` as (word, status, start, end)."""
    cits = find_citations(text, volume=volume)
    parsed = sorted((c.span.start, c.span.end) for c in cits if c.kind != "unparsed")
    unparsed = sorted((c.span.start, c.span.end) for c in cits if c.kind == "unparsed")
    tables = []
    for spans in (parsed, unparsed):
        tables.append(([a for a, _ in spans], list(accumulate((b for _, b in spans), max))))

    def inside(k: int, start: int, end: int) -> bool:
        starts, reach = tables[k]
        i = bisect_right(starts, start)
        return bool(i) and reach[i - 1] >= end

    out = []
    pats = [*_PATTERNS.items(), ("series", series_pattern(volume))]
    for word, pat in pats:
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            if word == "p./pp.":
                e = s + m.group().index(".") + 1
            status = "parsed" if inside(0, s, e) else "unparsed" if inside(1, s, e) else "left"
            out.append((word, status, s, e))
    return out


def volume_rows(result: FileResult) -> tuple[str, Counter[tuple[str, str]], list[Occurrence]]:
    """One volume's counts by (word, status), and its ``left`` occurrences with context (for
    a tuning volume only: the check set's are never kept)."""
    if result.error is not None or result.volume is None:
        raise SystemExit(f"{result.path}: {result.error}")
    vid = result.volume.id
    keep = set_of(vid) == "tuning"
    counts: Counter[tuple[str, str]] = Counter()
    left: list[Occurrence] = []
    for doc in result.volume.documents:
        for c in doc.containers():
            if c.where == "heading":
                continue
            text = c.text
            for word, status, s, e in statuses(text, doc.volume):
                counts[word, status] += 1
                if keep and status == "left":
                    ctx = f"{text[max(0, s - 90):s]}⟦{text[s:e]}⟧{text[e:e + 90]}"
                    ctx = ctx.replace("\n", " ")
                    left.append((word, status, f"{doc.id} {c.key}", ctx))
    return vid, counts, left


def main(argv: Sequence[str] | None = None) -> None:
    """Measure and print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory of TEI volumes")
    ap.add_argument("--volumes", nargs="+", metavar="ID", help="volumes to measure (default: all)")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes")
    ap.add_argument("--sample", type=int, default=0, help="tuning leftovers to sample")
    ap.add_argument("--seed", type=int, default=12, help="the sample's seed")
    ap.add_argument("--out", type=Path, help="where the sample goes (default: stdout)")
    ap.add_argument("--leftovers", type=Path, help="write every tuning leftover to this file")
    args = ap.parse_args(argv)
    paths = volume_files(args.corpus.resolve(), args.volumes)

    by_era: dict[str, Counter[tuple[str, str]]] = {}
    by_set: dict[str, Counter[tuple[str, str]]] = {"tuning": Counter(), "check": Counter()}
    left: list[Occurrence] = []
    for vid, counts, occ in map_files(volume_rows, paths, jobs=args.jobs):
        s = set_of(vid)
        by_set[s].update(counts)
        if s == "tuning":
            by_era.setdefault(era_of(vid), Counter()).update(counts)
            left.extend(occ)

    words = [*WORDS, "series"]
    eras = [e for e in [*ERAS, *sorted(set(by_era) - set(ERAS))] if e in by_era]
    print("TUNING set: per word and era, occurrences (parsed / unparsed / left), share parsed")
    print(f"{'word':13} " + " ".join(f"{e:>16}" for e in eras))
    for w in words:
        cells = []
        for e in eras:
            c = by_era[e]
            n = sum(c[w, st] for st in STATUSES)
            cells.append(f"{n:5} {pct(c[w, 'parsed'], n):>6} {c[w, 'left']:4}" if n else
                         f"{'-':>16}")
        print(f"{w:13} " + " ".join(f"{x:>16}" for x in cells))
    print("(each cell: occurrences, share parsed, left)\n")
    print(f"{'word':13} {'set':7} {'all':>7} {'parsed':>7} {'unpars':>7} {'left':>7} "
          f"{'parsed%':>8} {'seen%':>8}")
    for s in ("tuning", "check"):
        c = by_set[s]
        for w in [*words, "TOTAL"]:
            if w == "TOTAL":
                p, u, lf = (sum(v for (_, st), v in c.items() if st == x) for x in STATUSES)
            else:
                p, u, lf = (c[w, x] for x in STATUSES)
            n = p + u + lf
            print(f"{w:13} {s:7} {n:7} {p:7} {u:7} {lf:7} {pct(p, n):>8} {pct(p + u, n):>8}")
        print()
    print("parsed%: inside a parsed citation; seen%: parsed or reported as unparsed; left: "
          "neither (a missed citation or prose).")
    if args.leftovers:
        args.leftovers.write_text("".join(f"{w}\t{where}\t{ctx}\n" for w, _, where, ctx in left),
                                  encoding="utf-8")
    if args.sample:
        rng = random.Random(args.seed)
        pick = rng.sample(left, min(args.sample, len(left)))
        lines = [f"{w}\t{where}\t{ctx}" for w, _, where, ctx in pick]
        text = "\n".join(lines) + "\n"
        if args.out:
            args.out.write_text(text, encoding="utf-8")
            print(f"sample of {len(pick)} tuning leftovers (seed {args.seed}): {args.out}")
        else:
            print(text)


if __name__ == "__main__":
    main()
