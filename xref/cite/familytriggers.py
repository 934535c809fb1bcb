"""Scan triggers of the citation families read by their structure in issue 12 (G4), kept apart
from :mod:`xref.cite.candidates` (which joins them into its ``_TRIGGERS``): each is one
alternative of a trigger there, with the example it was written from."""

from __future__ import annotations

Trigger = tuple[str, str, bool, str]
"""A trigger of the scan: (group name, start rule, strong, pattern)."""

_D = r"[-\u2010\u2011\u2012\u2013\u2014\u2015]"

LOT_BEFORE_BOX = r"\b(?:[Ll]ot|LOT)\s*\d+\s*,\s*(?:[Bb]ox|BOX)\s+\d"
"""A 1940s lot numbered without a letter, known as a lot by its box: "Lot 126, Box 427"."""

FILES_UN_DOCUMENT = r"\b[A-Z][\w/&.-]*(?:\s+[A-Z][\w/&.-]*){0,2}\s+Files,\s+document\s+[A-Z]{1,4}/"
"""An office's files and a UN document's symbol: "IO Files, document SD/C.1/164"."""

FILES_IN_PARENTHESES = (
    r"(?<=\()(?!(?:The|Not|No|See|In|For|Also|Cf|And|Other|These|Those|All|Some|Such|Both|Our|His|Her|Their)\b)"
    r"[A-Z][\w/&.-]*(?:\s+[A-Z][\w/&.-]*){0,2}\s+Files(?=\s*[),;:])"
)
"""An office's files that open a parenthesis, the 1940s' inline source: "(USUN Files, IO,
Membership)", "(IO Files)", "(L/UNA Files, Folder ...)"."""

DESPATCH_LETTERED = (
    r"\b(?:[Dd]espatch(?:es)?|[Dd]ispatch(?:es)?|(?:Emb|Dep|Leg|Con)?desps?)"
    rf"(?=\s+(?:[Nn]o\.\s*)?[A-Z]{{1,2}}\s?{_D}\s?\d)"
)
"""A despatch with a lettered number: "despatch D-11 from Brussels", "despatch No. D-11"."""

SERIES_AIRGRAM = (
    r"\b(?:[A-Z][a-z]{1,4}to(?<!Toronto)|To(?!kyo|tal\b|ronto)[a-z]{2,4}|[A-Z]{2,4}TO"
    r"|Dulte|Tedul|Delga|Gadel"
    r"|(?!(?:Dep|Emb|Con|Leg|Our|Ref|My|Ur|Your|Circ?|Mis|Del|Sep|Info|Re)tel)[A-Z][a-z]{1,4}tel(?<!Hotel)(?<!Motel))"
    rf"(?=\s+A\s?{_D}\s?\d)"
)
"""A telegram series' own airgram: "Polto A-417" (the series' clipped word, an "A-" number),
"Delga A–80" (any clipped word the grammar's CHANNEL reads as a series)."""

NUMBERED_TEL = (
    r"\b(?:(?:[Cc]ircular\s+)?[Tt]elegrams?(?=\s+(?:[Nn]os\.|#)\s*\d)"
    r"|(?:(?:[Rr]e)?(?:[Dd]ep(?:cir)?|[Ee]mb|[Cc]on|[Ll]eg|[Oo]ur|[Mm]y|[Uu]r|[Yy]our|[Cc]irc"
    r"|[Mm]is|[Dd]el))?tels?\.?(?=\s+(?:[Nn]os?\.|#)\s*\d))"
)
"""A telegram's numbers after the number sign the ``tel`` trigger does not take: a list's
"Nos." ("your telegrams Nos. 1 and 2", frus1955-57v02 d311; "telegrams nos. 39 and 41 of
January 13, 1948", frus1948v05p1 d395) and a clipped word's "No." ("Embtel No. 1062",
frus1955-57v03 d220; "tel No. 12" as well); the sign "#" before either ("telegram #123"). The
grammar reads NUMBER_SIGN (and HASH_SIGN) after any ``tel_head``."""

