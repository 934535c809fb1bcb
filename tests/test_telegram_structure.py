"""Telegram, despatch and airgram references read by their structure (issue 12, V5): who sent
it, what it is, its number (after ``No.``/``Nos.``), its date and route, in the combinations
the structure allows. Each sentence is from the tuning volume named in its docstring (file and
document id), its expected values read there; prose of the same shape gives nothing."""

from __future__ import annotations

from telegramfields import found as _found

import xref


def test_a_delegation_series_airgram() -> None:
    """frus1948v05p1 d361fn2 and fn3: "transmitted to the Department by the Secretary of State
    in airgram Delga A–80, November 20": the Delegation's (Delga: Delegation to the General
    Assembly, to the Department) airgram A-80; before, its series was dropped."""
    text = ("Text transmitted to the Department by the Secretary of State in airgram Delga "
            "A–80, November 20, not printed (501.BC Kashmir/11–2048).")
    assert _found(text, "airgram") == [
        ("A-80", "Delga", None, "Department of State", "--11-20", "Delga A–80, November 20")
    ]
    text = ("Copies transmitted to the Department by the Secretary of State in airgram. Delga "
            "A–79, November 20, not printed (501.BC Kashmir/11–2048).")
    assert _found(text, "airgram") == [
        ("A-79", "Delga", None, "Department of State", "--11-20", "Delga A–79, November 20")
    ]
    # the other channel words of the same shape: the Department's Gadel, the Secretary's Dulte
    assert _found("see Gadel A–12.", "airgram") == [
        ("A-12", "Gadel", "Department of State", None, None, "Gadel A–12")
    ]
    # a word that only ends like a channel word is none: no series, and no unparsed report
    found = xref.find_citations("the Hotel A–12 wing")
    assert all(c.kind != "unparsed" and c.fields().get("series") is None for c in found)
    assert xref.find_citations("the Motel A–4 highway") == []


def test_numbers_after_nos_and_a_clipped_words_no() -> None:
    """The number sign the scan did not take before a telegram's number: a list's ``Nos.``,
    any case, and ``No.`` after a clipped word (read as nothing before).

    frus1948v05p1 d395: "(Embassy’s reports nos. 276 of January 2, 1948, ...; despatch no. 32
    of January 9, 1948; and telegrams nos. 39 and 41 of January 13, 1948)": two telegrams of
    that date. frus1955-57v02 d311: "instructions in your telegrams Nos. 1 and 2". frus1955-57v03
    d220: "(Embtel No. 1062)", the Embassy's telegram to the Department (its footnote 4: "In
    telegram 1062 from Karachi")."""
    text = ("(Embassy’s reports nos. 276 of January 2, 1948, 4 of January 9, 1948, and 10 of "
            "January 16, 1948; despatch no. 32 of January 9, 1948; and telegrams nos. 39 and 41 "
            "of January 13, 1948).")
    assert [(n, s, d) for n, s, _, _, d, _ in _found(text, "telegram")] == [
        ("39", "telegram", "1948-01-13"), ("41", "telegram", "1948-01-13")
    ]
    assert [n for n, *_ in _found(text, "despatch")] == ["32"]
    text = ("Chou En-lai was unable to see me until 4:30 p.m. today when I carried out "
            "instructions in your telegrams Nos. 1 and 2, leaving with him text given in your "
            "telegram No. 2.")
    assert [n for n, *_ in _found(text, "telegram")] == ["1", "2", "2"]
    text = ("Department will recall he expressed complete agreement US position re prisoners "
            "(Embtel No. 1062).")
    assert _found(text, "telegram") == [
        ("1062", "Embtel", None, "Department of State", None, "Embtel No. 1062")
    ]
    # the same number sign before despatches; prose that numbers telegrams otherwise is none
    assert [n for n, *_ in _found("see despatches Nos. 12 and 14 from Rome.", "despatch")] == [
        "12", "14"
    ]
    assert xref.find_citations("The telegrams numbered 3 and 4 were lost.") == []
    assert xref.find_citations("Embtel Nos. were not given.") == []


