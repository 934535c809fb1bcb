"""Read a document's header fields from its texts: heading, dateline, own number, source note.

These functions work on joined text (TEI or plain text alike). Each is a small heuristic
grounded in the dev volumes' headings (``7. Telegram From the Embassy in Lebanon to the
Department of State``), datelines (``Beirut, February 21, 1958—11 a.m.``), first paragraphs
(``2832.``, ``Topol 1108.``) and source notes (``... Top Secret. Priority. Drafted by ...``).
"""

from __future__ import annotations

import re

from attrs import frozen

from xref.read.documents import Container, SourceNote

__all__ = [
    "DatelineInfo",
    "HeadingInfo",
    "parse_date_text",
    "parse_dateline",
    "parse_drafting_date",
    "parse_heading",
    "parse_own_number",
    "parse_source_note",
]

_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split(),
        1,
    )
}
_MONTH_ABBR = {k[:3]: v for k, v in _MONTHS.items()} | {"sept": 9}
_DATE = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–—]\s*\d{1,2})?,?\s+(?P<year>1[6-9]\d\d|20\d\d)\b"
    r"|\b(?P<day2>\d{1,2})\s+(?P<month2>January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\.?,?\s+(?P<year2>1[6-9]\d\d|20\d\d)\b"
    r"|\b(?P<month3>January|February|March|April|May|June|July|August|September|October|"
    r"November|December),?\s+(?P<year3>1[6-9]\d\d|20\d\d)\b"
)

# Genres, longest first; matched at the start of the heading (after its number).
_GENRES = sorted(
    """telegram|circular telegram|circular airgram|airgram|despatch|dispatch|instruction|
    memorandum of conversation|memorandum of a conversation|memorandum of telephone conversation|
    memorandum of a telephone conversation|memorandum for the record|memorandum|
    action memorandum|information memorandum|intelligence memorandum|letter|message|
    editorial note|note|paper|minutes|notes|summary|report|national intelligence estimate|
    special national intelligence estimate|intelligence note|intelligence report|
    briefing paper|position paper|background paper|talking points|transcript|
    record of meeting|summary record|diary entry|backchannel message|cable|aide-memoire|
    aide-mémoire|note verbale|statement|record|study|draft|circular|research memorandum|
    national security action memorandum|national security decision memorandum|
    national security study memorandum|presidential directive|telegraphic message|
    conversation|telephone conversation|oral message|notes of meeting|
    memorandum of discussion|editorial note""".replace("\n", "").split("|"),
    key=len,
    reverse=True,
)
_GENRE = re.compile(r"^(?:" + "|".join(re.escape(g.strip()) for g in _GENRES) + r")\b", re.I)
_NUMBER = re.compile(r"^\s*(?:No\.\s*)?(?P<n>\d+[A-Za-z]?)\.\s+")
# Words after which " to " belongs to the party's name (Mission to the UN).
_TO_TAKERS = re.compile(
    r"(?:Mission|Delegation|Delegate|Delegates|Ambassador|Ambassador-designate|Representative|"
    r"Representatives|Assistant|Adviser|Advisor|Envoy|Observer|Counselor|Liaison|Minister|"
    r"Emissary|Consultant|Embassy|Member|Members|Chairman|Head|Secretary|Coordinator|"
    r"Attache|Attaché|Negotiator|Commissioner|Deputy|Spokesman|Group|Team|Agent|Office|"
    r"Committee|Council|Advisers|Aide|Aides)\s*(?:\([^)]*\))?$"
)
_PARTY_END = re.compile(r"[,;:.]+$")
# Where the parties end in a catalogue entry ("from Dungan to Kennedy, July 6, 1962. ...").
_CATALOGUE_END = re.compile(
    r",\s+(?=(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|undated|[A-Z]{2,}[-–]?\d))|(?<![A-Z])\.\s+(?=[A-Z])"
)
_SUPP = re.compile(
    r"^(?P<genre>(?:Circular )?(?:Telegram|Airgram|Despatch|Cable))\s+"
    r"(?P<num>(?:[A-Z][A-Za-z]{1,7}\s+)?[A-Z]{0,3}-?\d+(?:[-/]\d+)?)\s+"
    r"(?P<dir>from|to)\s+(?P<place>[^,]+)",
    re.I,
)


