"""Families of style found label-free on the tuning volumes in issue 12's last round (G5),
each read from its structure. Sentences from the volumes named (file and document id in each
docstring); expected values read there, with prose of the same shape that is no citation."""

from __future__ import annotations

import xref
from xref.cite.models import Citation
from xref.resolve.neighbours import link


def _found(text: str) -> list[tuple[str, dict[str, object], str]]:
    return [(c.kind, c.fields(), c.text) for c in xref.find_citations(text)]


def _only(text: str, kind: str) -> list[Citation]:
    return [c for c in xref.find_citations(text) if c.kind == kind]


def test_another_bodys_numbered_document_is_no_frus_document() -> None:
    """A ``Document N`` right after another body's name is that body's paper: another
    publication titled by the body's name and the number, not a document of a FRUS volume:
    frus1952-54v01p1 d141 ("the Trans-Pacific Certificate Renewal Case (CAB Document 5031 et
    al.)", the Civil Aeronautics Board's docket), frus1969-76ve14p1 d165 source note ("United
    Nations General Assembly Document 2263 (XXII)", a UN resolution), frus1961-63v02 d330
    ("Source: Senate Document 93-11.", a Senate print); each was read as a document of the
    citing volume."""
    for text, titles in (
        ("In response to the Board’s request for this Department’s views on the Trans-Pacific "
         "Certificate Renewal Case (CAB Document 5031 et al.), the Department sent a letter",
         ["CAB Document 5031"]),
        ("For the November 7, 1967 United Nations Declaration on the Elimination of "
         "Discrimination Against Women, see United Nations General Assembly Document 2263 (XXII).",
         ["United Nations General Assembly Document 2263"]),
        ("Source: Senate Document 93-11. Printed in U.S. Senate 93d Congress, 1st session",
         ["Senate Document 93-11"]),
        ("see House Document 1234, and U.N. Document 12.",
         ["House Document 1234", "U.N. Document 12"]),
    ):
        found = xref.find_citations(text)
        assert [(c.kind, c.fields()["title"], c.text) for c in found] == [
            ("other_publication", t, t) for t in titles], text
        assert [text[c.span.start : c.span.end] for c in found] == titles
    # this volume's documents, after a sentence's first word, "see", "as" or a volume
    found = [(c.fields()["number"], c.fields()["volume"]) for c in _only(
        "See Documents 5 and 6. In Document 7, the point is made. Printed as Document 8 (vol. "
        "II, Document 9).", "document")]
    assert found == [(5, None), (6, None), (7, None), (8, None), (9, "v02")]


def test_a_footnote_of_another_volumes_document() -> None:
    """frus1955-57v03 d139fn2: "(see footnote 6, vol. II, Document 275)": footnote 6 of
    Document 275 of volume II (frus1955-57v02 d275fn6, on the U.S. proposals of August 2);
    it was an unparsed ``footnote 6`` and a document."""
    text = ("Rankin’s message to Stump stated that he had been pressing Foreign Minister Yeh for "
            "a reply to the U.S. proposals of August 2 (see footnote 6, vol. II, Document 275).")
    assert [(c.kind, c.fields(), c.text) for c in xref.find_citations(
        text, volume="frus1955-57v03")] == [
        ("footnote", {"number": "6", "document": 275, "volume": "frus1955-57v02",
                      "relative": None}, "footnote 6, vol. II, Document 275")
    ]
    # the order that was read already, and a volume with no comma before the document
    assert _found("see vol. II, Document 275, footnote 6")[0][1]["number"] == "6"
    assert _found("footnote 4 of vol. II Document 9")[0][1] == {
        "number": "4", "document": 9, "volume": "v02", "relative": None}
    # a volume's pages after a footnote stay a page of that volume
    assert _only("see footnote 3, vol. II, p. 45.", "publication")[0].fields()["pages"] == "45"


