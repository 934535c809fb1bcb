"""The reader's bulk text join and lazy source maps (xref/read/textjoin.py) against the one
walk over the parts that they replace (kept for huge texts: ``_Text._walk``)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from xref.read import tei_parts
from xref.read.documents import SourceMap
from xref.read.tei import read_volume
from xref.read.tei_parts import _Text
from xref.read.textjoin import BLOCK, LEN, POS, START, LazySourceMap, join_parts, map_parts

_B = BLOCK


def _text(*items: object) -> tuple[_Text, list[list[int]]]:
    """A container's parts: str and int as given, and ("mark", kind) for a mark."""
    t = _Text()
    marks = []
    for x in items:
        if isinstance(x, tuple):
            marks.append(t.mark(x[1]))
        else:
            t.parts.append(x)  # type: ignore[arg-type]
    return t, marks


def _both(*items: object) -> tuple[tuple[str, list[int], tuple[int, ...], tuple[int, ...],
                                         bytes], ...]:
    """(text, mark values, offsets, events, leads) by the bulk join and by the walk."""
    out = []
    for bulk in (True, False):
        t, marks = _text(*items)
        if bulk:
            text, smap, _ = t.finish(True)
        else:
            strs = [x for x in t.parts if isinstance(x, str)]
            text, smap = t._walk(strs, True)
        out.append((text, [m[1] for m in marks], tuple(smap.offsets), tuple(smap.events),
                    bytes(smap.leads)))
    return tuple(out)


M = ("mark", LEN), ("mark", POS), ("mark", START)
CASES = [
    # words, spaces across parts, breaks, marks at the start, inside and at the end of runs
    (0, "  Deptel\n  3000 ", 5, " re ", 9, "assistance "),
    (0, _B, 1, " a ", *M, " b", 2),
    (0, "a ", *M, _B, *M, " ", *M, _B, "b", 3, *M),
    (0, "a", _B, *M, " b"),
    (0, "a", *M, _B, *M, " b ", _B, *M),
    (*M, " ", _B, 0, "\tx\r\ny ", *M),
    (0, "x", *M, "y", *M, " ", *M),
    (0, " ", _B, " ", *M),
    (*M,),
    (),
    (0, _B, _B, " "),
    (0, "a", 1, " ", 2, " ", 3, "b", _B, _B, "  c  ", *M, _B),
]


@pytest.mark.parametrize("items", CASES)
def test_bulk_join_equals_the_walk(items: tuple[object, ...]) -> None:
    """Text, the marks' values and the source map: the same both ways."""
    bulk, walk = _both(*items)
    assert bulk == walk


def test_join_by_hand() -> None:
    """Written by hand: a break between words, spaces collapsed, marks placed."""
    t, marks = _text(0, " The  report\n ", ("mark", POS), _B, ("mark", START), 7, " said ",
                     ("mark", LEN), _B)
    strs = [x for x in t.parts if isinstance(x, str)]
    assert join_parts(strs, marks) == "The report\n\nsaid"
    # POS: the end of "report" (the trailing space may still go); START: after the break;
    # LEN: the length so far, its trailing space counted
    assert [m[1] for m in marks] == [10, 12, 17]


def test_lazy_map_made_on_first_use_and_pickled_plain() -> None:
    """The map is made from the parts when a field is read, then the parts are dropped; it
    compares equal to the eager map and pickles as a plain SourceMap."""
    parts: list[object] = [0, "a ", 4, " b", _B, 9, "c"]
    lazy = LazySourceMap(parts)
    assert lazy._map is None
    eager = map_parts(parts)
    assert tuple(lazy.offsets) == tuple(eager.offsets) == (0, 2, 5)
    assert tuple(lazy.events) == (0, 4, 9)
    assert bytes(lazy.leads) == b"\x00\x01\x00"
    assert lazy._parts is None
    again = pickle.loads(pickle.dumps(lazy))
    assert type(again) is SourceMap and again == eager


def test_volume_read_in_bulk_equals_the_walk(tei_dir: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    """Every fixture volume: the same documents (texts, maps, refs, anchors, parties, place)
    by the bulk join as by the walk (forced for every text by a zero size limit)."""
    files = sorted(tei_dir.glob("frus*.xml")) + [tei_dir / "quirks.xml"]
    bulk = [read_volume(p) for p in files]
    monkeypatch.setattr(tei_parts, "_HUGE", 0)
    monkeypatch.setattr(tei_parts, "_FEW", 0)
    walked = [read_volume(p) for p in files]
    assert bulk == walked
    for a, b in zip(bulk, walked, strict=True):
        for da, db in zip(a.documents, b.documents, strict=True):
            for ca, cb in zip(da.containers(), db.containers(), strict=True):
                assert type(ca.source_map) is LazySourceMap
                assert type(cb.source_map) is SourceMap
                assert ca.source_map == cb.source_map


def test_document_line_counted_as_expat_does(tmp_path: Path) -> None:
    """A document with neither xml:id nor n is keyed by its line; CR LF and lone CR count
    as one line each, as expat counts them."""
    body = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="v1">\r\n<text><body>\r'
        '<div type="document"><head>A</head><p>x</p></div>\n'
        '<div type="document"><p>y</p></div></body></text></TEI>\n'
    )
    path = tmp_path / "v1.xml"
    path.write_bytes(body.encode())
    docs = read_volume(path).documents
    assert [d.local_id for d in docs] == ["line3", "line4"]
    assert [(g.code, g.line) for g in docs[1].diagnostics] == [("no-heading", 4)]


def test_make_maps_drops_the_raw_parts(tei_dir: Path) -> None:
    """make_maps makes every lazy map of a volume at once (check holds every volume)."""
    from xref.read.textjoin import make_maps

    v = read_volume(tei_dir / "frus1958-60v11-d7-d9.xml")
    maps = [c.source_map for d in v.documents for c in d.containers()]
    assert all(isinstance(m, LazySourceMap) and m._parts is not None for m in maps)
    make_maps(v)
    assert all(isinstance(m, LazySourceMap) and m._parts is None and m._map is not None
               for m in maps)
