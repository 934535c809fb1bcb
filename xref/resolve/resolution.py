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
from datetime import date as _date

import attrs
from attrs import frozen

from xref.cite.find import find_citations
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
from xref.read.documents import Container, Document
from xref.resolve.corpus import Corpus, number_key
from xref.resolve.neighbours import link
from xref.resolve.pages import PageIndex, first_page

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

TELEGRAM_WINDOW_DAYS = 400
"""How far before the citing document a cited telegram may be dated."""


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


def _parse_iso(value: str | None) -> _date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return None


def complete_date(partial: str | None, citing: str | None) -> str | None:
    """Give ``--12-07`` the year of the citing date (the year before if it would be later)."""
    if not partial or not partial.startswith("--"):
        return partial
    cd = _parse_iso(citing)
    if cd is None:
        return partial
    month, day = int(partial[2:4]), int(partial[5:7])
    year = cd.year if (month, day) <= (cd.month, cd.day) else cd.year - 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def telegram_channel(
    cite: TelegramCitation, doc: Document
) -> tuple[str | None, str | None, str | None]:
    """The channel ``(sender, recipient, number)`` a telegram reference names, seen from ``doc``.

    Applies CITATIONS.md's table: ``Deptel`` is from the Department to the citing document's
    post, ``Embtel`` from that post, ``ourtel`` from the citing sender, ``urtel`` from its
    recipient; series such as ``Topol`` keep their series in the number.
    """
    series = cite.series.lower()
    dept = canonical_party(DEPARTMENT)
    s_doc = _party(doc.sender, doc.place, _travelling(doc))
    r_doc = _party(doc.recipient, None, _travelling(doc))
    post = r_doc if s_doc == dept else s_doc
    number = cite.number
    if series in ("ourtel", "mytel"):
        return s_doc, r_doc, number
    if series in ("urtel", "yourtel"):
        return r_doc, s_doc, number
    if re.fullmatch(r"dep(?:cir)?tel|circtel|circular telegram", series):
        recipient = None if "cir" in series else post
        if cite.recipient and "cir" not in series:
            named = canonical_party(cite.recipient)  # "Deptel 2353 to Ankara"
            recipient = named if named != dept else recipient
        return dept, recipient, number
    if re.fullmatch(r"(?:emb|con|leg|mis|del|usun)tel", series):
        return post, dept, number
    s = canonical_party(cite.sender) if cite.sender else None
    r = canonical_party(cite.recipient) if cite.recipient else None
    if s is not None and s == r:
        s = None  # "telegram 2434 to Department" read as from it too: only one end is known
    if series in ("telegram", "reftel"):
        return s, r, number
    if series in TRAVEL_SERIES:
        # Secto/Dulte from the Secretary's delegation, Tosec/Tedul to it: the series number
        # is the channel; the parties around it are the delegation's, wherever it is
        s = r = None
    # a lettered series (Secto, Topol, Dulte): the series is part of the number
    return s, r, f"{cite.series} {number}" if number else None


def _is_dept(doc: Document) -> bool:
    dept = canonical_party(DEPARTMENT)
    return bool(doc.sender and canonical_party(doc.sender) == dept) or bool(
        doc.place
        and doc.place.startswith("Washington")
        and not (doc.recipient and canonical_party(doc.recipient) == dept)
    )


def _is_circular(doc: Document) -> bool:
    """A circular telegram: to all, several or certain posts."""
    heading = f"{doc.recipient or ''} {doc.heading.text[:160]}".lower()
    return "circular" in heading or bool(re.search(r"\bposts\b", heading))


_POSTED = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][^,()]*?)\s*(?:\([^)]*\))?$")
"""An office named by where it serves: ``Special Representative in Vietnam (Collins)``."""
TRAVEL_SERIES = frozenset({"secto", "tosec", "dulte", "tedul"})
"""Series of telegrams from and to a Secretary travelling with his delegation."""


def _party(
    name: str | None, place: str | None = None, travelling: bool = False
) -> str | None:
    """A telegram party's key; a person's name gives way to the place the telegram came from.

    The people and offices who send and receive telegrams meet the posts they stand for:
    the Secretary of State is the Department unless travelling (a Secto/Tosec or Dulte/Tedul
    telegram, or one sent from elsewhere); an officer "in Vietnam" or "at Hong Kong" is the
    post there.
    """
    if name:
        key = canonical_party(name)
        if key == "Secretary of State" and not travelling and place is None:
            return canonical_party(DEPARTMENT)
        if key and (key.startswith(("Embassy", "Post", "Department", "US")) or place is None):
            if not key.startswith(("Embassy", "Post", "Department", "US", "Secretary")):
                m = _POSTED.search(key)
                post = canonical_party(m.group("place")) if m else None
                if post and post.startswith(("Embassy", "Post", "US")):
                    return post
            return key
    if place:
        return canonical_party(place)
    return canonical_party(name) if name else None


