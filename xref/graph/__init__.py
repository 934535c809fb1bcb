"""Stage 5, *graph*: resolutions in, the reference graph out.

In: paths (read, resolved against the whole corpus). Out: a
:class:`~xref.graph.build.ReferenceGraph` of documents, footnotes, external keys and volumes,
and its exports.

- ``model``: ``Node``, ``Edge``, ``ReferenceGraph`` and the fields every export writes;
- ``build``: reading, resolving and building the graph (``build_graph``);
- ``export``: JSON, GraphML, DOT and CSV writers and readers;
- ``store``: SQLite export and the queries behind ``xref query``;
- ``report``: the HTML report (graph plus check findings).

The old module path ``from xref.graph import build_graph`` keeps working: the names of
``build`` are served from this package on first use.
"""

from __future__ import annotations

import importlib
from typing import Any


def __getattr__(name: str) -> Any:
    """Serve the names of :mod:`xref.graph.build` (the old module ``xref.graph``)."""
    if name.startswith("__"):
        raise AttributeError(name)
    module = importlib.import_module("xref.graph.build")
    try:
        return getattr(module, name)
    except AttributeError:
        raise AttributeError(f"module 'xref.graph' has no attribute {name!r}") from None
