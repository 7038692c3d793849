"""Compiled regular expressions kept in the user cache, so a command does not re-compile them each run.

A draft compiles some 500 patterns (the checks' phrase lists, personal-data and detail
patterns...), about a tenth of a second of every run. Python's :mod:`re` keeps compiled
patterns in a per-process table keyed by ``(type, pattern, flags)``; :func:`preload` fills
that table from an entry the previous run stored (:func:`save`), each pattern rebuilt
with ``_sre.compile`` from the code the regular-expression compiler produced for it, which
is what :func:`re.compile` does last. ``re.compile`` then finds every known pattern in its
table and returns the same kind of object it would have built.

The entry is trusted only for the interpreter that wrote it: its key holds the Python
version and build, the ``_sre`` engine's version, and the size and time of the ``re``
compiler's source files (a pattern's code depends on nothing else). ``_sre.compile`` checks each code it is
given; any error, a missing or damaged entry, or another interpreter leaves the table
untouched (the patterns are then compiled as usual). Only the command line does this;
the library never touches :mod:`re`'s table. ``CAREVOICE_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

__all__ = ["preload", "save"]

_FORMAT = 1
_TABLE = 1024
"""The size :func:`preload` lets :mod:`re`'s table grow to in the command's own process (``re._MAXCACHE``, 512 by
default, beyond which :mod:`re` drops the oldest): a draft compiles about 500 patterns (the post patterns, the tone
rules, the lexicon's), so at 512 each new one would push a stored one out and every run would compile again."""
_KEEP = 1000
"""At most this many patterns in an entry (a little under :data:`_TABLE`: the room left is for the few a run
meets late)."""
_NEW_ENOUGH = 16
"""A run that compiled fewer new patterns than this keeps the entry as it is."""

_Record = tuple[Any, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""pattern, flags as given, flags as compiled, code, groups - 1, group index, index group."""

_loaded: dict[tuple[Any, ...], _Record] = {}
"""The records preloaded this run."""
_before: set[tuple[Any, ...]] = set()
"""The patterns :mod:`re` held before this run's preload (compiled by earlier work in the process)."""
_name: list[str] = []


def _supported() -> bool:
    return sys.version_info >= (3, 11) and isinstance(getattr(re, "_cache", None), dict) and hasattr(re, "_compiler")


def _interpreter() -> str:
    """What a stored code depends on: any change makes a new key."""
    from pathlib import Path

    sre = importlib.import_module("_sre")
    parts = [str(_FORMAT), sys.version, sys.implementation.cache_tag or "", str(sre.MAGIC), str(sre.CODESIZE)]
    for module in ("re._compiler", "re._parser", "re._constants"):
        source = getattr(sys.modules.get(module), "__file__", None)
        if source:
            st = Path(source).stat()
            parts.append(f"{module}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def _entry_name(context: str) -> str:
    from carevoice._hash import sha256

    key = f"{_interpreter()}|{context}"
    return f"patterns-{sys.version_info[0]}{sys.version_info[1]}-{sha256(key.encode()).hexdigest()[:32]}.pickle"


def preload(context: str) -> int:
    """Put the patterns stored for ``context`` (a command, a bank) into :mod:`re`'s table; return how many.

    :func:`save` then runs when the command line flushes the cache (:func:`carevoice._cache.flush`).
    """
    from carevoice._cache import on_flush, read_pickle

    _loaded.clear()
    _before.clear()
    _name.clear()
    try:
        if not _supported():
            return 0
        table: dict[tuple[Any, ...], Any] = re._cache  # type: ignore[attr-defined]
        if isinstance(getattr(re, "_MAXCACHE", None), int):
            re._MAXCACHE = max(re._MAXCACHE, _TABLE)  # type: ignore[attr-defined]
        _before.update(table)
        name = _entry_name(context)
        _name.append(name)
        on_flush(save)
        entry = read_pickle(name)
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == _FORMAT and isinstance(entry[1], list)):
            return 0
        sre = importlib.import_module("_sre")
        built = {}
        for record in entry[1]:
            pattern, flags, compiled_flags, code, groups, groupindex, indexgroup = record
            if type(pattern) not in (str, bytes) or type(flags) is not int or type(code) is not list:
                return 0
            key = (type(pattern), pattern, flags)
            built[key] = (record, sre.compile(pattern, compiled_flags, code, groups, groupindex, indexgroup))
        for key, (record, compiled) in built.items():
            if len(table) >= _KEEP:
                break
            if key not in table:
                table[key] = compiled
                _loaded[key] = record
        return len(_loaded)
    except Exception:  # a damaged entry or an unexpected interpreter: compile as usual
        _loaded.clear()
        return 0


def _record(pattern: Any, flags: int, compiled: Any) -> _Record | None:
    """What :func:`preload` needs to rebuild ``compiled`` (None when it cannot be rebuilt the same)."""
    sre = importlib.import_module("_sre")
    compiler: Any = re._compiler  # type: ignore[attr-defined]
    parser: Any = importlib.import_module("re._parser")
    if flags & (int(re.DEBUG) | int(getattr(re, "TEMPLATE", 0))):
        return None
    parsed = parser.parse(pattern, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    record: _Record = (pattern, flags, flags | parsed.state.flags, list(map(int, code)), parsed.state.groups - 1,
                       groupindex, tuple(indexgroup))
    again = sre.compile(*record[:1], *record[2:])
    if (again.pattern, again.flags, again.groups, again.groupindex) != (
            compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex):
        return None
    return record


def save() -> None:
    """Store the patterns this run compiled for the next run (when enough of them were new).

    The entry keeps the patterns preloaded this run and the new ones, the new first when
    there are more than :data:`_KEEP`; a run that found its patterns stored writes nothing.
    """
    from carevoice._cache import write_pickle

    try:
        if not _name or not _supported():
            return
        table: dict[tuple[Any, ...], Any] = re._cache  # type: ignore[attr-defined]
        new = [key for key in table if len(key) == 3 and key not in _before and key not in _loaded]
        if len(new) < _NEW_ENOUGH:
            return
        records: dict[tuple[Any, ...], _Record] = {}
        for key in reversed(new):  # the most recently compiled first
            if len(records) >= _KEEP:
                break
            _, pattern, flags = key
            record = _record(pattern, flags, table[key])
            if record is not None:
                records[key] = record
        for key, record in _loaded.items():
            if len(records) >= _KEEP:
                break
            records.setdefault(key, record)
        write_pickle(_name[0], (_FORMAT, list(reversed(records.values()))))
    except Exception:  # the cache is only a speed-up
        return
