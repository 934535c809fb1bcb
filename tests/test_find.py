"""find_citations and parse_citation on hand-written inputs: kinds, fields, lists, negatives."""

from __future__ import annotations

import pytest

import xref
from xref.cite.normalize import decode_file_date, volume_id


def kinds(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in xref.find_citations(text)]


def test_telegram_list_gives_one_citation_per_number() -> None:
    """``Deptels 4271, 4482, 4790 and 4814`` is four telegrams of the Deptel series."""
    found = xref.find_citations("factors set forth in Deptels 4271, 4482, 4790 and 4814.")
    assert [c.fields()["number"] for c in found] == ["4271", "4482", "4790", "4814"]
    assert {c.fields()["series"] for c in found} == {"Deptel"}
    assert found[0].text == "Deptels 4271" and found[1].text == "4482"


@pytest.mark.parametrize(
    ("text", "series", "number", "sender", "recipient"),
    [
        ("Embtel 2832", "Embtel", "2832", None, "Department of State"),
        ("Secto 53 from Paris", "Secto", "53", "Paris", "Department of State"),
        ("Topol 1082 to Paris", "Topol", "1082", "Department of State", "Paris"),
        ("telegram 1593 to USUN", "telegram", "1593", "Department of State", "USUN"),
        ("Circular telegram 1236", "circular telegram", "1236", "Department of State", None),
        ("Depcirtel 12", "Depcirtel", "12", "Department of State", None),
        ("Dulte 10", "Dulte", "10", None, "Department of State"),
        ("Tedul 8", "Tedul", "8", "Department of State", None),
        ("Reurtel 55", "urtel", "55", None, None),
    ],
)
def test_telegram_forms(
    text: str, series: str, number: str, sender: str | None, recipient: str | None
) -> None:
    """Each telegram form gives its series, number and the parties the text names."""
    c = xref.parse_citation(text)
    assert c.kind == "telegram"
    f = c.fields()
    assert (f["series"], f["number"], f["sender"], f["recipient"]) == (
        series,
        number,
        sender,
        recipient,
    )


def test_telegram_with_full_date() -> None:
    """A printed year completes the ISO date."""
    c = xref.parse_citation("telegram 56 from Moscow, July 10, 1961")
    assert c.fields()["date"] == "1961-07-10"


@pytest.mark.parametrize(
    ("text", "cited", "recipient", "date"),
    [
        (
            "Tedul 5 to Paris, for the Secretary, July 15, stated that the President desired",
            "Tedul 5 to Paris, for the Secretary, July 15", "Paris", "--07-15",
        ),
        (
            "Tedul 7 to Geneva, for Dulles from Hoover, July 16, reads:",
            "Tedul 7 to Geneva, for Dulles from Hoover, July 16", "Geneva", "--07-16",
        ),
        (
            "relayed in telegram 53954 to Athens, Ankara, and Nicosia, March 10. (National",
            "telegram 53954 to Athens, Ankara, and Nicosia, March 10", "Athens", "--03-10",
        ),
        # with no date after them, the addressees are not the telegram's: it ends at the route
        ("Deptel 12 to Paris, Rome, and Bonn said so.", "Deptel 12 to Paris", "Paris", None),
    ],
)
def test_telegram_date_after_more_addressees(
    text: str, cited: str, recipient: str, date: str | None
) -> None:
    """Addressees or a "for ..." between the route and the date keep the date."""
    (c,) = xref.find_citations(text)
    assert (c.text, c.fields()["recipient"], c.fields()["date"]) == (cited, recipient, date)


@pytest.mark.parametrize(
    ("text", "series", "number", "date"),
    [
        ("Telegram No. 123 from London, May 5, 1945, reported", "telegram", "123", "1945-05-05"),
        ("the Department's Circular Telegram No. 149 of August 19, 1959, which",
         "circular telegram", "149", "1959-08-19"),
        ("Secto 68/3276. Discussion of Middle East", "Secto", "68", None),
    ],
)
def test_telegram_number_forms(text: str, series: str, number: str, date: str | None) -> None:
    """``No.`` before the number; a second number after a slash is the sender's own."""
    (c,) = xref.find_citations(text)
    f = c.fields()
    assert (c.kind, f["series"], f["number"], f["date"]) == ("telegram", series, number, date)