@frozen
class HeadingInfo:
    """What a heading says: genre, sender and recipient as printed, and more."""

    genre: str | None = None
    """Lower-case genre (``telegram``, ``memorandum of conversation``), or None."""
    sender: str | None = None
    """The sender as printed, without a leading ``the``."""
    recipient: str | None = None
    """The recipient as printed, without a leading ``the``."""
    number: str | None = None
    """A telegram number given in the heading itself (microfiche catalogue entries)."""
    series: str | None = None
    """The series of that number, if any."""
    date: str | None = None
    """An ISO date given in the heading itself."""


@frozen
class DatelineInfo:
    """What a dateline says."""

    place: str | None = None
    """The place before the first comma (``Beirut``)."""
    date: str | None = None
    """ISO date, partial when the text is (``1958-02-21``, ``1958-02``)."""


def parse_date_text(text: str) -> str | None:
    """The first date written out in ``text``, as ISO (``February 21, 1958`` → ``1958-02-21``)."""
    m = _DATE.search(text)
    if m is None:
        return None
    if m.group("month"):
        month = m.group("month").lower().rstrip(".")
        mm = _MONTHS.get(month) or _MONTH_ABBR.get(month[:4]) or _MONTH_ABBR[month[:3]]
        day = int(m.group("day"))
        if not 1 <= day <= 31:
            return f"{m.group('year')}-{mm:02d}"
        return f"{m.group('year')}-{mm:02d}-{day:02d}"
    if m.group("month2"):
        mm = _MONTHS[m.group("month2").lower()]
        return f"{m.group('year2')}-{mm:02d}-{int(m.group('day2')):02d}"
    mm = _MONTHS[m.group("month3").lower()]
    return f"{m.group('year3')}-{mm:02d}"


_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_DRAFTED_ON = re.compile(
    r"\b[Dd]rafted\b[^;]{0,80}?\bon\s+(?P<month>" + _MONTH_NAMES + r")\s+(?P<day>\d{1,2})\b"
    r"(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d)\b)?"
)


def parse_drafting_date(text: str, near: str | None = None) -> str | None:
    """The date a source note says the document was drafted on, as ISO.

    ``Drafted by Hartley (S/S-RO) on May 7 and cleared by ...`` gives ``--05-07``, or with
    ``near`` (the date of a neighbouring document, ``1961-05-12``) the year that puts it
    closest to that date: ``1961-05-07``. A year in the text wins.
    """
    m = _DRAFTED_ON.search(text)
    if m is None:
        return None
    month = _MONTHS[m.group("month").lower()]
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    if m.group("year"):
        return f"{m.group('year')}-{month:02d}-{day:02d}"
    ref = re.match(r"^(\d{4})-(\d\d)(?:-(\d\d))?", near or "")
    if ref is None:
        return f"--{month:02d}-{day:02d}"
    year, ref_month, ref_day = int(ref.group(1)), int(ref.group(2)), int(ref.group(3) or 15)
    target = ref_month * 31 + ref_day
    best = min((year - 1, year, year + 1), key=lambda y: abs((y - year) * 372 + month * 31 + day
                                                          - target))
    return f"{best}-{month:02d}-{day:02d}"


def parse_dateline(text: str) -> DatelineInfo:
    """Place and date of a dateline such as ``New York, December 12, 1962, 8 p.m.``."""
    text = " ".join(text.split())
    if not text:
        return DatelineInfo()
    date = parse_date_text(text)
    place = None
    head, sep, _ = text.partition(",")
    if sep and not _DATE.match(head) and not re.match(r"^(?:undated|\d)", head, re.I):
        place = head.strip(" .[]") or None
    return DatelineInfo(place, date)


