"""A real HTTP server on 127.0.0.1 for the fetch tests, with scripted fault modes.

``FetchServer`` serves ``/{volume_id}.xml`` from a dict of bodies. Each path can be given a
script: a list of modes used one per request, after which requests get ``"ok"``.

Modes: ``ok`` (200 with ETag and Last-Modified; 304 when ``If-None-Match`` matches),
``500``/``503``/``404`` (that status), ``429:N`` (429 with ``Retry-After: N``), ``slow``
(drips the body one byte at a time), ``truncated`` (announces the full length, sends half,
closes), ``endless`` (a body that never ends), ``html`` (an HTML page), ``redirect`` (302
to ``/moved/...``, which serves the volume), ``loop`` (302 to itself), ``drip-headers``
(the status line and headers one byte every 0.2 s), ``gzip-gzip`` (``Content-Encoding: gzip,
gzip`` over a few KB that decode to :data:`BOMB_SIZE` bytes) and ``retry-forever`` (503 with
``Retry-After: 100000``).

Every loop in a handler is bounded in time and bytes, so a test that goes wrong still ends.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["LAST_MODIFIED", "FetchServer", "etag_of", "serve"]

LAST_MODIFIED = "Mon, 02 Jan 2006 15:04:05 GMT"
HTML = b"<!DOCTYPE html>\n<html><head><title>Rate limited</title></head><body>Oops</body></html>"
MAX_SECONDS = 10.0
"""No handler runs longer than this."""
BOMB_SIZE = 128 * 1024 * 1024
"""About what the ``gzip-gzip`` body decodes to: a TEI start tag, then spaces."""
_BOMB: list[bytes] = []


def gzip_bomb() -> bytes:
    """:data:`BOMB_SIZE` bytes of XML, gzipped twice (made once, in bounded memory)."""
    if not _BOMB:
        inner = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        head = inner.compress(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">')
        spaces = b" " * (1 << 20)  # well-formed all the way: only the size cap can stop it
        once = head + b"".join(inner.compress(spaces) for _ in range(BOMB_SIZE >> 20))
        once += inner.flush()
        _BOMB.append(gzip.compress(once, 9))
    return _BOMB[0]


class FetchServer:
    """Serves fixture volumes with fault modes; records each request's path and headers."""

    def __init__(self, volumes: dict[str, bytes]) -> None:
        self.volumes = dict(volumes)
        self.scripts: dict[str, list[str]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.fetch = self  # type: ignore[attr-defined]
        self.server = server
        self.thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})

    @property
    def base_url(self) -> str:
        """The URL to give a Retriever as ``base_url``."""
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def script(self, volume_id: str, *modes: str) -> None:
        """Answer the next requests for ``volume_id`` with ``modes``, then normally."""
        with self.lock:
            self.scripts[f"/{volume_id}.xml"] = list(modes)

    def hits(self, volume_id: str) -> int:
        """How many requests asked for ``volume_id``."""
        with self.lock:
            return sum(1 for path, _ in self.requests if path.endswith(f"/{volume_id}.xml"))

    def next_mode(self, path: str, headers: dict[str, str]) -> str:
        with self.lock:
            self.requests.append((path, headers))
            modes = self.scripts.get(path)
            return modes.pop(0) if modes else "ok"

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@contextmanager
def serve(volumes: dict[str, bytes]) -> Iterator[FetchServer]:
    """Run a :class:`FetchServer` for the duration of a ``with`` block."""
    server = FetchServer(volumes)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    server: Any

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Keep test output quiet."""

    def do_GET(self) -> None:  # noqa: N802
        fetch: FetchServer = self.server.fetch
        mode = fetch.next_mode(self.path, dict(self.headers.items()))
        path = self.path.removeprefix("/moved")
        body = fetch.volumes.get(path.lstrip("/").removesuffix(".xml"))
        try:
            self._answer(mode, path, body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _answer(self, mode: str, path: str, body: bytes | None) -> None:
        if mode.isdigit():
            self._simple(int(mode), b"error\n")
        elif mode.startswith("429"):
            self._simple(429, b"slow down\n", {"Retry-After": mode.partition(":")[2] or "1"})
        elif mode == "loop":
            self._simple(302, b"", {"Location": self.path})
        elif mode == "redirect":
            self._simple(302, b"", {"Location": f"/moved{path}"})
        elif mode == "html":
            self._simple(200, HTML, {"Content-Type": "text/html"})
        elif mode == "endless":
            self._endless()
        elif mode == "drip-headers":
            self._drip_headers()
        elif mode == "gzip-gzip":
            self._simple(200, gzip_bomb(), {"Content-Encoding": "gzip, gzip"})
        elif mode == "retry-forever":
            self._simple(503, b"busy\n", {"Retry-After": "100000"})
        elif body is None:
            self._simple(404, b"not found\n")
        elif mode == "slow":
            self._slow(body)
        elif mode == "truncated":
            self._headers(200, {"Content-Length": str(len(body))})
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
        else:
            etag = etag_of(body)
            if self.headers.get("If-None-Match") == etag:
                self._simple(304, b"", {"ETag": etag})
                return
            headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Content-Type": "text/plain"}
            self._simple(200, body, headers)

    def _headers(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def _simple(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        all_headers = {"Content-Length": str(len(body)), **(headers or {})}
        self._headers(status, all_headers)
        if body and status != 304:
            self.wfile.write(body)

    def _slow(self, body: bytes) -> None:
        self._headers(200, {"Content-Length": str(len(body))})
        stop = time.monotonic() + MAX_SECONDS
        for i in range(len(body)):
            if time.monotonic() > stop:
                break
            self.wfile.write(body[i : i + 1])
            self.wfile.flush()
            time.sleep(0.05)

    def _drip_headers(self) -> None:
        head = b"HTTP/1.0 200 OK\r\nContent-Type: application/xml\r\n" + b"X-Pad: 0\r\n" * 40
        stop = time.monotonic() + MAX_SECONDS
        for i in range(len(head)):
            if time.monotonic() > stop:
                break
            self.wfile.write(head[i : i + 1])
            self.wfile.flush()
            time.sleep(0.2)

    def _endless(self) -> None:
        self._headers(200, {"Content-Type": "application/xml"})
        self.wfile.write(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">')
        chunk = b"<p>more</p>" * 6000
        stop = time.monotonic() + MAX_SECONDS
        sent = 0
        while time.monotonic() < stop and sent < 1 << 30:
            self.wfile.write(chunk)
            sent += len(chunk)
