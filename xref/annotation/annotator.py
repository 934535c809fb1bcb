"""Write resolved cross-references back: ``<ref target>`` into TEI, links into HTML.

Editors encode cross-references by hand (``<ref target="#d75">Document 75</ref>``). Given
a volume's bytes and the resolutions of its citations, :func:`annotate_tei` wraps every
resolved ``Document N``, footnote, telegram and supra/infra citation that is not already
inside a ``<ref>`` in one, the way FRUS does (``../shared/docs/FRUS-ENCODING.md``):

* same volume ``#dN`` / ``#dNfnM``; another volume ``VOLUME#dN``;
* ``Documents 67 and 68`` gives two refs, the word "Documents" inside the first;
* ``Document 140 and footnote 3 thereto`` is one ref to the footnote, ending before
  ``thereto``; ``footnote 2, supra`` ends before ``, supra``.

Only bytes are inserted: every other byte of the file is unchanged, so
:func:`remove_insertions` gives back the input exactly. A citation whose text runs across
markup (``<hi>``, a note, an entity the map cannot follow) is never wrapped; it is reported
as :class:`Skipped` instead.

For plain text, :func:`annotate_html` renders the document as one self-contained HTML page
with resolved citations linked to history.state.gov and external ones marked with their
key on hover. :func:`annotate` reads a path and does either.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import attrs
from attrs import frozen

from xref.cite.models import FootnoteCitation, Span
from xref.errors import InputError
from xref.read.documents import Container, Document, Volume
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import Resolution, resolve_documents

__all__ = [
    "Annotation",
    "Format",
    "Insertion",
    "Skipped",
    "WEB",
    "annotate",
    "annotate_html",
    "annotate_tei",
    "frus_target",
    "link_target",
    "plan_insertions",
    "remove_insertions",
    "web_address",
]

Format = Literal["tei", "html"]

WEB = "https://history.state.gov/historicaldocuments"
"""Where FRUS documents are published: ``{WEB}/{volume}/{id}``."""

LINKED_KINDS = ("document", "footnote", "telegram")
"""The citation kinds that are wrapped in a ref when resolved."""

_TRAILERS = re.compile(r",?\s+(?:thereto|supra|infra|below|above)\s*$", re.I)
"""Words after a footnote citation that FRUS leaves outside the ref."""
_FULL_KEY = re.compile(r"frus(?!\d{4}-\d{2}#)[0-9A-Za-z-]+#d\d+(?:fn\w+)?")
"""A document or footnote of a named FRUS volume (not of a bare series, ``frus1964-68#d22``)."""
_ENTITY = re.compile(rb"&(#x[0-9A-Fa-f]+|#\d+|[A-Za-z][A-Za-z0-9]*);")
_WS = re.compile(r"\s+")


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
    if cross_volume and r.status == "external" and r.key and _FULL_KEY.fullmatch(r.key):
        vol = r.key.partition("#")[0]
        if vol != r.document.volume:
            return r.key
    if kind == "footnote" and r.status == "unresolved":
        return _source_note_target(r, corpus)
    return None


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
            elif cross_volume and r.status == "external" and r.key and _FULL_KEY.fullmatch(r.key):
                full = r.key
            if (
                loc is not None
                and loc.text.startswith("No.")
                and not _19TH.match(r.document.volume or "")
            ):
                continue  # "ibid., No. 55": an issue or despatch number
            if full is not None and loc is not None and loc.kind in ("document", "footnote"):
                if _FULL_KEY.fullmatch(full) or full.startswith(f"{r.document.volume}#"):
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
        if m is not None and c.text.startswith("vol") and _FULL_KEY.fullmatch(full):
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


def _apply(data: bytes, insertions: Sequence[Insertion]) -> bytes:
    out: list[bytes] = []
    pos = 0
    for ins in insertions:
        out += [data[pos : ins.start], ins.open_tag, data[ins.start : ins.end], ins.close_tag]
        pos = ins.end
    out.append(data[pos:])
    return b"".join(out)


def remove_insertions(output: bytes, insertions: Sequence[Insertion]) -> bytes:
    """Take the inserted tags out of ``output`` again: the input, byte for byte.

    Raises :class:`ValueError` if a tag is not where the insertion says it is.
    """
    out: list[bytes] = []
    pos = 0  # in output
    shift = 0  # output index minus input index
    for ins in sorted(insertions, key=lambda i: i.start):
        a = ins.start + shift
        if output[a : a + len(ins.open_tag)] != ins.open_tag:
            raise ValueError(f"no {ins.open_tag!r} at byte {a}")
        out.append(output[pos:a])
        b = ins.end + shift + len(ins.open_tag)
        if output[b : b + len(ins.close_tag)] != ins.close_tag:
            raise ValueError(f"no </ref> at byte {b}")
        out.append(output[a + len(ins.open_tag) : b])
        pos = b + len(ins.close_tag)
        shift += len(ins.open_tag) + len(ins.close_tag)
    out.append(output[pos:])
    return b"".join(out)


def annotate_tei(
    data: bytes,
    volume: Volume,
    corpus: Corpus | None = None,
    *,
    path: str | None = None,
    cross_volume: bool = True,
) -> Annotation:
    """Insert ``<ref target>`` around the resolved, untagged citations of ``volume``.

    ``data`` are the bytes ``volume`` was read from; ``corpus`` (default: the volume alone)
    is what citations are resolved against.
    """
    corpus = corpus if corpus is not None else Corpus.from_documents([volume])
    resolutions = resolve_documents(volume.documents, corpus)
    insertions, skipped = plan_insertions(
        data, resolutions, corpus, volume.id, cross_volume=cross_volume
    )
    return Annotation(
        path, "tei", data, _apply(data, insertions), tuple(insertions), tuple(skipped)
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font: 16px/1.5 Georgia, serif; max-width: 48em; margin: 2em auto; padding: 0 1em; }}
.document {{ white-space: pre-wrap; }}
a.xref {{ color: #1a5fb4; }}
span.external {{ border-bottom: 1px dotted #888; cursor: help; }}
</style>
</head>
<body>
<div class="document">{body}</div>
</body>
</html>
"""


def annotate_html(
    data: bytes,
    document: Document,
    corpus: Corpus | None = None,
    *,
    path: str | None = None,
    cross_volume: bool = True,
) -> Annotation:
    """Render a plain-text document as one HTML page with its citations linked.

    Resolved citations link to their document on history.state.gov; external ones are
    wrapped in ``<span class="external" title="KEY">``. Everything else is escaped text.
    """
    corpus = corpus if corpus is not None else Corpus.from_documents([document])
    marks: list[tuple[int, int, str, str, Insertion]] = []
    for r in resolve_documents([document], corpus):
        c = r.container
        span = r.citation.span
        start = c.source_map.byte_offset(span.start, data)
        end = c.source_map.byte_offset(span.end - 1, data) if span.end > span.start else start
        if end < len(data):  # past the last character
            end += len(data[end : end + 4].decode("utf-8", "replace")[:1].encode("utf-8"))
        if not 0 <= start < end <= len(data):
            continue
        text = r.citation.text
        full = link_target(r, corpus, cross_volume=cross_volume)
        ins = Insertion(
            start, end, full or r.key or "", text, r.citation.kind, document.id, c.key, span
        )
        if full is not None:
            url = web_address(full)
            if url is None:
                open_ = f'<span class="resolved" title="{html.escape(full)}">'
                close = "</span>"
            else:
                open_ = f'<a class="xref" href="{html.escape(url)}" title="{html.escape(full)}">'
                close = "</a>"
        elif r.status == "external" and r.key:
            open_ = f'<span class="external" title="{html.escape(r.key)}">'
            close = "</span>"
        else:
            continue
        marks.append((start, end, open_, close, ins))
    marks.sort(key=lambda m: (m[0], -m[1]))
    body: list[str] = []
    pos = 0
    used: list[Insertion] = []
    for start, end, open_, close, ins in marks:
        if start < pos:
            continue  # nested or overlapping: the outer one wins
        body.append(html.escape(data[pos:start].decode("utf-8", "replace"), quote=False))
        body.append(open_)
        body.append(html.escape(data[start:end].decode("utf-8", "replace"), quote=False))
        body.append(close)
        used.append(ins)
        pos = end
    body.append(html.escape(data[pos:].decode("utf-8", "replace"), quote=False))
    title = document.heading.text or document.id
    page = _PAGE.format(title=html.escape(title), body="".join(body))
    return Annotation(path, "html", data, page.encode("utf-8"), tuple(used), ())


def annotate(
    path: str | Path,
    corpus: Sequence[str | Path] = (),
    *,
    format: Format | None = None,
    volume: str | None = None,
    cross_volume: bool = True,
) -> Annotation:
    """Annotate the file at ``path``: a TEI volume gets refs, a plain-text document HTML.

    ``corpus`` names more files or directories to resolve against; ``format`` defaults to
    ``tei`` for ``.xml`` files and ``html`` otherwise (TEI out needs TEI in); ``volume`` is
    the FRUS volume id of a plain-text document.

    Raises :class:`~xref.errors.InputError` when a file cannot be read, or when ``tei`` is
    asked of plain text.
    """
    from xref.read.plaintext import read_plaintext
    from xref.read.sources import read_paths
    from xref.read.tei import read_volume
    from xref.read.xmlencoding import to_utf8

    p = str(path)
    try:
        raw = Path(p).read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    data, encoding = to_utf8(p, raw) if p.endswith(".xml") else (raw, None)
    is_tei = p.endswith(".xml") or data.lstrip()[:5] in (b"<?xml", b"<TEI ")
    fmt: Format = format or ("tei" if is_tei else "html")
    extra: list[Document | Volume] = []
    for res in read_paths([str(x) for x in corpus], volume=volume, jobs=1):
        if res.error is not None:
            raise res.error
        if res.volume is not None:
            extra.append(res.volume)
        elif res.document is not None:
            extra.append(res.document)
    if is_tei:
        vol = read_volume(p)
        index = Corpus.from_documents([vol, *extra])
        if fmt == "tei":
            result = annotate_tei(data, vol, index, path=p, cross_volume=cross_volume)
            if encoding is not None:
                result = attrs.evolve(result, encoding=encoding, source=raw)
            return result
        raise InputError(p, "HTML output is for plain-text documents; use --format tei")
    if fmt == "tei":
        raise InputError(p, "TEI output needs a TEI volume; this is plain text (use --format html)")
    doc = read_plaintext(p, volume)
    index = Corpus.from_documents([doc, *extra])
    return annotate_html(data, doc, index, path=p, cross_volume=cross_volume)
