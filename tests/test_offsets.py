"""Mapping many citations of one long text back to the file costs time linear in its length.

The work is counted, not timed: ``data`` is a bytes subclass that adds up every byte read
through indexing or slicing. Four times the text (and four times the citations) must cost
about four times the work, not sixteen.
"""

from __future__ import annotations

from typing import SupportsIndex

from xref.cite.find import find_citations
from xref.read.plaintext import read_plaintext_bytes
from xref.read.tei import read_volume_bytes

PHRASE = "reported in Deptel 1338 and ourtel 2291, see Document 1 and footnote 2 thereto; "


class Counted(bytes):
    """Bytes that count how many of their bytes were read by ``[]``."""

    work = 0

    def __getitem__(self, key: SupportsIndex | slice) -> int | bytes:  # type: ignore[override]
        out = super().__getitem__(key)
        Counted.work += len(out) if isinstance(out, bytes) else 1
        return out


def _tei(n: int) -> bytes:
    lines = "\n".join([PHRASE] * n)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1999v98"><text><body>'
        '<div type="document" xml:id="d1" n="1"><head>Editorial Note</head>'
        f"<p>{lines}</p></div></body></text></TEI>\n"
    ).encode()


def _text(n: int) -> bytes:
    return (
        "Editorial Note\n\nWashington, December 12, 1962.\n\n" + PHRASE * n + "\n"
    ).encode()


def _work_tei(n: int) -> tuple[int, int]:
    data = Counted(_tei(n))
    body = read_volume_bytes("dense.xml", bytes(data)).documents[0].body
    cites = find_citations(body.text)
    Counted.work = 0
    lines = [body.source_map.locate(c.span.start, data).line for c in cites]
    assert lines == sorted(lines) and lines[-1] == n + 1  # one phrase a line, from line 2
    return Counted.work, len(cites)


def _work_text(n: int) -> tuple[int, int]:
    raw = _text(n)
    data = Counted(raw)
    body = read_plaintext_bytes("dense.txt", raw, None).body
    cites = find_citations(body.text)
    Counted.work = 0
    for c in cites:
        loc = body.source_map.locate(c.span.start, data)
        assert raw[loc.byte:].startswith(c.text.encode())
    return Counted.work, len(cites)


def test_tei_locate_is_linear() -> None:
    """A TEI paragraph of 50 and 200 phrases: the work grows ~4 times, not ~16."""
    small, n_small = _work_tei(50)
    large, n_large = _work_tei(200)
    assert n_large == 4 * n_small
    assert large < 6 * small


def test_plaintext_locate_is_linear() -> None:
    """A plain-text line of 50 and 200 phrases: the work grows ~4 times, not ~16."""
    small, n_small = _work_text(50)
    large, n_large = _work_text(200)
    assert n_large == 4 * n_small
    assert large < 6 * small
