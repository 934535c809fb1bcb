"""Tests for ``xref check``: output formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xref.cli import main

CHECK = Path(__file__).parents[1] / "fixtures" / "check"


def test_text_output_is_compiler_style(capsys: pytest.CaptureFixture[str]) -> None:
    """path:line:col: XRnnn severity: message [volume document note], then a hint."""
    code = main(["check", str(CHECK / "fire.xml"), "--select", "XR008", "--jobs", "1"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0].endswith("fire.xml:43:26: XR008 warning: <ref> text 'Document 2' names "
                           "Document 2 but its target is '#d1' [frus1958-60v98 d8]")
    assert out[1].startswith("    hint: ")


def test_quiet_file_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing reaches --fail-on: exit 0 and no output."""
    assert main(["check", str(CHECK / "quiet.xml"), "--jobs", "1"]) == 0
    assert capsys.readouterr().out == ""


def test_fail_on_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    """info findings fail only under --fail-on info."""
    args = ["check", str(CHECK / "fire.xml"), "--select", "XR018", "--jobs", "1"]
    assert main(args) == 0
    assert main([*args, "--fail-on", "info"]) == 1


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON: a list of finding records."""
    main(["check", str(CHECK / "fire.xml"), "--format", "json", "--ignore", "XR009",
          "--jobs", "1"])
    records = json.loads(capsys.readouterr().out)
    assert {r["rule"] for r in records} >= {"XR002", "XR017"}
    assert "XR009" not in {r["rule"] for r in records}
    assert set(records[0]) >= {"rule", "severity", "message", "hint", "path", "line", "column",
                               "volume", "document", "note", "span"}


def test_sarif_output(capsys: pytest.CaptureFixture[str]) -> None:
    """SARIF 2.1.0 log with rules and results."""
    main(["check", str(CHECK / "markers.txt"), "--format", "sarif", "--jobs", "1"])
    log = json.loads(capsys.readouterr().out)
    assert log["version"] == "2.1.0"
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "XR001" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 6


def test_bad_usage_and_unreadable_input(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown rule ids and unreadable files exit 2."""
    assert main(["check", str(CHECK / "fire.xml"), "--select", "XR999"]) == 2
    assert main(["check", str(tmp_path / "missing.xml"), str(CHECK / "quiet.xml")]) == 2
    assert "missing.xml" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["check", str(CHECK / "fire.xml"), "--format", "xml"])
    assert exc.value.code == 2


def test_corpus_option(capsys: pytest.CaptureFixture[str]) -> None:
    """--corpus loads volumes that cross-references may name."""
    assert main(["check", str(CHECK / "quiet.xml"), "--corpus", str(CHECK / "excerpt.xml"),
                 "--jobs", "1"]) == 0
