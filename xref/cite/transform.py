"""Turn parse trees into citation objects with absolute spans.

Each start rule of the grammar has one builder here. Tokens carry offsets relative to
the parse's start; :class:`Builder` adds that start and cuts ``text`` from the source, so
every citation's ``text`` is exactly ``source[span.start:span.end]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import attrs
from lark import Token, Tree

from xref.cite.models import (
    AirgramCitation,
    CentralFileCitation,
    CiaCitation,
    Citation,
    DespatchCitation,
    DocumentCitation,
    ElectronicRecordCitation,
    ElectronicTelegramCitation,
    FootnoteCitation,
    IbidCitation,
    LibraryCitation,
    LotFileCitation,
    NationalArchivesCitation,
    OtherPublicationCitation,
    OtherRepositoryCitation,
    PageCitation,
    PublicationCitation,
    RecordsCenterCitation,
    Span,
    SubjectFileCitation,
    TelegramCitation,
)
from xref.cite.names import country_of
from xref.cite.normalize import decode_file_date, normalize_dashes, partial_date, volume_id
from xref.cite.parser import Parsed

__all__ = ["DEPARTMENT", "Builder", "build_citations"]

DEPARTMENT = "Department of State"
"""The normalized name of the Department as a telegram party."""

_Node = Tree[Token]

_FROM_DEPARTMENT = re.compile(r"(?:dep|depcir|circ)tel", re.I)
_TO_DEPARTMENT = re.compile(r"(?:emb|con|leg|mis|del|usun)tel", re.I)
_CIRCULAR = re.compile(r"(?:depcir|circ)tel", re.I)


def _tokens(node: _Node | Token) -> Iterator[Token]:
    if isinstance(node, Token):
        yield node
    else:
        for child in node.children:
            yield from _tokens(child)


def _first(node: _Node, type_: str) -> Token | None:
    for tok in _tokens(node):
        if tok.type == type_:
            return tok
    return None


def _subtrees(node: _Node, name: str) -> list[_Node]:
    return [c for c in node.children if isinstance(c, Tree) and c.data == name]


def _child(node: _Node, name: str) -> _Node | None:
    found = _subtrees(node, name)
    return found[0] if found else None


def _date_node(node: _Node) -> _Node | None:
    """The ``date`` of a telegram, despatch or airgram (inside its ``tel_date``)."""
    wrapper = _child(node, "tel_date")
    return _child(wrapper, "date") if wrapper is not None else _child(node, "date")


@attrs.define
class Builder:
    """Builds citations from one :class:`~xref.cite.parser.Parsed` value."""

    source: str
    """The whole text the parse ran on."""
    offset: int
    """Where the parse started in ``source``."""
    volume: str | None = None
    """The citing volume's id, for relative volume numbers (``vol. XI``)."""

    def span(self, first: Token | _Node, last: Token | _Node | None = None) -> Span:
        """The absolute span from ``first``'s start to ``last``'s end."""
        last = first if last is None else last
        s = self._start(first)
        e = self._end(last)
        return Span(self.offset + s, self.offset + e)

    def _start(self, node: Token | _Node) -> int:
        if isinstance(node, Token):
            assert node.start_pos is not None
            pos = node.start_pos
            # tokens that absorb a leading separator (", vol.") start at their word
            value = str(node)
            return pos + (len(value) - len(value.lstrip(", \t\n")))
        return self._start(next(_tokens(node)))

    def _end(self, node: Token | _Node) -> int:
        if isinstance(node, Token):
            assert node.end_pos is not None
            return node.end_pos
        *_, last = _tokens(node)
        return self._end(last)

    def make(self, cls: type[Citation], span: Span, **fields: object) -> Citation:
        """Instantiate ``cls`` at ``span`` with its exact text."""
        return cls(span=span, text=self.source[span.start : span.end], **fields)

    # ------------------------------------------------------------------ telegrams
    def telegram(self, tree: _Node) -> list[Citation]:
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
        route = _child(tree, "tel_route")
        sender, recipient = self._route(route, sender, recipient)
        date_node = _date_node(tree)
        date = self._date(date_node) if date_node is not None else None
        rel = _child(tree, "tel_relative")
        numbers = _subtrees(tree, "tel_number")
        out: list[Citation] = []
        tail = tree.children[-1]
        for i, num in enumerate(numbers):
            number = _tel_number(num)
            first: Token | _Node = head if i == 0 else num
            last: Token | _Node = num
            if len(numbers) == 1:
                last = tail
            elif i == len(numbers) - 1 and (route is not None or date_node is not None):
                last = tail
            span = self.span(first, last)
            if rel is not None:
                relative = "previous" if _first(rel, "SUPRA") is not None else "next"
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

    def _ref_line_telegram(self, tree: _Node) -> list[Citation]:
        """``Ref: State 13889``: the Department's telegram 13889; ``Ref: Nicosia 2853``:
        telegram 2853 from the post at Nicosia. Another name names no telegram we know."""
        post = _first(tree, "REF_POST")
        num = _child(tree, "tel_number")
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

    def _post_telegram(self, tree: _Node) -> list[Citation]:
        """``Rome's 2833``: telegram 2833 from the post at Rome, when the name is a post."""
        owner = tree.children[0]
        assert isinstance(owner, Token)
        sender = _post_sender(re.sub(r"['\u2019]s$", "", str(owner)))
        if sender is None:
            return []  # "Khrushchev's 2 letters", "Turkey's 67 provinces": not a post
        recipient = DEPARTMENT if sender != DEPARTMENT else None
        date_node = _date_node(tree)
        date = self._date(date_node) if date_node is not None else None
        numbers = _subtrees(tree, "tel_number")
        out: list[Citation] = []
        for i, num in enumerate(numbers):
            first: Token | _Node = owner if i == 0 else num
            last: Token | _Node = tree.children[-1] if len(numbers) == 1 else num
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

    def _series(self, head: _Node) -> tuple[str, str | None, str | None]:
        toks = list(_tokens(head))
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
        self, route: _Node | None, sender: str | None, recipient: str | None
    ) -> tuple[str | None, str | None]:
        """Apply ``from X`` / ``to Y``: a post's message goes to the Department, and the
        Department's to a post, unless the text names the other end."""
        if route is None:
            return sender, recipient
        frm, to = _child(route, "tel_from"), _child(route, "tel_to")
        if frm is not None:
            sender = self._place(frm)
            if to is None and sender != DEPARTMENT:
                recipient = DEPARTMENT
        if to is not None:
            recipient = self._place(to)
            if frm is None and sender is None:
                sender = DEPARTMENT
        return sender, recipient

    def _place(self, node: _Node) -> str:
        place = _first(node, "PLACE")
        assert place is not None
        name = re.sub(r"\s+", " ", str(place)).strip()
        name = re.sub(r"^the\s+", "", name)
        if name in ("Department", "Department of State", "State"):
            return DEPARTMENT
        return name

    def _date(self, node: _Node) -> str | None:
        month = _first(node, "MONTH")
        day = _first(node, "INT")
        year = _first(node, "COMMA_YEAR")
        if month is None:
            return None
        return partial_date(str(month), str(day) if day else None, str(year) if year else None)

    # ------------------------------------------------------------------ documents and volumes
    def ref(self, tree: _Node) -> list[Citation]:
        kind = tree.data
        if kind == "doc_in_volume":
            # "Document 380 in Foreign Relations, 1969-1976, volume IV"
            doc, named = (c for c in tree.children if isinstance(c, Tree))
            found = self._doc_ref(doc, doc, self._volume(named))
            last = found[-1]
            span = Span(last.span.start, self.offset + self._end(named))
            return [*found[:-1], last.with_span(span, self.source[span.start : span.end])]
        if kind == "relative_supra":
            return [self.make(DocumentCitation, self.span(tree), number=None, relative="previous")]
        if kind == "relative_infra":
            return [self.make(DocumentCitation, self.span(tree), number=None, relative="next")]
        if kind == "numbered_doc":
            num = _first(tree, "INT")
            assert num is not None
            return [self.make(DocumentCitation, self.span(tree), number=int(str(num)))]
        volume: str | None = None
        frus = _child(tree, "frus_volume")
        if frus is not None:
            volume = self._volume(frus)
        inner = [c for c in tree.children if isinstance(c, Tree) and c.data != "frus_volume"]
        if frus is not None and _first(frus, "FOREIGN_RELATIONS") is None:
            # a bare "vol. N": FRUS numbers its volumes in roman numerals, and a bare
            # volume with nothing after it names no place in it
            num = _first(frus, "VOLNUM")
            if not inner or (num is not None and str(num).isdigit()):
                return []
        if not inner:
            assert frus is not None
            return [self.make(PublicationCitation, self.span(tree), volume=volume, pages=None)]
        body = inner[0]
        head: Token | _Node = frus if frus is not None else body
        if body.data == "pages_and_document":
            # "Foreign Relations, 1952-1954, vol. IV, pp. 1061-1071 (Document 15)"
            pages, doc = (c for c in body.children if isinstance(c, Tree))
            pub = self.make(
                PublicationCitation, self.span(head, pages), volume=volume, pages=self._pages(pages)
            )
            return [pub, *self._doc_ref(doc, doc, volume)]
        if body.data == "pages":
            return [
                self.make(
                    PublicationCitation,
                    self.span(head, body),
                    volume=volume,
                    pages=self._pages(body),
                )
            ]
        if body.data == "doc_ref":
            return self._doc_ref(body, head, volume)
        return self._fn_ref(body, head, volume)

    def _volume(self, node: _Node) -> str | None:
        years = _first(node, "YEARS")
        vol = _child(node, "vol_part")
        vnum = part = None
        if vol is not None:
            nums = [t for t in _tokens(vol) if t.type == "VOLNUM"]
            vnum = str(nums[0]) if nums else None
            part = str(nums[1]) if len(nums) > 1 else None
        sub = _first(node, "SUBSERIES")
        return volume_id(
            str(years) if years else None, vnum, part, context=self.volume,
            subseries=str(sub) if sub is not None else None,
        )

    def _doc_ref(self, body: _Node, head: Token | _Node, volume: str | None) -> list[Citation]:
        numbers = [
            c for c in body.children if isinstance(c, Tree) and c.data in ("number", "number_range")
        ]
        thereto = _child(body, "fn_thereto")
        out: list[Citation] = []
        if thereto is not None and _child(thereto, "fn_elsewhere") is not None:
            # "Document 98 and footnote 3 to Document 109": the documents, then a footnote
            # of another document
            elsewhere = _child(thereto, "fn_elsewhere")
            assert elsewhere is not None
            owner = int(str(_first(elsewhere, "INT")))
            for i, num in enumerate(numbers):
                out.append(
                    self.make(
                        DocumentCitation,
                        self.span(head if i == 0 else num, num),
                        number=int(str(_first(num, "INT"))),
                        volume=volume,
                    )
                )
            fn_nums = [n for n in thereto.children if isinstance(n, Tree) and n.data == "fn_num"]
            word = _first(thereto, "FOOTNOTE")
            assert word is not None
            for i, num in enumerate(fn_nums):
                start: Token | _Node = word if i == 0 else num
                last = elsewhere if i == len(fn_nums) - 1 else num
                out.append(
                    self.make(
                        FootnoteCitation,
                        self.span(start, last),
                        number=str(num.children[0]),
                        document=owner,
                        volume=volume,
                    )
                )
            return out
        if thereto is not None:
            # "Document 140 and footnote 3 thereto" is one citation of the footnote
            doc = int(str(_first(numbers[-1], "INT")))
            fn_nums = [n for n in thereto.children if isinstance(n, Tree) and n.data == "fn_num"]
            for i, num in enumerate(fn_nums):
                span = self.span(head, thereto) if i == 0 else self.span(num)
                out.append(
                    self.make(
                        FootnoteCitation,
                        span,
                        number=str(_first(num, "INT") or _first(num, "FN_LETTER")),
                        document=doc,
                        volume=volume,
                    )
                )
            for i, num in enumerate(numbers[:-1]):
                out.insert(
                    i,
                    self.make(
                        DocumentCitation,
                        self.span(head if i == 0 else num, num),
                        number=int(str(_first(num, "INT"))),
                        volume=volume,
                    ),
                )
            return sorted(out, key=lambda c: c.span)
        for i, num in enumerate(numbers):
            first: Token | _Node = head if i == 0 else num
            ints = [t for t in _tokens(num) if t.type == "INT"]
            if len(ints) == 2:
                out.append(
                    self.make(
                        DocumentCitation,
                        self.span(first, ints[0]),
                        number=int(ints[0]),
                        volume=volume,
                    )
                )
                out.append(
                    self.make(
                        DocumentCitation, self.span(ints[1]), number=int(ints[1]), volume=volume
                    )
                )
            else:
                out.append(
                    self.make(
                        DocumentCitation, self.span(first, num), number=int(ints[0]), volume=volume
                    )
                )
        return out

    def _fn_ref(self, body: _Node, head: Token | _Node, volume: str | None) -> list[Citation]:
        nums = _subtrees(body, "fn_num")
        where = [
            c
            for c in body.children
            if isinstance(c, Tree) and c.data.startswith("fn_") and c.data != "fn_num"
        ]
        document: int | None = None
        relative: str | None = None
        if where:
            w = where[0]
            if w.data == "fn_in_document":
                ints = [t for t in _tokens(w) if t.type == "INT"]
                document = int(ints[-1])
                vol = _child(w, "vol_part")
                if vol is not None:
                    volume = self._volume(Tree("frus_volume", [vol]))
            elif w.data == "fn_thereto_only":
                relative = "thereto"
            elif w.data == "fn_supra":
                relative = "previous" if "supra" in str(_first(w, "SUPRA")).lower() else "same"
            elif w.data == "fn_infra":
                relative = "next" if "infra" in str(_first(w, "INFRA")).lower() else "same"
        out: list[Citation] = []
        for i, num in enumerate(nums):
            first: Token | _Node = head if i == 0 else num
            last: Token | _Node = num
            if i == len(nums) - 1 and where:
                last = where[0]
            elif len(nums) == 1:
                last = body
            value = str(num.children[0])
            out.append(
                self.make(
                    FootnoteCitation,
                    self.span(first, last),
                    number=value,
                    document=document,
                    volume=volume,
                    relative=relative,
                )
            )
        return out

    def _pages(self, node: _Node) -> str:
        rng = node.children[-1]
        assert isinstance(rng, Tree)
        return normalize_dashes("".join(str(t) for t in _tokens(rng)))

    def page(self, tree: _Node) -> list[Citation]:
        pages = _child(tree, "pages")
        assert pages is not None
        return [self.make(PageCitation, self.span(tree), pages=self._pages(pages))]

    # ------------------------------------------------------------------ archival paths
    def archival(self, tree: _Node) -> list[Citation]:
        return _ArchivalPath(self).build(tree.children)

    # ------------------------------------------------------------------ ibid
    def ibid(self, tree: _Node) -> list[Citation]:
        ibid_tok = tree.children[0]
        assert isinstance(ibid_tok, Token)
        if len(tree.children) == 1:
            return [self.make(IbidCitation, self.span(ibid_tok))]
        loc = tree.children[1]
        assert isinstance(loc, Tree)
        if loc.data == "archival":
            path = _ArchivalPath(self, after_ibid=True)
            found = path.build(loc.children)
            if not found:
                return [self.make(IbidCitation, self.span(ibid_tok, loc), path=path.loose_parts)]
        else:
            found = self.ref(loc) if loc.data != "page" else self.page(loc)
            if not found:
                # "ibid., volume XXVI, Arab-Israeli Dispute": a place that names no citation
                text = re.sub(
                    r"\s+",
                    " ",
                    self.source[self.offset + self._start(loc) : self.offset + self._end(loc)],
                )
                return [self.make(IbidCitation, self.span(ibid_tok, loc), path=[text])]
        first, rest = found[0], found[1:]
        span = Span(self.offset + self._start(ibid_tok), first.span.end)
        ibid = self.make(IbidCitation, span, locator=first)
        return [ibid, *rest]

    # ------------------------------------------------------------------ despatches, airgrams
    def despatch(self, tree: _Node) -> list[Citation]:
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

    def airgram(self, tree: _Node) -> list[Citation]:
        tok = _first(tree, "AIRGRAM_NUM") or _first(tree, "INT")
        assert tok is not None
        number = normalize_dashes(re.sub(r"\s+", "", str(tok)))
        return [self._sent(AirgramCitation, tree, number)]

    def _sent(self, cls: type[Citation], tree: _Node, number: str) -> Citation:
        sender, recipient = self._route(_child(tree, "tel_route"), None, None)
        date_node = _date_node(tree)
        date = self._date(date_node) if date_node is not None else None
        return self.make(
            cls, self.span(tree), number=number, sender=sender, recipient=recipient, date=date
        )

    # ------------------------------------------------------------------ other publications
    def other_pub(self, tree: _Node) -> list[Citation]:
        if tree.data == "treaty_series":
            ints = [t for t in _tokens(tree) if t.type == "INT"]
            title = _first(tree, "TREATY_SERIES")
            return [
                self.make(
                    OtherPublicationCitation,
                    self.span(tree),
                    title=str(title),
                    volume=str(ints[0]),
                    pages=str(ints[1]),
                )
            ]
        title = _first(tree, "PUB_TITLE") or _first(tree, "WORKS_TITLE")
        pages = _child(tree, "pages")
        date_node = _child(tree, "pub_date")
        year = _child(tree, "pub_year")
        date = self._date(date_node) if date_node is not None else None
        if date is None and year is not None:
            date = re.sub(r"\D", "", str(year.children[0]))[:4]  # a range's first year
        vol = _child(tree, "pub_volume")
        return [
            self.make(
                OtherPublicationCitation,
                self.span(tree),
                title=re.sub(r"\s+", " ", str(title)),
                pages=self._pages(pages) if pages is not None else None,
                date=date,
                volume=str(vol.children[1]) if vol is not None else None,
            )
        ]


