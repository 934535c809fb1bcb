"""The FRUS TEI reader on excerpts (fixtures) and on the 20 dev volumes (corpus)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from xref.read.tei import iter_documents, read_volume


def test_d7_header_fields(tei_dir: Path) -> None:
    """frus1958-60v11 d7, written by hand from the volume."""
    v = read_volume(tei_dir / "frus1958-60v11-d7-d9.xml")
    assert v.id == "frus1958-60v11"
    assert v.title == (
        "Foreign Relations of the United States, 1958–1960, Lebanon and Jordan, Volume XI"
    )
    d = v.documents[0]
    assert (d.id, d.local_id, d.number) == ("frus1958-60v11#d7", "d7", "7")
    assert d.heading.text == "7. Telegram From the Embassy in Lebanon to the Department of State"
    assert (d.genre, d.sender, d.recipient) == (
        "telegram", "Embassy in Lebanon", "Department of State"
    )
    assert (d.date, d.time, d.place) == ("1958-02-21", "11:00:00", "Beirut")
    assert d.own_number == "2832"
    assert d.body.text.startswith("2832. Time has now arrived")
    assert d.source is not None
    assert d.source.text == (
        "Source: Department of State, Central Files, 783A.00/2–2158. Top Secret."
    )
    assert d.source.classification == "Top Secret"
    assert d.source.container.note == "d7fn1"


def test_footnote_anchor_and_refs(tei_dir: Path) -> None:
    """d9fn4 stands right after 'Deptel 3000'; its ref is kept apart as the answer key."""
    d = read_volume(tei_dir / "frus1958-60v11-d7-d9.xml").documents[2]
    fn4 = d.footnote("4")
    assert fn4 is not None and fn4.id == "d9fn4"
    assert fn4.anchor is not None
    assert d.body.text[: fn4.anchor].endswith("authorized Deptel 3000")
    assert d.body.text[fn4.anchor:].startswith(" re assistance")
    assert fn4.text == "See footnote 3, Document 5."
    (ref,) = fn4.container.refs
    assert ref.target == "#d5fn3"
    assert fn4.text[ref.span.start:ref.span.end] == "footnote 3, Document 5"


def test_inline_markup_is_transparent(tei_dir: Path) -> None:
    """gloss, hi and pb do not break words; &amp; is one character; notes are removed."""
    d = read_volume(tei_dir / "quirks.xml").documents[0]
    assert d.body.text.startswith(
        "Polto 812. Reference: Deptel 3000. Council met this morning & agreed."
    )
    assert (d.own_number, d.series) == ("812", "Polto")
    assert d.footnote("1") is not None
    assert d.footnotes[0].text == "Ibid., 740.5/1-562."


def test_source_note_variants(tei_dir: Path) -> None:
    """n="0" without @type, and a bracketed source note without @type, are source notes."""
    docs = read_volume(tei_dir / "quirks.xml").documents
    s1, s2 = docs[0].source, docs[1].source
    assert s1 is not None and s1.container.note == "d1fn0"
    assert (s1.classification, s1.precedence) == ("Secret", "Priority")
    assert s1.repeated_to == ("London", "Bonn", "Rome")
    assert s2 is not None and s2.text.startswith("[Source:")
    assert "not declassified" in s2.statuses
    assert (docs[1].own_number, docs[1].series) == ("1108", "Topol")


def test_attachment_in_body_with_its_note(tei_dir: Path) -> None:
    """An attachment's head, text and notes belong to the document's body."""
    d = read_volume(tei_dir / "quirks.xml").documents[0]
    assert "Enclosure\n\nSee Document 2." in d.body.text
    fna = d.footnote("a")
    assert fna is not None and fna.id == "d1fna"
    assert d.body.text[: fna.anchor].endswith("See Document 2.")
    assert [r.target for r in d.body.refs] == ["#d2"]


def test_reading_order(tei_dir: Path) -> None:
    """heading, source, body, then footnotes in anchor order."""
    d = read_volume(tei_dir / "quirks.xml").documents[0]
    assert [c.key for c in d.containers()] == ["heading", "source", "body", "d1fn1", "d1fna"]


def test_editorial_note_and_duplicate_ids(tei_dir: Path) -> None:
    """Editorial notes are documents; duplicate xml:ids are read and reported."""
    v = read_volume(tei_dir / "quirks.xml")
    assert v.documents[2].genre == "editorial note"
    assert v.documents[2].source is None
    (diag,) = v.diagnostics
    assert diag.code == "duplicate-id" and "'d2'" in diag.message and diag.line == 34


def test_source_map_bytes(tei_dir: Path) -> None:
    """Offsets map to the exact bytes: after entities, multi-byte characters and markup."""
    path = tei_dir / "quirks.xml"
    data = path.read_bytes()
    d = read_volume(path).documents[0]
    body = d.body
    i = body.text.index("& agreed")
    assert data[body.source_map.locate(i, data).byte:].startswith(b"&amp; agreed")
    j = body.text.index("ing &")
    assert data[body.source_map.locate(j, data).byte:].startswith(b"ing &amp;")
    k = body.text.index("3000.")
    loc = body.source_map.locate(k, data)
    assert data[loc.byte:].startswith(b"3000.")
    assert loc.line == 19
    end = body.source_map.locate_end(k + 4, data)
    assert data[end.byte:].startswith(b".<note")
    d2 = read_volume(path).documents[1]
    m = d2.source.container.text.index("2–2158") if d2.source else 0
    assert d2.source is not None
    assert data[d2.source.container.source_map.locate(m + 2, data).byte:].startswith(b"2158.")


def test_source_map_past_the_first_megabyte(tmp_path: Path) -> None:
    """Text that runs across the reader's 1 MB feeding boundary still maps to its bytes."""
    filler = "Council met this morning and agreed. " * 29_000  # about 1.07 MB of one text run
    xml = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus-big"><text><body>'
        '<div type="document" xml:id="d1" n="1"><head>1. Telegram</head>'
        f"<p>{filler}Embtel 2832 reported it.</p></div></body></text></TEI>"
    )
    path = tmp_path / "big.xml"
    path.write_text(xml, encoding="utf-8")
    data = path.read_bytes()
    body = read_volume(path).documents[0].body
    i = body.text.index("Embtel 2832")
    assert i > 1 << 20
    assert data[body.source_map.locate(i, data).byte:].startswith(b"Embtel 2832")


