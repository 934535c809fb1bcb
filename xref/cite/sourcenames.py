"""The archives and collections a volume lists as its sources, for reading its source notes.

Every FRUS volume since the 1950s lists its sources in its front matter (``<div
xml:id="sources">``): under "Unpublished Sources", the repositories in bold (``National
Archives and Records Administration, College Park, Maryland``, ``Library of Congress,
Manuscript Division``, ``Seeley G. Mudd Manuscript Library, Princeton University``) and under
each the collections, lot files and papers it holds (``Dulles Papers``, ``Tom Johnson's Notes
of Meetings``, ``INR/EAP Files: Lot 90 D 99``). The grammar knows the archives it has seen by
their shape; a :class:`SourceNames` holds the ones a volume names, so a source note opening
with one is read even when the grammar has never met it.

The reader (:mod:`xref.read.sourcelist`) builds it when a volume is read; it travels in the
volume's :class:`~xref.cite.lexicon.SeriesLexicon` (``lexicon.sources``), which
``find_citations(text, volume=...)`` uses. Only names the volume lists are read, and only in
archival position: right after a source note's ``Source:`` label or a ``;`` after it
(:func:`source_candidates`), as the first part of an archival path (the builder asks
:meth:`SourceNames.kind_of`). Prose is not affected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from attrs import field, frozen

from xref.cite.candidates import Candidate
from xref.cite.normalize import DASHES, normalize_dashes

__all__ = [
    "EMPTY_SOURCES",
    "SourceNames",
    "after_source_label",
    "name_key",
    "source_candidates",
    "source_names",
]

_QUOTES = re.compile(r"[\u2018\u2019\u02bc`]")
_SPACE = re.compile(r"\s+")
_LIBRARY = re.compile(r"\bLibrary\b")


def name_key(text: str) -> str:
    """A name as compared: spaces collapsed, curly apostrophes and dashes made plain, outer
    punctuation dropped (``Tom Johnson’s  Notes`` and ``Tom Johnson's Notes`` are one)."""
    text = _QUOTES.sub("'", normalize_dashes(text, squeeze=False))
    return _SPACE.sub(" ", text).strip(" \t\n.,;:")


def _printed(name: str) -> str:
    """A regex for ``name`` as it may be printed: any spaces, either apostrophe or dash."""
    out = []
    for ch in name:
        if ch == " ":
            out.append(r"\s+")
        elif ch == "'":
            out.append("['\u2018\u2019]")
        elif ch == "-":
            out.append(f"[{DASHES}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@frozen
class SourceNames:
    """The repositories and collections one volume lists (keys as :func:`name_key` gives)."""

    kinds: Mapping[str, str]
    """Each name's key -> ``library`` (a repository that is a library), ``repository`` or
    ``collection``."""
    pattern: re.Pattern[str] | None = field(eq=False)
    """Any of the names, ending where an archival part ends (None when there are none)."""

    def kind_of(self, text: str) -> str | None:
        """What the volume's list says ``text`` is (``library``, ``repository``,
        ``collection``); None when the list does not name it."""
        if not self.kinds:
            return None
        return self.kinds.get(name_key(text))


def source_names(repositories: Iterable[str], collections: Iterable[str]) -> SourceNames:
    """The names of a volume's list of sources: its repositories (headings) and the
    collections under them. A name listed as both is a repository."""
    kinds: dict[str, str] = {}
    for name in collections:
        key = name_key(name)
        if key:
            kinds[key] = "collection"
    for name in repositories:
        key = name_key(name)
        if key:
            kinds[key] = "library" if _LIBRARY.search(key) else "repository"
    if not kinds:
        return EMPTY_SOURCES
    names = sorted(kinds, key=lambda k: (-len(k), k))
    alternation = "|".join(_printed(k) for k in names)
    # the name is a whole part of the path: a separator, a sentence's end or the end follows
    # (not a publication's volume or pages: "Papers of Woodrow Wilson, vol. 46, pp. 200–203")
    pattern = re.compile(
        rf"(?:{alternation})(?=\s*[,;:]|\.(?:\s|$)|\s*$)(?!\s*,?\s*(?:[Vv]ols?|pp?)\.)"
    )
    return SourceNames(kinds, pattern)


EMPTY_SOURCES = SourceNames({}, None)
"""No list of sources: what a volume without one (or no volume) has."""

# a source note's label ("Source:", "[Source: ...", "Sources:"), and a ";" after it that
# starts another path ("...; Naval Historical Center, ...")
_LABEL = re.compile(r"\bSources?:\s*\[?")
_NEXT_PATH = re.compile(r";\s+")
_LABEL_BEFORE = re.compile(r"(?:\bSources?:\s*\[?|;\s+)$")


def after_source_label(text: str, pos: int) -> bool:
    """Whether ``pos`` in ``text`` is in archival position: right after a ``Source:`` label,
    or after a ``;`` that follows one."""
    if _LABEL_BEFORE.search(text, max(0, pos - 12), pos) is None:
        return False
    label = _LABEL.search(text, 0, pos)
    return label is not None


def source_candidates(text: str, names: SourceNames) -> Iterator[Candidate]:
    """The places in ``text`` where a name of the volume's list opens an archival path (after
    a source note's label, or a ``;`` after it), in order: weak ``archival`` candidates."""
    if names.pattern is None or "Source" not in text:
        return
    label = _LABEL.search(text)
    while label is not None:
        starts = [label.end()]
        nxt = _LABEL.search(text, label.end())
        stop = nxt.start() if nxt is not None else len(text)
        starts += [m.end() for m in _NEXT_PATH.finditer(text, label.end(), stop)]
        for pos in starts:
            if names.pattern.match(text, pos):
                yield Candidate(start=pos, trigger=pos, rule="archival", strong=False)
        label = nxt
