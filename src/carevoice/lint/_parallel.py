"""Lint files on two cores: this process takes one share of the files, a forked copy of it the other.

A fork starts with everything this process has imported and cached, so it costs a few milliseconds,
and each share is linted exactly as it would be alone (results come back in the files' order, so
the report is the same). Where fork is missing or unsafe (another thread running), with one core,
or when the copy fails in any way, this process lints every file itself.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["map_two", "split"]

T = TypeVar("T")
R = TypeVar("R")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def split(weights: Sequence[int]) -> tuple[list[int], list[int]]:
    """Indexes of two shares of about equal weight (heaviest first to the lighter share), each in order."""
    shares: tuple[list[int], list[int]] = ([], [])
    totals = [0, 0]
    for i in sorted(range(len(weights)), key=lambda i: (-weights[i], i)):
        side = 0 if totals[0] <= totals[1] else 1
        shares[side].append(i)
        totals[side] += weights[i]
    return sorted(shares[0]), sorted(shares[1])


MIN_WEIGHT = 200_000
"""Less work than this (bytes of bank files) is not worth a second process."""


def map_two(fn: Callable[[T], R], items: Sequence[T], weights: Sequence[int]) -> list[R]:
    """``[fn(x) for x in items]``, on two processes when that can help; ``fn`` must be deterministic."""
    if (len(items) < 2 or sum(weights) < MIN_WEIGHT or not hasattr(os, "fork") or _cores() < 2
            or threading.active_count() > 1):
        return [fn(x) for x in items]
    mine, theirs = split(weights)
    if not mine or not theirs:
        return [fn(x) for x in items]
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return [fn(x) for x in items]
    if pid == 0:  # the copy: lint its share, send the results, leave without running any exit handler
        os.close(read_end)
        try:
            data = pickle.dumps([fn(items[i]) for i in theirs], protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # any failure: this process lints the share again and reports what happens
            data = b""
        try:
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(write_end)
    results: dict[int, R] = {}
    try:
        for i in mine:
            results[i] = fn(items[i])
    finally:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
    try:
        theirs_results: list[R] = pickle.loads(data) if data else []
    except Exception:  # a broken copy: lint its share here
        theirs_results = []
    if len(theirs_results) != len(theirs):
        theirs_results = [fn(items[i]) for i in theirs]
    results.update(zip(theirs, theirs_results, strict=True))
    return [results[i] for i in range(len(items))]
