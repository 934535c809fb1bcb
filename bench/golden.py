"""Parser accuracy on the golden fixtures (``tests/fixtures/citations``), by era and by kind.

A citation counts as found when a reported citation has its kind and every field the fixture
lists; a report counts as spurious when it matches no expected citation and is not a
wrong-field version of a missing one. The totals are also given for the tuning set and the
check set (``bench/checkset.txt``; a case belongs to its volume's set). Run from the
repository root::

    python bench/golden.py [--set tuning|check] [--misses]

``--set check`` scores only the check volumes (never tuned on: do not write rules from their
failures), ``--set tuning`` only the others; ``--misses`` lists the failed cases (of the
selected set) after the tables. Each case's volume's own telegram series (its list of
abbreviations, :mod:`xref.cite.lexicon`) are read from ``../shared/corpus/frus`` when it is
there, as reading the volume does; ``--no-lexicon`` leaves them out.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))

from benchsets import SETS, set_of  # noqa: E402
from golden import Case, load_cases, matches  # noqa: E402

import xref  # noqa: E402
from xref.read.abbreviations import register_file_series  # noqa: E402
from xref.read.titles import register_file_titles  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "frus"


def register_lexicons(volumes: set[str]) -> None:
    """Register each volume's telegram series, as reading the volume does."""
    for vol in sorted(volumes):
        path = CORPUS / f"{vol}.xml"
        if path.is_file():
            register_file_series(vol, str(path))
            register_file_titles(vol, str(path))


def score(case: Case) -> tuple[list[tuple[str, bool]], int, int]:
    """Per expected citation (kind, found right); spurious reports; wrong-field reports."""
    found = xref.find_citations(case.text, volume=case.volume)
    records = [(c.kind, c.fields()) for c in found]
    used: set[int] = set()
    outcome: list[tuple[str, bool]] = []
    for exp in case.expected:
        hit = next(
            (i for i, (k, f) in enumerate(records) if i not in used and matches(k, f, exp)), None
        )
        outcome.append((exp.kind, hit is not None))
        if hit is not None:
            used.add(hit)
    missing = [k for k, ok in outcome if not ok]
    spurious = wrong = 0
    for i, (k, _) in enumerate(records):
        if i in used:
            continue
        if k in missing:
            missing.remove(k)
            wrong += 1
        else:
            spurious += 1
    return outcome, spurious, wrong


def main() -> int:
    """Print the tables."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=("all", "tuning", "check"), default="all")
    ap.add_argument("--misses", action="store_true", help="list the cases with a miss")
    ap.add_argument("--no-lexicon", action="store_true", help="no volume's own series")
    args = ap.parse_args()
    if not args.no_lexicon:
        register_lexicons({c.volume for c in load_cases()})
    by_era: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    by_kind: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    by_set: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    missed: list[str] = []
    for case in load_cases():
        if args.set != "all" and set_of(case.volume) != args.set:
            continue
        era = Path(case.file).stem
        outcome, spurious, wrong = score(case)
        if args.misses and (spurious or wrong or not all(ok for _, ok in outcome)):
            got = xref.find_citations(case.text, volume=case.volume)
            missed.append(
                f"{case.id}: {case.text}\n"
                + "".join(f"  expect {e.kind} {e.fields}\n" for e in case.expected)
                + "".join(f"  got    {c.kind} {c.fields()} {c.text!r}\n" for c in got)
            )
        for row in (by_era[era], by_set[set_of(case.volume)]):
            row[0] += sum(ok for _, ok in outcome)
            row[1] += len(outcome)
            row[2] += spurious
            row[3] += wrong
        for kind, ok in outcome:
            by_kind[kind][0] += ok
            by_kind[kind][1] += 1
    print(f"{'era':<10} {'found':>6} {'of':>5} {'recall':>7} {'spurious':>9} {'wrong':>6}")
    total = [0, 0, 0, 0]
    for era in sorted(by_era):
        r = by_era[era]
        total = [a + b for a, b in zip(total, r, strict=True)]
        print(f"{era:<10} {r[0]:>6} {r[1]:>5} {r[0] / r[1]:>7.1%} {r[2]:>9} {r[3]:>6}")
    reported = total[0] + total[2] + total[3]
    for name in SETS:
        r = by_set[name]
        share = f"{r[0] / r[1]:>7.1%}" if r[1] else f"{'-':>7}"
        print(f"{'set: ' + name:<10} {r[0]:>6} {r[1]:>5} {share} {r[2]:>9} {r[3]:>6}")
    print(f"{'TOTAL':<10} {total[0]:>6} {total[1]:>5} {total[0] / total[1]:>7.1%} "
          f"{total[2]:>9} {total[3]:>6}   spurious rate {total[2] / reported:.1%}")
    print()
    print(f"{'kind':<20} {'found':>6} {'of':>5} {'recall':>7}")
    for kind in sorted(by_kind):
        f, n = by_kind[kind]
        print(f"{kind:<20} {f:>6} {n:>5} {f / n:>7.1%}")
    if missed:
        print()
        print("\n".join(missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
