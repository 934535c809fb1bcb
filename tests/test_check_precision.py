"""False findings found by reading every rule's findings in the volumes (issue 15,
deliverable 5; ``bench/precision/``): each fixture is a passage of a real volume that drew a
false finding, with a control beside it that must still be reported."""

from __future__ import annotations

from pathlib import Path

from xref.checks.runner import check

PRECISION = Path(__file__).parents[1] / "fixtures" / "check" / "precision"


def _messages(name: str, rule: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in check(PRECISION / name, jobs=1, select=[rule]):
        out.setdefault(f.document or "", []).append(f.message)
    return out


def test_repeated_not_printed_marker_is_no_gap() -> None:
    """frus1948v05p1 d98: 'Not printed.' note 2 printed again at later markers is one note;
    a second note 2 with a different text (d99) is still out of sequence."""
    found = _messages("xr002-repeat-marker.xml", "XR002")
    assert "d98" not in found
    assert found["d99"] == ["footnote 2 is out of sequence (expected 3)"]


def test_signature_note_read_after_the_lines_below_it() -> None:
    """frus1964-68v34 d167: the signature's note 3 stands in <closer>, read after note 4 on
    the Yes/No lines printed below the signature; d168's swap without it is reported."""
    found = _messages("xr002-signature.xml", "XR002")
    assert "d167" not in found
    assert found["d168"] == ["footnote 4 comes before footnote 3"]


def test_file_dated_by_the_despatch_the_note_names() -> None:
    """frus1955-57v03 d301: filed 80 days after its date under the date of the despatch it
    was attached to, which the source note gives; d302 without that sentence is reported."""
    found = _messages("xr014-stated-date.xml", "XR014")
    assert "d301" not in found
    assert found["d302"] == ["file 793.5/2-2158 is dated 1958-02-21 but the document is dated "
                             "1957-12-03 (+80 days)"]


def test_unlinked_document_of_another_volume_or_body() -> None:
    """XR009: 'vol. IV, pp. 1098-1099 (Document 24)' (frus1952-54Guat d128) and 'CAB Document
    5031' (frus1952-54v01p1 d141) are no documents of this volume; the unlinked 'Documents 209,
    213, and 208' of Guat d211 still are reported."""
    found = _messages("xr009-elsewhere.xml", "XR009")
    assert "d128" not in found and "d141" not in found
    assert found["d211"] == ["'Documents 209' has no <ref>", "'213' has no <ref>",
                             "'208' has no <ref>"]


def test_record_of_a_talk_cites_a_telegram_sent_before_it_was_written() -> None:
    """frus1958-60v07p1 d212: the memorandum of the April 17 talk cites Topol 3478 of April 19,
    sent 'before a formal Memorandum of Conversation was written'; a telegram of April 17
    (d213) citing it is still reported."""
    found = _messages("xr015-record.xml", "XR015")
    assert "d212" not in found
    assert len(found["d213"]) == 1 and "after this document (1959-04-17)" in found["d213"][0]


def test_channel_order_numbering_restart_other_post_companion() -> None:
    """XR016: a telegram of the numbering year before (frus1955-57v03 d127), one the same man
    sent from another post (frus1948v05p1 d299), and one sent together (frus1958-60v02 d448,
    Delga 407 citing Delga 408) are in order; telegram 180 citing 'ourtel 190' (d30) is not."""
    found = _messages("xr016-channels.xml", "XR016")
    assert set(found) == {"d30"}, found
    assert "numbered after this telegram (180" in found["d30"][0]


def test_footnote_names_a_telegram_by_either_number() -> None:
    """XR017: State 256063 is Document 82, '256063/Todel 1287' (frus1964-68v07 d84), and
    'Paris 5541 [5561]' is Document 136 by the editors' correction (frus1964-68v13 d139);
    'Deptel 3022' footnoted as telegram 3302 (frus1958-60v11 d64) is still reported."""
    found = _messages("xr017-numbers.xml", "XR017")
    assert set(found) == {"d64"}, found
    assert "but the text cites Deptel 3022" in found["d64"][0]
