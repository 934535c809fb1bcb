"""``xref extract``: every citation in files or fragments, as a table or JSON lines."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from attrs import frozen

from xref.cite.find import find_citations
from xref.cli.progress import add_quiet_option, count, progress_for
from xref.cli.tables import KIND_WIDTH, clip
from xref.errors import XrefError
from xref.read.documents import locate_citations
from xref.read.sources import FileResult, expand_paths, map_files
from xref.records import document_record, to_record

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register ``xref extract``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "extract",
        help="find and parse every citation",
        description="Find and parse every citation in FILEs (plain text, TEI volumes, "
        "directories) or in each line of a fragments file.",
    )
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="files or directories to read ('-': standard input)")
    p.add_argument("--fragments", metavar="FILE", help="read each line of FILE as its own text")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    p.add_argument("--volume", metavar="ID", help="FRUS volume id of plain-text documents")
    p.add_argument("--jobs", type=int, default=None, help="parallel files (default: cores)")
    add_quiet_option(p)
    p.set_defaults(func=run)


def _fragment_records(path: str) -> Iterator[dict[str, Any]]:
    # Lines end at "\n" only (as wc -l and sed count them): a lone "\r" is not a line break.
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, start=1):
            line = raw.decode("utf-8", "replace").removesuffix("\n").removesuffix("\r")
            for c in find_citations(line):
                yield to_record(c, source=path, fragment=n)


def _records_of(result: FileResult) -> list[dict[str, Any]] | XrefError:
    """The records of one file read, or why it could not be read."""
    if result.error is not None:
        return result.error
    records = []
    for doc in result.documents:
        finder = functools.partial(find_citations, volume=doc.volume)
        for located in locate_citations(doc, finder):
            records.append(
                document_record(located.citation, doc, located.container, source=result.path)
            )
    return records


@frozen
class _FileDone:
    """A file's records have all been given: its path and how many documents it held."""

    path: str
    documents: int


def _file_records(result: FileResult) -> tuple[str, int, list[dict[str, Any]] | XrefError]:
    """The path, documents and records of one file read, or why it could not be read.

    Runs where the file was read (a worker process with ``--jobs``), so that only the
    records come back.
    """
    return result.path, len(result.documents), _records_of(result)


def _document_records(
    paths: list[str], volume: str | None, jobs: int | None
) -> Iterator[dict[str, Any] | XrefError | _FileDone]:
    for path, documents, item in map_files(_file_records, paths, volume=volume, jobs=jobs):
        if isinstance(item, XrefError):
            yield item
        else:
            yield from item
        yield _FileDone(path, documents)


def _write(records: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """JSON lines, or a table with a header row (text cut with an ellipsis, never silently).

    The table's column widths come from its rows, so the records are gathered first."""
    if fmt == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    rows = [
        (
            f"{r['source']}:{r['fragment']}"
            if r.get("fragment")
            else f"{r.get('doc') or r['source']} {r.get('note') or r.get('where') or ''}".strip(),
            f"{r['start']}-{r['end']}",
            r["kind"],
            clip(r["text"], 60),
            _summary(r),
        )
        for r in records
    ]
    header = ("where", "span", "kind", "text", "fields")
    widths = [max([len(header[i]), *(len(row[i]) for row in rows)]) for i in range(4)]
    widths[2] = max(widths[2], KIND_WIDTH)
    for row in [header, *rows]:
        cells = [row[i].ljust(widths[i]) for i in range(4)]
        out.write(("  ".join(cells) + "  " + row[4]).rstrip() + "\n")


def _summary(record: dict[str, Any]) -> str:
    if record["kind"] == "unparsed":
        return str(record.get("reason", ""))
    parts = []
    for k, v in record["fields"].items():
        if v in (None, [], ()) or k == "antecedent":
            continue
        parts.append(f"{k}={'/'.join(map(str, v)) if isinstance(v, list) else v}")
    return " ".join(parts)


def run(args: argparse.Namespace) -> int:
    """Run ``xref extract``; 2 if any input could not be read (the others still are).

    ``-`` among the FILEs (or no FILE and no ``--fragments``) reads standard input as one
    plain text, whose records have ``source: "-"``.
    """
    status = 0
    files = [f for f in args.files if f != "-"]
    progress = progress_for(args.quiet)
    counts = {"citations": 0, "documents": 0}

    def stdin_records() -> Iterator[dict[str, Any]]:
        text = sys.stdin.read()
        for c in find_citations(text, volume=args.volume):
            yield to_record(c, source="-")

    def records() -> Iterator[dict[str, Any]]:
        nonlocal status
        if args.fragments:
            try:
                yield from _fragment_records(args.fragments)
            except OSError as exc:
                print(f"xref: error: {args.fragments}: {exc.strerror or exc}", file=sys.stderr)
                status = 2
        if "-" in args.files or (not args.fragments and not args.files):
            yield from stdin_records()
        progress.phase("reading", expand_paths(files))
        for item in _document_records(files, args.volume, args.jobs):
            if isinstance(item, XrefError):
                print(f"xref: error: {item}", file=sys.stderr)
                status = 2
            elif isinstance(item, _FileDone):
                counts["documents"] += item.documents
                progress.advance(item.path, documents=item.documents)
            else:
                yield item

    def counted() -> Iterator[dict[str, Any]]:
        for r in records():
            counts["citations"] += 1
            yield r

    try:
        _write(counted(), args.format, sys.stdout)
        sys.stdout.flush()
    finally:
        progress.close()
    if not args.quiet and files:
        print(
            f"xref extract: {count(counts['citations'], 'citation')} in "
            f"{count(counts['documents'], 'document')}, {count(len(expand_paths(files)), 'file')}",
            file=sys.stderr,
        )
    return status
