"""Holding the cyclic garbage collector around work that builds large, acyclic structures.

A module of its own, with nothing but the standard library, so that linting (which holds the
collector for a whole run) need not import the lexicon to use it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["no_gc_pause"]


@contextmanager
def no_gc_pause() -> Iterator[None]:
    """Hold the cyclic garbage collector while a large, acyclic structure is loaded or built.

    Creating some hundred thousand dicts and tuples in one go otherwise sets off
    collection after collection, each walking the growing structure: loading
    the lexicon takes three times as long. Nothing is freed late: the structure
    holds no cycles, and the collector runs again as before afterwards.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
