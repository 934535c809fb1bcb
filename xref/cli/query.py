"""``xref query``: the common questions, asked of a graph database (SQLite, ``xref graph``)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from xref.cli.tables import clip
from xref.graph.store import cited_by, cites, connect, top_external, unresolved

__all__ = ["add_parser", "node_id", "run"]


def add_parser(sub: Any) -> None:
    """Register ``xref query``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "query",
        help="ask a graph database what cites what",
        description="Answer a question from a database written by `xref graph --format sqlite`.",
    )
    p.add_argument("db", metavar="DB")
    q = p.add_mutually_exclusive_group(required=True)
    q.add_argument("--cites", metavar="ID",
                   help="what document ID cites (an id, or its history.state.gov URL)")
    q.add_argument("--cited-by", metavar="ID",
                   help="what cites ID (a document, footnote, volume or key, or a URL)")
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


_URL = re.compile(
    r"(?:https?://)?history\.state\.gov/historicaldocuments/(?P<volume>[^/#?\s]+)"
    r"(?:/(?P<doc>[^/#?\s]+))?/?(?:[?#].*)?"
)


def node_id(text: str) -> str:
    """A node id as given, or as a history.state.gov URL: ``.../frus1961-63v11/d243`` is
    ``frus1961-63v11#d243`` and ``.../frus1961-63v11`` the volume."""
    m = _URL.fullmatch(text.strip())
    if m is None:
        return text.strip()
    return f"{m['volume']}#{m['doc']}" if m["doc"] else m["volume"]


def _known(db: Any, ident: str) -> bool:
    return db.execute("SELECT 1 FROM nodes WHERE id = ?", (ident,)).fetchone() is not None


def run(args: argparse.Namespace) -> int:
    """Run ``xref query``: 0 with an answer (which may have no rows), 1 when the id asked
    about is not in the graph, 2 when DB cannot be read."""
    asked = args.cites if args.cites is not None else args.cited_by
    ident = None if asked is None else node_id(asked)
    try:
        with connect(args.db) as db:
            if ident is not None and not _known(db, ident):
                shown = ident if ident == asked else f"{ident} (from {asked})"
                print(f"xref query: {shown} is not in {args.db}: no document, footnote, "
                      "volume or external key has that id", file=sys.stderr)
                return 1
            if args.cites is not None and ident is not None:
                rows = cites(db, ident)
                columns = ["note", "kind", "status", "text", "target"]
            elif args.cited_by is not None and ident is not None:
                rows = cited_by(db, ident)
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
    """A header row, then the rows; a value longer than 70 characters ends in an ellipsis."""
    if not rows:
        sys.stderr.write("xref query: no rows\n")
        return
    cells = [[clip("" if r.get(c) is None else str(r.get(c)), 70) for c in columns]
             for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    sys.stdout.write("\n")
    for row in cells:
        line = "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True))
        sys.stdout.write(line.rstrip() + "\n")
