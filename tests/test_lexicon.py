"""A volume's own telegram series, read from its list of abbreviations (issue 12).

The glosses and sentences are copied from the volumes named in each test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import xref
from xref.cite.lexicon import is_telegram_series, lexicon_for, series_lexicon
from xref.read.abbreviations import read_terms, register_file_series
from xref.read.tei import read_volume

# frus1958-60v07p1's list of abbreviations (front matter), two of its items
_TERMS_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><front>
<div type="section" xml:id="terms"><head>Abbreviations and Terms</head>
<list type="terms">
<item><hi rend="strong"><term xml:id="t_Luxco1">Luxco</term>,</hi> series indicator for
    telegrams from the Department of State to the Mission to the European Coal and Steel
    Community in Luxembourg</item>
<item><hi rend="strong"><term xml:id="t_Niact1">Niact</term>,</hi> night action; telegram
    indicator requiring immediate action</item>
<item><hi rend="strong"><term xml:id="t_EURATOM1">EURATOM</term>,</hi> European Atomic
    Energy Community</item>
</list></div></front>
<body><div type="compilation"><div type="chapter">
<div type="document" n="1" xml:id="d1" subtype="historical-document"><head>Editorial Note</head>
<p>The text of the letters to be exchanged, as finally agreed upon, was sent to Butterworth in
Luxco 224, June 11.</p></div></div></div></body></text></TEI>
"""

_LUXCO = (
    "series indicator for telegrams from the Department of State to the Mission to the "
    "European Coal and Steel Community in Luxembourg"
)


def test_glosses_that_name_a_telegram_series() -> None:
    """A series indicator (or designator) of telegrams is a series; a telegram indicator
    that is no series, a treaty series, another document series, or a compound term is not."""
    assert is_telegram_series("Luxco", _LUXCO)
    # frus1948v05p1
    assert is_telegram_series(
        "WARX", "series indicator for telegrams sent overseas by the Department of the Army"
    )
    # frus1951v07p2
    assert is_telegram_series(
        "Excon", "designation for telegrams dealing with the export control program"
    )
    # frus1958-60v11, frus1964-68v28, frus1958-60v07p1
    niact = "night action; telegram indicator requiring immediate action"
    assert not is_telegram_series("Niact", niact)
    assert not is_telegram_series("TIAS", "Treaties and Other International Acts Series")
    assert not is_telegram_series("Colux", "series indicator for documents from the Mission")
    assert not is_telegram_series("C-M", "series indicator for North Atlantic Council memoranda")
    assert not is_telegram_series("septel", "separate telegram")


def test_lexicon_parties_from_the_gloss() -> None:
    """``from the Department`` makes the Department the sender; ``to the Department``
    the recipient (frus1949v07p1: Usgoc and Gocus)."""
    lex = series_lexicon(
        [
            ("Usgoc", "series indicator for telegrams from the Department of State to the U.S. "
             "member of the United Nations Good Offices Committee"),
            ("Gocus", "series indicator for telegrams to the Department of State from the U.S. "
             "member of the United Nations Good Offices Committee"),
            ("AP", "Associated Press"),
        ]
    )
    assert dict(lex.series) == {
        "Usgoc": ("Department of State", None),
        "Gocus": (None, "Department of State"),
    }


def test_read_terms_from_the_front_matter() -> None:
    """Each item's term and its gloss, tags and spacing gone."""
    terms = read_terms(_TERMS_TEI.encode())
    assert terms[0] == ("Luxco", _LUXCO)
    assert [t for t, _ in terms] == ["Luxco", "Niact", "EURATOM"]


