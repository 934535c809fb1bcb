"""The cheap scan: one compiled regular expression finds where citations may start.

Each trigger names the grammar's start rule to run there. No Lark here: the scan reads the
text once, and the LALR parser runs only at the triggers (:mod:`xref.cite.find`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from xref.cite.anchors import AnchorIndex
from xref.cite.familytriggers import (
    GATED,
    GATES,
    PAREN_FILES,
    PAREN_FILES_HINT,
    RARE,
    with_families,
)
from xref.cite.pagecontext import PAPER_BEFORE, hearing_before
from xref.cite.triggermatch import TriggerMatcher
from xref.cite.triggertable import ANCHORS as _ANCHORS
from xref.cite.triggertable import TRIGGERS
from xref.cite.wordsback import WORDS_REVERSED

__all__ = ["Candidate", "scan"]


class Candidate(NamedTuple):
    """A place where a citation may start: parse ``text[start:]`` with ``rule``.

    A named tuple, not an attrs class: one is made for every trigger the scan finds, and
    a tuple is made in a third of the time.
    """

    start: int
    """Where the parse starts (may be before the trigger word, for a series name)."""
    trigger: int
    """Where the trigger word itself is."""
    rule: str
    """The grammar start rule to run."""
    strong: bool
    """A strong trigger (a telegram or document word with a number after it) that does not
    parse is reported as ``unparsed``; a weak one that does not parse is just prose."""
    trigger_rule: str | None = None
    """The rule to run from the trigger itself, when the parse from ``start`` finds nothing
    (a title read before "p. 925" that is not one); None: ``rule``."""


# the table's triggers (xref.cite.triggertable) and the families of xref.cite.familytriggers
_UNGATED = with_families(TRIGGERS, gated=False)
_TRIGGERS = with_families(TRIGGERS)
_RULES = {name: (rule, strong) for name, rule, strong, _ in _TRIGGERS}
# the trigger alternation's match (``_MATCHER.full.full``: one named group per trigger),
# trying only the triggers that can start with the character there (xref.cite.triggermatch)
_MATCHER = TriggerMatcher(_TRIGGERS, _UNGATED, GATED, tuple(alt for alt, _ in RARE))

# A series name right before a lot or accession: "Ball Files; ", "S/S Files: ", "USUN Files:"
_SERIES_BEFORE = re.compile(
    r"(?:[A-Z][\w/&.'\u2019\u2013\u2014-]*(?:\s+(?:of|and|for|on|the|to|in|files|[A-Z(][\w/&.'\u2019()\u2013\u2014-]*))*)"
    r"\s*[:;,]\s*$"
)
_SERIES_ENDS = frozenset(":;,")
"""What :data:`_SERIES_BEFORE` ends in before its spaces (``window.rstrip()[-1:]``)."""
_LOOKBACK = 120

# The title of a book or journal right before its volume or pages, perhaps with a date, a year
# or where it was published between: "Papers of Woodrow Wilson, ", "Years of Renewal, ", "Los
# Angeles Times, April 11, 1976, ", "Tides of Fortune, 1945-1955 (New York: Harper, 1969), "
_TITLE_WORD = r"(?:[A-Z][a-z]{0,2}\.|(?:[A-Z]\.)+|[A-Z][\w'\u2019-]*)"
"""A title's word; it ends in a period only as an abbreviation ("U.S.", "St.")."""
_TITLE_BEFORE = re.compile(
    r"(?<![\w.'\u2019-])(?!Foreign\s+Relations\b|FRUS\b|[IVXLC]+\b"
    r"|(?:See|Also|Cf|In|For|Ante|Post|Source|Vol|Volume)\b)"
    rf"{_TITLE_WORD}(?:(?::\s+|\s+)(?!See\b)(?:{_TITLE_WORD}|of|and|the|on|for|in))*"
    r"(?:\s*,\s*(?:(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s*)?"
    r"(?:1[789]|20)\d\d(?:\s*[-\u2013\u2014]\s*\d{2,4})?)?"
    r"(?:\s*\([^()]{0,80}:[^()]{0,80}(?:1[789]|20)\d\d\))?"
    # a journal's volume and year: "Middle East Journal 20 (1966), "
    r"(?:\s+\d{1,3}\s*\((?:[A-Za-z]+\.?\s+)?(?:1[789]|20)\d\d\))?"
    # a book of a set: "United States-Vietnam Relations, 1945-1967, Book 11, "
    r"(?:\s*,\s*Book\s+[IVX\d]+)?\s*,\s*$"
)

