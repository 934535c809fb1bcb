"""Where to insert ``<ref>`` elements in a TEI file's bytes: the links of a container's
resolutions (lists, ``Document N and footnote M thereto``, documents in a named volume),
and the checks that a citation's bytes can be wrapped (:func:`plan_insertions`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from attrs import frozen

from xref.annotation.model import (
    FULL_KEY,
    Insertion,
    Skipped,
    frus_target,
    link_target,
)
from xref.cite.models import Span
from xref.read.documents import Container
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import Resolution

_TRAILERS = re.compile(r",?\s+(?:thereto|supra|infra|below|above)\s*$", re.I)
"""Words after a footnote citation that FRUS leaves outside the ref."""
_ENTITY = re.compile(rb"&(#x[0-9A-Fa-f]+|#\d+|[A-Za-z][A-Za-z0-9]*);")
_WS = re.compile(r"\s+")


def _trimmed(r: Resolution) -> Span:
    c = r.citation
    return _trim_span(c.span, c.text, c.kind)


def _trim_span(span: Span, text: str, kind: str) -> Span:
    if kind in ("footnote", "telegram", "document"):
        m = _TRAILERS.search(text)
        if m is not None and m.start() > 0:
            return Span(span.start, span.start + m.start())
    return span


def _unescape(raw: bytes) -> str:
    def entity(m: re.Match[bytes]) -> bytes:
        return html.unescape(m.group(0).decode("ascii")).encode("utf-8")

    return _ENTITY.sub(entity, raw).decode("utf-8", "replace")


_OPEN_BEFORE = re.compile(
    rb"<(hi|emph|title|gloss|persName|placeName|orgName|term|foreign)\b[^<>/]*>$"
)
_CLOSE_AFTER = re.compile(rb"</(hi|emph|title|gloss|persName|placeName|orgName|term|foreign)>")


def _widen(data: bytes, start: int, end: int) -> tuple[int, int]:
    """Take in an inline element that the span starts or ends exactly at the edge of.

    ``<hi>Foreign Relations</hi>, vol. IV, Document 3``: the ref goes around the ``<hi>``.
    """
    for _ in range(3):
        if _clean(data[start:end]):
            break
        m = _OPEN_BEFORE.search(data, max(0, start - 80), start)
        if m is not None:
            start = m.start()
            continue
        m = _CLOSE_AFTER.match(data, end)
        if m is None:
            break
        end = m.end()
    return start, end


def _clean(raw: bytes) -> bool:
    """Whether ``raw`` holds no markup, or only balanced inline elements (``<hi>…</hi>``)."""
    if b"<" not in raw and b">" not in raw:
        return True
    stack: list[bytes] = []
    for m in _INLINE.finditer(raw):
        if m.group(0).endswith(b"/>"):
            return False
        if m.group(1):
            if not stack or stack.pop() != m.group(2):
                return False
        else:
            stack.append(m.group(2))
    rest = _INLINE.sub(b"", raw)
    return not stack and b"<" not in rest and b">" not in rest


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


_TITLE_GAP = re.compile(r",[^()]{0,160}?,\s*")
"""Between ``Foreign Relations, 1969–1976, volume VI`` and ``Document 10``: the title."""
_PAGES_GAP = re.compile(r"(?:,\s*(?:pp?\.|pages?)\s*[^()]{0,40})?\s*\(")
"""Between ``… vol. IV`` and ``Document 3)``: the pages, and a parenthesis."""
_19TH = re.compile(r"frus18")
_INLINE = re.compile(
    rb"<(/?)(hi|emph|title|gloss|persName|placeName|orgName|term|foreign)\b[^<>]*>"
)
_LIST_GAP = re.compile(r"(?:,|,? and|,? or|–|-)\s*")
"""Between the members of a list of documents."""


def _links(rs: Sequence[Resolution], corpus: Corpus, cross_volume: bool) -> list[_Link]:
    """The links of one container: (span, full target, kind), in text order.

    Besides each linked citation, a document named right after a publication citation of
    another FRUS volume (``Foreign Relations, 1964–1968, volume XIV, Soviet Union,
    Document 335``) belongs to that volume: FRUS wraps the whole phrase, and the rest of a
    list after it (``Documents 80 and 97``) stays in that volume.
    """
    out: list[_Link] = []
    text = rs[0].container.text if rs else ""
    ends = _list_ends(rs, text)
    dropped: set[int] = set()
    before_publication: dict[int, _Link] = {}
    for i in range(1, len(rs)):
        if rs[i].citation.kind == "publication":
            link = _document_in_publication(rs, i, text, cross_volume)
            if link is not None:
                before_publication[i - 1] = link
    context: tuple[str, int] | None = None  # (volume, end of the last citation in it)
    previous: Resolution | None = None
    for i, r in enumerate(rs):
        c = r.citation
        fields = c.fields()
        if c.kind == "document" and context is not None and fields.get("volume") == context[0]:
            fields = {**fields, "volume": None}  # "Foreign Relations, …, pp. 1–3 (Document 3)"
        if i in before_publication:
            out.append(before_publication[i])
            context = None
            previous = r
            continue
        if c.kind == "publication":
            vol = fields.get("volume")
            previous = r
            context = (vol, c.span.end) if isinstance(vol, str) and vol.startswith("frus") else None
            continue
        if c.kind == "document" and fields.get("volume") is None and context is not None:
            vol, end = context
            gap = text[end : c.span.start]
            number = fields.get("number")
            opener = previous is not None and previous.citation.span.end == end
            if number is not None and opener and previous is not None and _TITLE_GAP.fullmatch(gap):
                if ". " not in gap and cross_volume:
                    span = Span(previous.citation.span.start, c.span.end)
                    out.append(_Link(span, f"{vol}#d{number}", "document", r))
                    context = (vol, c.span.end)
                    previous = r
                    continue
            if number is not None and opener and previous is not None and _PAGES_GAP.fullmatch(gap):
                if text[c.span.end : c.span.end + 1] == ")" and cross_volume:
                    span = Span(previous.citation.span.start, c.span.end + 1)
                    out.append(_Link(span, f"{vol}#d{number}", "document", r))
                    context = (vol, c.span.end)
                    previous = r
                    continue
            if number is not None and not opener and _LIST_GAP.fullmatch(gap):
                if cross_volume:
                    out.append(_Link(c.span, f"{vol}#d{number}", "document", r))
                context = (vol, c.span.end)
                previous = r
                continue
        context = None
        previous = r
        if c.kind == "ibid":
            loc = getattr(c, "locator", None)
            full = None
            if r.status == "resolved" and r.target:
                full = r.target
            elif cross_volume and r.status == "external" and r.key and FULL_KEY.fullmatch(r.key):
                full = r.key
            if (
                loc is not None
                and loc.text.startswith("No.")
                and not _19TH.match(r.document.volume or "")
            ):
                continue  # "ibid., No. 55": an issue or despatch number
            if full is not None and loc is not None and loc.kind in ("document", "footnote"):
                if FULL_KEY.fullmatch(full) or full.startswith(f"{r.document.volume}#"):
                    out.append(_Link(_trim_span(loc.span, loc.text, loc.kind), full, loc.kind, r))
            continue
        full = link_target(r, corpus, cross_volume=cross_volume)
        if full is None:
            continue
        if _unlinkable(r, text, ends[i]) or (i - 1 in dropped and ends[i - 1] == ends[i]):
            dropped.add(i)  # the rest of a list goes with its head ("vol. 1, Documents 119–138")
            continue
        span = _trimmed(r)
        m = _FR_BEFORE.search(text, max(0, span.start - 40), span.start)
        if m is not None and c.text.startswith("vol") and FULL_KEY.fullmatch(full):
            span = Span(m.start(), span.end)  # "Foreign Relations, 1969–1976, " + "volume XXV, …"
        out.append(_Link(span, full, c.kind, r))
    return out


_FR_BEFORE = re.compile(r"Foreign Relations,\s*\d{4}[–-]\d{2,4},\s*$")
_IN_PUBLICATION = re.compile(r"\s+in\s+$")


def _document_in_publication(
    rs: Sequence[Resolution], i: int, text: str, cross_volume: bool
) -> _Link | None:
    """``Document 380 in Foreign Relations, 1969–1976, volume IV``: one link, to that volume.

    ``rs[i]`` is the publication; the link covers it and the document citation just before.
    """
    if i == 0 or not cross_volume:
        return None
    pub, doc = rs[i], rs[i - 1]
    vol = pub.citation.fields().get("volume")
    number = doc.citation.fields().get("number")
    if doc.citation.kind != "document" or doc.citation.fields().get("volume") is not None:
        return None
    if not isinstance(vol, str) or not vol.startswith("frus") or number is None:
        return None
    if vol == pub.document.volume or "#" in vol:
        return None
    if not _IN_PUBLICATION.fullmatch(text[doc.citation.span.end : pub.citation.span.start]):
        return None
    span = Span(doc.citation.span.start, pub.citation.span.end)
    if _overlaps(span, (ref.span for ref in doc.container.refs)):
        span = doc.citation.span  # the editors linked the volume: the document alone
    return _Link(span, f"{vol}#d{number}", "document", doc)


def _list_ends(rs: Sequence[Resolution], text: str) -> list[int]:
    """For each citation, where the list of same-kind citations it belongs to ends."""
    ends = [r.citation.span.end for r in rs]
    for i in range(len(rs) - 2, -1, -1):
        a, b = rs[i].citation, rs[i + 1].citation
        if a.kind == b.kind and _LIST_GAP.fullmatch(text[a.span.end : b.span.start]):
            ends[i] = ends[i + 1]
    return ends


def _unlinkable(r: Resolution, text: str, list_end: int | None = None) -> bool:
    """Citations that read as cross-references but are not (``No. 20``, ``supra-national``).

    ``list_end`` is where the list the citation belongs to ends (``footnotes 2, 3, and 4``),
    for what follows the whole list (``, pp. 21–22``).
    """
    c = r.citation
    after = text[c.span.end : c.span.end + 24]
    tail = text[list_end : list_end + 24] if list_end is not None else after
    before = text[max(0, c.span.start - 12) : c.span.start]
    volume = r.document.volume or ""
    if c.kind == "document" and c.text.startswith("No."):
        if not _19TH.match(volume):
            return True  # a despatch or enclosure number far more often than a document
        if r.container.where == "body" and not re.search(r"\b(?:in|[Ss]ee)\s+$", before):
            return True  # "your note, No. 30", "copies of No. 1": despatch and inclosure numbers
    if c.kind == "document" and (re.match(r"-(?!\d)", after) or after[:1].isalpha()):
        return True
    if c.kind == "document" and c.text.startswith("document"):
        return True  # "discovery of documents 2 to 9": papers, not this edition's documents
    if c.kind == "document" and re.match(r"vol", c.text) and re.search(r"\w[”’\"]?,\s*$", before):
        if not re.search(r"(?:ibid\.?|\d{4}),\s*$", before):
            return True  # "A Documentary History, vol. 1, Documents 119": another publication
    if c.kind == "document" and "mSupp" in volume and re.search(r"printed\s+$", before):
        return True  # a microfiche supplement's "printed Document 320" is in the printed volume
    if c.kind == "footnote":
        if re.match(r"[,;]?\s*pp?\.\s*\d", tail):
            return True  # "footnote 1, p. 14": a footnote on another page
        if re.match(r",\s*(?:ibid|[Ff]oreign [Rr]elations|vol\.|volume)\b", tail):
            return True  # "footnote 4, ibid.": a footnote of another publication
        if re.match(r"\s+to\s+(?!Document)", after):
            return True  # "footnote 1 to telegram 3142"
        if re.search(r"\bp\.\s*\d+,\s*$", before):
            return True  # "vol. X, p. 62, footnote 14"
    return False


@frozen
class _Link:
    span: Span
    target: str
    kind: str
    resolution: Resolution


def plan_insertions(
    data: bytes,
    resolutions: Iterable[Resolution],
    corpus: Corpus,
    volume: str | None,
    *,
    cross_volume: bool = True,
) -> tuple[list[Insertion], list[Skipped]]:
    """Where to insert refs in ``data`` (a TEI file) for ``resolutions`` of its documents.

    A citation is wrapped only if its bytes hold no markup other than whole inline elements
    (``<hi>Foreign Relations</hi>``), read back to exactly its text, and it overlaps neither
    an existing ``<ref>`` nor another insertion.
    """
    inserted: list[Insertion] = []
    skipped: list[Skipped] = []
    groups: dict[tuple[str, str], list[Resolution]] = {}
    for r in resolutions:
        groups.setdefault((r.document.id, r.container.key), []).append(r)
    for rs in groups.values():
        for link in _links(rs, corpus, cross_volume):
            _plan_one(data, link, volume, inserted, skipped)
    inserted.sort(key=lambda i: (i.start, i.end))
    kept: list[Insertion] = []
    for ins in inserted:
        if kept and ins.start < kept[-1].end:
            continue
        kept.append(ins)
    return kept, skipped


def _plan_one(
    data: bytes, link: _Link, volume: str | None, inserted: list[Insertion], skipped: list[Skipped]
) -> None:
    r = link.resolution
    c: Container = r.container
    span = link.span
    text = c.text[span.start : span.end]
    target = frus_target(link.target, volume)
    if _overlaps(span, (ref.span for ref in c.refs)):
        return  # already tagged by the editors
    smap = c.source_map
    where = smap.locate(span.start, data)
    start = where.byte
    end = smap.locate_end(span.end, data).byte
    start, end = _widen(data, start, end)
    raw = data[start:end]
    reason = None
    if not 0 <= start < end <= len(data):
        reason = "cannot map the citation to the file"
    elif not _clean(raw):
        reason = "the citation runs across markup"
    elif _WS.sub(" ", _unescape(_INLINE.sub(b"", raw))) != text:
        reason = "the file's bytes do not read back to the citation's text"
    if reason is not None:
        skipped.append(
            Skipped(r.document.id, c.key, text, target, reason, where.line, where.column)
        )
        return
    inserted.append(Insertion(start, end, target, text, link.kind, r.document.id, c.key, span))

