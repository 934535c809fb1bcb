"""Telegrams and other correspondence (despatches, airgrams): who sent it, to whom, its number.
"""

from __future__ import annotations

import re

import attrs
from lark import Token, Tree

from xref.cite.families.base import (
    BuilderBase,
    Node,
    child_tree,
    date_node_of,
    first_token,
    subtrees_of,
    tokens_of,
)
from xref.cite.models import (
    AirgramCitation,
    Citation,
    DespatchCitation,
    DocumentCitation,
    TelegramCitation,
)
from xref.cite.names import country_of
from xref.cite.normalize import normalize_dashes

DEPARTMENT = "Department of State"
"""The normalized name of the Department as a telegram party."""

_FROM_DEPARTMENT = re.compile(r"(?:dep|depcir|circ)tel", re.I)
_TO_DEPARTMENT = re.compile(r"(?:emb|con|leg|mis|del|usun)tel", re.I)
_CIRCULAR = re.compile(r"(?:depcir|circ)tel", re.I)


class CorrespondenceBuilder(BuilderBase):
    """The builder methods for the ``telegram``, ``despatch`` and ``airgram`` rules."""

    def telegram(self, tree: Node) -> list[Citation]:
        """The telegrams of the ``telegram`` rule (one per number), with series and route."""
        if tree.data == "post_telegram":
            return self._post_telegram(tree)
        if tree.data == "ref_line_telegram":
            return self._ref_line_telegram(tree)
        if tree.data == "bare_reftel":
            tok = tree.children[0]
            assert isinstance(tok, Token)
            return [self.make(TelegramCitation, self.span(tok), number=None, series="reftel")]
        head = tree.children[0]
        assert isinstance(head, Tree)
        series, sender, recipient = self._series(head)
        route = child_tree(tree, "tel_route")
        sender, recipient = self._route(route, sender, recipient)
        date_node = date_node_of(tree)
        date = self._date(date_node) if date_node is not None else None
        rel = child_tree(tree, "tel_relative")
        numbers = subtrees_of(tree, "tel_number")
        out: list[Citation] = []
        tail = tree.children[-1]
        for i, num in enumerate(numbers):
            number = _tel_number(num)
            first: Token | Node = head if i == 0 else num
            last: Token | Node = num
            if len(numbers) == 1:
                last = tail
            elif i == len(numbers) - 1 and (route is not None or date_node is not None):
                last = tail
            span = self.span(first, last)
            if rel is not None:
                relative = "previous" if first_token(rel, "SUPRA") is not None else "next"
                out.append(self.make(DocumentCitation, span, number=None, relative=relative))
                continue
            out.append(
                self.make(
                    TelegramCitation,
                    span,
                    number=number,
                    series=series,
                    sender=sender,
                    recipient=recipient,
                    date=date,
                )
            )
        return out

    def _ref_line_telegram(self, tree: Node) -> list[Citation]:
        """``Ref: State 13889``: the Department's telegram 13889; ``Ref: Nicosia 2853``:
        telegram 2853 from the post at Nicosia. Another name names no telegram we know."""
        post = first_token(tree, "REF_POST")
        num = child_tree(tree, "tel_number")
        assert post is not None and num is not None
        sender = _post_sender(str(post))
        if sender is None:
            return []
        return [
            self.make(
                TelegramCitation,
                self.span(post, num),
                number=_tel_number(num),
                series="telegram",
                sender=sender,
                recipient=DEPARTMENT if sender != DEPARTMENT else None,
                date=None,
            )
        ]

    def _post_telegram(self, tree: Node) -> list[Citation]:
        """``Rome's 2833``: telegram 2833 from the post at Rome, when the name is a post."""
        owner = tree.children[0]
        assert isinstance(owner, Token)
        sender = _post_sender(re.sub(r"['\u2019]s$", "", str(owner)))
        if sender is None:
            return []  # "Khrushchev's 2 letters", "Turkey's 67 provinces": not a post
        recipient = DEPARTMENT if sender != DEPARTMENT else None
        date_node = date_node_of(tree)
        date = self._date(date_node) if date_node is not None else None
        numbers = subtrees_of(tree, "tel_number")
        out: list[Citation] = []
        for i, num in enumerate(numbers):
            first: Token | Node = owner if i == 0 else num
            last: Token | Node = tree.children[-1] if len(numbers) == 1 else num
            out.append(
                self.make(
                    TelegramCitation,
                    self.span(first, last),
                    number=_tel_number(num),
                    series="telegram",
                    sender=sender,
                    recipient=recipient,
                    date=date,
                )
            )
        return out

    def _series(self, head: Node) -> tuple[str, str | None, str | None]:
        toks = list(tokens_of(head))
        first = toks[0]
        word = str(first)
        if first.type == "TEL_ABBREV":
            word = re.sub(r"\s+", "", word)
            if re.match(r"re(?=(?:dep|ur|my|our|your|emb|con|leg|f)\w*tel)", word, re.I):
                word = word[2:]
            if word.lower().endswith("tels"):
                word = word[:-1]
            low = word.lower()
            if _CIRCULAR.fullmatch(low):
                return word, DEPARTMENT, None
            if _FROM_DEPARTMENT.fullmatch(low):
                return word, DEPARTMENT, None
            if _TO_DEPARTMENT.fullmatch(low):
                return word, None, DEPARTMENT
            return word, None, None
        if first.type == "CHANNEL":
            if word.startswith("To") or word in ("Tedul", "Gadel"):
                return word, DEPARTMENT, None
            return word, None, DEPARTMENT
        if first.type == "CIRCULAR":
            return "circular telegram", DEPARTMENT, None
        # TEL_WORD, maybe followed by a channel name ("telegram Martel 37")
        if len(toks) > 1 and toks[1].type == "CHANNEL_NAME":
            return str(toks[1]), None, None
        return "telegram", None, None

    def _route(
        self, route: Node | None, sender: str | None, recipient: str | None
    ) -> tuple[str | None, str | None]:
        """Apply ``from X`` / ``to Y``: a post's message goes to the Department, and the
        Department's to a post, unless the text names the other end."""
        if route is None:
            return sender, recipient
        frm, to = child_tree(route, "tel_from"), child_tree(route, "tel_to")
        if frm is not None:
            sender = self._place(frm)
            if to is None and sender != DEPARTMENT:
                recipient = DEPARTMENT
        if to is not None:
            recipient = self._place(to)
            if frm is None and sender is None:
                sender = DEPARTMENT
        return sender, recipient

    def _place(self, node: Node) -> str:
        place = first_token(node, "PLACE")
        assert place is not None
        name = re.sub(r"\s+", " ", str(place)).strip()
        name = re.sub(r"^the\s+", "", name)
        if name in ("Department", "Department of State", "State"):
            return DEPARTMENT
        return name

    def despatch(self, tree: Node) -> list[Citation]:
        """A despatch, or one per number of a list (``despatches 12 and 14``)."""
        nums = [t for t in tree.children if isinstance(t, Token) and t.type == "INT"]
        first = self._sent(DespatchCitation, tree, str(nums[0]))
        if len(nums) == 1:
            return [first]
        out = [
            attrs.evolve(
                first,
                span=self.span(tree.children[0], nums[0]),
                text=self.source[
                    self.offset + self._start(tree.children[0]) : self.offset + self._end(nums[0])
                ],
            )
        ]
        for num in nums[1:]:
            span = self.span(num)
            out.append(
                self._sent(DespatchCitation, tree, str(num)).with_span(
                    span, self.source[span.start : span.end]
                )
            )
        return out

    def airgram(self, tree: Node) -> list[Citation]:
        """An airgram with its number, route and date."""
        tok = first_token(tree, "AIRGRAM_NUM") or first_token(tree, "INT")
        assert tok is not None
        number = normalize_dashes(re.sub(r"\s+", "", str(tok)))
        return [self._sent(AirgramCitation, tree, number)]

    def _sent(self, cls: type[Citation], tree: Node, number: str) -> Citation:
        sender, recipient = self._route(child_tree(tree, "tel_route"), None, None)
        date_node = date_node_of(tree)
        date = self._date(date_node) if date_node is not None else None
        return self.make(
            cls, self.span(tree), number=number, sender=sender, recipient=recipient, date=date
        )

def _post_sender(name: str) -> str | None:
    """Who sent a telegram named by its sender ("Rome's 2833", "Ref: State 13889"): the
    Department, or a post named by its city; None for any other name."""
    if name in ("Department", "State"):
        return DEPARTMENT
    if (country_of(name) or name).lower() != name.lower():
        return name  # a post's city; a country ("Turkey") or a person names no post
    return None


def _tel_number(num: Node) -> str:
    """A telegram's number as printed, without the sender's own after a slash
    (``Secto 68/3276`` is 68)."""
    return "".join(str(t) for t in tokens_of(num)).partition("/")[0]
