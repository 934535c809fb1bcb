"""Rules on pointers: ``<ref>`` targets, cross-references that dangle, ``ibid.`` and
citation-like text that does not parse (XR006-XR013, XR018).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xref.checks.context import (
    Context,
    Hit,
    hit_at,
)
from xref.cite.models import (
    Citation,
    DocumentCitation,
    FootnoteCitation,
    IbidCitation,
    UnparsedCitation,
)
from xref.read.documents import Container, Document
from xref.resolve.resolution import Resolution

LINKED_REFS_MIN = 5
"""Unlinked ``Document N`` mentions are reported only in volumes with this many links."""

_DOC_TARGET = re.compile(r"^(?P<vol>frus[^#\s]*)?#d(?P<doc>\d+)(?:fn(?P<fn>[0-9a-z]+))?$")


def _doc_of_target(target: str, volume: str | None) -> tuple[str | None, int, str | None] | None:
    m = _DOC_TARGET.match(target.strip())
    if m is None:
        return None
    return (m.group("vol") or volume, int(m.group("doc")), m.group("fn"))


_SCHEMES = ("#", "frus", "http:", "https:", "mailto:")


def _refs(ctx: Context) -> Iterator[tuple[Document, Container, int, int, str]]:
    for doc in ctx.documents:
        for c in doc.containers():
            for r in c.refs:
                for t in r.target.split() or [""]:
                    yield doc, c, r.span.start, r.span.end, t


def ref_target_syntax(ctx: Context) -> Iterator[Hit]:
    """A ``<ref>`` target starts with ``#``, ``frus``, ``http`` or ``mailto`` and names an id."""
    own = ctx.ids.get(ctx.volume.id, frozenset()) if ctx.volume else frozenset()
    for doc, c, start, end, t in _refs(ctx):
        if not t:
            yield Hit("<ref> has an empty target", doc, c, start, end)
        elif not t.startswith(_SCHEMES):
            hint = f'write target="#{t}"' if t in own or re.match(r"d\d+", t) else None
            yield Hit(f"<ref> target {t!r} does not start with '#'", doc, c, start, end,
                      hint=hint)
        elif t == "#" or (t.startswith("frus") and t.endswith("#")):
            yield Hit(f"<ref> target {t!r} names no id", doc, c, start, end)


def ref_target_missing(ctx: Context) -> Iterator[Hit]:
    """A ``<ref>`` target names an id that exists (in this file, or in a loaded volume)."""
    if ctx.volume is None:
        return
    own = ctx.ids.get(ctx.volume.id, frozenset())
    for doc, c, start, end, t in _refs(ctx):
        vol, _, xid = t.partition("#")
        if not xid:
            continue
        if not vol:
            if xid not in own:
                yield Hit(f"<ref> target {t!r}: no xml:id {xid!r} in this volume",
                          doc, c, start, end)
        elif vol.startswith("frus") and vol in ctx.ids and xid not in ctx.ids[vol]:
            yield Hit(f"<ref> target {t!r}: volume {vol} has no xml:id {xid!r}",
                      doc, c, start, end)


_REF_DOC = re.compile(r"\bDoc(?:ument)?s?\.?\s+(\d+)\b", re.I)
_REF_FN = re.compile(r"\bfootnotes?\s+(\d+|[a-z])\b", re.I)
_REF_NUMBER = re.compile(r"^\s*(\d+)\s*[.,;]?\s*$")


def _cited_target(r: Resolution) -> tuple[str | None, int, str | None] | None:
    """``(volume, document, footnote)`` that a document or footnote citation names."""
    if r.method.removeprefix("ibid+") not in ("document-number", "footnote", "relative"):
        return None
    for value in (r.target, r.key):
        if value:
            m = _DOC_TARGET.match(value.strip())
            if m is not None:
                return (m.group("vol") or None, int(m.group("doc")), m.group("fn"))
    return None


def _overlapping(c: Container, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(r.span.start, r.span.end, t) for r in c.refs if r.span.start < end
            and start < r.span.end for t in r.target.split()]