def test_streaming_and_pickling(tei_dir: Path) -> None:
    """Documents come one at a time and survive pickling (for --jobs)."""
    it = iter_documents(tei_dir / "frus1958-60v11-d7-d9.xml")
    first = next(it)
    assert first.local_id == "d7"
    again = pickle.loads(pickle.dumps(first))
    assert again == first


@pytest.mark.corpus
@pytest.mark.slow
def test_whole_corpus_metrics(corpus_dir: Path) -> None:
    """On all 20 dev volumes: every file reads, and the header fields meet the targets."""
    tel = tel_ok = named = named_ok = total = dated = 0
    for path in sorted(corpus_dir.glob("*.xml")):
        for d in read_volume(path).documents:
            total += 1
            dated += d.date is not None or not d.dateline
            if d.genre and "telegram" in d.genre:
                tel += 1
                tel_ok += d.own_number is not None
            if " From " in d.heading.text or d.sender:
                named += 1
                named_ok += bool(d.sender and d.recipient)
    assert total > 5000
    assert tel_ok / tel >= 0.95
    assert named_ok / named >= 0.9
    assert dated / total >= 0.97


def test_drafting_date_of_undated_documents() -> None:
    """An undated dateline takes the drafting date the source note gives, year from nearby."""
    from xref.read.headers import parse_drafting_date

    note = "Source: Lot 66 D 204. Drafted by Hartley (S/S-RO) on May 7 and cleared by Davis."
    assert parse_drafting_date(note, "1961-05-12") == "1961-05-07"
    assert parse_drafting_date(note) == "--05-07"
    assert parse_drafting_date("Drafted by Smith on January 3.", "1961-12-28") == "1962-01-03"
    assert parse_drafting_date("Drafted by Smith on May 7, 1960.", "1961-01-01") == "1960-05-07"
    assert parse_drafting_date("Cleared by Smith on May 7.", "1961-01-01") is None


def test_documents_stretch_found_from_both_ends() -> None:
    """The first and last ``type="document"`` are where a scan of every match puts them:
    spaces and either quote around ``=``, and look-alikes (``subtype``, the word in text,
    an unquoted or half-quoted value) skipped."""
    from xref.read.tei_parts import _DOC_TYPE, _document_stretch

    cases = [
        b"",
        b"<p>no documents here</p>",
        b'<div type="document">',
        b"<div type = \n 'document'/><p>a document</p><div subtype=\"document\"/>",
        b'<a type="document"/><b type="document\'/><c xtype="document"/><d type=document/>',
        b'<a type="document"/><b type= "document"/>document"',
        b'type="document"',
    ]
    for data in cases:
        starts = [m.start() for m in _DOC_TYPE.finditer(data)]
        assert _document_stretch(data) == ((starts[0], starts[-1]) if starts else (-1, -1))


