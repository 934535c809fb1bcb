"""``xref report``: one self-contained HTML page of citations, findings and the graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from xref.cli.options import add_input_options, graph_from_args
from xref.cli.progress import count, progress_for
from xref.graph.report import check_findings, render_report
from xref.outputs import refuse_inputs, write_text

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register ``xref report``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "report",
        help="an HTML report: summary, citations, findings, the graph around a document",
        description="Write one self-contained HTML file (it works offline) about the "
        "citations in PATHs, resolved against PATHs plus any --corpus paths.",
    )
    add_input_options(p)
    p.add_argument("-o", "--output", metavar="OUT", default="report.html")
    p.add_argument("--title", default=None, help="the page title (default: from the inputs)")
    p.add_argument("--no-check", action="store_true", help="leave out xref check's findings")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``xref report``."""
    refuse_inputs(args.output, [*args.paths, *args.corpus])
    with progress_for(args.quiet) as progress:
        graph, status = graph_from_args(args, progress)
        findings: list[Any] = []
        available = False
        if not args.no_check:
            progress.phase("checking")
            findings, available = check_findings(args.paths, args.corpus, args.jobs)
    names = [Path(p).stem for p in args.paths]
    title = args.title or "xref report: " + (
        ", ".join(names) if len(names) <= 3 else f"{len(names)} inputs"
    )
    html = render_report(graph, findings, title=title, check_available=available)
    write_text(args.output, html)
    if not args.quiet:
        s = graph.summary()
        print(
            f"xref report: {count(s['citations'], 'citation')}, "
            f"{count(len(findings), 'finding')}; wrote {args.output} ({len(html) // 1024} KiB)",
            file=sys.stderr,
        )
    return status
