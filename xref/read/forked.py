"""Work on what this process has already read, in forked worker processes.

Resolving needs the whole corpus and the documents already read; sending them to other
processes costs more than the work. Where ``fork`` exists (Linux, macOS), :func:`fork_map`
starts its workers *after* the caller has built them, so that each worker inherits them
for free (copy-on-write) and only the answers travel back. Elsewhere, or with one job, it
runs in the calling process. Answers come in input order whatever order the workers finish
in, so what the caller writes does not depend on the number of jobs.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

__all__ = ["collector_paused", "fork_map", "forking"]

T = TypeVar("T")
_TASK: Callable[[int], Any] | None = None


def forking() -> bool:
    """Whether worker processes can be forked here."""
    return "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (if it runs), and restore it after.

    For a whole run over a corpus (``graph``, ``resolve``): what it builds (documents,
    citations, resolutions, edges, nodes) holds no reference cycles, so reference counting
    frees all of it, while each full collection would walk every live object of the corpus
    again (about a tenth of ``graph --jobs 1``, bench/RESULTS.md 14m). Forked workers
    inherit the pause.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _call(i: int) -> tuple[int, Any]:
    assert _TASK is not None
    return i, _TASK(i)


def fork_map(task: Callable[[int], T], weights: Sequence[int], jobs: int) -> Iterator[T]:
    """Yield ``task(0)``, ``task(1)``, ... (one for each of ``weights``) in that order, the
    tasks run by up to ``jobs`` forked workers, heaviest ``weights`` first.

    ``task`` may use anything the caller has built; what it returns must be picklable. Each
    answer is yielded as soon as it and all those before it are done.
    """
    n = len(weights)
    workers = min(jobs, n)
    if workers <= 1 or not forking():
        for i in range(n):
            yield task(i)
        return
    global _TASK
    if _TASK is not None:  # pragma: no cover - nested use: run here instead
        for i in range(n):
            yield task(i)
        return
    _TASK = task
    order = sorted(range(n), key=lambda i: weights[i], reverse=True)
    waiting: dict[int, Any] = {}
    following = 0
    gc.freeze()  # the collector in a worker then leaves the inherited pages alone
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for i, result in pool.imap_unordered(_call, order):
                waiting[i] = result
                while following in waiting:
                    yield waiting.pop(following)
                    following += 1
    finally:
        gc.unfreeze()
        _TASK = None
