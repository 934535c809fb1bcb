"""``find_citations``: every citation in a text, in document order.

The scan (:mod:`xref.cite.candidates`) proposes starts; the LALR parser reads the longest
citation at each (:mod:`xref.cite.parser`); the transformer builds typed citations
(:mod:`xref.cite.transform`). A strong trigger that does not parse (``Deptel`` with a number
after it, say) comes out as an :class:`~xref.cite.models.UnparsedCitation`: nothing that looks
like a citation is dropped silently.
"""

from __future__ import annotations

import functools
import gc
import heapq
import re
from collections.abc import Iterator

from xref.cite.candidates import Candidate, scan
from xref.cite.fastpath import fast_barren, fast_citations, learn, learn_barren
from xref.cite.lexicon import (
    EMPTY,
    SeriesLexicon,
    current_lexicon,
    lexicon_candidates,
    lexicon_for,
    using_lexicon,
)
from xref.cite.models import Citation, Span, UnparsedCitation
from xref.cite.parser import Parsed, parse_prefix
from xref.cite.sourcenames import source_candidates
from xref.cite.titles import merge_titles
from xref.cite.transform import build_citations
from xref.errors import CitationSyntaxError

__all__ = ["find_citations", "parse_citation"]

MAX_WINDOW = 1200
"""The longest stretch of text one citation may span, in characters."""

_WORD_AND_NUMBER = re.compile(r"\S+(?:\s+(?:No\.\s*)?[\w-]+)?")


@functools.lru_cache(maxsize=1024)
def _numbers_documents(volume: str | None) -> bool:
    """Whether ``No. N`` names a document: in 19th-century volumes (or when unknown).
    (Kept by volume: ``find_citations`` asks it for every container of a volume.)"""
    if volume is None:
        return True
    m = _VOLUME_YEAR.match(volume)
    return m is None or int(m.group(1)) < 1900


_VOLUME_YEAR = re.compile(r"frus(\d{4})")


_LIST_REST = re.compile(
    r"(?:[\s,;]*(?:(?:and|or|&)\s+)?(?:Nos?\.\s*)?\d[\w/-]*(?:\.\d[\w/-]*)*"
    r"(?:\s+and\s+footnotes?\s+\d+)?)+"
)
"""More items of a list (``, 1339, 1340 and 1341``): what a window cut off from a citation."""


def _window_end(text: str, start: int) -> int:
    """Where a citation starting at ``start`` must end: the paragraph's end or the limit.

    At the limit the window never ends inside a word or number (``1338`` cut to ``13``
    would be read as a different number).
    """
    limit = min(len(text), start + MAX_WINDOW)
    para = text.find("\n\n", start, limit)
    if para >= 0:
        return para
    cut = limit
    if cut < len(text):
        while cut > start and text[cut - 1].isalnum() and text[cut].isalnum():
            cut -= 1
    return cut if cut > start else limit


def _cut_off(text: str, window: int, end: int) -> UnparsedCitation | None:
    """The rest of a list that the window of a citation (ending at ``window``) cut off at
    ``end``, as an unparsed citation saying why; None when nothing was cut off."""
    if window >= len(text) or text.startswith("\n\n", window):
        return None
    m = _LIST_REST.match(text, end)
    if m is None or m.end() <= window:
        return None
    first = end + len(m.group()) - len(m.group().lstrip(" \t\r\n,;"))
    return UnparsedCitation(
        span=Span(first, m.end()),
        text=text[first : m.end()],
        reason=f"not read: the list goes on past {MAX_WINDOW} characters, the most one "
        "citation is read over",
    )


def _candidates(text: str, lexicon: SeriesLexicon) -> Iterator[Candidate]:
    """The scan's candidates, and the lexicon's series names before a number, in order."""
    if lexicon is EMPTY:  # no volume's words (what the title hook costs is saved here)
        return scan(text)
    extra = list(lexicon_candidates(text, lexicon))
    if lexicon.sources.pattern is not None:
        extra = sorted([*extra, *source_candidates(text, lexicon.sources)], key=lambda c: c.trigger)
    if not extra:
        return scan(text)
    return heapq.merge(scan(text), extra, key=lambda c: c.trigger)


