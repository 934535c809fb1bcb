"""Tests for xref.fetch.client and ``xref fetch``: MockTransport units, then a real local server.

Nothing here leaves the machine: unit tests use :class:`httpx.MockTransport`, the rest a
:class:`tests.fetchserver.FetchServer` on 127.0.0.1. Sleeps between retries are recorded,
not slept.
"""

from __future__ import annotations

import argparse
import io
import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fetchserver import LAST_MODIFIED, FetchServer, etag_of, serve

from xref.cli import fetch as fetch_cli
from xref.errors import FetchError, InputError, UnsafeXMLError
from xref.fetch.client import (
    DEFAULT_BASE_URL,
    FetchStatus,
    Retriever,
    check_volume_file,
    default_cache_dir,
    is_volume_id,
    offline_from_env,
    volume_url,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "fetch"
VOLUME_ID = "frus1999v01"
VOLUME = (FIXTURES / f"{VOLUME_ID}.xml").read_bytes()
BASE = "https://frus.test/volumes/"

Handler = Callable[[httpx.Request], httpx.Response]


class Sleeps(list[float]):
    """A ``sleep`` replacement that records the delays asked for."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def blow_up(request: httpx.Request) -> httpx.Response:
    """A handler for tests in which any request is a bug."""
    raise AssertionError(f"unexpected request: {request.url}")


def ok(
    request: httpx.Request, body: bytes = VOLUME, headers: dict[str, str] | None = None
) -> httpx.Response:
    """A 200 with the volume and an ETag, plus ``headers``."""
    return httpx.Response(200, content=body, headers={"ETag": '"v1"', **(headers or {})})


def scripted(
    *responses: httpx.Response | Exception | Handler,
) -> tuple[Handler, list[httpx.Request]]:
    """A handler answering each request with the next item; the last one repeats."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        item = responses[min(len(seen), len(responses)) - 1]
        if isinstance(item, Exception):
            raise item
        if isinstance(item, httpx.Response):
            return item
        return item(request)

    return handler, seen


def retriever(tmp_path: Path, handler: Handler, **kwargs: Any) -> Retriever:
    kwargs.setdefault("sleep", Sleeps())
    kwargs.setdefault("offline", False)
    return Retriever(
        base_url=BASE,
        cache_dir=tmp_path / "cache",
        transport=httpx.MockTransport(handler),
        **kwargs,
    )


def leftovers(cache: Path) -> list[str]:
    """Temporary files left in the cache directory."""
    return sorted(p.name for p in cache.glob(".*")) if cache.exists() else []


# -- volume ids, URLs, cache directory -------------------------------------------------------

REAL_IDS = [
    "frus1894Nicaragua",
    "frus1917-72PubDip",
    "frus1948v01p1",
    "frus1952-54Guat",
    "frus1955-57v23p2",
    "frus1961-63v10-12mSupp",
    "frus1969-76ve15p1",
    "frus1977-80v21",
]
BAD_IDS = [
    "",
    "frus",
    "frus61-63v11",
    "FRUS1961-63v11",
    "frus1961-63v11.xml",
    "frus1961-63v11/../../etc/passwd",
    "../frus1961-63v11",
    "frus1961-63v11\n",
    "frus1961-63 v11",
    "frus1961-63v11%2F",
    "frus１９６１v11",
    "frus1961-63v11\\x",
    "frus1961-63v" + "1" * 60,
]


@pytest.mark.parametrize("volume_id", REAL_IDS)
def test_real_volume_ids_are_accepted(volume_id: str) -> None:
    """Every shape of real FRUS id matches the pattern."""
    assert is_volume_id(volume_id)


@pytest.mark.parametrize("volume_id", BAD_IDS, ids=repr)
def test_bad_volume_ids_are_refused(volume_id: str) -> None:
    """Dots, slashes, whitespace, non-ASCII digits and overlong ids never match."""
    assert not is_volume_id(volume_id)


def test_bad_volume_id_never_touches_the_network_or_a_path(tmp_path: Path) -> None:
    """A bad id fails with FetchError before any request or file access."""
    r = retriever(tmp_path, blow_up)
    with pytest.raises(FetchError, match="not a FRUS volume id"):
        r.path_for("../../etc/passwd")
    [result] = r.fetch_many(["frus1961-63v11.xml"])
    assert result.status is FetchStatus.FAILED
    assert not (tmp_path / "cache").exists()


def test_volume_url_joins_base_and_id() -> None:
    """The default base URL is the published TEI address, with or without a trailing slash."""
    expected = (
        "https://raw.githubusercontent.com/HistoryAtState/frus/master/volumes/frus1958-60v11.xml"
    )
    assert volume_url(DEFAULT_BASE_URL, "frus1958-60v11") == expected
    assert volume_url(DEFAULT_BASE_URL.rstrip("/"), "frus1958-60v11") == expected


@pytest.mark.parametrize("url", ["ftp://example.org/", "file:///etc/", "/volumes/", "javascript:x"])
def test_only_http_base_urls(url: str) -> None:
    """Base URLs other than http and https are refused at construction."""
    with pytest.raises(ValueError, match="http or https"):
        Retriever(base_url=url)


def test_cache_dir_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """XREF_CACHE_DIR wins over the platform default."""
    monkeypatch.setenv("XREF_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    assert Retriever().cache_dir == tmp_path / "mine"


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"XDG_CACHE_HOME": "/xdg"}, "/xdg/xref"),
        ("linux", {}, "~/.cache/xref"),
        ("linux", {"XDG_CACHE_HOME": "relative"}, "~/.cache/xref"),
        ("darwin", {}, "~/Library/Caches/xref"),
        ("win32", {"LOCALAPPDATA": "/appdata"}, "/appdata/xref/Cache"),
    ],
)
def test_platform_cache_dirs(
    monkeypatch: pytest.MonkeyPatch, platform: str, env: dict[str, str], expected: str
) -> None:
    """Each platform gets its conventional user cache directory."""
    for name in ("XREF_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.platform", platform)
    assert default_cache_dir() == Path(expected).expanduser()


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("yes", True), ("0", False)])
def test_offline_from_env(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    """XREF_OFFLINE=1 turns offline mode on, also as the Retriever default."""
    monkeypatch.setenv("XREF_OFFLINE", value)
    assert offline_from_env() is expected
    assert Retriever().offline is expected


# -- the well-formedness check ---------------------------------------------------------------


def test_fixture_volume_is_a_volume() -> None:
    """The fixture passes the check."""
    check_volume_file(FIXTURES / f"{VOLUME_ID}.xml")


@pytest.mark.parametrize(
    ("body", "error", "message"),
    [
        pytest.param(
            b'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0">&b;</TEI>',
            UnsafeXMLError,
            "DOCTYPE",
            id="billion-laughs",
        ),
        pytest.param(
            b'<!DOCTYPE TEI SYSTEM "http://evil.test/x.dtd"><TEI xmlns="http://www.tei-c.org/ns/1.0"/>',
            UnsafeXMLError,
            "DOCTYPE",
            id="external-dtd",
        ),
        pytest.param(
            b"<html><body>hi</body></html>", InputError, "root element is <html>", id="html"
        ),
        pytest.param(b"<TEI><text/></TEI>", InputError, "not <TEI>", id="no-namespace"),
        pytest.param(
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>',
            InputError,
            "not well-formed",
            id="cut",
        ),
        pytest.param(b"", InputError, "not well-formed", id="empty"),
    ],
)
def test_check_refuses(tmp_path: Path, body: bytes, error: type[Exception], message: str) -> None:
    """Hostile or broken XML is refused with a specific error, and nothing is expanded."""
    path = tmp_path / "v.xml"
    path.write_bytes(body)
    with pytest.raises(error, match=message):
        check_volume_file(path)


# -- fetching with MockTransport -------------------------------------------------------------


def test_fetch_stores_volume_and_sidecar(tmp_path: Path) -> None:
    """A 200 puts the exact body in the cache and its validators in a JSON sidecar."""
    handler, seen = scripted(lambda req: ok(req, headers={"Last-Modified": LAST_MODIFIED}))
    r = retriever(tmp_path, handler)
    result = r.fetch(VOLUME_ID)
    assert result.status is FetchStatus.FETCHED
    assert result.size == len(VOLUME)
    assert result.path == tmp_path / "cache" / f"{VOLUME_ID}.xml"
    assert result.path.read_bytes() == VOLUME
    meta = json.loads((tmp_path / "cache" / f"{VOLUME_ID}.json").read_text())
    assert meta["etag"] == '"v1"'
    assert meta["last_modified"] == LAST_MODIFIED
    assert meta["url"] == f"{BASE}{VOLUME_ID}.xml"
    assert "If-None-Match" not in seen[0].headers
    assert leftovers(tmp_path / "cache") == []


def test_second_fetch_is_conditional(tmp_path: Path) -> None:
    """The second fetch sends If-None-Match and If-Modified-Since and accepts a 304."""
    lm = LAST_MODIFIED
    handler, seen = scripted(
        ok(httpx.Request("GET", BASE), headers={"Last-Modified": lm}), httpx.Response(304)
    )
    r = retriever(tmp_path, handler)
    r.fetch(VOLUME_ID)
    result = r.fetch(VOLUME_ID)
    assert result.status is FetchStatus.NOT_MODIFIED
    assert result.size == 0
    assert seen[1].headers["If-None-Match"] == '"v1"'
    assert seen[1].headers["If-Modified-Since"] == lm
    assert result.path is not None and result.path.read_bytes() == VOLUME


def test_unconditional_304_is_an_error(tmp_path: Path) -> None:
    """A 304 for a volume we do not have is refused, not treated as success."""
    handler, _ = scripted(httpx.Response(304))
    with pytest.raises(FetchError, match="304"):
        retriever(tmp_path, handler).fetch(VOLUME_ID)


def test_path_for_uses_the_cache_without_asking(tmp_path: Path) -> None:
    """path_for fetches a missing volume once, then answers from the cache."""
    handler, seen = scripted(ok)
    r = retriever(tmp_path, handler)
    assert r.path_for(VOLUME_ID).read_bytes() == VOLUME
    assert r(VOLUME_ID) == r.cached_path(VOLUME_ID)
    assert len(seen) == 1


def test_retries_500_then_succeeds(tmp_path: Path) -> None:
    """5xx is retried with exponentially growing, jittered delays."""
    handler, seen = scripted(httpx.Response(500), httpx.Response(502), ok)
    sleeps = Sleeps()
    r = retriever(tmp_path, handler, sleep=sleeps, backoff=1.0)
    assert r.fetch(VOLUME_ID).status is FetchStatus.FETCHED
    assert len(seen) == 3
    assert 0.5 <= sleeps[0] < 1.0
    assert 1.0 <= sleeps[1] < 2.0


def test_retry_after_seconds_is_honoured(tmp_path: Path) -> None:
    """429 with Retry-After waits exactly that long."""
    handler, _ = scripted(httpx.Response(429, headers={"Retry-After": "7"}), ok)
    sleeps = Sleeps()
    retriever(tmp_path, handler, sleep=sleeps).fetch(VOLUME_ID)
    assert sleeps == [7.0]


def test_retry_after_http_date_is_honoured(tmp_path: Path) -> None:
    """Retry-After as an HTTP date becomes the seconds until then."""
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    handler, _ = scripted(httpx.Response(503, headers={"Retry-After": when}), ok)
    sleeps = Sleeps()
    retriever(tmp_path, handler, sleep=sleeps).fetch(VOLUME_ID)
    assert 15 < sleeps[0] <= 20


def test_retry_after_is_capped(tmp_path: Path) -> None:
    """A huge Retry-After is capped at max_delay."""
    handler, _ = scripted(httpx.Response(429, headers={"Retry-After": "86400"}), ok)
    sleeps = Sleeps()
    retriever(tmp_path, handler, sleep=sleeps, max_delay=3.0).fetch(VOLUME_ID)
    assert sleeps == [3.0]


def test_connection_errors_and_timeouts_are_retried(tmp_path: Path) -> None:
    """Connect errors and read timeouts are retried like 5xx."""
    handler, seen = scripted(httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), ok)
    assert retriever(tmp_path, handler).fetch(VOLUME_ID).status is FetchStatus.FETCHED
    assert len(seen) == 3


