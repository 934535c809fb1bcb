"""Read many paths at once: files and directories, TEI and plain text, in parallel.

:func:`read_paths` expands directories recursively (``*.xml`` as TEI volumes, ``*.txt`` as
plain-text documents), reads each file in a worker process (``jobs``; default: the cores
available) and yields one :class:`FileResult` per file, in input order, with the volume or
document read, or the error. A bad file never stops the others. :func:`map_files` runs a
function where each file is read, so that only its answer travels between processes.
"""

from __future__ import annotations

import functools
import gc
import marshal
import os
from array import array
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import attrs
from attrs import frozen

from xref.cite.lexicon import SeriesLexicon, lexicon_for, register_series
from xref.cite.models import Span
from xref.errors import InputError, XrefError
from xref.read.documents import (
    Container,
    Document,
    DocumentDiagnostic,
    Footnote,
    Ref,
    SourceMap,
    SourceNote,
    Volume,
)
from xref.read.plaintext import read_plaintext
from xref.read.spawnsafe import defined_in_main, workers_without_main
from xref.read.tei import read_volume

__all__ = [
    "PACKABLE", "FileResult", "default_jobs", "expand_paths", "map_files", "pack_volume",
    "read_file", "read_paths", "unpack_volume",
]

SUFFIXES = (".xml", ".txt")
T = TypeVar("T")


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
    def item(self) -> Volume | Document | None:
        """What was read, for a corpus: the volume or the document (None on error)."""
        return self.volume if self.volume is not None else self.document

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


def read_file(path: str, volume: str | None = None, maps: bool = True) -> FileResult:
    """Read one file: TEI if it ends in ``.xml``, else plain text. Errors are returned.

    With ``maps`` false a TEI volume's containers have empty source maps (see
    :func:`~xref.read.tei.read_volume_bytes`)."""
    try:
        if path.lower().endswith(".xml"):
            return FileResult(path, volume=read_volume(path, maps=maps))
        return FileResult(path, document=read_plaintext(path, volume=volume))
    except XrefError as exc:
        return FileResult(path, error=exc)
    except (OSError, ValueError, RecursionError) as exc:
        return FileResult(path, error=InputError(path, f"cannot read: {exc}"))


def read_paths(
    paths: Iterable[str | Path],
    *,
    volume: str | None = None,
    jobs: int | None = None,
    maps: bool = True,
) -> Iterator[FileResult]:
    """Read every file under ``paths``; yield one :class:`FileResult` per file, in order.

    ``volume`` names the volume of plain-text documents. ``jobs`` worker processes read files
    in parallel (default: the cores available; 1 reads in this process, one file at a time).
    Workers take the largest files first, so that no big file is left for the end. With
    ``maps`` false TEI containers have empty source maps (see :func:`read_file`).
    """
    files = expand_paths(paths)
    n = _jobs(jobs, files)
    if n == 1:
        for f in files:
            yield read_file(f, volume, maps)
        return
    read = _read_one if maps else _read_one_without_maps
    for item in _map(read, files, volume, n):
        yield _received(item)


def map_files(
    fn: Callable[[FileResult], T],
    paths: Iterable[str | Path],
    *,
    volume: str | None = None,
    jobs: int | None = None,
    maps: bool = True,
) -> Iterator[T]:
    """Read every file under ``paths`` and yield ``fn(result)`` for each, in input order.

    With ``jobs`` above 1, ``fn`` runs in the worker processes, next to the reading: only its
    answer comes back, which is what makes the work scale with the cores. ``fn`` must be
    picklable (a module-level function, or a :func:`functools.partial` of one), and so must
    what it returns. ``volume``, ``jobs`` and ``maps`` are as for :func:`read_paths`.
    """
    files = expand_paths(paths)
    n = _jobs(jobs, files)
    if n == 1:
        for f in files:
            yield fn(read_file(f, volume, maps))
        return
    then = functools.partial(_then_without_maps if not maps else _then, fn)
    yield from _map(then, files, volume, n, defined_in_main(fn))


