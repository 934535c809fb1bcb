"""Source-note coverage under changes that must keep a note fully covered (issue 12,
deliverable 3; ``bench/coverage_metamorphic.py`` measures them over the tuning set).

Each case is a source note of a tuning volume as printed there (its place given), changed the
way the bench script's transformation changes it: keyword case, dashes, the parts joined by
another separator, another repository or collection from another volume's list of sources.
The expected values are the note's own (its job, lot or file number as printed, normalized),
which the transformation does not change; nothing here comes from running xref.
"""

from __future__ import annotations

import pytest

from xref.checks.coverage import note_coverage
from xref.cite.find import find_citations
from xref.read.documents import Container


def _covered(text: str) -> list[str]:
    """The leftovers of a note (none when it is fully covered)."""
    cov = note_coverage("test", Container("source", text))
    assert cov.has_archival
    return [x.word for x in cov.leftovers]


def _one(text: str) -> dict[str, object]:
    """The only citation of ``text``, as kind and fields."""
    (c,) = find_citations(text)
    out: dict[str, object] = {"kind": c.kind}
    for name in ("subject", "file", "job", "path", "lot", "series", "repository", "library",
                 "accession"):
        value = getattr(c, name, None)
        if value not in (None, (), []):
            out[name] = list(value) if isinstance(value, tuple) else value
    return out


# ---------------------------------------------------------------- keyword case


@pytest.mark.parametrize(
    "text, fields",
    [
        # frus1961-63v21 d86: "Central Files" as "Central files"
        ("Source: Department of State, Central files, POL 1 ALG. Confidential. Drafted by Porter.",
         {"kind": "subject_file", "subject": "POL 1 ALG"}),
        # frus1952-54Guat d40: "Job 79-01025A, Box 147, Folder 5" in lower case
        ("Source: Central Intelligence Agency, job 79-01025A, box 147, folder 5. Top Secret.",
         {"kind": "cia", "job": "79-01025A", "path": ["box 147", "folder 5"]}),
        # frus1955-57v23p2 d14: "Department of Defense Files"
        ("Source: Department of Defense files. Top Secret.",
         {"kind": "other_repository", "repository": "Department of Defense files"}),
        # frus1964-68v16 d16: "National Security File, Files of Robert W. Komer"
        ("Source: Johnson Library, National Security file, files of Robert W. Komer, Cyprus. "
         "Secret.",
         {"kind": "library", "library": "Johnson Library"}),
        # frus1969-76v01 d97: "Kissinger Papers, Box CL 279, Presidential File"
        ("Source: Library of Congress, Manuscript Division, Kissinger Papers, box CL 279, "
         "Presidential file, Memoranda of Conversation, October-November 1971. No "
         "classification marking.",
         {"kind": "other_repository", "repository": "Library of Congress",
          "path": ["Manuscript Division", "Kissinger Papers", "box CL 279", "Presidential file",
                   "Memoranda of Conversation", "October-November 1971"]}),
    ],
)
def test_keywords_in_any_case(text: str, fields: dict[str, object]) -> None:
    assert _covered(text) == []
    got = _one(text)
    assert {k: got.get(k) for k in fields} == fields


def test_department_files_in_lower_case() -> None:
    # frus1948v01p1 d215, an inline source line: "Department of State Atomic Energy Files"
    assert _covered("Department of State Atomic Energy files") == []
    # frus1952-54Guat's "Department of State, INR-NIE Files" in lower case
    assert _covered("Source: Department of State, INR\u2013NIE files. Secret.") == []


# ---------------------------------------------------------------- dashes


