"""Shared fixtures: the fixture folders and the dev corpus (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT / ".." / "shared" / "corpus" / "frus"


@pytest.fixture
def tei_dir() -> Path:
    """The small TEI excerpts and hostile files."""
    return FIXTURES / "tei"


@pytest.fixture
def text_dir() -> Path:
    """The plain-text seeds."""
    return FIXTURES / "text"


@pytest.fixture
def corpus_dir() -> Path:
    """The 20 dev volumes; the test is skipped when the folder is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/frus is absent")
    return CORPUS