def _jobs(jobs: int | None, files: list[str]) -> int:
    """How many processes to read ``files`` with (1: this one)."""
    n = default_jobs() if jobs is None else max(jobs, 1)
    return min(n, len(files)) or 1


def _map(
    fn: Callable[[tuple[str, str | None]], T],
    files: list[str],
    volume: str | None,
    n: int,
    needs_main: bool = False,
) -> Iterator[T]:
    """``fn((file, volume))`` for each file in ``n`` worker processes, yielded in order.

    Workers take the largest files first, so that no big file is left for the end. They
    do not run the caller's main script again (see :mod:`xref.spawnsafe`) unless
    ``needs_main`` says that ``fn`` comes from there.
    """
    order = sorted(range(len(files)), key=lambda i: -_size(files[i]))
    with ProcessPoolExecutor(max_workers=n, initializer=gc.disable) as pool:
        with workers_without_main(needs_main):  # every worker starts during these submits
            futures = {i: pool.submit(fn, (files[i], volume)) for i in order}
        for i in range(len(files)):
            yield futures.pop(i).result()


def _then(fn: Callable[[FileResult], T], args: tuple[str, str | None]) -> T:
    """In a worker: read one file and apply ``fn`` to what was read."""
    return fn(read_file(*args))


def _then_without_maps(fn: Callable[[FileResult], T], args: tuple[str, str | None]) -> T:
    """In a worker: :func:`_then`, the file read without source maps."""
    return fn(read_file(*args, maps=False))


_Answer = tuple[FileResult | tuple[str, bytes], SeriesLexicon | None]
"""A worker's answer: the file read (a volume packed, see :func:`_pack_volume`), and the
volume's telegram series, which the reader registered in the worker (None for no volume)."""


def _read_one(args: tuple[str, str | None], maps: bool = True) -> _Answer:
    """In a worker: read one file; a volume comes back packed, with its series."""
    result = read_file(*args, maps)
    if result.volume is None:
        return result, None
    series = lexicon_for(result.volume.id)
    if _PACKABLE:
        return (result.path, _pack_volume(result.volume)), series
    return result, series


def _read_one_without_maps(args: tuple[str, str | None]) -> _Answer:
    """In a worker: :func:`_read_one` with empty source maps."""
    return _read_one(args, False)


def _received(answer: _Answer) -> FileResult:
    """In the parent: a worker's answer as a :class:`FileResult`, the volume's series
    registered here too (the worker's registration stays in the worker)."""
    item, series = answer
    if isinstance(item, FileResult):
        result = item
    else:
        path, data = item
        result = FileResult(path, volume=_unpack_volume(data))
    if series is not None and result.volume is not None:
        register_series(result.volume.id, series)
    return result


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


# -- compact transfer of volumes from worker processes ---------------------------------------
#
# Pickling a volume's attrs objects one by one (and unpickling them in the parent, where it
# cannot run in parallel) cost more than reading the file. Workers instead flatten a volume
# into plain tuples, strings and bytes and marshal them (C speed both ways); the parent
# rebuilds the objects with their constructors. The layout follows the classes' fields;
# should they change, ``_PACKABLE`` turns this off and results travel by pickle.

_LAYOUT = {
    Volume: ("id", "title", "path", "documents", "diagnostics"),
    Document: (
        "id", "volume", "local_id", "number", "heading", "body", "source", "footnotes", "genre",
        "sender", "recipient", "date", "time", "place", "dateline", "own_number", "series",
        "path", "diagnostics", "pages",
    ),
    Container: (
        "where", "text", "note", "label", "anchor", "parent", "refs", "source_map", "attributes",
    ),
    SourceNote: (
        "container", "classification", "precedence", "drafted_by", "cleared_by", "approved_by",
        "repeated_to", "statuses",
    ),
    Footnote: ("label", "id", "container", "page"),
    SourceMap: ("offsets", "events", "leads", "xml"),
    DocumentDiagnostic: ("code", "message", "line"),
    Ref: ("span", "target"),
}
_PACKABLE = all(
    tuple(a.name for a in attrs.fields(cls)) == names for cls, names in _LAYOUT.items()
)
PACKABLE = _PACKABLE
"""Whether :func:`pack_volume` can pack volumes (the classes' fields match its layout)."""


