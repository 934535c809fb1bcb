"""The reference graph: nodes, edges, missing targets, lean corpus, ``xref graph``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xref.cli import main
from xref.graph.build import (
    Edge,
    GraphBuilder,
    Node,
    ReferenceGraph,
    build_graph,
    edge_from_resolution,
)
from xref.read.sources import read_paths
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import resolve_documents

EXCERPT = "frus1958-60v11-d7-d9.xml"


@pytest.fixture
def graph(tei_dir: Path) -> ReferenceGraph:
    return build_graph([tei_dir / EXCERPT], jobs=1)


def test_every_citation_is_an_edge(graph: ReferenceGraph, tei_dir: Path) -> None:
    """One citation edge per resolution, in reading order, with provenance."""
    results = list(read_paths([tei_dir / EXCERPT], jobs=1))
    corpus = Corpus.from_documents([r.volume for r in results if r.volume])
    docs = [d for r in results for d in r.documents]
    expected = [edge_from_resolution(r) for r in resolve_documents(docs, corpus)]
    assert list(graph.citations()) == expected
    assert all(e.document == e.source and e.end > e.start and e.text for e in expected)


def test_node_types_and_ids(graph: ReferenceGraph) -> None:
    """Documents carry header fields; every edge end is a node; ids are unique."""
    ids = [n.id for n in graph.nodes]
    assert len(ids) == len(set(ids))
    for e in graph.edges:
        assert e.source in ids and e.target in ids
    d7 = graph.node("frus1958-60v11#d7")
    assert d7 is not None and d7.type == "document" and not d7.missing
    assert d7.attrs["heading"].startswith("7. Telegram")
    assert d7.attrs["date"] == "1958-02-21"
    assert d7.attrs["url"] == "https://history.state.gov/historicaldocuments/frus1958-60v11/d7"
    volume = graph.node("frus1958-60v11")
    assert volume is not None and volume.type == "volume" and not volume.missing


def test_external_items_meet_in_one_node(graph: ReferenceGraph) -> None:
    """Two citations of one Central File point at one external node."""
    edges = [e for e in graph.citations() if e.target == "central_file:783A.00/2-2158"]
    assert len(edges) == 2
    node = graph.node("central_file:783A.00/2-2158")
    assert node is not None and node.type == "external" and node.attrs["kind"] == "central_file"


def test_missing_target_is_a_node(graph: ReferenceGraph) -> None:
    """An unresolved citation of a document not in the volume still has a node, missing."""
    missing = [n for n in graph.nodes if n.missing]
    assert missing
    unresolved = [e for e in graph.citations() if e.status == "unresolved"]
    assert unresolved
    for e in unresolved:
        node = graph.node(e.target)
        assert node is not None and node.missing


def test_volume_not_loaded_is_a_missing_document_and_volume() -> None:
    """``VOLUME#dN`` of a volume not loaded: a missing document tied to a missing volume."""
    b = GraphBuilder()
    b.add_edge(Edge("v1#d1", "frus1961-63v11#d243", "document", "external", document="v1#d1"))
    g = b.build()
    target = g.node("frus1961-63v11#d243")
    assert target is not None and target.type == "document" and target.missing
    volume = g.node("frus1961-63v11")
    assert volume is not None and volume.type == "volume" and volume.missing
    assert (
        Edge(
            "frus1961-63v11#d243",
            "frus1961-63v11",
            "part_of",
            "structural",
            document="frus1961-63v11#d243",
        )
        in g.edges
    )
    assert g.cross_volume() == 1


def test_footnote_target_belongs_to_its_document() -> None:
    """A cited footnote is a node tied to its document by a ``part_of`` edge."""
    b = GraphBuilder()
    b.add_edge(Edge("v#d1", "v#d2fn3", "footnote", "resolved", document="v#d1"))
    g = b.build()
    fn = g.node("v#d2fn3")
    assert fn is not None and fn.type == "footnote" and fn.attrs["document"] == "v#d2"
    assert any(e.source == "v#d2fn3" and e.target == "v#d2" for e in g.edges)


def test_unknown_node_attribute_is_refused() -> None:
    """Node attributes are a closed, typed set (exports declare them)."""
    with pytest.raises(ValueError):
        Node("x", "external", "x", {"colour": "red"})


def test_unreadable_file_raises_or_is_reported(tei_dir: Path) -> None:
    """A bad file raises; with ``on_error`` it is reported and the rest goes on."""
    from xref.errors import XrefError

    with pytest.raises(XrefError):
        build_graph([tei_dir / "junk.xml"], jobs=1)
    seen: list[XrefError] = []
    g = build_graph([tei_dir / "junk.xml", tei_dir / EXCERPT], jobs=1, on_error=seen.append)
    assert len(seen) == 1 and g.node("frus1958-60v11#d7") is not None


def test_parallel_equals_serial(tei_dir: Path, text_dir: Path) -> None:
    """Worker processes give the same graph as one process."""
    paths = [tei_dir / EXCERPT, text_dir]
    assert build_graph(paths, jobs=2, volume="frus1961-63v11") == build_graph(
        paths, jobs=1, volume="frus1961-63v11"
    )


