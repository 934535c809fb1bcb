"""The ``xref`` command line: argument parsing, then the public API, then an exit code.

Each subcommand lives in its own module of this package with two functions:
``add_parser(subparsers)`` registers it and sets ``func``, a callable taking the parsed
arguments and returning the exit code. No domain logic lives here.

Exit codes: 0 success, 1 findings at or above ``--fail-on`` (check), 2 bad usage or
unreadable input (the other inputs are still processed and reported).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from xref.errors import XrefError

__all__ = ["COMMANDS", "PAUSED", "main"]

COMMANDS: tuple[str, ...] = (
    "parse",
    "extract",
    "docs",
    "resolve",
    "check",
    "graph",
    "query",
    "report",
    "annotate",
    "fetch",
)
"""Subcommand modules, in the order ``xref --help`` lists them."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The top-level parser with every subcommand registered.

    With ``command`` named, only that subcommand's module is imported and registered in
    full; the others are registered by name only (what they import is never loaded, so a
    command starts fast).
    """
    parser = argparse.ArgumentParser(
        prog="xref",
        description="Find, resolve and check the citations in documentary editions (FRUS).",
    )
    from xref import __version__

    parser.add_argument("--version", action="version", version=f"xref {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if command is None or name == command:
            importlib.import_module(f"xref.cli.{name}").add_parser(sub)
        else:
            sub.add_parser(name)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names, if its first argument is one."""
    return argv[0] if argv and argv[0] in COMMANDS else None


PAUSED = ("resolve", "check", "graph")
"""The commands run with the cyclic garbage collector paused: what they build over a corpus
holds no reference cycles (bench/RESULTS.md 14m), and each full collection would walk all of
it again."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    A command of :data:`PAUSED` runs with the cyclic garbage collector paused; run as the
    program (``argv`` None), its objects are then frozen, so that the interpreter's last
    collection at exit does not walk them all once more."""
    program = argv is None
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(_command(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if _command(argv) not in PAUSED or not gc.isenabled():
        return _run(args)
    from xref.read.forked import collector_paused  # (these commands import it anyway)

    with collector_paused():
        try:
            return _run(args)
        finally:
            if program:
                gc.freeze()  # the process ends: nothing left to collect


def _run(args: argparse.Namespace) -> int:
    """Run the parsed command; errors become exit codes."""
    try:
        code: int = args.func(args)
    except XrefError as exc:
        print(f"xref: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    return code
