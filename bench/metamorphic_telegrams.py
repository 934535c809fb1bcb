"""More transforms of ``bench/metamorphic.py`` (issue 12, V5): a telegram reference's parts
recombined as an unseen volume may print them: who (``my``, ``your``, ``our``, ``his``, in
capitals too) before the word, the number sign ``No.``/``Nos.`` before a clipped word's number
or a list, another channel word before a series' airgram; (V6) ``tel``/``Tel.``/``cable`` for
the word ``telegram``, ``#`` before a number. As in
``bench/metamorphic_transforms.py``, each gives the citations the new text must still give,
derived from the case's expected fields (never by running xref on the new text)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from golden import Case, Expected  # noqa: E402
from metamorphic_transforms import (  # noqa: E402
    TRANSFORMS as _FIRST,
)
from metamorphic_transforms import (  # noqa: E402
    Variant,
    _list_fields,
    _sub_once,
    _unique,
    lists,
    reseries,
    signed,
)

# a telegram word of the Department's and the posts' clipped series ("Deptel", "Embtel"):
# ``No.`` may stand before its number too ("Embtel No. 1062", frus1955-57v03 d220)
_CLIPPED_NUMBERED = re.compile(r"\b(?:Dep|Emb|Ur|My|Our|Con|Leg)tels?\s+(?=\d)")


def clipped_number_sign(case: Case) -> Iterator[Variant]:
    """``Embtel No. 1062``, ``Deptel no. 432``: a clipped word's number after the sign."""
    return signed(case, _CLIPPED_NUMBERED)


def list_number_sign(case: Case) -> Iterator[Variant]:
    """A list of telegrams after ``Nos.`` in any case: ``telegrams Nos. 434 and 485``,
    ``Deptels nos. 434, 485 and 486`` (the lists of :func:`lists`, with the sign)."""
    for text, expected in lists(case):
        m = re.search(r"\b(?:[Tt]elegrams|[A-Z][a-z]*tels)\s+(?=\d+(?:,| and))", text)
        if m is None or expected[0].kind != "telegram":
            continue
        for sign in ("Nos. ", "nos. "):
            yield _sub_once(text, m.end(), m.end(), sign), expected


# who sent a telegram, said before the word: the writer's, the addressee's, a third's
_OWNERS = ("my", "your", "our", "his")
_TEL_WORD = re.compile(r"(?<=[\s(])telegram(?=\s+(?:No\.\s*)?\d)")
_ARTICLE = re.compile(r"\b(?:the|a|this|that)\s+$")
_BEFORE = re.compile(r"(\S+)\s+$")


def owners(case: Case) -> Iterator[Variant]:
    """``my telegram 1234``, ``your tel 1234``, ``our tels 1234 and 1285``, ``MY TELEGRAM
    1234`` for ``telegram 1234`` (a lowercase word after no capitalized one, which could be
    its sender): the owner names no field the number does not already give."""
    if sum(1 for e in case.expected if e.kind == "telegram") != 1:
        return
    e = next(e for e in case.expected if e.kind == "telegram")
    if e.fields.get("series") != "telegram":
        return
    m = _unique(case.text, _TEL_WORD.pattern)
    if m is None:
        return
    before = _BEFORE.search(case.text[:m.start()])
    if before is not None and not before.group(1).islower():
        return  # "Moscow telegram 239", "Department’s telegram 789": its sender is said
    art = _ARTICLE.search(case.text[:m.start()])
    start = art.start() if art is not None else m.start()  # "the telegram" -> "my telegram"
    for owner in _OWNERS:
        yield _sub_once(case.text, start, m.end(), f"{owner} telegram"), case.expected
        yield _sub_once(case.text, start, m.end(), f"{owner} tel"), case.expected
    num = re.match(r"\s+(\d+)\b(?![.,]?\s*\d)", case.text[m.end():])
    n = e.fields.get("number")
    if num is not None and num.group(1) == n and isinstance(n, str) and n.isdigit():
        extra = str(int(n) + 51)
        exp = [x for x in case.expected if x is not e]
        keep = _list_fields(e)
        new = [Expected("telegram", keep | {"number": n}),
               Expected("telegram", keep | {"number": extra})]
        end = m.end() + num.end()
        yield (case.text[:start] + f"our tels {n} and {extra}" + case.text[end:],
               [*exp, *new])
    upper = case.text[:start] + "MY TELEGRAM" + case.text[m.end():]
    yield upper, case.expected


# the clipped channel words a telegram series' airgram is printed after ("Polto A–417",
# "Delga A–80"): every shape the grammar reads as a series
_AIRGRAM_SERIES = ("Polto", "Topol", "Secto", "Tosec", "Delga", "Gadel", "Dulte", "Tedul",
                   "Actel", "Usito")


