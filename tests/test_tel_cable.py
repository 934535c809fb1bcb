"""``tel`` capitalized and ``cable`` as the word for a telegram, and ``#`` before a telegram's or
a despatch's number (issue 12, V6), in the places the structure allows ``telegram``: alone,
after ``Circular``, after the sender's name, with ``No.``, a list, a date, a route. Each
sentence is from the tuning volume named in its docstring (file and document id), its expected
values read there; prose of the same shape (no number, a telephone number, a date, "by
cable") gives nothing."""

from __future__ import annotations

from telegramfields import found as _found

import xref


def test_tel_capitalized_after_circular_and_after_a_post() -> None:
    """frus1961-63v21 d91: "(Circular Tel. 1673)", the Department's circular telegram 1673
    (its footnote: "Circular telegram 1673"); d165: "(Paris Tel 207)", the telegram from the
    Embassy in Paris. Both were read as nothing."""
    text = ("In reply to Prime Minister, however, you may cite Department's statement to press "
            "yesterday (Circular Tel. 1673) as evidence US did not intend stand idly by.")
    assert _found(text) == [
        ("1673", "circular telegram", "Department of State", None, None, "Circular Tel. 1673")
    ]
    text = "particularly in light of assurances (Paris Tel 207), that any such orders could"
    assert _found(text) == [("207", "telegram", "Paris", None, None, "Paris Tel 207")]
    # the same word lowercase after "Circular" is the circular, not a plain "tel 12"
    assert _found("See Circular tel 12.") == [
        ("12", "circular telegram", "Department of State", None, None, "Circular tel 12")
    ]
    # with its route, as after "telegram"
    assert _found("Tel. 1234 from Paris") == [
        ("1234", "telegram", "Paris", "Department of State", None, "Tel. 1234 from Paris")
    ]


def test_cable_with_its_number_sign_a_list_and_dates() -> None:
    """frus1958-60v11 d84: "read cable No. 4790 from the Department to McClintock"; frus1955-57v23p2
    d259: "stipulated in cables 892 and 229", and its source: "State-Defense cables 892 of 18
    June 1957 and 229 of 16 September 1957" (each number with its own date)."""
    text = "The Secretary then read cable No. 4790 from the Department to McClintock giving"
    got = _found(text)
    assert [g[:3] for g in got] == [("4790", "telegram", "Department of State")]
    assert got[0][5].startswith("cable No. 4790 from the Department")
    assert _found("stipulated in cables 892 and 229. These two cables had") == [
        ("892", "telegram", None, None, None, "cables 892"),
        ("229", "telegram", None, None, None, "229"),
    ]
    text = "State-Defense cables 892 of 18 June 1957 and 229 of 16 September 1957"
    assert _found(text) == [
        ("892", "telegram", None, None, "1957-06-18", "cables 892 of 18 June 1957"),
        ("229", "telegram", None, None, "1957-09-16", "229 of 16 September 1957"),
    ]


def test_the_name_before_the_word_is_the_sender_only_when_it_names_one() -> None:
    """frus1955-57v02 d241: "Rankin’s cable #790 was shown to the President": the Ambassador's
    telegram 790 (its footnote: "Telegram 790"); a person's possessive names no post, so the
    citation is the cable and its number. An agency's initials before the word are its sender
    ("CIA cable 1234")."""
    assert _found("Rankin’s cable #790 was shown to the President") == [
        ("790", "telegram", None, None, None, "cable #790")
    ]
    assert _found("according to CIA cable 1234, the") == [
        ("1234", "telegram", "CIA", None, None, "CIA cable 1234")
    ]
    # a sentence's opening word before the cable is no sender, and not in the citation
    assert _found("The cable 612 said so.") == [("612", "telegram", None, None, None, "cable 612")]


def test_the_number_sign_before_a_despatch_and_a_telegram() -> None:
    """"#" before the number, as "No.": a despatch, a telegram (read as nothing before)."""
    assert _found("see despatch #60 from Rome", "despatch") == [
        ("60", None, "Rome", "Department of State", None, "despatch #60 from Rome")
    ]
    assert _found("see telegram #123 from Paris") == [
        ("123", "telegram", "Paris", "Department of State", None, "telegram #123 from Paris")
    ]