def ref_text_mismatch(ctx: Context) -> Iterator[Hit]:
    """A ``<ref>``'s text (``Document 184``, ``vol. V, Document 28``) agrees with its target.

    The ref's own text is compared with its target; then the citation the ref sits in, as
    resolved (volume, document and footnote, ``ibid.`` included), is compared with it: a
    citation of another volume whose ref points into this one is reported.
    """
    if ctx.volume is None:
        return
    done: set[tuple[str, str, int]] = set()
    for doc, c, start, end, t in _refs(ctx):
        target = _doc_of_target(t, doc.volume)
        if target is None:
            continue
        _, number, fn = target
        text = c.text[start:end]
        bare = _REF_NUMBER.match(text)
        hit: Hit | None = None
        if bare is not None and fn is not None:
            if bare.group(1) not in (fn, str(number)):
                hit = Hit(f"<ref> text {text!r} names footnote {bare.group(1)} but its target "
                          f"is {t!r}", doc, c, start, end)
        elif (m := _REF_DOC.search(text) or bare) is not None and int(m.group(1)) != number:
            hit = Hit(f"<ref> text {text!r} names Document {m.group(1)} but its target is "
                      f"{t!r}", doc, c, start, end)
        elif (f := _REF_FN.search(text)) is not None and fn is not None and f.group(1) != fn:
            hit = Hit(f"<ref> text {text!r} names footnote {f.group(1)} but its target is "
                      f"{t!r}", doc, c, start, end)
        if hit is not None:
            done.add((doc.id, c.key, start))
            yield hit
    by_container: dict[tuple[str, str], list[tuple[Resolution, tuple[str | None, int,
                                                                     str | None]]]] = {}
    for r in ctx.resolutions():
        cited = _cited_target(r)
        if cited is not None:
            by_container.setdefault((r.document.id, r.container.key), []).append((r, cited))
    for doc, c, start, end, t in _refs(ctx):
        target = _doc_of_target(t, doc.volume)
        if target is None or (doc.id, c.key, start) in done or not doc.volume:
            continue
        # a ref may cover several citations ("footnotes 6 and 7, Document 263"): it is
        # wrong only when it agrees with none of them
        problems = [_ref_problem(r, cited, c, t, target, doc.volume)
                    for r, cited in by_container.get((doc.id, c.key), [])
                    if r.citation.span.start < end and start < r.citation.span.end]
        if problems and all(p is not None for p in problems):
            message, hint = next(p for p in problems if p is not None)
            yield Hit(message, doc, c, start, end, hint=hint)


_NAMES_VOLUME = re.compile(r"\b(?:vol|volume|ibid|Foreign Relations)\b", re.I)


def _ref_problem(
    r: Resolution,
    cited: tuple[str | None, int, str | None],
    c: Container,
    t: str,
    target: tuple[str | None, int, str | None],
    volume: str,
) -> tuple[str, str | None] | None:
    """How a ref target disagrees with a citation it overlaps, or None if it agrees."""
    cite = r.citation
    vol, number, fn = cited
    tvol, tnumber, tfn = target
    where = f"footnote {fn} of Document {number}" if fn else f"Document {number}"
    if vol != tvol:
        if tvol == volume and vol and _NAMES_VOLUME.search(cite.text):
            return (f"{cite.text!r} names {where} of {vol}, but its <ref> target {t!r} is in "
                    "this volume", f'write target="{vol}#d{number}{"fn" + fn if fn else ""}"')
        return None  # the text gives no volume of its own: trust the ref
    if tnumber != number:
        return f"{cite.text!r} names {where}, but its <ref> target is {t!r}", None
    if fn is not None and tfn is None:
        alone = len(_overlapping(c, cite.span.start, cite.span.end)) == 1
        if isinstance(cite, FootnoteCitation) and cite.document is not None and alone and (
            cite.text.lstrip().lower().startswith("footnote")
        ):  # "footnote 3, <ref target="#d16">Document 16</ref>"
            return (f"{cite.text!r} names {where}, but its <ref> target {t!r} is the document",
                    f'write target="{t}fn{fn}"')
        return None
    if fn is not None and tfn is not None and fn != tfn:
        return f"{cite.text!r} names {where}, but its <ref> target is {t!r}", None
    return None


_DASH_ONLY = re.compile(r"\s*[-\u2013\u2014]+\s*")
_RANGE_BEFORE = re.compile(r"(?:[-–—]|\bthrough|\bto)\s*$")
_RANGE_AFTER = re.compile(r"^\s*(?:[-–—]\s*\d|ff\b|through\b|et seq)")


