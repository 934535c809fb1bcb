"""Citation families found by the metamorphic tests of the grammar (``bench/metamorphic.py``,
issue 12): a golden citation rewritten in another written form of the same structure must
give the same fields. Each sentence is from the volume named, or is one of its golden
citations rewritten by the transform named; the expected fields follow from the transform."""

from __future__ import annotations

import xref


def _fields(text: str, kind: str) -> list[dict[str, object]]:
    return [c.fields() for c in xref.find_citations(text) if c.kind == kind]


def test_a_lot_written_with_hyphens() -> None:
    """frus1952-54v01p1 d12 "Secretary's Letters, lot 56 D 459" with the lot as ``56-D-459``
    (lot forms): the lot field is normalized as for ``56 D 459`` and ``56D459``."""
    for lot in ("56 D 459", "56D459", "56-D-459", "56–D–459"):
        text = f"Source: Department of State, Secretary’s Letters, lot {lot}, “President”."
        assert _fields(text, "lot_file") == [
            {"lot": "56 D 459", "series": "Secretary’s Letters", "folder": "“President”"}
        ], lot
    # a hyphenated number that is no lot stays none
    assert _fields("the 56-D-459 resolution", "lot_file") == []


def test_documents_through_a_number() -> None:
    """frus1952-54v01p1 d22fn2 "Document 21" made a list with "through" (lists): every
    document of the range, as for "Documents 21–23"."""
    for text in ("Documents 21 through 23.", "Documents 21–23.", "See Documents 21 thru 23."):
        assert [f["number"] for f in _fields(text, "document")] == [21, 22, 23], text
    assert [f["number"] for f in _fields("Documents 21 through the end", "document")] == [21]


def test_a_post_with_a_lowercase_particle() -> None:
    """frus1961-63v10-12mSupp d456: "Telegram 909 from Rio de Janeiro, October 29": the
    post's name keeps its particle, and the date after it is the telegram's."""
    text = "456. Telegram 909 from Rio de Janeiro, October 29. General"
    assert _fields(text, "telegram") == [
        {"number": "909", "series": "telegram", "sender": "Rio de Janeiro",
         "recipient": "Department of State", "date": "--10-29", "relative": None,
         "numberless": False}
    ]
    # another post of that structure (another post): "Dar es Salaam"
    text = "Telegram 3 to Dar es Salaam, May 5."
    (tel,) = _fields(text, "telegram")
    assert (tel["recipient"], tel["date"]) == ("Dar es Salaam", "--05-05")


def test_a_channel_series_named_in_the_plural() -> None:
    """frus1955-57v02: "summarized in Poltos 2279 and 2282 from Paris": a list names its
    series in the plural; each telegram is a Polto (the series as the volume's singular
    ``Polto``), as "Deptels 576 and 577" are Deptels. "Topol 679" made a list (lists)."""
    text = "The discussion was summarized in Poltos 2279 and 2282 from Paris, May 11 and 12, 1955."
    assert [(f["number"], f["series"], f["sender"]) for f in _fields(text, "telegram")] == [
        ("2279", "Polto", "Paris"), ("2282", "Polto", "Paris")
    ]
    text = "When we received Topols 679 and 730, dated December 12, addressed to Merchant"
    assert [(f["number"], f["series"]) for f in _fields(text, "telegram")] == [
        ("679", "Topol"), ("730", "Topol")
    ]
    assert [f["series"] for f in _fields("as Sectos 8, 59 and 60.", "telegram")] == ["Secto"] * 3


def test_an_em_dash_between_numbers() -> None:
    """An em dash stands for the en dash between numbers (dashes): frus1958-60v07p1 prints
    "Central Files, 396.1–IS/5—460"; frus1952-54Guat d3fn1 "Job 79-01025A" and
    frus1964-68v07 d69fn15 "1968-69, Book II, pp. 936-943" with em dashes keep their
    fields."""
    text = "(Ibid., Central Files, 396.1–IS/5—460) A copy"
    (ibid,) = _fields(text, "ibid")
    assert (ibid["file"], ibid["date"]) == ("396.1-IS/5-460", "1960-05-04")
    text = "Source: Central Intelligence Agency, Job 79—01025A, Box 7, Folder 1. Secret."
    assert [f["job"] for f in _fields(text, "cia")] == ["79-01025A"]
    text = ("See Public Papers of the Presidents of the United States: Lyndon B. Johnson, "
            "1968—69, Book II, pp. 936—943.")
    assert [(f["title"], f["pages"]) for f in _fields(text, "other_publication")] == [
        ("Public Papers of the Presidents", "936-943")
    ]
    text = "see Foreign Relations, 1952—1954, vol. IX, pp. 1348 ff., and 1955—1957, vol. XIV"
    assert [f["volume"] for f in _fields(text, "publication")] == [
        "frus1952-54v09", "frus1955-57v14"
    ]
    # a dateline's year and hour stay a date, not a range of years
    text = "Telegram 409 from Paris, December 8, 1948—10 p.m."
    assert [f["date"] for f in _fields(text, "telegram")] == ["1948-12-08"]


