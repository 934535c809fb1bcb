"""The parts of a telegram reference that need no parse tree: who sent it and to whom (a
post, the Department, a series' parties), a series word's plural, and its number as printed.
"""

from __future__ import annotations

import re

from lark import Token

from xref.cite.families.base import Node, child_tree, first_token, tokens_of
from xref.cite.lexicon import current_lexicon
from xref.cite.names import SHORT_POSTS, country_of
from xref.cite.normalize import normalize_dashes

DEPARTMENT = "Department of State"
"""The normalized name of the Department as a telegram party."""

FROM_DEPARTMENT = re.compile(r"(?:dep|depcir|circ)tel", re.I)
TO_DEPARTMENT = re.compile(r"(?:emb|con|leg|mis|del|usun)tel", re.I)
# a clipped channel word in the plural, naming a list: "Delgas", "Topols", "Sectos", "POLTOS"
# (unless the volume's own list of abbreviations has the word as it is)
_PLURAL_CHANNEL = re.compile(
    r"(?:[A-Z][a-z]{1,4}to|To[a-z]{3,4}|[A-Z][a-z]{1,4}tel|Tel[a-z]{3}|Dulte|Tedul|Delga|Gadel"
    r"|[A-Z]{2,4}TO)s|[A-Z]{2,4}TOS"
)
FIGURE_AFTER = re.compile(r",\d{3}(?![\d\u2013-])|(?:st|nd|rd|th|ST|ND|RD|TH)\b")
"""What right after a series word's number makes it a figure (a thousands group) or an
ordinal, not a telegram's number: a telegram number is a whole word of digits."""
CIRCULAR = re.compile(r"(?:depcir|circ)tel", re.I)


def lettered(tok: Token) -> str:
    """A number with its letters, spaces out and dashes normalized (``A–417`` is ``A-417``)."""
    return normalize_dashes(re.sub(r"\s+", "", str(tok)))


def item_number(item: Node | Token) -> str:
    """The number of a list item: a ``tel_number``, an item holding one, or a despatch's INT."""
    if isinstance(item, Token):
        return str(item)
    if item.data == "tel_number":
        return tel_number(item)
    num = child_tree(item, "tel_number")
    if num is not None:
        return tel_number(num)
    return str(first_token(item, "INT"))


_MISSION = re.compile(
    r"US(?:UN|NATO|EC|OECD)|Usun|Geneva|Hong Kong|New York|Secretary|(?:CINC|COMUS)[A-Z]{2,}"
)

AGENCY = re.compile(r"(?!US$)[A-Z]{2,5}")
"""An agency or office named by its initials before the telegram word ("CIA cable 1234",
"ARMA tel"): the message's sender (a post's initials are read as the post's)."""

OFFICES = frozenset({"Embassy", "Legation", "Consulate", "Mission", "Delegation"})
"""A post named by its office ("Embassy's 3103"): whose office the text around says."""

MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)$"
)

COUNTING_NOUNS = frozenset(
    "Route Annex Flight Year Table Item Part Phase Stage Point Group Section Article Chapter "
    "Page Para Plan Case Line Zone Area Hill Camp Base Class Level Model Team Unit Corps Fleet "
    "Force Army Wing Room Gate Pier Figure Option Step Round Draft Tab Title Number "
    # and words that open a sentence before "680 to Algiers"
    "Also Then Thus Both Each Even Only Under After Since While Their These Those Which Where "
    "There Today Again".split()
)
"""Words that number things in prose ("Route 1 to Hue"): never a telegram series."""

def post_sender(name: str) -> str | None:
    """Who sent a telegram named by its sender ("Rome's 2833", "Ref: State 13889"): the
    Department, or a post named by its city; None for any other name."""
    if name in ("Department", "State", "STATE"):
        return DEPARTMENT
    if name in SHORT_POSTS:
        return SHORT_POSTS[name]  # "Addis 60": the post at Addis Ababa
    if _MISSION.fullmatch(name):
        return name  # a mission or a military command: "USUN", "Geneva", "CINCPAC"
    if (country_of(name) or name).lower() != name.lower():
        return name  # a post's city; a country ("Turkey") or a person names no post
    return None


def possessive_post(word: str) -> str | None:
    """The post a possessive before a telegram word names: "Embassy Tokyo’s" (the post at
    Tokyo), "The Hague’s", "Embassy’s" (the office itself); None for a person ("Hare’s")."""
    name = re.sub(r"['\u2019]s$", "", word).removeprefix("The ")
    if name in OFFICES:
        return name
    for office in sorted(OFFICES):
        name = name.removeprefix(office + " ")
    return post_sender(name)


def tel_number(num: Node) -> str:
    """A telegram's number as printed, without the sender's own after a slash
    (``Secto 68/3276`` is 68)."""
    number = "".join(str(t) for t in tokens_of(num)).partition("/")[0]
    return number[:-1] + "Z" if number.endswith("z") else number  # "300645z": a zone letter


def series_parties(word: str) -> tuple[str, str | None, str | None]:
    """A clipped channel word's series and parties: ``Topol`` goes from the Department,
    ``Polto`` to it (a plural ``Topols`` names the series ``Topol``)."""
    if _PLURAL_CHANNEL.fullmatch(word) and word not in current_lexicon().series:
        word = word[:-1]  # "Delgas 210 and 230", "Topols 679 and 730", "Sectos 5"
    if word[:2].lower() == "to" or word in ("Tedul", "Gadel"):
        return word, DEPARTMENT, None
    return word, None, DEPARTMENT


def channel_name(tok: Token | str) -> str:
    """A channel name as printed without the dash that joins a military code to its number
    (``C–`` of ``telegram C–71034`` is ``C``)."""
    return str(tok).rstrip(" -\u2013\u2014")


_MILITARY_CODE = re.compile(r"[A-Z]{1,6}")
_MILITARY_NUMBER = re.compile(r"\d{5,7}")


def military(head: Node, numbers: list[Node]) -> bool:
    """Whether ``telegram C 72924``, ``telegram DEF 976742`` is a military message: an
    originator's code in capitals then a 5-7 digit number, not the Department's channel."""
    toks = list(tokens_of(head))
    return (
        len(toks) > 1
        and toks[1].type == "CHANNEL_NAME"
        and _MILITARY_CODE.fullmatch(channel_name(toks[1])) is not None
        and bool(numbers)
        and all(_MILITARY_NUMBER.fullmatch(str(tel_number(n))) for n in numbers)
    )
