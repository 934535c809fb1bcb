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


def test_abbreviated_word_in_a_lots_folder() -> None:
    """A subject-numeric code in a lot's folder whose words carry an abbreviation:
    frus1964-68v22 d80fn1 ("NEA/IRN Files: Lot 69 D 490, Iran 1965, POL 1 Gen. Policy,
    Background. Secret."): the folder was cut at ``Gen`` (read as a subject file ending a
    sentence), the note not fully recognized. The period after a short capitalized word
    before a word that goes on is no end; before a marking it still is."""
    note = ("Source: Department of State, NEA/IRN Files: Lot 69 D 490, Iran 1965, POL 1 Gen. "
            "Policy, Background. Secret. The meeting took place at the Pentagon.")
    found = [(c.kind, c.fields()) for c in xref.find_citations(note)]
    assert found == [
        ("lot_file", {"lot": "69 D 490", "series": "NEA/IRN Files",
                      "folder": "Iran 1965, POL 1 Gen. Policy, Background"})
    ]
    subjects = [c.fields() for c in xref.find_citations(
        "Source: Department of State, Central Files, POL 1 Gen. Secret.")]
    assert subjects == [{"subject": "POL 1 Gen", "years": None}]
    subjects = [c.fields() for c in xref.find_citations(
        "Source: Department of State, Central Files, POL 27 Biafra. Secret.")]
    assert subjects == [{"subject": "POL 27 Biafra", "years": None}]


def test_possessive_of_a_post_the_table_does_not_hold() -> None:
    """A one-word possessive whose number carries a telegram's day and month is that place's
    telegram even when the post table does not hold it (a consulate): frus1948v05p1 d115
    ("Wiley’s telegram to Loy Henderson (Istanbul’s 206, July 16 [15])") and d123
    ("(Istanbul’s 206, July 15, and Moscow’s 1366, July 20)"); d112 is that telegram, from the
    Consul General at Istanbul, July 15. ``Dept’s 131, February 10`` (d69) is the Department's.
    """
    text = ("Dept is prepared, in view of continued Soviet misrepresentation of US activity in "
            "Iran (Istanbul’s 206, July 15, and Moscow’s 1366, July 20), to have US-UN Del")
    found = _telegrams(text)
    assert found[0] == ("206", "--07-15", "Istanbul", None, "Istanbul’s 206, July 15")
    assert [f[0] for f in found] == ["206", "1366"]
    assert _telegrams("(Dept’s 131, February 10) that Iran Government")[0][:3] == (
        "131", "--02-10", "Department of State")


def test_possessive_with_a_number_but_no_telegram_date_is_none() -> None:
    """Prose of the same shape: a possessive before a count, a year, or a number with no day
    and month after it (the name unknown as a post) stays prose."""
    for text in (
        "Turkey’s 67 provinces, July 5",
        "the Army’s 15 May 1950 plan",
        "Truman’s 1948 May 3 speech",
        "Khrushchev’s 2 letters of July 5",
        "Aramco’s 440,000 square mile concession",
    ):
        assert _telegrams(text) == [], text
