"""Citation families read by their structure (issue 12): a list of telegrams each with its own
route and date; a journal's volume and year. Sentences from the volumes named."""

from __future__ import annotations

import xref


def test_a_list_of_telegrams_each_with_route_and_date() -> None:
    """frus1955-57v11 d118fn3: each telegram of the list keeps its own sender and date."""
    text = ("presumably reference is to telegrams 73 from Budapest, August 17, and 37 from "
            "Bucharest, August 15. (Department of State, Central Files, 310.2/8–1755 and /8–1555)")
    tels = [
        (c.fields()["number"], c.fields()["sender"], c.fields()["date"])
        for c in xref.find_citations(text)
        if c.kind == "telegram"
    ]
    assert tels == [("73", "Budapest", "--08-17"), ("37", "Bucharest", "--08-15")]


def test_a_journal_volume_and_year_before_the_pages() -> None:
    """frus1964-68v16 d54fn5: "Middle East Journal 20 (1966), pp. 386–393" is one publication:
    the journal, its volume, the issue's year and the pages."""
    text = ("The letter was released by the White House in January 1966 and printed in Middle "
            "East Journal 20 (1966), pp. 386–393.")
    found = xref.find_citations(text)
    assert [(c.kind, c.fields(), c.text) for c in found] == [
        (
            "other_publication",
            {"title": "Middle East Journal", "pages": "386-393", "date": "1966", "volume": "20"},
            "Middle East Journal 20 (1966), pp. 386–393",
        )
    ]


def test_a_misprinted_library_name() -> None:
    """frus1955-57v19 d28fn1: "Eisenhower Libratry" is the Eisenhower Library."""
    text = "Source: Eisenhower Libratry, Whitman File, NSC Records. Top Secret."
    found = xref.find_citations(text)
    assert [(c.kind, c.fields()) for c in found] == [
        ("library", {"library": "Eisenhower Library", "collection": "Whitman File",
                     "path": ["NSC Records"]})
    ]
    assert xref.find_citations("the Radio Liberty 12 transmitters") == []


def test_tel_before_a_number() -> None:
    """frus1955-57v03 d32fn2: "Secretary's tel 569" is a telegram."""
    text = "textual changes mentioned first para Secretary’s tel 569 [Document 30] nor those"
    found = [(c.kind, c.fields().get("number"), c.text) for c in xref.find_citations(text)]
    assert found == [("telegram", "569", "tel 569"), ("document", 30, "Document 30")]


def test_a_post_named_by_one_word_of_its_city() -> None:
    """frus1969-76ve05p1 d325: "as suggested Addis 60" (Addis Ababa); frus1948v05p1 d310: "(Comkas
    42 and Delhi 828)" (New Delhi)."""
    found = xref.find_citations("has earlier expressed approval, as suggested Addis 60.")
    assert [(c.fields()["number"], c.fields()["sender"]) for c in found] == [("60", "Addis Ababa")]
    found = xref.find_citations("proceed Geneva (Comkas 42 and Delhi 828) Dept believes")
    assert [(c.fields()["number"], c.fields()["sender"]) for c in found] == [("828", "New Delhi")]


def test_a_route_after_the_date() -> None:
    """frus1948v05p1 d14: "Deptel 170 May 8 to Jidda": the Department's telegram to Jidda."""
    text = "as set forth in Deptel 170 May 8 to Jidda (now being rptd Cairo)."
    found = xref.find_citations(text)
    assert [(c.fields()["recipient"], c.fields()["date"], c.text) for c in found] == [
        ("Jidda", "--05-08", "Deptel 170 May 8 to Jidda")
    ]


def test_a_book_of_a_set_before_the_pages() -> None:
    """frus1961-63v02 d57fn2: "United States-Vietnam Relations, 1945-1967, Book 11, pp.
    345-355" is that publication's pages, not this volume's."""
    text = ("For text, see United States-Vietnam Relations, 1945-1967, Book 11, pp. 345-355. "
            "The draft")
    found = xref.find_citations(text)
    assert [(c.kind, c.fields()["title"], c.fields()["pages"]) for c in found] == [
        ("other_publication", "United States-Vietnam Relations", "345-355")
    ]


def test_the_pages_of_a_numbered_paper_are_not_this_volumes() -> None:
    """frus1955-57v09 d197fn8: "(NSC 5602/1, pp. 15–16; ...)": the NSC paper's pages."""
    text = ("considered in advance.” (NSC 5602/1, pp. 15–16; Department of State, S/P Files: "
            "Lot 66 D 487, Vault 215, 1956)")
    assert [c.kind for c in xref.find_citations(text)] == ["lot_file"]


