"""Source notes of 1964-1980 (issue 12): structures the grammar read only in the forms it had
seen. Each note is the source note of the volume and document named, as xref reads it (or that
note in another written form of the same structure, as ``bench/coverage_metamorphic.py`` writes
it: the keyword's case); every word of its archival part must be covered, and the fields are
read in the note."""

from __future__ import annotations

import xref
from xref.checks.coverage import note_coverage
from xref.read.documents import Container


def _left(text: str, volume: str) -> list[str]:
    note = Container(where="source", text=text)
    return [w.word for w in note_coverage("d", note, volume=volume).leftovers]


def _one(text: str, kind: str, volume: str) -> dict[str, object]:
    (c,) = [c for c in xref.find_citations(text, volume=volume) if c.kind == kind]
    return c.fields()


def test_a_lowercase_folder_title_that_ends_the_path() -> None:
    """frus1969-76ve14p1 d144: the folder after the lot is set in lowercase; frus1969-76ve05p1
    d124: a lowercase folder, then "etc."."""
    text = ("Source: Department of State, S/WF Files, Lot 90 D 313, world food situation—general "
            "background—Spring 1974. No classification marking.")
    assert _one(text, "lot_file", "frus1969-76ve14p1") == {
        "lot": "90 D 313", "series": "S/WF Files",
        "folder": "world food situation—general background—Spring 1974",
    }
    assert _left(text, "frus1969-76ve14p1") == []
    text = ("Source: National Archives, RG 59, Records of the Special Coordinator on Relief to "
            "Civilian Victims of the Nigerian Civil War, February 1969-June 1970, Lot 70 D 336, "
            "Box 518, E-1 Office Memoranda, reports to Under Secretary, etc. Confidential.")
    assert _left(text, "frus1969-76ve05p1") == []
    # the editors' prose after a path is no folder: "which was ...", "printed ..."
    text = "(Department of State, Central Files, 611.74/1–156, which was sent to London.)"
    found = xref.find_citations(text)
    assert [c.text for c in found] == ["Department of State, Central Files, 611.74/1–156"]
    # nor a clause after a path: frus1952-54Guat d217fn2 "ibid., Box 6, Folder 2; reference C
    # is printed as Document 208"
    text = "(Ibid., Box 6, Folder 2; reference C is printed as Document 208.)"
    found = xref.find_citations(text, volume="frus1952-54Guat")
    assert [c.text for c in found] == ["Ibid., Box 6, Folder 2", "Document 208"]


def test_an_agency_that_opens_a_source_note() -> None:
    """frus1969-76v01 d96: the National Security Council's own files, which that volume's list
    of sources does not name: the note's archival part is the citation."""
    text = ("Source: National Security Council, Nixon NSC Meetings, Minutes—Original, 1971-June "
            "20, 1974. Top Secret. The meeting was held in the Cabinet Room of the White House.")
    fields = _one(text, "other_repository", "frus1969-76v01")
    assert fields["repository"] == "National Security Council"
    assert fields["path"][:2] == ["Nixon NSC Meetings", "Minutes—Original"]  # type: ignore[index]
    assert _left(text, "frus1969-76v01") == []
    # an agency's publication, by its title, stays none
    text = ("Source: National Security Agency, The Capture of the USS Pueblo and Its Effect on "
            "SIGINT Operations. Top Secret.")
    assert [c.kind for c in xref.find_citations(text)] == []


def test_folder_keywords_and_numbered_volumes_in_a_path() -> None:
    """frus1969-76ve05p1 d329 with "folder" in lowercase, frus1977-80v21 d21 with "Folder"
    capitalized (keyword case), frus1969-76ve05p1 d326 "Vol. #6", frus1964-68v22 d226 "Box
    15cl" (also as "box 15cl", and after a semicolon)."""
    cases = [
        ("frus1969-76ve05p1", "Source: National Archives, Nixon Presidential Materials, NSC "
         "Files, Box 751, Presidential Correspondence, 1969-1974, folder Ethiopia Corres. "
         "Selassie. Secret. Sent for action."),
        ("frus1977-80v21", "Source: Central Intelligence Agency, Directorate of Intelligence, "
         "Job 80T00634A, Box 3, unlabeled Folder. Secret; [handling restriction not "
         "declassified]."),
        ("frus1969-76ve05p1", "Source: National Archives, Nixon Presidential Materials, NSC "
         "Files, Agency Files, President's Foreign Intelligence Advisory Board, Vol. #6, January "
         "- June, 1972. Top Secret; [codeword not declassified]."),
        ("frus1964-68v22", "Source: Library of Congress, Manuscript Division, Harriman Papers, "
         "Special Files of W. Averell Harriman, Public Service, Kennedy-Johnson Administrations, "
         "box 15cl, Shah of Iran. Secret; Nodis."),
        ("frus1964-68v22", "Source: Library of Congress, Manuscript Division, Harriman Papers, "
         "Special Files of W. Averell Harriman, Public Service, Kennedy-Johnson Administrations; "
         "Box 15cl, Shah of Iran. Secret; Nodis."),
    ]
    for volume, text in cases:
        assert _left(text, volume) == [], text
    fields = _one(cases[0][1], "library", "frus1969-76ve05p1")
    assert fields["path"][-1] == "folder Ethiopia Corres. Selassie"  # type: ignore[index]
    fields = _one(cases[2][1], "library", "frus1969-76ve05p1")
    assert "Vol. #6" in fields["path"]  # type: ignore[operator]
