"""``xref query``: the common questions, asked of a graph database (SQLite, ``xref graph``)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from xref.graph.store import cited_by, cites, connect, top_external, unresolved

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register ``xref query``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "query",
        help="ask a graph database what cites what",
        description="Answer a question from a database written by `xref graph --format sqlite`.",
    )
    p.add_argument("db", metavar="DB")
    q = p.add_mutually_exclusive_group(required=True)
    q.add_argument("--cites", metavar="ID", help="what document ID cites")
    q.add_argument("--cited-by", metavar="ID", help="what cites ID (a document, footnote, key)")
    q.add_argument(
        "--top-external",
        metavar="KIND",
        help="the most-cited external items of KIND (central_file, lot_file, telegram, ...; "
        "'all' for every kind)",
    )
    q.add_argument("--unresolved", action="store_true", help="unresolved and ambiguous citations")
    p.add_argument("--limit", type=int, default=20, help="rows for --top-external (default 20)")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``xref query``."""
    try:
        with connect(args.db) as db:
            if args.cites is not None:
                rows = cites(db, args.cites)
                columns = ["note", "kind", "status", "text", "target"]
            elif args.cited_by is not None:
                rows = cited_by(db, args.cited_by)
                columns = ["source", "note", "kind", "status", "text"]
            elif args.top_external is not None:
                kind = None if args.top_external == "all" else args.top_external
                rows = top_external(db, kind, args.limit)
                columns = ["citations", "documents", "volumes", "id"]
            else:
                rows = unresolved(db)
                columns = ["source", "note", "kind", "status", "text", "reason"]
    except (OSError, ValueError) as exc:
        print(f"xref query: error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # sqlite3.DatabaseError: not a graph database
        if type(exc).__module__ != "sqlite3":
            raise
        print(f"xref query: error: {args.db}: {exc}", file=sys.stderr)
        return 2
    if args.format == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        _table(rows, columns)
    return 0


def _table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    if not rows:
        return
    cells = [[("" if r.get(c) is None else str(r.get(c)))[:70] for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    sys.stdout.write("\n")
    for row in cells:
        line = "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True))
        sys.stdout.write(line.rstrip() + "\n")
