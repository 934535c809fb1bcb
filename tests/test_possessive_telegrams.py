"""Possessive telegram references in a telegram's own text (issue 12): ``my 485``, ``our
599``, ``Your 158.``; not a count (``our 15 carriers``). Sentences from the volumes named."""

from __future__ import annotations

import pytest

import xref


def _tels(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (c.fields()["series"], c.fields()["number"], c.fields()["date"], c.text)
        for c in xref.find_citations(text)
        if c.kind == "telegram"
    ]


def test_my_our_your_before_a_telegram_number() -> None:
    """frus1955-57v03 (d24, d35, d23); frus1948v01p1 d123; frus1955-57v11 d2."""
    assert _tels("490. As stated my 485 no visible progress made today on fundamental issue") == [
        ("mytel", "485", None, "my 485")
    ]
    assert _tels("we believe that basic text our 599 is sound and should be pressed") == [
        ("ourtel", "599", None, "our 599")
    ]
    assert _tels("495. Your 457 and 458 presumably crossed our 492 which authorized") == [
        ("urtel", "457", None, "Your 457"),
        ("urtel", "458", None, "458"),
        ("ourtel", "492", None, "our 492"),
    ]
    assert _tels("Despite the information contained in my 1412, March 17 (which was given") == [
        ("mytel", "1412", "--03-17", "my 1412, March 17")
    ]
    assert _tels("682. Your 779, 780. Department continues believe") == [
        ("urtel", "779", None, "Your 779"),
        ("urtel", "780", None, "780"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "must keep up our 15 carriers, and we must build",  # frus1955-57v19
        "throughout our 200 years, the world looks to",  # frus1969-76v38p1
        "With our 114 Peace Corpsmen out, and the",  # frus1969-76ve05p1
        "perhaps involving violence to our 5,200 citizens in",  # frus1969-76ve05p1
        "nation crosses your 12-mile limit, the practice was",  # frus1964-68v29p1
        "discuss the cut in our 1972 military assistance for",  # frus1969-76ve05p1
        "that I hoped to renew my 1953-55 acquaintance with",  # frus1961-63v02
    ],
)
def test_a_count_after_a_possessive_is_no_telegram(text: str) -> None:
    """A year, a number with a plural noun, a capitalized noun, a thousands comma, a
    hyphenated measure or ``per cent`` after it: a count, not a telegram."""
    assert _tels(text) == []
