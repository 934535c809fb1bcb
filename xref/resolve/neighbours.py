"""What a citation takes from the citations printed right before it in the same text.

The parser reads ``Document 214, footnote 4``, ``footnote 7, p. 1013`` and
``vol. V, p. 630, and p. 640`` as separate citations; their meaning is joint:

* ``Document 214, footnote 4`` / ``vol. II, Document 261, footnotes 7 and 8``: the footnotes
  are the document's (its number and volume), never the citing document's;
* ``footnote 7, p. 1013`` / ``footnotes 2 and 3, p. 20``, and in the other order ``vol. X,
  p. 62, footnote 14``: the footnotes of the document printed on that page (the page's
  volume when it follows another volume's title);
* a page printed right after a page of another volume (``vol. VI, p. 589, and p. 611``) is
  that volume's;
* ``footnote 2, vol. V, p. 630`` (``footnote 2`` left unparsed): footnote 2 of that page;
* ``supra, footnotes 6 and 2``: the footnotes of the document supra (infra);
* ``footnotes 17 and 18, respectively, Document 84``: the footnotes are the document's;
* ``American Foreign Policy: Current Documents, 1965, p. 160, footnote 11``, ``ibid., p. 510,
  footnote 36``: the footnote of another work's page, or of the page an ibid. repeats;
* the later numbers of a list of pages (``pp. 151, 156``, ``pp. 69 and 70``) are pages too
  (the parser reads the first only): they are added as page citations.

:func:`link` returns, for each citation of a text, the citation to resolve (the footnote
with its document filled in) and the context it needs: the volume of a bare page, the page
of a footnote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from attrs import frozen

from xref.cite.models import (
    Citation,
    DocumentCitation,
    FootnoteCitation,
    IbidCitation,
    OtherPublicationCitation,
    PageCitation,
    PublicationCitation,
    Span,
    UnparsedCitation,
)

__all__ = ["Linked", "link"]

_COMMA = re.compile(r"\s*,\s*")
"""Between a document and its footnote: ``Document 214, footnote 4``."""
_FOOTNOTE_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")
"""Between the footnotes of one list: ``footnotes 7 and 8``, ``footnotes 2, 3, and 5``."""
_BEFORE_PAGE = re.compile(r"\s*,\s*(?:on\s+)?|\s+on\s+")
"""Between a footnote and its page: ``footnote 2, p. 20``, ``footnote 2 on p. 20``."""
_OF_ANOTHER = re.compile(
    r"\s+(?:to|of|in)\s+(?!this\b|the\s+(?:present|same)\b)(?:the\s+)?[A-Za-z]"
)
"""``footnotes 7 and 9 to NSC 125/6``, ``Footnote 12 to the reference despatch``."""
_RESPECTIVELY = re.compile(r"\s*,\s*respectively\s*,\s*")
"""Between a list of footnotes and the document they belong to: ``footnotes 17 and 18,
respectively, Document 84`` (the parser reads ``footnotes 7 and 8, Document 261`` whole)."""
_OWN_PAGE = re.compile(r",\s*(?:on\s+)?(?:pp?\.|pages?)\s*(\d+)[^,]*$")
"""The page inside a footnote citation that a parser reads whole: ``footnote 5, p. 241``."""
_ONWARD = r"(?:\s*(?:ff\b\.?|et\s+seq\.?))?"
"""``ff.``, ``et seq.`` after a page: it and the pages after it (the page cited is the first)."""
_PAGE_LIST = re.compile(_ONWARD + r"\s*[,;]?\s*(?:and\s+)?")
"""Between pages of one volume: ``vol. VI, p. 589, and p. 611``, ``vol. iii, pp. 816 ff and
pp. 891 ff.``."""


@frozen
class Linked:
    """One citation with what it takes from its neighbours."""

    citation: Citation
    """The citation to resolve (a footnote may have its document and volume filled in)."""
    volume: str | None = None
    """For a page: the other volume it belongs to, else None (the citing volume)."""
    page: tuple[str, str | None] | None = None
    """For a footnote: ``(pages, volume)`` of the page it is printed on, else None."""
    ibid_document: bool = False
    """For a footnote of the document an ibid. names (``ibid., Document 26, footnote 12``):
    its volume is the ibid's."""
    ibid: IbidCitation | None = None
    """For a footnote followed by ``, ibid.`` (``See footnote 4, ibid.``): that ibid; the
    footnote is one of what the ibid repeats (a document, or a page of a volume)."""
    elsewhere: str | None = None
    """For a footnote of another text (``footnote 8, ibid., p. 627``, ``Footnote 12 to the
    reference despatch``): why it is not the citing document's, else None."""