_PATH_HOLDERS = (LibraryCitation, OtherRepositoryCitation)
_SERIES_WORD = re.compile(r"\b(?:Files?|Records|Papers|Collection|Archives?)\b")
_PATH_PARTS = frozenset(
    {"repo_dos", "repo_nara", "repo_gov", "library", "other_repo", "record_group"}
)


class _ArchivalPath:
    """Reads an archival path (parts and separators) into citations, one per typed item.

    Context accumulates from the left (repository, record group, ``Central Files``,
    series names); each typed item (a decimal file, a lot, an accession, a library, a film
    number, ...) starts a citation, and the untyped parts after it are its folder or path.
    A semicolon closes the current citation.
    """

    _ITEMS = {
        "decimal_file",
        "subject",
        "lot",
        "accession",
        "bare_accession",
        "library",
        "other_repo",
        "film",
        "job",
    }

    def __init__(self, builder: Builder, *, after_ibid: bool = False) -> None:
        self.b = builder
        self.after_ibid = after_ibid
        self.loose_parts: list[str] = []

    def build(self, children: Iterable[_Node | Token]) -> list[Citation]:
        b = self.b
        out: list[Citation] = []
        chain_start: _Node | None = None
        rg: _Node | None = None
        rg_path: list[str] = []
        central = False
        years: str | None = None
        series: list[_Node] = []
        current: dict[str, object] | None = None
        cia: _Node | None = None
        cia_path: list[str] = []
        repo: _Node | None = None  # the last repository named, and the untyped parts after it
        repo_path: list[_Node] = []
        last_sep = ""

        def close() -> None:
            nonlocal current
            if current is not None:
                out.append(_finish(b, current))
            current = None

        for node in children:
            if isinstance(node, Token):
                last_sep = str(node)
                if last_sep == ";" and current is not None:
                    close()
                    series.clear()
                    chain_start = None
                elif last_sep == ";" and repo is not None and not (out or rg or cia):
                    # "National Security Council, January 10; Department of State, ...":
                    # a repository with no item before a semicolon starts nothing
                    series.clear()
                    chain_start = None
                    repo, repo_path = None, []
                continue
            kind = node.data
            text = _node_text(node)
            if chain_start is None:
                chain_start = node
            if current is not None and current["cls"] in _PATH_HOLDERS and kind in _PATH_PARTS:
                # inside a library's path these name folders, not new repositories
                _add_to_tail(current, node, last_sep)
                continue
            # a subject code is a file only under Central Files (or first after "Ibid.,")
            if kind == "subject" and self.after_ibid and chain_start is node:
                central = True
            if kind in self._ITEMS and not (kind == "subject" and not central):
                if kind == "job" and cia is not None:
                    cia_path.append(text)
                    job = _first(node, "JOB_NUMBER")
                    current = {
                        "cls": CiaCitation,
                        "first": cia,
                        "last": node,
                        "item": node,
                        "tail": [],
                        "job": _job(job),
                        "path": [p for p in cia_path if not p.startswith("Job")],
                    }
                    cia = None
                    continue
                close()
                first: _Node = series[-1] if series and kind in ("lot", "accession") else node
                if not out and chain_start is not None:
                    first = chain_start
                current = {"first": first, "last": node, "item": node, "tail": []}
                ser = str(series[-1].children[0]).strip() if series else None
                if kind == "decimal_file":
                    file = re.sub(r"(?<=[/.])\s+|\s+(?=/)", "", normalize_dashes(text))
                    decimal, _, date_part = file.partition("/")
                    current.update(
                        cls=CentralFileCitation,
                        file=file,
                        decimal=decimal,
                        date=decode_file_date(date_part),
                    )
                elif kind == "subject":
                    current.update(
                        cls=SubjectFileCitation,
                        subject=normalize_dashes(text, squeeze=False),
                        years=years,
                    )
                elif kind == "lot":
                    lot = str(_first(node, "LOT_NUMBER"))
                    m = re.fullmatch(r"(\d+)\s*([A-Z])\s*(\d+)", lot.strip())
                    norm = f"{m.group(1)} {m.group(2)} {m.group(3)}" if m else lot
                    current.update(cls=LotFileCitation, lot=norm, series=ser)
                elif kind in ("accession", "bare_accession"):
                    center_tok = _first(node, "CENTER")
                    acc_tok = _first(node, "ACCESSION") or _first(node, "ACCESSION_NUMBER")
                    center = _center(str(center_tok)) if center_tok else "FRC"
                    acc = re.sub(r"\s+", " ", str(acc_tok)).strip()
                    acc = normalize_dashes(acc)
                    current.update(
                        cls=RecordsCenterCitation, accession=acc, center=center, series=ser
                    )
                elif kind == "library":
                    current.update(cls=LibraryCitation, library=text)
                elif kind == "other_repo":
                    current.update(cls=OtherRepositoryCitation, repository=text)
                elif kind == "film":
                    cls = (
                        ElectronicTelegramCitation
                        if text.startswith("D")
                        else ElectronicRecordCitation
                    )
                    current.update(cls=cls, film=normalize_dashes(text))
                elif kind == "job":
                    current.update(cls=CiaCitation, job=_job(_first(node, "JOB_NUMBER")), path=[])
                continue
            if kind == "repo_cia":
                close()
                cia = node
                cia_path = []
                job = _first(node, "JOB_NUMBER")
                if job is not None:  # "Central Intelligence Agency Job 79-01025A"
                    current = {
                        "cls": CiaCitation,
                        "first": node,
                        "last": node,
                        "item": node,
                        "tail": [],
                        "job": _job(job),
                        "path": [],
                    }
                    cia = None
                continue
            if kind == "file_years":
                if central:
                    years = normalize_dashes(text)
                    continue
            if kind in ("repo_dos", "repo_nara", "repo_gov") and not (
                kind == "repo_gov" and (rg is not None or cia is not None)
            ):
                close()
                repo, repo_path = node, []
                continue
            if kind == "record_group":
                rg = node
                continue
            if kind == "central_files":
                central = True
                yrs = _first(node, "YEARS")
                years = normalize_dashes(str(yrs)) if yrs else None
                continue
            if kind == "central_foreign_policy_files":
                central = True  # its subject files: "Central Foreign Policy Files, POL 27"
                years = None
                continue
            # an untyped part: a folder of the current item, or a series before the next one
            if current is not None:
                _add_to_tail(current, node, last_sep)
            else:
                series.append(node)
                if cia is not None:
                    cia_path.append(text)
                elif rg is not None:
                    rg_path.append(text)
                else:
                    self.loose_parts.append(text)
                    if repo is not None:
                        repo_path.append(node)
        close()
        if not out and cia is not None:
            last = series[-1] if series else cia
            out.append(b.make(CiaCitation, b.span(cia, last), job=None, path=cia_path))
        if not out and cia is None and rg is None and repo is not None:
            # a repository and a file series, with no item: "Department of State, INR-NIE
            # Files", "National Security Council, Nixon Intelligence Files, Subject Files, USSR"
            name = _node_text(repo)
            parts = [_node_text(n) for n in repo_path]
            if _SERIES_WORD.search(name) or any(_SERIES_WORD.search(p) for p in parts):
                last = repo_path[-1] if repo_path else repo
                out.append(b.make(
                    OtherRepositoryCitation, b.span(repo, last), repository=name, path=parts
                ))
        if not out and rg is not None:
            assert chain_start is not None
            rg_num = str(_first(rg, "INT"))
            last = series[-1] if series and rg_path else rg
            out.append(
                b.make(NationalArchivesCitation, b.span(chain_start, last), rg=rg_num, path=rg_path)
            )
        return out


