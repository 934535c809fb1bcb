"""Pointer rules over the whole TEI volume: what the Office's Schematron (``frus.sch``) checks.

The rules of :mod:`xref.rules` read documents. These read the whole file through
:func:`xref.checks.volume_scan.scan_volume` — front matter, table of contents, chapter notes, index,
back matter — so that every ``<ref>``, ``@corresp``, ``@target`` and ``xml:id`` is checked
wherever it stands, and each finding names its context (``index entry 'Acheson, Dean'``).

========  =======================  ==================================================
XR019     unknown-volume           frus.sch pointer-checks, ref[starts-with(@target,'frus')]
XR020     ref-outside-documents    frus.sch pointer-checks, ref[starts-with(@target,'#')] and ref
XR021     name-pointer-missing     frus.sch pointer-checks, persName[@corresp], gloss[@target]
XR022     page-range-order         frus.sch pointer-checks, the two page-range rules
XR023     document-numbering       frus.sch div-numbering-checks (both rules)
XR024     footnote-id-form         frus.sch footnote-id-checks (with XR003)
XR025     index-link-kind          (none: the Schematron cannot see it)
========  =======================  ==================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from xref.checks.context import Context, Hit
from xref.checks.volume_ids import known_volume_ids
from xref.checks.volume_scan import VolumeScan, scan_volume
from xref.errors import XrefError
from xref.read.documents import Document

__all__ = ["VOLUME_RULE_SPECS", "volume_scan_of"]

_SCHEMES = ("#", "frus", "http:", "https:", "mailto:")
_WEB = ("http:", "https:", "mailto:")
_PAGE = re.compile(r"^#pg_([0-9]+|[ivxlcdmIVXLCDM]+)$")
_DOC = re.compile(r"^#d(\d+)$")
_DOC_N = re.compile(r"^\s*(\d+)([A-Za-z]?)\s*$")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def volume_scan_of(ctx: Context) -> VolumeScan | None:
    """The scan of the context's TEI file, or None (plain text, no file, unreadable)."""
    if ctx.volume is None or not ctx.volume.path:
        return None
    try:
        return scan_volume(ctx.volume.path)
    except XrefError:
        return None  # the document reader reports the file itself


def _docs(ctx: Context) -> dict[str, Document]:
    return {d.local_id: d for d in ctx.documents}


def _hit(ctx: Context, docs: dict[str, Document], message: str, line: int, column: int,
         where: str, document: str | None, hint: str | None = None) -> Hit:
    doc = docs.get(document) if document else None
    return Hit(message, doc, line=line, column=column, where=where, hint=hint)


def unknown_volume(ctx: Context) -> Iterator[Hit]:
    """A ``frus…`` target names a volume of the FRUS bibliography."""
    scan = volume_scan_of(ctx)
    if scan is None:
        return
    known = known_volume_ids() | set(ctx.ids)
    docs = _docs(ctx)
    for p in scan.pointers:
        if p.value is None or p.element not in ("ref", "ptr"):
            continue
        for t in p.value.split():
            if not t.startswith("frus"):
                continue
            vol = t.partition("#")[0]
            if vol not in known:
                near = [v for v in sorted(known) if v.startswith(vol) or vol.startswith(v)]
                hint = f"did you mean {near[0]}?" if near else None
                yield _hit(ctx, docs, f"<ref> target {t!r}: no FRUS volume has the id {vol!r}",
                           p.line, p.column, p.context, p.document, hint)


def _target_problem(t: str, own: frozenset[str], ids: dict[str, frozenset[str]]) -> str | None:
    if not t.startswith(_SCHEMES):
        return f"target {t!r} does not start with '#'"
    if t.startswith(_WEB):
        return None
    vol, hash_, xid = t.partition("#")
    if not xid:
        return f"target {t!r} names no id" if hash_ else None  # 'frusX': the whole volume
    if not vol:
        return None if xid in own else f"target {t!r}: no xml:id {xid!r} in this volume"
    if vol in ids and xid not in ids[vol]:
        return f"target {t!r}: volume {vol} has no xml:id {xid!r}"
    return None


