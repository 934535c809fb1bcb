"""``ibid.``, alone or with a locator (a page, a document, an archival path).
"""

from __future__ import annotations

import re

from lark import Token, Tree

from xref.cite.families.base import (
    Node,
)
from xref.cite.families.crossrefs import CrossRefBuilder
from xref.cite.families.paths import ArchivalPath
from xref.cite.families.publications import PublicationBuilder
from xref.cite.models import (
    Citation,
    IbidCitation,
    Span,
)


class IbidBuilder(CrossRefBuilder, PublicationBuilder):
    """The builder method for the ``ibid`` rule (its locator is read by the other families)."""

    def ibid(self, tree: Node) -> list[Citation]:
        """``ibid.``: alone, or the citation its locator names wrapped in an ``IbidCitation``."""
        ibid_tok = tree.children[0]
        assert isinstance(ibid_tok, Token)
        if len(tree.children) == 1:
            return [self.make(IbidCitation, self.span(ibid_tok))]
        loc = tree.children[1]
        assert isinstance(loc, Tree)
        if loc.data == "archival":
            path = ArchivalPath(self, after_ibid=True)
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
