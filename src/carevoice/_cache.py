"""The user cache folder carevoice keeps derived data in (never needed, only faster).

The platform's user cache folder (see :mod:`carevoice._dirs`: ``$CAREVOICE_CACHE_DIR``, else
``$XDG_CACHE_HOME/carevoice``, else platformdirs' ``~/.cache/carevoice`` on Linux,
``~/Library/Caches/carevoice`` on macOS...); ``CAREVOICE_NO_CACHE=1`` turns caching off. Writes are
atomic (a temporary file renamed into place); any error reading or writing an entry is ignored and
the caller builds the value afresh.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["cache_root", "flush", "on_flush", "read_pickle", "run_context", "start_run", "write_atomic",
           "write_pickle"]

_context: list[str] = []
_flushers: list[Callable[[], None]] = []


def start_run(context: str) -> None:
    """Name the command-line run under way (a command and a bank): per-run caches key on it.

    Only the command line calls this; without it, the caches that learn from a run
    (compiled patterns and templates) neither read nor write anything.
    """
    _context[:] = [context]


def run_context() -> str | None:
    """The run named by :func:`start_run`, or None."""
    return _context[0] if _context else None


def on_flush(store: Callable[[], None]) -> None:
    """Have :func:`flush` call ``store`` (once) at the end of the run."""
    if store not in _flushers:
        _flushers.append(store)


def flush() -> None:
    """Store what this run learnt (the command line calls this once, last); errors are ignored."""
    stores = list(_flushers)
    _flushers.clear()
    for store in stores:
        try:
            store()
        except Exception:  # the cache is only a speed-up
            continue


def cache_root() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    from carevoice._dirs import user_cache_dir

    return user_cache_dir()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; errors are ignored (the cache is only a speed-up)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        return


def read_pickle(name: str) -> Any:
    """A value pickled by :func:`write_pickle` under ``name``, or None.

    Only carevoice's own derived data is stored this way (like black's and jedi's caches),
    in a folder created private to the user.
    """
    root = cache_root()
    if root is None:
        return None
    try:
        return pickle.loads((root / name).read_bytes())  # our own cache, in a user-private folder
    except Exception:  # a stale or broken entry is rebuilt
        return None


def write_pickle(name: str, value: Any) -> None:
    """Store a value for :func:`read_pickle`."""
    root = cache_root()
    if root is not None:
        write_atomic(root / name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
