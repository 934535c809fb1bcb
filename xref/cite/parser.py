"""The one LALR parser over ``grammars/citation.lark``, and longest-prefix parsing.

The scanner (:mod:`xref.cite.candidates`) starts a parse at a trigger word; the citation ends
wherever the grammar stops accepting, so the parser reads the *longest prefix* of the text
that is a complete citation. That is done with Lark's interactive parser: tokens are fed
one at a time and every point where the input could end is remembered.

Lark exceptions never leave this module: a failed parse is a :class:`ParseFailure` value
(:func:`xref.cite.find.parse_citation` turns it into :class:`xref.errors.CitationSyntaxError`).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import sys
from pathlib import Path
from typing import NamedTuple

import lark
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from xref.cite.cachefiles import private_cache_file
from xref.cite.lalr import Automaton, Outcome

__all__ = [
    "START_RULES",
    "ParseFailure",
    "Parsed",
    "get_automaton",
    "get_parser",
    "grammar_text",
    "parse_prefix",
    "parse_prefix_lark",
]

START_RULES: tuple[str, ...] = (
    "telegram",
    "ref",
    "archival",
    "ibid",
    "despatch",
    "airgram",
    "other_pub",
    "page",
)
"""The grammar's start rules; the scanner picks one per trigger."""

_GRAMMAR = "citation.lark"


class Parsed(NamedTuple):
    """A successful parse of ``text[start:end]`` as rule ``rule``.

    (A named tuple, not a frozen attrs class: one is made for every parse, at a third of
    the cost.)"""

    tree: lark.Tree[lark.Token]
    start: int
    end: int
    rule: str


class ParseFailure(NamedTuple):
    """No citation could be read at ``start``; ``position`` is where the grammar gave up."""

    start: int
    position: int
    expected: tuple[str, ...]
    rule: str


def grammar_text() -> str:
    """The grammar's source: inside the installed package, or the repository's ``grammars/``."""
    packaged = importlib.resources.files("xref").joinpath(f"grammars/{_GRAMMAR}")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    repo = Path(__file__).resolve().parents[2] / "grammars" / _GRAMMAR
    return repo.read_text(encoding="utf-8")


def _cache_file(grammar: str) -> str | bool:
    """Where Lark keeps the analysed grammar: a file in the user's own cache directory
    (:func:`~xref.cite.cachefiles.private_cache_file`), named after the grammar's hash and
    the Lark and Python versions; False (no cache) when that directory cannot be made private.

    Not Lark's default, a shared temporary directory: Lark unpickles the file it finds there,
    and anyone can put a file in ``/tmp``.
    """
    digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()[:16]
    py = "".join(map(str, sys.version_info[:2]))
    path = private_cache_file(f"lark-{digest}-{lark.__version__}-py{py}.pickle")
    return False if path is None else str(path)


@functools.cache
def get_parser() -> lark.Lark:
    """Build the LALR parser once (cached for the life of the process).

    The analysed grammar is kept in Lark's cache (:func:`_cache_file`; Lark checks it against
    the grammar's and the options' hash), so a new process loads the parse table instead of
    building it: half the start-up time.
    """
    grammar = grammar_text()
    return lark.Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        start=list(START_RULES),
        propagate_positions=True,
        maybe_placeholders=False,
        cache=_cache_file(grammar),
    )


@functools.cache
def get_automaton() -> Automaton:
    """The parser's automaton with the lean driver (trees without ``meta`` positions: the
    builders read the tokens' offsets), built once."""
    return Automaton(get_parser(), positions=False)


MEMO_SIZE = 256
"""How many of the most recently used windows :func:`parse_prefix` remembers. Repeats come
close together (a volume's source notes, footnotes' "Ibid."): on the throughput sample 256
windows catch 350 of the 423 repeats among 3,548 parses, and a benchmark that runs the same
texts again (over 3,000 distinct windows a pass) gets no hit from its earlier runs."""

_MEMO: dict[tuple[str, str], Outcome] = {}
"""The outcome of each recent (rule, window): source notes repeat the same windows ("Ibid.",
"Department of State, Central Files, 611.74/1-156. Secret.") thousands of times. A parse is a
function of the rule and the window alone (tokens' offsets are relative to the window, the
lexicon is read by the builders, not the parser), and the trees are never changed after
parsing, so one outcome serves every equal window. A dict in use order: a hit is moved
to the end, the first entry is the least recently used."""


def parse_prefix(text: str, start: int, rule: str, end: int | None = None) -> Parsed | ParseFailure:
    """Parse the longest prefix of ``text[start:end]`` that is a complete ``rule``.

    Offsets in the returned tree's tokens are relative to ``start``. Runs the grammar's
    automaton with the lean driver of :mod:`xref.cite.lalr` (the same result as
    :func:`parse_prefix_lark`, several times faster); an equal window parsed recently is
    not parsed again (:data:`_MEMO`).
    """
    window = text[start:end] if end is not None else text[start:]
    key = (rule, window)
    found = _MEMO.pop(key, None)
    if found is None:
        found = get_automaton().parse_prefix(window, rule)
        if len(_MEMO) >= MEMO_SIZE:
            try:
                del _MEMO[next(iter(_MEMO))]  # the least recently used
            except (KeyError, RuntimeError, StopIteration):
                pass  # another thread changed the memo meanwhile: it stays bounded
    _MEMO[key] = found  # (again) the most recent
    if found.tree is None:
        return ParseFailure(
            start=start, position=start + found.failed_at, expected=found.expected, rule=rule
        )
    return Parsed(tree=found.tree, start=start, end=start + found.accept, rule=rule)


def parse_prefix_lark(
    text: str, start: int, rule: str, end: int | None = None
) -> Parsed | ParseFailure:
    """:func:`parse_prefix` with Lark's interactive parser, token by token: the reference
    that :mod:`xref.cite.lalr` must agree with (the tests compare them)."""
    window = text[start:end] if end is not None else text[start:]
    parser = get_parser()
    ip = parser.parse_interactive(window, start=rule)
    state = ip.parser_state
    states = state.parse_conf.parse_table.states
    last_accept = -1  # end offset of the last token after which the input could end
    last_end = 0
    expected: tuple[str, ...] = ()
    failed_at = len(window)
    try:
        for token in ip.lexer_thread.lex(state):  # type: ignore[no-untyped-call]
            state.feed_token(token)
            last_end = token.end_pos if token.end_pos is not None else last_end
            if "$END" in states[state.position]:
                last_accept = last_end
    except UnexpectedCharacters as exc:
        failed_at = exc.pos_in_stream if exc.pos_in_stream is not None else last_end
        expected = tuple(sorted(exc.allowed or ()))
    except UnexpectedToken as exc:
        failed_at = exc.token.start_pos if exc.token.start_pos is not None else last_end
        expected = tuple(sorted(exc.expected or ()))
    if last_accept < 0:
        return ParseFailure(start=start, position=start + failed_at, expected=expected, rule=rule)
    if last_accept == last_end:
        # the common case: the citation ends at the last token read; finish this parse
        try:
            tree = ip.feed_eof()  # type: ignore[no-untyped-call]
            return Parsed(tree=tree, start=start, end=start + last_accept, rule=rule)
        except UnexpectedInput:
            pass
    # the grammar gave up after the last complete citation: parse exactly that prefix
    try:
        tree = parser.parse(window[:last_accept], start=rule)
    except UnexpectedInput:
        return ParseFailure(start=start, position=start + failed_at, expected=expected, rule=rule)
    return Parsed(tree=tree, start=start, end=start + last_accept, rule=rule)
