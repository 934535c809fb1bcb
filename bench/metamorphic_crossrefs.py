"""More transforms of ``bench/metamorphic.py`` (issue 12, X1): cross references recombined as
FRUS prints them across eras. A cross reference names what is cited (a document, a footnote
of a document, a page), its numbers (one, a list, a first page with ``ff.`` or ``et seq.``),
and what it belongs to (this volume, another volume of the series by its number, by its years
and number, in ``Foreign Relations`` or ``Foreign Relations of the United States``, ``vol.``
or ``volume``, ``Part`` or ``pt.``). Every combination the structure allows must read the
same, not only those printed in the tuning volumes. As in ``bench/metamorphic_transforms.py``,
each transform gives the citations the new text must still give, derived from the case's
expected fields and the case's volume id (never by running xref on the new text)."""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from golden import Case, Expected  # noqa: E402
from metamorphic_telegrams import TRANSFORMS as _BEFORE  # noqa: E402
from metamorphic_transforms import Variant, _sub_once, _unique  # noqa: E402

_SERIES = re.compile(r"^frus(?P<first>1[89]\d\d)(?:-(?P<last>\d\d))?v\d")
"""A volume of the numbered series: its years (``frus1961-63v12``: 1961-1963)."""


def _years(volume: str) -> tuple[str, str] | None:
    """The id prefix and the printed years of the case's volume (``frus1961-63``,
    ``1961-1963``), or None for a volume known by its title only."""
    m = _SERIES.match(volume)
    if m is None:
        return None
    first, last = m.group("first"), m.group("last")
    if last is None:
        return f"frus{first}", first
    return f"frus{first}-{last}", f"{first}\u2013{first[:2]}{last}"


def _bare_document(case: Case) -> tuple[int, re.Match[str]] | None:
    """The case's one document of its own volume, ``Document N`` in its text with nothing
    after the number that could extend it (a list, a footnote, a range)."""
    if len(case.expected) != 1 or case.expected[0].kind != "document":
        return None
    e = case.expected[0]
    num = e.fields.get("number")
    if not isinstance(num, int) or e.fields.get("volume") or e.fields.get("relative"):
        return None
    m = _unique(case.text, rf"(?<![\w,] )\bDocument {num}\b(?![.,]?\s*\d|\s*(?:,\s*)?(?:and|&|"
                           rf"through|[Ff]ootnote|ff\b|et seq|[-\u2013\u2014]))")
    return None if m is None else (num, m)


def document_volume(case: Case) -> Iterator[Variant]:
    """``Document 12`` of this volume cited as another volume's: ``vol. II, Document 12``,
    ``Foreign Relations, 1961-1963, vol. II, Document 12``, ``Foreign Relations of the United
    States, 1961-1963, volume II, Document 12``: the document of volume II of the citing
    volume's years."""
    found = _bare_document(case)
    years = _years(case.volume)
    if found is None or years is None:
        return
    num, m = found
    prefix, printed = years
    for vol, part, pid in (("II", "", ""), ("III", ", Part 2", "p2")):
        volume = f"{prefix}v{'02' if vol == 'II' else '03'}{pid}"
        exp = [Expected("document", {"number": num, "volume": volume})]
        for named in (f"vol. {vol}{part}, ", f"Foreign Relations, {printed}, vol. {vol}{part}, ",
                      f"Foreign Relations of the United States, {printed}, volume {vol}"
                      f"{part.replace('Part', 'pt.')}, "):
            yield _sub_once(case.text, m.start(), m.start(), named), exp


def document_footnotes(case: Case) -> Iterator[Variant]:
    """``Document 12`` made a footnote of it: ``Document 12, footnote 3``, ``footnote 3 to
    Document 12``, ``footnotes 3 and 4, Document 12``, ``Document 12 and footnotes 3 and 4
    thereto``, ``vol. II, Document 12, footnote 3``: one citation of each footnote, the
    document's (the volume's when one is named)."""
    found = _bare_document(case)
    if found is None:
        return
    num, m = found
    one = [Expected("footnote", {"number": "3", "document": num})]
    two = [*one, Expected("footnote", {"number": "4", "document": num})]
    for written, exp in ((f"Document {num}, footnote 3", one),
                         (f"footnote 3 to Document {num}", one),
                         (f"footnotes 3 and 4, Document {num}", two),
                         (f"Document {num} and footnotes 3 and 4 thereto", two)):
        yield _sub_once(case.text, m.start(), m.end(), written), exp
    years = _years(case.volume)
    if years is not None:
        exp = copy.deepcopy(one)
        exp[0].fields["volume"] = f"{years[0]}v02"
        yield _sub_once(case.text, m.start(), m.end(), f"vol. II, Document {num}, footnote 3"), exp


