"""Documents cited with ``ff.`` or ``et seq.`` (issue 12, X3): what follows a document's number
in a list is part of the citation, the list goes on after it, and the number stays the document
cited (CITATIONS.md has no field for "and following")."""

from __future__ import annotations

import xref
from xref.cite.models import DocumentCitation


def _documents(text: str, volume: str | None = None) -> list[tuple[int, str | None]]:
    found = xref.find_citations(text, volume=volume)
    assert all(isinstance(c, DocumentCitation) for c in found), found
    return [(c.number, c.volume) for c in found if isinstance(c, DocumentCitation)]


def test_a_list_of_first_documents_of_another_volume() -> None:
    """frus1961-63v02 d233fn3: both documents of vol. I (the note's ref targets
    frus1961-63v01#d53), not the first alone."""
    text = ("For documentation on the Johnson mission and the Staley mission, see Foreign "
            "Relations, 1961-1963, vol. I, Documents 53 ff. and 72 ff.")
    assert _documents(text, "frus1961-63v02") == [(53, "frus1961-63v01"), (72, "frus1961-63v01")]


def test_ff_and_et_seq_in_every_written_form_let_the_list_go_on() -> None:
    """The forms printed (``ff.``, ``ff`` before the sentence's period: frus1964-68v34 d41fn4,
    ``et seq.``) after any number of a list, and a footnote thereto after them."""
    assert _documents("See Documents 63 ff.") == [(63, None)]
    assert _documents("See Documents 12 ff, 15, and 19 et seq.") == [
        (12, None), (15, None), (19, None)]
    assert _documents("See Documents 12 et seq. and 40 ff. in vol. II.", "frus1961-63v02") == [
        (12, "frus1961-63v02"), (40, "frus1961-63v02")]
    (doc, note) = xref.find_citations("See Documents 5 ff. and 9 ff. and footnote 2 thereto.")
    assert (doc.kind, doc.fields()["number"]) == ("document", 5)
    assert (note.kind, note.fields()["number"], note.fields()["document"]) == ("footnote", "2", 9)


def test_a_word_that_only_starts_like_ff_stays_prose() -> None:
    """``Document 5 for`` and ``Document 5 fell`` stay one document; ``ff.`` without a number
    and ``et seq.`` after a statute's section cite nothing (frus1955-57v23p2 preface)."""
    assert _documents("See Document 5 for the text, and 9.") == [(5, None)]
    assert _documents("Document 5 fell through and 9 stayed.") == [(5, None)]
    assert _documents("the document ff. shows and 3") == []
    assert _documents("Basic Authorities Act of 1956 (22 USC 4351 et seq.), added") == []