def test_gives_up_after_retries(tmp_path: Path) -> None:
    """After ``retries`` extra attempts the error names the status and the attempts."""
    handler, seen = scripted(httpx.Response(503))
    r = retriever(tmp_path, handler, retries=2)
    with pytest.raises(FetchError, match=r"HTTP 503 .*gave up after 3 attempts"):
        r.fetch(VOLUME_ID)
    assert len(seen) == 3
    assert not r.cached_path(VOLUME_ID).exists()


def test_404_is_not_retried(tmp_path: Path) -> None:
    """A missing volume fails at once with a clear message."""
    handler, seen = scripted(httpx.Response(404))
    with pytest.raises(FetchError, match="no such volume"):
        retriever(tmp_path, handler).fetch(VOLUME_ID)
    assert len(seen) == 1


def test_html_instead_of_xml(tmp_path: Path) -> None:
    """An HTML page is refused and never enters the cache."""
    page = b"<!DOCTYPE html><html><body>Sign in</body></html>"
    handler, seen = scripted(lambda req: ok(req, body=page))
    r = retriever(tmp_path, handler)
    with pytest.raises(FetchError, match="HTML page"):
        r.fetch(VOLUME_ID)
    assert len(seen) == 1
    assert not r.cached_path(VOLUME_ID).exists()
    assert leftovers(tmp_path / "cache") == []


