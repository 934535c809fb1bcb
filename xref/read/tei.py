"""Read FRUS TEI volumes into :class:`~xref.read.documents.Document` objects, one at a time.

The reader drives ``pyexpat`` directly (through :mod:`xref.read.safexml`, so no DTD or entity is
ever read): it is fast, streams, and gives the byte index of every event, which the
containers' :class:`~xref.read.documents.SourceMap` keeps. Every quirk listed in
``FRUS-ENCODING.md`` is handled: source notes with or without ``@type``, ``n="0"``, notes
without ids, letter notes, ``pb`` anywhere, attachments with their own heads and notes,
editorial notes, duplicate ``xml:id`` (read, and reported as volume diagnostics).
"""

from __future__ import annotations

import pyexpat
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import cast

import attrs

from xref.cite.models import Span
from xref.errors import InputError
from xref.read.documents import (
    Container,
    Document,
    DocumentDiagnostic,
    Footnote,
    Ref,
    SourceMap,
    SourceNote,
    Volume,
)
from xref.read.headers import (
    parse_dateline,
    parse_drafting_date,
    parse_heading,
    parse_own_number,
    parse_source_note,
)
from xref.read.safexml import create_parser, parse_error

__all__ = ["iter_documents", "read_volume", "read_volume_bytes"]

_INLINE = frozenset(
    """hi gloss persName placeName orgName geogName date time pb lb ref term foreign emph
    rs name seg title q quote abbr expan unclear sic corr choice add del gap num idno said
    measure milestone anchor index c w pc roleName forename surname addName
    """.split()
)
_WS = re.compile(r"[ \t\r\n]{2,}|[\t\r\n]")
"""Whitespace to collapse: any run but a lone space (a lone space is already collapsed)."""
_NL = re.compile(r"\n[ \t\r\n]*")
"""Most of it: a newline and the indentation after it (a literal prefix: a fast scan)."""
_SOURCE_TEXT = re.compile(r"^\W{0,3}source\b", re.I)
_XML_ID = re.compile(rb"""xml:id\s*=\s*(?:"([^"<&\t\r\n]*)"|'([^'<&\t\r\n]*)')""")
_BUFFER = 1 << 22
_DOC_TYPE = re.compile(rb"""\btype\s*=\s*["']document["']""")
_SOURCE_GENRE = re.compile(
    r":\s*((?:circular\s+)?(?:telegram|airgram|despatch|dispatch))\s*\.?\s*$", re.I
)
"""A genre at the end of an inline source line: ``794A.5/1–1251: Telegram``."""
_PB = re.compile(rb"""<pb\b[^>]*?\sn\s*=\s*(?:"([^"]*)"|'([^']*)')""")
"""A page break with its printed number: where each printed page begins."""
_BLOCK = "\x01"
"""A paragraph boundary in a container's raw parts (XML text cannot contain it)."""
_SEP = "\x02"
"""Joins raw parts so that one regex pass collapses each part's whitespace on its own."""
# Kinds of position marks, resolved when the container's text is finished.
_LEN, _POS, _START = 0, 1, 2
_IS_STR = str.__instancecheck__


