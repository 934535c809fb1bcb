"""Loader for the golden citation fixtures (``tests/fixtures/citations/*.txt``).

The format is described in that folder's README: a ``### VOLUME LOCATION`` header, one
input line, then one ``- KIND | field=value ...`` line per expected citation (or
``- nothing``). Only the listed fields are compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "citations"

_INT_FIELDS = {("document", "number"), ("document", "document"), ("footnote", "document")}
_LIST_FIELDS = {"path"}


@dataclass
class Expected:
    kind: str
    fields: dict[str, Any]


@dataclass
class Case:
    file: str
    line: int
    volume: str
    location: str
    text: str
    expected: list[Expected] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{Path(self.file).stem}:{self.line}:{self.location}"


_BOOL_FIELDS = frozenset({"numberless"})
"""Fields written ``true`` / ``false`` in the fixtures."""


def _value(kind: str, name: str, raw: str) -> Any:
    if raw == "null":
        return None
    if name in _BOOL_FIELDS:
        return raw == "true"
    if name in _LIST_FIELDS:
        return [p.strip() for p in raw.split(" / ")]
    if (kind, name) in _INT_FIELDS or (name == "number" and kind == "document"):
        return int(raw)
    return raw


def load_cases(folder: Path = GOLDEN) -> list[Case]:
    """Every case of every fixture file, in file order."""
    cases: list[Case] = []
    for path in sorted(folder.glob("*.txt")):
        current: Case | None = None
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith("### "):
                _, volume, location = line.split(maxsplit=2)
                current = Case(str(path), n, volume, location, "")
                cases.append(current)
            elif current is None or (line.startswith("#") and not current.text):
                continue
            elif not current.text and line.strip():
                current.text = line
            elif line.startswith("- "):
                parts = [p.strip() for p in line[2:].split(" | ")]
                kind = parts[0]
                if kind == "nothing":
                    continue
                fields = {}
                for p in parts[1:]:
                    name, _, raw = p.partition("=")
                    fields[name] = _value(kind, name, raw)
                current.expected.append(Expected(kind, fields))
    return cases


def matches(found_kind: str, found_fields: dict[str, Any], exp: Expected) -> bool:
    """Whether a found citation is the expected one: same kind, every listed field equal."""
    if found_kind != exp.kind:
        return False
    for name, value in exp.fields.items():
        got = found_fields.get(name)
        if isinstance(got, str) and isinstance(value, str):
            if got.casefold() != value.casefold():
                return False
        elif got != value:
            return False
    return True
