"""Score cross-reference resolution against the editors' ``<ref>`` elements (the answer key).

Usage::

    python bench/accuracy.py [--corpus DIR] [--volumes ID ...] [--misses FILE] [--baseline]
                             [--verified TSV ...] [--miss-list FILE]

All volumes in ``--corpus`` are read and indexed in one :class:`xref.resolve.corpus.Corpus` (so refs
to another loaded volume can resolve); the selected volumes (default: all) are then resolved
with :func:`xref.resolve.resolution.resolve_documents`, which never looks at
``Container.refs``. The refs are used only here, to score.

**Answer key.** Refs inside documents whose target names a document or a footnote:
``#dN``, ``#dNfnM``, ``VOLUME#dN[fnM]`` and the quirk ``dN`` (no ``#``), all normalized to
``VOLUME#dN[fnM]``. Page targets (``#pg_``) are scored apart (measure 3); index
(``#in``) and whole-volume targets are ignored.
Refs into volumes that are not loaded are reported apart ("outside") and not in recall.

**Matching.** A ref and a citation match when they are in the same container and their
spans overlap.

**Measure 1, document/footnote references.** Scored citations: kinds ``document`` and
``footnote``, ``ibid`` whose locator is one of those, and telegrams marked supra/infra.

- precision = scored citations resolved to the target of an overlapping ref / scored
  citations resolved that overlap a ref. The ``Document 140`` part of the single ref
  ``Document 140 and footnote 3 thereto`` (target ``#d140fn3``) counts as right when it
  resolves to ``#d140``; conversely ``footnote 2, Document 55`` (or ``Document 55 and
  footnote 2 thereto``) resolved to ``#d55fn2`` where the editors link ``#d55`` counts as
  right, in recall and precision (the same link made more specific: the *less-specific*
  verdict of ``--verified``, applied by structure; the figures without it are printed too);
  and a later item of a list inside the editors' one ref for the whole list (``footnotes 7
  and 8, Document 261`` linked once, to ``#d261fn7``; ``Documents 19-21`` to ``#d19``) is not
  counted wrong when the first item resolves to that ref's target (the *convention* verdict,
  "whole list in one ref", applied by structure; also printed without);
- recall = refs with an overlapping citation (any kind) resolved to the ref's target / refs;
- found = refs with an overlapping citation of any kind / refs.

**Measure 2, telegrams checked by the editors' footnote.** A telegram citation (or a list of
them, ``Deptels 4271, 4482 and 4814``) that ends at most a few characters before the anchor
of a footnote that is only a pointer to documents (``Document 7.``, ``See Documents 31 and
49.``; not ``See footnote 3, Document 5``, where the telegram is not printed, nor ``Printed
as telegram 1145 to Stockholm, Document 135``). A list is checked against the set of the
footnote's documents when the counts match, else only the telegram just before the marker
against a single document. The telegram's *channel* resolution
(``Resolution.channel_target``: sender, recipient, number and date, never the footnote) is
compared with that: coverage = pairs where the channel names a document; agreement = those
where it names the footnote's. The final ``Resolution.target`` (which may take the footnote
as evidence) is reported too.

**Measure 3, page references** (the print era's answer key, issue 13; ``bench/pages.py``):
refs inside documents whose target is a page (``#pg_524``). The documents on that page are
read from the page breaks (``<pb xml:id="pg_524"/>``): the one the break falls in and those
that begin before the next. pages = such refs into loaded volumes; found = with an overlapping
citation; named = an overlapping citation whose target or key names that page
(``VOLUME#pg_524``); right = an overlapping citation resolved to a document on that page (or
to a footnote of one). Reported apart from measure 1.

Results per volume, per era (decade of the volume's first year), per set (the tuning set and
the check set of ``bench/checkset.txt``) and in total; examples of misses and wrong targets
go to ``--misses`` (default ``bench/accuracy-misses.txt``).
``--verified`` leaves out of the key (document, footnote and page refs alike) the editors'
refs read by hand as wrong, ambiguous or encoded another way (fixtures/annotate/verified.tsv);
it may be given several times (``--verified fixtures/annotate/verified-check.tsv`` too: the
check set's misses read by hand, blind, with the rules frozen). ``--miss-list FILE`` writes
every recall miss and wrong link (not only examples), one a line, tab-separated, for review.
``--baseline`` swaps the resolver for a naive field lookup (``Document N`` of the citing or
named volume), for comparison and for running before the resolver exists.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from attrs import define, field

REPO = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("xref") is None:
    sys.path.append(str(REPO))  # run from a checkout without installing

from benchsets import SETS, set_of  # noqa: E402
from pages import document_of, page_documents, page_target  # noqa: E402

from xref.cite.models import Citation, FootnoteCitation  # noqa: E402
from xref.read.documents import Container, Document, Ref, Volume  # noqa: E402
from xref.read.tei import read_volume  # noqa: E402
from xref.resolve.corpus import Corpus  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "frus"
DEFAULT_MISSES = REPO / "bench" / "accuracy-misses.txt"
EXAMPLES = 30
TELEGRAM_GAP = 4
"""Most characters allowed between a telegram citation's end and the footnote marker."""
LIST_GAP = re.compile(r"[\s,;]*(?:and|or|&)?[\s,;]*")
"""What may stand between two telegram citations of one list."""
DOC_TARGET = re.compile(r"d\d+(?:fn\w+)?")
DOC_ONLY = re.compile(r"d\d+")
NOTE_NAMES_DOCUMENT = re.compile(
    r"\s*(?:See\s+)?Documents?\s+\d+(?:(?:,\s*|,?\s+and\s+)\d+)*\s*\.?\s*", re.I)