def document_unlinked(ctx: Context) -> Iterator[Hit]:
    """In a TEI volume whose editors link cross-references, a ``Document N`` of this volume
    has a ``<ref>`` (not one that the volume lacks or that its words place elsewhere)."""
    if ctx.volume is None:
        return
    linked = sum(1 for *_, t in _refs(ctx) if _doc_of_target(t, None) is not None)
    if linked < LINKED_REFS_MIN:
        return
    numbers = {d.number for d in ctx.documents if d.number is not None}
    for doc in ctx.documents:
        for c in doc.containers():
            cites = ctx.citations(doc, c)
            for i, cite in enumerate(cites):
                if not isinstance(cite, DocumentCitation) or cite.number is None or (
                    cite.volume not in (None, doc.volume) and _NAMES_VOLUME.search(cite.text)
                ):
                    continue  # another volume's documents are linked by hand, if at all
                if cite.text.lstrip().startswith(("No", "doc")) or _DASH_ONLY.fullmatch(cite.text):
                    continue  # a range's inner documents are named by its dash
                s, e = cite.span.start, cite.span.end
                if str(cite.number) not in numbers or _elsewhere_at(c, cite, doc.volume) or (
                    cite.volume not in (None, doc.volume)
                    and _ELSEWHERE_BEFORE.search(c.text[max(0, s - 80):s])
                ):
                    continue  # no document of this volume: 'CAB Document 5031', '(Document
                    # 24)' after 'vol. IV, pp. 1098-1099', a source text's own footnote
                if any(r.span.start < e and s < r.span.end for r in c.refs):
                    continue
                if _RANGE_BEFORE.search(c.text[max(0, s - 10):s]):
                    continue
                if _RANGE_AFTER.match(c.text[e:e + 12]):
                    continue
                if i and isinstance(cites[i - 1], DocumentCitation) and _RANGE_BEFORE.search(
                    c.text[cites[i - 1].span.end:s]
                ):
                    continue
                yield hit_at(doc, c, cite, f"{cite.text!r} has no <ref>",
                           hint=f'wrap it: <ref target="#d{cite.number}">')


# -- dangling cross-references ---------------------------------------------------------------


def _other_volume_ref(c: Container, cite: Citation, volume: str | None) -> bool:
    """Whether a ``<ref>`` over the citation points into another volume (trust the ref)."""
    for _, _, t in _overlapping(c, cite.span.start, cite.span.end):
        vol = t.partition("#")[0]
        if vol and vol != volume:
            return True
    return False


_ELSEWHERE_BEFORE = re.compile(r"\b(?:vol\.|volume|Foreign Relations|pages?|pp?\.)[^.;]*$", re.I)
_ELSEWHERE_AFTER = re.compile(
    r"^[^.;]{0,30}?,\s*(?:p|pp|page|pages)\b\.?|^,?\s*(?:in|of)\s+(?:Foreign Relations|vol)",
    re.I,
)


_OTHER_BODY_BEFORE = re.compile(
    r"(?:\b[A-Z]{2,}|\b(?:Assembly|Council|Nations|Board|Commission|Committee))\s+$"
)
"""Another body's series of documents: ``NSC Document 5508``, ``CAB Document 5031``,
``United Nations General Assembly Document 2263``."""


_SOURCE_TEXT_NOTE = re.compile(r"\[Footnote in the source text\.?\]", re.I)


def _elsewhere(r: Resolution) -> bool:
    """Whether the citation's surroundings place it in another publication or volume.

    ``vol. 1, Documents 119-138`` of another series, ``footnote 7, p. 25`` of a page-numbered
    volume, ``Document 380 in Foreign Relations, ... volume IV``: the parser gives these no
    volume, so they would be taken for this volume's documents.
    """
    return _elsewhere_at(r.container, r.citation, r.document.volume)


def _elsewhere_at(c: Container, cite: Citation, volume: str | None) -> bool:
    """:func:`_elsewhere` for a citation in its container of a document of ``volume``."""
    s, e = cite.span.start, cite.span.end
    if _other_volume_ref(c, cite, volume):
        return True
    if _ELSEWHERE_AFTER.match(c.text[e:e + 40]):
        return True
    explicit = isinstance(cite, IbidCitation) or getattr(cite, "volume", None) is not None
    if not explicit and _OTHER_BODY_BEFORE.search(c.text[max(0, s - 40):s]):
        return True
    if _SOURCE_TEXT_NOTE.search(c.text):
        return True  # the original's own footnote: its references are not to FRUS
    return not explicit and bool(_ELSEWHERE_BEFORE.search(c.text[max(0, s - 80):s]))


def _unresolved(ctx: Context, methods: tuple[str, ...]) -> Iterator[Resolution]:
    for r in ctx.resolutions():
        if r.status == "unresolved" and r.method in methods and not _elsewhere(r):
            yield r


def dangling_document(ctx: Context) -> Iterator[Hit]:
    """``Document N`` names a document that exists, when its volume is loaded."""
    methods = ("document-number", "ibid+document-number", "footnote", "ibid+footnote")
    for r in _unresolved(ctx, methods):
        if "has no document" not in r.reason or r.citation.text.lstrip().startswith("No"):
            continue
        cited = _cited_target(r)
        if cited is None:
            continue
        vol, number, _ = cited
        yield Hit(f"Document {number} does not exist in {vol}", r.document, r.container,
                  r.citation.span.start, r.citation.span.end)


