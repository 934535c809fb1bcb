"""Print-era references left on the tuning volumes (issue 12, G7): each read from its
structure, expected values read from the volumes named (file and document id in each
docstring), with prose of the same shape that is no citation."""

from __future__ import annotations

import xref


def _found(text: str) -> list[tuple[str, str, dict[str, object]]]:
    return [(c.kind, c.text, c.fields()) for c in xref.find_citations(text)]


def test_page_numbered_with_a_letter() -> None:
    """A page numbered with a letter, a page inserted in print: frus1952-54v01p1 d174 ("(pp.
    17–17a; Appendix D)", "(pp. 17a–20; Appendices C and D)"), cut at ``17`` before."""
    assert _found("at the expense of a substantial stretchout. (pp. 17–17a; Appendix D)") == [
        ("page", "pp. 17–17a", {"pages": "17-17a"}),
    ]
    assert _found("recommended by the Department of State. (pp. 17a–20; Appendices C and D)"
                  ) == [("page", "pp. 17a–20", {"pages": "17a-20"})]


def test_page_then_a_word_keeps_its_number() -> None:
    """Negative: a page's number before the article ``a`` is the number alone."""
    assert _found("It is on p. 17 a memorandum says.") == [("page", "p. 17", {"pages": "17"})]