# a telegram's own series and number at the very start of its text: "Delga 405. Re ..."
_OWN_NUMBER = re.compile(r"(?![A-Za-z]*tel\b)(?:[A-Z][a-z]{3,5}|[A-Z]{4,6})\s+\d+\.\s+\S")

# where a telegram lists its own copies: "Sent Department 210; repeated London 60; Baghdad 18",
# "Deptel 6208 repeated Bonn 2771, Brussels 1285", "Department pass London 34, Paris 1"
_DISTRIBUTION_BEFORE = re.compile(
    r"\b(?:[Ss]ent|[Rr]epeated|[Rr]pte?d|[Rr]pt|[Pp]ass(?:ed)?|[Ii]nfo|[Pp]ouched)\b[^.:\n()]*$"
)

_ROUTE_BEFORE = re.compile(r"\b(?:to|from|at|by|of)(?:\s+the)?\s+$")
"""A place a telegram went to or came from, or an author, not a title: ``to Tehran, p. 44``,
``memorandum of February 11 by Mr. Hickerson, p. 224``, ``Cutler to the President, Aug. 30,
1954, p. 740``."""

# "No. 2" is a document only where nothing names another series of numbers before it
_NUMBERED_NOUN_BEFORE = re.compile(r"(?:[A-Za-z][\w.]*|\d)\s*$")
_NUMBERED_OK_WORDS = frozenset(
    {"see", "in", "to", "and", "also", "under", "with", "of", "cf", "See"}
)


_SOURCE_LABEL = "Source: "
_SERIES_ALONE = re.compile(
    r"[A-Z][\w/&.'\u2019\u2013\u2014-]*(?:\s+[A-Z][\w/&.'\u2019\u2013\u2014-]*){0,3}\s+(?:[Ff]iles|Papers)\b"
    r"|\d{3}[\s./]"
)
"""A file series or a decimal file opening a text ("IO Files: US/A/1141", "811.20200(D)/8-2448"):
only then is the start an anchor."""
_ANCHOR_INDEX = AnchorIndex(
    _ANCHORS,
    flags=tuple(a for g in GATES.values() for a in g),
    hints=(*(h for _, hints in RARE for h in hints), PAREN_FILES_HINT),
)
_PAREN_FILES = re.compile(PAREN_FILES)


def _anchors(text: str) -> tuple[list[int], bool]:
    """``[m.start() for m in _ANCHORS.finditer(text)]`` (see :mod:`xref.cite.anchors`), and
    the start of the text, or of a source note after its label (a file series alone); and
    whether the text may hold a gate of the family triggers (found in the same scan)."""
    return _anchors_hints(text)[:2]


def _anchors_hints(text: str) -> tuple[list[int], bool, bool]:
    """:func:`_anchors`, and whether the text may hold a hint of the rare alternatives
    (:data:`~xref.cite.familytriggers.RARE`, or :data:`~xref.cite.familytriggers.PAREN_FILES`
    whose names' starts are anchors; True unless Hyperscan looked)."""
    found, gate, rare = _ANCHOR_INDEX.scan_hints(text)
    start = len(_SOURCE_LABEL) if text.startswith(_SOURCE_LABEL) else 0
    if _SERIES_ALONE.match(text, start):
        found = sorted({*found, start})
    if rare and "Files," in text:  # "(USUN Files, IO, ...)": a hint (Hyperscan met it)
        more = [m.start(1) for m in _PAREN_FILES.finditer(text)]
        if more:
            found = sorted({*found, *more})
    return found, gate, rare


def _anchor_positions(text: str) -> list[int]:
    """The anchors' positions of :func:`_anchors`."""
    return _anchors(text)[0]


def _trigger_starts(text: str) -> list[re.Match[str]]:
    seen: dict[int, re.Match[str]] = {}
    tried: set[int] = set()
    # _MATCHER.match(text, p), inlined: table[text[p]].match(text, p), and the gated
    # alternatives' match when the text holds a gate
    anchors, gate, rare = _anchors_hints(text)
    table, gated = _MATCHER.tables(gate, rare)
    with_gated = _MATCHER.with_gated
    checked = _MATCHER.postnum_checked

    reverse = text[::-1]
    n = len(text)
    back = WORDS_REVERSED.match
    for i in anchors:
        if i >= n:
            continue
        # try the start of each of the (up to four) words ending at the anchor, and the
        # anchor itself (xref.cite.wordsback.tried_starts, inlined: this loop runs for every anchor)
        bound = n - max(0, i - 48)
        w = back(reverse, n - i, bound)
        assert w is not None
        if i > 0 and text[i - 1] == "\n":
            w2 = back(reverse, n - i + 1, bound)
            assert w2 is not None
            if w2.end() > w.end():
                w = w2
        for a, b in w.regs[1:]:
            if b <= a:
                continue
            start = n - b
            if start in tried:
                continue
            tried.add(start)
            pattern = table[text[start]]
            m = pattern.match(text, start) if pattern is not None else None
            if gated is not None:
                m = with_gated(text, start, m, gated)
            if m is not None and (m.lastgroup != "postnum" or (m := checked(text, m))):
                seen[start] = m
        if i not in tried:
            tried.add(i)
            pattern = table[text[i]]
            m = pattern.match(text, i) if pattern is not None else None
            if gated is not None:
                m = with_gated(text, i, m, gated)
            if m is not None and (m.lastgroup != "postnum" or (m := checked(text, m))):
                seen[i] = m
    return [seen[k] for k in sorted(seen)]


