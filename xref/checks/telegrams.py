"""Rules on telegram channels: numbering order within a channel and the editors' footnotes
on telegram references (XR016, XR017).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as _date

from xref.checks.context import (
    Context,
    Hit,
    body_telegrams,
    day_of,
    hit_at,
    is_telegram,
    note_name,
    number_of,
)
from xref.cite.models import (
    DocumentCitation,
    TelegramCitation,
)
from xref.cite.names import canonical_party
from xref.read.documents import Container, Document
from xref.resolve.resolution import Resolution


def _same_party(a: str | None, b: str | None) -> bool:
    return bool(a and b and canonical_party(a) == canonical_party(b))


_FOLLOWING = re.compile(r"\b(?:following|follows|next|below|septel)\b", re.I)
COMPANION_SPAN = 3
"""Telegrams sent together are numbered one after another and may cite each other: a cited
number at most this far above the citing telegram's is not out of order."""


def _restarted(earlier: _date, later: _date) -> bool:
    """Whether a 1 January or 1 July (a new calendar or fiscal year, when posts' numbering
    starts again at 1) lies after ``earlier`` and on or before ``later``."""
    for year in range(earlier.year, later.year + 1):
        for month in (1, 7):
            if earlier < _date(year, month, 1) <= later:
                return True
    return False


def _same_post(a: Document, b: Document) -> bool:
    """Whether two telegrams were sent from the same place (unknown places count as same):
    a post's numbers are its own, so the same person's telegrams from Delhi and from Karachi
    are two channels."""
    return not (a.place and b.place and a.place.lower() != b.place.lower())


def channel_order(ctx: Context) -> Iterator[Hit]:
    """A telegram cites only lower-numbered telegrams of its own channel (``ourtel``).

    A cited telegram resolved by channel that has the citing telegram's sender, recipient and
    series, a higher number and an earlier date is out of order (telegrams sent together the
    same day may cite each other, and numbering restarts each year, so only near numbers
    count). An ``ourtel`` that resolves to nothing is judged by its number alone.

    Not out of order: a telegram of an earlier numbering year (a 1 January or 1 July between
    the two), one sent from another post by the same person, and one numbered at most
    :data:`COMPANION_SPAN` above (sent together: ``new draft of resolution (Delga 408)`` in
    Delga 407).
    """
    for doc in ctx.documents:
        own = number_of(doc.own_number)
        when = day_of(doc.date)
        if own is None or not is_telegram(doc):
            continue
        near = range(own + 1, own + max(own, 100))
        for r in body_telegrams(ctx, doc):
            cite = r.citation
            assert isinstance(cite, TelegramCitation)
            if cite.span.start < 3 or cite.relative:
                continue  # the telegram's own number
            target = ctx.corpus.by_id(r.channel_target) if r.channel_target else None
            if target is not None:
                tn, tday = number_of(target.own_number), day_of(target.date)
                if (tn in near and target is not doc and tday is not None and when is not None
                        and tday < when and not _restarted(tday, when)
                        and (target.series or "") == (doc.series or "")
                        and _same_party(target.sender, doc.sender)
                        and _same_party(target.recipient, doc.recipient)
                        and _same_post(target, doc)):
                    yield hit_at(doc, doc.body, cite, f"{cite.text!r} is telegram {tn} "
                               f"(Document {target.number}, {tday}), numbered after this "
                               f"telegram ({own}, {when}) on the same channel")
                continue
            series = cite.series.lower()
            same = series in ("ourtel", "ourtels", "mytel", "mytels") or (
                doc.series is not None and series == doc.series.lower()
            )
            around = doc.body.text[max(0, cite.span.start - 40):cite.span.end + 40]
            cited = number_of(cite.number)
            if (same and cited in near and cited is not None and cited > own + COMPANION_SPAN
                    and not _FOLLOWING.search(around)):
                yield hit_at(doc, doc.body, cite, f"{cite.text!r} is numbered after this "
                           f"telegram ({doc.channel[2]}) on the same channel")


def _telegram_clusters(
    ctx: Context, doc: Document
) -> Iterator[tuple[list[Resolution], Container]]:
    """Telegram citations in the body right before a footnote marker, with that footnote."""
    body = doc.body
    cites = body_telegrams(ctx, doc)
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
_TWO_NUMBERS = re.compile(r"\s*(\d+)\s*/\s*[A-Za-z]+\s+(\d+)\b")
"""A telegram numbered in two series at the head of its text: ``256063/Todel 1287.``"""
_CORRECTED = re.compile(r"\s*\[(\d+)\]")
"""The editors' correction right after a cited number: ``Paris 5541 [5561]``."""


def _own_numbers(target: Document) -> set[int | None]:
    """A telegram's own numbers: the one read, and both of ``256063/Todel 1287``."""
    out = {number_of(target.own_number)}
    m = _TWO_NUMBERS.match(target.body.text)
    if m is not None:
        out |= {int(m.group(1)), int(m.group(2))}
    return out


def _cited_numbers(doc: Document, cluster: list[Resolution]) -> set[int | None]:
    """The numbers a cluster of telegram references cites, with the editors' corrections."""
    out: set[int | None] = set()
    for r in cluster:
        if isinstance(r.citation, TelegramCitation):
            out.add(number_of(r.citation.number))
            m = _CORRECTED.match(doc.body.text, r.citation.span.end)
            if m is not None:
                out.add(int(m.group(1)))
    return out


def footnote_other_telegram(ctx: Context) -> Iterator[Hit]:
    """The editor's footnote on a telegram reference names that telegram, not another.

    A footnote that only points (``Documents 289 and 290.``) right after telegram references
    (``Embtels 596 and 597``) is matched with them in order. A pair disagrees when the
    telegram's channel resolves to another document, or when the footnote names a telegram
    whose number none of the references cites: a telegram's numbers are both of
    ``256063/Todel 1287``, and a cited number's are both of ``Paris 5541 [5561]``.
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
            cited = _cited_numbers(doc, cluster)
            ids = {d.id for d in targets}
            for r, target in zip(cluster, targets, strict=True):
                tn = number_of(target.own_number)
                channel = ctx.corpus.by_id(r.channel_target) if r.channel_target else None
                if len(cluster) > 1 and channel is not None and channel.id in ids:
                    continue  # a list of references, with its documents in another order
                if channel is not None and channel is not target and (
                    tn != number_of(channel.own_number)
                    or channel.volume == doc.volume == target.volume
                ):
                    yield Hit(f"{note_name(note)} names Document {target.number}, but "
                              f"{r.citation.text!r} is Document {channel.number} by its "
                              f"channel ({channel.channel[0]} to {channel.channel[1]}, "
                              f"{channel.date})", doc, note,
                              hint="check the footnote's document number against the telegram "
                              "number")
                    break
                if channel is None and is_telegram(target) and tn is not None and (
                    None not in cited and not _own_numbers(target) & cited
                ):
                    text = ", ".join(x.citation.text for x in cluster)
                    yield Hit(f"{note_name(note)} names Document {target.number} (telegram "
                              f"{target.channel[2]}), but the text cites {text}", doc, note,
                              hint="check the footnote's document number against the telegram "
                              "number")
                    break

