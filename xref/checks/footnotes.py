"""Rules on footnote structure: markers, numbering, ids, nesting, duplicate ids (XR001-XR005).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from xref.checks.context import (
    Context,
    Hit,
    note_name,
)
from xref.read.documents import Container


def _inline(c: Container) -> bool:
    return dict(c.attributes).get("rend") == "inline"



_MARKER_CODES = ("marker-without-footnote", "footnote-without-marker", "duplicate-marker")


def marker_mismatch(ctx: Context) -> Iterator[Hit]:
    """Plain text: a marker ``(n)`` with no footnote, a footnote with no marker, or twice."""
    for doc in ctx.documents:
        for d in doc.diagnostics:
            if d.code in _MARKER_CODES:
                yield Hit(d.message, doc, line=d.line)


_SIGNATURE_NOTE = re.compile(
    r"^\s*(?:Printed from an? (?:\w+ )*?copy|The source text) (?:that )?bears? "
    r"(?:this|these|the|a|an) .{0,40}?(?:signature|initials)", re.IGNORECASE)
"""The editors' note on a signature (``Printed from a copy that bears this typed signature``).
The TEI puts ``<closer>`` last, so a signature that stood above a postscript or a memo's
Approve/Disapprove lines is read after them, and its note after theirs."""


def footnote_sequence(ctx: Context) -> Iterator[Hit]:
    """Numbered footnotes of a document run 1, 2, 3 ... in order, with no gap or repeat.

    Not reported: a number printed again at a second marker for the same note (old volumes
    reuse ``Not printed.`` footnotes so), and a signature's note read after the text that
    followed the signature (see :data:`_SIGNATURE_NOTE`)."""
    for doc in ctx.documents:
        seen: dict[int, str] = {}
        expected: int | None = None
        if doc.source is not None and (doc.source.container.label or "").isdigit():
            expected = int(doc.source.container.label or "0") + 1
        notes = [f for f in doc.footnotes if f.label is not None and f.label.isdigit()
                 and not _inline(f.container) and "target" not in dict(f.container.attributes)]
        skip = False
        for i, f in enumerate(notes):
            if skip:
                skip = False
                continue
            n = int(f.label or "0")
            if expected is not None and n < expected and seen.get(n) == f.text:
                continue  # the same note printed again at a second marker
            if expected is not None and n == 1 and expected > 1:
                expected = 2
                continue  # numbering restarts: a source-text footnote reproduced
            seen.setdefault(n, f.text)
            if expected is None:
                expected = 1 if n <= 2 else n
                if n not in (1, 2):
                    yield Hit(f"footnote {n} is the first numbered footnote (expected 1 or 2)",
                              doc, f.container)
            elif n == expected + 1 and i + 1 < len(notes) and notes[i + 1].label == str(
                expected
            ):
                if not _SIGNATURE_NOTE.match(notes[i + 1].text):
                    yield Hit(f"footnote {n} comes before footnote {expected}", doc,
                              f.container, hint="swap the two footnotes' numbers")
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
            where = note_name(outer) if outer is not None else parent
            yield Hit(f"{note_name(c)} is nested inside {where}", doc, c)


def duplicate_id(ctx: Context) -> Iterator[Hit]:
    """``xml:id``\\ s are unique in a volume."""
    if ctx.volume is None:
        return
    for d in ctx.volume.diagnostics:
        if d.code == "duplicate-id":
            yield Hit(d.message, line=d.line)

