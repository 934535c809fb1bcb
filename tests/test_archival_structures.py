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

def test_lawsuit_collection_keeps_its_v() -> None:
    """A collection named after a lawsuit keeps its ``v.``: frus1964-68v07 d8fn2 ("(National
    Archives and Records Administration, RG 407, Westmoreland v. CBS Litigation Collection,
    MACV Backchannel Messages to Westmoreland, 1-30 September, 1968 [Folder 1 of 2])"), whose
    path was cut at ``Westmoreland v``; the volume's list of sources prints the collection
    "Westmoreland v. CBS Litigation Collection, 1966-1972"."""
    text = ("(National Archives and Records Administration, RG 407, Westmoreland v. CBS "
            "Litigation Collection, MACV Backchannel Messages to Westmoreland, 1-30 September, "
            "1968 [Folder 1 of 2]) In memorandum CM-3465-68 to Rusk")
    assert _found(text)[0] == (
        "national_archives",
        "National Archives and Records Administration, RG 407, Westmoreland v. CBS Litigation "
        "Collection, MACV Backchannel Messages to Westmoreland, 1-30 September, 1968 "
        "[Folder 1 of 2]",
        {"rg": "407", "path": ["Westmoreland v. CBS Litigation Collection",
                               "MACV Backchannel Messages to Westmoreland", "1-30 September",
                               "1968 [Folder 1 of 2]"]},
    )
    # a collection under a Department's series before a lot (frus1955-57v11 d32fn1's note with
    # the collection in place of its own)
    note = ("Source: Department of State, Westmoreland v. CBS Litigation Collection: Lot 60 D "
            "113, US Mission Correspondence. Confidential.")
    assert _found(note) == [(
        "lot_file",
        "Department of State, Westmoreland v. CBS Litigation Collection: Lot 60 D 113, US "
        "Mission Correspondence",
        {"lot": "60 D 113", "series": "Westmoreland v. CBS Litigation Collection",
         "folder": "US Mission Correspondence"},
    )]

def test_v_ends_a_sentence_when_prose_follows() -> None:
    """Negative: a period after a lone ``v`` that ends the archival part before a marking or a
    sentence is still its end (``Annex V. Secret``: a capital V is no lawsuit's)."""
    found = _found("Source: Department of State, Central Files, 611.61/1-351, Annex V. Secret. "
                   "The annex was not found.")
    assert [(k, t) for k, t, _ in found] == [
        ("central_file", "Department of State, Central Files, 611.61/1-351"),
    ]
    # a volume's lowercase number before a marking: the marking is no part of the folder
    found = _found("Source: Department of State, S/S Files: Lot 66 D 147, Vol. v. Secret. "
                   "Drafted by Smith.")
    assert [f["folder"] for _, _, f in found] == ["Vol. v"]

def test_lower_case_lettered_lot() -> None:
    """A lettered lot in lower case: frus1955-57v23p2 d20fn1 prints "Washington National
    Records Center, FOA/ICA Files: Lot W–1444, FRC 56 A 632, Korea"; the keyword in lower case
    (as the 1950s notes print ``lot 63 D 75``) is the same path."""
    note = ("Source: Washington National Records Center, FOA/ICA files: lot W–1444, FRC 56 A "
            "632, Korea. Confidential.")
    assert _found(note) == [(
        "records_center",
        "Washington National Records Center, FOA/ICA files: lot W–1444, FRC 56 A 632, Korea",
        {"accession": "56 A 632", "center": "FRC", "series": "lot W–1444", "folder": "Korea"},
    )]

def test_lower_case_lot_in_prose_is_no_path() -> None:
    """Negative: ``lot`` as a word of prose before a capital starts nothing."""
    assert _found("A lot W–5 was not seen. The lot B–12 was sold.") == []

