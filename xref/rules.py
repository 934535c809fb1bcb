"""The rules of ``xref check``: an ordered table of named functions with stable ids.

Each :class:`Rule` has an id (``XR001`` ...), a name, a default severity, a one-line summary
and a hint, and a function that takes a :class:`Context` (one file: a TEI volume or a
plain-text document, with the corpus it is checked against) and yields :class:`Hit`\\ s.
:func:`xref.linter.check` turns hits into located findings. Rule ids are a public contract:
rules may be added, never renumbered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date as _date

from attrs import define, field, frozen

from xref.corpus import Corpus
from xref.documents import Container, Document, Volume
from xref.find import find_citations
from xref.models import (
    CentralFileCitation,
    Citation,
    DocumentCitation,
    FootnoteCitation,
    IbidCitation,
    TelegramCitation,
    UnparsedCitation,
)
from xref.names import canonical_party

__all__ = ["RULES", "SEVERITIES", "Context", "Hit", "Rule", "rule_by_id"]

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""Severities, most severe first."""

FILE_DATE_BEFORE_DAYS = 30
"""A source note's decimal file may be dated this many days before its document."""
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
    failures: list[tuple[Document, Container, Exception]] = field(factory=list)
    """Containers whose text the citation finder failed on (their citations are skipped)."""
    _cache: dict[tuple[str, str], list[Citation]] = field(factory=dict)

    @property
    def tei(self) -> bool:
        """Whether the file is a TEI volume."""
        return self.volume is not None

    def citations(self, doc: Document, container: Container) -> list[Citation]:
        """The citations found in ``container`` (cached)."""
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
        for f in doc.footnotes:
            attributes = dict(f.container.attributes)
            if (f.label is None or not f.label.isdigit() or _inline(f.container)
                    or "target" in attributes):
                continue
            n = int(f.label)
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


def ref_text_mismatch(ctx: Context) -> Iterator[Hit]:
    """A ``<ref>``'s text (``Document 184``) agrees with its target (``#d184``)."""
    if ctx.volume is None:
        return
    for doc, c, start, end, t in _refs(ctx):
        target = _doc_of_target(t, doc.volume)
        if target is None:
            continue
        _, number, fn = target
        text = c.text[start:end]
        bare = _REF_NUMBER.match(text)
        if bare is not None and fn is not None:
            if bare.group(1) not in (fn, str(number)):
                yield Hit(f"<ref> text {text!r} names footnote {bare.group(1)} but its target "
                          f"is {t!r}", doc, c, start, end)
            continue
        m = _REF_DOC.search(text) or bare
        if m is not None and int(m.group(1)) != number:
            yield Hit(f"<ref> text {text!r} names Document {m.group(1)} but its target is "
                      f"{t!r}", doc, c, start, end)
            continue
        f = _REF_FN.search(text)
        if f is not None and fn is not None and f.group(1) != fn:
            yield Hit(f"<ref> text {text!r} names footnote {f.group(1)} but its target is "
                      f"{t!r}", doc, c, start, end)


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
                if not isinstance(cite, DocumentCitation) or cite.number is None:
                    continue
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


def _loaded(ctx: Context, volume: str | None) -> bool:
    return volume is not None and volume in ctx.ids


def _other_volume_ref(c: Container, cite: Citation, volume: str | None) -> bool:
    """Whether a ``<ref>`` over the citation points into another volume (trust the ref)."""
    s, e = cite.span.start, cite.span.end
    for r in c.refs:
        if r.span.start < e and s < r.span.end:
            vol = r.target.partition("#")[0]
            if vol and vol != volume:
                return True
    return False


_ELSEWHERE_BEFORE = re.compile(r"\b(?:vol\.|volume|Foreign Relations|pages?|pp?\.)[^.;]*$", re.I)
_ELSEWHERE_AFTER = re.compile(r"^[^.;]{0,30}?,\s*(?:p|pp|page|pages)\b\.?", re.I)


def dangling_document(ctx: Context) -> Iterator[Hit]:
    """``Document N`` names a document that exists when its volume is loaded."""
    for doc, c, cite in ctx.located():
        if isinstance(cite, DocumentCitation) and cite.number is not None:
            number = cite.number
        elif isinstance(cite, FootnoteCitation) and cite.document is not None:
            number = cite.document
        else:
            continue
        if cite.text.lstrip().startswith("No") or _other_volume_ref(c, cite, doc.volume):
            continue
        s = cite.span.start
        if getattr(cite, "volume", None) is None and _ELSEWHERE_BEFORE.search(
            c.text[max(0, s - 80):s]
        ):
            continue  # "vol. 1, Documents 119-138" of another publication
        vol = getattr(cite, "volume", None) or doc.volume
        if _loaded(ctx, vol) and ctx.corpus.by_number(vol, number) is None:
            yield _hit(doc, c, cite, f"Document {number} does not exist in {vol}")