def test_failed_refetch_keeps_the_good_copy(tmp_path: Path) -> None:
    """A broken new version leaves the cached volume and its sidecar untouched."""
    handler, _ = scripted(
        ok, lambda req: ok(req, body=b"<TEI xmlns='http://www.tei-c.org/ns/1.0'>")
    )
    r = retriever(tmp_path, handler)
    r.fetch(VOLUME_ID)
    [result] = r.fetch_many([VOLUME_ID])
    assert result.status is FetchStatus.FAILED
    assert result.error is not None and "not well-formed" in str(result.error)
    assert result.path is not None and result.path.read_bytes() == VOLUME
    assert (tmp_path / "cache" / f"{VOLUME_ID}.json").exists()


def test_content_length_over_limit_is_refused_before_reading(tmp_path: Path) -> None:
    """A declared size over max_bytes fails without streaming the body."""
    handler, _ = scripted(ok)
    with pytest.raises(FetchError, match="size limit"):
        retriever(tmp_path, handler, max_bytes=100).fetch(VOLUME_ID)


def test_streamed_body_over_limit_is_refused(tmp_path: Path) -> None:
    """A body without Content-Length is cut off at max_bytes and the partial file removed."""

    def chunks() -> Iterator[bytes]:
        yield b'<TEI xmlns="http://www.tei-c.org/ns/1.0">'
        for _ in range(10_000):
            yield b"<p>x</p>" * 1000

    handler, _ = scripted(lambda req: httpx.Response(200, content=chunks()))
    r = retriever(tmp_path, handler, max_bytes=100_000)
    with pytest.raises(FetchError, match="size limit"):
        r.fetch(VOLUME_ID)
    assert leftovers(tmp_path / "cache") == []


