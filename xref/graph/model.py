"""The reference graph's data: :class:`Node`, :class:`Edge`, :class:`ReferenceGraph`, the
attributes and fields every export writes (:data:`NODE_ATTRS`, :data:`EDGE_FIELDS`), and
history.state.gov addresses. :mod:`xref.graph.build` makes graphs; the exports read and write them.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from operator import attrgetter
from typing import Any

import attrs
from attrs import field, frozen

NODE_TYPES: tuple[str, ...] = ("document", "footnote", "external", "volume")
"""The kinds of node."""

NODE_ATTRS: Mapping[str, type] = {
    "volume": str,
    "number": str,
    "heading": str,
    "date": str,
    "genre": str,
    "kind": str,
    "document": str,
    "title": str,
    "url": str,
    "missing": bool,
}
"""Every attribute a node may carry, and its type (exports declare these types)."""

EDGE_FIELDS: Mapping[str, type] = {
    "source": str,
    "target": str,
    "kind": str,
    "status": str,
    "method": str,
    "document": str,
    "note": str,
    "where": str,
    "start": int,
    "end": int,
    "text": str,
    "confidence": float,
    "reason": str,
}
"""Every field of an edge and its type, in export order (``note`` may be None)."""
_EDGE_VALUES = attrgetter(*EDGE_FIELDS)
"""An edge's field values in :data:`EDGE_FIELDS` order, at C speed (exports run it per edge)."""
_EDGE_NAMES = tuple(EDGE_FIELDS)

VOLUME_ID = re.compile(r"^frus[\w-]+$")
"""A FRUS volume id (``frus1961-63v06``)."""
HISTORY = "https://history.state.gov/historicaldocuments"


def history_url(volume: str | None, local_id: str | None = None) -> str | None:
    """The page of a FRUS volume (or one of its documents) on history.state.gov, or None."""
    if not volume or not VOLUME_ID.match(volume):
        return None
    return f"{HISTORY}/{volume}/{local_id}" if local_id else f"{HISTORY}/{volume}"


_ATTR_ITEMS = tuple(NODE_ATTRS.items())
_ATTR_NAMES = frozenset(NODE_ATTRS)


def _clean_attrs(value: Mapping[str, Any]) -> dict[str, str | bool]:
    out: dict[str, str | bool] = {}
    get = value.get
    for name, kind in _ATTR_ITEMS:
        v = get(name)
        if v is None or v == "":
            continue
        out[name] = bool(v) if kind is bool else str(v)
    unknown = value.keys() - _ATTR_NAMES
    if unknown:
        raise ValueError(f"unknown node attributes: {sorted(unknown)}")
    out.setdefault("missing", False)
    return out


@frozen
class Node:
    """A node: a document, a cited footnote, an external item, or a volume."""

    id: str
    """``VOLUME#dN``, ``VOLUME#dNfnM``, a canonical key (``lot_file:74 D 272``), a volume id."""
    type: str = field(validator=attrs.validators.in_(NODE_TYPES))
    """``document``, ``footnote``, ``external`` or ``volume``."""
    label: str
    """A short name for people."""
    attrs: Mapping[str, str | bool] = field(factory=dict, converter=_clean_attrs, hash=False)
    """Attributes from :data:`NODE_ATTRS` (absent ones left out); ``missing`` always set."""

    @property
    def missing(self) -> bool:
        """Whether the node is cited but not in the loaded corpus."""
        return bool(self.attrs.get("missing"))