def _travelling(doc: Document) -> bool:
    """Whether a telegram is to or from a Secretary travelling (Secto/Tosec, Dulte/Tedul)."""
    return bool(doc.series and doc.series.lower() in TRAVEL_SERIES)


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


@attrs.define
class _Resolver:
    corpus: Corpus
    order: dict[str, list[Document]] = attrs.field(factory=dict)
    position: dict[str, int] = attrs.field(factory=dict)
    loaded: set[str] = attrs.field(factory=set)
    by_own_number: dict[str | None, list[Document]] = attrs.field(factory=dict)
    last_document: dict[str, Document] = attrs.field(factory=dict)
    pages: PageIndex = attrs.field(init=False)
    page_volume: dict[int, str] = attrs.field(factory=dict)
    """The volume a page citation (by ``id``) was read in, when not the citing one."""

    def __attrs_post_init__(self) -> None:
        self.pages = PageIndex.of(self.corpus)
        # a volume counts as loaded (so a missing number is an error) only when read whole
        self.loaded = {v.id for v in self.corpus.volume_info}
        for d in self.corpus.documents:
            if d.own_number is not None:
                own = f"{d.series} {d.own_number}" if d.series else d.own_number
                self.by_own_number.setdefault(number_key(own), []).append(d)
            if d.volume:
                seq = self.order.setdefault(d.volume, [])
                self.position[d.id] = len(seq)
                seq.append(d)

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

    # ------------------------------------------------------------------ pages
    def page(self, pages: str, volume: str | None, doc: Document) -> dict[str, object]:
        """A printed page of ``volume`` (the citing one when None): the document on it."""
        vol = self._volume(volume, doc)
        first = first_page(pages)
        key = f"{vol or ''}#pg_{first or pages}"
        if vol is None or first is None or vol not in self.pages.paged:
            reason = "the volume is not loaded" if vol not in self.loaded else (
                "the volume marks no pages")
            return {"status": "external", "key": key, "method": "page", "reason": reason}
        if volume is None and vol not in self.pages.by_page:
            return {
                "status": "external",
                "key": key,
                "method": "page",
                "reason": f"{vol} cites documents by number: a bare page is another work's",
            }
        found, starting = self.pages.document(vol, first)
        if found is None:
            return {
                "status": "external",
                "key": key,
                "method": "page",
                "reason": f"no document of {vol} is printed on page {first}",
            }
        return {
            "status": "resolved",
            "target": found.id,
            "key": key,
            "method": "page",
            "confidence": 0.95 if starting <= 1 else 0.7,
        }

    def page_footnote(
        self, c: FootnoteCitation, doc: Document, pages: str, volume: str | None
    ) -> dict[str, object]:
        """``footnote N, p. P``: footnote N of the document printed on page P."""
        vol = self._volume(volume, doc)
        first = first_page(pages)
        key = f"{vol or ''}#pg_{first or pages}fn{c.number}"
        if vol is None or first is None or vol not in self.pages.paged:
            return {"status": "external", "key": key, "method": "page-footnote"}
        hit = self.pages.footnote(vol, first, c.number)
        if hit is None:
            return {
                "status": "external" if not self.pages.on_page(vol, first) else "unresolved",
                "key": key,
                "method": "page-footnote",
                "reason": f"no document on page {first} of {vol} has a footnote {c.number}",
            }
        owner, local = hit
        target = f"{owner.volume}#{local}"
        return {
            "status": "resolved",
            "target": target,
            "key": target,
            "method": "page-footnote",
            "confidence": 0.95,
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
            if circular is not None and _is_circular(d) != circular:
                continue  # a circular is not a telegram to one post, nor the reverse
            d_sender = _party(d.sender, d.place if not _is_dept(d) else None, _travelling(d))
            d_recipient = _party(d.recipient, None, _travelling(d))
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
        citing = _parse_iso(doc.date)
        exact = [d for d in found if when and d.date and d.date.startswith(when)]
        if exact:
            return exact
        if citing is None:
            return found if len(found) == 1 else []
        scored: list[tuple[int, Document]] = []
        for d in found:
            dd = _parse_iso(d.date)
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
            result = self.page(c.pages, c.volume, doc)
            if result["status"] == "resolved":
                return result
        if isinstance(c, TelegramCitation):
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
        just before in the same text (``Document 81; see footnote 4, ibid.``), or a page of a
        volume (``footnote 1, ibid., p. 993``); anything else is another work's footnote
        (external: the editors' ibid. often reaches further back than a reader can follow)."""
        if isinstance(antecedent, DocumentCitation) and antecedent.number is not None:
            owned = attrs.evolve(c, document=antecedent.number, volume=antecedent.volume)
            result = self.footnote(owned, doc)
            result["method"] = "footnote+ibid"
            return result
        page = ibid.locator.pages if isinstance(ibid.locator, PageCitation) else None
        volume = getattr(antecedent, "volume", None)
        if isinstance(antecedent, PublicationCitation | PageCitation) and page is not None:
            if volume is None and isinstance(antecedent, PageCitation):
                volume = self.page_volume.get(id(antecedent))
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
        if isinstance(effective, PageCitation):
            # "ibid., p. 150" repeats the volume of what it repeats
            volume = getattr(antecedent, "volume", None)
            if volume is None and isinstance(antecedent, PageCitation):
                volume = self.page_volume.get(id(antecedent))
            if volume is not None:
                self.page_volume[id(effective)] = volume
        result = dict(self.resolve(effective, doc, volume=volume))
        result["method"] = f"ibid+{result.get('method', '')}"
        return filled, result, effective


_LIST_TAIL = re.compile(r"(?:\s*(?:,|and|&)\s*(?:and\s+)?\d+[A-Z]?)*\s*[.,;)]?\s*")


def _evidence_for(
    c: Citation, container: Container, doc: Document, resolver: _Resolver
) -> tuple[str, ...]:
    """The documents named by the footnote placed right after ``c`` (or after the list of
    numbers ``c`` begins: ``Embtels 596 and 597`` with the note ``Documents 289 and 290``)."""
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
        for cite in find_citations(fn.text, volume=doc.volume):
            if isinstance(cite, DocumentCitation) and cite.number is not None:
                target = resolver.document(cite, doc).get("target")
                if isinstance(target, str):
                    targets.append(target)
        return tuple(dict.fromkeys(targets))
    return ()


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


def resolve_documents(documents: Iterable[Document], corpus: Corpus) -> Iterator[Resolution]:
    """Resolve every citation in ``documents`` against ``corpus``, in reading order.

    The editors' ``<ref>`` targets are never consulted, so that they stay an independent
    answer key.
    """
    resolver = _Resolver(corpus)
    for doc in documents:
        # ibid. in a note repeats the previous citation of the notes (source note first);
        # in running text (editorial notes) the previous citation of any kind
        in_notes: Citation | None = None
        anywhere: Citation | None = None
        reference: dict[str, object] = {}  # the resolution of the Reference line's telegram
        for container in doc.containers():
            note = container.where in ("source", "footnote")
            carry: tuple[int, str] | None = None  # (end, volume) of an ibid's document list
            seen: set[Citation] = set()  # the citations of this container so far
            for linked in link(container.text, find_citations(container.text, volume=doc.volume)):
                c = linked.citation
                seen.add(c)
                if (
                    carry is not None
                    and isinstance(c, DocumentCitation | FootnoteCitation)
                    and c.volume is None
                    and 0 <= c.span.start - carry[0] <= 8
                ):
                    # "ibid., Documents 9–14": the list goes on in the ibid's volume
                    c = attrs.evolve(c, volume=carry[1])
                    carry = (c.span.end, carry[1])
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
                    named = _evidence_for(c, container, doc, resolver)
                if isinstance(c, TelegramCitation) and c.number is None and reference:
                    # "reftel": the telegram named on the Reference line
                    result = {
                        **reference,
                        "method": "reftel",
                        "reason": "the telegram of the Reference line",
                    }
                elif isinstance(c, FootnoteCitation) and linked.ibid is not None:
                    previous = in_notes if note else anywhere
                    if isinstance(previous, DocumentCitation) and previous not in seen:
                        previous = None  # a document cited in another text
                    result = resolver.ibid_footnote(c, linked.ibid, previous, doc)
                elif isinstance(c, FootnoteCitation) and linked.elsewhere is not None:
                    result = {"status": "external", "method": "footnote",
                              "reason": linked.elsewhere}
                elif isinstance(c, FootnoteCitation) and linked.page is not None:
                    result = resolver.footnote(c, doc, linked.page)
                else:
                    result = resolver.resolve(c, doc, named, volume=linked.volume)
                    if linked.volume is not None:
                        resolver.page_volume[id(c)] = linked.volume
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
