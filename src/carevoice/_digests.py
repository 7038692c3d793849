"""File digests: the SHA-256 of a file's content, remembered across command-line runs by the file's status.

The user-cache entries are named after the SHA-256 of the files they are made from (the
reading model, the Concentrate data, the modules that read them, a bank's files): some
2.7 MB read and hashed on every draft, about 2.5 ms. While a command runs (a run named by
:func:`carevoice._cache.start_run`), :func:`file_digest` remembers each digest with the
file's status (size, modification and change times in nanoseconds, inode and device) in
one user-cache entry, and gives the remembered digest while the status is the same.
Writing a file sets its change time, which no tool can set back, so a changed file is read
and hashed again; a file changed in the last two seconds is never remembered (a second
write within the file system's clock tick could keep its times). Outside a command-line
run, or with ``CAREVOICE_NO_CACHE=1``, every digest is computed.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from carevoice._hash import sha256

__all__ = ["file_digest"]

_ENTRY = "file-digests.pickle"
_FORMAT = 1
_SETTLED_NS = 2_000_000_000
"""A file last changed this recently (in nanoseconds) is hashed every time."""
_KEEP = 2000
"""At most this many files in the entry."""

_Status = tuple[int, int, int, int, int]
_memo: dict[str, tuple[_Status, bytes]] = {}
_state: list[int] = []
"""Empty until the entry is read; then [1] while nothing new was remembered, [2] after."""


def file_digest(path: Path) -> bytes:
    """The SHA-256 digest of the file's content (an :class:`OSError` as reading it would raise)."""
    from carevoice._cache import run_context

    if run_context() is None or not _loaded():
        return sha256(path.read_bytes()).digest()
    st = os.stat(path)
    status: _Status = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)
    key = os.path.abspath(path)
    known = _memo.get(key)
    if known is not None and known[0] == status:
        return known[1]
    digest = sha256(path.read_bytes()).digest()  # read after the stat: a write meanwhile changes the status
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > _SETTLED_NS and len(_memo) < _KEEP:
        _memo[key] = (status, digest)
        _state[0] = 2
    return digest


def _loaded() -> bool:
    """Read the entry once (False when caching is off); :func:`_save` runs when the command line flushes."""
    from carevoice._cache import cache_root, on_flush, read_pickle

    if _state:
        return True
    if cache_root() is None:
        return False
    entry = read_pickle(_ENTRY)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == _FORMAT and type(entry[1]) is dict:
        _memo.update((k, v) for k, v in entry[1].items() if _valid(k, v))
    _state.append(1)
    on_flush(_save)
    return True


def _valid(key: object, value: object) -> bool:
    return (type(key) is str and type(value) is tuple and len(value) == 2 and type(value[1]) is bytes
            and len(value[1]) == 32 and type(value[0]) is tuple and len(value[0]) == 5
            and all(type(n) is int for n in value[0]))


def _save() -> None:
    """Store the digests when this run remembered new ones; then forget them (the next run reads the entry)."""
    from carevoice._cache import write_pickle

    try:
        if _state == [2]:
            write_pickle(_ENTRY, (_FORMAT, dict(_memo)))
    finally:
        _memo.clear()
        _state.clear()
