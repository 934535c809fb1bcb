"""Run ``xref check``'s rules over several files at once, in forked worker processes.

The rules of one file need the whole corpus (cross-references, resolution against other
volumes), which is large and slow to send to another process. On systems that can ``fork``
(Linux, macOS), :func:`map_forked` starts workers *after* the corpus is built, so that each
inherits it for free (copy-on-write), and each worker sends back only its files' findings.
Elsewhere, or with one job, it runs in the calling process. The answers come back in input
order whatever order the workers finish in, so the output does not depend on ``jobs``.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["map_forked"]

T = TypeVar("T")

_TASK: Callable[[int], Any] | None = None


def _call(i: int) -> tuple[int, Any]:
    assert _TASK is not None
    return i, _TASK(i)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def map_forked(task: Callable[[int], T], weights: Sequence[int],
               jobs: int | None = None) -> list[T]:
    """``[task(0), task(1), ...]`` for each of ``weights``, in up to ``jobs`` forked workers.

    ``weights`` (e.g. file sizes) order the work, heaviest first, so the workers finish
    together. ``task`` may use anything the caller has built; it must return picklable data.
    """
    n = len(weights)
    workers = min(jobs if jobs is not None else _cores(), n)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [task(i) for i in range(n)]
    global _TASK
    _TASK = task
    order = sorted(range(n), key=lambda i: weights[i], reverse=True)
    out: list[Any] = [None] * n
    gc.freeze()  # the collector in a worker then leaves the inherited pages alone
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for i, result in pool.imap_unordered(_call, order):
                out[i] = result
    finally:
        gc.unfreeze()
        _TASK = None
    return out
