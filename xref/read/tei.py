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
from collections.abc import Iterator
from pathlib import Path

import attrs

from xref.errors import InputError
from xref.read.abbreviations import register_volume_series
from xref.read.documents import (
    Container,
    Document,
    DocumentDiagnostic,
    Footnote,
    SourceNote,
    Volume,
)
from xref.read.headers import parse_dateline, parse_drafting_date, parse_heading, parse_source_note
from xref.read.safexml import create_parser, parse_error, release
from xref.read.tei_parts import (
    _BLOCK,
    _BUFFER,
    _INLINE,
    _LEN,
    _POS,
    _START,
    _DocState,
    _document_stretch,
    _duplicate_ids,
    _find_source,
    _first_byte,
    _line_of,
    _marked_parties,
    _marked_place,
    _Note,
    _own_number,
    _Pages,
    _source_genre,
    _Text,
)
from xref.read.titles import register_volume_titles
from xref.read.xmlencoding import to_utf8

__all__ = ["iter_documents", "read_volume", "read_volume_bytes"]

# What a start tag inside a document does (by local name); anything else is a block.
_K_INLINE, _K_NOTE, _K_HEAD, _K_DATELINE, _K_BLOCK = range(5)
_KINDS = dict.fromkeys(_INLINE, _K_INLINE) | {
    "note": _K_NOTE, "head": _K_HEAD, "dateline": _K_DATELINE,
}
_PARTY_TAGS = ("gloss", "persName")
# Inline elements with no role but being transparent, and blocks with no role but breaking
# paragraphs: the handlers' fast paths (most elements are one or the other). Outside the
# head and the dateline, the parties and the dateline's place and date are plain too (the
# body's persName and gloss are the commonest elements inside documents).
_PLAIN_INLINE = _INLINE - {"ref", "lb", "placeName", "date", *_PARTY_TAGS}
_PLAIN_INLINE_BODY = _INLINE - {"ref", "lb"}
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

    def __init__(self, path: str, data: bytes, maps: bool = True) -> None:
        self.path = path
        self.maps = maps
        # Any encoding the file names is read as UTF-8 (the byte scans below need it).
        data, self.encoding = to_utf8(path, data)
        self.data = data
        self.parser = create_parser(path)
        p = self.parser
        p.buffer_text = True
        p.buffer_size = _BUFFER
        p.ordered_attributes = False
        p.StartElementHandler = self.root
        # Where documents can be: from the tag of the first type="document" to the last one.
        # Outside that stretch (the front matter, the index) no start handler runs at all,
        # once the volume's id and title are known.
        first, last = _document_stretch(data)
        self.first_tag = data.rfind(b"<", 0, first) if first >= 0 else -1
        self.last_type = last
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
        # What each start tag's name is (plain, block, special): in the head or the
        # dateline, and elsewhere; ``codes`` is the one in force.
        self.head_codes: dict[str, int] = {}
        self.body_codes: dict[str, int] = {}
        self.codes = self.body_codes
        self.append = self.text.parts.append
        self.stem: str | None = None
        self.last_date: str | None = None
        self.pages = _Pages(data)  # the printed pages: where each <pb n> is

    # -- expat handlers ---------------------------------------------------------------

    def root(self, name: str, attrs: dict[str, str]) -> None:
        """The root element: a TEI volume's is ``TEI`` (or ``teiCorpus``); else it is refused."""
        p = self.parser
        if name.rpartition(":")[2] not in ("TEI", "teiCorpus"):
            raise InputError(
                self.path,
                f"not a TEI volume: the root element is <{name}>, not <TEI>; nothing read",
                p.CurrentLineNumber,
                p.CurrentColumnNumber + 1,
            )
        p.StartElementHandler = self.outside
        self.outside(name, attrs)

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
            plain = _PLAIN_INLINE if self.codes is self.head_codes else _PLAIN_INLINE_BODY
            if local in plain:
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
            self.codes = self.head_codes
            self.enter(doc.heading, "heading")
            self.stack.append((local, _K_HEAD, None))
            text = doc.heading
        elif kind == _K_DATELINE and not doc.dateline_done and not doc.attachment_depth:
            doc.in_dateline = True
            self.codes = self.head_codes
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
            if not (doc.in_head or doc.in_dateline):
                self.codes = self.body_codes
        text.parts.append(p.CurrentByteIndex)

    def enter(self, text: _Text, key: str) -> None:
        """Make ``text`` (a note, the head or the dateline) the current container."""
        self.text = text
        self.texts.append((text, key))
        self.parser.CharacterDataHandler = self.append = text.parts.append

    # -- documents ----------------------------------------------------------------------

    def begin_document(self, attrs: dict[str, str]) -> None:
        p = self.parser
        doc = self.doc = _DocState(attrs, p.CurrentByteIndex)
        self.codes = self.body_codes
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
        local_id = doc.attrs.get("xml:id") or (
            f"d{number}" if number else f"line{_line_of(self.data, doc.start_byte)}"
        )
        pages = self.pages.of(doc)  # before finish(), which frees the parts it reads
        note_pages = [self.pages.at(_first_byte(note.text)) for note in doc.notes]
        head_text, head_map, head_refs = doc.heading.finish(self.maps)
        body_text, body_map, body_refs = doc.body.finish(self.maps)
        date_text, _, _ = doc.dateline.finish(False)
        notes = [(note, *note.text.finish(self.maps)) for note in doc.notes]
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
                footnotes.append(Footnote(note.label, note.id, c, note_pages[i]))
        heading_info = parse_heading(head_text)
        if heading_info.genre is None and source is not None:
            genre = _source_genre(source.text)  # "793B.00/1–1251: Telegram" (1948-1954)
            if genre is not None:
                heading_info = attrs.evolve(heading_info, genre=genre)
        sender, recipient = _marked_parties(
            doc, head_text, heading_info.sender, heading_info.recipient
        )
        place = _marked_place(doc, date_text)
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
        own, series = _own_number(heading_info, head_text, body_text, source)
        if not head_text:
            diagnostics.append(DocumentDiagnostic(
                "no-heading", "document has no head", _line_of(self.data, doc.start_byte)
            ))
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
            pages=pages,
        )

    # -- driving ------------------------------------------------------------------------

    def run(self, chunk: int = 1 << 20) -> Iterator[Document]:
        data = self.data
        view = memoryview(data)  # slices of it are not copies (a 200 MB text is one slice)
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
                self.parser.Parse(view[start:end], False)
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
        """Drop the parser's handlers: the reader, its parser and the parser's safety
        handlers no longer hold each other (nothing is left for the cyclic collector)."""
        release(self.parser)


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


def read_volume_bytes(path: str, data: bytes, *, maps: bool = True) -> Volume:
    """Read a whole volume from ``data`` (the file's bytes); ``path`` is used in messages.

    With ``maps`` false the source maps are left empty (less memory: resolution, the graph)."""
    reader = _Reader(path, data, maps)
    documents = tuple(reader.run())
    volume_id = reader.volume_id or Path(path).stem
    register_volume_series(volume_id, reader.data)  # its telegram series, for find_citations
    register_volume_titles(volume_id, reader.data)  # its publication titles, likewise
    diagnostics = _duplicate_ids(path, reader.data)
    docs = tuple(
        d if d.volume == volume_id else attrs.evolve(d, volume=volume_id) for d in documents
    )
    return Volume(volume_id, reader.title, path, docs, tuple(diagnostics))


def read_volume(path: str | Path, *, maps: bool = True) -> Volume:
    """Read a whole TEI volume; see :func:`iter_documents` for errors and
    :func:`read_volume_bytes` for ``maps``."""
    p = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    return read_volume_bytes(p, data, maps=maps)