PLURAL_TEL = (
    r"(?:\btels\.?(?=\s+\d)"
    r"|(?:(?<=\bMY\s)|(?<=\bOUR\s)|(?<=\bYOUR\s)|(?<=\bHIS\s)|(?<=\bITS\s))TELEGRAMS?(?=\s+\d))"
)
"""A telegram word the ``tel`` trigger does not take: the clipped word's plural after its
owner ("my tels 401, 408 and 439", frus1964-68v16 d141; "your tels 52 and 53",
frus1961-63v21 d279; "USDel tels 785, 786", frus1958-60v02 d338), and the word in a telegram's
capitals after a possessive ("AS I POINTED OUT IN MY TELEGRAM 4584", frus1969-76ve14p1 d180;
not the caption "DEPARTMENT OF STATE TELEGRAM 20875" that opens a telegram's own text)."""

_TEL_CABLE_AFTER = (
    rf"\b(?![/.:]\d|\s?{_D}\s?\d)"
    r"(?!\s+(?:hours|hrs|minutes|days|weeks|months|years|per|percent|million)\b))"
)
TEL_CABLE = (
    # the word alone: one digit only after a sign, or before a list, a route or a date (one
    # alternative of the scan: in a group)
    r"(?:\b(?:Tels?\.?|[Cc]ables?)"
    r"(?=\s+(?:(?:[Nn]os?\.\s*|#\s*)\d+|\d{2,}|\d(?=\s*(?:,|and)\s*\d|\s+(?:from|to|of)\s"
    r"|,\s+[A-Z][a-z]+\.?\s+\d))" + _TEL_CABLE_AFTER
    # after "Circular" or the sender's name
    + r"|\b(?:[Cc]ircular\s+(?:[Tt]els?\.?|[Cc]ables?)"
    r"|(?!(?:The|This|That|These|Those|His|Her|Its|Our|Your|My|Their|In|By|See|Separate"
    r"|Following|Previous|Last|Next|Latest|Another|Same|One|Each|Every|Further|Circular)\b)"
    r"(?:[A-Z][a-z]+\s)?(?:[A-Z][a-z]+|[A-Z]{2,5})(?:['\u2019]s)?\s+(?:Tels?\.?|[Cc]ables?))"
    r"(?=\s+(?:[Nn]os?\.\s*|#\s*)?\d+" + _TEL_CABLE_AFTER + ")"
)
"""``tel`` capitalized and ``cable`` as the word for a telegram, in the places of ``telegram``
(the grammar's ``TEL_WORD`` reads both, ``POST_ADJ`` the sender before them): "Circular Tel.
1673" and "Paris Tel 207" (frus1961-63v21 d91, d165), "cable No. 4790" (frus1958-60v11),
"cables 892 and 229" (frus1955-57v23p2), "Rankin’s cable #790" (frus1955-57v02), "Circular
tel 12", "CIA cable 1234". A number must follow (after "No." or "#"), a whole one; of one
digit after the word alone only with a sign, a list, a route or a date: not a memorandum's own
list of the cables it sums up ("Cable 1. From Oslo to Washington.", "(cable 1) is in para. 7",
frus1964-68v07 d25); not a date ("cable 1/26/62"), a telephone number ("Tel
739-2101") nor a count of hours or days.
Gated: the sender's name may start at any capitalized word."""

NUMBERED_POST = r"\b(?:[A-Z][a-z]+\s)?[A-Z][a-z]+['\u2019]s(?=\s+No\.\s*\d{1,6}\b(?![,.]\d))"
"""A post's possessive before its telegram's number sign: "Accra's No. 577 of October 2"
(frus1961-63v21 d235), "Mission’s No. 76" (frus1948v05p1 d78); the builder keeps it only for a
post or a post's office, as after ``post`` (no anchor of its own: the scan finds it from
"No."). Gated (:data:`GATED`): it may start at any capitalized word, and is rare."""

NUMBERED_DESP = r"\b(?:[Dd]espatch(?:es)?|[Dd]ispatch(?:es)?)(?=\s+(?:[Nn]os\.|#)\s*\d)"
"""A list of despatches after "Nos." ("despatches Nos. 12 and 14"), or one after "#" ("despatch
#60"), as :data:`NUMBERED_TEL`."""

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"

