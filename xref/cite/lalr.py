"""A lean driver for the grammar's LALR parser: longest-prefix parsing without Lark's
per-token machinery.

Lark's interactive parser costs about 35 µs a token (a lexer state, a line counter, a
generator, an interactive-parser wrapper, an exception per failed parse). This module runs
the *same* automaton: Lark's own parse table, its contextual lexer's compiled regular
expressions (one per parser state, in Lark's terminal order), its terminal callbacks and its
tree-building callbacks (so the trees, tokens, positions and ``meta`` are Lark's). Only the
loop is ours, and a failed parse is a value, not an exception.

Every decision mirrors Lark 1.x (``lark.lexer.ContextualLexer.lex``,
``lark.parsers.lalr_parser_state.ParserState.feed_token``,
``lark.parsers.lalr_parser._Parser.parse_from_state``): the tests run both on the golden
fixtures and on every candidate of the sample corpus and require identical results.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

import lark
from lark import Token, Tree
from lark.parse_tree_builder import ParseTreeBuilder
from lark.parsers.lalr_analysis import Shift

from xref.cite.dispatch import FirstCharDispatch

__all__ = ["Automaton", "Outcome"]

_Matches = tuple[Callable[[str, int, int], "re.Match[str] | None"], ...]
_Table = Mapping[str, _Matches]


@functools.cache
def _terminal(name: str, pattern: str) -> FirstCharDispatch:
    """One terminal's patterns by first character (shared by every state that holds it: a
    pattern is compiled once per terminal and character, not once per state)."""
    return FirstCharDispatch([(name, pattern)])


class _ByFirstChar(dict[str, _Matches]):
    """A state's terminals by the character a token starts with: for each character, the
    ``match`` of each terminal that can start with it (only its alternatives that can), in
    Lark's order; tried in turn, the first that matches wins, as in Lark's one alternation."""

    def __init__(self, groups: list[tuple[str, str]]) -> None:
        super().__init__()
        self._groups = groups

    def __missing__(self, c: str) -> _Matches:
        found = []
        for name, pattern in self._groups:
            compiled = _terminal(name, pattern).table[c]
            if compiled is not None:
                found.append(compiled.match)
        matches = self[c] = tuple(found)
        return matches


class _Whole(dict[str, _Matches]):
    """The same pattern at every character: for a scanner whose terminals cannot be read
    one by one (:func:`_first_char_table`)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        super().__init__()
        self._matches: _Matches = (pattern.match,)

    def __missing__(self, c: str) -> _Matches:
        return self._matches


def _first_char_table(scanner: Any) -> _Table:
    """The scanner's match by the character it starts at (:class:`_ByFirstChar`): the
    terminals that can start with it, each with just its alternatives that can
    (:class:`xref.cite.dispatch.FirstCharDispatch`), in Lark's order. Lark tries its one
    alternation of every terminal, and the first alternative that matches wins; the others
    cannot match there, so the token (its type, ``lastgroup``, and its extent) is the same.
    Used only when Lark's compiled pattern is exactly the alternation of the terminals'
    patterns read here (Lark's ``Scanner._build_mres``), else the whole pattern is tried."""
    mres = scanner._mres
    groups = [(t.name, t.pattern.to_regexp()) for t in scanner.terminals]
    whole = "|".join(f"(?P<{name}>{pattern})" for name, pattern in groups)
    if (
        scanner.re_ is re
        and not scanner.g_regex_flags
        and not scanner.use_bytes
        and [m.pattern for m in mres] == [whole]
    ):
        return _ByFirstChar(groups)
    if len(mres) == 1:
        return _Whole(mres[0])
    # (Lark split the alternation in order; joined, the first terminal that matches wins)
    return _Whole(re.compile("|".join(m.pattern for m in mres), mres[0].flags))


class _StateLexer:
    """One parser state's lexer: Lark's scanner regexes for the terminals it accepts, by the
    character a token starts with (``table``)."""

    __slots__ = ("table", "ignore", "newline", "callback", "allowed")

    def __init__(self, basic: Any) -> None:
        scanner = basic.scanner  # built lazily by Lark; this builds it
        self.table: _Table = _first_char_table(scanner)
        self.ignore: frozenset[str] = basic.ignore_types
        self.newline: frozenset[str] = basic.newline_types
        self.callback: dict[str, Callable[[Token], Token]] = dict(basic.callback)
        allowed = set(scanner.allowed_types) - set(basic.ignore_types)
        self.allowed: frozenset[str] = frozenset(allowed or {"<END-OF-FILE>"})


