"""``fork_map``: tasks over what the caller built, in forked workers, answers in input order."""

from __future__ import annotations

import os

import pytest

from xref.read.forked import fork_map, forking


def test_answers_in_input_order_from_inherited_state() -> None:
    """Workers see what the caller built before the map (a local list, never pickled) and
    the answers come back in input order, though the heaviest task is run first."""
    built = [f"text {i}" * (i + 1) for i in range(7)]
    weights = [len(t) for t in built]
    answers = list(fork_map(lambda i: (built[i].upper(), os.getpid()), weights, jobs=2))
    assert [a for a, _ in answers] == [t.upper() for t in built]
    if forking():
        assert {pid for _, pid in answers} - {os.getpid()}, "no task ran in a worker"


def test_one_job_runs_here() -> None:
    """With one job every task runs in this process, one after the other, in order."""
    seen: list[int] = []

    def task(i: int) -> int:
        seen.append(i)
        return os.getpid()

    assert list(fork_map(task, [1, 5, 3], jobs=1)) == [os.getpid()] * 3
    assert seen == [0, 1, 2]


def test_a_failing_task_raises_in_the_caller() -> None:
    """An exception in a worker is raised where the answers are read."""

    def task(i: int) -> int:
        if i == 2:
            raise ValueError("task 2 failed")
        return i

    with pytest.raises(ValueError, match="task 2 failed"):
        list(fork_map(task, [1, 1, 1, 1], jobs=2))
