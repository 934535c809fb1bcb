"""The document model: what a citation means depends on the document it sits in.

A :class:`Document` (a FRUS ``div type="document"`` or a plain-text copy) is split into
*containers*, the texts that citations are found in: the heading, the source note, the body
and each footnote. A container's ``text`` is the joined text of its element with inline
markup (``hi``, ``gloss``, ``persName``, ``pb`` ...) transparent, runs of XML whitespace
collapsed to one space, blocks (paragraphs) separated by ``"\\n\\n"`` and nested notes taken
out. Offsets are 0-based and half-open (:class:`xref.cite.models.Span`); a container's
:class:`SourceMap` maps them back to bytes, lines and columns of the file.

The editors' ``<ref>`` elements are kept apart, in :attr:`Container.refs`: they are the
answer key of cross-reference resolution, and resolvers can ignore them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import Literal

from attrs import field, frozen

from xref.cite.models import Citation, Span
from xref.read.offsets import STEP, as_utf8, chunk_points, column_of, line_of, nearest

__all__ = [
    "Container",
    "Document",
    "DocumentDiagnostic",
    "Footnote",
    "LocatedCitation",
    "Location",
    "Ref",
    "SourceMap",
    "SourceNote",
    "Volume",
    "WHERES",
    "locate_citations",
]

Where = Literal["heading", "source", "body", "footnote"]
WHERES: tuple[str, ...] = ("heading", "source", "body", "footnote")
"""The kinds of container, as they appear in JSON records (``"where"``)."""

_TAG = re.compile(rb"<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_MARKUP = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[|\]\]>", re.S)
_WS_BYTES = b" \t\r\n"


@frozen
class Location:
    """A position in a file: 1-based ``line`` and ``column`` (in characters), 0-based ``byte``."""

    line: int
    column: int
    byte: int


@frozen
class SourceMap:
    """Maps offsets of a container's text back to the file it was read from.

    The text is made of *chunks*, one per run of character data in the file. For each chunk
    it keeps the text offset where it starts, and where its raw bytes start: for XML, the byte
    index of the markup event just before it (its end is the chunk's start), and whether the
    chunk's leading whitespace was dropped when whitespace was collapsed. Within a chunk, one
    character of text is one raw character, one entity or character reference, or one run of
    whitespace. Characters inserted between chunks (paragraph breaks) map to the end of the
    chunk before. For plain text, ``events`` are the chunks' own byte offsets.
    """

    offsets: Sequence[int] = ()
    """Text offset at which each chunk starts, ascending (the TEI reader: an ``array``)."""
    events: Sequence[int] = ()
    """For XML, the byte index of the markup just before each chunk; else the chunk's byte."""
    leads: Sequence[int] = ()
    """Whether (1) or not (0) each chunk's leading whitespace was dropped (XML only)."""
    xml: bool = True
    """Whether the file is XML (entities, markup and whitespace collapsing) or plain text."""

    def byte_offset(self, offset: int, data: bytes) -> int:
        """The byte index in ``data`` (the whole file) of the character at text ``offset``.

        Each chunk keeps checkpoints (:mod:`xref.read.offsets`), so a look-up walks at most a few
        dozen characters: many look-ups in one long text cost time linear in its length.
        """
        if not self.offsets:
            return 0
        if self.xml:
            data = as_utf8(data)
        i = max(bisect_right(self.offsets, offset) - 1, 0)
        k = offset - self.offsets[i]
        pos = self.events[i]
        if self.xml:
            m = _TAG.match(data, pos)
            if m is not None:
                pos = m.end()
            pos = _skip_markup(data, pos)
            if self.leads[i]:
                while pos < len(data) and data[pos] in _WS_BYTES:
                    pos = _skip_markup(data, pos + 1)
        points = chunk_points(self, data, i, pos)
        done, pos, last = nearest(points, k)
        step = _walk_xml if self.xml else _walk_text
        while done < k and pos < len(data):
            n = min(k - done, STEP) if last else k - done
            pos = step(data, pos, n)
            done += n
            if last and n == STEP:
                points[0].append(done)
                points[1].append(pos)
        return _skip_markup(data, pos) if self.xml else pos

    def locate(self, offset: int, data: bytes) -> Location:
        """Line, column and byte in ``data`` of the character at text ``offset``."""
        if self.xml:
            data = as_utf8(data)  # the bytes the reader mapped (a UTF-16 file: their UTF-8)
        byte = self.byte_offset(offset, data)
        line, start = line_of(data, byte)
        return Location(line, column_of(data, start, byte) + 1, byte)

    def locate_end(self, end: int, data: bytes) -> Location:
        """Location just past the character at ``end - 1``: where a span ``[.., end)`` ends."""
        if self.xml:
            data = as_utf8(data)
        if end <= 0:
            return self.locate(0, data)
        last = self.locate(end - 1, data)
        byte = last.byte
        if byte < len(data):
            if data[byte] == 0x26:
                byte = data.find(b";", byte) + 1
            else:
                byte += 1
                while byte < len(data) and 0x80 <= data[byte] < 0xC0:
                    byte += 1
        return Location(last.line, last.column + 1, byte)


def _walk_xml(data: bytes, pos: int, k: int) -> int:
    """The byte ``k`` characters of XML character data after ``pos``."""
    n = len(data)
    while k > 0 and pos < n:
        pos = _skip_markup(data, pos)
        if pos >= n:
            break
        c = data[pos]
        if c in _WS_BYTES:
            while pos < n and data[pos] in _WS_BYTES:
                pos += 1
        elif c == 0x26:  # "&"
            end = data.find(b";", pos, pos + 12)
            pos = end + 1 if end > 0 else pos + 1
        elif c < 0x80:
            pos += 1
        else:
            pos += 1
            while pos < n and 0x80 <= data[pos] < 0xC0:
                pos += 1
        k -= 1
    return pos


def _walk_text(data: bytes, pos: int, k: int) -> int:
    """The byte ``k`` characters of UTF-8 text after ``pos``."""
    return pos + len(data[pos : pos + 4 * k].decode("utf-8", "replace")[:k].encode("utf-8"))


def _skip_markup(data: bytes, pos: int) -> int:
    """Skip comments, processing instructions and CDATA brackets starting at ``pos``."""
    while pos < len(data) and data[pos] in (0x3C, 0x5D):  # "<" or "]"
        m = _MARKUP.match(data, pos)
        if m is None:
            break
        pos = m.end()
    return pos


@frozen
class Ref:
    """An editor's ``<ref target>`` inside a container: where it is, and what it names."""

    span: Span
    """The ref's text in the container's text."""
    target: str
    """The ``@target`` as written (``#d75``, ``frus1961-63v11#d183``, ``d346``)."""


@frozen
class Container:
    """One text of a document that citations are found in: heading, source note, body, note."""

    where: Where
    """``heading``, ``source``, ``footnote`` or ``body``."""
    text: str
    """The joined text (see the module docstring)."""
    note: str | None = None
    """For a note, its ``xml:id`` (``d12fn3``); for plain text ``fn3`` or ``source``."""
    label: str | None = None
    """For a note, its printed number or letter (``@n``)."""
    anchor: int | None = None
    """For a note, the offset in its parent container's text where its marker stood."""
    parent: str | None = None
    """For a note, the key of the container it annotates (``body``, ``heading``, a note key)."""
    refs: tuple[Ref, ...] = ()
    """Every ``<ref>`` inside, in order: the editors' answer key."""
    source_map: SourceMap = field(factory=SourceMap, eq=False, repr=False)
    """Maps text offsets back to the file."""
    attributes: tuple[tuple[str, str], ...] = ()
    """The note element's attributes other than ``xml:id`` and ``n`` (``type``, ``rend``)."""

    @property
    def key(self) -> str:
        """A name unique within the document: ``heading``, ``source``, ``body`` or the note's."""
        if self.where == "footnote":
            return self.note or f"fn{self.label}"
        return self.where


@frozen
class Footnote:
    """A footnote of a document (any note that is not the source note)."""

    label: str | None
    """The printed number or letter (``"3"``, ``"a"``), or None."""
    id: str | None
    """The note's ``xml:id`` (``d12fn3``); for plain text ``fn3``."""
    container: Container
    """The note's text, refs and source map."""
    page: str | None = None
    """The printed page its marker stands on (the last ``<pb n>`` before it), or None."""

    @property
    def text(self) -> str:
        """The note's joined text."""
        return self.container.text

    @property
    def anchor(self) -> int | None:
        """Offset in the parent container's text where the marker stood."""
        return self.container.anchor


@frozen
class SourceNote:
    """The source note, with the facts it states that are not citations."""

    container: Container
    """Its text, refs and source map."""
    classification: str | None = None
    """``Top Secret``, ``Secret; Sensitive; Eyes Only``, or None."""
    precedence: str | None = None
    """``Priority``, ``Niact``, ``Immediate``, or None."""
    drafted_by: str | None = None
    """Who drafted it, as printed."""
    cleared_by: str | None = None
    """Who cleared it, as printed."""
    approved_by: str | None = None
    """Who approved it, as printed."""
    repeated_to: tuple[str, ...] = ()
    """Posts it was repeated (or also sent) to, as printed."""
    statuses: tuple[str, ...] = ()
    """``not printed``, ``not found``, ``not declassified``, ``microfiche supplement`` ..."""

    @property
    def text(self) -> str:
        """The note's joined text."""
        return self.container.text


@frozen
class DocumentDiagnostic:
    """A problem found while reading a document or volume; data, not an exception."""

    code: str
    """A short stable name: ``duplicate-id``, ``marker-without-footnote`` ..."""
    message: str
    """What is wrong, for people."""
    line: int = 0
    """1-based line in the file, 0 when unknown."""


@frozen
class Document:
    """A document: a telegram, memorandum, letter, editorial note ... and its containers."""

    id: str
    """Corpus-wide id ``VOLUME#dN`` (plain text: ``VOLUME#stem`` or ``stem``)."""
    volume: str | None
    """The volume id (``frus1958-60v11``), or None."""
    local_id: str
    """The id within its volume: the TEI ``xml:id`` (``d7``), or a plain-text file's stem."""
    number: str | None
    """The printed document number (``"7"``), or None."""
    heading: Container
    """The heading (``7. Telegram From the Embassy in Lebanon to the Department of State``)."""
    body: Container
    """Everything after the heading and dateline, attachments included, notes taken out."""
    source: SourceNote | None = None
    """The source note, or None."""
    footnotes: tuple[Footnote, ...] = ()
    """The other notes, in document order."""
    genre: str | None = None
    """``telegram``, ``memorandum of conversation``, ``letter``, ``editorial note`` ..."""
    sender: str | None = None
    """Who sent it, as the heading names it (``Embassy in Lebanon``)."""
    recipient: str | None = None
    """Who received it, as the heading names it."""
    date: str | None = None
    """ISO date from the dateline (``1958-02-21``), possibly partial; None when absent."""
    time: str | None = None
    """ISO time from the dateline (``11:00:00``), or None."""
    place: str | None = None
    """Where it was written (``Beirut``)."""
    dateline: str | None = None
    """The dateline's text."""
    own_number: str | None = None
    """A telegram's own number (``2832``, ``S–39``), as printed; ``unnumbered``
    (:data:`xref.read.headers.UNNUMBERED`) when the telegram prints ``Unnumbered`` there."""
    series: str | None = None
    """The own number's series when not a plain number (``Topol``, ``Secto``), else None."""
    path: str | None = None
    """The file it was read from."""
    diagnostics: tuple[DocumentDiagnostic, ...] = ()
    """Problems found while reading it."""
    pages: tuple[str, ...] = ()
    """The printed pages it runs over (the volume's ``<pb n>``), the page it starts on
    first; empty when the volume marks no pages."""

    @property
    def channel(self) -> tuple[str | None, str | None, str | None]:
        """``(sender, recipient, own number with series)``, names as printed."""
        number = self.own_number
        if number is not None and self.series:
            number = f"{self.series} {number}"
        return (self.sender, self.recipient, number)

    def containers(self) -> tuple[Container, ...]:
        """Every container in reading order: heading, source note, body, then the footnotes.

        This is the order ``Ibid.`` looks back in: in FRUS the source note comes first, even
        where a plain-text copy prints it last.
        """
        out = [self.heading]
        if self.source is not None:
            out.append(self.source.container)
        out.append(self.body)
        out.extend(f.container for f in self.footnotes)
        return tuple(out)

    def container(self, key: str) -> Container | None:
        """The container with this :attr:`Container.key` (``body``, ``d7fn2`` ...), or None."""
        for c in self.containers():
            if c.key == key or (c.where == "footnote" and key in (c.note, f"fn{c.label}")):
                return c
        return None

    def footnote(self, label: str) -> Footnote | None:
        """The footnote printed with this number or letter, or None."""
        for f in self.footnotes:
            if f.label == label:
                return f
        return None


@frozen
class Volume:
    """A FRUS volume: its documents, in order, and what was wrong with the file."""

    id: str
    """The volume id (``frus1958-60v11``): the root's ``xml:id``, else the file's stem."""
    title: str | None
    """The complete title, or None."""
    path: str | None
    """The file it was read from."""
    documents: tuple[Document, ...] = ()
    """Its documents, in order."""
    diagnostics: tuple[DocumentDiagnostic, ...] = ()
    """Volume-level problems, e.g. duplicate ``xml:id``s."""


@frozen
class LocatedCitation:
    """A citation together with the document and container it was found in."""

    document: Document
    container: Container
    citation: Citation


def locate_citations(
    document: Document, find: Callable[[str], Sequence[Citation]]
) -> Iterator[LocatedCitation]:
    """Run ``find`` over each container of ``document`` in reading order.

    ``find`` is a text-to-citations function such as ``xref.cite.find.find_citations``; every
    citation it returns is tagged with its container (spans stay relative to that text).
    """
    for c in document.containers():
        for cite in find(c.text):
            yield LocatedCitation(document, c, cite)
