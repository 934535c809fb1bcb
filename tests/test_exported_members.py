"""The public API: ``xref.__all__`` names exactly the public names, sorted."""

from __future__ import annotations

import xref


def test_all_is_sorted_and_complete() -> None:
    """``__all__`` is sorted (case-insensitively) and every name in it exists."""
    assert xref.__all__ == sorted(xref.__all__, key=str.casefold)
    for name in xref.__all__:
        assert hasattr(xref, name), name


def test_verbs_are_callable() -> None:
    """The pipeline verbs are functions of the package itself."""
    for verb in (
        "find_citations",
        "parse_citation",
        "resolve_citations",
        "check",
        "build_graph",
        "annotate",
        "to_record",
        "read_paths",
    ):
        assert callable(getattr(xref, verb)), verb


def test_every_public_name_has_a_docstring() -> None:
    """Every exported class and function is documented."""
    for name in xref.__all__:
        obj = getattr(xref, name)
        if callable(obj):
            assert obj.__doc__, name


def test_import_is_light() -> None:
    """``import xref`` loads no parser, HTTP client or graph code until a name is used."""
    import subprocess
    import sys

    code = (
        "import sys, xref; heavy = [m for m in ('lark', 'httpx', 'xref.graph.build', "
        "'xref.cite.find') "
        "if m in sys.modules]; print(heavy); xref.find_citations; print('lark' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]


def test_unknown_name_is_an_attribute_error() -> None:
    """A name that is not public raises AttributeError, as for any module."""
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        xref.nope  # noqa: B018
