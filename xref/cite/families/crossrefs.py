"""Cross-references: documents, footnotes and FRUS volumes (the ``ref`` rule).
"""

from __future__ import annotations

import re

from lark import Token, Tree

from xref.cite.catalog import catalog_volume, find_volumes
from xref.cite.families.base import (
    BuilderBase,
    Node,
    child_tree,
    first_token,
    subtrees_of,
    tokens_of,
)
from xref.cite.models import (
    Citation,
    DocumentCitation,
    FootnoteCitation,
    OtherPublicationCitation,
    PublicationCitation,
    Span,
    UnparsedCitation,
)
from xref.cite.normalize import volume_id

_SEE_BEFORE = re.compile(r"\b[Ss]ee(?:\s+also)?\s+$")
# a volume's title after its years: "Foreign Relations, 1952-1954, Guatemala"
_TITLE_AFTER = re.compile(
    r",\s*((?:The\s+)?[A-Z][\w\u2019'-]*(?:[;:,]?\s+(?:[A-Z][\w\u2019'-]*|of|and|the|on|in|to|for"
    r"|1[89]\d\d(?:[-\u2013\u2014]\d{2,4})?))*)"
)
_TITLE_WORD = re.compile(r"[A-Z][\w\u2019'-]*|1[89]\d\d(?:[-\u2013\u2014]\d{2,4})?")
# another body's numbered document, named right before the word: "CAB Document 5031", "United
# Nations General Assembly Document 2263 (XXII)", "Senate Document 93-11", "U.N. Document 12":
# that body's paper, not a document of a FRUS volume (an acronym, or a word naming a body)
_BODY_BEFORE = re.compile(
    r"(?:(?<![\w.])[A-Z]{2,6}|\bU\.\s?N\.|\b(?:Senate|House|Assembly|Council|Committee|Commission"
    r"|Board|Conference|Nations|Congress|Staff|Secretariat))\s+$"
)
_BODY_NAME = re.compile(
    r"(?<![\w.])(?!(?:See|The|Also|In|As|For|And|Cf|Ibid|Source|Printed|Under|By)\b)[A-Z][\w.&\u2019'-]*\s+"
    r"(?:(?:(?:of|the|on)\s+)*(?!(?:See|The|Also|In|As|For|And|Cf|Ibid|Source|Printed|Under|By)\b)[A-Z][\w.&\u2019'-]*\s+)*$"
)
"""The rest of a body's name before the word :data:`_BODY_BEFORE` ends at: its capitalized
words (``United Nations General``), not a sentence's first word."""
_SPACES = re.compile(r"\s+")
_WORK_BEFORE = re.compile(
    r"(?<![\w.'\u2019-])(?!(?:See|Also|Cf|In|For|Source|Ibid|The\s+text)\b)"
    r"(?P<title>[A-Z][\w'\u2019-]*(?:(?::\s+|\s+)(?:[A-Z][\w'\u2019.-]*|of|and|the|on|for|in|to"
    r"|(?:1[789]|20)\d\d))*)"
    r"(?:\s*\((?:(?:[A-Z][\w.]*\s*){1,3}(?:[:,][^()]{0,60}?)?,\s*(?P<year>(?:1[789]|20)\d\d)"
    r"|[^()]{1,60})\))?"
    r"\s*,\s*$"
)
"""A work's title (with its subtitle, its year) before a volume numbered in arabic numerals,
perhaps with where and when it was published or a parenthesis: "Constitutions of Nations (The
Hague, 1950), " (frus1964-68v17 d183fn4), "Yearbook of the United Nations 1968, "
(frus1964-68v34 d103), "Congressional Record (84th Cong., 1st Sess.), " (frus1955-57v02 d50),
"Film and Propaganda in America: A Documentary History, " (frus1917-72PubDip d8)."""
_IBID_BEFORE = re.compile(r"\b[Ii]bid\.?,?\s*$")


def _years(node: Node) -> Token | None:
    """A FRUS volume's years: ``YEARS``, or ``VOL_YEARS`` (years a volume number follows)."""
    return first_token(node, "YEARS") or first_token(node, "VOL_YEARS")


_MAX_RANGE = 100
"""The longest range of documents expanded into its members."""