# A telegram that prints no number, the ``numberless`` group's alternatives in their order:
# "Karachi telegram September 8, unnumbered" (by its post), "unnumbered telegram November 26",
# "telegram of November 26 from London" (its date and route name it; the builder keeps it only
# for a post); and a dated telegram whose number follows its date ("telegram of July 27, No.
# 5938"). V6: a post's possessive before the word with the date ("Embassy Tokyo’s telegram of
# December 1", frus1955-57v11; the builder keeps it only for a post or its office), the route
# before the date ("telegram from Paris of May 3"). All but the last are gated (:data:`GATED`).
NUMBERLESS_BY_POST = (
    rf"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s+telegram\s+(?:{_MONTH}\s+\d{{1,2}}"
    r"|\d{1,2}\s+[A-Z][a-z]+\.?),\s*unnumbered\b)"
)
NUMBERLESS_WORD = r"\b[Uu]nnumbered(?=\s+(?:telegram|cable)\b)"
NUMBERLESS_BY_POSSESSIVE = (
    rf"\b(?:[A-Z][a-z]+\s)?[A-Z][a-z]+['\u2019]s(?=\s+telegram\s+of\s+(?:{_MONTH}\s+\d"
    rf"|\d{{1,2}}\s+{_MONTH}(?![\w-])))"
)
NUMBERLESS_BY_DATE = (
    rf"\b[Tt]elegram(?=\s+of\s+{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?"
    r"(?:,?\s+(?:from|to)\s+[A-Z]|,\s*No\.\s*\d))"
)
NUMBERLESS_BY_ROUTE = (
    r"\b[Tt]elegram(?=\s+(?:from|to)\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:,\s*|\s+of\s+)"
    rf"(?:{_MONTH}\s+\d|\d{{1,2}}\s+{_MONTH}(?![\w-])))"
)

PARLIAMENTARY_DEBATES = r"\bParliamentary\s+Debates\b(?=[^;()\n]{0,80}?\bcols?\.\s*\d)"
"""A parliament's record cited by its columns: "Parliamentary Debates, House of Commons, 5th
series, vol. 439, col. 2451" (an alternative of the ``pub`` group)."""

TEL_CABLE_ANCHOR = (
    r"Tel\s\d|Tel\.\s\d|Tels\s\d|Tels\.\s\d|cable\s\d|cables\s\d|Cable\s\d|Cables\s\d|cable\s#|Cable\s#"
    r"|cables\s#"
)
"""The anchors of :data:`TEL_CABLE`: the lowercase ``tel`` before a number is the scan's own
("Circular tel 12" is found from it), and a "No." after the word is found from the scan's
``No.`` (an anchor that held it would swallow that one: anchors do not overlap)."""

FAMILY_ANCHORS = (
    r"Files,\sdocument\s|Files\)|Files;|Parliamentary\sDebates|" + TEL_CABLE_ANCHOR
)
"""This module's anchors, joined into the scan's (:mod:`xref.cite.triggertable`): those of
:data:`FILES_UN_DOCUMENT` and :data:`FILES_IN_PARENTHESES` (the scan's words back reach the
office's name), of :data:`PARLIAMENTARY_DEBATES` and of :data:`TEL_CABLE`. Not ``Files,``:
every source note's ``Central Files,`` would send the scan to try its triggers there (3% of
``find_citations``' instructions, callgrind); "(USUN Files, IO, Membership)" is anchored by
:data:`PAREN_FILES` instead, only in a text where the anchors' Hyperscan pass met its hint."""


ONE_DIGIT = (
    r"\s+\d(?!\w|[.,:/]\d|[%-]|\s*(?:hours|hrs|GMT|a\.m|p\.m|per|percent|million|miles|days))"
)
"""What follows a post's name for a telegram with a one-digit number ("ref Seoul 3 to Saigon",
"see Paris 7"): an alternative of the ``postnum`` trigger's number lookahead, which the scan
keeps only where :data:`SEE_BEFORE` matches (elsewhere "London 1" is mostly a copy's number or
a count). A lookahead, not a second copy of the posts' alternation behind lookbehinds: that
doubled the trigger patterns the scan compiles."""

