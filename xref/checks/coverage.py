"""Source-note coverage: is the archival part of a source note read, word for word?

A source note opens with where the document is kept, then says how it was classified and
handled, then (often) tells a story::

    Source: Department of State, Central Files, 611.74/1–156. Secret. Drafted by Wilkins.
            |-------------- the archival part ---------------|

In 1948–1954 volumes the source line is printed above the heading and encoded as an inline
note (``794A.5/1–351: Telegram``, ``S/P Files: Lot 64 D 563``): the archival part is then the
whole note but for the genre after its colon.

**The archival part** (:func:`archival_part`) starts after the ``Source:`` label (and an
opening ``[``) and ends at the earliest of:

- a *stop* that opens a sentence (after a ``.``, ``;`` or ``]`` and a space, or after a
  colon; never after a comma): a classification (``Top Secret``, ``Secret``,
  ``Confidential``, ``Limited Official Use``, ``Unclassified``, ``No classification
  marking``, ``Personal and Confidential`` ...), a precedence (``Priority``, ``Niact``,
  ``Immediate`` ...), a handling caveat (``Eyes Only``, ``Limdis``, ``Nodis``,
  ``Exdis`` ...), a genre (``Telegram``, ``Circular instruction``, ``Airgram``, ``Despatch``,
  ``Memorandum`` ...) or the first word of one of the editors' usual sentences (``Drafted``,
  ``Repeated``, ``Transmitted``, ``Received``, ``Sent``, ``Printed``, ``Attached``,
  ``Initialed``, ``Approved`` ...);
- a sentence of the editors' that opens with an article or a pronoun and goes on in lower
  case (``. The source text bears ...``, ``. A copy is in ...``), ``Personal`` or ``Private``
  standing as a marking, a classification after a comma that ends the note or its sentence
  (``GVN 1962, Secret; Official-Informal``), a genre right after a file number with no colon
  (``501.BC/11–348 Telegram``);
- a colon that ends the note (``501.BC Indonesia/6–1349:``);
- a paragraph break;
- when the note has no stop at all, the end of its first sentence (a ``.`` and a space before
  a capital, not after an abbreviation such as ``Vol.``, ``No.``, ``pp.`` or an initial).

A note that is a bracketed label, not a source (``[Inclosure 2 in No. 12.]``,
``[Translation.]`` in 19th-century volumes), has no archival part.

**Covered** (:func:`note_coverage`): every word of the archival part (a run of non-space
characters, trimmed of punctuation at either end) lies inside the span of a parsed citation
(any kind but ``unparsed``). Connecting words (``and``, ``the``, ``also``, ``see``, ``in``,
``or``, ``Source``) and bracketed editorial insertions saying something is ``not
declassified`` are not counted. The words that are not covered are the *leftovers*, with
their offsets in the note's text: what a finding needs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate

from attrs import frozen

from xref.cite.models import Citation, Span
from xref.read.documents import Container, Document

__all__ = [
    "CONNECTING_WORDS",
    "Leftover",
    "NoteCoverage",
    "archival_part",
    "document_coverage",
    "is_label",
    "note_coverage",
    "source_notes",
]

CONNECTING_WORDS = frozenset({"and", "the", "also", "see", "in", "or", "source"})
"""Words (lower case) that need not lie inside a citation."""

_CLASSIFICATION = (
    "Top Secret", "Secret", "Confidential", "Limited Official Use", "For Official Use Only",
    "Official Use Only", "Unclassified", "Restricted", "No classification marking",
    "No classification", "Classification", "Not classified", "Personal and Confidential",
    "Administratively Confidential",
)
_PRECEDENCE = ("Niact Immediate", "Operational Immediate", "Niact", "Priority", "Immediate",
               "Flash", "Routine")
_HANDLING = ("Eyes Only", "Limdis", "Nodis", "Exdis", "Sensitive", "Limited Distribution",
             "Limit Distribution", "Noforn", "Personal and Private", "Official-Informal",
             "Official\u2013Informal", "Official Informal")
_GENRE = ("Circular", "Telegram", "Airgram", "Despatch",
          "Dispatch", "Instruction", "Memorandum", "Letter", "Message", "Note", "Editorial note")
_PROSE = ("Drafted", "Repeated", "Transmitted", "Received", "Sent", "Also sent", "Pouched",
          "Printed", "Not printed", "Initialed", "Signed", "Approved", "Cleared", "Prepared",
          "Attached", "Dictated", "Translation", "Paraphrase", "Passed", "Delivered",
          "According", "Handwritten", "Typed", "Extract", "Extracts", "Excerpt", "Excerpts")
_STOP = re.compile(
    r"(?:"
    + "|".join(re.escape(w) for w in sorted(
        _CLASSIFICATION + _PRECEDENCE + _HANDLING + _GENRE + _PROSE, key=len, reverse=True))
    + r")\b",
    re.I,
)
"""A word that, opening a sentence, ends the archival part (tested case-blind: editors write
``Secret``, ``SECRET`` and ``secret``)."""
_OPENS = re.compile(r"(?:[.;\]]\s+|:\s*)$")
"""What must stand just before a stop: the end of a sentence, clause or bracket and a space,
or a colon (``693.941/2–752:Telegram``)."""
_CLASS_AFTER_COMMA = re.compile(
    r",\s+(?:"
    + "|".join(re.escape(w) for w in sorted(_CLASSIFICATION, key=len, reverse=True))
    + r")(?=\s*(?:[.;]|$))",
    re.I,
)
"""A classification after a comma that ends the note or its sentence (``GVN 1962, Secret;
Official-Informal``, ``POL Nigeria-US, Limited Official Use``): a marking, never a folder
(``Confidential File`` goes on with a word)."""
_LATE_STOP = re.compile(
    r"(?<=[.;]\s)(?:(?:[Aa]|An|[Tt]he|This|These|Those|It|There)\s+[a-z]"
    r"|(?:Personal|Private)(?=\s*(?:[.;,]|and\b|$)))"
    r"|(?<=\d)\s+(?:Telegram|Airgram|Despatch|Dispatch|Memorandum)(?=\s*(?:[.:;]|$))"
)
"""Stops that need their context (case kept): a sentence of the editors' that opens with an
article or a pronoun and goes on in lower case (``The source text bears ...``, ``A copy is
in ...``, ``This transcript was prepared ...``, ``a handwritten notation ...`` with its capital
lost); ``Personal`` or ``Private`` as a marking, not
the first word of a folder; a genre printed after a file number with no colon
(``501.BC/11–348 Telegram``)."""
_LABEL = re.compile(r"^\W{0,3}source\s*:?\s*", re.I)
_TRAILING_COLON = re.compile(r":\s*$")
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z“\"(\[])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Vol|Vols|No|Nos|p|pp|ff|Jr|Sr|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Capt|Adm|Amb|Dept|Doc|"
    r"Docs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Ser|Pt|Misc|Corr|Corres|Chap|Ch|Sec|Rep)"
    r"|\b[A-Z]|\.[A-Z]{1,3})$"
)
"""What ends a word whose ``.`` does not end a sentence: ``Vol.``, ``No.``, ``F.``, ``U.S.``"""
_UNDECLASSIFIED = re.compile(r"\[[^\]]*not declassified[^\]]*\]", re.I)
_WORD = re.compile(r"\S+")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_LEAD = re.compile(r"^[^\w]+")


@frozen
class Leftover:
    """A word of a note's archival part that no parsed citation covers."""

    word: str
    """The word as printed, trimmed of punctuation."""
    span: Span
    """Its offsets in the note's text."""


