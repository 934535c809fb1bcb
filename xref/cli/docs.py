"""``xref docs PATH...``: list documents with their header fields (text table or JSON lines)."""

from __future__ import annotations

import argparse
import functools
import io
import json
import sys
from typing import Any

from xref.read.documents import Document
from xref.read.sources import FileResult, map_files
from xref.records import page_url

__all__ = ["add_parser", "document_record", "run"]

_COLUMNS = ("id", "genre", "date", "sender", "recipient", "own_number", "notes")
_ROW = "{:30} {:26} {:10} {:30} {:30} {:12} {}\n"
"""The text table's row, header included."""


def add_parser(subparsers: Any) -> None:
    """Register ``xref docs``."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "docs",
        help="list documents and their header fields",
        description="Read FRUS TEI volumes (*.xml) and plain-text documents (*.txt), files or "
        "directories (recursively), and list each document's header fields.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    p.add_argument("--volume", metavar="ID", help="the volume of plain-text documents")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="files read in parallel (default: the cores available)")
    p.set_defaults(func=run)


def document_record(doc: Document) -> dict[str, Any]:
    """A document's header fields as a JSON-ready dict (``url``: its history.state.gov page,
    or None)."""
    source = doc.source
    return {
        "id": doc.id,
        "volume": doc.volume,
        "doc": doc.local_id,
        "number": doc.number,
        "heading": doc.heading.text,
        "genre": doc.genre,
        "sender": doc.sender,
        "recipient": doc.recipient,
        "date": doc.date,
        "time": doc.time,
        "place": doc.place,
        "own_number": doc.own_number,
        "series": doc.series,
        "source": None if source is None else source.text,
        "classification": None if source is None else source.classification,
        "precedence": None if source is None else source.precedence,
        "drafted_by": None if source is None else source.drafted_by,
        "cleared_by": None if source is None else source.cleared_by,
        "approved_by": None if source is None else source.approved_by,
        "repeated_to": [] if source is None else list(source.repeated_to),
        "statuses": [] if source is None else list(source.statuses),
        "footnotes": len(doc.footnotes),
        "path": doc.path,
        "url": page_url(doc.id),
        "diagnostics": [{"code": d.code, "message": d.message, "line": d.line}
                        for d in doc.diagnostics],
    }


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _text_row(doc: Document) -> str:
    number = doc.own_number if not doc.series else f"{doc.series} {doc.own_number}"
    row = (
        _cell(doc.id, 30), _cell(doc.genre, 26), _cell(doc.date, 10), _cell(doc.sender, 30),
        _cell(doc.recipient, 30), _cell(number, 12), str(len(doc.footnotes)),
    )
    return _ROW.format(*row)


def _listing(fmt: str, result: FileResult) -> tuple[str, str, bool]:
    """One file's listing: (stdout text, stderr text, whether the file failed).

    Runs where the file was read (a worker process with ``--jobs``), so that only text
    comes back.
    """
    if result.error is not None:
        return "", f"xref: error: {result.error}\n", True
    err = io.StringIO()
    if result.volume is not None:
        for diag in result.volume.diagnostics:
            err.write(f"{result.path}:{diag.line}: {diag.code}: {diag.message}\n")
    if fmt == "jsonl":
        out = "".join(
            json.dumps(document_record(doc), ensure_ascii=False) + "\n"
            for doc in result.documents
        )
    else:
        out = "".join(_text_row(doc) for doc in result.documents)
    return out, err.getvalue(), False


def run(args: argparse.Namespace) -> int:
    """List the documents; exit 2 if a file could not be read (the others are listed)."""
    code = 0
    if args.format == "text":
        sys.stdout.write(_ROW.format(*_COLUMNS))
    listing = functools.partial(_listing, args.format)
    for out, err, failed in map_files(listing, args.paths, volume=args.volume, jobs=args.jobs):
        sys.stderr.write(err)
        sys.stdout.write(out)
        if failed:
            code = 2
    return code
