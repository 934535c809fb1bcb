"""The FRUS volume ids that exist: the ids of the FRUS catalog (:mod:`xref.cite.catalog`).

The catalog is the Office of the Historian's bibliography, shipped as package data
(``xref/data/frus-volumes.tsv``, built by ``tools/build_catalog.py``). The check of
cross-volume targets (rule XR019) asks only :func:`known_volume_ids`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from xref.cite.catalog import load_catalog

__all__ = ["bibliography_ids", "known_volume_ids"]

_VOLUME_ID = re.compile(rb"<volume\s[^>]*\bid\s*=\s*[\"']([^\"']+)[\"']")


@cache
def known_volume_ids() -> frozenset[str]:
    """Every FRUS volume id in the catalog (published, in preparation or planned)."""
    return frozenset(e.id for e in load_catalog())


def bibliography_ids(folder: str | Path) -> list[str]:
    """The ids of the ``<volume id>`` records in a bibliography folder, sorted."""
    ids: set[str] = set()
    for path in sorted(Path(folder).glob("*.xml")):
        m = _VOLUME_ID.search(path.read_bytes()[:2000])
        if m is not None:
            ids.add(m.group(1).decode("utf-8"))
    return sorted(ids)
