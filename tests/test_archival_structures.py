"""Archival structures an unseen volume prints in a form the tuning volumes print only once
(issue 12, G7): each read from its structure. The sentences are the tuning volumes' own (file
and document id in each docstring), or their source notes changed as
``bench/coverage_metamorphic.py`` changes them; expected values read there, with prose of the
same shape that is no citation."""

from __future__ import annotations

import xref


def _found(text: str) -> list[tuple[str, str, dict[str, object]]]:
    return [(c.kind, c.text, c.fields()) for c in xref.find_citations(text)]

def test_national_archives_and_record_administration() -> None:
    """``National Archives and Record Administration``, singular: frus1977-80v21's list of
    sources ("National Archives and Record Administration, College Park, Maryland"); in a note
    of frus1961-63v02 d1fn1's shape ("Source: National Archives and Records Administration,
    Taylor Papers, T-015-69."), the repository and its path."""
    note = ("Source: National Archives and Record Administration, Taylor Papers, T-015-69. "
            "Top Secret.")
    assert _found(note) == [(
        "other_repository",
        "National Archives and Record Administration, Taylor Papers, T-015-69",
        {"repository": "National Archives and Record Administration",
         "path": ["Taylor Papers", "T-015-69"]},
    )]

def test_library_and_its_second_word() -> None:
    """A library's name going on with ``and`` and one word: frus1969-76v01 d2fn1 ("the Richard
    Nixon Library and Birthplace, Yorba Linda, California"), and the list of sources of
    frus1969-76v38p1 ("Nixon Presidential Library and Museum,")."""
    note = ("Source: Richard Nixon Library and Birthplace, Dulles Papers, General Telephone "
            "Conversations. No classification marking.")
    assert _found(note) == [(
        "library",
        "Richard Nixon Library and Birthplace, Dulles Papers, General Telephone Conversations",
        {"library": "Richard Nixon Library and Birthplace", "collection": "Dulles Papers",
         "path": ["General Telephone Conversations"]},
    )]

def test_library_and_another_repository_are_two() -> None:
    """Negative: ``and`` before another repository's name is no part of the library's."""
    found = _found("Source: Eisenhower Library and Department of State, Central Files, "
                   "611.61/1-351. Secret.")
    assert [(k, f.get("library")) for k, _, f in found][:1] == [("library", "Eisenhower Library")]
