"""The rules of ``xref check``: an ordered table of named functions with stable ids.

Each :class:`Rule` has an id (``XR001`` ...), a name, a default severity, a one-line summary
and a hint, and a function that takes a :class:`Context` (one file: a TEI volume or a
plain-text document, with the corpus it is checked against) and yields :class:`Hit`\\ s.
:func:`xref.checks.runner.check` turns hits into located findings. Rule ids are a public contract:
rules may be added, never renumbered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date as _date

from attrs import define, field, frozen

from xref.cite.find import find_citations
from xref.cite.models import (
    CentralFileCitation,
    Citation,
    DocumentCitation,
    FootnoteCitation,
    IbidCitation,
    TelegramCitation,
    UnparsedCitation,
)
from xref.cite.names import canonical_party
from xref.read.documents import Container, Document, Volume
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import Resolution, complete_date, resolve_documents

__all__ = ["RULES", "SEVERITIES", "Context", "Hit", "Rule", "rule_by_id"]

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""Severities, most severe first."""

FILE_DATE_BEFORE_DAYS = 180
"""A source note's decimal file may be dated this many days before its document (filed with
an earlier paper it answers) ..."""
FILE_DATE_SLIP_DAYS = 27
"""... but only this many when it differs from the document's date in one field (a slip)."""
FILE_DATE_AFTER_DAYS = 60
"""... and this many days after it (filing lags)."""
LINKED_REFS_MIN = 5
"""Unlinked ``Document N`` mentions are reported only in volumes with this many links."""


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


# -- helpers -------------------------------------------------------------------------------


def _day(value: str | None) -> _date | None:
    if not value or len(value) < 10 or not value[:4].isdigit():
        return None
    try:
        return _date.fromisoformat(value[:10])
    except ValueError:
        return None


def _inline(c: Container) -> bool:
    return dict(c.attributes).get("rend") == "inline"


def _hit(doc: Document, c: Container, cite: Citation, message: str,
         hint: str | None = None) -> Hit:
    return Hit(message, doc, c, cite.span.start, cite.span.end, hint=hint)


def _note_name(c: Container) -> str:
    return f"footnote {c.label}" if c.label else f"note {c.note}"


_DOC_TARGET = re.compile(r"^(?P<vol>frus[^#\s]*)?#d(?P<doc>\d+)(?:fn(?P<fn>[0-9a-z]+))?$")


def _doc_of_target(target: str, volume: str | None) -> tuple[str | None, int, str | None] | None:
    m = _DOC_TARGET.match(target.strip())
    if m is None:
        return None
    return (m.group("vol") or volume, int(m.group("doc")), m.group("fn"))


# -- footnote structure --------------------------------------------------------------------

_MARKER_CODES = ("marker-without-footnote", "footnote-without-marker", "duplicate-marker")


def marker_mismatch(ctx: Context) -> Iterator[Hit]:
    """Plain text: a marker ``(n)`` with no footnote, a footnote with no marker, or twice."""
    for doc in ctx.documents:
        for d in doc.diagnostics:
            if d.code in _MARKER_CODES:
                yield Hit(d.message, doc, line=d.line)


def footnote_sequence(ctx: Context) -> Iterator[Hit]:
    """Numbered footnotes of a document run 1, 2, 3 ... in order, with no gap or repeat."""
    for doc in ctx.documents:
        expected: int | None = None
        if doc.source is not None and (doc.source.container.label or "").isdigit():
            expected = int(doc.source.container.label or "0") + 1
        last_text: str | None = None
        notes = [f for f in doc.footnotes if f.label is not None and f.label.isdigit()
                 and not _inline(f.container) and "target" not in dict(f.container.attributes)]
        skip = False
        for i, f in enumerate(notes):
            if skip:
                skip = False
                continue
            n = int(f.label or "0")
            if expected is not None and n == expected - 1 and f.text == last_text:
                continue  # the same note printed again at a second marker
            if expected is not None and n == 1 and expected > 1:
                expected = 2
                continue  # numbering restarts: a source-text footnote reproduced
            last_text = f.text
            if expected is None:
                expected = 1 if n <= 2 else n
                if n not in (1, 2):
                    yield Hit(f"footnote {n} is the first numbered footnote (expected 1 or 2)",
                              doc, f.container)
            elif n == expected + 1 and i + 1 < len(notes) and notes[i + 1].label == str(
                expected
            ):
                yield Hit(f"footnote {n} comes before footnote {expected}", doc, f.container,
                          hint="swap the two footnotes' numbers")
                skip = True
            elif n != expected:
                yield Hit(f"footnote {n} is out of sequence (expected {expected})", doc,
                          f.container)
            expected = n + 1


