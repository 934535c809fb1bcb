"""The resolver: one method per citation kind, each answering a status with a target, key,
candidates or reason (as the fields of a :class:`~xref.resolve.resolution.Resolution`).
"""

from __future__ import annotations

import re

import attrs

from xref.cite.models import (
    AirgramCitation,
    CentralFileCitation,
    CiaCitation,
    Citation,
    DespatchCitation,
    DocumentCitation,
    ElectronicRecordCitation,
    ElectronicTelegramCitation,
    FootnoteCitation,
    IbidCitation,
    LibraryCitation,
    LotFileCitation,
    NationalArchivesCitation,
    OtherPublicationCitation,
    OtherRepositoryCitation,
    PageCitation,
    PublicationCitation,
    RecordsCenterCitation,
    SubjectFileCitation,
    TelegramCitation,
    UnparsedCitation,
)
from xref.cite.names import canonical_party
from xref.cite.transform import DEPARTMENT
from xref.read.documents import Document
from xref.resolve.channels import (
    TELEGRAM_WINDOW_DAYS,
    complete_date,
    is_circular,
    is_department,
    is_travelling,
    parse_iso,
    party_of,
    telegram_channel,
)
from xref.resolve.corpus import Corpus, number_key
from xref.resolve.corpusindex import CorpusIndex
from xref.resolve.pages import PageIndex, PageResolving, page_of_work


def _fn_target(doc: Document, label: str) -> str | None:
    fn = doc.footnote(label)
    note_id = fn.id if fn is not None else None
    if fn is None:
        # where the source note is numbered (n="1"), "footnote 1" cites it
        src = doc.source
        if src is None or src.container.label != label:
            return None
        note_id = src.container.note
    local = note_id or f"{doc.local_id}fn{label}"
    return f"{doc.volume}#{local}" if doc.volume else f"{doc.id}#{local}"


def _external_key(c: Citation, doc: Document) -> str | None:
    if isinstance(c, CentralFileCitation):
        return f"central_file:{c.file}"
    if isinstance(c, SubjectFileCitation):
        return f"subject_file:{c.years or ''}:{c.subject}"
    if isinstance(c, LotFileCitation):
        return f"lot_file:{c.lot}"
    if isinstance(c, RecordsCenterCitation):
        return f"records_center:{c.center}:{c.accession}"
    if isinstance(c, LibraryCitation):
        return f"library:{c.library}:{c.collection or ''}"
    if isinstance(c, NationalArchivesCitation):
        return f"national_archives:RG {c.rg}"
    if isinstance(c, ElectronicTelegramCitation | ElectronicRecordCitation):
        return f"film:{c.film}"
    if isinstance(c, CiaCitation):
        return f"cia:{c.job or '/'.join(c.path)}"
    if isinstance(c, OtherRepositoryCitation):
        return f"repository:{c.repository}"
    if isinstance(c, OtherPublicationCitation):
        return f"publication:{c.title}:{c.volume or ''}:{c.pages or c.date or ''}"
    if isinstance(c, DespatchCitation):
        return f"despatch:{canonical_party(c.sender) if c.sender else ''}:{c.number}"
    if isinstance(c, AirgramCitation):
        return f"airgram:{canonical_party(c.sender) if c.sender else ''}:{c.number}"
    if isinstance(c, PublicationCitation):
        return c.volume
    if isinstance(c, PageCitation):
        return f"{doc.volume or ''}#pg_{re.split(r'-', c.pages)[0]}"
    return None