def find_citations(
    text: str, *, volume: str | None = None, lexicon: SeriesLexicon | None = None
) -> list[Citation]:
    """Find every citation in ``text``, in document order.

    ``volume`` is the citing volume's FRUS id, when known: it completes relative volume
    numbers (``vol. XI`` in ``frus1961-63v06`` is ``frus1961-63v11``), and names the
    volume's own telegram series (its list of abbreviations, registered when the volume is
    read: :mod:`xref.cite.lexicon`). ``lexicon`` gives those series directly instead.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_citations() takes a str, not {type(text).__name__}")
    lex = lexicon if lexicon is not None else lexicon_for(volume)
    # The cyclic garbage collector is paused for the call and resumed after it: the find path
    # allocates many short-lived objects (tokens, trees, matches) that reference counting
    # frees at once, and the collector's young-generation passes over them, which found
    # nothing to free, cost about 5 % of the call. The few cycles a call makes (a caught
    # exception and its traceback) wait for the next collection after it. Only a running
    # collector is paused, and it is resumed even when the call raises.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        if lex is current_lexicon():
            found = _find(text, volume, lex)
        else:
            with using_lexicon(lex):
                found = _find(text, volume, lex)
        # the volume's own publication titles (xref.cite.titles): nothing when it has none
        return found if not lex.titles.titles else merge_titles(found, text, lex.titles)
    finally:
        if paused:
            gc.enable()


def _find(text: str, volume: str | None, lexicon: SeriesLexicon) -> list[Citation]:
    out: list[Citation] = []
    covered = 0
    numbered = _numbers_documents(volume)
    barren = 0  # an archival path read up to here named no item; no suffix of it can
    for cand in _candidates(text, lexicon):
        if cand.trigger < covered or (cand.rule == "archival" and cand.trigger < barren):
            continue
        if not numbered and text.startswith("No", cand.trigger):
            continue
        starts = [cand.start] if cand.start == cand.trigger else [cand.start, cand.trigger]
        found: list[Citation] = []
        failure = None
        start = cand.start
        for start in starts:
            if start < covered:
                continue
            rule = cand.rule if start == cand.start else (cand.trigger_rule or cand.rule)
            window = _window_end(text, start)
            fast = fast_citations(text, start, rule, window, volume)
            if fast is not None:  # a common shape, built without the parser
                found = fast
                break
            bare = fast_barren(text, start, rule, window, volume)
            if bare is not None:  # a path known to name no item
                barren = max(barren, bare)
                continue
            result = parse_prefix(text, start, rule, window)
            if isinstance(result, Parsed):
                found = build_citations(result, text, volume)
                if found:
                    learn(text, start, rule, window, found, volume)
                    break
                if rule == "archival":
                    barren = max(barren, result.end)
                    learn_barren(text, start, window, result.end, volume)
                if rule == "ref":
                    # a volume of another publication ("vol. 43, pp. 456-459"): its pages
                    # are not pages of this volume
                    covered = max(covered, result.end)
            else:
                failure = result
        if found:
            out.extend(found)
            covered = max(c.span.end for c in found)
            rest = _cut_off(text, window, covered)
            if rest is not None:
                out.append(rest)
                covered = rest.span.end
            continue
        if cand.strong:
            m = _WORD_AND_NUMBER.match(text, cand.trigger)
            end = m.end() if m else cand.trigger + 1
            if failure is not None:
                where = failure.position - cand.trigger
                expected = ", ".join(failure.expected[:6]) or "a citation"
                reason = f"does not parse at character {where + 1}: expected {expected}"
            else:
                reason = "names no citation the grammar knows"
            out.append(
                UnparsedCitation(
                    span=Span(cand.trigger, end), text=text[cand.trigger : end], reason=reason
                )
            )
            covered = end
    return out


def parse_citation(text: str, *, volume: str | None = None) -> Citation:
    """Parse ``text`` as exactly one citation (surrounding spaces and a final period allowed).

    Raises :class:`~xref.errors.CitationSyntaxError` naming the position and what was
    expected when the text is not one citation. A list (``Deptels 1 and 2``) gives its
    first citation.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_citation() takes a str, not {type(text).__name__}")
    body = text.rstrip()
    if body.endswith(".") and not re.search(r"(?:\bibid|\bNo|\bpp?|\bvol)\.$", body, re.I):
        body = body[:-1]
    lead = len(body) - len(body.lstrip())
    for cand in scan(body):
        if cand.start != lead and cand.trigger != lead:
            break
        result = parse_prefix(body, lead, cand.rule)
        if isinstance(result, Parsed):
            found = build_citations(result, body, volume)
            if found and result.end == len(body):
                return found[0]
            pos = result.end
            while pos < len(body) and body[pos].isspace():
                pos += 1
            raise _syntax_error(body, pos, ("end of citation",))
        raise _syntax_error(body, result.position, result.expected)
    raise _syntax_error(body, lead, ("a citation",))


def _syntax_error(text: str, pos: int, expected: tuple[str, ...]) -> CitationSyntaxError:
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    lo = max(0, pos - 20)
    context = text[lo : pos + 20] + "\n" + " " * (pos - lo) + "^"
    return CitationSyntaxError(
        text=text, position=pos, line=line, column=column, expected=expected, context=context
    )