@pytest.mark.parametrize(
    ("text", "cited", "sender", "recipient"),
    [
        ("378. For Hare NEA. Ref: State 13889.\n\n1. Even before", "State 13889",
         "Department of State", None),
        ("2993. Subj: Independence. Ref: Nicosia 2853.", "Nicosia 2853", "Nicosia",
         "Department of State"),
        ("88. Reftel Karachi 406; to Kabul 43.", "Karachi 406", "Karachi", "Department of State"),
        ("Refs: A. State 12345; B. Tehran 4567.", "State 12345", "Department of State", None),
    ],
)
def test_reference_line_names_a_telegram_by_its_sender(
    text: str, cited: str, sender: str, recipient: str | None
) -> None:
    """On a reference line, "State N" is the Department's telegram N and "Post N" the post's."""
    c = xref.find_citations(text)[0]
    f = c.fields()
    assert (c.kind, c.text, f["sender"], f["recipient"]) == ("telegram", cited, sender, recipient)


def test_reference_line_with_an_unknown_sender_names_nothing() -> None:
    """``Ref: NATUS 3605``: not the Department, not a post; and a bare reftel stays one."""
    assert xref.find_citations("3636. Ref: NATUS 3605.") == []
    (c,) = xref.find_citations("proposal in reftel would represent")
    assert (c.kind, c.fields()["series"]) == ("telegram", "reftel")


def test_total_is_not_a_telegram_channel() -> None:
    """``Total 676`` in a table is a sum, not a ``To...`` channel's telegram."""
    assert xref.find_citations("Total 676 and 990 more") == []


def test_telegram_supra_is_the_previous_document() -> None:
    """``telegram 2656, supra`` names the document printed just before."""
    (c,) = xref.find_citations("See telegram 2656, supra.")
    assert c.kind == "document" and c.fields()["relative"] == "previous"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Documents 67 and 68", [67, 68]),
        ("Documents 12–16", [12, 13, 14, 15, 16]),
        ("Documents 31, 49, 82, and 87", [31, 49, 82, 87]),
        ("Documents 311–312 and 314–315", [311, 312, 314, 315]),
        ("Documents 40–12", [40, 12]),
    ],
)
def test_document_lists_and_ranges(text: str, expected: list[int]) -> None:
    """Lists give one citation per number; a range gives every document in it (a
    descending one, no range, only its two numbers)."""
    assert [c.fields()["number"] for c in xref.find_citations(text)] == expected


def test_other_volume_document() -> None:
    """``Foreign Relations, 1964–1968, vol. XXVII, Document 305`` names that volume."""
    c = xref.parse_citation("Foreign Relations, 1964–1968, vol. XXVII, Document 305")
    assert c.kind == "document"
    assert c.fields() == {"number": 305, "volume": "frus1964-68v27", "relative": None}


def test_relative_volume_uses_the_citing_volume() -> None:
    """``vol. XI, Document 183`` cited in frus1961-63v06 is frus1961-63v11."""
    (c,) = xref.find_citations("See vol. XI, Document 183.", volume="frus1961-63v06")
    assert c.fields()["volume"] == "frus1961-63v11" and c.fields()["number"] == 183


@pytest.mark.parametrize(
    ("text", "number", "document", "relative"),
    [
        ("footnote 3, Document 5", "3", 5, None),
        ("footnote 2 above", "2", None, "same"),
        ("footnote 3, supra", "3", None, "previous"),
        ("Document 140 and footnote 3 thereto", "3", 140, None),
    ],
)
def test_footnotes(text: str, number: str, document: int | None, relative: str | None) -> None:
    """Footnote references give the footnote, its document and the relative position."""
    c = xref.parse_citation(text)
    assert c.kind == "footnote"
    f = c.fields()
    assert (f["number"], f["document"], f["relative"]) == (number, document, relative)


def test_publication_with_pages() -> None:
    """``Foreign Relations, 1958–1960, vol. VI, pp. 123–125`` is a publication with pages."""
    c = xref.parse_citation("Foreign Relations, 1958–1960, vol. VI, pp. 123–125")
    assert c.kind == "publication"
    assert c.fields() == {"volume": "frus1958-60v06", "pages": "123-125"}


