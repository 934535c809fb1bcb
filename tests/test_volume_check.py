"""``xref check`` over the whole volume: the Schematron's pointer rules and more (issue 15).

``fixtures/check/volume-fire.xml`` seeds one error of each pointer kind that the Office's
``frus.sch`` checks (and a few it cannot see), in the front matter, the contents, a chapter
note, documents and the index; ``volume-quiet.xml`` is the same volume with every pointer
sound. The expected lines below were read off the fixture.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from xref.checks.runner import Finding, check
from xref.checks.sarif import to_sarif
from xref.checks.volume_checks import VOLUME_RULE_SPECS
from xref.checks.volume_ids import bibliography_ids, known_volume_ids
from xref.cli import main

ROOT = Path(__file__).parents[1]
CHECK = ROOT / "fixtures" / "check"
FIRE = CHECK / "volume-fire.xml"
QUIET = CHECK / "volume-quiet.xml"
SCHEMA = Path(__file__).parent / "fixtures" / "sarif-2.1.0.json"
BIBLIOGRAPHY = ROOT / ".." / "shared" / "corpus" / "frus-bibliography"
CORPUS = ROOT / ".." / "shared" / "corpus" / "frus"
VOLUME_RULES = [spec[0] for spec in VOLUME_RULE_SPECS]


@pytest.fixture(scope="module")
def fire() -> list[Finding]:
    return check(FIRE, jobs=1)


@pytest.fixture(scope="module")
def quiet() -> list[Finding]:
    return check(QUIET, jobs=1)


@pytest.mark.parametrize("rule", VOLUME_RULES)
def test_volume_rule_fires(rule: str, fire: list[Finding]) -> None:
    """Each whole-volume rule reports its seeded case."""
    assert any(f.rule == rule for f in fire), rule


def test_quiet_volume_draws_nothing(quiet: list[Finding]) -> None:
    """The sound volume (web and mail links, a whole-volume link, 2A after 2, roman pages in
    order, a repeated note pointing at its note) draws no finding of any rule."""
    assert quiet == []


# frus.sch rule (pattern, context) -> what xref reports, where, and the context it names.
DIFFERENTIAL = [
    pytest.param("XR020", 11, "'#pg_XIII': no xml:id", "table of contents 'toc'",
                 id="41-ref-hash-missing-contents"),
    pytest.param("XR020", 12, "'index' does not start with '#'", "table of contents",
                 id="40-ref-without-hash"),
    pytest.param("XR019", 14, "no FRUS volume has the id 'frus1958-60v33'",
                 "front matter: section 'preface'", id="42-unknown-volume"),
    pytest.param("XR020", 14, "target '#' names no id", "preface", id="40-empty-target"),
    pytest.param("XR020", 16, "'#d9': no xml:id 'd9'", "body: chapter 'ch1', note ch1fn1",
                 id="41-chapter-note"),
    pytest.param("XR021", 19, "persName/@corresp='#p_XYZ1'", None, id="43-persName-corresp"),
    pytest.param("XR021", 19, "gloss/@target='#t_Embtel1'", None, id="44-gloss-target"),
    pytest.param("XR024", 19, "'d1note2' is not of the form d1fnM", None,
                 id="34-footnote-id-form"),
    pytest.param("XR006", 23, "'d1' does not start with '#'", None, id="40-in-document"),
    pytest.param("XR007", 23, "'#d1fn7': no xml:id", None, id="41-in-document"),
    pytest.param("XR003", 23, "'d9fn2' names 'd9'", None, id="34-footnote-other-document"),
    pytest.param("XR023", 24, "numbered 4 after 2", None, id="29-30-document-gap"),
    pytest.param("XR004", 26, "footnote 3 is nested inside footnote 2", None,
                 id="35-nested-note"),
    pytest.param("XR005", 26, "xml:id 'd2' is used again", None, id="duplicate-id"),
    pytest.param("XR022", 31, "#pg_3–#pg_2 runs backwards", "index entry 'Smith, John'",
                 id="38-page-range"),
    pytest.param("XR022", 32, "#pg_v–#pg_iii runs backwards", "index entry 'Preface'",
                 id="39-roman-page-range"),
    pytest.param("XR022", 35, "#pg_2–#pg_2 names one page twice",
                 "index entry 'Zorin, Valerian A.'", id="38-one-page-range"),
    pytest.param("XR020", 33, "'#pg_9': no xml:id", "index entry 'Memoranda: on Cyprus'",
                 id="41-index-subentry"),
    pytest.param("XR020", 34, "('3') has no target", "index entry 'Telegrams'",
                 id="40-ref-without-target"),
    pytest.param("XR019", 34, "'frus1958-60v33#pg_5'", "index entry 'Telegrams'",
                 id="42-unknown-volume-index"),
    pytest.param("XR025", 34, "'2' is linked to document d2, but the index numbers pages",
                 "index entry 'Telegrams'", id="index-page-as-document"),
]


@pytest.mark.parametrize(("rule", "line", "text", "context"), DIFFERENTIAL)
def test_schematron_pointer_kinds(rule: str, line: int, text: str, context: str | None,
                                  fire: list[Finding]) -> None:
    """Each seeded Schematron pointer error is reported, on its line, saying where it is."""
    found = [f for f in fire if f.rule == rule and f.line == line and text in f.message]
    assert found, [(f.rule, f.line, f.message) for f in fire if f.line == line]
    if context is not None:
        assert found[0].context is not None and context in found[0].context


def test_web_and_mail_targets_are_not_findings(fire: list[Finding]) -> None:
    """mailto: and http(s): targets, and a link to a whole known volume, are fine."""
    assert not [f for f in fire if re.search(r"mailto|https?:|'frus1958-60v02'", f.message)]


def test_findings_outside_documents_name_no_document(fire: list[Finding]) -> None:
    """A finding in the index has a context and no document; one in a document, both."""
    index = next(f for f in fire if f.rule == "XR022")
    assert index.document is None and index.volume == "frus1958-60v97"
    assert index.column == 48 and index.to_dict()["context"] == "index entry 'Smith, John'"
    inside = next(f for f in fire if f.rule == "XR021")
    assert inside.document == "d1" and inside.column == 12


def _with(tmp_path: Path, old: str, new: str) -> Path:
    text = FIRE.read_text(encoding="utf-8")
    assert old in text
    out = tmp_path / FIRE.name
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


def test_inline_suppression(tmp_path: Path) -> None:
    """<?xref-ignore XR022?> before an element silences that rule's finding in it, only."""
    path = _with(tmp_path, '<item>Smith, John,', '<?xref-ignore XR022?><item>Smith, John,')
    found = check(path, jobs=1)
    assert not [f for f in found if f.rule == "XR022" and f.line == 31]
    assert [f for f in found if f.rule == "XR022" and f.line == 32]
    assert len(found) == len(check(FIRE, jobs=1)) - 1