@frozen
class NoteCoverage:
    """How much of one source note's archival part the parsed citations cover."""

    document: str
    """The document's id (``frus1951v07p2#d5``)."""
    note: Container
    """The source note."""
    archival: Span
    """The archival part's offsets in the note's text (empty for a label)."""
    words: int
    """The words of the archival part that count (connecting words left out)."""
    leftovers: tuple[Leftover, ...]
    """The counted words that lie inside no parsed citation, in order."""

    @property
    def has_archival(self) -> bool:
        """Whether the note has an archival part with words to cover."""
        return self.words > 0

    @property
    def covered(self) -> bool:
        """Whether every counted word of the archival part lies inside a parsed citation."""
        return not self.leftovers

    @property
    def archival_text(self) -> str:
        """The archival part as printed."""
        return self.note.text[self.archival.start : self.archival.end]


def source_notes(doc: Document) -> list[Container]:
    """A document's source notes: its source note, and every other note typed ``source``.

    The 1948–1954 volumes encode the source line as an inline note before the heading
    (``<note rend="inline" type="source">``), which the reader keeps among the footnotes.
    """
    out = [doc.source.container] if doc.source is not None else []
    for fn in doc.footnotes:
        if dict(fn.container.attributes).get("type") == "source":
            out.append(fn.container)
    return out


