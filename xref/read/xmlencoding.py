"""XML files in any encoding, read as UTF-8.

The TEI reader, the duplicate-id scan and the source maps look at a file's bytes directly
(ASCII ``<``, ``xml:id``, ``type="document"``): that only works for UTF-8 and its subsets.
A file in another encoding, named by a byte order mark or by the XML declaration (UTF-16,
UTF-32, ISO-8859-1, windows-1252, ...), is therefore decoded and re-encoded as UTF-8 once,
with its declaration saying so, before anything else reads it (:func:`to_utf8`). Lines and
columns (counted in characters) are the same in both; byte offsets refer to the UTF-8 form,
and :func:`from_utf8` turns UTF-8 output (an annotated volume) back into the file's encoding.
"""

from __future__ import annotations

import codecs
import re

from xref.errors import InputError

__all__ = ["declared_encoding", "from_utf8", "to_utf8"]

_DECL = re.compile(
    rb"""^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*["'][^"']*["']"""
    rb"""[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*"""
    rb"""(?P<q>["'])(?P<name>[A-Za-z][\w.:-]*)(?P=q)"""
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NO_BOM = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)
_UTF8 = frozenset({"utf-8", "ascii"})


def _codec(name: str) -> str:
    return codecs.lookup(name).name


def declared_encoding(data: bytes) -> tuple[str, int]:
    """The encoding of an XML file's bytes, and the length of its byte order mark.

    A byte order mark wins; then the first bytes' pattern (UTF-16/32 without a mark), then
    the declaration's ``encoding``; else UTF-8. Names are Python codec names.
    Raises :class:`LookupError` for a declared encoding Python does not know.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    for start, name in _NO_BOM:
        if data.startswith(start):
            return name, 0
    m = _DECL.match(data[:512])
    if m is None:
        return "utf-8", 0
    return _codec(m.group("name").decode("ascii")), 0


def to_utf8(path: str, data: bytes) -> tuple[bytes, str | None]:
    """``data`` as UTF-8 with a declaration saying so, and the encoding it was in.

    For a UTF-8 (or ASCII) file, ``data`` itself and None: nothing is copied. Raises
    :class:`~xref.errors.InputError` naming the file (and the line and column of the first
    bad byte) for an unknown encoding or bytes that are not in the encoding named.
    """
    try:
        encoding, bom = declared_encoding(data)
    except LookupError:
        m = _DECL.match(data[:512])
        name = m.group("name").decode("ascii") if m else "?"
        raise InputError(path, f"unknown encoding {name!r} in the XML declaration", 1, 1) from None
    if encoding.startswith(("utf-16", "utf-32")) and data.startswith(b"<?xml"):
        name = encoding.upper()
        raise InputError(path, f"the XML declaration names {name}, but the file is not in it", 1, 1)
    if encoding in _UTF8 and not bom:
        return data, None
    if encoding == "utf-8":  # a byte order mark only: expat reads it, offsets are UTF-8
        return data, None
    body = data[bom:]
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        before = body[: exc.start].decode(encoding, "replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise InputError(
            path, f"not valid {encoding} (as the file says): {exc.reason}", line, column
        ) from None
    head = text[:512].encode("ascii", "replace")
    m = _DECL.match(head)
    if m is not None:
        text = text[: m.start("name")] + "UTF-8" + text[m.end("name") :]
    return text.encode("utf-8"), encoding


def from_utf8(data: bytes, original: bytes, encoding: str | None) -> bytes:
    """UTF-8 ``data`` made by :func:`to_utf8` from ``original`` (and changed), in its encoding.

    The original's byte order mark and declaration come back as they were.
    """
    if encoding is None:
        return data
    text = data.decode("utf-8")
    _, bom = declared_encoding(original)
    first = original[bom:].decode(encoding)[:512].encode("ascii", "replace")
    m = _DECL.match(first)
    mine = _DECL.match(text[:512].encode("ascii", "replace"))
    if m is not None and mine is not None:
        name = m.group("name").decode("ascii")
        text = text[: mine.start("name")] + name + text[mine.end("name") :]
    return original[:bom] + text.encode(encoding)
