"""The helpers of :mod:`xref.fetch.client`: HTTP response details, the cache's sidecar files
(URL, ``ETag``, ``Last-Modified``) and the check that a downloaded file is a safe TEI volume
(:func:`check_volume_file`).
"""

from __future__ import annotations

import email.utils
import json
import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

import httpx

from xref.errors import FetchError, InputError, UnsafeXMLError
from xref.fetch.limits import BodyDecoder, part_name

TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0"
_CHUNK = 64 * 1024


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _status_text(response: httpx.Response) -> str:
    phrase = response.reason_phrase
    return f"HTTP {response.status_code}" + (f" {phrase}" if phrase else "")


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("Content-Length", "")
    return int(value) if value.isdigit() else None


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


def _redirect_target(url: str, response: httpx.Response) -> str:
    location = response.headers.get("Location")
    if not location:
        raise FetchError(url, f"{_status_text(response)} without a Location header")
    try:
        target = response.url.join(location)
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"redirect to an invalid URL {location!r}: {exc}") from None
    if target.scheme not in ("http", "https"):
        raise FetchError(url, f"redirect to a non-HTTP URL refused: {location!r}")
    return str(target)


def _read_sidecar(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _conditional_headers(path: Path, url: str) -> dict[str, str]:
    """``If-None-Match``/``If-Modified-Since`` for a cached copy that came from ``url``."""
    if not path.is_file():
        return {}
    meta = _read_sidecar(path)
    if meta.get("url") != url:
        return {}
    headers = {}
    if isinstance(meta.get("etag"), str):
        headers["If-None-Match"] = meta["etag"]
    if isinstance(meta.get("last_modified"), str):
        headers["If-Modified-Since"] = meta["last_modified"]
    return headers


def _write_sidecar(sidecar: Path, url: str, response: httpx.Response, size: int) -> None:
    meta = {
        "url": url,
        "final_url": str(response.url),
        "etag": response.headers.get("ETag"),
        "last_modified": response.headers.get("Last-Modified"),
        "size": size,
        "fetched": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    fd, tmp_name = tempfile.mkstemp(
        dir=sidecar.parent, prefix=part_name(sidecar.stem), suffix=".part"
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(meta, out, indent=2)
        os.replace(tmp_name, sidecar)
    finally:
        Path(tmp_name).unlink(missing_ok=True)


class _TEIChecker:
    """Incremental well-formedness check: no DTD or entity declarations, a TEI root element."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.root: str | None = None
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._refuse_doctype
        parser.EntityDeclHandler = self._refuse_entity
        parser.ExternalEntityRefHandler = self._refuse_external
        parser.StartElementHandler = self._start
        self.parser = parser

    def _error(self, message: str, cls: type[InputError] = InputError) -> InputError:
        p = self.parser
        return cls(self.name, message, p.CurrentLineNumber, p.CurrentColumnNumber + 1)

    def _refuse_doctype(self, name: str, *_args: object) -> None:
        if name.lower() == "html":
            raise self._error("an HTML page, not a TEI volume")
        raise self._error("a DOCTYPE declaration was refused (no DTDs in volumes)", UnsafeXMLError)

    def _refuse_entity(self, *_args: object) -> None:
        raise self._error("an entity declaration was refused", UnsafeXMLError)

    def _refuse_external(self, *_args: object) -> int:
        raise self._error("an external entity reference was refused", UnsafeXMLError)

    def _start(self, name: str, _attrs: object) -> None:
        if self.root is None:
            self.root = name
            if name != f"{TEI_NAMESPACE} TEI":
                local = name.rpartition(" ")[2]
                raise self._error(f"not a TEI volume: the root element is <{local}>, not <TEI>")
            self.parser.StartElementHandler = None

    def feed(self, data: bytes, final: bool = False) -> None:
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError as exc:
            raise InputError(
                self.name,
                f"not well-formed XML: {expat.ErrorString(exc.code)}",
                exc.lineno,
                exc.offset + 1,
            ) from None

    def close(self) -> None:
        self.feed(b"", final=True)


def check_volume_file(path: str | os.PathLike[str]) -> None:
    """Check that a file is a well-formed TEI volume without DTDs or entity declarations.

    Streams the file, so memory use does not grow with its size. Raises
    :class:`~xref.errors.UnsafeXMLError` for a DTD or entity declaration and
    :class:`~xref.errors.InputError` for anything else wrong (or an unreadable file).
    """
    checker = _TEIChecker(os.fspath(path))
    try:
        stream: IO[bytes]
        with open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                checker.feed(chunk)
    except OSError as exc:
        raise InputError(os.fspath(path), f"cannot read: {exc.strerror or exc}") from None
    checker.close()


def _check_base_url(_instance: object, _attribute: object, value: str) -> None:
    scheme = httpx.URL(value).scheme
    if scheme not in ("http", "https"):
        raise ValueError(f"base URL must be http or https, not {scheme or 'relative'}: {value!r}")


def _positive(_instance: object, attribute: Any, value: float) -> None:
    if value <= 0:
        raise ValueError(f"{attribute.name} must be positive, got {value!r}")


def _not_negative(_instance: object, attribute: Any, value: float) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value!r}")



def _decoded(response: httpx.Response, decoder: BodyDecoder, url: str) -> Iterator[bytes]:
    """The body's bytes with every content coding undone, in bounded pieces."""
    if response.is_stream_consumed:  # a body already in memory (httpx.MockTransport): decoded
        yield from response.iter_bytes(_CHUNK)
        return
    try:
        for raw in response.iter_raw(_CHUNK):
            yield from decoder.feed(raw)
        yield from decoder.flush()
    except zlib.error as exc:
        coding = response.headers.get("Content-Encoding")
        raise FetchError(url, f"corrupt {coding} body: {exc}") from None
