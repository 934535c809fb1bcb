"""``xref resolve --fetch-missing``: volumes that citations name are fetched, then resolved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fetchserver import serve

from xref.cli import main

EXCERPT = Path(__file__).resolve().parent.parent / "fixtures" / "tei" / "frus1958-60v11-d7-d9.xml"

CITING = """Telegram From the Department of State to the Embassy in Lebanon


Washington, March 1, 1961, 6 p.m.

12. For the history, see the Embassy's report.(1)


1 Foreign Relations, 1958–1960, vol. XI, Document 7. Back

Source: Department of State, Central Files, 783A.00/3-161. Secret.
"""


def _records(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]


def test_fetch_missing_resolves_into_the_fetched_volume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without the volume the citation is external; with --fetch-missing it is resolved."""
    doc = tmp_path / "citing.txt"
    doc.write_text(CITING, encoding="utf-8")
    args = ["resolve", "--format", "jsonl", "--jobs", "1", "--volume", "frus1961-63v17", str(doc)]
    assert main(args) == 0
    (before,) = [r for r in _records(capsys) if r["kind"] == "document"]
    assert before["status"] == "external" and before["key"] == "frus1958-60v11#d7"

    with serve({"frus1958-60v11": EXCERPT.read_bytes()}) as server:
        cache = tmp_path / "cache"
        code = main(
            [*args, "--fetch-missing", "--base-url", server.base_url, "--cache-dir", str(cache)]
        )
        assert code == 0
        assert server.hits("frus1958-60v11") == 1
    (after,) = [r for r in _records(capsys) if r["kind"] == "document"]
    assert after["status"] == "resolved" and after["target"] == "frus1958-60v11#d7"
    assert (cache / "frus1958-60v11.xml").is_file()


def test_fetch_missing_offline_names_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Offline with an empty cache, the volume is reported missing and the citation stays
    external."""
    doc = tmp_path / "citing.txt"
    doc.write_text(CITING, encoding="utf-8")
    code = main(
        [
            "resolve",
            "--format",
            "jsonl",
            "--jobs",
            "1",
            "--volume",
            "frus1961-63v17",
            str(doc),
            "--fetch-missing",
            "--offline",
            "--cache-dir",
            str(tmp_path / "c"),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0
    assert "frus1958-60v11" in captured.err
    (rec,) = [json.loads(x) for x in captured.out.splitlines() if '"document"' in x]
    assert rec["status"] == "external"
