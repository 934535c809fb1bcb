"""One cheap pass over a whole TEI volume: every pointer, id and document, with where it stands.

The document reader (:mod:`xref.tei`) reads only what lies inside documents. The pointer
rules of the whole volume (:mod:`xref.checks.volume_checks`) need the rest too: the front matter,
the table of contents, chapter notes, the index, the back matter. :func:`scan_volume`
streams the raw file once with the project's safe expat parser (:mod:`xref.safexml`) and
collects, in document order:

* every ``xml:id`` (and which belong to ``persName`` and ``term`` elements);
* every pointer: ``<ref>``/``<ptr>`` with its ``@target`` (or none), every other ``@target``
  and every ``@corresp``, with line, column and a readable context (``document d12``,
  ``index entry 'Acheson mediation: Acheson-Erim talks'``, ``front matter: section
  'persons'``, ``body: chapter 'ch3'``);
* page ranges written ``<ref>A</ref>–<ref>B</ref>``;
* the document ``<div>``\\ s with their ``@n``, and the ids of notes inside documents;
* ``<?xref-ignore RULE ...?>`` processing instructions, with the extent of the element each
  one silences (see :mod:`xref.checks.suppress`).

It is linear in the file's size and keeps no text but a few short labels.
"""

from __future__ import annotations

import os
import pyexpat
import re
from functools import lru_cache
from pathlib import Path

from attrs import frozen

from xref.errors import InputError
from xref.read.safexml import create_parser, parse_error, release

__all__ = ["DocumentDiv", "NoteId", "PageRange", "Pointer", "Suppression", "VolumeScan",
           "scan_volume"]

IGNORE_PI = "xref-ignore"
"""The processing instruction that silences findings: ``<?xref-ignore XR007?>``."""
_MARK = b"<?" + IGNORE_PI.encode("ascii")

_LABEL_MAX = 60
_ASIDE = re.compile(r"\([^)]*\)?")
_DOC_NUMBERS = re.compile(r"(?i)\brefer\w*\s+(?:\w+\s+){0,3}to\s+document|document\s+numbers")


@frozen
class Pointer:
    """An attribute that points at an id: a ref's ``@target``, a ``@corresp``, a ``@target``."""

    element: str
    """The element's name (``ref``, ``persName``, ``gloss``, ``note``, ``signed`` ...)."""
    attribute: str
    """``target`` or ``corresp``."""
    value: str | None
    """The attribute's value; None for a ``<ref>`` or ``<ptr>`` without one."""
    line: int
    column: int
    context: str
    """Where it stands, for people (``index entry 'Acheson, Dean'``)."""
    document: str | None = None
    """The enclosing document's ``xml:id``, or None outside documents."""
    index: bool = False
    """Whether it stands in the volume's index."""
    text: str = ""
    """For a ``<ref>``: the start of its text."""


@frozen
class PageRange:
    """Two refs joined by a dash: ``<ref target="#pg_12">12</ref>–<ref target="#pg_14">``."""

    first: str
    last: str
    line: int
    column: int
    context: str
    document: str | None = None


@frozen
class DocumentDiv:
    """A ``<div type="document">``: its ``xml:id``, ``@n`` and position."""

    id: str | None
    n: str | None
    line: int
    column: int


@frozen
class NoteId:
    """A ``<note xml:id>`` inside a document, with the document's id."""

    id: str
    document: str
    line: int
    column: int


@frozen
class Suppression:
    """``<?xref-ignore RULES?>``: findings of RULES (all, if none named) in an element's extent."""

    rules: tuple[str, ...]
    line: int
    """The processing instruction's own line."""
    start: tuple[int, int]
    """(line, column) where the silenced element starts."""
    end: tuple[int, int]
    """(line, column) where it ends."""

    def covers(self, rule: str, line: int, column: int) -> bool:
        """Whether a finding of ``rule`` at ``line``:``column`` is silenced."""
        if self.rules and rule not in self.rules:
            return False
        if column == 0:
            return self.start[0] <= line <= self.end[0]
        return self.start <= (line, column) <= self.end


