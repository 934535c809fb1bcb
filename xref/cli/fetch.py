"""``xref fetch VOLUME_ID...``: download FRUS TEI volumes into the cache.

Prints one line per volume on stdout (``fetched``, ``not modified``, ``cached`` or
``error``) and exits 0, or 2 if any volume failed. With ``--offline`` (or
``XREF_OFFLINE=1``) nothing is downloaded and missing volumes are errors. On a terminal a
progress line is drawn on stderr.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING

from xref.fetch.client import (
    DEFAULT_BASE_URL,
    FetchResult,
    FetchStatus,
    Retriever,
    default_cache_dir,
    offline_from_env,
)
from xref.outputs import sigterm_raises

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["Progress", "add_parser", "format_result", "progress_for", "run"]


def _jobs(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 32:
        raise argparse.ArgumentTypeError(f"must be between 1 and 32, not {value}")
    return value


def add_parser(subparsers: Subparsers) -> None:
    """Register ``fetch``."""
    parser = subparsers.add_parser(
        "fetch",
        help="download FRUS TEI volumes into the local cache",
        description=(
            "Download FRUS TEI volumes into the cache. Prints one line per volume "
            "(fetched, not modified, cached or error) and exits 0, or 2 if any failed."
        ),
    )
    parser.add_argument("volumes", nargs="+", metavar="VOLUME_ID", help="e.g. frus1961-63v11")
    parser.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        metavar="URL",
        help="where volumes live, as URL/VOLUME_ID.xml (default: %(default)s)",
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="cache directory (default: $XREF_CACHE_DIR or the platform's user cache)",
    )
    parser.add_argument(
        "--jobs", "-j", type=_jobs, default=4, metavar="N", help="fetch N volumes at once"
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="use only the cache and report what is missing (also XREF_OFFLINE=1)",
    )
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress line and no summary on standard error")
    parser.set_defaults(func=run)


def format_result(result: FetchResult) -> str:
    """One line of output for one volume."""
    status = result.status.value
    if result.status is FetchStatus.FAILED:
        return f"{status:<12}  {result.volume_id}: {result.error}"
    size = f"  ({_megabytes(result.size)})" if result.status is FetchStatus.FETCHED else ""
    return f"{status:<12}  {result.volume_id}  {result.path}{size}"


def run(args: argparse.Namespace) -> int:
    """Fetch the volumes named on the command line."""
    progress = None if args.quiet else progress_for(sys.stderr, len(args.volumes))
    try:
        retriever = Retriever(
            base_url=args.base_url,
            cache_dir=args.cache_dir or default_cache_dir(),
            offline=args.offline or offline_from_env(),
            jobs=args.jobs,
            on_progress=progress,
        )
    except ValueError as exc:
        print(f"xref fetch: error: {exc}", file=sys.stderr)
        return 2
    try:
        with sigterm_raises():  # SIGTERM stops the downloads and removes their .part files
            results = retriever.fetch_many(args.volumes)
    finally:
        if progress is not None:
            progress.finish()
    for result in results:
        print(format_result(result))
    if not args.quiet:
        sys.stdout.flush()
        by = {status: sum(1 for r in results if r.status is status) for status in FetchStatus}
        shown = ", ".join(f"{n} {status.value}" for status, n in by.items())
        print(f"xref fetch: {len(results)} volumes ({shown})", file=sys.stderr)
    return 0 if all(result.ok for result in results) else 2


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.1f} kB"


class Progress:
    """A one-line progress display: the volume last heard from and its bytes so far.

    Thread-safe, redrawn at most ten times a second, and cleared by :meth:`finish`.
    """

    def __init__(self, stream: IO[str], volumes: int = 0) -> None:
        self.stream = stream
        self.lock = threading.Lock()
        self.last = 0.0
        self.drawn = False
        self.volumes = volumes
        self.done: set[str] = set()
        self.started = time.monotonic()

    def __call__(self, volume_id: str, size: int, total: int | None) -> None:
        now = time.monotonic()
        with self.lock:
            if total is not None and size == total:
                self.done.add(volume_id)
            if now - self.last < 0.1 and size != total:
                return
            self.last = now
            of = f" of {_megabytes(total)}" if total else ""
            count = f"  {len(self.done)}/{self.volumes} volumes" if self.volumes > 1 else ""
            spent = int(now - self.started)
            self.stream.write(
                f"\r\x1b[Kfetching {volume_id}: {_megabytes(size)}{of}{count}"
                f"  {spent // 60}:{spent % 60:02}"
            )
            self.stream.flush()
            self.drawn = True

    def finish(self) -> None:
        """Erase the progress line if one was drawn."""
        with self.lock:
            if self.drawn:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
                self.drawn = False


def progress_for(stream: IO[str], volumes: int = 0) -> Progress | None:
    """A :class:`Progress` on ``stream`` if it is a terminal, else ``None``."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return Progress(stream, volumes) if tty else None
