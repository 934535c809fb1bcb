"""``pattern.match(text, pos)`` for an alternation of named groups, tried only on the
alternatives that can start with ``text[pos]``.

The scan (:mod:`xref.cite.candidates`) matches its trigger alternation (one named group per
trigger, each an alternation itself) at the start of every word near an anchor, and Python's
regex engine tries every alternative there. :class:`FirstCharDispatch` reads each
alternative's possible first characters from Python's own regex parser and compiles, for each
first character, the alternation of just the alternatives that can start with it, in their
order and in their named groups: the first alternative that matches, its group
(``lastgroup``) and its extent are the same, because the others could not match there.

An alternative whose first character the reader cannot bound (it may start with anything, or
with nothing) is kept for every character; one that starts with a decimal digit (``\\d``) is
kept for the characters ``str.isdecimal`` accepts, as Python's ``\\d`` does.
"""

from __future__ import annotations

import functools
import importlib
import re
from typing import Any

__all__ = ["FirstCharDispatch"]

# Python's own regex parser (private modules, stable since 3.11; no stubs, hence Any)
sre: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")

_ANY = "any"
_DIGIT = "digit"


def _first(seq: Any) -> tuple[set[str] | None, bool, bool]:
    """(first characters or None for any, whether a decimal digit may come first, whether
    ``seq`` may match the empty string) of a parsed regex sequence."""
    chars: set[str] = set()
    digit = False
    for op, av in seq:
        if op is sre.LITERAL:
            chars.add(chr(av))
            return chars, digit, False
        if op is sre.IN:
            for o, a in av:
                if o is sre.LITERAL:
                    chars.add(chr(a))
                elif o is sre.RANGE and a[1] - a[0] < 1000:
                    chars.update(chr(x) for x in range(a[0], a[1] + 1))
                elif o is sre.CATEGORY and a is sre.CATEGORY_DIGIT:
                    digit = True
                else:
                    return None, False, False
            return chars, digit, False
        if op is sre.BRANCH or op is sre.SUBPATTERN or op in (
            sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT
        ):
            if op is sre.SUBPATTERN and av[1] & re.IGNORECASE:
                return None, False, False
            parts = (
                av[1] if op is sre.BRANCH else [av[3]] if op is sre.SUBPATTERN else [av[2]]
            )
            empty = op not in (sre.BRANCH, sre.SUBPATTERN) and av[0] == 0
            for part in parts:
                c, d, e = _first(part)
                if c is None:
                    return None, False, False
                chars |= c
                digit |= d
                empty |= e
            if not empty:
                return chars, digit, False
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the next item says what comes first
        return None, False, False
    return chars, digit, True


