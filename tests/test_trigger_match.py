"""The scan's trigger match (:mod:`xref.cite.triggermatch`) against the one trigger alternation
it stands for: the posts' names split by first letter, the rare family alternatives tried only
in texts that hold their gate, and the one-digit post telegram as a lookahead branch kept after
"see" or "ref", must find at every position what the alternation with the posts' names whole
and the one-digit rule as its own alternative (a second copy of the names behind lookbehinds)
finds."""

from __future__ import annotations

import re

import pytest
from test_scan_fast import _texts

from xref.cite import candidates, dispatch, triggertable
from xref.cite.anchors import AnchorIndex
from xref.cite.familytriggers import (
    GATED,
    GATES,
    ONE_DIGIT,
    PAREN_FILES,
    PAREN_FILES_HINT,
    RARE,
)
from xref.cite.triggermatch import POST_BEFORE, alternatives_by_first, trie

_MORE = [
    "parallel with Korean membership (ref Seoul 3 to Saigon Oct. 25) and",
    "the talks in Paris 7 days later; see Paris 7 days later; see also London 4.",
    "Sent Department 401, repeated London 1, Paris 2. Reftel Bonn 3; Quito 5; TOKYO 3; Quito 55",
    "Tel Aviv 4 and Aviv 5, see Tel Aviv 6; Addis 7 (see Addis 8); State 1234; State 5",
    "were circulated to the Committee (IO Files, document SD/C.1/164). S/P Files, document",
    "Polto A-417, Topol A\u20135; Usdel A - 4 and Toronto A-4; the Toronto A\u20134 highway",
    "(Karachi telegram September 8, unnumbered); an unnumbered telegram to the Department; "
    "telegram of November 26 from London",
    "Lot 126, Box 427; despatch D-11 from Brussels; Embdesp A-5; Tokyo's telegram 12",
    # the telegram families gated in issue 12 (V5): "'s No.", "tel No.", "tels", "despatches Nos."
    "Accra's No. 577; Embtel No. 1062; tels nos. 3 and 4; my tels 401; MY TELEGRAM 4584; "
    "despatches nos. 12 and 14; telegrams nos. 39 and 41",
    # "tel" and "cable" as the word (V6): "tel, cable"; "#" before a number
    "(Paris Tel 207); Circular Tel. 1673; CIA cable 1234; cables 892 and 229; Rankin’s "
    "cable #790; Circular tel 12; despatch #60; telegram #12; Tel Aviv 4; (Tel: 739-2101); "
    "cable 1/26/62; by cable 3 days later; Embassy Tokyo’s telegram of December 1; Hare's "
    "telegram of October 20; telegram from Paris of May 3",
    # an earlier trigger and a gated alternative at one place: the earlier trigger's
    "Department of State, Central Files, document SD/C.1/164",
    "Unnumbered cable",  # (no anchor: the scan does not try it)
]


def _old_alternation() -> re.Pattern[str]:
    """The trigger alternation as the scan had it before: every post's name in one trie in
    ``postnum``'s first alternative, and the one-digit rule as its last."""
    names = triggertable.POST_NAMES - {"State", "STATE"} - set(triggertable.TAIL_POSTS)
    posts = trie(names) + "|" + "|".join(
        "(?<!" + re.escape(c[: -len(w)]).replace("\\ ", "\\s") + ")" + re.escape(w)
        for w, c in sorted(triggertable.TAIL_POSTS.items())
    )
    after = triggertable.POST_AFTER.replace(f"|{ONE_DIGIT}", "")
    assert after != triggertable.POST_AFTER
    one_digit = (
        rf"(?:(?<=\b[Ss]ee\s)|(?<=\bref\s)|(?<=\b[Rr]eftel\s)|(?<=\b[Ss]ee\salso\s))(?:{posts})"
        r"(?=\s+\d(?!\w|[.,:/]\d|[%-]|\s*(?:hours|hrs|GMT|a\.m|p\.m|per|percent|million|miles"
        r"|days)))"
    )
    groups = []
    for name, _, _, pattern in candidates._TRIGGERS:
        if name == "postnum":
            alts = pattern.split(f"|{POST_BEFORE}")
            rest = alts[-1].split(triggertable.POST_AFTER, 1)[1]
            pattern = f"{POST_BEFORE}(?:{posts}){after}{rest}|{one_digit}"
        groups.append(f"(?P<{name}>{pattern})")
    return re.compile("|".join(groups))


