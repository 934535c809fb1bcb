"""Stage 6, *annotation*: resolutions in, linked TEI out.

In: a TEI volume or plain-text file and the corpus. Out: the same file with ``<ref>`` links
written around each resolved citation (or a diff, or an HTML preview), nothing else changed.

- ``model``: the records (``Insertion``, ``Skipped``, ``Annotation``) and link targets;
- ``planning``: where refs go in a TEI file's bytes, and whether a citation can be wrapped;
- ``annotator``: the whole stage (``annotate``, ``annotate_tei``, ``annotate_html``).

The old module path ``from xref.annotation import annotate`` keeps working: the names of the
modules above are served from this package on first use. (The package is not named
``annotate``, nor the checker ``check``: those are the public verbs ``xref.annotate`` and
``xref.check``, which a subpackage of the same name would shadow.)
"""

from __future__ import annotations

import importlib
from typing import Any

_MODULES = ("xref.annotation.annotator",)


def __getattr__(name: str) -> Any:
    """Serve the names of the annotation modules (the old module ``xref.annotation``)."""
    if not name.startswith("__"):
        for path in _MODULES:
            module = importlib.import_module(path)
            if hasattr(module, name):
                return getattr(module, name)
    raise AttributeError(f"module 'xref.annotation' has no attribute {name!r}")
