"""Resolution: every citation ends ``resolved``, ``external``, ``ambiguous`` or ``unresolved``.

One pass over each document's containers in reading order (heading, source note, body,
footnotes), keeping the previous citation for ``ibid.``. Each kind has its own rule:

* ``Document N`` / footnotes: by number in the citing or named volume; supra/infra by position.
* telegrams: the abbreviation's meaning applied to the citing document's sender, recipient
  and date gives a channel; the corpus telegram with that channel and own number, nearest in
  date before the citing document, is the target. An editor's footnote right after the
  reference that names a document is kept as evidence and compared.
* archival and other external items: a canonical key, so that every citation of one item
  meets in one node; documents whose source note cites the same file are candidates.

The editors' ``<ref>`` elements (:attr:`xref.read.documents.Container.refs`) are never read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs
from attrs import frozen

from xref.cite.find import find_citations
from xref.cite.models import (
    Citation,
    DocumentCitation,
    FootnoteCitation,
    IbidCitation,
    PageCitation,
    TelegramCitation,
    UnparsedCitation,
)
from xref.read.documents import Container, Document
from xref.resolve.channels import complete_date, telegram_channel
from xref.resolve.corpus import Corpus
from xref.resolve.neighbours import link
from xref.resolve.otherworks import other_work_pages
from xref.resolve.resolver import Resolver
from xref.resolve.volumes import flag_missing_volume

__all__ = [
    "STATUSES",
    "Resolution",
    "complete_date",
    "resolve_citations",
    "resolve_documents",
    "telegram_channel",
]

STATUSES = ("resolved", "external", "ambiguous", "unresolved")
"""The four states every citation ends in."""


@frozen
class Resolution:
    """What one citation names, and how that was decided."""

    citation: Citation
    """The citation (an ``ibid.`` has its ``antecedent`` filled)."""
    document: Document
    """The citing document."""
    container: Container
    """The container the citation was found in (its span is relative to that text)."""
    status: str
    """``resolved``, ``external``, ``ambiguous`` or ``unresolved``."""
    target: str | None = None
    """For ``resolved``: ``VOLUME#dN`` or ``VOLUME#dNfnM``."""
    key: str | None = None
    """A canonical key for the item named (external items meet in one key)."""
    candidates: tuple[str, ...] = ()
    """For ``ambiguous`` (and external files): the documents that fit."""
    method: str = ""
    """The rule that decided: ``document-number``, ``relative``, ``channel``, ``ibid`` ..."""
    confidence: float = 0.0
    """0 to 1."""
    reason: str = ""
    """Why, for people (always set for ``unresolved`` and ``ambiguous``)."""
    channel_target: str | None = None
    """For telegrams: what the channel alone resolved to, or None."""
    evidence: str | None = None
    """For telegrams: the document named by the editor's footnote right after, or None."""


_LIST_TAIL = re.compile(r"(?:\s*(?:,|and|&)\s*(?:and\s+)?\d+[A-Z]?)*\s*[.,;)]?\s*")


def _evidence_for(
    c: Citation,
    container: Container,
    doc: Document,
    resolver: Resolver,
    found: dict[tuple[str | None, str], list[Citation]],
) -> tuple[str, ...]:
    """The documents named by the footnote placed right after ``c`` (or after the list of
    numbers ``c`` begins: ``Embtels 596 and 597`` with the note ``Documents 289 and 290``).

    ``found`` keeps the citations of each footnote text read here (by volume and text), for
    the document's footnote containers (resolved later in the same pass) not to be searched
    again."""
    if container.where == "footnote":
        return ()
    tail = _LIST_TAIL.match(container.text, c.span.end)
    reach = tail.end() if tail is not None else c.span.end
    for fn in doc.footnotes:
        anchor = fn.anchor
        parent = fn.container.parent
        if anchor is None or (parent is not None and parent != container.key):
            continue
        if not (c.span.end <= anchor <= max(reach, c.span.end + 3)):
            continue
        targets: list[str] = []
        key = (doc.volume, fn.text)
        cites = found.get(key)
        if cites is None:
            cites = found[key] = find_citations(key[1], volume=doc.volume)
        for cite in cites:
            if isinstance(cite, DocumentCitation) and cite.number is not None:
                target = resolver.document(cite, doc).get("target")
                if isinstance(target, str):
                    targets.append(target)
        return tuple(dict.fromkeys(targets))
    return ()