class Resolver(PageResolving):
    """Resolves one citation at a time against a corpus (``resolve_documents`` drives it).

    A plain class (not attrs): so that it and its mixin compile as native classes under
    mypyc (an attrs class may not inherit from a native one)."""

    corpus: Corpus
    order: dict[str, list[Document]]
    position: dict[str, int]
    loaded: set[str]
    by_own_number: dict[str | None, list[Document]]
    last_document: dict[str, Document]
    pages: PageIndex
    page_volume: dict[int, tuple[Citation, str]]
    """The volume a page citation was read in, when not the citing one (see
    :meth:`~xref.resolve.pages.PageResolving.volume_of_page`)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.last_document = {}
        self.page_volume = {}
        self.pages = PageIndex.of(corpus)
        index = CorpusIndex.of(corpus)
        self.order, self.position = index.order, index.position
        self.loaded, self.by_own_number = index.loaded, index.by_own_number

    def neighbour(self, doc: Document, step: int) -> Document | None:
        if doc.volume is None or doc.id not in self.position:
            return None
        seq = self.order[doc.volume]
        i = self.position[doc.id] + step
        return seq[i] if 0 <= i < len(seq) else None

    # ------------------------------------------------------------------ documents, footnotes
    def document(self, c: DocumentCitation, doc: Document) -> dict[str, object]:
        result = self._document(c, doc)
        found = self.corpus.by_id(str(result.get("target"))) if result.get("target") else None
        if found is not None:
            self.last_document[doc.id] = found
        return result

    def _document(self, c: DocumentCitation, doc: Document) -> dict[str, object]:
        if c.relative is not None:
            other = self.neighbour(doc, -1 if c.relative == "previous" else 1)
            if other is None:
                return {
                    "status": "unresolved",
                    "method": "relative",
                    "reason": f"no document {'before' if c.relative == 'previous' else 'after'} "
                    "this one in the loaded volume",
                }
            return {
                "status": "resolved",
                "target": other.id,
                "method": "relative",
                "confidence": 0.95,
            }
        volume = self._volume(c.volume, doc)
        key = f"{volume or ''}#d{c.number}"
        if volume is None:
            return {
                "status": "external",
                "key": key,
                "method": "document-number",
                "reason": "the citing volume is unknown",
            }
        found = self.corpus.by_number(volume, str(c.number))
        if found is not None:
            return {
                "status": "resolved",
                "target": found.id,
                "key": found.id,
                "method": "document-number",
                "confidence": 1.0,
            }
        if volume in self.loaded:
            return {
                "status": "unresolved",
                "key": key,
                "method": "document-number",
                "reason": f"{volume} has no document {c.number}",
            }
        return {
            "status": "external",
            "key": key,
            "method": "document-number",
            "reason": f"volume {volume} is not loaded",
        }

    def _volume(self, cited: str | None, doc: Document) -> str | None:
        if cited is None:
            return doc.volume
        if cited.startswith("frus"):
            return cited
        if doc.volume:  # a relative id such as "v11"
            m = re.match(r"frus\d{4}(?:-\d{2})?", doc.volume)
            return (m.group(0) + cited) if m else cited
        return cited

    def footnote(
        self, c: FootnoteCitation, doc: Document, page: tuple[str, str | None] | None = None
    ) -> dict[str, object]:
        """``footnote N`` of the citing document, of ``Document M`` (of this or another
        volume), of a neighbour, or, with ``page`` (``(pages, volume)``), of the document
        printed on that page (``footnote 7, p. 1013``)."""
        in_page = getattr(c, "page", None)  # a parser that reads "footnote 7, p. 1013" whole
        if page is None and in_page:
            page = (str(in_page), c.volume)
        if page is not None and c.document is None and c.relative is None:
            return self.page_footnote(c, doc, page[0], page[1])
        if c.document is not None:
            volume = self._volume(c.volume, doc)
            owner = self.corpus.by_number(volume, str(c.document)) if volume else None
            if owner is None:
                key = f"{volume or ''}#d{c.document}fn{c.number}"
                if volume in self.loaded:
                    return {
                        "status": "unresolved",
                        "key": key,
                        "method": "footnote",
                        "reason": f"{volume} has no document {c.document}",
                    }
                return {"status": "external", "key": key, "method": "footnote"}
        elif c.relative == "thereto":
            # "Document 82. ... see footnote 3 thereto": the document cited last
            owner = self.last_document.get(doc.id) or doc
        elif c.relative in ("previous", "next"):
            owner = self.neighbour(doc, -1 if c.relative == "previous" else 1)
            if owner is None:
                return {
                    "status": "unresolved",
                    "method": "footnote",
                    "reason": "no neighbouring document in the loaded volume",
                }
        else:
            owner = doc
        target = _fn_target(owner, c.number)
        if target is None:
            return {
                "status": "unresolved",
                "key": f"{owner.id}fn{c.number}",
                "method": "footnote",
                "reason": f"document {owner.number or owner.local_id} has no footnote {c.number}",
            }
        return {
            "status": "resolved",
            "target": target,
            "key": target,
            "method": "footnote",
            "confidence": 1.0,
        }

    # ------------------------------------------------------------------ telegrams
    def telegram(
        self, c: TelegramCitation, doc: Document, named: tuple[str, ...] = ()
    ) -> dict[str, object]:
        sender, recipient, number = telegram_channel(c, doc)
        when = complete_date(c.date, doc.date)
        year = (when or doc.date or "")[:4]
        key = f"telegram:{sender or '?'}->{recipient or '?'}:{number}:{year}"
        out: dict[str, object] = {"key": key, "method": "channel"}
        channel_target = None
        if number is not None:
            circular: bool | None = None  # a spelled-out "telegram N" may be either
            if re.match(r"(?:dep)?cir|circular", c.series, re.I):
                circular = True
            elif re.fullmatch(r"\w+tel", c.series, re.I):
                circular = False  # Deptel, Embtel, urtel: one post's channel
            found = self._channel_candidates(sender, recipient, number, doc, when, circular)
            if len(found) == 1:
                channel_target = found[0].id
            elif len(found) > 1:
                out["candidates"] = tuple(d.id for d in found)
        out["channel_target"] = channel_target
        # the editors' footnote: one document, or a list that the channel picks from
        evidence = None
        if channel_target is not None and channel_target in named:
            evidence = channel_target
        elif len(named) == 1:
            evidence = named[0]
        out["evidence"] = evidence
        if channel_target is not None:
            if evidence is not None and evidence != channel_target:
                out.update(
                    status="resolved",
                    target=evidence,
                    method="footnote-evidence",
                    confidence=0.8,
                    reason=f"the channel gives {channel_target}; the editors' footnote "
                    f"names {evidence}",
                )
            else:
                out.update(
                    status="resolved",
                    target=channel_target,
                    confidence=0.9 if evidence is None else 1.0,
                )
            return out
        if evidence is not None:
            out.update(
                status="resolved", target=evidence, method="footnote-evidence", confidence=0.85
            )
            return out
        if out.get("candidates"):
            out.update(status="ambiguous", reason="several telegrams fit the channel and number")
            return out
        out.update(status="external", reason="no telegram with this channel and number is loaded")
        return out

    def _channel_candidates(
        self,
        sender: str | None,
        recipient: str | None,
        number: str,
        doc: Document,
        when: str | None,
        circular: bool | None = None,
    ) -> list[Document]:
        """Telegrams with this own number that fit the channel, nearest in date first.

        Names in headings vary (a post, a city, an ambassador's name), so a party that the
        channel names but a candidate does not contradict is allowed; the Department's side
        is checked strictly, since every telegram has it on one end.
        """
        pool = [d for d in self.by_own_number.get(number_key(number), ()) if d.id != doc.id]
        if not pool:
            return []
        dept = canonical_party(DEPARTMENT)
        fitting = []
        for d in pool:
            if circular is not None and is_circular(d) != circular:
                continue  # a circular is not a telegram to one post, nor the reverse
            d_sender = party_of(
                d.sender, d.place if not is_department(d) else None, is_travelling(d)
            )
            d_recipient = party_of(d.recipient, None, is_travelling(d))
            score = 0
            ok = True
            for want, got in ((sender, d_sender), (recipient, d_recipient)):
                if want is None or got is None:
                    continue
                if want == got:
                    score += 2
                elif dept in (want, got):
                    ok = False  # the Department's side must agree
                # another post or person name: neither confirms nor refutes
            if ok:
                fitting.append((score, d))
        if not fitting:
            return []
        best_score = max(sc for sc, _ in fitting)
        found = [d for sc, d in fitting if sc == best_score]
        return self._plausible(found, doc, when)

    def _plausible(self, found: list[Document], doc: Document, when: str | None) -> list[Document]:
        if not found:
            return found
        citing = parse_iso(doc.date)
        exact = [d for d in found if when and d.date and d.date.startswith(when)]
        if exact:
            return exact
        if citing is None:
            return found if len(found) == 1 else []
        scored: list[tuple[int, Document]] = []
        for d in found:
            dd = parse_iso(d.date)
            if dd is None:
                continue
            gap = (citing - dd).days
            if -1 <= gap <= TELEGRAM_WINDOW_DAYS:
                scored.append((gap, d))
        if not scored:
            return []
        best = min(g for g, _ in scored)
        return [d for g, d in scored if g == best]

    # ------------------------------------------------------------------ everything
    def resolve(
        self, c: Citation, doc: Document, named: tuple[str, ...] = (),
        volume: str | None = None,
    ) -> dict[str, object]:
        """Resolve one citation; ``volume`` is the volume a bare page belongs to, when the
        context names one (``vol. V, p. 630; ibid., p. 640``)."""
        if isinstance(c, DocumentCitation):
            return self.document(c, doc)
        if isinstance(c, FootnoteCitation):
            return self.footnote(c, doc)
        if isinstance(c, PageCitation):
            return self.page(c.pages, volume, doc)
        if isinstance(c, PublicationCitation) and c.pages and c.volume in self.pages.paged:
            if (result := self.publication_page(c.pages, c.volume, doc)) is not None:
                return result
        if isinstance(c, TelegramCitation):
            if c.numberless:  # "an unnumbered telegram from Bonn": no number to look up
                return {
                    "status": "unresolved",
                    "method": "numberless",
                    "reason": "a telegram cited without a number",
                }
            if c.number is None:
                return {
                    "status": "unresolved",
                    "method": "reftel",
                    "key": "reftel",
                    "reason": "reftel with no Reference line to follow",
                }
            return self.telegram(c, doc, named)
        if isinstance(c, UnparsedCitation):
            return {"status": "unresolved", "method": "unparsed", "reason": c.reason}
        if isinstance(c, PublicationCitation) and c.volume in self.loaded and c.pages is None:
            return {
                "status": "external",
                "key": c.volume,
                "method": "volume",
                "reason": "a whole volume",
            }
        key = _external_key(c, doc)
        out: dict[str, object] = {
            "status": "external",
            "key": key,
            "method": "key",
            "confidence": 1.0,
        }
        if isinstance(c, CentralFileCitation):
            others = tuple(d.id for d in self.corpus.by_file(c.file) if d.id != doc.id)
            if others:
                out["candidates"] = others
        return out

    def ibid_footnote(
        self, c: FootnoteCitation, ibid: IbidCitation, antecedent: Citation | None,
        doc: Document,
    ) -> dict[str, object]:
        """``See footnote 4, ibid.``: footnote 4 of what the ibid. repeats: a document cited
        just before (``Document 81; see footnote 4, ibid.``; a note ``Supra.``; a note ``See
        footnote 5, Document 190.``: Document 190), or a page of a volume (``footnote 1,
        ibid., p. 993``); anything else is another work's footnote (external: the editors'
        ibid. often reaches further back than a reader can follow)."""
        owned: FootnoteCitation | None = None
        if isinstance(antecedent, DocumentCitation) and antecedent.number is not None:
            owned = attrs.evolve(c, document=antecedent.number, volume=antecedent.volume)
        elif isinstance(antecedent, DocumentCitation) and antecedent.relative is not None:
            owned = attrs.evolve(c, relative=antecedent.relative)  # "Supra." ... "ibid."
        elif isinstance(antecedent, FootnoteCitation) and antecedent.document is not None:
            # "See footnote 5, Document 190." ... "See footnote 6, ibid.": Document 190's
            owned = attrs.evolve(c, document=antecedent.document, volume=antecedent.volume)
        if owned is not None:
            result = self.footnote(owned, doc)
            result["method"] = "footnote+ibid"
            return result
        page = ibid.locator.pages if isinstance(ibid.locator, PageCitation) else None
        volume = getattr(antecedent, "volume", None)
        if isinstance(antecedent, PublicationCitation | PageCitation) and page is not None:
            if volume is None and isinstance(antecedent, PageCitation):
                volume = self.volume_of_page(antecedent)
            return self.page_footnote(c, doc, page, volume)
        return {
            "status": "external",
            "method": "footnote+ibid",
            "reason": "a footnote of the work the ibid. repeats",
        }

    def ibid(
        self, c: IbidCitation, antecedent: Citation | None, doc: Document
    ) -> tuple[IbidCitation, dict[str, object], Citation | None]:
        if antecedent is None:
            return (
                c,
                {
                    "status": "unresolved",
                    "method": "ibid",
                    "reason": "ibid. with no earlier citation in this document",
                },
                None,
            )
        effective: Citation = antecedent
        if c.locator is not None:
            effective = c.locator
            if (
                isinstance(effective, DocumentCitation | FootnoteCitation)
                and effective.volume is None
                and isinstance(
                    antecedent, DocumentCitation | FootnoteCitation | PublicationCitation
                )
                and antecedent.volume is not None
            ):
                effective = attrs.evolve(effective, volume=antecedent.volume)
        filled = attrs.evolve(c, antecedent=antecedent)
        volume = None
        effective = page_of_work(effective, antecedent)
        if isinstance(effective, PageCitation):
            # "ibid., p. 150" repeats the volume of what it repeats
            volume = getattr(antecedent, "volume", None)
            if volume is None and isinstance(antecedent, PageCitation):
                volume = self.volume_of_page(antecedent)
            if volume is not None:
                self.remember_volume(effective, volume)
        result = dict(self.resolve(effective, doc, volume=volume))
        result["method"] = f"ibid+{result.get('method', '')}"
        return filled, result, effective
