"""The lean LALR driver (xref.cite.lalr) against Lark's interactive parser, on real citations.

``parse_prefix`` runs the grammar's automaton with xref's own loop; ``parse_prefix_lark``
feeds Lark's interactive parser token by token. On every candidate of the golden fixtures and
the plain-text seeds both must give the same extent, the same tokens (type, text, offsets,
lines, columns) and the same tree, or fail at the same place expecting the same terminals.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from golden import load_cases
from lark import Token, Tree

from xref.cite.candidates import scan
from xref.cite.find import _window_end
from xref.cite.parser import Parsed, ParseFailure, parse_prefix, parse_prefix_lark

ROOT = Path(__file__).resolve().parents[1]


def _shape(node: Tree[Token] | Token) -> Any:
    if isinstance(node, Token):
        return (node.type, str(node), node.start_pos, node.end_pos, node.line, node.column,
                node.end_line, node.end_column)
    return (node.data, tuple(_shape(c) for c in node.children))


def _outcome(result: Parsed | ParseFailure) -> Any:
    if isinstance(result, Parsed):
        return ("parsed", result.start, result.end, result.rule, _shape(result.tree))
    return ("failed", result.start, result.position, result.expected, result.rule)


def _texts() -> list[str]:
    texts = [case.text for case in load_cases()]
    seeds = sorted((ROOT / "fixtures" / "text").glob("*"))
    texts += [p.read_text(encoding="utf-8") for p in seeds]
    # made-up edges: lists, a failure after a complete citation, nothing after a trigger
    texts += [
        "Deptels 1338 and 1339 from London, December 7, 1962.",
        "See Document 243 and footnote 4 thereto; also Document 12-16.",
        "Telegram 1531 from London, December",
        "Deptel",
        "Deptel 1338,",
        "footnote 3, Document",
        "Ibid., 737.56361/12-1262; Ball Files; Lot 74 D 272, Telephone Conversations--Cuba.",
        "Foreign Relations, 1958-1960, vol. VI, pp. 123-125 (Document 15)",
        "Embtel 12\n\nnext paragraph",
    ]
    return texts


def _runs() -> list[tuple[str, int, str, int]]:
    runs = []
    for text in _texts():
        for cand in scan(text):
            tried = {(cand.start, cand.rule), (cand.trigger, cand.trigger_rule or cand.rule)}
            for start, rule in tried:
                runs.append((text, start, rule, _window_end(text, start)))
                runs.append((text, start, rule, len(text)))
    return runs


def test_lean_driver_agrees_with_lark_on_every_candidate() -> None:
    kinds: Counter[str] = Counter()
    for text, start, rule, end in _runs():
        ours = _outcome(parse_prefix(text, start, rule, end))
        theirs = _outcome(parse_prefix_lark(text, start, rule, end))
        assert ours == theirs, (text[start:start + 80], rule)
        kinds[ours[0]] += 1
    assert kinds["parsed"] > 500, kinds  # the comparison is of real work


@pytest.mark.parametrize(
    "text, rule",
    [("Deptel 1338 and", "telegram"), ("Document", "ref"), ("Lot 74 D", "archival"),
     ("ibid., p.", "ibid"), ("zzz", "telegram"), ("", "ref")],
)
def test_lean_driver_fails_where_lark_fails(text: str, rule: str) -> None:
    ours = parse_prefix(text, 0, rule)
    assert _outcome(ours) == _outcome(parse_prefix_lark(text, 0, rule))
    if text in ("Document", "zzz", ""):
        assert isinstance(ours, ParseFailure)


def test_grammar_cache_is_private_to_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xref.cite.parser import _cache_file, grammar_text

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    name = _cache_file(grammar_text())
    assert isinstance(name, str) and name.startswith(str(tmp_path / "xref"))
    assert (tmp_path / "xref").stat().st_mode & 0o777 == 0o700
    # another grammar, another file (Lark also checks the hash inside)
    assert _cache_file(grammar_text() + "\n") != name
    # a cache folder others may write to is not used
    (tmp_path / "xref").chmod(0o777)
    assert _cache_file(grammar_text()) is False


@pytest.mark.parametrize(
    "text, rule, kept",
    [("Telegram 1531 from London, December \u00a7", "telegram", True),
     ("Department of State, Central Files, 611.74/1-156; Lot \u00a7", "archival", True),
     ("Deptel \u00a7", "telegram", False), ("\u00a7", "ref", False)],
)
def test_whole_grammar_lexer_asked_only_for_a_failure(
    text: str, rule: str, kept: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the state's lexer gave up is worked out with the whole grammar's lexer only for
    an outcome without a tree (a kept parse never reports it); the answer is Lark's."""
    from xref.cite.lalr import Automaton
    from xref.cite.parser import get_automaton

    asked: list[int] = []
    lex_failure = Automaton._lex_failure

    def counted(self: Automaton, *args: Any) -> Any:
        asked.append(1)
        return lex_failure(self, *args)

    monkeypatch.setattr(Automaton, "_lex_failure", counted)
    outcome = get_automaton().parse_prefix(text, rule)
    assert (outcome.tree is not None) == kept
    assert asked == ([] if kept else [1])
    ours = parse_prefix(text + " ", 0, rule)  # (past the memo of parse_prefix)
    assert _outcome(ours) == _outcome(parse_prefix_lark(text + " ", 0, rule))
