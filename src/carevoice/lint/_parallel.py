"""Lint files on two cores: this process and a forked copy of it take files from one queue.

A fork starts with everything this process has imported and cached, so it costs a few milliseconds.
The queue is a pipe of file numbers, heaviest first, read four bytes at a time by both processes
(each read takes one whole number); each file is linted exactly as it would be alone, and results
are put back in the files' order, so the report is the same. Where fork is missing or unsafe
(another thread running), with one core, for a small run, or when the copy fails in any way, this
process lints the files itself. What the copy learnt for the user cache (``hand_back``) comes back
with its results, for the first process to store (``take_back``).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

__all__ = ["MIN_WEIGHT", "map_two"]

T = TypeVar("T")
R = TypeVar("R")

MIN_WEIGHT = 200_000
"""Less work than this (bytes of bank files) is not worth a second process."""

_MAX_ITEMS = 1024
"""Queues longer than this would not fit in a pipe's buffer (4 bytes a number): linted in one process."""


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _drain(queue: int, fn: Callable[[T], R], items: Sequence[T], out: dict[int, R]) -> None:
    while True:
        token = os.read(queue, 4)
        if len(token) < 4:
            return
        i = int.from_bytes(token, "little")
        out[i] = fn(items[i])


def map_two(fn: Callable[[T], R], items: Sequence[T], weights: Sequence[int],
            prepare: Callable[[], object] | None = None, hand_back: Callable[[], object] | None = None,
            take_back: Callable[[object], object] | None = None) -> list[R]:
    """``[fn(x) for x in items]``, on two processes when that can help; ``fn`` must be deterministic.

    ``prepare`` runs first, in this process, when the work is shared: what it caches, both processes have.
    When the copy has done its share, ``hand_back()`` (there) is sent back with its results and given
    to ``take_back`` (here); neither may change the results, and a failure of either is ignored.
    """
    if (len(items) < 2 or len(items) > _MAX_ITEMS or sum(weights) < MIN_WEIGHT or not hasattr(os, "fork")
            or _cores() < 2 or threading.active_count() > 1):
        return [fn(x) for x in items]
    if prepare is not None:
        prepare()
    order = sorted(range(len(items)), key=lambda i: (-weights[i], i))
    queue, feed = os.pipe()
    os.write(feed, b"".join(i.to_bytes(4, "little") for i in order))
    os.close(feed)  # every number is in the pipe: a read after the last one gets nothing
    results_in, results_out = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(results_in)
        os.close(results_out)
        pid = -1
    if pid == 0:  # the copy: lint what it takes, send the results, leave without running any exit handler
        os.close(results_in)
        done: dict[int, R] = {}
        extra: object = None
        with contextlib.suppress(BaseException):  # any failure: the first process lints what is missing
            _drain(queue, fn, items, done)
            if hand_back is not None:
                extra = hand_back()
        try:
            data = pickle.dumps((done, extra), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # unpicklable: the results alone, else the first process lints them again
            try:
                data = pickle.dumps((done, None), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException:
                data = b""
        try:
            with os.fdopen(results_out, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    results: dict[int, R] = {}
    try:
        if pid > 0:
            os.close(results_out)
        _drain(queue, fn, items, results)
    finally:
        os.close(queue)
        theirs: dict[int, R] = {}
        if pid > 0:
            with os.fdopen(results_in, "rb") as pipe:
                data = pipe.read()
            os.waitpid(pid, 0)
            extra = None
            try:
                theirs, extra = pickle.loads(data) if data else ({}, None)
            except Exception:  # a broken copy: lint its files here
                theirs = {}
            if extra is not None and take_back is not None:
                with contextlib.suppress(Exception):
                    take_back(extra)
    results.update(theirs)
    return [results[i] if i in results else fn(items[i]) for i in range(len(items))]