def airgram_series(case: Case) -> Iterator[Variant]:
    """Another channel word before a series' airgram: ``Delga A–80`` for ``Polto A–417``. The
    parties, which the series gives, are not compared."""
    for i, e in enumerate(case.expected):
        name = e.fields.get("series")
        if e.kind != "airgram" or not isinstance(name, str):
            continue
        m = _unique(case.text, rf"\b{re.escape(name)}(?=\s+A\s?[-\u2013]\s?\d)")
        if m is None:
            continue
        for new in _AIRGRAM_SERIES:
            if new == name:
                continue
            yield reseries(case, i, m, new)
        return


_LETTERED = re.compile(r"\b(?:[Aa]irgram|[Dd]espatch)\s+(?=[A-Z]{1,2}\s?[-\u2013]\s?\d)")


def lettered_number_sign(case: Case) -> Iterator[Variant]:
    """``airgram No. A-883``, ``despatch no. D-11``: the number sign before a lettered number
    as before a plain one (``despatch no. 32``, frus1948v05p1 d395)."""
    m = _LETTERED.search(case.text)
    if m is not None:
        for sign in ("No. ", "no. "):
            yield _sub_once(case.text, m.end(), m.end(), sign), case.expected


_MONTH_DAY = (r"(?:January|February|March|April|May|June|July|August|September|October"
              r"|November|December)\s+\d{1,2}(?:,\s+\d{4})?")
_ROUTE_THEN_DATE = re.compile(
    r"\b((?:[Tt]elegram|[Dd]espatch|[Aa]irgram|[A-Z][a-z]*tel)s?\s+(?:No\.\s*)?[A-Z]?[-\u2013]?\d+)"
    rf"\s+((?:from|to)\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+({_MONTH_DAY})(?=[,.;)]|\s)"
)


def route_after_date(case: Case) -> Iterator[Variant]:
    """``despatch 95, April 3, from Jidda`` for ``despatch 95 from Jidda, April 3`` (and
    ``of April 3 from Jidda``): the route after the date names the same parties."""
    found = list(_ROUTE_THEN_DATE.finditer(case.text))
    if len(found) != 1:
        return
    m = found[0]
    for joined in (f"{m.group(1)}, {m.group(3)}, {m.group(2)}",
                   f"{m.group(1)} of {m.group(3)} {m.group(2)}"):
        yield _sub_once(case.text, m.start(), m.end(), joined), case.expected


# the word "telegram" before its number (any number of digits after it: two or more for
# "cable" and "Tel.", after which one digit is a memorandum's own list, frus1964-68v07 d25)
_WORD_NUMBER = re.compile(r"(?<![\w-])telegram(s?)(?=\s+(\d+)\b)")


def tel_or_cable(case: Case) -> Iterator[Variant]:
    """``cable 1234``, ``Tel. 1234``, ``tel. 1234`` (and ``cables``, ``Tels.``, ``tels.``) for
    ``telegram 1234``, as V6 read them in the tuning volumes ("Circular Tel. 1673", "Paris Tel
    207", frus1961-63v21; "cable No. 4790", frus1958-60v11; "cables 892 and 229",
    frus1955-57v23p2): the same telegram, its sender, route and date said as before."""
    m = _unique(case.text, _WORD_NUMBER.pattern)
    if m is None or not any(e.kind == "telegram" for e in case.expected):
        return
    plural = m.group(1)
    words = ["tel."] if not plural else ["tels."]
    if len(m.group(2)) >= 2:
        words += ["cable" + plural, "Tel" + plural + "."]
    for word in words:
        yield _sub_once(case.text, m.start(), m.end(), word), case.expected


_HASHED = re.compile(r"(?<![\w-])(?:[Tt]elegram|[Dd]espatch|cable)\s+(?=\d)")


def hash_sign(case: Case) -> Iterator[Variant]:
    """``telegram #1234``, ``despatch #60`` (frus1961-63v17 d97), ``cable #790``
    (frus1955-57v02 d241): the sign "#" before the number, as "No."."""
    m = _unique(case.text, _HASHED.pattern)
    if m is not None:
        yield _sub_once(case.text, m.end(), m.end(), "#"), case.expected


TRANSFORMS: dict[str, Callable[[Case], Iterator[Variant]]] = {
    **_FIRST,
    "clipped word's No.": clipped_number_sign,
    "list after Nos.": list_number_sign,
    "owner before telegram": owners,
    "series' airgram": airgram_series,
    "lettered number's No.": lettered_number_sign,
    "route after date": route_after_date,
    "tel or cable for telegram": tel_or_cable,
    "# before the number": hash_sign,
}
"""Every transform by the name the report gives it: those of ``metamorphic_transforms`` and
these."""
