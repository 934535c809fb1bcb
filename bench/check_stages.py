"""Where ``xref check``'s time goes, stage by stage, in one process.

Usage: ``python bench/check_stages.py [CORPUS_DIR] [--limit N]``

Reads the volumes (one process), builds the corpus and the id sets, then, volume by volume,
resolves every citation (finding and resolving: the ``resolutions`` line) and runs each rule
(``XR019`` includes the whole-volume scan that XR019-XR025 share), timing each step in CPU
seconds, then formats the JSON. The findings are those of ``xref check --jobs 1``.
"""

from __future__ import annotations

import argparse
import io
import json
import time
from collections import Counter
from pathlib import Path

from xref.checks import runner
from xref.checks.context import Context
from xref.checks.rules import RULES
from xref.checks.suppress import unsuppressed
from xref.read.sources import read_paths
from xref.resolve.corpus import Corpus

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "frus"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(SHARED))
    ap.add_argument("--limit", type=int, default=None, help="only the first N volumes")
    args = ap.parse_args()
    files = sorted(Path(args.corpus).glob("*.xml"))[: args.limit]
    spent: Counter[str] = Counter()
    clock = time.process_time

    started = clock()
    volumes = [r.volume for r in read_paths(files, jobs=1) if r.volume is not None]
    spent["read"] += clock() - started
    started = clock()
    corpus = Corpus.from_documents(volumes)
    spent["corpus"] += clock() - started
    started = clock()
    data = runner._Files()
    ids = {v.id: runner._ids_of(v, data.get(v.path)) for v in volumes}
    spent["ids"] += clock() - started
    findings: list[runner.Finding] = []
    for volume in volumes:
        ctx = Context(volume.documents, corpus, volume, ids)
        started = clock()
        ctx.resolutions()
        spent["resolutions"] += clock() - started
        found: list[runner.Finding] = []
        for rule in RULES:
            started = clock()
            hits = list(rule.function(ctx))
            spent[rule.id] += clock() - started
            started = clock()
            found += [runner._finding(rule, h, data, volume) for h in hits]
            spent["locate"] += clock() - started
        found.sort(key=lambda f: (f.line, f.column, f.rule))
        findings += unsuppressed(found, volume.path, data.get(volume.path))
    started = clock()
    json.dump([f.to_dict() for f in findings], io.StringIO(), ensure_ascii=False, indent=1)
    spent["json"] += clock() - started
    total = sum(spent.values())
    print(f"{len(volumes)} volumes, {len(findings):,} findings, {total:.1f} s CPU")
    for step, seconds in spent.most_common():
        if seconds >= 0.05:
            print(f"{step:12} {seconds:6.2f} s  {100 * seconds / total:4.1f} %")
    return 0



if __name__ == "__main__":
    raise SystemExit(main())
