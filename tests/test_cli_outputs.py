"""Outputs that do what they say: the graph's format from ``-o``, text formats to standard
output, ``--corpus`` repeatable, ``xref query`` on unknown ids and URLs, ``xref extract -``,
text tables, ``url`` in records; the progress line and the one-line summaries."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from xref.cli import main
from xref.cli.progress import Progress, progress_for

ROOT = Path(__file__).resolve().parent.parent
EXCERPT = ROOT / "fixtures" / "tei" / "frus1958-60v11-d7-d9.xml"
TEXT = ROOT / "fixtures" / "text"
SEED = TEXT / "004_03d16a86b0456ebe.txt"
HSG = "https://history.state.gov/historicaldocuments"


# ------------------------------------------------------------------------------ xref graph
@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("g.sqlite", lambda p: p.read_bytes().startswith(b"SQLite format 3\0")),
        ("g.db", lambda p: p.read_bytes().startswith(b"SQLite format 3\0")),
        ("g.graphml", lambda p: b"<graphml" in p.read_bytes()[:200]),
        ("g.dot", lambda p: p.read_text().startswith("digraph")),
        ("g.zip", lambda p: p.read_bytes().startswith(b"PK")),
        ("g.json", lambda p: json.loads(p.read_text())["directed"] is True),
    ],
)
def test_graph_format_from_extension(tmp_path: Path, name: str, check: object) -> None:
    """With no --format, OUT's extension chooses the format (it was JSON whatever the name)."""
    out = tmp_path / name
    assert main(["graph", str(EXCERPT), "-o", str(out), "-q"]) == 0
    assert callable(check) and check(out)


