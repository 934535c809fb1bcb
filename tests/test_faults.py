"""The fault suite: killed, concurrent and failing writers; outputs that are inputs.

Each test asserts the message, the exit code, that no output is half written (the target
holds its old bytes or does not exist, and no temporary file is left), and that the other
results are complete. Processes are real (``python -m xref`` in a child, with
``RLIMIT_FSIZE`` for a full disk, SIGKILL and SIGTERM for killed writers); every wait is
bounded. Loopback servers for fetch faults are in ``test_fetch_faults.py``.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from xref.cli import main

ROOT = Path(__file__).parents[1]
VOLUME = ROOT / "fixtures" / "tei" / "frus1958-60v11-d7-d9.xml"
TIMEOUT = 60


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _xref(*args: str, fsize: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [sys.executable, "-m", "xref", *args], capture_output=True, text=True, env=_env(),
        timeout=TIMEOUT, preexec_fn=limit, check=False,
    )


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "xref-tmp" in p.name)


def _rows(db: Path) -> int:
    with sqlite3.connect(db) as c:
        return int(c.execute("SELECT count(*) FROM nodes").fetchone()[0])


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder holding a copy of the fixture volume as ``v.xml``."""
    (tmp_path / "v.xml").write_bytes(VOLUME.read_bytes())
    return tmp_path


# -- a full disk ----------------------------------------------------------------------------
def test_full_disk_keeps_the_old_sqlite(work: Path) -> None:
    """A good database survives a write that runs out of space; the error names it; exit 2."""
    db = work / "g.db"
    ok = _xref("graph", str(work / "v.xml"), "--format", "sqlite", "-o", str(db))
    assert ok.returncode == 0, ok.stderr
    good = db.read_bytes()
    nodes = _rows(db)
    assert nodes > 0
    bad = _xref("graph", str(work / "v.xml"), "--format", "sqlite", "-o", str(db), fsize=8192)
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines()[-1].startswith(f"xref: error: cannot write {db}: ")
    assert "Traceback" not in bad.stderr
    assert db.read_bytes() == good and _rows(db) == nodes
    assert _leftovers(work) == []


def test_full_disk_annotate_leaves_no_half_file(work: Path) -> None:
    """annotate -o into a full disk: no output at all, one line naming it, exit 2."""
    out = work / "a.xml"
    r = _xref("annotate", str(work / "v.xml"), "-o", str(out), fsize=4096)
    assert r.returncode == 2
    assert f"xref: error: cannot write {out}: File too large" in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists() and _leftovers(work) == []
    assert (work / "v.xml").read_bytes() == VOLUME.read_bytes()


# -- killed writers ---------------------------------------------------------------------------
_HALF_WRITER = """
import sys, time
from xref.outputs import output_path
with output_path(sys.argv[1]) as tmp:
    with open(tmp, "wb") as out:
        out.write(b"half of it")
        out.flush()
        print("writing", flush=True)
        time.sleep(60)
"""


def _half_writer(target: Path) -> subprocess.Popen[str]:
    p = subprocess.Popen(
        [sys.executable, "-c", _HALF_WRITER, str(target)], stdout=subprocess.PIPE, text=True,
        env=_env(),
    )
    assert p.stdout is not None
    assert p.stdout.readline() == "writing\n"
    return p


def _end(p: subprocess.Popen[str], kill: bool = True) -> int:
    if kill:
        p.kill()
    code = p.wait(timeout=TIMEOUT)
    if p.stdout is not None:
        p.stdout.close()
    return code


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killed_writer_leaves_the_old_output(work: Path, sig: int) -> None:
    """A writer killed half way: the old output stays; the next writer succeeds and cleans."""
    target = work / "g.json"
    target.write_bytes(b"old\n")
    p = _half_writer(target)
    p.send_signal(sig)
    code = _end(p, kill=False)
    assert code == (-signal.SIGKILL if sig == signal.SIGKILL else 128 + signal.SIGTERM)
    assert target.read_bytes() == b"old\n"
    if sig == signal.SIGTERM:
        assert _leftovers(work) == []  # cleaned on the way out
    r = _xref("graph", str(work / "v.xml"), "-o", str(target))
    assert r.returncode == 0, r.stderr
    assert target.read_bytes().startswith(b'{"directed": true')
    assert _leftovers(work) == [] and not list(work.glob(".*xref-lock"))


