"""A page citation checked against the cited volume's own pages (issue 12).

Expected values are read from the dev corpus volumes (``../shared/corpus/frus``):

* frus1952-54v01p1 (1952-1954, vol. I, Part 1): its documents run over pages 1-816 (the last,
  d227, ends on ``<pb n="816">``; the ``<pb>`` 817-822 after it hold no text).
  Its note d19fn6 reads "See the editorial notes, pp. 1116 and 1257.", and the editors link
  both pages to Part 2 (``<ref target="frus1952-54v01p2#pg_1116">``,
  ``frus1952-54v01p2#pg_1257``): the parts of a volume are paged through.
* frus1955-57v19 (1955-1957, vol. XIX): its last document, d174, begins on page 712 (the
  ``<pb n="712">`` stands in d173, before d174 opens); the ``<pb>`` after it (713-748) are
  the index.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xref.read.tei import read_volume
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import Resolution, resolve_documents


def _resolve(corpus_dir: Path, vid: str, text: str, where: str = "body") -> list[Resolution]:
    """Resolve ``text`` as the body of a document of volume ``vid`` (alone in its corpus)."""
    volume = read_volume(corpus_dir / f"{vid}.xml")
    doc = volume.documents[1]
    body = type(doc.body)(where, text)
    other = type(doc)(id=f"{vid}#d9999", volume=vid, local_id="d9999", number="9999",
                      heading=doc.heading, body=body)
    return list(resolve_documents([other], Corpus.from_documents([volume])))


def test_the_editors_pages_of_the_next_part(corpus_dir: Path) -> None:
    """d19fn6 of 1952-1954, vol. I, Part 1: pages after the part's last page are Part 2's,
    as the editors' own links say; never a document of Part 1."""
    vid = "frus1952-54v01p1"
    volume = read_volume(corpus_dir / f"{vid}.xml")
    (note,) = [fn for d in volume.documents if d.local_id == "d19"
               for fn in d.footnotes if fn.id == "d19fn6"]
    assert "pp. 1116 and 1257" in note.text
    res = _resolve(corpus_dir, vid, note.text)
    got = [(r.citation.text, r.status, r.key, r.target) for r in res]
    assert got == [
        ("pp. 1116", "external", "frus1952-54v01p2#pg_1116", None),
        ("1257", "external", "frus1952-54v01p2#pg_1257", None),
    ]
    assert "frus1952-54v01p2" in res[0].reason


def test_a_page_of_the_part_is_its_own(corpus_dir: Path) -> None:
    """Page 816 is the last page of Part 1's documents: the page stays in Part 1."""
    res = _resolve(corpus_dir, "frus1952-54v01p1", "See p. 816.")
    assert [(r.status, r.key) for r in res] == [("resolved", "frus1952-54v01p1#pg_816")]


def test_a_footnote_on_a_page_of_the_next_part(corpus_dir: Path) -> None:
    """``footnote 3, p. 900`` in Part 1: footnote 3 of page 900, which Part 2 prints."""
    res = _resolve(corpus_dir, "frus1952-54v01p1", "See footnote 3, p. 900.")
    assert [(r.status, r.key) for r in res] == [("external", "frus1952-54v01p2#pg_900fn3")]


def test_a_page_the_volume_does_not_have_is_unresolved(corpus_dir: Path) -> None:
    """1955-1957, vol. XIX is one volume, its documents on pages 1-712: ``p. 713`` of it (the
    index) names no document, ``p. 5000`` no page: both unresolved with a reason naming the
    pages, never linked to a document; page 712 is d174's (the document that begins on it)."""
    vid = "frus1955-57v19"
    text = ("See Foreign Relations, 1955-1957, vol. XIX, p. 712. See Foreign Relations, "
            "1955-1957, vol. XIX, p. 713. See Foreign Relations, 1955-1957, vol. XIX, "
            "p. 5000, footnote 3.")
    res = _resolve(corpus_dir, vid, text)
    got = [(r.citation.kind, r.status, r.key, r.target) for r in res]
    assert got == [
        ("publication", "resolved", f"{vid}#pg_712", f"{vid}#d174"),
        ("publication", "unresolved", f"{vid}#pg_713", None),
        ("publication", "unresolved", f"{vid}#pg_5000", None),
        ("footnote", "unresolved", f"{vid}#pg_5000fn3", None),
    ]
    assert all("pages 1-712" in r.reason for r in res[1:])