def test_a_post_possessive_with_the_apostrophe_alone_or_by_its_office() -> None:
    """frus1948v05p1 d123: "(Paris’ 4017, Aug. 3)"; d116: "(paragraph 4, Embassy’s 3103, July
    10)"; a count after the office is not a telegram."""
    found = xref.find_citations("with Amb Caffery (Paris’ 4017, Aug. 3) certainly indicates")
    assert [(c.fields()["sender"], c.fields()["number"], c.fields()["date"]) for c in found] == [
        ("Paris", "4017", "--08-03")
    ]
    found = xref.find_citations("defense system (paragraph 4, Embassy’s 3103, July 10) and on")
    assert [(c.fields()["sender"], c.fields()["number"]) for c in found] == [("Embassy", "3103")]
    assert xref.find_citations("the Embassy’s 3 officers") == []
    assert xref.find_citations("Dulles’ 3 points") == []


def test_a_telegram_in_capitals() -> None:
    """frus1969-76ve14p1 d17: "(STATE 99105 AND 194050)"; frus1969-76ve05p1 d52: "REF:
    LAGOS 2524,2454 AND 2419" (a comma before four digits lists numbers)."""
    text = "COMMENTS FROM FIELD ON NONALIGNED ISSUES (STATE 99105 AND 194050) LEAD US"
    found = xref.find_citations(text)
    assert [(c.fields()["sender"], c.fields()["number"]) for c in found] == [
        ("Department of State", "99105"), ("Department of State", "194050")
    ]
    found = xref.find_citations("REF:\n\nLAGOS 2524,2454 AND 2419\n\nA. BIAFRAN VISIT")
    assert [c.fields()["number"] for c in found] == ["2524", "2454", "2419"]
    assert xref.find_citations("Paris 60,000 people") == []


def test_pages_spelled_out_and_a_despatch_number() -> None:
    """frus1961-63v02 d10: "Book 12, pages 428-439"; frus1958-60v11 d55: "despatch Number
    1174"."""
    text = ("printed in United States-Vietnam Relations, 1945-1967, Book 12, pages 428-439, was "
            "prepared")
    found = xref.find_citations(text)
    assert [(c.kind, c.fields()["pages"]) for c in found] == [("other_publication", "428-439")]
    found = xref.find_citations("of May 29 (text by despatch Number 1174) correctly reporting")
    assert [(c.kind, c.fields()["number"]) for c in found] == [("despatch", "1174")]


def test_a_route_after_a_comma_and_a_senders_possessive() -> None:
    """frus1948v05p1 d54: "(telegram 228, March 4, from Cairo)"; frus1948v01p1 d115fn1:
    "(Department’s telegram 155, to New York, repeated to Paris"; a post's possessive in the
    same place (the form of "the Embassy’s telegram 6204 of", frus1948v05p1)."""
    found = xref.find_citations("countries (telegram 228, March 4, from Cairo). The")
    assert [(c.fields()["sender"], c.fields()["date"], c.text) for c in found] == [
        ("Cairo", "--03-04", "telegram 228, March 4, from Cairo")
    ]
    found = xref.find_citations("(Department’s telegram 155, to New York, repeated to Paris")
    assert [(c.fields()["sender"], c.fields()["recipient"], c.text) for c in found] == [
        ("Department of State", "New York", "Department’s telegram 155, to New York")
    ]
    found = xref.find_citations("Office distribution outlined in Tokyo’s telegram 6204 of")
    assert [(c.fields()["sender"], c.fields()["number"]) for c in found] == [("Tokyo", "6204")]
    found = xref.find_citations("Office distribution outlined in the Embassy’s telegram 6204 of")
    assert [(c.fields()["sender"], c.fields()["number"]) for c in found] == [("Embassy", "6204")]


def test_a_page_inside_a_quotation_is_the_quoted_papers() -> None:
    """frus1952-54v01p1 d5fn4: "“Note to Secretary: Draft attached after page 18 ...” For the
    draft under reference, see p. 12.": only p. 12 is this volume’s; a page in the
    editors’ brackets inside a quotation stays theirs."""
    text = ("in the source text: “Note to Secretary: Draft attached after page 18 for use in event "
            "General Eisenhower asks for it.” For the draft under reference, see p. 12.")
    assert [c.text for c in xref.find_citations(text)] == ["p. 12"]
    text = "“The proposed paragraph [see p. 44] was dropped"
    assert [c.text for c in xref.find_citations(text)] == ["p. 44"]