def test_agency_files_under_the_department() -> None:
    """Another agency's files held by the Department: frus1964-68v16 d299fn1 ("Source:
    Department of State, Central Files, POL 27 CYP.") with a JCS series in place of Central
    Files: the Department's series, not a new repository that leaves "Department of State"
    alone."""
    note = "Source: Department of State, JCS Files, POL 27 CYP. Secret; Priority; Nodis."
    assert _found(note) == [(
        "other_repository",
        "Department of State, JCS Files, POL 27 CYP",
        {"repository": "Department of State", "path": ["JCS Files", "POL 27 CYP"]},
    )]
    # a repository after a semicolon is still another one
    found = _found("Source: Department of State, Central Files, POL 27 CYP; Department of "
                   "Defense Files. Secret.")
    assert [k for k, _, _ in found] == ["subject_file", "other_repository"]


def test_agency_named_in_a_librarys_agency_file() -> None:
    """The agency an Agency File is filed under is a folder of the library's path:
    frus1964-68v22 d311 ("Johnson Library, National Security File, Agency File, State,
    Department of, President's Evening Reading, Vol. IX"); with the CIA in that place the
    path was cut before it (read as the CIA's own files)."""
    note = ("Source: Johnson Library, National Security File, Agency File, CIA, Vol. 3, Box 9. "
            "Secret.")
    assert _found(note) == [(
        "library",
        "Johnson Library, National Security File, Agency File, CIA, Vol. 3, Box 9",
        {"library": "Johnson Library", "collection": "National Security File",
         "path": ["Agency File", "CIA", "Vol. 3", "Box 9"]},
    )]
    # after a semicolon the CIA is another repository, its own citation
    found = _found("Source: Johnson Library, National Security File, Agency File; Central "
                   "Intelligence Agency, Job 79-01025A, Box 2. Secret.")
    assert [k for k, _, _ in found] == ["library", "cia"]


def test_accession_number_with_any_dash() -> None:
    """An accession's number keeps its dash whichever is printed ("Accession 77-0075",
    "Accession 77–0075"); with an en dash it was cut at ``77``."""
    for dash in "-\u2013":
        note = (f"Source: Washington National Records Center, RG 330, OSD Files: Accession "
                f"77{dash}0075, Vietnam 1972. Secret.")
        (kind, _, fields), = _found(note)
        assert (kind, fields["accession"], fields["folder"]) == (
            "records_center", "Accession 77-0075", "Vietnam 1972")


def test_decimal_file_without_a_date_after_central_files() -> None:
    """A decimal file with no date after ``Central Files`` and a comma: frus1961-63v19 d34fn0
    ("Source: Department of State, Central Files, 790D.5622. Secret; Priority."), covered by
    nothing before (``Central Files 714.00``, with no comma, was read)."""
    note = "Source: Department of State, Central Files, 790D.5622. Secret; Priority. Drafted by"
    assert _found(note) == [(
        "central_file", "Department of State, Central Files, 790D.5622",
        {"file": "790D.5622", "decimal": "790D.5622", "date": None},
    )]


def test_year_after_central_files_is_no_decimal_file() -> None:
    """Negative: a year or a date after ``Central Files`` is no decimal file."""
    for note in ("Source: Department of State, Central Files, 1961. Secret.",
                 "Source: Department of State, Central Files, 10.30 a.m. Secret."):
        assert [k for k, _, _ in _found(note)] == [], note


def test_boxes_listed_with_and() -> None:
    """Boxes listed with ``and`` are one part: frus1969-76ve05p1 d192 ("ibid., RG 59, ...,
    Lot 70 D 336, Boxes 514 and 517."), frus1948v01p1 d187 ("Lot 58–D443, Boxes 112 and
    113."), each cut after its first box before."""
    found = _found("The official United States Delegation file is in Lot 58–D443, Boxes 112 and "
                   "113. Box 112 contains a telegram file")
    assert found[0] == ("lot_file", "Lot 58–D443, Boxes 112 and 113",
                        {"lot": "58 D 443", "series": None, "folder": "Boxes 112 and 113"})


def test_box_and_a_word_is_no_list() -> None:
    """Negative: ``and`` before a word after a box ends the box."""
    found = _found("Source: National Archives, Nixon Presidential Materials, NSC Files, Box 5 "
                   "and Kissinger Papers. Secret.")
    assert found[0][2]["path"] == ["Box 5"]
