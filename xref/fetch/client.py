"""Fetch FRUS TEI volumes over HTTP into a local cache, and work offline from it.

:class:`Retriever` is the library side of ``xref fetch``: give it to whatever needs a
volume it may not have, and call :meth:`Retriever.path_for` (or the retriever itself)
with a volume id to get the path of a cached, well-formed TEI file.

The cache is one directory: ``{volume_id}.xml`` holds the volume and ``{volume_id}.json``
(the *sidecar*) its URL, ``ETag`` and ``Last-Modified``, so that a later fetch is a
conditional request and an unchanged volume transfers nothing. A volume enters the cache
only whole and checked: the body streams into a temporary file in the cache directory
while :mod:`xml.parsers.expat` checks it (no DTD, no entity declarations, a TEI root),
and only then is it renamed into place.

Safety rules, all enforced here: only ``http``/``https`` URLs (redirects included, at
most ``max_redirects`` of them); volume ids must match :data:`VOLUME_ID_PATTERN` before
they touch a path; bodies larger than ``max_bytes`` are refused; each attempt has a
wall-clock ``deadline`` as well as httpx's per-read ``timeout``, so a server that drips
bytes cannot hang the caller. Connection errors, timeouts, truncated bodies, 429 and 5xx
are retried with exponential backoff and jitter, honouring ``Retry-After`` (capped).
"""

from __future__ import annotations

import enum
import os
import random
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from attrs import Factory, field, frozen

from xref.errors import FetchError, InputError
from xref.fetch.limits import (
    ACCEPT_ENCODING,
    BodyDecoder,
    Bounded,
    Cancelled,
    UnsupportedEncoding,
    part_name,
    remove_stale_parts,
)
from xref.fetch.support import (
    _check_base_url,
    _conditional_headers,
    _content_length,
    _decoded,
    _not_negative,
    _positive,
    _redirect_target,
    _retry_after,
    _status_text,
    _TEIChecker,
    _unique,
    _write_sidecar,
    check_volume_file,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_BYTES",
    "FetchResult",
    "FetchStatus",
    "ProgressCallback",
    "Retriever",
    "VOLUME_ID_PATTERN",
    "check_volume_file",
    "default_cache_dir",
    "is_volume_id",
    "offline_from_env",
    "volume_url",
]

DEFAULT_BASE_URL = "https://raw.githubusercontent.com/HistoryAtState/frus/master/volumes/"
"""Where the published TEI lives: ``{DEFAULT_BASE_URL}{volume_id}.xml`` (FRUS-ENCODING.md)."""

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
"""The largest volume accepted, in bytes (after content decoding). Real volumes are < 60 MB."""

VOLUME_ID_PATTERN = re.compile(r"frus[0-9]{4}(?:-[0-9]{2})?[A-Za-z0-9-]{0,40}", re.ASCII)
"""A FRUS volume id, e.g. ``frus1894Nicaragua``, ``frus1961-63v10-12mSupp``, ``frus1969-76ve15p1``.

Use with ``fullmatch``: ASCII letters, digits and hyphens only, so an id is always a safe
file name (no dots, slashes, spaces or newlines).
"""


ProgressCallback = Callable[[str, int, int | None], None]
"""Called as ``(volume_id, bytes_so_far, total_bytes_or_None)`` while a body streams in."""

_RETRY_STATUSES = frozenset({429})  # plus every 5xx
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_USER_AGENT = "xref (FRUS citation checker; +https://history.state.gov/)"


def is_volume_id(text: str) -> bool:
    """Whether ``text`` is a well-formed FRUS volume id (see :data:`VOLUME_ID_PATTERN`)."""
    return VOLUME_ID_PATTERN.fullmatch(text) is not None


def volume_url(base_url: str, volume_id: str) -> str:
    """The URL of a volume's TEI file under ``base_url``."""
    return f"{base_url.rstrip('/')}/{volume_id}.xml"


