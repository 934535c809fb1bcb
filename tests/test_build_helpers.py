"""The builders' tree helpers (xref.cite.families.base) on hand-made trees."""

from __future__ import annotations

import re

from lark import Token, Tree

from xref.cite.families.base import child_tree, first_token, node_text, subtrees_of, tokens_of


def _tok(type_: str, text: str, start: int = 0) -> Token:
    return Token(type_, text, start_pos=start, end_pos=start + len(text))


TREE = Tree("path", [
    Tree("_part", [_tok("WORD", " Lot\t"), _tok("INT", "74\u00a0D\n")]),
    _tok("SEP", ","),
    Tree("box", [Tree("label", [_tok("WORD", "Box")]), _tok("INT", "\u2009 12 \x1c")]),
    Tree("box", [_tok("INT", "13")]),
])


def test_node_text_makes_each_run_of_whitespace_one_space() -> None:
    # tabs, newlines, a no-break space, a thin space and a file separator are whitespace
    assert node_text(TREE) == "Lot 74 D ,Box 12 13"  # tokens joined as printed
    assert node_text(TREE.children[2]) == "Box 12"
    assert node_text(Tree("x", [])) == ""
    # the same as re's \s, character by character
    for c in ("\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\u200b", "\ufeff", "\u180e"):
        text = f" a{c}{c}b{c}"
        assert node_text(Tree("x", [_tok("W", text)])) == re.sub(r"\s+", " ", text).strip()


def test_first_token_is_the_first_in_text_order() -> None:
    first_int = first_token(TREE, "INT")
    assert first_int is not None and str(first_int) == "74\u00a0D\n"
    word = first_token(TREE, "WORD")
    assert word is not None and str(word) == " Lot\t"
    assert first_token(TREE, "NONE") is None
    assert first_token(TREE.children[3], "INT") == "13"
    assert [t for t in tokens_of(TREE) if t.type == "INT"][0] is first_int


def test_child_trees() -> None:
    boxes = subtrees_of(TREE, "box")
    assert [node_text(b) for b in boxes] == ["Box 12", "13"]
    assert child_tree(TREE, "box") is boxes[0]
    assert child_tree(TREE, "label") is None  # a grandchild is not a child


def test_spans_start_at_the_first_word_and_end_at_the_last_token() -> None:
    from xref.cite.families.base import BuilderBase

    vol = _tok("VOL", ", vol.", 10)  # a token that absorbs its leading separator
    tree = Tree("pub", [Tree("_x", []), Tree("v", [vol, _tok("INT", "XI", 17)]), Tree("e", [])])
    builder = BuilderBase(source="x" * 40, offset=100)
    span = builder.span(tree)
    assert (span.start, span.end) == (112, 119)  # "vol." at 12, "XI" ends at 19
    assert builder.span(vol) == builder.span(tree.children[1], vol)
    assert builder.span(tree.children[1]).start == 112
