"""The reference graph: which documents cite which documents, footnotes and archival items.

:func:`build_graph` reads TEI volumes and plain-text documents, resolves every citation
against the whole corpus (the inputs plus any ``corpus`` paths) and returns a
:class:`ReferenceGraph`:

* **nodes** (:class:`Node`): ``document`` (``VOLUME#dN``, with heading, date, genre),
  ``footnote`` (``VOLUME#dNfnM``, only those that are cited), ``external`` (one per canonical
  key: a telegram not printed, a Central File, a lot file, a library collection, a
  publication ...), and ``volume``. A cited document or volume that is not loaded is still
  a node, with ``missing`` true.
* **edges** (:class:`Edge`): one per citation, from the citing document to what it names,
  with the citation's kind, status, method and provenance (document, note, span, text).
  Edges of kind ``part_of`` (status ``structural``) tie documents to their volume and
  footnotes to their document; they are not citations.

Node ids follow resolution: a resolved citation points to its target, any other to its
canonical key, and a citation with no key to a node of its own,
``unresolved:<document id>:<note or container>:<start>``.

Memory grows with the citations and the citing text, never with the source maps: volumes
are read once, without source maps; a *lean* copy of each document (texts of body and
notes dropped) is indexed, and each citing file's documents are kept until its citations
are resolved against that index, file by file, in forked worker processes. With workers,
the lean copy is made where the volume was read, and the whole volume is kept packed
(bytes) until the forked worker that resolves it unpacks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from xref.cite.lexicon import SeriesLexicon, lexicon_for, register_series
from xref.errors import InputError, XrefError
from xref.graph.export import link_texts
from xref.graph.labels import document_label, telegram_label
from xref.graph.model import (
    EDGE_FIELDS,
    NODE_ATTRS,
    NODE_TYPES,
    VOLUME_ID,
    Edge,
    Node,
    ReferenceGraph,
    history_url,
)
from xref.read.documents import Container, Document, Volume
from xref.read.forked import collector_paused, fork_map, forking
from xref.read.lean import lean_document, lean_item
from xref.read.sources import (
    PACKABLE,
    FileResult,
    default_jobs,
    expand_paths,
    map_files,
    pack_volume,
    read_paths,
    unpack_volume,
)
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import Resolution, resolve_documents

__all__ = [
    "EDGE_FIELDS",
    "NODE_ATTRS",
    "NODE_TYPES",
    "Edge",
    "GraphBuilder",
    "Node",
    "ReferenceGraph",
    "build_graph",
    "edge_from_resolution",
    "history_url",
    "lean_document",
    "read_lean",
]

_DOC_ID = re.compile(r"^(?P<volume>[^#:\s]+)#(?P<local>d\d+)$")
_FN_ID = re.compile(r"^(?P<volume>[^#:\s]+)#(?P<local>d\d+)fn(?P<label>\w+)$")
_PAGE_ID = re.compile(r"^(?P<volume>[^#:\s]+)#pg_(?P<page>\S+)$")


def _note_of(container: Container) -> str | None:
    if container.where in ("source", "footnote"):
        return container.note or ("source" if container.where == "source" else None)
    return None


def edge_from_resolution(r: Resolution) -> Edge:
    """The edge of one resolved citation (its target node id follows the module's rule)."""
    doc = r.document
    note = _note_of(r.container)
    if r.status == "resolved" and r.target:
        target = r.target
    elif r.key:
        target = r.key
    else:
        target = f"unresolved:{doc.id}:{note or r.container.where}:{r.citation.span.start}"
    return Edge(
        source=doc.id,
        target=target,
        kind=r.citation.kind,
        status=r.status,
        method=r.method,
        document=doc.id,
        note=note,
        where=r.container.where,
        start=r.citation.span.start,
        end=r.citation.span.end,
        text=r.citation.text,
        confidence=float(r.confidence),
        reason=r.reason or "",
    )


_lean = lean_item


class GraphBuilder:
    """Builds a :class:`ReferenceGraph` from documents and resolutions, in any order.

    Add the corpus (:meth:`add_corpus`) so that targets get their headings and volumes
    count as loaded; then :meth:`add_edge` (or :meth:`add_resolution`) for every citation;
    then :meth:`build`.
    """

    def __init__(self) -> None:
        self._docs: dict[str, Document] = {}
        self._volumes: dict[str, str | None] = {}
        self._nodes: dict[str, Node] = {}
        self._edges: list[Edge] = []

    def add_corpus(self, items: Iterable[Document | Volume]) -> None:
        """Know these documents (volumes whole) as loaded."""
        for item in items:
            if isinstance(item, Volume):
                self._volumes.setdefault(item.id, item.title)
                docs: Sequence[Document] = item.documents
            else:
                docs = (item,)
            for d in docs:
                self._docs.setdefault(d.id, d)

    def add_resolution(self, r: Resolution) -> Edge:
        """Add the edge of one citation; returns it."""
        edge = edge_from_resolution(r)
        self.add_edge(edge)
        return edge

    def add_edge(self, edge: Edge) -> None:
        """Add one citation edge."""
        self._edges.append(edge)

    @property
    def edges(self) -> Sequence[Edge]:
        """The citation edges added so far, in order."""
        return self._edges

    def _document_node(self, doc_id: str) -> Node:
        doc = self._docs.get(doc_id)
        if doc is not None:
            return Node(
                doc.id,
                "document",
                document_label(doc),
                {
                    "volume": doc.volume,
                    "number": doc.number,
                    "heading": doc.heading.text,
                    "date": doc.date,
                    "genre": doc.genre,
                    "url": history_url(doc.volume, doc.local_id),
                },
            )
        m = _DOC_ID.match(doc_id)
        volume = m.group("volume") if m else None
        local = m.group("local") if m else None
        label = f"{volume} {local[1:]}" if volume and local else doc_id
        return Node(
            doc_id,
            "document",
            label,
            {
                "volume": volume,
                "number": local[1:] if local else None,
                "url": history_url(volume, local),
                "missing": True,
            },
        )

    def _target_node(self, node_id: str, edge: Edge) -> Node:
        if node_id in self._docs or _DOC_ID.match(node_id):
            return self._document_node(node_id)
        m = _FN_ID.match(node_id)
        if m is not None:
            doc_id = f"{m.group('volume')}#{m.group('local')}"
            parent = self._docs.get(doc_id)
            fn_label = m.group("label")
            missing = parent is None or parent.footnote(fn_label) is None
            return Node(
                node_id,
                "footnote",
                f"{m.group('volume')} {m.group('local')[1:]} fn {fn_label}",
                {
                    "volume": m.group("volume"),
                    "document": doc_id,
                    "url": history_url(m.group("volume"), m.group("local")),
                    "missing": missing,
                },
            )
        if node_id in self._volumes or VOLUME_ID.match(node_id):
            return self._volume_node(node_id)
        if node_id.startswith("unresolved:"):
            return Node(
                node_id,
                "external",
                edge.text,
                {"kind": edge.kind, "missing": True},
            )
        page = _PAGE_ID.match(node_id)
        if page is not None:
            volume = page.group("volume")
            return Node(
                node_id,
                "external",
                f"{volume} p. {page.group('page')}",
                {"kind": "page", "volume": volume, "url": history_url(volume)},
            )
        kind, _, rest = node_id.partition(":")
        if not rest:
            kind, rest = edge.kind, node_id
        label = telegram_label(node_id) or rest.strip(":").replace("::", ":") or node_id
        return Node(node_id, "external", label, {"kind": kind})

    def _volume_node(self, volume: str) -> Node:
        loaded = volume in self._volumes
        return Node(
            volume,
            "volume",
            volume,
            {
                "title": self._volumes.get(volume),
                "url": history_url(volume),
                "missing": not loaded,
            },
        )

    def _add(self, node: Node) -> None:
        self._nodes.setdefault(node.id, node)

    def build(self) -> ReferenceGraph:
        """The graph: every loaded document, every node cited, and the ``part_of`` ties."""
        nodes = self._nodes
        for doc_id in self._docs:
            self._add(self._document_node(doc_id))
        for edge in self._edges:
            if edge.source not in nodes:
                self._add(self._document_node(edge.source))
            if edge.target not in nodes:
                self._add(self._target_node(edge.target, edge))
        structural: list[Edge] = []
        for node in list(nodes.values()):
            if node.type == "footnote":
                parent = str(node.attrs.get("document", ""))
                if parent:
                    if parent not in nodes:
                        self._add(self._document_node(parent))
                    structural.append(_part_of(node.id, parent))
        for loaded in self._volumes:
            self._add(self._volume_node(loaded))
        for node in list(nodes.values()):
            volume = node.attrs.get("volume")
            if node.type == "document" and isinstance(volume, str):
                if volume not in nodes:
                    self._add(self._volume_node(volume))
                structural.append(_part_of(node.id, volume))
        return ReferenceGraph(tuple(nodes.values()), (*self._edges, *structural))


def _part_of(source: str, target: str) -> Edge:
    return Edge(source, target, "part_of", "structural", document=source)


# ---------------------------------------------------------------------- reading and resolving
_EDGE_FIELDS = tuple(a.name for a in attrs.fields(Edge))


def _resolve_file(
    path: str, documents: Sequence[Document], corpus: Corpus
) -> tuple[list[Edge], list[XrefError]]:
    """The edges of every citation of one file's documents, and what could not be resolved."""
    try:
        return [edge_from_resolution(r) for r in resolve_documents(documents, corpus)], []
    except Exception:  # a bug in one document must not lose the others: go one by one
        pass
    edges: list[Edge] = []
    errors: list[XrefError] = []
    for doc in documents:
        try:
            edges.extend(edge_from_resolution(r) for r in resolve_documents([doc], corpus))
        except Exception as exc:
            errors.append(InputError(path, f"{doc.id}: cannot resolve: {exc!r}"))
    return edges, errors


def _raise(error: XrefError) -> None:
    raise error


@collector_paused()
def build_graph(
    paths: Iterable[str | Path],
    *,
    corpus: Iterable[str | Path] = (),
    volume: str | None = None,
    jobs: int | None = None,
    on_error: Callable[[XrefError], None] | None = None,
    on_file: Callable[[str, str, int], None] | None = None,
) -> ReferenceGraph:
    """The reference graph of every citation in ``paths`` (files or directories).

    ``paths`` are resolved and are part of the corpus; ``corpus`` adds documents that
    citations may name (their own citations are not added). ``volume`` names the volume of
    plain-text documents; ``jobs`` worker processes read files, then resolve them (default:
    the cores). An unreadable file raises its :class:`~xref.errors.InputError`, unless
    ``on_error`` is given: then it is passed the error and the other files go on.
    ``on_file(stage, path, documents)`` is called as each file is done in each stage:
    ``read`` (indexed) and ``resolved`` (its citations are edges).

    Each file is read once, without source maps: the index keeps a lean copy of each
    document, the citing files' documents are kept (text only) until they are resolved, in
    forked workers that inherit them and the index (see :func:`xref.read.forked.fork_map`).
    The cyclic garbage collector is paused meanwhile (:func:`~xref.read.forked.collector_paused`).
    """
    report = on_error or _raise
    files = expand_paths(paths)
    extra = [f for f in expand_paths(corpus) if f not in files]
    n = default_jobs() if jobs is None else max(jobs, 1)
    index: list[Document | Volume] = []
    good: list[str] = []
    kept: list[tuple[Document, ...] | bytes | None] = []
    citing = set(files)
    for result, lean, packed in read_lean([*files, *extra], volume, n):
        if on_file is not None:
            on_file("read", result.path, len(lean.documents) if lean else len(result.documents))
        if result.error is not None:
            report(result.error)
        elif lean is not None and packed is not None:
            index.append(lean)
            if result.path in citing:
                good.append(result.path)
                kept.append(packed)
        elif result.item is not None:
            index.append(_lean(result.item))
            if result.path in citing:
                good.append(result.path)
                kept.append(result.documents)
    builder = GraphBuilder()
    builder.add_corpus(index)
    shared = Corpus.from_documents(index)
    del index
    parallel = n > 1 and len(good) > 1 and forking()

    def task(i: int) -> tuple[list[Edge] | list[tuple[Any, ...]], list[str], list[XrefError]]:
        docs = kept[i]
        assert docs is not None
        if isinstance(docs, bytes):  # a volume packed in a reading worker: unpacked here
            docs = unpack_volume(docs).documents
        edges, errors = _resolve_file(good[i], docs, shared)
        if parallel:
            # plain tuples travel back faster than attrs objects; their JSON is encoded
            # here, in the worker, not in the parent after every file (write_json)
            rows = [tuple(getattr(e, f) for f in _EDGE_FIELDS) for e in edges]
            return rows, link_texts(rows), errors
        kept[i] = None  # resolved here: free its text
        return edges, [], errors

    sizes = [_size(f) for f in good]
    texts: list[str] = []
    for i, (edges, encoded, errors) in enumerate(fork_map(task, sizes, n)):
        kept[i] = None
        path = good[i]
        rebuilt = [e if isinstance(e, Edge) else Edge(*e) for e in edges]
        texts.extend(encoded)
        if on_file is not None:
            on_file("resolved", path, len({e.document for e in rebuilt if e.is_citation}))
        for error in errors:
            report(error)
        for edge in rebuilt:
            builder.add_edge(edge)
    graph = builder.build()
    if not texts or len(texts) != len(builder.edges):
        return graph
    return ReferenceGraph(graph.nodes, graph.edges, encoded_links=(graph.edges, tuple(texts)))


_Read = tuple[FileResult, Volume | None, bytes | None]
"""A file read for the graph: the result, and for a volume read in a worker, its lean copy
and the whole volume packed (the result then holds no volume)."""
_Packed = tuple[str, bytes, bytes, SeriesLexicon | None]
"""What a reading worker sends for a volume: its path, its lean copy and itself packed, and
its telegram series."""


def read_lean(files: list[str], volume: str | None, jobs: int) -> Iterator[_Read]:
    """Read ``files`` without source maps, in input order: each as a :class:`FileResult`, and
    for a volume read in a worker, its lean copy and itself packed (the result then holds no
    volume; see :func:`~xref.read.sources.unpack_volume`). With workers (``jobs`` above 1,
    ``fork`` available), each volume's lean copy is made in the worker that read it, and
    the whole volume comes back packed, to be unpacked by the forked worker that resolves
    it: the parent, which alone builds the index, only unpacks the lean copies."""
    if jobs > 1 and len(files) > 1 and forking() and PACKABLE:
        for answer in map_files(_read_lean, files, volume=volume, jobs=jobs, maps=False):
            if isinstance(answer, FileResult):
                yield answer, None, None
                continue
            path, lean, packed, series = answer
            index = unpack_volume(lean)
            if series is not None:
                register_series(index.id, series)  # the forked resolvers inherit it
            yield FileResult(path), index, packed
        return
    for result in read_paths(files, volume=volume, jobs=jobs, maps=False):
        yield result, None, None


def _read_lean(result: FileResult) -> FileResult | _Packed:
    """In a reading worker: a volume's lean copy and the volume itself, packed, with its
    telegram series (which the reader registered in this worker only); anything else (a
    plain-text document, an error) as it is."""
    v = result.volume
    if v is None:
        return result
    lean = _lean(v)
    assert isinstance(lean, Volume)
    return result.path, pack_volume(lean), pack_volume(v), lexicon_for(v.id)


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0
