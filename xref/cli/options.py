"""Options shared by the subcommands that read documents and a corpus."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from xref.cli.progress import add_quiet_option
from xref.errors import XrefError

if TYPE_CHECKING:
    from xref.cli.progress import Progress
    from xref.graph.model import ReferenceGraph

__all__ = ["add_corpus_option", "add_input_options", "graph_from_args"]


def add_corpus_option(p: argparse.ArgumentParser) -> None:
    """``--corpus PATH``, repeatable (``--corpus A --corpus B``): the same in every command.

    It takes one path each time, so it never swallows the input paths that follow it.
    """
    p.add_argument("--corpus", action="append", default=[], metavar="PATH",
                   help="more volumes or documents that citations may name (repeatable)")


def add_input_options(p: argparse.ArgumentParser) -> None:
    """``PATH...``, ``--corpus PATH`` (repeatable), ``--volume ID``, ``--jobs N``, ``--quiet``."""
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_corpus_option(p)
    p.add_argument("--volume", metavar="ID", help="FRUS volume id of plain-text documents")
    p.add_argument("--jobs", type=int, default=None, help="parallel files (default: cores)")
    add_quiet_option(p)


def graph_from_args(
    args: argparse.Namespace, progress: Progress | None = None
) -> tuple[ReferenceGraph, int]:
    """Build the reference graph of the input options; exit status 2 if an input failed
    (each failure is reported on stderr, and the rest is still read). ``progress`` is
    moved on as files are read, then resolved."""
    from xref.graph.build import build_graph
    from xref.read.sources import expand_paths

    status = 0

    def on_error(error: XrefError) -> None:
        nonlocal status
        print(f"xref: error: {error}", file=sys.stderr)
        status = 2

    on_file = None
    if progress is not None and progress.enabled:
        files = expand_paths(args.paths)
        everything = files + [f for f in expand_paths(args.corpus) if f not in files]
        stages = {"read": ("reading", everything), "resolved": ("resolving", files)}
        current = ["read"]

        def on_file(stage: str, path: str, documents: int) -> None:
            if stage != current[0]:
                current[0] = stage
                progress.phase(*stages[stage])
            progress.advance(path, documents=documents)

        progress.phase("reading", everything)
    graph = build_graph(
        args.paths, corpus=args.corpus, volume=args.volume, jobs=args.jobs, on_error=on_error,
        on_file=on_file,
    )
    return graph, status
