"""The fields the telegram tests compare: what ``find_citations`` reads of each telegram,
despatch or airgram reference in a sentence."""

from __future__ import annotations

import xref


def found(text: str, kind: str = "telegram") -> list[tuple[object, ...]]:
    """Each citation of ``kind`` in ``text``, in order: its number, series, sender, recipient,
    date and text."""
    out: list[tuple[object, ...]] = []
    for c in xref.find_citations(text):
        if c.kind == kind:
            f = c.fields()
            out.append((f.get("number"), f.get("series"), f.get("sender"), f.get("recipient"),
                        f.get("date"), c.text))
    return out
