"""A container's raw parts (:class:`xref.read.tei_parts._Text`) joined into its text in bulk,
and its source map built from them only when it is first used.

The parts are what the TEI reader gathered while parsing: character data (``str``), the byte
index of each markup event (``int``), :data:`BLOCK` for a paragraph boundary, and :data:`MARK`
where a position mark stands (the marks, ``[kind, value]`` lists, are kept apart, in order).
The text is the character data with each run of XML whitespace made one space, the space at
either end and after another space or a paragraph break dropped, and a paragraph break
(``"\\n\\n"``) wherever a boundary stands between two words. :func:`join_parts` makes it
with a few passes at C speed over the joined data (no Python step per part); only the runs of
spaces and boundaries that hold a mark are looked at one by one, to give each mark its value.
:func:`map_parts` is the per-part walk that gives the source map (:class:`LazySourceMap` runs
it on first use: most containers' maps are never read). Both give exactly what the one walk
of before gave (``tests/test_textjoin.py``).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from typing import Any

from xref.read.documents import Document, SourceMap, Volume

__all__ = [
    "BLOCK", "LEN", "MARK", "POS", "START", "LazySourceMap", "collapse", "join_parts", "make_maps",
    "map_parts",
]

BLOCK = "\x01"
"""A paragraph boundary in a container's raw parts (XML text cannot contain it)."""
MARK = "\x03"
"""Where a mark stands among the parts (XML text cannot contain it either)."""
_SEP = "\x02"
"""Joins the parts so that one pass collapses each part's whitespace on its own."""
LEN, POS, START = 0, 1, 2
"""Kinds of mark: the text's length so far; its end without a trailing space that may still
be dropped; where the next text starts, after a pending paragraph break."""

_WS = re.compile(r"[ \t\r\n]{2,}|[\t\r\n]")
"""Whitespace to collapse: any run but a lone space."""
_NL = re.compile(r"\n[ \t\r\n]*")
"""Most of it: a newline and the indentation after it (a literal prefix: a fast scan)."""
_SPACES = re.compile(r"  +")
"""What is left to collapse when there is no tab or carriage return (a fast scan)."""
_BREAK = re.compile(r"\x01[ \x01]*")
"""Boundaries and the spaces after them (a literal first: a fast scan): a paragraph break
(a space before it is dropped then)."""
_RUN = " \x01\x03"
_RUN_AT = re.compile(r"[ \x01\x03]*")
"""The rest of a run of spaces, boundaries and marks."""
_IS_STR = str.__instancecheck__
_ENDS = " \n"


def collapse(text: str) -> str:
    """``text`` with each run of XML whitespace replaced by one space."""
    if "\n" in text:
        text = _NL.sub(" ", text)
    if "\t" in text or "\r" in text:
        text = _WS.sub(" ", text)
    elif "  " in text:
        text = _SPACES.sub(" ", text)
    return text


def join_parts(strs: Sequence[str], marks: Sequence[list[int]]) -> str:
    """The text of a container's character data ``strs`` (with :data:`BLOCK` and one
    :data:`MARK` for each of ``marks``, in order; see the module docstring); sets every
    mark's value."""
    data = collapse("".join(strs))
    if marks:
        return _place_marks(data, marks)
    if BLOCK in data:
        data = _BREAK.sub("\n\n", data).replace(" \n\n", "\n\n")
    return data.strip(_ENDS)


