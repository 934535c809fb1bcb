"""The words before an anchor, where the scan tries its triggers (:mod:`xref.cite.candidates`).

For an anchor at ``i`` the scan tries the start of each of the (up to four) words that end
there, within 48 characters: the words of ``WORD.finditer(text, start, i + 1)`` where
``start`` is ``WORD_BACK.search(text, max(0, i - 48), i).start()``. A ``$``-anchored search
tries every start before ``i``; the same words are found by one forward match on the reversed
text (:func:`words_back`), and their starts all at once from the groups of
:data:`WORDS_REVERSED` (:func:`tried_starts`, inlined in the scan's loop).
"""

from __future__ import annotations

import re

__all__ = ["WORD", "WORDS_REVERSED", "WORD_BACK", "tried_starts", "words_back"]

WORD_CHARS = r"[\w.'\u2019\u2013-]"
"""The characters of a word."""
WORD_BACK = re.compile(rf"(?:{WORD_CHARS}+\s+){{0,3}}{WORD_CHARS}*$")
"""Up to four words ending where the search ends (what the scan stands for)."""
WORD = re.compile(rf"{WORD_CHARS}+")
"""A word."""
WORD_BACK_REVERSED = re.compile(rf"{WORD_CHARS}*(?:\s+{WORD_CHARS}+){{0,3}}")
""":data:`WORD_BACK` read backwards: on the reversed text one forward match finds the same
start (the longest run of up to four words ending at the anchor) without trying every start."""
WORDS_REVERSED = re.compile(
    rf"({WORD_CHARS}*)(?:\s+({WORD_CHARS}+)(?:\s+({WORD_CHARS}+)(?:\s+({WORD_CHARS}+))?)?)?"
)
""":data:`WORD_BACK_REVERSED` with each word a group: one match gives every word start (where
its group ends in the reversed text), without a ``finditer`` over the words and a match
object for each."""


def words_back(text: str, reverse: str, i: int) -> int:
    """``WORD_BACK.search(text, max(0, i - 48), i).start()``: where the (up to four) words
    ending at ``i`` start, found by one forward match on ``reverse`` (``text[::-1]``)."""
    n = len(text)
    bound = n - max(0, i - 48)
    m = WORD_BACK_REVERSED.match(reverse, n - i, bound)
    assert m is not None  # the pattern matches the empty string
    longest = m.end()
    if i > 0 and text[i - 1] == "\n":
        # "$" also matches before a newline that ends the searched text
        m = WORD_BACK_REVERSED.match(reverse, n - i + 1, bound)
        assert m is not None
        longest = max(longest, m.end())
    return n - longest


def tried_starts(text: str, reverse: str, i: int) -> list[int]:
    """Where the scan tries the triggers for the anchor at ``i``: the starts of the words of
    ``WORD.finditer(text, words_back(text, reverse, i), i + 1)``, and ``i`` itself (last;
    the others in any order, perhaps with ``i`` among them)."""
    n = len(text)
    bound = n - max(0, i - 48)
    m = WORDS_REVERSED.match(reverse, n - i, bound)
    assert m is not None  # the pattern matches the empty string
    if i > 0 and text[i - 1] == "\n":
        # "$" also matches before a newline that ends the searched text (words_back)
        m2 = WORDS_REVERSED.match(reverse, n - i + 1, bound)
        assert m2 is not None
        if m2.end() > m.end():
            m = m2
    # a word's start in the text is where its group ends in the reversed text
    out = [n - b for a, b in m.regs[1:] if b > a]
    out.append(i)
    return out
