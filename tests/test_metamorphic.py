"""The metamorphic transforms of ``bench/metamorphic_transforms.py`` derive the expected
citations of a rewritten text from the case's own: a written value changes only where the
rewrite changed it. Cases from the golden fixtures (``tests/fixtures/citations``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1] / "bench"))

from golden import Case, Expected  # noqa: E402
from metamorphic_transforms import dates, lists, lot_forms, posts  # noqa: E402


def _case(text: str, *expected: Expected) -> Case:
    return Case("t.txt", 1, "frus1958-60v11", "d1", text, list(expected))


def test_a_date_written_once_changes_every_telegram_that_shares_it() -> None:
    """frus1958-60v11 d123fn3: "Telegrams 46 and 47 from Jidda, July 14, ... (..., 787.00/
    7–1458)": both telegrams take the new date; the file's date, not written there, stays."""
    case = _case(
        "Telegrams 46 and 47 from Jidda, July 14, conveyed King Saud’s urgent request. "
        "(Department of State, Central Files, 787.00/7–1458)",
        Expected("telegram", {"number": "46", "date": "--07-14"}),
        Expected("telegram", {"number": "47", "date": "--07-14"}),
        Expected("central_file", {"file": "787.00/7-1458", "date": "1958-07-14"}),
    )
    text, expected = next(dates(case))
    assert "from Jidda, March 1, conveyed" in text
    assert [e.fields["date"] for e in expected] == ["--03-01", "--03-01", "1958-07-14"]
    assert case.expected[0].fields["date"] == "--07-14"  # the case itself is left as it was


def test_a_post_written_twice_changes_only_where_rewritten() -> None:
    """frus1961-63v07-09mSupp d206: "Telegram 247 from Moscow, ... Moscow telegram 239": the
    post after "from" is rewritten; the second telegram keeps Moscow."""
    case = _case(
        "206. Telegram 247 from Moscow, July 22. Correction of error contained in Moscow "
        "telegram 239. Secret.",
        Expected("telegram", {"number": "247", "sender": "Moscow"}),
        Expected("telegram", {"number": "239", "sender": "Moscow"}),
    )
    text, expected = next(posts(case))
    assert text.startswith("206. Telegram 247 from Bamako, July 22.")
    assert [e.fields["sender"] for e in expected] == ["Bamako", "Moscow"]


def test_a_post_said_before_the_word_is_not_rewritten_after_from() -> None:
    """frus1961-63v21 d165: "(Paris Tel 207), ... only from Paris.": the telegram's sender is
    said before its word; "from Paris" at the end is prose, no route to rewrite."""
    case = _case(
        "particularly in light of assurances (Paris Tel 207), that any such orders could "
        "emanate only from Paris.",
        Expected("telegram", {"number": "207", "sender": "Paris"}),
    )
    assert list(posts(case)) == []


def test_one_number_made_a_list() -> None:
    """"Re Dulte 2." made "Re Dultes 2 and 53.": one expected telegram per number, with the
    series."""
    case = _case("Re Dulte 2.", Expected("telegram", {"number": "2", "series": "Dulte"}))
    text, expected = next(lists(case))
    assert text == "Re Dultes 2 and 53."
    assert [(e.kind, e.fields) for e in expected] == [
        ("telegram", {"series": "Dulte", "number": "2"}),
        ("telegram", {"series": "Dulte", "number": "53"}),
    ]


def test_a_lot_in_its_other_forms() -> None:
    """frus1955-57v23p2 d63fn1 "FE Files: Lot 56 D 679, Korea": the two other forms, the
    expected lot unchanged."""
    case = _case(
        "Source: Department of State, FE Files: Lot 56 D 679, Korea. Secret.",
        Expected("lot_file", {"lot": "56 D 679", "series": "FE Files", "folder": "Korea"}),
    )
    variants = list(lot_forms(case))
    assert [t.split("Lot ")[1].split(",")[0] for t, _ in variants] == ["56D679", "56-D-679"]
    assert all(e == case.expected for _, e in variants)


def test_an_owner_before_a_telegram_keeps_its_fields_and_makes_a_list() -> None:
    """``bench/metamorphic_telegrams.py``: "in the telegram 1234 of May 3" becomes "in my
    telegram 1234 ...", "in our tels 1234 and 1285 ..." (two telegrams, the second's number the
    transform's own), "MY TELEGRAM 1234"; a telegram whose sender is said before it is left."""
    from metamorphic_telegrams import owners

    case = _case(
        "As reported in the telegram 1234 of May 3, the talks went on.",
        Expected("telegram", {"number": "1234", "series": "telegram", "date": "--05-03"}),
    )
    out = list(owners(case))
    texts = [t for t, _ in out]
    assert "As reported in my telegram 1234 of May 3, the talks went on." in texts
    assert "As reported in your tel 1234 of May 3, the talks went on." in texts
    assert "As reported in MY TELEGRAM 1234 of May 3, the talks went on." in texts
    (listed,) = [e for t, e in out if "our tels 1234 and 1285" in t]
    assert [e.fields["number"] for e in listed] == ["1234", "1285"]
    assert all("date" not in e.fields for e in listed)  # a list's date is not the transform's
    moscow = _case("Moscow telegram 239.", Expected("telegram", {"number": "239",
                                                                 "series": "telegram"}))
    assert list(owners(moscow)) == []


def test_a_list_after_nos_is_the_same_list() -> None:
    """``bench/metamorphic_telegrams.py``: "Deptels 434 and 485" written "Deptels Nos. 434 and
    485" and "nos." gives the same telegrams."""
    from metamorphic_telegrams import list_number_sign

    case = _case("See Deptel 434.", Expected("telegram", {"number": "434", "series": "Deptel"}))
    out = list(list_number_sign(case))
    assert ("See Deptels Nos. 434 and 485.",
            [Expected("telegram", {"series": "Deptel", "number": "434"}),
             Expected("telegram", {"series": "Deptel", "number": "485"})]) in out
    assert any(t.startswith("See Deptels nos. 434, 485 and 486") for t, _ in out)
