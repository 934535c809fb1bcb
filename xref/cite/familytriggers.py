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
    rf"(?=\s+[A-Z]{{1,2}}\s?{_D}\s?\d)"
)
"""A despatch with a lettered number: "despatch D-11 from Brussels"."""

SERIES_AIRGRAM = (
    r"\b(?:[A-Z][a-z]{1,4}to(?<!Toronto)|To(?!kyo|tal\b|ronto)[a-z]{2,4}|[A-Z]{2,4}TO)"
    rf"(?=\s+A\s?{_D}\s?\d)"
)
"""A telegram series' own airgram: "Polto A-417" (the series' clipped word, an "A-" number)."""

NUMBERLESS = (
    r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s+telegram\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
    r"|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\.?),\s*unnumbered\b)|"
    r"\b[Uu]nnumbered(?=\s+(?:telegram|cable)\b)|\b[Tt]elegram(?=\s+of\s+(?:Jan|Feb|Mar|Apr|May"
    r"|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?,?\s+(?:from|to)\s+[A-Z])"
)
"""A telegram that prints no number: "unnumbered telegram November 26", "telegram of November
26 from London" (its date and route name it; the builder keeps it only for a post)."""

FILES_ANCHOR = r"Files,\sdocument\s|Files\)|Files;"
"""The anchors of :data:`FILES_UN_DOCUMENT` and :data:`FILES_IN_PARENTHESES` (the scan's words
back reach the office's name). Not ``Files,``: every source note's ``Central Files,`` would
send the scan to try its triggers there (3% of ``find_citations``' instructions, callgrind); so
"(USUN Files, IO, Membership)" is found only from a later anchor, and mostly not at all."""


def one_digit_post(posts: str) -> str:
    """A post's telegram with a one-digit number, only where the words before say a telegram
    is named: "ref Seoul 3 to Saigon", "see Paris 7" (elsewhere "London 1" is mostly a copy's
    number or a count); ``posts`` is the scan's alternation of posts' names."""
    return (
        rf"(?:(?<=\b[Ss]ee\s)|(?<=\bref\s)|(?<=\b[Rr]eftel\s)|(?<=\b[Ss]ee\salso\s))(?:{posts})"
        r"(?=\s+\d(?!\w|[.,:/]\d|[%-]|\s*(?:hours|hrs|GMT|a\.m|p\.m|per|percent|million|miles"
        r"|days)))"
    )


def with_families(triggers: list[Trigger], posts: str) -> list[Trigger]:
    """``triggers`` with this module's alternatives added to their groups (a lot before its
    box to ``series``, a despatch's lettered number to ``desp``, ...) and the numberless
    telegram's group before ``tel``; ``posts`` is the scan's alternation of posts' names."""
    more = {
        "series": LOT_BEFORE_BOX,
        "fileseries": f"{FILES_UN_DOCUMENT}|{FILES_IN_PARENTHESES}",
        "postnum": one_digit_post(posts),
        "desp": DESPATCH_LETTERED,
        "air": SERIES_AIRGRAM,
    }
    out: list[Trigger] = []
    for name, rule, strong, pattern in triggers:
        if name == "tel":
            out.append(("numberless", "telegram", False, NUMBERLESS))
        out.append((name, rule, strong, f"{pattern}|{more[name]}" if name in more else pattern))
    return out
