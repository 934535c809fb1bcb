"""A safe expat parser: no DTD, no entity expansion, no network, errors with positions.

FRUS volumes need nothing from a DTD. :func:`create_parser` returns a ``pyexpat`` parser that
refuses any ``<!DOCTYPE>`` with an internal subset, any ``<!ENTITY>`` declaration and any
reference to an undeclared entity, at the first such byte, with an
:class:`~xref.errors.UnsafeXMLError`; it never reads or fetches anything (a bare
``<!DOCTYPE TEI SYSTEM "...">`` is accepted, and its DTD is not read). A billion-laughs
file therefore costs nothing. :func:`parse_error` turns an ``ExpatError`` into an
:class:`~xref.errors.InputError` naming the file, line and column.
"""

from __future__ import annotations

import pyexpat
from typing import Any, NoReturn

from xref.errors import InputError, UnsafeXMLError

__all__ = ["create_parser", "parse_error", "parse_bytes", "release"]


def create_parser(path: str) -> pyexpat.XMLParserType:
    """A non-namespace-aware expat parser for ``path`` that refuses DTDs and entities.

    Element and attribute names keep their prefixes (``frus:attachment``, ``xml:id``).
    """
    parser = pyexpat.ParserCreate()

    def refuse(what: str) -> NoReturn:
        raise UnsafeXMLError(
            path,
            f"refused {what}: xref never expands entities or reads DTDs",
            parser.CurrentLineNumber,
            parser.CurrentColumnNumber + 1,
        )

    def doctype(name: str, sysid: str | None, pubid: str | None, internal: int) -> None:
        # A bare <!DOCTYPE TEI SYSTEM "tei.dtd"> is harmless: the DTD is never read (and an
        # entity it would have declared is refused where it is used). An internal subset can
        # declare entities: refused.
        if internal:
            refuse(f"DOCTYPE {name!r} with an internal subset")

    def entity_decl(name: str, *args: Any) -> None:
        refuse(f"entity declaration {name!r}")

    def external_ref(context: str, base: str | None, sysid: str | None, pubid: str | None) -> int:
        refuse(f"external entity {sysid or pubid or context!r}")

    def skipped(name: str, is_param: int) -> None:
        refuse(f"reference to undeclared entity {name!r}")

    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity_decl
    parser.UnparsedEntityDeclHandler = entity_decl
    parser.ExternalEntityRefHandler = external_ref
    parser.SkippedEntityHandler = skipped
    return parser


_HANDLERS = (
    "StartElementHandler", "EndElementHandler", "CharacterDataHandler",
    "ProcessingInstructionHandler",
    "StartDoctypeDeclHandler", "EntityDeclHandler", "UnparsedEntityDeclHandler",
    "ExternalEntityRefHandler", "SkippedEntityHandler",
)


def release(parser: pyexpat.XMLParserType) -> None:
    """Drop every handler of a parser that is done: the parser and its handlers (which name
    it, for positions) no longer hold each other, so the parser and its buffers are freed
    as soon as it is dropped, without waiting for the cyclic garbage collector."""
    for name in _HANDLERS:
        setattr(parser, name, None)


def parse_error(path: str, exc: pyexpat.ExpatError) -> InputError:
    """An :class:`InputError` for a malformed file, with expat's message and position."""
    message = pyexpat.ErrorString(exc.code) if exc.code else str(exc)
    return InputError(path, f"malformed XML: {message}", exc.lineno, exc.offset + 1)


def parse_bytes(path: str, data: bytes) -> None:
    """Check that ``data`` is well-formed and safe XML; raise :class:`InputError` if not."""
    parser = create_parser(path)
    try:
        parser.Parse(data, True)
    except pyexpat.ExpatError as exc:
        raise parse_error(path, exc) from None
    finally:
        release(parser)