def test_last_document_with_spaced_type_is_read(tmp_path: Path) -> None:
    """The last document's ``type = 'document'`` (spaces, single quotes), followed by back
    matter that says "document" and has a ``subtype="document"``: every document is read."""
    xml = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus-x"><text><body>'
        '<div type="document" xml:id="d1" n="1"><head>1. Memorandum</head><p>One.</p></div>'
        "<div type =\n  'document' xml:id=\"d2\" n=\"2\"><head>2. Telegram</head><p>Two.</p></div>"
        '</body><back><div subtype="document"><p>Each document above.</p></div></back>'
        "</text></TEI>"
    )
    path = tmp_path / "v.xml"
    path.write_text(xml, encoding="utf-8")
    docs = read_volume(path).documents
    assert [(d.local_id, d.body.text) for d in docs] == [("d1", "One."), ("d2", "Two.")]


def test_reading_without_source_maps(tei_dir: Path) -> None:
    """``maps=False``: the same documents, texts, refs and headers, with empty source maps."""
    for name in ("quirks.xml", "frus1958-60v11-d7-d9.xml"):
        full = read_volume(tei_dir / name)
        bare = read_volume(tei_dir / name, maps=False)
        assert len(bare.documents) == len(full.documents)
        for a, b in zip(full.documents, bare.documents, strict=True):
            pairs = list(zip(a.containers(), b.containers(), strict=True))
            assert any(x.source_map.offsets for x, _ in pairs)
            for x, y in pairs:
                assert (x.where, x.text, x.note, x.refs) == (y.where, y.text, y.note, y.refs)
                assert not y.source_map.offsets and not y.source_map.events
            assert (a.date, a.genre, a.sender, a.own_number) == (
                b.date, b.genre, b.sender, b.own_number
            )


def _repeats_by_expat(path: str, data: bytes) -> list[tuple[str, int]]:
    """What expat itself says: each repeated ``xml:id`` with its line and its first line."""
    from xref.read.safexml import create_parser

    parser = create_parser(path)
    seen: dict[str, int] = {}
    out: list[tuple[str, int]] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        xid = attrs.get("xml:id")
        if xid is not None:
            line = parser.CurrentLineNumber
            if xid in seen:
                out.append((f"xml:id {xid!r} is used again (first on line {seen[xid]})", line))
            seen.setdefault(xid, line)

    parser.StartElementHandler = start
    parser.Parse(data, True)
    return out


def test_duplicate_ids_from_positions_match_a_second_parse(tmp_path: Path) -> None:
    """Repeated ``xml:id``s are reported from the byte scan's positions where it can be sure
    (same messages and lines as expat's), and by a second parse where it cannot: a comment,
    an ``xml:id`` written inside another attribute's value."""
    from xref.read import tei_parts

    head = '<?xml version="1.0"?>\n<?xml-model href="x"?>\n<TEI xml:id="v">\n'
    bodies = {
        "plain": '<div\n  type="document" xml:id="d1"/>\n<p n="a>b" xml:id = \'d1\'/>\n'
                 '<note xml:id="d1"/><note xml:id="d2"/>\n<x xml:id="d2"/>',
        "comment": '<div xml:id="d1"/><!-- <p xml:id="d1"/> --><p xml:id="d1"/>',
        "in a value": '<div xml:id="d1"/><p title=\' xml:id="d1"\'/><p xml:id="d1"/>',
    }
    sure = {"plain": True, "comment": False, "in a value": False}
    for name, body in bodies.items():
        data = (head + body + "\n</TEI>\n").encode()
        ids = [a or b for a, b in tei_parts._XML_ID.findall(data)]
        quick = tei_parts._duplicates_by_position(data, ids)
        assert (quick is not None) == sure[name], name
        path = tmp_path / "v.xml"
        path.write_bytes(data)
        expected = _repeats_by_expat(str(path), data)
        got = tei_parts._duplicate_ids(str(path), data)
        assert [(d.message, d.line) for d in got] == expected, name
        if quick is not None:
            assert quick == got
