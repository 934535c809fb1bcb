"""The find path's fast path: the commonest citation shapes built without a parse tree.

:func:`xref.cite.find.find_citations` asks :func:`fast_citations` before it runs the parser
at a candidate. For a few shapes whose extent the text itself settles, the citations are
made directly from a regular expression's match: the same classes, fields, spans and order
as the parser and its builder (:mod:`xref.cite.families`) would give. Everywhere else, and
whenever the text right after the shape could extend it, the answer is None and the parser
decides (the fast path never guesses: it declines).

The shapes (bench/RESULTS.md 14j counts them on the tuning volumes):

``Document 243``
    the ``ref`` rule's ``doc_ref`` with one number and nothing after it
    (``DocumentCitation(number=243)``), when the number is followed by ``.`` (not a decimal),
    ``;``, ``)``, a comma before no number, ``and``, ``&`` or footnote, a space before a
    small word other than ``and``, ``in``, ``of``, ``through``, ``ff`` and ``et seq``
    (the grammar's ``_FOLLOWING``: a list may go on after it), or the window's end; and
    no capitalized word but ``See`` right before it (``CAB Document 5031`` may be another
    body's paper, which the builder decides from the text before).
``footnote 2, Document 6``
    the ``ref`` rule's ``fn_ref`` with one number and its document after a comma
    (``FootnoteCitation(number="2", document=6)``): nothing goes on after ``fn_where``.
``Ibid.``
    the ``ibid`` rule's bare ``IBID`` token (``IbidCitation()``), when no comma or colon
    (the grammar's ways to a locator) follows.
``Deptel 1338``, ``Embtel 2832``, ``Secto 53``, ``telegram 156``
    the ``telegram`` rule's one word and one number, when the number is followed by ``.``
    (not a decimal), ``)``, ``;`` before no number, a comma or a space before a small word
    that no route, date, list or note starts with, or the window's end. A series word's
    fields (series, sender, recipient: the builder reads them from the word and the volume's
    lexicon) are *learned*: the first time a word with a number of so many digits is parsed
    (:func:`learn`), the builder's answer is kept as that word's template, and the next
    ``word number`` of that length under the same lexicon is built from it. Nothing about a
    series is written here, so a change to how the grammar reads one needs no change here.
``Department of State, Central Files, 793.00/1–1355``
    the ``archival`` rule's path of some parts then a decimal file with its date, when a
    ``)``, the text's end or a period before a marking (``. Secret``, ``. Confidential``:
    words the path's period separator ``SEP`` never goes on to) follows. The parts before
    the file are learned as above: the first parse of that exact prefix with a file of that
    shape (its digits' runs as ``9``: ``9.9/9–9``) must give one central file citation from
    the prefix's start to the file's end with the fields computed here (file, decimal,
    date), and then the next file after that prefix is built here. ``Ibid., 793.00/1–1355``
    (the ``ibid`` rule, its locator a decimal file) is learned and built in the same way.
``Department of State`` in prose
    the ``archival`` rule's bare repository before a small word or at the end, a path that
    names no item: :func:`fast_barren` says where it ends, once a parse has shown that the
    builder makes nothing of it under the lexicon in use (:func:`learn_barren`).

What a shape is here duplicates what ``grammars/citation.lark`` and the builders say about
it: a change to ``doc_ref`` (``_FOLLOWING``), ``fn_ref``/``fn_where``, ``INT``, ``DOCUMENT``,
``ibid``/``IBID``, what may follow a ``telegram``'s number (``TEL_SUFFIX``, ``_LIST_SEP``,
``_ITEM_AND``, ``tel_route``, ``_TEL_ASIDE``, ``tel_date``, ``DATED``, ``tel_relative``,
``REF_NOTE``), ``DECIMAL_FILE``, ``DOS`` or ``SEP`` must be mirrored here (the learned
fields follow the builders by themselves). ``tests/test_fastpath.py`` compares this module
with the parser at every candidate of real and made-up texts and fails when they diverge,
and ``bench/compare_find.py`` checks the whole corpus.
"""

