"""Write a :class:`~xref.graph.build.ReferenceGraph` in the formats other tools read, and read back.

* JSON node-link (:func:`to_node_link`, :func:`from_node_link`): the layout of
  ``networkx.node_link_data`` (``directed``, ``multigraph``, ``graph``, ``nodes``,
  ``links``), node attributes and edge fields flat in each object.
* GraphML (:func:`write_graphml`, :func:`read_graphml`): typed ``<key>`` declarations
  (``missing`` boolean, ``start``/``end`` int, ``confidence`` double, the rest string), edge
  ids ``e0``, ``e1`` ...; networkx (``read_graphml``, as a MultiDiGraph) and Gephi load it.
* DOT (:func:`write_dot`): every id quoted; Graphviz renders it.
* CSV (:func:`write_csv`, :func:`read_csv`): ``nodes.csv`` and ``edges.csv``, in a directory
  or a ``.zip``.

SQLite lives in :mod:`xref.graph.store`. :func:`write_graph` picks a writer by format name.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from xref.graph.model import EDGE_FIELDS, NODE_ATTRS, Edge, Node, ReferenceGraph

__all__ = [
    "FORMATS",
    "edge_from_dict",
    "from_node_link",
    "link_texts",
    "node_from_dict",
    "read_csv",
    "read_graphml",
    "to_node_link",
    "write_csv",
    "write_dot",
    "write_graph",
    "write_graphml",
    "write_json",
]

FORMATS: tuple[str, ...] = ("json", "graphml", "dot", "csv", "sqlite")
"""The export formats of ``xref graph --format``."""

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_GRAPHML_TYPES = {str: "string", bool: "boolean", int: "int", float: "double"}
NODE_COLUMNS: tuple[str, ...] = ("id", "type", "label", *NODE_ATTRS)
"""The columns of ``nodes.csv`` (and of the SQLite ``nodes`` table)."""


# ---------------------------------------------------------------------------- conversions
def _convert(value: Any, kind: type) -> Any:
    if kind is bool:
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1")
        return bool(value)
    if kind is int:
        return int(value)
    if kind is float:
        return float(value)
    return str(value)


def node_from_dict(data: Mapping[str, Any]) -> Node:
    """A node from a flat mapping (``id``, ``type``, ``label`` and attributes)."""
    extra = {
        k: _convert(v, NODE_ATTRS[k])
        for k, v in data.items()
        if k in NODE_ATTRS and v is not None and v != ""
    }
    return Node(str(data["id"]), str(data["type"]), str(data.get("label") or ""), extra)


def edge_from_dict(data: Mapping[str, Any]) -> Edge:
    """An edge from a flat mapping of :data:`~xref.graph.build.EDGE_FIELDS` (missing: default)."""
    values: dict[str, Any] = {}
    for name, kind in EDGE_FIELDS.items():
        v = data.get(name)
        if name == "note":
            values[name] = None if v is None or v == "" else str(v)
        elif v is None:
            continue
        else:
            values[name] = _convert(v, kind)
    return Edge(**values)


def _node_dict(node: Node) -> dict[str, Any]:
    return {"id": node.id, "type": node.type, "label": node.label, **node.attrs}


# ---------------------------------------------------------------------------- JSON
def to_node_link(graph: ReferenceGraph) -> dict[str, Any]:
    """The node-link JSON object (see the module docstring)."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"name": "xref reference graph", **graph.summary()},
        "nodes": [_node_dict(n) for n in graph.nodes],
        "links": [{"key": i, **e.as_dict()} for i, e in enumerate(graph.edges)],
    }


def from_node_link(data: Mapping[str, Any]) -> ReferenceGraph:
    """The graph of a node-link JSON object."""
    links = data.get("links", data.get("edges", []))
    return ReferenceGraph(
        tuple(node_from_dict(n) for n in data["nodes"]),
        tuple(edge_from_dict(e) for e in links),
    )


def write_json(graph: ReferenceGraph, out: IO[str]) -> None:
    """Write node-link JSON: the bytes of ``json.dumps(to_node_link(graph))`` and a newline.

    Written in batches of nodes and links, each encoded by ``json.dumps`` (the C encoder;
    ``json.dump`` to a file runs the pure-Python one), so that neither the whole object nor
    the whole text is ever in memory at once.
    """
    head = json.dumps(
        {"directed": True, "multigraph": True,
         "graph": {"name": "xref reference graph", **graph.summary()}},
        ensure_ascii=False,
    )
    out.write(head[:-1])
    out.write(', "nodes": ')
    _write_list(out, (_node_dict(n) for n in graph.nodes))
    out.write(', "links": ')
    encoded = graph.encoded_links
    if encoded is not None and encoded[0] is graph.edges and encoded[1]:
        _write_encoded(out, encoded[1], graph.edges)
    else:
        _write_list(out, _links(graph.edges))
    out.write("}\n")


_LINK_NAMES = ("key", *EDGE_FIELDS)
_EDGE_VALUES = attrgetter(*EDGE_FIELDS)


