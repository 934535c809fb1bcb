"""A page, then its footnote (issue 12, ``bench/suspects.py``: such footnotes were left
``unresolved``, as footnotes of the citing document that it does not have). Each sentence is
from the volume and document named."""

from __future__ import annotations

from xref.cite.find import find_citations
from xref.resolve.neighbours import link


def _pages_of_footnotes(text: str, volume: str) -> list[tuple[str, tuple[str, str | None] | None]]:
    return [(x.citation.text, x.page) for x in link(text, find_citations(text, volume=volume))
            if x.citation.kind == "footnote"]


def test_a_footnote_after_the_page_it_is_on() -> None:
    """frus1955-57v23p2 d196fn5: "see vol. x, p. 62, footnote 14" (vol. x of 1955-1957);
    frus1955-57v19 d28fn2: "see Foreign Relations, 1952-1954, vol. II, Part 1, p. 801, footnote
    17"; frus1948v05p1 d52fn2: "Foreign Relations, 1947, vol. v, p. 503 and footnote 33"."""
    assert _pages_of_footnotes(
        "Regarding NSC Action No. 1486, see vol. x, p. 62, footnote 14. Regarding",
        "frus1955-57v23p2",
    ) == [("footnote 14", ("62", "frus1955-57v10"))]
    assert _pages_of_footnotes(
        "NSC Action No. 1273, see Foreign Relations, 1952-1954, vol. II, Part 1, p. 801, "
        "footnote 17. Paragraph", "frus1955-57v19",
    ) == [("footnote 17", ("801", "frus1952-54v02p1"))]
    assert _pages_of_footnotes(
        "Foreign Relations, 1947, vol. v, p. 503 and footnote 33.", "frus1948v05p1"
    ) == [("footnote 33", ("503", "frus1947v05"))]
    # a footnote after a sentence's end is no footnote of the page before it
    assert _pages_of_footnotes("See p. 44. Footnote 3 above", "frus1948v05p1") == [
        ("Footnote 3 above", None)
    ]


def test_a_footnote_that_names_its_own_page() -> None:
    """frus1948v05p1 d37fn2: "see footnote 6, Foreign Relations, 1947, vol. v, p. 630, and
    footnote 4, ibid., p. 628": each footnote is on the page printed after it, not on the page
    before it."""
    text = ("see footnote 6, Foreign Relations, 1947, vol. v, p. 630, and footnote 4, ibid., "
            "p. 628.")
    assert _pages_of_footnotes(text, "frus1948v05p1") == [
        ("footnote 6", ("630", "frus1947v05")), ("footnote 4", None)
    ]
    # the same without the first footnote: footnote 4 is still the ibid's page's
    text = "see Foreign Relations, 1947, vol. v, p. 630, and footnote 4, ibid., p. 628."
    assert _pages_of_footnotes(text, "frus1948v05p1") == [("footnote 4", None)]
