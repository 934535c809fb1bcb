"""The JSON record of a citation: a public contract (fields may be added, never renamed).

``{"source", "fragment", "start", "end", "text", "kind", "fields"}``, plus ``"reason"`` for
unparsed text; later stages add ``volume``, ``doc``, ``where``, ``note`` and resolution fields.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from xref.cite.models import Citation, UnparsedCitation

if TYPE_CHECKING:
    from xref.read.documents import Container, Document
    from xref.resolve.resolution import Resolution

__all__ = ["HISTORY", "document_record", "page_url", "resolution_record", "to_record"]

HISTORY = "https://history.state.gov/historicaldocuments"
"""Where FRUS volumes and documents are published."""
_PAGE = re.compile(r"(frus(?!\d{4}-\d{2}#)[0-9A-Za-z-]+)#(d\d+)(?:fn\w+)?")


def page_url(node_id: str | None) -> str | None:
    """The history.state.gov page of ``VOLUME#dN`` or ``VOLUME#dNfnM`` (the document's
    page), or None for anything else (a series without a volume, an external key)."""
    m = _PAGE.fullmatch(node_id or "")
    return f"{HISTORY}/{m.group(1)}/{m.group(2)}" if m else None


def to_record(
    citation: Citation, *, source: str | None = None, fragment: int | None = None
) -> dict[str, Any]:
    """The JSON-ready record of ``citation`` (see the README for every field)."""
    record: dict[str, Any] = {
        "source": source,
        "fragment": fragment,
        "start": citation.span.start,
        "end": citation.span.end,
        "text": citation.text,
        "kind": citation.kind,
        "fields": citation.fields(),
    }
    if isinstance(citation, UnparsedCitation):
        record["reason"] = citation.reason
    return record


def document_record(
    citation: Citation, document: Document, container: Container, *, source: str | None
) -> dict[str, Any]:
    """The record of a citation found in a document: adds volume, doc, where and note.

    ``start``/``end`` are relative to the container's text.
    """
    record = to_record(citation, source=source)
    record["volume"] = document.volume
    record["doc"] = document.local_id
    record["where"] = container.where
    record["note"] = container.note if container.where in ("source", "footnote") else None
    if container.where == "source" and record["note"] is None:
        record["note"] = "source"
    return record


def resolution_record(resolution: Resolution, *, source: str | None) -> dict[str, Any]:
    """The record of a resolved citation: the document record plus status, target, key,
    candidates, method, confidence, reason, and ``url``: the history.state.gov page of the
    target (or of a key naming a FRUS document), else None."""
    r = resolution
    record = document_record(r.citation, r.document, r.container, source=source)
    record.update(
        status=r.status,
        target=r.target,
        key=r.key,
        candidates=list(r.candidates),
        method=r.method,
        confidence=r.confidence,
        reason=r.reason or None,
        url=page_url(r.target or r.key),
    )
    if r.evidence is not None or r.channel_target is not None:
        record["channel_target"] = r.channel_target
        record["evidence"] = r.evidence
    return record