def test_redirect_is_followed(tmp_path: Path) -> None:
    """A redirect to another https URL is followed, and the sidecar keeps the original URL."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "frus.test":
            return httpx.Response(302, headers={"Location": "https://mirror.test/v.xml"})
        return ok(request)

    r = retriever(tmp_path, handler)
    assert r.fetch(VOLUME_ID).status is FetchStatus.FETCHED
    meta = json.loads((tmp_path / "cache" / f"{VOLUME_ID}.json").read_text())
    assert meta["url"] == f"{BASE}{VOLUME_ID}.xml"
    assert meta["final_url"] == "https://mirror.test/v.xml"


def test_redirect_loop_is_bounded(tmp_path: Path) -> None:
    """A redirect loop stops after max_redirects with a clear error."""
    handler, seen = scripted(lambda req: httpx.Response(302, headers={"Location": str(req.url)}))
    with pytest.raises(FetchError, match="more than 3 redirects"):
        retriever(tmp_path, handler, max_redirects=3).fetch(VOLUME_ID)
    assert len(seen) == 4


def test_redirect_to_other_scheme_is_refused(tmp_path: Path) -> None:
    """A redirect to file: or ftp: is refused."""
    handler, _ = scripted(httpx.Response(302, headers={"Location": "file:///etc/passwd"}))
    with pytest.raises(FetchError, match="non-HTTP"):
        retriever(tmp_path, handler).fetch(VOLUME_ID)


def test_offline_uses_only_the_cache(tmp_path: Path) -> None:
    """Offline, a cached volume is served and a missing one is named, without any request."""
    handler, _ = scripted(ok)
    retriever(tmp_path, handler).fetch(VOLUME_ID)
    r = retriever(tmp_path, blow_up, offline=True)
    cached, missing = r.fetch_many([VOLUME_ID, "frus1961-63v11"])
    assert cached.status is FetchStatus.CACHED
    assert missing.status is FetchStatus.FAILED
    assert "frus1961-63v11.xml" in str(missing.error) and "offline" in str(missing.error)
    assert r.missing([VOLUME_ID, "frus1961-63v11", "bad/id"]) == ["frus1961-63v11", "bad/id"]
    with pytest.raises(FetchError, match="offline"):
        r.path_for("frus1961-63v11")


def test_fetch_many_keeps_order_and_bounds_concurrency(tmp_path: Path) -> None:
    """Results come back in input order, duplicates once, never more than ``jobs`` in flight."""
    lock = threading.Lock()
    in_flight = [0, 0]  # current, maximum

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            in_flight[0] += 1
            in_flight[1] = max(in_flight)
        time.sleep(0.02)
        with lock:
            in_flight[0] -= 1
        vid = request.url.path.rsplit("/", 1)[1].removesuffix(".xml")
        if vid.endswith("missing"):
            return httpx.Response(404)
        return ok(request, body=VOLUME.replace(VOLUME_ID.encode(), vid.encode()))

    ids = [f"frus1999v{n:02d}" for n in range(1, 9)] + ["frus1999missing", "frus1999v01"]
    results = retriever(tmp_path, handler, jobs=3).fetch_many(ids)
    assert [r.volume_id for r in results] == ids[:-1]
    assert [r.ok for r in results] == [True] * 8 + [False]
    assert 1 < in_flight[1] <= 3


def test_injected_client_is_used_and_left_open(tmp_path: Path) -> None:
    """An injected httpx.Client is used for requests and not closed."""
    handler, seen = scripted(ok)
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        r = Retriever(base_url=BASE, cache_dir=tmp_path, client=client, offline=False)
        r.fetch(VOLUME_ID)
        assert not client.is_closed
    assert len(seen) == 1


def test_progress_callback(tmp_path: Path) -> None:
    """on_progress sees the growing byte count and the declared total."""
    calls: list[tuple[str, int, int | None]] = []
    handler, _ = scripted(ok)
    retriever(tmp_path, handler, on_progress=lambda *a: calls.append(a)).fetch(VOLUME_ID)
    assert calls[-1] == (VOLUME_ID, len(VOLUME), len(VOLUME))


# -- a real server on 127.0.0.1 -------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[FetchServer]:
    with serve({VOLUME_ID: VOLUME}) as running:
        yield running


def live(server: FetchServer, tmp_path: Path, **kwargs: Any) -> Retriever:
    kwargs.setdefault("sleep", Sleeps())
    kwargs.setdefault("timeout", 2.0)
    return Retriever(
        base_url=server.base_url, cache_dir=tmp_path / "cache", offline=False, **kwargs
    )


def test_live_fetch_then_304(server: FetchServer, tmp_path: Path) -> None:
    """Against a real server, the second fetch transfers nothing."""
    r = live(server, tmp_path)
    first = r.fetch(VOLUME_ID)
    second = r.fetch(VOLUME_ID)
    assert (first.status, first.size) == (FetchStatus.FETCHED, len(VOLUME))
    assert (second.status, second.size) == (FetchStatus.NOT_MODIFIED, 0)
    assert server.requests[1][1]["If-None-Match"] == etag_of(VOLUME)


def test_live_500_then_200(server: FetchServer, tmp_path: Path) -> None:
    """A 500 is retried and the retry succeeds."""
    server.script(VOLUME_ID, "500")
    assert live(server, tmp_path).fetch(VOLUME_ID).status is FetchStatus.FETCHED
    assert server.hits(VOLUME_ID) == 2


def test_live_429_with_retry_after(server: FetchServer, tmp_path: Path) -> None:
    """A 429's Retry-After is what the retriever waits."""
    server.script(VOLUME_ID, "429:2")
    sleeps = Sleeps()
    live(server, tmp_path, sleep=sleeps).fetch(VOLUME_ID)
    assert sleeps == [2.0]