def test_prose_of_the_same_shape_is_no_telegram() -> None:
    """frus1955-57v03 d28 "subject separate tel."; frus1969-76ve05p1 d259 "(Tel: 739-2101)", a
    telephone number; frus1961-63v21 d357fn1 "cleared cable 1/26/62", a date; "by cable",
    "this telegram", "the telegram of instructions"; "Central Files, 1964–66, TEL 6" is the
    subject file TEL (Telecommunications), no telegram; "Tel Aviv 1234" stays the post's."""
    for text in (
        "pick up remaining questions on representation arrangement which is subject separate tel.",
        "The letter is in Ralph Erickson's office (Miss Dun) (Tel: 739-2101)",
        "A handwritten notation on the note reads: “cleared cable 1/26/62. 6:30 pm”",
        "it is difficult reply adequately by cable.",
        "Contents this telegram must in no circumstances be revealed.",
        "He had not yet received the telegram of instructions.",
        "Tel 739-2101; a cable 3 days later",
    ):
        assert _found(text) == [], text
    found = xref.find_citations("Department of State, Central Files, 1964–66, TEL 6. Secret.")
    assert [c.kind for c in found] == ["subject_file"]
    assert _found("see Tel Aviv 1234.") == [
        ("1234", "telegram", "Tel Aviv", "Department of State", None, "Tel Aviv 1234")
    ]


def test_a_post_named_with_its_article_before_the_word() -> None:
    """frus1958-60v17 d248: "(described in The Hague’s telegram 1315, Tab A)", the telegram
    from the Embassy at The Hague (footnote: "See footnote 2, Document 247"); d274: "The Hague
    telegram 268". The name keeps its article; its sender is the post (none before)."""
    assert _found("this decision (described in The Hague’s telegram 1315, Tab A)") == [
        ("1315", "telegram", "The Hague", None, None, "The Hague’s telegram 1315")
    ]
    assert _found("if implement [sic] The Hague telegram 268, the") == [
        ("268", "telegram", "The Hague", None, None, "The Hague telegram 268")
    ]


def test_a_memorandum_s_own_list_of_cables_is_no_telegram_number() -> None:
    """frus1964-68v07 d25: "Cable 1. From Oslo to Washington." and "(cable 1) is in para. 7":
    the memorandum numbers the cables it sums up; a one-digit number after ``cable`` is no
    telegram's."""
    for text in ("Cable 1. From Oslo to Washington.",
                 "The heart of the North Vietnamese message (cable 1) is in para. 7"):
        assert _found(text) == [], text


def test_a_post_s_telegram_known_by_its_date() -> None:
    """frus1955-57v11 d229: "that given in Embassy Tokyo’s telegram of December 1" and
    "(Embassy Taipei’s telegram of November 17)": the Embassy's telegram with no number, known
    by its post and date (``numberless``; read as nothing before). frus1958-60v13 d222:
    "outlined in Hare’s telegram of October 20": a person, no post, no telegram. The route
    before the date names the post as after it."""
    text = ("the Aide-Mémoire which he delivered was that given in Embassy Tokyo’s telegram of "
            "December 1.")
    found = [c for c in xref.find_citations(text) if c.kind == "telegram"]
    assert [(c.fields()["sender"], c.fields()["date"], c.fields()["numberless"], c.text)
            for c in found] == [
        ("Tokyo", "--12-01", True, "Embassy Tokyo’s telegram of December 1")
    ]
    assert _found("veto if necessary (Embassy Taipei’s telegram of November 17).") == [
        (None, "telegram", "Taipei", None, "--11-17", "Embassy Taipei’s telegram of November 17")
    ]
    assert _found("further outlined in Hare’s telegram of October 20, previously quoted") == []
    assert _found("See telegram from Paris of May 3.") == [
        (None, "telegram", "Paris", None, "--05-03", "telegram from Paris of May 3")
    ]
    # "the telegram of May 3", no post: nothing
    assert _found("He had not seen the telegram of May 3 either.") == []