def _relative_doc(ctx: Context, doc: Document, step: int) -> Document | None:
    docs = ctx.documents
    for i, d in enumerate(docs):
        if d is doc:
            j = i + step
            return docs[j] if 0 <= j < len(docs) else None
    return None


def dangling_footnote(ctx: Context) -> Iterator[Hit]:
    """``footnote M thereto`` (or ``, Document N``, ``above``, ``supra``) names a footnote."""
    for doc, c, cite in ctx.located():
        if not isinstance(cite, FootnoteCitation):
            continue
        s, e = cite.span.start, cite.span.end
        if (_ELSEWHERE_BEFORE.search(c.text[max(0, s - 80):s])
                or _ELSEWHERE_AFTER.match(c.text[e:e + 40])
                or _other_volume_ref(c, cite, doc.volume)):
            continue
        vol = cite.volume or doc.volume
        number = cite.document
        if number is None and cite.text.rstrip().endswith("thereto"):
            earlier = [x for x in ctx.citations(doc, c) if isinstance(x, DocumentCitation)
                       and x.span.end <= s and x.number is not None]
            if not earlier:
                continue
            number, vol = earlier[-1].number, earlier[-1].volume or doc.volume
        target: Document | None
        if number is not None:
            if not _loaded(ctx, vol):
                continue
            target = ctx.corpus.by_number(vol, number)
        elif cite.relative == "previous":
            target = _relative_doc(ctx, doc, -1)
        elif cite.relative == "next":
            target = _relative_doc(ctx, doc, 1)
        else:
            target = doc
        if target is None:
            continue
        labels = {f.label for f in target.footnotes}
        if target.source is not None:
            labels.add(target.source.container.label)
        if cite.number not in labels:
            name = "this document" if target is doc else f"Document {target.number}"
            yield _hit(doc, c, cite, f"footnote {cite.number} does not exist in {name}")


# -- ibid ----------------------------------------------------------------------------------

_REPOSITORY_KINDS = frozenset({
    "central_file", "subject_file", "lot_file", "records_center", "library",
    "national_archives", "electronic_telegram", "electronic_record", "cia",
    "other_repository", "publication", "other_publication",
})


def _ibids(ctx: Context) -> Iterator[tuple[Document, Container, IbidCitation, list[Citation],
                                           list[Citation]]]:
    """Each ibid, with the citations before it in its container and in the previous one."""
    for doc in ctx.documents:
        before: list[Citation] = []
        previous: list[Citation] = []
        for c in doc.containers():
            cites = ctx.citations(doc, c)
            for i, cite in enumerate(cites):
                if isinstance(cite, IbidCitation):
                    yield doc, c, cite, [*before, *cites[:i]], previous
            useful = [x for x in cites if not isinstance(x, UnparsedCitation)]
            if useful:
                before.extend(useful)
                previous = useful


def ibid_no_antecedent(ctx: Context) -> Iterator[Hit]:
    """``Ibid.`` repeats a citation earlier in the document (the source note comes first)."""
    for doc, c, cite, before, _ in _ibids(ctx):
        if before:
            continue
        first_note = c.where == "source" or (
            doc.source is None and c.where == "footnote" and doc.footnotes
            and doc.footnotes[0].container is c
        )
        opening = re.match(r"^\W*(?:source\s*:)?\W*$", c.text[:cite.span.start], re.I)
        if first_note and opening:
            yield _hit(doc, c, cite, f"{cite.text!r} has no earlier citation to repeat")


def ibid_ambiguous(ctx: Context) -> Iterator[Hit]:
    """``Ibid.`` opening a note whose previous note cites more than one repository."""
    for doc, c, cite, before, previous in _ibids(ctx):
        if cite.locator is not None or cite.path:
            continue  # a locator says which source is meant
        own = [x for x in ctx.citations(doc, c) if x.span.start < cite.span.start]
        if own or not before:
            continue
        kinds = {x.kind for x in previous if x.kind in _REPOSITORY_KINDS}
        if len(kinds) >= 2:
            yield _hit(doc, c, cite, f"{cite.text!r} may repeat any of "
                       f"{len(kinds)} sources of the previous note ({', '.join(sorted(kinds))})")


# -- dates and telegram channels -------------------------------------------------------------


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
            if filed is not None:
                delta = (filed - when).days
                if delta < -FILE_DATE_BEFORE_DAYS or delta > FILE_DATE_AFTER_DAYS:
                    yield _hit(doc, c, cite, f"file {cite_file.file} is dated {filed} but the "
                               f"document is dated {when} ({delta:+d} days)")
            break


def _telegram_clusters(
    ctx: Context, doc: Document
) -> Iterator[tuple[list[TelegramCitation], Container, Container]]:
    """Telegram citations in the body right before a footnote marker, with that footnote."""
    body = doc.body
    cites = [x for x in ctx.citations(doc, body) if isinstance(x, TelegramCitation)]
    for f in doc.footnotes:
        a = f.container.anchor
        if a is None or f.container.parent != "body":
            continue
        cluster: list[TelegramCitation] = []
        edge = a
        for cite in reversed(cites):
            if cite.span.end > edge:
                continue
            gap = body.text[cite.span.end:edge]
            if len(gap) > 8 or re.search(r"[A-Za-z]{4,}", gap.replace(" and ", "")):
                break
            cluster.insert(0, cite)
            edge = cite.span.start
        if cluster:
            yield cluster, body, f.container


