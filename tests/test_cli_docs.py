"""``xref docs``: lists documents; bad files are reported and the others go on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xref.cli import main


def test_docs_jsonl(tei_dir: Path, text_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON lines with header fields; hostile files give errors and exit 2."""
    code = main(["docs", str(tei_dir), str(text_dir), "--format", "jsonl", "--jobs", "2",
                 "--volume", "frus1961-63v11"])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    ids = [r["id"] for r in records]
    assert "frus1958-60v11#d7" in ids
    assert "frus1961-63v11#000_945eba269802bf63" in ids
    d7 = records[ids.index("frus1958-60v11#d7")]
    assert (d7["sender"], d7["recipient"], d7["date"], d7["own_number"]) == (
        "Embassy in Lebanon", "Department of State", "1958-02-21", "2832"
    )
    assert code == 2
    assert "billion-laughs.xml:2" in err and "truncated.xml:28" in err


def test_docs_text(text_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The text table has a header row and one row per document."""
    assert main(["docs", str(text_dir), "--jobs", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["id", "genre", "date"]
    assert len(lines) == 3


def test_docs_loads_only_what_it_needs(tei_dir: Path) -> None:
    """``xref docs`` never imports the citation parser or the HTTP client: it starts fast."""
    import subprocess
    import sys

    code = (
        "import sys; from xref.cli import main; "
        f"main(['docs', {str(tei_dir / 'frus1958-60v11-d7-d9.xml')!r}]); "
        "print('lark' in sys.modules, 'httpx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "False False"