SEE_BEFORE = r"(?:(?<=\b[Ss]ee\s)|(?<=\bref\s)|(?<=\b[Rr]eftel\s)|(?<=\b[Ss]ee\salso\s))"
"""The words before a post's name that say a telegram is named, for :data:`ONE_DIGIT`."""

GATES: dict[str, tuple[str, ...]] = {
    "airgram": (rf"A{_D}", rf"A\s+{_D}"),
    "files": (r"Files,\s+document\s",),
    "unnumbered": ("nnumbered",),
    "possessive telegram of": (r"'s\s+telegram\s+of\s", r"\u2019s\s+telegram\s+of\s"),
    "telegram from": (r"telegram\s+from\s", r"telegram\s+to\s", r"Telegram\s+from\s",
                      r"Telegram\s+to\s"),
    "possessive No.": (r"'s\s+No\.", r"\u2019s\s+No\."),
    "tel No.": (r"tel\s+[Nn]o", r"tels\s+[Nn]o", r"tel\.\s+[Nn]o", r"gram\s+[Nn]os\.",
                r"grams\s+[Nn]os\.", r"tel\s+#", r"tels\s+#", r"tel\.\s+#", r"gram\s+#",
                r"grams\s+#"),
    "tels": (r"tels\s+\d", r"tels\.\s+\d", r"TELEGRAM\s+\d", r"TELEGRAMS\s+\d"),
    "despatches Nos.": (r"spatch\s+[Nn]os\.", r"spatches\s+[Nn]os\.", r"spatch\s+#",
                        r"spatches\s+#"),
    "tel, cable": (r"Tel\s+\d", r"Tel\.\s+\d", r"Tel\s+No", r"Tel\.\s+No", r"Tels\s+\d",
                   r"Tels\.\s+\d", r"ircular\s+tel", r"cable\s+\d", r"cable\s+No", r"cable\s+#",
                   r"Cable\s+\d", r"Cable\s+No", r"Cable\s+#", r"cables\s+\d", r"cables\s+No",
                   r"cables\s+#", r"Cables\s+\d", r"Cables\s+No", r"Cables\s+#"),
}
"""What a text must hold somewhere for a gated alternative (:data:`GATED`) to match in it: a
part of every match of the alternatives it gates, as flat alternatives (as the scan's anchors:
Hyperscan looks for them in the anchors' one pass; a space is ``\\s+``, never ``\\s?``, which
its byte patterns would not read over a space of several bytes). Those alternatives start at
any capitalized word and are rare: the scan tries them only in the texts that hold their
gate."""

GATED: list[tuple[str, str, str]] = [
    ("fileseries", FILES_UN_DOCUMENT, "files"),
    ("air", SERIES_AIRGRAM, "airgram"),
    ("numberless", NUMBERLESS_BY_POST, "unnumbered"),
    ("numberless", NUMBERLESS_WORD, "unnumbered"),
    ("numberless", NUMBERLESS_BY_POSSESSIVE, "possessive telegram of"),
    ("numberless", NUMBERLESS_BY_ROUTE, "telegram from"),
    ("post", NUMBERED_POST, "possessive No."),
    ("tel", NUMBERED_TEL, "tel No."),
    ("tel", PLURAL_TEL, "tels"),
    ("tel", TEL_CABLE, "tel, cable"),
    ("desp", NUMBERED_DESP, "despatches Nos."),
]
"""(group, alternative, gate): the family alternatives tried only where their gate is."""