def test_cli_graph_json(tei_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``xref graph --format json`` writes node-link JSON; a binary format needs -o."""
    out = tmp_path / "g.json"
    assert main(["graph", str(tei_dir / EXCERPT), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["directed"] and data["multigraph"]
    assert {n["type"] for n in data["nodes"]} >= {"document", "external", "volume"}
    capsys.readouterr()
    assert main(["graph", str(tei_dir / EXCERPT), "--format", "sqlite"]) == 2
    assert "cannot go to standard output" in capsys.readouterr().err


@pytest.mark.corpus
@pytest.mark.slow
def test_cross_volume_edges(corpus_dir: Path) -> None:
    """Two volumes of one era: citations of the other volume become cross-volume edges."""
    g = build_graph(sorted(corpus_dir.glob("frus1961-63v*.xml")))
    assert g.cross_volume() > 0
    assert any(n.type == "volume" and n.missing for n in g.nodes)


def test_each_file_is_read_once(
    tei_dir: Path, text_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """build_graph reads every TEI file once (the index and the edges come from one read)."""
    import xref.read.sources as sources

    reads: list[str] = []
    real = sources.read_volume

    def counting(path: str, **options: bool) -> object:
        reads.append(str(path))
        return real(path, **options)

    monkeypatch.setattr(sources, "read_volume", counting)
    paths = [tei_dir / EXCERPT, tei_dir / "quirks.xml", tei_dir / "frus1951v07p9-pages.xml"]
    graph = build_graph([*paths, text_dir], jobs=1, volume="frus1961-63v11")
    assert sorted(reads) == sorted(map(str, paths))
    assert any(e.is_citation and e.source.startswith("frus1958-60v11") for e in graph.edges)


def test_json_written_in_batches_is_json_dumps(graph: ReferenceGraph) -> None:
    """write_json's bytes are json.dumps's of the node-link object, whatever the batches."""
    import io

    from xref.graph.export import _write_list, to_node_link, write_json

    out = io.StringIO()
    write_json(graph, out)
    assert out.getvalue() == json.dumps(to_node_link(graph), ensure_ascii=False) + "\n"
    items = [{"a": i, "b": "é–"} for i in range(7)] + [None, 1.5, "x"]
    for batch in (1, 2, 3, 10, 11):
        out = io.StringIO()
        _write_list(out, items, batch)
        assert out.getvalue() == json.dumps(items, ensure_ascii=False)
    out = io.StringIO()
    _write_list(out, [], 2)
    assert out.getvalue() == "[]"


def test_lean_copy_made_in_a_worker_is_the_same(tei_dir: Path) -> None:
    """With workers, a volume's lean copy is made and packed where it was read: unpacked in
    the parent it equals the lean copy made in one process, and the whole volume sent along
    equals the volume read here (no source maps)."""
    from xref.graph.build import _lean, _read_lean
    from xref.read.sources import read_file, unpack_volume

    result = read_file(str(tei_dir / EXCERPT), maps=False)
    assert result.volume is not None
    answer = _read_lean(result)
    assert isinstance(answer, tuple)
    path, lean, whole, series = answer
    assert path == result.path
    assert unpack_volume(lean) == _lean(result.volume)
    assert unpack_volume(whole) == result.volume
    assert unpack_volume(lean).documents[0].body.text == ""
    junk = read_file(str(tei_dir / "junk.xml"))
    assert _read_lean(junk) is junk  # an error travels as it is


def test_links_encoded_by_the_workers_are_written_as_json_dumps(
    tei_dir: Path, text_dir: Path
) -> None:
    """With workers, each file's links come back encoded (``encoded_links``): write_json then
    writes exactly json.dumps's bytes, in batches of any size; a graph whose edges were
    replaced (``attrs.evolve``) ignores the old texts."""
    import io

    import attrs

    from xref.graph.export import _write_encoded, link_texts, to_node_link, write_json
    from xref.read.forked import forking

    if not forking():
        pytest.skip("no fork here: no workers")
    paths = [tei_dir / EXCERPT, text_dir]
    graph = build_graph(paths, jobs=2, volume="frus1961-63v11")
    assert graph.encoded_links is not None
    edges, texts = graph.encoded_links
    assert edges is graph.edges and len(texts) == len(list(graph.citations())) > 0
    expected = json.dumps(to_node_link(graph), ensure_ascii=False) + "\n"
    out = io.StringIO()
    write_json(graph, out)
    assert out.getvalue() == expected
    links = json.dumps(to_node_link(graph)["links"], ensure_ascii=False)
    for batch in (1, 2, 3, len(texts), len(texts) + 1):
        out = io.StringIO()
        _write_encoded(out, texts, graph.edges, batch)
        assert out.getvalue() == links
    assert link_texts([tuple(e.as_dict().values()) for e in edges[:3]]) == [
        json.dumps(e.as_dict(), ensure_ascii=False) for e in edges[:3]
    ]
    fewer = attrs.evolve(graph, edges=graph.edges[1:])
    out = io.StringIO()
    write_json(fewer, out)
    assert out.getvalue() == json.dumps(to_node_link(fewer), ensure_ascii=False) + "\n"
