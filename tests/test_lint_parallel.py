"""The second lint process: results as one process gives them, and what it learnt for the user cache handed back."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from carevoice import _cache
from carevoice.lint import _parallel
from carevoice.lint._parallel import map_two


def _can_fork() -> bool:
    return hasattr(os, "fork") and _parallel._cores() >= 2 and threading.active_count() == 1


@pytest.fixture
def learning() -> Iterator[None]:
    saved = dict(_cache._learning)
    _cache._learning.clear()
    yield
    _cache._learning.clear()
    _cache._learning.update(saved)
    _cache._flushers.clear()


def test_learnt_here_and_absorbed(learning: None) -> None:
    mine: dict[str, int] = {"parcel": 2}
    _cache.on_flush(lambda: None, learnt=("words.pickle", mine))
    _cache.on_flush(lambda: None, learnt=(None, {"ignored": 1}))  # no entry name: caching is off
    assert _cache.learnt_here() == {"words.pickle": {"parcel": 2}}
    assert _cache.learnt_here()["words.pickle"] is not mine  # a copy, to be pickled
    _cache.absorb_learnt({"words.pickle": {"parcel": 9, "refund": 2}, "other.pickle": {"x": 1}, 3: {}})
    assert mine == {"parcel": 2, "refund": 2}  # this process's own count kept; an entry not set up here left out
    _cache.absorb_learnt(["not", "a", "dict"])
    _cache.absorb_learnt({"words.pickle": ["not a dict"]})
    assert mine == {"parcel": 2, "refund": 2}
    assert _cache.learnt_here() == {"words.pickle": {"parcel": 2, "refund": 2}}


def test_two_processes_give_the_results_of_one_and_hand_back_what_the_copy_learnt() -> None:
    items = list(range(12))
    learnt: dict[int, int] = {}

    def fn(x: int) -> int:
        learnt[x] = os.getpid()
        return x * x

    handed: list[Any] = []
    out = map_two(fn, items, [_parallel.MIN_WEIGHT] * len(items), hand_back=lambda: dict(learnt),
                  take_back=handed.append)
    assert out == [x * x for x in items]
    if not _can_fork():
        assert handed == []  # one process: nothing to hand back
        return
    assert len(handed) == 1
    theirs = handed[0]
    assert all(pid != os.getpid() for pid in theirs.values())  # the copy's own learning only
    assert set(theirs).isdisjoint(learnt) and set(theirs) | set(learnt) == set(items)


def test_a_failing_hand_back_leaves_the_results_alone() -> None:
    def broken() -> object:
        raise RuntimeError("no")

    handed: list[Any] = []
    items = list(range(8))
    assert map_two(lambda x: -x, items, [_parallel.MIN_WEIGHT] * len(items), hand_back=broken,
                   take_back=handed.append) == [-x for x in items]
    assert handed == []
    unpicklable = map_two(lambda x: x + 1, items, [_parallel.MIN_WEIGHT] * len(items),
                          hand_back=lambda: {"f": lambda: None}, take_back=handed.append)
    assert unpicklable == [x + 1 for x in items] and handed == []


def test_syllables_counted_by_the_copy_are_stored(monkeypatch: pytest.MonkeyPatch, learning: None) -> None:
    from carevoice.checks import readability

    def reset() -> None:
        readability._syllable_store_name.cache_clear()
        readability._stored_syllables.cache_clear()
        readability.syllables.cache_clear()
        readability._learnt_syllables.clear()
        readability._vocabulary.clear()

    reset()
    _cache.start_run("test:parallel-syllables")
    try:
        assert readability._stored_syllables() == {}  # set up here, as the first lint process does
        words = ["parcel", "unexpectedly", "investigating", "refund", "apologise", "courier", "delivery", "tomorrow"]
        counts = map_two(readability.syllables, words, [_parallel.MIN_WEIGHT] * len(words),
                         hand_back=_cache.learnt_here, take_back=_cache.absorb_learnt)
        _cache.flush()
        reset()
        assert readability._stored_syllables() == dict(zip(words, counts, strict=True))
    finally:
        monkeypatch.setattr(_cache, "_context", [])
        reset()
