"""Cited FRUS volumes against the catalog: a volume that does not exist is flagged.

The builder turns what a citation prints (``Foreign Relations, 1951, vol. VI, Part 1``) into a
volume id (``frus1951v06p1``). Whether such a volume was ever published is the catalog's to say
(:mod:`xref.cite.catalog`, the Office of the Historian's bibliography): a citation of a volume
that is not loaded would otherwise be ``external`` whatever its id, so a misprinted or misread
volume number would go unnoticed.
"""

from __future__ import annotations

import re

from xref.cite.catalog import load_catalog, volume_exists
from xref.cite.models import Citation, DocumentCitation, FootnoteCitation, PublicationCitation

__all__ = ["flag_missing_volume", "missing_volume"]

_FULL_ID = re.compile(r"frus\d{4}")


def missing_volume(volume: str | None) -> str | None:
    """Why a full FRUS volume id names no volume, or None (it exists, or is not a full id).

    A volume cited without its part (``frus1951v06`` for ``1951, vol. VI``) exists when one
    of its parts does, and a year or a subseries cited whole (``frus1947``, ``frus1969-76``)
    when any of its volumes does.
    """
    if not volume or not _FULL_ID.match(volume) or volume_exists(volume):
        return None
    n = len(volume)
    if any(e.id.startswith(volume) and e.id[n:n + 1].isalpha() for e in load_catalog()):
        return None
    return f"no FRUS volume {volume}: the Office of the Historian's catalog has none"


def flag_missing_volume(c: Citation, result: dict[str, object]) -> dict[str, object]:
    """``result`` made ``unresolved`` when it is external to a volume that does not exist."""
    if result.get("status") != "external" or not isinstance(
        c, DocumentCitation | FootnoteCitation | PublicationCitation
    ):
        return result
    reason = missing_volume(c.volume)
    if reason is None:
        return result
    return {**result, "status": "unresolved", "method": "catalog", "reason": reason}
