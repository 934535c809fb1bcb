"""``xref annotate``: write the resolved links back (TEI refs, or an HTML page)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from xref.annotation.annotator import annotate
from xref.cli.options import add_corpus_option
from xref.cli.progress import progress_for
from xref.outputs import refuse_inputs, write_bytes

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    """Register ``xref annotate``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "annotate",
        help="insert <ref target> for resolved citations (TEI), or link them (HTML)",
        description="Wrap every resolved, untagged Document, footnote and telegram citation "
        "of a TEI volume in <ref target> as FRUS encodes them (every other byte unchanged), "
        "or render a plain-text document as HTML with its citations linked. Citations that "
        "run across markup are reported on stderr instead.",
    )
    p.add_argument("path", metavar="PATH", help="a TEI volume or a plain-text document")
    add_corpus_option(p)
    p.add_argument("-o", "--output", metavar="OUT", help="where to write ('-': standard output)")
    p.add_argument(
        "--format",
        choices=("tei", "html"),
        default=None,
        help="tei (default for .xml) or html (default for plain text)",
    )
    p.add_argument("--dry-run", action="store_true", help="print a unified diff, write nothing")
    p.add_argument("--volume", metavar="ID", help="FRUS volume id of a plain-text document")
    p.add_argument(
        "--no-cross-volume",
        dest="cross_volume",
        action="store_false",
        help="do not link documents of other volumes that are not loaded",
    )
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress line, and do not list skipped citations")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``xref annotate``."""
    if not args.dry_run and not args.output:
        print("xref annotate: error: -o OUT is required (or --dry-run)", file=sys.stderr)
        return 2
    refuse_inputs(args.output, [args.path, *args.corpus])
    with progress_for(args.quiet) as progress:
        progress.phase("annotating")
        result = annotate(
            args.path,
            args.corpus,
            format=args.format,
            volume=args.volume,
            cross_volume=args.cross_volume,
        )
    if not args.quiet:
        for s in result.skipped:
            print(
                f"{args.path}:{s.line}:{s.column}: skipped {s.text!r} -> {s.target}: {s.reason}",
                file=sys.stderr,
            )
    print(
        f"xref annotate: {len(result.insertions)} "
        f"{'refs inserted' if result.format == 'tei' else 'citations linked'}, "
        f"{len(result.skipped)} skipped",
        file=sys.stderr,
    )
    if args.dry_run:
        if result.format == "tei":
            sys.stdout.write(result.diff())
        else:
            sys.stdout.write(result.output.decode("utf-8"))
        return 0
    if args.output == "-":
        sys.stdout.buffer.write(result.file_output())
        sys.stdout.flush()
    else:
        write_bytes(args.output, result.file_output())
    return 0
