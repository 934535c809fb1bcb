"""The fault suite, fetch side: hostile servers on 127.0.0.1, interrupted and killed fetches.

Every server loop is bounded (``fetchserver.MAX_SECONDS``) and so is every wait here. Each
test asserts the message, that nothing half-written is left in the cache (no ``.part``
file, no volume), and that the other volumes' results are complete.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from fetchserver import BOMB_SIZE, FetchServer, gzip_bomb, serve

from xref.errors import FetchError
from xref.fetch import FetchStatus, Retriever

ROOT = Path(__file__).parents[1]
VOLUME = (ROOT / "fixtures" / "fetch" / "frus1999v01.xml").read_bytes()
A, B = "frus1999v01", "frus1999v02"
TIMEOUT = 30


@pytest.fixture
def server() -> Iterator[FetchServer]:
    with serve({A: VOLUME, B: VOLUME}) as running:
        yield running


def _parts(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.glob(".*")) if cache.exists() else []


def _retriever(server: FetchServer, cache: Path, **kwargs: object) -> Retriever:
    kwargs.setdefault("timeout", 5.0)
    return Retriever(base_url=server.base_url, cache_dir=cache, offline=False, **kwargs)  # type: ignore[arg-type]


def test_dripped_headers_end_at_the_deadline(server: FetchServer, tmp_path: Path) -> None:
    """Headers dripped a byte at a time (each read well within the timeout) still end at the
    volume's deadline; the other volume is fetched whole."""
    server.script(A, "drip-headers")
    r = _retriever(server, tmp_path / "cache", deadline=1.0, retries=0)
    start = time.monotonic()
    a, b = r.fetch_many([A, B])
    assert time.monotonic() - start < 8  # the server would drip for 10 s
    assert a.status is FetchStatus.FAILED and a.error is not None
    assert "took longer than 1 s, the deadline per volume" in str(a.error)
    assert b.status is FetchStatus.FETCHED and b.path is not None
    assert b.path.read_bytes() == VOLUME
    assert _parts(tmp_path / "cache") == []


def test_gzip_of_gzip_is_capped_before_memory(server: FetchServer, tmp_path: Path) -> None:
    """``Content-Encoding: gzip, gzip`` over a few hundred bytes: refused at the size cap,
    having decoded little more than the cap (not the 128 MB the body expands to)."""
    gzip_bomb()  # made before measuring
    server.script(A, "gzip-gzip")
    cap = 4 * 1024 * 1024
    r = _retriever(server, tmp_path / "cache", max_bytes=cap, retries=0)
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match=f"over the size limit of {cap} bytes"):
            r.fetch(A)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < BOMB_SIZE // 8
    assert not (tmp_path / "cache" / f"{A}.xml").exists()
    assert _parts(tmp_path / "cache") == []


def test_huge_retry_after_gives_up_at_once(server: FetchServer, tmp_path: Path) -> None:
    """A Retry-After past the deadline is not waited for: the error says so."""
    server.script(A, "retry-forever")
    r = _retriever(server, tmp_path / "cache", deadline=20.0, max_delay=100000.0,
                   sleep=time.sleep)
    start = time.monotonic()
    with pytest.raises(FetchError, match="would pass the deadline of 20 s"):
        r.fetch(A)
    assert time.monotonic() - start < 10


def _fetch_cli(server: FetchServer, cache: Path) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.Popen(
        [sys.executable, "-m", "xref", "fetch", A, B, "--base-url", server.base_url,
         "--cache-dir", str(cache), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        # a shell starts a background job with SIGINT ignored, and Python then installs no
        # KeyboardInterrupt handler: the child must have Ctrl-C's default whatever runs the tests
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_parts(cache: Path, n: int) -> None:
    stop = time.monotonic() + TIMEOUT
    while len([p for p in _parts(cache) if p.endswith(".part")]) < n:
        assert time.monotonic() < stop, "the downloads never started"
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_stops_at_once_and_cleans(
    server: FetchServer, tmp_path: Path, sig: int
) -> None:
    """Ctrl-C or SIGTERM with two slow volumes in flight: out at once, no .part left."""
    server.script(A, "slow")
    server.script(B, "slow")
    cache = tmp_path / "cache"
    p = _fetch_cli(server, cache)
    try:
        _wait_for_parts(cache, 2)
        p.send_signal(sig)
        start = time.monotonic()
        _, err = p.communicate(timeout=TIMEOUT)
        took = time.monotonic() - start
    finally:
        p.kill()
        p.communicate()
    assert p.returncode == (130 if sig == signal.SIGINT else 128 + signal.SIGTERM)
    assert took < 8  # the drip would go on for 10 s (a margin for a loaded machine)
    assert "Traceback" not in err
    assert _parts(cache) == []
    assert not (cache / f"{A}.xml").exists() and not (cache / f"{B}.xml").exists()


def test_killed_fetch_parts_are_removed_next_time(server: FetchServer, tmp_path: Path) -> None:
    """SIGKILL leaves .part files; the next fetch of those volumes removes them."""
    server.script(A, "slow")
    server.script(B, "slow")
    cache = tmp_path / "cache"
    p = _fetch_cli(server, cache)
    try:
        _wait_for_parts(cache, 2)
    finally:
        p.kill()
        p.communicate(timeout=TIMEOUT)
    assert len(_parts(cache)) == 2
    results = _retriever(server, cache).fetch_many([A, B])
    assert [r.status for r in results] == [FetchStatus.FETCHED, FetchStatus.FETCHED]
    assert _parts(cache) == []
