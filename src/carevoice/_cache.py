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
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

__all__ = ["absorb_learnt", "add_learnt", "cache_root", "cached_build", "data_file", "flush", "learnt_here",
           "models_stamp", "on_flush", "read_pickle", "run_context", "start_run", "write_atomic", "write_pickle"]

_context: list[str] = []
_flushers: list[Callable[[], None]] = []
_learning: dict[str, dict[Any, Any]] = {}
"""Entry name -> the dict of what this process learnt for it (see :func:`on_flush`'s ``learnt``)."""


def start_run(context: str) -> None:
    """Name the command-line run under way (a command and a bank): per-run caches key on it.

    Only the command line calls this; without it, the caches that learn from a run
    (compiled patterns and templates) neither read nor write anything.
    """
    _context[:] = [context]


def run_context() -> str | None:
    """The run named by :func:`start_run`, or None."""
    return _context[0] if _context else None


def on_flush(store: Callable[[], None], learnt: tuple[str | None, dict[Any, Any]] | None = None) -> None:
    """Have :func:`flush` call ``store`` (once) at the end of the run.

    ``learnt`` names a growing entry and the dict of what this process learnt for it, which
    ``store`` adds to the entry (:func:`add_learnt`): a forked copy hands it back with
    :func:`learnt_here` and :func:`absorb_learnt`, so what the copy learnt is stored too.
    """
    if store not in _flushers:
        _flushers.append(store)
    if learnt is not None and learnt[0] is not None:
        _learning[learnt[0]] = learnt[1]


def learnt_here() -> dict[str, dict[Any, Any]]:
    """What this process learnt so far for the growing entries (entry name -> new keys and values).

    A forked copy of the command line sends this back to the first process (:func:`absorb_learnt`),
    which stores it with its own at :func:`flush`: the copy's learning (syllable counts, needles,
    compiled templates and plans of the files it took) is not lost when it ends.
    """
    return {name: dict(values) for name, values in _learning.items() if values}


def absorb_learnt(learnt: object) -> None:
    """Add what a forked copy learnt (its :func:`learnt_here`) to the entries this process set up.

    A value depends on its key only (a word's syllables, a pattern's needles...), so this
    process's own value is kept where both have one; entries this process never set up are left out.
    """
    if not isinstance(learnt, dict):
        return
    for name, values in learnt.items():
        own = _learning.get(name) if isinstance(name, str) else None
        if own is not None and isinstance(values, dict):
            for key, value in values.items():
                own.setdefault(key, value)


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
    import tempfile  # only a run that writes needs it

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
    import gc

    root = cache_root()
    if root is None:
        return None
    paused = gc.isenabled()
    gc.disable()  # an entry is thousands of new containers, none of them garbage: no collection while they load
    try:
        return pickle.loads((root / name).read_bytes())  # our own cache, in a user-private folder
    except Exception:  # a stale or broken entry is rebuilt
        return None
    finally:
        if paused:
            gc.enable()


def write_pickle(name: str, value: Any) -> None:
    """Store a value for :func:`read_pickle`."""
    root = cache_root()
    if root is not None:
        write_atomic(root / name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def add_learnt(name: str | None, stored: Callable[[], Mapping[K, V]], learnt: dict[K, V], limit: int) -> None:
    """Add what this run ``learnt`` to the dict entry ``name`` (its value now: ``stored()``), at most ``limit`` keys.

    For the entries that grow run by run (compiled templates, syllable counts), stored by a
    :func:`on_flush` callback at the end of a run; ``learnt`` is emptied. Nothing is written
    when there is no entry name (caching is off) or nothing new.
    """
    if name is None or not learnt:
        return
    merged = dict(stored())
    for key, value in learnt.items():
        if len(merged) >= limit:
            break
        merged[key] = value
    learnt.clear()
    write_pickle(name, merged)


def cached_build(kind: str, sources: Sequence[Path], build: Callable[[], T], valid: Callable[[Any], bool],
                 *, stamp: str = "") -> T:
    """``build()``, kept in the user cache until one of ``sources`` changes.

    ``sources`` are the files the value is made from: the data files and the modules that
    read them (and define its classes); the entry's name holds the SHA-256 of their content,
    the Python version and ``stamp`` (say, the version of a library whose objects the value
    holds). A missing, damaged or unreadable entry, or one that ``valid`` rejects, is built
    afresh; so is everything when caching is off or a source cannot be read.
    """
    import sys

    from carevoice._digests import file_digest
    from carevoice._hash import sha256

    if cache_root() is None:
        return build()
    try:
        digest = sha256(f"{kind}|{sys.version}|{pickle.HIGHEST_PROTOCOL}|{stamp}".encode())
        for source in sources:
            digest.update(file_digest(source) + b"\0")
    except OSError:
        return build()
    name = f"{kind}-{sys.version_info[0]}{sys.version_info[1]}-{digest.hexdigest()[:32]}.pickle"
    value = read_pickle(name)
    try:
        if value is not None and valid(value):
            return value  # type: ignore[no-any-return]
    except Exception:  # a damaged entry is built afresh
        pass
    value = build()
    write_pickle(name, value)
    return value


def data_file(name: str) -> Path:
    """The path of one of carevoice's data files (``carevoice/data/NAME``), for :func:`cached_build`."""
    return Path(__file__).resolve().parent / "data" / name


def models_stamp() -> str:
    """What a pickled model depends on besides the module that reads it (for ``stamp``).

    Pydantic's version (the SHA-256 of its ``version.py``, found without importing pydantic), and
    the code of the data models and of their plain twins (:mod:`carevoice._plain`, which restores them).
    """
    from importlib.util import find_spec

    from carevoice._digests import file_digest

    spec = find_spec("pydantic")
    here = Path(__file__).resolve().parent
    files = [here / "checks" / "_data_models.py", here / "_plain.py"]
    if spec is not None and spec.origin is not None:
        files.append(Path(spec.origin).parent / "version.py")
    return "models " + " ".join(file_digest(f).hex() for f in files)
