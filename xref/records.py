"""The JSON record of a citation: a public contract (fields may be added, never renamed).

``{"source", "fragment", "start", "end", "text", "kind", "fields"}``, plus ``"reason"`` for
unparsed text; later stages add ``volume``, ``doc``, ``where``, ``note`` and resolution fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from xref.cite.models import Citation, UnparsedCitation

if TYPE_CHECKING:
    from xref.read.documents import Container, Document
    from xref.resolve.resolution import Resolution

__all__ = ["document_record", "resolution_record", "to_record"]


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
    candidates, method, confidence and reason."""
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
    )
    if r.evidence is not None or r.channel_target is not None:
        record["channel_target"] = r.channel_target
        record["evidence"] = r.evidence
    return record