@pytest.mark.parametrize(
    ("text", "kind", "fields"),
    [
        (
            "Department of State, Central Files, 783A.00/2–2158",
            "central_file",
            {"file": "783A.00/2-2158", "decimal": "783A.00", "date": "1958-02-21"},
        ),
        (
            "Central Files, 661.00/1- 2461",
            "central_file",
            {"file": "661.00/1-2461", "decimal": "661.00", "date": "1961-01-24"},
        ),
        (
            "National Archives, RG 59, Central Files 1964–66, POL 27 VIET S",
            "subject_file",
            {"subject": "POL 27 VIET S", "years": "1964-66"},
        ),
        (
            "Conference Files: Lot 64 D 560, CF 1569",
            "lot_file",
            {"lot": "64 D 560", "series": "Conference Files", "folder": "CF 1569"},
        ),
        ("S/S Files: Lot 63D 123", "lot_file", {"lot": "63 D 123", "series": "S/S Files"}),
        (
            "RG 330, OASD/ISA Files: FRC 64 A 2170, 320.2 Berlin",
            "records_center",
            {"accession": "64 A 2170", "center": "FRC", "series": "OASD/ISA Files"},
        ),
        (
            "Eisenhower Library, Whitman File, DDE Diaries",
            "library",
            {
                "library": "Eisenhower Library",
                "collection": "Whitman File",
                "path": ["DDE Diaries"],
            },
        ),
        ("National Archives, RG 218, JCS Records", "national_archives", {"rg": "218"}),
        (
            "Department of State, Central Foreign Policy Files, D750199-1071",
            "electronic_telegram",
            {"film": "D750199-1071"},
        ),
        (
            "Princeton University Library, Dulles Papers",
            "other_repository",
            {"repository": "Princeton University Library"},
        ),
        (
            "Central Intelligence Agency, DCI (McCone) Files, Job 80-B01285A",
            "cia",
            {"job": "80-B01285A"},
        ),
        ("despatch 712 from London", "despatch", {"number": "712", "sender": "London"}),
        ("Airgram A–151", "airgram", {"number": "A-151"}),
        (
            "Department of State Bulletin, June 15, 1947, p. 1160",
            "other_publication",
            {"title": "Department of State Bulletin", "pages": "1160", "date": "1947-06-15"},
        ),
        ("11 UST 1645", "other_publication", {"title": "UST", "volume": "11", "pages": "1645"}),
    ],
)
def test_archival_and_other_kinds(text: str, kind: str, fields: dict[str, object]) -> None:
    """Each archival or publication form gives its kind and key fields."""
    c = xref.parse_citation(text)
    assert c.kind == kind
    got = c.fields()
    assert {k: got[k] for k in fields} == fields


def test_library_nixon_materials() -> None:
    """The Nixon materials in the National Archives are cited like a library."""
    (c,) = xref.find_citations(
        "Source: National Archives, Nixon Presidential Materials, NSC Files, Box 364."
    )
    assert c.kind == "library"
    assert c.fields()["library"] == "Nixon Presidential Materials"
    assert c.fields()["collection"] == "NSC Files"
    assert c.fields()["path"] == ["Box 364"]


@pytest.mark.parametrize(
    ("text", "cited", "title", "volume", "pages"),
    [
        (
            "No classification marking. Also published in Papers of Woodrow Wilson , vol. 43, "
            "pp. 456\u2013459.",
            "Papers of Woodrow Wilson , vol. 43, pp. 456\u2013459", "Papers of Woodrow Wilson",
            "43", "456-459",
        ),
        (
            "(See Papers of Woodrow Wilson, vol. 45, p. 368.)",
            "Papers of Woodrow Wilson, vol. 45, p. 368", "Papers of Woodrow Wilson", "45", "368",
        ),
        (
            "Source: Foreign Affairs, Vol. 46, No. 1, October 1967, pp. 113-125. Reprinted by",
            "Foreign Affairs, Vol. 46, No. 1, October 1967, pp. 113-125", "Foreign Affairs",
            "46", "113-125",
        ),
        (
            "(Gopal, Jawaharlal Nehru, Vol. 3, pp. 228-229)",
            "Jawaharlal Nehru, Vol. 3, pp. 228-229", "Jawaharlal Nehru", "3", "228-229",
        ),
    ],
)
def test_books_and_journals_by_volume(
    text: str, cited: str, title: str, volume: str, pages: str
) -> None:
    """Any title right before "vol. N, ... pp." is a publication with that volume and pages."""
    (c,) = xref.find_citations(text)
    f = c.fields()
    assert (c.kind, c.text, f["title"], f["volume"], f["pages"]) == (
        "other_publication", cited, title, volume, pages
    )


