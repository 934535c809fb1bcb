"""Dates, parties and telegram channels: what a telegram reference means for its citing document.

:func:`telegram_channel` applies an abbreviation (``Deptel``, ``Embtel``, ``ourtel``, ``urtel``,
``Secto`` ...) to the citing document's sender and recipient; :func:`complete_date` completes a
partial date (``--12-07``) from the citing document's.
"""

from __future__ import annotations

import re
from datetime import date as _date

from xref.cite.models import (
    TelegramCitation,
)
from xref.cite.names import canonical_party
from xref.cite.transform import DEPARTMENT
from xref.read.documents import Document

TELEGRAM_WINDOW_DAYS = 400
"""How far before the citing document a cited telegram may be dated."""


def parse_iso(value: str | None) -> _date | None:
    """A full or year-month ISO date as a day (the first of the month), or None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return None


def complete_date(partial: str | None, citing: str | None) -> str | None:
    """Give ``--12-07`` the year of the citing date (the year before if it would be later)."""
    if not partial or not partial.startswith("--"):
        return partial
    cd = parse_iso(citing)
    if cd is None:
        return partial
    month, day = int(partial[2:4]), int(partial[5:7])
    year = cd.year if (month, day) <= (cd.month, cd.day) else cd.year - 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def telegram_channel(
    cite: TelegramCitation, doc: Document
) -> tuple[str | None, str | None, str | None]:
    """The channel ``(sender, recipient, number)`` a telegram reference names, seen from ``doc``.

    Applies CITATIONS.md's table: ``Deptel`` is from the Department to the citing document's
    post, ``Embtel`` from that post, ``ourtel`` from the citing sender, ``urtel`` from its
    recipient; series such as ``Topol`` keep their series in the number.
    """
    series = cite.series.lower()
    dept = canonical_party(DEPARTMENT)
    s_doc = party_of(doc.sender, doc.place, is_travelling(doc))
    r_doc = party_of(doc.recipient, None, is_travelling(doc))
    post = r_doc if s_doc == dept else s_doc
    number = cite.number
    if series in ("ourtel", "mytel"):
        return s_doc, r_doc, number
    if series in ("urtel", "yourtel"):
        return r_doc, s_doc, number
    if re.fullmatch(r"dep(?:cir)?tel|circtel|circular telegram", series):
        recipient = None if "cir" in series else post
        if cite.recipient and "cir" not in series:
            named = canonical_party(cite.recipient)  # "Deptel 2353 to Ankara"
            recipient = named if named != dept else recipient
        return dept, recipient, number
    if re.fullmatch(r"(?:emb|con|leg|mis|del|usun)tel", series):
        return post, dept, number
    s = canonical_party(cite.sender) if cite.sender else None
    r = canonical_party(cite.recipient) if cite.recipient else None
    if s is not None and s == r:
        s = None  # "telegram 2434 to Department" read as from it too: only one end is known
    if series in ("telegram", "reftel"):
        return s, r, number
    if series in TRAVEL_SERIES:
        # Secto/Dulte from the Secretary's delegation, Tosec/Tedul to it: the series number
        # is the channel; the parties around it are the delegation's, wherever it is
        s = r = None
    # a lettered series (Secto, Topol, Dulte): the series is part of the number
    return s, r, f"{cite.series} {number}" if number else None


def is_department(doc: Document) -> bool:
    """Whether the Department sent the document (by sender, or from Washington to a post)."""
    dept = canonical_party(DEPARTMENT)
    return bool(doc.sender and canonical_party(doc.sender) == dept) or bool(
        doc.place
        and doc.place.startswith("Washington")
        and not (doc.recipient and canonical_party(doc.recipient) == dept)
    )


def is_circular(doc: Document) -> bool:
    """A circular telegram: to all, several or certain posts."""
    heading = f"{doc.recipient or ''} {doc.heading.text[:160]}".lower()
    return "circular" in heading or bool(re.search(r"\bposts\b", heading))


_POSTED = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][^,()]*?)\s*(?:\([^)]*\))?$")
"""An office named by where it serves: ``Special Representative in Vietnam (Collins)``."""
TRAVEL_SERIES = frozenset({"secto", "tosec", "dulte", "tedul"})
"""Series of telegrams from and to a Secretary travelling with his delegation."""


def party_of(
    name: str | None, place: str | None = None, travelling: bool = False
) -> str | None:
    """A telegram party's key; a person's name gives way to the place the telegram came from.

    The people and offices who send and receive telegrams meet the posts they stand for:
    the Secretary of State is the Department unless travelling (a Secto/Tosec or Dulte/Tedul
    telegram, or one sent from elsewhere); an officer "in Vietnam" or "at Hong Kong" is the
    post there.
    """
    if name:
        key = canonical_party(name)
        if key == "Secretary of State" and not travelling and place is None:
            return canonical_party(DEPARTMENT)
        if key and (key.startswith(("Embassy", "Post", "Department", "US")) or place is None):
            if not key.startswith(("Embassy", "Post", "Department", "US", "Secretary")):
                m = _POSTED.search(key)
                post = canonical_party(m.group("place")) if m else None
                if post and post.startswith(("Embassy", "Post", "US")):
                    return post
            return key
    if place:
        return canonical_party(place)
    return canonical_party(name) if name else None


def is_travelling(doc: Document) -> bool:
    """Whether a telegram is to or from a Secretary travelling (Secto/Tosec, Dulte/Tedul)."""
    return bool(doc.series and doc.series.lower() in TRAVEL_SERIES)
