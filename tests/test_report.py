"""``xref report``: a self-contained page; in headless Chromium it loads, fills and draws."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from xref.cli import main
from xref.graph.build import build_graph
from xref.graph.report import render_report, report_data

EXCERPT = "frus1958-60v11-d7-d9.xml"
CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tei = Path(__file__).parents[1] / "fixtures" / "tei" / EXCERPT
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", str(tei), "-o", str(out), "--jobs", "1"]) == 0
    return out


def test_report_data_summary(tei_dir: Path) -> None:
    """The summary counts documents, citations by kind and status, and findings by rule."""
    graph = build_graph([tei_dir / EXCERPT], jobs=1)
    data = report_data(graph, [], check_available=False)
    s = data["summary"]
    assert s["documents"] == 3 and s["volumes"] == 1
    assert (
        s["citations"]
        == len(data["edges"])
        == sum(sum(v.values()) for v in s["by_kind_status"].values())
    )
    assert s["by_rule"] == [] and data["start"].startswith("frus1958-60v11#d")


def test_self_contained(page: Path) -> None:
    """No external scripts, styles, images or fetches; a CSP forbids any request."""
    html = page.read_text(encoding="utf-8")
    assert "default-src 'none'" in html
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "fetch(" not in html and "XMLHttpRequest" not in html
    assert "https://history.state.gov/historicaldocuments/frus1958-60v11/d7" in html


def test_embedded_json_cannot_close_the_script(tei_dir: Path) -> None:
    """Text such as ``</script>`` in a citation stays inside the data."""
    from xref.graph.build import Edge, ReferenceGraph

    graph = build_graph([tei_dir / EXCERPT], jobs=1)
    evil = Edge("frus1958-60v11#d7", "x:</script><b>", "other", "external", text="</script>")
    html = render_report(ReferenceGraph(graph.nodes, (*graph.edges, evil)), [])
    assert html.count("</script>") == 3  # the three script elements of the template


def _chromium() -> str | None:
    for name in CHROMIUM:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=5000",
    ]
    return subprocess.run(
        [browser, *flags, *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.slow
def test_headless_chromium(page: Path, tmp_path: Path) -> None:
    """The page loads with no errors, the tables fill and the graph view draws nodes."""
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium")
    done = _run(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    dom = done.stdout
    assert 'data-ready="true"' in dom, done.stderr[-2000:]
    errors = re.search(r'<pre id="errors"([^>]*)>(.*?)</pre>', dom, re.S)
    assert errors is not None and errors.group(2) == "" and "hidden" in errors.group(1)
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    body = re.search(r'<table id="citations">.*?<tbody>(.*?)</tbody>', dom, re.S)
    assert body is not None and body.group(1).count("<tr>") == 21
    findings = re.search(r'<table id="findings">.*?<tbody>(.*?)</tbody>', dom, re.S)
    assert findings is not None
    svg = re.search(r'<svg id="graph".*?</svg>', dom, re.S)
    assert svg is not None and svg.group(0).count("<circle") >= 3
    shot = tmp_path / "report.png"
    _run(
        browser,
        tmp_path / "profile2",
        "--window-size=1280,1600",
        f"--screenshot={shot}",
        page.as_uri(),
    )
    assert shot.is_file() and shot.stat().st_size > 10_000
