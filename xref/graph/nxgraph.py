"""The reference graph as a :mod:`networkx` ``MultiDiGraph`` (networkx is optional).

Nodes carry ``type``, ``label`` and their attributes; edges carry every :class:`Edge` field
and are keyed by their position in ``graph.edges``, as in the node-link JSON.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xref.graph.model import ReferenceGraph

__all__ = ["to_networkx"]


def to_networkx(graph: ReferenceGraph) -> Any:
    """``graph`` as a ``networkx.MultiDiGraph``; raises ImportError naming the package to
    install when networkx is absent."""
    try:
        nx = importlib.import_module("networkx")
    except ImportError:
        raise ImportError(
            "ReferenceGraph.to_networkx() needs networkx: pip install networkx"
        ) from None
    g = nx.MultiDiGraph(name="xref reference graph")
    for n in graph.nodes:
        g.add_node(n.id, type=n.type, label=n.label, **n.attrs)
    for i, e in enumerate(graph.edges):
        data = e.as_dict()
        source, target = data.pop("source"), data.pop("target")
        g.add_edge(source, target, key=i, **data)
    return g
