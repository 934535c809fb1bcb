"""The report for sharing a finding: telegram labels with their number, the whole-corpus
overview, links to one node's neighbourhood (``report.html#VOLUME-dN``), a hint column.

The excerpt (documents 7 to 9 of frus1958-60v11, all of 1958) is read by hand: document 7
is Embassy telegram 2832; document 8 (Deptel 3375) cites it as "Embtel 2832" and "Supra";
document 9 cites it as "Embtel 2832" and "Document 7", and cites Embtel 2893, which is not
printed (its footnote 3: "telegram 2893 from Beirut, February 27").
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from xref.cli import main
from xref.graph.build import build_graph
from xref.graph.labels import telegram_label
from xref.graph.report import report_data

ROOT = Path(__file__).resolve().parent.parent
EXCERPT = ROOT / "fixtures" / "tei" / "frus1958-60v11-d7-d9.xml"


@pytest.fixture(scope="module")
def data() -> dict[str, object]:
    return report_data(build_graph([EXCERPT], jobs=1), [], check_available=False)


def test_telegram_labels_show_the_number(data: dict[str, object]) -> None:
    """A printed telegram's node shows its own number; an unprinted one leads with it."""
    labels = {n["id"]: n["label"] for n in data["nodes"]}  # type: ignore[attr-defined]
    assert labels["frus1958-60v11#d7"] == "frus1958-60v11 7 (tel. 2832)"
    assert labels["frus1958-60v11#d8"] == "frus1958-60v11 8 (tel. 3375)"
    (unprinted,) = [v for k, v in labels.items() if k.startswith("telegram:") and ":2893:" in k]
    assert unprinted.startswith("tel. 2893, Embassy in Lebanon")
    assert telegram_label("telegram:Department of State->?:1338:") == (
        "tel. 1338, Department of State")
    assert telegram_label("central_file:737.56361/12-1262") is None


def test_overview_counts(data: dict[str, object]) -> None:
    """Per year (all 1958), per archive, the most-cited documents and files."""
    o = data["overview"]
    s = data["summary"]
    assert o["per_year"] == [["1958", s["citations"]]]  # type: ignore[index]
    first = o["top_documents"][0]  # type: ignore[index]
    assert first == ["frus1958-60v11#d7", "frus1958-60v11 7 (tel. 2832)", 4, 2]
    archives = dict(o["per_archive"])  # type: ignore[index]
    assert set(archives) == {"Department of State, Central Files"}
    assert all(f[0].startswith("central_file:") for f in o["top_files"])  # type: ignore[index]


def test_report_page_has_overview_hash_and_hint(tmp_path: Path) -> None:
    """The page holds the charts, the permalink and the hint column."""
    out = tmp_path / "r.html"
    assert main(["report", str(EXCERPT), "-o", str(out), "--jobs", "1", "-q"]) == 0
    html = out.read_text(encoding="utf-8")
    for needle in ('id="chart-years"', 'id="chart-archives"', 'id="chart-files"',
                   'id="chart-documents"', 'id="permalink"', 'title: "hint"',
                   "hashchange"):
        assert needle in html, needle


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def _dump(browser: str, profile: Path, url: str) -> str:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--virtual-time-budget=5000"]
    done = subprocess.run([browser, *flags, "--dump-dom", url], capture_output=True, text=True,
                          timeout=120, check=False)
    return done.stdout


@pytest.mark.slow
def test_chromium_opens_the_node_in_the_address(tmp_path: Path) -> None:
    """``report.html#frus1958-60v11-d8`` opens document 8's neighbourhood; the charts draw
    bars; findings have their hint."""
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium")
    out = tmp_path / "r.html"
    assert main(["report", str(EXCERPT), "-o", str(out), "--jobs", "1", "-q"]) == 0
    dom = _dump(browser, tmp_path / "p1", out.as_uri() + "#frus1958-60v11-d8")
    assert 'data-ready="true"' in dom
    assert re.search(r'<pre id="errors"[^>]*hidden[^>]*></pre>', dom)
    focus = re.search(r'<span class="muted" id="focus-info">([^<]*)</span>', dom)
    # document 8 cites its source note's file and document 7; document 9 cites it
    assert focus is not None and focus.group(1).endswith("cites 2, cited by 1")
    assert 'id="permalink" href="#frus1958-60v11-d8"' in dom
    years = re.search(r'<svg class="chart" id="chart-years".*?</svg>', dom, re.S)
    assert years is not None and years.group(0).count("<rect") == 1 and ">1958<" in years.group(0)
    docs = re.search(r'<svg class="chart" id="chart-documents".*?</svg>', dom, re.S)
    assert docs is not None and 'href="#frus1958-60v11-d7"' in docs.group(0)
    findings = re.search(r'<table id="findings">.*?</table>', dom, re.S)
    assert findings is not None and 'class="hint"' in findings.group(0)
    assert "<th class=\"sort\">hint</th>" in findings.group(0)
