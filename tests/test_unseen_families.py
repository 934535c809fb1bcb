"""Families of style the tuning volumes print and the grammar used to miss (issue 12, G4): each
read from its structure. Sentences from the volumes named (file and document id in each
docstring); expected values read there, with prose of the same shape that is no citation."""

from __future__ import annotations

from pathlib import Path

import xref
from xref.cite.models import Citation
from xref.read.plaintext import read_plaintext
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import resolve_documents


def _found(text: str) -> list[tuple[str, dict[str, object], str]]:
    return [(c.kind, c.fields(), c.text) for c in xref.find_citations(text)]


def _only(text: str, kind: str) -> list[Citation]:
    return [c for c in xref.find_citations(text) if c.kind == kind]


def test_a_lot_without_a_letter_before_its_box() -> None:
    """frus1948v01p1 d187: "Lot 126, Box 427 holds useful unorganized information": a lot of
    the 1940s numbered without a letter, a lot by the box that follows it."""
    text = ("relating to plenary meetings of the Conference.) Lot 126, Box 427 holds useful "
            "unorganized information regarding the Conference.")
    assert _found(text) == [
        ("lot_file", {"lot": "126", "series": None, "folder": "Box 427"}, "Lot 126, Box 427")
    ]
    # a lot of land, a lot with no box after it: prose
    assert xref.find_citations("the sale of lot 126, boxed in by the new road") == []
    assert xref.find_citations("Lot 126 was sold, Box 427 was not.") == []


def test_a_despatch_with_a_lettered_number() -> None:
    """frus1958-60v07p1 d119fn1: "In despatch D–11 from Brussels, the Mission at the European
    Communities ...": the Mission's lettered despatch D-11."""
    text = "In despatch D–11 from Brussels, the Mission at the European Communities forwarded"
    assert _found(text) == [
        ("despatch", {"number": "D-11", "sender": "Brussels",
                      "recipient": "Department of State", "date": None},
         "despatch D–11 from Brussels")
    ]
    assert xref.find_citations("the despatch of a mission to the area") == []


def test_a_post_named_before_tels_with_a_list_and_its_dates() -> None:
    """frus1948v05p1 d142: "and Tehran tels 28 and 31, Oct 29 and Nov 3": two telegrams from
    Tehran, each with its own date, in turn."""
    text = "to Paris, which we heartily endorse, and Tehran tels 28 and 31, Oct 29 and Nov 3."
    tels = [(c.fields()["number"], c.fields()["sender"], c.fields()["date"])
            for c in _only(text, "telegram")]
    assert tels == [("28", "Tehran", "--10-29"), ("31", "Tehran", "--11-03")]
    # one date for a list: each number takes it; a post's noun "tells" no telegram
    tels = [(c.fields()["number"], c.fields()["date"])
            for c in _only("Tehran tels 28 and 31, Oct 29.", "telegram")]
    assert tels == [("28", "--10-29"), ("31", "--10-29")]
    assert xref.find_citations("Tehran tells 28 deputies what to do") == []


def test_a_series_airgram() -> None:
    """frus1958-60v07p1 d43fn3: "further analyzed in Polto A–417 from Paris, December 22":
    USRO's airgram A-417 of the Polto series, from Paris to the Department."""
    text = ("This draft resolution was further analyzed in Polto A–417 from Paris, December 22. "
            "(Department of State, Central Files, 840.00/12–2258)")
    found = _found(text)
    assert found[0] == (
        "airgram",
        {"number": "A-417", "sender": "Paris", "recipient": "Department of State",
         "date": "--12-22", "series": "Polto"},
        "Polto A–417 from Paris, December 22",
    )
    assert [k for k, _, _ in found] == ["airgram", "central_file"]
    # a plain airgram keeps no series
    (plain,) = _only("Airgram A–151 from Rome", "airgram")
    assert plain.fields()["series"] is None
    # a city ending in "to" is no series: "Toronto A-4" is nothing
    assert _only("the Toronto A–4 highway", "airgram") == []


