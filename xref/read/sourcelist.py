"""A volume's list of sources (its front matter's ``<div xml:id="sources">``) as data.

Under "Unpublished Sources" the volume names each repository in bold, and under it the
collections it holds, one to a line, each with a line describing it::

    <p rend="sourcearchiveboldbig">Department of State</p>
    <p>INR/EAP Files: Lot 90 D 99</p>
    <p>National and Special Intelligence Estimates, 1952-1985.</p>
    <p><hi rend="strong">Library of Congress, Manuscript Division, Washington, D.C.</hi></p>
    <p rend="sourceparagraphspaceafter">W. Averell Harriman Papers</p>

:func:`read_source_list` returns the repositories (a bold line or an archive heading: its
name before the first comma, the place after it left out) and the collections (a short line
that is not a description: its name before a lot, job, accession or years). The published
sources that follow ("Published Sources") are not read. :func:`source_list` makes them the
:class:`~xref.cite.sourcenames.SourceNames` that ``find_citations`` reads source notes with.
Only the front matter is read (a plain search of the bytes), next to nothing beside reading
the volume.
"""

from __future__ import annotations

import html
import re

from attrs import frozen

from xref.cite.sourcenames import SourceNames, source_names

__all__ = ["SourceList", "read_source_list", "source_list"]

_SOURCES_DIV = re.compile(rb"<div\b[^>]*\bxml:id=[\"']sources[\"'][^>]*>")
_DIV = re.compile(rb"<div\b|</div>")
# a line of the list: a paragraph, a heading, or an item's own text (before its own list:
# ``<item><hi rend="strong">Department of State</hi><list><item>INR/IL Historical Files``)
_LINE_BREAK = re.compile(r"<(p|item|head)\b([^>]*)>|</(?:p|item|head|list)>|<list\b[^>]*>")
_MARKER = re.compile(r"(?:(Unp)|P)ublished\s+Sources\b", re.I)
_TAG = re.compile(r"<[^>]*>")
_WHOLLY_BOLD = re.compile(r"\s*<hi\b[^>]*\brend=[\"'](?:strong|bold)[\"'][^>]*>(.*?)</hi>\s*", re.S)
_REND = re.compile(r"\brend=[\"']([^\"']*)[\"']")
# a collection's line goes on with its lot, job, accession, box or years: "INR/EAP Files:
# Lot 90 D 99", "A/MS Files, Lot 54 D 291", "DCI (Helms) Files, Jobs 80-R01580R", "McNamara
# Files: FRC 71 A 3470", "Fairless Committee Records, 1956–1957"
_COLLECTION_END = re.compile(
    r"\s*(?::|,\s*(?=(?:Lots?|Jobs?|FRC|WNRC|Box(?:es)?|RG|Record\s+Group|Accession)\b|\d{4}))"
)
_NOT_A_NAME = re.compile(r"^(?:See|Record\s+Group|RG|Jobs?|FRC)\b|^[^A-Z]")
_MAX_WORDS = 12
# a repository not set in bold still ends with its place, a city and a state: "U.S. Army
# Military History Institute, Carlisle Barracks, Pennsylvania"
_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    "Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    "New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    "Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|"
    "Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|D\\.\\s?C\\."
)
_PLACE = re.compile(rf",\s+[A-Z][\w.' ]+,\s+(?:{_STATES})$")
# a name's words are capitalized but for short ones ("Tom Johnson's Notes of Meetings"); a
# description is not ("Transition books for the Nixon administration")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019])[a-z]{4,}\b")
_SERIES_WORD = re.compile(r"\b(?:Papers|Files?|Records|Collection)$")
_PAPERS = re.compile(r"^(?:Papers|Files|Records)\s+of\b|\b(?:Papers|Files?|Collection)$")


@frozen
class SourceList:
    """The names a volume's list of sources gives, in order of the list."""

    repositories: tuple[str, ...]
    """Each repository as headed (``Library of Congress``), its place left out."""
    collections: tuple[str, ...]
    """Each collection, lot file or papers named under one (``INR/EAP Files``)."""


def _plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", markup)).split())


def _section(data: bytes) -> str:
    """The sources section's markup (up to its own ``</div>``); empty when there is none."""
    body_at = data.find(b"<body")
    m = _SOURCES_DIV.search(data, 0, body_at if body_at >= 0 else len(data))
    if m is None:
        return ""
    depth, end = 1, len(data)
    for tag in _DIV.finditer(data, m.end()):
        depth += 1 if tag.group() == b"<div" else -1
        if depth == 0:
            end = tag.start()
            break
    return data[m.end() : end].decode("utf-8", errors="replace")


def _collection(text: str) -> str | None:
    """A collection's name from its line; None for a description or a heading of the list."""
    if _NOT_A_NAME.search(text) or text.endswith(".") or len(text.split()) > _MAX_WORDS:
        return None
    m = _COLLECTION_END.search(text)
    name = text[: m.start()].strip() if m else text
    if not name or _LOWER_WORD.search(name):
        return None
    return name


def _lines(markup: str) -> list[tuple[str, str, str]]:
    """The section's lines as (element, its attributes, its own markup), in order."""
    out: list[tuple[str, str, str]] = []
    tag, attrs, at = "", "", 0
    for m in _LINE_BREAK.finditer(markup):
        chunk = markup[at : m.start()]
        if chunk.strip():
            out.append((tag, attrs, chunk))
        tag, attrs = (m.group(1), m.group(2)) if m.group(1) else ("", "")
        at = m.end()
    if markup[at:].strip():
        out.append((tag, attrs, markup[at:]))
    return out


def read_source_list(data: bytes) -> SourceList:
    """The repositories and collections the list of sources of a TEI volume (its bytes)
    names; empty when it has none."""
    markup = _section(data)
    repositories: list[str] = []
    collections: list[str] = []
    for tag, attrs, inner in _lines(markup):
        text = _plain(inner)
        rend = _REND.search(attrs)
        style = rend.group(1) if rend else ""
        marker = _MARKER.match(text)
        if marker is not None:
            if marker.group(1) is None:
                break  # the published sources: books, not archives
            continue
        if tag == "head" or "headcenter" in style or "title" in style:
            continue
        if not text:
            continue
        if "archive" in style or _WHOLLY_BOLD.fullmatch(inner) or _PLACE.search(text):
            name = text.split(",", 1)[0].strip()
            if _PAPERS.search(name):
                # a bold line of papers or files is a collection ("Papers of Lyndon B.
                # Johnson" in frus1964-68v29p1's list), not where they are kept
                collections.append(name)
            elif name and not _NOT_A_NAME.search(name):
                repositories.append(name)
            continue
        collection = _collection(text)
        if collection is not None:
            collections.append(collection)
            first = collection.split(",", 1)[0].strip()
            if first != collection and _SERIES_WORD.search(first):
                # "Dean Rusk Papers, Personal Appointment Books": the papers alone too
                collections.append(first)
    return SourceList(tuple(repositories), tuple(collections))


def source_list(data: bytes) -> SourceNames:
    """The :class:`~xref.cite.sourcenames.SourceNames` of a TEI volume's list of sources."""
    found = read_source_list(data)
    return source_names(found.repositories, found.collections)
