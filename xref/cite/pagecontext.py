"""What stands right before a page reference and makes its pages another work's, not this
volume's: a numbered paper (``NSC 5602/1, pp. 15-16``) or a Congressional hearing (``Hearings
before the Subcommittee ..., House of Representatives (Washington, 1949), pp. 40-44``).

The scan (:mod:`xref.cite.candidates`) asks these at a page reference whose title it did not
find otherwise.
"""

from __future__ import annotations

import re

__all__ = ["PAPER_BEFORE", "hearing_before"]

PAPER_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,6}\s+\d+(?:/\d+)*\s*,\s*$")
"""A numbered paper right before its pages: "(NSC 5602/1, pp. 15-16": that paper's pages."""

# the grammar's HEARINGS reads the title from "Hearings" on; what may stand between it and the
# pages: the committee's words, then where and when the hearing was printed
_HEARINGS_BEFORE = re.compile(
    r"\bHearings?(?:\s+and\s+[A-Z][a-z]+\s+Proceedings)?\s+[Bb]efore\s[^()\n;]{0,200}?"
    r"(?:\([^()]{0,80}(?:1[789]|20)\d\d\))?\s*,\s*$"
)
_LOOKBACK = 320


def hearing_before(text: str, end: int) -> int | None:
    """Where a Congressional hearing's title starts when ``text`` cites one right before
    ``end`` (the start of its pages); None when it does not."""
    window = text[max(0, end - _LOOKBACK) : end]
    if "earing" not in window:
        return None
    m = _HEARINGS_BEFORE.search(window)
    return None if m is None else end - len(window) + m.start()