_NOTE_ID = re.compile(r"^(?P<doc>d\d+)fn")


def footnote_id(ctx: Context) -> Iterator[Hit]:
    """A footnote's ``xml:id`` before ``fn`` equals its document's id."""
    if not ctx.tei:
        return
    for doc in ctx.documents:
        for c in doc.containers():
            if c.note is None:
                continue
            m = _NOTE_ID.match(c.note)
            if m is not None and m.group("doc") != doc.local_id:
                yield Hit(f"note id {c.note!r} names {m.group('doc')!r} but sits in document "
                          f"{doc.local_id!r}", doc, c,
                          hint=f"rename it {doc.local_id}fn{c.note[m.end():]}")


def nested_footnote(ctx: Context) -> Iterator[Hit]:
    """No footnote inside another (``rend="inline"`` notes excepted)."""
    for doc in ctx.documents:
        notes = {c.key: c for c in doc.containers() if c.where in ("source", "footnote")}
        for c in notes.values():
            parent = c.parent
            if parent is None or parent in ("body", "heading", "dateline"):
                continue
            outer = notes.get(parent)
            if _inline(c) or (outer is not None and _inline(outer)):
                continue
            where = _note_name(outer) if outer is not None else parent
            yield Hit(f"{_note_name(c)} is nested inside {where}", doc, c)


def duplicate_id(ctx: Context) -> Iterator[Hit]:
    """``xml:id``\\ s are unique in a volume."""
    if ctx.volume is None:
        return
    for d in ctx.volume.diagnostics:
        if d.code == "duplicate-id":
            yield Hit(d.message, line=d.line)


# -- ref targets ---------------------------------------------------------------------------

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


_RANGE_BEFORE = re.compile(r"(?:[-–—]|\bthrough|\bto)\s*$")
_RANGE_AFTER = re.compile(r"^\s*(?:[-–—]\s*\d|ff\b|through\b|et seq)")