def _clean_party(text: str) -> str | None:
    text = " ".join(text.split())
    text = _PARTY_END.sub("", text).strip()
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return text or None


def _split_from_to(rest: str) -> tuple[str | None, str | None]:
    """Split ``X to Y`` (after ``From``) at the right ``to``."""
    candidates = [m for m in re.finditer(r"\s+to\s+", rest)]
    for m in candidates:
        left = rest[: m.start()]
        if _TO_TAKERS.search(left):
            continue
        return _clean_party(left), _clean_party(rest[m.end():])
    if candidates:
        m = candidates[-1]
        return _clean_party(rest[: m.start()]), _clean_party(rest[m.end():])
    return _clean_party(rest), None


def parse_heading(text: str) -> HeadingInfo:
    """Genre, sender and recipient of a heading such as
    ``243. Telegram From the Department of State to the Mission to the United Nations``.
    """
    text = " ".join(text.split())
    m = _NUMBER.match(text)
    rest = text[m.end():] if m else text
    rest = rest.strip()
    supp = _SUPP.match(rest)
    if supp is not None:
        genre = supp.group("genre").lower()
        num = supp.group("num").split()
        series = num[0] if len(num) > 1 else None
        place = _clean_party(supp.group("place"))
        date = parse_date_text(rest)
        if supp.group("dir").lower() == "from":
            return HeadingInfo(genre, place, "Department of State", num[-1], series, date)
        return HeadingInfo(genre, "Department of State", place, num[-1], series, date)
    g = _GENRE.match(rest)
    genre = " ".join(g.group(0).lower().split()) if g else None
    if genre is not None:
        genre = genre.replace("memorandum of a ", "memorandum of ").replace("dispatch", "despatch")
    sender = recipient = None
    date = parse_date_text(rest)
    fm = re.search(r"\b[Ff]rom\s+(.*)$", rest)
    if fm is not None:
        parties = _CATALOGUE_END.split(fm.group(1), maxsplit=1)[0]
        sender, recipient = _split_from_to(parties)
    elif genre is None:
        # 19th-century style: "Mr. Baker to Mr. Gresham."
        old = re.match(r"^(?P<s>(?:Mr|Mrs|Sir|Señor|Senor|Count|Baron|General)\.?\s.+?)"
                       r"\s+to\s+(?P<r>.+?)\.?$", rest)
        if old is not None:
            sender, recipient = _clean_party(old.group("s")), _clean_party(old.group("r"))
            genre = "letter"
    if genre is None and fm is not None:
        first = rest[: fm.start()].strip(" ,.")
        genre = first.lower() or None
    return HeadingInfo(genre, sender, recipient, date=date)


