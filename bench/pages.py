"""The print era's page references as an answer key, for ``bench/accuracy.py`` (issue 13).

The editors link page citations to the page they name: ``see p. 524`` with ``<ref
target="#pg_524">``. The page breaks (``<pb n="524" xml:id="pg_524"/>``) say which documents
each page holds: the one the page break falls in (it runs on to the page) and every document
that begins before the next break. A page citation is resolved right when xref resolves it to
one of those documents (or to a footnote of one).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

PAGE_TARGET = re.compile(r"(?P<vol>frus[\w-]*)?#(?P<page>pg_[\w.-]+)")
"""A page target: ``#pg_524`` or ``frus1948v05p1#pg_20``."""

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def page_documents(path: Path) -> dict[str, set[str]]:
    """For each page id (``pg_524``) of a TEI volume, the local ids of the documents on it."""
    out: dict[str, set[str]] = defaultdict(set)
    stack: list[str | None] = []  # document id of each open div, None for other divs
    page: str | None = None
    for event, el in ET.iterparse(path, events=("start", "end")):
        tag = el.tag
        if tag == f"{TEI}div":
            if event == "start":
                doc = el.get(XML_ID) if el.get("type") == "document" else None
                stack.append(doc)
                if doc is not None and page is not None:
                    out[page].add(doc)
            else:
                stack.pop()
                el.clear()
        elif tag == f"{TEI}pb" and event == "start":
            page = el.get(XML_ID)
            current = next((d for d in reversed(stack) if d is not None), None)
            if page is not None and current is not None:
                out[page].add(current)
    return dict(out)


def page_target(target: str, volume: str) -> tuple[str, str] | None:
    """``(volume, page id)`` for a page target, else None."""
    m = PAGE_TARGET.fullmatch(target.strip())
    if m is None:
        return None
    return m.group("vol") or volume, m.group("page")


def document_of(target: str | None) -> str | None:
    """The document part of a resolution target: ``frus1951v07p2#d5fn2`` -> ``...#d5``."""
    if not target or "#" not in target:
        return None
    vol, local = target.split("#", 1)
    m = re.match(r"d\d+", local)
    return f"{vol}#{m.group(0)}" if m else None
