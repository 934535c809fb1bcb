"""Cross-references: documents, footnotes and FRUS volumes (the ``ref`` rule).
"""

from __future__ import annotations

from lark import Token, Tree

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
    PublicationCitation,
    Span,
)
from xref.cite.normalize import volume_id


class CrossRefBuilder(BuilderBase):
    """The builder methods for the ``ref`` rule."""

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
            if not inner or (num is not None and str(num).isdigit()):
                return []
        if not inner:
            assert frus is not None
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
            return self._doc_ref(body, head, volume)
        return self._fn_ref(body, head, volume)

    def _volume(self, node: Node) -> str | None:
        years = first_token(node, "YEARS")
        vol = child_tree(node, "vol_part")
        vnum = part = None
        if vol is not None:
            nums = [t for t in tokens_of(vol) if t.type == "VOLNUM"]
            vnum = str(nums[0]) if nums else None
            part = str(nums[1]) if len(nums) > 1 else None
        sub = first_token(node, "SUBSERIES")
        return volume_id(
            str(years) if years else None, vnum, part, context=self.volume,
            subseries=str(sub) if sub is not None else None,
        )

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
