"""``xref graph``: the reference graph of PATHs, exported as JSON, GraphML, DOT, CSV or SQLite."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from xref.cli.options import add_input_options, graph_from_args
from xref.graph.export import FORMATS, write_graph, write_json
from xref.outputs import refuse_inputs

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register ``xref graph``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "graph",
        help="the reference graph: documents, footnotes, external items, volumes",
        description="Build the reference graph of every citation in PATHs (resolved against "
        "PATHs plus any --corpus paths) and write it in one format.",
    )
    add_input_options(p)
    p.add_argument("--format", choices=FORMATS, default="json")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file (csv: a directory or a .zip); JSON may go to standard output",
    )
    p.add_argument("--stats", action="store_true", help="print node and edge counts on stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``xref graph``."""
    if args.output is None and args.format != "json":
        print(f"xref graph: error: --format {args.format} needs -o OUT", file=sys.stderr)
        return 2
    refuse_inputs(args.output, [*args.paths, *args.corpus])
    graph, status = graph_from_args(args)
    if args.output is None or args.output == "-":
        write_json(graph, sys.stdout)
    else:
        write_graph(graph, args.format, args.output)
    if args.stats:
        s = graph.summary()
        print(
            f"{s['nodes']} nodes, {s['edges']} edges ({s['citations']} citations, "
            f"{s['cross_volume']} cross-volume), {s['missing']} missing",
            file=sys.stderr,
        )
    return status
