"""Worker processes that need nothing from the caller's ``__main__``.

Under the ``spawn`` and ``forkserver`` start methods (macOS, Windows, Python 3.14 on
Linux), each new worker process first runs the caller's main script again, so that objects
defined there can be unpickled. A script that calls ``xref.read_paths(..., jobs=2)`` at
top level, without an ``if __name__ == "__main__":`` guard, would then start workers from
its workers and fail (``RuntimeError: An attempt has been made to start a new process
before the current process has finished its bootstrapping phase``).

xref's workers run functions of xref's own modules only, so they do not need the main
script: :func:`workers_without_main` hides it from :mod:`multiprocessing` while the
workers are started, and the workers start from a clean interpreter that imports xref.
"""

from __future__ import annotations

import functools
import multiprocessing
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["defined_in_main", "workers_without_main"]


def defined_in_main(fn: Callable[..., Any]) -> bool:
    """Whether ``fn`` (or the function a :func:`functools.partial` wraps, or an argument
    of it) is defined in ``__main__``: then the workers need the main script after all."""
    while isinstance(fn, functools.partial):
        if any(getattr(a, "__module__", None) == "__main__" for a in fn.args):
            return True
        fn = fn.func
    return getattr(fn, "__module__", None) == "__main__"


@contextmanager
def workers_without_main(needed: bool = False) -> Iterator[None]:
    """While this block starts worker processes, they do not run the main script again.

    Does nothing under ``fork`` (workers are copies, nothing is run again) or when
    ``needed`` is true (the work itself is defined in ``__main__``).
    """
    # allow_none: asking must not fix the start method for the caller (set_start_method
    # would then fail); unset, the first of get_all_start_methods() is the default.
    method = (
        multiprocessing.get_start_method(allow_none=True)
        or multiprocessing.get_all_start_methods()[0]
    )
    main = sys.modules.get("__main__")
    if needed or method == "fork" or main is None:
        yield
        return
    sys.modules["__main__"] = types.ModuleType("__main__")  # no __file__, no __spec__
    try:
        yield
    finally:
        sys.modules["__main__"] = main