def test_a_volume_of_a_book_before_pages_spelled_out() -> None:
    """frus1969-76v38p1 d16: "Congress and the Nation, volume IV, 1973–1976, pages 854–856"."""
    text = ("confirmation hearings, see Congress and the Nation, volume IV, 1973–1976, pages "
            "854–856. Kissinger")
    found = xref.find_citations(text)
    assert [(c.kind, c.fields()["title"], c.fields()["pages"]) for c in found] == [
        ("other_publication", "Congress and the Nation", "854-856")
    ]


def test_a_military_message_number_after_a_single_letter_code() -> None:
    """frus1955-57v23p2 d53fn4: "In telegram C 72924 from Tokyo, June 11, CINCFE responded":
    a command's message, its originator code a single capital before a 5-7 digit number."""
    text = ("In telegram C 72924 from Tokyo, June 11, CINCFE responded that the restrictions "
            "outlined in JCS telegram 982226 would not seriously limit")
    found = [(c.kind, c.fields()["series"], c.fields()["number"], c.fields()["sender"],
              c.fields()["date"]) for c in xref.find_citations(text)]
    assert found[0] == ("telegram", "C", "72924", "Tokyo", "--06-11")
    # CINCFE's message went to the JCS, not to the Department: the other end is unknown
    assert xref.find_citations(text)[0].fields()["recipient"] is None
    # frus1955-57v23p2 d73: "Lemnitzer indicated, in telegram C 73586 to the JCS, August 9"
    text = "Lemnitzer indicated, in telegram C 73586 to the JCS, August 9, that he"
    assert [(c.fields()["sender"], c.fields()["recipient"], c.fields()["date"])
            for c in xref.find_citations(text)] == [(None, "JCS", "--08-09")]
    # a letter before a short number is no such code, nor the pronoun "I"; "Telegram P 262315Z"
    # (frus1961-63v21) is a precedence and a date-time group, not a number
    assert xref.find_citations("the telegram C 12 to them") == []
    assert xref.find_citations("the telegram I 12345 we sent") == []
    assert xref.find_citations("(Telegram P 262315Z from COMNAVACTS Port Lyautey") == []


def test_a_range_of_pages_without_pp_after_the_year() -> None:
    """frus1969-76v01 d27fn1: "Source: Public Papers of the Presidents of the United States:
    Richard Nixon, 1969, 432-437. The President was speaking": the pages have no "pp."."""
    text = ("Source: Public Papers of the Presidents of the United States: Richard Nixon, 1969, "
            "432-437. The President was speaking at the Air Force Academy")
    found = xref.find_citations(text)
    assert [(c.kind, c.fields()["date"], c.fields()["pages"]) for c in found] == [
        ("other_publication", "1969", "432-437")
    ]
    assert found[0].text.endswith("1969, 432-437")
    # a list of years is no range of pages
    text = "Public Papers of the Presidents of the United States: Richard Nixon, 1969, 1970-1971"
    assert [c.fields()["pages"] for c in xref.find_citations(text)] == [None]


def test_a_congressional_hearing_before_its_pages() -> None:
    """frus1969-76v01 d118fn1: "Strategic Arms Limitations Agreements: Hearings Before the
    Committee on Foreign Relations, United States Senate, Ninety-second Congress, Second Session
    (Washington, 1972), pp. 393-398, 400-402": the hearing's pages, not this volume's."""
    text = ("Strategic Arms Limitations Agreements: Hearings Before the Committee on Foreign "
            "Relations, United States Senate, Ninety-second Congress, Second Session (Washington, "
            "1972), pp. 393-398, 400-402")
    found = xref.find_citations(text)
    assert [(c.kind, c.fields()["pages"]) for c in found] == [
        ("other_publication", "393-398, 400-402")
    ]
    assert found[0].fields()["title"].startswith("Hearings Before the Committee on Foreign")
    # hearings in prose, then a page of this volume: the page stays this volume's
    found = xref.find_citations("The hearings before the committee went well. See p. 44.")
    assert [(c.kind, c.fields()["pages"]) for c in found] == [("page", "44")]