_OWN = re.compile(
    r"^\s*(?:\[[^\]]{0,60}\]\s*)?[;:]?\s*"  # ";06753.": a stray mark before the number
    r"(?:\d{1,7}Z?\s*/\s*(?=[A-Z]))?"  # "20314/Delto 682", "241240Z/UK 50245": the series
    r"(?:(?P<series>[A-Z][A-Za-z]{1,7}|[A-Z]{2,6}|[A-Z](?=\s+\d{3}))"
    r"(?P<circular>\s+Circ(?:ular|\.)?)?\s+)?"  # "Polto Circular 25", "Polto Circ 13"
    # "2832", "S–39", "C–92", "T.293/62" (a letter code with a dash or a point)
    r"(?P<num>(?:[A-Z]{1,3}[-\u2013.]|[A-Z]{0,3})\d+(?:[A-Za-z]{1,2}\b|[A-Za-z]?)(?:[-/]\d+)?)"
    r"(?:\s*\((?:DA IN|DAIN)[^)]*\))?"
    r"(?=[.:;,]|/[A-Z]|\s+[A-Z(\[]|\s+\d{1,2}\.\s|\s*$)"  # "CAS 702/IN 40384."
)
UNNUMBERED = "unnumbered"
"""The own number of a telegram that prints ``Unnumbered.`` where its number would be (a
documented value: the number was read, and there is none); never matched by a citation."""
_UNNUMBERED = re.compile(r"^\s*(?:[A-Z][A-Za-z]{1,7}\s+)?[Uu]nnumbered\b")
"""``Unnumbered. I returned from ...``, ``Tousi unnumbered (by pouch).``"""
_CABLE_TEXT = re.compile(
    r"\bText of (?:Cable|Telegram) [Ff]rom [^()\n]{1,80}\((?:[A-Z][A-Za-z .]{1,30},?\s+)?"
    r"(?P<num>\d{2,7})\)"
)
"""``Text of Cable From Ambassador Porter (Seoul, 1392)``: the number, in the opening."""
_SECOND_PARAGRAPH = re.compile(r"(?P<num>\d{3,7})\.\s+(?=[A-Z])")
"""``White House please pass ... from Sisco.`` then ``146306. Subj: ...``: a plain number
of 3 digits or more opening the second paragraph, after a short first one."""
_EDITORS_ASIDE = re.compile(
    r"\([^()]{0,150}\b(?:Library|Files|Archives|Papers)\b[^()]{0,150}\)\.?$"
)
"""An editors' paragraph printed above the text, ending with its source in parentheses
(``... (Kennedy Library, National Security Files, Countries Series, Morocco, 10/63)``)."""
_PRECEDENCES = ("Niact", "Priority", "Immediate", "Flash", "Routine", "Operational")
_NOT_SERIES = frozenset({"PAGE", "TELEGRAM", "SECRET", "CONFIDENTIAL", "TOP", "DEAR", "FOR"})


def parse_own_number(text: str, genre: str | None) -> tuple[str | None, str | None]:
    """A telegram's own number and series from the start of its text: ``2832.``,
    ``Topol 1108.``, ``Secto 53.``, ``20314/Delto 682.``. With ``genre="source"``, look for
    ``telegram N`` stated in a source note instead; with ``genre="heading"``, for a series
    number in a heading (``Telegram 207669/Tosec 100402 From``). Returns ``(number,
    series)``; series is None for a plain number.
    """
    if genre == "heading":
        # "28. Telegram 207669/Tosec 100402 From the Department of State to ...": the series
        h = _HEADING_SERIES.search(text)
        if h is None:
            code = _HEADING_CODE.search(text)  # "90. Telegram CX–158 From the Army Attaché"
            return (code.group("num"), None) if code else (None, None)
        return h.group("num"), h.group("series")
    if genre == "source":
        return _source_number(text)
    if genre is not None and not any(w in genre for w in ("telegram", "cable", "message")):
        return None, None
    text = _skip_markings(text)
    if _UNNUMBERED.match(text):
        return UNNUMBERED, None
    m = _OWN.match(text[:200])
    if m is None:
        misprint = _MISPRINTED.match(text, 0, 40)
        if misprint is not None:
            return misprint.group("num"), None
        return _later_number(text) if genre is not None else (None, None)
    series = m.group("series")
    if series in _NOT_SERIES:
        return None, None
    if series in _PRECEDENCES:
        series = None
    if series is not None and m.group("circular"):
        series = f"{series} Circular"
    return m.group("num"), series


_MISPRINTED = re.compile(r"^\s*(?P<num>\d{1,4}[A-Z]\d{1,4})\.\s+(?=[A-Z])")
"""``7A9. Tokyo also pass CINCUNC.`` (frus1955-57v23p2 d136, Circular 749): a number with a
misprinted digit where the number stands; read as printed."""
_SOURCE_SENT = re.compile(
    r"\b(?:[Ss]ent|[Tt]ransmitted|[Ss]ent as|[Ii]ssued)\b[^.;]{0,40}?\b"
    r"(?:telegram|Telegram|cable)\s+(?P<num>\d+)"
)
"""``Sent as telegram 1234``: the number the note says the text went out under."""
_SOURCE_CITE = re.compile(r"\b[Cc]ite\s+(?P<series>[A-Z]{2,6})\s+(?P<num>\d{3,7})\b")
"""``cite CAP 63143`` (frus1961-63v19 d267): the cable's CITE line, its series and number."""
_SOURCE_OWN_LINE = re.compile(
    r"(?:^|(?<=[.)])\s+)\d{1,7}\s*/\s*(?P<series>[A-Z][A-Za-z]{1,7})\s+(?P<num>\d{1,7})\.(?=\s|$)"
)
"""``... Meeting XXI) 22253/Delto 817. Distribution only ...`` (frus1964-68v07 d58): the
telegram's opening line, number and series number, printed as a sentence of its own at the
end of the source note (never after ``telegram``: a sentence opens right before it)."""