def document_following(case: Case) -> Iterator[Variant]:
    """``Document 12`` written as a first document, alone or in a list: ``Document 12 ff.``,
    ``Documents 12 ff. and 15 ff.``, ``Documents 12 et seq., 15 ff, and 19``: each number is
    the document cited (no field says "and following"), and the list goes on after it."""
    found = _bare_document(case)
    if found is None:
        return
    num, m = found
    rest = case.text[m.end():]
    stop = "" if rest.startswith(".") else "."  # the sentence's period is the abbreviation's
    one = case.expected
    two = [*one, Expected("document", {"number": num + 3})]
    three = [*two, Expected("document", {"number": num + 7})]
    for written, exp in ((f"Document {num} ff{stop}", one),
                         (f"Document {num} et seq{stop}", one),
                         (f"Documents {num} ff. and {num + 3} ff{stop}", two),
                         (f"Documents {num} et seq., {num + 3} ff, and {num + 7}", three)):
        yield _sub_once(case.text, m.start(), m.end(), written), exp


_PAGE = re.compile(
    r"\b(?:pp?\.|pages?)\s*(\d+)(?![\d\u2013\u2014-]|\s*(?:ff\b|et seq|and\b|,\s*\d))")


def page_forms(case: Case) -> Iterator[Variant]:
    """One page of a FRUS volume written as FRUS prints a first page: ``p. 12``, ``page 12``,
    ``pp. 12 ff.``, ``pp. 12 et seq.``: the same volume, the page ``12`` (what follows the
    first page is no page number)."""
    if len(case.expected) != 1 or case.expected[0].kind != "publication":
        return
    e = case.expected[0]
    pages = e.fields.get("pages")
    if not isinstance(pages, str) or not pages.isdigit():
        return
    m = _unique(case.text, rf"\b(?:pp?\.|pages?)\s*{pages}\b")
    if m is None or _PAGE.fullmatch(case.text, m.start(), m.end() + 0) is None:
        return
    rest = case.text[m.end():]
    for written in (f"p. {pages}", f"page {pages}", f"pp. {pages} ff.", f"pp. {pages} et seq."):
        if written == m.group():
            continue
        if written.endswith(".") and rest.startswith("."):
            written = written[:-1]  # the sentence's period is the abbreviation's
        yield _sub_once(case.text, m.start(), m.end(), written), case.expected


_VOLUME_WORDS = re.compile(
    r"\b(?P<fr>Foreign Relations)(?P<years>,\s*1[89]\d\d(?:[-\u2013\u2014]\d{2,4})?)"
    r"(?P<vol>,\s*vol\.)(?P<num>\s*[IVXLC]+)(?P<part>,\s*Part(?=\s+\d))?")


def volume_words(case: Case) -> Iterator[Variant]:
    """A FRUS volume's words in their other printed forms: ``Foreign Relations of the United
    States``, ``volume``, ``pt.``, ``part``: the same volume, the same citations."""
    if not any(e.fields.get("volume") for e in case.expected):
        return
    m = _unique(case.text, _VOLUME_WORDS.pattern)
    if m is None:
        return
    edits: list[tuple[str, str]] = [("fr", "Foreign Relations of the United States"),
                                    ("vol", ", volume")]
    if m.group("part") is not None:
        edits += [("part", ", pt."), ("part", ", part")]
    for group, new in edits:
        yield _sub_once(case.text, m.start(group), m.end(group), new), case.expected


TRANSFORMS: dict[str, Callable[[Case], Iterator[Variant]]] = {
    **_BEFORE,
    "document's volume": document_volume,
    "document's footnotes": document_footnotes,
    "document and following": document_following,
    "first page forms": page_forms,
    "volume words": volume_words,
}
"""Every transform by the name the report gives it: those of ``metamorphic_telegrams`` (and
through it ``metamorphic_transforms``) and these."""
