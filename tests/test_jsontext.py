"""xref.cli.jsontext writes what json.dumps(..., ensure_ascii=False, indent=1) writes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from xref.cli.jsontext import dumps_records


def _expected(records: list[Any]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=1)


FINDING = {
    "rule": "XR009", "severity": "info", "message": "'Document 16' has no <ref>",
    "hint": 'wrap it: <ref target="#d16">', "path": "/a/frus1917-72PubDip.xml", "line": 2311,
    "column": 55, "volume": "frus1917-72PubDip", "document": "d17", "note": "d17fn2",
    "span": [69, 80], "context": None,
}


@pytest.mark.parametrize("records", [
    [],
    [FINDING],
    [FINDING, {**FINDING, "span": None, "message": "tab\there \"quoted\" back\\slash\nline"}],
    [{"text": "Übersee — «Dépêche» 電報 \u2028 \x00 \x1f"}],
    [{"a": True, "b": False, "c": 1.5, "d": -0.0, "e": 10**20, "f": float("nan")}],
    [{"empty": [], "mixed": ["x", 1, None, True, 2.25]}],
    [{}],
    [{}, FINDING, {}],
])
def test_same_text_as_json(records: list[dict[str, Any]]) -> None:
    assert dumps_records(records) == _expected(records)


@pytest.mark.parametrize("records", [
    [{"nested": {"a": 1}}],
    [{"deep": [[1, 2], []]}],
    [{"tuple": (1, 2)}],
    [{1: "int key"}],
    [FINDING, ["not", "a", "dict"]],
])
def test_other_shapes_are_left_to_json(records: list[Any]) -> None:
    assert dumps_records(records) == _expected(records)
