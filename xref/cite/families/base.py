"""What every citation family's builder uses: tree helpers, spans, ``make``, dates and pages.

Tokens carry offsets relative to the parse's start; :class:`BuilderBase` adds that start and
cuts ``text`` from the source, so every citation's ``text`` is exactly
``source[span.start:span.end]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from lark import Token, Tree

from xref.cite.models import Citation, Span
from xref.cite.normalize import normalize_dashes, partial_date

Node = Tree[Token]
"""A parse tree (node) of the citation grammar."""


def tokens_of(node: Node | Token) -> Iterator[Token]:
    """The tokens under a node, in text order (a token: itself)."""
    if isinstance(node, Token):
        return iter((node,))
    found: list[Token] = []
    _collect_tokens(node, found)
    return iter(found)


def _collect_tokens(node: Node, found: list[Token]) -> None:
    # a plain recursive walk into a list: nested generators cost a frame per level and token
    for child in node.children:
        if isinstance(child, Token):
            found.append(child)
        else:
            _collect_tokens(child, found)


def first_token(node: Node, type_: str) -> Token | None:
    """The first token of a type under a node, or None."""
    if isinstance(node, Token):
        return node if node.type == type_ else None
    # the walk of tokens_of, stopped at the first one (not every token collected first)
    for child in node.children:
        if isinstance(child, Token):
            if child.type == type_:
                return child
        else:
            found = first_token(child, type_)
            if found is not None:
                return found
    return None


def subtrees_of(node: Node, name: str) -> list[Node]:
    """The node's direct children that are trees of a rule."""
    return [c for c in node.children if isinstance(c, Tree) and c.data == name]


def child_tree(node: Node, name: str) -> Node | None:
    """The node's first direct child tree of a rule, or None."""
    for c in node.children:
        if isinstance(c, Tree) and c.data == name:
            return c
    return None


def date_node_of(node: Node) -> Node | None:
    """The ``date`` of a telegram, despatch or airgram (inside its ``tel_date``)."""
    wrapper = child_tree(node, "tel_date")
    return child_tree(wrapper, "date") if wrapper is not None else child_tree(node, "date")



@attrs.define
class BuilderBase:
    """The core of the builder of citations from one :class:`~xref.cite.parser.Parsed` value."""

    source: str
    """The whole text the parse ran on."""
    offset: int
    """Where the parse started in ``source``."""
    volume: str | None = None
    """The citing volume's id, for relative volume numbers (``vol. XI``)."""

    def span(self, first: Token | Node, last: Token | Node | None = None) -> Span:
        """The absolute span from ``first``'s start to ``last``'s end."""
        last = first if last is None else last
        s = self._start(first)
        e = self._end(last)
        return Span(self.offset + s, self.offset + e)

    def _start(self, node: Token | Node) -> int:
        first: Token | Node = node
        while isinstance(first, Tree):  # down the first children (not the whole walk)
            if not first.children:
                first = next(tokens_of(node))  # an empty subtree first
                break
            first = first.children[0]
        assert first.start_pos is not None
        # tokens that absorb a leading separator (", vol.") start at their word
        return first.start_pos + (len(first) - len(first.lstrip(", \t\n")))

    def _end(self, node: Token | Node) -> int:
        last: Token | Node = node
        while isinstance(last, Tree):  # down the last children (not the whole walk)
            if not last.children:
                *_, last = tokens_of(node)  # an empty subtree last
                break
            last = last.children[-1]
        assert last.end_pos is not None
        return last.end_pos

    def make(self, cls: type[Citation], span: Span, **fields: object) -> Citation:
        """Instantiate ``cls`` at ``span`` with its exact text."""
        return cls(span=span, text=self.source[span.start : span.end], **fields)

    def _date(self, node: Node) -> str | None:
        month = first_token(node, "MONTH")
        day = first_token(node, "INT")
        year = first_token(node, "COMMA_YEAR")
        if month is None:
            return None
        return partial_date(str(month), str(day) if day else None, str(year) if year else None)

    def list_dates(self, tree: Node, first: Node | None, count: int) -> list[str | None]:
        """``tels 28 and 31, Oct 29 and Nov 3``: one date for each number in turn, when the
        list prints as many dates as numbers; else none (each number takes the first)."""
        more = child_tree(tree, "tel_more_dates")
        if more is None or first is None:
            return []
        nodes = [first, *subtrees_of(more, "date")]
        if len(nodes) != count:
            return []
        dates = [self._date(n) for n in nodes]
        year = dates[-1][:4] if dates[-1] and dates[-1][0].isdigit() else None
        # "May 3 and May 5, 1960": the year printed once, after the last
        return [f"{year}{d[1:]}" if year and d and d.startswith("--") else d for d in dates]

    def _pages(self, node: Node) -> str:
        rng = node.children[-1]
        assert isinstance(rng, Tree)
        text = normalize_dashes("".join(str(t) for t in tokens_of(rng)))
        return _COMMA.sub(", ", text)  # a list of ranges: "393-398, 400-402"


_COMMA = re.compile(r"\s*,\s*")


def node_text(node: Node) -> str:
    """A part's text as printed, each run of whitespace one space (``str.split`` and
    ``re``'s ``\\s`` take the same characters for whitespace: ``str.isspace``)."""
    if isinstance(node, Token):
        return " ".join(node.split())
    found: list[Token] = []
    _collect_tokens(node, found)
    return " ".join("".join(found).split())
