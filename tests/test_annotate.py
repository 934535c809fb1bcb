"""``xref annotate``: refs written back into TEI byte-exactly, and HTML for plain text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from xref.annotation.annotator import (
    annotate,
    annotate_tei,
    frus_target,
    remove_insertions,
    web_address,
)
from xref.cli import main
from xref.read.tei import read_volume
from xref.resolve.corpus import Corpus

FIXTURE = Path(__file__).parents[1] / "fixtures" / "annotate" / "frus1958-60v99.xml"
CORPUS = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "frus"


def _inserted(original: bytes, output: bytes) -> list[str]:
    """The refs in ``output`` that ``original`` does not have, as written."""
    before = re.findall(rb"<ref [^>]*>.*?</ref>", original, re.S)
    after = re.findall(rb"<ref [^>]*>.*?</ref>", output, re.S)
    extra = list(after)
    for ref in before:
        extra.remove(ref)
    return [x.decode("utf-8") for x in extra]


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return annotate(FIXTURE)


def test_documents_footnotes_telegrams_and_supra_are_wrapped(result) -> None:  # type: ignore[no-untyped-def]
    """Every resolved, untagged citation gets a ref with the FRUS target form."""
    refs = _inserted(result.original, result.output)
    assert '<ref target="#d3">Document 3</ref>' in refs
    assert '<ref target="#d1">Embtel 2832</ref>' in refs
    assert '<ref target="#d1">Supra</ref>' in refs
    assert '<ref target="#d1fn3">footnote 3, Document 1</ref>' in refs
    assert '<ref target="frus1958-60v11#d183">vol. XI, Document 183</ref>' in refs


def test_document_list_puts_the_word_in_the_first_ref(result) -> None:  # type: ignore[no-untyped-def]
    """``Documents 1 and 3`` becomes two refs, "Documents" inside the first."""
    assert b'See <ref target="#d1">Documents 1</ref> and <ref target="#d3">3</ref>,' in (
        result.output
    )


def test_thereto_and_supra_stay_outside(result) -> None:  # type: ignore[no-untyped-def]
    """``Document N and footnote M thereto`` is one footnote ref ending before ``thereto``."""
    wrapped = b'<ref target="#d1fn2">Document\n                            1 and footnote 2</ref>'
    assert wrapped + b" thereto" in result.output
    assert b'<ref target="#d2fn2">footnote 2</ref>, supra' in result.output


def test_existing_refs_are_left_alone(result) -> None:  # type: ignore[no-untyped-def]
    """No ref is inserted inside or around an editor's ref."""
    assert b'See <ref target="#d1">Document 1</ref> and' in result.output
    assert b'<ref target="#d1"><ref' not in result.output
    assert result.output.count(b'<ref target="#d1">Document 1</ref>') == 2


def test_markup_inside_a_citation_is_reported_not_wrapped(result) -> None:  # type: ignore[no-untyped-def]
    """``Document <pb/>3`` cannot be wrapped cleanly: it is skipped, with its position."""
    assert b'and Document <pb n="5" xml:id="pg_5" facs="0005"/>3 again' in result.output
    [skipped] = result.skipped
    assert skipped.text == "Document 3"
    assert skipped.reason == "the citation runs across markup"
    assert (skipped.line, skipped.column) == (37, 55)


def test_whole_inline_elements_are_taken_in(result) -> None:  # type: ignore[no-untyped-def]
    """``<hi>Foreign Relations</hi>, …, Document 3`` is wrapped whole, the ``<hi>`` inside."""
    refs = _inserted(result.original, result.output)
    assert (
        '<ref target="frus1955-57v24#d3"><hi rend="italic">Foreign Relations</hi>, 1955–1957, '
        "vol. XXIV, Soviet Union, Document 3</ref>"
    ) in refs
    assert (
        '<ref target="frus1969-76v04#d380">Document 380 in <hi rend="italic">Foreign '
        "Relations</hi>, 1969–1976, volume IV</ref>"
    ) in refs


def test_ranges_and_other_publications_notes(result) -> None:  # type: ignore[no-untyped-def]
    """``Documents 1-2`` is two refs; footnotes on a page or ``ibid.`` are not this volume's."""
    assert b'<ref target="#d1">Documents 1</ref>-<ref target="#d2">2</ref>' in result.output
    assert b"footnote 1, p. 14 and footnote 2, ibid." in result.output


