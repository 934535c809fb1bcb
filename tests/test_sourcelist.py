"""A volume's list of sources as data: the repositories and collections it names, used to read
its source notes (issue 12, deliverable 3).

The lists are excerpts copied from the volumes (``tests/fixtures/sources``); the expected names
are read from them. The source notes are written in those volumes' own style, naming what the
excerpt lists.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from xref.cite.find import find_citations
from xref.cite.lexicon import EMPTY, lexicon_for
from xref.cite.models import Citation
from xref.cite.sourcenames import name_key, source_candidates
from xref.read.abbreviations import register_file_series, volume_series
from xref.read.sourcelist import read_source_list, source_list

SOURCES = Path(__file__).parent / "fixtures" / "sources"
V07 = (SOURCES / "frus1964-68v07-sources.xml").read_bytes()
V21 = (SOURCES / "frus1977-80v21-sources.xml").read_bytes()


def _fields(c: Citation) -> dict[str, object]:
    keep = ("repository", "library", "collection", "path", "series", "lot")
    out: dict[str, object] = {"kind": c.kind}
    for k, v in attrs.asdict(c).items():
        if k in keep and v not in (None, [], ()):
            out[k] = list(v) if isinstance(v, tuple) else v
    return out


def test_repositories_are_the_bold_headings_without_their_place() -> None:
    found = read_source_list(V07)
    assert found.repositories == (
        "Department of State",
        "Lyndon B. Johnson Library",
        "Library of Congress",
        "National Defense University",
        "U.S. Army Center of Military History",
        # not set in bold, but closed by its place: a city and a state
        "U.S. Army Military History Institute",
    )


def test_collections_are_the_lines_under_them_not_their_descriptions() -> None:
    found = read_source_list(V07)
    for name in ("INR/EAP Files", "INR/IL Historical Files", "Tom Johnson's Notes of Meetings",
                 "W. Averell Harriman Papers", "Komer-Leonhart File", "DepCORDS/MACV Files",
                 "Harold K. Johnson Papers"):
        assert name in found.collections
    # descriptions (a sentence's period, lower-case words) and the published sources are not
    for text in ("Soviet-Asia relations, 1965-1978.", "Documentary Collections",
                 "Files of the Deputy for Civil Operations and Revolutionary Development, "
                 "Military Assistance Command, Vietnam."):
        assert text not in found.collections
        assert text not in found.repositories
    assert not any(name.startswith("Lot") for name in found.collections)


def test_a_list_of_items_is_read_as_the_paragraphs_are() -> None:
    found = read_source_list(V21)
    assert found.repositories == ("Department of State",)
    assert found.collections == (
        "INR/IL Historical Files",
        "Office of the Legal Adviser, Country Files (1940–1986)",
        "Office of the Secretary, Personal Files of Cyrus R. Vance",
    )


def test_a_bold_line_of_papers_is_a_collection() -> None:
    # frus1964-68v29p1's list sets its President's papers in bold under his library
    found = read_source_list(
        b'<div xml:id="sources"><p><hi rend="strong">Lyndon B. Johnson Library, Austin, '
        b'Texas</hi></p><p><hi rend="strong">Papers of Lyndon B. Johnson</hi></p></div>'
    )
    assert found.repositories == ("Lyndon B. Johnson Library",)
    assert found.collections == ("Papers of Lyndon B. Johnson",)


def test_a_volume_without_a_list_of_sources_names_nothing() -> None:
    assert read_source_list(b"<TEI><text><front/><body/></text></TEI>").repositories == ()
    assert source_list(b"").pattern is None


def test_the_names_are_compared_as_printed() -> None:
    names = source_list(V07)
    assert names.kind_of("Tom Johnson\u2019s  Notes of Meetings") == "collection"
    assert names.kind_of("Lyndon B. Johnson Library") == "library"
    assert names.kind_of("U.S. Army Military History Institute") == "repository"
    assert names.kind_of("Carlisle Barracks") is None
    assert name_key(" Komer\u2013Leonhart File. ") == "Komer-Leonhart File"


_LEX = attrs.evolve(EMPTY, sources=source_list(V07))


def test_a_listed_repository_opens_a_source_note() -> None:
    note = ("Source: U.S. Army Military History Institute, Harold K. Johnson Papers, Box 3. "
            "Secret.")
    # a named institute is read by its shape too (the grammar's OTHER_REPO), list or not
    assert find_citations(note, lexicon=EMPTY) == find_citations(note, lexicon=_LEX)
    (cite,) = find_citations(note, lexicon=_LEX)
    assert _fields(cite) == {
        "kind": "other_repository",
        "repository": "U.S. Army Military History Institute",
        "path": ["Harold K. Johnson Papers", "Box 3"],
    }
    assert note[cite.span.start : cite.span.end] == (
        "U.S. Army Military History Institute, Harold K. Johnson Papers, Box 3"
    )


def test_a_listed_collection_opens_a_source_note_its_holder_implied() -> None:
    note = "Source: Tom Johnson’s Notes of Meetings, Meeting of July 12, 1967. Top Secret."
    assert find_citations(note, lexicon=EMPTY) == []
    (cite,) = find_citations(note, lexicon=_LEX)
    assert _fields(cite) == {
        "kind": "other_repository",
        "repository": "Tom Johnson’s Notes of Meetings",
        "path": ["Meeting of July 12", "1967"],
    }


def test_a_listed_name_after_a_semicolon_of_the_source_note() -> None:
    # a collection the grammar cannot tell by its shape (an institute it now can)
    note = ("Source: Department of State, Central Files, POL 27 VIET S; Tom Johnson’s Notes "
            "of Meetings, Meeting of July 12, 1967. Secret.")
    kinds = [c.kind for c in find_citations(note, lexicon=_LEX)]
    assert kinds == ["subject_file", "other_repository"]
    assert [c.kind for c in find_citations(note, lexicon=EMPTY)] == ["subject_file"]


@pytest.mark.parametrize(
    "text",
    [
        # prose: not after a source note's label
        "Tom Johnson's Notes of Meetings, the fullest record, say so.",
        "U.S. Army Military History Institute, Harold K. Johnson Papers, Box 3.",
        # a listed name that is not the whole part
        "Source: Tom Johnson's Notes of Meetings of the President, 1967. Secret.",
    ],
)
def test_outside_archival_position_nothing_changes(text: str) -> None:
    assert list(source_candidates(text, _LEX.sources)) == [] or "of the President" in text
    assert find_citations(text, lexicon=_LEX) == find_citations(text, lexicon=EMPTY)


def test_a_published_edition_of_a_listed_collection_stays_a_publication() -> None:
    names = attrs.evolve(EMPTY, sources=source_list(
        b'<div xml:id="sources"><p><hi rend="strong">Library of Congress</hi></p>'
        b"<p>Papers of Woodrow Wilson</p></div>"
    ))
    note = "Source: Papers of Woodrow Wilson, vol. 46, pp. 200\u2013203. The original notes"
    assert list(source_candidates(note, names.sources)) == []


def test_the_volume_reader_registers_its_list_of_sources(tmp_path: Path) -> None:
    assert volume_series(V07).sources.kind_of("Lyndon B. Johnson Library") == "library"
    path = tmp_path / "frus1964-68v07.xml"
    path.write_bytes(V07)
    register_file_series("frus1964-68v07-test", str(path))
    note = "Source: U.S. Army Military History Institute, Harold K. Johnson Papers. Secret."
    (cite,) = find_citations(note, volume="frus1964-68v07-test")
    assert cite.kind == "other_repository"
    assert lexicon_for("frus1964-68v07-test").sources.kind_of("Harold K. Johnson Papers")


def test_another_agency_the_volume_lists_holds_the_path_after_it() -> None:
    """frus1964-68v07 lists "National Security Council, Washington, D.C." among its
    repositories: what a source note names after it is that archive's, series word or not."""
    names = attrs.evolve(EMPTY, sources=source_list(
        b'<div xml:id="sources"><p rend="sourceparagraphspaceafter"> <hi rend="strong">'
        b"National Security Council, Washington, D.C.</hi> </p></div>"
    ))
    note = "Source: National Security Council, Nixon NSC Meetings, Minutes. Top Secret."
    # an agency that opens a source note holds what the note names after it, listed or not
    # (frus1969-76v01 d96 does not list the Council); elsewhere only when the volume lists it
    assert find_citations(note, lexicon=EMPTY) == find_citations(note, lexicon=names)
    aside = "(National Security Council, Nixon NSC Meetings, Minutes.)"
    assert find_citations(aside, lexicon=EMPTY) == []
    (cite,) = find_citations(note, lexicon=names)
    assert _fields(cite) == {
        "kind": "other_repository",
        "repository": "National Security Council",
        "path": ["Nixon NSC Meetings", "Minutes"],
    }
    # the Department's own files are read by their items, listed or not
    dos = attrs.evolve(EMPTY, sources=source_list(
        b'<div xml:id="sources"><p rend="sourcearchiveboldbig">Department of State</p></div>'
    ))
    # (frus1955-57v11, d270: a misprinted file stays unread, for an editor to see)
    misprint = "Source: Department of State, Central Files, 398.245 R0/2\u2013855. Secret."
    assert find_citations(misprint, lexicon=dos) == find_citations(misprint, lexicon=EMPTY)