"""A footnote that is a pointer to one or more documents."""
NOT_THE_TELEGRAM = re.compile(r"\bfootnotes?\b|\bthereto\b|\battachment\b|\bsource note\b", re.I)

Key = tuple[str, str, int, int]
"""(document id, container key, span start, span end): identifies a citation."""


# --- the answer key -------------------------------------------------------------------------


def normalize_target(target: str, volume: str) -> str | None:
    """``VOLUME#dN[fnM]`` for a document or footnote target, else None."""
    t = target.strip()
    if t.startswith("#"):
        vol, local = volume, t[1:]
    elif "#" in t:
        vol, local = t.split("#", 1)
        if not vol.startswith("frus"):
            return None
    else:
        vol, local = volume, t  # the quirk: "d346" for "#d346"
    if not DOC_TARGET.fullmatch(local):
        return None
    return f"{vol}#{local}"


def target_volume(target: str) -> str:
    """The volume part of a normalized target."""
    return target.split("#", 1)[0]


def era(volume: str) -> str:
    """The decade of the volume's first year: ``frus1958-60v11`` -> ``1950s``."""
    m = re.match(r"frus(\d{3})\d", volume)
    return f"{m.group(1)}0s" if m else "?"


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open spans share a character (or both are empty at one point)."""
    return a_start < b_end and b_start < a_end or (a_start == b_start and a_end == b_end)


# --- citations in scope ---------------------------------------------------------------------


def doc_kind(citation: Citation) -> str | None:
    """The kind under which a citation is scored in measure 1, or None when it is not."""
    if citation.kind in ("document", "footnote"):
        return citation.kind
    if citation.kind == "ibid":
        locator = getattr(citation, "locator", None)
        if locator is not None and locator.kind in ("document", "footnote"):
            return f"ibid+{locator.kind}"
    if citation.kind == "telegram" and getattr(citation, "relative", None):
        return "telegram+relative"
    return None


# --- a naive baseline resolver --------------------------------------------------------------


@define
class BaselineResolution:
    """What the naive baseline says about one citation (the fields the scorer reads)."""

    citation: Citation
    document: Document
    container: Container
    status: str
    target: str | None
    method: str = "baseline"
    key: str | None = None
    candidates: tuple[str, ...] = ()
    channel_target: str | None = None


def baseline_resolve(documents: Iterable[Document], corpus: Corpus) -> Iterator[Any]:
    """Resolve ``Document N`` / ``footnote M, Document N`` by number alone, in their volume."""
    from xref import find_citations

    for doc in documents:
        for c in doc.containers():
            for cit in find_citations(c.text, volume=doc.volume):
                f = cit.fields()
                target = None
                if cit.kind == "ibid" and f.get("locator_kind") in ("document", "footnote"):
                    f = {**f, "kind": f["locator_kind"]}
                else:
                    f = {**f, "kind": cit.kind}
                vol = f.get("volume") or doc.volume
                if f["kind"] == "document" and f.get("number") is not None:
                    hit = corpus.by_number(vol, f["number"])
                    target = hit.id if hit else None
                elif f["kind"] == "footnote":
                    num = f.get("document")
                    hit = corpus.by_number(vol, num) if num is not None else doc
                    if hit is not None and vol == hit.volume:
                        target = f"{hit.id}fn{f['number']}"
                status = "resolved" if target else "unresolved"
                yield BaselineResolution(cit, doc, c, status, target)


def resolver(baseline: bool) -> Any:
    """``resolve_documents`` from :mod:`xref.resolve.resolution`, or the baseline."""
    if baseline:
        return baseline_resolve
    try:
        from xref.resolve.resolution import resolve_documents
    except ImportError as exc:
        sys.exit(f"xref.resolve.resolution is not available ({exc}); try --baseline")
    return resolve_documents


# --- scoring --------------------------------------------------------------------------------


@define
class Tally:
    """Counts for one volume, era or the total."""

    refs: int = 0
    outside: int = 0
    outside_found: int = 0
    found: int = 0
    found_doc: int = 0
    recalled: int = 0
    resolved_overlapping: int = 0
    correct: int = 0
    thereto_part: int = 0
    less_specific: int = 0
    less_specific_prec: int = 0
    one_ref_list: int = 0
    resolved_unlinked: int = 0
    tel_pairs: int = 0
    tel_channel: int = 0
    tel_agree: int = 0
    tel_ambiguous: int = 0
    tel_final: int = 0
    tel_evidence: int = 0
    pg_refs: int = 0
    pg_outside: int = 0
    pg_found: int = 0
    pg_named: int = 0
    pg_right: int = 0
    pgd_refs: int = 0
    pgd_nodoc: int = 0
    pgd_recalled: int = 0
    pgd_resolved: int = 0
    pgd_correct: int = 0
    citations: int = 0
    documents: int = 0
    seconds: float = 0.0
    miss_status: Counter[str] = field(factory=Counter)
    crashed: str = ""

    def add(self, other: Tally) -> None:
        """Add ``other``'s counts to this one."""
        for name in self.__attrs_attrs__:  # type: ignore[attr-defined]
            a, b = getattr(self, name.name), getattr(other, name.name)
            if isinstance(a, Counter):
                a.update(b)
            elif isinstance(a, str):
                setattr(self, name.name, a or b)
            else:
                setattr(self, name.name, a + b)