def test_a_bare_page_in_a_volume_citing_documents_stays_another_works(
    corpus_dir: Path,
) -> None:
    """1955-1957, vol. XIX cites its documents by number: a bare ``p. 5000`` or ``footnote 3,
    p. 5000`` is another work's (external), not a page missing from the volume; so is
    ``footnote 99, p. 50``."""
    res = _resolve(corpus_dir, "frus1955-57v19", "See p. 5000. See footnote 3, p. 5000.")
    assert [r.status for r in res] == ["external", "external"]
    # a page it prints, with a footnote no document on it has (its headings print their
    # numbers, "173. Memorandum ..."): the footnote is another work's page's too
    res = _resolve(corpus_dir, "frus1955-57v19", "See p. 50, footnote 99.")
    assert [(r.citation.kind, r.status) for r in res] == [
        ("page", "external"), ("footnote", "external")]


def _note(corpus_dir: Path, vid: str, note_id: str) -> list[Resolution]:
    """The resolutions of the citations in note ``note_id`` of volume ``vid``, resolved in
    that volume (alone in its corpus), in order."""
    volume = read_volume(corpus_dir / f"{vid}.xml")
    res = resolve_documents(volume.documents, Corpus.from_documents([volume]))
    return [r for r in res if r.container.key == note_id]


@pytest.mark.parametrize(
    ("vid", "note_id", "expected"),
    [
        # "see pp. 817 ff. and 1259 ff.": the editors link 1259 to Part 2
        # ("frus1952-54v01p2#pg_1259"; 817 to Part 1's blank page 817, printed in Part 2)
        ("frus1952-54v01p1", "d5fn6",
         [("pp. 817", "frus1952-54v01p2#pg_817"), ("1259", "frus1952-54v01p2#pg_1259")]),
        # "see vol. iii, pp. 816 ff and pp. 891 ff.": both vol. iii's (the editors'
        # "frus1948v03#pg_816" and "frus1948v03#pg_891")
        ("frus1948v01p1", "d107fn2",
         [("vol. iii, pp. 816", "frus1948v03"), ("pp. 891", "frus1948v03#pg_891")]),
        # "see vol. XI, Part 1, pp. 599 ff. and 665 ff.": both pages of vol. XI, Part 1
        ("frus1952-54v01p1", "d5fn7",
         [("vol. XI, Part 1, pp. 599", "frus1952-54v11p1"), ("665", "frus1952-54v11p1#pg_665"),
          ("volume III", "frus1952-54v03")]),
        # "Foreign Relations, 1958-1960, vol. XIV, pp. 92-98 and 106-109": two ranges
        ("frus1961-63v21", "d188fn2",
         [("Foreign Relations, 1958-1960, vol. XIV, pp. 92-98", "frus1958-60v14"),
          ("106-109", "frus1958-60v14#pg_106")]),
    ],
)
def test_pages_onward_and_ranges_in_a_list(
    corpus_dir: Path, vid: str, note_id: str, expected: list[tuple[str, str]]
) -> None:
    """``ff.``/``et seq.`` after a page and a range between the pages of a list: every page
    of the list is read, in the first page's volume."""
    res = _note(corpus_dir, vid, note_id)
    got = [(" ".join(r.citation.text.split()), r.key) for r in res
           if r.citation.kind in ("page", "publication")]
    assert got == expected


def test_a_footnote_of_another_works_page(corpus_dir: Path) -> None:
    """frus1964-68v34 d318fn4: "See American Foreign Policy: Current Documents, 1965, p. 160,
    footnote 11." The footnote is that work's page's, not footnote 11 of the citing
    document (d318 has no footnote 11): external, never unresolved."""
    res = _note(corpus_dir, "frus1964-68v34", "d318fn4")
    (fn,) = [r for r in res if r.citation.kind == "footnote"]
    assert (fn.citation.text, fn.status, fn.target) == ("footnote 11", "external", None)


def test_a_footnote_of_the_page_an_ibid_repeats(corpus_dir: Path) -> None:
    """frus1964-68v16 d186fn2: "see American Foreign Policy: Current Documents, 1965, pp.
    505-510. ... are summarized ibid., p. 510, footnote 36." The ibid repeats that work: its
    page 510 and footnote 36 are the work's, not page 510 of the volume (a volume that cites
    its documents by number)."""
    res = _note(corpus_dir, "frus1964-68v16", "d186fn2")
    got = [(r.citation.kind, r.status, r.key) for r in res]
    assert got == [
        ("other_publication", "external", "publication:American Foreign Policy: Current "
         "Documents::505-510"),
        ("ibid", "external", "publication:American Foreign Policy: Current Documents::510"),
        ("footnote", "external", None),
    ]