def _post_sender(name: str) -> str | None:
    """Who sent a telegram named by its sender ("Rome's 2833", "Ref: State 13889"): the
    Department, or a post named by its city; None for any other name."""
    if name in ("Department", "State"):
        return DEPARTMENT
    if (country_of(name) or name).lower() != name.lower():
        return name  # a post's city; a country ("Turkey") or a person names no post
    return None


def _tel_number(num: _Node) -> str:
    """A telegram's number as printed, without the sender's own after a slash
    (``Secto 68/3276`` is 68)."""
    return "".join(str(t) for t in _tokens(num)).partition("/")[0]


def _node_text(node: _Node) -> str:
    """A part's text as printed, each run of whitespace one space."""
    return re.sub(r"\s+", " ", "".join(str(t) for t in _tokens(node))).strip()


def _job(tok: Token | None) -> str | None:
    """A CIA job number as printed, dashes normalized: ``79-01025A``, ``80-R 01580R``."""
    return None if tok is None else normalize_dashes(re.sub(r"\s+", " ", str(tok)))


def _center(raw: str) -> str:
    compact = re.sub(r"\s+", "", raw).upper()
    if compact == "NYFRC":
        return "NY FRC"
    if compact == "FEDERALRECORDSCENTER":
        return "FRC"
    return compact


