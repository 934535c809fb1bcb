"""Plain-text copies in the seeds' format."""

from __future__ import annotations

from pathlib import Path

from xref.read.plaintext import is_furniture, read_plaintext

SEED_USUN = "000_945eba269802bf63.txt"
SEED_DEPT = "004_03d16a86b0456ebe.txt"


def test_header_fields(text_dir: Path) -> None:
    """Heading, dateline and own number of seed 000, written by hand from the file."""
    d = read_plaintext(text_dir / SEED_USUN, volume="frus1961-63v11")
    assert d.id == "frus1961-63v11#000_945eba269802bf63"
    assert d.heading.text == (
        "Telegram From the Mission to the United Nations to the Department of State"
    )
    assert (d.genre, d.sender, d.recipient) == (
        "telegram", "Mission to the United Nations", "Department of State"
    )
    assert (d.date, d.time, d.place) == ("1962-12-12", "20:00:00", "New York")
    assert d.own_number == "2292" and d.series is None
    assert d.body.text.startswith("2292. Dept pass White House.")
    assert d.diagnostics == ()


def test_markers_and_footnotes(text_dir: Path) -> None:
    """Markers leave the body; each footnote is anchored where its marker stood."""
    d = read_plaintext(text_dir / SEED_USUN)
    assert [f.label for f in d.footnotes] == ["1", "2", "3", "4"]
    assert "(1)" not in d.body.text.split("\n\n")[0]
    fn2 = d.footnotes[1]
    assert fn2.text == "See Document 243 and footnote 4 thereto."
    assert d.body.text[: fn2.anchor].endswith("modified as indicated ourtel 2291,")
    # enumerations "(1) that ..." are not markers
    assert "grounds (1) that it contains" in d.body.text
    assert not d.footnotes[0].text.endswith("Back")


def test_source_and_reading_order(text_dir: Path) -> None:
    """The Source line is the source note, first after the heading in reading order."""
    d = read_plaintext(text_dir / SEED_DEPT)
    assert d.source is not None
    assert d.source.classification == "Top Secret; Sensitive; Eyes Only"
    assert d.source.drafted_by == "Ball"
    assert d.source.cleared_by == "U. Alexis Johnson"
    assert d.source.approved_by == "Ball"
    wheres = [c.where for c in d.containers()]
    assert wheres == ["heading", "source", "body", "footnote", "footnote", "footnote", "footnote"]
    assert [c.note for c in d.containers()][1:4] == ["source", None, "fn1"]


def test_furniture_removed(text_dir: Path) -> None:
    """The archive's address is page furniture, detected as an address line."""
    d = read_plaintext(text_dir / SEED_DEPT)
    assert all("Wall Street" not in c.text for c in d.containers())
    assert is_furniture("127 Wall Street, New Haven, CT 06511.")
    assert is_furniture("1600 Pennsylvania Avenue, Washington, DC 20500")
    assert not is_furniture("2292. Dept pass White House.")


def test_source_map_points_into_file(text_dir: Path) -> None:
    """Offsets map back to the line, column and bytes of the file."""
    path = text_dir / SEED_DEPT
    data = path.read_bytes()
    d = read_plaintext(path)
    fn4 = d.footnotes[-1]
    loc = fn4.container.source_map.locate(0, data)
    assert data[loc.byte:].startswith(b"Document 206.")
    assert (loc.line, loc.column) == (26, 3)


def test_mismatched_markers(tmp_path: Path) -> None:
    """A marker without a footnote and a footnote without a marker are diagnostics."""
    p = tmp_path / "doc.txt"
    p.write_text(
        "Telegram From the Embassy in Lebanon to the Department of State\n\n"
        "Beirut, February 21, 1958, 11 a.m.\n\n"
        "2832. Text.(1) More.(3)\n\n"
        "1 Not printed. Back\n\n2 Orphan. Back\n\n"
        "Source: Department of State, Central Files, 783A.00/2-2158. Secret.\n",
        encoding="utf-8",
    )
    d = read_plaintext(p)
    codes = sorted(x.code for x in d.diagnostics)
    assert codes == ["footnote-without-marker", "marker-without-footnote"]
    assert d.own_number == "2832"