_PART = re.compile(r"\bPart\s+(\d+|[IVX]+)\s*,\s*(?:and\s+)?$")
"""``see Part 2, Document 45``: the text names a part of the citing volume, right before."""
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
_PARTED = re.compile(r"(frus.+p)\d+")


def other_part(text: str, c: Citation, volume: str | None) -> str | None:
    """The volume of ``Part N, Document M`` printed in a volume of parts (``frus1958-60v07p1``
    citing ``Part 2, Document 45``: ``frus1958-60v07p2``), else None."""
    if not isinstance(c, DocumentCitation | FootnoteCitation) or c.volume is not None:
        return None
    if volume is None or (base := _PARTED.fullmatch(volume)) is None:
        return None
    m = _PART.search(text, max(0, c.span.start - 16), c.span.start)
    if m is None:
        return None
    part = _ROMAN.get(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
    return f"{base.group(1)}{part}" if part else None


_REFERENCE_LINE = re.compile(r"\b(?:Refs?|Reference|References|Reftels?)\s*[:.]", re.I)
OPENING = 200
"""Telegrams cite their reference telegram in the opening, right after the own number."""


def _on_reference_line(text: str, c: Citation) -> bool:
    """Whether ``c`` is the telegram's reference: on a ``Ref:`` line, or in the opening
    (``774. Re Embtel 922.``, ``1109. Dept pass Defense. Embtel 1065.``)."""
    if c.span.start < OPENING:
        return True
    window = text[max(0, c.span.start - 80) : c.span.start]
    marks = list(_REFERENCE_LINE.finditer(window))
    return bool(marks) and "." not in window[marks[-1].end() :].replace("No.", "")


SHORT = 200
"""Texts up to this length are searched once per :func:`resolve_documents` call."""


def resolve_documents(documents: Iterable[Document], corpus: Corpus) -> Iterator[Resolution]:
    """Resolve every citation in ``documents`` against ``corpus``, in reading order.

    The editors' ``<ref>`` targets are never consulted, so that they stay an independent
    answer key.
    """
    resolver = Resolver(corpus)
    # the citations of texts already searched, by volume and text: the footnotes read as a
    # telegram's evidence, and every short text ("Not printed.", "[Telegram.]", a heading
    # that many documents share), searched once (find_citations depends on nothing else)
    found: dict[tuple[str | None, str], list[Citation]] = {}
    for doc in documents:
        resolver.page_volume.clear()  # an ibid. never repeats another document's page
        # ibid. in a note repeats the previous citation of the notes (source note first);
        # in running text (editorial notes) the previous citation of any kind
        in_notes: Citation | None = None
        anywhere: Citation | None = None
        reference: dict[str, object] = {}  # the resolution of the Reference line's telegram
        for container in doc.containers():
            note = container.where in ("source", "footnote")
            carry: tuple[int, str] | None = None  # (end, volume) of an ibid's document list
            seen: set[Citation] = set()  # the citations of this container so far
            text = container.text
            key = (doc.volume, text)
            if len(text) <= SHORT:
                cites = found.get(key)
                if cites is None:
                    cites = found[key] = find_citations(text, volume=doc.volume)
            else:
                # a longer footnote read before as a telegram's evidence is needed no more
                cites = found.pop(key, None) if container.where == "footnote" else None
                if cites is None:
                    cites = find_citations(text, volume=doc.volume)
            linked_all = link(text, cites)
            others = other_work_pages(container.text, [x.citation for x in linked_all])
            for k, linked in enumerate(linked_all):
                c = linked.citation
                seen.add(c)
                if (
                    carry is not None
                    and isinstance(c, DocumentCitation | FootnoteCitation)
                    and c.volume is None
                    and c.span.end >= carry[0]
                    and c.span.start - carry[0] <= 8
                ):
                    # "ibid., Documents 9–14": the list goes on in the ibid's volume (a range's
                    # inner documents stand on its dash, inside the list's extent so far)
                    c = attrs.evolve(c, volume=carry[1])
                    carry = (max(c.span.end, carry[0]), carry[1])
                elif isinstance(c, DocumentCitation | FootnoteCitation) and (
                    part := other_part(container.text, c, doc.volume)
                ) is not None:
                    # "see Part 2, Documents 77 and 78": the other part, for the whole list
                    c = attrs.evolve(c, volume=part)
                    carry = (c.span.end, part)
                else:
                    carry = None
                if (
                    linked.ibid_document
                    and isinstance(c, FootnoteCitation)
                    and isinstance(anywhere, DocumentCitation)
                    and anywhere.number == c.document
                ):
                    c = attrs.evolve(c, volume=anywhere.volume)
                if isinstance(c, IbidCitation):
                    previous = in_notes if note else anywhere
                    filled, result, effective = resolver.ibid(c, previous, doc)
                    yield Resolution(citation=filled, document=doc, container=container, **result)  # type: ignore[arg-type]
                    if (
                        isinstance(effective, DocumentCitation | FootnoteCitation)
                        and effective.volume is not None
                    ):
                        carry = (c.span.end, effective.volume)
                    if effective is not None:
                        anywhere = effective
                        if note:
                            in_notes = effective
                    continue
                named: tuple[str, ...] = ()
                if isinstance(c, TelegramCitation):
                    named = _evidence_for(c, container, doc, resolver, found)
                if (
                    isinstance(c, TelegramCitation) and c.number is None and not c.numberless
                    and reference
                ):
                    # "reftel": the telegram named on the Reference line
                    result = {
                        **reference,
                        "method": "reftel",
                        "reason": "the telegram of the Reference line",
                    }
                elif isinstance(c, FootnoteCitation) and linked.ibid is not None:
                    previous = in_notes if note else anywhere
                    if (
                        isinstance(previous, DocumentCitation | FootnoteCitation)
                        and previous not in seen
                        and not (note and container.where == "footnote")
                    ):
                        previous = None  # a document cited in another text
                    result = resolver.ibid_footnote(c, linked.ibid, previous, doc)
                elif isinstance(c, FootnoteCitation) and linked.elsewhere is not None:
                    result = {"status": "external", "method": "footnote",
                              "reason": linked.elsewhere}
                elif isinstance(c, FootnoteCitation) and linked.page is not None:
                    result = resolver.footnote(c, doc, linked.page)
                else:
                    result = resolver.resolve(c, doc, named, volume=linked.volume)
                    if k in others and linked.volume is None and result["status"] != "resolved":
                        # "Keesing's ..., September 6-13, 1969, p. 23551", on no page of this
                        # volume: another work's page, not one of this volume's
                        result = {"status": "external", "method": "page", "reason": others[k]}
                    if linked.volume is not None:
                        resolver.remember_volume(c, linked.volume)
                result = flag_missing_volume(c, result)
                if (
                    isinstance(c, TelegramCitation)
                    and c.number is not None
                    and not reference
                    and container.where == "body"
                    and _on_reference_line(container.text, c)
                ):
                    reference = {k: v for k, v in result.items() if k != "reason"}
                yield Resolution(citation=c, document=doc, container=container, **result)  # type: ignore[arg-type]
                if linked.ibid is None and not isinstance(c, UnparsedCitation | PageCitation):
                    anywhere = c
                    if note:
                        in_notes = c


resolve_citations = resolve_documents
"""The library name of :func:`resolve_documents` (``xref.resolve_citations``)."""