class _Lexers(dict[int, _StateLexer]):
    """Each parser state's lexer, built when the state is first reached (Lark compiles its
    scanners lazily too: most states are never reached by most texts)."""

    def __init__(self, basic: dict[int, Any]) -> None:
        super().__init__()
        self._basic = basic
        self._by_id: dict[int, _StateLexer] = {}

    def __missing__(self, state: int) -> _StateLexer:
        basic = self._basic[state]
        lexer = self._by_id.get(id(basic))
        if lexer is None:
            lexer = self._by_id[id(basic)] = _StateLexer(basic)
        self[state] = lexer
        return lexer


class _Actions(dict[int, dict[str, tuple[bool, Any]]]):
    """Each parser state's actions, resolved when the state is first reached: for a terminal
    or nonterminal, ``(True, next state)`` (a shift, or the goto after a reduction) or
    ``(False, (size, origin, callback))`` (a reduction: the values it pops, the nonterminal it
    pushes, its tree callback). Lark's table names a reduction by its ``Rule``, whose hash is
    computed in Python at every lookup: resolved once here, not at every token."""

    def __init__(
        self,
        states: dict[int, dict[str, tuple[Any, Any]]],
        reductions: dict[Any, tuple[int, str, Callable[[Any], Any] | None]],
    ) -> None:
        super().__init__()
        self._states = states
        self._reductions = reductions

    def __missing__(self, state: int) -> dict[str, tuple[bool, Any]]:
        resolved = {
            symbol: (True, arg) if action is Shift else (False, self._reductions[arg])
            for symbol, (action, arg) in self._states[state].items()
        }
        self[state] = resolved
        return resolved


class Outcome:
    """What one longest-prefix parse found (offsets relative to the parsed window).

    ``tree`` is the parse of ``window[:accept]`` when ``accept >= 0`` (``failed_at`` is then
    -1 and ``expected`` empty: not worked out); else (or when the accepted prefix could not
    be finished) ``tree`` is None and ``failed_at`` / ``expected`` say where the grammar gave
    up and what it wanted there.
    """

    __slots__ = ("tree", "accept", "failed_at", "expected")

    def __init__(
        self, tree: Any, accept: int, failed_at: int, expected: tuple[str, ...]
    ) -> None:
        self.tree = tree
        self.accept = accept
        self.failed_at = failed_at
        self.expected = expected


class _Failed(Exception):
    """Internal: a parse stopped (the lexer or the parser gave up)."""

    def __init__(self, position: int, expected: frozenset[str] | set[str]) -> None:
        self.position = position
        self.expected = expected


