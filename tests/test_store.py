"""Exports read back: JSON, GraphML, CSV and SQLite give the same graph; DOT; xref query."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from xref.cli import main
from xref.graph.build import Edge, GraphBuilder, ReferenceGraph, build_graph
from xref.graph.export import from_node_link, read_csv, read_graphml, to_node_link, write_graph
from xref.graph.store import SCHEMA, cited_by, cites, connect, read_sqlite, top_external, unresolved

EXCERPT = "frus1958-60v11-d7-d9.xml"


@pytest.fixture(scope="module")
def graph() -> ReferenceGraph:
    g = build_graph([Path(__file__).parents[1] / "fixtures" / "tei" / EXCERPT], jobs=1)
    # awkward text: quotes, markup characters, a control character, non-ASCII
    b = GraphBuilder()
    b.add_edge(
        Edge(
            "v#d1",
            'telegram:A "B"->C<D>:1&2:1962',
            "telegram",
            "external",
            document="v#d1",
            text='Tel "1" <b>\u2013 &\x01',
            confidence=0.5,
        )
    )
    extra = b.build()
    return ReferenceGraph((*g.nodes, *extra.nodes), (*g.edges, *extra.edges))


def _json_graph(graph: ReferenceGraph, tmp_path: Path) -> ReferenceGraph:
    path = tmp_path / "g.json"
    write_graph(graph, "json", path)
    return from_node_link(json.loads(path.read_text(encoding="utf-8")))


def _clean(graph: ReferenceGraph) -> ReferenceGraph:
    # XML cannot carry control characters: compare without them
    edges = tuple(
        Edge(**{**e.as_dict(), "text": "".join(c for c in e.text if c >= " ")}) for e in graph.edges
    )
    return ReferenceGraph(graph.nodes, edges)


def test_json_round_trip(graph: ReferenceGraph, tmp_path: Path) -> None:
    """Node-link JSON read back is the same graph."""
    assert _json_graph(graph, tmp_path) == graph


def test_graphml_round_trip(graph: ReferenceGraph, tmp_path: Path) -> None:
    """GraphML read back gives the same nodes and edges as the JSON."""
    path = tmp_path / "g.graphml"
    write_graph(graph, "graphml", path)
    assert read_graphml(path) == _clean(_json_graph(graph, tmp_path))


def test_sqlite_round_trip(graph: ReferenceGraph, tmp_path: Path) -> None:
    """SQLite read back gives the same nodes and edges as the JSON."""
    path = tmp_path / "g.sqlite"
    write_graph(graph, "sqlite", path)
    write_graph(graph, "sqlite", path)  # an existing file is replaced
    assert read_sqlite(path) == _json_graph(graph, tmp_path)


@pytest.mark.parametrize("name", ["tables", "tables.zip"])
def test_csv_round_trip(graph: ReferenceGraph, tmp_path: Path, name: str) -> None:
    """nodes.csv and edges.csv (a directory or a zip) read back are the same graph."""
    write_graph(graph, "csv", tmp_path / name)
    assert read_csv(tmp_path / name) == _json_graph(graph, tmp_path)


def test_networkx_reads_graphml_and_json(graph: ReferenceGraph, tmp_path: Path) -> None:
    """networkx loads the GraphML (typed) and the node-link JSON."""
    nx = pytest.importorskip("networkx")
    path = tmp_path / "g.graphml"
    write_graph(graph, "graphml", path)
    g = nx.read_graphml(path)
    assert g.number_of_nodes() == len(graph.nodes)
    assert g.number_of_edges() == len(graph.edges)
    assert g.nodes["frus1958-60v11#d7"]["missing"] is False
    starts = [d["start"] for _, _, d in g.edges(data=True)]
    assert all(isinstance(s, int) for s in starts)
    data = to_node_link(graph)
    h = nx.node_link_graph(data, edges="links")
    assert h.number_of_edges() == len(graph.edges)


def test_dot_renders(graph: ReferenceGraph, tmp_path: Path) -> None:
    """Graphviz renders the DOT file (ids with quotes and arrows are quoted)."""
    path = tmp_path / "g.dot"
    write_graph(graph, "dot", path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("digraph xref {") and '"frus1958-60v11#d7"' in text
    dot = shutil.which("dot")
    if dot is None:
        pytest.skip("Graphviz is not installed")
    done = subprocess.run([dot, "-Tsvg", str(path)], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"<svg" in done.stdout


def test_schema_has_indexes(graph: ReferenceGraph, tmp_path: Path) -> None:
    """The documented schema is the database's, with its indexes."""
    path = tmp_path / "g.sqlite"
    write_graph(graph, "sqlite", path)
    with connect(path) as db:
        names = {r["name"] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        plan = " ".join(
            str(tuple(r))
            for r in db.execute("EXPLAIN QUERY PLAN SELECT * FROM edges WHERE target = 'x'")
        )
    assert {"edges_source", "edges_target", "nodes_type"} <= names
    assert "edges_target" in plan
    assert "CREATE INDEX edges_source ON edges(source);" in SCHEMA


def test_queries(graph: ReferenceGraph, tmp_path: Path) -> None:
    """The common questions: cites, cited by, most-cited external files, unresolved."""
    path = tmp_path / "g.sqlite"
    write_graph(graph, "sqlite", path)
    with connect(path) as db:
        out = cites(db, "frus1958-60v11#d8")
        assert ("frus1958-60v11#d7", "resolved") in {(r["target"], r["status"]) for r in out}
        back = cited_by(db, "frus1958-60v11#d7")
        assert {r["source"] for r in back} == {"frus1958-60v11#d8", "frus1958-60v11#d9"}
        top = top_external(db, "central_file", 3)
        assert top[0]["id"] == "central_file:783A.00/2-2158" and top[0]["citations"] == 2
        assert all(r["kind"] == "central_file" for r in top)
        bad = unresolved(db)
        assert bad and all(r["status"] in ("unresolved", "ambiguous") and r["reason"] for r in bad)


def test_cli_query(
    graph: ReferenceGraph, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``xref query`` prints tables or JSON lines; a missing database is exit 2."""
    path = tmp_path / "g.sqlite"
    write_graph(graph, "sqlite", path)
    assert main(["query", str(path), "--cited-by", "frus1958-60v11#d7"]) == 0
    assert "frus1958-60v11#d9" in capsys.readouterr().out
    assert (
        main(["query", str(path), "--top-external", "all", "--limit", "2", "--format", "jsonl"])
        == 0
    )
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["query", str(tmp_path / "nope.sqlite"), "--unresolved"]) == 2
    (tmp_path / "junk.sqlite").write_text("not a database")
    assert main(["query", str(tmp_path / "junk.sqlite"), "--unresolved"]) == 2
