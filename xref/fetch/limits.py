"""Bounds for :mod:`xref.fetch`: time per volume, memory per body, files left behind.

* :class:`Bounded` runs one volume's download in a daemon thread and waits for it at most
  the volume's deadline, headers included (httpx's timeouts are per read: a server dripping
  a header byte every second never trips them). Whoever waits can give up at once (the
  deadline, Ctrl-C, SIGTERM, another volume's failure): the download is told to stop, its
  ``.part`` file is removed there and then, and the thread, if blocked in a read, is left to
  die with the connection or the process.
* :class:`BodyDecoder` undoes any layering of ``Content-Encoding`` (``gzip, gzip`` ...)
  with a bounded output per step, so the size cap holds before memory is spent: a few KB
  of nested gzip cannot become gigabytes.
* :func:`part_name` and :func:`remove_stale_parts`: ``.part`` files carry their writer's
  pid; those of processes that no longer run (killed with SIGKILL) are removed by the next
  fetch of the same volume.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Generic, TypeVar

__all__ = [
    "ACCEPT_ENCODING",
    "Bounded",
    "BodyDecoder",
    "Cancelled",
    "UnsupportedEncoding",
    "part_name",
    "remove_stale_parts",
]

T = TypeVar("T")

ACCEPT_ENCODING = "gzip, deflate"
"""The content codings asked for (and the only ones decoded)."""

_PIECE = 64 * 1024
_MAX_LAYERS = 8
_POLL = 0.05


class Cancelled(Exception):
    """Raised inside a download told to stop."""


class UnsupportedEncoding(Exception):
    """A ``Content-Encoding`` that is not gzip, deflate or identity."""


class Bounded(Generic[T]):
    """One download in a daemon thread, waited for at most ``seconds``.

    ``run(work)`` calls ``work(self)`` in the thread; the work checks :meth:`check` between
    steps and registers its temporary file with :attr:`part`. :meth:`wait` returns its result
    or raises its exception, :class:`TimeoutError` at the deadline, or whatever interrupts
    the waiting thread (KeyboardInterrupt, SystemExit); in the last two cases, and when
    ``stop`` is set, the download is cancelled and its part file removed first.
    """

    def __init__(self, seconds: float, stop: threading.Event | None = None) -> None:
        self.deadline = time.monotonic() + seconds
        self.cancelled = threading.Event()
        self.stop = stop
        self.part: Path | None = None
        self._box: queue.SimpleQueue[tuple[bool, object]] = queue.SimpleQueue()

    def remaining(self) -> float:
        """Seconds left before the deadline (never negative)."""
        return max(self.deadline - time.monotonic(), 0.0)

    def check(self) -> None:
        """Raise :class:`Cancelled` if the download should stop."""
        if self.cancelled.is_set():
            raise Cancelled()

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` (or until cancelled)."""
        if self.cancelled.wait(seconds):
            raise Cancelled()

    def run(self, work: Callable[[Bounded[T]], T]) -> T:
        """Run ``work(self)`` in a daemon thread and :meth:`wait` for it."""

        def target() -> None:
            try:
                self._box.put((True, work(self)))
            except BaseException as exc:  # handed to the waiting thread
                self._box.put((False, exc))

        threading.Thread(target=target, name="xref-fetch", daemon=True).start()
        return self.wait()

    def wait(self) -> T:
        """The work's result; see the class docstring for what else may happen."""
        try:
            while True:
                if self.stop is not None and self.stop.is_set():
                    raise Cancelled()
                left = self.remaining()
                if left <= 0:
                    raise TimeoutError()
                try:
                    ok, value = self._box.get(timeout=min(left, _POLL))
                except queue.Empty:
                    continue
                if ok:
                    return value  # type: ignore[return-value]
                assert isinstance(value, BaseException)
                raise value
        except BaseException:
            self.cancel()
            raise

    def cancel(self) -> None:
        """Tell the download to stop and remove its part file now."""
        self.cancelled.set()
        part = self.part
        if part is not None:
            with contextlib.suppress(OSError):
                part.unlink()


# -- content decoding ---------------------------------------------------------------------------


class _Layer:
    """One content coding, decoded in pieces of at most ``_PIECE`` bytes."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self.fallback = coding == "deflate"  # zlib-wrapped, or raw deflate (as httpx reads it)
        self.d = self._new()

    def _new(self) -> zlib._Decompress:
        if self.coding == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(zlib.MAX_WBITS if self.fallback else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            try:
                out = self.d.decompress(data, _PIECE)
            except zlib.error:
                if not self.fallback:
                    raise
                self.fallback = False
                self.d = self._new()
                continue
            self.fallback = False
            if out:
                yield out
            if self.d.eof:
                data = self.d.unused_data
                if data and self.coding == "gzip":  # another gzip member
                    self.d = self._new()
                    continue
                return
            data = self.d.unconsumed_tail

    def flush(self) -> Iterator[bytes]:
        out = self.d.flush()
        if out:
            yield out


class BodyDecoder:
    """Undo a ``Content-Encoding`` header's codings, last applied first, in bounded pieces.

    Raises :class:`UnsupportedEncoding` for a coding other than gzip, deflate or identity,
    and ``zlib.error`` for a corrupt body.
    """

    def __init__(self, header: str | None) -> None:
        names = [c.strip().lower() for c in re.split(r",", header or "") if c.strip()]
        if len(names) > _MAX_LAYERS:
            raise UnsupportedEncoding(f"{len(names)} layers of content coding")
        layers = []
        for name in names:
            if name == "identity":
                continue
            if name in ("gzip", "x-gzip"):
                layers.append(_Layer("gzip"))
            elif name == "deflate":
                layers.append(_Layer("deflate"))
            else:
                raise UnsupportedEncoding(name)
        self.layers = list(reversed(layers))

    def _through(self, data: bytes, start: int) -> Iterator[bytes]:
        if start == len(self.layers):
            yield data
            return
        for piece in self.layers[start].feed(data):
            yield from self._through(piece, start + 1)

    def feed(self, raw: bytes) -> Iterator[bytes]:
        """The decoded bytes of ``raw``, in pieces of at most 64 KB."""
        yield from self._through(raw, 0)

    def flush(self) -> Iterator[bytes]:
        """What the layers still hold at the end of the body."""
        for i, layer in enumerate(self.layers):
            for piece in layer.flush():
                yield from self._through(piece, i + 1)


# -- part files ---------------------------------------------------------------------------------

_PART = re.compile(r"^\.(?P<id>.+)\.(?P<pid>\d+)\.[^.]*\.part$")


def part_name(stem: str) -> str:
    """The prefix of a temporary file for ``stem``, with this process's pid."""
    return f".{stem}.{os.getpid()}."


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_parts(folder: Path, stem: str) -> list[Path]:
    """Remove ``folder``'s part files of ``stem`` whose writer no longer runs; return them."""
    removed: list[Path] = []
    try:
        names = [p for p in folder.iterdir() if p.name.startswith(f".{stem}.")]
    except OSError:
        return removed
    for p in names:
        m = _PART.match(p.name)
        if m is None or m.group("id") != stem:
            continue
        pid = int(m.group("pid"))
        if pid != os.getpid() and not _alive(pid):
            with contextlib.suppress(OSError):
                p.unlink()
                removed.append(p)
    return removed
