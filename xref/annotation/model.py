"""The records of an annotation (:class:`Insertion`, :class:`Skipped`, :class:`Annotation`) and
where a resolved citation links to (:func:`link_target`, :func:`frus_target`, :func:`web_address`).
"""

from __future__ import annotations

import difflib
import html
import re
from typing import Literal

from attrs import frozen

from xref.cite.models import FootnoteCitation, Span
from xref.read.documents import Document
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import Resolution

Format = Literal["tei", "html"]

WEB = "https://history.state.gov/historicaldocuments"
"""Where FRUS documents are published: ``{WEB}/{volume}/{id}``."""

LINKED_KINDS = ("document", "footnote", "telegram")
"""The citation kinds that are wrapped in a ref when resolved."""
FULL_KEY = re.compile(r"frus(?!\d{4}-\d{2}#)[0-9A-Za-z-]+#d\d+(?:fn\w+)?")
"""A document or footnote of a named FRUS volume (not of a bare series, ``frus1964-68#d22``)."""


@frozen
class Insertion:
    """One ``<ref target>`` inserted: where (bytes of the input) and what it names."""

    start: int
    """Byte index in the input where ``<ref ...>`` goes (before the citation's first byte)."""
    end: int
    """Byte index in the input where ``</ref>`` goes (after the citation's last byte)."""
    target: str
    """The ``@target`` written: ``#d7``, ``#d5fn3``, ``frus1961-63v11#d183``."""
    text: str
    """The text wrapped (the citation's, trimmed of ``thereto``/``supra``)."""
    kind: str
    """The citation's kind: ``document``, ``footnote`` or ``telegram``."""
    document: str
    """The citing document's id."""
    container: str
    """The container's key (``body``, ``d7fn2`` ...)."""
    span: Span
    """The wrapped text's span in the container's text."""

    @property
    def open_tag(self) -> bytes:
        """The start tag inserted at :attr:`start`."""
        return b'<ref target="' + html.escape(self.target).encode("utf-8") + b'">'

    close_tag = b"</ref>"
    """The end tag inserted at :attr:`end`."""


@frozen
class Skipped:
    """A resolved citation that was not wrapped, and why."""

    document: str
    """The citing document's id."""
    container: str
    """The container's key."""
    text: str
    """The citation's text."""
    target: str
    """The target it would have had."""
    reason: str
    """Why it was left alone, for people."""
    line: int = 0
    """1-based line of the citation in the file (0 when unknown)."""
    column: int = 0
    """1-based column of the citation in the file (0 when unknown)."""


@frozen
class Annotation:
    """The result of annotating one file."""

    path: str | None
    """The file read (None for bytes given directly)."""
    format: Format
    """``tei`` (``output`` is the volume with refs) or ``html`` (a page)."""
    original: bytes
    """The input, unchanged."""
    output: bytes
    """The annotated file (UTF-8)."""
    insertions: tuple[Insertion, ...] = ()
    """The refs inserted (TEI) or the citations linked (HTML), in file order."""
    skipped: tuple[Skipped, ...] = ()
    """Resolved citations left alone, with the reason."""
    encoding: str | None = None
    """The file's encoding when it is not UTF-8 (``original`` and ``output`` are UTF-8)."""
    source: bytes | None = None
    """The file's own bytes when it is not UTF-8."""

    def file_output(self) -> bytes:
        """``output`` in the file's own encoding (and declaration): the bytes to write."""
        if self.encoding is None or self.source is None:
            return self.output
        from xref.read.xmlencoding import from_utf8

        return from_utf8(self.output, self.source, self.encoding)

    def diff(self, context: int = 3) -> str:
        """A unified diff from the input to the output (TEI), for ``--dry-run``."""
        name = self.path or "input"
        a = self.original.decode("utf-8", "replace").splitlines(keepends=True)
        b = self.output.decode("utf-8", "replace").splitlines(keepends=True)
        return "".join(difflib.unified_diff(a, b, f"a/{name}", f"b/{name}", n=context))


def frus_target(target: str, volume: str | None) -> str:
    """A resolution target written as FRUS does: ``#d7`` in ``volume``, else ``VOL#d7``."""
    vol, sep, local = target.partition("#")
    if sep and vol == (volume or ""):
        return f"#{local}"
    return target


def web_address(target: str) -> str | None:
    """The history.state.gov page of a ``VOLUME#dN`` or ``VOLUME#dNfnM`` target, or None."""
    vol, sep, local = target.partition("#")
    if not sep or not vol.startswith("frus"):
        return None
    m = re.match(r"d\d+", local)
    if m is None:
        return None
    return f"{WEB}/{vol}/{m.group(0)}"


def _source_note_target(r: Resolution, corpus: Corpus) -> str | None:
    """A footnote citation naming a document's source note (``footnote 1``), or None."""
    c = r.citation
    if not isinstance(c, FootnoteCitation) or c.relative in ("previous", "next"):
        return None
    owner: Document | None = r.document
    if c.document is not None:
        volume = c.volume if c.volume and c.volume.startswith("frus") else r.document.volume
        owner = corpus.by_number(volume, str(c.document)) if volume else None
    if owner is None or owner.source is None or owner.volume is None:
        return None
    note = owner.source.container
    if note.label != c.number or not note.note:
        return None
    return f"{owner.volume}#{note.note}"


def link_target(r: Resolution, corpus: Corpus, *, cross_volume: bool = True) -> str | None:
    """The full target a resolution should be linked to, or None when it is not linked.

    Resolved documents, footnotes and telegrams; with ``cross_volume``, also documents and
    footnotes of a named volume that is not loaded (``vol. XI, Document 183``), whose
    target is known from the number alone; and footnotes that name a source note.
    """
    kind = r.citation.kind
    if kind not in LINKED_KINDS:
        return None
    if r.status == "resolved" and r.target:
        if kind == "document" and r.target == r.document.id:
            if r.container.where == "heading" or r.citation.text.startswith("No."):
                return None  # a document naming itself: its heading, "[Inclosure in No. 2.]"
        return r.target
    if kind == "telegram":
        return None
    if cross_volume and r.status == "external" and r.key and FULL_KEY.fullmatch(r.key):
        vol = r.key.partition("#")[0]
        if vol != r.document.volume:
            return r.key
    if kind == "footnote" and r.status == "unresolved":
        return _source_note_target(r, corpus)
    return None