def test_keywords_in_either_case() -> None:
    """frus1961-63v07-09mSupp d206 "Moscow telegram 239" with "Telegram" capitalized, frus1977-80v21
    d17fn3 "Documents 240, 241, and 247" after a titled volume in lower case (keyword case):
    the same fields."""
    for word in ("telegram", "Telegram"):
        text = f"Correction of error contained in Moscow {word} 239. Secret."
        assert [(f["number"], f["sender"]) for f in _fields(text, "telegram")] == [
            ("239", "Moscow")
        ], word
    for word in ("Documents", "documents"):
        text = (f"See Foreign Relations, 1969–1976, vol. XXX, Greece; Cyprus; Turkey, 1973–1976, "
                f"{word} 240, 241, and 247.")
        assert [(f["number"], f["volume"]) for f in _fields(text, "document")] == [
            (240, "frus1969-76v30"), (241, "frus1969-76v30"), (247, "frus1969-76v30")
        ], word


def test_an_addressee_of_several_words_before_the_number() -> None:
    """frus1961-63v02 d276 "(Deptel to Saigon 212, August 27)" with another post (another
    post): "Rio de Janeiro", "Port-au-Prince"."""
    for post in ("Saigon", "Rio de Janeiro", "Port-au-Prince"):
        text = f"against this year's rice harvest (Deptel to {post} 212, August 27)"
        assert [(f["number"], f["recipient"], f["date"]) for f in _fields(text, "telegram")] == [
            ("212", post, "--08-27")
        ], post


def test_a_mixed_case_series_from_the_volumes_list() -> None:
    """frus1948v05p1's list of abbreviations has "AMVat, series indicator for telegrams ...":
    a name in capitals then small letters is a series of that volume like "Luxco" (its
    telegrams, and a list of them, read with the volume's lexicon)."""
    from xref.cite.lexicon import series_lexicon

    lexicon = series_lexicon([("AMVat", "series indicator for telegrams from the Personal "
                                         "Representative of the President to the Vatican")])
    assert "AMVat" in lexicon.series
    text = "Reference is to AMVats 12 and 14 of May 3."
    found = [c.fields() for c in xref.find_citations(text, lexicon=lexicon)]
    assert [(f["number"], f["series"]) for f in found] == [("12", "AMVat"), ("14", "AMVat")]
    assert _fields("Reference is to AMVat 12 of May 3.", "telegram") == []


def test_a_lowercase_number_sign() -> None:
    """frus1948v05p1: "telegram no. 577 dated July 16, 1948", "Delhi's telegram no. 865 of
    September 20, 1948": "no." as "No." (number sign)."""
    text = "the Embassy's telegram no. 577 dated July 16, 1948 said"
    assert [(f["number"], f["date"]) for f in _fields(text, "telegram")] == [
        ("577", "1948-07-16")
    ]
    text = "Delhi’s telegram no. 865 of September 20, 1948 regarding the"
    assert [(f["number"], f["sender"], f["date"]) for f in _fields(text, "telegram")] == [
        ("865", "New Delhi", "1948-09-20")
    ]


def test_a_day_before_its_month() -> None:
    """frus1948v01p1 d74 "mytel 499 August 22" with the day first (month forms): the
    telegram's date, and no second telegram "22"; frus1948v05p1 d94 "mytels 422 April 21 and
    430 April 23" likewise; frus1955-57v02 d305fn2 "Tedul 5 to Paris, for the Secretary, July
    15"."""
    text = "Iran’s concurrence stands (as reported mytel 499 22 August), Pakistan concurrence"
    assert [(f["number"], f["date"]) for f in _fields(text, "telegram")] == [("499", "--08-22")]
    text = "In telegram 4280, 18 August, the Ambassador in France (Caffery) replied"
    assert [(f["number"], f["date"]) for f in _fields(text, "telegram")] == [("4280", "--08-18")]
    text = "during visit mentioned mytels 422 21 April and 430 April 23."
    assert [(f["number"], f["date"]) for f in _fields(text, "telegram")] == [
        ("422", "--04-21"), ("430", "--04-23")
    ]
    text = "Tedul 5 to Paris, for the Secretary, 15 July, stated that the President"
    assert [(f["number"], f["recipient"], f["date"]) for f in _fields(text, "telegram")] == [
        ("5", "Paris", "--07-15")
    ]
    # a list goes on before a number that is no day
    assert [f["number"] for f in _fields("Deptels 418, 433 and 434.", "telegram")] == [
        "418", "433", "434"
    ]


