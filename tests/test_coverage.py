"""Source-note coverage (xref.checks.coverage): the archival part, and whether citations cover it.

The notes are real ones, copied from the volumes named; what the archival part is and which
words are left over was decided by reading them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xref.checks.coverage import archival_part, is_label, note_coverage, source_notes
from xref.cite.models import CentralFileCitation, Span, UnparsedCitation
from xref.read.documents import Container
from xref.read.tei import read_volume


def part(text: str) -> str:
    """The archival part as text."""
    s = archival_part(text)
    return text[s.start : s.end]


@pytest.mark.parametrize(
    ("note", "archival"),
    [
        # frus1955-57v24 d84: classification, precedence, then prose
        ("Source: Department of State, Central Files, 761.13/11–357. Secret; Priority. "
         "Repeated to London, Paris, Bonn, and Rome.",
         "Department of State, Central Files, 761.13/11–357"),
        # frus1955-57v24 d311: a lot file, then a drafting sentence
        ("Source: Department of State, Secretary’s Memoranda of Conversation: Lot 64 D 199. "
         "Confidential. Drafted by Williams.",
         "Department of State, Secretary’s Memoranda of Conversation: Lot 64 D 199"),
        # frus1951v07p2 d142, d101 and frus1949v07p1: inline source lines, genre after a colon
        ("793B.00/7–1451: Telegram", "793B.00/7–1451"),
        ("S/P Files: Lot 64 D 563", "S/P Files: Lot 64 D 563"),
        ("501.BC Indonesia/6–1349:", "501.BC Indonesia/6–1349"),
        # frus1952-54v14p2 d502: no space after the colon
        ("693.941/2–752:Telegram", "693.941/2–752"),
        # frus1969-76v12 d57: "Vol. III." ends the part, "Personal and Confidential" is a marking
        ("Source: National Archives, Nixon Presidential Materials, NSC Files, Box 710, Country "
         "Files, Europe, USSR, Vol. III. Personal and Confidential. Drafted by Sonnenfeldt on "
         "June 7.",
         "National Archives, Nixon Presidential Materials, NSC Files, Box 710, Country Files, "
         "Europe, USSR, Vol. III"),
        # frus1969-76ve05p1 d255: another marking
        ("Source: National Archives, Nixon Presidential Materials, NSC Files, Box 746, Country "
         "Files, Uganda, Vol I. Administratively Confidential. The paper was prepared at "
         "Kissinger's request.",
         "National Archives, Nixon Presidential Materials, NSC Files, Box 746, Country Files, "
         "Uganda, Vol I"),
        # no classification: the first sentence ("Vol." does not end one)
        ("Source: Johnson Library, National Security File, Country File, Laos, Vol. XI, Cables, "
         "10/64. The memorandum was sent to the President.",
         "Johnson Library, National Security File, Country File, Laos, Vol. XI, Cables, 10/64"),
        # frus1955-57v02 d5: "Extract" says what is printed, not where it is kept
        ("Source: Eisenhower Library, Dulles Papers, Meetings with the President. Extract. "
         "Secret; Personal and Private. Drafted by the Secretary of State.",
         "Eisenhower Library, Dulles Papers, Meetings with the President"),
        # frus1958-60v02 d151: an editors' sentence opening with an article
        ("Source: Eisenhower Library, Staff Secretary Records, International Series, U.N. The "
         "source text bears the handwritten notation by Goodpaster: “President OK’d State "
         "notified G”. Circular telegram 341, September 2, incorporating the points",
         "Eisenhower Library, Staff Secretary Records, International Series, U.N"),
        # frus1955-57v02 d110: "A copy is in ..."
        ("Source: Eisenhower Library, Whitman File, International Series. A copy is in "
         "Department of State, Presidential Correspondence: Lot 66 D 204, Churchill "
         "Correspondence with Eisenhower. Sent with a covering note from Ambassador Makins",
         "Eisenhower Library, Whitman File, International Series"),
        # frus1955-57v11 d88: the same with its capital lost
        ("Source: USUN Files, IO, SYG. a handwritten notation on the source text indicates "
         "that this letter was delivered to the Secretary-General personally by Cook, and that "
         "a telegram confirming this fact was sent to the Department on October 1.",
         "USUN Files, IO, SYG"),
        # frus1955-57v19 d75, frus1961-63v02 d312: markings
        ("Source: Eisenhower Library, Dulles Papers, General Memoranda of Conversation. "
         "Personal and Private. Drafted by Dulles on April 25.",
         "Eisenhower Library, Dulles Papers, General Memoranda of Conversation"),
        ("Source: Department of State, Central Files, 951K.50/11-662. Personal; Secret. On the "
         "source text Wood had written",
         "Department of State, Central Files, 951K.50/11-662"),
        # frus1961-63v02 d175, frus1969-76ve05p1 d212: a classification after a comma
        ("Source: Department of State, Vietnam Working Group Files: Lot 66 D 193, 20.1, GVN "
         "1962, Secret; Official-Informal. The source text is undated, but",
         "Department of State, Vietnam Working Group Files: Lot 66 D 193, 20.1, GVN 1962"),
        ("Source: National Archives, RG 59, Central Files 1970-73, POL Nigeria-US, Limited "
         "Official Use.",
         "National Archives, RG 59, Central Files 1970-73, POL Nigeria-US"),
        # ... but not a folder named for one (frus1964-68 White House Central Files)
        ("Source: Johnson Library, White House Central Files, Confidential File, ND 19",
         "Johnson Library, White House Central Files, Confidential File, ND 19"),
        # frus1955-57v02 d15: an editors' sentence further on does not undo the first
        # sentence's end when the note has no classification
        ("Source: Eisenhower Library, Whitman File, DDE Diaries. Apparently prepared by the "
         "President’s personal secretary, Ann Whitman. The conversation is also recorded in "
         "notes of the same date prepared by Phyllis Bernau.",
         "Eisenhower Library, Whitman File, DDE Diaries"),
        # frus1948v05p1 d141: the genre after the file, with no colon
        ("501.BC/11–348 Telegram", "501.BC/11–348"),
        # a paragraph break ends it too
        ("Source: Eisenhower Library, Whitman File, NSC Records\n\nA note on the title page.",
         "Eisenhower Library, Whitman File, NSC Records"),
    ],
)
def test_archival_part(note: str, archival: str) -> None:
    assert part(note) == archival


@pytest.mark.parametrize("note", ["[Inclosure 2 in No. 12.]", "[Translation.]"])
def test_label_has_no_archival_part(note: str) -> None:
    """frus1894Nicaragua's inline 'source' notes are labels, not sources."""
    assert is_label(note)
    assert archival_part(note) == Span(0, 0)
    cov = note_coverage("frus1894Nicaragua#d12", Container("source", note), [])
    assert (cov.has_archival, cov.words, cov.leftovers) == (False, 0, ())


