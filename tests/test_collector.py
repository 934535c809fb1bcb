"""The cyclic garbage collector and corpus runs: readers leave no reference cycles behind,
and ``graph``, ``resolve`` and ``check`` run with the collector paused, restored after."""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Iterator
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from xref.checks.runner import check_paths
from xref.checks.volume_scan import scan_bytes
from xref.cli import main
from xref.graph.build import build_graph
from xref.read.forked import collector_paused
from xref.read.safexml import parse_bytes
from xref.read.tei import iter_documents, read_volume

VOLUME = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1958-60v11-d7-d9.xml"


@pytest.fixture
def collector_off() -> Iterator[None]:
    """The collector paused for the test, with no garbage pending at its start."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _cyclic_garbage(work: Callable[[], object]) -> int:
    """The objects that only the cyclic collector can free, left by ``work`` (run once
    before, so that first-use caches are not counted)."""
    work()
    gc.collect()
    work()
    return gc.collect()


@pytest.mark.parametrize(
    "work",
    [
        lambda: read_volume(VOLUME),
        lambda: read_volume(VOLUME, maps=False),
        lambda: list(iter_documents(VOLUME)),
        lambda: parse_bytes(str(VOLUME), VOLUME.read_bytes()),
        lambda: scan_bytes(str(VOLUME), VOLUME.read_bytes()),
    ],
    ids=["read_volume", "read_volume-no-maps", "iter_documents", "parse_bytes", "scan_bytes"],
)
def test_reading_leaves_no_cycles(collector_off: None, work: Callable[[], object]) -> None:
    """A parser and its handlers (which name it, or the reader that holds it) are parted
    once the file is read: reference counting frees them, with their buffers, at once."""
    assert _cyclic_garbage(work) == 0


def test_a_malformed_file_leaves_no_cycles(collector_off: None, tmp_path: Path) -> None:
    """The same when the parse fails."""
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<TEI><text><body><div type='document'>oops</body></TEI>")

    def work() -> None:
        with pytest.raises(Exception, match="malformed"):
            read_volume(bad)
        with pytest.raises(Exception, match="malformed"):
            parse_bytes(str(bad), bad.read_bytes())

    assert _cyclic_garbage(work) == 0


def test_collector_paused_restores_the_state() -> None:
    """Paused inside, restored after (even on an error); left off if it was off."""
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_build_graph_and_check_paths_run_paused() -> None:
    """``build_graph`` and ``check_paths`` run with the collector paused (their callbacks
    see it off) and restore it."""
    seen: list[bool] = []
    build_graph([VOLUME], jobs=1, on_file=lambda *_: seen.append(gc.isenabled()))
    check_paths([str(VOLUME)], jobs=1, reading=lambda *_: seen.append(gc.isenabled()))
    assert seen and not any(seen)
    assert gc.isenabled()


@pytest.mark.parametrize("command", ["graph", "resolve", "check"])
def test_cli_commands_restore_the_collector(command: str) -> None:
    """A corpus command called with its arguments (as a library) leaves the collector on
    and freezes nothing (only the program, about to exit, freezes what it built)."""
    frozen = gc.get_freeze_count()
    with redirect_stdout(io.StringIO()):
        main([command, "-q", "--jobs", "1", str(VOLUME)])
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