def test_a_plural_clipped_word_and_a_telegram_in_capitals() -> None:
    """The clipped word's plural after its owner, and the word in a telegram's capitals after a
    possessive (read as nothing before).

    frus1964-68v16 d141: "(my tels 401, 408 and 439)", its footnote 3: "Telegram 408 is
    Document 129. Regarding telegram 401, ... Telegram 439, August 20". frus1961-63v21 d279:
    "in response your tels 52 and 53". frus1958-60v02 d338: "Ref USDel tels 785, 786".
    frus1969-76ve14p1 d180: "AS I POINTED OUT IN MY TELEGRAM 4584,"."""
    text = ("I have already given the Department some thoughts on concrete actions we might now "
            "take (my tels 401, 408 and 439).")
    assert [n for n, *_ in _found(text, "telegram")] == ["401", "408", "439"]
    text = ("You should inform Prime Minister in response your tels 52 and 53 that although USG "
            "desires help Somalia")
    assert [n for n, *_ in _found(text, "telegram")] == ["52", "53"]
    text = "838. For USDel Law of Sea. Ref USDel tels 785, 786."
    assert [n for n, *_ in _found(text, "telegram")] == ["785", "786"]
    text = ("WITH THE SITUATION. AS I POINTED OUT IN MY TELEGRAM 4584, I UNDERSTAND THAT MOST OF "
            "THE IMPORTANT COUNTRIES")
    assert _found(text, "telegram") == [
        ("4584", "telegram", None, None, None, "TELEGRAM 4584")
    ]
    # prose: the plural with no number, and a telegram's own caption in capitals
    assert xref.find_citations("Identical tels sent Rio and Mexico City.") == []
    assert xref.find_citations("These same tels indicated strongly sympathetic attitude") == []
    text = "DEPARTMENT OF STATE TELEGRAM 27102 17 FEB 71 0126Z ACTION: Amembassy KAMPALA"
    assert [c for c in xref.find_citations(text) if c.kind == "telegram"] == []


def test_the_number_sign_before_a_lettered_number() -> None:
    """``No.`` before an airgram's or a despatch's lettered number, as before a plain number
    ("despatch no. 32 of January 9, 1948", frus1948v05p1 d395): "airgram No. A-883" was an
    unparsed report (the trigger took it, NUMBER_SIGN wants a digit after it), "despatch No.
    D-11" nothing. The numbers, routes and dates read in frus1961-63v19 d191fn6 ("airgram
    A-883 from Karachi, February 23, 1963") and frus1958-60v07p1 d119fn1 ("In despatch D–11
    from Brussels")."""
    text = ("The text of the aide-memoire was transmitted to the Department as enclosure to "
            "airgram No. A-883 from Karachi, February 23, 1963;")
    assert _found(text, "airgram") == [
        ("A-883", None, "Karachi", "Department of State", "1963-02-23",
         "airgram No. A-883 from Karachi, February 23, 1963")
    ]
    assert not [c for c in xref.find_citations(text) if c.kind == "unparsed"]
    text = "In despatch No. D–11 from Brussels, the Mission at the European Communities forwarded"
    assert _found(text, "despatch") == [
        ("D-11", None, "Brussels", "Department of State", None, "despatch No. D–11 from Brussels")
    ]
    # "No." before a word that is no lettered number stays none
    assert xref.find_citations("the airgram No. A was lost") == []


def test_a_posts_possessive_before_the_number_sign() -> None:
    """A post's possessive, then ``No.`` (read as nothing before). frus1961-63v21 d235: "the
    thirty-day postponement of decision suggested in Accra's No. 577 of October 2, attached"
    (its footnote 3: "Not printed"), telegram 577 from the Embassy at Accra. frus1948v05p1 d78:
    "Reference paragraph 7 Mission’s No. 76," the Mission's "telegram No. 76, January 21" of
    the paragraph before."""
    text = ("In fact, we should seek, if possible, the thirty-day postponement of decision "
            "suggested in Accra's No. 577 of October 2, attached.")
    assert _found(text, "telegram") == [
        ("577", "telegram", "Accra", "Department of State", "--10-02",
         "Accra's No. 577 of October 2")
    ]
    text = "2. Reference paragraph 7 Mission’s No. 76, Noel-Baker (UK) will call"
    assert [(n, s) for n, _, s, *_ in _found(text, "telegram")] == [("76", "Mission")]
    # a possessive that is no post's, and a count after an office's "No.", are none
    assert xref.find_citations("Khrushchev's No. 2 man was there.") == []
    assert xref.find_citations("the Embassy’s No. 1 priority is this.") == []


