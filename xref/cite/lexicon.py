"""A volume's own telegram series, read from its list of abbreviations.

Every FRUS volume defines the abbreviations it uses (``<list type="terms">`` in its front
matter): ``Luxco, series indicator for telegrams from the Department of State to the Mission to
the European Coal and Steel Community``. The series whose names have no telltale shape
(``Luxco``, ``Kascom``, ``Usgoc``, ``WARX``) are known only from that list: a
:class:`SeriesLexicon` holds them, and :func:`~xref.cite.find.find_citations` accepts
``<Series> <number>`` for them in that volume's text.

The reader (:mod:`xref.read.abbreviations`) builds the lexicon when a volume is read and
registers it under the volume's id (:func:`register_series`); ``find_citations(text,
volume=...)`` then uses it. Without a registered lexicon nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from attrs import field, frozen

from xref.cite.candidates import Candidate, scan
from xref.cite.names import country_of
from xref.cite.sourcenames import EMPTY_SOURCES, SourceNames
from xref.cite.titles import EMPTY_TITLES, TitleLexicon

__all__ = [
    "SeriesLexicon",
    "current_lexicon",
    "lexicon_candidates",
    "lexicon_for",
    "register_series",
    "series_lexicon",
    "using_lexicon",
]

DEPARTMENT = "Department of State"

# the gloss of a telegram series: "series indicator for telegrams from ...", "series
# designator for telegrams to ...", "telegram indicator for PBSUCCESS Headquarters",
# "designation for telegrams dealing with ...", "telegrams from ... to ..."
_SERIES_GLOSS = re.compile(
    r"\bseries\s+(?:indicator|designator)\b"
    r"|\b(?:telegram|telegraphic)\s+indicator\s+for\b"
    r"|\bdesignation\s+for\s+(?:telegrams|cables|messages)\b"
    r"|^(?:telegrams?|cables?|messages?)\s+(?:from|to)\b",
    re.I,
)
# the series must number telegrams, cables or messages, not memoranda or documents
_OF_TELEGRAMS = re.compile(r"\b(?:telegra\w*|cables?|messages?|communications)\b", re.I)
# a name the grammar reads before a number (POST_NAME): "Luxco", "WARX", "AMVat" (capitals,
# then small letters: frus1948v05p1's "AMVat, series indicator for telegrams ...")
_NAME = re.compile(r"[A-Z][a-z]+|[A-Z]{2,}(?:[a-z]+)?")
_FROM_DEPARTMENT = re.compile(r"\b(?:from|by)\s+the\s+Department\b")
_TO_DEPARTMENT = re.compile(r"\bto\s+the\s+Department\b")


@frozen
class SeriesLexicon:
    """The telegram series one volume defines: name -> (sender, recipient) as the gloss says
    (only the Department is named as a party; None when the gloss does not say)."""

    series: Mapping[str, tuple[str | None, str | None]]
    """Each series' name as printed (``Luxco``) and its parties."""
    pattern: re.Pattern[str] | None = field(eq=False)
    """One alternation of the names before a number (None when there are none); the names
    the grammar knows by their shape (``Secto``) are left to the scan."""
    scanned: tuple[str, ...] = ()
    """The names of ``pattern``: a text that holds none of them needs no search."""
    sources: SourceNames = EMPTY_SOURCES
    """The repositories and collections of the volume's list of sources
    (:mod:`xref.cite.sourcenames`), read with its source notes."""
    titles: TitleLexicon = EMPTY_TITLES
    """The publication titles the volume's notes print in italics (:mod:`xref.cite.titles`)."""

    def parties(self, name: str) -> tuple[str | None, str | None] | None:
        """The sender and recipient of series ``name`` (a plural ``Luxcos`` too); None when
        the volume defines no such series."""
        got = self.series.get(name)
        if got is None and name.endswith("s"):
            got = self.series.get(name[:-1])
        return got

    def name_of(self, word: str) -> str:
        """The series' name for ``word`` as printed (``Luxcos`` -> ``Luxco``)."""
        return word if word in self.series else word[:-1]


def is_telegram_series(term: str, gloss: str) -> bool:
    """Whether an abbreviation's gloss says it names a series of numbered telegrams."""
    return (
        _NAME.fullmatch(term) is not None
        and _SERIES_GLOSS.search(gloss) is not None
        and _OF_TELEGRAMS.search(gloss) is not None
    )


_MISSIONS = frozenset({"USUN", "USNATO", "USEC", "USOECD"})


def _is_post(name: str) -> bool:
    """A post or mission (``USNATO``): its telegrams are the post's, found without a lexicon."""
    return name.upper() in _MISSIONS or country_of(name) is not None