@frozen
class VolumeScan:
    """What :func:`scan_volume` collected from one file."""

    path: str
    volume_id: str | None
    ids: frozenset[str]
    person_ids: frozenset[str]
    term_ids: frozenset[str]
    pointers: tuple[Pointer, ...]
    ranges: tuple[PageRange, ...]
    documents: tuple[DocumentDiv, ...]
    notes: tuple[NoteId, ...]
    suppressions: tuple[Suppression, ...]
    index_by_document: bool
    """Whether the index says its numbers are document numbers."""
    index_found: bool


class _Open:
    """An open element and what the scan needs to remember about it (plain slots: one is
    made for every element of the volume)."""

    __slots__ = ("name", "line", "column", "context", "document", "index", "label", "full",
                 "last_ref", "since", "text", "pointer", "pending", "silences")

    def __init__(self, name: str, line: int, column: int, context: str,
                 document: str | None, index: bool) -> None:
        self.name = name
        self.line = line
        self.column = column
        self.context = context
        self.document = document
        self.index = index
        self.label: str | None = None
        """An index item's own text so far."""
        self.full = False
        """Whether that text is complete (a sub-list began, or it is long enough)."""
        self.last_ref: str | None = None
        """The target of the last child node when it was a ``<ref>`` (text may follow)."""
        self.since = ""
        """Text after that ref."""
        self.text: str | None = None
        """A ref's own text so far."""
        self.pointer: int | None = None
        """A ref's index in the scan's pointers."""
        self.pending: list[tuple[tuple[str, ...], int]] | None = None
        """Suppressions waiting for the next child element."""
        self.silences: list[tuple[tuple[str, ...], int]] | None = None
        """Suppressions that apply to this element."""


_PART = {"front": "front matter", "body": "body", "back": "back matter"}
_SPECIAL = frozenset({"front", "body", "back", "div", "note", "item", "list", "ref", "ptr"})
"""Elements the scan must look at even without attributes."""
_DIV_KIND = {"toc": "table of contents"}


@lru_cache(maxsize=4096)
def _label(text: str) -> str:
    """An index entry's heading: its text before its first link, without asides."""
    text = " ".join(_ASIDE.sub("", text).split())
    return text.strip(" ,:;")[:40].strip()


