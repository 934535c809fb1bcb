"""The JSON record of a citation: a public contract (fields may be added, never renamed).

``{"source", "fragment", "start", "end", "text", "kind", "fields"}``, plus ``"reason"`` for
unparsed text; later stages add ``volume``, ``doc``, ``where``, ``note`` and resolution fields.
"""

from __future__ import annotations

from typing import Any

from xref.models import Citation, UnparsedCitation

__all__ = ["to_record"]


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
