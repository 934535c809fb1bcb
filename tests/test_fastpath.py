"""The find path's fast path (:mod:`xref.cite.fastpath`) against the parser it stands in for.

Every answer the fast path gives must be what the parser and its builder give at the same
place; where the text after a shape could extend it, the fast path must decline. A change to
the grammar or a builder that changes what one of its shapes reads fails here (and in
``bench/compare_find.py``): the fast path must then be changed too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import xref.cite.find as find_module
from xref.cite import fastpath
from xref.cite.candidates import scan
from xref.cite.find import _window_end, find_citations
from xref.cite.lexicon import series_lexicon, using_lexicon
from xref.cite.models import Citation
from xref.cite.parser import Parsed, parse_prefix
from xref.cite.transform import build_citations

# (rule, text at the start): shapes the fast path answers for once it has learned them
ANSWERED = [
    ("ref", "Document 243. The Secretary"),
    ("ref", "Document 243"),
    ("ref", "Document 243)"),
    ("ref", "document 7; the"),
    ("ref", "Document 243, which the"),
    ("ibid", "Ibid."),
    ("ibid", "Ibid. Secret."),
    ("ibid", "ibid.) The"),
    ("ibid", "Ibid., 793.00/1\u20131055)"),
    ("ibid", "ibid., 611.74/1-156. Secret."),
    ("telegram", "Deptel 1338. Secret."),
    ("telegram", "Embtel 2832)"),
    ("telegram", "Secto 53; the"),
    ("telegram", "telegram 156."),
    ("telegram", "Deptel 496 as seems"),
    ("telegram", "Embtel 3937, which"),
    ("ref", "Document 208 is"),
    ("ref", "Document 5 for the text"),
    ("ref", "Document 5 fell"),
    ("ref", "footnote 2, Document 6."),
    ("ref", "Footnote 12, Document 57 in Foreign Relations, 1952\u20131954, vol. II"),
    ("ref", "footnote 2, Document 6, footnote 3"),
    ("archival", "Department of State, Central Files, 737.56361/12\u20131262. Secret."),
    ("archival", "Department of State, Central Files, 611.74/1-156)"),
    ("archival", "611.74/1-156."),
    ("archival", "Department of State, Central Files, 032/1\u20132855. Secret."),
    ("archival", "Department of State, Central Files, 793.00/1\u20131355. Confidential."),
]

# texts where what follows could extend the shape: the fast path must leave them to the parser
DECLINED = [
    ("ref", "Document 243, footnote 4"),
    ("ref", "Document 243 and footnote 4 thereto"),
    ("ref", "Documents 243 and 244"),
    ("ref", "Document 243, 244, and 245"),
    ("ref", "Document 243 in Foreign Relations, 1964\u20131968, vol. XXVIII"),
    ("ref", "Document 243.5"),
    ("ref", "Document 243/1"),
    ("ref", "Document 243 & 244"),
    ("ref", "Document 243, and 244"),
    ("ref", "Document 24-26"),
    ("ibid", "Ibid., p. 5"),
    ("ibid", "Ibid.: 611.74/1-156"),
    ("ibid", "Ibid. , Document 4"),
    ("ibid", "Ibid"),
    ("ibid", "Ibid., 793.00/1\u20131055, 793.00/1\u20131155"),
    ("ibid", "Ibid., 793.00/1\u20131055; Lot 60 D 627"),
    ("ibid", "Ibid., 793.00/1\u20131055. Formosa Files"),
    ("telegram", "Deptel 1338, July 5"),
    ("telegram", "Deptel 1338 to London"),
    ("telegram", "Deptel 1338; 1339 from London"),
    ("telegram", "Deptel 1338.5"),
    ("telegram", "Deptel 1338/7"),
    ("telegram", "Deptels 1338 and 1339"),
    ("telegram", "Totals 322,200"),
    ("telegram", "Embtel 4th"),
    ("telegram", "Deptel 496 from Paris"),
    ("telegram", "Deptel 496 to Paris"),
    ("telegram", "Deptel 496 of May 5"),
    ("telegram", "Deptel 496 dated May 5"),
    ("telegram", "Deptel 496 and 497"),
    ("telegram", "Deptel 496, dated May 5"),
    ("telegram", "Deptel 496, supra"),
    ("telegram", "Deptel 496, from the Embassy, May 5"),
    ("telegram", "Telegram 496, for the Secretary, May 5"),
    ("telegram", "Deptel 496, to Paris"),
    ("telegram", "Deptel 496 5 May"),
    ("telegram", "Ref Paris 496 circular"),
    ("ref", "Document 208 of Foreign Relations"),
    ("ref", "Document 208 in Foreign Relations"),
    ("ref", "Document 208 through 210"),
    ("ref", "Document 208 and 209"),
    ("ref", "Document 53 ff. and 72 ff."),
    ("ref", "Document 53 ff"),
    ("ref", "Document 53 et seq. and 72"),
    ("ref", "footnote 2, Document 6.5"),
    ("ref", "footnote 2, Document 6a"),
    ("ref", "footnote 2, Document 6/7"),
    ("ref", "footnotes 2 and 3, Document 6"),
    ("ref", "footnote 2, vol. II, Document 6"),
    ("archival", "Department of State, Central Files, 611.74/1-156; 611.74/2-156"),
    ("archival", "Department of State, Central Files, 611.74/1-156. Drafted by"),
    ("archival", "Department of State, Central Files, 611.74/1-156. Formosa Files. Secret"),
    ("archival", "Department of State, Central Files, 611.74/1-156, 611.74/2-156"),
    ("archival", "Department of State, Central Files, 611.74/1-156 and /2-156"),
    ("archival", "Department of State, Central Files, 611.74/1-156-A"),
    ("archival", "Department of State, Central Files, 032/1\u20132855, 032/2\u20132855"),
]


def _parser_answer(text: str, start: int, rule: str, window: int) -> list[Citation] | None:
    result = parse_prefix(text, start, rule, window)
    return build_citations(result, text, None) if isinstance(result, Parsed) else None


def _learned(text: str, rule: str) -> list[Citation] | None:
    """The fast path's answer at the start of ``text``, after the parser has read it once
    (the learned shapes need that)."""
    fastpath.forget()
    window = _window_end(text, 0)
    found = _parser_answer(text, 0, rule, window)
    if found:
        fastpath.learn(text, 0, rule, window, found, None)
    return fastpath.fast_citations(text, 0, rule, window, None)


@pytest.mark.parametrize(("rule", "text"), ANSWERED)
def test_the_fast_path_answers_as_the_parser_does(rule: str, text: str) -> None:
    fast = _learned(text, rule)
    assert fast is not None, "the fast path no longer reads this shape"
    assert fast == _parser_answer(text, 0, rule, _window_end(text, 0))


@pytest.mark.parametrize(("rule", "text"), DECLINED)
def test_the_fast_path_declines_what_could_go_on(rule: str, text: str) -> None:
    assert _learned(text, rule) is None


def test_a_shape_learned_once_serves_another_number_and_place() -> None:
    fastpath.forget()
    assert find_citations("See Deptel 1338.")
    text = "As Deptel 1339; and Department of State, Central Files, 737.56361/12\u20131262)"
    tel = fastpath.fast_citations(text, 3, "telegram", len(text), None)
    assert tel is not None
    assert tel == _parser_answer(text, 3, "telegram", len(text))
    assert tel[0].span.start == 3
    assert tel[0].text == "Deptel 1339"
    start = text.index("Department")
    assert fastpath.fast_citations(text, start, "archival", len(text), None) is None
    find_citations(text)  # the path's prefix is learned here
    path = fastpath.fast_citations(text, start, "archival", len(text), None)
    assert path == _parser_answer(text, start, "archival", len(text))
    # a file of another shape after the same prefix is not taken on trust
    other = "Department of State, Central Files, 737A.56/12\u20131262)"
    assert fastpath.fast_citations(other, 0, "archival", len(other), None) is None


@pytest.mark.parametrize(
    "text",
    [
        "CAB Document 5031.",
        "Senate Document 12.",
        "U.N. Document 12.",
        "United Nations Document 7)",
        "Renewal Case (CAB Document 5031 et al.)",
        "the U. N. Document 12.",
    ],
)
def test_a_document_after_a_capitalized_word_is_left_to_the_parser(text: str) -> None:
    start = text.index("Document")
    assert fastpath.fast_citations(text, start, "ref", len(text), None) is None
    assert fastpath.fast_citations("See " + text[start:], 4, "ref", len(text) + 4 - start, None)


def test_a_template_serves_only_under_its_lexicon() -> None:
    fastpath.forget()
    find_citations("See Embtel 430.")
    text = "Embtel 431."
    assert fastpath.fast_citations(text, 0, "telegram", len(text), None) is not None
    with using_lexicon(series_lexicon([])):  # another volume's lexicon
        assert fastpath.fast_citations(text, 0, "telegram", len(text), None) is None


def _without_fast_path(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> list[list[Citation]]:
    with monkeypatch.context() as m:
        m.setattr(find_module, "fast_citations", lambda *args: None)
        m.setattr(find_module, "fast_barren", lambda *args: None)
        return [find_citations(t) for t in texts]


def test_find_citations_is_the_same_with_and_without_the_fast_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [t for _, t in ANSWERED + DECLINED]
    texts += [" ".join(t for _, t in ANSWERED), "; ".join(t for _, t in DECLINED)]
    fastpath.forget()
    fast = [find_citations(t) for t in texts]
    assert fast == _without_fast_path(texts, monkeypatch)


def _volume_texts(corpus: Path) -> Iterator[str]:
    from xref.read.tei import read_volume

    for name in ("frus1955-57v02.xml", "frus1964-68v13.xml"):
        path = corpus / name
        if path.is_file():
            for doc in read_volume(path).documents:
                yield from (c.text for c in doc.containers() if c.text)


def test_real_volumes_are_read_the_same_with_and_without_the_fast_path(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = list(_volume_texts(corpus_dir))
    if not texts:
        pytest.skip("neither sample volume is in the corpus")
    fastpath.forget()
    answered = 0
    real = fastpath.fast_citations

    def counting(*args: object) -> list[Citation] | None:
        nonlocal answered
        found = real(*args)  # type: ignore[arg-type]
        answered += found is not None
        return found

    with monkeypatch.context() as m:
        m.setattr(find_module, "fast_citations", counting)
        fast = [find_citations(t) for t in texts]
    assert answered > 200
    assert fast == _without_fast_path(texts, monkeypatch)
    # and at every candidate the fast path answers for, the parser's answer is the same
    for text in texts[:3000]:
        for cand in scan(text):
            window = _window_end(text, cand.start)
            found = fastpath.fast_citations(text, cand.start, cand.rule, window, None)
            if found is not None:
                assert found == _parser_answer(text, cand.start, cand.rule, window), text


@pytest.mark.parametrize(
    "text",
    [
        "Department of State to the Embassy in Paris.",
        "the Department of State",
        "Department of State",
    ],
)
def test_a_bare_repository_is_known_to_name_nothing_once_parsed(text: str) -> None:
    fastpath.forget()
    start = text.index("Department")
    assert fastpath.fast_barren(text, start, "archival", len(text), None) is None
    assert find_citations(text) == []  # the parser reads it here, and it is learned
    end = fastpath.fast_barren(text, start, "archival", len(text), None)
    result = parse_prefix(text, start, "archival", len(text))
    assert isinstance(result, Parsed)
    assert end == result.end
    assert build_citations(result, text, None) == []


@pytest.mark.parametrize(
    "text",
    [
        "Department of State, Central Files, 611.74/1-156 to the",
        "Department of State and POL 5 to the",
        "Department of State Bulletin to the",
        "Department of State Atomic Energy Files to the",
        "Department of State: Lot 60 D 627 to the",
        "Department of State file 740.5 to the",
        "Department of State. Lot 60 D 627 to the",
    ],
)
def test_a_repository_that_may_go_on_is_left_to_the_parser(text: str) -> None:
    fastpath.forget()
    find_citations("Department of State to the Embassy. Department of State")
    assert fastpath.fast_barren(text, 0, "archival", len(text), None) is None


CENTRAL_TEXTS = [
    *(text for _, text in ANSWERED + DECLINED),
    "Department of State, Central Files, 611.74/1-156. Secret.",
    "Department of State, Central Files, 611.74/1\u2013156; repeated to London.",
    "Source: Department of State, Central Files, 700.5611/3-2556, part 2, 032/1-2855)",
    "Central Files, 033.1100/1-1555, and (see) 033.1100/2-155",
    "(Central Files; a, 611.74/1-156)",
    "x\ny, 611.74/1-156",
    "A" * 130 + ", 611.74/1-156",
    "A" * 118 + ", 611.74/1-156",
    "611.74/1-156. Confidential.",
    ", , 611.74/1-156.",
]


def test_the_central_file_match_is_ruled_out_only_where_it_fails() -> None:
    """``_central`` (two cheaper searches first) is the lazy ``_CENTRAL.match`` at every
    start and window end of texts with files, parts, commas, and the 120-character bound."""
    compared = matched = 0
    for text in CENTRAL_TEXTS:
        for start in range(len(text)):
            for window in {len(text), _window_end(text, start), max(start, len(text) - 3)}:
                ours = fastpath._central(text, start, window)
                theirs = fastpath._CENTRAL.match(text, start, window)
                assert (ours and ours.regs) == (theirs and theirs.regs), (text, start, window)
                compared += 1
                matched += theirs is not None
    assert matched > 40 and compared > 2000, (matched, compared)
