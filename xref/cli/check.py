"""``xref check``: lint the footnotes and citations of TEI volumes and plain-text copies."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from xref.checks.rules import SEVERITIES
from xref.checks.runner import Finding, check_inputs, severity_rank
from xref.checks.sarif import to_sarif

__all__ = ["add_parser", "format_text", "run"]


def add_parser(sub: Any) -> None:
    """Register ``xref check``."""
    p: argparse.ArgumentParser = sub.add_parser(
        "check",
        help="lint footnotes, cross-references and citations",
        description="Check FILEs (TEI volumes, plain-text documents, directories) for "
        "footnote, cross-reference and citation problems. Exit 0 when nothing reaches "
        "--fail-on, 1 when something does, 2 for bad usage or unreadable input.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to check")
    p.add_argument("--corpus", action="append", default=[], metavar="PATH",
                   help="more volumes or documents that cross-references may name")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    p.add_argument("--select", action="append", metavar="IDS",
                   help="only these rules (ids, names or prefixes, comma-separated)")
    p.add_argument("--ignore", action="append", metavar="IDS", help="skip these rules")
    p.add_argument("--fail-on", choices=SEVERITIES, default="warning",
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--jobs", type=int, default=None, help="parallel files (default: cores)")
    p.set_defaults(func=run)


def _where(f: Finding) -> str:
    names = [n for n in (f.volume, f.document, f.note) if n]
    return f" [{' '.join(names)}]" if names else ""


def format_text(findings: list[Finding], out: TextIO) -> None:
    """Compiler-style lines: ``path:line:col: XR012 warning: message [volume doc note]``."""
    for f in findings:
        loc = f.path or "-"
        if f.line:
            loc += f":{f.line}"
            if f.column:
                loc += f":{f.column}"
        out.write(f"{loc}: {f.rule} {f.severity}: {f.message}{_where(f)}\n")
        if f.hint:
            out.write(f"    hint: {f.hint}\n")


def run(args: argparse.Namespace) -> int:
    """Run ``xref check``; see :func:`add_parser` for the exit codes."""
    try:
        result = check_inputs(args.paths, corpus=args.corpus or None, select=args.select,
                              ignore=args.ignore, jobs=args.jobs)
    except ValueError as exc:
        print(f"xref check: error: {exc}", file=sys.stderr)
        return 2
    findings = list(result.findings)
    for err in result.errors:
        print(f"xref: error: {err}", file=sys.stderr)
    if args.format == "json":
        json.dump([f.to_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.format == "sarif":
        json.dump(to_sarif(findings), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        format_text(findings, sys.stdout)
    if result.errors:
        return 2
    limit = severity_rank(args.fail_on)
    return 1 if any(severity_rank(f.severity) <= limit for f in findings) else 0
