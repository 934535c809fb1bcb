"""Resolution: every citation ends resolved, external, ambiguous or unresolved, for a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from xref.cite.models import IbidCitation
from xref.read.documents import Document, Volume
from xref.read.forked import forking
from xref.read.plaintext import read_plaintext
from xref.read.tei import read_volume
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import STATUSES, Resolution, complete_date, resolve_documents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = [
    FIXTURES / "text" / "000_945eba269802bf63.txt",
    FIXTURES / "text" / "004_03d16a86b0456ebe.txt",
]
EXCERPT = FIXTURES / "tei" / "frus1958-60v11-d7-d9.xml"


def _seeds() -> list[Resolution]:
    docs = [read_plaintext(str(p), volume="frus1961-63v11") for p in SEEDS]
    return list(resolve_documents(docs, Corpus.from_documents(docs)))


def _excerpt() -> list[Resolution]:
    volume = read_volume(str(EXCERPT))
    return list(resolve_documents(volume.documents, Corpus.from_documents([volume])))


def _by_text(results: list[Resolution], text: str, doc: str | None = None) -> Resolution:
    hits = [
        r
        for r in results
        if r.citation.text == text and (doc is None or r.document.local_id == doc)
    ]
    assert len(hits) == 1, [(r.document.local_id, r.citation.text) for r in hits]
    return hits[0]


def test_every_citation_ends_in_one_of_four_states() -> None:
    """No citation is dropped and each has one of the four statuses."""
    for results in (_seeds(), _excerpt()):
        assert results
        assert {r.status for r in results} <= set(STATUSES)
        for r in results:
            if r.status in ("unresolved", "ambiguous"):
                assert r.reason


def test_seed_telegrams_are_external_with_channel_keys() -> None:
    """Deptel 1593 is from the Department to USUN; ourtel 2291 from USUN to the Department."""
    results = _seeds()
    deptel = _by_text(results, "Deptel 1593")
    ourtel = _by_text(results, "ourtel 2291")
    assert deptel.status == "external"
    assert deptel.key == "telegram:Department of State->USUN:1593:1962"
    assert ourtel.status == "external"
    assert ourtel.key == "telegram:USUN->Department of State:2291:1962"


def test_seed_document_in_unloaded_volume_is_external() -> None:
    """Document 243 of frus1961-63v11 (not loaded whole) is external with its FRUS key."""
    r = _by_text(_seeds(), "Document 234")
    assert r.status == "external" and r.key == "frus1961-63v11#d234"
    fn = _by_text(_seeds(), "Document 243 and footnote 4 thereto")
    assert fn.status == "external" and fn.key == "frus1961-63v11#d243fn4"


def test_seed_ibid_repeats_the_source_note() -> None:
    """Seed 004's ibid. follows the source note (printed last, read first), not Deptel 1338."""
    r = _by_text(_seeds(), "ibid., Ball Files; Lot 74 D 272, Telephone Conversations--Cuba")
    assert isinstance(r.citation, IbidCitation)
    assert r.citation.antecedent is not None
    assert r.citation.antecedent.text == "Department of State, Central Files, 737.56361/11-2362"
    assert r.status == "external" and r.key == "lot_file:74 D 272"


def test_embtel_resolves_by_channel_to_the_embassy_telegram() -> None:
    """Embtel 2832 in the Department's d8 is the Embassy's telegram 2832: Document 7."""
    r = _by_text(_excerpt(), "Embtel 2832", doc="d8")
    assert r.status == "resolved" and r.target == "frus1958-60v11#d7"
    assert r.method == "channel" and r.channel_target == "frus1958-60v11#d7"


def test_deptel_resolves_to_the_department_telegram() -> None:
    """Deptel 3375 cited by the Embassy in d9 is the Department's telegram 3375: Document 8."""
    r = _by_text(_excerpt(), "Deptel 3375", doc="d9")
    assert r.status == "resolved" and r.target == "frus1958-60v11#d8"


def test_editor_footnote_is_kept_as_evidence() -> None:
    """In d9, the footnote after Embtel 2832 names Document 7, and the channel agrees."""
    r = _by_text(_excerpt(), "Embtel 2832", doc="d9")
    assert r.evidence == "frus1958-60v11#d7" and r.channel_target == "frus1958-60v11#d7"
    assert r.confidence == 1.0


