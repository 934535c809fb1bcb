"""The pieces of the TEI reader (:mod:`xref.read.tei`): a container's text with its source map
(``_Text``), notes and the state of the document being read, trimming, finding the source
note, and the scan for duplicate ``xml:id`` values.
"""

from __future__ import annotations

import pyexpat
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import cast

from xref.cite.models import Span
from xref.read.documents import (
    DocumentDiagnostic,
    Ref,
    SourceMap,
    SourceNote,
)
from xref.read.headers import HeadingInfo, parse_own_number
from xref.read.safexml import create_parser, parse_error, release
from xref.read.textjoin import (
    BLOCK,
    LEN,
    MARK,
    POS,
    START,
    LazySourceMap,
    collapse,
    join_parts,
)

_INLINE = frozenset(
    """hi gloss persName placeName orgName geogName date time pb lb ref term foreign emph
    rs name seg title q quote abbr expan unclear sic corr choice add del gap num idno said
    measure milestone anchor index c w pc roleName forename surname addName
    """.split()
)
_SOURCE_TEXT = re.compile(r"^\W{0,3}source\b", re.I)
_XML_ID = re.compile(rb"""xml:id\s*=\s*(?:"([^"<&\t\r\n]*)"|'([^'<&\t\r\n]*)')""")
_BUFFER = 1 << 22
_DOC_TYPE = re.compile(rb"""\btype\s*=\s*["']document["']""")
_SPACE = frozenset(b" \t\n\r\f\v")  # what ``\s`` matches in a bytes pattern
_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _document_stretch(data: bytes) -> tuple[int, int]:
    """Where the first and the last match of :data:`_DOC_TYPE` start in ``data`` (-1, -1:
    none). The first is a forward search; the last is found from the end of the file,
    checking each ``document`` backwards, so that the documents' bytes are not all scanned
    once more."""
    first = _DOC_TYPE.search(data)
    if first is None:
        return -1, -1
    end = len(data)
    while True:
        i = data.rfind(b"document", first.start(), end)
        end = i
        if i < 0:  # cannot happen: the first match is one
            return first.start(), first.start()
        if i < 1 or data[i - 1] not in b"\"'" or data[i + 8 : i + 9] not in (b'"', b"'"):
            continue
        k = i - 1
        while k > 0 and data[k - 1] in _SPACE:
            k -= 1
        if k < 1 or data[k - 1] != 0x3D:  # "="
            continue
        k -= 1
        while k > 0 and data[k - 1] in _SPACE:
            k -= 1
        if k < 4 or data[k - 4 : k] != b"type" or (k > 4 and data[k - 5] in _WORD):
            continue
        return first.start(), k - 4
_SOURCE_GENRE = re.compile(
    r":\s*((?:circular\s+)?(?:telegram|airgram|despatch|dispatch))\s*\.?\s*$", re.I
)
"""A genre at the end of an inline source line: ``794A.5/1–1251: Telegram``."""
_PB = re.compile(rb"""<pb\b[^>]*?\sn\s*=\s*(?:"([^"]*)"|'([^']*)')""")
"""A page break with its printed number: where each printed page begins."""
_HUGE = 1 << 23
"""Texts longer than this (8 M characters) are walked part by part (see _Text.finish)."""
_FEW = 4
_BLOCK = BLOCK
"""A paragraph boundary in a container's raw parts (XML text cannot contain it)."""
# Kinds of position marks, resolved when the container's text is finished.
_LEN, _POS, _START = LEN, POS, START
_IS_STR = str.__instancecheck__
_NO_MAP = SourceMap()
"""The source map of every container read without maps (see ``read_volume_bytes``)."""