def default_cache_dir() -> Path:
    """The platform's user cache directory for xref; ``XREF_CACHE_DIR`` overrides it.

    Linux and others: ``$XDG_CACHE_HOME/xref`` or ``~/.cache/xref``; macOS:
    ``~/Library/Caches/xref``; Windows: ``%LOCALAPPDATA%\\xref\\Cache``.
    """
    override = os.environ.get("XREF_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else Path.home() / "AppData" / "Local"
        return base / "xref" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "xref"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "xref"


def offline_from_env() -> bool:
    """Whether ``XREF_OFFLINE`` asks for offline mode (``1``, ``true``, ``yes`` or ``on``)."""
    return os.environ.get("XREF_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


class FetchStatus(enum.Enum):
    """What happened to one volume."""

    FETCHED = "fetched"
    """Downloaded (new or changed) and stored in the cache."""
    NOT_MODIFIED = "not modified"
    """The server answered 304 to a conditional request; the cached copy is current."""
    CACHED = "cached"
    """Served from the cache without asking the server (offline, or no refresh wanted)."""
    FAILED = "error"
    """Could not be fetched; see :attr:`FetchResult.error`."""


@frozen
class FetchResult:
    """The outcome of fetching one volume."""

    volume_id: str
    """The id asked for."""
    status: FetchStatus
    """What happened."""
    url: str
    """The URL the volume is fetched from (before any redirect)."""
    path: Path | None = None
    """The cached file, or ``None`` if there is none."""
    size: int = 0
    """Body bytes transferred (0 for a 304, a cache hit or a failure)."""
    error: FetchError | None = None
    """Why it failed, when ``status`` is :attr:`FetchStatus.FAILED`."""

    @property
    def ok(self) -> bool:
        """Whether the volume is available in the cache."""
        return self.status is not FetchStatus.FAILED


class _Retry(Exception):
    """Internal: this attempt failed in a way worth retrying."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


@frozen
class Retriever:
    """Fetches FRUS volumes into a cache directory; see the module docstring for the rules.

    Construct it once and share it (it is immutable and thread-safe). Without ``client``,
    each call opens and closes its own :class:`httpx.Client` (over ``transport`` if given);
    an injected client is used as is and never closed here.
    """

    base_url: str = field(default=DEFAULT_BASE_URL, validator=_check_base_url)
    """Volumes are fetched from ``{base_url}/{volume_id}.xml``."""
    cache_dir: Path = field(default=Factory(default_cache_dir), converter=Path)
    """Where volumes and their sidecars are kept; created when first written."""
    offline: bool = field(default=Factory(offline_from_env))
    """Never touch the network; only the cache. Defaults to ``XREF_OFFLINE``."""
    max_bytes: int = field(default=DEFAULT_MAX_BYTES, validator=_positive)
    """Refuse bodies larger than this (decoded bytes)."""
    timeout: float = field(default=30.0, validator=_positive)
    """httpx timeout for connecting and for each read, in seconds."""
    deadline: float = field(default=600.0, validator=_positive)
    """Wall-clock limit for one volume, in seconds: every attempt, wait, redirect, header and
    body byte included. At the deadline the volume fails at once, whatever the server does."""
    retries: int = field(default=4, validator=_not_negative)
    """Extra attempts after a retryable failure."""
    backoff: float = field(default=0.5, validator=_not_negative)
    """First retry delay in seconds; doubles each attempt, times a jitter in [0.5, 1)."""
    max_delay: float = field(default=30.0, validator=_not_negative)
    """Cap on any one wait between attempts, ``Retry-After`` included."""
    max_redirects: int = field(default=5, validator=_not_negative)
    """Redirects followed per attempt; one more is an error (this also ends loops)."""
    jobs: int = field(default=4, validator=_positive)
    """Volumes fetched at once by :meth:`fetch_many`."""
    client: httpx.Client | None = field(default=None, eq=False)
    """An httpx client to use instead of a fresh one per call."""
    transport: httpx.BaseTransport | None = field(default=None, eq=False)
    """Transport for the clients made here (e.g. :class:`httpx.MockTransport` in tests)."""
    sleep: Callable[[float], None] = field(default=time.sleep, eq=False)
    """How to wait between attempts (injectable so tests need not wait)."""
    on_progress: ProgressCallback | None = field(default=None, eq=False)
    """Called as body bytes arrive; may be called from several threads."""

    # -- public API -------------------------------------------------------------------------

    def url_for(self, volume_id: str) -> str:
        """The URL a volume is fetched from. Raises :class:`FetchError` for a bad id."""
        self._check_id(volume_id)
        return volume_url(self.base_url, volume_id)

    def cached_path(self, volume_id: str) -> Path:
        """Where a volume is (or would be) cached; no I/O. :class:`FetchError` for a bad id."""
        self._check_id(volume_id)
        return self.cache_dir / f"{volume_id}.xml"

    def missing(self, volume_ids: Iterable[str]) -> list[str]:
        """The ids among ``volume_ids`` that are not in the cache (invalid ids included)."""
        return [
            vid
            for vid in _unique(volume_ids)
            if not is_volume_id(vid) or not (self.cache_dir / f"{vid}.xml").is_file()
        ]

    def path_for(self, volume_id: str) -> Path:
        """The cached file of a volume, fetching it first if it is not cached.

        A cached volume is returned without asking the server (use :meth:`fetch` to
        revalidate). Raises :class:`FetchError` if the id is invalid or the volume can be
        neither found in the cache nor fetched.
        """
        result = self.fetch(volume_id, refresh=False)
        assert result.path is not None
        return result.path

    __call__ = path_for

    def fetch(self, volume_id: str, *, refresh: bool = True) -> FetchResult:
        """Fetch one volume into the cache; raises :class:`FetchError` if that fails.

        With ``refresh`` (the default) a cached volume is revalidated with a conditional
        request; without it, or when offline, a cached volume is returned as is.
        """
        with self._client() as client:
            result = self._fetch_one(client, volume_id, refresh)
        if result.error is not None:
            raise result.error
        return result

    def fetch_many(self, volume_ids: Iterable[str], *, refresh: bool = True) -> list[FetchResult]:
        """Fetch several volumes, at most :attr:`jobs` at a time; never raises :class:`FetchError`.

        Returns one result per distinct id, in the order given; failures are results with
        :attr:`FetchStatus.FAILED` and an ``error``.
        """
        ids = _unique(volume_ids)
        if not ids:
            return []
        stop = threading.Event()  # set on Ctrl-C or SIGTERM: every download stops at once
        with self._client() as client:
            if self.jobs == 1 or len(ids) == 1:
                return [self._fetch_one(client, vid, refresh, stop) for vid in ids]
            pool = ThreadPoolExecutor(max_workers=min(self.jobs, len(ids)))
            try:
                futures = [pool.submit(self._fetch_one, client, vid, refresh, stop) for vid in ids]
                return [f.result() for f in futures]
            except BaseException:
                stop.set()
                raise
            finally:
                pool.shutdown(wait=True, cancel_futures=True)

    # -- one volume -------------------------------------------------------------------------

    def _check_id(self, volume_id: str) -> None:
        if not is_volume_id(volume_id):
            raise FetchError(
                repr(volume_id),
                "not a FRUS volume id (expected e.g. frus1961-63v11: 'frus', a year, "
                "then letters, digits and hyphens)",
            )

    def _fetch_one(
        self,
        client: httpx.Client | None,
        volume_id: str,
        refresh: bool,
        stop: threading.Event | None = None,
    ) -> FetchResult:
        try:
            url = self.url_for(volume_id)
        except FetchError as exc:
            return FetchResult(volume_id, FetchStatus.FAILED, "", error=exc)
        path = self.cache_dir / f"{volume_id}.xml"
        if path.is_file() and (self.offline or not refresh):
            return FetchResult(volume_id, FetchStatus.CACHED, url, path)
        if self.offline:
            error = FetchError(url, f"not in the cache ({path}) and offline, so not fetched")
            return FetchResult(volume_id, FetchStatus.FAILED, url, error=error)
        assert client is not None
        bounded: Bounded[FetchResult] = Bounded(self.deadline, stop)
        try:
            return bounded.run(lambda b: self._download(client, volume_id, url, path, b))
        except TimeoutError:
            error = FetchError(
                url, f"took longer than {self.deadline:g} s, the deadline per volume "
                "(server too slow)"
            )
        except Cancelled:
            error = FetchError(url, "interrupted")
        except FetchError as exc:
            error = exc
        except OSError as exc:
            error = FetchError(url, f"cannot write the cache in {self.cache_dir}: {exc}")
            return FetchResult(volume_id, FetchStatus.FAILED, url, error=error)
        cached = path if path.is_file() else None
        return FetchResult(volume_id, FetchStatus.FAILED, url, cached, error=error)

    def _download(
        self, client: httpx.Client, volume_id: str, url: str, path: Path, bounded: Bounded[Any]
    ) -> FetchResult:
        headers = _conditional_headers(path, url)
        attempt = 0
        while True:
            try:
                return self._attempt(client, volume_id, url, path, headers, bounded)
            except _Retry as exc:
                tries = "1 attempt" if attempt == 0 else f"{attempt + 1} attempts"
                if attempt >= self.retries:
                    raise FetchError(url, f"{exc.reason} (gave up after {tries})") from None
                delay = self._delay(attempt, exc.retry_after)
                if delay >= bounded.remaining():
                    raise FetchError(
                        url, f"{exc.reason} (gave up after {tries}: waiting {delay:g} s more "
                        f"would pass the deadline of {self.deadline:g} s)"
                    ) from None
                if self.sleep is time.sleep:
                    bounded.sleep(delay)
                else:
                    self.sleep(delay)
                bounded.check()
                attempt += 1

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_delay)
        return min(self.backoff * 2.0**attempt, self.max_delay) * (0.5 + random.random() / 2)

    def _attempt(
        self,
        client: httpx.Client,
        volume_id: str,
        url: str,
        path: Path,
        headers: dict[str, str],
        bounded: Bounded[Any],
    ) -> FetchResult:
        current = url
        for _hop in range(self.max_redirects + 1):
            bounded.check()
            try:
                with client.stream(
                    "GET",
                    current,
                    headers={**headers, "Accept-Encoding": ACCEPT_ENCODING},
                    timeout=min(self.timeout, max(bounded.remaining(), 0.01)),
                    follow_redirects=False,
                ) as response:
                    if response.status_code in _REDIRECT_STATUSES:
                        current = _redirect_target(url, response)
                        continue
                    return self._receive(response, volume_id, url, path, bool(headers), bounded)
            except httpx.TimeoutException as exc:
                raise _Retry(f"timed out ({type(exc).__name__})") from None
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                raise _Retry(f"connection failed: {exc or type(exc).__name__}") from None
            except httpx.HTTPError as exc:
                raise FetchError(url, f"request failed: {exc or type(exc).__name__}") from exc
            except MemoryError:
                raise FetchError(url, "out of memory while receiving the body") from None
        raise FetchError(url, f"more than {self.max_redirects} redirects (a redirect loop?)")

    def _receive(
        self,
        response: httpx.Response,
        volume_id: str,
        url: str,
        path: Path,
        conditional: bool,
        bounded: Bounded[Any],
    ) -> FetchResult:
        status = response.status_code
        if status == 304:
            if not conditional or not path.is_file():
                raise FetchError(url, "HTTP 304 Not Modified for an unconditional request")
            return FetchResult(volume_id, FetchStatus.NOT_MODIFIED, url, path)
        if status in _RETRY_STATUSES or 500 <= status <= 599:
            raise _Retry(_status_text(response), _retry_after(response.headers.get("Retry-After")))
        if status == 404:
            raise FetchError(url, "no such volume on the server (HTTP 404 Not Found)")
        if status != 200:
            raise FetchError(url, f"unexpected {_status_text(response)}")
        total = _content_length(response)
        encoded = "Content-Encoding" in response.headers
        if total is not None and total > self.max_bytes and not encoded:
            raise FetchError(url, f"{total} bytes is over the size limit of {self.max_bytes}")
        size = self._store(response, volume_id, url, path, total, bounded)
        return FetchResult(volume_id, FetchStatus.FETCHED, url, path, size)

    def _store(
        self,
        response: httpx.Response,
        volume_id: str,
        url: str,
        path: Path,
        total: int | None,
        bounded: Bounded[Any],
    ) -> int:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_parts(self.cache_dir, volume_id)  # left by a killed fetch
        try:
            decoder = BodyDecoder(response.headers.get("Content-Encoding"))
        except UnsupportedEncoding as exc:
            raise FetchError(url, f"unsupported Content-Encoding: {exc}") from None
        fd, tmp_name = tempfile.mkstemp(
            dir=self.cache_dir, prefix=part_name(volume_id), suffix=".part"
        )
        tmp = Path(tmp_name)
        bounded.part = tmp
        try:
            checker = _TEIChecker(url)
            size = 0
            with os.fdopen(fd, "wb") as out:
                for chunk in _decoded(response, decoder, url):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(
                            url, f"body is over the size limit of {self.max_bytes} bytes"
                        )
                    bounded.check()
                    if bounded.remaining() <= 0:
                        raise FetchError(
                            url, f"download took longer than {self.deadline:g} s (server too slow)"
                        )
                    checker.feed(chunk)
                    out.write(chunk)
                    if self.on_progress is not None:
                        self.on_progress(volume_id, size, total)
                checker.close()
                out.flush()
                os.fsync(out.fileno())
            bounded.check()
            sidecar = path.with_suffix(".json")
            sidecar.unlink(missing_ok=True)  # never pair new content with old validators
            os.replace(tmp, path)
            _write_sidecar(sidecar, url, response, size)
            return size
        except InputError as exc:
            where = f" (line {exc.line}, column {exc.column})" if exc.line else ""
            raise FetchError(url, f"{exc.message}{where}") from None
        finally:
            bounded.part = None
            tmp.unlink(missing_ok=True)

    @contextmanager
    def _client(self) -> Iterator[httpx.Client | None]:
        if self.client is not None:
            yield self.client
        elif self.offline:
            yield None
        else:
            with httpx.Client(
                transport=self.transport,
                timeout=self.timeout,
                headers={"User-Agent": _USER_AGENT},
                follow_redirects=False,
            ) as client:
                yield client