def test_live_slow_body_hits_the_deadline(server: FetchServer, tmp_path: Path) -> None:
    """A body dripping a byte at a time fails at the wall-clock deadline, not never."""
    server.script(VOLUME_ID, "slow")
    r = live(server, tmp_path, deadline=0.5)
    start = time.monotonic()
    with pytest.raises(FetchError, match="longer than 0.5 s"):
        r.fetch(VOLUME_ID)
    assert time.monotonic() - start < 3
    assert leftovers(tmp_path / "cache") == []


def test_live_truncated_body_is_retried(server: FetchServer, tmp_path: Path) -> None:
    """A body cut short is a connection error: retried, and never cached half-written."""
    server.script(VOLUME_ID, "truncated", "truncated")
    r = live(server, tmp_path, retries=1)
    with pytest.raises(FetchError, match="connection failed"):
        r.fetch(VOLUME_ID)
    assert not r.cached_path(VOLUME_ID).exists()
    assert r.fetch(VOLUME_ID).status is FetchStatus.FETCHED


def test_live_404(server: FetchServer, tmp_path: Path) -> None:
    """A volume the server lacks is a clear error, asked once."""
    with pytest.raises(FetchError, match="404"):
        live(server, tmp_path).fetch("frus1961-63v11")
    assert server.hits("frus1961-63v11") == 1


