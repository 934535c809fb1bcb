"""Mapping text offsets back to a file in time linear in the number of look-ups.

:meth:`xref.documents.SourceMap.byte_offset` used to walk from the start of a chunk of text for
every look-up, and :meth:`~xref.documents.SourceMap.locate` counted lines from the start of the
file: a text with *n* findings cost *n* times its length (``check`` on a 200 KB paragraph took
minutes). This module keeps, for the few files looked up most recently:

* a line index (the byte of every newline), so a byte's line is a binary search;
* a running count of UTF-8 continuation bytes every :data:`_BLOCK` bytes, so a column (in
  characters) costs at most one block;
* for each chunk of a source map, *checkpoints*: the byte reached after every :data:`STEP`
  characters walked, so a look-up walks at most ``STEP`` characters past the nearest one.

The caches hold the file's bytes and source maps by identity and are bounded (a few files),
so memory stays that of the inputs being read.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict

__all__ = ["STEP", "as_utf8", "chunk_points", "column_of", "line_of", "nearest"]

STEP = 64
"""Characters walked between two checkpoints of a chunk."""

_BLOCK = 1 << 12
_FILES = 4
_CONT = bytes(range(0x80, 0xC0))
_NOT_CONT = bytes(b for b in range(256) if not 0x80 <= b < 0xC0)


class _FileIndex:
    """Line and column indexes of one file's bytes, built on first use."""

    __slots__ = ("data", "newlines", "blocks", "maps", "utf8")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.utf8: bytes | None = None
        self.newlines: array[int] | None = None
        self.blocks: array[int] | None = None
        self.maps: dict[int, tuple[object, dict[int, tuple[list[int], list[int]]]]] = {}

    def lines(self) -> array[int]:
        if self.newlines is None:
            out = array("q")
            data = self.data
            pos = data.find(b"\n")
            while pos >= 0:
                out.append(pos)
                pos = data.find(b"\n", pos + 1)
            self.newlines = out
        return self.newlines

    def continuations(self, byte: int) -> int:
        """How many UTF-8 continuation bytes ``data[:byte]`` holds."""
        if self.blocks is None:
            blocks = array("q", [0])
            data = self.data
            total = 0
            for start in range(0, len(data) - _BLOCK + 1, _BLOCK):
                total += len(data[start : start + _BLOCK].translate(None, _NOT_CONT))
                blocks.append(total)
            self.blocks = blocks
        j = min(byte // _BLOCK, len(self.blocks) - 1)
        base = j * _BLOCK
        return self.blocks[j] + len(self.data[base:byte].translate(None, _NOT_CONT))


_INDEXES: OrderedDict[int, _FileIndex] = OrderedDict()


def _index(data: bytes) -> _FileIndex:
    key = id(data)
    ix = _INDEXES.get(key)
    if ix is None or ix.data is not data:
        ix = _FileIndex(data)
        _INDEXES[key] = ix
        while len(_INDEXES) > _FILES:
            _INDEXES.popitem(last=False)
    else:
        _INDEXES.move_to_end(key)
    return ix


def as_utf8(data: bytes) -> bytes:
    """An XML file's bytes as the TEI reader saw them: UTF-8.

    See :func:`xref.read.xmlencoding.to_utf8`.

    The same object for a UTF-8 file; the converted copy is kept with the file's indexes.
    """
    ix = _index(data)
    if ix.utf8 is None:
        from xref.errors import InputError
        from xref.read.xmlencoding import to_utf8

        try:
            ix.utf8 = to_utf8("", data)[0]
        except InputError:
            ix.utf8 = data
    return ix.utf8


def line_of(data: bytes, byte: int) -> tuple[int, int]:
    """The 1-based line of ``data[byte]`` and the byte its line starts at."""
    nl = _index(data).lines()
    n = bisect_left(nl, byte)
    return n + 1, (nl[n - 1] + 1 if n else 0)


def column_of(data: bytes, start: int, byte: int) -> int:
    """The number of characters in ``data[start:byte]`` (UTF-8; ``start`` begins a line)."""
    if byte - start < 1024:
        return len(data[start:byte].decode("utf-8", "replace"))
    ix = _index(data)
    return (byte - start) - (ix.continuations(byte) - ix.continuations(start))


def chunk_points(owner: object, data: bytes, chunk: int, start: int) -> tuple[list[int], list[int]]:
    """The checkpoints of ``owner``'s chunk number ``chunk`` in ``data``.

    Two parallel ascending lists: character counts walked from the chunk's start, and the byte
    reached after them. They start as ``[0]`` and ``[start]``; the caller appends to both as it
    walks past the last one (see :data:`STEP`).
    """
    ix = _index(data)
    entry = ix.maps.get(id(owner))
    if entry is None or entry[0] is not owner:
        entry = (owner, {})
        ix.maps[id(owner)] = entry
    chunks = entry[1]
    points = chunks.get(chunk)
    if points is None:
        points = ([0], [start])
        chunks[chunk] = points
    return points


def nearest(points: tuple[list[int], list[int]], k: int) -> tuple[int, int, bool]:
    """The checkpoint at or before ``k`` characters: ``(chars, byte, is_last)``."""
    ks, ps = points
    j = bisect_right(ks, k) - 1
    return ks[j], ps[j], j == len(ks) - 1
