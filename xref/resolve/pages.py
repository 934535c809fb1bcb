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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from xref.cite.models import Citation, FootnoteCitation
from xref.read.documents import Document

if TYPE_CHECKING:
    from xref.resolve.corpus import Corpus

__all__ = ["PageIndex", "PageResolving", "first_page"]

_FIRST = re.compile(r"[0-9ivxlcdm]+", re.I)
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
        for d in documents:
            if not d.pages or d.volume is None:
                continue
            self.paged.add(d.volume)
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

    def page(self, pages: str, volume: str | None, doc: Document) -> dict[str, object]:
        """A printed page of ``volume`` (the citing one when None): the document on it."""
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

    def page_footnote(
        self, c: FootnoteCitation, doc: Document, pages: str, volume: str | None
    ) -> dict[str, object]:
        """``footnote N, p. P``: footnote N of the document printed on page P."""
        vol = self._volume(volume, doc)
        first = first_page(pages)
        key = f"{vol or ''}#pg_{first or pages}fn{c.number}"
        if vol is None or first is None or vol not in self.pages.paged:
            return {"status": "external", "key": key, "method": "page-footnote"}
        hit = self.pages.footnote(vol, first, c.number)
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