def _footnote_run_end(text: str, citations: Sequence[Citation], i: int) -> int:
    """The index of the last bare footnote of the list that starts at ``i`` ("footnotes 7, 8
    and 9")."""
    j = i
    while j + 1 < len(citations) and _bare_footnote(citations[j + 1]) and _gap(
        text, citations[j], citations[j + 1], _FOOTNOTE_LIST
    ):
        j += 1
    return j


def _bare_footnote(c: Citation) -> bool:
    return isinstance(c, FootnoteCitation) and c.document is None and c.relative is None


def _gap(text: str, a: Citation, b: Citation, rx: re.Pattern[str]) -> bool:
    return a.span.end <= b.span.start and rx.fullmatch(text, a.span.end, b.span.start) is not None


_MORE_PAGES = re.compile(
    _ONWARD + r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
    r"(?!(?:1[89]|20)\d\d\s*[-\u2013])(\d+(?:\s?[-\u2013]\s?\d+)?)"
    r"(?!\d|\s*[-\u2013]|\.\d|\s*,\s*vol)"
)
"""A further page (or range) of a list: ``pp. 69 and 70``, ``pp. 1652, 1653, 1655, and 1667``,
``pp. 817 ff. and 1259 ff.``, ``pp. 309-380 and 782-793`` (not years a volume follows: ``pp.
1348 ff., and 1955-1957, vol. XIV``)."""


_PLURAL_PAGES = re.compile(r"\b(?:pp\.|pages)\s*\d+(?:\s?[-\u2013]\s?\d+)?$")


_RANGE = r"\d+(?:\s?[-\u2013]\s?\d+)?"
_INNER_LIST = re.compile(_RANGE + r"(?:\s*,\s*(?:and\s+)?" + _RANGE + r"|\s+and\s+" + _RANGE + ")+")
"""A list of pages read as one page citation: ``pp. 151, 156`` (pages ``151, 156``), ``pp.
12-14, 20-22``."""
_NUMBER = re.compile(_RANGE)


def _split_inner(text: str, c: PageCitation) -> list[Citation]:
    """A page citation whose pages are a list (``pp. 151, 156``) as one citation per page (or
    range): the first keeps the abbreviation (``pp. 151``), the later ones are their numbers."""
    numbers = list(_NUMBER.finditer(text, c.span.start, c.span.end))
    if len(numbers) < 2:
        return [c]
    first = numbers[0]
    out: list[Citation] = [attrs.evolve(
        c, span=Span(c.span.start, first.end()), text=text[c.span.start : first.end()],
        pages=first.group(),
    )]
    for m in numbers[1:]:
        out.append(PageCitation(span=Span(m.start(), m.end()), text=m.group(), pages=m.group()))
    return out


def _page_lists(text: str, citations: Sequence[Citation]) -> list[Citation]:
    """``citations`` with the later pages of each list of pages added after the first
    (``pp. 151, 156``: pages 151 and 156), in the first page's volume."""
    out: list[Citation] = []
    for i, c in enumerate(citations):
        listed = isinstance(c, PageCitation) and _INNER_LIST.fullmatch(c.pages) is not None
        if listed:
            assert isinstance(c, PageCitation)
            out.extend(_split_inner(text, c))
        else:
            out.append(c)
        pages = c.pages if isinstance(c, PageCitation | PublicationCitation) else None
        if not pages or (not listed and _PLURAL_PAGES.search(c.text) is None):
            continue
        limit = citations[i + 1].span.start if i + 1 < len(citations) else len(text)
        end = c.span.end
        while (m := _MORE_PAGES.match(text, end)) is not None and m.end() <= limit:
            span = Span(m.start(1), m.end(1))
            out.append(PageCitation(span=span, text=m.group(1), pages=m.group(1)))
            end = m.end()
    return out


_UNPARSED_FOOTNOTE = re.compile(r"[Ff]ootnote\s+(\d+)")
"""An unparsed ``footnote 2`` (the parser stops at ``, vol. V, p. 630``, expecting a document)."""


