"""Metamorphic tests of the grammar on the tuning set's golden citations (issue 12).

Each golden case of the tuning set (``tests/fixtures/citations``, volumes not in
``bench/checkset.txt``) that xref reads right as it is, is rewritten by transformations that
must not change what it cites except in a predictable field: a keyword's case, the dash in a
file number or range, a telegram's number of 1 to 5 digits, a decimal file's subdivisions, the
written form of a lot, another post, another month and day, a list in place of one number, a
stop after the citation, the citation further inside a sentence, and more (the transforms are
in ``bench/metamorphic_transforms.py``, ``bench/metamorphic_telegrams.py`` and
``bench/metamorphic_crossrefs.py``). Each
transform's expected fields are derived from the case's expected fields by the transform
itself, never by running xref on the transformed text. The report gives, per transform, how
many variants still give every expected citation (kind and fields) and how many spurious
reports they add. Run from the repository root::

    python bench/metamorphic.py [--failures N] [--only NAME]

Only the tuning set is ever read here: the check set is not tuned on.
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

from benchsets import set_of  # noqa: E402
from golden import Case, Expected, load_cases, matches  # noqa: E402
from metamorphic_crossrefs import TRANSFORMS  # noqa: E402

import xref  # noqa: E402
from xref.read.abbreviations import register_file_series  # noqa: E402
from xref.read.titles import register_file_titles  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "frus"


# ---------------------------------------------------------------- scoring


def passes(text: str, expected: list[Expected], volume: str) -> tuple[bool, int]:
    """Whether every expected citation is found; how many reports match none."""
    found = [(c.kind, c.fields()) for c in xref.find_citations(text, volume=volume)]
    used: set[int] = set()
    ok = True
    for exp in expected:
        hit = next((i for i, (k, f) in enumerate(found)
                    if i not in used and matches(k, f, exp)), None)
        if hit is None:
            ok = False
        else:
            used.add(hit)
    return ok, len(found) - len(used)


def tuning_cases() -> list[Case]:
    """The tuning set's golden cases that xref reads right as they are."""
    out = []
    for case in load_cases():
        if set_of(case.volume) != "tuning":
            continue
        ok, extra = passes(case.text, case.expected, case.volume)
        if ok and extra == 0:
            out.append(case)
    return out


def main() -> int:
    """Print the table (and, with ``--failures``, some failing variants per transform)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--failures", type=int, default=0, help="list N failing variants each")
    ap.add_argument("--only", help="run this transform only")
    args = ap.parse_args()
    for vol in sorted({c.volume for c in load_cases() if set_of(c.volume) == "tuning"}):
        path = CORPUS / f"{vol}.xml"
        if path.is_file():
            register_file_series(vol, str(path))
            register_file_titles(vol, str(path))
    cases = tuning_cases()
    print(f"tuning cases read right as they are: {len(cases)}")
    print(f"{'transform':<24} {'variants':>8} {'kept':>6} {'share':>7} {'spurious':>9}")
    total = [0, 0, 0]
    fails: dict[str, list[str]] = collections.defaultdict(list)
    for name, transform in TRANSFORMS.items():
        if args.only and name != args.only:
            continue
        row = [0, 0, 0]
        for case in cases:
            for text, expected in transform(case):
                ok, extra = passes(text, expected, case.volume)
                row[0] += 1
                row[1] += ok
                row[2] += extra
                if (not ok or extra) and len(fails[name]) < args.failures:
                    got = xref.find_citations(text, volume=case.volume)
                    fails[name].append(
                        f"{case.id}: {text}\n"
                        + "".join(f"  expect {e.kind} {e.fields}\n" for e in expected)
                        + "".join(f"  got    {c.kind} {c.fields()} {c.text!r}\n" for c in got))
        total = [a + b for a, b in zip(total, row, strict=True)]
        share = f"{row[1] / row[0]:.1%}" if row[0] else "-"
        print(f"{name:<24} {row[0]:>8} {row[1]:>6} {share:>7} {row[2]:>9}")
    print(f"{'TOTAL':<24} {total[0]:>8} {total[1]:>6} {total[1] / max(total[0], 1):>7.1%} "
          f"{total[2]:>9}")
    for name, lines in fails.items():
        if not lines:
            continue
        print(f"\n== {name}")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