def series_lexicon(terms: Iterable[tuple[str, str]]) -> SeriesLexicon:
    """The lexicon of a volume's abbreviations, given as (term, gloss) pairs."""
    series: dict[str, tuple[str | None, str | None]] = {}
    for term, gloss in terms:
        term = term.strip().rstrip(",;:")
        if term in series or not is_telegram_series(term, gloss) or _is_post(term):
            continue
        sender = DEPARTMENT if _FROM_DEPARTMENT.search(gloss) else None
        recipient = DEPARTMENT if _TO_DEPARTMENT.search(gloss) and sender is None else None
        series[term] = (sender, recipient)
    pattern = None
    unseen = (n for n in series if not _scanned_by_shape(n))
    scanned = tuple(sorted(unseen, key=lambda n: (-len(n), n)))
    if scanned:
        names = "|".join(re.escape(n) for n in scanned)
        pattern = re.compile(rf"\b(?:{names})s?(?=\s+\d)")
    return SeriesLexicon(series, pattern, scanned)


def _scanned_by_shape(name: str) -> bool:
    """Whether the scan already proposes ``<name> 12`` as a telegram (``Secto``, ``Topol``)."""
    return any(c.start == 0 and c.rule == "telegram" and c.strong for c in scan(f"{name} 12"))


EMPTY = SeriesLexicon({}, None)
"""No series: what a volume without a list of abbreviations (or no volume) has."""

_REGISTRY: dict[str, SeriesLexicon] = {}
_CURRENT: ContextVar[SeriesLexicon] = ContextVar("xref_series_lexicon", default=EMPTY)


def register_series(volume: str, lexicon: SeriesLexicon) -> None:
    """Remember ``lexicon`` as volume ``volume``'s (the reader calls this)."""
    _REGISTRY[volume] = lexicon


def lexicon_for(volume: str | None) -> SeriesLexicon:
    """The lexicon registered for ``volume``; the empty one when none is."""
    if volume is None:
        return EMPTY
    return _REGISTRY.get(volume, EMPTY)


def current_lexicon() -> SeriesLexicon:
    """The lexicon of the text being read (set by ``find_citations``)."""
    return _CURRENT.get()


@contextmanager
def using_lexicon(lexicon: SeriesLexicon) -> Iterator[None]:
    """Make ``lexicon`` the current one inside the ``with`` block."""
    token = _CURRENT.set(lexicon)
    try:
        yield
    finally:
        _CURRENT.reset(token)


# a telegram's own series and number opening its text, perhaps after the document's number:
# "430. Kascom 14. ..." is not a citation
_OWN_NUMBER = re.compile(r"\S+\s+\d+\.(?:\s|$)")
_OPENING = re.compile(r"\s*(?:[^\n]{0,80}\n\s*){0,2}((?:[A-Z][A-Za-z]+\s+)?\d+\.\s*)?")
"""What may stand before a telegram's own number: its classification and precedence lines
("secret\n\n430. Kascom 14."), its number in the post's series ("Delga 993. Comkas 62.")."""
# where a telegram lists its own copies (as candidates.py's postnum trigger): "rptd info
# Luxembourg Luxco 148" is this telegram's copy, not another telegram ("Sent Department 12",
# "sent as USNATO 1022"; but "was sent to Butterworth in Luxco 224" names one)
_DISTRIBUTION_BEFORE = re.compile(
    r"\b(?:Sent|sent\s+as|[Rr]epeated|[Rr]pte?d|[Rr]pt|[Pp]ass(?:ed)?|[Ii]nfo|[Pp]ouched)\b[^.:\n()]*$"
)


def lexicon_candidates(text: str, lexicon: SeriesLexicon) -> Iterator[Candidate]:
    """The places in ``text`` where one of the lexicon's series names a number, in order:
    each a strong ``telegram`` candidate (the grammar reads the name as a sender's,
    ``POST_NAME``, and the builder asks the lexicon)."""
    if lexicon.pattern is None or not any(n in text for n in lexicon.scanned):
        return
    for m in lexicon.pattern.finditer(text):
        start = m.start()
        opening = _OPENING.fullmatch(text, 0, start)
        if opening is not None and (opening.group(1) or _OWN_NUMBER.match(text, start)):
            continue  # "430. Kascom 14.", "617. Comkas 16 July 23.": its own number
        if _DISTRIBUTION_BEFORE.search(text, max(0, start - 160), start):
            continue
        yield Candidate(start=start, trigger=start, rule="telegram", strong=True)