def _footnotes_of_pages(text: str, citations: Sequence[Citation]) -> list[Citation]:
    """``footnote 2, vol. V, p. 630``: the unparsed ``footnote 2`` before a page of a volume
    is that page's footnote 2 (read as a footnote, linked to the page below)."""
    out = list(citations)
    for i, c in enumerate(citations[:-1]):
        after = citations[i + 1]
        m = _UNPARSED_FOOTNOTE.fullmatch(c.text) if isinstance(c, UnparsedCitation) else None
        if (
            m is not None
            and isinstance(after, PublicationCitation)
            and after.pages
            and after.volume
            and _gap(text, c, after, _BEFORE_PAGE)
        ):
            out[i] = FootnoteCitation(span=c.span, text=c.text, number=m.group(1))
    return out


def _footnotes_of_other_pages(
    text: str, citations: Sequence[Citation], out: list[Linked]
) -> None:
    """Another work's page, then its footnotes: ``American Foreign Policy: Current Documents,
    1965, p. 160, footnote 11`` (that work's footnote, not the citing document's), ``ibid.,
    p. 510, footnote 36`` (a footnote of the page the ibid. repeats: a FRUS volume's, or
    another work's). ``out`` is updated in place."""
    for i, c in enumerate(citations[:-1]):
        other = isinstance(c, OtherPublicationCitation) and c.pages is not None
        repeated = isinstance(c, IbidCitation) and isinstance(c.locator, PageCitation)
        if not (other or repeated) or not (
            _bare_footnote(citations[i + 1]) and _gap(text, c, citations[i + 1], _FOOTNOTE_LIST)
        ):
            continue
        for k in range(i + 1, _footnote_run_end(text, citations, i + 1) + 1):
            item = out[k]
            if item.citation is not citations[k] or item.page is not None or item.ibid:
                continue
            if isinstance(c, IbidCitation):
                out[k] = attrs.evolve(item, ibid=c)
            else:
                out[k] = attrs.evolve(
                    item, elsewhere="a footnote of the page of another work cited before it")


