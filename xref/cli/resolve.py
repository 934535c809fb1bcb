"""``xref resolve``: every citation with its status, target or key."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from xref.cli.options import add_input_options
from xref.cli.progress import Progress, count, progress_for
from xref.cli.tables import KIND_WIDTH, clip
from xref.read.documents import Document, Volume
from xref.read.forked import fork_map
from xref.read.sources import default_jobs, expand_paths, read_paths, unpack_volume
from xref.records import resolution_record
from xref.resolve.corpus import Corpus
from xref.resolve.resolution import STATUSES, resolve_documents

__all__ = ["add_parser", "load", "run"]

_COLOURS = {"resolved": "32", "external": "36", "ambiguous": "33", "unresolved": "31"}


def add_parser(sub: Any) -> None:
    """Register ``xref resolve``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "resolve",
        help="resolve every citation to a document, a footnote or an external key",
        description="Resolve the citations in PATHs (which are also the corpus) against the "
        "corpus, plus any --corpus paths.",
    )
    add_input_options(p)
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    p.add_argument(
        "--fetch-missing",
        action="store_true",
        help="fetch the volumes that cross-volume citations name, then resolve",
    )
    p.add_argument("--base-url", default=None, help="where --fetch-missing fetches volumes from")
    p.add_argument("--cache-dir", default=None, help="the volume cache (default: the user cache)")
    p.add_argument("--offline", action="store_true", help="use only the cache (or XREF_OFFLINE=1)")
    p.set_defaults(func=run)


def load(
    paths: list[str], volume: str | None, jobs: int | None, progress: Progress | None = None
) -> tuple[list[Document], list[Document | Volume], int]:
    """Read ``paths``: every document in order, what to index (whole volumes and plain-text
    documents), and 2 if any file could not be read (each is reported; the rest go on)."""
    per_file, index, status = _load_files(paths, volume, jobs, progress)
    return [d for _, docs in per_file for d in docs], index, status


def _load_files(
    paths: list[str], volume: str | None, jobs: int | None, progress: Progress | None = None
) -> tuple[list[tuple[str, tuple[Document, ...]]], list[Document | Volume], int]:
    """:func:`load`, with the documents file by file; source maps are not kept (records
    never need them)."""
    per_file: list[tuple[str, tuple[Document, ...]]] = []
    index: list[Document | Volume] = []
    status = 0
    for result in read_paths(paths, volume=volume, jobs=jobs, maps=False):
        if progress is not None:
            progress.advance(result.path, documents=len(result.documents))
        if result.error is not None:
            print(f"xref: error: {result.error}", file=sys.stderr)
            status = 2
            continue
        if result.item is not None:
            index.append(result.item)
        per_file.append((result.path, result.documents))
    return per_file, index, status


def _load_lean(
    files: list[str], extra: list[str], volume: str | None, jobs: int, progress: Progress
) -> tuple[list[tuple[str, tuple[Document, ...] | bytes] | None], list[Document | Volume],
           int, int]:
    """Read ``files`` and ``extra`` in ``jobs`` workers, for resolving in forked workers:
    each of ``files`` with its documents, a volume kept packed as its worker sent it (the
    forked worker that resolves it unpacks it); what to index, a volume as its lean copy
    (:func:`xref.graph.build.read_lean`: the parent never unpacks a whole volume); the
    status (2 if a file could not be read); the number of documents of ``files``."""
    from xref.graph.build import read_lean  # here: the graph stage is not needed otherwise

    kept: list[tuple[str, tuple[Document, ...] | bytes] | None] = []
    index: list[Document | Volume] = []
    status = ndocs = 0
    citing = len(files)
    for i, (result, lean, packed) in enumerate(read_lean([*files, *extra], volume, jobs)):
        documents = lean.documents if lean is not None else result.documents
        progress.advance(result.path, documents=len(documents))
        if result.error is not None:
            print(f"xref: error: {result.error}", file=sys.stderr)
            status = 2
            continue
        if lean is not None and packed is not None:
            index.append(lean)
            entry: tuple[str, tuple[Document, ...] | bytes] = (result.path, packed)
        elif result.item is not None:
            index.append(result.item)
            entry = (result.path, result.documents)
        else:  # pragma: no cover - a result is an error, a volume or a document
            continue
        if i < citing:
            kept.append(entry)
            ndocs += len(documents)
    return kept, index, status, ndocs


def _weight(docs: tuple[Document, ...] | bytes) -> int:
    """How much resolving a file's documents costs, roughly (the largest go first)."""
    if isinstance(docs, bytes):
        return len(docs)
    return sum(len(d.body.text) for d in docs)


