"""Archival paths of source notes that the parser reads whole (issue 12, source-note coverage).

Every note is a real one, copied from the volume named; the citations expected and the words
they must cover were decided by reading the notes.
"""

from __future__ import annotations

import pytest

import xref
from xref.checks.coverage import note_coverage
from xref.read.documents import Container


def covered(note: str) -> bool:
    """Whether the parsed citations cover the note's archival part word for word."""
    return note_coverage("d", Container("source", note)).covered


def one(text: str, kind: str) -> dict[str, object]:
    """The fields of the only citation of ``kind`` found in ``text``."""
    found = [c for c in xref.find_citations(text) if c.kind == kind]
    assert len(found) == 1, found
    return found[0].fields()


@pytest.mark.parametrize(
    ("note", "subject"),
    [
        # frus1969-76ve05p1 d24: the file's countries after a comma
        ("Source: National Archives, RG 59, Central Files 1967-69, POL 27-9, Biafra-Nigeria. "
         "Confidential; Immediate.", "POL 27-9 Biafra-Nigeria"),
        # frus1969-76ve05p1 d270
        ("Source: National Archives, RG 59, Central Files 1967-69, POL 13, ETH. Secret.",
         "POL 13 ETH"),
        # frus1964-68v16 d108, frus1961-63v21 d105
        ("Source: Department of State, Central Files, POL 23–8, CYP. Secret; Immediate; Exdis-TAG.",
         "POL 23-8 CYP"),
        ("Source: Department of State, Central Files, DEF 15, LIBYA-US. Secret.",
         "DEF 15 LIBYA-US"),
    ],
)
def test_a_subject_files_country_after_a_comma(note: str, subject: str) -> None:
    assert one(note, "subject_file")["subject"] == subject
    assert covered(note)


def test_a_plain_word_after_a_subject_file_is_not_its_country() -> None:
    """A single capitalized word is no country code: the file ends before it."""
    fields = one("Source: Department of State, Central Files, POL 15, Secret.", "subject_file")
    assert fields["subject"] == "POL 15"


@pytest.mark.parametrize(
    "note",
    [
        # repositories as printed, slips included: frus1958-60v02 d359, frus1955-57v23p2 d45,
        # frus1961-63v02 d276
        "Source: Department State, Central Files, 399.731/4–958. Confidential. Repeated to "
        "Ottawa and Reykjavik.",
        "Source: Department or State, Central Files, 795B.00/5–1155. Secret; Priority.",
        "Source: Washington National Records center, RG 330, OSD Files: FRC 66 A 3542 Vietnam "
        "1962, 370.64. Secret.",
        # frus1964-68v29p1 d249: another agency; frus1961-63v02 d218: a university's library
        "[Source: National Security Agency, Center for Cryptologic History, Historical Files, "
        "Box 3, IV Pueblo—Attach and Seizure, Non-NSA Records. Top Secret; Trine. 3 pages of "
        "source text not declassified.]",
        "Source: University of Montana Library, Mansfield Papers, Box 105, Folder 19. "
        "Unclassified.",
        # frus1964-68v07 d197: a repository of five words
        "Source: U.S. Army Center for Military History, DepCORDS/MACV Papers, Pacification "
        "Program (Planning): 1968. Confidential. Copies were sent to Bunker, Abrams, and Colby.",
        # decimal files: frus1958-60v17 d7 (a person's), frus1955-57v09 d54 (a country letter
        # in lower case), d161 (no slash before the date)
        "Source: Department of State, Central Files, 123 Allison, John Moore. Confidential.",
        "Source: Department of State, Central Files, 890b.20/12–855. Confidential.",
        "Source: Department of State, Central Files, 340.7–3157. Confidential. Five copies of "
        "the report were sent to Assistant Secretary Wilcox",
        # a period between the parts of a path: frus1958-60v02 d168, frus1955-57v02 d312,
        # frus1961-63v02 d197, frus1961-63v21 d195, frus1964-68v07 d103
        "Source: Department of State, Central Files. 320/9–760. Limited Official Use. "
        "Translation.",
        "Source: Department of State, OCB Files: Lot 62 D 430. Formosa & GRC, 1955. Top "
        "Secret. The source text is filed with a covering memorandum dated July 28",
        "Source: Washington National Records Center, RG 84, Saigon Embassy Files: FRC 67 A 677. "
        "USIS 1962. Secret.",
        "Source: Department of State, Conference Files: Lot 66 D 110, President's Visit to "
        "France, 5/31-6/2/61. II. MEMCONS. Secret. Drafted by Glenn.",
        "Source: Johnson Library. Tom Johnson's Notes of Meetings. No classification marking. "
        "The meeting was held in the Oval Office",
        # folders: frus1969-76v01 d119 (a box's note), frus1969-76ve14p1 d138 (an
        # initialism and a code)
        "Source: National Archives, Nixon Presidential Materials, White House Special Files, "
        "President's Office Files, B Series Documents, Box 7 (“B” Box 59, Folder 14). "
        "Confidential.",
        "Source: Department of State, IO/D/AGR Files, Lot 88 D 305, U.N. WFC basic "
        "documentation. Unclassified. Drafted by Witt.",
        # frus1961-63v02 d68: a semicolon between a file series and its lot
        "Source: Department of State, Vietnam Working Group Files; Lot 66 D 307, 1.A-2 Briefing "
        "Papers, GVN, 1962. Confidential. Drafted by Wood, Heavner, and Silver.",
    ],
)
def test_source_notes_read_whole(note: str) -> None:
    assert covered(note)


