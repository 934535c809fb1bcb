"""Reading many files: input order, errors kept, and the same answers with any ``jobs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from xref.errors import UnsafeXMLError
from xref.read.sources import FileResult, map_files, read_paths


def summary(result: FileResult) -> tuple[str, tuple[str, ...], str | None]:
    """What a file gave: its name, its document ids, its error (runs in the workers)."""
    error = None if result.error is None else type(result.error).__name__
    return Path(result.path).name, tuple(d.id for d in result.documents), error


@pytest.mark.parametrize("jobs", [1, 2])
def test_read_paths_order_documents_and_errors(tei_dir: Path, text_dir: Path, jobs: int) -> None:
    """Files come back sorted within a folder, folders in the order given; a bad file is
    an error in its place and the others are still read."""
    results = list(read_paths([text_dir, tei_dir], jobs=jobs))
    names = [Path(r.path).name for r in results]
    assert names[:2] == ["000_945eba269802bf63.txt", "004_03d16a86b0456ebe.txt"]
    assert names[2:] == sorted(p.name for p in tei_dir.glob("*.xml"))
    by_name = {Path(r.path).name: r for r in results}
    excerpt = by_name["frus1958-60v11-d7-d9.xml"]
    assert [d.local_id for d in excerpt.documents] == ["d7", "d8", "d9"]
    assert excerpt.volume is not None and excerpt.volume.id == "frus1958-60v11"
    assert isinstance(by_name["billion-laughs.xml"].error, UnsafeXMLError)
    assert by_name["truncated.xml"].error is not None
    assert by_name["truncated.xml"].error.line == 28  # type: ignore[attr-defined]


def test_workers_give_the_same_documents(tei_dir: Path) -> None:
    """Volumes sent back from worker processes equal those read here, source maps included."""
    here = list(read_paths([tei_dir], jobs=1))
    there = list(read_paths([tei_dir], jobs=2))
    assert [r.volume for r in here] == [r.volume for r in there]
    data = (tei_dir / "quirks.xml").read_bytes()
    (a,) = [r for r in here if r.path.endswith("quirks.xml")]
    (b,) = [r for r in there if r.path.endswith("quirks.xml")]
    assert a.volume is not None and b.volume is not None
    body_a, body_b = a.volume.documents[0].body, b.volume.documents[0].body
    k = body_a.text.index("3000.")
    assert body_a.source_map.locate(k, data) == body_b.source_map.locate(k, data)


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_files_runs_the_function_on_each_file_in_order(tei_dir: Path, jobs: int) -> None:
    """``map_files`` answers per file, in input order, whether run here or in workers."""
    answers = list(map_files(summary, [tei_dir], jobs=jobs))
    assert [a[0] for a in answers] == sorted(p.name for p in tei_dir.glob("*.xml"))
    assert dict((a[0], a[1]) for a in answers)["frus1958-60v11-d7-d9.xml"] == (
        "frus1958-60v11#d7", "frus1958-60v11#d8", "frus1958-60v11#d9",
    )
    errors = {a[0]: a[2] for a in answers}
    assert errors["external-entity.xml"] == "UnsafeXMLError"
    assert errors["junk.xml"] == "InputError"
    assert errors["quirks.xml"] is None


def test_missing_path_is_an_error_not_a_crash(tmp_path: Path) -> None:
    """A path that does not exist gives one result with an error naming it."""
    (result,) = list(read_paths([tmp_path / "nope.xml"], jobs=2))
    assert result.error is not None and "nope.xml" in str(result.error)