@pytest.mark.parametrize(
    ("text", "title", "pages", "date"),
    [
        ("(Kissinger, Years of Renewal, p. 925)", "Years of Renewal", "925", None),
        ("is in Multiple Exposure, pp. 219\u2013220.", "Multiple Exposure", "219-220", None),
        ("(Los Angeles Times, April 11, 1976, p. 7)", "Los Angeles Times", "7", "1976-04-11"),
        (
            "A summary is found in Yearbook of the United Nations, 1947\u201348, pp. 796 ff.",
            "Yearbook of the United Nations", "796", "1947",
        ),
        (
            "comments in Tides of Fortune, 1945\u20131955 (New York: Harper & Row, 1969), "
            "pp. 613\u2013614.",
            "Tides of Fortune", "613-614", "1945",
        ),
        (
            "is in The Past Has Another Pattern: Memoirs (New York: W.W. Norton & Company, "
            "1982), pp. 276-279.",
            "The Past Has Another Pattern: Memoirs", "276-279", None,
        ),
        (
            "(Congress and the Nation, volume V, 1977\u20131980, p. 47)",
            "Congress and the Nation", "47", "1977",
        ),
        (
            "(Public Papers of the Secretaries-General of the United Nations. Vol. IV: Dag "
            "Hammarskj\u00f6ld, 1958\u20131960, p. 200)",
            "Dag Hammarskj\u00f6ld", "200", "1958",
        ),
    ],
)
def test_pages_of_a_titled_work(text: str, title: str, pages: str, date: str | None) -> None:
    """Pages right after a title (and perhaps a date) are that work's, not this volume's."""
    c = xref.find_citations(text)[-1]
    f = c.fields()
    assert (c.kind, f["title"], f["pages"], f["date"]) == ("other_publication", title, pages, date)


@pytest.mark.parametrize("text", ["see editorial note, p. 473.", "see p. 443.", "Ante, p. 383."])
def test_pages_of_this_volume(text: str) -> None:
    """With no title before them, pages are the citing volume's."""
    assert [c.kind for c in xref.find_citations(text)] == ["page"]


def test_volume_without_title_is_not_a_page_of_this_volume() -> None:
    """``vol. 3, pp. 4-5`` with no title before it names nothing to resolve: not a page of
    this volume, nor dropped, it is reported unparsed (issue 12, G7)."""
    found = xref.find_citations("as he said in vol. 3, pp. 4-5 of it")
    assert [(c.kind, c.text) for c in found] == [("unparsed", "vol. 3, pp. 4-5")]


@pytest.mark.parametrize(
    ("text", "kind", "fields"),
    [
        ("Source: Department of State, INR\u2013NIE Files. Top Secret.", "other_repository",
         {"repository": "Department of State", "path": ["INR\u2013NIE Files"]}),
        ("Source: National Security Council, Nixon Intelligence Files, Subject Files, USSR.",
         "other_repository", {"repository": "National Security Council",
                              "path": ["Nixon Intelligence Files", "Subject Files", "USSR"]}),
        ("Source: Department of Defense Files. Top Secret.", "other_repository",
         {"repository": "Department of Defense Files", "path": []}),
        ("Source: Central Intelligence Agency Files, Job 79 R 01012A. Secret.", "cia",
         {"job": "79 R 01012A"}),
        ("Source: Central Intelligence Agency, Job 79\u201301025A, Box 151, Folder 8. Secret.",
         "cia", {"job": "79-01025A", "path": ["Box 151", "Folder 8"]}),
        ("Source: National Archives and Records Administration, RG 218, JCS Files, CCS 381.",
         "national_archives", {"rg": "218", "path": ["JCS Files", "CCS 381"]}),
    ],
)
def test_repositories_with_a_file_series(
    text: str, kind: str, fields: dict[str, object]
) -> None:
    """A repository with a file series and no item is still a citation; CIA job numbers keep
    their letters and spaces, with dashes normalized."""
    (c,) = xref.find_citations(text)
    assert c.kind == kind
    assert {k: c.fields()[k] for k in fields} == fields


@pytest.mark.parametrize(
    "text",
    [
        "the Department of Defense, the JCS and State agreed",
        "The National Security Council, State and Defense met on May 5.",
        "Source: Department of State, Washington, May 5.",
    ],
)
def test_agencies_in_prose_are_not_citations(text: str) -> None:
    """An agency named in prose, with no file series after it, is no citation."""
    assert xref.find_citations(text) == []


