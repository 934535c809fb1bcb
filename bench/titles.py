"""Publication titles read: a label-free measure, per era, tuning and check sets apart.

In every note of every volume, the italic spans followed (after ``,`` or ``)``, or before a
place and publisher in parentheses) by a publication's structure (a date, a year,
``vol.``/``volume``, ``p.``/``pp.``, ``No.``: :data:`xref.cite.titles.STRUCTURE`); the share
of them inside a parsed citation of the note's plain text (any kind but ``unparsed``). Run from
the repository root::

    python bench/titles.py [--no-titles] [--leftovers N] [VOLUME ...]

``--no-titles`` registers only the volumes' series (today's behaviour before the titles
lexicon); ``--leftovers N`` lists the N commonest spans not read, of the TUNING set only (the
check set's are never printed).
"""

from __future__ import annotations

import argparse
import collections
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from benchsets import ERAS, SETS, era_of, set_of  # noqa: E402

import xref  # noqa: E402
from xref.cite.titles import STRUCTURE  # noqa: E402
from xref.read.abbreviations import register_file_series  # noqa: E402
from xref.read.titles import register_volume_titles  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "frus"
_NOTE = re.compile(rb"<note\b[^>]*>(.*?)</note>", re.S)
_ITALIC = re.compile(r"<hi\b[^>]*\brend=[\"']italic[\"'][^>]*>(.*?)</hi>", re.S)
_TAG = re.compile(r"<[^>]*>")


def _plain(markup: str) -> str:
    return html.unescape(_TAG.sub("", markup))


def measure(volume: str, data: bytes) -> tuple[int, int, list[str]]:
    """(structured italic spans, those inside a parsed citation, the spans not read)."""
    total = inside = 0
    missed: list[str] = []
    for note in _NOTE.finditer(data):
        body = note.group(1)
        if b"italic" not in body:
            continue
        markup = body.decode("utf-8", errors="replace")
        spans = []
        for m in _ITALIC.finditer(markup):
            if STRUCTURE.match(_plain(markup[m.end() : m.end() + 240])) is None:
                continue
            start = len(_plain(markup[: m.start()]))
            spans.append((start, start + len(_plain(m.group(1))), _plain(m.group(1))))
        if not spans:
            continue
        found = [c for c in xref.find_citations(_plain(markup), volume=volume)
                 if c.kind != "unparsed"]
        for s, e, span in spans:
            total += 1
            if any(c.span.start <= s and c.span.end >= e for c in found):
                inside += 1
            else:
                missed.append(" ".join(span.split()))
    return total, inside, missed


def main() -> None:
    """Print the table per era and per set."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-titles", action="store_true", help="no volume's own titles")
    ap.add_argument("--leftovers", type=int, default=0, help="list N tuning spans not read")
    ap.add_argument("volumes", nargs="*")
    args = ap.parse_args()
    paths = [CORPUS / f"{v}.xml" for v in args.volumes] or sorted(CORPUS.glob("*.xml"))
    by_era: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    leftovers: collections.Counter[str] = collections.Counter()
    for path in paths:
        vol = path.stem
        register_file_series(vol, str(path))
        data = path.read_bytes()
        if not args.no_titles:
            register_volume_titles(vol, data)
        total, inside, missed = measure(vol, data)
        row = by_era[(set_of(vol), era_of(vol))]
        row[0] += total
        row[1] += inside
        if set_of(vol) == "tuning":
            leftovers.update(missed)
    print(f"{'set':<8} {'era':<8} {'spans':>7} {'read':>7} {'share':>7}")
    for which in SETS:
        sums = [0, 0]
        for era in ERAS:
            t, i = by_era.get((which, era), [0, 0])
            if t:
                print(f"{which:<8} {era:<8} {t:>7} {i:>7} {i / t:>7.1%}")
                sums[0] += t
                sums[1] += i
        if sums[0]:
            print(f"{which:<8} {'all':<8} {sums[0]:>7} {sums[1]:>7} {sums[1] / sums[0]:>7.1%}")
    for span, n in leftovers.most_common(args.leftovers):
        print(f"{n:>5}  {span}")


if __name__ == "__main__":
    main()
