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
    FILES_ANCHOR,
    GATED,
    GATES,
    ONE_DIGIT,
    RARE,
    with_families,
)
from xref.cite.names import CAPITALS, SHORT_POSTS
from xref.cite.pagecontext import PAPER_BEFORE, hearing_before
from xref.cite.triggermatch import POST_BEFORE, TriggerMatcher, alternatives_by_first
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


_D = r"[-\u2010\u2011\u2012\u2013\u2014\u2015]"


_POST_NAMES = frozenset(
    {c for cities in CAPITALS.values() for c in cities}
    | set(SHORT_POSTS)  # "Addis 60", "Delhi 828"
    | {"Geneva", "Hong Kong", "USUN", "Usun", "USNATO", "USEC", "USOECD", "State", "STATE"}
    | {c.upper() for cities in CAPITALS.values() for c in cities}
)
# a short name that ends its city's full name ("Aviv" of "Tel Aviv") is not read inside it: the
# full name is a post of its own, found from its first word
_TAIL_POSTS = {w: c for w, c in SHORT_POSTS.items() if c.endswith(" " + w)}
_POSTS_BY_FIRST = alternatives_by_first(
    _POST_NAMES - {"State", "STATE"} - set(_TAIL_POSTS), _TAIL_POSTS
)
"""The names of posts that sign telegrams (the capitals of the post table, the missions), one
alternation per first letter (each letter's scan pattern holds its own)."""
_POST_AFTER = (
    # "Tokyo's telegram 123": the sender's possessive
    r"(?:['\u2019]s(?=\s+(?:[Tt]elegrams?|tels?\.?)\s+(?:[Nn]o\.\s*)?\d)|"
    # (a comma before more digits than a thousands group lists numbers: "LAGOS 2524,2454")
    r"(?=\s+(?:[Tt]elegrams?|tels?\.?)\s+(?:[Nn]o\.\s*)?\d|\s+(?!1[89]\d\d\b|20\d\d\b)\d{2,6}\b"
    r"(?![,.:]\d{1,3}\b|[.:]\d)"
    r"(?!\s*(?:hours|hrs|GMT|local|a\.m|p\.m|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    r"|per|million|billion|percent|miles|kilometers|tons|dollars|days|weeks|months|years))"
    # a one-digit number, kept only after "see" or "ref" (xref.cite.triggermatch)
    rf"|{ONE_DIGIT}))"
)
"""What follows a post's name in the ``postnum`` trigger."""
_INSTITUTION, _HISTORY_CENTER, _MINISTRY, _TREATIES = (alt for alt, _ in RARE)  # (hinted)
# (group name, rule, strong, pattern). Order matters only among triggers at one position.
_TRIGGERS: list[tuple[str, str, bool, str]] = [
    ("ibid", "ibid", False, r"\b[Ii]bid\b"),
    (
        "pub",
        "other_pub",
        False,
        r"\bDepartment\s+of\s+State\s+Bulletin\b|\bPublic\s+Papers(?:\s+of\s+the\b|(?=\s*:))"
        r"|\bCongressional\s+Record\b"
        # a newspaper is cited by its issue: "the New York Times submitted" is prose
        r"|(?:\bThe\s+)?\bNew\s+York\s+Times\b(?=,?\s*(?:(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug"
        r"|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d|pp?\.|[Ss]ection|[Ss]ec\.))"
        r"|\bAmerican\s+Foreign\s+Policy\b(?=\s*[,:]\s*(?:Current|Basic)|,\s*\d)"
        r"|\bDocuments\s+on\s+(?:American\s+Foreign\s+Relations|Disarmament|Germany)\b"
        r"|\bWeekly\s+Compilation\s+of\s+Presidential\s+Documents\b|\bYearbook\s+of\s+the\s+United\s+Nations\b"
        rf"|{_TREATIES}",
    ),
    (
        "arch",
        "archival",
        False,
        r"\bDepartment\s+(?:o[fr]\s+)?[Ss]tate\b|\b(?:U\.\s?S\.\s+)?National\s+Archives\b"
        r"|\b(?:RG|Record\s+Group)\s+\d|\b[Cc]entral\s+(?:[Dd]ecimal\s+|[Ii]ndexed\s+|Foreign\s+Policy\s+)?[Ff]iles?\b"
        r"|\bCentral\s+Intelligence\s+Agency\b(?:\s+Files)?(?=\s*[,;]|\s*:?\s+Job\b)"
        r"|\bCentral\s+Intelligence\s+Agency\s+Files(?=\.)|\bCIA\s+Files(?=\s*,)"
        r"|\b(?:Washington\s+)?National\s+Records?\s+[Cc]enter\b"
        r"|\b(?:National\s+Security\s+(?:Council|Agency)|Department\s+of\s+(?:the\s+)?(?!State\b)[A-Z][a-z]+"
        r"|Joint\s+Chiefs\s+of\s+Staff"
        r"|JCS)(?=\s*,\s*[A-Z]|\s+(?:[Ff]iles|Records)\b)"
        r"|\b(?:[A-Z][a-z]+|Franklin\s+D\.\s+Roosevelt)\s+(?:Presidential\s+)?"
        r"(?:[Ll]ib[rat]{2,5}y|Materials)\b(?!\s+of)"
        r"|\bLibrary\s+of\s+Congress\b"
        rf"|{_INSTITUTION}"
        r"|\bUniversity\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+Library\b"
        rf"|{_HISTORY_CENTER}"
        rf"|{_MINISTRY}"
        r"|\b\d{3}[A-Za-z]?\d*\.\s?[\dA-Z][\w()]*(?:[\s\w(),.\u2013-]{0,30})/"
        rf"|\b[DP]\d{{6}}\s?{_D}\s?\d{{3,4}}\b|\bDOS,\s*CF\b"
        rf"|\b\d{{3}}(?:\s[A-Z]{{2,4}})?/\d{{1,2}}\s?{_D}\s?\d{{3,4}}\b",
    ),
    (
        "series",
        "archival",
        False,
        r"\b(?:[Ll]ot|LOT)\s*\d+(?:\s*|[-\u2013])[A-Z](?:\s*|[-\u2013])\d|\b(?:NY\s?FRC|WNRC|FRC)\s*\d",
    ),
    # a reference line naming a telegram by its sender: "Ref: State 13889", "Reftel Karachi 406"
    (
        "refline",
        "telegram",
        False,
        r"(?:(?<![A-Za-z])(?:Ref(?:erence)?s?|REFS?)\s*:|(?<=[A-Z])REFS?\s*:|\bReftels?"
        rf"|\bRef\s+(?=[A-Z]\s*{_D}))\s*"
        r"(?:(?:\(?[A-Za-z1-9]\)|[A-Z1-9]\.|[A-Z]\s*[-\u2013\u2014:])\s*)?"
        r"(?=(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,})\s+\d)",
    ),
    # a file series that opens a source note on its own: "IO Files: US/A/1141", "USUN Files"
    (
        "fileseries",
        "archival",
        False,
        r"(?:^|(?<=^Source:\s))[A-Z][\w/&.'\u2019\u2013\u2014-]*(?:\s+[A-Z][\w/&.'\u2019\u2013\u2014-]*){0,3}\s+(?:[Ff]iles|Papers)\b"
        r"(?=\s*[:,;.]|\s*$)",
    ),
    # a series known by its route: "Secun 2 from Paris" (the transformer drops "June 5 to ...")
    ("routed", "telegram", False, r"\b[A-Z][a-z]{3,5}(?=\s+\d+(?:/\d+)?\s+(?:from|to)\s+[A-Z])"),
    # a telegram named by its sender in running text: "Saigon 40677", "State 252815",
    # "CINCPAC 3010"; "Moscow telegram 239" (not a year, an hour or an amount)
    (
        "postnum",
        "telegram",
        False,
        "|".join(f"{POST_BEFORE}(?:{alt}){_POST_AFTER}" for alt in _POSTS_BY_FIRST)
        + r"|(?<!\bof\s)\b(?:State|STATE)(?=\s+\d{4,6}\b(?![,.]\d))"
        r"|\b(?:CINC[A-Z]{2,}|COMUS[A-Z]{2,})(?=\s+\d{3,}\b)"
        # "Department's telegram 789", "the Embassy's telegram 6204": an office's possessive
        r"|\b(?:Department|Embassy|Legation|Consulate|Mission|Delegation)['\u2019]s"
        r"(?=\s+(?:telegrams?|tel\.?)\s+\d)",
    ),
    (
        "tel",
        "telegram",
        True,
        r"\b(?:[Rr]e)?(?:[Dd]ep(?:cir)?|[Ee]mb|[Cc]on|[Ll]eg|[Oo]ur|[Mm]y|[Uu]r|[Yy]our|[Rr]ef|[Cc]irc"
        r"|[Mm]is|[Dd]el|USUN)tels?\b(?=\s*\d|\s+(?:to\s+)?[A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+)?(?:\s(?:[a-z]{2,3}\s)?[A-Z][a-z]+)?\s+\d)"
        r"|\b(?:DEPTEL|EMBTEL|OURTEL|URTEL|MYTEL|REFTEL)S?\b(?=\s*\d)"
        r"|\bTel[a-z]{3}s?(?=\s+\d)|\b(?:Dulte|Tedul|Delga|Gadel)s(?=\s+\d)|\b(?:[A-Z][a-z]{1,4}to(?<!Toronto)s?|To(?!kyo|tal\b|ronto)[a-z]{2,4}"
        r"|(?!(?:Dep|Emb|Con|Leg|Our|Ref|My|Ur|Your|Circ?|Mis|Del|Sep|Info|Re)tel)[A-Z][a-z]{1,4}tel(?<!Hotel)(?<!Motel)s?|Dulte|Tedul|Delga|Gadel"
        r"|[A-Z]{2,4}TO(?<!NATO)(?<!SEATO)(?<!CENTO)S?|TO(?!TAL)[A-Z]{3,4})"
        r"(?=(?:\s+Circ(?:ular|\.)?)?\s+\d)"
        # "Secretary's tel 569": the clipped word before a number
        r"|\btel\.?(?=\s+\d)"
        r"|\b(?:[Cc]ircular\s+)?[Tt]elegrams?(?=\s+(?:[Nn]o\.\s*)?\d"  # or "telegram C 70208"
        r"|\s+[A-Z][A-Za-z]+\s+\d|\s+[A-HJ-Z](?:\s+|\s?[-\u2013\u2014]\s?)\d{5,7}(?![\w/]))"
        r"|\b[Rr]eftels?\b",
    ),
    (
        "ref",
        "ref",
        True,
        r"\b[Dd]ocuments?(?=\s*\d)|\b[Ff]ootnotes?(?=\s+(?:\d|[a-z]\b))"
        r"|\bForeign\s+Relations\b(?=,?\s*1[89]\d\d|\s+of\s+the\s+United\s+States,?\s*1[89]\d)"
        r"|\b(?:Supra|Infra|supra|infra)\b",
    ),
    # "my 485 no visible progress", "basic text our 599 is sound": the writer's (or the
    # addressee's) telegram in a telegram's own text; not a year, nor a number that counts
    # what follows it ("our 15 carriers", "our 60,000 troops", "your 12-mile limit", "our 114
    # Peace Corpsmen", "our 20 per cent")
    (
        "possessive",
        "telegram",
        False,
        # (nor this telegram's own copy: "Our 510 to Seoul repeated Bern 1052")
        r"\b(?:[Mm]y|[Oo]ur|[Yy]our|[Uu]r)(?!\s+\d+\s+to\s+[A-Z][^.;\n]{0,40}?\b(?:repeated|rptd|rpt)\b)"
        r"(?=\s+(?!1[89]\d\d\b)\d{2,6}\b(?![,.:/]\d|[-\u2013%])"
        r"(?!\s+(?:(?!(?:is|was|has|this|thus|as|its)\b)[a-z]+s\b|(?:million|billion|thousand"
        r"|hundred|percent|per|cent|men|man|people|personnel|mile|ton|year|day|month|week|hour"
        r"|minute|member|nation|country|division|aircraft|plus|or|to\s+\d|[ap]\.m)\b"
        r"|(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))[A-Z][a-z])))",
    ),
    (
        "post",
        "telegram",
        False,
        r"\b(?:[A-Z][a-z]+\s)?(?:(?:[A-Z][a-z]+|[A-Z]{2,})['\u2019]s|[A-Z][a-z]*s['\u2019])"
        r"(?=\s+\d{1,6}\b(?![,.]\d)"
        r"(?!\s+(?:per|million|percent)))",
    ),
    # "vol. 43, pp. 456-459" of a book or journal: scan() looks for its title before it
    (
        "works",
        "other_pub",
        False,
        r"\b[Vv]ol(?:ume)?\.?(?=\s*(?:\d+|[IVXLC]+)\b\s*,[^;]{0,60}?\b(?:pp?\.\s*|pages?\s+)\d)",
    ),
    # a FRUS list's next volume: "..., and 1955-1957, vol. XIV, pp. 20 ff." (after a Foreign
    # Relations citation: see scan())
    (
        "frusmore",
        "ref",
        False,
        rf"(?:(?<=\band\s)|(?<=;\s)|(?<=,\s))1[89]\d\d(?:\s*{_D}\s*(?:1[89])?\d\d)?"
        r"(?=,\s*vol(?:ume)?\.?\s+[IVXLC]+\b)",
    ),
    ("vol", "ref", False, r"\b(?:[Vv]ol(?:ume)?s?\.?)(?=\s+[IVXLC]+\b|\s+\d|\s+[ivxlc]{1,7},)"),
    # "No. 2" (19th-century volumes), but not an instruction's "No. 530, of November 23, 1888"
    (
        "num",
        "ref",
        False,
        r"(?:(?<=^)|(?<=[(\[]|\s))Nos?\.(?=\s*\d)"
        r"(?!\s*\d+\]?,?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))",
    ),
    (
        "desp",
        "despatch",
        True,
        r"\b(?:[Dd]espatch(?:es)?|[Dd]ispatch(?:es)?|(?:Emb|Dep|Leg|Con)?desps?)"
        r"(?=\s+(?:[Nn]o\.\s*|[Nn]umber\s+)?\d)",
    ),
    (
        "air",
        "airgram",
        True,
        rf"\b(?:[Cc]ircular\s+)?[Aa]irgrams?(?=\s+(?:[Nn]o\.\s*)?[A-Z]{{0,3}}\s?{_D}?\s?\d)"
        rf"|\b(?:CA|CG|A){_D}\d{{2,}}\b",
    ),
    (
        "page",
        "page",
        False,
        r"\b(?:[Pp]rinted\s+)?(?:[Aa]nte|post)\b(?=,?\s*(?:pp?\.|pages?\s))|\bpp?\.(?=\s*\d)"
        r"|\bpages?(?=\s+\d)",
    ),
]
_UNGATED = with_families(_TRIGGERS, gated=False)  # and the families of xref.cite.familytriggers
_TRIGGERS = with_families(_TRIGGERS)
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