@pytest.mark.parametrize(
    "text, fields",
    [
        # frus1952-54Guat d200: "Job 79-01025A" with an em dash
        ("Source: Central Intelligence Agency, Job 79\u201401025A, Box 6, Folder 1. Secret; "
         "Immediate.",
         {"kind": "cia", "job": "79-01025A", "path": ["Box 6", "Folder 1"]}),
        # frus1955-57v09 d161: a decimal file whose date lost its slash, "340.7-3157"
        ("Source: Department of State, Central Files, 340.7\u20143157. Confidential.",
         {"kind": "central_file", "file": "340.7-3157"}),
        # frus1961-63v17 d175: a person's file, "123-Bowles, Chester"
        ("Source: Department of State, Central Files, 123\u2014Bowles, Chester. Secret; Niact.",
         {"kind": "central_file", "file": "123-Bowles, Chester"}),
        # frus1952-54v01p1 d172, inline: "S/S-NSC files, lot 63 D 351, NSC 142 Series"
        ("S/S\u2014NSC files, lot 63 D 351, NSC 142 Series",
         {"kind": "lot_file", "lot": "63 D 351"}),
        # frus1952-54v01p1 d166, inline: "ECA-MSA Executive Assistant's files, FRC 55 A 79"
        ("ECA\u2014MSA Executive Assistant\u2019s files, FRC 55 A 79, box 186, "
         "\u201cW. Averell Harriman\u201d",
         {"kind": "records_center", "accession": "55 A 79"}),
    ],
)
def test_any_dash_inside_numbers_and_names(text: str, fields: dict[str, object]) -> None:
    assert _covered(text) == []
    got = _one(text)
    assert {k: got.get(k) for k in fields} == fields


# ---------------------------------------------------------------- separators


@pytest.mark.parametrize(
    "text, fields",
    [
        # frus1955-57v23p2 d114: "Central Files, 795.00/2-356"
        ("Source: Department of State, Central Files; 795.00/2\u2013356. Secret; Priority.",
         {"kind": "central_file", "file": "795.00/2-356"}),
        # frus1952-54Guat d84: "Central Intelligence Agency, Job 79-01025A, Box 151, Folder 5"
        ("Source: Central Intelligence Agency; Job 79-01025A; Box 151, Folder 5. No "
         "classification marking.",
         {"kind": "cia", "job": "79-01025A", "path": ["Box 151", "Folder 5"]}),
        # frus1961-63v06 d89: "Presidential Correspondence: Lot 66 D 204"
        ("Source: Department of State, Presidential Correspondence; Lot 66 D 204. No "
         "classification marking.",
         {"kind": "lot_file", "lot": "66 D 204", "series": "Presidential Correspondence"}),
        # frus1977-80v21 d169: "..., Secretary of State-1977-1980, Lot 84D241, Box 10"
        ("Source: Department of State, Office of the Secretariat Staff, Cyrus R. Vance, "
         "Secretary of State—1977–1980; Lot 84D241, Box 10, unlabeled folder. Secret.",
         {"kind": "lot_file", "lot": "84 D 241"}),
        # frus1964-68v22 d35: "OASD/ISA Files: FRC 68 A 306, 452.1 Iran, 5 Jun 64"
        ("Source: Washington National Records Center, RG 330, OASD/ISA Files; FRC 68 A 306; "
         "452.1 Iran, 5 Jun 64. Confidential.",
         {"kind": "records_center", "accession": "68 A 306"}),
        # frus1969-76ve15p1 d46: "NSC Files, Box 699, Country Files-Europe-Poland"
        ("Source: National Archives, Nixon Presidential Materials, NSC Files; Box 699, Country "
         "Files\u2014Europe\u2014Poland, Vol. III, 1973. Confidential.",
         {"kind": "library"}),
    ],
)
def test_parts_joined_by_a_semicolon(text: str, fields: dict[str, object]) -> None:
    assert _covered(text) == []
    got = _one(text)
    assert {k: got.get(k) for k in fields} == fields


def test_a_semicolon_still_parts_two_citations() -> None:
    # a second item after a semicolon is its own citation; a box does not go on a decimal file
    text = "Source: Department of State, Central Files, 611.74/1\u2013156; Lot 66 D 204. Secret."
    assert [c.kind for c in find_citations(text)] == ["central_file", "lot_file"]
    text = "Source: Department of State, Central Files, 611.74/1\u2013156; Box 3. Secret."
    (c,) = find_citations(text)
    assert text[c.span.start : c.span.end].endswith("611.74/1\u2013156")
    # a date is no series: the lot after it starts its own citation
    text = "National Security Council, January 10; Lot 66 D 307."
    (c,) = find_citations(text)
    assert text[c.span.start : c.span.end] == "Lot 66 D 307"


