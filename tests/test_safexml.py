"""Hostile XML is refused at once, with the file and position; nothing is fetched."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from xref.errors import InputError, UnsafeXMLError
from xref.read.tei import read_volume


@pytest.mark.parametrize("name", ["billion-laughs.xml", "external-entity.xml"])
def test_dtd_and_entities_are_refused(tei_dir: Path, name: str) -> None:
    """An internal subset, an entity declaration or an external entity is refused quickly."""
    start = time.perf_counter()
    with pytest.raises(UnsafeXMLError) as info:
        read_volume(tei_dir / name)
    assert time.perf_counter() - start < 1
    assert info.value.path.endswith(name)
    assert info.value.line == 2
    assert "DOCTYPE" in info.value.message


def test_external_dtd_is_not_read(tei_dir: Path) -> None:
    """A bare DOCTYPE naming an external DTD is accepted; the DTD is never fetched."""
    vol = read_volume(tei_dir / "external-dtd.xml")
    assert vol.documents == ()


def test_truncated_file_names_file_and_line(tei_dir: Path) -> None:
    """A truncated file gives an InputError with its path and the line where it broke."""
    with pytest.raises(InputError) as info:
        read_volume(tei_dir / "truncated.xml")
    assert not isinstance(info.value, UnsafeXMLError)
    assert info.value.line == 28
    assert str(info.value).startswith(str(tei_dir / "truncated.xml") + ":28:")


def test_binary_junk_is_malformed(tei_dir: Path) -> None:
    """Binary junk is an InputError at line 1."""
    with pytest.raises(InputError) as info:
        read_volume(tei_dir / "junk.xml")
    assert info.value.line == 1
    assert "malformed XML" in info.value.message


def test_undefined_entity_is_malformed(tei_dir: Path) -> None:
    """An undeclared entity (``&nbsp;``) is an error, not silently dropped."""
    with pytest.raises(InputError, match="undefined entity"):
        read_volume(tei_dir / "undefined-entity.xml")


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is an InputError naming it."""
    with pytest.raises(InputError, match="cannot read"):
        read_volume(tmp_path / "nope.xml")