def test_the_trigger_match_is_the_old_alternation() -> None:
    old = _old_alternation()
    matcher = candidates._MATCHER
    found = set()
    for text in _texts()[:1500] + _MORE:
        for pos in range(len(text) + 1):
            ours = matcher.match(text, pos)
            theirs = old.match(text, pos)
            if theirs is None:
                assert ours is None, (text, pos)
                continue
            assert ours is not None, (text, pos, theirs)
            assert (ours.lastgroup, ours.start(), ours.end()) == (
                theirs.lastgroup, theirs.start(), theirs.end()), (text, pos)
            found.add(theirs.lastgroup)
    # every family's alternatives were met (the gated ones too)
    assert {"postnum", "numberless", "fileseries", "air", "tel", "desp", "series"} <= found


def test_the_scan_finds_what_the_old_alternation_finds_at_its_word_starts() -> None:
    """Through ``_trigger_starts`` itself (its inlined match and check): the same triggers as
    the old alternation at every position, on texts where every position near a trigger is
    tried."""
    old = _old_alternation()
    for text in _MORE[:-1]:
        brute = {(p, m.lastgroup) for p in range(len(text)) if (m := old.match(text, p))}
        assert {(m.start(), m.lastgroup) for m in candidates._trigger_starts(text)} == brute


def test_no_post_name_is_read_as_a_shorter_one_s_telegram() -> None:
    """The one-digit branch is tried with each name, the longest first: it is the same answer
    only if no name that starts another could be a telegram's sender there (followed by
    "'s" or a space and a telegram word or a number)."""
    names = sorted(triggertable.POST_NAMES)
    for a in names:
        for b in names:
            if a != b and a.startswith(b):
                assert not re.match(r"['\u2019]s|\s+(?:[Tt]el|\d)", a[len(b):]), (a, b)


def test_posts_by_first_letter_are_the_posts_trie() -> None:
    names = triggertable.POST_NAMES - {"State", "STATE"} - set(triggertable.TAIL_POSTS)
    tails = triggertable.TAIL_POSTS
    whole = re.compile(trie(names) + "|" + "|".join(
        "(?<!" + re.escape(c[: -len(w)]).replace("\\ ", "\\s") + ")" + re.escape(w)
        for w, c in sorted(tails.items())))
    split = alternatives_by_first(names, tails)
    assert len(split) == len({w[0] for w in names | set(tails)})
    joined = re.compile("|".join(split))
    for text in [*names, *tails, *tails.values(), "Hong Kongx", "Tel Aviv", "x Aviv", "Pari"]:
        for pos in range(len(text)):
            a, b = whole.match(text, pos), joined.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)


def test_each_gated_alternative_matches_only_where_its_gate_is() -> None:
    gates = {name: re.compile("|".join(g)) for name, g in GATES.items()}
    met = set()
    for _group, alt, gate in GATED:
        pattern = re.compile(alt)
        for text in _texts()[:1500] + _MORE:
            for m in pattern.finditer(text):
                met.add(gate)
                assert gates[gate].search(text, m.start()), (alt, text)
    assert met == set(GATES)


def test_a_text_without_a_gate_is_scanned_without_the_gated_alternatives() -> None:
    matcher = candidates._MATCHER
    assert candidates._anchors("Deptel 1338 of May 4") == ([3], False)
    assert matcher.tables_for("Deptel 1338 of May 4") == (matcher.ungated.table, None)
    for text in ("Polto A-417", "IO Files, document SD/C.1/164", "an unnumbered telegram"):
        assert matcher.tables_for(text) == (matcher.ungated.table, matcher.gated.table)