def test_unprinted_telegrams_meet_in_one_key() -> None:
    """``Embtel 2893`` and ``telegram 2893 from Beirut, February 27`` name one external item."""
    results = _excerpt()
    a = _by_text(results, "Embtel 2893", doc="d9")
    b = _by_text(results, "telegram 2893 from Beirut, February 27", doc="d9")
    assert a.status == b.status == "external"
    assert a.key == b.key


def test_supra_is_the_previous_document() -> None:
    """``Supra`` in d9's notes names d8."""
    results = [r for r in _excerpt() if r.citation.text == "Supra" and r.document.local_id == "d9"]
    assert [r.target for r in results] == ["frus1958-60v11#d8"]


def test_missing_document_in_a_loaded_volume_is_unresolved() -> None:
    """``footnote 3, Document 5`` names a document the loaded volume does not have."""
    r = _by_text(_excerpt(), "footnote 3, Document 5")
    assert r.status == "unresolved" and "no document 5" in r.reason


def test_ambiguous_when_two_telegrams_fit(tmp_path: Path) -> None:
    """Two Embassy telegrams numbered 2832 on the same day: the reference is ambiguous."""
    text = EXCERPT.read_text(encoding="utf-8")
    # a second copy of d7 under another number, same channel, same own number and date
    start = text.index('<div type="document" xml:id="d7"')
    end = text.index("</div>", start) + len("</div>")
    twin = text[start:end].replace('xml:id="d7"', 'xml:id="d99"').replace('n="7"', 'n="99"')
    twin = twin.replace('xml:id="d7fn', 'xml:id="d99fn')
    path = tmp_path / "frus1958-60v11.xml"
    path.write_text(text[:end] + twin + text[end:], encoding="utf-8")
    volume = read_volume(str(path))
    results = list(resolve_documents(volume.documents, Corpus.from_documents([volume])))
    r = _by_text(results, "Embtel 2832", doc="d8")
    assert r.status == "ambiguous"
    assert set(r.candidates) == {"frus1958-60v11#d7", "frus1958-60v11#d99"}


@pytest.mark.parametrize(
    ("partial", "citing", "full"),
    [
        ("--12-07", "1962-12-12", "1962-12-07"),
        ("--12-28", "1963-01-04", "1962-12-28"),
        ("1961-02-09", "1962-01-01", "1961-02-09"),
    ],
)
def test_complete_date(partial: str, citing: str, full: str) -> None:
    """A date with no year takes the citing document's year, or the year before."""
    assert complete_date(partial, citing) == full


def test_resolution_never_reads_the_refs() -> None:
    """Removing every <ref> answer key changes no resolution."""
    volume = read_volume(str(EXCERPT))
    import attrs

    def strip(doc: Document) -> Document:
        return attrs.evolve(
            doc,
            heading=attrs.evolve(doc.heading, refs=()),
            body=attrs.evolve(doc.body, refs=()),
        )

    plain = [strip(d) for d in volume.documents]
    a = [
        (r.citation.text, r.status, r.target)
        for r in resolve_documents(volume.documents, Corpus.from_documents([volume]))
    ]
    b = [
        (r.citation.text, r.status, r.target)
        for r in resolve_documents(
            plain, Corpus.from_documents([attrs.evolve(volume, documents=tuple(plain))])
        )
    ]
    assert a == b


REFTEL_DOC = """Telegram From the Department of State to the Embassy in Iran


Washington, May 5, 1964, 7 p.m.

774. Re Embtel 922. Joint State-AID-Defense message.

1. We gratified with handling of conversation reported reftel and believe approach sound.

Source: Department of State, Central Files, POL IRAN-US. Secret.
"""


def test_reftel_follows_the_reference_telegram(tmp_path: Path) -> None:
    """``reftel`` names the telegram of the opening reference (``Re Embtel 922``)."""
    path = tmp_path / "d16.txt"
    path.write_text(REFTEL_DOC, encoding="utf-8")
    doc = read_plaintext(str(path), volume="frus1964-68v22")
    results = list(resolve_documents([doc], Corpus.from_documents([doc])))
    embtel = _by_text(results, "Embtel 922")
    reftel = _by_text(results, "reftel")
    assert embtel.key == "telegram:Embassy in Iran->Department of State:922:1964"
    assert reftel.method == "reftel"
    assert (reftel.status, reftel.key) == (embtel.status, embtel.key)