class _Scanner:
    """The expat handlers and the state they share."""

    def __init__(self, parser: pyexpat.XMLParserType, marks: bool = True) -> None:
        self.parser = parser
        self.marks = marks
        """Whether the file may hold an ``xref-ignore`` instruction (else the positions of
        elements with nothing to report are not kept)."""
        self.stack: list[_Open] = []
        self.ids: set[str] = set()
        self.person_ids: set[str] = set()
        self.term_ids: set[str] = set()
        self.pointers: list[Pointer] = []
        self.ranges: list[PageRange] = []
        self.documents: list[DocumentDiv] = []
        self.notes: list[NoteId] = []
        self.suppressions: list[Suppression] = []
        self.volume_id: str | None = None
        self.part = ""
        self.index_by_document = False
        self.index_found = False
        self.index_head: list[str] | None = None
        self.items: list[_Open] = []
        self.contexts: dict[tuple[str, str | None], str] = {}
        """:meth:`item_context` by the labels of the first and last open items."""

    def item_context(self) -> str:
        items = self.items
        first = items[0].label or ""
        last = items[-1].label or "" if len(items) > 1 else None
        key = (first, last)
        known = self.contexts.get(key)
        if known is not None:
            return known
        labels: list[str] = []
        for label in (first, last) if last is not None else (first,):
            text = _label(label)
            if text and text not in labels:
                labels.append(text)
        context = f"index entry '{': '.join(labels)}'" if labels else "index"
        if len(self.contexts) > 4096:
            self.contexts.clear()
        self.contexts[key] = context
        return context

    def start(self, name: str, attrs: dict[str, str]) -> None:
        stack = self.stack
        if not stack:
            node = _Open(name, self.parser.CurrentLineNumber,
                         self.parser.CurrentColumnNumber + 1, "volume", None, False)
            if name == "TEI":
                self.volume_id = attrs.get("xml:id")
                self.ids.update(v for k, v in attrs.items() if k == "xml:id")
            stack.append(node)
            return
        parent = stack[-1]
        if (parent.last_ref is None and parent.pending is None and name not in _SPECIAL
                and (not attrs or ("xml:id" not in attrs and "target" not in attrs
                                   and "corresp" not in attrs))):
            # the common case: an element with no id and no pointer that opens nothing of
            # interest; its position is needed only when an instruction may silence it
            if self.marks:
                p = self.parser
                stack.append(_Open(name, p.CurrentLineNumber, p.CurrentColumnNumber + 1,
                                   parent.context, parent.document, parent.index))
            else:
                stack.append(_Open(name, 0, 0, parent.context, parent.document,
                                   parent.index))
            return
        self.start_slow(name, attrs, parent)

    def start_slow(self, name: str, attrs: dict[str, str], parent: _Open) -> None:
        p = self.parser
        line, column = p.CurrentLineNumber, p.CurrentColumnNumber + 1
        context, document, index = parent.context, parent.document, parent.index
        if index and self.items and (
            name in ("ref", "ptr", "note") or "target" in attrs or "corresp" in attrs
        ):  # the only elements whose findings or notes name their context
            context = self.item_context()
        if parent.last_ref is not None:
            if name == "ref" and parent.since.strip() in ("–", "-") and attrs.get("target"):
                self.ranges.append(PageRange(parent.last_ref, attrs["target"], line, column,
                                             context, document))
            parent.last_ref = None
            parent.since = ""
        xid = attrs.get("xml:id")
        if xid is not None:
            self.ids.add(xid)
            if name == "persName":
                self.person_ids.add(xid)
            elif name == "term":
                self.term_ids.add(xid)
        node = _Open(name, line, column, parent.context, document, index)
        if parent.pending is not None:
            node.silences, parent.pending = parent.pending, None
        if name in _PART:
            self.part = name
            node.context = _PART[name]
        elif name == "div":
            kind = attrs.get("type")
            part = _PART.get(self.part, "volume")
            if kind == "document":
                node.document = xid
                node.context = f"document {xid}" if xid else "document"
                self.documents.append(DocumentDiv(xid, attrs.get("n"), line, column))
            elif document is None:
                if xid == "index":
                    node.index = True
                    self.index_found = True
                    self.index_head = []
                    node.context = f"{part}: index"
                else:
                    node.context = f"{part}: {_DIV_KIND.get(kind or '', kind or 'div')} {xid!r}"
        elif name == "note" and document is not None and xid is not None:
            self.notes.append(NoteId(xid, document, line, column))
            node.context = f"document {document}, note {xid}"
        elif name == "note" and document is None:
            node.context = f"{context}, note {xid}" if xid else f"{context}, note"
        elif name == "item" and index:
            node.label = ""
            self.items.append(node)
            node.context = self.item_context()
        elif name == "list" and self.items:
            self.items[-1].full = True  # a sub-list ends the entry's own text
        pointer = name in ("ref", "ptr")
        if pointer:
            node.text = ""
            for item in self.items:
                item.full = True  # an entry's heading ends at its first link
        if pointer or "target" in attrs or "corresp" in attrs:
            here = context if name != "item" else node.context
            for attr in ("target", "corresp"):
                value = attrs.get(attr)
                if value is None and not (attr == "target" and pointer):
                    continue
                if attr == "target" and pointer:
                    node.pointer = len(self.pointers)
                self.pointers.append(Pointer(name, attr, value, line, column,
                                             here if name != "note" else node.context,
                                             document, index))
        self.stack.append(node)

    def end(self, name: str) -> None:
        node = self.stack.pop()
        if node.silences is not None or node.pending is not None:
            end = (self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1)
            # pending: the instruction was the element's last child, so it silences this one
            for rules, pi_line in (node.silences or []) + (node.pending or []):
                self.suppressions.append(Suppression(rules, pi_line, (node.line, node.column),
                                                     end))
        if node.pointer is None:
            if node.label is not None and self.items and self.items[-1] is node:
                self.items.pop()
            elif node.index and name == "div":
                self.index_head = None
            return
        ptr = self.pointers[node.pointer]
        if node.text:
            self.pointers[node.pointer] = Pointer(
                ptr.element, ptr.attribute, ptr.value, ptr.line, ptr.column, ptr.context,
                ptr.document, ptr.index, " ".join(node.text.split())[:30])
        if name == "ref" and self.stack:
            parent = self.stack[-1]
            parent.last_ref = ptr.value
            parent.since = ""

    def chars(self, data: str) -> None:
        if not self.stack:
            return
        top = self.stack[-1]
        if top.last_ref is not None and len(top.since) < 8:
            top.since += data
        if top.text is not None and len(top.text) < 40:
            top.text += data
        if self.index_head is not None and len(self.index_head) < 20:
            self.index_head.append(data)
            if _DOC_NUMBERS.search(" ".join("".join(self.index_head).split())):
                self.index_by_document = True
        for item in self.items:
            if not item.full and item.label is not None:
                item.label += data
                item.full = len(item.label) >= _LABEL_MAX

    def pi(self, target: str, data: str) -> None:
        if target != IGNORE_PI or not self.stack:
            return
        rules = tuple(r.upper() for r in data.replace(",", " ").split())
        top = self.stack[-1]
        if top.pending is None:
            top.pending = []
        top.pending.append((rules, self.parser.CurrentLineNumber))


