"""The scan's shortcuts against the plain regular expressions they stand for.

``AnchorIndex.positions`` (each engine) must return exactly ``_ANCHORS.finditer``'s starts (the
same left-to-right, non-overlapping matches), and ``wordsback.words_back`` exactly the
start of ``WORD_BACK.search(text, max(0, i - 48), i)``: on the golden fixtures, the seeds
and made-up texts built from the anchors' own pieces (overlaps, newlines, dashes).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from golden import load_cases

from xref.cite import candidates, wordsback
from xref.cite.anchors import AnchorIndex
from xref.cite.dispatch import FirstCharDispatch

ROOT = Path(__file__).resolve().parents[1]

_PIECES = [
    "tel", "Tel", "to 5", "to\n7", "pp.", "p.", "/", "No.", "Documents on", "Document",
    "D123456", "P7654321", "A-1", "A\u20133", "\u2019s 4", "'s 9", "Vol", "vol", "TEL", "To",
    "Tokyo", "ibid", "Ibid", "Lot 7", "Department", "Security Council", "x", " ", "\n", ",",
    "-", "\u2013", "(", "\u00e9", "ootnote", "upra", "desp",
]


def _texts() -> list[str]:
    texts = [case.text for case in load_cases()]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "text").glob("*"))]
    rnd = random.Random(14)
    for _ in range(3000):
        texts.append("".join(rnd.choice(_PIECES) for _ in range(rnd.randrange(1, 30))))
    return texts


@pytest.mark.parametrize("engine", ["hyperscan", "regex", "finditer"])
def test_anchor_positions_are_the_anchor_regex_matches(engine: str) -> None:
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")
    index = AnchorIndex(candidates._ANCHORS, engine)
    assert index.engine == engine
    found = 0
    for text in _texts():
        expected = [m.start() for m in candidates._ANCHORS.finditer(text)]
        assert index.positions(text) == expected, text
        found += len(expected)
    assert found > 5000


def test_the_default_engine_is_the_fastest_installed() -> None:
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        assert candidates._ANCHOR_INDEX.engine == "regex"
    else:
        assert candidates._ANCHOR_INDEX.engine == "hyperscan"


def test_an_alternation_with_groups_is_read_by_finditer() -> None:
    pattern = re.compile(r"(?:ab|a)c|b")
    index = AnchorIndex(pattern)
    assert index.engine == "finditer"
    assert index.positions("abcbac b") == [m.start() for m in pattern.finditer("abcbac b")]


@pytest.mark.parametrize("engine", ["hyperscan", "regex", "finditer"])
def test_a_start_is_confirmed_by_the_first_alternative_in_order(engine: str) -> None:
    """The confirmation tries only the alternatives that can begin with the character there,
    yet keeps the alternation's order: the first that matches (not the longest) sets where
    the next anchor may start, as in ``finditer``."""
    pattern = re.compile(r"ab|abcd|cd|b[a-z]|/")
    text = "abcd abcd/bcd bb/cdab"
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")
    index = AnchorIndex(pattern, engine)
    # "ab" at 0 (not "abcd"), so "cd" at 2; "bc" at 10, "bb" at 14, "cd" at 17, "ab" at 19
    assert index.positions(text) == [0, 2, 5, 7, 9, 10, 14, 16, 17, 19]


def test_words_back_is_the_backward_search() -> None:
    for text in _texts():
        reverse = text[::-1]
        step = 1 if len(text) < 300 else 7  # every position of short texts
        places = set(range(0, len(text) + 1, step)) | set(candidates._anchor_positions(text))
        places |= {i + 1 for i, c in enumerate(text) if c == "\n"}
        for i in sorted(places):
            back = wordsback.WORD_BACK.search(text, max(0, i - 48), i)
            assert back is not None
            assert wordsback.words_back(text, reverse, i) == back.start(), (text, i)


def test_tried_starts_are_the_words_back_and_the_anchor() -> None:
    """One match of the grouped reversed pattern gives the word starts that ``finditer`` over
    the words back from an anchor gives (and the anchor itself): the scan tries the same
    places."""
    tried = 0
    for text in _texts():
        reverse = text[::-1]
        step = 1 if len(text) < 300 else 7
        places = set(range(0, len(text), step)) | set(candidates._anchor_positions(text))
        places |= {i + 1 for i, c in enumerate(text) if c == "\n"}
        for i in sorted(p for p in places if p < len(text)):
            start = wordsback.words_back(text, reverse, i)
            words = {w.start() for w in wordsback.WORD.finditer(text, start, i + 1)}
            got = wordsback.tried_starts(text, reverse, i)
            assert got[-1] == i
            assert set(got) == words | {i}, (text, i)
            assert len(got) == len(set(got)) or got.count(i) == 2
            tried += len(got)
    assert tried > 100_000


def test_trigger_dispatch_is_the_trigger_regex() -> None:
    """At every position (the word starts the scan tries and all others), the dispatch finds
    the trigger alternation finds: same group, same extent, or none."""
    dispatch = candidates._MATCHER.full
    scan = re.compile("|".join(f"(?P<{name}>{pat})" for name, _, _, pat in candidates._TRIGGERS))
    assert dispatch.full.pattern == scan.pattern
    found = 0
    texts = _texts()[:1500]
    texts += ["\u0661\u0662\u0663.45/6", "123 UST 4", "No. 5", "(No. 7", "x\u00a0Deptel 5"]
    for text in texts:
        for pos in range(len(text) + 1):
            ours = dispatch.match(text, pos)
            theirs = scan.match(text, pos)
            if theirs is None:
                assert ours is None, (text, pos)
                continue
            assert ours is not None, (text, pos)
            assert (ours.lastgroup, ours.start(), ours.end()) == (
                theirs.lastgroup, theirs.start(), theirs.end()), (text, pos)
            found += 1
    assert found > 1000


def test_first_characters_are_read_from_the_pattern() -> None:
    groups = [("a", r"\bfoo|(?:x|y)?z"), ("b", r"\d+x|(?=q)qq"), ("c", "w*v")]
    dispatch = FirstCharDispatch(groups)
    for text in ("foo", "z", "xz", "yz", "12x", "\u0663x", "qq", "v", "wwv", "q", "", "bar"):
        full = dispatch.full.match(text, 0)
        ours = dispatch.match(text, 0)
        assert (full and (full.lastgroup, full.end())) == (ours and (ours.lastgroup, ours.end()))


def test_dispatch_compiles_a_character_s_pattern_when_first_met() -> None:
    dispatch = FirstCharDispatch([(n, p) for n, _, _, p in candidates._TRIGGERS])
    assert dict(dispatch.table) == {}
    assert dispatch.match("Deptel 1338", 0) is not None
    assert set(dispatch.table) == {"D"}
    # "d" and "D" start different alternatives; "§" none but those that may start anywhere
    assert dispatch.match("desp 7", 0) is not None and set(dispatch.table) == {"D", "d"}
    assert dispatch.match("\u00a7 5", 0) is None


def test_hyperscan_database_is_kept_in_the_private_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("hyperscan")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = AnchorIndex(candidates._ANCHORS, "hyperscan")
    assert first._hs is not None and not first._hs.cached
    files = list((tmp_path / "xref").glob("anchors-*.db"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o777 == 0o600
    second = AnchorIndex(candidates._ANCHORS, "hyperscan")
    assert second._hs is not None and second._hs.cached
    for text in _texts()[:400]:
        assert second.positions(text) == first.positions(text), text
    # a damaged file is compiled again and replaced
    files[0].write_bytes(b"not a database")
    third = AnchorIndex(candidates._ANCHORS, "hyperscan")
    assert third._hs is not None and not third._hs.cached
    assert third.positions("see Deptel 1338") == first.positions("see Deptel 1338")
    assert AnchorIndex(candidates._ANCHORS, "hyperscan")._hs.cached  # type: ignore[union-attr]
    # another user's or a world-writable file is not read
    files[0].chmod(0o666)
    assert not AnchorIndex(candidates._ANCHORS, "hyperscan")._hs.cached  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "See vol. 4, p. 5, and Vol XII; volume 3; vols. 1-2 and vol.7 of it.",
        "American Foreign Policy, 1950-1955: Basic Documents, p. 12; the Americans were "
        "involved in 5 revolutions.",
        "Library of Congress, Manuscript Division, Harriman Papers; Congressional Record, "
        "vol. 101, p. 981.",
        "Department of Defense, Files of the Secretary; the Department of Defense 12 said so.",
        "CIA Files, Job 79-01228A; CIA said 5; Source: CIA Files, Job 80.",
        "National Security Council, Records; Joint Chiefs of Staff, JCS 1907/1; Defense 4 to "
        "Paris.",
        "Deptel 5; Deptels 6 and 7; Embtel\n8; see reftel. Moscow tel. 9; Moscow telegram 10; "
        "Telegram 11; Telmar 12; Reftel; Niactel 13 intelligence by telephone at the Hotel 4; "
        "Circular telegram 14; Tel Aviv 15; TEL AVIV 16; DEPTEL 17; reftel",
        "The Department of State Bulletin, vol. 4; the Department said; Department of the Army, "
        "G-2 Files; Foreign Relations, 1950, p. 4; the Foreign Minister; Central Foreign Policy "
        "Files; Ministry of Foreign Affairs, Tokyo; Documents on American Foreign Relations, 1955",
    ],
)
def test_narrowed_anchors_still_reach_every_trigger(text: str) -> None:
    """Where an anchor was narrowed or dropped (a trigger served by another anchor), the scan
    still finds every trigger match that trying the trigger alternation at every position
    finds."""
    full = candidates._MATCHER.full.full
    brute = {(p, m.lastgroup) for p in range(len(text)) if (m := full.match(text, p))}
    scanned = {(m.start(), m.lastgroup) for m in candidates._trigger_starts(text)}
    assert scanned == brute
    assert brute  # each text has triggers


@pytest.mark.parametrize("engine", ["hyperscan", "regex"])
def test_starts_with_class_escape_and_optional_heads_are_finditer_s(engine: str) -> None:
    """Each engine's starts, confirmed by the alternation, are ``finditer``'s for
    alternatives that begin with a class, an escape, ``\\uXXXX`` or an optional item."""
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")
    cases = [
        (re.compile(r"[abc]d|\.e|c"), "ad bd .e \u2019s cd"),
    ]
    if engine == "hyperscan":  # (the regex engine's finders read neither of these heads)
        cases.append((re.compile(r"x?ab|q"), "ab xab qab"))
        cases.append((re.compile(r"\u2019s|s"), "ab \u2019s s"))
    for pattern, text in cases:
        index = AnchorIndex(pattern, engine)
        assert index.positions(text) == [m.start() for m in pattern.finditer(text)], pattern


def test_a_dispatch_without_some_alternatives_is_one_made_without_them() -> None:
    groups = [("a", r"\bab|x[yz]+|\bq"), ("b", r"\bq\d|y"), ("c", r"\d+")]
    whole = FirstCharDispatch(groups)
    less = whole.without(frozenset({r"x[yz]+", r"\bq", r"\d+"}))
    made = FirstCharDispatch([("a", r"\bab"), ("b", r"\bq\d|y")])
    text = "ab xyz q1 y 12 q xz"
    for p in range(len(text) + 1):
        got, want = less.match(text, p), made.match(text, p)
        assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup))
    assert whole.match(text, 3) is not None and less.match(text, 3) is None
