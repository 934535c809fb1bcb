"""xref's exceptions. One root, so callers can catch everything xref raises.

* XrefError
  x CitationSyntaxError   -- a text given as one citation is not one (position, expected input)
  x InputError            -- a file cannot be read or is not what it claims (path, line, column)
    + UnsafeXMLError      -- a DTD, entity declaration or other hostile XML construct was refused
  x FetchError            -- a volume could not be fetched (url, reason)

Lark and httpx exceptions never escape: they are converted at the boundary.
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["CitationSyntaxError", "FetchError", "InputError", "UnsafeXMLError", "XrefError"]


class XrefError(Exception):
    """Base of every exception xref raises."""


@frozen(auto_exc=True, eq=False)
class CitationSyntaxError(XrefError):
    """The text is not one citation.

    ``position`` is the 0-based offset of the problem in ``text``; ``line`` and ``column`` are
    1-based; ``expected`` names what the grammar would have accepted there.
    """

    text: str
    position: int
    line: int
    column: int
    expected: tuple[str, ...] = ()
    context: str = ""

    def __str__(self) -> str:
        exp = f"; expected {', '.join(self.expected)}" if self.expected else ""
        ctx = f"\n{self.context}" if self.context else ""
        return (
            f"not a citation: {self.text!r} at line {self.line}, column {self.column} "
            f"(offset {self.position}){exp}{ctx}"
        )


@frozen(auto_exc=True, eq=False)
class InputError(XrefError):
    """A file could not be read, or is malformed. ``line``/``column`` are 1-based, 0 if unknown."""

    path: str
    message: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


@frozen(auto_exc=True, eq=False)
class UnsafeXMLError(InputError):
    """The XML declares a DTD or entities; xref refuses it rather than expand or fetch anything."""


@frozen(auto_exc=True, eq=False)
class FetchError(XrefError):
    """A volume could not be fetched or cached."""

    url: str
    message: str

    def __str__(self) -> str:
        return f"{self.url}: {self.message}"
