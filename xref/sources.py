"""Read many paths at once: files and directories, TEI and plain text, in parallel.

:func:`read_paths` expands directories recursively (``*.xml`` as TEI volumes, ``*.txt`` as
plain-text documents), reads each file in a worker process (``jobs``; default: the cores
available) and yields one :class:`FileResult` per file, in input order, with the volume or
document read, or the error. A bad file never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from attrs import frozen

from xref.documents import Document, Volume
from xref.errors import InputError, XrefError
from xref.plaintext import read_plaintext
from xref.tei import read_volume

__all__ = ["FileResult", "default_jobs", "expand_paths", "read_file", "read_paths"]

SUFFIXES = (".xml", ".txt")


@frozen
class FileResult:
    """What reading one file gave: a volume (TEI), a document (plain text), or an error."""

    path: str
    """The file."""
    volume: Volume | None = None
    """The TEI volume read, if the file is TEI."""
    document: Document | None = None
    """The plain-text document read, if the file is text."""
    error: XrefError | None = None
    """Why the file could not be read, else None."""

    @property
    def documents(self) -> tuple[Document, ...]:
        """The documents read from the file (none on error)."""
        if self.volume is not None:
            return self.volume.documents
        if self.document is not None:
            return (self.document,)
        return ()


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def expand_paths(paths: Iterable[str | Path]) -> list[str]:
    """Files named, and the ``*.xml``/``*.txt`` files under directories, sorted, recursively.

    A path that does not exist is kept, so that reading it reports the error.
    """
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out.extend(
                str(f) for f in sorted(p.rglob("*")) if f.suffix.lower() in SUFFIXES and f.is_file()
            )
        else:
            out.append(str(p))
    return out


def read_file(path: str, volume: str | None = None) -> FileResult:
    """Read one file: TEI if it ends in ``.xml``, else plain text. Errors are returned."""
    try:
        if path.lower().endswith(".xml"):
            return FileResult(path, volume=read_volume(path))
        return FileResult(path, document=read_plaintext(path, volume=volume))
    except XrefError as exc:
        return FileResult(path, error=exc)
    except (OSError, ValueError, RecursionError) as exc:
        return FileResult(path, error=InputError(path, f"cannot read: {exc}"))


def _read_one(args: tuple[str, str | None]) -> FileResult:
    return read_file(*args)


def read_paths(
    paths: Iterable[str | Path], *, volume: str | None = None, jobs: int | None = None
) -> Iterator[FileResult]:
    """Read every file under ``paths``; yield one :class:`FileResult` per file, in order.

    ``volume`` names the volume of plain-text documents. ``jobs`` worker processes read files
    in parallel (default: the cores available; 1 reads in this process, one file at a time).
    """
    files = expand_paths(paths)
    n = default_jobs() if jobs is None else max(jobs, 1)
    if n == 1 or len(files) <= 1:
        for f in files:
            yield read_file(f, volume)
        return
    with ProcessPoolExecutor(max_workers=min(n, len(files))) as pool:
        yield from pool.map(_read_one, [(f, volume) for f in files])
