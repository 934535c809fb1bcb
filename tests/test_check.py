"""Tests for xref.check: each rule fires on a fixture; a control one step outside is quiet."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import xref.checks.runner
from xref.checks.rules import RULES
from xref.checks.runner import Finding, check, check_inputs, select_rules
from xref.checks.sarif import to_sarif
from xref.errors import InputError

FIXTURES = Path(__file__).parents[1] / "fixtures"
CHECK = FIXTURES / "check"
EXCERPT = FIXTURES / "tei" / "frus1958-60v11-d7-d9.xml"
TEI_RULES = [r.id for r in RULES if r.id != "XR001"]


def _fire() -> list[Finding]:
    return check([CHECK / "fire.xml", CHECK / "markers.txt", CHECK / "volume-fire.xml"], jobs=1)


def _quiet() -> list[Finding]:
    return check([CHECK / "quiet.xml", CHECK / "markers-ok.txt", CHECK / "volume-quiet.xml"],
                 jobs=1)


@pytest.fixture(scope="module")
def fire() -> list[Finding]:
    return _fire()


@pytest.fixture(scope="module")
def quiet() -> list[Finding]:
    return _quiet()


@pytest.mark.parametrize("rule", [r.id for r in RULES])
def test_rule_fires(rule: str, fire: list[Finding]) -> None:
    """Each rule reports its fixture case."""
    assert any(f.rule == rule for f in fire), rule


@pytest.mark.parametrize("rule", [r.id for r in RULES])
def test_rule_control_is_quiet(rule: str, quiet: list[Finding]) -> None:
    """The control, one step outside each rule, draws no finding."""
    assert [f for f in quiet if f.rule == rule] == []


FIRE_CASES = [
    pytest.param("XR008", "d19", "names Document 1 of frus1958-60v05", id="ref-other-volume"),
    pytest.param("XR008", "d20", "names Document 6 of frus1955-57v13", id="ibid-other-volume"),
    pytest.param("XR008", "d21", "target '#d2' is the document", id="ref-footnote-document"),
    pytest.param("XR008", "d22", "names footnote 2 of Document 2", id="ref-footnote-list"),
    pytest.param("XR016", "d24", "numbered after this telegram (170", id="channel-resolved"),
    pytest.param("XR002", "d25", "footnote 3 comes before footnote 2", id="swapped"),
    pytest.param("XR017", "d26", "'Embtel 171' is Document 23 by its channel", id="channel"),
    pytest.param("XR014", "d27", "(-59 days)", id="file-date-slip"),
    pytest.param("XR015", "d15", "dated 1958-02-21, after this document", id="telegram-after"),
    pytest.param("XR010", "d10", "Document 99 does not exist", id="dangling-document"),
    pytest.param("XR011", "d11", "footnote 3 does not exist in Document 1", id="thereto"),
]


@pytest.mark.parametrize(("rule", "document", "text"), FIRE_CASES)
def test_resolution_cases(rule: str, document: str, text: str, fire: list[Finding]) -> None:
    """Resolution-based cases: each fires where expected, with a message that says why."""
    found = [f for f in fire if f.rule == rule and f.document == document]
    assert any(text in f.message for f in found), [f.message for f in found]


QUIET_CASES = {
    "d19": "a ref after 'vol. IV, p. 1174 (Document 1)': the text gives no volume of its own",
    "d20": "ibid. of another volume, linked into it",
    "d21": "a ref covering several footnotes agrees with one of them",
    "d25": "a telegram cites one sent the same day",
    "d26": "references listed in another order than the footnote's documents",
    "d27": "a file dated long before, filed with an earlier paper",
    "d28": "a file dated weeks before the document",
}


@pytest.mark.parametrize("document", sorted(QUIET_CASES))
def test_resolution_controls(document: str, quiet: list[Finding]) -> None:
    """One step outside each resolution case, nothing is reported."""
    assert [f for f in quiet if f.document == document] == [], QUIET_CASES[document]


def test_fire_findings_are_located(fire: list[Finding]) -> None:
    """TEI findings name path, line, column, volume and document."""
    f = next(f for f in fire if f.rule == "XR008")
    assert f.path is not None and f.path.endswith("fire.xml")
    assert (f.line, f.volume, f.document) == (43, "frus1958-60v98", "d8")
    assert f.column > 0 and f.severity == "warning" and f.hint


def test_rule_table_is_stable() -> None:
    """Ids are unique, consecutive and the severities known."""
    ids = [r.id for r in RULES]
    assert ids == [f"XR{i:03d}" for i in range(1, len(RULES) + 1)]
    assert {r.severity for r in RULES} <= {"error", "warning", "info"}


def test_select_and_ignore() -> None:
    """--select/--ignore take ids, names and prefixes; unknown ids are refused."""
    assert [r.id for r in select_rules(["XR01"], ["XR012", "ibid-ambiguous"])] == [
        "XR010", "XR011", "XR014", "XR015", "XR016", "XR017", "XR018", "XR019"]
    with pytest.raises(ValueError):
        select_rules(["XR999"])
    found = check(CHECK / "fire.xml", select=["XR008"], jobs=1)
    assert {f.rule for f in found} == {"XR008"}


def test_unreadable_input(tmp_path: Path) -> None:
    """check() raises; check_inputs() reports and still checks the rest."""
    with pytest.raises(InputError):
        check(tmp_path / "missing.xml")
    result = check_inputs([tmp_path / "missing.xml", CHECK / "fire.xml"], jobs=1)
    assert len(result.errors) == 1 and result.findings


def test_documents_given_already_read() -> None:
    """Volumes read elsewhere can be checked directly."""
    from xref.read.tei import read_volume

    volume = read_volume(CHECK / "fire.xml")
    assert {f.rule for f in check(volume)} >= {"XR008", "XR010"}


def test_sarif_shape(fire: list[Finding]) -> None:
    """SARIF 2.1.0: rules listed in the driver, results with level and region."""
    log = to_sarif(fire)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.id for r in RULES]
    levels = {r["level"] for r in run["results"]}
    assert levels <= {"error", "warning", "note"} and "note" in levels
    res = next(r for r in run["results"] if r["ruleId"] == "XR008")
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 43, "startColumn": 26}


# -- injected errors on a real excerpt ----------------------------------------------------


def test_excerpt_is_clean() -> None:
    """The untouched excerpt (Documents 7-9 of frus1958-60v11) draws no finding, but for its
    names and terms, whose lists of persons and abbreviations the excerpt leaves out."""
    found = check(CHECK / "excerpt.xml", jobs=1)
    assert {f.rule for f in found} == {"XR021"}
    assert {f.message.split("=")[0] for f in found} == {"persName/@corresp", "gloss/@target"}


INJECTIONS = [
    pytest.param((re.compile(r'<note n="3" xml:id="d9fn3">.*?</note>', re.S), ""), "XR002",
                 id="footnote-deleted"),
    pytest.param(('<ref target="#d7">Document 7</ref>', '<ref target="#d8">Document 7</ref>'),
                 "XR008", id="ref-renumbered"),
    pytest.param(("783A.00/3–558", "783A.00/5–558"), "XR014", id="file-date-shifted"),
    pytest.param(("opinion expressed Embtel 2832", "opinion expressed Embtel 2833"), "XR017",
                 id="telegram-number-changed"),
    pytest.param(("<p>2964. Pursuant", "<p>2800. Pursuant"), "XR016", id="own-number-changed"),
]


@pytest.mark.parametrize(("edit", "rule"), INJECTIONS)
def test_injected_error_is_reported(tmp_path: Path, edit: tuple[object, str], rule: str) -> None:
    """Each error injected into a clean excerpt is reported by its rule."""
    old, new = edit
    text = (CHECK / "excerpt.xml").read_text(encoding="utf-8")
    if isinstance(old, re.Pattern):
        changed = old.sub(new, text, count=1)
        assert changed != text
    else:
        assert isinstance(old, str) and old in text
        changed = text.replace(old, new, 1)
    path = tmp_path / "frus1958-60v11.xml"
    path.write_text(changed, encoding="utf-8")
    found = check(path, jobs=1)
    assert rule in {f.rule for f in found}, found


def test_all_injections_at_once(tmp_path: Path) -> None:
    """All four injected errors in one copy are all reported."""
    text = (CHECK / "excerpt.xml").read_text(encoding="utf-8")
    text = re.sub(r'<note n="3" xml:id="d9fn3">.*?</note>', "", text, count=1, flags=re.S)
    text = text.replace('<ref target="#d7">Document 7</ref>', '<ref target="#d8">Document 7</ref>')
    text = text.replace("783A.00/3–558", "783A.00/5–558")
    text = text.replace("opinion expressed Embtel 2832", "opinion expressed Embtel 2833")
    path = tmp_path / "frus1958-60v11.xml"
    path.write_text(text, encoding="utf-8")
    found = check(path, jobs=1)
    by_rule = {(f.rule, f.document) for f in found}
    assert {("XR002", "d9"), ("XR008", "d9"), ("XR014", "d9"), ("XR017", "d9")} <= by_rule


def test_dev_corpus_runs(corpus_dir: Path, tmp_path: Path) -> None:
    """One dev volume checks without a crash; its findings are all located."""
    shutil.copy(corpus_dir / "frus1958-60v11.xml", tmp_path)
    found = check(tmp_path, jobs=1)
    assert all(f.line > 0 for f in found)
    assert xref.checks.runner.severity_rank("error") == 0
