"""The lean driver's lexers by first character (xref.cite.lalr) against Lark's own scanners.

Each parser state's lexer tries, at a character, only the terminals that can start with it
(``_StateLexer.table``). At every position of real and made-up texts, in every state the
parses reach, the token it reads (its type and extent) must be the one Lark's scanner for
that state reads, and nothing where Lark's reads nothing: a terminal whose first characters
were misread would fail here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from golden import load_cases

from xref.cite.find import find_citations
from xref.cite.lalr import _ByFirstChar, _first_char_table, _StateLexer, _Whole
from xref.cite.parser import get_automaton
from xref.read.tei import read_volume

ROOT = Path(__file__).resolve().parents[1]

_MADE_UP = [
    "Deptels 1338 and 1339 from London, December 7, 1962; Ibid., 611.74/1–156. Secret.",
    "Department of State, Central Files, POL 27 CYP. Confidential. (Document 243)",
    "National Archives, RG 59, S/S–NSC (Miscellaneous) Files: Lot 66 D 95, Box 3, Folder 1",
    "footnote 2, Document 6; Foreign Relations, 1958–1960, vol. VI, pp. 123–125",
    "Telegram 340 to Sofia, January 19; mytel 5, January 3; Ref: State 254365.\n\nA–79 ",
    "ſecto 12, Kelvin \u212a, İstanbul’s 206, DEPTEL 1338, ibid. 12\u00a0May, “Embtel 4”",
]


def _state_lexers() -> list[tuple[_StateLexer, Any]]:
    """Every state lexer the parses so far reached, with Lark's scanner for it."""
    automaton = get_automaton()
    basic = automaton.lexers._basic
    seen: dict[int, tuple[_StateLexer, Any]] = {}
    for state, lexer in list(automaton.lexers.items()):
        seen.setdefault(id(lexer), (lexer, basic[state].scanner))
    return list(seen.values())


def _lark_token(scanner: Any, text: str, pos: int) -> tuple[str, str] | None:
    for mre in scanner._mres:
        m = mre.match(text, pos, len(text))
        if m:
            return m.group(0), m.lastgroup
    return None


def _ours(lexer: _StateLexer, text: str, pos: int) -> tuple[str, str] | None:
    for match in lexer.table[text[pos]]:
        m = match(text, pos, len(text))
        if m is not None:
            return m.group(0), m.lastgroup  # type: ignore[return-value]
    return None


def _compare(texts: list[str]) -> int:
    for text in texts:
        find_citations(text)  # reach the states these texts' parses reach
    lexers = _state_lexers()
    assert lexers
    tokens = 0
    for text in texts:
        for lexer, scanner in lexers:
            for pos in range(len(text)):
                theirs = _lark_token(scanner, text, pos)
                assert _ours(lexer, text, pos) == theirs, (text[pos : pos + 40], pos)
                tokens += theirs is not None
    return tokens


def test_each_state_reads_the_token_lark_reads_at_every_position() -> None:
    texts = [case.text for case in load_cases()][::20] + _MADE_UP
    assert _compare(texts) > 3_000  # the comparison is of real work


def test_a_real_volume_is_lexed_as_lark_lexes_it(corpus_dir: Path) -> None:
    volume = read_volume(corpus_dir / "frus1964-68v16.xml")
    texts = [c.text for d in volume.documents[:6] for c in d.containers() if c.text]
    assert _compare(texts) > 3_000


def test_the_states_lexers_are_read_by_first_character() -> None:
    find_citations(" ".join(_MADE_UP))
    lexers = _state_lexers()
    by_char = [(lx.table, sc) for lx, sc in lexers if isinstance(lx.table, _ByFirstChar)]
    assert len(by_char) == len(lexers)  # Lark's patterns were all read terminal by terminal
    # a character tries fewer terminals than the state holds, each with fewer alternatives
    for table, scanner in by_char:
        tried = table["D"]
        assert len(tried) <= len(scanner.terminals)
        assert sum(len(m.__self__.pattern) for m in tried) <= len(scanner._mres[0].pattern)
    assert any(len(table["D"]) < len(scanner.terminals) for table, scanner in by_char)
    assert any(table["\u2603"] == () for table, _ in by_char)  # nothing starts with a snowman


def test_a_terminal_s_patterns_are_shared_by_the_states_that_hold_it() -> None:
    find_citations(" ".join(_MADE_UP))
    seen: dict[str, set[int]] = {}
    for lexer, _ in _state_lexers():
        for match in lexer.table[","]:
            seen.setdefault(match.__self__.pattern, set()).add(id(match.__self__))
    assert seen and all(len(ids) == 1 for ids in seen.values())


class _Scanner:
    """A scanner whose compiled pattern is not the alternation of its terminals."""

    def __init__(self, mres: list[re.Pattern[str]]) -> None:
        self._mres = mres
        self.terminals: list[Any] = []
        self.re_ = re
        self.g_regex_flags = 0
        self.use_bytes = False


@pytest.mark.parametrize(
    "mres, text, token",
    [
        ([re.compile(r"(?P<A>ab)|(?P<B>a)")], "ab", ("ab", "A")),
        ([re.compile(r"(?P<A>x)"), re.compile(r"(?P<B>a)|(?P<C>ab)")], "ab", ("a", "B")),
    ],
)
def test_a_scanner_not_read_by_terminal_is_matched_whole(
    mres: list[re.Pattern[str]], text: str, token: tuple[str, str]
) -> None:
    table = _first_char_table(_Scanner(mres))
    assert isinstance(table, _Whole)
    (match,) = table[text[0]]
    m = match(text, 0, len(text))
    assert m is not None and (m.group(0), m.lastgroup) == token
