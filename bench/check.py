"""``xref check`` over the development corpus and the seeds: findings per rule, and time.

    python bench/check.py [CORPUS_DIR] [SEEDS_DIR]
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

from xref.checks.rules import RULES
from xref.checks.runner import check_inputs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "frus"
SEEDS = ROOT.parent / "shared" / "seeds"


def main(argv: list[str]) -> int:
    """Print the count of findings per rule."""
    corpus = Path(argv[0]) if argv else CORPUS
    seeds = Path(argv[1]) if len(argv) > 1 else SEEDS
    started = time.perf_counter()
    result = check_inputs([str(corpus), str(seeds)])
    findings, errors = result.findings, result.errors
    seconds = time.perf_counter() - started
    counts = collections.Counter(f.rule for f in findings)
    print(f"{'rule':<7} {'name':<26} {'findings':>8}")
    for rule in RULES:
        print(f"{rule.id:<7} {rule.name:<26} {counts.get(rule.id, 0):>8}")
    print(f"{'total':<34} {len(findings):>8}   unreadable inputs: {len(errors)}   {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