from __future__ import annotations

import re

from xref.cite.lexicon import SeriesLexicon, current_lexicon
from xref.cite.models import (
    CentralFileCitation,
    Citation,
    DocumentCitation,
    FootnoteCitation,
    IbidCitation,
    Span,
    TelegramCitation,
)
from xref.cite.normalize import decode_file_date, normalize_dashes

__all__ = ["SHAPES", "fast_barren", "fast_citations", "forget", "learn", "learn_barren"]

_DOCUMENT = re.compile(
    # DOCUMENT one space INT (INT: no digit, "/" or ".digit" after it), then what cannot
    # go on: _LIST_SEP, _FN_AND, _FN_COMMA, a range's DASH or THROUGH, IN and OF all need
    # a comma, a dash, a number or one of their words first
    r"[Dd]ocument (\d+)"
    r"(?:(?=[.;)])(?!\.\d)|(?=,)(?!,\s*(?:\d|&|(?i:and|footnote)))"
    r"|(?=[ ](?!(?:and|in|of|thru|through|ff)\b|et\s+seq\b)[a-z])|\Z)"
)
_FOOTNOTE = re.compile(
    # FOOTNOTE fn_num, fn_where's comma, DOCUMENT INT: the end of an fn_ref, which nothing
    # follows (INT must lex whole: no digit, "/", ".digit", nor a letter after it)
    r"[Ff]ootnote (\d+), Document (\d+)(?![\w/]|\.\d)"
)
_IBID = re.compile(
    # IBID with its period; a locator needs a comma or a colon after it (spaces between)
    r"[Ii]bid\.(?!\s*[,:])"
)

_TELEGRAM = re.compile(
    # one word, one space, INT; then no TEL_SUFFIX, _LIST_SEP, _ITEM_AND (a comma or a
    # semicolon before a number), route, _TEL_ASIDE, date, relative or REF_NOTE: a period,
    # a parenthesis, a semicolon before no number, a comma before a small word none of
    # those starts with, a space before one, or the end
    r"([A-Za-z]+) (\d+)"
    r"(?:(?=[.)])(?!\.\d)|(?=;)(?!;\s*(?:and\s+)?\d)"
    r"|(?=,[ ](?!(?:and|for|from|to|of|dated|supra|above|infra|below)\b)[a-z])"
    r"|(?=[ ](?!(?:and|from|to|of|dated|thru|through|circular)\b)[a-z])|\Z)"
)

_FILE_AT_END = (
    # a decimal file with a date (a strict part of DECIMAL_FILE), then no SEP: ")", the end,
    # or a period before a marking that SEP's period excludes
    r"(\d{3}(?:[A-Z]?\d*\.\d+)?/\d{1,2}[-\u2013]\d{3,4})"
    r"(?:(?=\))|\.?\Z"
    r"|\.(?=[ ](?:Top[ ]Secret|Secret|Confidential|Official|Limited|Unclassified)\b))"
)
_CENTRAL = re.compile(
    # the parts before the file: none, or any ending in a comma and a space
    r"((?:[^\n;()]{0,120}?, )?)" + _FILE_AT_END
)
_IBID_FILE = re.compile(r"([Ii]bid\., )" + _FILE_AT_END)
_COMMA_FILE = re.compile(", " + _FILE_AT_END)
_FILE_HERE = re.compile(_FILE_AT_END)


def _central(text: str, start: int, window: int) -> re.Match[str] | None:
    """``_CENTRAL.match(text, start, window)``, ruled out first by two cheaper searches: it
    matches only where a file ends the window's shape right at ``start`` (no parts) or after
    a comma and a space (the last of its parts). Its lazy parts try every length up to 120
    at every candidate; the search for ``", "`` skips to the commas."""
    if (
        _COMMA_FILE.search(text, start, window) is None
        and _FILE_HERE.match(text, start, window) is None
    ):
        return None
    return _CENTRAL.match(text, start, window)
