"""Build ``xref/data/frus-volumes.tsv``, the FRUS volume catalog, from the bibliography.

Usage::

    python tools/build_catalog.py [BIBLIOGRAPHY_DIR] [OUTPUT]

(defaults ``../shared/corpus/frus-bibliography`` and ``xref/data/frus-volumes.tsv``). Reads
each ``<volume id="...">`` record and writes one line per volume, sorted by id, with a
header line::

    id  first  last  volume  part  status  title

- ``first``, ``last``: the years the id names (``frus1952-54Guat``: 1952, 1954;
  ``frus1918Russiav01``: 1918, 1918), which are the years a citation prints;
- ``volume``: the volume number as an arabic number (``6``), ``E14`` for an electronic
  volume, a range for a microfiche supplement (``10-12``), or empty;
- ``part``: the part number, or empty;
- ``status``: the publication status (``published``, ``in-production``, ...);
- ``title``: the complete title without the series name that opens it (``Foreign Relations
  of the United States,``), then the volume's own title when that does not contain it,
  separated by `` | ``.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT / ".." / "shared" / "corpus" / "frus-bibliography"
DEFAULT_OUTPUT = ROOT / "xref" / "data" / "frus-volumes.tsv"
HEADER = ("id", "first", "last", "volume", "part", "status", "title")

_ID = re.compile(r"frus(?P<first>\d{4})(?:-(?P<last>\d{2}))?(?P<rest>.*)")
_VOLUME = re.compile(r"v(?P<e>e)?(?P<n>\d+)(?:-(?P<to>\d+))?")
_PART = re.compile(r"(?:^|(?<=\d))p(?P<p>\d+)")
_SERIES = re.compile(
    r"^(?:Papers relating to the )?Foreign Relations of the United States[,.:]?\s*", re.I)
"""The series title that opens most complete titles (left out: it says nothing)."""


def id_fields(volume_id: str) -> tuple[int, int, str, str] | None:
    """(first year, last year, volume, part) from a volume id, or None if it is no FRUS id."""
    m = _ID.fullmatch(volume_id)
    if m is None:
        return None
    first = int(m.group("first"))
    last = first
    if m.group("last"):
        century = first // 100 * 100
        last = century + int(m.group("last"))
        if last < first:
            last += 100
    rest = m.group("rest")
    volume = ""
    v = _VOLUME.search(rest)
    if v is not None:
        if v.group("to"):
            volume = f"{int(v.group('n'))}-{int(v.group('to'))}"
        else:
            volume = ("E" if v.group("e") else "") + str(int(v.group("n")))
    p = _PART.search(rest)
    part = str(int(p.group("p"))) if p else ""
    return first, last, volume, part


def _text(root: ET.Element, path: str) -> str:
    el = root.find(path)
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def record(path: Path) -> tuple[str, ...]:
    """One catalog line from one bibliography record."""
    root = ET.parse(path).getroot()
    volume_id = root.get("id") or path.stem
    fields = id_fields(volume_id)
    if fields is None:
        raise SystemExit(f"{path}: id {volume_id!r} is not a FRUS volume id")
    first, last, volume, part = fields
    title = _SERIES.sub("", _text(root, "title[@type='complete']"))
    own = _text(root, "title[@type='volume']")
    if own and own.casefold() not in title.casefold():
        title = f"{title} | {own}"
    status = _text(root, "publication-status")
    out = (volume_id, str(first), str(last), volume, part, status, title)
    if any("\t" in f or "\n" in f for f in out):
        raise SystemExit(f"{path}: a field holds a tab or a newline")
    return out


def main(argv: list[str]) -> int:
    """Read the bibliography, write the table."""
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    paths = sorted(source.glob("*.xml"))
    if not paths:
        raise SystemExit(f"{source}: no bibliography records (*.xml)")
    rows = sorted(record(p) for p in paths)
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(HEADER) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{output}: {len(rows)} volumes from {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