def test_a_list_of_footnotes_on_one_page() -> None:
    """frus1948v05p1 d162fn1: "see footnotes 8 and 9, p. 209": both footnotes are on page 209
    (footnotes 8 and 9 of d158, printed there); the first had no page, and was looked up
    in the citing document."""
    text = "Neither Jidda telegram printed, but see footnotes 8 and 9, p. 209."
    linked = link(text, xref.find_citations(text))
    assert [(x.citation.kind, x.citation.fields()["number"], x.page) for x in linked] == [
        ("footnote", "8", ("209", None)), ("footnote", "9", ("209", None))
    ]
    # each footnote with its own page keeps it
    text = "see footnote 1, p. 5, and footnote 2, p. 20."
    assert [x.page for x in link(text, xref.find_citations(text))] == [("5", None), ("20", None)]
    # a footnote list with no page names the citing document's
    text = "see footnotes 8 and 9."
    assert [x.page for x in link(text, xref.find_citations(text))] == [None, None]


def test_the_central_indexed_file_and_a_lettered_decimal_file() -> None:
    """frus1948v01p1 d26fn2: "There is a very sparse documentation on this matter in the
    Department of State's central indexed file 501.AC.": the decimal file 501.AC (the United
    Nations' class, letters after the dot) with no slash and no date."""
    text = ("There is a very sparse documentation on this matter in the Department of State’s "
            "central indexed file 501.AC.")
    assert _found(text) == [
        ("central_file", {"file": "501.AC", "decimal": "501.AC", "date": None},
         "central indexed file 501.AC")
    ]
    # "central decimal file" in lowercase is found as its capitalized form was
    assert _found("see central decimal file 711.00.")[0][1]["file"] == "711.00"
    # an abbreviation or a word after the dot is no file
    assert _found("the central file 501.A. Smith kept") == []
    assert _found("filed in the central file 501.Another") == []


def test_an_offices_files_that_open_a_parenthesis() -> None:
    """The 1940s' inline source, an office's files in parentheses: frus1948v01p1 d21fn4
    "(L/UNA Files, Folder “Privileges and Immunities”)", d145 "(IO Files, document US(P)/A/M
    (Chr)/31)" (a UN document's symbol whose parts carry letters in parentheses), d194fn6
    "(SANACC Files)", d26fn3 "(USUN Files)"; none was found. ("(USUN Files, IO, Membership)"
    is not: its anchor, ``Files,``, would cost every source note's ``Central Files,``.)"""
    cases = {
        "then meeting in New York. (L/UNA Files, Folder “Privileges and Immunities”)":
            ("L/UNA Files", ("Folder “Privileges and Immunities”",)),
        "the minutes of which are not printed (IO Files, document US(P)/A/M (Chr)/31).":
            ("IO Files", ("document US(P)/A/M (Chr)/31",)),
        "be examined. (SANACC Files)": ("SANACC Files", ()),
        "members of the household staff (Austin letter, February 17). (USUN Files)":
            ("USUN Files", ()),
    }
    for text, (repository, path) in cases.items():
        (c,) = xref.find_citations(text)
        assert (c.kind, c.fields()["repository"], c.fields()["path"]) == (
            "other_repository", repository, list(path)), text
    # a parenthesis of prose: a sentence's word before "Files", files in lowercase
    for text in ("(Not Files of ours)", "(The Files, he said)", "(See Files, 1948)",
                 "(Memorandum for files, by USUN Deputy Secretary-General Power, February 17)"):
        assert xref.find_citations(text) == [], text


def test_a_folders_own_volume_after_a_lot() -> None:
    """frus1955-57v09 d35 and d96 source notes: "Lot 66 D 204, Eden to Eisenhower, 1955–1956,
    vol. I." and "..., Correspondence 1957–1958, vol. II.": the folder's volume, part of the
    folder (it was cut off, and the note left not fully recognized)."""
    text = ("Source: Department of State, Presidential Correspondence: Lot 66 D 204, Eden to "
            "Eisenhower, 1955–1956, vol. I. Confidential.")
    (c,) = xref.find_citations(text)
    assert (c.kind, c.fields()["folder"]) == ("lot_file", "Eden to Eisenhower, 1955–1956, vol. I")
    # a FRUS volume's pages or document after the note's path stay a FRUS citation
    text = "Source: Department of State, Central Files, 611.74/1–156, vol. II, Document 5."
    assert [c.kind for c in xref.find_citations(text)] == ["central_file", "document"]