def _fetch_missing(docs: list[Document], corpus: Corpus, args: argparse.Namespace) -> list[Volume]:
    from xref.fetch.client import Retriever
    from xref.read.tei import read_volume

    loaded = set(corpus.volumes())
    wanted: list[str] = []
    for r in resolve_documents(docs, corpus):
        if r.status == "external" and r.key and r.key.startswith("frus") and "#d" in r.key:
            vol = r.key.split("#", 1)[0]
            if vol not in loaded and vol not in wanted:
                wanted.append(vol)
    options: dict[str, Any] = {}
    if args.base_url:
        options["base_url"] = args.base_url
    if args.cache_dir:
        options["cache_dir"] = Path(args.cache_dir)
    if args.offline:
        options["offline"] = True
    retriever = Retriever(**options)
    out = []
    for res in retriever.fetch_many(wanted):
        if res.ok and res.path is not None:
            out.append(read_volume(str(res.path)))
        else:
            print(f"xref: warning: cannot fetch {res.volume_id}: {res.error}", file=sys.stderr)
    return out


def run(args: argparse.Namespace) -> int:
    """Run ``xref resolve``.

    Files are read once (in ``--jobs`` workers), the corpus is indexed, then each file's
    citations are resolved and turned into records in forked workers that inherit the
    corpus (:func:`xref.read.forked.fork_map`); the records are written in input order.
    """
    progress = progress_for(args.quiet)
    files = expand_paths(args.paths)
    extra = [f for f in expand_paths(args.corpus) if f not in files]
    progress.phase("reading", [*files, *extra])
    statuses: Counter[str] = Counter()
    ndocs = 0
    try:
        jobs = default_jobs() if args.jobs is None else max(args.jobs, 1)
        kept: list[tuple[str, tuple[Document, ...] | bytes] | None]
        if jobs > 1 and not args.fetch_missing:
            kept, index, status, ndocs = _load_lean(files, extra, args.volume, jobs, progress)
            corpus = Corpus.from_documents(index)
            del index
        else:
            per_file, index, status = _load_files(files, args.volume, args.jobs, progress)
            _, extra_index, extra_status = _load_files(extra, args.volume, args.jobs, progress)
            status = max(status, extra_status)
            ndocs = sum(len(docs) for _, docs in per_file)
            corpus = Corpus.from_documents([*index, *extra_index])
            del index, extra_index
            if args.fetch_missing:
                progress.phase("fetching")
                fetched = _fetch_missing([d for _, docs in per_file for d in docs], corpus,
                                         args)
                if fetched:
                    corpus = corpus.with_documents(fetched)
            kept = list(per_file)
            del per_file
        progress.phase("resolving", total=ndocs, unit="documents")
        jsonl = args.format == "jsonl"

        def task(i: int) -> tuple[str | list[dict[str, Any]], Counter[str], int]:
            entry = kept[i]
            assert entry is not None
            _, docs = entry
            if isinstance(docs, bytes):  # packed where it was read: unpacked in this worker
                docs = unpack_volume(docs).documents
            counts: Counter[str] = Counter()
            recs: list[dict[str, Any]] = []
            for r in resolve_documents(docs, corpus):
                counts[r.status] += 1
                recs.append(resolution_record(r, source=r.document.path))
            if jsonl:
                return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in recs), \
                    counts, len(docs)
            return recs, counts, len(docs)

        def results() -> Iterator[tuple[str | list[dict[str, Any]], Counter[str], int]]:
            weights = [_weight(e[1]) if e else 0 for e in kept]
            for i, answer in enumerate(fork_map(task, weights, jobs)):
                kept[i] = None  # written: free its documents here
                yield answer

        def records() -> Iterator[dict[str, Any]]:
            for recs, counts, done in results():
                statuses.update(counts)
                progress.advance(items=done)
                assert not isinstance(recs, str)
                yield from recs

        if jsonl:
            for lines, counts, done in results():
                statuses.update(counts)
                progress.advance(items=done)
                assert isinstance(lines, str)
                sys.stdout.write(lines)
        else:
            _text(records())
        sys.stdout.flush()
    finally:
        progress.close()
    if not args.quiet:
        shown = ", ".join(f"{statuses[s]:,} {s}" for s in STATUSES)
        print(
            f"xref resolve: {count(sum(statuses.values()), 'citation')} ({shown}) in "
            f"{count(ndocs, 'document')}, {count(len(files), 'file')}",
            file=sys.stderr,
        )
    return status


TEXT_WIDTH = 50


def _text(records: Iterator[dict[str, Any]]) -> None:
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    row = f"  {{:<10}} {{:<{KIND_WIDTH}}} {{}} {{:<{TEXT_WIDTH}}}  {{}}"
    sys.stdout.write(row.format("note", "kind", f"{'status':<10}", "text", "target or key")
                     .rstrip() + "\n")
    current = None
    for rec in records:
        head = f"{rec['volume'] or ''} {rec['doc']}".strip()
        if head != current:
            current = head
            sys.stdout.write(f"\n{head}\n")
        status = rec["status"]
        shown = f"\x1b[{_COLOURS[status]}m{status:<10}\x1b[0m" if colour else f"{status:<10}"
        where = rec["note"] or rec["where"]
        what = rec["target"] or rec["key"] or ""
        if rec["candidates"] and status == "ambiguous":
            what = " | ".join(rec["candidates"])
        line = row.format(where, rec["kind"], shown, clip(rec["text"], TEXT_WIDTH), what)
        if rec.get("reason") and status in ("unresolved", "ambiguous"):
            line += f"  ({rec['reason']})"
        sys.stdout.write(line.rstrip() + "\n")