def test_bracketed_source_is_not_a_label() -> None:
    text = "[Source: Central Intelligence Agency, Job 79-01025A, Box 6. Secret.]"
    assert not is_label(text)
    assert part(text) == "Central Intelligence Agency, Job 79-01025A, Box 6"


NOTE = "Source: Department of State, Central Files, 611.74/1–156. Secret."
ARCHIVAL = "Department of State, Central Files, 611.74/1–156"


def central_file(start: int, end: int) -> CentralFileCitation:
    """A central-file citation over ``NOTE[start:end]``."""
    return CentralFileCitation(
        span=Span(start, end), text=NOTE[start:end], file="611.74/1-156", decimal="611.74",
        date="1956-01-01",
    )


def test_covered_when_a_citation_spans_every_word() -> None:
    start = NOTE.index("Department")
    end = start + len(ARCHIVAL)
    cov = note_coverage("d", Container("source", NOTE), [central_file(start, end)])
    assert cov.archival_text == ARCHIVAL
    # Department, of, State, Central, Files, 611.74/1–156 ("Source" is not counted)
    assert cov.words == 6
    assert cov.covered and cov.leftovers == ()


def test_leftovers_are_the_words_outside_every_citation_with_offsets() -> None:
    start = NOTE.index("Central")
    end = start + len("Central Files, 611.74/1–156")
    cov = note_coverage("d", Container("source", NOTE), [central_file(start, end)])
    assert not cov.covered
    assert [x.word for x in cov.leftovers] == ["Department", "of", "State"]
    assert [NOTE[x.span.start : x.span.end] for x in cov.leftovers] == [
        "Department", "of", "State"]


def test_a_word_cut_by_a_citation_is_left_over() -> None:
    start = NOTE.index("Department")
    end = NOTE.index("/1–156")  # the citation stops inside the file number
    cov = note_coverage("d", Container("source", NOTE), [central_file(start, end)])
    assert [x.word for x in cov.leftovers] == ["611.74/1–156"]


def test_unparsed_citations_cover_nothing() -> None:
    start = NOTE.index("Department")
    end = start + len(ARCHIVAL)
    unparsed = UnparsedCitation(span=Span(start, end), text=ARCHIVAL, reason="test")
    cov = note_coverage("d", Container("source", NOTE), [unparsed])
    assert len(cov.leftovers) == 6


def test_found_citations_cover_a_standard_central_file_note() -> None:
    """Without citations given, they are found: a standard central-file note is covered."""
    cov = note_coverage("d", Container("source", NOTE))
    assert cov.covered and cov.words == 6


def test_undeclassified_insertions_are_not_counted() -> None:
    text = "Source: Central Intelligence Agency, [file name not declassified]. Secret."
    cov = note_coverage("d", Container("source", text), [])
    assert [x.word for x in cov.leftovers] == ["Central", "Intelligence", "Agency"]


@pytest.mark.corpus
def test_inline_source_notes_of_the_1951_volume(corpus_dir: Path) -> None:
    """frus1951v07p2 d5 prints its source line above the heading: ``794A.5/1–1551``."""
    v = read_volume(corpus_dir / "frus1951v07p2.xml")
    doc = next(d for d in v.documents if d.local_id == "d5")
    notes = source_notes(doc)
    assert [n.text for n in notes] == ["794A.5/1–1551"]


def test_a_word_inside_a_long_citation_that_a_shorter_one_follows_is_covered() -> None:
    """Coverage looks at every citation before the word, not only the nearest: here
    ``State`` lies inside the long span, after the short one that starts later."""
    start = NOTE.index("Department")
    end = start + len(ARCHIVAL)
    short = NOTE.index("of")
    cits = [central_file(short, short + 2), central_file(start, end)]
    cov = note_coverage("d", Container("source", NOTE), cits)
    assert cov.covered and cov.words == 6
    cov = note_coverage("d", Container("source", NOTE), cits[:1])
    assert [x.word for x in cov.leftovers] == [
        "Department", "State", "Central", "Files", "611.74/1–156"]
