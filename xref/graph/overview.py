"""A whole-corpus overview of a reference graph, for the report's charts.

* citations per year (the year of the citing document);
* citations per archive or repository (Department of State Central Files, lot files, each
  presidential library, each records center, the National Archives by record group, the CIA,
  other repositories), counted from the external items cited;
* the most-cited files (central and subject files, lot files, records center accessions)
  and the most-cited documents, with how many documents cite each.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from xref.graph.model import ReferenceGraph

__all__ = ["FILE_KINDS", "archive_of", "overview"]

FILE_KINDS = ("central_file", "subject_file", "lot_file", "records_center")
"""External kinds that are files of an archive."""

_ARCHIVES = {
    "central_file": "Department of State, Central Files",
    "subject_file": "Department of State, Central Files",
    "lot_file": "Department of State, lot files",
    "film": "Department of State, electronic files (film)",
    "cia": "Central Intelligence Agency",
}


def archive_of(node_id: str, kind: str | None) -> str | None:
    """The archive or repository an external item's key names, or None (a telegram,
    a publication, a page: not an archive)."""
    if kind in _ARCHIVES:
        return _ARCHIVES[kind]
    parts = node_id.split(":")
    if kind == "library" and len(parts) > 1 and parts[1]:
        return re.sub(r"\blibrary\b", "Library", parts[1])  # "Eisenhower library" too
    if kind == "records_center" and len(parts) > 1 and parts[1]:
        return f"Records center: {parts[1]}"
    if kind == "national_archives" and len(parts) > 1:
        return f"National Archives, {parts[1]}"
    if kind == "repository" and len(parts) > 1 and parts[1]:
        return parts[1]
    return None


def _label(label: str, kind: object) -> str:
    """A file's label says what it is: ``Lot 66 D 204``, not ``66 D 204``."""
    return f"Lot {label}" if kind == "lot_file" else label


def overview(graph: ReferenceGraph, top: int = 15) -> dict[str, Any]:
    """Counts for the charts: ``per_year`` ([year, citations] by year), ``per_archive``,
    ``top_files`` and ``top_documents`` ([id, label, citations, citing documents], the
    ``top`` most cited)."""
    nodes = {n.id: n for n in graph.nodes}
    per_year: Counter[str] = Counter()
    per_archive: Counter[str] = Counter()
    cited: Counter[str] = Counter()
    citing: defaultdict[str, set[str]] = defaultdict(set)
    for e in graph.citations():
        source = nodes.get(e.source)
        date = source.attrs.get("date") if source is not None else None
        if isinstance(date, str) and len(date) >= 4 and date[:4].isdigit():
            per_year[date[:4]] += 1
        target = nodes.get(e.target)
        if target is None:
            continue
        kind = target.attrs.get("kind")
        kind = kind if isinstance(kind, str) else None
        if target.type == "external":
            archive = archive_of(target.id, kind)
            if archive is not None:
                per_archive[archive] += 1
        if target.type == "document" or (target.type == "external" and kind in FILE_KINDS):
            cited[target.id] += 1
            citing[target.id].add(e.source)

    def ranked(ids: list[str]) -> list[list[Any]]:
        ids.sort(key=lambda i: (-cited[i], -len(citing[i]), i))
        return [[i, _label(nodes[i].label, nodes[i].attrs.get("kind")), cited[i],
                 len(citing[i])] for i in ids[:top]]

    documents = [i for i in cited if nodes[i].type == "document"]
    files = [i for i in cited if nodes[i].type == "external"]
    return {
        "per_year": sorted([y, c] for y, c in per_year.items()),
        "per_archive": [[a, c] for a, c in per_archive.most_common(top)],
        "top_files": ranked(files),
        "top_documents": ranked(documents),
    }
