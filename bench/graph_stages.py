"""Where ``xref graph --jobs 1`` spends its time, stage by stage (one process, CPU seconds).

Usage::

    python bench/graph_stages.py [--corpus DIR] [--volumes ID ...] [--runs 2] [--out FILE]

Runs what ``build_graph(files, jobs=1)`` and ``xref graph --format json`` run, in the same
order, timing each stage with ``time.process_time``: reading (TEI reader, no source maps),
the lean copies and the index (``Corpus``, the builder's nodes), finding citations
(``find_citations``, timed where the resolver calls it, so it is taken out of resolving),
resolving (the rest of ``resolve_documents``), the edges, building the graph, and writing
the JSON export. Best of ``--runs`` per stage; the lxml parse-and-join floor of the same
files is printed as the unit.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

from benchsets import volume_files

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "frus"


def one_run(files: list[Path]) -> dict[str, float]:
    """The CPU seconds of each stage, once."""
    import xref.resolve.resolution as resolution
    from xref.graph.build import GraphBuilder, _lean, edge_from_resolution
    from xref.graph.export import write_json
    from xref.read.sources import read_paths
    from xref.resolve.corpus import Corpus

    clock = time.process_time
    spent = {"find": 0.0}
    real_find = resolution.find_citations

    def timed_find(*a, **k):  # type: ignore[no-untyped-def]
        t = clock()
        try:
            return real_find(*a, **k)
        finally:
            spent["find"] += clock() - t

    out: dict[str, float] = {}
    t = clock()
    results = list(read_paths([str(f) for f in files], jobs=1, maps=False))
    out["read"] = clock() - t
    t = clock()
    index = [_lean(r.item) for r in results if r.item is not None]
    builder = GraphBuilder()
    builder.add_corpus(index)
    corpus = Corpus.from_documents(index)
    out["index"] = clock() - t
    resolution.find_citations = timed_find
    try:
        t = clock()
        resolved = [list(resolution.resolve_documents(r.documents, corpus)) for r in results]
        out["find + resolve"] = clock() - t
    finally:
        resolution.find_citations = real_find
    out["find"] = spent["find"]
    out["resolve"] = out["find + resolve"] - spent["find"]
    del out["find + resolve"]
    t = clock()
    edges = [edge_from_resolution(r) for rs in resolved for r in rs]
    out["edges"] = clock() - t
    t = clock()
    for e in edges:
        builder.add_edge(e)
    graph = builder.build()
    out["graph build"] = clock() - t
    t = clock()
    with tempfile.TemporaryDirectory() as tmp, open(os.path.join(tmp, "g.json"), "w",
                                                    encoding="utf-8") as fh:
        write_json(graph, fh)
        graph.summary()
    out["export (json)"] = clock() - t
    return out


def main() -> None:
    """Print the stage breakdown."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--volumes", nargs="+", metavar="ID")
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    files = volume_files(args.corpus, args.volumes)
    from jobs import lxml_seconds

    best: dict[str, float] = {}
    floor = float("inf")
    for _ in range(args.runs):
        floor = min(floor, lxml_seconds(files))
        gc.collect()
        for k, v in one_run(files).items():
            best[k] = min(best.get(k, float("inf")), v)
        gc.collect()
    total = sum(best.values())
    mb = sum(f.stat().st_size for f in files) / 1e6
    print(f"{len(files)} files, {mb:.1f} MB, best of {args.runs} CPU per stage "
          f"(load {os.getloadavg()[0]:.2f}); xref from {ROOT}")
    for k, v in best.items():
        print(f"  {k:<16} {v:7.2f} s  {100 * v / total:5.1f} %  {v / floor:5.2f}x lxml")
    print(f"  {'total':<16} {total:7.2f} s          {total / floor:5.2f}x lxml")
    print(f"  {'lxml floor':<16} {floor:7.2f} s")


if __name__ == "__main__":
    main()