@define
class Examples:
    """Examples of what went wrong, with a count of their shapes."""

    kinds: dict[str, list[str]] = field(factory=lambda: defaultdict(list))
    shapes: dict[str, Counter[str]] = field(factory=lambda: defaultdict(Counter))

    def add(self, kind: str, shape: str, text: str) -> None:
        """Record one example of ``kind`` (kept only up to ``EXAMPLES``) and its shape."""
        self.shapes[kind][shape] += 1
        if len(self.kinds[kind]) < EXAMPLES:
            self.kinds[kind].append(text)


def shape(text: str) -> str:
    """A pattern for grouping: digits to ``N``, roman volume numbers to ``R``, case folded."""
    s = re.sub(r"\d+", "N", text.strip())
    s = re.sub(r"\b[IVXL]+\b", "R", s)
    return re.sub(r"\s+", " ", s)[:60]


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """``…before [span] after…`` on one line."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return re.sub(r"\s+", " ", f"…{before}[{text[start:end]}]{after}…")


EXCLUDED: set[tuple[str, str, str, str]] = set()
"""Answer-key refs read by hand as not a fair key (``--verified``): (volume, doc, container,
normalized target)."""

MISS_LIST: list[str] = []
"""Every recall miss and wrong link, one tab-separated line each (``--miss-list``)."""
MISS_LIST_HEADER = "what\tvolume\tdocument\tcontainer\teditors\tcited\tgot\tcontext"


def list_miss(what: str, doc: Document, c: Container, target: str, start: int, end: int,
              got: str) -> None:
    """Record one miss or wrong link for ``--miss-list``."""
    cells = (what, doc.volume or "", doc.local_id, c.key, target, c.text[start:end], got,
             context(c.text, start, end, 120))
    MISS_LIST.append("\t".join(re.sub(r"\s+", " ", x) for x in cells))


KEY_VERDICTS = frozenset({"editors-wrong", "convention", "less-specific", "ambiguous"})


def load_verified(path: Path) -> set[tuple[str, str, str, str]]:
    """The editors' refs that a hand check found wrong, ambiguous or encoded another way."""
    out: set[tuple[str, str, str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        verdict, volume, document, container, target, *_ = line.split("\t")
        if verdict in KEY_VERDICTS:
            tgt = normalize_target(target, volume)
            page = page_key(target, volume)
            if tgt is None and page is not None:
                tgt = f"{page[0]}#pg_{page[1]}"
            if tgt is not None:
                out.add((volume, document, container, tgt))
    return out


PAGES: dict[str, dict[str, set[str]]] = {}
"""For each loaded volume, the documents on each of its pages (``bench/pages.py``)."""

PAGE_LINK = re.compile(r"(?P<vol>frus[\w-]*)?#pg_(?P<page>\w+)")
"""An editors' page link: ``#pg_20`` or ``frus1947v05#pg_630``."""
PAGE_KINDS = ("page", "page-footnote")
"""Resolution methods (after ``ibid+``) that read a page."""


def page_holders(corpus: Corpus) -> dict[tuple[str, str], set[str]]:
    """``(volume, page)`` -> the ids of the documents printed (wholly or in part) on it,
    from the reader's :attr:`~xref.read.documents.Document.pages`."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for d in corpus.documents:
        for p in getattr(d, "pages", ()):
            out[(d.volume or "", p.lower())].add(d.id)
    return out


def page_key(target: str, volume: str) -> tuple[str, str] | None:
    """``(volume, page)`` of an editors' page link (the page without ``pg_``), or None."""
    m = PAGE_LINK.fullmatch(target.strip())
    if m is None:
        return None
    return (m.group("vol") or volume, m.group("page").lower())


def target_document(target: str | None) -> str | None:
    """The document id of a resolved target (a footnote's document for ``VOL#dNfnM``)."""
    if not target:
        return None
    return re.sub(r"fn\w*$", "", target)


def in_range(r: Any, page: str) -> bool:
    """Whether ``page`` is inside the page range ``r``'s citation names past its first page
    (``pp. 9–21`` names page 21; the editors link each end, the resolver the first page)."""
    cite = r.citation
    pages = getattr(cite, "pages", None) or getattr(getattr(cite, "locator", None), "pages", None)
    m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", pages or "")
    if m is None or not page.isdigit():
        return False
    first, last = int(m.group(1)), int(m.group(2))
    if last < first:  # "pp. 1013-16"
        last = int(str(first)[: len(str(first)) - len(m.group(2))] + m.group(2))
    return first < int(page) <= last


def score_page_resolution(
    doc: Document, c: Container, res: Sequence[Any], loaded: set[str],
    holders: dict[tuple[str, str], set[str]], tally: Tally, ex: Examples,
) -> None:
    """Issue 13's page columns: the editors' ``#pg_N`` links against the documents on page N
    (as the reader places them, :attr:`Document.pages`).

    Recall: refs into a loaded volume's page that holds a document, with an overlapping
    citation resolved to one of that page's documents (or a footnote of one), or a range
    that covers the page. Precision: citations resolved by page (``page``,
    ``page-footnote``, their ``ibid+`` forms) that overlap such a ref, resolved to a
    document on its page.
    """
    for ref in c.refs:
        key = page_key(ref.target, doc.volume or "")
        if key is None or key[0] not in loaded:
            continue
        if (doc.volume, doc.local_id, c.key, f"{key[0]}#pg_{key[1]}") in EXCLUDED:
            continue
        want = holders.get(key)
        if not want:
            tally.pgd_nodoc += 1
            continue
        tally.pgd_refs += 1
        hits = overlapping(ref, res)
        if any(r.status == "resolved" and (target_document(r.target) in want
                                           or in_range(r, key[1])) for r in hits):
            tally.pgd_recalled += 1
        else:
            list_miss("page-miss", doc, c, ref.target, ref.span.start, ref.span.end,
                      "; ".join(f"{r.citation.text!r} {r.status} {r.target}" for r in hits))
            ex.add(
                "page: recall miss",
                shape(c.text[ref.span.start : ref.span.end]),
                f"{doc.id} {c.key}: {context(c.text, ref.span.start, ref.span.end)} -> "
                f"{ref.target}\n    got "
                + "; ".join(f"{r.citation.kind} {r.citation.text!r} {r.status} {r.target} "
                            f"({r.method})" for r in hits),
            )
        for r in hits:
            if r.status != "resolved" or r.method.removeprefix("ibid+") not in PAGE_KINDS:
                continue
            tally.pgd_resolved += 1
            if target_document(r.target) in want or in_range(r, key[1]):
                tally.pgd_correct += 1
            else:
                list_miss("page-wrong", doc, c, ref.target, ref.span.start, ref.span.end,
                          f"{r.citation.text!r} {r.target}")
                ex.add(
                    "page: resolved to a document not on the page",
                    f"{r.method} {shape(r.citation.text)}",
                    f"{doc.id} {c.key}: {context(c.text, ref.span.start, ref.span.end)} -> "
                    f"{ref.target}\n    got {r.target}; on the page: {sorted(want)}",
                )


def score_volume(
    volume: Volume, corpus: Corpus, loaded: set[str], resolve: Any, ex: Examples,
    holders: dict[tuple[str, str], set[str]] | None = None,
) -> Tally:
    """Resolve one volume and score it against its refs."""
    tally = Tally(documents=len(volume.documents))
    t = time.perf_counter()
    try:
        resolutions = list(resolve(volume.documents, corpus))
    except Exception as exc:  # report the crash and score nothing for this volume
        tally.crashed = f"{type(exc).__name__}: {exc}"
        return tally
    tally.seconds = time.perf_counter() - t
    tally.citations = len(resolutions)

    by_container: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for r in resolutions:
        by_container[(r.document.id, r.container.key)].append(r)

    for doc in volume.documents:
        for c in doc.containers():
            res = by_container.get((doc.id, c.key), [])
            keyed = [(normalize_target(ref.target, volume.id), ref) for ref in c.refs]
            refs = [(tgt, ref) for tgt, ref in keyed
                    if tgt is not None and (volume.id, doc.local_id, c.key, tgt) not in EXCLUDED]
            score_refs(doc, c, refs, res, loaded, tally, ex)
            score_citations(doc, c, refs, res, tally, ex)
            score_pages(doc, c, res, tally, ex)
            if holders is not None:
                score_page_resolution(doc, c, res, loaded, holders, tally, ex)
        score_telegrams(doc, by_container, tally, ex)
    return tally


def overlapping(ref: Ref, res: Sequence[Any]) -> list[Any]:
    """The resolutions whose citation overlaps ``ref``."""
    s = ref.span
    return [r for r in res if overlaps(s.start, s.end, r.citation.span.start, r.citation.span.end)]


def score_refs(
    doc: Document, c: Container, refs: Sequence[tuple[str, Ref]], res: Sequence[Any],
    loaded: set[str], tally: Tally, ex: Examples,
) -> None:
    """Recall side: for each answer-key ref, was it found, and resolved to its target?"""
    for tgt, ref in refs:
        hits = overlapping(ref, res)
        reftext = c.text[ref.span.start : ref.span.end]
        where = f"{doc.id} {c.key}: {context(c.text, ref.span.start, ref.span.end)} -> {tgt}"
        if target_volume(tgt) not in loaded:
            tally.outside += 1
            tally.outside_found += bool(hits)
            continue
        tally.refs += 1
        if not hits:
            list_miss("not-found", doc, c, tgt, ref.span.start, ref.span.end, "")
            ex.add("not found (no overlapping citation)", shape(reftext), where)
            continue
        tally.found += 1
        tally.found_doc += any(doc_kind(r.citation) for r in hits)
        if any(r.status == "resolved" and r.target == tgt for r in hits):
            tally.recalled += 1
            continue
        if any(r.status == "resolved" and names_footnote_of(r, tgt) for r in hits):
            tally.recalled += 1  # "footnote 2, Document 55": the editors link the document
            tally.less_specific += 1
            continue
        best = hits[0]
        status = "/".join(sorted({r.status for r in hits}))
        tally.miss_status[status] += 1
        got = "; ".join(
            f"{r.citation.kind} {r.citation.text!r} {r.status} {r.target} ({r.method})"
            for r in hits
        )
        label = "wrong target" if "resolved" in status else f"found, {best.status}"
        list_miss(f"miss-{status}", doc, c, tgt, ref.span.start, ref.span.end, got)
        ex.add(f"recall miss: {label}", f"{shape(reftext)}  [{status}]", f"{where}\n    got {got}")


def names_footnote_of(r: Any, target: str) -> bool:
    """Whether ``r`` resolved a footnote citation that names its document (``footnote 2,
    Document 55``, ``Document 65 and footnote 3 thereto``) to a footnote of ``target``, the
    document the editors link: the same link, made more specific (the verdict
    ``less-specific`` of fixtures/annotate/verified.tsv, applied by structure)."""
    cite = r.citation
    return (
        isinstance(cite, FootnoteCitation)
        and cite.document is not None
        and isinstance(r.target, str)
        and DOC_ONLY.fullmatch(target.split("#", 1)[-1]) is not None
        and r.target.startswith(f"{target}fn")
    )


def one_ref_for_the_list(r: Any, refs: Sequence[tuple[str, Ref]], res: Sequence[Any]) -> bool:
    """Whether ``r`` is a later item of a list that the editors link with one ref, to the
    first item's target (``footnotes 7 and 8, Document 261`` as one ref to ``#d261fn7``;
    ``Documents 19-21`` as one ref to ``#d19``): another citation of the same kind inside that
    ref resolved to its target (the verdict ``convention`` of fixtures/annotate/verified.tsv,
    "whole list in one ref", applied by structure)."""
    s = r.citation.span
    for tgt, ref in refs:
        if not overlaps(s.start, s.end, ref.span.start, ref.span.end):
            continue
        for other in res:
            o = other.citation.span
            if (
                other is not r
                and other.status == "resolved"
                and other.target == tgt
                and other.citation.kind == r.citation.kind
                and ref.span.start <= o.start
                and o.end <= ref.span.end + 1
                and ref.span.start <= s.start
            ):
                return True
    return False


def score_citations(
    doc: Document, c: Container, refs: Sequence[tuple[str, Ref]], res: Sequence[Any],
    tally: Tally, ex: Examples,
) -> None:
    """Precision side: resolved in-scope citations that overlap a ref, right or wrong."""
    for r in res:
        if r.status != "resolved" or doc_kind(r.citation) is None:
            continue
        s = r.citation.span
        targets = [t for t, ref in refs if overlaps(s.start, s.end, ref.span.start, ref.span.end)]
        if not targets:
            tally.resolved_unlinked += 1
            continue
        tally.resolved_overlapping += 1
        if r.target in targets:
            tally.correct += 1
        elif any(t.startswith(f"{r.target}fn") for t in targets):
            tally.correct += 1
            tally.thereto_part += 1
        elif any(names_footnote_of(r, t) for t in targets):
            tally.correct += 1
            tally.less_specific_prec += 1
        elif one_ref_for_the_list(r, refs, res):
            tally.correct += 1
            tally.one_ref_list += 1
        else:
            where = f"{doc.id} {c.key}: {context(c.text, s.start, s.end)}"
            list_miss("wrong", doc, c, ",".join(targets), s.start, s.end,
                      f"{r.citation.text!r} {r.target} ({r.method})")
            ex.add(
                "precision: resolved to the wrong target",
                f"{doc_kind(r.citation)} {shape(r.citation.text)}",
                f"{where}\n    {r.citation.kind} {r.citation.fields()} -> {r.target} "
                f"({r.method}); editors: {', '.join(targets)}",
            )


def score_pages(doc: Document, c: Container, res: Sequence[Any], tally: Tally,
                ex: Examples) -> None:
    """Measure 3: page refs, resolved to a document on the page?"""
    for ref in c.refs:
        found = page_target(ref.target, doc.volume or "")
        if found is None:
            continue
        vol, page = found
        if vol not in PAGES:
            tally.pg_outside += 1
            continue
        tally.pg_refs += 1
        hits = overlapping(ref, res)
        if not hits:
            continue
        tally.pg_found += 1
        named = f"{vol}#{page}"
        tally.pg_named += any(named in (r.target, r.key) for r in hits)
        on_page = {f"{vol}#{d}" for d in PAGES[vol].get(page, ())}
        if any(r.status == "resolved" and document_of(r.target) in on_page for r in hits):
            tally.pg_right += 1
            continue
        where = f"{doc.id} {c.key}: {context(c.text, ref.span.start, ref.span.end)}"
        got = "; ".join(f"{r.citation.kind} {r.status} {r.target or r.key}" for r in hits)
        ex.add("page: not resolved to a document on the page", shape(c.text[
            ref.span.start : ref.span.end]), f"{where} -> {named} {sorted(on_page)}\n    got {got}")


def footnote_documents(note: Container, volume: str) -> list[str]:
    """The documents a footnote names when it is only a pointer: ``Document 7.``,
    ``See Documents 31, 49 and 82.`` (not ``See footnote 3, Document 5``, ``Document 140 and
    footnote 3 thereto``, ``Printed as telegram 1145 to Stockholm, Document 135``)."""
    if not NOTE_NAMES_DOCUMENT.match(note.text) or NOT_THE_TELEGRAM.search(note.text):
        return []
    out = []
    for ref in note.refs:
        tgt = normalize_target(ref.target, volume)
        if tgt is not None and "fn" not in tgt.split("#", 1)[1]:
            out.append(tgt)
    if not out and not note.refs:
        m = NOTE_NAMES_DOCUMENT.match(note.text)
        out = [f"{volume}#d{n}" for n in re.findall(r"\d+", m.group(0))] if m else []
    return out


def telegram_chain(parent: Container, res: Sequence[Any], anchor: int) -> list[Any]:
    """The telegram citations (a list of them) ending just before ``anchor``, in order."""
    tels = sorted(
        (r for r in res if r.citation.kind == "telegram" and r.citation.span.end <= anchor),
        key=lambda r: r.citation.span.start,
    )
    if not tels or anchor - tels[-1].citation.span.end > TELEGRAM_GAP:
        return []
    chain = [tels[-1]]
    for r in reversed(tels[:-1]):
        gap = parent.text[r.citation.span.end : chain[0].citation.span.start]
        if not LIST_GAP.fullmatch(gap):
            break
        chain.insert(0, r)
    return chain


def score_telegrams(
    doc: Document, by_container: dict[tuple[str, str], list[Any]], tally: Tally, ex: Examples
) -> None:
    """Measure 2: telegram citations followed by a footnote that names their document."""
    for fn in doc.footnotes:
        note = fn.container
        if note.anchor is None or note.parent is None:
            continue
        parent = doc.container(note.parent)
        if parent is None:
            continue
        targets = footnote_documents(note, doc.volume or "")
        if not targets:
            continue
        chain = telegram_chain(parent, by_container.get((doc.id, parent.key), []), note.anchor)
        if not chain:
            continue
        if len(chain) != len(targets):
            chain = chain[-1:] if len(targets) == 1 else []
        for r in chain:
            score_telegram(doc, parent, note, r, targets, tally, ex)


def channel_target(r: Any) -> str | None:
    """What the channel alone resolved a telegram to (not the editors' footnote)."""
    if hasattr(r, "channel_target"):
        return r.channel_target  # type: ignore[no-any-return]
    if r.status == "resolved" and "footnote" not in (r.method or ""):
        return r.target  # type: ignore[no-any-return]
    return None


def score_telegram(
    doc: Document, parent: Container, note: Container, r: Any, targets: Sequence[str],
    tally: Tally, ex: Examples,
) -> None:
    """Score one telegram citation against the document(s) its footnote names.

    A list (``Embtels 3415 and 3350``) is checked against the set of the footnote's documents,
    since editors list them in document order (``Documents 115 and 116``), not citing order.
    """
    tgt = ", ".join(targets)
    tally.tel_pairs += 1
    tally.tel_final += r.status == "resolved" and r.target in targets
    tally.tel_evidence += getattr(r, "evidence", None) in targets
    channel = channel_target(r)
    where = f"{doc.id} {parent.key}: {context(parent.text, *span(r))}"
    series = str(r.citation.fields().get("series"))
    if channel is None:
        status = "ambiguous" if r.candidates else "no channel match"
        tally.tel_ambiguous += status == "ambiguous"
        cands = f" candidates {', '.join(r.candidates)}" if r.candidates else ""
        ex.add(f"telegram: {status}", series,
               f"{where} -> footnote {note.key}: {tgt}{cands}\n    {r.citation.fields()} "
               f"key {r.key}")
        return
    tally.tel_channel += 1
    if channel in targets:
        tally.tel_agree += 1
    else:
        ex.add("telegram: channel names another document than the editors' footnote", series,
               f"{where} -> channel {channel}; footnote {note.key}: {tgt}\n"
               f"    {r.citation.fields()} key {r.key}")


def span(r: Any) -> tuple[int, int]:
    """A resolution's citation span as a pair."""
    return r.citation.span.start, r.citation.span.end


# --- output ---------------------------------------------------------------------------------


def pct(a: int, b: int) -> str:
    """``a/b`` as a percentage, or a dash."""
    return f"{100 * a / b:5.1f}%" if b else "    -"


HEADER = (
    f"{'':24} {'docs':>5} {'refs':>5} {'found':>6} {'recall':>6} {'prec':>6} {'(n)':>5} "
    f"{'unlnk':>5} {'out':>4} | {'tel':>4} {'chan':>6} {'agree':>6} {'amb':>3} {'final':>6} "
    f"| {'pgref':>5} {'pgrec':>6} {'pgprec':>6} {'(n)':>5} | {'sec':>5}"
)


def row(name: str, t: Tally) -> str:
    """One line of the results table."""
    return (
        f"{name:24} {t.documents:5} {t.refs:5} {pct(t.found, t.refs):>6} "
        f"{pct(t.recalled, t.refs):>6} {pct(t.correct, t.resolved_overlapping):>6} "
        f"{t.resolved_overlapping:5} {t.resolved_unlinked:5} {t.outside:4} | {t.tel_pairs:4} "
        f"{pct(t.tel_channel, t.tel_pairs):>6} {pct(t.tel_agree, t.tel_channel):>6} "
        f"{t.tel_ambiguous:3} {pct(t.tel_final, t.tel_pairs):>6} | {t.pgd_refs:5} "
        f"{pct(t.pgd_recalled, t.pgd_refs):>6} {pct(t.pgd_correct, t.pgd_resolved):>6} "
        f"{t.pgd_resolved:5} | {t.seconds:5.1f}"
    )


PAGE_HEADER = f"{'':24} {'pages':>6} {'found':>6} {'named':>6} {'right':>6} {'out':>5}"


def page_row(name: str, t: Tally) -> str:
    """One line of the page-reference table."""
    return (f"{name:24} {t.pg_refs:6} {pct(t.pg_found, t.pg_refs):>6} "
            f"{pct(t.pg_named, t.pg_found):>6} {pct(t.pg_right, t.pg_refs):>6} "
            f"{t.pg_outside:5}")


PAGE_LEGEND = """\
pages: refs to a page (#pg_N) into loaded volumes; found: with an overlapping citation, of
pages; named: an overlapping citation whose target or key names that page, of found; right:
an overlapping citation resolved to a document on that page (or a footnote of one), of
pages; out: page refs into volumes not loaded."""


LEGEND = """\
refs: doc/footnote refs into loaded volumes; found: refs with an overlapping citation;
recall: refs with an overlapping citation resolved to the ref's target; prec: resolved
doc/footnote citations overlapping a ref that hit its target, of (n); unlnk: resolved
doc/footnote citations with no ref (no answer key); out: refs into volumes not loaded;
tel: telegram citations followed by a footnote naming a document; chan: the channel alone
(Resolution.channel_target) names a document, of tel; agree: that document is the
footnote's, of chan; amb: several telegrams fit the channel; final: Resolution.target (which
may use the footnote) is the footnote's document, of tel; pgref: editors' page links
(#pg_N) into a loaded volume's page that holds a document (Document.pages); pgrec: those
with an overlapping citation resolved to a document on the page (or its footnote); pgprec:
citations resolved by page overlapping such a link that name a document on its page, of
(n); sec: resolution time."""


def write_examples(path: Path, ex: Examples) -> None:
    """Write the miss shapes (most common first) and up to ``EXAMPLES`` examples of each."""
    with path.open("w", encoding="utf-8") as out:
        for kind in sorted(ex.shapes):
            shapes = ex.shapes[kind]
            out.write(f"## {kind}: {sum(shapes.values())}\n\nmost common shapes:\n")
            for s, n in shapes.most_common(15):
                out.write(f"  {n:5}  {s}\n")
            out.write("\nexamples:\n")
            for e in ex.kinds[kind]:
                out.write(f"- {e}\n")
            out.write("\n")


def main(argv: Sequence[str] | None = None) -> None:
    """Read, resolve, score, print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory of TEI volumes")
    ap.add_argument("--volumes", nargs="+", metavar="ID", help="volumes to score (default: all)")
    ap.add_argument("--misses", type=Path, default=DEFAULT_MISSES, help="examples file")
    ap.add_argument("--baseline", action="store_true", help="naive number lookup, no resolver")
    ap.add_argument(
        "--verified",
        type=Path,
        action="append",
        help="drop the editors' refs that a hand check found wrong or ambiguous "
        "(fixtures/annotate/verified.tsv) from the answer key; may be repeated",
    )
    ap.add_argument("--miss-list", type=Path,
                    help="write every recall miss and wrong link here, tab-separated")
    args = ap.parse_args(argv)
    resolve = resolver(args.baseline)
    for path in args.verified or ():
        EXCLUDED.update(load_verified(path))
    if args.verified:
        print(f"answer key: {len(EXCLUDED)} refs read by hand as wrong or ambiguous are left out "
              f"({', '.join(map(str, args.verified))})")

    t = time.perf_counter()
    paths = sorted(args.corpus.resolve().glob("*.xml"))
    volumes = [read_volume(p) for p in paths]
    corpus = Corpus.from_documents(volumes)
    loaded = {v.id for v in volumes}
    for p, v in zip(paths, volumes, strict=True):
        PAGES[v.id] = page_documents(p)
    print(f"read and indexed {len(volumes)} volumes, {len(corpus)} documents "
          f"in {time.perf_counter() - t:.1f} s")
    selected = [v for v in volumes if not args.volumes or v.id in args.volumes]
    if args.volumes and len(selected) != len(set(args.volumes)):
        sys.exit(f"unknown volume among {args.volumes}")

    ex = Examples()
    holders = page_holders(corpus)
    total, eras, sets = Tally(), defaultdict(Tally), defaultdict(Tally)
    per_volume: list[tuple[str, Tally]] = []
    print(f"\n{HEADER}")
    for v in selected:
        tally = score_volume(v, corpus, loaded, resolve, ex, holders)
        print(row(v.id, tally), flush=True)
        if tally.crashed:
            print(f"  !! resolution crashed, volume not scored: {tally.crashed}")
        total.add(tally)
        eras[era(v.id)].add(tally)
        sets[set_of(v.id)].add(tally)
        per_volume.append((v.id, tally))

    def totals(fmt: Callable[[str, Tally], str]) -> None:
        """The rows by era, by set and in all, formatted by ``fmt``."""
        print()
        for name in sorted(eras):
            print(fmt(name, eras[name]))
        for name in SETS:
            if name in sets:
                print(fmt(f"set: {name}", sets[name]))
        print(fmt("TOTAL", total))

    totals(row)
    print(f"\n{LEGEND}")
    print(f"\npage references (measure 3)\n{PAGE_HEADER}")
    for vid, tally in per_volume:
        if tally.pg_refs or tally.pg_outside:
            print(page_row(vid, tally))
    totals(page_row)
    print(f"\n{PAGE_LEGEND}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6
    print(f"\ncitations resolved: {total.citations} in {total.seconds:.1f} s "
          f"({total.citations / total.seconds if total.seconds else 0:.0f}/s); "
          f"max RSS {rss:.0f} MB")
    print(f"found with a doc/footnote-kind citation: {pct(total.found_doc, total.refs)}; "
          f"'Document N and footnote M thereto' doc parts counted right: {total.thereto_part}; "
          f"refs outside the corpus found: {pct(total.outside_found, total.outside)}")
    for name, t in ((f"set: {n}", sets[n]) for n in SETS if n in sets):
        refs, scored = t.refs + t.pgd_refs, t.resolved_overlapping + t.pgd_resolved
        print(f"{name}: document/footnote/page links restored "
              f"{pct(t.recalled + t.pgd_recalled, refs)} recall of {refs}, "
              f"{pct(t.correct + t.pgd_correct, scored)} precision of {scored}; "
              f"page links on no document (front or back matter) {t.pgd_nodoc}")
    refs, scored = total.refs + total.pgd_refs, total.resolved_overlapping + total.pgd_resolved
    print(f"TOTAL: document/footnote/page links restored "
          f"{pct(total.recalled + total.pgd_recalled, refs)} recall of {refs}, "
          f"{pct(total.correct + total.pgd_correct, scored)} precision of {scored}; "
          f"page links on no document (front or back matter) {total.pgd_nodoc}")
    for name, t in ((f"set: {n}", sets[n]) for n in SETS if n in sets):
        refs, scored = t.refs + t.pgd_refs, t.resolved_overlapping + t.pgd_resolved
        print(f"{name}: the same without the less-specific and one-ref-list rules (a "
              f"footnote of the editors' document, a list's later item inside the editors' one "
              f"ref, counted wrong): "
              f"{pct(t.recalled + t.pgd_recalled - t.less_specific, refs)} recall, "
              f"{pct(t.correct + t.pgd_correct - t.less_specific_prec - t.one_ref_list, scored)}"
              f" precision (less-specific applied {t.less_specific} times in recall, "
              f"{t.less_specific_prec} in precision; one-ref-list {t.one_ref_list})")
    if total.miss_status:
        print("recall misses among found refs, by status: "
              + ", ".join(f"{k} {n}" for k, n in total.miss_status.most_common()))
    write_examples(args.misses, ex)
    print(f"examples of misses: {args.misses}")
    if args.miss_list:
        args.miss_list.write_text("\n".join([MISS_LIST_HEADER, *MISS_LIST, ""]), encoding="utf-8")
        print(f"every miss and wrong link ({len(MISS_LIST)}): {args.miss_list}")


if __name__ == "__main__":
    main()