def ref_outside_documents(ctx: Context) -> Iterator[Hit]:
    """A ``<ref>`` outside documents (index, contents, front matter, chapter notes) works."""
    scan = volume_scan_of(ctx)
    if scan is None:
        return
    docs = _docs(ctx)
    for p in scan.pointers:
        if p.document is not None or p.element not in ("ref", "ptr"):
            continue
        text = f" ({p.text!r})" if p.text else ""
        if p.value is None or not p.value.strip():
            yield _hit(ctx, docs, f"<{p.element}>{text} has no target", p.line, p.column,
                       p.context, None, "link it with target=\"#ID\", or drop the <ref>")
            continue
        for t in p.value.split():
            problem = _target_problem(t, scan.ids, ctx.ids)
            if problem is not None:
                hint = f'write target="#{t}"' if t in scan.ids else None
                yield _hit(ctx, docs, f"<{p.element}>{text} {problem}", p.line, p.column,
                           p.context, None, hint)


def name_pointer_missing(ctx: Context) -> Iterator[Hit]:
    """``persName/@corresp``, ``gloss/@target`` and other pointers name an id that exists."""
    scan = volume_scan_of(ctx)
    if scan is None:
        return
    docs = _docs(ctx)
    for p in scan.pointers:
        if p.element in ("ref", "ptr") or p.value is None:
            continue
        hint = None
        if p.element == "persName" and p.attribute == "corresp":
            pool, what = scan.person_ids, "persName"
            hint = "add the person to the list of persons, or fix the id"
        elif p.element == "gloss" and p.attribute == "target":
            pool, what = scan.term_ids, "term"
            hint = "add the term to the list of abbreviations and terms, or fix the id"
        else:
            pool, what = scan.ids, "element"
            if p.element == "note":
                hint = "a repeated note's @target names the note it repeats: fix it, or " \
                       "give the note an xml:id instead"
        for t in p.value.split() or [""]:
            xid = t.removeprefix("#")
            if t.startswith(("frus", *_WEB)) or xid in pool:
                continue
            extra = " (it names another kind of element)" if xid in scan.ids else ""
            yield _hit(ctx, docs, f"{p.element}/@{p.attribute}={t!r}: no {what} has the "
                       f"xml:id {xid!r}{extra}", p.line, p.column, p.context, p.document, hint)