# -- concurrent writers -------------------------------------------------------------------------
def test_second_writer_is_refused(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """While one process writes a path, another writer to it is refused at once, naming it."""
    target = work / "g.db"
    p = _half_writer(target)
    try:
        code = main(["graph", str(work / "v.xml"), "--format", "sqlite", "-o", str(target),
                     "--jobs", "1"])
        err = capsys.readouterr().err
    finally:
        _end(p)
    assert code == 2
    assert f"xref: error: cannot write {target}: another xref process (pid {p.pid})" in err
    assert not target.exists()
    assert main(["graph", str(work / "v.xml"), "--format", "sqlite", "-o", str(target),
                 "--jobs", "1"]) == 0
    assert _rows(target) > 0 and _leftovers(work) == []


def test_concurrent_sqlite_writers(work: Path) -> None:
    """Two graph --format sqlite -o same.db at once: each succeeds or is refused; the database
    is always complete (never a 'disk I/O error', never a table without rows)."""
    db = work / "same.db"
    for _ in range(3):
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "xref", "graph", str(work / "v.xml"), "--format",
                 "sqlite", "-o", str(db), "--jobs", "1"],
                stderr=subprocess.PIPE, text=True, env=_env(),
            )
            for _ in range(2)
        ]
        results = [(p.wait(timeout=TIMEOUT), p.communicate()[1]) for p in procs]
        assert any(code == 0 for code, _ in results)
        for code, err in results:
            assert code in (0, 2), err
            if code == 2:
                assert "is writing it; try again later" in err
        assert _rows(db) > 0
    assert _leftovers(work) == []


# -- unwritable places ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("v.xml/out.json", "'{work}/v.xml' is not a directory"),
        ("missing/out.json", "its directory '{work}/missing' does not exist"),
        ("/proc/xref-out.json", ""),
    ],
)
def test_unwritable_output_is_one_line(
    work: Path, where: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path under a file, a missing folder, a read-only file system (even for root)."""
    out = where if where.startswith("/") else str(work / where)
    code = main(["graph", str(work / "v.xml"), "-o", out, "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"xref: error: cannot write {out}: " + reason.format(work=work))


def test_csv_folder_where_a_file_is(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format csv -o NAME where NAME is a file: refused, the file untouched."""
    (work / "tables").write_bytes(b"keep")
    code = main(["graph", str(work / "v.xml"), "--format", "csv", "-o", str(work / "tables"),
                 "--jobs", "1"])
    assert code == 2
    assert "it exists and is not a directory" in capsys.readouterr().err
    assert (work / "tables").read_bytes() == b"keep" and _leftovers(work) == []


# -- an output that is an input -------------------------------------------------------------------
@pytest.mark.parametrize("command", ["graph", "report", "annotate"])
def test_output_equal_to_input_is_refused_before_reading(
    work: Path, command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """-o naming an input: refused before any input is read; the volume is untouched."""
    import xref.sources

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("an input was read")

    monkeypatch.setattr(xref.sources, "read_file", no_reading)
    monkeypatch.setattr(xref.sources, "expand_paths", no_reading)
    volume = work / "v.xml"
    args = [command, str(volume), "-o", str(volume)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"xref: error: cannot write {volume}: it is also an input" in err
    assert volume.read_bytes() == VOLUME.read_bytes()


def test_output_read_from_an_input_folder_is_refused(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """report -o FOLDER/x.xml while FOLDER is an input: it would be read, so it is refused."""
    assert main(["report", str(work), "-o", str(work / "x.xml"), "--jobs", "1"]) == 2
    assert "it would be read as an input" in capsys.readouterr().err
    assert not (work / "x.xml").exists()


# -- the hostile XML set ---------------------------------------------------------------------------
HOSTILE = {
    "billion-laughs.xml": "refused DOCTYPE 'lolz' with an internal subset",
    "external-entity.xml": "refused DOCTYPE 'TEI' with an internal subset",
    "undefined-entity.xml": "undefined entity",
    "truncated.xml": "malformed XML",
    "junk.xml": "malformed XML",
}


@pytest.mark.parametrize("command", ["resolve", "check", "graph"])
def test_hostile_xml_set(tmp_path: Path, command: str) -> None:
    """The hostile files beside a good volume: each refused with file:line:col, exit 2, no
    traceback; the good volume's results are all there."""
    tei = ROOT / "fixtures" / "tei"
    for name in HOSTILE:
        (tmp_path / name).write_bytes((tei / name).read_bytes())
    (tmp_path / "page.xml").write_bytes(b"<?xml version='1.0'?>\n<html><p>Deptel 1</p></html>\n")
    (tmp_path / "v.xml").write_bytes(VOLUME.read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    args = {
        "resolve": ["resolve", str(tmp_path), "--format", "jsonl", "--jobs", "2"],
        "check": ["check", str(tmp_path), "--format", "json", "--jobs", "2"],
        "graph": ["graph", str(tmp_path), "-o", str(out / "g.json"), "--jobs", "2"],
    }[command]
    good = _xref(*[a if a != str(tmp_path) else str(tmp_path / "v.xml") for a in args])
    r = _xref(*args)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    for name, message in {**HOSTILE, "page.xml": "not a TEI volume"}.items():
        line = next(x for x in r.stderr.splitlines() if f"{tmp_path / name}:" in x)
        assert message in line
        assert re.search(rf"{re.escape(str(tmp_path / name))}:\d+:\d+: ", line), line
    if command == "graph":
        assert (out / "g.json").read_bytes().count(b'"frus1958-60v11#d') > 0
    else:
        assert r.stdout == good.stdout and good.returncode in (0, 1)
