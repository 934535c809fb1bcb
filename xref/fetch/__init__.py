"""Before the pipeline, *fetch*: volume ids in, TEI files on disk out.

In: FRUS volume ids. Out: TEI files in a local cache, downloaded over HTTP with retries,
conditional requests and a safety check of each file, offline-first. Imports nothing from the
other stages.

- ``client``: the cache, the HTTP client and ``Retriever``;
- ``support``: HTTP response helpers, sidecar files, the safe-TEI check of a download.

The old module path ``from xref.fetch import Retriever`` keeps working: the names of the
modules above are served from this package on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

_MODULES = ("xref.fetch.client", "xref.fetch.support")


def __getattr__(name: str) -> Any:
    """Serve the names of the fetch modules (the old module ``xref.fetch``)."""
    if not name.startswith("__"):
        for path in _MODULES:
            module = importlib.import_module(path)
            if hasattr(module, name):
                return getattr(module, name)
    raise AttributeError(f"module 'xref.fetch' has no attribute {name!r}")
