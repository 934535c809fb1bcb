"""Every citation in the two seed documents, with kinds and fields written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import xref

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
SEED_000 = FIXTURES / "000_945eba269802bf63.txt"
SEED_004 = FIXTURES / "004_03d16a86b0456ebe.txt"


def _found(path: Path) -> list[xref.Citation]:
    return xref.find_citations(path.read_text(encoding="utf-8"), volume="frus1961-63v11")


def _summary(c: xref.Citation) -> tuple[str, str, dict[str, object]]:
    return (c.kind, c.text, c.fields())


def test_seed_000_every_citation() -> None:
    """Seed 000 holds eight citations, in this order, with these fields."""
    got = [_summary(c) for c in _found(SEED_000)]
    assert [(k, t) for k, t, _ in got] == [
        ("telegram", "Deptel 1593"),
        ("telegram", "ourtel 2291"),
        ("records_center", "USUN Files: NYFRC 84-84-001, 1B December/January Meetings"),
        ("footnote", "Document 243 and footnote 4 thereto"),
        ("document", "Document 234"),
        ("telegram", "Telegram 1531 from London, December 7"),
        ("central_file", "Department of State, Central Files, 737.00/12-762"),
        ("central_file", "Department of State, Central Files, 737.56361/12-1262"),
    ]
    fields = [f for _, _, f in got]
    assert fields[0]["number"] == "1593" and fields[0]["series"] == "Deptel"
    assert fields[0]["sender"] == "Department of State"
    assert fields[1]["number"] == "2291" and fields[1]["series"] == "ourtel"
    assert fields[2] == {
        "accession": "84-84-001",
        "center": "NY FRC",
        "series": "USUN Files",
        "folder": "1B December/January Meetings",
    }
    assert fields[3] == {"number": "4", "document": 243, "volume": None, "relative": None}
    assert fields[4] == {"number": 234, "volume": None, "relative": None}
    assert fields[5]["number"] == "1531"
    assert fields[5]["sender"] == "London"
    assert fields[5]["recipient"] == "Department of State"
    assert fields[5]["date"] == "--12-07"
    assert fields[6] == {"file": "737.00/12-762", "decimal": "737.00", "date": "1962-12-07"}
    assert fields[7] == {
        "file": "737.56361/12-1262",
        "decimal": "737.56361",
        "date": "1962-12-12",
    }


def test_seed_004_every_citation() -> None:
    """Seed 004 holds Deptel 1338, the ibid. lot file, Documents 204, 208, 206, the source file."""
    got = [_summary(c) for c in _found(SEED_004)]
    assert [(k, t) for k, t, _ in got] == [
        ("telegram", "Deptel 1338"),
        ("ibid", "ibid., Ball Files; Lot 74 D 272, Telephone Conversations--Cuba"),
        ("document", "Document 204"),
        ("document", "Document 208"),
        ("document", "Document 206"),
        ("central_file", "Department of State, Central Files, 737.56361/11-2362"),
    ]
    ibid = got[1][2]
    assert ibid["locator_kind"] == "lot_file"
    assert ibid["lot"] == "74 D 272"
    assert ibid["series"] == "Ball Files"
    assert ibid["folder"] == "Telephone Conversations--Cuba"
    assert [f["number"] for _, _, f in got[2:5]] == [204, 208, 206]
    assert got[5][2]["date"] == "1962-11-23"


@pytest.mark.parametrize("path", [SEED_000, SEED_004], ids=["000", "004"])
def test_spans_are_exact(path: Path) -> None:
    """Every citation's text is exactly the slice of the source its span names."""
    text = path.read_text(encoding="utf-8")
    for c in xref.find_citations(text):
        assert text[c.span.start : c.span.end] == c.text