@pytest.mark.parametrize("engine", ["hyperscan", "regex", "finditer"])
def test_the_anchor_scan_flags_every_text_that_holds_a_gate(engine: str) -> None:
    """The gates are looked for in the anchors' scan (by Hyperscan in its one pass, as a
    superset): a text that holds one is always flagged, and the anchors are unchanged."""
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")
    flags = tuple(a for g in GATES.values() for a in g)
    index = AnchorIndex(candidates._ANCHORS, engine, flags=flags)
    gates = [re.compile("|".join(g)) for g in GATES.values()]
    more = ["caf\u00e9 Polto A\u2013 4", "x A\u00a0\u20145", "\u00e9 IO Files,\u2003document x",
            "Unnumbered", "A-", "Files, documents"]
    held = 0
    for text in _texts()[:1500] + _MORE + more:
        positions, flag = index.scan(text)
        assert positions == [m.start() for m in candidates._ANCHORS.finditer(text)], text
        holds = any(g.search(text) for g in gates)
        assert flag or not holds, text
        if engine != "hyperscan":
            assert flag == holds, text
        held += holds
    assert held > 5


def test_first_characters_from_a_prefix_are_those_of_the_whole_alternative() -> None:
    """The dispatch reads an alternative's first characters from its shortest prefix of whole
    items that cannot be empty (``dispatch._first_of``): the same as from the whole."""
    alts = [alt for _, _, _, pat in candidates._TRIGGERS for alt in dispatch._split(pat)]
    alts += ["a?b", "x*", "(?:ab)?c", "[ab]+c", r"\bfoo", "(?=q)qq", "w*v", r"\d+x", "",
             "(?:x|y)?z", "[]a]b", "[^a]", "a{2}b", "a{0,2}b", "a{,3}?b", r"\u2019?s",
             r"(a)?\1b", r"[\]x]?y", "a+?b", r"\x41?b", "(?:a|)b", "(?:)b", "a{b"]
    for alt in alts:
        whole = dispatch._first(dispatch.sre_parse.parse(alt).data)
        assert dispatch._first_of(alt) == whole, alt
    assert dispatch._item_ends("a{0,2}b") == [6, 7]
    assert dispatch._item_ends(r"(?<!x)\u2019?[a]b") == [6, 13, 16, 17]


_RARE_TEXTS = [
    "Manuscripts and Archives, Yale University Library; Hoover Institution Archives, Stanford "
    "University; the Minnesota Historical Society; Chicago Historical Center",
    "U.S. Army Center of Military History, Washington; Naval Historical Center for Naval "
    "History; the Center for  Military\nHistory",
    "Japanese Ministry of Foreign Affairs, Tokyo; the Ministry of Foreign Affairs said",
    "12 UST 5; 33 UNTS 7; 4 LNTS 9; 48 Stat. 1; 21 Federal Register 55; 9 Fed. Reg. 3",
    "caf\u00e9 Yale\u00a0University; Center\u2003of\u2003Military History; 12\u2009UST\u20095",
]


def test_every_match_of_a_rare_alternative_holds_one_of_its_hints() -> None:
    met = 0
    for alt, hints in RARE:
        pattern = re.compile(alt)
        hint = re.compile("|".join(hints))
        for text in _texts()[:1500] + _MORE + _RARE_TEXTS:
            for m in pattern.finditer(text):
                met += 1
                assert hint.search(m.group()), (alt, m.group())
    assert met >= 12


