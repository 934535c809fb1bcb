"""Publications and pages: ``p. 12``, ``Department of State Bulletin, ...``, treaty series.
"""

from __future__ import annotations

import re

from xref.cite.families.base import (
    BuilderBase,
    Node,
    child_tree,
    first_token,
    tokens_of,
)
from xref.cite.models import (
    Citation,
    OtherPublicationCitation,
    PageCitation,
)
from xref.cite.normalize import normalize_dashes


class PublicationBuilder(BuilderBase):
    """The builder methods for the ``page`` and ``other_pub`` rules."""

    def page(self, tree: Node) -> list[Citation]:
        """A bare page reference (``p. 12``, ``pp. 3-5``)."""
        pages = child_tree(tree, "pages")
        assert pages is not None
        return [self.make(PageCitation, self.span(tree), pages=self._pages(pages))]

    def other_pub(self, tree: Node) -> list[Citation]:
        """A publication other than FRUS: a title with volume, date or pages; a treaty series."""
        if tree.data == "treaty_series":
            ints = [t for t in tokens_of(tree) if t.type == "INT"]
            title = first_token(tree, "TREATY_SERIES")
            return [
                self.make(
                    OtherPublicationCitation,
                    self.span(tree),
                    title=str(title),
                    volume=str(ints[0]),
                    pages=str(ints[1]),
                )
            ]
        title = (
            first_token(tree, "PUB_TITLE")
            or first_token(tree, "WORKS_TITLE")
            or first_token(tree, "HEARINGS")
        )
        pages = child_tree(tree, "pages")
        columns = child_tree(tree, "pub_columns")  # a parliament's record: its columns
        date_node = child_tree(tree, "pub_date")
        year = child_tree(tree, "pub_year")
        date = self._date(date_node) if date_node is not None else None
        if date is None and year is not None:
            date = re.sub(r"\D", "", str(year.children[0]))[:4]  # a range's first year
        vol = child_tree(tree, "pub_volume")
        journal = first_token(tree, "JOURNAL_VOLUME")  # "Middle East Journal 20 (1966)"
        imprint = first_token(tree, "PUB_IMPRINT")
        if date is None and journal is not None and imprint is not None:
            date = re.findall(r"\d{4}", str(imprint))[-1]  # the year
        return [
            self.make(
                OtherPublicationCitation,
                self.span(tree),
                # the title without the years of a series' volume ("American Foreign Policy,
                # 1950-1955: Basic Documents" is "American Foreign Policy: Basic Documents")
                title=re.sub(r",\s*\d{4}\s*[-\u2013\u2014]\s*\d{2,4}(?=\s*[,:])", "",
                             re.sub(r"\s+", " ", str(title))),
                pages=(self._pages(pages) if pages is not None
                       else f"{str(columns.children[0]).rstrip('.')}. {self._pages(columns)}"
                       if columns is not None else _bare_pages(tree)),
                date=date,
                volume=str(vol.children[1]) if vol is not None else (
                    str(journal) if journal is not None else None
                ),
            )
        ]


def _bare_pages(tree: Node) -> str | None:
    """The range of pages printed with no "pp." (``1969, 432-437``), dashes normalized."""
    bare = child_tree(tree, "pub_bare_pages")
    if bare is None:
        return None
    return re.sub(r"\s+", "", normalize_dashes(str(bare.children[0])))