def is_label(text: str) -> bool:
    """Whether a source note is a bracketed label (``[Inclosure 2 in No. 12.]``), no source."""
    stripped = text.strip()
    return stripped.startswith("[") and _LABEL.match(stripped) is None


def archival_part(text: str) -> Span:
    """The offsets of a source note's archival part (see the module's docstring)."""
    if is_label(text):
        return Span(0, 0)
    m = _LABEL.match(text)
    start = m.end() if m else 0
    while start < len(text) and (text[start].isspace() or text[start] == "["):
        start += 1
    end = len(text)
    para = text.find("\n\n", start)
    if para >= 0:
        end = para
    stopped = False
    for stop in _STOP.finditer(text, start, end):
        if stop.start() > start and _OPENS.search(text, max(start, stop.start() - 4),
                                                  stop.start()):
            end, stopped = stop.start(), True
            break
    for extra in (_LATE_STOP, _CLASS_AFTER_COMMA):
        late = extra.search(text, start, end)
        if late is not None and late.start() > start:
            end = late.start()  # the first sentence may still end before it
    colon = _TRAILING_COLON.search(text, start, end)
    if colon is not None:
        end = colon.start()
    if not stopped:
        for dot in _SENTENCE_END.finditer(text, start, end):
            if not _ABBREVIATION.search(text, start, dot.start()):
                end = dot.start() + 1
                break
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;:,[("):
        end -= 1
    return Span(start, end)


def _counted_words(text: str, part: Span) -> Iterable[tuple[str, Span]]:
    """The words of ``text[part]`` that count, trimmed, with their offsets."""
    skip = [(m.start(), m.end())
            for m in _UNDECLASSIFIED.finditer(text, part.start, part.end)]
    for m in _WORD.finditer(text, part.start, part.end):
        raw = m.group()
        lead = len(raw) - len(_LEAD.sub("", raw))
        word = _EDGE.sub("", raw)
        if not word:
            continue
        start = m.start() + lead
        end = start + len(word)
        if word.lower() in CONNECTING_WORDS:
            continue
        if any(a <= start and end <= b for a, b in skip):
            continue
        yield word, Span(start, end)


def note_coverage(
    document: str,
    note: Container,
    citations: Sequence[Citation] | None = None,
    *,
    volume: str | None = None,
) -> NoteCoverage:
    """The coverage of one source note by ``citations`` (found in it when not given).

    ``citations`` are those found in ``note.text`` (their spans are offsets in it); pass them
    when they are at hand (the checker has them), else they are found here with ``volume``
    as the citing volume.
    """
    if citations is None:
        from xref.cite.find import find_citations

        citations = find_citations(note.text, volume=volume)
    spans = sorted((c.span.start, c.span.end) for c in citations if c.kind != "unparsed")
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # furthest end of spans[:i + 1]
    part = archival_part(note.text)
    words = 0
    leftovers: list[Leftover] = []
    for word, span in _counted_words(note.text, part):
        words += 1
        # inside some span: one that starts at or before the word reaches past its end
        i = bisect_right(starts, span.start)
        if not (i and reach[i - 1] >= span.end):
            leftovers.append(Leftover(word, span))
    return NoteCoverage(document, note, part, words, tuple(leftovers))


def document_coverage(
    doc: Document, citations: dict[str, Sequence[Citation]] | None = None
) -> list[NoteCoverage]:
    """The coverage of each of a document's source notes.

    ``citations`` maps a container's key (``Container.key``) to the citations found in it;
    a note missing from it has its citations found here.
    """
    out = []
    for note in source_notes(doc):
        cits = citations.get(note.key) if citations is not None else None
        out.append(note_coverage(doc.id, note, cits, volume=doc.volume))
    return out
