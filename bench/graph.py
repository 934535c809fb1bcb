"""Build the reference graph of the dev corpus: size, cross-volume edges, time, peak memory.

Usage: ``python bench/graph.py [CORPUS_DIR] [--jobs N]`` (default ``../shared/corpus/frus``).

Builds the graph of the first 5, 10 and all 20 volumes (sorted by name), each in a fresh
process so that peak memory (``resource.getrusage`` max RSS) is that build's alone: the
main process (index of lean documents + the graph) and the largest worker (one volume's
full text at a time). Memory per citation staying level while XML and text grow shows that
the graph grows with citations, not with text. Then writes every export of the full graph
and times it.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "corpus" / "frus"


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def child(corpus: Path, n: int, jobs: int | None, exports: bool) -> None:
    """Build the graph of the first ``n`` volumes and print one JSON line of figures."""
    from xref.graph.build import build_graph
    from xref.graph.export import write_graph

    files = sorted(corpus.glob("*.xml"))[:n]
    base = _rss_mb(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    errors: list[str] = []
    graph = build_graph(files, jobs=jobs, on_error=lambda e: errors.append(str(e)))
    seconds = time.perf_counter() - t0
    summary = graph.summary()
    out = {
        "volumes": len(files),
        "xml_mb": sum(f.stat().st_size for f in files) / 1e6,
        "nodes": summary["nodes"],
        "edges": summary["edges"],
        "citations": summary["citations"],
        "cross_volume": summary["cross_volume"],
        "nodes_by_type": summary["nodes_by_type"],
        "missing": summary["missing"],
        "by_status": summary["by_status"],
        "seconds": seconds,
        "errors": errors,
        "rss_base_mb": base,
        "rss_main_mb": _rss_mb(resource.RUSAGE_SELF),
        "rss_worker_mb": _rss_mb(resource.RUSAGE_CHILDREN),
    }
    if exports:
        timings = {}
        with tempfile.TemporaryDirectory() as tmp:
            for fmt, name in (
                ("json", "g.json"),
                ("graphml", "g.graphml"),
                ("dot", "g.dot"),
                ("csv", "g.zip"),
                ("sqlite", "g.sqlite"),
            ):
                t = time.perf_counter()
                write_graph(graph, fmt, Path(tmp) / name)
                size = (Path(tmp) / name).stat().st_size / 1e6
                timings[fmt] = [round(time.perf_counter() - t, 2), round(size, 1)]
        out["exports"] = timings
    print(json.dumps(out))


def main(argv: list[str]) -> None:
    """Run the children and print the table."""
    corpus = DEFAULT
    jobs = None
    args = list(argv)
    if "--jobs" in args:
        i = args.index("--jobs")
        jobs = int(args[i + 1])
        del args[i : i + 2]
    if args:
        corpus = Path(args[0])
    total = len(list(corpus.glob("*.xml")))
    rows = []
    for n in sorted({min(5, total), min(10, total), total}):
        cmd = [sys.executable, __file__, "--child", str(corpus), str(n), str(jobs or 0)]
        if n == total:
            cmd.append("--exports")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path[1:2]])}
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
        if done.returncode != 0:
            sys.exit(f"bench/graph.py: the {n}-volume build failed:\n{done.stderr}")
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"python {sys.version.split()[0]}, jobs={jobs or 'cores'}, corpus {corpus.resolve()}")
    print(
        f"{'vols':>4} {'XML MB':>7} {'citations':>9} {'nodes':>7} {'edges':>7} {'x-vol':>6} "
        f"{'secs':>6} {'main MB':>8} {'graph MB':>8} {'KB/cit':>7} {'worker MB':>9}"
    )
    for r in rows:
        grown = r["rss_main_mb"] - r["rss_base_mb"]
        print(
            f"{r['volumes']:>4} {r['xml_mb']:>7.1f} {r['citations']:>9} {r['nodes']:>7} "
            f"{r['edges']:>7} {r['cross_volume']:>6} {r['seconds']:>6.1f} "
            f"{r['rss_main_mb']:>8.0f} {grown:>8.0f} {1024 * grown / r['citations']:>7.2f} "
            f"{r['rss_worker_mb']:>9.0f}"
        )
    full = rows[-1]
    print(f"nodes by type: {full['nodes_by_type']}; missing: {full['missing']}")
    for error in full["errors"]:
        print(f"error (document left out): {error}")
    print(f"citations by status: {full['by_status']}")
    print("exports (seconds, MB): " + ", ".join(f"{k} {v}" for k, v in full["exports"].items()))
    print(
        "main MB: peak RSS of the process that holds the lean index and the graph; graph MB: "
        "its growth over the baseline after imports; worker MB: the largest worker (one volume)"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(
            Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]) or None, "--exports" in sys.argv
        )
    else:
        main(sys.argv[1:])
