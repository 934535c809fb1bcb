"""Stage 3, *resolve*: citations and documents in, resolutions out.

In: documents (from *read*) and a :class:`~xref.resolve.corpus.Corpus` built from them. Out:
one :class:`~xref.resolve.resolution.Resolution` per citation: ``resolved`` to a document or
footnote, ``external`` with a canonical key, ``ambiguous`` or ``unresolved``.

- ``corpus``: the index resolution queries (documents, footnotes, telegram numbers by channel);
- ``channels``: dates, parties and telegram channels (``telegram_channel``, ``complete_date``);
- ``resolver``: one method per citation kind, answering status and target, key or reason;
- ``resolution``: the ``Resolution`` record and the pass over documents (``resolve_documents``).

The documented import path ``from xref.resolve import resolve_documents`` keeps working: the
names of ``resolution`` are served from this package on first use.
"""

from __future__ import annotations

import importlib
from typing import Any


def __getattr__(name: str) -> Any:
    """Serve the names of :mod:`xref.resolve.resolution` (the old module ``xref.resolve``)."""
    if name.startswith("__"):
        raise AttributeError(name)
    module = importlib.import_module("xref.resolve.resolution")
    try:
        return getattr(module, name)
    except AttributeError:
        raise AttributeError(f"module 'xref.resolve' has no attribute {name!r}") from None
