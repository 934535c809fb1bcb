"""Read FRUS TEI volumes into :class:`~xref.documents.Document` objects, one at a time.

The reader drives ``pyexpat`` directly (through :mod:`xref.safexml`, so no DTD or entity is
ever read): it is fast, streams, and gives the byte index of every event, which the
containers' :class:`~xref.documents.SourceMap` keeps. Every quirk listed in
``FRUS-ENCODING.md`` is handled: source notes with or without ``@type``, ``n="0"``, notes
without ids, letter notes, ``pb`` anywhere, attachments with their own heads and notes,
editorial notes, duplicate ``xml:id`` (read, and reported as volume diagnostics).
"""

from __future__ import annotations

import pyexpat
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from xref.documents import (
    Container,
    Document,
    DocumentDiagnostic,
    Footnote,
    Ref,
    SourceMap,
    SourceNote,
    Volume,
)
from xref.errors import InputError
from xref.headers import (
    parse_dateline,
    parse_heading,
    parse_own_number,
    parse_source_note,
)
from xref.models import Span
from xref.safexml import create_parser, parse_error

__all__ = ["iter_documents", "read_volume", "read_volume_bytes"]

_INLINE = frozenset(
    """hi gloss persName placeName orgName geogName date time pb lb ref term foreign emph
    rs name seg title q quote abbr expan unclear sic corr choice add del gap num idno said
    measure milestone anchor index c w pc roleName forename surname addName
    """.split()
)
_WS = re.compile(r"[ \t\r\n]+")
_SOURCE_TEXT = re.compile(r"^\W{0,3}source\b", re.I)
_BUFFER = 1 << 22


class _Text:
    """Builds one container's joined text and its source map."""

    __slots__ = (
        "parts", "length", "ends_space", "pending", "offsets", "events", "leads", "refs",
        "open_refs",
    )

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.ends_space = True
        self.pending = False
        self.offsets: list[int] = []
        self.events: list[int] = []
        self.leads: list[bool] = []
        self.refs: list[Ref] = []
        self.open_refs: list[tuple[int, str]] = []

    def add(self, text: str, event: int) -> None:
        norm = _WS.sub(" ", text)
        lead = False
        if norm[:1] == " " and (self.ends_space or self.pending):
            norm = norm[1:]
            lead = True
        if not norm:
            return
        if self.pending:
            if self.ends_space and self.parts:
                self.parts[-1] = self.parts[-1][:-1]
                self.length -= 1
            self.parts.append("\n\n")
            self.length += 2
            self.pending = False
        self.offsets.append(self.length)
        self.events.append(event)
        self.leads.append(lead)
        self.parts.append(norm)
        self.length += len(norm)
        self.ends_space = norm[-1] == " "

    def block(self) -> None:
        if self.length:
            self.pending = True

    def position_start(self) -> int:
        """Where text added next will start (a pending paragraph break counts)."""
        if self.pending:
            return self.length - (1 if self.ends_space else 0) + 2
        return self.length

    def position(self) -> int:
        """The current end of the text, as a later trailing space would not count."""
        if self.ends_space and self.length and not self.pending:
            return self.length - 1
        return self.length

    def finish(self) -> tuple[str, SourceMap, tuple[Ref, ...]]:
        text = "".join(self.parts)
        if text.endswith(" "):
            text = text[:-1]
        refs = tuple(Ref(_trim(text, r.span), r.target) for r in self.refs)
        smap = SourceMap(tuple(self.offsets), tuple(self.events), tuple(self.leads))
        return text, smap, refs


class _Note:
    __slots__ = ("text", "id", "label", "anchor", "parent", "attrs", "in_head", "order")

    def __init__(
        self, text: _Text, attrs: dict[str, str], anchor: int, parent: str, in_head: bool,
        order: int,
    ) -> None:
        self.text = text
        self.id = attrs.get("xml:id")
        self.label = attrs.get("n")
        self.anchor = anchor
        self.parent = parent
        self.attrs = attrs
        self.in_head = in_head
        self.order = order


class _DocState:
    """Everything gathered about the document being read."""

    def __init__(self, attrs: dict[str, str], line: int) -> None:
        self.attrs = attrs
        self.line = line
        self.heading = _Text()
        self.body = _Text()
        self.dateline = _Text()
        self.notes: list[tuple[_Note, str, SourceMap, tuple[Ref, ...]]] = []
        self.head_done = False
        self.dateline_done = False
        self.in_head = False
        self.in_dateline = False
        self.date_when: str | None = None
        self.place: tuple[int, int] | None = None
        self.parties: dict[str, tuple[int, int]] = {}
        self.attachment_depth = 0