def test_live_endless_body_hits_the_size_limit(server: FetchServer, tmp_path: Path) -> None:
    """A body that never ends is cut at max_bytes, quickly, leaving no temporary file."""
    server.script(VOLUME_ID, "endless")
    start = time.monotonic()
    with pytest.raises(FetchError, match="size limit"):
        live(server, tmp_path, max_bytes=1_000_000).fetch(VOLUME_ID)
    assert time.monotonic() - start < 5
    assert leftovers(tmp_path / "cache") == []


def test_live_redirect_and_loop(server: FetchServer, tmp_path: Path) -> None:
    """A redirect is followed; a redirect loop is a clear error."""
    server.script(VOLUME_ID, "redirect")
    assert live(server, tmp_path).fetch(VOLUME_ID).status is FetchStatus.FETCHED
    server.script(VOLUME_ID, *["loop"] * 10)
    with pytest.raises(FetchError, match="redirects"):
        live(server, tmp_path, max_redirects=2).fetch(VOLUME_ID)


def test_live_html(server: FetchServer, tmp_path: Path) -> None:
    """An HTML page where the volume should be is refused."""
    server.script(VOLUME_ID, "html")
    with pytest.raises(FetchError, match="HTML page"):
        live(server, tmp_path).fetch(VOLUME_ID)


# -- the command line -----------------------------------------------------------------------


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="xref")
    fetch_cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["fetch", *argv])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_fetch_then_not_modified(
    server: FetchServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``xref fetch`` prints one line per volume and exits 0; a rerun says not modified."""
    argv = [VOLUME_ID, "--base-url", server.base_url, "--cache-dir", str(tmp_path)]
    code, out, _ = run_cli(argv, capsys)
    assert code == 0
    assert out.startswith("fetched") and VOLUME_ID in out
    code, out, _ = run_cli(argv, capsys)
    assert (code, out.split()[:3]) == (0, ["not", "modified", VOLUME_ID])


def test_cli_reports_errors_and_exits_2(
    server: FetchServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A failed volume gets an error line and exit status 2; the others still succeed."""
    argv = [VOLUME_ID, "frus1961-63v11", "bad.id", "--base-url", server.base_url]
    code, out, _ = run_cli([*argv, "--cache-dir", str(tmp_path), "--jobs", "2"], capsys)
    lines = out.splitlines()
    assert code == 2
    assert lines[0].startswith("fetched")
    assert lines[1].startswith("error") and "404" in lines[1]
    assert lines[2].startswith("error") and "not a FRUS volume id" in lines[2]


def test_cli_offline_names_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """XREF_OFFLINE=1 fetches nothing and names the volume that is missing."""
    monkeypatch.setenv("XREF_OFFLINE", "1")
    code, out, _ = run_cli(["frus1961-63v11", "--cache-dir", str(tmp_path)], capsys)
    assert code == 2
    assert "frus1961-63v11" in out and "offline" in out


def test_cli_rejects_non_http_base_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file: base URL is a usage error."""
    code, _, err = run_cli(
        [VOLUME_ID, "--base-url", "file:///tmp/", "--cache-dir", str(tmp_path)], capsys
    )
    assert code == 2
    assert "http or https" in err


def test_cli_progress_only_on_a_terminal(server: FetchServer, tmp_path: Path) -> None:
    """The progress line is written to a TTY and cleared; to a pipe, nothing."""

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe = Tty(), io.StringIO()
    assert fetch_cli.progress_for(pipe) is None
    bar = fetch_cli.progress_for(tty)
    assert bar is not None
    live(server, tmp_path, on_progress=bar).fetch(VOLUME_ID)
    bar.finish()
    assert VOLUME_ID in tty.getvalue()
    assert tty.getvalue().endswith("\r\x1b[K")