def _pack_container(c: Container) -> tuple[Any, ...]:
    m = c.source_map
    refs = tuple((r.span.start, r.span.end, r.target) for r in c.refs) if c.refs else ()
    offsets, events, leads = m.offsets, m.events, m.leads
    if type(offsets) is array and type(events) is array and type(leads) is bytes:
        if offsets.typecode == "q" and events.typecode == "q":
            return (
                c.where, c.text, c.note, c.label, c.anchor, c.parent, refs, c.attributes, True,
                offsets.tobytes(), events.tobytes(), leads, m.xml,
            )
    return (
        c.where, c.text, c.note, c.label, c.anchor, c.parent, refs, c.attributes, False,
        tuple(offsets), tuple(events), tuple(leads), m.xml,
    )


def _unpack_container(t: Any) -> Container:
    if t[8]:
        smap = SourceMap(array("q", t[9]), array("q", t[10]), t[11], t[12])
    else:
        smap = SourceMap(t[9], t[10], t[11], t[12])
    refs = t[6]
    return Container(
        t[0], t[1], t[2], t[3], t[4], t[5],
        tuple([Ref(Span(s, e), target) for s, e, target in refs]) if refs else (),
        smap, t[7],
    )


def pack_volume(v: Volume) -> bytes:
    """``v`` as marshalled plain data, to send to another process (see :func:`unpack_volume`):
    much cheaper both ways than pickling its objects. Raises ValueError if the classes'
    fields no longer match the layout this module knows (see ``_PACKABLE``)."""
    if not _PACKABLE:
        raise ValueError("the document classes changed: volumes cannot be packed")
    return _pack_volume(v)


def unpack_volume(data: bytes) -> Volume:
    """The volume :func:`pack_volume` packed, rebuilt with its classes' constructors (the
    cyclic garbage collector paused meanwhile)."""
    return _unpack_volume(data)


def _pack_volume(v: Volume) -> bytes:
    """``v`` as marshalled plain data (see :func:`_unpack_volume`)."""
    docs = []
    for d in v.documents:
        s = d.source
        source = None if s is None else (
            _pack_container(s.container), s.classification, s.precedence, s.drafted_by,
            s.cleared_by, s.approved_by, s.repeated_to, s.statuses,
        )
        docs.append((
            d.id, d.volume, d.local_id, d.number, _pack_container(d.heading),
            _pack_container(d.body), source,
            tuple((f.label, f.id, _pack_container(f.container), f.page) for f in d.footnotes),
            d.genre, d.sender, d.recipient, d.date, d.time, d.place, d.dateline, d.own_number,
            d.series, d.path, tuple((g.code, g.message, g.line) for g in d.diagnostics),
            d.pages,
        ))
    diagnostics = tuple((g.code, g.message, g.line) for g in v.diagnostics)
    return marshal.dumps((v.id, v.title, v.path, tuple(docs), diagnostics))


def _unpack_volume(data: bytes) -> Volume:
    """The volume :func:`_pack_volume` packed, rebuilt, with the cyclic garbage collector
    paused if it runs: tens of thousands of new objects, and no cycles among them."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _unpacked(data)
    finally:
        if collecting:
            gc.enable()


def _unpacked(data: bytes) -> Volume:
    """The volume of :func:`_unpack_volume`'s ``data``."""
    vid, title, path, docs, diagnostics = marshal.loads(data)
    out = []
    unpack = _unpack_container
    for t in docs:
        source = t[6]
        if source is not None:
            source = SourceNote(unpack(source[0]), *source[1:])
        out.append(Document(
            t[0], t[1], t[2], t[3], unpack(t[4]), unpack(t[5]), source,
            tuple([Footnote(label, fid, unpack(c), page) for label, fid, c, page in t[7]]),
            t[8], t[9], t[10], t[11], t[12], t[13], t[14], t[15], t[16], t[17],
            tuple([DocumentDiagnostic(*g) for g in t[18]]), t[19],
        ))
    return Volume(
        vid, title, path, tuple(out), tuple([DocumentDiagnostic(*g) for g in diagnostics])
    )