class _Reader:
    """Streams the documents of one volume; see :func:`iter_documents`."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        self.parser = create_parser(path)
        p = self.parser
        p.buffer_text = True
        p.buffer_size = _BUFFER
        p.ordered_attributes = False
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        self.volume_id: str | None = None
        self.title: str | None = None
        self.title_parts: list[str] | None = None
        self.ids: dict[str, int] = {}
        self.duplicates: list[DocumentDiagnostic] = []
        self.ready: list[Document] = []
        self.doc: _DocState | None = None
        self.doc_depth = 0
        self.depth = 0
        self.last = 0
        # Stack of (local name, pushed text or None) for elements inside a document.
        self.stack: list[tuple[str, _Text | None, str | None]] = []
        self.texts: list[tuple[_Text, str]] = []
        self.notes: list[_Note] = []
        self.order = 0

    # -- expat handlers ---------------------------------------------------------------

    def start(self, name: str, attrs: dict[str, str]) -> None:
        p = self.parser
        self.depth += 1
        xid = attrs.get("xml:id")
        if xid is not None:
            seen = self.ids.get(xid)
            line = p.CurrentLineNumber
            if seen is None:
                self.ids[xid] = line
            else:
                self.duplicates.append(
                    DocumentDiagnostic(
                        "duplicate-id",
                        f"xml:id {xid!r} is used again (first on line {seen})",
                        line,
                    )
                )
        local = name.rpartition(":")[2]
        doc = self.doc
        if doc is None:
            if local == "div" and attrs.get("type") == "document":
                self.begin_document(attrs)
            elif self.volume_id is None and local == "TEI":
                self.volume_id = xid
            elif local == "title" and self.title is None and attrs.get("type") == "complete":
                self.title_parts = []
                p.CharacterDataHandler = self.title_chars
            self.last = p.CurrentByteIndex
            return
        text, key = self.texts[-1]
        pushed: _Text | None = None
        if local in _INLINE:
            if local == "ref":
                text.open_refs.append((text.position_start(), attrs.get("target", "")))
            elif local == "placeName" and doc.in_dateline and doc.place is None:
                doc.place = (doc.dateline.length, -1)
            elif local == "date" and doc.in_dateline and doc.date_when is None:
                doc.date_when = (
                    attrs.get("when") or attrs.get("from") or attrs.get("notBefore")
                    or attrs.get("when-iso") or attrs.get("frus:doc-dateTime-min")
                )
            elif doc.in_head and local in ("gloss", "persName"):
                kind = attrs.get("type")
                if kind in ("from", "to") and kind not in doc.parties:
                    doc.parties[kind] = (doc.heading.position_start(), -1)
                    pushed_key = f"party:{kind}"
                    self.stack.append((local, None, pushed_key))
                    self.last = p.CurrentByteIndex
                    return
            if local == "lb":
                text.add(" ", p.CurrentByteIndex)
        elif local == "note":
            note = _Note(
                _Text(), attrs, text.position(), key, doc.in_head and not doc.attachment_depth,
                self.order,
            )
            self.order += 1
            pushed = note.text
            self.notes.append(note)
            self.texts.append((pushed, note.id or f"fn{note.label}"))
        elif local == "head" and not doc.head_done and not doc.attachment_depth:
            doc.in_head = True
            pushed = doc.heading
            self.texts.append((pushed, "heading"))
        elif local == "dateline" and not doc.dateline_done and not doc.attachment_depth:
            doc.in_dateline = True
            pushed = doc.dateline
            self.texts.append((pushed, "dateline"))
        else:
            if local == "attachment":
                doc.attachment_depth += 1
            text.block()
        self.stack.append((local, pushed, None))
        self.last = p.CurrentByteIndex

    def end(self, name: str) -> None:
        p = self.parser
        self.depth -= 1
        doc = self.doc
        if doc is None:
            if self.title_parts is not None:
                self.title = " ".join("".join(self.title_parts).split())
                self.title_parts = None
                p.CharacterDataHandler = None
            self.last = p.CurrentByteIndex
            return
        if self.depth < self.doc_depth:
            self.end_document()
            self.last = p.CurrentByteIndex
            return
        local, pushed, extra = self.stack.pop()
        text, key = self.texts[-1]
        if extra is not None:
            kind = extra[6:]
            start = doc.parties[kind][0]
            doc.parties[kind] = (start, doc.heading.position())
        elif pushed is not None:
            self.texts.pop()
            if local == "note":
                note = self.notes.pop()
                joined, smap, refs = pushed.finish()
                doc.notes.append((note, joined, smap, refs))
            elif local == "head":
                doc.in_head = False
                doc.head_done = True
            elif local == "dateline":
                doc.in_dateline = False
                doc.dateline_done = True
        elif local in _INLINE:
            if local == "ref" and text.open_refs:
                start, target = text.open_refs.pop()
                text.refs.append(Ref(Span(start, text.position()), target))
            elif local == "placeName" and doc.place is not None and doc.place[1] < 0:
                doc.place = (doc.place[0], doc.dateline.length)
        else:
            if local == "attachment":
                doc.attachment_depth -= 1
            text.block()
        self.last = p.CurrentByteIndex

    def chars(self, data: str) -> None:
        self.texts[-1][0].add(data, self.last)

    def title_chars(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)

    # -- documents ----------------------------------------------------------------------

    def begin_document(self, attrs: dict[str, str]) -> None:
        self.doc = _DocState(attrs, self.parser.CurrentLineNumber)
        self.doc_depth = self.depth
        self.stack = []
        self.notes = []
        self.order = 0
        self.texts = [(self.doc.body, "body")]
        self.parser.CharacterDataHandler = self.chars

    def end_document(self) -> None:
        doc = self.doc
        assert doc is not None
        self.doc = None
        self.parser.CharacterDataHandler = None
        self.ready.append(self.build(doc))

    def build(self, doc: _DocState) -> Document:
        volume = self.volume_id or Path(self.path).stem
        number = doc.attrs.get("n")
        local_id = doc.attrs.get("xml:id") or (f"d{number}" if number else f"line{doc.line}")
        head_text, head_map, head_refs = doc.heading.finish()
        body_text, body_map, body_refs = doc.body.finish()
        date_text, _, _ = doc.dateline.finish()
        heading = Container("heading", head_text, refs=head_refs, source_map=head_map)
        body = Container("body", body_text, refs=body_refs, source_map=body_map)
        source: SourceNote | None = None
        footnotes: list[Footnote] = []
        diagnostics: list[DocumentDiagnostic] = []
        notes = sorted(doc.notes, key=lambda n: n[0].order)
        source_index = _find_source(notes)
        for i, (note, joined, smap, refs) in enumerate(notes):
            extra = tuple((k, v) for k, v in note.attrs.items() if k not in ("xml:id", "n"))
            anchor = note.anchor
            parent = note.parent
            if parent == "dateline":
                parent, anchor = "body", 0
            if i == source_index:
                c = Container(
                    "source", joined, note=note.id, label=note.label, anchor=anchor,
                    parent=parent, refs=refs, source_map=smap, attributes=extra,
                )
                source = parse_source_note(c)
            else:
                c = Container(
                    "footnote", joined, note=note.id, label=note.label, anchor=anchor,
                    parent=parent, refs=refs, source_map=smap, attributes=extra,
                )
                footnotes.append(Footnote(note.label, note.id, c))
        heading_info = parse_heading(head_text)
        sender, recipient = heading_info.sender, heading_info.recipient
        for kind, (start, end) in doc.parties.items():
            value = " ".join(head_text[start:end].split()).strip(" ,.;:")
            value = re.sub(r"^the\s+", "", value, flags=re.I)
            if value and kind == "from":
                sender = value
            elif value:
                recipient = value
        place = None
        if doc.place is not None and doc.place[1] >= 0:
            place = " ".join(date_text[doc.place[0]:doc.place[1]].split()).strip(" ,") or None
        date, time = None, None
        if doc.date_when:
            date, _, time_part = doc.date_when.partition("T")
            time = time_part[:8] or None
        dl = parse_dateline(date_text)
        if date is None:
            date = dl.date or (heading_info.date if not date_text else None)
        if place is None:
            place = dl.place
        own, series = parse_own_number(body_text, heading_info.genre)
        if own is None and heading_info.number is not None:
            own, series = heading_info.number, heading_info.series
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
        )

    # -- driving ------------------------------------------------------------------------

    def run(self, chunk: int = 1 << 20) -> Iterator[Document]:
        data = self.data
        try:
            for i in range(0, len(data), chunk):
                self.parser.Parse(data[i:i + chunk], False)
                if self.ready:
                    yield from self.ready
                    self.ready.clear()
            self.parser.Parse(b"", True)
        except pyexpat.ExpatError as exc:
            raise parse_error(self.path, exc) from None
        yield from self.ready
        self.ready.clear()


def _trim(text: str, span: Span) -> Span:
    """``span`` clamped to ``text`` and without whitespace at either edge."""
    start, end = min(span.start, len(text)), min(span.end, len(text))
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    return Span(start, end)


def _find_source(notes: list[tuple[_Note, str, SourceMap, tuple[Ref, ...]]]) -> int | None:
    """Index of the source note: ``@type="source"`` in the head, else a note saying Source."""
    for i, (note, _text, _, _) in enumerate(notes):
        if note.in_head and note.attrs.get("type") == "source":
            return i
    for i, (note, text, _, _) in enumerate(notes[:2]):
        if _SOURCE_TEXT.match(text) and note.attrs.get("rend") != "inline":
            return i
    return None


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
    diagnostics = list(reader.duplicates)
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