def scan_bytes(path: str, data: bytes) -> VolumeScan:
    """Scan a volume's bytes; raise :class:`~xref.errors.InputError` if not well-formed."""
    parser = create_parser(path)
    parser.buffer_text = True
    # (a file in UTF-16 or UTF-32 has NULs in its first bytes: look at every element there)
    s = _Scanner(parser, marks=_MARK in data or b"\0" in data[:200])
    parser.StartElementHandler = s.start
    parser.EndElementHandler = s.end
    parser.CharacterDataHandler = s.chars
    parser.ProcessingInstructionHandler = s.pi
    try:
        parser.Parse(data, True)
    except pyexpat.ExpatError as exc:
        raise parse_error(path, exc) from None
    finally:
        release(parser)  # the scanner and the parser no longer hold each other
    return VolumeScan(
        path=path,
        volume_id=s.volume_id,
        ids=frozenset(s.ids),
        person_ids=frozenset(s.person_ids),
        term_ids=frozenset(s.term_ids),
        pointers=tuple(s.pointers),
        ranges=tuple(s.ranges),
        documents=tuple(s.documents),
        notes=tuple(s.notes),
        suppressions=tuple(s.suppressions),
        index_by_document=s.index_by_document,
        index_found=s.index_found,
    )


_CACHE: dict[tuple[str, int, int], VolumeScan] = {}


def scan_volume(path: str | os.PathLike[str]) -> VolumeScan:
    """Scan the TEI file at ``path`` (the last scan is kept, so the rules share one pass)."""
    p = str(path)
    try:
        st = os.stat(p)
        key = (p, st.st_size, st.st_mtime_ns)
        hit = _CACHE.get(key)
        if hit is not None:
            return hit
        data = Path(p).read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    scan = scan_bytes(p, data)
    _CACHE.clear()
    _CACHE[key] = scan
    return scan