def test_inline_suppression_of_all_rules_as_last_child(tmp_path: Path) -> None:
    """With no rule named, as an element's last child, it silences that element."""
    path = _with(tmp_path, 'vol. XXXIII, 5</ref></item>',
                 'vol. XXXIII, 5</ref><?xref-ignore?></item>')
    found = check(path, jobs=1)
    assert not [f for f in found if f.line == 34]
    assert [f for f in found if f.line == 33]


def test_inline_suppression_names_another_rule(tmp_path: Path) -> None:
    """A suppression for another rule silences nothing."""
    path = _with(tmp_path, '<item>Smith, John,', '<?xref-ignore XR007?><item>Smith, John,')
    assert [f for f in check(path, jobs=1) if f.rule == "XR022" and f.line == 31]


def test_known_volume_ids() -> None:
    """The shipped table knows the published parts, not a volume that was never one."""
    ids = known_volume_ids()
    assert {"frus1952-54v02p1", "frus1958-60v02", "frus1861-99Index"} <= ids
    assert "frus1952-54v02" not in ids and "frus1958-60v33" not in ids


def test_volume_ids_table_matches_bibliography() -> None:
    """The package table is the bibliography's ids, exactly (rebuild it if this fails)."""
    if not BIBLIOGRAPHY.is_dir():
        pytest.skip("../shared/corpus/frus-bibliography is absent")
    assert set(bibliography_ids(BIBLIOGRAPHY)) == known_volume_ids()


