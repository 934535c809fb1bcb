"""Source-note rules: is the archival part of each source note read, word for word?

The coverage itself (what the archival part is, which words no citation covers) is defined in
:mod:`xref.checks.coverage`; this module turns an uncovered note into a finding, so that an
editor sees the source notes written in a form the grammar does not read.
"""

from __future__ import annotations

from collections.abc import Iterator

from xref.checks.context import Context, Hit
from xref.checks.coverage import note_coverage, source_notes

__all__ = ["source_unrecognized"]

_SHOWN = 6
"""How many leftover words a message quotes."""


def source_unrecognized(ctx: Context) -> Iterator[Hit]:
    """A source note whose archival part is not wholly covered by parsed citations."""
    for doc in ctx.documents:
        for note in source_notes(doc):
            cov = note_coverage(doc.id, note, ctx.citations(doc, note), volume=doc.volume)
            if not cov.has_archival or cov.covered:
                continue
            words = [w.word for w in cov.leftovers]
            shown = " ".join(words[:_SHOWN]) + (" ..." if len(words) > _SHOWN else "")
            first, last = cov.leftovers[0].span, cov.leftovers[-1].span
            yield Hit(
                f"source note not fully recognized: {len(words)} of {cov.words} words of its "
                f"archival part are in no citation ({shown})",
                doc, note, first.start, last.end,
            )
