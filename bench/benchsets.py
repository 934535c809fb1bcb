"""The tuning set and the check set (``bench/checkset.txt``), and the eras, for bench scripts.

A bench script reports every figure for both sets apart: a rule that helps the tuning set and
not the check set is a string list, not a rule.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

CHECKSET_FILE = Path(__file__).resolve().parent / "checkset.txt"
SETS = ("tuning", "check")
"""The two sets, in report order."""


def load_checkset(path: Path = CHECKSET_FILE) -> frozenset[str]:
    """The check set's volume ids (comments and blank lines skipped)."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(line)
    return frozenset(out)


CHECKSET = load_checkset()


def set_of(volume: str | None) -> str:
    """``check`` for a volume of the check set, else ``tuning`` (also for no volume)."""
    return "check" if volume in CHECKSET else "tuning"


ERAS = ("1894", "1917-72", "1948", "1949-51", "1952-54", "1955-57", "1958-60", "1961-63",
        "1964-68", "1969-76", "1977-80")
"""The FRUS eras the coverage report is broken down by (a volume's year span)."""


def era_of(volume: str) -> str:
    """The era of a volume id: ``frus1951v07p2`` -> ``1949-51``, ``frus1958-60v11`` ->
    ``1958-60``."""
    m = re.match(r"frus(\d{4})(?:-(\d{2}))?", volume)
    if m is None:
        return "?"
    year = int(m.group(1))
    if m.group(2):
        span = f"{year}-{m.group(2)}"
        return span if span in ERAS else str(year)
    if year in (1949, 1950, 1951):
        return "1949-51"
    return str(year)


def volume_files(corpus: Path, volumes: Sequence[str] | None) -> list[Path]:
    """The selected volumes (all ``*.xml`` in ``corpus`` by default), sorted by name; exits
    with a message when one is missing or there are none."""
    paths = sorted(corpus.glob("*.xml"))
    if volumes:
        wanted = set(volumes)
        paths = [p for p in paths if p.stem in wanted]
        missing = wanted - {p.stem for p in paths}
        if missing:
            sys.exit(f"no such volume in {corpus}: {', '.join(sorted(missing))}")
    if not paths:
        sys.exit(f"no volumes in {corpus}")
    return paths


def pct(a: int, b: int) -> str:
    """``a/b`` as a percentage, or a dash."""
    return f"{100 * a / b:5.1f}%" if b else "    -"