def with_families(triggers: list[Trigger], gated: bool = True) -> list[Trigger]:
    """``triggers`` with this module's alternatives added to their groups (a lot before its
    box to ``series``, a despatch's lettered number to ``desp``, ...) and the numberless
    telegram's group before ``tel``; ``gated=False``: without the :data:`GATED` ones.

    An office's files in parentheses (:data:`FILES_IN_PARENTHESES`) are a group of their own
    right after ``fileseries`` (as if its last alternative), tried in every text: a gate
    (``Files`` before a comma or a colon) would hold in most source notes and send every gated
    alternative there (3% of ``find_citations``' instructions, callgrind)."""
    more: dict[str, list[str]] = {
        "series": [LOT_BEFORE_BOX],
        "desp": [DESPATCH_LETTERED],
        "pub": [PARLIAMENTARY_DEBATES],
    }
    more["numberless"] = [NUMBERLESS_BY_DATE]
    if gated:
        for name, alt, _ in GATED:
            more.setdefault(name, []).append(alt)
    # the numberless telegram's alternatives in their order
    numberless = [a for a in (NUMBERLESS_BY_POST, NUMBERLESS_WORD, NUMBERLESS_BY_POSSESSIVE,
                              NUMBERLESS_BY_ROUTE, NUMBERLESS_BY_DATE) if a in more["numberless"]]
    out: list[Trigger] = []
    for name, rule, strong, pattern in triggers:
        if name == "tel":
            out.append(("numberless", "telegram", False, "|".join(numberless)))
        alts = [pattern, *more.get(name, [])]
        out.append((name, rule, strong, "|".join(alts)))
        if name == "fileseries":
            out.append(("parenfiles", rule, strong, FILES_IN_PARENTHESES))
    return out


RARE: list[tuple[str, tuple[str, ...]]] = [
    (
        r"\b(?:[A-Z][\w.'-]*\s+){1,5}(?:University|Institut(?:e|ion)|Historical\s+(?:Society|Center))\b",
        ("Universit", "Institut", "Historical"),
    ),
    (
        r"\b(?:[A-Z][\w.]*\s+){0,3}Center\s+(?:of|for)\s+(?:[A-Z][a-z]+\s+){1,2}History\b",
        (r"Center\s+of\s", r"Center\s+for\s"),
    ),
    (r"\b(?:[A-Z][a-z]+\s+)?Ministry\s+of\s+Foreign\s+Affairs\b(?=\s*,)", ("Ministry",)),
    (
        r"\b\d+\s+(?:UST|UNTS|LNTS|Stat\.|Federal\s+Register|Fed\.\s+Reg\.)\s+\d",
        ("UST", "UNTS", "LNTS", r"Stat\.", "Federal", r"Fed\."),
    ),
]
"""Alternatives of the scan's triggers (``xref.cite.candidates._TRIGGERS`` takes them from
here, in this order: an institution, a center of history, a ministry, a treaty series) that
may start at any capitalized word or number and read several words before they fail, yet
need a word that few texts hold, with their hints (literals that every match holds): each is
tried only in a text where the anchors' Hyperscan pass met one of its hints. About 15 M
instructions of a pass of 534 M (the throughput sample: 22 of 940 texts hold one)."""

PAREN_FILES = r"\(([A-Z][\w/&.-]*(?:\s+[A-Z][\w/&.-]*){0,2}\s+Files,)"
"""An office's files opening a parenthesis before their subject parts: "(USUN Files, IO,
Membership)" (frus1955-57v11 d194fn2, the 1950s' inline source). The scan makes its name's
start (group 1) an anchor, where :data:`FILES_IN_PARENTHESES` matches: an anchor ``Files,``
would send the scan to try its triggers at every "Central Files," (3% of ``find_citations``'
instructions). Looked for only in a text where the anchors' Hyperscan pass met
:data:`PAREN_FILES_HINT` (one more hint of the rare alternatives, :data:`RARE`)."""

_W = rb"[0-9A-Za-z_/&.\-\x80-\xff]"
_S = rb"[\x09-\x0d\x1c-\x20\x80-\xff]"
PAREN_FILES_HINT = (
    rb"\([A-Z]" + _W + rb"*(?:" + _S + rb"+[A-Z]" + _W + rb"*){0,2}" + _S + rb"+Files,"
)
""":data:`PAREN_FILES` as a Hyperscan pattern over the UTF-8 text, matching wherever it does
(``\\w`` and ``\\s`` widened to any non-ASCII byte)."""