# ---------------------------------------------------------------- another repository


@pytest.mark.parametrize(
    "text, fields",
    [
        # frus1964-68v22's "Lyndon B. Johnson Library" with a middle name, or no period
        ("Source: Lyndon Baines Johnson Library, National Security File, Country File, Iran, "
         "Vol. II. Secret.",
         {"kind": "library", "library": "Lyndon Baines Johnson Library"}),
        ("Source: Lyndon B Johnson Library, National Security File, Country File, Iran, "
         "Vol. II. Secret.",
         {"kind": "library", "library": "Lyndon B Johnson Library"}),
        # frus1964-68v07's list: "U.S. Army Military History Institute" (as another volume's
        # note would name it, spelled out)
        ("Source: United States Army Military History Institute, Harold K. Johnson Papers, "
         "Box 3. Secret.",
         {"kind": "other_repository",
          "repository": "United States Army Military History Institute"}),
        # frus1964-68v29p1's sources name the "Center for Cryptologic History" (NSA)
        ("Source: Center for Cryptologic History, Historical Collection, Series XII.Z, Box 3. "
         "Top Secret.",
         {"kind": "other_repository", "repository": "Center for Cryptologic History"}),
    ],
)
def test_another_repository_read_by_its_shape(text: str, fields: dict[str, object]) -> None:
    assert _covered(text) == []
    got = _one(text)
    assert {k: got.get(k) for k in fields} == fields


def test_a_record_group_before_an_accession_of_an_inline_source_line() -> None:
    # frus1952-54v01p1 d168: "MSA-FOA Director's files, FRC 56 A 632, box 8, ..." with the
    # record group printed before the accession
    text = ("MSA–FOA Director’s files, RG 330, FRC 56 A 632, box 8, "
            "“State Department 1953”")
    assert _covered(text) == []
    assert _one(text)["accession"] == "56 A 632"


def test_the_records_center_misprinted_singular() -> None:
    # frus1964-68v22 d197's note with the center named as frus1958-60v11 and
    # frus1969-76ve15p1 print it ("Washington National Record Center")
    text = ("Source: Washington National Record Center, RG 330, OSD Files: FRC 72 A 2468, "
            "Iran 091.112, 16 May 67. Secret.")
    assert _covered(text) == []


def test_a_university_library_is_no_presidential_library() -> None:
    (c,) = find_citations("Source: Princeton University Library, Dulles Papers. Secret.")
    assert c.kind == "other_repository"


# ---------------------------------------------------------------- what follows


@pytest.mark.parametrize(
    "after",
    [
        "Secret.", "Top Secret; Sensitive.", "Confidential.", "Limited Official Use.",
        "Unclassified.", "Secret; Eyes Only.", "Top Secret; Nodis.", "Confidential; Exdis.",
        "Secret. Drafted by William P. Bundy on May 3.",
        "Secret. Repeated to London, Paris, and Bonn.", "Secret. Also sent to USUN.",
        "Secret. Transmitted in telegram 1234 to Saigon.", "Secret. Printed from an unsigned copy.",
        "Secret. Also printed in Department of State Bulletin, June 1, 1964, pp. 859\u2013860.",
        "Secret. A copy is in the Johnson Library, National Security File, Country File, "
        "Vietnam, Vol. XIV, Box 12.",
    ],
)
def test_what_follows_the_archival_part_leaves_it_covered(after: str) -> None:
    # frus1964-68v17 d83's archival part, with another marking or sentence after it
    text = f"Source: Department of State, Central Files, POL 27\u20131 COMBLOC\u2013CZECH. {after}"
    assert _covered(text) == []