def _source_number(text: str) -> tuple[str | None, str | None]:
    """A telegram's own number stated in its source note: ``sent as telegram N``, the
    cable's ``cite CAP N``, or its opening line ``22253/Delto 817.`` as a sentence."""
    m = _SOURCE_SENT.search(text)
    if m is not None:
        return m.group("num"), None
    m = _SOURCE_CITE.search(text) or _SOURCE_OWN_LINE.search(text)
    if m is not None:
        return m.group("num"), m.group("series")
    return None, None


def _later_number(text: str) -> tuple[str | None, str | None]:
    """The number of a telegram whose text opens with a line before it: ``Text of Cable From
    Ambassador Porter (Seoul, 1392)``, or a short passing line (or an editors' paragraph
    ending with its source in parentheses) then ``146306. Subj:``."""
    cable = _CABLE_TEXT.search(text, 0, 300)
    if cable is not None:
        return cable.group("num"), None
    head, sep, rest = text.partition("\n\n")
    if sep and (len(head) <= 200 or _EDITORS_ASIDE.search(head, len(head) - 160)):
        m = _SECOND_PARAGRAPH.match(rest)
        if m is not None:
            return m.group("num"), None
    return None, None


_HEADING_SERIES = re.compile(
    r"\b[Tt]elegram\s+\d+\s*/\s*(?P<series>[A-Z][A-Za-z]{1,7})\s+(?P<num>\d+)\s+(?:[Ff]rom|[Tt]o)\b"
)
"""A heading that gives the telegram's number and its series number."""
_HEADING_CODE = re.compile(r"\b[Tt]elegram\s+(?P<num>[A-Z]{1,4}[-\u2013]\d+)\s+(?:[Ff]rom|[Tt]o)\b")
"""A heading that gives the telegram's lettered number (``Telegram CX–158 From``)."""
_MARKING_WORDS = frozenset(
    """top secret confidential restricted unclassified limited official use only for no
    classification marking priority urgent us niact immediate emergency flash routine
    operational plain eyes most officialy""".split()
)
"""Words of the classification and precedence line some volumes print above a telegram's
text (``secret``, ``confidential us urgent``, ``Top Secret Priority``, ``Secret NIACT
Emergency``)."""


_BRACKETED_LINE = re.compile(r"\[[^\]]{1,60}\][,.]?")


def _skip_markings(text: str) -> str:
    """``text`` without a first paragraph made only of classification and precedence words
    (or only of an editors' bracket, ``[place not declassified],``)."""
    for _ in range(2):  # "Secret" then "NIACT Emergency"
        head, sep, rest = text.partition("\n\n")
        if not sep or len(head) > 80:
            break
        if _BRACKETED_LINE.fullmatch(head):  # "[place not declassified],"
            text = rest
            continue
        words = re.findall(r"[A-Za-z]+|[^\sA-Za-z,]", re.sub(r"\([^()]{0,30}\)", " ", head))
        if not words or not all(w.lower() in _MARKING_WORDS for w in words):
            break
        text = rest
    return text