class Automaton:
    """The grammar's LALR automaton and contextual lexer, taken from a built Lark parser.

    With ``positions=False`` the trees are built without Lark's ``propagate_positions``
    (their ``meta`` is empty; tokens keep every position): what :mod:`xref.transform` reads,
    at about half the cost of a node.
    """

    def __init__(self, parser: lark.Lark, *, positions: bool = True) -> None:
        frontend: Any = parser.parser
        inner: Any = frontend.parser.parser  # lark.parsers.lalr_parser._Parser
        table = inner.parse_table
        self.states: dict[int, dict[str, tuple[Any, Any]]] = table.states
        self.start_states: dict[str, int] = table.start_states
        self.end_states: dict[str, int] = table.end_states
        self.callbacks: dict[Any, Callable[[Any], Any]] = inner.callbacks
        if not positions:
            builder = ParseTreeBuilder(parser.rules, Tree, False, False, False)  # type: ignore[no-untyped-call]
            self.callbacks = builder.create_callback()  # type: ignore[no-untyped-call]
        # per rule: how many values it pops, the nonterminal it pushes, its tree callback
        self._reductions: dict[Any, tuple[int, str, Callable[[Any], Any] | None]] = {
            rule: (len(rule.expansion), rule.origin.name, self.callbacks.get(rule))
            for actions in self.states.values()
            for action, rule in actions.values()
            if action is not Shift
        }
        if not self.callbacks:  # Lark builds no tree without callbacks
            self._reductions = {r: (n, o, None) for r, (n, o, _) in self._reductions.items()}
        self._actions = _Actions(self.states, self._reductions)
        self._token_callbacks: dict[str, Callable[[Any], Any]] = {
            k: v for k, v in self.callbacks.items() if isinstance(k, str)
        }
        contextual: Any = frontend.lexer
        self.lexers = _Lexers(contextual.lexers)
        self._root_lexer: Any = contextual.root_lexer
        self._root: _StateLexer | None = None
        self.accepting: frozenset[int] = frozenset(
            s for s, actions in self.states.items() if "$END" in actions
        )

    # ------------------------------------------------------------------ lexing
    def _next_token(self, lexer: _StateLexer, text: str, counter: list[int]) -> Token | None:
        """The next non-ignored token at ``counter``'s position (``[pos, line, line_start]``),
        None at the end of the text; raises :class:`_Failed` where nothing matches."""
        end = len(text)
        table = lexer.table
        ignore = lexer.ignore
        callback = lexer.callback
        while counter[0] < end:
            pos = counter[0]
            for match in table[text[pos]]:
                m = match(text, pos, end)
                if m is not None:
                    break
            else:
                raise _Failed(pos, lexer.allowed)
            value = m.group(0)
            type_ = m.lastgroup
            assert type_ is not None
            ignored = type_ in ignore
            tok = None
            if not ignored or type_ in callback:
                # Token(type_, value, pos, line, column), without Lark's deprecation shim
                tok = str.__new__(Token, value)
                tok.type = type_
                tok.value = value
                tok.start_pos = pos
                tok.line = counter[1]
                tok.column = pos - counter[2] + 1
            # lark.lexer.LineCounter.feed
            if type_ in lexer.newline:
                newlines = value.count("\n")
                if newlines:
                    counter[1] += newlines
                    counter[2] = pos + value.rindex("\n") + 1
            counter[0] = pos + len(value)
            if tok is not None:
                tok.end_line = counter[1]
                tok.end_column = counter[0] - counter[2] + 1
                tok.end_pos = counter[0]
                if type_ in callback:
                    tok = callback[type_](tok)
                if not ignored:
                    return tok
        return None

    def _lex_failure(self, failed: _Failed, text: str, counter: list[int]) -> _Failed:
        """As ContextualLexer.lex: where the state's lexer fails, a token of the whole
        grammar there makes it an unexpected token (at that token's start)."""
        if self._root is None:
            self._root = _StateLexer(self._root_lexer)
        try:
            tok = self._next_token(self._root, text, counter)
        except _Failed:
            return failed
        assert tok is not None and tok.start_pos is not None
        return _Failed(tok.start_pos, failed.expected)

    # ------------------------------------------------------------------ parsing
    def _feed(self, stack: list[int], values: list[Any], token: Token, end_state: int) -> Any:
        """lark's ParserState.feed_token, in place on ``stack`` / ``values``; ``end_state`` is
        the start rule's end state for the ``$END`` token, else -1."""
        actions = self._actions
        type_ = token.type
        while True:
            act = actions[stack[-1]].get(type_)
            if act is None:
                expected = {s for s in self.states[stack[-1]] if s.isupper()}
                raise _Failed(token.start_pos or 0, expected)
            shift, arg = act
            if shift:
                stack.append(arg)
                callback = self._token_callbacks.get(type_)
                values.append(token if callback is None else callback(token))
                return None
            size, origin, callback = arg
            if size:
                children = values[-size:]
                del stack[-size:]
                del values[-size:]
            else:
                children = []
            value = callback(children) if callback is not None else children
            new_state = actions[stack[-1]][origin][1]
            stack.append(new_state)
            values.append(value)
            if new_state == end_state:
                return value

    def _finish(self, stack: list[int], values: list[Any], rule: str, last: Token | None) -> Any:
        """Feed ``$END`` and return the tree (raises :class:`_Failed` when it does not end)."""
        end = (
            Token.new_borrow_pos("$END", "", last) if last is not None
            else Token("$END", "", 0, 1, 1)
        )
        return self._feed(stack, values, end, self.end_states[rule])

    def parse_exact(self, text: str, rule: str) -> Any:
        """Parse all of ``text`` as ``rule`` (as ``Lark.parse``); None when it is not one."""
        stack = [self.start_states[rule]]
        values: list[Any] = []
        counter = [0, 1, 0]
        last: Token | None = None
        try:
            while True:
                try:
                    tok = self._next_token(self.lexers[stack[-1]], text, counter)
                except _Failed as failed:
                    raise self._lex_failure(failed, text, counter) from None
                if tok is None:
                    break
                self._feed(stack, values, tok, -1)
                last = tok
            return self._finish(stack, values, rule, last)
        except _Failed:
            return None

    def parse_prefix(self, window: str, rule: str) -> Outcome:
        """The longest prefix of ``window`` that is a complete ``rule``, as
        :func:`xref.parser.parse_prefix` defines it (feed tokens while the grammar accepts
        them, remember where the input could have ended)."""
        stack = [self.start_states[rule]]
        values: list[Any] = []
        accepting = self.accepting
        lexers = self.lexers
        actions = self._actions
        token_callbacks = self._token_callbacks
        new_token = str.__new__
        last_accept = -1
        last_end = 0
        expected: tuple[str, ...] = ()
        failed_at = len(window)
        lex_failure: _Failed | None = None  # where the lexer gave up, resolved only if needed
        # _next_token and _feed inlined (the same steps, without two calls a token):
        # ``pos``, ``line``, ``line_start`` are _next_token's ``counter``
        end = len(window)
        pos = 0
        line = 1
        line_start = 0
        try:
            while True:
                # ---- the next non-ignored token (_next_token)
                lexer = lexers[stack[-1]]
                table = lexer.table
                ignore = lexer.ignore
                callback = lexer.callback
                tok = None
                while pos < end:
                    for match in table[window[pos]]:
                        m = match(window, pos, end)
                        if m is not None:
                            break
                    else:
                        lex_failure = _Failed(pos, lexer.allowed)
                        break
                    value = m.group(0)
                    type_ = m.lastgroup
                    assert type_ is not None
                    ignored = type_ in ignore
                    tok = None
                    if not ignored or type_ in callback:
                        tok = new_token(Token, value)
                        tok.type = type_
                        tok.value = value
                        tok.start_pos = pos
                        tok.line = line
                        tok.column = pos - line_start + 1
                    if type_ in lexer.newline:
                        newlines = value.count("\n")
                        if newlines:
                            line += newlines
                            line_start = pos + value.rindex("\n") + 1
                    pos += len(value)
                    if tok is not None:
                        tok.end_line = line
                        tok.end_column = pos - line_start + 1
                        tok.end_pos = pos
                        if type_ in callback:
                            tok = callback[type_](tok)
                        if not ignored:
                            break
                        tok = None
                if tok is None:
                    break
                # ---- feed it (_feed with no end state)
                type_ = tok.type
                while True:
                    act = actions[stack[-1]].get(type_)
                    if act is None:
                        raise _Failed(
                            tok.start_pos or 0, {s for s in self.states[stack[-1]] if s.isupper()}
                        )
                    shift, arg = act
                    if shift:
                        stack.append(arg)
                        token_callback = token_callbacks.get(type_)
                        values.append(tok if token_callback is None else token_callback(tok))
                        break
                    size, origin, reduce = arg
                    if size:
                        children = values[-size:]
                        del stack[-size:]
                        del values[-size:]
                    else:
                        children = []
                    stack.append(actions[stack[-1]][origin][1])
                    values.append(reduce(children) if reduce is not None else children)
                last_end = tok.end_pos if tok.end_pos is not None else last_end
                if stack[-1] in accepting:
                    last_accept = last_end
        except _Failed as failed:
            failed_at = failed.position
            expected = tuple(sorted(failed.expected))
        if last_accept >= 0:
            # a parse that keeps a tree reports no failure (its ``failed_at`` and ``expected``
            # are never read): where the lexer gave up, which asks the whole grammar's lexer,
            # is worked out only for an outcome without a tree
            tree = None
            if last_accept == last_end:
                # the interactive parser's feed_eof (a $END token at line 1, column 1)
                try:
                    tree = self._finish(stack, values, rule, None)
                except _Failed:
                    pass
            if tree is None:
                tree = self.parse_exact(window[:last_accept], rule)
            if tree is not None:
                return Outcome(tree, last_accept, -1, ())
        if lex_failure is not None:
            stop = self._lex_failure(lex_failure, window, [pos, line, line_start])
            failed_at = stop.position
            expected = tuple(sorted(stop.expected))
        return Outcome(None, last_accept, failed_at, expected)
