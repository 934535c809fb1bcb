"""Bare pages of another work (issue 12, ``bench/suspects.py``: pages keyed as the citing
volume's though none of its documents is printed there). Each case is read in the volume and
document named."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from xref.cite.find import find_citations
from xref.read.documents import Volume
from xref.read.tei import read_volume
from xref.resolve.corpus import Corpus
from xref.resolve.otherworks import other_work_pages
from xref.resolve.resolution import Resolution, resolve_documents


@functools.cache
def _volume(path: Path) -> Volume:
    return read_volume(path)


def _pages(corpus_dir: Path, vid: str, local: str) -> list[Resolution]:
    vol = _volume(corpus_dir / f"{vid}.xml")
    docs = [d for d in vol.documents if d.local_id == local]
    return [r for r in resolve_documents(docs, Corpus.from_documents([vol]))
            if r.citation.kind == "page"]


@pytest.mark.parametrize(
    ("vid", "local", "text"),
    [
        # d104fn2: "(Fed. Reg. Doc. 57–1526, vol. XXII, No. 39, pp. 1111, 1113)": the issue's
        ("frus1955-57v19", "d104", "pp. 1111"),
        ("frus1955-57v19", "d104", "1113"),
        # d258fn6: "See Keesing's Contemporary Archives, September 6-13, 1969, p. 23551."
        ("frus1964-68v07", "d258", "p. 23551"),
        # d2fn2: "House of Representatives, Committee on Foreign Affairs, 80th Congress, 2d
        # sess., p. 512": the hearing's page (no document of the volume is on page 512)
        ("frus1948v01p1", "d2", "p. 512"),
    ],
)
def test_a_page_of_another_work_names_no_page_of_the_volume(
    corpus_dir: Path, vid: str, local: str, text: str
) -> None:
    (r,) = [r for r in _pages(corpus_dir, vid, local) if r.citation.text == text]
    assert r.status == "external"
    assert r.key is None and r.target is None  # was f"{vid}#pg_...": this volume's page
    assert "another work's" in r.reason or "publication's" in r.reason


def test_a_dated_paper_printed_in_the_volume_stays_its_page(corpus_dir: Path) -> None:
    """frus1948v05p1 d310fn3: "... repeated to New Delhi as telegram 554, September 14, 1948,
    p. 388": the telegram printed on page 388 of this volume (d308), date or not."""
    (r,) = [r for r in _pages(corpus_dir, "frus1948v05p1", "d310") if r.citation.text == "p. 388"]
    assert (r.status, r.target) == ("resolved", "frus1948v05p1#d308")


def test_what_before_a_page_makes_it_another_works() -> None:
    """The contexts, on the sentences of the cases above and frus1958-60v13 d92fn2 ("see U.N.
    Doc. A/PV.666, pp. 1275–1279"); FRUS's own "Part 2" and a plain "see pp. 817 ff." are not."""
    cases = {
        "See Keesing's Contemporary Archives, September 6-13, 1969, p. 23551.": True,
        "(Fed. Reg. Doc. 57–1526, vol. XXII, No. 39, pp. 1111, 1113)": True,
        "Committee on Foreign Affairs, 80th Congress, 2d sess., p. 512.": True,
        "For text of this speech, see U.N. Doc. A/PV.666, pp. 1275–1279.": True,
        "see Congressional Record, volume 105, part 4, page 5037.": True,
        "For documentation on the Battle Act, see pp. 817 ff.": False,
        "See Part 2, p. 1560.": False,
    }
    for text, other in cases.items():
        cits = find_citations(text)
        pages = [i for i, c in enumerate(cits) if c.kind == "page"]
        assert pages, text
        assert (pages[0] in other_work_pages(text, cits)) is other, text
