"""The scan's trigger match at a word start, with the least regex work that gives the same
answer as the whole trigger alternation (:mod:`xref.cite.candidates`, issue 14).

- The posts' alternation (hundreds of names) is split by first letter
  (:func:`alternatives_by_first`): each letter's trigger pattern holds only its own posts, so
  compiling the patterns (:class:`~xref.cite.dispatch.FirstCharDispatch`, when a letter is
  first met) no longer compiles every post for every capital.
- The rare family alternatives that may start at any capitalized word
  (:data:`~xref.cite.familytriggers.GATED`) are tried only in a text that holds their gate
  (``Files, document``, an ``A-`` number, ``unnumbered``): :meth:`TriggerMatcher.table_for`
  picks the patterns without them for any other text, where they cannot match.
- A post's telegram with a one-digit number is one more branch of the ``postnum`` trigger's
  number lookahead (:data:`~xref.cite.familytriggers.ONE_DIGIT`), kept only after "see" or
  "ref" (:meth:`TriggerMatcher.postnum_checked`); elsewhere the match is what the triggers
  after that branch find there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from xref.cite.dispatch import FirstCharDispatch, _split
from xref.cite.familytriggers import GATES, ONE_DIGIT, SEE_BEFORE, Trigger

__all__ = ["POST_BEFORE", "TriggerMatcher", "alternatives_by_first", "trie"]

POST_BEFORE = r"(?<!\bto\s)(?<!\bfrom\s)(?<!\bat\s)(?<!\bof\s)\b"
"""What starts each alternative of the ``postnum`` trigger that reads a post's name (not after
"to", "from", "at" or "of": a place, not a sender)."""


class _Trie(dict[str, "_Trie"]):
    """A node of a trie of letters; the key ``""`` marks the end of a word."""


def _emit(node: _Trie) -> str:
    alts = [re.escape(ch) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if "" in node:
        alts.append("")
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


def _build(words: Iterable[str]) -> _Trie:
    tree = _Trie()
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, _Trie())
        node[""] = _Trie()
    return tree


def trie(words: Iterable[str]) -> str:
    """One regular expression for a set of words, as a trie of their letters (fast to scan)."""
    return _emit(_build(words))


def alternatives_by_first(words: Iterable[str], tails: dict[str, str]) -> list[str]:
    """The alternation of ``words`` (a trie) and of ``tails`` (a short name: the full name it
    ends, not read inside that), one alternative per first character, in the order of
    ``trie(words) + "|" + tails`` within each (alternatives of different first characters
    never match at one place, so their order does not matter)."""
    tree = _build(words)
    by_first: dict[str, list[str]] = {}
    for ch, sub in sorted(tree.items()):
        by_first.setdefault(ch, []).append(re.escape(ch) + _emit(sub))
    for w, c in sorted(tails.items()):
        lookbehind = re.escape(c[: -len(w)]).replace("\\ ", "\\s")
        by_first.setdefault(w[0], []).append(f"(?<!{lookbehind}){re.escape(w)}")
    return ["|".join(alts) for alts in by_first.values()]


_ONE_DIGIT = re.compile(ONE_DIGIT)
_SEE_BEFORE = re.compile(SEE_BEFORE)


class TriggerMatcher:
    """The trigger patterns by first character for a text, and the ``postnum`` check.

    ``triggers``: every trigger, the gated alternatives included (what the scan stands for);
    ``ungated``: the same without the ``gated`` ones, (group, alternative, gate) as
    :data:`~xref.cite.familytriggers.GATED`, which are either all before or all after the
    other alternatives of their group. The ``postnum`` trigger's first alternatives must be
    the posts' names (led by :data:`POST_BEFORE`), whose lookahead has the :data:`ONE_DIGIT`
    branch. ``rare``: ungated alternatives left out of the patterns for a text that holds
    none of their hints (:meth:`tables`).
    """

    def __init__(
        self,
        triggers: list[Trigger],
        ungated: list[Trigger],
        gated: list[tuple[str, str, str]],
        rare: tuple[str, ...] = (),
    ) -> None:
        self._triggers = triggers
        self.ungated = FirstCharDispatch([(name, pat) for name, _, _, pat in ungated])
        """Without the gated alternatives (every text)."""
        self.common = self.ungated.without(frozenset(rare))
        """:attr:`ungated` without the ``rare`` alternatives (texts that hold none of their
        hints)."""
        assert len(self.ungated._alts) - len(self.common._alts) == len(rare), (
            "every rare alternative is one of the ungated ones"
        )
        names = [name for name, _, _, _ in triggers]
        self._order = {name: i for i, name in enumerate(names)}
        self._gated_first: set[str] = set()
        for name, _, _, pattern in triggers:
            alts = [alt for group, alt, _ in gated if group == name]
            if alts:
                where = [a in alts for a in _split(pattern)]
                assert where == sorted(where) or where == sorted(where, reverse=True), name
                if where[0]:
                    self._gated_first.add(name)
        self.gated = FirstCharDispatch(
            [(name, "|".join(a for g, a, _ in gated if g == name))
             for name in names if any(g == name for g, _, _ in gated)]
        )
        """The gated alternatives alone (texts that hold a gate)."""
        self._gates = [re.compile("|".join(g)) for g in GATES.values()]

    @functools.cached_property
    def full(self) -> FirstCharDispatch:
        """The trigger alternation, every alternative (what the scan stands for: the tests'
        reference), made on first use (reading every alternative's first characters is a
        share of ``import xref``)."""
        return FirstCharDispatch([(name, pat) for name, _, _, pat in self._triggers])

    @functools.cached_property
    def _after_post(self) -> FirstCharDispatch:
        """What the scan finds where a post's name before a one-digit number is not kept:
        the ``postnum`` trigger's other alternatives and the triggers after it (made when
        first needed)."""
        names = [name for name, _, _, _ in self._triggers]
        after = self._triggers[names.index("postnum") :]
        rest = "|".join(a for a in _split(after[0][3]) if not a.startswith(POST_BEFORE))
        return FirstCharDispatch(
            [("postnum", rest)] + [(name, pat) for name, _, _, pat in after[1:]]
        )

    def tables(
        self, gate: bool, rare: bool = True
    ) -> tuple[dict[str, re.Pattern[str] | None], dict[str, re.Pattern[str] | None] | None]:
        """The patterns by first character (``table[c]``, None: nothing starts with ``c``) to
        match in a text, and those of the gated alternatives when the text may hold a gate
        (``gate``; else None): combine their matches with :meth:`with_gated`. Without the
        rare alternatives when the text holds none of their hints (``rare`` False)."""
        table = self.ungated.table if rare else self.common.table
        return table, self.gated.table if gate else None

    def tables_for(
        self, text: str
    ) -> tuple[dict[str, re.Pattern[str] | None], dict[str, re.Pattern[str] | None] | None]:
        """:meth:`tables` for ``text``, its gates looked for here."""
        return self.tables(any(gate.search(text) is not None for gate in self._gates))

    def with_gated(
        self,
        text: str,
        pos: int,
        m: re.Match[str] | None,
        gated: dict[str, re.Pattern[str] | None],
    ) -> re.Match[str] | None:
        """The match of the whole alternation at ``pos``, from ``m`` (the ungated patterns')
        and the gated patterns' there: the earlier group; in one group, the alternatives
        that come first in it."""
        pattern = gated[text[pos] if pos < len(text) else ""]
        g = pattern.match(text, pos) if pattern is not None else None
        if g is None or m is None:
            return m if g is None else g
        mine, theirs = self._order[g.lastgroup or ""], self._order[m.lastgroup or ""]
        if mine < theirs or (mine == theirs and g.lastgroup in self._gated_first):
            return g
        return m

    def postnum_checked(self, text: str, m: re.Match[str]) -> re.Match[str] | None:
        """``m`` (a ``postnum`` match), or, for a post's name before a one-digit number with
        no "see" or "ref" before it, the match of the triggers after that alternative."""
        if _ONE_DIGIT.match(text, m.end()) is None:
            return m
        start = m.start()
        if _SEE_BEFORE.match(text, start) is not None:
            return m
        return self._after_post.match(text, start)

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """The trigger match at ``pos`` in ``text`` (what the scan does at a word start)."""
        table, gated = self.tables_for(text)
        pattern = table[text[pos] if pos < len(text) else ""]
        m = pattern.match(text, pos) if pattern is not None else None
        if gated is not None:
            m = self.with_gated(text, pos, m, gated)
        if m is not None and m.lastgroup == "postnum":
            m = self.postnum_checked(text, m)
        return m
