"""``xref parse TEXT``: one citation's kind, fields and key, or where and why it does not parse."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from xref.errors import CitationSyntaxError

__all__ = ["add_parser", "describe", "run"]


def add_parser(sub: Any) -> None:
    """Register ``xref parse``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "parse",
        help="parse one citation: its kind, fields and key",
        description="Parse TEXT as one citation and print its kind, its fields and the "
        "canonical key that every citation of the same item shares; or, when TEXT is not "
        "one citation, where the grammar gave up and what it expected (exit 1).",
    )
    p.add_argument("text", nargs="+", metavar="TEXT", help="the citation (words are joined)")
    p.add_argument("--volume", metavar="ID", help="the FRUS volume the text belongs to")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run)


def describe(text: str, volume: str | None = None) -> dict[str, Any]:
    """The JSON record of ``text`` parsed as one citation, plus ``key`` and ``status`` (as
    :func:`xref.resolve_text` gives them with no corpus). Raises
    :class:`~xref.errors.CitationSyntaxError` when ``text`` is not one citation."""
    from xref.cite.find import parse_citation
    from xref.records import to_record
    from xref.text import resolve_text

    citation = parse_citation(text, volume=volume)
    record = to_record(citation)
    record["key"] = None
    record["status"] = None
    for r in resolve_text(text, volume=volume):
        if r.citation.span.start == citation.span.start:
            record["key"] = r.target or r.key
            record["status"] = r.status
            break
    return record


def _value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    return str(value)


def _found_inside(text: str, volume: str | None) -> None:
    """Name the citations that the text holds, when it is not one citation itself."""
    from xref.cite.find import find_citations

    found = find_citations(text, volume=volume)
    if found:
        sys.stdout.write("the text holds:\n")
    for c in found:
        sys.stdout.write(f"  {c.span.start}-{c.span.end} {c.kind}: {c.text}\n")


def run(args: argparse.Namespace) -> int:
    """Run ``xref parse``: 0 when TEXT is one citation, 1 when it is not."""
    text = " ".join(args.text)
    try:
        record = describe(text, args.volume)
    except CitationSyntaxError as exc:
        if args.format == "json":
            error = {"text": exc.text, "position": exc.position, "line": exc.line,
                     "column": exc.column, "expected": list(exc.expected)}
            sys.stdout.write(json.dumps({"error": error}, ensure_ascii=False) + "\n")
        else:
            expected = f": expected {', '.join(exc.expected)}" if exc.expected else ""
            sys.stdout.write(f"not a citation: column {exc.column}{expected}\n")
            sys.stdout.write("".join(f"  {line}\n" for line in exc.context.split("\n")))
            _found_inside(text, args.volume)
        return 1
    if args.format == "json":
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    rows = [("text", record["text"]), ("kind", record["kind"])]
    rows += [(k, _value(v)) for k, v in record["fields"].items() if v not in (None, [], ())]
    rows.append(("key", record["key"] or "-"))
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        sys.stdout.write(f"{k:<{width}}  {v}\n")
    return 0
