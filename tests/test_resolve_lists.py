"""Lists and their context (issue 13): the later items of a list keep what the first names.

The fixture ``fixtures/tei/frus1958-60v07p8-lists.xml`` is a hand-made excerpt of a volume
printed in parts; every expected value below is read from that file (its notes are modelled on
frus1958-60v02 d127, d145, d102 and frus1958-60v07p1 d163).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xref.cite.find import find_citations
from xref.read.headers import UNNUMBERED
from xref.read.tei import read_volume
from xref.resolve.corpus import Corpus
from xref.resolve.neighbours import link
from xref.resolve.resolution import Resolution, other_part, resolve_documents
from xref.resolve.resolver import Resolver

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "tei" / "frus1958-60v07p8-lists.xml"
VOL = "frus1958-60v07p8"


@pytest.fixture(scope="module")
def results() -> list[Resolution]:
    volume = read_volume(FIXTURE)
    return list(resolve_documents(volume.documents, Corpus.from_documents([volume])))


def _in(results: list[Resolution], where: str) -> list[tuple[str, str, str | None]]:
    return [
        (r.citation.text, r.status, r.target or r.key)
        for r in results
        if r.document.local_id == "d2" and r.container.key == where
        and r.citation.kind in ("document", "footnote")
    ]


def test_supra_then_its_footnotes(results: list[Resolution]) -> None:
    """``see supra, footnotes 2 and 3, respectively``: the notes of d1 (supra), not d2's own."""
    assert _in(results, "d2fn2") == [
        ("supra", "resolved", f"{VOL}#d1"),
        ("footnotes 2", "resolved", f"{VOL}#d1fn2"),
        ("3", "resolved", f"{VOL}#d1fn3"),
    ]


def test_other_part_for_the_whole_list(results: list[Resolution]) -> None:
    """``See Part 2, Documents 77 and 78``: both are Part 2's (not loaded: external), never
    this part's documents of those numbers."""
    assert _in(results, "d2fn3") == [
        ("Documents 77", "external", "frus1958-60v07p2#d77"),
        ("78", "external", "frus1958-60v07p2#d78"),
    ]


def test_own_part_named_is_this_volume(results: list[Resolution]) -> None:
    """``See Part 8, Document 1`` in Part 8: this volume's d1."""
    assert _in(results, "d2fn7") == [("Document 1", "resolved", f"{VOL}#d1")]


def test_footnotes_respectively_of_a_document(results: list[Resolution]) -> None:
    """``footnotes 2 and 3, respectively, Document 1``: d1's notes, the document after them."""
    assert _in(results, "d2fn4") == [
        ("footnotes 2", "resolved", f"{VOL}#d1fn2"),
        ("3", "resolved", f"{VOL}#d1fn3"),
        ("Document 1", "resolved", f"{VOL}#d1"),
    ]


def test_footnote_ibid_after_a_note_naming_a_document(results: list[Resolution]) -> None:
    """Note 5 is ``Document 1.``; note 6 ``See footnote 2, ibid.``: d1's footnote 2."""
    assert _in(results, "d2fn6") == [("footnote 2", "resolved", f"{VOL}#d1fn2")]


@pytest.mark.parametrize(
    ("volume", "text", "expected"),
    [
        ("frus1958-60v07p1", "See Part 2, Document 45.", "frus1958-60v07p2"),
        ("frus1958-60v07p1", "See Part II, Document 45.", "frus1958-60v07p2"),
        ("frus1961-63v02", "See Part 2, Document 45.", None),  # a volume without parts
        ("frus1958-60v07p1", "See Document 45.", None),
        ("frus1958-60v07p1", "Part 2 of the report. Document 45.", None),
    ],
)
def test_other_part(volume: str, text: str, expected: str | None) -> None:
    """Only ``Part N,`` right before the citation, in a volume printed in parts."""
    doc = [c for c in find_citations(text, volume=volume) if c.kind == "document"]
    assert len(doc) == 1
    assert other_part(text, doc[0], volume) == expected


def test_unnumbered_telegram_is_read_but_never_matched() -> None:
    """d3 prints ``Unnumbered.`` where the number stands: its own number is recorded as
    ``unnumbered``; no index of numbers holds it."""
    volume = read_volume(FIXTURE)
    d3 = volume.documents[2]
    assert d3.own_number == UNNUMBERED == "unnumbered"
    corpus = Corpus.from_documents([volume])
    assert not any(UNNUMBERED in str(key) for key in Resolver(corpus).by_own_number)
    assert corpus.by_channel(d3.sender, d3.recipient, UNNUMBERED) == []


def test_footnote_ibid_after_a_note_naming_a_footnote(results: list[Resolution]) -> None:
    """Note 8 is ``See footnote 3, Document 1.``; note 9 ``See footnote 2, ibid.``: the ibid.
    repeats Document 1, so d1's footnote 2 (modelled on frus1955-57v09 d197 notes 3-4)."""
    assert _in(results, "d2fn9") == [("footnote 2", "resolved", f"{VOL}#d1fn2")]


def test_footnote_ibid_after_supra(results: list[Resolution]) -> None:
    """Note 10 is ``Supra.``; note 11 ``See footnote 3, ibid.``: d1's footnote 3 (d1 is
    supra; modelled on frus1958-60v02 d106 notes 2-3)."""
    assert _in(results, "d2fn11") == [("footnote 3", "resolved", f"{VOL}#d1fn3")]


def test_list_of_pages_read_as_one_citation_is_split() -> None:
    """``printed on pp. 151, 156``: page 151 (``pp. 151``) and page 156 (``156``), each its
    own citation, so that each resolves to its page (frus1948v05p1 d121 note 3)."""
    text = "Nos. 703 and 777 are printed on pp. 151, 156; the remaining are not printed."
    pages = [
        (x.citation.text, getattr(x.citation, "pages", None))
        for x in link(text, find_citations(text, volume="frus1948v05p1"))
    ]
    assert pages == [("pp. 151", "151"), ("156", "156")]


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("See footnote 2, vol. V, p. 630.", ("630", "frus1948v05")),
        ("See footnote 2, Foreign Relations, 1947, vol. V, p. 630.", ("630", "frus1947v05")),
    ],
)
def test_footnote_of_a_page_of_another_volume(text: str, page: tuple[str, str]) -> None:
    """``footnote 2, vol. V, p. 630``: footnote 2 of the document on that page of vol. V (the
    parser leaves ``footnote 2`` unparsed, expecting ``Document`` after the volume)."""
    first = link(text, find_citations(text, volume="frus1948v01p1"))[0]
    assert (first.citation.kind, getattr(first.citation, "number", None)) == ("footnote", "2")
    assert first.page == page
