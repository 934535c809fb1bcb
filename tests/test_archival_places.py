"""A repository's place after its name (issue 12, G8): a town and its state printed after a
library or another repository are where it is, not a collection or a folder. Sentences are the
tuning volumes' own (file and document id in each docstring), expected values read there."""

from __future__ import annotations

import xref
from xref.cite.families.pathparts import place_parts


def _found(text: str) -> list[tuple[str, str, dict[str, object]]]:
    return [(c.kind, c.text, c.fields()) for c in xref.find_citations(text)]


def test_library_town_and_state_are_no_collection() -> None:
    """frus1969-76v01 d2fn1: "Printed by permission of the Richard Nixon Library and
    Birthplace, Yorba Linda, California." The library is in Yorba Linda, California."""
    text = ("Printed by permission of the Richard Nixon Library and Birthplace, Yorba Linda, "
            "California. The speech was delivered in the Bohemian Grove.")
    found = _found(text)
    assert [(k, f.get("library"), f.get("collection"), f.get("path")) for k, _, f in found] == [
        ("library", "Richard Nixon Library and Birthplace", None, [])
    ]


def test_university_town_and_state_are_no_path() -> None:
    """frus1952-54v01p1 d14: "at Colgate University, Hamilton, New York, concerning ...": the
    town and state are where the university is, never a part of a path."""
    text = ("Thorp delivered an address to the Fourth Annual Conference on American Foreign "
            "Policy at Colgate University, Hamilton, New York, concerning the economic roots of "
            "United States foreign policy.")
    for _, _, fields in _found(text):
        assert "Hamilton" not in (fields.get("path") or [])


def test_a_state_alone_or_a_series_first_is_no_place() -> None:
    """Negatives: a folder named for a state, after a series, stays in the path (a town needs its
    state right after it, first after the repository)."""
    assert place_parts(["Yorba Linda", "California"]) == 2
    assert place_parts(["National Security File", "Country File", "Georgia"]) == 0
    assert place_parts(["Georgia", "Box 3"]) == 0
    assert place_parts(["Nixon Papers"]) == 0


def test_office_files_opening_a_parenthesis_with_subject_parts() -> None:
    """frus1955-57v11 d194fn2 and d28fn2: an office's files and their subject parts, in a
    parenthesis after a quotation ("... lose in the end.” (USUN Files, IO, Membership)")."""
    text = ("We would continue to stand by them, of course, but we would expect them to lose in "
            "the end.\u201d (USUN Files, IO, Membership)")
    assert _found(text) == [("other_repository", "USUN Files, IO, Membership",
                             {"repository": "USUN Files", "path": ["IO", "Membership"]})]
    text = ("This means (a) a seat for the Satellites and possibly Yugoslavia, but not including "
            "Turkey, Greece, Austria or Finland, and (b) an \u2018understanding\u2019 which will "
            "grant them the seat without time limitation.\u201d (USUN Files, IO, Councils, Memb)")
    assert _found(text) == [("other_repository", "USUN Files, IO, Councils, Memb",
                             {"repository": "USUN Files", "path": ["IO", "Councils", "Memb"]})]


def test_files_in_a_parenthesis_of_prose_are_no_series() -> None:
    """Negative, the same shape in prose: a parenthesis that opens with a sentence's word."""
    assert _found("(The Files, he said, were lost in 1950.)") == []
    assert _found("(These Files, IO and UN, were kept apart.)") == []
