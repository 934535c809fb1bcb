"""Inline suppression of one finding: ``<?xref-ignore RULE ...?>`` in the TEI.

An editor who has checked a finding and wants it gone writes a processing instruction just
before the element it is in (or, as the element's last child, inside it)::

    <?xref-ignore XR007?><ref target="#d999">Document 999</ref>
    <item>Smith, John, <ref target="#pg_12">12</ref><?xref-ignore XR020?></item>

The instruction silences the named rules (ids, comma- or space-separated; all rules if none
is named) for findings located inside that one element, from its start tag to its end tag.
A processing instruction changes nothing in the text, the rendering or the other tools that
read the volume, and, unlike a comment, names what it is for.
"""

from __future__ import annotations

from collections.abc import Sequence

from xref.checks.context import Finding
from xref.checks.volume_scan import IGNORE_PI, scan_volume
from xref.errors import XrefError

__all__ = ["IGNORE_PI", "unsuppressed"]

_MARK = b"<?" + IGNORE_PI.encode("ascii")


def unsuppressed(findings: Sequence[Finding], path: str | None,
                 data: bytes | None) -> list[Finding]:
    """``findings`` of the file at ``path`` less those its ``xref-ignore`` instructions silence.

    ``data`` is the file's bytes when known (a file without the instruction is not scanned).
    """
    if path is None or (data is not None and _MARK not in data):
        return list(findings)
    try:
        marks = scan_volume(path).suppressions
    except XrefError:
        return list(findings)
    if not marks:
        return list(findings)
    return [f for f in findings
            if not any(m.covers(f.rule, f.line, f.column) for m in marks)]
