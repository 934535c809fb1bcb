"""The one-line summary ``xref check`` writes on stderr when it is done."""

from __future__ import annotations

from collections.abc import Iterable

from xref.checks.context import Finding

__all__ = ["summary_line"]


def _n(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def summary_line(findings: Iterable[Finding], documents: int, volumes: int,
                 seconds: float) -> str:
    """``N findings (E errors, W warnings, I info) in D documents of V volumes, S s``."""
    found = list(findings)
    errors = sum(f.severity == "error" for f in found)
    warnings = sum(f.severity == "warning" for f in found)
    infos = sum(f.severity == "info" for f in found)
    return (f"{_n(len(found), 'finding')} ({_n(errors, 'error')}, {_n(warnings, 'warning')}, "
            f"{infos:,} info) "
            f"in {_n(documents, 'document')} of {_n(volumes, 'volume')}, {seconds:.1f} s")