def link(text: str, citations: Sequence[Citation]) -> list[Linked]:
    """Each citation of ``text`` (in order) with its context; see the module doc."""
    citations = _page_lists(text, _footnotes_of_pages(text, citations))
    out = [Linked(c) for c in citations]
    n = len(citations)
    for i, c in enumerate(citations):
        # a document (or supra, infra), then its footnotes
        if isinstance(c, DocumentCitation) and (c.number is None) != (c.relative is None):
            j, prev = i + 1, citations[i]
            rx = _COMMA
            while j < n and _gap(text, prev, citations[j], rx):
                fn = citations[j]
                if not isinstance(fn, FootnoteCitation) or not _bare_footnote(fn):
                    break
                owned = (
                    attrs.evolve(fn, document=c.number, volume=c.volume) if c.number is not None
                    else attrs.evolve(fn, relative=c.relative)  # "supra, footnotes 6 and 2"
                )
                out[j] = attrs.evolve(out[j], citation=owned)
                prev, rx, j = fn, _FOOTNOTE_LIST, j + 1
        # footnotes, then ", respectively, Document N"
        if _bare_footnote(c) and (i == 0 or not _bare_footnote(citations[i - 1])):
            j = _footnote_run_end(text, citations, i)
            owner = citations[j + 1] if j + 1 < n else None
            if (
                isinstance(owner, DocumentCitation)
                and owner.number is not None
                and owner.relative is None
                and _gap(text, citations[j], owner, _RESPECTIVELY)
            ):
                for k in range(i, j + 1):
                    fn = citations[k]
                    assert isinstance(fn, FootnoteCitation)
                    out[k] = attrs.evolve(
                        out[k],
                        citation=attrs.evolve(fn, document=owner.number, volume=owner.volume),
                    )
        # "ibid., Document 26, footnote 12": the footnote of the ibid's document
        if (
            isinstance(c, IbidCitation)
            and isinstance(c.locator, DocumentCitation)
            and c.locator.number is not None
            and i + 1 < n
            and _bare_footnote(citations[i + 1])
            and _gap(text, c, citations[i + 1], _COMMA)
        ):
            fn = citations[i + 1]
            assert isinstance(fn, FootnoteCitation)
            out[i + 1] = attrs.evolve(
                out[i + 1], citation=attrs.evolve(fn, document=c.locator.number),
                ibid_document=True,
            )
        # footnotes, then the page they are on
        if _bare_footnote(c) and (i == 0 or not _bare_footnote(citations[i - 1])):
            j = _footnote_run_end(text, citations, i)
            page = citations[j + 1] if j + 1 < n else None
            where: tuple[str, str | None] | None = None
            if isinstance(page, PageCitation):
                where = (page.pages, None)
            elif isinstance(page, PublicationCitation) and page.pages and page.volume:
                where = (page.pages, page.volume)  # "footnote 2, vol. V, p. 630"
            if where is not None and page is not None and _gap(
                text, citations[j], page, _BEFORE_PAGE
            ):
                for k in range(i, j + 1):
                    if out[k].citation is citations[k]:  # not already a document's
                        out[k] = attrs.evolve(out[k], page=where)
        # a page after a page of another volume
        if isinstance(c, PageCitation) and i > 0:
            before = citations[i - 1]
            volume = (
                before.volume if isinstance(before, PublicationCitation) and before.pages
                else out[i - 1].volume if isinstance(before, PageCitation) else None
            )
            if volume is not None and _gap(text, before, c, _PAGE_LIST):
                out[i] = attrs.evolve(out[i], volume=volume)
    # a footnote read whole with its page ("footnote 5, p. 241" as one citation)
    for i, item in enumerate(out):
        c = item.citation
        if isinstance(c, FootnoteCitation) and c.document is None and c.relative is None:
            m = _OWN_PAGE.search(c.text)
            if m is not None and item.page is None:
                out[i] = attrs.evolve(item, page=(m.group(1), c.volume))
                # "footnotes 8 and 9, p. 209": the list's earlier footnotes are on that page
                k = i - 1
                while (
                    k >= 0
                    and _bare_footnote(citations[k])
                    and out[k].citation is citations[k]
                    and out[k].page is None
                    and _OWN_PAGE.search(citations[k].text) is None
                    and _gap(text, citations[k], citations[k + 1], _FOOTNOTE_LIST)
                ):
                    out[k] = attrs.evolve(out[k], page=(m.group(1), c.volume))
                    k -= 1
    # a page, then its footnotes: "vol. x, p. 62, footnote 14", "p. 503 and footnote 33" (the
    # print era's order): the footnotes of the document printed on that page
    for i, c in enumerate(citations[:-1]):
        where = None
        if isinstance(c, PublicationCitation) and c.pages and c.volume:
            where = (c.pages, c.volume)
        elif isinstance(c, PageCitation):
            where = (c.pages, out[i].volume)
        if where is None or not (
            _bare_footnote(citations[i + 1])
            and _gap(text, c, citations[i + 1], _FOOTNOTE_LIST)
        ):
            continue
        if i and _bare_footnote(citations[i - 1]) and out[i - 1].page is not None:
            continue  # "footnote 6, vol. v, p. 630, and footnote 4, ibid., p. 628": each its own
        j = _footnote_run_end(text, citations, i + 1)
        after = citations[j + 1] if j + 1 < n else None
        if isinstance(after, IbidCitation | PageCitation | PublicationCitation) and _gap(
            text, citations[j], after, _BEFORE_PAGE
        ):
            continue  # "p. 630, and footnote 4, ibid., p. 628": the footnote names its own
        for k in range(i + 1, j + 1):
            # not one with its own page ("footnote 4, p. 122", read above)
            if out[k].citation is citations[k] and out[k].page is None:
                out[k] = attrs.evolve(out[k], page=where)
    _footnotes_of_other_pages(text, citations, out)
    # a footnote of what an ibid repeats, or of a text named after it
    for i, item in enumerate(out):
        c = item.citation
        if not _bare_footnote(c) or item.page is not None:
            continue
        j = i
        while j + 1 < n and _bare_footnote(citations[j + 1]) and _gap(
            text, citations[j], citations[j + 1], _FOOTNOTE_LIST
        ):
            j += 1
        after = citations[j + 1] if j + 1 < n else None
        if isinstance(after, IbidCitation) and _gap(text, citations[j], after, _COMMA):
            out[i] = attrs.evolve(
                item, elsewhere="a footnote of the work the ibid. repeats", ibid=after
            )
        elif _OF_ANOTHER.match(text, citations[j].span.end):
            out[i] = attrs.evolve(item, elsewhere="a footnote of the text named after it")
    # a footnote's page keeps the page's volume
    for i, item in enumerate(out):
        if item.page is not None:
            j = i + 1
            while j < n and not isinstance(citations[j], PageCitation):
                j += 1
            if j < n and out[j].volume is not None and item.page[1] is None:
                out[i] = attrs.evolve(item, page=(item.page[0], out[j].volume))
    return out