def _split(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``."""
    out: list[str] = []
    depth = 0
    in_class = False
    current: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append("".join(current))
            current = []
            i += 1
            continue
        current.append(c)
        i += 1
    out.append("".join(current))
    return out


def _item_ends(alt: str) -> list[int]:
    """Where the top-level items of ``alt`` (a character, an escape, a class or a group, with
    its quantifier) end, in order."""
    ends: list[int] = []
    depth = 0
    i = 0
    n = len(alt)
    while i < n:
        c = alt[i]
        if c == "\\":
            i += {"u": 6, "U": 10, "x": 4}.get(alt[i + 1 : i + 2], 2)
        elif c == "[":
            i += 1
            if alt[i : i + 1] == "^":
                i += 1
            if alt[i : i + 1] == "]":
                i += 1
            while i < n and alt[i] != "]":
                i += 2 if alt[i] == "\\" else 1
            i += 1
        else:
            depth += (c == "(") - (c == ")")
            i += 1
        if depth == 0:
            while i < n and alt[i] in "?*+{":  # the item's quantifier
                if alt[i] == "{":
                    close = alt.find("}", i)
                    if close < 0:
                        return ends
                    i = close + 1
                else:
                    i += 1
            ends.append(i)
    return ends


def _first_of(alt: str) -> tuple[set[str] | None, bool, bool]:
    """:func:`_first` of ``alt``, parsing only as much of it as that needs: the shortest
    prefix of whole top-level items that cannot match the empty string already has the
    alternative's first characters (a long lookahead after a name is not parsed)."""
    for end in _item_ends(alt)[:8]:
        try:
            chars, digit, empty = _first(sre_parse.parse(alt[:end]).data)
        except (re.error, IndexError, AssertionError):
            break
        if not empty:
            return chars, digit, empty
    return _first(sre_parse.parse(alt).data)


class FirstCharDispatch:
    """``match(text, pos)``: as ``re.compile("|".join(f"(?P<{name}>{pattern})" ...)).match``
    over ``groups`` (name, pattern), trying only the alternatives that can start there.

    Each character's pattern is compiled when that character is first met (compiling all of
    them at once was half the start-up of ``import xref`` and a first ``find_citations``);
    patterns of the same alternatives are compiled once.
    """

    def __init__(self, groups: list[tuple[str, str]]) -> None:
        self._groups = groups
        table: list[tuple[str, str, set[str] | None, bool]] = []
        for name, pattern in groups:
            for alt in _split(pattern):
                chars, digit, empty = _first_of(alt)
                table.append((name, alt, None if empty else chars, digit))
        self._alts = table
        self._keys = frozenset(c for _, _, chars, _ in table if chars for c in chars)
        self._compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self.table = _Table(self)
        """The pattern to match at a character, by character (None: nothing can match)."""

    def without(self, alts: frozenset[str]) -> FirstCharDispatch:
        """This dispatch without the alternatives ``alts`` (their groups' other alternatives
        kept, in order; a group left empty dropped), the others' first characters not read
        again."""
        other = FirstCharDispatch.__new__(FirstCharDispatch)
        other._alts = [entry for entry in self._alts if entry[1] not in alts]
        kept: dict[str, list[str]] = {}
        for name, alt, _, _ in other._alts:  # (the groups are not split again: start-up)
            kept.setdefault(name, []).append(alt)
        other._groups = [(n, "|".join(kept[n])) for n, _ in self._groups if n in kept]
        other._keys = frozenset(c for _, _, chars, _ in other._alts if chars for c in chars)
        other._compiled = {}
        other.table = _Table(other)
        return other

    @functools.cached_property
    def full(self) -> re.Pattern[str]:
        """The whole alternation (what :meth:`match` stands for), compiled on first use."""
        return re.compile("|".join(f"(?P<{n}>{p})" for n, p in self._groups))

    def pattern_for(self, c: str) -> re.Pattern[str] | None:
        """The alternation of the alternatives that can start with ``c``, in their order and
        named groups; None when none can."""
        if c in self._keys:
            picked = tuple(
                i for i, (_, _, chars, digit) in enumerate(self._alts)
                if chars is None or c in chars or (digit and c.isdecimal())
            )
        else:
            digit = c.isdecimal()
            picked = tuple(
                i for i, (_, _, chars, d) in enumerate(self._alts)
                if chars is None or (digit and d)
            )
        if picked not in self._compiled:
            parts: list[str] = []
            for name, _ in self._groups:
                alts = [self._alts[i][1] for i in picked if self._alts[i][0] == name]
                if alts:
                    parts.append(f"(?P<{name}>{'|'.join(alts)})")
            self._compiled[picked] = re.compile("|".join(parts)) if parts else None
        return self._compiled[picked]

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """``self.full.match(text, pos)``."""
        # past the end: only the alternatives that may start with anything (or nothing)
        pattern = self.table[text[pos]] if pos < len(text) else self.table[""]
        return pattern.match(text, pos) if pattern is not None else None


class _Table(dict[str, "re.Pattern[str] | None"]):
    """Patterns by first character, each compiled when its character is first met."""

    def __init__(self, dispatch: FirstCharDispatch) -> None:
        super().__init__()
        self._dispatch = dispatch

    def __missing__(self, c: str) -> re.Pattern[str] | None:
        pattern = self[c] = self._dispatch.pattern_for(c)
        return pattern