class _Text:
    """Gathers one container's raw character data; :meth:`finish` builds its text and map.

    While parsing, :attr:`parts` only grows: character data (expat appends it directly),
    the byte index of each markup event (an ``int``: the chunks after it start there),
    :data:`_BLOCK` for paragraph boundaries, and :data:`~xref.read.textjoin.MARK` where a
    position mark stands (see :meth:`mark`; the marks themselves are in :attr:`marks`).
    Whitespace collapsing, paragraph breaks and the marks' values are worked out once, in
    :meth:`finish` (:mod:`xref.read.textjoin`).
    """

    __slots__ = ("parts", "marks", "refs", "open_refs")

    def __init__(self) -> None:
        self.parts: list[str | int] = []
        self.marks: list[list[int]] = []
        self.refs: list[tuple[list[int], list[int], str]] = []
        self.open_refs: list[tuple[list[int], str]] = []

    def mark(self, kind: int) -> list[int]:
        """A position at this point of the text: ``[kind, value]``, the value set by finish.

        ``_LEN``: the text's length so far; ``_POS``: its end, without a trailing space that
        may still be collapsed; ``_START``: where the next text will start, after a pending
        paragraph break.
        """
        m = [kind, 0]
        self.parts.append(MARK)
        self.marks.append(m)
        return m

    def finish(self, maps: bool = True) -> tuple[str, SourceMap, tuple[Ref, ...]]:
        """The joined text, its source map (an empty one unless ``maps``; else made from
        the raw parts when first read) and refs; also sets the marks' values."""
        parts = self.parts
        strs = cast(list[str], list(filter(_IS_STR, parts)))
        if len(strs) >= _FEW and sum(map(len, strs)) >= _HUGE:
            # a huge text: part by part, without several joined copies of it in memory
            text, smap = self._walk(strs, maps)
        else:
            text = join_parts(strs, self.marks)
            smap = LazySourceMap(parts) if maps else _NO_MAP
        del strs
        self.parts = []  # the raw parts now belong to the lazy map (or are freed)
        refs = tuple(Ref(_trim(text, Span(s[1], e[1])), target) for s, e, target in self.refs)
        return text, smap, refs

    def _walk(self, strs: list[str], maps: bool) -> tuple[str, SourceMap]:
        """:meth:`finish`'s text and map by one walk over the parts, each collapsed alone."""
        parts = self.parts
        chunk = iter([collapse(x) for x in strs]).__next__
        marks = iter(self.marks).__next__
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
            if x.__class__ is int:
                event = x
                continue
            norm = chunk()
            if norm == MARK:
                m = marks()
                kind = m[0]
                if kind == _LEN:
                    value = length
                elif kind == _POS:
                    value = length - 1 if ends_space and length and not pending else length
                elif pending:
                    value = length - (1 if ends_space else 0) + 2
                else:
                    value = length
                m[1] = value
                continue
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
        if out and out[-1].endswith(" "):
            out[-1] = out[-1][:-1]  # (not text[:-1]: a copy of the whole text)
        del strs
        parts.clear()  # the raw character data, no longer needed: freed before the join
        text = "".join(out)
        if not maps:
            return text, _NO_MAP
        return text, SourceMap(array("q", offsets), array("q", events), bytes(leads))


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
        "attrs", "start_byte", "heading", "body", "dateline", "notes", "head_done", "dateline_done",
        "in_head", "in_dateline", "date_when", "place", "parties", "attachment_depth",
        "end_byte",
    )

    def __init__(self, attrs: dict[str, str], start_byte: int) -> None:
        self.attrs = attrs
        self.start_byte = start_byte
        """Where the document's start tag is (its line is counted only when needed)."""
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


class _Pages:
    """The printed pages of a volume: the byte index of each ``<pb n>`` and its number."""

    __slots__ = ("bytes", "numbers")

    def __init__(self, data: bytes) -> None:
        self.bytes: list[int] = []
        self.numbers: list[str] = []
        if b"<pb" in data:
            for m in _PB.finditer(data):
                self.bytes.append(m.start())
                self.numbers.append((m.group(1) or m.group(2) or b"").decode("utf-8"))

    def at(self, byte: int) -> str | None:
        """The printed page at byte index ``byte``: the last ``<pb n>`` before it."""
        i = bisect_right(self.bytes, byte) - 1
        return self.numbers[i] if i >= 0 else None

    def of(self, doc: _DocState) -> tuple[str, ...]:
        """The printed pages a document runs over, the one it starts on first.

        A page break inside the document before its first words (before the head or the
        source note) means it starts on that page, not on the one before.
        """
        if not self.bytes:
            return ()
        start = _first_byte(doc.body)
        lo = bisect_right(self.bytes, start)
        hi = bisect_left(self.bytes, doc.end_byte) if doc.end_byte >= 0 else lo
        content = min(
            (b for b in (_first_byte(doc.heading), *(_first_byte(n.text) for n in doc.notes[:1]))
             if b >= 0),
            default=start,
        )
        first = [] if lo < hi and self.bytes[lo] < content else [self.at(start)]
        pages = [p for p in first if p is not None] + self.numbers[lo:hi]
        return tuple(dict.fromkeys(pages))


def _line_of(data: bytes, byte: int) -> int:
    """The line (1-based) of byte index ``byte`` of ``data``, as expat counts lines (CR LF,
    CR and LF each end one). Counted from the bytes when asked: expat's own count
    (``CurrentLineNumber``) rescans every byte since it was last asked."""
    head = data[:byte]
    if b"\r" in head:
        head = head.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return head.count(b"\n") + 1


