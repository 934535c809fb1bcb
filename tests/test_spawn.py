"""``read_paths``, ``map_files`` and ``build_graph`` with worker processes under the
``spawn`` and ``forkserver`` start methods, called from a script with no ``__main__`` guard;
and ``ReferenceGraph.to_networkx``."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXCERPT = ROOT / "fixtures" / "tei" / "frus1958-60v11-d7-d9.xml"
TEXT = ROOT / "fixtures" / "text"

SCRIPT = """
import multiprocessing
multiprocessing.set_start_method({method!r})
import functools, xref
from xref.cli.docs import _listing
from xref.graph.build import build_graph
from xref.read.sources import map_files
paths = [{excerpt!r}, {text!r}]
results = list(xref.read_paths(paths, jobs=2))
print("read", [r.path.rsplit("/", 1)[-1] for r in results], [r.error for r in results])
listed = list(map_files(functools.partial(_listing, "jsonl"), paths, jobs=2))
print("mapped", sum(out.count("\\n") for out, _, _ in listed))
print("graph", len(build_graph(paths, jobs=2).nodes) > 0)
"""


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_workers_without_a_main_guard(tmp_path: Path, method: str) -> None:
    """The script's top level runs once: the workers do not run it again."""
    script = tmp_path / "unguarded.py"
    script.write_text(
        textwrap.dedent(SCRIPT.format(method=method, excerpt=str(EXCERPT), text=str(TEXT))),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    names = sorted(p.name for p in TEXT.glob("*.txt"))
    assert out.stdout.splitlines() == [
        f"read {[EXCERPT.name, *names]} {[None] * (1 + len(names))}",
        f"mapped {3 + len(names)}",  # the excerpt has documents 7, 8 and 9
        "graph True",
    ]


def test_to_networkx() -> None:
    """Every node and edge, with their attributes; edges keyed by their position."""
    nx = pytest.importorskip("networkx")
    from xref.graph.build import build_graph

    graph = build_graph([EXCERPT], jobs=1)
    g = graph.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(graph.nodes)
    assert g.number_of_edges() == len(graph.edges)
    assert g.nodes["frus1958-60v11#d8"]["type"] == "document"
    assert g.nodes["frus1958-60v11#d8"]["date"] == "1958-02-27"
    first = graph.edges[0]
    assert g.edges[first.source, first.target, 0]["text"] == first.text