def test_cli_resolve_parallel_equals_serial(
    tei_dir: Path, text_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``xref resolve --jobs 2`` (files resolved in forked workers) writes the same records,
    in the same order, as ``--jobs 1``; text and JSONL alike."""
    from xref.cli import main

    for fmt in ("jsonl", "text"):
        outs = []
        for jobs in ("1", "2"):
            argv = ["resolve", str(tei_dir / "frus1958-60v11-d7-d9.xml"),
                    str(tei_dir / "quirks.xml"), str(text_dir), "--volume", "frus1961-63v11",
                    "--format", fmt, "--jobs", jobs, "-q"]
            assert main(argv) == 0
            outs.append(capsys.readouterr().out)
        assert outs[0] == outs[1] and outs[0].count("\n") > 10


def test_cli_resolve_parallel_keeps_volumes_packed(
    tei_dir: Path, text_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With ``--jobs 2`` the parent indexes each volume's lean copy and keeps the volume
    packed for the forked worker that resolves it; a bad file and a ``--corpus`` file are
    reported and indexed as with ``--jobs 1``, and the records are the same."""
    from xref.cli import main
    from xref.cli.progress import progress_for
    from xref.cli.resolve import _load_lean
    from xref.read.sources import expand_paths, unpack_volume

    if not forking():
        pytest.skip("no fork here")
    files = expand_paths([tei_dir / "frus1958-60v11-d7-d9.xml", tei_dir / "junk.xml",
                          text_dir])
    extra = [str(tei_dir / "quirks.xml")]
    kept, index, status, ndocs = _load_lean(files, extra, "frus1961-63v11", 2,
                                            progress_for(True))
    assert status == 2  # junk.xml, reported
    assert "junk.xml" in capsys.readouterr().err
    assert [k[0] for k in kept if k] == [f for f in files if not f.endswith("junk.xml")]
    packed = kept[0]
    assert packed is not None and isinstance(packed[1], bytes)
    volume = unpack_volume(packed[1])
    lean = index[0]
    assert isinstance(lean, Volume) and lean.id == volume.id == "frus1958-60v11"
    assert [d.id for d in lean.documents] == [d.id for d in volume.documents]
    assert all(d.body.text == "" for d in lean.documents)
    assert any(d.body.text for d in volume.documents)
    assert isinstance(index[-1], Volume) and index[-1].path == extra[0]  # indexed, not kept
    assert ndocs == len(volume.documents) + len(expand_paths([text_dir]))
    outs = []
    for jobs in ("1", "2"):
        argv = ["resolve", *files, "--corpus", *extra, "--volume", "frus1961-63v11",
                "--format", "jsonl", "--jobs", jobs, "-q"]
        assert main(argv) == 2
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1] and outs[0].count("\n") > 10


def test_each_text_is_searched_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A footnote read as a telegram's evidence is not searched again when its own turn
    comes (in d9 the note after ``Embtel 2832``), nor a short text that another container
    of the call holds too; the citations and the evidence are still there (bench/RESULTS.md
    14o)."""
    import xref.resolve.resolution as resolution

    calls: list[str] = []
    real = resolution.find_citations

    def counted(text: str, **kw: object) -> object:
        calls.append(text)
        return real(text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(resolution, "find_citations", counted)
    results = _excerpt()
    volume = read_volume(str(EXCERPT))
    texts = [c.text for d in volume.documents for c in d.containers()]
    assert len(calls) == len(set(calls)) and set(calls) == set(texts)
    assert len(calls) < len(texts)  # a short text shared, and d9's evidence note
    d9 = next(d for d in volume.documents if d.local_id == "d9")
    notes = {f.text for f in d9.footnotes}
    assert any(r.container.text in notes and r.document.local_id == "d9" for r in results)
    r = _by_text(results, "Embtel 2832", doc="d9")
    assert r.evidence == "frus1958-60v11#d7"