def _roman(s: str) -> int | None:
    total = 0
    prev = 0
    for ch in reversed(s.lower()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _page(target: str) -> tuple[int, int] | None:
    """``(0, roman value)`` for front-matter pages, ``(1, n)`` for arabic ones."""
    m = _PAGE.match(target) or _DOC.match(target)
    if m is None:
        return None
    value = m.group(1)
    if value.isdigit():
        return (1, int(value))
    n = _roman(value)
    return None if n is None else (0, n)


def page_range_order(ctx: Context) -> Iterator[Hit]:
    """A range of pages (or documents) ``<ref>A</ref>–<ref>B</ref>`` runs forward."""
    scan = volume_scan_of(ctx)
    if scan is None:
        return
    docs = _docs(ctx)
    for r in scan.ranges:
        a, b = _page(r.first), _page(r.last)
        if a is None or b is None or a < b:
            continue
        what = "page" if r.first.startswith("#pg") else "document"
        how = f"names one {what} twice" if a == b else "runs backwards"
        yield _hit(ctx, docs, f"{what} range {r.first}–{r.last} {how}", r.line,
                   r.column, r.context, r.document, "check both numbers against the printed "
                   "volume; a number such as 'NIE 60/70-2-61' is not a range and is not linked")


def document_numbering(ctx: Context) -> Iterator[Hit]:
    """Document ``@n``\\ s run 1, 2, 3 ... with no gap, repeat or non-number."""
    scan = volume_scan_of(ctx)
    if scan is None:
        return
    docs = _docs(ctx)
    prev: int | None = None
    for d in scan.documents:
        m = _DOC_N.match(d.n or "")
        where = f"document {d.id}" if d.id else "document"
        if m is None:
            yield _hit(ctx, docs, f"document {d.id} has n={d.n!r}, not a number", d.line,
                       d.column, where, d.id)
            prev = None
            continue
        n = m.group(1)
        if m.group(2):  # '72A': a document inserted after 72
            if prev is not None and int(n) != prev:
                yield _hit(ctx, docs, f"document {d.id} is numbered {d.n} after {prev}",
                           d.line, d.column, where, d.id)
            continue
        if prev is not None and int(n) != prev + 1:
            what = "repeats" if int(n) <= prev else "skips"
            yield _hit(ctx, docs, f"document {d.id} is numbered {n} after {prev}: the "
                       f"numbering {what}", d.line, d.column, where, d.id,
                       f"number it {prev + 1}, or account for the gap")
        prev = int(n)


def footnote_id_form(ctx: Context) -> Iterator[Hit]:
    """A note's ``xml:id`` inside document dN has the form ``dNfnM``."""
    scan = volume_scan_of(ctx)
    if scan is None:
        return
    docs = _docs(ctx)
    for note in scan.notes:
        if "fn" in note.id[1:] and note.id.split("fn", 1)[0]:
            continue  # a 'dKfn' id in another document is XR003's
        yield _hit(ctx, docs, f"note id {note.id!r} is not of the form {note.document}fnM",
                   note.line, note.column, f"document {note.document}, note {note.id}",
                   note.document, f"rename it {note.document}fn{note.id.rsplit('fn', 1)[-1]}"
                   if "fn" in note.id else f"rename it {note.document}fnN")


def index_link_kind(ctx: Context) -> Iterator[Hit]:
    """An index links its numbers as what they are: pages as pages, documents as documents."""
    scan = volume_scan_of(ctx)
    if scan is None or not scan.index_found:
        return
    pages = any(i.startswith("pg_") for i in scan.ids)
    docs = _docs(ctx)
    for p in scan.pointers:
        if not p.index or p.element != "ref" or not p.value:
            continue
        t = p.value.strip()
        if not scan.index_by_document and pages and _DOC.match(t):
            yield _hit(ctx, docs, f"index number {p.text!r} is linked to document "
                       f"{t[1:]}, but the index numbers pages", p.line, p.column, p.context,
                       None, f'link page {p.text} as target="#pg_{p.text}"')
        elif scan.index_by_document and _PAGE.match(t):
            yield _hit(ctx, docs, f"index number {p.text!r} is linked to page {t[4:]}, but "
                       "the index numbers documents", p.line, p.column, p.context, None,
                       f'link document {p.text} as target="#d{p.text}"')


RuleSpec = tuple[str, str, str, str, str, Callable[["Context"], Iterator["Hit"]]]

VOLUME_RULE_SPECS: tuple[RuleSpec, ...] = (
    ("XR019", "unknown-volume", "error",
         "a cross-volume target names a FRUS volume that exists",
         "check the volume id against the FRUS bibliography", unknown_volume),
    ("XR020", "ref-outside-documents", "error",
         "a <ref> outside documents (index, contents, front matter, chapter notes) has a "
         "target that names an id",
         "point the ref at an existing xml:id", ref_outside_documents),
    ("XR021", "name-pointer-missing", "error",
         "persName/@corresp, gloss/@target and other pointers name an id that exists",
         "add the person or term to its list, or fix the pointer", name_pointer_missing),
    ("XR022", "page-range-order", "error",
         "a page range <ref>A</ref>–<ref>B</ref> runs forward",
         "check both numbers against the printed volume", page_range_order),
    ("XR023", "document-numbering", "error",
         "documents are numbered 1, 2, 3 ... with no gap or repeat",
         "renumber the documents", document_numbering),
    ("XR024", "footnote-id-form", "error",
         "a note id inside document dN has the form dNfnM",
         "rename the note dNfnM", footnote_id_form),
    ("XR025", "index-link-kind", "warning",
         "index numbers are linked as what they number (pages or documents)",
         "link pages as #pg_N and documents as #dN", index_link_kind),
)
"""The whole-volume rules as ``Rule`` arguments, in id order (:data:`xref.rules.RULES` ends
with them)."""