def test_a_decimal_file_in_lower_case_and_without_its_slash() -> None:
    assert one("Department of State, Central Files, 890b.20/12–855", "central_file")[
        "file"] == "890b.20/12-855"
    assert one("Department of State, Central Files, 340.7–3157", "central_file")[
        "file"] == "340.7-3157"
    assert one("Department of State, Central Files, 123 Allison, John Moore", "central_file")[
        "file"] == "123 Allison, John Moore"


def test_a_folder_after_a_period_is_the_lots() -> None:
    fields = one("Source: Department of State, OCB Files: Lot 62 D 430. Formosa & GRC, 1955. "
                 "Top Secret.", "lot_file")
    assert (fields["lot"], fields["folder"]) == ("62 D 430", "Formosa & GRC, 1955")


@pytest.mark.parametrize(
    "text",
    [
        "Department of State, S/S Files: Lot 64 D 199. Nodis. Drafted by Smith.",
        "Department of State, S/S Files: Lot 64 D 199. Secto 53.",
        "Department of State, S/S Files: Lot 64 D 199. Document 140.",
        "Department of State, S/S Files: Lot 64 D 199. Churchill sent it on.",
    ],
)
def test_a_sentence_after_a_period_is_no_folder(text: str) -> None:
    """A marking, a telegram, a cross-reference or a sentence after the lot is not its
    folder (the period is no separator there)."""
    assert one(text, "lot_file")["folder"] is None


def test_a_presidential_library_by_the_presidents_full_name() -> None:
    # frus1969-76v01 d2
    note = ("Source: The Richard Nixon Library, Nixon Papers. Unclassified; Off-the-Record; Not "
            "for Publication.")
    assert one(note, "library")["library"] == "The Richard Nixon Library"
    assert covered(note)
    # frus1977-80v21, acknowledgments
    text = "officials at the Jimmy Carter Presidential Library, the National Archives"
    assert one(text, "library")["library"] == "Jimmy Carter Presidential Library"
    # a word of a sentence before the library is not its name
    assert one("See Kennedy Library, National Security Files", "library")[
        "library"] == "Kennedy Library"


def test_an_accession_printed_with_spaces() -> None:
    """frus1969-76v12, the list of sources: ``OSD Files: FRC 330 75 0089``."""
    fields = one("OSD Files: FRC 330 75 0089", "records_center")
    assert (fields["accession"], fields["series"]) == ("330 75 0089", "OSD Files")