class _Text:
    """Gathers one container's raw character data; :meth:`finish` builds its text and map.

    While parsing, :attr:`parts` only grows: character data (expat appends it directly),
    the byte index of each markup event (an ``int``: the chunks after it start there),
    :data:`_BLOCK` for paragraph boundaries, and position marks (see :meth:`mark`).
    Whitespace collapsing, paragraph breaks and the marks' values are worked out once, in
    :meth:`finish`.
    """

    __slots__ = ("parts", "refs", "open_refs")

    def __init__(self) -> None:
        self.parts: list[str | int | list[int]] = []
        self.refs: list[tuple[list[int], list[int], str]] = []
        self.open_refs: list[tuple[list[int], str]] = []

    def mark(self, kind: int) -> list[int]:
        """A position at this point of the text: ``[kind, value]``, the value set by finish.

        ``_LEN``: the text's length so far; ``_POS``: its end, without a trailing space that
        may still be collapsed; ``_START``: where the next text will start, after a pending
        paragraph break.
        """
        m = [kind, 0]
        self.parts.append(m)
        return m

    def finish(self) -> tuple[str, SourceMap, tuple[Ref, ...]]:
        """The joined text, its source map and refs; also sets the marks' values."""
        parts = self.parts
        strs = cast(list[str], list(filter(_IS_STR, parts)))
        chunk = iter(_collapse(_SEP.join(strs)).split(_SEP) if strs else ()).__next__
        out: list[str] = []
        offsets: list[int] = []
        events: list[int] = []
        leads = bytearray()
        put, at, came_after, led = out.append, offsets.append, events.append, leads.append
        length = 0
        ends_space = True
        pending = False
        event = -1
        for x in parts:
            cls = x.__class__
            if cls is int:
                event = x  # type: ignore[assignment]
                continue
            if cls is list:
                kind = x[0]  # type: ignore[index]
                if kind == _LEN:
                    value = length
                elif kind == _POS:
                    value = length - 1 if ends_space and length and not pending else length
                elif pending:
                    value = length - (1 if ends_space else 0) + 2
                else:
                    value = length
                x[1] = value  # type: ignore[index]
                continue
            norm = chunk()
            if norm == _BLOCK:
                if length:
                    pending = True
                continue
            if norm[0] == " " and (ends_space or pending):
                norm = norm[1:]
                if not norm:
                    continue
                led(1)
            else:
                led(0)
            if pending:
                if ends_space and out:
                    out[-1] = out[-1][:-1]
                    length -= 1
                put("\n\n")
                length += 2
                pending = False
            at(length)
            came_after(event)
            put(norm)
            length += len(norm)
            ends_space = norm[-1] == " "
        text = "".join(out)
        if text.endswith(" "):
            text = text[:-1]
        refs = tuple(Ref(_trim(text, Span(s[1], e[1])), target) for s, e, target in self.refs)
        smap = SourceMap(array("q", offsets), array("q", events), bytes(leads))
        return text, smap, refs


def _collapse(text: str) -> str:
    """``text`` with each run of XML whitespace replaced by one space."""
    if "\n" in text:
        text = _NL.sub(" ", text)
    if "  " in text or "\t" in text or "\r" in text:
        text = _WS.sub(" ", text)
    return text


class _Note:
    __slots__ = ("text", "id", "label", "anchor", "parent", "attrs", "in_head", "before_head")

    def __init__(
        self, attrs: dict[str, str], anchor: list[int], parent: str, in_head: bool,
        before_head: bool = False,
    ) -> None:
        self.text = _Text()
        self.id = attrs.get("xml:id")
        self.label = attrs.get("n")
        self.anchor = anchor
        self.parent = parent
        self.attrs = attrs
        self.in_head = in_head
        self.before_head = before_head
        """Placed before the head (the 1948-1954 inline source line)."""


class _DocState:
    """Everything gathered about the document being read."""

    __slots__ = (
        "attrs", "line", "heading", "body", "dateline", "notes", "head_done", "dateline_done",
        "in_head", "in_dateline", "date_when", "place", "parties", "attachment_depth",
        "end_byte",
    )

    def __init__(self, attrs: dict[str, str], line: int) -> None:
        self.attrs = attrs
        self.line = line
        self.heading = _Text()
        self.body = _Text()
        self.dateline = _Text()
        self.notes: list[_Note] = []
        self.head_done = False
        self.dateline_done = False
        self.in_head = False
        self.in_dateline = False
        self.date_when: str | None = None
        self.place: tuple[list[int], list[int] | None] | None = None
        self.parties: dict[str, tuple[list[int], list[int] | None]] = {}
        self.attachment_depth = 0
        self.end_byte = -1