_FIRST_NAME_BEFORE = re.compile(
    r"(?:\bThe\s+)?\b(?!(?:The|See|Also|In|At|From|For|And|Of|On|By|With|Ibid|Source|Under"
    r"|Both|Copy|Copies|Printed)\s)[A-Z][a-z]+\s+(?:[A-Z]\.?\s+|[A-Z][a-z]+\s+)?$"
)
"""A first name (and an initial or a middle name) right before a library's name."""


def scan(text: str) -> Iterator[Candidate]:
    """Yield the candidate starts in ``text``, in order of their trigger."""
    for m in _trigger_starts(text):
        name = m.lastgroup
        assert name is not None
        rule, strong = _RULES[name]
        start = m.start()
        if name == "series":
            window = text[max(0, start - _LOOKBACK) : start]
            # the pattern ends in punctuation and spaces: a cheap test first
            s = _SERIES_BEFORE.search(window) if window.rstrip()[-1:] in _SERIES_ENDS else None
            if s is not None:
                start = start - len(window) + s.start()
        elif name == "arch" and m.group().endswith(("ibrary", "Museum")):
            # "Jimmy Carter Presidential Library", "The Richard Nixon Library": the
            # President's first name (the grammar's LIBRARY reads it)
            s = _FIRST_NAME_BEFORE.search(text, max(0, start - 40), start)
            if s is not None:
                start = s.start()
        elif name == "works" or (name == "page" and text.startswith("p", start)):
            window = text[max(0, start - _LOOKBACK) : start]
            # the pattern ends in a comma and spaces: a cheap test first
            s = _TITLE_BEFORE.search(window) if window.rstrip().endswith(",") else None
            if s is not None and _ROUTE_BEFORE.search(window, 0, s.start()):
                s = None  # "telegram 869, September 14, to Tehran, p. 44": a place, no title
            if s is None and name == "page" and (h := hearing_before(text, start)) is not None:
                yield Candidate(h, m.start(), "other_pub", strong, rule)
                continue
            # no title: as any "vol. N", the pages of a "vol. N" are not this volume's
            fallback = "ref" if name == "works" else rule
            if s is None and name == "page" and PAPER_BEFORE.search(window):
                continue
            if s is not None:
                start = start - len(window) + s.start()
                yield Candidate(start, m.start(), "other_pub", strong, fallback)
                continue
            rule = fallback
            quote = text.rfind("\u201c", max(0, start - 400), start)
            if (
                rule == "page"
                and quote >= 0
                and text.find("\u201d", quote, start) < 0
                and text.rfind("[", 0, start) <= text.rfind("]", 0, start)
            ):
                # a page inside a quotation is the quoted paper's, not this volume's (unless
                # the editors' brackets put it there: "[p. 123]")
                continue
        elif name == "frusmore":
            if "Foreign Relations" not in text[max(0, start - 400) : start]:
                continue
        elif name == "postnum":
            # "Sent Department 483, repeated London 60": the copies of this telegram, not
            # other telegrams
            if _DISTRIBUTION_BEFORE.search(text, max(0, start - 160), start):
                continue
        elif name == "tel" and _OWN_NUMBER.match(text, start) and not text[:start].strip():
            continue  # "Delga 22. US draft ...": the telegram's own number, opening its text
        elif name == "num":
            before = text[max(0, start - 30) : start]
            if before.rstrip().endswith(","):
                continue  # "Bayard to Phelps, No. 530": a despatch's own number
            w = _NUMBERED_NOUN_BEFORE.search(before)
            if w is not None:
                word = w.group(0).strip().rstrip(".").lower()
                if word not in _NUMBERED_OK_WORDS:
                    continue
        yield Candidate(start, m.start(), rule, strong)