def _links(edges: Iterable[Edge]) -> Iterator[dict[str, Any]]:
    """Each edge as a node-link JSON link: ``{"key": i, **edge.as_dict()}``, built at C speed."""
    for i, values in enumerate(map(_EDGE_VALUES, edges)):
        yield dict(zip(_LINK_NAMES, (i, *values), strict=True))


_ENCODER = json.JSONEncoder(ensure_ascii=False)


def link_texts(rows: Iterable[Sequence[Any]]) -> list[str]:
    """The node-link JSON of each edge given as its field values (in
    :data:`~xref.graph.model.EDGE_FIELDS` order), without its ``key``: what
    ``json.dumps(edge.as_dict(), ensure_ascii=False)`` gives. ``build_graph``'s workers
    encode their edges so (:attr:`~xref.graph.model.ReferenceGraph.encoded_links`)."""
    encode = _ENCODER.encode
    return [encode(dict(zip(EDGE_FIELDS, row, strict=True))) for row in rows]


def _write_encoded(
    out: IO[str], texts: Sequence[str], edges: Sequence[Edge], batch: int = 2000
) -> None:
    """Write the links as :func:`_write_list` does: the first ones from their ``texts``
    (each given its ``key``), the rest (``part_of`` ties) encoded here."""
    out.write("[")
    n = len(texts)
    for lo in range(0, n, batch):
        chunk = ", ".join(
            [f'{{"key": {i}, {texts[i][1:]}' for i in range(lo, min(lo + batch, n))]
        )
        out.write(chunk if lo == 0 else ", " + chunk)
    rest = edges[n:]
    if rest:
        body = io.StringIO()
        _write_list(body, (dict(zip(_LINK_NAMES, (n + i, *_EDGE_VALUES(e)), strict=True))
                           for i, e in enumerate(rest)))
        out.write(", " + body.getvalue()[1:-1])
    out.write("]")


def _write_list(out: IO[str], items: Iterable[Any], batch: int = 2000) -> None:
    """Write ``items`` as a JSON array, as ``json.dumps`` separates it (``", "``)."""
    out.write("[")
    first = True
    pending: list[Any] = []
    for item in items:
        pending.append(item)
        if len(pending) == batch:
            out.write(("" if first else ", ") + json.dumps(pending, ensure_ascii=False)[1:-1])
            first, pending = False, []
    if pending:
        out.write(("" if first else ", ") + json.dumps(pending, ensure_ascii=False)[1:-1])
    out.write("]")


# ---------------------------------------------------------------------------- GraphML
def _xml_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    # XML 1.0 cannot carry most control characters
    return "".join(c for c in str(value) if c >= " " or c in "\t\n\r")


def write_graphml(graph: ReferenceGraph, out: IO[str]) -> None:
    """Write GraphML with typed keys (node keys ``n_*``, edge keys ``e_*``)."""
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w(f'<graphml xmlns="{GRAPHML_NS}">\n')
    node_keys = {"type": str, "label": str, **NODE_ATTRS}
    edge_keys = {k: v for k, v in EDGE_FIELDS.items() if k not in ("source", "target")}
    for name, kind in node_keys.items():
        w(
            f'  <key id="n_{name}" for="node" attr.name="{name}" '
            f'attr.type="{_GRAPHML_TYPES[kind]}"/>\n'
        )
    for name, kind in edge_keys.items():
        w(
            f'  <key id="e_{name}" for="edge" attr.name="{name}" '
            f'attr.type="{_GRAPHML_TYPES[kind]}"/>\n'
        )
    w('  <graph id="xref" edgedefault="directed">\n')
    for n in graph.nodes:
        w(f"    <node id={quoteattr(n.id)}>")
        for name, value in _node_dict(n).items():
            if name != "id":
                w(f'<data key="n_{name}">{escape(_xml_text(value))}</data>')
        w("</node>\n")
    for i, e in enumerate(graph.edges):
        w(f'    <edge id="e{i}" source={quoteattr(e.source)} target={quoteattr(e.target)}>')
        for name in edge_keys:
            value = getattr(e, name)
            if value is not None:
                w(f'<data key="e_{name}">{escape(_xml_text(value))}</data>')
        w("</edge>\n")
    w("  </graph>\n</graphml>\n")


def read_graphml(path: str | Path) -> ReferenceGraph:
    """Read a GraphML file written by :func:`write_graphml` (types from its keys)."""
    ns = {"g": GRAPHML_NS}
    root = ET.parse(path).getroot()
    keys: dict[str, str] = {}
    for key in root.findall("g:key", ns):
        keys[key.get("id", "")] = key.get("attr.name", "")
    graph = root.find("g:graph", ns)
    if graph is None:
        raise ValueError(f"{path}: no <graph> element")

    def data(element: ET.Element) -> dict[str, Any]:
        return {keys[d.get("key", "")]: d.text or "" for d in element.findall("g:data", ns)}

    nodes = tuple(
        node_from_dict({"id": n.get("id"), **data(n)}) for n in graph.findall("g:node", ns)
    )
    edges = tuple(
        edge_from_dict({"source": e.get("source"), "target": e.get("target"), **data(e)})
        for e in graph.findall("g:edge", ns)
    )
    return ReferenceGraph(nodes, edges)


