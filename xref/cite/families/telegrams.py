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
from xref.cite.families.telparties import (
    AGENCY,
    CIRCULAR,
    COUNTING_NOUNS,
    DEPARTMENT,
    FIGURE_AFTER,
    FROM_DEPARTMENT,
    MONTH_WORD,
    OFFICES,
    TO_DEPARTMENT,
    channel_name,
    item_number,
    lettered,
    military,
    possessive_post,
    post_sender,
    series_parties,
    tel_number,
)
from xref.cite.lexicon import current_lexicon
from xref.cite.models import (
    AirgramCitation,
    Citation,
    DespatchCitation,
    DocumentCitation,
    TelegramCitation,
)
from xref.cite.names import SHORT_POSTS
from xref.cite.normalize import partial_date


class CorrespondenceBuilder(BuilderBase):
    """The builder methods for the ``telegram``, ``despatch`` and ``airgram`` rules."""

    def telegram(self, tree: Node) -> list[Citation]:
        """The telegrams of the ``telegram`` rule (one per number), with series and route."""
        if tree.data == "post_telegram":
            return self._post_telegram(tree)
        if tree.data == "ref_line_telegram":
            return self._ref_line_telegram(tree)
        if tree.data == "possessive_telegram":
            return self._possessive_telegram(tree)
        if tree.data == "numberless_telegram":
            return self._numberless_telegram(tree)
        if tree.data == "telegram_items":
            return self._items(tree, TelegramCitation, self._series(tree.children[0]))  # type: ignore[arg-type]
        if tree.data == "bare_reftel":
            tok = tree.children[0]
            assert isinstance(tok, Token)
            return [self.make(TelegramCitation, self.span(tok), number=None, series="reftel")]
        head = tree.children[0]
        assert isinstance(head, Tree)
        series, sender, recipient = self._series(head)
        if series == "":
            return []  # "June 5 to ...", "Route 1 to Hue": no telegram series
        lead: Token | Node = head
        toks = list(tokens_of(head))
        if toks[0].type == "POST_ADJ" and sender is None:
            lead = toks[1]  # "Rankin’s cable #790": a name that is no sender's, not cited
        route = child_tree(tree, "tel_route")
        numbers = subtrees_of(tree, "tel_number")
        if numbers and FIGURE_AFTER.match(self.source, self.offset + self._end(numbers[0])):
            return []  # "Totals 322,200", "INTO 31ST UNGA": a figure or an ordinal, no number
        if military(head, numbers):
            sender, recipient = self._route(route, sender, recipient, department=False)
        else:
            sender, recipient = self._route(route, sender, recipient)
        date_node = date_node_of(tree)
        date = self._date(date_node) if date_node is not None else None
        dates = self.list_dates(tree, date_node, len(numbers))
        rel = child_tree(tree, "tel_relative")
        out: list[Citation] = []
        tail = tree.children[-1]
        for i, num in enumerate(numbers):
            if dates:
                date = dates[i]
            number = tel_number(num)
            first: Token | Node = lead if i == 0 else num
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

    def _numberless_telegram(self, tree: Node) -> list[Citation]:
        """``an unnumbered telegram from Bonn``, ``telegram of November 26 from London``: a
        telegram with no number (``numberless``); the route says only what it names (the
        other end stays unknown)."""
        sender, recipient = None, None
        for route in subtrees_of(tree, "tel_route"):
            sender, recipient = self._route(route, sender, recipient, department=False)
        said = first_token(tree, "UNNUMBERED") or first_token(tree, "UNNUMBERED_AFTER")
        if (post := first_token(tree, "POST_UNNUMBERED")) is not None:
            sender = post_sender(str(post))  # "Karachi telegram September 8, unnumbered"
        named = [post_sender(p) for p in (sender, recipient) if p is not None]
        if (adj := first_token(tree, "POST_ADJ")) is not None and sender is None:
            sender = possessive_post(str(adj))  # "Embassy Tokyo’s telegram of December 1"
            named.append(sender)
        if said is None and not any(named):
            return []  # "telegram of March 22 from British delegation": no post, no telegram
        date_node, day = date_node_of(tree), first_token(tree, "DAY_UNNUMBERED")
        date = self._date(date_node) if date_node is not None else None
        if day is not None:  # "Karachi telegram 8 September, unnumbered"
            num, month = str(day).split()[:2]
            date = partial_date(month.rstrip(",."), num, None)
        return [self.make(
            TelegramCitation, self.span(tree), number=None, series="telegram", sender=sender,
            recipient=recipient, date=date, numberless=True,
        )]

    def _ref_line_telegram(self, tree: Node) -> list[Citation]:
        """``Ref: State 13889``: the Department's telegram 13889; ``Ref: Nicosia 2853``:
        telegram 2853 from the post at Nicosia; ``Refs: Polto 827``: a series' telegram. Another
        name names no telegram we know."""
        out: list[Citation] = []
        for item in tree.children:
            if not isinstance(item, Tree):
                continue
            nums = [t for t in item.children if isinstance(t, Token) and t.type == "REF_NUMBER"]
            name_tok = item.children[0]
            assert isinstance(name_tok, Token) and nums
            if name_tok.type in ("CHANNEL", "TEL_ABBREV"):
                series, frm, to = self._series(Tree("tel_head", [name_tok]))
            else:
                name = str(name_tok)
                # "Paris Nodis 9004": a handling caption between the post and the number
                frm = post_sender(name) or post_sender(name.split()[0])
                parties = current_lexicon().parties(name) if frm is None else None
                if parties is not None:  # "Ref: Luxco 224": the volume's own series
                    series, (frm, to) = current_lexicon().name_of(name), parties
                elif frm is None:
                    continue
                else:
                    series, to = "telegram", DEPARTMENT if frm != DEPARTMENT else None
            for i, num in enumerate(nums):
                out.append(self.make(
                    TelegramCitation, self.span(name_tok if i == 0 else num, num),
                    number=str(num), series=series, sender=frm, recipient=to, date=None,
                ))
        return out

    def _possessive_telegram(self, tree: Node) -> list[Citation]:
        """``my 485``, ``our 599``, ``your 1234``: the writer's telegram (``mytel``,
        ``ourtel``) or the addressee's (``urtel``), as the abbreviations say it."""
        owner = tree.children[0]
        assert isinstance(owner, Token)
        word = str(owner).lower()
        series = {"my": "mytel", "our": "ourtel"}.get(word, "urtel")
        date_node = date_node_of(tree)
        date = self._date(date_node) if date_node is not None else None
        numbers = subtrees_of(tree, "tel_number")
        last = tree.children[-1]
        return [
            self.make(
                TelegramCitation,
                self.span(owner if i == 0 else num, last if len(numbers) == 1 else num),
                number=tel_number(num), series=series, date=date,
            )
            for i, num in enumerate(numbers)
        ]

    def _post_telegram(self, tree: Node) -> list[Citation]:
        """``Rome's 2833``: telegram 2833 from the post at Rome, when the name is a post."""
        owner = tree.children[0]
        assert isinstance(owner, Token)
        name = re.sub(r"['\u2019]s?$", "", str(owner))
        sender = post_sender(name)
        if name in OFFICES:
            # "Embassy's 3103": the post's own office; a count ("Embassy's 3 officers") is not;
            number = first_token(tree, "INT")  # after "No." two digits: "Mission’s No. 76"
            least = 2 if first_token(tree, "NUMBER_SIGN") else 3
            sender = name if number is not None and len(str(number)) >= least else None
        series = "telegram"
        if sender is not None:
            recipient = DEPARTMENT if sender != DEPARTMENT else None
        elif name == str(owner) and (parties := current_lexicon().parties(name)) is not None:
            # "Luxco 224": a series of the volume's own list of abbreviations
            series, (sender, recipient) = current_lexicon().name_of(name), parties
        else:
            return []  # "Khrushchev's 2 letters", "Turkey's 67 provinces": not a post
        route = child_tree(tree, "tel_route")
        if route is not None:  # "Hong Kong's 66 to Geneva"
            sender, recipient = self._route(route, sender, recipient)
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
                    number=tel_number(num),
                    series=series,
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
            if CIRCULAR.fullmatch(low):
                return word, DEPARTMENT, None
            if FROM_DEPARTMENT.fullmatch(low):
                return word, DEPARTMENT, None
            if TO_DEPARTMENT.fullmatch(low):
                return word, None, DEPARTMENT
            return word, None, None
        if first.type == "CHANNEL_ROUTED":
            # a word with a number and a route: a series, unless a month, a counting noun or
            # a post ("Athens 4175 to ...": the post's own telegram)
            if word in COUNTING_NOUNS or re.match(MONTH_WORD, word):
                return "", None, None
            post = SHORT_POSTS.get(word) or post_sender(word)
            if post is not None:
                return "telegram", post, None
            parties = current_lexicon().parties(word)  # "Kascom 27 to Paris": the volume's
            return (word, *parties) if parties is not None else (word, None, None)
        if first.type == "POST_ADJ":
            name = re.sub(r"['\u2019]s$", "", word)
            # "The Hague’s telegram 1315": the city's name with its article
            sender = name if name in OFFICES else post_sender(name.removeprefix("The "))
            if sender is None and AGENCY.fullmatch(name):
                sender = name  # "CIA cable 1234": the agency's own
            return "telegram", sender, None
        if first.type == "CHANNEL":
            series, sender, recipient = series_parties(word)
            if len(toks) > 1 and toks[1].type == "CHANNEL_CIRC":
                # "Polto Circular 24": the series' own circulars, numbered apart
                series = f"{series} Circular"
            return series, sender, recipient
        if first.type == "CIRCULAR":
            return "circular telegram", DEPARTMENT, None
        # TEL_WORD, maybe followed by a channel name ("telegram Martel 37")
        if len(toks) > 1 and toks[1].type == "CHANNEL_NAME":
            return channel_name(toks[1]), None, None
        return "telegram", None, None

    def _route(
        self,
        route: Node | None,
        sender: str | None,
        recipient: str | None,
        *,
        department: bool = True,
    ) -> tuple[str | None, str | None]:
        """Apply ``from X`` / ``to Y``: a post's message goes to the Department, and the
        Department's to a post, unless the text names the other end (with ``department``
        False, as for a military message, the other end stays unknown)."""
        if route is None:
            return sender, recipient
        frm, to = child_tree(route, "tel_from"), child_tree(route, "tel_to")
        if frm is not None:
            sender = self._place(frm)
            if to is None and sender != DEPARTMENT and department:
                recipient = DEPARTMENT
        if to is not None:
            recipient = self._place(to)
            # the Department's message goes to a post; one "to Dept" is a post's own
            # ("Embtel 176 to Dept"), its sender unsaid
            if frm is None and sender is None and department and recipient != DEPARTMENT:
                sender = DEPARTMENT
        return sender, recipient

    def _place(self, node: Node) -> str:
        place = first_token(node, "PLACE")
        assert place is not None
        name = re.sub(r"\s+", " ", str(place)).strip()
        name = re.sub(r"^the\s+", "", name)
        if name in ("Department", "Department of State", "State", "Dept", "Dept.", "DEPT"):
            return DEPARTMENT  # "USUN 1330 to Dept"
        return name

    def despatch(self, tree: Node) -> list[Citation]:
        """A despatch, or one per number of a list (``despatches 12 and 14``)."""
        if tree.data == "despatch_items":
            return self._items(tree, DespatchCitation, None)
        if tree.data == "despatch_lettered":  # "despatch D-11 from Brussels"
            tok = first_token(tree, "DESP_LETTERED")
            assert tok is not None
            return [self._sent(DespatchCitation, tree, lettered(tok))]
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

    def _items(
        self,
        tree: Node,
        cls: type[Citation],
        series: tuple[str, str | None, str | None] | None,
    ) -> list[Citation]:
        """A list whose numbers carry their own route or date; a number with neither takes
        the route and date printed after the last (``924 of Mar 18 and 920 of Mar 17``)."""
        head = tree.children[0]
        items: list[tuple[Node | Token, Node | None, Node | None]] = []
        for c in tree.children[1:]:
            if isinstance(c, Tree) and c.data in ("tel_item", "desp_item"):
                items.append((c, child_tree(c, "tel_route"), child_tree(c, "date")))
            elif (isinstance(c, Tree) and c.data == "tel_number") or (
                isinstance(c, Token) and c.type == "INT"
            ):
                items.append((c, None, None))  # the last number: the list's route and date
        final_route = child_tree(tree, "tel_route")
        final_date = date_node_of(tree)
        name, frm, to = series if series is not None else ("", None, None)
        out: list[Citation] = []
        for i, (item, route, date_node) in enumerate(items):
            own = route is not None or date_node is not None
            sender, recipient = self._route(route if own else final_route, frm, to)
            dnode = date_node if own else final_date
            date = self._date(dnode) if dnode is not None else None
            last: Node | Token = item if i < len(items) - 1 else tree.children[-1]
            span = self.span(head if i == 0 else item, last)
            number = item_number(item)
            fields: dict[str, object] = {"sender": sender, "recipient": recipient, "date": date}
            if cls is TelegramCitation:
                fields["series"] = name
            out.append(self.make(cls, span, number=number, **fields))
        return out

    def airgram(self, tree: Node) -> list[Citation]:
        """An airgram with its number, route and date."""
        tok = first_token(tree, "AIRGRAM_NUM") or first_token(tree, "INT")
        assert tok is not None
        number = lettered(tok)
        series = first_token(tree, "SERIES_AIRGRAM")
        if series is None:
            return [self._sent(AirgramCitation, tree, number)]
        # "Polto A-417 from Paris": the series' airgram goes as its telegrams do
        name, sender, recipient = series_parties(str(series))
        sender, recipient = self._route(child_tree(tree, "tel_route"), sender, recipient)
        date_node = date_node_of(tree)
        return [self.make(
            AirgramCitation, self.span(tree), number=number, series=name, sender=sender,
            recipient=recipient, date=self._date(date_node) if date_node is not None else None,
        )]

    def _sent(self, cls: type[Citation], tree: Node, number: str) -> Citation:
        sender, recipient = self._route(child_tree(tree, "tel_route"), None, None)
        date_node = date_node_of(tree)
        date = self._date(date_node) if date_node is not None else None
        return self.make(
            cls, self.span(tree), number=number, sender=sender, recipient=recipient, date=date
        )