def test_a_military_message_number_joined_to_its_code_by_a_dash() -> None:
    """frus1955-57v23p2 d3 and d44fn2: "CINCUNC telegram C–71034, January 7, to DA" and
    "CINCUNC telegram C–72460, May 6. (Department of Defense Files)": the same command's
    message series as "telegram C 72924", the code joined to the number by a dash."""
    text = "CINCUNC telegram C–71034, January 7, to DA, and received after this telegram drafted"
    found = [(c.kind, c.fields()["series"], c.fields()["number"], c.fields()["recipient"],
              c.fields()["date"], c.text) for c in xref.find_citations(text)]
    assert found == [("telegram", "C", "71034", "DA", "--01-07",
                      "telegram C–71034, January 7, to DA")]
    text = ("sent to the Joint Chiefs of Staff as CINCUNC telegram C–72460, May 6. (Department of "
            "Defense Files)")
    tels = [(c.fields()["series"], c.fields()["number"], c.fields()["sender"],
             c.fields()["date"]) for c in xref.find_citations(text) if c.kind == "telegram"]
    assert tels == [("C", "72460", None, "--05-06")]
    # a short number after the dash is no military message (an airgram's "A–217" stays one)
    assert [c.kind for c in xref.find_citations("the telegram C–12 to them")] == []


def test_a_decimal_file_after_a_telegram_is_no_further_number_of_its_list() -> None:
    """frus1948v05p1 d4fn3 and d200fn1: "(telegram 206, 890F.6363/2–2948)": telegram 206, then
    the file it is in; the file's "890F" is not a second telegram."""
    text = ("would not be permitted (telegram 206,\n    890F.6363/2–2948).")
    found = [(c.kind, c.fields().get("number"), c.fields().get("file"))
             for c in xref.find_citations(text, volume="frus1948v05p1")]
    assert found == [("telegram", "206", None), ("central_file", None, "890F.6363/2-2948")]
    text = "1948 (telegram 643, 890F.7962/12–1548)."
    found = [(c.kind, c.fields().get("number"), c.fields().get("file"))
             for c in xref.find_citations(text, volume="frus1948v05p1")]
    assert found == [("telegram", "643", None), ("central_file", None, "890F.7962/12-1548")]
    # a list of telegrams still goes on: "telegrams 206 and 207"
    text = "telegrams 206 and 207, 890F.6363/2–2948"
    assert [c.fields()["number"] for c in xref.find_citations(text)
            if c.kind == "telegram"] == ["206", "207"]


def test_a_volume_in_small_capitals_is_another_volume_of_the_year() -> None:
    """frus1948v01p1 d78fn4: "see vol. vi, pp. 57 ff." (the volume number in small capitals,
    lowercase in the text; the volume links it to frus1948v06#pg_57): pages of volume VI of
    the same year, not page 57 of this volume."""
    text = "For documentation on this subject, see vol. vi, pp. 57 ff."
    found = [(c.kind, c.fields(), c.text)
             for c in xref.find_citations(text, volume="frus1948v01p1")]
    assert found == [("publication", {"volume": "frus1948v06", "pages": "57"}, "vol. vi, pp. 57")]
    # a lowercase word after "vol." is no volume number
    assert xref.find_citations("the civil vol. civil, war", volume="frus1948v01p1") == []


def test_a_series_circular_is_a_series_of_its_own() -> None:
    """frus1958-60v07p1 d132fn2: "(Polto Circular 24 from Paris, April 16; Department of
    State, Central Files, 740.5/4–1658)": a Polto circular, numbered apart from the Poltos (the
    volume's telegrams read their own number as series "Polto Circular" too)."""
    text = ("and quoted the Netherlands as agreeing with this view. (Polto Circular 24 from Paris, "
            "April 16; Department of State, Central Files, 740.5/4–1658)")
    tels = [(c.fields()["series"], c.fields()["number"], c.fields()["sender"],
             c.fields()["recipient"], c.fields()["date"], c.text)
            for c in xref.find_citations(text, volume="frus1958-60v07p1") if c.kind == "telegram"]
    assert tels == [("Polto Circular", "24", "Paris", "Department of State", "--04-16",
                     "Polto Circular 24 from Paris, April 16")]
    # inside a sentence, after another Polto (the same volume, d258fn3)
    text = "were summarized in Polto 2418 and Polto Circular 13, both from Paris, June 9."
    assert [(c.fields()["series"], c.fields()["number"])
            for c in xref.find_citations(text, volume="frus1958-60v07p1")] == [
        ("Polto", "2418"), ("Polto Circular", "13")]
