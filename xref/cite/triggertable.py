"""The scan's table: its triggers (one pattern per group, each naming the grammar's start rule
to run there) and its anchors (the literals one of which is inside every trigger).

:mod:`xref.cite.candidates` joins the families' alternatives to :data:`TRIGGERS`
(:func:`xref.cite.familytriggers.with_families`), finds :data:`ANCHORS` in a text and tries
the triggers at the words that end at them. Kept apart from the scan's machinery so that a new
trigger or anchor is written here, beside the others it must not duplicate.
"""

from __future__ import annotations

import re

from xref.cite.familytriggers import FAMILY_ANCHORS, ONE_DIGIT, RARE
from xref.cite.names import CAPITALS, SHORT_POSTS
from xref.cite.triggermatch import POST_BEFORE, alternatives_by_first

__all__ = ["ANCHORS", "POST_AFTER", "POST_NAMES", "POSTS_BY_FIRST", "TAIL_POSTS", "TRIGGERS"]

_D = r"[-\u2010\u2011\u2012\u2013\u2014\u2015]"


POST_NAMES = frozenset(
    {c for cities in CAPITALS.values() for c in cities}
    | set(SHORT_POSTS)  # "Addis 60", "Delhi 828"
    | {"Geneva", "Hong Kong", "USUN", "Usun", "USNATO", "USEC", "USOECD", "State", "STATE"}
    | {c.upper() for cities in CAPITALS.values() for c in cities}
)
# a short name that ends its city's full name ("Aviv" of "Tel Aviv") is not read inside it: the
# full name is a post of its own, found from its first word
TAIL_POSTS = {w: c for w, c in SHORT_POSTS.items() if c.endswith(" " + w)}
POSTS_BY_FIRST = alternatives_by_first(
    POST_NAMES - {"State", "STATE"} - set(TAIL_POSTS), TAIL_POSTS
)
"""The names of posts that sign telegrams (the capitals of the post table, the missions), one
alternation per first letter (each letter's scan pattern holds its own)."""
POST_AFTER = (
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
TRIGGERS: list[tuple[str, str, bool, str]] = [
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
        "|".join(f"{POST_BEFORE}(?:{alt}){POST_AFTER}" for alt in POSTS_BY_FIRST)
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

# Anchors: one literal inside every trigger. One alternation of literals scans the text
# several times faster than the full triggers, which are then tried only at the starts of
# the few words that end at an anchor. Every anchor costs those tries wherever it is met, in
# prose too: so an anchor is as narrow as its triggers allow ("vol" or "tel" followed by what
# a volume or telegram trigger reads next, not "involved" or "intelligence"), and none
# serves a trigger that another anchor already serves ("American Foreign Policy" has
# "Foreign", "Library of Congress" "ibrar", "Congressional Record" "Record", "Department of
# Defense" "Department"). Not "Department of" for "Department": "CG–296\n\nThe Department
# has ..." is found only from "Department", two words on (no anchor is inside "CG–296").
ANCHORS = re.compile(
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
    r"|My\s\d|my\s\d|ur\s\d|Ur\s\d|" + FAMILY_ANCHORS +
    # a telegram named by its sender or known by its route: "Saigon 40677", "Secun 2 from Paris"
    # (a digit spelled out: an alternative that starts with \\d could start inside a character
    # for the byte scan of the anchor index)
    r"|" + "|".join(f"{d}\\s{w}\\s" for d in "0123456789" for w in ("from", "to")) + "|"
    + "|".join(re.escape(name).replace("\\ ", "\\s") + r"\s\d" for name in sorted(POST_NAMES))
)
"""A flat alternation of literals (no groups, no ranges but ``[a-z]``: so that
:class:`~xref.cite.anchors.AnchorIndex` reads it alternative by alternative, with Hyperscan too)."""
