"""A volume's own publication titles: what its notes print in italics before a publication's
structure.

Every FRUS volume marks the titles of the works it cites: ``<hi rend="italic">Public Papers:
Truman, 1948</hi>, pp. 19-59``, ``<hi rend="italic">Executive Sessions of the Senate Foreign
Relations Committee (Historical Series)</hi>, volume VII, 1955``. The reader
(:mod:`xref.read.titles`) collects the italic spans of a volume's notes that are followed, at
least once in the volume, by a publication's structure (:data:`STRUCTURE`: a date, a year,
``vol.``/``volume``, ``p.``/``pp.``, ``No.``, a place and publisher in parentheses); a
:class:`TitleLexicon` holds them, carried in the volume's lexicon
(:class:`xref.cite.lexicon.SeriesLexicon`, ``titles``). ``find_citations(text, volume=...)``
then reads ``TITLE, <date|year|vol.|pp.|No.>`` as an other publication wherever the volume
prints it, italic or not (:func:`title_citations`), where the grammar read nothing over the
title. Without a volume (or a volume with no titles) nothing changes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs
from attrs import frozen

from xref.cite.models import Citation, OtherPublicationCitation, Span
from xref.cite.normalize import normalize_dashes, partial_date

__all__ = [
    "EMPTY_TITLES",
    "STRUCTURE",
    "TitleLexicon",
    "is_title",
    "located_structure",
    "merge_titles",
    "title_citations",
    "title_lexicon",
]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_DATE = rf"{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
_YEAR = r"(?:1[789]|20)\d\d(?:\s*[-\u2013\u2014]\s*\d{2,4})?(?![\d/])"
_VOLUME = r"[Vv]ol(?:ume)?\.?\s+(?:[IVXLC]+|\d+)\b"
_PAGES = (
    r"pp?\.\s*(?:[\dIVXLCivxlc]+(?:\s*[-\u2013\u2014]\s*\d+)?)"
    r"(?:\s*(?:,|and)\s*\d+(?:\s*[-\u2013\u2014]\s*\d+)?)*(?:\s*ff\b\.?)?"
)
_NUMBER = r"Nos?\.\s*\d+"
_IMPRINT = r"\((?:[A-Z][\w.' ]{1,40}|[A-Z][\w.' ]{1,40},\s*[\w.' ]{1,30}):\s*[^()]{1,120}\)"
_ITEM = rf"(?:{_DATE}|{_VOLUME}|{_PAGES}|{_NUMBER}|{_YEAR})"

STRUCTURE = re.compile(rf"(?:\s*[,)]\s*|\s*\)?\s*(?={_IMPRINT}))(?:{_ITEM}|{_IMPRINT})")
"""What follows a publication's title (after ``,`` or ``)``, or a place and publisher in
parentheses): a date, a year, a volume, pages, a number, an imprint."""

_TAIL = re.compile(rf"(?:\s*{_IMPRINT})?(?:\.?,\s*{_ITEM})+|\s*{_IMPRINT}")
"""A title's structure as far as it goes: ``, volume VII, 1955 (Washington: ...)``."""
_LOCATED = re.compile(rf"{_VOLUME}|{_PAGES}|{_NUMBER}|{_IMPRINT}")
"""What places a work beyond a date: a volume, pages, a number, an imprint (a ship or a
place is followed by a date, never by pages: ``the Pueblo, January 23, 1968``)."""


def located_structure(after: str) -> bool:
    """Whether ``after`` (the text right after an italic span) is a publication's structure
    that names a volume, pages, a number or an imprint: what makes the span a title."""
    tail = _TAIL.match(after)
    return tail is not None and _LOCATED.search(tail.group()) is not None

_NOT_TITLE = re.compile(
    r"(?:ibid|id\b|idem\b|op\.?\s*cit|loc\.?\s*cit|supra|infra|passim|sic\b|et\s+seq|cf\b"
    r"|ante\b|post\b|vide\b|see\b"
    r"|foreign\s+relations?\b|frus\b)",
    re.I,
)