def test_an_office_files_and_a_un_document() -> None:
    """frus1948v01p1 d144: "(IO Files, document SD/C.1/164)": the document by its UN symbol,
    in the files of the Office of UN Affairs."""
    text = "were circulated to the Committee (IO Files, document SD/C.1/164)."
    assert _found(text) == [
        ("other_repository", {"repository": "IO Files", "path": ["document SD/C.1/164"]},
         "IO Files, document SD/C.1/164")
    ]
    # files with no symbol after: no citation from the new rule
    assert xref.find_citations("the files, documents and papers of the office") == []


def test_a_one_digit_post_telegram_where_the_words_before_name_one() -> None:
    """frus1958-60v02 d238: "(ref Seoul 3 to Saigon Oct. 25)": telegram 3 from Seoul to
    Saigon, of October 25 (the month's abbreviation is no part of the place)."""
    text = "parallel with Korean membership (ref Seoul 3 to Saigon Oct. 25) and"
    assert _found(text) == [
        ("telegram", {"number": "3", "series": "telegram", "sender": "Seoul",
                      "recipient": "Saigon", "date": "--10-25", "relative": None,
                      "numberless": False},
         "Seoul 3 to Saigon Oct. 25")
    ]
    # a one-digit number with no such word before it: a count or a copy, not a telegram
    assert xref.find_citations("the talks in Paris 7 days later") == []
    assert xref.find_citations("Sent Department 401, repeated London 1, Paris 2.") == []
    assert xref.find_citations("see Paris 7 days later") == []


def test_numberless_telegrams() -> None:
    """A telegram that prints no number: number None, ``numberless`` True. frus1964-68v16 d55:
    "in an unnumbered telegram to the Department of Defense, June 5"; d5fn2: "in an unnumbered
    telegram to Secretary of Defense McNamara, January 29"; frus1948v05p1 d320: "(Karachi
    telegram September 8, unnumbered"."""
    text = ("Lemnitzer reported on his meeting with Inonu in an unnumbered telegram to the "
            "Department of Defense, June 5. (Ibid.)")
    (tel,) = _only(text, "telegram")
    assert (tel.fields(), tel.text) == (
        {"number": None, "series": "telegram", "sender": None,
         "recipient": "Department of Defense", "date": "--06-05", "relative": None,
         "numberless": True},
        "unnumbered telegram to the Department of Defense, June 5",
    )
    text = ("talks with Turkish officials in an unnumbered telegram to Secretary of Defense "
            "McNamara, January 29. (Ibid.)")
    (tel,) = _only(text, "telegram")
    assert (tel.fields()["recipient"], tel.fields()["date"]) == (
        "Secretary of Defense McNamara", "--01-29")
    text = "(Karachi telegram September 8, unnumbered) is to be interpreted"
    (tel,) = _only(text, "telegram")
    assert (tel.fields()["number"], tel.fields()["sender"], tel.fields()["date"],
            tel.fields()["numberless"], tel.text) == (
        None, "Karachi", "--09-08", True, "Karachi telegram September 8, unnumbered")
    assert [c.kind for c in xref.find_citations(text)] == ["telegram"]  # nothing unparsed
    # the day before its month: still no number ("8" is the day, not telegram 8)
    (tel,) = _only("(Karachi telegram 8 September, unnumbered) is to be", "telegram")
    assert (tel.fields()["number"], tel.fields()["date"], tel.fields()["numberless"]) == (
        None, "--09-08", True)


