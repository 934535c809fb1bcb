"""Writing outputs safely: whole or not at all, one writer at a time, never over an input.

Every file (or directory of files) xref writes goes through :func:`output_path`:

* the output is written to a temporary name in the target's own directory
  (``.NAME.PID.xref-tmp``), flushed to disk (``fsync``) and only then renamed over the target,
  so after any failure or kill the target holds its old content, or does not exist;
* a writer holds an exclusive lock (``flock`` on ``.NAME.xref-lock`` beside the target) while
  it writes; a second writer to the same path is refused at once with a message naming the
  path and the process holding it (the lock dies with its process, so a killed writer never
  blocks the next one, and the next one removes what the killed one left);
* SIGTERM during a write stops it cleanly: the temporary file is removed, the target untouched;
* any failure (a full disk, a read-only or missing directory, a file where a directory is
  wanted, an SQLite error) is one :class:`OutputError` naming the target: the command line
  prints it as one line and exits with status 2.

:func:`refuse_inputs` refuses, before anything is read, an output that is also an input.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import signal
import sqlite3
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from xref.errors import XrefError

if sys.platform != "win32":
    import fcntl

__all__ = [
    "OutputError", "output_path", "refuse_inputs", "sigterm_raises", "write_bytes", "write_text",
]

_TMP = ".xref-tmp"
_LOCK = ".xref-lock"


class OutputError(XrefError):
    """An output could not be written (or may not be): the path, and why."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"cannot write {self.path}: {reason}")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) or type(exc).__name__


def refuse_inputs(output: str | Path | None, inputs: Iterable[str | Path]) -> None:
    """Raise :class:`OutputError` if ``output`` is one of ``inputs`` or a file read from one.

    ``-`` (standard output) and None are never refused. A directory input refuses an output
    inside it that it would read (a ``.xml`` or ``.txt`` file there).
    """
    if output is None or str(output) == "-":
        return
    from xref.read.sources import SUFFIXES

    out = Path(output).resolve()
    for given in inputs:
        p = Path(given)
        try:
            same = out == p.resolve() or (out.exists() and p.exists() and out.samefile(p))
        except OSError:
            same = False
        if same:
            raise OutputError(output, f"it is also an input ({given}); choose another -o")
        if p.is_dir() and out.suffix.lower() in SUFFIXES and p.resolve() in out.parents:
            raise OutputError(output, f"it would be read as an input (inside {given})")


class _Terminated(SystemExit):
    """Raised by the SIGTERM handler installed while an output is written."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated(128 + signum)


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """While the block runs (in the main thread), SIGTERM raises ``SystemExit(143)``: the
    ``finally`` clauses that remove temporary files run, and the process exits with 143."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def _lock(target: Path) -> int:
    """Take the writer's lock of ``target``; refuse if another process holds it."""
    lock = target.with_name(f".{target.name}{_LOCK}")
    while True:
        if sys.platform == "win32":  # no flock: the lock file itself is the lock
            try:
                fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                raise OutputError(
                    target, f"another xref process is writing it (or one was killed: remove {lock})"
                ) from None
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            return fd
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise OutputError(
                target, f"another xref process (pid {holder}) is writing it; try again later"
            ) from None
        mine = os.fstat(fd)
        try:
            now = os.stat(lock)
        except FileNotFoundError:
            now = None
        if now is not None and (now.st_ino, now.st_dev) == (mine.st_ino, mine.st_dev):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            return fd
        os.close(fd)  # the lock file was replaced while we waited: take the new one


def _unlock(target: Path, fd: int) -> None:
    if sys.platform == "win32":  # an open file cannot be removed there
        os.close(fd)
    with contextlib.suppress(OSError):  # removed while still locked: no one waits on a ghost
        os.unlink(target.with_name(f".{target.name}{_LOCK}"))
    if sys.platform != "win32":
        os.close(fd)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _commit(tmp: Path, target: Path) -> None:
    """Move the finished ``tmp`` (a file, or a directory of files) onto ``target``."""
    if tmp.is_dir():
        for f in tmp.iterdir():
            _fsync(f)
        if not target.exists():
            os.replace(tmp, target)
        elif not target.is_dir():
            raise OutputError(target, "it exists and is not a directory")
        else:
            for f in sorted(tmp.iterdir()):
                os.replace(f, target / f.name)
            tmp.rmdir()
    else:
        _fsync(tmp)
        if target.is_dir():
            raise OutputError(target, "it is a directory")
        os.replace(tmp, target)
    with contextlib.suppress(OSError):
        _fsync(target.parent)


@contextlib.contextmanager
def output_path(path: str | Path) -> Iterator[Path]:
    """A temporary path to write instead of ``path``; renamed onto it when the block ends well.

    The temporary path keeps ``path``'s suffix (writers that choose a format by suffix see the
    same one). The caller may make it a file or a directory. If the block raises, or the
    process gets SIGTERM, the temporary is removed and ``path`` is left as it was. Errors of
    the file system or of SQLite become :class:`OutputError` naming ``path``.
    """
    target = Path(path)
    parent = target.parent
    if not parent.exists():
        raise OutputError(path, f"its directory {str(parent)!r} does not exist")
    if not parent.is_dir():
        raise OutputError(path, f"{str(parent)!r} is not a directory")
    stem = f".{target.name}."
    tmp = parent / f"{stem}{os.getpid()}{_TMP}{target.suffix}"
    fd = -1
    try:
        with sigterm_raises():
            fd = _lock(target)
            for stale in parent.glob(f"{glob.escape(stem)}*{_TMP}*"):
                _remove(stale)  # left by a writer that was killed: we hold the lock now
            try:
                yield tmp
                _commit(tmp, target)
            finally:
                _remove(tmp)
                _unlock(target, fd)
    except OutputError:
        raise
    except (OSError, sqlite3.Error) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            raise
        raise OutputError(path, _reason(exc)) from None


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (see :func:`output_path`)."""
    with output_path(path) as tmp, open(tmp, "wb") as out:
        out.write(data)


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` whole or not at all (see :func:`output_path`)."""
    write_bytes(path, text.encode("utf-8"))