@frozen
class Edge:
    """One citation (or a ``part_of`` tie) from ``source`` to ``target``."""

    source: str
    """The citing document's id (for ``part_of``: the document or footnote)."""
    target: str
    """The node the citation names."""
    kind: str
    """The citation's kind (``telegram``, ``central_file`` ...) or ``part_of``."""
    status: str
    """``resolved``, ``external``, ``ambiguous``, ``unresolved`` (or ``structural``)."""
    method: str = ""
    """The resolution rule that decided."""
    document: str = ""
    """Provenance: the citing document's id."""
    note: str | None = None
    """Provenance: the note's id (``d12fn3``, ``source``), None in heading and body."""
    where: str = ""
    """Provenance: ``heading``, ``source``, ``body`` or ``footnote``."""
    start: int = 0
    """Provenance: start of the citation in its container's text."""
    end: int = 0
    """Provenance: end (exclusive)."""
    text: str = ""
    """The citation as printed."""
    confidence: float = 0.0
    """0 to 1."""
    reason: str = ""
    """Why (for ``unresolved`` and ``ambiguous``)."""

    @property
    def is_citation(self) -> bool:
        """False for ``part_of`` ties."""
        return self.status != "structural"

    def as_dict(self) -> dict[str, Any]:
        """The edge's fields, in :data:`EDGE_FIELDS` order."""
        return dict(zip(_EDGE_NAMES, _EDGE_VALUES(self), strict=True))


@frozen
class ReferenceGraph:
    """Nodes and edges, both in a stable order (nodes by first appearance)."""

    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    encoded_links: tuple[tuple[Edge, ...], tuple[str, ...]] | None = field(
        default=None, eq=False, repr=False, kw_only=True
    )
    """Optional, for speed only: ``(edges, texts)``, the node-link JSON of the first
    ``len(texts)`` edges without their ``key`` (``{"source": ...}``, as
    :func:`xref.graph.export.link_texts` makes it), encoded by the worker processes that made
    the edges (``build_graph`` with ``jobs``); :func:`xref.graph.export.write_json` uses
    them only while :attr:`edges` is that very tuple (not after ``attrs.evolve``)."""

    def node(self, node_id: str) -> Node | None:
        """The node with this id, or None."""
        for n in self.nodes:
            if n.id == node_id:
                return n
        return None

    def citations(self) -> Iterator[Edge]:
        """The citation edges (``part_of`` ties left out)."""
        return (e for e in self.edges if e.status != "structural")

    def cross_volume(self) -> int:
        """How many citations name a node of another volume."""
        return self._cross_volume(list(self.citations()))

    def _cross_volume(self, cites: list[Edge]) -> int:
        volume = {
            n.id: n.attrs.get("volume") or (n.id if n.type == "volume" else None)
            for n in self.nodes
        }
        get = volume.get
        return sum(
            1
            for source, target in zip(map(_SOURCE, cites), map(_TARGET, cites), strict=True)
            if get(target) and get(source) != get(target)
        )

    def to_networkx(self) -> Any:
        """This graph as a ``networkx.MultiDiGraph``: nodes carry ``type``, ``label`` and
        their attributes; edges every :class:`Edge` field, keyed by their position in
        :attr:`edges` (as in the node-link JSON). Raises ImportError naming the package to
        install when networkx is absent (it is optional)."""
        try:
            nx = importlib.import_module("networkx")
        except ImportError:
            raise ImportError(
                "ReferenceGraph.to_networkx() needs networkx: pip install networkx"
            ) from None
        g = nx.MultiDiGraph(name="xref reference graph")
        for n in self.nodes:
            g.add_node(n.id, type=n.type, label=n.label, **n.attrs)
        for i, e in enumerate(self.edges):
            data = e.as_dict()
            source, target = data.pop("source"), data.pop("target")
            g.add_edge(source, target, key=i, **data)
        return g

    def summary(self) -> dict[str, Any]:
        """Counts: nodes by type, citations by kind and status, cross-volume citations."""
        cites = list(self.citations())
        return {
            "nodes": len(self.nodes),
            "edges": len(self.edges),
            "citations": len(cites),
            "nodes_by_type": dict(Counter(map(_TYPE, self.nodes))),
            "missing": sum(1 for a in map(_ATTRS, self.nodes) if a.get("missing")),
            "by_kind": dict(Counter(map(_KIND, cites)).most_common()),
            "by_status": dict(Counter(map(_STATUS, cites)).most_common()),
            "cross_volume": self._cross_volume(cites),
        }


_SOURCE, _TARGET, _KIND, _STATUS = (attrgetter(a) for a in ("source", "target", "kind", "status"))
_TYPE, _ATTRS = attrgetter("type"), attrgetter("attrs")