def test_sarif_is_valid_against_the_schema(fire: list[Finding]) -> None:
    """The SARIF written for every rule's findings validates against SARIF 2.1.0."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    fire_all = fire + check([CHECK / "fire.xml", CHECK / "markers.txt"], jobs=1)
    log = json.loads(json.dumps(to_sarif(fire_all)))
    jsonschema.validate(log, schema)
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema)


SUMMARY = re.compile(r"^xref check: (\d+) findings \((\d+) errors?, (\d+) warnings?, (\d+) info\) "
                     r"in (\d+) documents? of (\d+) volumes?, \d+\.\d s$")


def test_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    """stderr ends with 'N findings (E errors, W warnings) in D documents of V volumes, S s'."""
    code = main(["check", str(FIRE), str(QUIET), "--jobs", "1", "--no-config"])
    captured = capsys.readouterr()
    m = SUMMARY.match(captured.err.strip().splitlines()[-1])
    assert code == 1 and m is not None, captured.err
    n, e, w, i, d, v = (int(x) for x in m.groups())
    assert (d, v) == (7, 2)
    assert n - i == e + w == captured.out.count(" error: ") + captured.out.count(" warning: ")
    assert i == captured.out.count(" info: ")
    assert w == 1


def _config_dir(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "vols" / "sub"
    folder.mkdir(parents=True)
    shutil.copy(FIRE, folder / FIRE.name)
    (tmp_path / "vols" / name).write_text(text, encoding="utf-8")
    return folder / FIRE.name


def test_config_from_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """[tool.xref] in a pyproject.toml upward from the input: select, ignore, fail-on."""
    path = _config_dir(tmp_path, "pyproject.toml", '[project]\nname = "v"\n[tool.xref]\n'
                       'select = ["XR02"]\nignore = ["XR020"]\nfail-on = "error"\n')
    assert main(["check", str(path), "--jobs", "1"]) == 1
    rules = set(re.findall(r" (XR\d+) ", capsys.readouterr().out))
    assert rules == {"XR021", "XR022", "XR023", "XR024", "XR025"}
    assert main(["check", str(path), "--jobs", "1", "--select", "XR025"]) == 0  # a warning
    capsys.readouterr()


def test_config_per_file_ignores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """xref.toml: per-file ignores by glob; the command line still adds its own."""
    path = _config_dir(tmp_path, "xref.toml", 'select = "XR019,XR022"\n'
                       '[per-file-ignores]\n"sub/volume-*.xml" = ["page-range-order"]\n')
    main(["check", str(path), "--jobs", "1"])
    assert set(re.findall(r" (XR\d+) ", capsys.readouterr().out)) == {"XR019"}
    assert main(["check", str(path), "--jobs", "1", "--no-config", "--select", "XR022"]) == 1
    assert " XR022 " in capsys.readouterr().out


def test_bad_config_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown key or rule is an error that names the file; exit 2."""
    path = _config_dir(tmp_path, "xref.toml", 'selekt = ["XR01"]\n')
    assert main(["check", str(path), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    assert "xref.toml" in err and "selekt" in err
    (tmp_path / "vols" / "xref.toml").write_text('[per-file-ignores]\n"*" = ["XR999"]\n')
    assert main(["check", str(path), "--jobs", "1"]) == 2
    assert "XR999" in capsys.readouterr().err


def test_real_volume_gap_and_unknown_volume() -> None:
    """Dev corpus: the microfiche supplement skips document 95 (94 is followed by 96), and
    frus1955-57v19 document 5 links to 'frus1952-54v02', which has only parts 1 and 2."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/frus is absent")
    gap = check(CORPUS / "frus1961-63v07-09mSupp.xml", select=["XR023"], jobs=1)
    assert [(f.document, f.line) for f in gap] == [("d96", 1361)]
    vol = check(CORPUS / "frus1955-57v19.xml", select=["XR019"], jobs=1)
    assert ("d5", 1642) in [(f.document, f.line) for f in vol]