@pytest.mark.parametrize("engine", ["hyperscan", "regex", "finditer"])
def test_the_anchor_scan_hints_every_text_that_holds_a_rare_word(engine: str) -> None:
    """Hyperscan says whether a text may hold a rare alternative's hint (a superset: never
    False where one is); the other engines do not look (always True); the anchors and the
    gates' flag are what they are without hints."""
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")
    flags = tuple(a for g in GATES.values() for a in g)
    hints = tuple(h for _, hs in RARE for h in hs)
    index = AnchorIndex(candidates._ANCHORS, engine, flags=flags, hints=hints)
    plain = AnchorIndex(candidates._ANCHORS, engine, flags=flags)
    hint_re = re.compile("|".join(hints))
    without = 0
    for text in _texts()[:1500] + _MORE + _RARE_TEXTS:
        positions, flag, hint = index.scan_hints(text)
        assert (positions, flag) == plain.scan(text), text
        holds = hint_re.search(text) is not None
        assert hint or not holds, text
        if engine != "hyperscan":
            assert hint
        without += not hint
    assert without > 100 or engine != "hyperscan"


def test_a_text_without_a_hint_finds_what_the_rare_alternatives_would() -> None:
    """Scanned without the rare alternatives where no hint is, every text gives the trigger
    matches of the scan with them."""
    original = candidates._anchors_hints

    def always(text: str) -> tuple[list[int], bool, bool]:
        return original(text)[0], original(text)[1], True

    texts = _texts()[:2000] + _MORE + _RARE_TEXTS
    fast = [[(m.start(), m.end(), m.lastgroup) for m in candidates._trigger_starts(t)]
            for t in texts]
    candidates._anchors_hints = always  # type: ignore[assignment]
    try:
        slow = [[(m.start(), m.end(), m.lastgroup) for m in candidates._trigger_starts(t)]
                for t in texts]
    finally:
        candidates._anchors_hints = original  # type: ignore[assignment]
    assert fast == slow
    assert any(g == "arch" for t in fast[-5:] for _, _, g in t)


_PAREN_FILES_TEXTS = [
    "to lose in the end.\u201d (USUN Files, IO, Membership) and (IO Files, Councils)",
    "(L/UNA Files, Folder 3); (S/S\u00a0Files, NSC); (Office of\u2003Political Files,\u00a0Memos)",
    "(Caf\u00e9 Records Files, 1950) (USUN  Files,\nIO)",
    # "Files," without an office's name opening a parenthesis: no hint
    "Source: Department of State, Central Files, 611.74/1\u2013156. Secret.",
    "(the Files, he said, were lost.) (four Files, IO) (USUN Files) Central Files, 795.00",
]


def test_paren_files_hint_is_met_wherever_an_office_s_files_open_a_parenthesis() -> None:
    """Hyperscan's pattern for "(USUN Files, ..." matches every text where the expression
    does (non-ASCII letters and spaces too), and not a text that holds "Files," alone."""
    pytest.importorskip("hyperscan")
    index = AnchorIndex(candidates._ANCHORS, "hyperscan", hints=(PAREN_FILES_HINT,))
    pattern = re.compile(PAREN_FILES)
    met = 0
    for text in _texts()[:1500] + _MORE + _PAREN_FILES_TEXTS:
        holds = pattern.search(text) is not None
        met += holds
        hint = index.scan_hints(text)[2]
        assert hint or not holds, text
        if "Files," in text and not holds:
            assert not hint, text
    assert met >= 3
    assert [index.scan_hints(t)[2] for t in _PAREN_FILES_TEXTS] == [True] * 3 + [False] * 2


def test_an_office_s_files_in_a_parenthesis_are_anchors() -> None:
    """The scan's anchors hold the name's start of each "(USUN Files, ..." (found only where
    the hint was met, with Hyperscan), as a search of every text would give them."""
    pattern = re.compile(PAREN_FILES)
    for text in _texts()[:1500] + _MORE + _PAREN_FILES_TEXTS:
        anchors = candidates._anchor_positions(text)
        assert all(m.start(1) in anchors for m in pattern.finditer(text)), text
    assert candidates._anchor_positions(_PAREN_FILES_TEXTS[0])[:2] == [
        _PAREN_FILES_TEXTS[0].index("USUN"), _PAREN_FILES_TEXTS[0].index("IO Files")
    ]
