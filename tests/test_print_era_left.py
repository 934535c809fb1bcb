"""Print-era references left on the tuning volumes (issue 12, G7): each read from its
structure, expected values read from the volumes named (file and document id in each
docstring), with prose of the same shape that is no citation."""

from __future__ import annotations

import xref


def _found(text: str) -> list[tuple[str, str, dict[str, object]]]:
    return [(c.kind, c.text, c.fields()) for c in xref.find_citations(text)]


def test_page_numbered_with_a_letter() -> None:
    """A page numbered with a letter, a page inserted in print: frus1952-54v01p1 d174 ("(pp.
    17–17a; Appendix D)", "(pp. 17a–20; Appendices C and D)"), cut at ``17`` before."""
    assert _found("at the expense of a substantial stretchout. (pp. 17–17a; Appendix D)") == [
        ("page", "pp. 17–17a", {"pages": "17-17a"}),
    ]
    assert _found("recommended by the Department of State. (pp. 17a–20; Appendices C and D)"
                  ) == [("page", "pp. 17a–20", {"pages": "17a-20"})]


def test_page_then_a_word_keeps_its_number() -> None:
    """Negative: a page's number before the article ``a`` is the number alone."""
    assert _found("It is on p. 17 a memorandum says.") == [("page", "p. 17", {"pages": "17"})]


def test_numbered_volume_of_a_work_with_its_imprint() -> None:
    """A volume numbered in arabic numerals after a work's title, place and year of
    publication: frus1964-68v17 d183fn4 ("For text, see Amos Peaslee, Constitutions of Nations
    (The Hague, 1950), vol. 3, pp. 522–551."), read and dropped before (the pages of a "vol. 3"
    are no FRUS volume's): another publication, its title, year, volume and pages."""
    note = ("For text, see Amos Peaslee, Constitutions of Nations (The Hague, 1950), vol. 3, "
            "pp. 522–551. The most recent revision was in 1963.")
    assert _found(note) == [(
        "other_publication",
        "Constitutions of Nations (The Hague, 1950), vol. 3, pp. 522–551",
        {"title": "Constitutions of Nations", "pages": "522-551", "date": "1950",
         "volume": "3"},
    )]


def test_numbered_volume_without_a_title_is_reported() -> None:
    """Negative and no drop: a volume numbered in arabic numerals with no title before it
    (the shape of frus1917-72PubDip's "vol. 43, pp. 482–485", its title left out) is no
    FRUS volume's and no citation; it is reported unparsed, with its position, not
    dropped. A bare "vol. 3" with nothing after it is nothing."""
    found = _found("The text is in vol. 43, pp. 482–485.")
    assert [(k, t) for k, t, _ in found] == [("unparsed", "vol. 43, pp. 482–485")]
    assert "at 15:" in str(found[0][2]["reason"])
    assert _found("He read vol. 3 in 1950.") == []


def test_parliamentary_debates_by_volume_and_columns() -> None:
    """A parliament's record cited by chamber, series, volume and columns, found by nothing
    before: frus1948v05p1 d285fn3 ("Bill, Parliamentary Debates, House of Commons, 5th series,
    vol. 439, col. 2451."), frus1955-57v02 d50fn2 ("see Parliamentary Debates, House of
    Commons, Fifth Series, vol. 536, cols. 159–160."), d144fn3 ("see Parliamentary Debates,
    vol. 538, cols. 157–166."). Another publication; its columns are its pages field."""
    cases = [
        ("Comments during the second reading of the Indian Independence Bill, Parliamentary "
         "Debates, House of Commons, 5th series, vol. 439, col. 2451.",
         "Parliamentary Debates, House of Commons, 5th series, vol. 439, col. 2451",
         "439", "col. 2451"),
        ("for text, see Parliamentary Debates, House of Commons, Fifth Series, vol. 536, cols. "
         "159–160.",
         "Parliamentary Debates, House of Commons, Fifth Series, vol. 536, cols. 159–160",
         "536", "cols. 159-160"),
        ("For text of his remarks, see Parliamentary Debates, vol. 538, cols. 157–166. He did",
         "Parliamentary Debates, vol. 538, cols. 157–166", "538", "cols. 157-166"),
    ]
    for text, cited, volume, columns in cases:
        assert _found(text) == [(
            "other_publication", cited,
            {"title": "Parliamentary Debates", "pages": columns, "date": None, "volume": volume},
        )], text


def test_parliamentary_debates_in_prose_is_no_citation() -> None:
    """Negative: the words in prose, with no volume and columns after them, are nothing
    (the source lists of frus1958-60v07p1 print "U.K. House of Commons. Parliamentary
    Debates, 5th Series. London.")."""
    for text in ("U.K. House of Commons. Parliamentary Debates, 5th Series. London.",
                 "The Parliamentary Debates were long; cols. 5 of the table were blank."):
        assert _found(text) == [], text


def test_numbered_volume_titled_before_it() -> None:
    """A volume numbered in arabic numerals after a work's title that another rule did not
    read with it, dropped before: frus1964-68v34 d103 ("in the Yearbook of the United Nations
    1968, vol. 22, pp. 57–69"), frus1955-57v02 d50 ("see Congressional Record (84th Cong., 1st
    Sess.), vol. 101, pt. 1, p. 981"), frus1917-72PubDip d8 ("see Film and Propaganda in
    America: A Documentary History, vol. 1, World War I, Documents 119–138"): another
    publication from the volume on, titled by the words before it."""
    cases = [
        ("More information on the conference is in the Yearbook of the United Nations 1968, "
         "vol. 22, pp. 57–69.", "vol. 22, pp. 57–69", "Yearbook of the United Nations 1968",
         "22", "57-69"),
        ("for text, see Congressional Record (84th Cong., 1st Sess.), vol. 101, pt. 1, p. 981.",
         "vol. 101, pt. 1, p. 981", "Congressional Record", "101", "981"),
        ("see Film and Propaganda in America: A Documentary History, vol. 1, World War I, "
         "Documents 119–138.", "vol. 1, World War I, Documents 119–138",
         "Film and Propaganda in America: A Documentary History", "1", None),
    ]
    for text, cited, title, volume, pages in cases:
        found = [(t, f) for k, t, f in _found(text) if k == "other_publication"]
        assert (cited, {"title": title, "pages": pages, "date": None, "volume": volume}
                ) in found, text
        assert all(k != "unparsed" for k, _, _ in _found(text)), text


def test_ibid_numbered_volume_stays_the_ibids() -> None:
    """After "ibid." a numbered volume is the work just cited, read by the ibid as before:
    frus1917-72PubDip d5 ("see Papers of Woodrow Wilson, vol. 43, pp. 482–485, 488–489, and
    ibid., vol. 44, pp. 57–59")."""
    text = ("see Papers of Woodrow Wilson, vol. 43, pp. 482–485, 488–489, and ibid., vol. 44, "
            "pp. 57–59. For additional documentation, see")
    found = _found(text)
    assert [(k, t) for k, t, _ in found] == [
        ("other_publication", "Papers of Woodrow Wilson, vol. 43, pp. 482–485, 488–489"),
        ("ibid", "ibid., vol. 44, pp. 57–59"),
    ]
    assert found[1][2]["path"] == ["vol. 44, pp. 57–59"]