def dangling_footnote(ctx: Context) -> Iterator[Hit]:
    """``footnote M`` (``thereto``, ``, Document N``, ``above``) names a footnote that exists."""
    for r in _unresolved(ctx, ("footnote", "ibid+footnote")):
        cite = r.citation
        if "has no footnote" not in r.reason:
            continue
        if isinstance(cite, IbidCitation) and not (
            isinstance(cite.locator, FootnoteCitation) and cite.locator.document is not None
        ):
            continue  # "ibid., footnote 5": the footnote of the repeated publication
        cited = _cited_target(r)
        owner = ctx.corpus.by_id(f"{cited[0]}#d{cited[1]}") if cited and cited[0] else None
        label = cited[2] if cited else None
        if owner is None or label is None:
            continue
        name = "this document" if owner is r.document else f"Document {owner.number}"
        yield Hit(f"footnote {label} does not exist in {name}", r.document, r.container,
                  cite.span.start, cite.span.end)


# -- ibid ----------------------------------------------------------------------------------

_ARCHIVAL_KINDS = frozenset({
    "central_file", "subject_file", "lot_file", "records_center", "library",
    "national_archives", "electronic_telegram", "electronic_record", "cia",
    "other_repository",
})


def _ibids(ctx: Context) -> Iterator[tuple[Resolution, list[Citation], list[Citation]]]:
    """Each ibid, with the citations before it in its document and in the previous note."""
    for doc in ctx.documents:
        before: list[Citation] = []
        previous: list[Citation] = []
        for c in doc.containers():
            resolved = ctx.resolved_in(doc, c)
            for i, r in enumerate(resolved):
                if isinstance(r.citation, IbidCitation):
                    yield r, [*before, *(x.citation for x in resolved[:i])], previous
            useful = [x.citation for x in resolved
                      if not isinstance(x.citation, UnparsedCitation)]
            if useful:
                before.extend(useful)
                previous = useful


def ibid_no_antecedent(ctx: Context) -> Iterator[Hit]:
    """``Ibid.`` opening a document's first note, with nothing earlier to repeat.

    The resolver finds no antecedent for many an ibid whose antecedent is prose (a book
    quoted in the running text); only an ibid that opens the document's first note, where
    nothing can come before it, is reported.
    """
    for r, before, _ in _ibids(ctx):
        doc, c, cite = r.document, r.container, r.citation
        if r.status != "unresolved" or r.method != "ibid" or before:
            continue
        first_note = c.where == "source" or (
            doc.source is None and c.where == "footnote" and doc.footnotes
            and doc.footnotes[0].container is c
        )
        opening = re.match(r"^\W*(?:source\s*:)?\W*$", c.text[:cite.span.start], re.I)
        if first_note and opening:
            yield hit_at(doc, c, cite, f"{cite.text!r} has no earlier citation to repeat")


def ibid_ambiguous(ctx: Context) -> Iterator[Hit]:
    """``Ibid.`` that fits several documents, or opens a note after one citing two archives."""
    for r, before, previous in _ibids(ctx):
        doc, c, cite = r.document, r.container, r.citation
        assert isinstance(cite, IbidCitation)
        if r.status == "ambiguous":
            yield hit_at(doc, c, cite, f"{cite.text!r} repeats a citation that fits "
                       f"{len(r.candidates)} documents ({', '.join(r.candidates[:3])})")
            continue
        if cite.locator is not None or cite.path or not before:
            continue  # a locator says which source is meant
        own = [x for x in ctx.citations(doc, c) if x.span.start < cite.span.start]
        after = c.text[cite.span.end:cite.span.end + 6]
        if own or re.match(r"^[\s.,;:]*[A-Z0-9]", after):
            continue  # text after the ibid (", Central Files, ...") is its locator
        kinds = {x.kind for x in previous if x.kind in _ARCHIVAL_KINDS}
        if len(kinds) >= 2:
            yield hit_at(doc, c, cite, f"{cite.text!r} may repeat any of "
                       f"{len(kinds)} sources of the previous note ({', '.join(sorted(kinds))})")



_BARE_REFERENCE = re.compile(
    r"^(?:(?:ref|ur|our|my|Dep|Emb)tels?\b(?!\s*\d)|telegram\s+No\.\s*\d)", re.I
)


def unparsed(ctx: Context) -> Iterator[Hit]:
    """Citation-like text parses."""
    for doc, c, cite in ctx.located():
        if (isinstance(cite, UnparsedCitation) and not _BARE_REFERENCE.match(cite.text)
                and "\n" not in cite.text
                and not re.match(r"\s*(?:No\.|/\d)", c.text[cite.span.end:])):
            yield hit_at(doc, c, cite, f"{cite.text[:60]!r} looks like a citation but does not "
                       f"parse: {cite.reason}")
