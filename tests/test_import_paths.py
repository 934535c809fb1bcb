"""Every documented import path keeps working after the move into stage subpackages, and an
old module path gives the very module object of its new home (one class, one registry)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import xref

DOCUMENTED: tuple[tuple[str, str], ...] = (
    ("xref.sources", "read_paths"),
    ("xref.sources", "map_files"),
    ("xref.corpus", "Corpus"),
    ("xref.resolve", "resolve_documents"),
    ("xref.resolve", "resolve_citations"),
    ("xref.resolve", "Resolution"),
    ("xref.export", "write_graph"),
    ("xref.store", "SCHEMA"),
    ("xref.store", "write_sqlite"),
    ("xref.graph", "build_graph"),
    ("xref.annotation", "annotate"),
    ("xref.fetch", "Retriever"),
    ("xref.linter", "check"),
    ("xref.rules", "RULES"),
    ("xref.documents", "Document"),
    ("xref.models", "TelegramCitation"),
    ("xref.tei", "read_volume"),
    ("xref.find", "find_citations"),
)
"""(module, name) pairs documented in README.md, the docs or docstrings before the move."""


@pytest.mark.parametrize(("module", "name"), DOCUMENTED)
def test_documented_path_imports(module: str, name: str) -> None:
    """``from MODULE import NAME`` works, in a fresh interpreter (no module loaded before)."""
    code = f"from {module} import {name}; print({name}.__module__ if callable({name}) else 'ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()


@pytest.mark.parametrize(("old", "new"), sorted(xref._MOVED.items()))
def test_old_module_path_is_the_new_module(old: str, new: str) -> None:
    """``import xref.sources`` is ``xref.read.sources`` itself, not a copy."""
    assert importlib.import_module(old) is importlib.import_module(new)


def test_old_path_attribute_after_import() -> None:
    """``import xref.tei`` then ``xref.tei.read_volume``: the attribute is set on the package."""
    import xref.tei  # noqa: F401

    assert xref.tei.read_volume is importlib.import_module("xref.read.tei").read_volume


def test_public_verbs_are_not_shadowed_by_subpackages() -> None:
    """Importing every subpackage leaves ``xref.check`` and ``xref.annotate`` the functions."""
    for package in ("cite", "read", "resolve", "checks", "graph", "annotation", "fetch", "cli"):
        importlib.import_module(f"xref.{package}")
    importlib.import_module("xref.checks.runner")
    importlib.import_module("xref.annotation.annotator")
    assert callable(xref.check) and xref.check.__module__ == "xref.checks.runner"
    assert callable(xref.annotate) and xref.annotate.__module__ == "xref.annotation.annotator"


def test_unknown_module_is_still_an_import_error() -> None:
    """The old-path finder answers only for moved modules."""
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("xref.nonexistent")