def test_central_files_in_either_case() -> None:
    """frus1952-54Guat d39fn2 "RG 59, Central Files, 814.20/3-2653" and frus1969-76v12 d34fn1
    "RG 59, Central Files 1967–69, POL US–USSR" with "central files" (central file word)."""
    for word in ("Central Files", "central files", "Central File"):
        text = f"Not printed. (National Archives and Records Administration, RG 59, {word}, " \
               "814.20/3-2653)"
        found = [(c.kind, c.fields().get("file")) for c in xref.find_citations(text)]
        assert found == [("central_file", "814.20/3-2653")], word
        text = f"Source: National Archives, RG 59, {word} 1967–69, POL US–USSR. Confidential."
        assert [(f["subject"], f["years"]) for f in _fields(text, "subject_file")] == [
            ("POL US-USSR", "1967-69")
        ], word
    assert xref.find_citations("the central files of the Embassy were burned") == []


def test_an_accession_written_with_hyphens_or_none() -> None:
    """frus1961-63v19 d67fn1 "FRC 64 A 2382, India 440-702" with the accession written
    ``64A2382`` or ``64-A-2382`` (lot and accession forms): one records-center citation, the
    accession normalized as ``64 A 2382``; accessions with no letter keep their hyphens."""
    for acc in ("64 A 2382", "64A2382", "64-A-2382", "64–A–2382"):
        text = ("A copy of this letter from William Bundy to Talbot is in the Washington "
                f"National Records Center, RG 330, OASD/ISA Files: FRC {acc}, India 440-702.")
        found = [(c.kind, c.fields()) for c in xref.find_citations(text)]
        assert found == [("records_center", {"accession": "64 A 2382", "center": "FRC",
                                             "series": "OASD/ISA Files",
                                             "folder": "India 440-702"})], acc
    for acc, norm in (("330 73 A 1250", "330 73 A 1250"), ("84-84-001", "84-84-001")):
        text = f"USUN Files: NY FRC {acc}, Outgoing Telegrams."
        assert [f["accession"] for f in _fields(text, "records_center")] == [norm], acc


def test_a_series_or_post_named_telegram_keeps_its_route_and_date() -> None:
    """frus1958-60v07p1 d138fn2 "Polto 3231 from Paris, April 15" with another series of the
    volume's own list, "ALO" (another series): the route and the date are the telegram's, as
    for "Polto"; frus1961-63v02 d296 "Refs: Deptel 387, Vientiane 136 to Saigon": a post's
    telegram to another post; "USUN 1330 to Dept": the Department."""
    from xref.cite.lexicon import series_lexicon

    lexicon = series_lexicon([("ALO", "series indicator for telegrams from the Office of the "
                                      "U.S. Permanent Representative to NATO")])
    text = "were reported in ALO 3231 from Paris, April 15. (ibid., 740.5/4–1558)"
    found = [c.fields() for c in xref.find_citations(text, lexicon=lexicon)
             if c.kind == "telegram"]
    assert [(f["number"], f["series"], f["sender"], f["date"]) for f in found] == [
        ("3231", "ALO", "Paris", "--04-15")
    ]
    text = "385. Refs: Deptel 387, Vientiane 136 to Saigon, Embtel 377."
    assert ("136", "Vientiane", "Saigon") in [
        (f["number"], f["sender"], f["recipient"]) for f in _fields(text, "telegram")
    ]
    text = "Our position was set out in USUN 1330 to Dept, May 4."
    assert [(f["sender"], f["recipient"], f["date"]) for f in _fields(text, "telegram")] == [
        ("USUN", "Department of State", "--05-04")
    ]
    # a post's own telegram "to Dept" (frus1955-57v02 d302 "Embtel 176 to Dept"): not the
    # Department's
    text = "See Embtel 176 to Dept."
    assert [(f["sender"], f["recipient"]) for f in _fields(text, "telegram")] == [
        (None, "Department of State")
    ]