def _add_to_tail(current: dict[str, object], node: _Node, sep: str) -> None:
    """Add an untyped part after the current item; note it if a colon comes before it."""
    tail = current["tail"]
    assert isinstance(tail, list)
    if sep == ":":
        colons = current.setdefault("colons", set())
        assert isinstance(colons, set)
        colons.add(len(tail))
    tail.append(node)
    current["last"] = node


def _folder_parts(tail: list[_Node], colons: set[int]) -> list[str]:
    """The tail's parts as text. After a box, a colon is part of a folder's title
    (``Box 34, Memcons: President: 3/77``), so the parts it separates are one."""
    parts: list[str] = []
    seen_box = False
    for i, node in enumerate(tail):
        text = _node_text(node)
        if i in colons and seen_box and parts:
            parts[-1] = f"{parts[-1]}: {text}"
        else:
            parts.append(text)
        seen_box = seen_box or (isinstance(node, Tree) and node.data == "box")
    return parts


def _finish(b: Builder, current: dict[str, object]) -> Citation:
    cls = current.pop("cls")
    first = current.pop("first")
    last = current.pop("last")
    tail = current.pop("tail", [])
    item = current.pop("item", last)
    colons = current.pop("colons", set())
    assert isinstance(cls, type) and isinstance(tail, list) and isinstance(colons, set)
    parts = _folder_parts(tail, colons)
    if cls in (LotFileCitation, RecordsCenterCitation):
        current["folder"] = ", ".join(parts) if parts else None
    elif cls is LibraryCitation:
        current["collection"] = parts[0] if parts else None
        current["path"] = parts[1:]
    elif cls is OtherRepositoryCitation or cls is CiaCitation:
        existing = current.get("path") or []
        assert isinstance(existing, list)
        current["path"] = [*existing, *parts]
    else:
        # decimal and subject files, films: what follows is not theirs; the span ends on them
        last = item
    span = b.span(first, last)  # type: ignore[arg-type]
    return b.make(cls, span, **current)


BUILDERS: dict[str, Callable[[Builder, _Node], list[Citation]]] = {
    "telegram": Builder.telegram,
    "ref": Builder.ref,
    "archival": Builder.archival,
    "ibid": Builder.ibid,
    "despatch": Builder.despatch,
    "airgram": Builder.airgram,
    "other_pub": Builder.other_pub,
    "page": Builder.page,
}


def build_citations(parsed: Parsed, source: str, volume: str | None = None) -> list[Citation]:
    """The citations in one parse, with spans into ``source``, in text order."""
    builder = Builder(source=source, offset=parsed.start, volume=volume)
    tree = parsed.tree
    # a start rule's tree is the rule itself or its alias (e.g. bare_reftel, numbered_doc)
    return BUILDERS[parsed.rule](builder, tree)