_CLASSIFICATIONS = (
    "Top Secret", "Secret", "Confidential", "Limited Official Use", "Official Use Only",
    "Unclassified", "Restricted", "For Official Use Only", "No classification marking",
)
# Both open a sentence (see _opens_sentence); the context is checked after the match, which
# lets the regex engine skip ahead to the words' first letters.
_CLASS = re.compile(r"(?P<c>" + "|".join(_CLASSIFICATIONS) + r")\b(?P<more>[^.]*)\.")
_PREC = re.compile(
    r"(?P<p>Niact Immediate|Operational Immediate|Niact|Priority|Immediate|Flash|Routine)\b\.?"
)
_NAME_END = r"(?=\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:cleared|approved|concurred|initialed|" \
    r"revised|repeated|also|transmitted)|\.(?:\s|$)(?<![A-Z]\.\s)|;|$)"
_DRAFTED = re.compile(r"\b[Dd]rafted by\s+(?P<v>.+?)" + _NAME_END)
_CLEARED = re.compile(r"\b[Cc]leared (?:by|with|in)\s+(?P<v>.+?)" + _NAME_END)
_APPROVED = re.compile(r"\b[Aa]pproved by\s+(?P<v>.+?)" + _NAME_END)
_REPEATED = re.compile(
    r"\b(?:[Rr]epeated|[Aa]lso sent|[Pp]ouched)\s+(?:\w+\s+)?to\s+(?P<v>[^.;]+?)(?=\.(?:\s|$)|;|$)"
)
_STATUSES = tuple(
    (name, words, re.compile(rf"\b{words}\b"))
    for name, words in (
        ("not printed", "not printed"),
        ("not found", "not found"),
        ("not declassified", "not declassified"),
        ("microfiche supplement", "microfiche supplement"),
        ("printed from an unsigned copy", "unsigned copy"),
    )
)
"""Each status, its words, and their regex: whole words in the lower-cased text (the cheap
``in`` test first)."""


def _opens_sentence(text: str, start: int, brackets: bool) -> bool:
    """Whether ``start`` begins ``text`` or follows ``. ``/``; `` (or ``] `` if ``brackets``)."""
    if start == 0:
        return True
    if start < 2 or not text[start - 1].isspace():
        return False
    return text[start - 2] in (".;]" if brackets else ".;")


def _first_opening(rx: re.Pattern[str], text: str, brackets: bool) -> re.Match[str] | None:
    """The first match of ``rx`` in ``text`` that opens a sentence."""
    for m in rx.finditer(text):
        if _opens_sentence(text, m.start(), brackets):
            return m
    return None


def _clip(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip(" ,;.")
    return value or None


def parse_source_note(container: Container) -> SourceNote:
    """The source note of ``container`` with its non-citation fields parsed."""
    text = container.text
    classification = None
    precedence = None
    m = _first_opening(_CLASS, text, True)
    if m is not None:
        parts = [m.group("c")] + [p.strip() for p in m.group("more").split(";") if p.strip()]
        keep: list[str] = []
        for part in parts:
            if _PREC.fullmatch(part) and precedence is None:
                precedence = part
            else:
                keep.append(part)
        classification = "; ".join(keep)
    if precedence is None:
        pm = _first_opening(_PREC, text, False)
        if pm is not None:
            precedence = pm.group("p")
    drafted = _DRAFTED.search(text) if "rafted by" in text else None
    cleared = _CLEARED.search(text) if "leared " in text else None
    approved = _APPROVED.search(text) if "pproved by" in text else None
    repeated = _REPEATED.search(text) if ("epeated" in text or "lso sent" in text
                                          or "ouched" in text) else None
    repeated_to: tuple[str, ...] = ()
    if repeated is not None:
        repeated_to = tuple(
            p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", repeated.group("v"))
            if p.strip()
        )
    low = text.lower()
    statuses = tuple(
        name for name, words, rx in _STATUSES if words in low and rx.search(low)
    )
    return SourceNote(
        container,
        classification=classification,
        precedence=precedence,
        drafted_by=_clip(drafted.group("v")) if drafted else None,
        cleared_by=_clip(cleared.group("v")) if cleared else None,
        approved_by=_clip(approved.group("v")) if approved else None,
        repeated_to=repeated_to,
        statuses=statuses,
    )
