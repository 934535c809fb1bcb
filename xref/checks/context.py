"""What every rule of ``xref check`` works with: the :class:`Context` of one file, the
:class:`Hit` a rule yields, the :class:`Rule` record, and helpers shared by rule families.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date as _date
from typing import Any

from attrs import define, field, frozen

from xref.cite.find import find_citations
from xref.cite.models import (
    Citation,
    Span,
    TelegramCitation,
)
from xref.read.documents import Container, Document, Volume
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import Resolution, resolve_documents

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""Severities, most severe first."""


@frozen
class Finding:
    """One problem found by a rule, located in its file."""

    rule: str
    """The rule's id (``XR012``)."""
    severity: str
    """``error``, ``warning`` or ``info``."""
    message: str
    """What is wrong, in one line."""
    hint: str
    """What to do about it."""
    path: str | None = None
    """The file, or None for documents given without one."""
    line: int = 0
    """1-based line, 0 when unknown."""
    column: int = 0
    """1-based column in characters, 0 when unknown."""
    volume: str | None = None
    """The FRUS volume id."""
    document: str | None = None
    """The document's id within its volume (``d9``) or the plain-text file's stem."""
    note: str | None = None
    """The note's id (``d9fn4``; plain text ``fn4``, ``source``) when in a note."""
    span: Span | None = None
    """The offending text's span in its container's text."""
    context: str | None = None
    """Where in the volume, when not in a document's text (``index entry 'Acheson, Dean'``,
    ``front matter: section 'persons'``)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "volume": self.volume,
            "document": self.document,
            "note": self.note,
            "span": None if self.span is None else [self.span.start, self.span.end],
            "context": self.context,
        }


@frozen
class Hit:
    """What a rule found: where (document, container, span or line) and a message."""

    message: str
    document: Document | None = None
    container: Container | None = None
    start: int = 0
    end: int = 0
    line: int = 0
    """A 1-based line when there is no container to locate the span in."""
    hint: str | None = None
    """A hint specific to this hit, replacing the rule's."""
    column: int = 0
    """A 1-based column, with :attr:`line`, when there is no container."""
    where: str | None = None
    """Where in the volume, for people (``index entry 'Acheson, Dean'``), when not in a
    document's text."""


@define
class Context:
    """One file being checked, and what it is checked against."""

    documents: tuple[Document, ...]
    """The file's documents, in order."""
    corpus: Corpus
    """Every loaded document (this file's included), for cross-references."""
    volume: Volume | None = None
    """The TEI volume, or None for a plain-text document."""
    ids: dict[str, frozenset[str]] = field(factory=dict)
    """``xml:id``\\ s of every loaded TEI volume, by volume id."""
    failures: list[tuple[Document, Container | None, Exception]] = field(factory=list)
    """Documents or containers the finder or resolver failed on (their citations are skipped)."""
    _cache: dict[tuple[str, str], list[Citation]] = field(factory=dict)
    _resolutions: list[Resolution] | None = None
    _by_container: dict[tuple[str, str], list[Resolution]] = field(factory=dict)

    @property
    def tei(self) -> bool:
        """Whether the file is a TEI volume."""
        return self.volume is not None

    def resolutions(self) -> list[Resolution]:
        """Every citation of the file resolved against the corpus, in reading order (cached).

        A resolver or parser failure on one document is recorded in :attr:`failures`; that
        document's citations are then found container by container, without resolutions.
        """
        if self._resolutions is not None:
            return self._resolutions
        out: list[Resolution] = []
        failed: set[str] = set()
        todo = list(self.documents)
        current: list[Document] = []

        def feed(docs: list[Document]) -> Iterator[Document]:
            for d in docs:
                current[:] = [d]
                yield d

        while todo:
            current.clear()
            start = len(out)
            try:
                out.extend(resolve_documents(feed(todo), self.corpus))
                todo = []
            except Exception as exc:  # a parser or resolver bug must not stop the linter
                bad = current[0] if current else todo[0]
                self.failures.append((bad, None, exc))
                failed.add(bad.id)
                out[start:] = [r for r in out[start:] if r.document.id != bad.id]
                todo = todo[todo.index(bad) + 1:]
        self._resolutions = out
        for r in out:
            self._by_container.setdefault((r.document.id, r.container.key), []).append(r)
        for doc in self.documents:
            if doc.id in failed:
                continue
            for c in doc.containers():
                key = (doc.id, c.key)
                self._cache[key] = [r.citation for r in self._by_container.get(key, [])]
        return out

    def resolved_in(self, doc: Document, container: Container) -> list[Resolution]:
        """The resolutions of the citations in one container, in order."""
        self.resolutions()
        return self._by_container.get((doc.id, container.key), [])

    def citations(self, doc: Document, container: Container) -> list[Citation]:
        """The citations found in ``container`` (cached; from the resolutions when possible)."""
        self.resolutions()
        key = (doc.id, container.key)
        found = self._cache.get(key)
        if found is None:
            try:
                found = find_citations(container.text, volume=doc.volume)
            except Exception as exc:  # a parser bug must not stop the linter
                self.failures.append((doc, container, exc))
                found = []
            self._cache[key] = found
        return found

    def located(self) -> Iterator[tuple[Document, Container, Citation]]:
        """Every citation of the file with its document and container, in reading order."""
        for doc in self.documents:
            for c in doc.containers():
                for cite in self.citations(doc, c):
                    yield doc, c, cite


RuleFunction = Callable[[Context], Iterator[Hit]]


@frozen
class Rule:
    """A rule: stable id, name, default severity, one-line summary, hint and function."""

    id: str
    name: str
    severity: str
    summary: str
    hint: str
    function: RuleFunction = field(eq=False, repr=False)



def day_of(value: str | None) -> _date | None:
    """A full ISO date's day (its first ten characters), or None for a partial or bad one."""
    if not value or len(value) < 10 or not value[:4].isdigit():
        return None
    try:
        return _date.fromisoformat(value[:10])
    except ValueError:
        return None


def hit_at(doc: Document, c: Container, cite: Citation, message: str,
           hint: str | None = None) -> Hit:
    """A hit on a citation's span."""
    return Hit(message, doc, c, cite.span.start, cite.span.end, hint=hint)


def note_name(c: Container) -> str:
    """How a message names a note: ``footnote 3``, else ``note ID``."""
    return f"footnote {c.label}" if c.label else f"note {c.note}"


def number_of(value: str | None) -> int | None:
    """The integer of a telegram number (``1338``, ``Secto 68``), or None for any other form."""
    if value is None:
        return None
    m = re.fullmatch(r"\s*(?:[A-Za-z]+\s+)?(\d+)\s*", value)
    return int(m.group(1)) if m else None


def body_telegrams(ctx: Context, doc: Document) -> list[Resolution]:
    """The resolutions of the telegrams a document's body text cites."""
    return [r for r in ctx.resolved_in(doc, doc.body) if isinstance(r.citation, TelegramCitation)]


def is_telegram(d: Document) -> bool:
    """Whether a document is a telegram (by its genre)."""
    return bool(d.genre and "telegram" in d.genre)

