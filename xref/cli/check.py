"""``xref check``: lint the footnotes and citations of TEI volumes and plain-text copies."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any, TextIO

from xref.checks.checkconfig import CheckConfig, find_config, load_config
from xref.checks.rules import SEVERITIES
from xref.checks.runner import (
    Finding,
    check_paths,
    select_rules,
    severity_rank,
)
from xref.checks.sarif import to_sarif
from xref.checks.summary import summary_line
from xref.cli.options import add_corpus_option
from xref.cli.progress import add_quiet_option, progress_for
from xref.errors import InputError
from xref.read.sources import default_jobs, expand_paths

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
    add_corpus_option(p)
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    p.add_argument("--select", action="append", metavar="IDS",
                   help="only these rules (ids, names or prefixes, comma-separated)")
    p.add_argument("--ignore", action="append", metavar="IDS", help="skip these rules")
    p.add_argument("--fail-on", choices=SEVERITIES, default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--config", metavar="FILE", default=None,
                   help="read settings from FILE (default: [tool.xref] in the nearest "
                   "pyproject.toml, or xref.toml, upward from the first PATH)")
    p.add_argument("--no-config", action="store_true", help="read no configuration file")
    p.add_argument("--jobs", type=int, default=None, help="parallel files (default: cores)")
    add_quiet_option(p)
    p.set_defaults(func=run)


def _where(f: Finding) -> str:
    names = [n for n in (f.volume, f.document, f.note) if n]
    if f.context and not f.document:
        names = [*names[:1], f.context]
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


def _per_file(findings: list[Finding], config: CheckConfig) -> list[Finding]:
    """Drop the findings that the configuration's ``per-file-ignores`` turn off."""
    if not config.per_file_ignores:
        return findings
    off: dict[str | None, set[str]] = {}
    for f in findings:
        if f.path not in off:
            off[f.path] = {r.id for r in select_rules(config.ignored_for(f.path))} \
                if config.ignored_for(f.path) else set()
    return [f for f in findings if f.rule not in off[f.path]]


def run(args: argparse.Namespace) -> int:
    """Run ``xref check``; see :func:`add_parser` for the exit codes."""
    started = time.perf_counter()
    try:
        config = CheckConfig()
        if not args.no_config:
            path = args.config or find_config(args.paths)
            if path is not None:
                config = load_config(path)
        select = args.select if args.select is not None else config.select
        ignore = [*config.ignore, *(args.ignore or [])]
        for _, rules in config.per_file_ignores:
            select_rules(rules)  # refuse an unknown rule now, naming it
        select_rules(select, ignore)
    except (ValueError, InputError) as exc:
        print(f"xref check: error: {exc}", file=sys.stderr)
        return 2
    files = expand_paths(args.paths)
    extra = [f for f in expand_paths([*args.corpus, *config.corpus]) if f not in files]
    with progress_for(args.quiet) as progress:
        progress.phase("reading", [*files, *extra])
        jobs = default_jobs() if args.jobs is None else max(args.jobs, 1)

        def checking(inputs: int) -> None:
            progress.phase("checking", total=inputs, unit="inputs")

        # volumes stay packed until the worker that checks them where that pays
        # (checks.runner.packed_checking); read here and checked in workers elsewhere
        result = check_paths(
            files, extra, select=select, ignore=ignore, jobs=jobs,
            reading=lambda path, n: progress.advance(path, documents=n),
            checking=checking,
        )
    errors = list(result.errors)
    findings = _per_file(list(result.findings), config)
    for err in errors:
        print(f"xref: error: {err}", file=sys.stderr)
    if args.format == "json":
        json.dump([f.to_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.format == "sarif":
        json.dump(to_sarif(findings), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        format_text(findings, sys.stdout)
    sys.stdout.flush()
    if not args.quiet:
        print("xref check: " + summary_line(findings, result.documents, result.volumes,
                                           time.perf_counter() - started), file=sys.stderr)
    if errors:
        return 2
    limit = severity_rank(args.fail_on or config.fail_on or "warning")
    return 1 if any(severity_rank(f.severity) <= limit for f in findings) else 0
