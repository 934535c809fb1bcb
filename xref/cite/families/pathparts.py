"""The parts of an archival path: unfolding the grammar's joined parts, a citation's tail
of folders, and finishing a citation from what ``ArchivalPath`` gathered (families/paths.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lark import Token, Tree

from xref.cite.families.base import BuilderBase, Node, node_text
from xref.cite.lexicon import current_lexicon
from xref.cite.models import (
    CiaCitation,
    Citation,
    LibraryCitation,
    LotFileCitation,
    OtherRepositoryCitation,
    RecordsCenterCitation,
)
from xref.cite.normalize import normalize_dashes
from xref.cite.sourcenames import after_source_label

_QUALIFIER = re.compile(
    r"(?:[A-Z]{2,}(?:\s[A-Z]{1,4})?|[A-Z][a-z]+)"
    r"(?:[-\u2010-\u2014/](?:[A-Z]{2,}|[A-Z][a-z]+))*"
)
"""A subject file's country or pair of countries (``ETH``, ``VIET S``, ``LIBYA-US``,
``Biafra-Nigeria``): a plain capitalized word must be joined to another by a dash or a slash."""


_US_STATES = frozenset(
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia "
    "Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts "
    "Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon "
    "Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming".split()
) | {"New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
     "Rhode Island", "South Carolina", "South Dakota", "West Virginia", "D.C."}
"""The states of the United States, as the place after a repository's town is printed."""
_TOWN = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}")
"""A town's name: one to three capitalized words (``Yorba Linda``, ``College Park``)."""


def place_parts(parts: list[str]) -> int:
    """How many of a repository's first parts are its place, not a collection: a town and
    its state (``Richard Nixon Library and Birthplace, Yorba Linda, California``: 2), else 0."""
    if len(parts) >= 2 and _TOWN.fullmatch(parts[0]) and parts[1] in _US_STATES:
        return 2
    return 0


def listed_kind(b: BuilderBase, node: Node, text: str) -> str:
    """The kind of a path's first part that the volume's list of sources names, right after
    a source note's label: ``library``, ``repo_gov`` (a repository, the context of what
    follows) or ``collection`` (a series whose holder is implied); else ``phrase``."""
    listed = current_lexicon().sources.kind_of(text)
    if listed is None or not after_source_label(b.source, b.span(node).start):
        return "phrase"
    return {"library": "library", "repository": "repo_gov"}.get(listed, "collection")


def is_qualifier(text: str) -> bool:
    """Whether a part after a subject file is its country (see ``_QUALIFIER``)."""
    return _QUALIFIER.fullmatch(text) is not None and (
        not text[1:].islower() or any(c in text for c in "-/\u2010\u2011\u2012\u2013\u2014")
    )


def cia_job(tok: Token | None) -> str | None:
    """A CIA job number as printed, dashes normalized: ``79-01025A``, ``80-R 01580R``."""
    return None if tok is None else normalize_dashes(re.sub(r"\s+", " ", str(tok)))


def center_name(raw: str) -> str:
    """A records center's name as printed, normalized: ``FRC``, ``WNRC``, ``NY FRC``."""
    compact = re.sub(r"\s+", "", raw).upper()
    if compact == "NYFRC":
        return "NY FRC"
    if compact == "FEDERALRECORDSCENTER":
        return "FRC"
    return compact


def unfold(children: Iterable[Node | Token]) -> Iterator[Node | Token]:
    """The parts in order, a ``Central Files`` that holds its file with no separator
    ("Central Files 1970-73 SOC 13") read as the series and then the file."""
    for node in children:
        if isinstance(node, Tree) and node.data == "central_files_item":
            *head, item = node.children
            yield Tree("central_files", head)
            yield item
        elif isinstance(node, Tree) and node.data in ("lot_folder", "accession_folder"):
            # "Lot 66 A 3542 Vietnam 1962": the folder right after the number
            *head, folder = node.children
            yield Tree(node.data.removesuffix("_folder"), head)
            yield Tree("phrase", [folder])
        elif isinstance(node, Tree) and node.data == "repo_dos_series":
            # "Department of State Atomic Energy Files": the Department, then its series
            tok = node.children[0]
            assert isinstance(tok, Token) and tok.start_pos is not None
            m = re.match(r"Department\s+of\s+State\s+", str(tok))
            assert m is not None
            cut = tok.start_pos + m.end()
            name = m.group().rstrip()
            yield Tree("repo_dos", [Token("DOS", name, start_pos=tok.start_pos,
                                          end_pos=tok.start_pos + len(name))])
            yield Tree("phrase", [Token("PHRASE", str(tok)[m.end():], start_pos=cut,
                                        end_pos=tok.end_pos)])
        else:
            yield node


def add_to_tail(current: dict[str, object], node: Node, sep: str) -> None:
    """Add an untyped part after the current item; note it if a colon comes before it."""
    tail = current["tail"]
    assert isinstance(tail, list)
    if sep == ":":
        colons = current.setdefault("colons", set())
        assert isinstance(colons, set)
        colons.add(len(tail))
    tail.append(node)
    current["last"] = node


def _folder_parts(tail: list[Node], colons: set[int]) -> list[str]:
    """The tail's parts as text. After a box, a colon is part of a folder's title
    (``Box 34, Memcons: President: 3/77``), so the parts it separates are one."""
    parts: list[str] = []
    seen_box = False
    for i, node in enumerate(tail):
        text = node_text(node)
        if i in colons and seen_box and parts:
            parts[-1] = f"{parts[-1]}: {text}"
        else:
            parts.append(text)
        seen_box = seen_box or (isinstance(node, Tree) and node.data == "box")
    return parts


def finish(b: BuilderBase, current: dict[str, object]) -> Citation:
    """The citation of a gathered item: its class, span, fields and folder or path."""
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
        parts = parts[place_parts(parts):]  # the library's town and state: no collection
        current["collection"] = parts[0] if parts else None
        current["path"] = parts[1:]
    elif cls is OtherRepositoryCitation or cls is CiaCitation:
        existing = current.get("path") or []
        assert isinstance(existing, list)
        if cls is OtherRepositoryCitation and not existing:
            parts = parts[place_parts(parts):]  # the repository's town and state
        current["path"] = [*existing, *parts]
    else:
        # decimal and subject files, films: what follows is not theirs; the span ends on them
        last = item
    span = b.span(first, last)  # type: ignore[arg-type]
    return b.make(cls, span, **current)
