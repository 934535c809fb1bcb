"""Options shared by the subcommands that read documents and a corpus."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from xref.errors import XrefError

if TYPE_CHECKING:
    from xref.graph.model import ReferenceGraph

__all__ = ["add_input_options", "graph_from_args"]


def add_input_options(p: argparse.ArgumentParser) -> None:
    """``PATH...``, ``--corpus PATH...``, ``--volume ID`` and ``--jobs N``."""
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--corpus", nargs="*", default=[], metavar="PATH", help="more known documents")
    p.add_argument("--volume", metavar="ID", help="FRUS volume id of plain-text documents")
    p.add_argument("--jobs", type=int, default=None, help="parallel files (default: cores)")


def graph_from_args(args: argparse.Namespace) -> tuple[ReferenceGraph, int]:
    """Build the reference graph of the input options; exit status 2 if an input failed
    (each failure is reported on stderr, and the rest is still read)."""
    from xref.graph.build import build_graph

    status = 0

    def on_error(error: XrefError) -> None:
        nonlocal status
        print(f"xref: error: {error}", file=sys.stderr)
        status = 2

    graph = build_graph(
        args.paths, corpus=args.corpus, volume=args.volume, jobs=args.jobs, on_error=on_error
    )
    return graph, status
