"""Options shared by the subcommands that read documents and a corpus."""

from __future__ import annotations

import argparse

__all__ = ["add_input_options"]


def add_input_options(p: argparse.ArgumentParser) -> None:
    """``PATH...``, ``--corpus PATH...``, ``--volume ID`` and ``--jobs N``."""
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--corpus", nargs="*", default=[], metavar="PATH", help="more known documents")
    p.add_argument("--volume", metavar="ID", help="FRUS volume id of plain-text documents")
    p.add_argument("--jobs", type=int, default=None, help="parallel files (default: cores)")