def test_central_file_list_ending_in_and() -> None:
    """``814.413/4-1254, 714.00(w)/4-1454, and 714.00(w)/4-2354`` is three files."""
    found = xref.find_citations(
        "(National Archives and Records Administration, RG 59, Central Files, 814.413/4-1254, "
        "714.00(w)/4-1454, and 714.00(w)/4-2354)"
    )
    assert [(c.kind, c.fields()["file"], c.fields()["date"]) for c in found] == [
        ("central_file", "814.413/4-1254", "1954-04-12"),
        ("central_file", "714.00(w)/4-1454", "1954-04-14"),
        ("central_file", "714.00(w)/4-2354", "1954-04-23"),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "field", "value"),
    [
        ("Source: Department of State, Central Files, 740.0011 European War 1939/1234. Secret.",
         "central_file", "decimal", "740.0011 European War 1939"),
        ("Department of State, Central Files, 740.00119 Control (Germany)/5\u20131545",
         "central_file", "date", "1945-05-15"),
        ("Source: Department of State, Central Foreign Policy Files, 1970\u201373, POL 27 VIET S. "
         "Secret.", "subject_file", "subject", "POL 27 VIET S"),
        ("Source: Department of State, Central Files, DEF 12 GER W. Secret.",
         "subject_file", "subject", "DEF 12 GER W"),
    ],
)
def test_file_designations(text: str, kind: str, field: str, value: str) -> None:
    """Decimal files with words (1940s), and subject files under the Central Foreign Policy
    Files or ending in a one-letter part before a sentence's end."""
    (c,) = xref.find_citations(text)
    assert (c.kind, c.fields()[field]) == (kind, value)


def test_library_folder_titles() -> None:
    """After a box, a colon belongs to the folder's title, and so does a title's period."""
    (c,) = xref.find_citations(
        "Source: Carter Library, National Security Affairs, Brzezinski Material, Subject File, "
        "Box 34, Memcons: President: 3/77. Confidential."
    )
    assert c.fields()["path"] == ["Brzezinski Material", "Subject File", "Box 34",
                                  "Memcons: President: 3/77"]
    (c,) = xref.find_citations(
        "Source: Ford Library, National Security Adviser, Memoranda of Conversations, Box 11, "
        "Ford, Amb. Cooper (GDR). Secret; Nodis."
    )
    assert c.fields()["path"] == ["Memoranda of Conversations", "Box 11", "Ford",
                                  "Amb. Cooper (GDR)"]
    # a sentence that ends on a name still ends the citation
    (c,) = xref.find_citations("Source: Kennedy Library, National Security Files, Box 5, Ford. "
                               "Secret.")
    assert c.fields()["path"] == ["Box 5", "Ford"]


def test_ibid_with_file_locator() -> None:
    """``Ibid., 783A.00/4–1758`` is an ibid whose locator is a decimal file."""
    (c,) = xref.find_citations("(Ibid., 783A.00/4–1758)")
    assert c.kind == "ibid"
    assert c.fields()["locator_kind"] == "central_file"
    assert c.fields()["date"] == "1958-04-17"


@pytest.mark.parametrize(
    "text",
    [
        "Not printed.",
        "the Department of State",
        "on December 12",
        "Printed from an unsigned copy.",
        "Secret; Priority.",
        "the 1,500 troops arrived at 5 p.m.",
        "paragraph 3 of the draft",
        "He returned to the Department of State on May 5.",
        "The Embassy in Paris reported that 12 ships had sailed.",
    ],
)
def test_negatives_give_nothing(text: str) -> None:
    """Prose with no citation gives no citation at all."""
    assert xref.find_citations(text) == []


def test_unparsed_trigger_is_reported_not_dropped() -> None:
    """A telegram word with a number that does not parse comes out as ``unparsed``."""
    found = xref.find_citations("as reported in Deptel 12/3/4 yesterday")
    assert [c.kind for c in found] == ["unparsed"]
    assert found[0].text.startswith("Deptel")
    assert "does not parse" in found[0].fields()["reason"]


def test_parse_citation_error_names_position_and_expected() -> None:
    """A text that is not one citation raises CitationSyntaxError with its position."""
    with pytest.raises(xref.CitationSyntaxError) as info:
        xref.parse_citation("Deptel 1338 was sent")
    err = info.value
    assert err.position == 12 and err.line == 1 and err.column == 13
    assert "Deptel 1338 was sent" in str(err)


def test_parse_citation_rejects_prose() -> None:
    """Prose with no citation at its start is an error at column 1."""
    with pytest.raises(xref.CitationSyntaxError) as info:
        xref.parse_citation("the weather in Paris")
    assert info.value.position == 0