# What a start tag inside a document does (by local name); anything else is a block.
_K_INLINE, _K_NOTE, _K_HEAD, _K_DATELINE, _K_BLOCK = range(5)
_KINDS = dict.fromkeys(_INLINE, _K_INLINE) | {
    "note": _K_NOTE, "head": _K_HEAD, "dateline": _K_DATELINE,
}
_PARTY_TAGS = ("gloss", "persName")
# Inline elements with no role but being transparent, and blocks with no role but breaking
# paragraphs: the handlers' fast paths (most elements are one or the other).
_PLAIN_INLINE = _INLINE - {"ref", "lb", "placeName", "date", *_PARTY_TAGS}
_PLAIN, _BLOCKED = ("", _K_INLINE, None), ("", _K_BLOCK, None)
_SPECIAL, _PLAIN_CODE, _BLOCK_CODE = 0, 1, 2


class _Reader:
    """Streams the documents of one volume; see :func:`iter_documents`.

    Outside documents only a light start handler runs (it looks for the volume's id, its
    title and the next document). Inside a document, expat appends character data straight
    to the current container's parts, the handlers add event positions, paragraph
    boundaries and marks, and each container is assembled once, when the document ends.
    Duplicate ``xml:id``s are found by a scan of the bytes, checked exactly by a second
    parse only when the scan sees any.
    """

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        self.parser = create_parser(path)
        p = self.parser
        p.buffer_text = True
        p.buffer_size = _BUFFER
        p.ordered_attributes = False
        p.StartElementHandler = self.outside
        # Where documents can be: from the tag of the first type="document" to the last one.
        # Outside that stretch (the front matter, the index) no start handler runs at all,
        # once the volume's id and title are known.
        found = [m.start() for m in _DOC_TYPE.finditer(data)]
        self.first_tag = data.rfind(b"<", 0, found[0]) if found else -1
        self.last_type = found[-1] if found else -1
        self.volume_id: str | None = None
        self.title: str | None = None
        self.title_parts: list[str] | None = None
        self.ready: list[Document] = []
        self.doc: _DocState | None = None
        # For elements inside a document: (local name, kind, party).
        self.stack: list[tuple[str, int, str | None]] = []
        self.texts: list[tuple[_Text, str]] = []
        self.text: _Text = _Text()
        self.kinds: dict[str, tuple[int, str]] = {}
        self.codes: dict[str, int] = {}
        self.append = self.text.parts.append
        self.stem: str | None = None
        self.last_date: str | None = None
        # The printed pages: byte index of each <pb n> and its number.
        self.pb_bytes: list[int] = []
        self.pb_numbers: list[str] = []
        if b"<pb" in data:
            for m in _PB.finditer(data):
                self.pb_bytes.append(m.start())
                self.pb_numbers.append((m.group(1) or m.group(2) or b"").decode("utf-8"))

    # -- expat handlers ---------------------------------------------------------------

    def outside(self, name: str, attrs: dict[str, str]) -> None:
        """Start tags outside documents."""
        p = self.parser
        if name == "div":
            if attrs.get("type") == "document":
                self.begin_document(attrs)
        elif name == "title" or name.endswith(":title"):
            if self.title is None and attrs.get("type") == "complete":
                self.title_parts = []
                p.CharacterDataHandler = self.title_parts.append
                p.EndElementHandler = self.title_end
        elif self.volume_id is None and name.rpartition(":")[2] == "TEI":
            self.volume_id = attrs.get("xml:id")
        elif name.endswith(":div") and attrs.get("type") == "document":
            self.begin_document(attrs)

    def title_end(self, name: str) -> None:
        p = self.parser
        if self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split())
            self.title_parts = None
        p.CharacterDataHandler = None
        p.EndElementHandler = None
        if self.volume_id is not None and p.CurrentByteIndex < self.first_tag:
            p.StartElementHandler = None  # back on at first_tag (see run)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """Start tags inside a document."""
        code = self.codes.get(name)
        if code == _PLAIN_CODE:
            self.stack.append(_PLAIN)
            self.append(self.parser.CurrentByteIndex)
        elif code == _BLOCK_CODE:
            self.stack.append(_BLOCKED)
            append = self.append
            append(_BLOCK)
            append(self.parser.CurrentByteIndex)
        elif code is None:
            local = name.rpartition(":")[2]
            if local in _PLAIN_INLINE:
                self.codes[name] = _PLAIN_CODE
            elif local not in _KINDS and local != "attachment":
                self.codes[name] = _BLOCK_CODE
            else:
                self.codes[name] = _SPECIAL
            self.start(name, attrs)
        else:
            self.special_start(name, attrs)

    def special_start(self, name: str, attrs: dict[str, str]) -> None:
        p = self.parser
        cached = self.kinds.get(name)
        if cached is None:
            local = name.rpartition(":")[2]
            cached = self.kinds[name] = (_KINDS.get(local, _K_BLOCK), local)
        kind, local = cached
        doc = self.doc
        assert doc is not None
        text = self.text
        if kind == _K_INLINE:
            if local == "ref":
                text.open_refs.append((text.mark(_START), attrs.get("target", "")))
            elif local == "lb":
                text.parts.append(p.CurrentByteIndex)
                text.parts.append(" ")
                self.stack.append((local, _K_INLINE, None))
                return
            elif local == "placeName":
                if doc.in_dateline and doc.place is None:
                    doc.place = (doc.dateline.mark(_LEN), None)
            elif local == "date":
                if doc.in_dateline and doc.date_when is None:
                    doc.date_when = (
                        attrs.get("when") or attrs.get("from") or attrs.get("notBefore")
                        or attrs.get("when-iso") or attrs.get("frus:doc-dateTime-min")
                    )
            elif doc.in_head and local in _PARTY_TAGS:
                party = attrs.get("type")
                if (party == "from" or party == "to") and party not in doc.parties:
                    doc.parties[party] = (doc.heading.mark(_START), None)
                    self.stack.append((local, _K_INLINE, party))
                    text.parts.append(p.CurrentByteIndex)
                    return
            self.stack.append((local, _K_INLINE, None))
        elif kind == _K_NOTE:
            before = not (doc.in_head or doc.head_done or doc.attachment_depth)
            note = _Note(
                attrs, text.mark(_POS), self.texts[-1][1],
                doc.in_head and not doc.attachment_depth, before,
            )
            doc.notes.append(note)
            inline_source = before and note.id is None and attrs.get("type") == "source"
            self.enter(note.text, "source" if inline_source else note.id or f"fn{note.label}")
            self.stack.append((local, _K_NOTE, None))
            text = note.text
        elif kind == _K_HEAD and not doc.head_done and not doc.attachment_depth:
            doc.in_head = True
            self.enter(doc.heading, "heading")
            self.stack.append((local, _K_HEAD, None))
            text = doc.heading
        elif kind == _K_DATELINE and not doc.dateline_done and not doc.attachment_depth:
            doc.in_dateline = True
            self.enter(doc.dateline, "dateline")
            self.stack.append((local, _K_DATELINE, None))
            text = doc.dateline
        else:
            if local == "attachment":
                doc.attachment_depth += 1
            text.parts.append(_BLOCK)
            self.stack.append((local, _K_BLOCK, None))
        text.parts.append(p.CurrentByteIndex)

    def end(self, name: str) -> None:
        """End tags inside a document."""
        stack = self.stack
        if not stack:
            self.end_document()
            return
        entry = stack.pop()
        if entry is _PLAIN:
            self.append(self.parser.CurrentByteIndex)
        elif entry is _BLOCKED:
            append = self.append
            append(_BLOCK)
            append(self.parser.CurrentByteIndex)
        else:
            self.special_end(entry)

    def special_end(self, entry: tuple[str, int, str | None]) -> None:
        p = self.parser
        local, kind, party = entry
        doc = self.doc
        assert doc is not None
        text = self.text
        if kind == _K_INLINE:
            if party is not None:
                doc.parties[party] = (doc.parties[party][0], doc.heading.mark(_POS))
            elif local == "ref":
                if text.open_refs:
                    start, target = text.open_refs.pop()
                    text.refs.append((start, text.mark(_POS), target))
            elif local == "placeName" and doc.place is not None and doc.place[1] is None:
                doc.place = (doc.place[0], doc.dateline.mark(_LEN))
        elif kind == _K_BLOCK:
            if local == "attachment":
                doc.attachment_depth -= 1
            text.parts.append(_BLOCK)
        else:
            texts = self.texts
            texts.pop()
            text = self.text = texts[-1][0]
            p.CharacterDataHandler = self.append = text.parts.append
            if kind == _K_HEAD:
                doc.in_head = False
                doc.head_done = True
            elif kind == _K_DATELINE:
                doc.in_dateline = False
                doc.dateline_done = True
        text.parts.append(p.CurrentByteIndex)

    def enter(self, text: _Text, key: str) -> None:
        """Make ``text`` (a note, the head or the dateline) the current container."""
        self.text = text
        self.texts.append((text, key))
        self.parser.CharacterDataHandler = self.append = text.parts.append

    # -- documents ----------------------------------------------------------------------

    def begin_document(self, attrs: dict[str, str]) -> None:
        p = self.parser
        doc = self.doc = _DocState(attrs, p.CurrentLineNumber)
        self.stack = []
        self.text = doc.body
        self.texts = [(doc.body, "body")]
        doc.body.parts.append(p.CurrentByteIndex)
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.append = doc.body.parts.append

    def end_document(self) -> None:
        doc = self.doc
        assert doc is not None
        self.doc = None
        p = self.parser
        doc.end_byte = p.CurrentByteIndex
        p.StartElementHandler = self.outside if p.CurrentByteIndex < self.last_type else None
        p.EndElementHandler = None
        p.CharacterDataHandler = None
        self.ready.append(self.build(doc))

    def build(self, doc: _DocState) -> Document:
        if self.stem is None:
            self.stem = Path(self.path).stem
        volume = self.volume_id or self.stem
        number = doc.attrs.get("n")
        local_id = doc.attrs.get("xml:id") or (f"d{number}" if number else f"line{doc.line}")
        head_text, head_map, head_refs = doc.heading.finish()
        body_text, body_map, body_refs = doc.body.finish()
        date_text, _, _ = doc.dateline.finish()
        notes = [(note, *note.text.finish()) for note in doc.notes]
        heading = Container("heading", head_text, refs=head_refs, source_map=head_map)
        body = Container("body", body_text, refs=body_refs, source_map=body_map)
        source: SourceNote | None = None
        footnotes: list[Footnote] = []
        diagnostics: list[DocumentDiagnostic] = []
        source_index = _find_source(notes)
        for i, (note, joined, smap, refs) in enumerate(notes):
            extra = tuple((k, v) for k, v in note.attrs.items() if k != "xml:id" and k != "n")
            anchor = note.anchor[1]
            parent = note.parent
            if parent == "dateline":
                parent, anchor = "body", 0
            if i == source_index:
                # the 1948-1954 inline source line has no xml:id: keyed dNfn0, as n="0" ones
                note_id = note.id or (f"{local_id}fn0" if note.before_head else None)
                c = Container(
                    "source", joined, note=note_id, label=note.label, anchor=anchor,
                    parent=parent, refs=refs, source_map=smap, attributes=extra,
                )
                source = parse_source_note(c)
            else:
                c = Container(
                    "footnote", joined, note=note.id, label=note.label, anchor=anchor,
                    parent=parent, refs=refs, source_map=smap, attributes=extra,
                )
                page = self.page_at(_first_byte(note.text))
                footnotes.append(Footnote(note.label, note.id, c, page))
        heading_info = parse_heading(head_text)
        if heading_info.genre is None and source is not None:
            genre = _SOURCE_GENRE.search(source.text)
            if genre is not None:  # "793B.00/1–1251: Telegram" (1948-1954)
                g = genre.group(1).lower().replace("dispatch", "despatch")
                heading_info = attrs.evolve(heading_info, genre=g)
        sender, recipient = heading_info.sender, heading_info.recipient
        for kind, (start_mark, end_mark) in doc.parties.items():
            start, end = start_mark[1], end_mark[1] if end_mark is not None else -1
            value = " ".join(head_text[start:end].split()).strip(" ,.;:")
            value = re.sub(r"^the\s+", "", value, flags=re.I)
            if value and kind == "from":
                sender = value
            elif value:
                recipient = value
        place = None
        if doc.place is not None and doc.place[1] is not None:
            start, end = doc.place[0][1], doc.place[1][1]
            place = " ".join(date_text[start:end].split()).strip(" ,") or None
        date, time = None, None
        if doc.date_when:
            date, _, time_part = doc.date_when.partition("T")
            time = time_part[:8] or None
        dl = parse_dateline(date_text)
        if date is None:
            date = dl.date or (heading_info.date if not date_text else None)
        if date is None and date_text and source is not None:
            # An undated dateline: the editors often say when the document was drafted.
            date = parse_drafting_date(source.text, self.last_date)
        elif date and date[0] != "-":
            self.last_date = date
        if place is None:
            place = dl.place
        own, series = parse_own_number(body_text, heading_info.genre)
        if own is None and heading_info.number is not None:
            own, series = heading_info.number, heading_info.series
        if own is None and heading_info.genre and "telegram" in heading_info.genre:
            own, series = parse_own_number(head_text, "heading")
        if own is None and source is not None and heading_info.genre and (
            "telegram" in heading_info.genre
        ):
            own, series = parse_own_number(source.text, "source")
        if not head_text:
            diagnostics.append(DocumentDiagnostic("no-heading", "document has no head", doc.line))
        return Document(
            id=f"{volume}#{local_id}",
            volume=volume,
            local_id=local_id,
            number=number,
            heading=heading,
            body=body,
            source=source,
            footnotes=tuple(footnotes),
            genre=heading_info.genre,
            sender=sender,
            recipient=recipient,
            date=date or None,
            time=time,
            place=place,
            dateline=date_text or None,
            own_number=own,
            series=series,
            path=self.path,
            diagnostics=tuple(diagnostics),
            pages=self.pages_of(doc),
        )

    def page_at(self, byte: int) -> str | None:
        """The printed page at byte index ``byte``: the last ``<pb n>`` before it."""
        i = bisect_right(self.pb_bytes, byte) - 1
        return self.pb_numbers[i] if i >= 0 else None

    def pages_of(self, doc: _DocState) -> tuple[str, ...]:
        """The printed pages a document runs over, the one it starts on first.

        A page break inside the document before its first words (before the head or the
        source note) means it starts on that page, not on the one before.
        """
        if not self.pb_bytes:
            return ()
        start = _first_byte(doc.body)
        lo = bisect_right(self.pb_bytes, start)
        hi = bisect_left(self.pb_bytes, doc.end_byte) if doc.end_byte >= 0 else lo
        content = min(
            (b for b in (_first_byte(doc.heading), *(_first_byte(n.text) for n in doc.notes[:1]))
             if b >= 0),
            default=start,
        )
        first = [] if lo < hi and self.pb_bytes[lo] < content else [self.page_at(start)]
        pages = [p for p in first if p is not None] + self.pb_numbers[lo:hi]
        return tuple(dict.fromkeys(pages))

    # -- driving ------------------------------------------------------------------------

    def run(self, chunk: int = 1 << 20) -> Iterator[Document]:
        data = self.data
        try:
            start = 0
            while start < len(data):
                # Feed about ``chunk`` bytes at a time, always cut just before a tag: a run
                # of text is then never split between two calls (its map would be wrong).
                end = data.find(b"<", start + chunk)
                if end < 0:
                    end = len(data)
                if start < self.first_tag < end:
                    end = self.first_tag
                self.parser.Parse(data[start:end], False)
                if end == self.first_tag:
                    self.parser.StartElementHandler = self.outside
                start = end
                if self.ready:
                    yield from self.ready
                    self.ready.clear()
            self.parser.Parse(b"", True)
        except pyexpat.ExpatError as exc:
            raise parse_error(self.path, exc) from None
        finally:
            self.release()
        yield from self.ready
        self.ready.clear()

    def release(self) -> None:
        """Drop the parser's handlers: the reader and its parser no longer hold each other."""
        p = self.parser
        p.StartElementHandler = p.EndElementHandler = p.CharacterDataHandler = None