def document_unlinked(ctx: Context) -> Iterator[Hit]:
    """In a TEI volume whose editors link cross-references, a ``Document N`` has a ``<ref>``."""
    if ctx.volume is None:
        return
    linked = sum(1 for *_, t in _refs(ctx) if _doc_of_target(t, None) is not None)
    if linked < LINKED_REFS_MIN:
        return
    for doc in ctx.documents:
        for c in doc.containers():
            cites = ctx.citations(doc, c)
            for i, cite in enumerate(cites):
                if not isinstance(cite, DocumentCitation) or cite.number is None or (
                    cite.volume not in (None, doc.volume) and _NAMES_VOLUME.search(cite.text)
                ):
                    continue  # another volume's documents are linked by hand, if at all
                if cite.text.lstrip().startswith(("No", "doc")):
                    continue
                s, e = cite.span.start, cite.span.end
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
                yield _hit(doc, c, cite, f"{cite.text!r} has no <ref>",
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
    c, cite = r.container, r.citation
    s, e = cite.span.start, cite.span.end
    if _other_volume_ref(c, cite, r.document.volume):
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
            yield _hit(doc, c, cite, f"{cite.text!r} has no earlier citation to repeat")


def ibid_ambiguous(ctx: Context) -> Iterator[Hit]:
    """``Ibid.`` that fits several documents, or opens a note after one citing two archives."""
    for r, before, previous in _ibids(ctx):
        doc, c, cite = r.document, r.container, r.citation
        assert isinstance(cite, IbidCitation)
        if r.status == "ambiguous":
            yield _hit(doc, c, cite, f"{cite.text!r} repeats a citation that fits "
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
            yield _hit(doc, c, cite, f"{cite.text!r} may repeat any of "
                       f"{len(kinds)} sources of the previous note ({', '.join(sorted(kinds))})")


# -- dates and telegram channels -------------------------------------------------------------


_FILED_WITH = re.compile(r"\b(?:filed with|attached to|enclosure to|filed under)\b", re.I)


def file_date(ctx: Context) -> Iterator[Hit]:
    """A source note's decimal file is dated near its document (not before, not long after)."""
    for doc in ctx.documents:
        when = _day(doc.date)
        if when is None or doc.source is None:
            continue
        c = doc.source.container
        for cite in ctx.citations(doc, c):
            if isinstance(cite, IbidCitation) and isinstance(cite.locator, CentralFileCitation):
                cite_file = cite.locator
            elif isinstance(cite, CentralFileCitation):
                cite_file = cite
            else:
                continue
            filed = _day(cite_file.date)
            if filed is not None and not _FILED_WITH.search(c.text):
                delta = (filed - when).days
                # one field changed (2-1261 for April 12, 1961) is a slip; a month or two
                # before is usual (papers filed with the message they answer)
                slip = filed.day == when.day and (filed.month == when.month
                                                  or filed.year == when.year)
                if (delta > FILE_DATE_AFTER_DAYS or delta < -FILE_DATE_BEFORE_DAYS
                        or (slip and delta < -FILE_DATE_SLIP_DAYS)):
                    yield _hit(doc, c, cite, f"file {cite_file.file} is dated {filed} but the "
                               f"document is dated {when} ({delta:+d} days)")
            break


def _number(value: str | None) -> int | None:
    if value is None:
        return None
    m = re.fullmatch(r"\s*(?:[A-Za-z]+\s+)?(\d+)\s*", value)
    return int(m.group(1)) if m else None


def _body_telegrams(ctx: Context, doc: Document) -> list[Resolution]:
    return [r for r in ctx.resolved_in(doc, doc.body) if isinstance(r.citation, TelegramCitation)]


def _is_telegram(d: Document) -> bool:
    return bool(d.genre and "telegram" in d.genre)


def telegram_after(ctx: Context) -> Iterator[Hit]:
    """A telegram cited in a document's text is not dated after that document.

    The cited telegram is the one its channel resolves to (or that the editors' footnote
    names, when that telegram has the cited number); a date written in the citation counts
    too.
    """
    for doc in ctx.documents:
        when = _day(doc.date)
        if when is None:
            continue
        for r in _body_telegrams(ctx, doc):
            cite = r.citation
            assert isinstance(cite, TelegramCitation)
            target = ctx.corpus.by_id(r.channel_target) if r.channel_target else None
            how = "by its channel"
            if target is None and r.evidence:
                found = ctx.corpus.by_id(r.evidence)
                if found is not None and _is_telegram(found) and (
                    _number(found.own_number) == _number(cite.number) is not None
                ):
                    target, how = found, "per the editors' footnote"
            tday = _day(target.date) if target is not None else None
            if target is not None and tday is not None and tday > when:
                yield _hit(doc, doc.body, cite, f"{cite.text!r} is Document {target.number} "
                           f"({how}), dated {tday}, after this document ({when})")
                continue
            cday = _day(complete_date(cite.date, doc.date))
            if cday is not None and cday > when and cite.date and not cite.date.startswith("--"):
                yield _hit(doc, doc.body, cite, f"{cite.text!r} is dated {cday}, after this "
                           f"document ({when})")


def _same_party(a: str | None, b: str | None) -> bool:
    return bool(a and b and canonical_party(a) == canonical_party(b))


_FOLLOWING = re.compile(r"\b(?:following|follows|next|below|septel)\b", re.I)


def channel_order(ctx: Context) -> Iterator[Hit]:
    """A telegram cites only lower-numbered telegrams of its own channel (``ourtel``).

    A cited telegram resolved by channel that has the citing telegram's sender, recipient and
    series, a higher number and an earlier date is out of order (telegrams sent together the
    same day may cite each other, and numbering restarts each year, so only near numbers
    count). An ``ourtel`` that resolves to nothing is judged by its number alone.
    """
    for doc in ctx.documents:
        own = _number(doc.own_number)
        when = _day(doc.date)
        if own is None or not _is_telegram(doc):
            continue
        near = range(own + 1, own + max(own, 100))
        for r in _body_telegrams(ctx, doc):
            cite = r.citation
            assert isinstance(cite, TelegramCitation)
            if cite.span.start < 3 or cite.relative:
                continue  # the telegram's own number
            target = ctx.corpus.by_id(r.channel_target) if r.channel_target else None
            if target is not None:
                tn, tday = _number(target.own_number), _day(target.date)
                if (tn in near and target is not doc and tday is not None and when is not None
                        and tday < when and (target.series or "") == (doc.series or "")
                        and _same_party(target.sender, doc.sender)
                        and _same_party(target.recipient, doc.recipient)):
                    yield _hit(doc, doc.body, cite, f"{cite.text!r} is telegram {tn} "
                               f"(Document {target.number}, {tday}), numbered after this "
                               f"telegram ({own}, {when}) on the same channel")
                continue
            series = cite.series.lower()
            same = series in ("ourtel", "ourtels", "mytel", "mytels") or (
                doc.series is not None and series == doc.series.lower()
            )
            around = doc.body.text[max(0, cite.span.start - 40):cite.span.end + 40]
            if same and _number(cite.number) in near and not _FOLLOWING.search(around):
                yield _hit(doc, doc.body, cite, f"{cite.text!r} is numbered after this "
                           f"telegram ({doc.channel[2]}) on the same channel")


def _telegram_clusters(
    ctx: Context, doc: Document
) -> Iterator[tuple[list[Resolution], Container]]:
    """Telegram citations in the body right before a footnote marker, with that footnote."""
    body = doc.body
    cites = _body_telegrams(ctx, doc)
    for f in doc.footnotes:
        a = f.container.anchor
        if a is None or f.container.parent != "body":
            continue
        cluster: list[Resolution] = []
        edge = a
        for r in reversed(cites):
            if r.citation.span.end > edge:
                continue
            gap = body.text[r.citation.span.end:edge]
            if len(gap) > 8 or re.search(r"[A-Za-z]{4,}", gap.replace(" and ", "")):
                break
            cluster.insert(0, r)
            edge = r.citation.span.start
        if cluster:
            yield cluster, f.container


_POINTER_NOTE = re.compile(r"\s*(?:See\s+)?Documents?\s+\d")


def footnote_other_telegram(ctx: Context) -> Iterator[Hit]:
    """The editor's footnote on a telegram reference names that telegram, not another.

    A footnote that only points (``Documents 289 and 290.``) right after telegram references
    (``Embtels 596 and 597``) is matched with them in order. A pair disagrees when the
    telegram's channel resolves to another document, or when the footnote names a telegram
    whose number none of the references cites.
    """
    for doc in ctx.documents:
        for cluster, note in _telegram_clusters(ctx, doc):
            if not _POINTER_NOTE.match(note.text):
                continue
            named = [ctx.corpus.by_id(r.target) for r in ctx.resolved_in(doc, note)
                     if isinstance(r.citation, DocumentCitation) and r.target]
            targets = [d for d in named if d is not None]
            if len(targets) != len(cluster) or len(named) != len(targets):
                continue
            cited = {_number(r.citation.number) for r in cluster
                     if isinstance(r.citation, TelegramCitation)}
            ids = {d.id for d in targets}
            for r, target in zip(cluster, targets, strict=True):
                tn = _number(target.own_number)
                channel = ctx.corpus.by_id(r.channel_target) if r.channel_target else None
                if len(cluster) > 1 and channel is not None and channel.id in ids:
                    continue  # a list of references, with its documents in another order
                if channel is not None and channel is not target and (
                    tn != _number(channel.own_number)
                    or channel.volume == doc.volume == target.volume
                ):
                    yield Hit(f"{_note_name(note)} names Document {target.number}, but "
                              f"{r.citation.text!r} is Document {channel.number} by its "
                              f"channel ({channel.channel[0]} to {channel.channel[1]}, "
                              f"{channel.date})", doc, note,
                              hint="check the footnote's document number against the telegram "
                              "number")
                    break
                if channel is None and _is_telegram(target) and tn is not None and (
                    None not in cited and tn not in cited
                ):
                    text = ", ".join(x.citation.text for x in cluster)
                    yield Hit(f"{_note_name(note)} names Document {target.number} (telegram "
                              f"{target.channel[2]}), but the text cites {text}", doc, note,
                              hint="check the footnote's document number against the telegram "
                              "number")
                    break


_BARE_REFERENCE = re.compile(
    r"^(?:(?:ref|ur|our|my|Dep|Emb)tels?\b(?!\s*\d)|telegram\s+No\.\s*\d)", re.I
)


def unparsed(ctx: Context) -> Iterator[Hit]:
    """Citation-like text parses."""
    for doc, c, cite in ctx.located():
        if (isinstance(cite, UnparsedCitation) and not _BARE_REFERENCE.match(cite.text)
                and "\n" not in cite.text
                and not re.match(r"\s*(?:No\.|/\d)", c.text[cite.span.end:])):
            yield _hit(doc, c, cite, f"{cite.text[:60]!r} looks like a citation but does not "
                       f"parse: {cite.reason}")


RULES: tuple[Rule, ...] = (
    Rule("XR001", "marker-mismatch", "error",
         "footnote markers and footnotes match one to one (plain text)",
         "add the missing footnote or marker, or remove the extra one", marker_mismatch),
    Rule("XR002", "footnote-sequence", "warning",
         "footnotes are numbered in sequence, with no gap, repeat or swap",
         "renumber the footnotes 1, 2, 3 ... in reading order", footnote_sequence),
    Rule("XR003", "footnote-id", "error",
         "a footnote id's document part equals its document's id",
         "make the part before 'fn' the document's xml:id", footnote_id),
    Rule("XR004", "nested-footnote", "error",
         "no footnote inside another footnote",
         "move the inner note out, or mark it rend=\"inline\"", nested_footnote),
    Rule("XR005", "duplicate-id", "error", "xml:ids are unique in a volume",
         "give one of the elements a new xml:id", duplicate_id),
    Rule("XR006", "ref-target-syntax", "error",
         "a <ref> target starts with '#', 'frus', 'http' or 'mailto' and names an id",
         "write the target as #ID or VOLUME#ID", ref_target_syntax),
    Rule("XR007", "ref-target-missing", "error",
         "a <ref> target names an id that exists",
         "point the ref at an existing xml:id", ref_target_missing),
    Rule("XR008", "ref-text-mismatch", "warning",
         "a <ref>'s target agrees with its text and the citation it sits in",
         "fix the number in the text or in @target", ref_text_mismatch),
    Rule("XR009", "document-unlinked", "info",
         "a 'Document N' mention in a TEI volume has a <ref>",
         "wrap the mention in <ref target=\"#dN\">", document_unlinked),
    Rule("XR010", "dangling-document", "error",
         "'Document N' names a document of a loaded volume that exists",
         "check the document number", dangling_document),
    Rule("XR011", "dangling-footnote", "error",
         "'footnote M' names a footnote that exists in its document",
         "check the footnote number and the document it is in", dangling_footnote),
    Rule("XR012", "ibid-no-antecedent", "warning",
         "'Ibid.' has an earlier citation to repeat",
         "replace 'Ibid.' with the full citation", ibid_no_antecedent),
    Rule("XR013", "ibid-ambiguous", "info",
         "'Ibid.' repeats one source, not one of several",
         "repeat the full citation instead of 'Ibid.'", ibid_ambiguous),
    Rule("XR014", "file-date", "warning",
         "a source note's decimal file date agrees with the document's date",
         "check the file number's date part and the dateline", file_date),
    Rule("XR015", "telegram-after", "warning",
         "a telegram cited in the text is not dated after the citing document",
         "check the telegram number, the footnote and the dateline", telegram_after),
    Rule("XR016", "channel-order", "warning",
         "a telegram cites only lower-numbered telegrams of its own channel",
         "check the cited telegram's number", channel_order),
    Rule("XR017", "footnote-other-telegram", "warning",
         "an editor's footnote on a telegram reference names that telegram",
         "check the footnote's document number against the telegram number",
         footnote_other_telegram),
    Rule("XR018", "unparsed-citation", "info",
         "citation-like text parses",
         "check the citation's wording against the usual forms", unparsed),
)
"""Every rule, in id order."""


def rule_by_id(rule_id: str) -> Rule | None:
    """The rule with this id (``XR012``) or name (``ibid-ambiguous``), or None."""
    for r in RULES:
        if rule_id.upper() == r.id or rule_id.lower() == r.name:
            return r
    return None