def _targets(c: Container, volume: str | None, ctx: Context) -> list[Document]:
    out = []
    for r in c.refs:
        t = _doc_of_target(r.target, volume)
        if t is not None and t[2] is None and t[0] is not None:
            d = ctx.corpus.by_number(t[0], t[1])
            if d is not None:
                out.append(d)
    return out


def _number(value: str | None) -> int | None:
    if value is None:
        return None
    m = re.fullmatch(r"\s*(?:[A-Za-z]+\s+)?(\d+)\s*", value)
    return int(m.group(1)) if m else None


def telegram_after(ctx: Context) -> Iterator[Hit]:
    """A telegram cited in a document's text is not dated after that document."""
    for doc in ctx.documents:
        when = _day(doc.date)
        if when is None:
            continue
        for cluster, body, note in _telegram_clusters(ctx, doc):
            if len(cluster) != 1:
                continue
            for target in _targets(note, doc.volume, ctx):
                tday = _day(target.date)
                if tday is not None and tday > when:
                    first = cluster[0]
                    yield _hit(doc, body, first, f"{first.text!r} is Document {target.number} "
                               f"(per {_note_name(note)}), dated {tday}, after this document "
                               f"({when})")
        for cite in ctx.citations(doc, doc.body):
            if isinstance(cite, TelegramCitation):
                tday = _day(cite.date)
                if tday is not None and tday > when:
                    yield _hit(doc, doc.body, cite, f"{cite.text!r} is dated {tday}, after "
                               f"this document ({when})")


def _same_party(a: str | None, b: str | None) -> bool:
    return bool(a and b and canonical_party(a) == canonical_party(b))


def channel_order(ctx: Context) -> Iterator[Hit]:
    """A telegram cites only lower-numbered telegrams of its own channel (``ourtel``)."""
    for doc in ctx.documents:
        own = _number(doc.own_number)
        if own is None or not doc.genre or "telegram" not in doc.genre:
            continue
        seen: set[tuple[int, int]] = set()
        for cite in ctx.citations(doc, doc.body):
            if not isinstance(cite, TelegramCitation) or cite.relative:
                continue
            n = _number(cite.number)
            series = cite.series.lower()
            same = series in ("ourtel", "ourtels", "mytel", "mytels") or (
                doc.series is not None and series == doc.series.lower()
            )
            if cite.span.start < 3:
                continue  # the telegram's own number
            if n is not None and same and own <= n < own + max(own, 100):
                seen.add((cite.span.start, n))
                yield _hit(doc, doc.body, cite, f"{cite.text!r} is numbered after this "
                           f"telegram ({doc.channel[2]}) on the same channel")
        for cluster, body, note in _telegram_clusters(ctx, doc):
            if len(cluster) != 1 or (cluster[0].span.start, _number(cluster[0].number)) in seen:
                continue
            for target in _targets(note, doc.volume, ctx):
                tn = _number(target.own_number)
                if (tn is not None and (target.series or "") == (doc.series or "")
                        and _same_party(target.sender, doc.sender)
                        and _same_party(target.recipient, doc.recipient)
                        and own <= tn < own + max(own, 100) and target is not doc
                        and target.date != doc.date):  # sent together the same day
                    yield _hit(doc, body, cluster[0], f"{cluster[0].text!r} is telegram {tn} "
                               f"(Document {target.number}), numbered after this telegram "
                               f"({own}) on the same channel")


def footnote_other_telegram(ctx: Context) -> Iterator[Hit]:
    """The editor's footnote on a telegram reference names that telegram, not another."""
    for doc in ctx.documents:
        for cluster, _body, note in _telegram_clusters(ctx, doc):
            if not re.match(r"\s*(?:See\s+)?Documents?\s+\d", note.text):
                continue
            targets = _targets(note, doc.volume, ctx)
            if len(targets) != len(cluster):
                continue
            cited = {_number(x.number) for x in cluster}
            if None in cited:
                continue
            for target in targets:
                tn = _number(target.own_number)
                if tn is None or tn in cited or not target.genre or "telegram" not in (
                    target.genre
                ):
                    continue
                text = ", ".join(x.text for x in cluster)
                yield Hit(f"{_note_name(note)} names Document {target.number} (telegram "
                          f"{target.channel[2]}), but the text cites {text}", doc, note,
                          hint="check the footnote's document number against the telegram "
                          "number")


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
         "footnotes are numbered in sequence, with no gap or repeat",
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
         "a <ref>'s text agrees with its target",
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
         "'Ibid.' does not follow a note citing several sources",
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