def is_title(text: str) -> bool:
    """Whether an italic span can be a publication's title: it starts with a capital, has
    three letters or more, is no ``ibid``/``op. cit.``/FRUS title (the catalog reads those)."""
    return (
        3 <= len(text) <= 200
        and text[0].isupper()
        and sum(ch.isalpha() for ch in text) >= 3
        and _NOT_TITLE.match(text) is None
    )


@frozen
class TitleLexicon:
    """The publication titles of one volume."""

    titles: tuple[str, ...]
    """The titles, longest first, as printed (each run of whitespace one space); empty when
    the volume prints none."""
    keyed: tuple[tuple[str, str], ...] = ()
    """Each title's longest word and its own regular expression: a title is searched for only
    in a text that holds that word (one substring test per title; no alternation run over
    every text). The expression opens with the title's letters (the regex engine's fast
    search for a literal prefix); the character before is checked apart. It is compiled
    when first searched for (reading a volume compiles nothing)."""


EMPTY_TITLES = TitleLexicon(())
"""No titles: a volume whose notes print none (or no volume)."""


@functools.cache
def _compiled(expression: str) -> re.Pattern[str]:
    """A title's expression, compiled once per process."""
    return re.compile(expression)


def title_lexicon(titles: Iterable[str]) -> TitleLexicon:
    """The lexicon of a volume's titles."""
    seen = {" ".join(t.split()).rstrip(" ,.:;") for t in titles}
    kept = tuple(sorted((t for t in seen if is_title(t)), key=lambda t: (-len(t), t)))
    if not kept:
        return EMPTY_TITLES
    keyed = tuple(
        (max(t.split(), key=len), r"\s+".join(re.escape(w) for w in t.split()) + r"(?![\w-])")
        for t in kept
    )
    return TitleLexicon(kept, keyed)


_FIELDS = re.compile(
    rf"(?P<date>{_DATE})|(?P<vol>{_VOLUME})|(?P<pages>{_PAGES})|(?P<no>{_NUMBER})"
    rf"|(?P<imprint>{_IMPRINT})|(?P<year>{_YEAR})"
)


_DATE_PARTS = re.compile(
    rf"({_MONTH})\s+(\d{{1,2}}),\s+(\d{{4}})|(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})"
    rf"|({_MONTH})\s+(\d{{4}})"
)


def _citation(text: str, start: int, title_end: int, end: int) -> OtherPublicationCitation:
    title = " ".join(text[start:title_end].split())
    pages = volume = date = year = None
    for m in _FIELDS.finditer(text, title_end, end):
        if m.group("date") and date is None:
            d = _DATE_PARTS.match(m.group())
            assert d is not None
            g = d.groups()
            date = (partial_date(g[0], g[1], g[2]) if g[0] else partial_date(g[4], g[3], g[5])
                    if g[4] else partial_date(g[6], None, g[7]))
        elif m.group("vol") and volume is None:
            volume = m.group().split()[-1]
        elif m.group("pages") and pages is None:
            got = re.sub(r"^pp?\.\s*", "", m.group())
            pages = re.sub(r"\s*,\s*", ", ", normalize_dashes(re.sub(r"ff\.?$", "ff.", got)))
        elif m.group("year") and year is None:
            year = m.group()[:4]
    return OtherPublicationCitation(
        span=Span(start, end), text=text[start:end], title=title, pages=pages,
        date=date or year, volume=volume,
    )


_WORDLIKE = re.compile(r"[\w-]")


