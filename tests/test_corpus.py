"""The corpus index: by id, number, channel and file."""

from __future__ import annotations

from pathlib import Path

from xref.read.plaintext import read_plaintext
from xref.read.tei import read_volume
from xref.resolve.corpus import Corpus, files_cited


def test_lookups(tei_dir: Path, text_dir: Path) -> None:
    """Volumes and plain-text documents meet in one index."""
    vol = read_volume(tei_dir / "frus1958-60v11-d7-d9.xml")
    corpus = Corpus.from_documents([vol])
    assert corpus.volumes() == ["frus1958-60v11"]
    d7 = corpus.by_id("frus1958-60v11#d7")
    assert d7 is not None and corpus.by_number("frus1958-60v11", 7) is d7
    assert corpus.by_channel("Beirut", "Department", "2832") == [d7]
    assert corpus.by_channel("Embassy in Lebanon", None, "2832", date="1958-02-21") == [d7]
    assert corpus.by_channel("Beirut", "Department", "2832", date="1961") == []
    assert d7 in corpus.by_file("783A.00/2-2158")
    assert corpus.footnote("frus1958-60v11", 9, "4") is not None
    assert corpus.footnote("frus1958-60v11", 9, "9") is None
    seed = read_plaintext(text_dir / "000_945eba269802bf63.txt", volume="frus1961-63v11")
    bigger = corpus.with_documents([seed])
    assert len(bigger) == len(corpus) + 1
    assert bigger.by_channel("USUN", "Department of State", "2292") == [seed]
    assert corpus.by_id(seed.id) is None


def test_series_numbers(tei_dir: Path) -> None:
    """A series number is found with and without its series."""
    corpus = Corpus.from_documents([read_volume(tei_dir / "quirks.xml")])
    (d1,) = corpus.by_channel("USRO", "Department of State", "Polto 812")
    assert corpus.by_channel("USNATO", "Department of State", "812") == [d1]


def test_files_cited() -> None:
    """Decimal files are normalized (dashes, stray spaces)."""
    assert files_cited("Central Files, 783A.00/2–2158. Ibid., 661.00/1- 2461") == [
        "783A.00/2-2158", "661.00/1-2461"
    ]
