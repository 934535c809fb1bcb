"""Limits that stop reading say so: nothing is dropped silently."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from xref.cite.find import MAX_WINDOW, find_citations
from xref.cite.models import TelegramCitation, UnparsedCitation
from xref.cli import main
from xref.read.tei import read_volume_bytes


def test_long_list_reports_the_rest() -> None:
    """500 telegram numbers after one Deptels: those read, then the rest as unparsed."""
    numbers = [str(1000 + i) for i in range(500)]
    text = "See Deptels " + ", ".join(numbers) + " for details."
    cites = find_citations(text)
    read = [c for c in cites if isinstance(c, TelegramCitation)]
    rest = [c for c in cites if isinstance(c, UnparsedCitation)]
    assert [c.number for c in read] == numbers[: len(read)]
    assert 100 < len(read) < 500
    assert len(rest) == 1
    assert str(MAX_WINDOW) in rest[0].reason
    # the rest starts with the first number not read and ends with the last one
    assert rest[0].text.startswith(numbers[len(read)] + ", ")
    assert rest[0].text.endswith(", 1499")
    assert text[rest[0].span.start : rest[0].span.end] == rest[0].text


def test_window_never_cuts_a_number() -> None:
    """The last number read whole is a number of the list, never a piece of one."""
    for width in range(1, 8):  # shift the list across the window's end
        numbers = ["7" * width] + [str(100000 + i) for i in range(300)]
        text = "See Documents " + ", ".join(numbers) + "."
        cites = find_citations(text)
        read = [c.text for c in cites if not isinstance(c, UnparsedCitation)]
        assert read[0] == "Documents " + numbers[0]
        assert read[1:] == numbers[1 : len(read)]


def test_short_list_has_no_rest() -> None:
    """A list that fits reports nothing more."""
    cites = find_citations("See Deptels 1338, 1339 and 1340. Then 1962 came.")
    assert [type(c).__name__ for c in cites] == ["TelegramCitation"] * 3


def test_fragments_numbering_ignores_lone_cr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lone carriage return does not start a new fragment: numbers are the file's lines."""
    frags = tmp_path / "frags.txt"
    frags.write_bytes(b"see Deptel 1\rand more\nDeptel 2\r\nnothing\nDeptel 3\n")
    assert main(["extract", "--fragments", str(frags), "--format", "jsonl"]) == 0


    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["text"], r["fragment"]) for r in rows] == [
        ("Deptel 1", 1), ("Deptel 2", 2), ("Deptel 3", 4)
    ]


def test_huge_text_node_memory() -> None:
    """A 16 MB paragraph is read with less than 3 times its size in new memory (it took 4.4:
    copies of the whole text to join, collapse and drop a final space)."""
    phrase = b"Some long text about nothing in particular, see Deptel 1338. "
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1999v97"><text><body>'
        b'<div type="document" xml:id="d1" n="1"><head>Editorial Note</head><p>'
        + phrase * (16 * 1024 * 1024 // len(phrase))
        + b"</p></div></body></text></TEI>\n"
    )
    tracemalloc.start()
    try:
        volume = read_volume_bytes("big.xml", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    body = volume.documents[0].body.text
    assert body.startswith("Some long text") and body.endswith("Deptel 1338.")
    assert len(body) == len(phrase) * (16 * 1024 * 1024 // len(phrase)) - 1
    assert peak < 3 * len(data)
