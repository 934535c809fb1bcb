"""The transformations of ``bench/metamorphic.py``: each rewrites a golden case in another
written form of the same structure and gives the citations the new text must still give,
derived from the case's expected fields (never by running xref on the new text)."""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from golden import Case, Expected  # noqa: E402

from xref.cite.lexicon import lexicon_for  # noqa: E402
from xref.cite.names import CAPITALS  # noqa: E402

Variant = tuple[str, list[Expected]]
"""A transformed text and the citations it must still give."""

MONTHS = ("January February March April May June July August September October November "
          "December").split()


def _sub_once(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _with(exp: list[Expected], i: int, **fields: object) -> list[Expected]:
    out = copy.deepcopy(exp)
    out[i].fields.update(fields)
    return out


def _unique(text: str, pattern: str) -> re.Match[str] | None:
    found = list(re.finditer(pattern, text))
    return found[0] if len(found) == 1 else None


# ---------------------------------------------------------------- the transforms

_KEYWORDS = re.compile(
    r"\b(Lot|Deptels?|Documents?|Telegrams?|Despatch(?:es)?|Airgrams?|Embtels?|Urtels?)"
    r"(?=\s+(?:No\.\s*)?\d)", re.I)


def keyword_case(case: Case) -> Iterator[Variant]:
    """``Lot``/``lot``/``LOT``, ``Deptel``/``deptel``, ``Document``/``document``: same parse."""
    for m in _KEYWORDS.finditer(case.text):
        word = m.group(1)
        forms = {word.lower(), word[0].upper() + word[1:].lower()}
        if word.lower() == "lot":
            forms.add("LOT")
        for form in sorted(forms - {word}):
            yield _sub_once(case.text, m.start(1), m.end(1), form), case.expected


_DASHED = re.compile(r"(?<=\d)[-–—](?=\d)|(?<=\d/)[-–—]|(?<=\d)[-–—](?=\s?\d)")


# fields kept as printed (a folder's or a title's words): their dashes change with the text's;
# the others (file numbers, dates, pages, accessions, jobs) are normalized to "-"
_AS_PRINTED = frozenset({"folder", "path", "series", "title", "collection", "repository"})


def dashes(case: Case) -> Iterator[Variant]:
    """Every dash between digits (file dates, ranges) as a hyphen, an en dash, an em dash."""
    if not _DASHED.search(case.text):
        return
    for dash in "-–—":
        new = _DASHED.sub(dash, case.text)
        if new == case.text:
            continue
        expected = copy.deepcopy(case.expected)
        for e in expected:
            for name in _AS_PRINTED & e.fields.keys():
                value = e.fields[name]
                if isinstance(value, str):
                    e.fields[name] = _DASHED.sub(dash, value)
                elif isinstance(value, list):
                    e.fields[name] = [_DASHED.sub(dash, v) for v in value]
        yield new, expected


_NUMBERS = ("7", "48", "362", "2917", "10384")


def number_digits(case: Case) -> Iterator[Variant]:
    """A telegram's (despatch's, airgram's) number of 1 to 5 digits."""
    for i, e in enumerate(case.expected):
        num = e.fields.get("number")
        if e.kind not in ("telegram", "despatch", "airgram") or not isinstance(num, str):
            continue
        if not num.isdigit():
            continue
        m = _unique(case.text, rf"(?<![\d.,/–-]){num}(?![\d–-])")
        if m is None or any(x.fields.get("number") == num for j, x in
                            enumerate(case.expected) if j != i):
            continue
        for new in _NUMBERS:
            if new != num:
                yield _sub_once(case.text, m.start(), m.end(), new), _with(case.expected, i,
                                                                           number=new)


_SUBDIVISIONS = ("5", "56", "563", "5636", "56361", "563612")


def _decimal_sites(case: Case) -> Iterator[tuple[int, Expected, str, re.Match[str]]]:
    """Each expected decimal file of a plain ``ddd.dddd`` class printed once before its slash:
    its index, its expectation, its decimal and where the text prints it."""
    for i, e in enumerate(case.expected):
        dec = e.fields.get("decimal")
        if e.kind not in ("central_file", "ibid") or not isinstance(dec, str):
            continue
        if not re.fullmatch(r"\d{3}\.\d+", dec):
            continue
        m = _unique(case.text, re.escape(dec) + r"(?=\s?/)")
        if m is not None:
            yield i, e, dec, m


def decimal_digits(case: Case) -> Iterator[Variant]:
    """A decimal file's class of 3 digits with 1 to 6 digits of subdivision."""
    for i, e, dec, m in _decimal_sites(case):
        for sub in _SUBDIVISIONS:
            new = dec[:4] + sub
            if new == dec:
                continue
            fields: dict[str, object] = {"decimal": new}
            if isinstance(e.fields.get("file"), str):
                fields["file"] = new + e.fields["file"][len(dec):]
            yield _sub_once(case.text, m.start(), m.end(), new), _with(case.expected, i,
                                                                       **fields)


def lot_forms(case: Case) -> Iterator[Variant]:
    """A lot as ``63 D 75``, ``63D75``, ``63-D-75`` (an accession as ``64 A 2382``,
    ``64A2382``, ``64-A-2382``): the field stays ``63 D 75``."""
    for e in case.expected:
        lot = e.fields.get("lot") or e.fields.get("accession")
        if not isinstance(lot, str):
            continue
        parts = lot.split()
        if len(parts) != 3 or not parts[1].isalpha():
            continue
        m = _unique(case.text, r"\b" + r"[\s-]?".join(map(re.escape, parts)) + r"\b")
        if m is None:
            continue
        for form in (" ".join(parts), "".join(parts), "-".join(parts)):
            if form != m.group():
                yield _sub_once(case.text, m.start(), m.end(), form), case.expected


def _posts() -> list[str]:
    return [cities[0] for cities in CAPITALS.values()]


_OTHER_POSTS = ("Bamako", "Rio de Janeiro", "Kuala Lumpur", "Reykjavik", "Port-au-Prince")


_NAMED_BEFORE = r"\b{}(?:['\u2019]s)?\s+(?:[Tt]elegrams?|[Tt]els?\.?|[Cc]ables?)\s"


def posts(case: Case) -> Iterator[Variant]:
    """Another post (one xref knows, by its FRUS name) in place of the sender or recipient."""
    known = set(_posts())
    for e in case.expected:
        if e.kind != "telegram":
            continue
        for field in ("sender", "recipient"):
            post = e.fields.get(field)
            if not isinstance(post, str) or post not in known:
                continue
            m = _unique(case.text, rf"\b(?:from|to)\s+({re.escape(post)})\b")
            if m is None:
                continue
            before = len(re.findall(_NAMED_BEFORE.format(re.escape(post)), case.text))
            if before >= sum(1 for x in case.expected if x.fields.get(field) == post):
                continue  # "(Paris Tel 207) ... only from Paris": each said before its word
            # the post written once is every telegram's that has it; written again, only this
            same = [j for j, x in enumerate(case.expected) if x.fields.get(field) == post]
            if len(re.findall(rf"\b{re.escape(post)}\b", case.text)) > 1:
                same = [case.expected.index(e)]
            for new in _OTHER_POSTS:
                if new != post:
                    expected = copy.deepcopy(case.expected)
                    for j in same:  # one written post shared by a list's telegrams
                        expected[j].fields[field] = new
                    yield _sub_once(case.text, m.start(1), m.end(1), new), expected
            return


# series named by a clipped word of their channel, of the shape every volume uses
_CHANNELS = ("Secto", "Tosec", "Todel", "Ecato", "Actel", "Polto", "Topol", "Delto")


def series(case: Case) -> Iterator[Variant]:
    """Another series in place of a telegram's: another of the volume's own list of
    abbreviations (``Kascom`` for ``Luxco``), or another channel word (``Ecato`` for
    ``Secto``). The parties, which the series gives, are not compared."""
    own = sorted(lexicon_for(case.volume).series)
    for i, e in enumerate(case.expected):
        name = e.fields.get("series")
        if e.kind != "telegram" or not isinstance(name, str):
            continue
        if name in own:
            others = [n for n in own if n != name]
        elif name in _CHANNELS:
            others = [n for n in _CHANNELS if n != name]
        else:
            continue
        m = _unique(case.text, rf"\b{re.escape(name)}(?=s?\s+\d)")
        if m is None or any(x.fields.get("series") == name for j, x in
                            enumerate(case.expected) if j != i):
            continue
        for new in others[:4]:
            yield reseries(case, i, m, new)
        return


_DAYS = ((3, 1), (10, 31), (12, 9), (2, 28))


def dates(case: Case) -> Iterator[Variant]:
    """Another month and day in a telegram's date."""
    for e in case.expected:
        date = e.fields.get("date")
        if e.kind != "telegram" or not isinstance(date, str):
            continue
        dm = re.fullmatch(r"(\d{4}|-)-(\d\d)-(\d\d)", date)
        if dm is None:
            continue
        month, day = int(dm.group(2)), int(dm.group(3))
        m = _unique(case.text, rf"\b{MONTHS[month - 1]}\s+{day}\b")
        if m is None:
            continue
        same = [j for j, x in enumerate(case.expected)
                if x.kind == "telegram" and x.fields.get("date") == date]
        for new_m, new_d in _DAYS:
            if (new_m, new_d) == (month, day):
                continue
            new_date = f"{dm.group(1)}-{new_m:02d}-{new_d:02d}"
            expected = copy.deepcopy(case.expected)
            for j in same:  # one written date shared by a list's telegrams
                expected[j].fields["date"] = new_date
            yield (_sub_once(case.text, m.start(), m.end(), f"{MONTHS[new_m - 1]} {new_d}"),
                   expected)
        return


def _list_fields(e: Expected) -> dict[str, object]:
    return {k: v for k, v in e.fields.items() if k in ("series", "sender", "recipient")}


def lists(case: Case) -> Iterator[Variant]:
    """One number made a list: ``Deptels 434 and 512``, ``434, 512 and 513``, ``through``."""
    if len(case.expected) != 1:
        return
    e = case.expected[0]
    num = e.fields.get("number")
    if e.kind == "telegram" and isinstance(num, str) and num.isdigit():
        series = e.fields.get("series")
        if not isinstance(series, str):
            return
        m = _unique(case.text, rf"\b({re.escape(series)})\s+({num})\b(?![.,]?\s*\d)")
        m = m or _unique(case.text, rf"\b({re.escape(series)})(?i:s)?\s+({num})\b(?![.,]?\s*\d)")
        if m is None or not m.group(1).isalpha():
            return
        n = int(num)
        word = m.group(1) + "s"
        keep = _list_fields(e)
        for sep, extra in ((" and ", [n + 51]), (", ", [n + 51]), (", ", [n + 51, n + 52]),
                           (" and ", [n + 3, n + 51])):
            nums = [n, *extra]
            if len(nums) == 2:
                written = sep.join(map(str, nums))
            else:
                written = ", ".join(map(str, nums[:-1])) + " and " + str(nums[-1])
            exp = [Expected("telegram", keep | {"number": str(x)}) for x in nums]
            yield (_sub_once(case.text, m.start(), m.end(), f"{word} {written}"), exp)
    elif e.kind == "document" and isinstance(num, int) and e.fields.get("volume") is None:
        m = _unique(case.text, rf"\b(Document)\s+({num})\b(?![.,]?\s*\d|,\s*footnote)")
        if m is None:
            return
        for sep, nums in ((" and ", [num, num + 4]), (" through ", [num, num + 1, num + 2]),
                          ("–", [num, num + 1, num + 2]), (", ", [num, num + 4])):
            written = f"{nums[0]}{sep}{nums[-1]}"
            exp = [Expected("document", {"number": x}) for x in nums]
            yield _sub_once(case.text, m.start(), m.end(), f"Documents {written}"), exp


_NUMBERED = re.compile(r"\b([Tt]elegrams?|[Dd]espatch(?:es)?|[Aa]irgrams?)\s+(?=\d)")


def reseries(case: Case, i: int, m: re.Match[str], new: str) -> Variant:
    """The case with ``new`` for the series word ``m`` of its ``i``-th citation: that series,
    its sender and recipient no longer known (another series, another channel)."""
    expected = copy.deepcopy(case.expected)
    expected[i].fields["series"] = new
    for party in ("sender", "recipient"):
        expected[i].fields.pop(party, None)
    return _sub_once(case.text, m.start(), m.end(), new), expected


def signed(case: Case, before_number: re.Pattern[str]) -> Iterator[Variant]:
    """The case with ``No. ``/``no. `` put where ``before_number`` first ends: the same
    citations."""
    m = before_number.search(case.text)
    if m is not None:
        for sign in ("No. ", "no. "):
            yield _sub_once(case.text, m.end(), m.end(), sign), case.expected


def number_sign(case: Case) -> Iterator[Variant]:
    """``telegram No. 409``, ``despatch no. 128``: the same number."""
    return signed(case, _NUMBERED)


_ABBREVIATED = {"January": "Jan.", "February": "Feb.", "March": "Mar.", "April": "Apr.",
                "August": "Aug.", "September": "Sept.", "October": "Oct.",
                "November": "Nov.", "December": "Dec."}


def month_forms(case: Case) -> Iterator[Variant]:
    """A telegram's month abbreviated (``Nov. 19``), or the day first (``19 November``)."""
    for e in case.expected:
        date = e.fields.get("date")
        if e.kind != "telegram" or not isinstance(date, str):
            continue
        dm = re.fullmatch(r"(?:\d{4}|-)-(\d\d)-(\d\d)", date)
        if dm is None:
            continue
        month, day = MONTHS[int(dm.group(1)) - 1], int(dm.group(2))
        m = _unique(case.text, rf"\b{month}\s+{day}\b(?!,\s*\d{{4}})")
        if m is None:
            continue
        if month in _ABBREVIATED:
            yield _sub_once(case.text, m.start(), m.end(), f"{_ABBREVIATED[month]} {day}"), \
                case.expected
        yield _sub_once(case.text, m.start(), m.end(), f"{day} {month}"), case.expected
        return


_SUBJECTS = (" Council", " RR", "-MSP", " Mission")


def file_subjects(case: Case) -> Iterator[Variant]:
    """A decimal file whose subject carries a word or letters (``740.00119 Council/12-1747``,
    ``768.5-MSP/...``): the decimal field is the class with its subject."""
    for i, e, dec, m in _decimal_sites(case):
        for subject in _SUBJECTS:
            fields: dict[str, object] = {"decimal": dec + subject}
            if isinstance(e.fields.get("file"), str):
                fields["file"] = dec + subject + e.fields["file"][len(dec):]
            yield _sub_once(case.text, m.end(), m.end(), subject), _with(case.expected, i,
                                                                           **fields)
        return


def central_file_word(case: Case) -> Iterator[Variant]:
    """``Central File`` (singular) and ``central files`` for ``Central Files``."""
    m = re.search(r"\bCentral Files(?=,?\s+\d{3})", case.text)
    if m is not None:
        for form in ("Central File", "central files"):
            yield _sub_once(case.text, m.start(), m.end(), form), case.expected


def footnote_forms(case: Case) -> Iterator[Variant]:
    """``footnote 2, Document 261``, ``Document 261, footnote 2``, ``footnote 2 to Document
    261``, ``Document 261 and footnote 2 thereto``: one citation of that footnote."""
    for e in case.expected:
        num, doc = e.fields.get("number"), e.fields.get("document")
        if e.kind != "footnote" or not isinstance(doc, int) or e.fields.get("volume"):
            continue
        m = _unique(case.text, rf"\b[Ff]ootnote {num}, Document {doc}\b"
                                rf"|\bDocument {doc}(?:,| and) footnote {num}(?: thereto)?\b")
        if m is None or len(case.expected) > 1:
            continue
        for form in (f"footnote {num}, Document {doc}", f"Document {doc}, footnote {num}",
                     f"footnote {num} to Document {doc}",
                     f"Document {doc} and footnote {num} thereto"):
            if form != m.group():
                yield _sub_once(case.text, m.start(), m.end(), form), case.expected
        return


_ANCHOR = re.compile(r"\b(?:Deptel|Embtel|telegram|Telegram|Document|document)s?\s+\d+\b"
                     r"|\b[Ll]ot\s+\d+\s?[A-Z]\s?\d+\b|\b\d{3}\.[\dA-Z]+/\d+[-–]\s?\d+\b")


# what after a number still belongs to the citation (a post, a date, a list, a footnote, a
# document's "ff." or "et seq.")
_GOES_ON = re.compile(r"\s*(?:$|\)|[a-z]+\b)")
_CONTINUES = frozenset(
    "and or through to from of dated thereto footnote footnotes supra infra above below at "
    "for in via repeated ff".split())


def stops(case: Case) -> Iterator[Variant]:
    """A period or a semicolon right after a citation that ends with its number."""
    for m in _ANCHOR.finditer(case.text):
        rest = case.text[m.end():]
        follow = _GOES_ON.match(rest)
        if (follow is None or follow.group().strip() in _CONTINUES
                or rest.lstrip().startswith("et seq")):
            continue
        if rest[:1] in ("", " ", ")"):
            for stop in ".;":
                yield _sub_once(case.text, m.end(), m.end(), stop), case.expected
            return


_OWN_NUMBER = re.compile(r"[A-Z][A-Za-z]*\s+\d+\.\s")


def positions(case: Case) -> Iterator[Variant]:
    """The case's text after another sentence, inside a sentence, before another sentence."""
    text = case.text
    if len(text.split()) < 4 or text.startswith(("No.", "Source", "Ibid", "Supra", "Infra")):
        return  # a footnote's opening or a heading is no sentence to move
    if _OWN_NUMBER.match(text):
        return  # a telegram's own series and number open its text ("Delga 22. ..."): no citation
    yield "The Embassy reported on this matter. " + text, case.expected
    yield "As noted, " + text, case.expected
    if text.endswith("."):
        yield text[:-1] + ", as noted. The matter was discussed again later.", case.expected


TRANSFORMS: dict[str, Callable[[Case], Iterator[Variant]]] = {
    "keyword case": keyword_case,
    "dashes": dashes,
    "telegram number digits": number_digits,
    "decimal file digits": decimal_digits,
    "lot and accession forms": lot_forms,
    "another post": posts,
    "another series": series,
    "another month/day": dates,
    "lists": lists,
    "number sign": number_sign,
    "month forms": month_forms,
    "file subject": file_subjects,
    "central file word": central_file_word,
    "footnote forms": footnote_forms,
    "trailing stop": stops,
    "sentence position": positions,
}
"""Every transform by the name the report gives it."""
