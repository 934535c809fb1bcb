"""The built wheel carries the grammar: install it non-editable in a fresh venv and parse."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_parses(tmp_path: Path) -> None:
    """A non-editable install of the wheel finds grammars/ inside the package and parses."""
    pytest.importorskip("hatchling")
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(dist)],
        check=True,
    )
    (wheel,) = dist.glob("xref-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True)
    code = (
        "import xref, xref.cite.parser as p, pathlib;"
        "c = xref.parse_citation('Deptel 1338');"
        "print(c.kind, c.fields()['number'], pathlib.Path(xref.__file__).parent.joinpath("
        "'grammars', 'citation.lark').is_file(), "
        "pathlib.Path(xref.__file__).parent.joinpath('py.typed').is_file(), xref.__version__,"
        "pathlib.Path(xref.__file__).parent.joinpath('schemas', 'record.schema.json').is_file())"
    )
    # Without PYTHONPATH: a work tree on it would be imported instead of the installed wheel.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [str(py), "-c", code], check=True, capture_output=True, text=True, cwd=tmp_path, env=env
    ).stdout.split()
    import xref

    assert out == ["telegram", "1338", "True", "True", xref.__version__, "True"]
