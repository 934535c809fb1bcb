"""``xref extract`` and ``xref resolve`` on the command line: records, errors, bad input."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import xref
from xref.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "text" / "004_03d16a86b0456ebe.txt"
EXCERPT = FIXTURES / "tei" / "frus1958-60v11-d7-d9.xml"


def _jsonl(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_extract_jsonl_records_carry_document_fields(capsys: pytest.CaptureFixture[str]) -> None:
    """Records of a TEI volume name the volume, document, container and note."""
    assert main(["extract", "--format", "jsonl", str(EXCERPT)]) == 0
    records = _jsonl(capsys)
    first = records[0]
    assert first["volume"] == "frus1958-60v11" and first["doc"] == "d7"
    assert first["where"] == "source" and first["note"] == "d7fn1"
    assert first["kind"] == "central_file"
    assert first["text"] == "Department of State, Central Files, 783A.00/2–2158"
    assert set(first) >= {"source", "fragment", "start", "end", "text", "kind", "fields"}


def test_extract_fragments_numbers_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each line of a fragments file is its own text; records carry the line number."""
    frag = tmp_path / "f.txt"
    frag.write_text("Not printed.\nSee Deptel 1338.\nDocument 204.\n", encoding="utf-8")
    assert main(["extract", "--format", "jsonl", "--fragments", str(frag)]) == 0
    records = _jsonl(capsys)
    assert [(r["fragment"], r["kind"], r["start"], r["end"]) for r in records] == [
        (2, "telegram", 4, 15),
        (3, "document", 0, 12),
    ]


def test_unreadable_inputs_exit_2_and_the_rest_is_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A binary file and a missing file are reported; the good file's citations still come out."""
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    code = main(
        [
            "extract",
            "--format",
            "jsonl",
            "--jobs",
            "1",
            str(junk),
            str(tmp_path / "missing.txt"),
            str(SEED),
        ]
    )
    captured = capsys.readouterr()
    assert code == 2
    assert "junk.txt" in captured.err and "missing.txt" in captured.err
    kinds = [json.loads(line)["kind"] for line in captured.out.splitlines()]
    assert "ibid" in kinds and kinds.count("document") == 3


def test_malformed_xml_names_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A truncated TEI file is an error naming the file and line; exit 2."""
    bad = tmp_path / "frus1999v01.xml"
    data = EXCERPT.read_text(encoding="utf-8")
    bad.write_text(data[: len(data) // 2], encoding="utf-8")
    assert main(["extract", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "frus1999v01.xml:" in err


def test_undecodable_bytes_do_not_stop_extraction() -> None:
    """Invalid UTF-8 is replaced, and the citations around it are found."""
    text = b"See Deptel 12\xff\xfe and Document 7.".decode("utf-8", errors="replace")
    assert [c.kind for c in xref.find_citations(text)] == ["telegram", "document"]


@pytest.mark.slow
def test_pathological_inputs_take_linear_time() -> None:
    """100,000 repetitions of ``Document ``, a 2 MB line of prose, 20,000 telegrams, and
    40,000 addressees or title words in a row finish."""
    started = time.perf_counter()
    assert xref.find_citations("Document " * 100_000) == []
    line = ("the Department of State reported on December 12 that 1,500 " * 40_000)[:2_000_000]
    assert xref.find_citations(line) == []
    many = "Deptel 12, " * 20_000
    assert len(xref.find_citations(many)) == 20_000
    # long runs that the addressee and title rules read ahead or back over
    (tel,) = xref.find_citations("Deptel 12 to Paris" + ", Rome" * 40_000 + ".")
    assert tel.text == "Deptel 12 to Paris"
    assert xref.find_citations("Kissinger" + ", Rome Abc" * 40_000 + ", p. 5.")[-1].text == (
        "Rome Abc, p. 5"
    )
    assert time.perf_counter() - started < 120


def test_resolve_jsonl_adds_resolution_fields(capsys: pytest.CaptureFixture[str]) -> None:
    """Resolve records add status, target, key, candidates and method to the extract record."""
    assert main(["resolve", "--format", "jsonl", str(EXCERPT)]) == 0
    records = _jsonl(capsys)
    embtel = [r for r in records if r["text"] == "Embtel 2832" and r["doc"] == "d8"]
    assert len(embtel) == 1
    r = embtel[0]
    assert (r["status"], r["target"], r["method"]) == ("resolved", "frus1958-60v11#d7", "channel")
    assert "candidates" in r and "key" in r


def test_resolve_text_groups_by_document(capsys: pytest.CaptureFixture[str]) -> None:
    """The text format prints a heading line per document."""
    assert main(["resolve", str(EXCERPT)]) == 0
    out = capsys.readouterr().out
    assert "frus1958-60v11 d8" in out and "resolved" in out