def test_a_decimal_file_with_a_second_dotted_group() -> None:
    """frus1958-60v17 d87 source note: "Central Files, 656.56D.13/5–958": the file of May 9,
    1958 (the note gave no citation at all)."""
    text = "Source: Department of State, Central Files, 656.56D.13/5–958. Confidential; Niact."
    assert [(c.kind, c.fields()) for c in xref.find_citations(text)] == [
        ("central_file", {"file": "656.56D.13/5-958", "decimal": "656.56D.13",
                          "date": "1958-05-09"})
    ]
    # a sentence's number after a file's date is no part of the file
    assert xref.find_citations("(611.74/1–156.2 copies)")[0].fields()["file"] == "611.74/1-156"


def test_ibid_with_a_volume_in_small_capitals_and_an_editorial_notes_page() -> None:
    """frus1948v05p1 d51fn4 "see telegram 1167, May 17, 1944, to Cairo, ibid., 1944, vol. v,
    p. 6" and frus1948v01p1 d148fn2 "see ibid., 1947, vol. i, editorial note, p. 14": the
    print era sets a volume's number in small capitals (lowercase); the years before it are
    that volume's (they were read as an archival ibid's path, and the volume as the citing
    year's vol. V), and the page of an editorial note is that volume's page."""
    text = "to Cairo, ibid., 1944, vol. v, p. 6."
    (c,) = xref.find_citations(text, volume="frus1948v05p1")
    assert (c.kind, c.fields()["volume"], c.fields()["pages"]) == ("ibid", "frus1944v05", "6")
    text = "see ibid., 1947, vol. i, editorial note, p. 14."
    (c,) = xref.find_citations(text, volume="frus1948v01p1")
    assert (c.fields()["volume"], c.fields()["pages"], c.text) == (
        "frus1947v01", "14", "ibid., 1947, vol. i, editorial note, p. 14")
    (c,) = xref.find_citations("see Foreign Relations, 1947, vol. i, editorial note, p. 14.")
    assert (c.kind, c.fields()["volume"], c.fields()["pages"]) == ("publication", "frus1947v01",
                                                                   "14")
    # an editorial note of this volume, by its page, stays a bare page
    assert [c.kind for c in xref.find_citations("see the editorial note, p. 14.")] == ["page"]


def test_a_frus_volumes_part_after_ibid_is_no_folder() -> None:
    """frus1955-57v02 d9fn4: "see ibid., vol. I, Part 1, p. 786": the ibid's FRUS volume,
    part and page (a folder's "vol. I" after a lot must not take it)."""
    (c,) = xref.find_citations("For text of NSC 5434/1, see ibid., vol. I, Part 1, p. 786.",
                               volume="frus1955-57v02")
    assert (c.kind, c.fields()["volume"], c.fields()["pages"]) == ("ibid", "frus1955-57v01p1",
                                                                   "786")


def test_the_departments_decimal_file_named_in_prose() -> None:
    """frus1952-54v01p1 d148fn10 "is in Department of State file 740.5.", d51fn3 "in
    Department of State files 398.03 FAO and 811.20", frus1948v05p1 d247fn2 "in Department of
    State file 501.BC Kashmir": the Department's decimal file with no slash and no date (the
    print era names its files so in prose); none was found."""
    for text, file in (
        ("negotiations is in Department of State file 740.5.", "740.5"),
        ("this group is in Department of State files 398.03 FAO and 811.20.", "398.03 FAO"),
        ("30 are in Department of State file 501.BC Kashmir.", "501.BC"),
    ):
        cits = xref.find_citations(text)
        assert [(c.kind, c.fields()["file"], c.fields()["date"]) for c in cits] == [
            ("central_file", file, None)], text
    # the Department's files with no number after them are no file
    assert xref.find_citations("Not found in Department of State files.") == []
    assert xref.find_citations("in Department of State files 1952 and 1953 were lost") == []
