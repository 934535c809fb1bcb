"""``xref graph``: the reference graph of PATHs, exported as JSON, GraphML, DOT, CSV or SQLite."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from xref.cli.options import add_input_options, graph_from_args
from xref.cli.progress import count, progress_for
from xref.graph.export import FORMATS, write_dot, write_graph, write_graphml, write_json
from xref.outputs import refuse_inputs

__all__ = ["EXTENSIONS", "STREAMABLE", "add_parser", "output_format", "run"]

EXTENSIONS: dict[str, str] = {
    ".json": "json",
    ".graphml": "graphml",
    ".dot": "dot",
    ".gv": "dot",
    ".csv": "csv",
    ".zip": "csv",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}
"""The format an output file's extension names."""

STREAMABLE = ("json", "graphml", "dot")
"""The text formats that can go to standard output (``-o -`` or no ``-o``)."""


def add_parser(sub: Any) -> None:
    """Register ``xref graph``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "graph",
        help="the reference graph: documents, footnotes, external items, volumes",
        description="Build the reference graph of every citation in PATHs (resolved against "
        "PATHs plus any --corpus paths) and write it in one format: the one --format names, "
        "else the one OUT's extension names (.json, .graphml, .dot/.gv, .csv or .zip, "
        ".sqlite/.db), else JSON. JSON, GraphML and DOT can go to standard output.",
    )
    add_input_options(p)
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="json, graphml, dot, csv or sqlite (default: from OUT's extension)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file (csv: a directory or a .zip; '-' or none: standard output)",
    )
    p.add_argument("--stats", action="store_true",
                   help="print the summary line even with --quiet")
    p.set_defaults(func=run)


def output_format(output: str | None, fmt: str | None) -> str:
    """The format to write: ``fmt`` if given, else the one ``output``'s extension names,
    else JSON. Raises ValueError when the two disagree, when the extension names no format
    and none is given, or when a binary or many-file format would go to standard output."""
    to_stdout = output is None or output == "-"
    named = None if to_stdout else EXTENSIONS.get(Path(str(output)).suffix.lower())
    if fmt is not None and named is not None and named != fmt:
        raise ValueError(
            f"-o {output} names the {named} format but --format says {fmt}; "
            "change one of them"
        )
    chosen = fmt or named
    if chosen is None:
        if not to_stdout and Path(str(output)).suffix:
            known = ", ".join(sorted(EXTENSIONS))
            raise ValueError(
                f"cannot tell the format of -o {output} from its extension "
                f"(known: {known}); give --format"
            )
        chosen = "json"
    if to_stdout and chosen not in STREAMABLE:
        raise ValueError(f"--format {chosen} cannot go to standard output; give -o OUT")
    return chosen


def run(args: argparse.Namespace) -> int:
    """Run ``xref graph``."""
    refuse_inputs(args.output, [*args.paths, *args.corpus])
    try:
        fmt = output_format(args.output, args.format)
    except ValueError as exc:
        print(f"xref graph: error: {exc}", file=sys.stderr)
        return 2
    with progress_for(args.quiet) as progress:
        graph, status = graph_from_args(args, progress)
    if args.output is None or args.output == "-":
        writer = {"json": write_json, "graphml": write_graphml, "dot": write_dot}[fmt]
        writer(graph, sys.stdout)
        sys.stdout.flush()
        where = "standard output"
    else:
        write_graph(graph, fmt, args.output)
        where = args.output
    if args.stats or not args.quiet:
        s = graph.summary()
        print(
            f"xref graph: {count(s['nodes'], 'node')}, {count(s['edges'], 'edge')} "
            f"({count(s['citations'], 'citation')}, {s['cross_volume']:,} cross-volume), "
            f"{s['missing']:,} missing; {fmt} to {where}",
            file=sys.stderr,
        )
    return status