def test_graph_extension_and_format_must_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An extension that names another format than --format is an error; so is an
    extension that names none, with no --format; --format alone still decides a name."""
    assert main(["graph", str(EXCERPT), "-o", str(tmp_path / "g.dot"), "--format", "json"]) == 2
    assert "names the dot format but --format says json" in capsys.readouterr().err
    assert not (tmp_path / "g.dot").exists()
    assert main(["graph", str(EXCERPT), "-o", str(tmp_path / "g.txt")]) == 2
    assert "give --format" in capsys.readouterr().err
    out = tmp_path / "g.out"
    assert main(["graph", str(EXCERPT), "-o", str(out), "--format", "dot", "-q"]) == 0
    assert out.read_text().startswith("digraph")


@pytest.mark.parametrize(("fmt", "start"), [("dot", "digraph"), ("graphml", "<?xml")])
def test_graph_text_formats_to_stdout(
    capsys: pytest.CaptureFixture[str], fmt: str, start: str
) -> None:
    """``--format dot`` (no -o, or -o -) writes to standard output, for ``| dot -Tsvg``."""
    for extra in ([], ["-o", "-"]):
        assert main(["graph", str(EXCERPT), "--format", fmt, "-q", *extra]) == 0
        out = capsys.readouterr()
        assert out.out.startswith(start)
        assert out.err == ""  # --quiet: no summary


def test_graph_summary_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --quiet, one line on stderr: nodes, edges, citations, where it went."""
    out = tmp_path / "g.sqlite"
    assert main(["graph", str(EXCERPT), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("xref graph: ")
    with sqlite3.connect(out) as db:
        (nodes,) = db.execute("SELECT COUNT(*) FROM nodes").fetchone()
        (edges,) = db.execute("SELECT COUNT(*) FROM edges").fetchone()
    assert f"{nodes} nodes, {edges} edges" in err and f"sqlite to {out}" in err


# ------------------------------------------------------------------------------ --corpus
def test_corpus_is_repeatable_and_never_swallows_paths(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``--corpus A PATH`` takes A only; ``--corpus A --corpus B`` takes both."""
    assert main(["resolve", "--corpus", str(EXCERPT), str(SEED), "--format", "jsonl", "-q"]) == 0
    records = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert records and {r["source"] for r in records} == {str(SEED)}
    for command in (["resolve", "-q"], ["graph", "-q"], ["check", "-q"], ["report", "-q"]):
        parser_args = [*command, str(SEED), "--corpus", str(EXCERPT), "--corpus", str(TEXT)]
        from xref.cli import build_parser

        args = build_parser(command[0]).parse_args(parser_args)
        assert args.paths == [str(SEED)]
        assert args.corpus == [str(EXCERPT), str(TEXT)]
    args = build_parser("annotate").parse_args(
        ["annotate", "--corpus", str(EXCERPT), str(SEED), "--corpus", str(TEXT)]
    )
    assert args.path == str(SEED) and args.corpus == [str(EXCERPT), str(TEXT)]


# ------------------------------------------------------------------------------ xref query
@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "g.sqlite"
    assert main(["graph", str(EXCERPT), "-o", str(path), "-q"]) == 0
    return path


def test_query_unknown_id(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An id that is no node is said to be unknown (exit 1), not an empty answer."""
    assert main(["query", str(db), "--cited-by", "frus1958-60v11#d77"]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert "frus1958-60v11#d77 is not in" in out.err
    assert main(["query", str(db), "--cites", "frus1958-60v11d7"]) == 1


def test_query_accepts_history_state_gov_urls(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``.../historicaldocuments/frus1958-60v11/d7`` is ``frus1958-60v11#d7`` (cited by
    documents 8 and 9: "Embtel 2832" and "Supra" in document 8)."""
    for form in (f"{HSG}/frus1958-60v11/d7", "history.state.gov/historicaldocuments/"
                 "frus1958-60v11/d7/", "frus1958-60v11#d7"):
        assert main(["query", str(db), "--cited-by", form, "--format", "jsonl"]) == 0
        rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
        assert {r["source"] for r in rows} == {"frus1958-60v11#d8", "frus1958-60v11#d9"}


def test_query_table_has_a_header_and_ellipses(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text table starts with its column names; long values end in an ellipsis."""
    assert main(["query", str(db), "--top-external", "all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["citations", "documents", "volumes", "id"]


# ------------------------------------------------------------------------------ extract -
def test_extract_dash_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``xref extract -`` reads standard input, alongside files; its records say ``-``."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("See Deptel 1338 and Document 204."))
    assert main(["extract", "--format", "jsonl", "-", str(SEED), "-q"]) == 0
    records = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    piped = [r for r in records if r["source"] == "-"]
    assert [(r["text"], r["kind"], r["start"]) for r in piped] == [
        ("Deptel 1338", "telegram", 4), ("Document 204", "document", 20)]
    assert any(r["source"] == str(SEED) for r in records)


def test_extract_table(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
                       ) -> None:
    """A header row; the kind column fits ``electronic_telegram``; long text is cut with
    an ellipsis."""
    text = ("Department of State, Central Files, 737.56361/12-1262, and a long tail of words "
            "that goes on. Also Deptel 1338.")
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert main(["extract", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["where", "span", "kind", "text", "fields"]
    kind_at = lines[0].index("kind")
    text_at = lines[0].index("text")
    assert text_at - kind_at >= len("electronic_telegram") + 2
    assert all(line[kind_at:text_at].strip() in ("central_file", "telegram")
               for line in lines[1:])


# ------------------------------------------------------------------------------ resolve
def test_resolve_table_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """The table has a header and cuts long text with an ellipsis; the summary line counts
    citations by status."""
    assert main(["resolve", str(SEED), "--volume", "frus1961-63v11"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0].split()[:4] == ["note", "kind", "status", "text"]
    long = [x for x in lines if "Ball Files; Lot 74 D 272" in x]
    assert long and all("…" in x for x in long)
    assert out.err.startswith("xref resolve: ") and out.err.count("\n") == 1
    assert " resolved, " in out.err and " unresolved) in 1 document, 1 file" in out.err


def test_resolution_records_carry_url(capsys: pytest.CaptureFixture[str]) -> None:
    """A record whose target (or key) is a FRUS document has its history.state.gov page."""
    assert main(["resolve", str(SEED), "--volume", "frus1961-63v11", "--format", "jsonl",
                 "-q"]) == 0
    records = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    by_text = {r["text"]: r for r in records}
    assert by_text["Document 204"]["url"] == f"{HSG}/frus1961-63v11/d204"
    assert by_text["Deptel 1338"]["url"] is None


# ------------------------------------------------------------------------------ check
def test_check_summary_by_severity(capsys: pytest.CaptureFixture[str]) -> None:
    """One line: findings by severity and files. The excerpt has two errors: its
    document 9 cites "footnote 3, Document 5" and the volume has no document 5 (XR021 is
    left out: the excerpt has no list of persons for its persName/@corresp to name)."""
    assert main(["check", str(EXCERPT), "--jobs", "1", "--ignore", "XR021"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(
        "xref check: 2 findings (2 errors, 0 warnings, 0 info) in 3 documents of 1 volume"
    )
    assert main(["check", str(EXCERPT), "-q", "--ignore", "XR021"]) == 1
    assert capsys.readouterr().err == ""


# ------------------------------------------------------------------------------ progress
class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_off_a_terminal() -> None:
    """Not a terminal, or --quiet: nothing drawn, no thread."""
    for stream, quiet in ((io.StringIO(), False), (_Terminal(), True)):
        p = progress_for(quiet, stream)
        p.phase("reading", [EXCERPT])
        p.advance(str(EXCERPT), documents=3)
        p.close()
        assert not p.enabled and p.thread is None and stream.getvalue() == ""


def test_progress_line_counts_files_documents_and_eta(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal: files done, documents, elapsed and (by bytes) the time left."""
    monkeypatch.delenv("TERM", raising=False)
    stream = _Terminal()
    p = progress_for(False, stream)
    assert isinstance(p, Progress) and p.enabled
    p.phase("reading", [EXCERPT, SEED])
    assert stream.getvalue().startswith("\r\x1b[Kreading")  # drawn at once
    p.advance(str(EXCERPT), documents=3)
    line = p.line()
    assert "1/2 files" in line and "3 documents" in line and "ETA" in line
    p.close()
    assert stream.getvalue().endswith("\r\x1b[K")


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals")
def test_check_draws_progress_on_a_terminal_only() -> None:
    """``xref check`` with stderr on a terminal draws the line; into a pipe, it does not."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm"}
    cmd = [sys.executable, "-m", "xref", "check", str(EXCERPT), str(TEXT), "--jobs", "1"]
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=secondary, env=env)
    os.close(secondary)
    seen = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.communicate(timeout=60)
    os.close(primary)
    assert b"\r\x1b[Kreading" in seen
    assert b"xref check: " in seen
    piped = subprocess.run(cmd, capture_output=True, env=env, timeout=60)
    assert b"\r" not in piped.stderr and piped.stderr.startswith(b"xref check: ")


# ------------------------------------------------------------------------------ fetch
def test_fetch_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch) -> None:
    """``xref fetch`` ends with a count per status; --quiet leaves it out."""
    monkeypatch.setenv("XREF_OFFLINE", "1")
    argv = ["fetch", "frus1961-63v11", "frus1961-63v10", "--cache-dir", str(tmp_path)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err == ("xref fetch: 2 volumes (0 fetched, 0 not modified, 0 cached, 2 error)\n")
    assert main([*argv, "-q"]) == 2
    assert capsys.readouterr().err == ""


def test_docs_records_carry_url(capsys: pytest.CaptureFixture[str]) -> None:
    """A FRUS document's record has its page; a plain-text copy's has none."""
    assert main(["docs", "--format", "jsonl", "--jobs", "1", str(EXCERPT), str(SEED)]) == 0
    records = {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert records["frus1958-60v11#d7"]["url"] == f"{HSG}/frus1958-60v11/d7"
    assert records[SEED.stem]["url"] is None