_DIGITS = re.compile(r"\d+")
_PATHS: dict[tuple[str, str, str, str | None], SeriesLexicon] = {}
"""(the rule, the parts before the file, the file's shape, the citing volume) -> the lexicon
under which that prefix gave one central file (in an ibid, as its locator)."""

_BARE_DOS = re.compile(
    # DOS alone: then no SEP (a comma, a semicolon, a colon, "and" before a code or a
    # slash, a period before a file or a name) and no "file 740.5", only a space before a
    # small word, or the end
    r"Department of State(?=[ ](?!(?:and|files?)\b)[a-z]|\Z)"
)
_BARREN: dict[tuple[bool, str | None], SeriesLexicon] = {}
"""(at the window's end or not, the citing volume) -> the lexicon under which a bare
``Department of State`` was read as a path that names no item."""

_Template = tuple[SeriesLexicon, str, str | None, str | None]
_TEMPLATES: dict[tuple[str, int], _Template] = {}
"""(word, digits of the number) -> (the lexicon in use, series, sender, recipient), as the
builder gave them for a telegram of that shape."""
MAX_TEMPLATES = 4096
"""The templates kept; when there are more, all are forgotten (a series word is learned
again at its next parse)."""

SHAPES: dict[str, str] = {
    "ref": "Document N, footnote N, Document N",
    "ibid": "Ibid., Ibid., 793.00/1-1355",
    "telegram": "Word N",
    "archival": "..., 793.00/1-1355",
}
"""The start rules the fast path answers for, and the shape it reads in each."""


def fast_citations(
    text: str, start: int, rule: str, window: int, volume: str | None
) -> list[Citation] | None:
    """The citations the parser would read at ``text[start:window]`` with ``rule``, when
    they have one of the fast path's shapes; None when the parser must decide."""
    if rule == "archival":
        c = _central(text, start, window)
        if c is None or _PATHS.get(_central_key(rule, c, volume)) is not current_lexicon():
            return None
        return [_central_file(text, start, c)]
    if rule == "ref":
        m = _DOCUMENT.match(text, start, window)
        if m is not None and _named_before(text, start):
            return None  # "CAB Document 5031", "Senate Document 12": maybe another body's
        if m is None:
            f = _FOOTNOTE.match(text, start, window)
            if f is None:
                return None
            end = f.end()
            return [
                FootnoteCitation(
                    span=Span(start, end),
                    text=text[start:end],
                    number=f.group(1),
                    document=int(f.group(2)),
                )
            ]
        end = m.end(1)
        return [
            DocumentCitation(
                span=Span(start, end), text=text[start:end], number=int(m.group(1))
            )
        ]
    if rule == "ibid":
        m = _IBID.match(text, start, window)
        if m is None:
            c = _IBID_FILE.match(text, start, window)
            if c is None or _PATHS.get(_central_key(rule, c, volume)) is not current_lexicon():
                return None
            return [_ibid_file(text, start, c)]
        end = start + 5
        return [IbidCitation(span=Span(start, end), text=text[start:end])]
    if rule == "telegram":
        m = _TELEGRAM.match(text, start, window)
        if m is None:
            return None
        number = m.group(2)
        found = _TEMPLATES.get((m.group(1), len(number)))
        if found is None or found[0] is not current_lexicon():
            return None
        end = m.end(2)
        _, series, sender, recipient = found
        return [
            TelegramCitation(
                span=Span(start, end),
                text=text[start:end],
                number=number,
                series=series,
                sender=sender,
                recipient=recipient,
            )
        ]
    return None


_CAPITALIZED_END = re.compile(r"[A-Z][\w.&\u2019'-]*$")


def _named_before(text: str, start: int) -> bool:
    """Whether a capitalized word other than ``See`` stands right before ``start`` (a space
    between): the builder may read it as the name of a body whose paper the document is
    (``CAB Document 5031``, ``U.N. Document 12``), so the parser decides."""
    before = text[max(0, start - 40) : start]
    word = before.rstrip()
    if len(word) == len(before):
        return False
    last = _CAPITALIZED_END.search(word)
    return last is not None and last.group() != "See"


