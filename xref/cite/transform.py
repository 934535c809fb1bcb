"""Turn parse trees into citation objects with absolute spans.

Each start rule of the grammar has one builder method; the methods live with their family in
:mod:`xref.cite.families` (telegrams and other correspondence, cross-references, publications and
pages, archival paths, ibid) and :class:`Builder` joins them. Tokens carry offsets relative to
the parse's start; the builder adds that start and cuts ``text`` from the source, so every
citation's ``text`` is exactly ``source[span.start:span.end]``.
"""

from __future__ import annotations

from collections.abc import Callable

from xref.cite.families.base import Node
from xref.cite.families.ibid import IbidBuilder
from xref.cite.families.paths import ArchivalBuilder
from xref.cite.families.telegrams import CorrespondenceBuilder
from xref.cite.families.telparties import DEPARTMENT
from xref.cite.models import Citation
from xref.cite.parser import Parsed

__all__ = ["DEPARTMENT", "Builder", "build_citations"]


class Builder(IbidBuilder, CorrespondenceBuilder, ArchivalBuilder):
    """Builds citations from one :class:`~xref.cite.parser.Parsed` value: every family's
    methods (:mod:`xref.cite.families`) on one object."""


BUILDERS: dict[str, Callable[[Builder, Node], list[Citation]]] = {
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
