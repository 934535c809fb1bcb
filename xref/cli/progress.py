"""A progress line on standard error for the long commands, and their one-line summaries.

On a terminal, :class:`Progress` draws one line, redrawn in place at most five times a
second by a background thread (so the elapsed time moves even while one big file is being
read)::

    checking [########------------]  19/46 files  3,812 documents  0:12  ETA 0:17

Files done, documents, elapsed time, and the time left, estimated from the bytes of the
files done so far against all of them. When standard error is not a terminal, with
``--quiet``, or with ``TERM=dumb``, nothing is drawn and no thread is started: each call
is a test of one attribute, so a run into a pipe or a file pays nothing for it.

Written here rather than taken from a library (tqdm, rich): a line of status with two
counters is about a hundred lines, the library would be the fourth runtime dependency,
and its import would be paid by every command.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO

__all__ = ["Progress", "add_quiet_option", "count", "elapsed", "progress_for"]


def add_quiet_option(p: argparse.ArgumentParser) -> None:
    """``--quiet``/``-q``: no progress line and no summary on standard error."""
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress line and no summary on standard error")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 file``, ``2 files``, ``1,234 documents``."""
    word = noun if n == 1 else (plural or noun + "s")
    return f"{n:,} {word}"


def elapsed(seconds: float) -> str:
    """``0:07``, ``1:02:03``."""
    s = int(seconds)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02}:{s:02}" if h else f"{m}:{s:02}"


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class Progress:
    """A progress line in phases (``reading``, ``resolving``, ``checking`` ...).

    ``enabled`` false makes every method a no-op. Thread-safe.
    """

    WIDTH = 20
    """Characters of the bar."""
    INTERVAL = 0.2
    """Seconds between redraws by the background thread."""

    def __init__(self, stream: IO[str], enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.started = time.monotonic()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None
        self.label = ""
        self.unit = "files"
        self.total: int | None = None
        self.done = 0
        self.documents = 0
        self.total_bytes = 0
        self.bytes_done = 0
        self.phase_started = self.started
        self.sizes: dict[str, int] = {}
        self.drawn = False

    # -- phases and counts ------------------------------------------------------------------
    def phase(
        self,
        label: str,
        files: Iterable[str | Path] | None = None,
        *,
        total: int | None = None,
        unit: str = "files",
    ) -> None:
        """Start a phase: over ``files`` (their sizes drive the ETA), or ``total`` items of
        ``unit``, or of unknown length (neither: elapsed time only)."""
        if not self.enabled:
            return
        with self.lock:
            self.label = label
            self.unit = unit
            self.done = 0
            self.documents = 0
            self.bytes_done = 0
            self.phase_started = time.monotonic()
            if files is not None:
                names = [str(f) for f in files]
                self.sizes = {f: _size(f) for f in names}
                self.total = len(names)
                self.total_bytes = sum(self.sizes.values())
            else:
                self.sizes = {}
                self.total = total
                self.total_bytes = 0
        self._draw()
        if self.thread is None:
            self.thread = threading.Thread(target=self._tick, name="xref-progress", daemon=True)
            self.thread.start()

    def advance(self, path: str | None = None, *, documents: int = 0, items: int = 1) -> None:
        """``items`` done (a file: ``path``, whose size moves the ETA), with ``documents``."""
        if not self.enabled:
            return
        with self.lock:
            self.done += items
            self.documents += documents
            if path is not None:
                self.bytes_done += self.sizes.get(str(path), 0)

    def close(self) -> None:
        """Stop redrawing and erase the line."""
        if not self.enabled:
            return
        self.stop.set()
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        with self.lock:
            if self.drawn:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
                self.drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- drawing ----------------------------------------------------------------------------
    def line(self) -> str:
        """The line as it would be drawn now."""
        now = time.monotonic()
        parts = [f"{self.label:<9}"]
        share = 0.0
        if self.total:
            if self.total_bytes:
                share = self.bytes_done / self.total_bytes
            else:
                share = self.done / self.total
            share = min(max(share, 0.0), 1.0)
            fill = int(share * self.WIDTH)
            parts.append("[" + "#" * fill + "-" * (self.WIDTH - fill) + "]")
            parts.append(f"{self.done:,}/{self.total:,} {self.unit}")
        elif self.done:
            parts.append(f"{self.done:,} {self.unit}")
        if self.documents:
            parts.append(count(self.documents, "document"))
        parts.append(elapsed(now - self.started))
        if self.total and 0 < share < 1:
            spent = now - self.phase_started
            parts.append("ETA " + elapsed(spent * (1 - share) / share))
        return "  ".join(parts)

    def _draw(self) -> None:
        with self.lock:
            text = self.line()
            try:
                columns = os.get_terminal_size(self.stream.fileno()).columns
            except (OSError, ValueError, AttributeError):
                columns = 100
            self.stream.write("\r\x1b[K" + text[: max(columns - 1, 10)])
            self.stream.flush()
            self.drawn = True

    def _tick(self) -> None:
        while not self.stop.wait(self.INTERVAL):
            self._draw()


def progress_for(quiet: bool = False, stream: IO[str] | None = None) -> Progress:
    """A :class:`Progress` drawn on ``stream`` (standard error) if it is a terminal and
    neither ``quiet`` nor ``TERM=dumb``; otherwise one that does nothing."""
    out = stream if stream is not None else sys.stderr
    try:
        tty = out.isatty()
    except (AttributeError, ValueError):
        tty = False
    return Progress(out, tty and not quiet and os.environ.get("TERM") != "dumb")
