"""Rules on dates: a source note's file date and the dates of telegrams cited in the text
(XR014, XR015).
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
    number_of,
)
from xref.cite.models import (
    CentralFileCitation,
    IbidCitation,
    TelegramCitation,
)
from xref.resolve.resolution import complete_date

FILE_DATE_BEFORE_DAYS = 180
"""A source note's decimal file may be dated this many days before its document (filed with
an earlier paper it answers) ..."""
FILE_DATE_SLIP_DAYS = 27
"""... but only this many when it differs from the document's date in one field (a slip)."""
FILE_DATE_AFTER_DAYS = 60
"""... and this many days after it (filing lags)."""

_FILED_WITH = re.compile(r"\b(?:filed with|attached to|enclosure to|filed under)\b", re.I)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_STATED_DATE = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS)
                          + r")\s+(\d{1,2}),\s+(\d{4})\b")


def _stated_dates(text: str) -> set[_date]:
    """The full dates (``February 21, 1958``) a note states."""
    out = set()
    for m in _STATED_DATE.finditer(text):
        try:
            out.add(_date(int(m.group(3)), _MONTHS.index(m.group(1).lower()) + 1,
                          int(m.group(2))))
        except ValueError:
            continue
    return out


def file_date(ctx: Context) -> Iterator[Hit]:
    """A source note's decimal file is dated near its document (not before, not long after),
    unless the note says the file is another paper's (``filed with``, ``enclosure to``) or
    states the file's date itself (the despatch the document was sent with)."""
    for doc in ctx.documents:
        when = day_of(doc.date)
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
            filed = day_of(cite_file.date)
            # the note may say what the file is dated by: 'sent to the Department as an
            # attachment to despatch 474 from Taipei, February 21, 1958'
            if (filed is not None and not _FILED_WITH.search(c.text)
                    and filed not in _stated_dates(c.text)):
                delta = (filed - when).days
                # one field changed (2-1261 for April 12, 1961) is a slip; a month or two
                # before is usual (papers filed with the message they answer)
                slip = filed.day == when.day and (filed.month == when.month
                                                  or filed.year == when.year)
                if (delta > FILE_DATE_AFTER_DAYS or delta < -FILE_DATE_BEFORE_DAYS
                        or (slip and delta < -FILE_DATE_SLIP_DAYS)):
                    yield hit_at(doc, c, cite, f"file {cite_file.file} is dated {filed} but the "
                               f"document is dated {when} ({delta:+d} days)")
            break


RECORD_LAG_DAYS = 14
"""A record of a conversation or meeting is dated by the talk, and written up to this many days
later: it may cite a telegram sent in between."""

_RECORD = re.compile(r"\b(?:conversation|meeting|record)\b")


def _written_later(genre: str | None, when: _date, cited: _date) -> bool:
    """Whether a record dated ``when`` (by its conversation) may cite a paper of ``cited``."""
    return bool(genre and _RECORD.search(genre)) and 0 < (cited - when).days <= RECORD_LAG_DAYS


def telegram_after(ctx: Context) -> Iterator[Hit]:
    """A telegram cited in a document's text is not dated after that document.

    The cited telegram is the one its channel resolves to (or that the editors' footnote
    names, when that telegram has the cited number); a date written in the citation counts
    too. A memorandum of conversation or for the record, dated by the talk, may cite a
    telegram of the next :data:`RECORD_LAG_DAYS` days (written before the memorandum was).
    """
    for doc in ctx.documents:
        when = day_of(doc.date)
        if when is None:
            continue
        for r in body_telegrams(ctx, doc):
            cite = r.citation
            assert isinstance(cite, TelegramCitation)
            target = ctx.corpus.by_id(r.channel_target) if r.channel_target else None
            how = "by its channel"
            if target is None and r.evidence:
                found = ctx.corpus.by_id(r.evidence)
                if found is not None and is_telegram(found) and (
                    number_of(found.own_number) == number_of(cite.number) is not None
                ):
                    target, how = found, "per the editors' footnote"
            tday = day_of(target.date) if target is not None else None
            if tday is not None and _written_later(doc.genre, when, tday):
                continue
            if target is not None and tday is not None and tday > when:
                yield hit_at(doc, doc.body, cite, f"{cite.text!r} is Document {target.number} "
                           f"({how}), dated {tday}, after this document ({when})")
                continue
            cday = day_of(complete_date(cite.date, doc.date))
            if cday is not None and cday > when and cite.date and not cite.date.startswith("--"):
                yield hit_at(doc, doc.body, cite, f"{cite.text!r} is dated {cday}, after this "
                           f"document ({when})")