class CrossRefBuilder(BuilderBase):
    """The builder methods for the ``ref`` rule."""

    def _before(self, node: Token | Node, width: int) -> str:
        """The ``width`` characters of the source before ``node``."""
        start = self.offset + self._start(node)
        return self.source[max(0, start - width) : start]

    def _of_another_body(self, doc: Node) -> Citation | None:
        """``CAB Document 5031``: a ``Document`` right after the name of another body is that
        body's paper, another publication titled by the body's name, the word and the number
        (``United Nations General Assembly Document 2263``); None when no body is named."""
        before = self._before(doc, 80)
        body = _BODY_BEFORE.search(before)
        if body is None:
            return None
        name = _BODY_NAME.search(before, 0, body.start())
        start = self.offset + self._start(doc) - len(before) + (
            name.start() if name is not None else body.start()
        )
        end = self.offset + self._end(doc)
        title = _SPACES.sub(" ", self.source[start:end])
        return self.make(OtherPublicationCitation, Span(start, end), title=title)

    def ref(self, tree: Node) -> list[Citation]:
        """Documents, footnotes, FRUS volumes (with pages): the ``ref`` rule and its aliases."""
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
            num = first_token(tree, "INT")
            assert num is not None
            return [self.make(DocumentCitation, self.span(tree), number=int(str(num)))]
        volume: str | None = None
        frus = child_tree(tree, "frus_volume")
        if frus is not None:
            volume = self._volume(frus)
        inner = [c for c in tree.children if isinstance(c, Tree) and c.data != "frus_volume"]
        if frus is not None and first_token(frus, "FOREIGN_RELATIONS") is None:
            # a bare "vol. N": FRUS numbers its volumes in roman numerals, and a bare
            # volume with nothing after it names no place in it
            num = first_token(frus, "VOLNUM")
            if num is not None and str(num).isdigit():
                return self._numbered_volume(tree, frus, str(num), inner)
            if not inner and not (
                _years(frus) is not None
                or _SEE_BEFORE.search(self._before(frus, 12))
            ):
                # ... unless the text sends the reader to it: "see volume X", "see vol. XI,
                # Part 1" is that volume of the citing volume's series
                return []
        if not inner:
            assert frus is not None
            titled = self._title_after(frus)
            if titled is not None:
                # "Foreign Relations, 1952-1954, Guatemala": the title the catalog knows
                vid, end = titled
                span = Span(self.offset + self._start(tree), end)
                return [PublicationCitation(span=span, text=self.source[span.start : end],
                                            volume=vid, pages=None)]
            return [self.make(PublicationCitation, self.span(tree), volume=volume, pages=None)]
        body = inner[0]
        head: Token | Node = frus if frus is not None else body
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
            paper = self._of_another_body(body) if frus is None else None
            if paper is not None:
                return [paper]
            return self._doc_ref(body, head, volume)
        return self._fn_ref(body, head, volume)

    def _numbered_volume(self, tree: Node, frus: Node, num: str,
                         inner: list[Node]) -> list[Citation]:
        """``vol. 3, pp. 522-551``: a volume numbered in arabic numerals is no FRUS volume's.
        It is another work's, titled by the words before it (:data:`_WORK_BEFORE`: "Constitutions
        of Nations (The Hague, 1950), vol. 3, pp. 522-551"); with no title read there the
        reference is reported unparsed, not dropped. A bare volume with nothing after it names
        no place in a work, and after "ibid." the ibid reads it."""
        before = self._before(frus, 200)
        if not inner or _IBID_BEFORE.search(before):
            return []  # "ibid., vol. 44, pp. 57-59": the work just cited, read by the ibid
        body = inner[0]
        work = _WORK_BEFORE.search(before)
        if work is not None:
            # the citation starts at the title when a place and year of publication follow it
            # (no other rule reads that title); else at the volume, the title named by another
            # citation or by none ("Yearbook of the United Nations 1968, vol. 22, ...")
            start = (self.offset + self._start(frus) - len(before) + work.start()
                     if work.group("year") else self.offset + self._start(tree))
            end = self.offset + self._end(tree)
            return [self.make(
                OtherPublicationCitation, Span(start, end),
                title=_SPACES.sub(" ", work.group("title")), volume=num,
                pages=self._pages(body) if body.data == "pages" else None,
                date=work.group("year"),
            )]
        span = self.span(tree)
        return [UnparsedCitation(
            span=span, text=self.source[span.start : span.end],
            reason=f"at {span.start}: a volume numbered {num} of a work whose title is not "
            "printed before it (FRUS numbers its volumes in roman numerals)",
        )]

    def _volume(self, node: Node) -> str | None:
        years = _years(node)
        vol = child_tree(node, "vol_part")
        vnum = part = None
        if vol is not None:
            nums = [t for t in tokens_of(vol) if t.type == "VOLNUM"]
            vnum = str(nums[0]) if nums else None
            part = str(nums[1]) if len(nums) > 1 else None
        sub = first_token(node, "SUBSERIES")
        printed = volume_id(
            str(years) if years else None, vnum, part, context=self.volume,
            subseries=str(sub) if sub is not None else None,
        )
        title = first_token(node, "VOL_TITLE") or sub
        if years is None or title is None:
            return printed
        # a titled volume: the catalog says which ("1952-1954, Guatemala" is frus1952-54Guat,
        # "1955-1957, Soviet Union, vol. XXIV" is frus1955-57v24)
        return catalog_volume(str(years), vnum, part, str(title), printed)

    def _title_after(self, frus: Node) -> tuple[str, int] | None:
        """A volume's title right after ``Foreign Relations, 1952-1954`` with nothing else
        after it: the catalog's volume of those years whose title it is, and where the title
        ends; None when no title follows or it names no one volume (the longest run of the
        title's words that names one is taken)."""
        years = _years(frus)
        if years is None or len(frus.children) != 2 + (first_token(frus, "_COMMA") is not None):
            return None
        end = self.offset + self._end(frus)
        m = _TITLE_AFTER.match(self.source, end)
        if m is None:
            return None
        words = list(_TITLE_WORD.finditer(self.source, m.start(1), m.end(1)))
        for n in range(len(words), 0, -1):
            title = self.source[m.start(1) : words[n - 1].end()]
            found = find_volumes(str(years), title=title)
            if len(found) == 1:
                return found[0].id, words[n - 1].end()
        return None

    def _doc_ref(self, body: Node, head: Token | Node, volume: str | None) -> list[Citation]:
        numbers = [
            c for c in body.children if isinstance(c, Tree) and c.data in ("number", "number_range")
        ]
        thereto = child_tree(body, "fn_thereto")
        out: list[Citation] = []
        if thereto is not None and child_tree(thereto, "fn_elsewhere") is not None:
            # "Document 98 and footnote 3 to Document 109": the documents, then a footnote
            # of another document
            elsewhere = child_tree(thereto, "fn_elsewhere")
            assert elsewhere is not None
            owner = int(str(first_token(elsewhere, "INT")))
            for i, num in enumerate(numbers):
                out.append(
                    self.make(
                        DocumentCitation,
                        self.span(head if i == 0 else num, num),
                        number=int(str(first_token(num, "INT"))),
                        volume=volume,
                    )
                )
            fn_nums = [n for n in thereto.children if isinstance(n, Tree) and n.data == "fn_num"]
            word = first_token(thereto, "FOOTNOTE")
            assert word is not None
            for i, num in enumerate(fn_nums):
                start: Token | Node = word if i == 0 else num
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
            doc = int(str(first_token(numbers[-1], "INT")))
            fn_nums = [n for n in thereto.children if isinstance(n, Tree) and n.data == "fn_num"]
            for i, num in enumerate(fn_nums):
                span = self.span(head, thereto) if i == 0 else self.span(num)
                out.append(
                    self.make(
                        FootnoteCitation,
                        span,
                        number=str(first_token(num, "INT") or first_token(num, "FN_LETTER")),
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
                        number=int(str(first_token(num, "INT"))),
                        volume=volume,
                    ),
                )
            return sorted(out, key=lambda c: c.span)
        for i, num in enumerate(numbers):
            first: Token | Node = head if i == 0 else num
            ints = [t for t in tokens_of(num) if t.type == "INT"]
            if len(ints) == 2:
                out.append(
                    self.make(
                        DocumentCitation,
                        self.span(first, ints[0]),
                        number=int(ints[0]),
                        volume=volume,
                    )
                )
                # "Documents 119-138" cites every document in the range: those between the
                # two ends are placed on the dash, the text that names them (a descending or
                # very long "range" is no list of documents: only its ends)
                low, high = int(ints[0]), int(ints[1])
                dash = first_token(num, "DASH") or first_token(num, "THROUGH")
                if dash is not None and low < high <= low + _MAX_RANGE:
                    out.extend(
                        self.make(DocumentCitation, self.span(dash), number=n, volume=volume)
                        for n in range(low + 1, high)
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

    def _fn_ref(self, body: Node, head: Token | Node, volume: str | None) -> list[Citation]:
        nums = subtrees_of(body, "fn_num")
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
                ints = [t for t in tokens_of(w) if t.type == "INT"]
                document = int(ints[-1])
                vol = child_tree(w, "vol_part")
                if vol is not None:
                    volume = self._volume(Tree("frus_volume", [vol]))
            elif w.data == "fn_thereto_only":
                relative = "thereto"
            elif w.data == "fn_supra":
                relative = "previous" if "supra" in str(first_token(w, "SUPRA")).lower() else "same"
            elif w.data == "fn_infra":
                relative = "next" if "infra" in str(first_token(w, "INFRA")).lower() else "same"
        out: list[Citation] = []
        for i, num in enumerate(nums):
            first: Token | Node = head if i == 0 else num
            last: Token | Node = num
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
