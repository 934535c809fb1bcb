"""Printed pages: which document of a volume holds page P, and which footnote ``N, p. P`` is.

Volumes printed before document numbers (to the mid-1950s) cross-refer by page: ``p. 20``,
``pp. 33–34``, ``see footnote 2, p. 20``, ``vol. V, p. 630``. The reader records the pages
each document runs over (:attr:`xref.read.documents.Document.pages`, from the volume's own
``<pb n>`` markers) and the page each footnote's marker stands on
(:attr:`xref.read.documents.Footnote.page`). From those:

* a page resolves to the document that begins on it (the first, when several do), else to
  the document that runs over it;
* ``footnote N, p. P`` resolves to footnote N of the document on page P whose footnote N is
  printed on that page, else of the first document on page P that has a footnote N.

A page range (``pp. 33–34``) is cited by its first page. A bare page (no other volume named)
is read as the citing volume's only in volumes that cross-refer by page, those that do not
print document numbers in their headings (:attr:`PageIndex.by_page`).

A page is checked against the cited volume's own pages (:attr:`PageIndex.extent`): one outside
them is never linked to a document. The parts of a FRUS volume are paged through (1952-1954,
vol. I, Part 1 ends on page 816, Part 2 opens on page 817), so a page after a part's last page
is the next part's, one before its first page the previous part's (when the catalog has that
part): it is resolved there when that part is loaded, else external with that part's key. A
page outside the pages every document runs over, that no other part can hold, is
``unresolved``, with the volume's pages in the reason (a blank page or the index after the
last document names no document either).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from xref.cite.catalog import volume_exists
from xref.cite.models import (
    Citation,
    FootnoteCitation,
    OtherPublicationCitation,
    PageCitation,
)
from xref.read.documents import Document

if TYPE_CHECKING:
    from xref.resolve.corpus import Corpus

__all__ = ["PageIndex", "PageResolving", "first_page", "page_of_work"]

_FIRST = re.compile(r"[0-9ivxlcdm]+", re.I)
_PART = re.compile(r"^(?P<stem>.+p)(?P<part>\d+)$")
"""A part of a volume: ``frus1952-54v01p1`` (the stem, the part's number)."""
_NUMBERED = re.compile(r"\s*(?:No\.\s*)?\d+[A-Z]?(?:\.|\s)")
"""A heading that begins with its document's printed number (``12. Telegram From``)."""


def first_page(pages: str) -> str | None:
    """The first page of ``pages`` as printed: ``33-34`` -> ``33``, ``1013 ff.`` -> ``1013``."""
    m = _FIRST.search(pages)
    return m.group(0).lower() if m else None


_CACHE: list[tuple[Corpus, PageIndex]] = []
"""The indexes of the last corpora seen (resolution is called once per volume, with one
corpus: the index is built once)."""


class PageIndex:
    """For each volume, the documents on each printed page, in volume order."""

    @classmethod
    def of(cls, corpus: Corpus) -> PageIndex:
        """The index of ``corpus``'s documents, built once for the last few corpora."""
        for seen, index in _CACHE:
            if seen is corpus:
                return index
        index = cls(corpus.documents)
        _CACHE.insert(0, (corpus, index))
        del _CACHE[2:]
        return index

    def __init__(self, documents: Iterable[Document]) -> None:
        self._on: dict[tuple[str, str], list[Document]] = {}
        self._starts: dict[tuple[str, str], list[Document]] = {}
        self.paged: set[str] = set()
        """Volumes whose documents carry printed pages."""
        numbered: dict[str, list[int]] = {}
        self.extent: dict[str, tuple[int, int]] = {}
        """Each paged volume's first and last page numbered in arabic numerals that its
        documents run over (its ``<pb>`` pages inside a document: not the index after them)."""
        for d in documents:
            if not d.pages or d.volume is None:
                continue
            self.paged.add(d.volume)
            arabic = [int(p) for p in d.pages if p.isdigit()]
            if arabic:
                low, high = self.extent.get(d.volume, (arabic[0], arabic[0]))
                self.extent[d.volume] = (min(low, *arabic), max(high, *arabic))
            count = numbered.setdefault(d.volume, [0, 0])
            count[0] += _NUMBERED.match(d.heading.text) is not None
            count[1] += 1
            self._starts.setdefault((d.volume, d.pages[0].lower()), []).append(d)
            for p in d.pages:
                self._on.setdefault((d.volume, p.lower()), []).append(d)
        self.by_page: set[str] = {v for v, (n, total) in numbered.items() if 2 * n < total}
        """Paged volumes that do not print their documents' numbers: they cross-refer by
        page (to the mid-1950s); later volumes cite documents, and a bare page there is
        another work's (``page 3 of the memorandum``)."""

    def outside(self, volume: str, page: str) -> tuple[int, int] | None:
        """The first and last pages of ``volume`` when ``page`` (arabic) lies outside them,
        else None (a page inside them, a roman page of the front matter, a volume with no
        arabic pages)."""
        extent = self.extent.get(volume)
        if extent is None or not page.isdigit() or extent[0] <= int(page) <= extent[1]:
            return None
        return extent

    def on_page(self, volume: str, page: str) -> list[Document]:
        """The documents printed (wholly or in part) on ``page`` of ``volume``, in order."""
        return list(self._on.get((volume, page.lower()), ()))

    def document(self, volume: str, page: str) -> tuple[Document | None, int]:
        """The document a citation of ``page`` names, and how many begin on that page."""
        starts = self._starts.get((volume, page.lower()))
        if starts:
            return starts[0], len(starts)
        on = self._on.get((volume, page.lower()))
        if on:
            return on[-1], 1
        return None, 0

    def footnote(self, volume: str, page: str, label: str) -> tuple[Document, str] | None:
        """The document and footnote id of ``footnote label, p. page``, or None."""
        on = self._on.get((volume, page.lower()), [])
        fallback: tuple[Document, str] | None = None
        for d in on:
            for fn in d.footnotes:
                if fn.label != label:
                    continue
                local = fn.id or f"{d.local_id}fn{label}"
                if fn.page is not None and fn.page.lower() == page.lower():
                    return d, local
                if fallback is None:
                    fallback = (d, local)
        return fallback


def page_of_work(effective: Citation, antecedent: Citation) -> Citation:
    """An ibid's page after another work (``American Foreign Policy: Current Documents, 1965,
    pp. 505-510 ... ibid., p. 510``) as a page of that work, not of the citing volume; any
    other citation as it is."""
    if isinstance(effective, PageCitation) and isinstance(antecedent, OtherPublicationCitation):
        return attrs.evolve(antecedent, span=effective.span, text=effective.text,
                            pages=effective.pages)
    return effective


class PageResolving:
    """The resolver's methods for printed pages (mixed into
    :class:`~xref.resolve.resolver.Resolver`, which provides these attributes)."""

    pages: PageIndex
    loaded: set[str]
    page_volume: dict[int, tuple[Citation, str]]

    def remember_volume(self, c: Citation, volume: str) -> None:
        """Note that page citation ``c`` was read in ``volume`` (``vol. V, p. 630, and p.
        640``), for an ``ibid.`` that repeats it."""
        self.page_volume[id(c)] = (c, volume)  # c kept: its id is not reused while here

    def volume_of_page(self, c: Citation | None) -> str | None:
        """The volume :meth:`remember_volume` noted for this very citation object, or None."""
        entry = self.page_volume.get(id(c))
        return entry[1] if entry is not None and entry[0] is c else None

    def _volume(self, cited: str | None, doc: Document) -> str | None:
        raise NotImplementedError  # pragma: no cover - the resolver's

    def _not_printed(self, vol: str, first: str, suffix: str, method: str, named: bool,
                     tried: tuple[str, ...] = ()
                     ) -> tuple[dict[str, object] | None, str | None]:
        """For a page outside ``vol``'s own pages: the volume's other part that prints it
        (loaded: the caller resolves it there), or the result (external in a part not loaded,
        else unresolved); ``(None, None)`` for a page inside them. ``suffix`` ends the key
        (``fn3`` for a footnote of the page); ``named``: whether the citation names the volume
        (a bare page outside it is external, perhaps another work's); ``tried`` are the parts
        already looked in (a page between two parts' pages is in neither)."""
        extent = self.pages.outside(vol, first)
        if extent is None:
            return None, None
        after = int(first) > extent[1]
        m = _PART.match(vol)
        sibling = None
        if m is not None and (int(m.group("part")) > 1 or after):
            sibling = f"{m.group('stem')}{int(m.group('part')) + (1 if after else -1)}"
        if sibling is not None and sibling not in tried and volume_exists(sibling):
            if sibling in self.pages.paged:
                return None, sibling
            return {
                "status": "external",
                "key": f"{sibling}#pg_{first}{suffix}",
                "method": method,
                "reason": f"page {first} is {'after' if after else 'before'} the pages of "
                f"{vol} ({extent[0]}-{extent[1]}): the parts of a volume are paged through, "
                f"so it is printed in {sibling}",
            }, None
        return {
            # a bare page (no volume named) outside them may be another work's
            "status": "unresolved" if named else "external",
            "key": f"{vol}#pg_{first}{suffix}",
            "method": method,
            "reason": f"no document of {vol} is printed on page {first}: its documents run "
            f"over pages {extent[0]}-{extent[1]}",
        }, None

    def page(self, pages: str, volume: str | None, doc: Document,
             tried: tuple[str, ...] = ()) -> dict[str, object]:
        """A printed page of ``volume`` (the citing one when None): the document on it
        (``tried``: the other parts of the volume already looked in)."""
        vol = self._volume(volume, doc)
        first = first_page(pages)
        key = f"{vol or ''}#pg_{first or pages}"
        if vol is None or first is None or vol not in self.pages.paged:
            reason = "the volume is not loaded" if vol not in self.loaded else (
                "the volume marks no pages")
            return {"status": "external", "key": key, "method": "page", "reason": reason}
        if volume is None and vol not in self.pages.by_page:
            return {
                "status": "external",
                "key": key,
                "method": "page",
                "reason": f"{vol} cites documents by number: a bare page is another work's",
            }
        outside, sibling = self._not_printed(vol, first, "", "page",
                                             volume is not None, tried)
        if sibling is not None:
            return self.page(pages, sibling, doc, (*tried, vol))
        if outside is not None:
            return outside
        found, starting = self.pages.document(vol, first)
        if found is None:
            return {
                "status": "external",
                "key": key,
                "method": "page",
                "reason": f"no document of {vol} is printed on page {first}",
            }
        return {
            "status": "resolved",
            "target": found.id,
            "key": key,
            "method": "page",
            "confidence": 0.95 if starting <= 1 else 0.7,
        }

    def publication_page(self, pages: str, volume: str | None, doc: Document
                         ) -> dict[str, object] | None:
        """A page of a named FRUS volume that is loaded (``vol. VI, p. 12``) when the page
        settles it: on a page of the volume, on no page of it, or on another part's page;
        None when the volume's own resolution is to be kept (the page holds no document)."""
        result = self.page(pages, volume, doc)
        if result["status"] in ("resolved", "unresolved") or not str(
            result.get("key", "")
        ).startswith(f"{volume}#"):
            return result
        return None

    def page_footnote(
        self, c: FootnoteCitation, doc: Document, pages: str, volume: str | None,
        tried: tuple[str, ...] = (),
    ) -> dict[str, object]:
        """``footnote N, p. P``: footnote N of the document printed on page P (``tried``: the
        other parts of the volume already looked in)."""
        vol = self._volume(volume, doc)
        first = first_page(pages)
        key = f"{vol or ''}#pg_{first or pages}fn{c.number}"
        if vol is None or first is None or vol not in self.pages.paged:
            return {"status": "external", "key": key, "method": "page-footnote"}
        outside, sibling = None, None
        if volume is not None or vol in self.pages.by_page:
            # (a bare page in a volume that cites documents by number may be another work's)
            outside, sibling = self._not_printed(vol, first, f"fn{c.number}", "page-footnote",
                                                 volume is not None, tried)
        if sibling is not None:
            return self.page_footnote(c, doc, pages, sibling, (*tried, vol))
        if outside is not None:
            return outside
        hit = self.pages.footnote(vol, first, c.number)
        if hit is None and volume is None and vol not in self.pages.by_page:
            return {
                "status": "external",
                "key": key,
                "method": "page-footnote",
                "reason": f"{vol} cites documents by number: a footnote of a bare page it does "
                "not print is another work's",
            }
        if hit is None:
            return {
                "status": "external" if not self.pages.on_page(vol, first) else "unresolved",
                "key": key,
                "method": "page-footnote",
                "reason": f"no document on page {first} of {vol} has a footnote {c.number}",
            }
        owner, local = hit
        target = f"{owner.volume}#{local}"
        return {
            "status": "resolved",
            "target": target,
            "key": target,
            "method": "page-footnote",
            "confidence": 0.95,
        }