# Anchors: one literal inside every trigger. One alternation of literals scans the text
# several times faster than the full triggers, which are then tried only at the starts of
# the few words that end at an anchor. Every anchor costs those tries wherever it is met, in
# prose too: so an anchor is as narrow as its triggers allow ("vol" or "tel" followed by what
# a volume or telegram trigger reads next, not "involved" or "intelligence"), and none
# serves a trigger that another anchor already serves ("American Foreign Policy" has
# "Foreign", "Library of Congress" "ibrar", "Congressional Record" "Record", "Department of
# Defense" "Department"). Not "Department of" for "Department": "CG–296\n\nThe Department
# has ..." is found only from "Department", two words on (no anchor is inside "CG–296").
_ANCHORS = re.compile(
    r"tels|tel\s|tel\.|teleg|reftel|Teleg|Tel[a-z][a-z][a-z]\s|TEL"
    r"|ocument|ootnote|bid|Lot|lot\s+\d|LOT|CIA\s+Files|FRC|ibra|ibar|Yearbook|Materials"
    r"|Department|Archives|RG|Record|Times|Central|central\s+file|central\s+File|central\s+indexed|central\s+decimal|Universit|Institut|upra|nfra"
    r"|Foreign\s+Relations|Foreign\s+Policy"
    r"|[Vv]olume|[Vv]ols|[Vv]ol\.|[Vv]ol\s|[Vv]ol\d|[Vv]ol[IVXLC]|No\."
    r"|spatch|desp|irgram|pp?\.|page|Bulletin|Papers|UST|UNTS|LNTS|Stat\.|Federal|Fed\.|/|to\s+\d|tos\s+\d|to\s+Circ"
    r"|To[a-z]|Dulte|Delga|Gadel|Tedul|A[-\u2013]\d|Weekly|Documents\s+on|[DP]\d{6}|DOS"
    r"|['\u2019]s\s\d|s'\s\d|s\u2019\s\d|Ref|Society|Security\s+Council|Security\s+Agency|Joint\s+Chiefs|JCS|REF|TO\s+\d|TOS\s+\d"
    r"|Historical\s+Center|Military\s+History|Center\s+for\s|Center\s+of\s|Ministry\s+of"
    r"|\.\d\s|\.\d\d\s|\.\d\d\d\s|1[89]\d\d[-\u2013\u2014]\d\d\d?\d?,|CINC|COMUS"
    r"|My\s\d|my\s\d|ur\s\d|Ur\s\d|" + FILES_ANCHOR +
    # a telegram named by its sender or known by its route: "Saigon 40677", "Secun 2 from Paris"
    # (a digit spelled out: an alternative that starts with \\d could start inside a character
    # for the byte scan of the anchor index)
    r"|" + "|".join(f"{d}\\s{w}\\s" for d in "0123456789" for w in ("from", "to")) + "|"
    + "|".join(re.escape(name).replace("\\ ", "\\s") + r"\s\d" for name in sorted(_POST_NAMES))
)
"""A flat alternation of literals (no groups, no ranges but ``[a-z]``: so that
:class:`~xref.cite.anchors.AnchorIndex` reads it alternative by alternative, with Hyperscan too)."""
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
    hints=tuple(h for _, hints in RARE for h in hints),
)


def _anchors(text: str) -> tuple[list[int], bool]:
    """``[m.start() for m in _ANCHORS.finditer(text)]`` (see :mod:`xref.cite.anchors`), and
    the start of the text, or of a source note after its label (a file series alone); and
    whether the text may hold a gate of the family triggers (found in the same scan)."""
    return _anchors_hints(text)[:2]


def _anchors_hints(text: str) -> tuple[list[int], bool, bool]:
    """:func:`_anchors`, and whether the text may hold a hint of the rare alternatives
    (:data:`~xref.cite.familytriggers.RARE`; True unless Hyperscan looked)."""
    found, gate, rare = _ANCHOR_INDEX.scan_hints(text)
    start = len(_SOURCE_LABEL) if text.startswith(_SOURCE_LABEL) else 0
    if _SERIES_ALONE.match(text, start):
        return sorted({*found, start}), gate, rare
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