@pytest.mark.parametrize(
    "note",
    [
        # frus1961-63v21 d205: a folder with abbreviated months, not a person's file
        "Source: Washington National Records Center, RG 330, OASD/ISA Files: FRC 65 A 3501, 092 "
        "Africa, Jan.-Mar., 1962. Secret. This memorandum forms the appendix",
        # frus1961-63v02 d160: a library's series after a semicolon
        "Source: Kennedy Library, National Security File; Vietnam Country Series. Secret; Limit "
        "Distribution.",
        # frus1964-68v13 d106: the Department's subject file, Central Files unsaid
        "Source: Department of State, DEF 4 NATO. Secret; Exdis. Drafted by Vest",
        # frus1969-76ve05p1 d284: another department's path down to a box
        "Source: Department of Defense, OASD/ISA, 73A, 1975, Box 18, Ethiopia 000.1 -- 1970. "
        "Secret; Not Releasable to Foreign Nationals.",
        # frus1958-60v02 d210: an abbreviation before a year
        "Source: Department of State, L Files: Lot 69 D 306, LCM Chron. 1960. Confidential.",
    ],
)
def test_more_source_notes_read_whole(note: str) -> None:
    assert covered(note)


def test_a_folder_is_no_persons_file() -> None:
    found = xref.find_citations("OASD/ISA Files: FRC 65 A 3501, 092 Africa, Jan.-Mar., 1962")
    assert [c.kind for c in found] == ["records_center"]


def test_the_first_item_after_a_semicolon_starts_at_its_repository() -> None:
    text = ("Kennedy Library, National Security Files, Box 3; Department of State, Central "
            "Files, 611.61/1-351")
    cf = [c for c in xref.find_citations(text) if c.kind == "central_file"]
    assert [c.text for c in cf] == ["Department of State, Central Files, 611.61/1-351"]
    lib = one(text, "library")
    assert lib["path"] == ["Box 3"]


def test_a_folder_after_a_period_is_no_sentence() -> None:
    """frus1969-76v01 d58: a name and a comma after the period open the editors' sentence."""
    text = ("Source: Library of Congress, Manuscript Division, Kissinger Papers, Box CL 425, "
            "Subject File, Background Briefings, Feb-June 1970. Kissinger, Under Secretary of "
            "State Elliot Richardson, and Deputy Secretary of Defense David Packard were")
    fields = one(text, "other_repository")
    assert fields["path"][-2:] == ["Background Briefings", "Feb-June 1970"]


def test_what_is_no_decimal_file_or_archival_path() -> None:
    # frus1961-63v17 d244: a Defense folder, not a decimal file without its slash
    found = xref.find_citations(
        "Source: Washington National Records Center, RG 330, OASD/ISA Files: FRC 65 A 3501, "
        "Iran 1962, 000.1–092. Secret.")
    assert [c.kind for c in found] == ["records_center"]
    # frus1964-68v29p1 (a footnote): a publication of an agency, by its title
    found = xref.find_citations(
        "(National Security Agency, The Capture of the USS Pueblo and Its Effect on SIGINT "
        "Operations, United States Cryptologic History, Special Series, Crisis Collection, Vol. "
        "7, 1992, pp. 29 and 33–34)")
    assert "other_repository" not in [c.kind for c in found]
    # frus1952-54v01p1 d37: a FRUS volume after "ibid." and a year is no folder
    found = xref.find_citations(
        "see Foreign Relations, 1947, vol. I, pp. 909–1025; and ibid., 1948, vol. I, Part 2, "
        "pp. 802–947.")
    assert [c.kind for c in found] == ["publication", "ibid"]
    # the ibid's years and volume name that volume (as "ibid., vol. II, p. 5" does)
    ibid = found[1]
    assert isinstance(ibid, xref.IbidCitation) and ibid.locator is not None
    assert ibid.locator.fields() == {"volume": "frus1948v01p2", "pages": "802-947"}