def _first_byte(text: _Text) -> int:
    """The byte index of the first markup event of a container, or -1."""
    for x in text.parts:
        if isinstance(x, int):
            return x
    return -1


def _trim(text: str, span: Span) -> Span:
    """``span`` clamped to ``text`` and without whitespace at either edge."""
    start, end = min(span.start, len(text)), min(span.end, len(text))
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    return Span(start, end)


def _find_source(notes: Sequence[tuple[_Note, str, SourceMap, tuple[Ref, ...]]]) -> int | None:
    """Index of the source note: ``@type="source"`` in the head, else a note saying Source."""
    for i, (note, _text, _, _) in enumerate(notes):
        if note.in_head and note.attrs.get("type") == "source":
            return i
    for i, (note, _text, _, _) in enumerate(notes[:1]):
        # 1948-1954: the source line printed above the heading, encoded before <head>
        if note.before_head and note.attrs.get("type") == "source":
            return i
    for i, (note, text, _, _) in enumerate(notes[:2]):
        if _SOURCE_TEXT.match(text) and note.attrs.get("rend") != "inline":
            return i
    return None


def _duplicate_ids(path: str, data: bytes) -> list[DocumentDiagnostic]:
    """``duplicate-id`` diagnostics for ``data``, in document order.

    A scan of the bytes finds every ``xml:id`` at C speed; only when it sees a repeated
    value, or cannot account for every ``xml:id`` written, does a second parse collect the
    ids exactly, with the line of each element.
    """
    found = _XML_ID.findall(data)
    if len(found) == data.count(b"xml:id"):
        ids = [a or b for a, b in found]
        if len(set(ids)) == len(ids):
            return []
    parser = create_parser(path)
    seen: dict[str, int] = {}
    out: list[DocumentDiagnostic] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        xid = attrs.get("xml:id")
        if xid is None:
            return
        line = parser.CurrentLineNumber
        first = seen.get(xid)
        if first is None:
            seen[xid] = line
        else:
            out.append(
                DocumentDiagnostic(
                    "duplicate-id", f"xml:id {xid!r} is used again (first on line {first})", line
                )
            )

    parser.StartElementHandler = start
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except pyexpat.ExpatError as exc:  # pragma: no cover - the reader has parsed it already
        raise parse_error(path, exc) from None
    return out


def iter_documents(path: str | Path) -> Iterator[Document]:
    """Yield the documents of a TEI volume one at a time, in order.

    Raises :class:`~xref.errors.InputError` (or its subclass ``UnsafeXMLError``) naming the
    file, line and column when the file cannot be read, is malformed or truncated, or
    declares a DTD or entities; documents already yielded stay valid.
    """
    p = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    yield from _Reader(p, data).run()


def read_volume_bytes(path: str, data: bytes) -> Volume:
    """Read a whole volume from ``data`` (the file's bytes); ``path`` is used in messages."""
    reader = _Reader(path, data)
    documents = tuple(reader.run())
    volume_id = reader.volume_id or Path(path).stem
    diagnostics = _duplicate_ids(path, data)
    docs = tuple(
        d if d.volume == volume_id else attrs.evolve(d, volume=volume_id) for d in documents
    )
    return Volume(volume_id, reader.title, path, docs, tuple(diagnostics))


def read_volume(path: str | Path) -> Volume:
    """Read a whole TEI volume; see :func:`iter_documents` for errors."""
    p = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    return read_volume_bytes(p, data)
