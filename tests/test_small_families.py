"""Small families of style left on the tuning volumes by issue 12's last round (G6), each read
from its structure. Sentences from the volumes named (file and document id in each docstring);
expected values read there, with prose of the same shape that is no citation."""

from __future__ import annotations

import xref


def _telegrams(text: str) -> list[tuple[str | None, str | None, str | None, str | None, str]]:
    return [
        (c.number, c.date, c.sender, c.recipient, c.text)  # type: ignore[attr-defined]
        for c in xref.find_citations(text)
        if c.kind == "telegram"
    ]


def test_dated_telegram_whose_number_follows_no() -> None:
    """A dated telegram whose number follows its date after ``No.``: frus1948v01p1 d211 ("in
    accordance with the Department’s telegram of July 27, No. 5938:"), read as nothing before.
    The route after it is the telegram's, as after any telegram's number."""
    text = ("Osborn then presented a proposed form of resolution, given below, which is in "
            "accordance with the Department’s telegram of July 27, No. 5938:")
    assert _telegrams(text) == [
        ("5938", "--07-27", None, None, "telegram of July 27, No. 5938")
    ]
    assert _telegrams("see telegram of July 27, 1948, No. 12 to Paris.") == [
        ("12", "1948-07-27", "Department of State", "Paris",
         "telegram of July 27, 1948, No. 12 to Paris")
    ]


def test_dated_telegram_without_a_number_sign_is_no_number() -> None:
    """Prose of the same shape: a telegram's date then ``no`` as a word, or a count after the
    comma, names no number (and a dated telegram with neither route nor number is none)."""
    for text in (
        "He replied to the telegram of July 27, no objection being raised.",
        "The telegram of July 27, No doubt, was seen.",
        "the telegram of July 27, 1948, 12 copies of which were made",
    ):
        assert _telegrams(text) == [], text
