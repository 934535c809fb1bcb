"""A list of flat records as the JSON text ``json.dumps(records, ensure_ascii=False,
indent=1)`` writes, byte for byte, at a fraction of its cost.

With an indent, :mod:`json` always runs its pure-Python encoder, which yields every
bracket, comma and key as a chunk of its own: for ``xref check --format json`` over the
corpus that was a million chunks and about a second of the main process, the largest
serial part of ``check --jobs 2`` (bench/RESULTS.md 14e-read). Here each scalar is encoded
by the C encoder and each record's text is joined at once. Records holding anything but
strings, ints, floats, booleans, None, or lists of those are left to :mod:`json`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

__all__ = ["dumps_records"]

_SCALAR = json.JSONEncoder(ensure_ascii=False).encode
"""One scalar as JSON (the C string encoder for strings; ints, floats, booleans, null)."""
_SCALARS = (str, int, float, bool, type(None))


def _value(value: Any) -> str | None:
    """``value`` as it is written at the depth of a record's fields (indent 1, two levels
    in), or None if this module does not write such a value."""
    if isinstance(value, _SCALARS):
        return _SCALAR(value)
    if type(value) is list:
        if not value:
            return "[]"
        if not all(isinstance(v, _SCALARS) for v in value):
            return None
        return "[\n   " + ",\n   ".join([_SCALAR(v) for v in value]) + "\n  ]"
    return None


def _record(record: dict[str, Any]) -> str | None:
    """One record as written inside the list (one space in), or None (see :func:`_value`)."""
    if not record:
        return " {}"
    fields = []
    for key, value in record.items():
        if type(key) is not str:
            return None
        text = _value(value)
        if text is None:
            return None
        fields.append(f"  {_SCALAR(key)}: {text}")
    return " {\n" + ",\n".join(fields) + "\n }"


def dumps_records(records: Sequence[dict[str, Any]]) -> str:
    """``json.dumps(records, ensure_ascii=False, indent=1)``, the same text, faster."""
    if not records:
        return "[]"
    parts = []
    for record in records:
        text = _record(record) if type(record) is dict else None
        if text is None:
            return json.dumps(list(records), ensure_ascii=False, indent=1)
        parts.append(text)
    return "[\n" + ",\n".join(parts) + "\n]"
