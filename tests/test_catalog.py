"""The FRUS volume catalog (xref.cite.catalog), with expected ids read from the bibliography
(``../shared/corpus/frus-bibliography``: each record's ``id`` and titles)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from xref.cite.catalog import find_volumes, load_catalog, volume_exists, volume_for

ROOT = Path(__file__).resolve().parent.parent
BIBLIOGRAPHY = ROOT / ".." / "shared" / "corpus" / "frus-bibliography"


@pytest.mark.parametrize(
    ("printed", "query", "expected"),
    [
        ("Foreign Relations, 1952–1954, Guatemala", ("1952–1954", None, None, "Guatemala"),
         "frus1952-54Guat"),
        ("1969–1976, vol. E–14, Part 1", ("1969–1976", "E–14", "1", None), "frus1969-76ve14p1"),
        ("1951, vol. VI, Part 1", (1951, "VI", "1", None), "frus1951v06p1"),
        ("1918, Russia, vol. I", (1918, "I", None, "Russia"), "frus1918Russiav01"),
        ("1955–1957, vol. XXIII, Part 2", ("1955-57", "XXIII", "2", None), "frus1955-57v23p2"),
        ("1917, Supplement 1", (1917, None, None, "Supplement 1"), "frus1917Supp01v01"),
        ("1918, Supplement 1, vol. II", (1918, "II", None, "Supplement 1"), "frus1918Supp01v02"),
        ("1964–1968, vol. xxviii (lower case)", ((1964, 1968), "xxviii", None, None),
         "frus1964-68v28"),
    ],
)
def test_printed_citations_get_their_volume(
    printed: str, query: tuple[str | int | tuple[int, int], str | None, str | None, str | None],
    expected: str,
) -> None:
    years, volume, part, title = query
    assert volume_for(years, volume, part, title) == expected, printed


def test_no_such_volume() -> None:
    assert volume_for(1951, "XCIX") is None  # 1951 has no volume 99
    assert find_volumes(1951, "XCIX") == []
    assert volume_for("1952–1954", title="Atlantis") is None
    assert not volume_exists("frus1951v99")
    assert volume_exists("frus1951v06p1")


def test_several_fit_is_not_an_answer() -> None:
    """``1951, vol. VI`` without its part: two volumes fit, so no id, but both are listed."""
    assert volume_for(1951, "VI") is None
    assert [e.id for e in find_volumes(1951, "VI")] == ["frus1951v06p1", "frus1951v06p2"]


def test_unreadable_numbers_are_errors() -> None:
    with pytest.raises(ValueError, match="volume number"):
        find_volumes(1951, "Six")
    with pytest.raises(ValueError, match="year"):
        find_volumes("nineteen")


def test_entry_fields() -> None:
    (e,) = [e for e in load_catalog() if e.id == "frus1969-76ve14p1"]
    assert (e.first, e.last, e.volume, e.part, e.status) == (1969, 1976, "E14", 1, "published")
    assert "Documents on the United Nations" in e.title


@pytest.mark.corpus
def test_shipped_table_is_built_from_the_bibliography(tmp_path: Path) -> None:
    """The package data is what tools/build_catalog.py makes of the bibliography today."""
    if not BIBLIOGRAPHY.is_dir():
        pytest.skip("../shared/corpus/frus-bibliography is absent")
    out = tmp_path / "frus-volumes.tsv"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_catalog.py"), str(BIBLIOGRAPHY),
                    str(out)], check=True, capture_output=True)
    shipped = ROOT / "xref" / "data" / "frus-volumes.tsv"
    assert out.read_text("utf-8") == shipped.read_text("utf-8")
    assert len(load_catalog()) == len(list(BIBLIOGRAPHY.glob("*.xml")))


@pytest.mark.slow
def test_wheel_ships_the_catalog(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(tmp_path)],
        check=True,
    )
    (wheel,) = tmp_path.glob("xref-*.whl")
    assert "xref/data/frus-volumes.tsv" in zipfile.ZipFile(wheel).namelist()
