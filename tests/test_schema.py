"""The JSON records and the graph JSON as a published contract: the schemas in the package
agree with the code (``tests/schemagen.py`` makes them), and real output validates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import schemagen

from xref.cli import main

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
EXCERPT = ROOT / "fixtures" / "tei" / "frus1958-60v11-d7-d9.xml"
TEXT = ROOT / "fixtures" / "text"


def _validator(name: str) -> Any:
    schema = json.loads((ROOT / "xref" / "schemas" / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]


def _valid(validator: Any, records: list[dict[str, Any]]) -> None:
    assert records
    for r in records:
        errors = sorted(validator.iter_errors(r), key=str)
        assert not errors, (r, [e.message for e in errors])


def test_committed_files_are_what_the_code_says() -> None:
    """xref/schemas/*.json and docs/RECORDS.md are current (else: python tests/schemagen.py)."""
    for path, text in schemagen.outputs().items():
        assert path.read_text(encoding="utf-8") == text, path


def test_schema_rejects_what_it_should() -> None:
    """A renamed field, a missing kind field or an unknown kind is invalid."""
    v = _validator("record.schema.json")
    good = {"source": None, "fragment": None, "start": 0, "end": 11, "text": "Deptel 1338",
            "kind": "telegram", "fields": {"number": "1338", "series": "Deptel",
                                           "sender": "Department of State", "recipient": None,
                                           "date": None, "relative": None,
                                           "numberless": False}}
    assert v.is_valid(good)
    assert not v.is_valid({**good, "kind": "telegramme"})
    assert not v.is_valid({**good, "fields": {**good["fields"], "no": "1338"}})
    fields = dict(good["fields"])
    del fields["series"]
    assert not v.is_valid({**good, "fields": fields})
    assert not v.is_valid({**{k: x for k, x in good.items() if k != "start"}, "begin": 0})


def test_extract_and_resolve_records_validate(capsys: pytest.CaptureFixture[str]) -> None:
    """Every record of the fixtures (TEI and plain text), extracted and resolved."""
    v = _validator("record.schema.json")
    assert main(["extract", "--format", "jsonl", "-q", str(EXCERPT), str(TEXT)]) == 0
    _valid(v, _lines(capsys))
    assert main(["resolve", "--format", "jsonl", "-q", "--volume", "frus1961-63v11",
                 str(EXCERPT), str(TEXT)]) == 0
    records = _lines(capsys)
    _valid(v, records)
    assert {r["status"] for r in records} >= {"resolved", "external", "unresolved"}


def test_parse_record_validates(capsys: pytest.CaptureFixture[str]) -> None:
    """``xref parse --format json`` prints a record (plus key and status)."""
    v = _validator("record.schema.json")
    assert main(["parse", "--format", "json", "Ibid., 783A.00/4–1758"]) == 0
    (record,) = _lines(capsys)
    assert record["kind"] == "ibid"
    _valid(v, [record])


def test_graph_json_validates(capsys: pytest.CaptureFixture[str]) -> None:
    """``xref graph --format json`` of the fixtures."""
    assert main(["graph", "-q", str(EXCERPT), str(TEXT), "--volume", "frus1961-63v11"]) == 0
    (graph,) = _lines(capsys)
    _valid(_validator("graph.schema.json"), [graph])


@pytest.mark.corpus
@pytest.mark.slow
def test_dev_volume_records_validate(corpus_dir: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The resolved records of two dev volumes, which hold most kinds."""
    v = _validator("record.schema.json")
    paths = sorted(corpus_dir.glob("*.xml"))[:2]
    assert main(["resolve", "--format", "jsonl", "-q", *map(str, paths)]) == 0
    records = _lines(capsys)
    _valid(v, records)
    assert len({r["kind"] for r in records}) >= 10
