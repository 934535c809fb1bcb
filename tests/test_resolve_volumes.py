"""Cited FRUS volumes are checked against the catalog: one that does not exist is flagged."""

from __future__ import annotations

from pathlib import Path

from xref.read.plaintext import read_plaintext
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import resolve_documents
from xref.resolve.volumes import missing_volume

TEXT = (
    "Memorandum.\n\n"
    "See Foreign Relations, 1951, vol. VI, Part 1, p. 33, and Foreign Relations, 1951, "
    "vol. XCIX, p. 5. Also Foreign Relations, 1969–1976, volume XLV, Document 3, and "
    "Foreign Relations, 1969–1976, volume XII, Document 7.\n"
)


def test_missing_volume() -> None:
    """Only a full id that the catalog lacks, with none of its parts, is missing."""
    assert missing_volume("frus1951v06p1") is None  # exists
    assert missing_volume("frus1951v06") is None  # cited without its part: parts exist
    assert missing_volume("v11") is None  # relative: cannot be told
    assert missing_volume("frus1947") is None  # a year cited whole
    assert missing_volume("frus1969-76") is None  # a subseries cited whole
    assert missing_volume(None) is None
    reason = missing_volume("frus1951v99")
    assert reason is not None and "frus1951v99" in reason


def test_citations_of_volumes_that_do_not_exist_are_unresolved(tmp_path: Path) -> None:
    """1951 has no volume XCIX and 1969-1976 no volume XLV: unresolved, with the reason;
    the real volumes stay external."""
    path = tmp_path / "memo.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = read_plaintext(str(path), volume="frus1961-63v11")
    results = {r.citation.text: r for r in resolve_documents([doc], Corpus.from_documents([doc]))}
    assert results["Foreign Relations, 1951, vol. VI, Part 1, p. 33"].status == "external"
    bad = results["Foreign Relations, 1951, vol. XCIX, p. 5"]
    assert bad.status == "unresolved" and "frus1951v99" in (bad.reason or "")
    bad = results["Foreign Relations, 1969–1976, volume XLV, Document 3"]
    assert bad.status == "unresolved" and bad.method == "catalog"
    good = results["Foreign Relations, 1969–1976, volume XII, Document 7"]
    assert good.status == "external"


def test_a_range_after_ibid_stays_in_the_ibid_volume(tmp_path: Path) -> None:
    """'ibid., Documents 194–204' after a citation of vol. XVII: every document of the range,
    the inner ones too (they stand on the dash), is vol. XVII's, not the citing volume's."""
    path = tmp_path / "memo.txt"
    path.write_text(
        "Memorandum.\n\nSee Foreign Relations, 1969–1976, volume XVII, Document 5. Later "
        "talks: see ibid., Documents 194–204.\n",
        encoding="utf-8",
    )
    doc = read_plaintext(str(path), volume="frus1969-76v38p1")
    corpus = Corpus.from_documents([doc])
    numbers = {
        r.citation.fields().get("number"): r.key
        for r in resolve_documents([doc], corpus)
        if r.citation.kind == "document"
    }
    for n in (195, 199, 203, 204):
        assert numbers[n] == f"frus1969-76v17#d{n}", (n, numbers[n])