def test_find_citations_rejects_bytes() -> None:
    """Bytes are refused with a TypeError naming the type."""
    with pytest.raises(TypeError, match="bytes"):
        xref.find_citations(b"Deptel 1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("part", "iso"),
    [
        ("12-1262", "1962-12-12"),
        ("1-261", "1961-01-02"),
        ("2–2158", "1958-02-21"),
        ("13-162", None),
        ("1- 2461", "1961-01-24"),
    ],
)
def test_decode_file_date(part: str, iso: str | None) -> None:
    """Decimal file dates are month-day-year with a two-digit year at the end."""
    assert decode_file_date(part) == iso


def test_volume_ids() -> None:
    """FRUS ids from years and roman volume numbers, with parts."""
    assert volume_id("1955–1957", "XXIII", "2") == "frus1955-57v23p2"
    assert volume_id(None, "XI", context="frus1961-63v06") == "frus1961-63v11"
    assert volume_id(None, "XI") == "v11"
    assert volume_id("1918", "I", subseries=", Supplement 1, The World War") == "frus1918Supp01v01"
    assert volume_id("1918", "II", subseries=", Russia") == "frus1918Russiav02"
    assert volume_id("1919", "III", subseries=", The Paris Peace Conference") == "frus1919Parisv03"


def test_titled_volumes_of_the_1910s() -> None:
    """A titled volume's subject or supplement is part of the id, not a separate citation."""
    found = xref.find_citations(
        "For Thompson's report, see Foreign Relations, 1918, Supplement 1, The World War, "
        "vol. I, pp. 12–17."
    )
    assert [(c.kind, c.fields()["volume"], c.fields()["pages"]) for c in found] == [
        ("publication", "frus1918Supp01v01", "12-17")
    ]
    (c,) = xref.find_citations("printed in Foreign Relations, 1918, Russia, vol. I, p. 289.")
    assert (c.fields()["volume"], c.fields()["pages"]) == ("frus1918Russiav01", "289")


def test_to_record_shape() -> None:
    """The JSON record has the documented keys."""
    (c,) = xref.find_citations("See Document 243.")
    rec = xref.to_record(c, source="x.txt")
    assert rec == {
        "source": "x.txt",
        "fragment": None,
        "start": 4,
        "end": 16,
        "text": "Document 243",
        "kind": "document",
        "fields": {"number": 243, "volume": None, "relative": None},
    }


def test_book_titles_and_publishers_are_not_repositories() -> None:
    """A book about the CIA and a university press name no archive; the page is cited."""
    text = (
        "William M. Leary, editor, The Central Intelligence Agency: History and Documents "
        "(The University of Alabama Press, 1984), p. 63"
    )
    assert [(c.kind, c.text) for c in xref.find_citations(text)] == [("page", "p. 63")]


def test_subject_file_before_a_sentence_end() -> None:
    """``Central Files, PER 12.`` ends the subject at the period."""
    (c,) = xref.find_citations("Source: Department of State, Central Files, PER 12. Secret.")
    assert c.kind == "subject_file" and c.fields()["subject"] == "PER 12"


@pytest.mark.parametrize(
    ("text", "title", "pages"),
    [
        ("(Public Papers: Eisenhower, 1953, pp. 179–188)", "Public Papers", "179-188"),
        ("(Congressional Record, September 20, 1976, p. 31388)", "Congressional Record", "31388"),
    ],
)
def test_short_publication_titles(text: str, title: str, pages: str) -> None:
    """Short forms of the presidents' papers and the Congressional Record are publications."""
    (c,) = xref.find_citations(text)
    assert c.kind == "other_publication"
    assert (c.fields()["title"], c.fields()["pages"]) == (title, pages)


@pytest.mark.parametrize(
    ("text", "number", "document", "volume"),
    [
        ("See Document 261, footnote 2.", "2", 261, None),
        ("vol. II, Document 261, footnote 2", "2", 261, "frus1955-57v02"),
        ("See Document 149, and footnote 7 thereto.", "7", 149, None),
        (
            "Foreign Relations, 1961-1963, vol. I, Document 305, footnote 4",
            "4",
            305,
            "frus1961-63v01",
        ),
    ],
)
def test_document_then_its_footnote_is_one_citation(
    text: str, number: str, document: int, volume: str | None
) -> None:
    """``Document 261, footnote 2`` cites that document's footnote, not the document too."""
    found = xref.find_citations(text, volume="frus1955-57v03")
    assert [(c.kind, c.fields()["number"], c.fields()["document"], c.fields()["volume"])
            for c in found] == [("footnote", number, document, volume)]
