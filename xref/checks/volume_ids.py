"""The FRUS volume ids that exist: the ids of the Office's bibliography, shipped as package data.

:func:`known_volume_ids` reads ``xref/checks/volume_ids.txt`` (one id a line), built from the
bibliography's ``<volume id="...">`` records (``../shared/corpus/frus-bibliography/``) by
running this module::

    python -m xref.checks.volume_ids ../shared/corpus/frus-bibliography > xref/checks/volume_ids.txt

The check of cross-volume targets (rule XR019) asks only :func:`known_volume_ids`, so a fuller
catalog can replace the table behind it without touching the rules.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from importlib.resources import files
from pathlib import Path

__all__ = ["bibliography_ids", "known_volume_ids", "main"]

_VOLUME_ID = re.compile(rb"<volume\s[^>]*\bid\s*=\s*[\"']([^\"']+)[\"']")


@cache
def known_volume_ids() -> frozenset[str]:
    """Every FRUS volume id in the bibliography (published, in preparation or planned)."""
    text = files("xref").joinpath("volume_ids.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def bibliography_ids(folder: str | Path) -> list[str]:
    """The ids of the ``<volume id>`` records in a bibliography folder, sorted."""
    ids: set[str] = set()
    for path in sorted(Path(folder).glob("*.xml")):
        m = _VOLUME_ID.search(path.read_bytes()[:2000])
        if m is not None:
            ids.add(m.group(1).decode("utf-8"))
    return sorted(ids)


def main(argv: list[str] | None = None) -> int:
    """Print the table for ``xref/checks/volume_ids.txt`` from a bibliography folder."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: python -m xref.checks.volume_ids BIBLIOGRAPHY_DIR", file=sys.stderr)
        return 2
    ids = bibliography_ids(args[0])
    print("# FRUS volume ids, from the Office of the Historian's bibliography"
          " (python -m xref.checks.volume_ids)")
    for i in ids:
        print(i)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