# ---------------------------------------------------------------------------- DOT
def _dot_quote(value: Any) -> str:
    text = _xml_text(value).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r", "").replace("\n", "\\n") + '"'


_DOT_SHAPES = {"document": "box", "footnote": "note", "external": "ellipse", "volume": "folder"}
_DOT_COLOURS = {
    "resolved": "darkgreen",
    "external": "steelblue",
    "ambiguous": "orange",
    "unresolved": "red",
    "structural": "grey",
}


def write_dot(graph: ReferenceGraph, out: IO[str]) -> None:
    """Write Graphviz DOT: ids quoted, node shapes by type, edge colours by status."""
    w = out.write
    w("digraph xref {\n  graph [rankdir=LR];\n  node [fontsize=10];\n")
    for n in graph.nodes:
        attrs = {
            "label": n.label,
            "shape": _DOT_SHAPES[n.type],
            "type": n.type,
            **({"style": "dashed"} if n.missing else {}),
            **({"URL": n.attrs["url"]} if "url" in n.attrs else {}),
            **({"tooltip": n.attrs["heading"]} if "heading" in n.attrs else {}),
        }
        body = ", ".join(f"{k}={_dot_quote(v)}" for k, v in attrs.items())
        w(f"  {_dot_quote(n.id)} [{body}];\n")
    for e in graph.edges:
        attrs = {
            "kind": e.kind,
            "status": e.status,
            "color": _DOT_COLOURS.get(e.status, "black"),
            **({"style": "dotted"} if not e.is_citation else {"tooltip": e.text}),
        }
        body = ", ".join(f"{k}={_dot_quote(v)}" for k, v in attrs.items())
        w(f"  {_dot_quote(e.source)} -> {_dot_quote(e.target)} [{body}];\n")
    w("}\n")


# ---------------------------------------------------------------------------- CSV
def _csv_text(rows: Iterable[Mapping[str, Any]], columns: Iterable[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_value(v) for k, v in row.items()})
    return buf.getvalue()


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return value


def write_csv(graph: ReferenceGraph, path: str | Path) -> None:
    """Write ``nodes.csv`` and ``edges.csv`` into a directory, or a ``.zip`` if it ends so."""
    tables = {
        "nodes.csv": _csv_text((_node_dict(n) for n in graph.nodes), NODE_COLUMNS),
        "edges.csv": _csv_text((e.as_dict() for e in graph.edges), EDGE_FIELDS),
    }
    target = Path(path)
    if target.suffix.lower() == ".zip":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in tables.items():
                z.writestr(name, text)
        return
    target.mkdir(parents=True, exist_ok=True)
    for name, text in tables.items():
        (target / name).write_text(text, encoding="utf-8", newline="")


def read_csv(path: str | Path) -> ReferenceGraph:
    """Read the tables written by :func:`write_csv` (a directory or a ``.zip``)."""
    source = Path(path)
    texts: dict[str, str] = {}
    if source.suffix.lower() == ".zip":
        with zipfile.ZipFile(source) as z:
            for name in ("nodes.csv", "edges.csv"):
                texts[name] = z.read(name).decode("utf-8")
    else:
        for name in ("nodes.csv", "edges.csv"):
            texts[name] = (source / name).read_text(encoding="utf-8")
    nodes = tuple(node_from_dict(r) for r in csv.DictReader(io.StringIO(texts["nodes.csv"])))
    edges = tuple(edge_from_dict(r) for r in csv.DictReader(io.StringIO(texts["edges.csv"])))
    return ReferenceGraph(nodes, edges)


# ---------------------------------------------------------------------------- dispatch
def _text_writer(
    write: Callable[[ReferenceGraph, IO[str]], None],
) -> Callable[[ReferenceGraph, str | Path], None]:
    def run(graph: ReferenceGraph, path: str | Path) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            write(graph, out)

    return run


def write_graph(graph: ReferenceGraph, fmt: str, path: str | Path) -> None:
    """Write ``graph`` to ``path`` in format ``fmt`` (one of :data:`FORMATS`).

    The output is written under a temporary name beside ``path`` and renamed into place
    (:func:`xref.outputs.output_path`); errors are :class:`xref.outputs.OutputError`.
    """
    from xref.graph.store import write_sqlite

    writers: dict[str, Callable[[ReferenceGraph, str | Path], None]] = {
        "json": _text_writer(write_json),
        "graphml": _text_writer(write_graphml),
        "dot": _text_writer(write_dot),
        "csv": write_csv,
        "sqlite": write_sqlite,
    }
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    if fmt == "sqlite":
        write_sqlite(graph, path)  # builds under a temporary name itself
        return
    from xref.outputs import output_path

    with output_path(path) as tmp:  # whole or not at all, one writer at a time
        writers[fmt](graph, tmp)