def test_a_despatchs_route_after_its_date() -> None:
    """A despatch's route after its date, as a telegram's (the sender was lost before).
    frus1948v05p1 d24fn1: "(despatch 210, November 8, from Baghdad, and despatch 417, November
    15, from Lisbon, 890G.6363/11–848,/11–1548)"; d181: "(despatch 95, April 3, from Jidda,
    890F.51/4–348)"."""
    text = ("and an increase in the volume of oil exports (despatch 210, November 8, from "
            "Baghdad, and despatch 417, November 15, from Lisbon, 890G.6363/11–848,/11–1548).")
    assert _found(text, "despatch") == [
        ("210", None, "Baghdad", "Department of State", "--11-08",
         "despatch 210, November 8, from Baghdad"),
        ("417", None, "Lisbon", "Department of State", "--11-15",
         "despatch 417, November 15, from Lisbon"),
    ]
    assert [c.kind for c in xref.find_citations(text)].count("central_file") == 2
    text = ("after which agreement was reached at the $12 level (despatch 95, April 3, from "
            "Jidda, 890F.51/4–348).")
    assert _found(text, "despatch") == [
        ("95", None, "Jidda", "Department of State", "--04-03", "despatch 95, April 3, from Jidda")
    ]


def test_a_clipped_tel_before_the_number_sign() -> None:
    """``tel No.``, as ``telegram No.`` (the number sign the clipped word's numbers take in
    "Embtel No. 1062", frus1955-57v03 d220): was an unparsed report or nothing."""
    assert _found("See tel. No. 1234 of May 3.", "telegram") == [
        ("1234", "telegram", None, None, "--05-03", "tel. No. 1234 of May 3")
    ]
    assert xref.find_citations("The Hotel No. 5 was booked.") == []


def test_an_airgrams_date_after_of_and_its_route_after_the_date() -> None:
    """An airgram's date after ``of`` and its route after the date, as a telegram's (before, the
    date was lost after "of" and the route after the date). frus1948v05p1 d54: "(airgram 19,
    January 12, from Cairo, 741.83/1–1248)"; d51fn1: "as proposed in Section III of airgram 1,
    January 2, to London, p. 69"; frus1964-68v22 d6: "is contained in Embassy Tehran's Airgram
    421 of February 3, 1964"."""
    text = ("denouncing the maintenance of the present regime in the Sudan (airgram 19, January "
            "12, from Cairo, 741.83/1–1248).")
    assert _found(text, "airgram") == [
        ("19", None, "Cairo", "Department of State", "--01-12",
         "airgram 19, January 12, from Cairo")
    ]
    text = ("Similar instructions were sent the same clay to Middle East posts, as proposed in "
            "Section III of airgram 1, January 2, to London, p. 69, except that Jerusalem")
    assert _found(text, "airgram") == [
        ("1", None, "Department of State", "London", "--01-02", "airgram 1, January 2, to London")
    ]
    text = ("covering the period September 25, 1963 to February 3, 1964, is contained in Embassy "
            "Tehran's Airgram 421 of February 3, 1964.")
    assert [(n, d) for n, _, _, _, d, _ in _found(text, "airgram")] == [("421", "1964-02-03")]
    # a figure after an airgram's comma is no date, and keeps the airgram as it was
    assert [t for *_, t in _found("see airgram A-12, 1234 words.", "airgram")] == ["airgram A-12"]


def test_a_dated_years_route_is_no_further_telegram() -> None:
    """A date with its year, then the route without a comma: the year is the date's, not a
    list's next telegram (was a spurious telegram "1962 from Guatemala City" and the route
    lost). frus1961-63v10-12mSupp d126 prints "Telegram 496 from Guatemala City, April 19,
    1962."; the same parts with the date first, as "despatch 95, April 3, from Jidda"
    (frus1948v05p1 d181) orders them, must give the same telegram."""
    text = "126. Telegram 496 of April 19, 1962 from Guatemala City. Danger of a Communist takeover"
    assert _found(text, "telegram") == [
        ("496", "telegram", "Guatemala City", "Department of State", "1962-04-19",
         "Telegram 496 of April 19, 1962 from Guatemala City")
    ]
    text = "transmitted to the Department under despatch 42 of July 25, 1957 from Djakarta."
    assert [(n, s, d) for n, _, s, _, d, _ in _found(text, "despatch")] == [
        ("42", "Djakarta", "1957-07-25")
    ]
    # a list's number that looks like a year stays a telegram after "and"
    assert [n for n, *_ in _found("see telegrams 1834 and 1955 from Rome.", "telegram")] == [
        "1834", "1955"
    ]
