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
    # (V6: the possessive before the word is read too: the Department is the sender)
    assert _telegrams(text) == [
        ("5938", "--07-27", "Department of State", None,
         "Department’s telegram of July 27, No. 5938")
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
