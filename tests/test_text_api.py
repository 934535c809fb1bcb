"""The library on strings: ``resolve_text``/``annotate_text``, ``__version__``, ``xref parse``,
and plain text annotated to HTML with real links."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

import xref
from xref.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXCERPT = ROOT / "fixtures" / "tei" / "frus1958-60v11-d7-d9.xml"
SEED = ROOT / "fixtures" / "text" / "004_03d16a86b0456ebe.txt"
HSG = "https://history.state.gov/historicaldocuments"


def test_resolve_text_against_paths() -> None:
    """A string is resolved against volumes given as paths; spans index the string.

    Document 8 of the excerpt is telegram 3375 from the Department to the Embassy in
    Lebanon of February 27, 1958: the Embassy's "Deptel 3375" days later is that one."""
    text = "Re Deptel 3375 and Document 7; see also Document 204."
    found = xref.resolve_text(
        text, corpus=[EXCERPT], volume="frus1958-60v11", date="1958-03-01",
        sender="Embassy in Lebanon", recipient="Department of State",
    )
    got = {r.citation.text: (r.status, r.target or r.key) for r in found}
    assert got["Deptel 3375"] == ("resolved", "frus1958-60v11#d8")
    assert got["Document 7"] == ("resolved", "frus1958-60v11#d7")
    assert got["Document 204"][0] == "unresolved"  # the volume is loaded: no such document
    for r in found:
        assert text[r.citation.span.start : r.citation.span.end] == r.citation.text


def test_resolve_text_against_documents_read() -> None:
    """The corpus may be documents or volumes already read, or a Corpus."""
    (result,) = xref.read_paths([EXCERPT], jobs=1)
    assert result.volume is not None
    for corpus in ([result.volume], xref.Corpus.from_documents([result.volume])):
        (r,) = xref.resolve_text("Document 9", corpus=corpus, volume="frus1958-60v11")
        assert (r.status, r.target) == ("resolved", "frus1958-60v11#d9")


def test_annotate_text_links_and_escapes() -> None:
    """Known volume pages are <a href> links; the rest of the text is escaped."""
    out = xref.annotate_text("See Document 204 <b> & Central Files, 611.00/1-261.",
                             volume="frus1961-63v11")
    assert f'<a class="xref" href="{HSG}/frus1961-63v11/d204"' in out
    assert "&lt;b&gt; &amp;" in out
    assert '<span class="external" title="central_file:611.00/1-261">' in out
    assert re.sub(r"<[^>]+>", "", out).replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&") == "See Document 204 <b> & Central Files, 611.00/1-261."


def test_plain_text_html_links_documents_of_its_volume(tmp_path: Path) -> None:
    """``xref annotate`` of plain text links "Document 204" (a document of the text's own
    volume, not loaded) to its page instead of leaving a span."""
    out = tmp_path / "out.html"
    assert main(["annotate", str(SEED), "--volume", "frus1961-63v11", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert f'href="{HSG}/frus1961-63v11/d204"' in page
    assert 'title="frus1961-63v11#d204">' in page
    assert '<span class="external" title="frus1961-63v11#d204">' not in page


def test_version_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    """``xref.__version__`` is the project's version, and ``xref --version`` prints it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in project["project"]["dynamic"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", xref.__version__)
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"xref {xref.__version__}"


def test_py_typed_marker() -> None:
    """The package says it is typed (the wheel test checks that it ships)."""
    assert (ROOT / "xref" / "py.typed").is_file()


def test_parse_prints_kind_fields_and_key(capsys: pytest.CaptureFixture[str]) -> None:
    """``xref parse "Deptel 1338"``: a telegram numbered 1338 from the Department."""
    assert main(["parse", "Deptel 1338"]) == 0
    lines = dict(line.split(None, 1) for line in capsys.readouterr().out.splitlines())
    assert lines["kind"] == "telegram"
    assert lines["number"] == "1338"
    assert lines["sender"] == "Department of State"
    assert lines["key"].startswith("telegram:Department of State->")


def test_parse_json_and_central_file_key(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON output: the record plus its canonical key."""
    text = "Department of State, Central Files, 737.56361/12-1262"
    assert main(["parse", "--format", "json", text]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["kind"] == "central_file"
    assert record["fields"]["file"] == "737.56361/12-1262"
    assert record["key"] == "central_file:737.56361/12-1262"


def test_parse_says_where_and_why_not(capsys: pytest.CaptureFixture[str]) -> None:
    """Text that is not one citation: exit 1, the column, what was expected, a caret, and
    the citations the text does hold."""
    assert main(["parse", "Deptel 1338 of"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("not a citation: column 13: expected end of citation")
    assert "  Deptel 1338 of\n" in out and "\n              ^\n" in out
    assert main(["parse", "See Document 243 and footnote 4 thereto"]) == 1
    out = capsys.readouterr().out
    assert "4-39 footnote: Document 243 and footnote 4 thereto" in out