def test_a_telegram_by_its_date_and_a_post() -> None:
    """A telegram named by its date and its post alone ("telegram of November 26 from London")
    is numberless; the same shape with no post after it is prose (frus1948v01p1: "in reply to
    urgent telegram of March 22 from British delegation"; frus1955-57v02: "A telegram of
    January 31 from Secretary-General Hammarskjöld")."""
    (tel,) = _only("In a telegram of November 26 from London, Bruce said", "telegram")
    assert (tel.fields()["sender"], tel.fields()["date"], tel.fields()["numberless"]) == (
        "London", "--11-26", True)
    assert xref.find_citations("in reply to urgent telegram of March 22 from British "
                               "delegation") == []
    assert xref.find_citations("A telegram of January 31 from Secretary-General "
                               "Hammarskjöld to Prime Minister") == []
    assert xref.find_citations("the telegram of July 17 it had been suggested") == []


NUMBERLESS_DOC = """Telegram From the Department of State to the Embassy in Iran


Washington, May 5, 1964, 7 p.m.

774. Re Embtel 922. Joint State-AID-Defense message.

1. Lemnitzer reported in an unnumbered telegram to the Department of Defense, June 5.

Source: Department of State, Central Files, POL IRAN-US. Secret.
"""


def test_a_numberless_telegram_resolves_to_nothing_and_never_follows_the_reference(
    tmp_path: Path,
) -> None:
    """A numberless telegram is unresolved (no number to look up), even in a telegram whose
    Reference line a bare ``reftel`` (also number None) would follow."""
    path = tmp_path / "d16.txt"
    path.write_text(NUMBERLESS_DOC, encoding="utf-8")
    doc = read_plaintext(str(path), volume="frus1964-68v22")
    results = list(resolve_documents([doc], Corpus.from_documents([doc])))
    (numberless,) = [r for r in results if r.citation.text.startswith("unnumbered")]
    assert (numberless.status, numberless.method) == ("unresolved", "numberless")


def test_a_decimal_file_whose_subject_is_a_word_after_a_dash() -> None:
    """frus1961-63v19 d14fn2: "(Department of State, Central Files, 891.00-Five Year/4-1961)":
    India's file 891.00, subject "Five Year" (the plan), of April 19, 1961."""
    text = "(Department of State, Central Files, 891.00-Five Year/4-1961)"
    assert _found(text) == [
        ("central_file", {"file": "891.00-Five Year/4-1961", "decimal": "891.00-Five Year",
                          "date": "1961-04-19"},
         "Department of State, Central Files, 891.00-Five Year/4-1961")
    ]
    # a number with a dash and a word, no slash after: no file
    assert _only("the 611.00-Mile zone was agreed", "central_file") == []


def test_a_month_and_its_day_end_a_place() -> None:
    """frus1964-68v13 d82: "Deptel 2173 to Brussels April 26": to Brussels, of April 26 (the
    month's name and a day are a date, never a word of the place)."""
    text = "2200. Reftel Polto 1570, repeated Brussels 83; Deptel 2173 to Brussels April 26. Spaak"
    (deptel,) = [c for c in _only(text, "telegram") if c.fields()["series"] == "Deptel"]
    assert (deptel.fields()["recipient"], deptel.fields()["date"], deptel.text) == (
        "Brussels", "--04-26", "Deptel 2173 to Brussels April 26")
    # a place's own word that is a month's name without a day stays: "Fort May"
    (tel,) = _only("telegram 12 to Fort May, June 3", "telegram")
    assert tel.fields()["recipient"] == "Fort May"


def test_a_volume_of_a_publication_with_its_own_title() -> None:
    """frus1958-60v11 d304fn3: "(Public Papers of the Secretaries-General of the United
    Nations, Vol. IV: Dag Hammarskjöld, 1958–1960, pp. 203–216)": one publication, volume IV,
    its pages."""
    text = ("(Public Papers of the Secretaries-General of the United Nations, Vol. IV: Dag "
            "Hammarskjöld, 1958–1960, pp. 203–216)")
    assert _found(text) == [
        ("other_publication", {"title": "Public Papers of the Secretaries-General",
                               "pages": "203-216", "date": "1958", "volume": "IV"},
         text[1:-1])
    ]
