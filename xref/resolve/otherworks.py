"""Bare pages that are another work's, told by what is printed right before them.

A page the parser reads alone (``p. 835``) is taken as the citing volume's page unless the
context names another volume. When no document of the citing volume is printed on it (or the
volume cites its documents by number), what stands right before it often says whose it is:
another work's, whose title the grammar did not read (issue 12, found by
``bench/suspects.py``: such pages were keyed as pages of the citing volume, which the
annotator then linked). A page that a document of the volume is printed on stays that
document's: the print era's ``telegram 554, September 14, 1948, p. 388`` is the telegram
printed on page 388 of the volume.

* a date or a year: the issue or the imprint of a dated publication (``Keesing's Contemporary
  Archives, September 6-13, 1969, p. 23551``; ``Bulletin, May 3, 1954, pp. 678-679, and May
  31, 1954, p. 835``; ``(New York, 1963), pp. 653-654``; ``Current Documents, 1962 pp.
  949-950``);
* a numbered part in lowercase or abbreviated, a number, a book or a session (``vol. 101, pt.
  10, pp. 12689``; ``volume 105, part 4, page 5037``; ``No. 39, pp. 1111``; ``Ibid., Book II,
  page 1635``; ``80th Congress, 2d sess., p. 512``): FRUS prints its own parts as ``Part 2``;
* a document symbol (``U.N. Doc. A/PV.666, pp. 1275-1279``);

and a page listed right after such a page (``pp. 1111, 1113``) is that work's too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xref.cite.models import Citation, PageCitation

__all__ = ["other_work_pages"]

_LOOKBACK = 80

_DATED = re.compile(r"(?:1[789]|20)\d\d\)?,?[\u201d\"\u2019']?\s*,?\s*$")
"""A year (or a date ending in one) right before the page, perhaps closing a parenthesis or a
quotation: a dated issue or a book's imprint."""
_NUMBERED = re.compile(
    r"(?:(?<![\w.])(?:[Nn]os?|pt|part|[Bb]ook|[Ss]ess|yr)\.?\s*(?:#\s*)?[\dIVXLivxl]+[a-z]*"
    r"(?:\s*[-\u2013]\s*\d+)?|\b\d+(?:st|nd|rd|th|d)\s+(?:[Ss]ess(?:ion)?|yr)\.?)\s*,\s*$"
)
"""A numbered part of another work right before the page (``pt. 10,``, ``No. 39,``, ``Book
II,``, ``2d sess.,``); FRUS's own ``Part 2`` is capitalized and read with its volume."""
_SYMBOL = re.compile(r"(?<![\w/])[A-Z]{1,4}/[A-Z0-9][\w./-]*\s*,\s*$")
"""A document symbol right before the page (``A/PV.666,``)."""
_LIST = re.compile(r"\s*(?:ff\.?\s*)?[,;]?\s*(?:and\s+)?")
"""Between the pages of one list (``pp. 1111, 1113``, ``pp. 678-679, and 681``)."""

_REASONS = (
    (_DATED, "a page after a date or a year: a dated publication's"),
    (_NUMBERED, "a page after a numbered part, issue, book or session: another work's"),
    (_SYMBOL, "a page after a document symbol: that document's"),
)


def _reason(text: str, start: int) -> str | None:
    before = text[max(0, start - _LOOKBACK) : start]
    for pattern, reason in _REASONS:
        if pattern.search(before):
            return reason
    return None


def other_work_pages(text: str, citations: Sequence[Citation]) -> dict[int, str]:
    """For each bare page of ``citations`` (found in ``text``, in text order) that is another
    work's, its index in ``citations`` and why."""
    out: dict[int, str] = {}
    for i, c in enumerate(citations):
        if not isinstance(c, PageCitation):
            continue
        reason = _reason(text, c.span.start)
        if reason is None and i and (i - 1) in out:
            before = citations[i - 1]
            m = _LIST.match(text, before.span.end)
            if m is not None and m.end() == c.span.start:
                reason = out[i - 1]
        if reason is not None:
            out[i] = reason
    return out