def _place_marks(data: str, marks: Sequence[list[int]]) -> str:
    """``data`` (collapsed) with each run of spaces and boundaries that holds a mark made
    what it becomes in the text, then finished (see :func:`join_parts`); each mark's value
    set. A mark's value is where its run starts in the finished text (found from a
    placeholder left there) plus an offset that depends on the mark's kind and on what came
    before it in its run (see :data:`LEN`)."""
    pieces: list[str] = []
    deltas: list[tuple[int, int, int]] = []
    size = len(data)
    done = 0
    at = data.find(MARK)
    while at >= 0:
        start = at
        while start > done and data[start - 1] in _RUN:
            start -= 1
        end = _RUN_AT.match(data, at).end()  # type: ignore[union-attr]
        first = start == 0  # nothing before: spaces and boundaries count for nothing
        spaced = pending = False
        count = 0
        for c in data[start:end]:
            if c == MARK:
                count += 1
                if first:
                    deltas.append((0, 0, 0))
                elif pending:
                    length = 1 if spaced else 0
                    deltas.append((length, length, 2))
                elif spaced:
                    deltas.append((1, 0, 1))
                else:
                    deltas.append((0, 0, 0))
            elif first:
                continue
            elif c == BLOCK:
                pending = True
            elif not pending:
                spaced = True
        tail = "" if first or end == size else "\n\n" if pending else " " if spaced else ""
        pieces.append(data[done:start])
        pieces.append(MARK * count + tail)
        done = end
        at = data.find(MARK, end)
    pieces.append(data[done:])
    data = "".join(pieces)
    if BLOCK in data:
        data = _BREAK.sub("\n\n", data).replace(" \n\n", "\n\n")
    data = data.strip(_ENDS)
    at = -1
    for k, (mark, delta) in enumerate(zip(marks, deltas, strict=True)):
        at = data.index(MARK, at + 1)
        mark[1] = at - k + delta[mark[0]]
    return data.replace(MARK, "")


def map_parts(parts: Sequence[Any]) -> SourceMap:
    """The source map of a container's raw ``parts``: for each non-empty chunk of text, where
    it starts in the text, the byte index of the markup event before it, and whether its
    leading space was dropped."""
    strs: list[str] = list(filter(_IS_STR, parts))
    chunk = iter(collapse(_SEP.join(strs)).split(_SEP) if strs else ()).__next__
    offsets: list[int] = []
    events: list[int] = []
    leads = bytearray()
    at, came_after, led = offsets.append, events.append, leads.append
    length = 0
    ends_space = True
    pending = False
    event = -1
    for x in parts:
        cls = x.__class__
        if cls is int:
            event = x
            continue
        norm = chunk()
        if norm == BLOCK:
            if length:
                pending = True
            continue
        if norm == MARK:
            continue
        if norm[0] == " " and (ends_space or pending):
            norm = norm[1:]
            if not norm:
                continue
            led(1)
        else:
            led(0)
        if pending:
            if ends_space:
                length -= 1
            length += 2
            pending = False
        at(length)
        came_after(event)
        length += len(norm)
        ends_space = norm[-1] == " "
    return SourceMap(array("q", offsets), array("q", events), bytes(leads))


class LazySourceMap(SourceMap):
    """A :class:`SourceMap` made from a container's raw parts when one of its fields is
    first read; the parts are dropped then. It pickles as the plain map it stands for."""

    __slots__ = ("_parts", "_map")
    _parts: list[Any] | None
    _map: SourceMap | None

    def __init__(self, parts: list[Any]) -> None:  # noqa: D107 (see the class)
        object.__setattr__(self, "_parts", parts)
        object.__setattr__(self, "_map", None)

    def _made(self) -> SourceMap:
        made: SourceMap | None = self._map
        if made is None:
            made = map_parts(self._parts or ())
            object.__setattr__(self, "_map", made)
            object.__setattr__(self, "_parts", None)
        return made

    @property
    def offsets(self) -> Sequence[int]:
        """As :attr:`SourceMap.offsets` (the map is made on first use)."""
        return self._made().offsets

    @property
    def events(self) -> Sequence[int]:
        """As :attr:`SourceMap.events`."""
        return self._made().events

    @property
    def leads(self) -> Sequence[int]:
        """As :attr:`SourceMap.leads`."""
        return self._made().leads

    @property
    def xml(self) -> bool:
        """Always true: the TEI reader's maps."""
        return True

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazySourceMap):
            other = other._made()
        return self._made() == other

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        made = self._made()
        return SourceMap, (made.offsets, made.events, made.leads, made.xml)


def make_maps(item: Document | Volume) -> None:
    """Make now every lazy source map of ``item`` (a document or a whole volume), dropping
    the raw parts they keep: for a caller that holds many volumes at once."""
    documents = item.documents if isinstance(item, Volume) else (item,)
    for d in documents:
        for c in d.containers():
            m = c.source_map
            if isinstance(m, LazySourceMap):
                m._made()