def test_find_citations_reads_a_volume_series() -> None:
    """``Luxco 224, June 11`` is a telegram of the volume's series, sent by the Department
    (frus1958-60v07p1); without the volume's list it is not known."""
    text = "was sent to Butterworth in Luxco 224, June 11."
    lex = series_lexicon([("Luxco", _LUXCO)])
    found = xref.find_citations(text, lexicon=lex)
    assert [(c.kind, c.fields()) for c in found] == [
        (
            "telegram",
            {"number": "224", "series": "Luxco", "sender": "Department of State",
             "recipient": None, "date": "--06-11", "relative": None, "numberless": False},
        )
    ]
    assert found[0].text == "Luxco 224, June 11"
    assert xref.find_citations(text) == []
    # with a route: the route names the other end, the gloss the Department's
    routed = xref.find_citations("sent in Luxco 224 to Luxembourg, June 11", lexicon=lex)
    assert [(c.fields()["sender"], c.fields()["recipient"]) for c in routed] == [
        ("Department of State", "Luxembourg")
    ]


def test_a_volume_series_not_a_telegrams_own_number_nor_its_copy() -> None:
    """A telegram's own series and number opening it (frus1948v05p1 d275: ``430. Kascom
    14.``) and its copies (frus1958-60v07p1: ``rptd info Luxembourg Luxco 148``) are not
    citations; a list of the series' numbers is."""
    lex = series_lexicon(
        [("Kascom", "series indicator for telegrams to the United States Representative on "
          "the United Nations Commission for India and Pakistan"), ("Luxco", _LUXCO),
         ("Comkas", "series indicator for telegrams from the United States Representative on "
          "the United Nations Commission for India and Pakistan")]
    )
    assert xref.find_citations("430. Kascom 14. Commission should", lexicon=lex) == []
    # frus1948v05p1 d282, d374, and a citation further on (d282)
    assert xref.find_citations("secret\n\n617. Comkas 16 July 23. Mohammed", lexicon=lex) == []
    own = "secret \u2003 priority\n\nDelga 993. Comkas 62. Informal"
    assert [c for c in xref.find_citations(own, lexicon=lex) if c.text.startswith("Comkas")] == []
    later = xref.find_citations("standpoint reported Comkas 14. Formal", lexicon=lex)
    assert [c.fields()["number"] for c in later] == ["14"]
    copy = "Deptel 2360 (rptd info Luxembourg Luxco 148)."
    assert [c.fields()["series"] for c in xref.find_citations(copy, lexicon=lex)] == ["Deptel"]
    found = xref.find_citations("See Luxcos 12 and 13.", lexicon=lex)
    assert [(c.fields()["series"], c.fields()["number"]) for c in found] == [
        ("Luxco", "12"), ("Luxco", "13")
    ]


def test_reading_a_volume_registers_its_series(tmp_path: Path) -> None:
    """Once a volume is read, ``find_citations(text, volume=...)`` knows its series."""
    path = tmp_path / "frus1958-60v07p1.xml"
    path.write_text(_TERMS_TEI, encoding="utf-8")
    volume = read_volume(path)
    assert set(lexicon_for(volume.id).series) == {"Luxco"}
    doc = volume.documents[0]
    found = xref.find_citations(doc.body.text, volume=doc.volume)
    assert [(c.kind, c.fields()["series"]) for c in found] == [("telegram", "Luxco")]


def test_corpus_volume_series(corpus_dir: Path) -> None:
    """frus1948v05p1's list names Kascom, Comkas, Telmar and WARX among its series; the
    treaty series and news agencies of the list are not."""
    path = corpus_dir / "frus1948v05p1.xml"
    if not path.is_file():
        pytest.skip("frus1948v05p1 is absent")
    lex = register_file_series("frus1948v05p1", str(path))
    assert {"Kascom", "Comkas", "Telmar", "WARX", "Martel"} <= set(lex.series)
    assert not {"TASS", "AP", "UNTS"} & set(lex.series)


def test_reading_in_workers_registers_the_series_here(tmp_path: Path) -> None:
    """Volumes read by worker processes have their series registered in this process too."""
    from xref.read.sources import read_paths

    for name in ("frus1958-60v07p1", "frus1958-60v07p2"):
        (tmp_path / f"{name}.xml").write_text(_TERMS_TEI, encoding="utf-8")
    results = list(read_paths([tmp_path], jobs=2))
    assert [r.error for r in results] == [None, None]
    for r in results:
        assert r.volume is not None
        assert set(lexicon_for(r.volume.id).series) == {"Luxco"}