def learn(
    text: str, start: int, rule: str, window: int, found: list[Citation], volume: str | None
) -> None:
    """Keep the parser's answer ``found`` at ``text[start:window]`` as a template, when the
    text has a shape whose fields are learned (a telegram's ``word number``, the parts
    before a decimal file) and the answer is what this module would make of it."""
    if len(found) != 1:
        return
    if rule in ("archival", "ibid"):
        c = (
            _central(text, start, window) if rule == "archival"
            else _IBID_FILE.match(text, start, window)
        )
        if c is None:
            return
        made = _central_file(text, start, c) if rule == "archival" else _ibid_file(text, start, c)
        if found[0] == made:
            if len(_PATHS) >= MAX_TEMPLATES:
                _PATHS.clear()
            _PATHS[_central_key(rule, c, volume)] = current_lexicon()
        return
    if rule != "telegram":
        return
    m = _TELEGRAM.match(text, start, window)
    if m is None:
        return
    cit = found[0]
    if (
        type(cit) is not TelegramCitation
        or cit.span != Span(start, m.end(2))
        or cit.number != m.group(2)
        or cit.date is not None
        or cit.relative is not None
        or cit.numberless
    ):
        return
    if len(_TEMPLATES) >= MAX_TEMPLATES:
        _TEMPLATES.clear()
    key = (m.group(1), len(m.group(2)))
    _TEMPLATES[key] = (current_lexicon(), cit.series, cit.sender, cit.recipient)


def _ibid_file(text: str, start: int, m: re.Match[str]) -> IbidCitation:
    """The ibid of an ``_IBID_FILE`` match: its file as locator, as ``families.ibid`` makes it."""
    end = m.end(2)
    return IbidCitation(
        span=Span(start, end), text=text[start:end], locator=_central_file(text, m.start(2), m)
    )


def _central_file(text: str, start: int, m: re.Match[str]) -> CentralFileCitation:
    """The central file citation from ``start`` to the file of a ``_CENTRAL`` or
    ``_IBID_FILE`` match, as ``families.paths`` makes it."""
    end = m.end(2)
    file = normalize_dashes(m.group(2))
    decimal, _, date_part = file.partition("/")
    return CentralFileCitation(
        span=Span(start, end),
        text=text[start:end],
        file=file,
        decimal=decimal,
        date=decode_file_date(date_part),
    )


def _central_key(
    rule: str, m: re.Match[str], volume: str | None
) -> tuple[str, str, str, str | None]:
    return (rule, m.group(1), _DIGITS.sub("9", m.group(2)), volume)


def _barren_key(m: re.Match[str], window: int, volume: str | None) -> tuple[bool, str | None]:
    return (m.end() == window, volume)


def fast_barren(text: str, start: int, rule: str, window: int, volume: str | None) -> int | None:
    """Where the parser's path at ``text[start:window]`` ends when it is known to name no
    item (a bare ``Department of State`` in prose, learned by :func:`learn_barren`); None
    when the parser must decide."""
    if rule != "archival":
        return None
    m = _BARE_DOS.match(text, start, window)
    if m is None or _BARREN.get(_barren_key(m, window, volume)) is not current_lexicon():
        return None
    return m.end()


def learn_barren(text: str, start: int, window: int, end: int, volume: str | None) -> None:
    """Keep that the parser read an archival path at ``text[start:window]`` to ``end`` and
    the builder made nothing of it, when the path is a bare ``Department of State``."""
    m = _BARE_DOS.match(text, start, window)
    if m is not None and m.end() == end:
        _BARREN[_barren_key(m, window, volume)] = current_lexicon()


def forget() -> None:
    """Forget every learned template (tests; after the grammar or a builder changes)."""
    _TEMPLATES.clear()
    _PATHS.clear()
    _BARREN.clear()