def _hits(text: str, lexicon: TitleLexicon) -> list[tuple[OtherPublicationCitation, int]]:
    """The title citations of ``text`` with where each title ends, in order; of titles
    starting at one place the longest, and none inside an earlier one."""
    found = [
        m for key, pat in lexicon.keyed if key in text for m in _compiled(pat).finditer(text)
    ]
    if not found:
        return []
    found.sort(key=lambda m: (m.start(), -m.end()))
    out = []
    last = -1
    for m in found:
        if m.start() < last or (m.start() and _WORDLIKE.match(text, m.start() - 1)):
            continue
        tail = _TAIL.match(text, m.end())
        if tail is None:
            continue
        if " " not in m.group() and _LOCATED.search(tail.group()) is None:
            continue  # one word and a date ("Time, January 5"): prose as often as a title
        end = tail.end()
        if text[end - 1] == "," or text[end - 1].isspace():
            end = len(text[:end].rstrip(" ,"))
        out.append((_citation(text, m.start(), m.end(), end), m.end()))
        last = end
    return out


def title_citations(text: str, lexicon: TitleLexicon) -> list[OtherPublicationCitation]:
    """Each place in ``text`` where one of the lexicon's titles is followed by a
    publication's structure, as an other publication (title, volume, pages, date), in order."""
    return [c for c, _ in _hits(text, lexicon)]


_YIELDS = frozenset({"page", "unparsed", "other_publication"})
"""What a title's citation replaces inside its extent: a page read as this volume's, an
unparsed report of the same words, another publication read from part of the title."""
_IMPRINT_AT = re.compile(_IMPRINT)


def _blocks(cit: Citation, other: Citation, title_end: int, imprint: tuple[int, int]) -> bool:
    """Whether ``other`` (which overlaps ``cit``) keeps ``cit`` out: it was read over the
    title's first word, it reaches outside ``cit``, or it is of another kind and stands
    outside the imprint's parentheses (a publisher's name read as an agency)."""
    s, e = cit.span.start, cit.span.end
    if other.span.start <= s or other.span.end > e:
        return True
    if other.span.start < title_end and other.span.end >= title_end and other.kind != "page":
        return other.kind not in _YIELDS
    inside_imprint = imprint[0] <= other.span.start and other.span.end <= imprint[1]
    return other.kind not in _YIELDS and not inside_imprint


def _bare_title(other: Citation, start: int, title_end: int) -> bool:
    """Whether ``other`` is a publication the grammar read as a longer title alone, ending
    where this title ends, with no volume, date or pages (``Department of State Bulletin`` of
    ``Department of State Bulletin., Nov. 8, 1954, p. 711``)."""
    return (
        isinstance(other, OtherPublicationCitation)
        and other.span.start < start
        and other.span.end == title_end
        and other.pages is None and other.date is None and other.volume is None
    )


def merge_titles(found: list[Citation], text: str, lexicon: TitleLexicon) -> list[Citation]:
    """``found`` with the title citations of ``text`` added where the grammar read nothing
    from the title's start (and read only pages, unparsed words, part of the title, or words
    of the imprint over the rest), in order. A longer title the grammar read alone, ending
    where the title ends, takes the title's structure."""
    if not lexicon.titles:
        return found
    extra = _hits(text, lexicon)
    if not extra:
        return found
    out = list(found)
    for cit, title_end in extra:
        s, e = cit.span.start, cit.span.end
        bare = next((c for c in out if _bare_title(c, s, title_end)), None)
        if isinstance(bare, OtherPublicationCitation):  # the grammar's longer title, extended
            s = bare.span.start
            cit = attrs.evolve(cit, span=Span(s, e), text=text[s:e], title=bare.title)
            out.remove(bare)
        i = _IMPRINT_AT.search(text, title_end, e)
        imprint = (i.start(), i.end()) if i is not None else (e, e)
        over = [c for c in out if c.span.start < e and c.span.end > s]
        if any(_blocks(cit, c, title_end, imprint) for c in over):
            continue
        out = [c for c in out if not (c.span.start < e and c.span.end > s)]
        out.append(cit)
    out.sort(key=lambda c: c.span.start)
    return out