def _marked_parties(
    doc: _DocState, head_text: str, sender: str | None, recipient: str | None
) -> tuple[str | None, str | None]:
    """Sender and recipient: those the head marks (``persName type="from"``), else these."""
    for kind, (start_mark, end_mark) in doc.parties.items():
        start, end = start_mark[1], end_mark[1] if end_mark is not None else -1
        value = " ".join(head_text[start:end].split()).strip(" ,.;:")
        value = re.sub(r"^the\s+", "", value, flags=re.I)
        if value and kind == "from":
            sender = value
        elif value:
            recipient = value
    return sender, recipient


def _marked_place(doc: _DocState, date_text: str) -> str | None:
    """The place the dateline marks (``placeName``), or None."""
    if doc.place is not None and doc.place[1] is not None:
        start, end = doc.place[0][1], doc.place[1][1]
        return " ".join(date_text[start:end].split()).strip(" ,") or None
    return None


def _own_number(
    heading: HeadingInfo, head_text: str, body_text: str, source: SourceNote | None
) -> tuple[str | None, str | None]:
    """A document's own number and series: from its body, its heading, or (a telegram's)
    its source note."""
    own, series = parse_own_number(body_text, heading.genre)
    if own is None and heading.number is not None:
        own, series = heading.number, heading.series
    if own is None and heading.genre and "telegram" in heading.genre:
        own, series = parse_own_number(head_text, "heading")
    if own is None and source is not None and heading.genre and "telegram" in heading.genre:
        own, series = parse_own_number(source.text, "source")
    return own, series


def _first_byte(text: _Text) -> int:
    """The byte index of the first markup event of a container, or -1."""
    for x in text.parts:
        if isinstance(x, int):
            return x
    return -1


def _source_genre(source_text: str) -> str | None:
    """The genre an inline source line ends with (``793B.00/1–1251: Telegram``), or None."""
    genre = _SOURCE_GENRE.search(source_text)
    return None if genre is None else genre.group(1).lower().replace("dispatch", "despatch")


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


_TAG_BEFORE_ID = re.compile(
    rb"""<[^\s/!?<>][^\s<>]*(?:\s+[^\s=<>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s+"""
)
"""A start tag up to one of its attributes: the text between a ``<`` and an ``xml:id``."""


def _duplicates_by_position(data: bytes, ids: list[bytes]) -> list[DocumentDiagnostic] | None:
    """The ``duplicate-id`` diagnostics from the byte scan alone, or None when the scan
    cannot be sure (then the file is parsed again).

    Sure means: no comment, CDATA section or ``\\r`` in the file, no processing
    instruction after the root element's start, and each occurrence of a repeated value is
    an attribute of a start tag (the text from its ``<`` matches :data:`_TAG_BEFORE_ID`).
    The line of each is that of its tag's ``<``, as expat reports it.
    """
    root = re.search(rb"<[^?!]", data)
    if root is None or b"<!--" in data or b"<![CDATA[" in data or b"\r" in data:
        return None
    if data.find(b"<?", root.start()) >= 0:
        return None
    counts: dict[bytes, int] = {}
    for x in ids:
        counts[x] = counts.get(x, 0) + 1
    repeated = [x for x, n in counts.items() if n > 1]
    if len(repeated) > 16:  # each value is looked for with a scan of its own
        return None
    places = sorted(
        (m.start(), x)
        for x in repeated
        for m in re.finditer(rb"xml:id\s*=\s*([\"'])" + re.escape(x) + rb"\1", data)
    )
    if len(places) != sum(counts[x] for x in repeated):
        return None
    seen: dict[bytes, int] = {}
    out: list[DocumentDiagnostic] = []
    line, counted = 1, 0
    for start, value in places:
        tag = data.rfind(b"<", 0, start)
        if tag < 0 or not _TAG_BEFORE_ID.fullmatch(data, tag, start):
            return None
        line += data.count(b"\n", counted, tag)
        counted = tag
        first = seen.get(value)
        if first is None:
            seen[value] = line
        else:
            xid = value.decode("utf-8")
            out.append(DocumentDiagnostic(
                "duplicate-id", f"xml:id {xid!r} is used again (first on line {first})", line
            ))
    return out


def _duplicate_ids(path: str, data: bytes) -> list[DocumentDiagnostic]:
    """``duplicate-id`` diagnostics for ``data``, in document order.

    A scan of the bytes finds every ``xml:id`` at C speed; only when it sees a repeated
    value, or cannot account for every ``xml:id`` written, are the ids collected exactly,
    with the line of each element: from the scan's positions when it can be sure (see
    :func:`_duplicates_by_position`), else by a second parse.
    """
    found = _XML_ID.findall(data)
    if len(found) == data.count(b"xml:id"):
        ids = [a or b for a, b in found]
        if len(set(ids)) == len(ids):
            return []
        quick = _duplicates_by_position(data, ids)
        if quick is not None:
            return quick
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
    finally:
        release(parser)
    return out
