"""The find path's shortcuts (issue 14): the parse memo, the paused garbage collector, the
token walk. Each must give what the plain path gives."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from lark import Token, Tree

from xref.cite import find, parser
from xref.cite.families.base import first_token, tokens_of
from xref.cite.lalr import Automaton, Outcome
from xref.cite.models import Citation


class _Counting:
    """The automaton, counting the parses it runs."""

    def __init__(self, automaton: Automaton) -> None:
        self.automaton = automaton
        self.calls = 0

    def parse_prefix(self, window: str, rule: str) -> Outcome:
        self.calls += 1
        return self.automaton.parse_prefix(window, rule)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Counting]:
    counter = _Counting(parser.get_automaton())
    monkeypatch.setattr(parser, "get_automaton", lambda: counter)
    monkeypatch.setattr(parser, "_MEMO", {})
    yield counter


def test_an_equal_window_is_parsed_once_and_placed_at_its_own_start(counting: _Counting) -> None:
    text = "See Deptel 1338.\n\nAlso Deptel 1338.\n\nDeptel 1339."
    first = parser.parse_prefix(text, 4, "telegram", 16)
    second = parser.parse_prefix(text, 23, "telegram", 35)
    assert counting.calls == 1
    assert isinstance(first, parser.Parsed) and isinstance(second, parser.Parsed)
    assert (first.start, first.end) == (4, 15)
    assert (second.start, second.end) == (23, 34)
    assert text[second.start : second.end] == "Deptel 1338"
    third = parser.parse_prefix(text, 37, "telegram")
    assert counting.calls == 2  # another window is parsed
    assert isinstance(third, parser.Parsed) and text[third.start : third.end] == "Deptel 1339"


def test_a_failure_is_remembered_with_its_position_moved(counting: _Counting) -> None:
    text = "Deptel of\n\nDeptel of"
    first = parser.parse_prefix(text, 0, "telegram", 9)
    second = parser.parse_prefix(text, 11, "telegram")
    assert counting.calls == 1
    assert isinstance(first, parser.ParseFailure) and isinstance(second, parser.ParseFailure)
    assert second.position - second.start == first.position - first.start
    assert second.expected == first.expected


def test_the_memo_keeps_the_most_recently_used_windows(counting: _Counting) -> None:
    size = parser.MEMO_SIZE
    parser.parse_prefix("Deptel 0", 0, "telegram")
    for n in range(1, size + 5):
        parser.parse_prefix(f"Deptel {n}", 0, "telegram")
        parser.parse_prefix("Deptel 0", 0, "telegram")  # used again: kept
    assert len(parser._MEMO) == size
    assert ("telegram", "Deptel 0") in parser._MEMO
    assert ("telegram", "Deptel 1") not in parser._MEMO
    assert counting.calls == size + 5


def test_find_with_the_memo_equals_find_without(monkeypatch: pytest.MonkeyPatch) -> None:
    notes = [
        "Source: Department of State, Central Files, 611.74/1-156. Secret.",
        "Ibid.",
        "Source: Department of State, Central Files, 611.74/1-156. Secret.",
        "See Document 243 and Deptel 1338 from Paris.",
        "Ibid.",
    ]
    monkeypatch.setattr(parser, "_MEMO", {})
    with_memo = [find.find_citations(t) for t in notes]
    assert parser._MEMO
    plain: list[list[Citation]] = []
    for t in notes:
        monkeypatch.setattr(parser, "_MEMO", {})
        plain.append(find.find_citations(t))
    assert with_memo == plain
    assert [c.text for c in plain[2]] == ["Department of State, Central Files, 611.74/1-156"]


def test_the_collector_is_paused_during_a_call_and_resumed_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []
    real = find._find

    def spy(*args: object) -> list[Citation]:
        seen.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(find, "_find", spy)
    assert gc.isenabled()
    assert [c.text for c in find.find_citations("Deptel 1338")] == ["Deptel 1338"]
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_resumed_when_the_call_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> list[Citation]:
        raise RuntimeError("boom")

    monkeypatch.setattr(find, "_find", boom)
    with pytest.raises(RuntimeError):
        find.find_citations("Deptel 1338")
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    try:
        assert [c.text for c in find.find_citations("Deptel 1338")] == ["Deptel 1338"]
        assert not gc.isenabled()
    finally:
        gc.enable()


def _tokens_recursive(node: Tree[Token] | Token) -> Iterator[Token]:
    if isinstance(node, Token):
        yield node
    else:
        for child in node.children:
            yield from _tokens_recursive(child)


def test_tokens_of_walks_the_tree_in_text_order() -> None:
    a, b, c, d = (Token(t, v) for t, v in [("A", "a"), ("B", "b"), ("C", "c"), ("B", "d")])
    tree = Tree("r", [a, Tree("x", [Tree("y", [b]), c]), Tree("z", []), d])
    assert list(tokens_of(tree)) == [a, b, c, d]
    assert [t.type for t in tokens_of(tree)] == ["A", "B", "C", "B"]
    assert list(tokens_of(c)) == [c]
    assert first_token(tree, "B") is b
    parsed = parser.parse_prefix("Department of State, Central Files, 611.74/1-156", 0, "archival")
    assert isinstance(parsed, parser.Parsed)
    assert list(tokens_of(parsed.tree)) == list(_tokens_recursive(parsed.tree))


def _tok(type_: str, value: str, start: int) -> Token:
    return Token(type_, value, start_pos=start, end_pos=start + len(value))


def test_a_nodes_span_runs_from_its_first_token_to_its_last() -> None:
    from xref.cite.families.base import BuilderBase

    source = "xx, vol. 7 and 9"
    vol, seven, nine = _tok("VOL", ", vol.", 2), _tok("INT", "7", 9), _tok("INT", "9", 15)
    builder = BuilderBase(source=source, offset=0)
    # empty subtrees first and last: the walk goes on to the tokens around them
    tree = Tree("r", [Tree("e", []), Tree("a", [Tree("e", []), vol]), Tree("b", [seven]),
                      Tree("c", [nine, Tree("e", [])]), Tree("e", [Tree("e", [])])])
    span = builder.span(tree)
    assert (span.start, span.end) == (4, 16)  # ", vol." starts at its word
    assert source[span.start : span.end] == "vol. 7 and 9"
    assert builder.span(Tree("b", [seven])) == builder.span(seven)
    inner = Tree("r", [Tree("a", [vol]), Tree("b", [seven])])
    assert (builder.span(inner).start, builder.span(inner).end) == (4, 10)


def test_a_volume_s_century_is_read_once_and_kept() -> None:
    find._numbers_documents.cache_clear()
    old = find.find_citations("See No. 12.", volume="frus1861")
    again = find.find_citations("See No. 13.", volume="frus1861")
    new = find.find_citations("See No. 12.", volume="frus1961-63v05")
    info = find._numbers_documents.cache_info()
    assert (info.misses, info.hits) == (2, 1)
    # in a 19th-century volume "No. N" names a document, in a later one it does not
    assert [c.kind for c in old] == [c.kind for c in again] == ["document"]
    assert new == []