def test_every_other_byte_is_unchanged(result) -> None:  # type: ignore[no-untyped-def]
    """Taking the inserted tags out gives the input back, byte for byte."""
    assert remove_insertions(result.output, result.insertions) == result.original
    assert len(result.insertions) == 14


def test_output_is_well_formed_and_idempotent(tmp_path: Path, result) -> None:  # type: ignore[no-untyped-def]
    """The output reads back as TEI, and annotating it again inserts nothing."""
    out = tmp_path / FIXTURE.name
    out.write_bytes(result.output)
    again = annotate(out)
    assert again.insertions == ()
    assert again.output == result.output


def test_target_forms() -> None:
    """Same volume ``#dN``; another volume in full; web addresses name the document."""
    assert frus_target("frus1958-60v11#d7", "frus1958-60v11") == "#d7"
    assert frus_target("frus1958-60v11#d7fn3", "frus1958-60v11") == "#d7fn3"
    assert frus_target("frus1961-63v11#d183", "frus1958-60v11") == "frus1961-63v11#d183"
    assert web_address("frus1961-63v11#d204fn2") == (
        "https://history.state.gov/historicaldocuments/frus1961-63v11/d204"
    )
    assert web_address("stem#fn2") is None


def test_no_cross_volume(result) -> None:  # type: ignore[no-untyped-def]
    """With ``cross_volume=False`` only citations resolved in the corpus are linked."""
    vol = read_volume(FIXTURE)
    plain = annotate_tei(result.original, vol, Corpus.from_documents([vol]), cross_volume=False)
    assert all(not i.target.startswith("frus") for i in plain.insertions)
    assert len(plain.insertions) == len(result.insertions) - 3


def test_cli_dry_run_prints_a_diff(capsys: pytest.CaptureFixture[str]) -> None:
    """``--dry-run`` prints a unified diff and writes nothing."""
    assert main(["annotate", str(FIXTURE), "--dry-run", "-q"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("--- a/")
    assert '+                        <p>See <ref target="#d1">Documents 1</ref>' in out


def test_cli_writes_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o OUT`` writes the annotated volume; skipped citations go to stderr."""
    out = tmp_path / "out.xml"
    assert main(["annotate", str(FIXTURE), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert ":37:55: skipped 'Document 3'" in err
    assert out.read_bytes() == annotate(FIXTURE).output


def test_cli_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    """Without ``-o`` or ``--dry-run`` it is a usage error."""
    assert main(["annotate", str(FIXTURE)]) == 2


def test_tei_out_needs_tei_in(text_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Plain text cannot be written back as TEI."""
    path = next(text_dir.glob("*.txt"))
    assert main(["annotate", str(path), "--format", "tei", "-o", "-"]) == 2
    assert "TEI output needs a TEI volume" in capsys.readouterr().err


def test_plain_text_gives_an_html_page(text_dir: Path) -> None:
    """Resolved citations link to history.state.gov; external ones carry their key."""
    path = sorted(text_dir.glob("*.txt"))[0]
    page = annotate(path, [text_dir], volume="frus1961-63v11")
    html = page.output.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<span class="external" title="' in html
    text = re.sub(r"<[^>]+>", "", html.split('<div class="document">', 1)[1].split("</div>")[0])
    import html as h

    assert h.unescape(text) == path.read_bytes().decode("utf-8")


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize(
    "name", sorted(p.name for p in CORPUS.glob("*.xml")) if CORPUS.is_dir() else []
)
def test_dev_volume_bytes_unchanged(corpus_dir: Path, tmp_path: Path, name: str) -> None:
    """For every dev volume, removing the inserted tags gives the input back exactly."""
    path = corpus_dir / name
    result = annotate(path)
    assert remove_insertions(result.output, result.insertions) == result.original
    added = len(result.output) - len(result.original)
    assert added == sum(len(i.open_tag) + len(i.close_tag) for i in result.insertions)
    out = tmp_path / name
    out.write_bytes(result.output)
    assert len(read_volume(out).documents) == len(read_volume(path).documents)
