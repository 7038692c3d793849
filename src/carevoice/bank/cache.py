"""A cache of resolved banks, so the CLI does not re-parse and re-check YAML on every run.

Entries live under ``$XDG_CACHE_HOME/carevoice/banks/`` (see :mod:`carevoice._cache`): a header
(the key, the code stamp and each file of the bank's chain with the SHA-256 of its content)
and the resolved :class:`~carevoice.bank.resolved.Bank`, pickled apart. The bank is unpickled
only when the header matches: the same Python, the same carevoice code that builds banks
(the content of its modules and data files) and the same bank files, byte for byte.
Unpickling builds no pydantic validator, so a cached bank costs a draft a few milliseconds.
``CAREVOICE_NO_CACHE=1`` turns the cache off. Any problem reading or writing the cache falls
back to a fresh load.
"""

from __future__ import annotations

import pickle
import sys
from functools import cache
from pathlib import Path

from carevoice._cache import cache_root, write_atomic
from carevoice._digests import file_digest
from carevoice._hash import sha256
from carevoice.bank.resolved import Bank

__all__ = ["cache_dir", "read_cached", "write_cached"]

_FORMAT = 4
_CODE = ("bank/__init__.py", "bank/models.py", "bank/stages.py", "bank/loader.py", "bank/resolved.py",
         "bank/settings.py", "bank/registry.py", "bank/_yaml.py", "bank/_patterns.py", "bank/rules.py", "bank/cache.py",
         "render.py", "_template_lang.py", "variables.py", "errors.py", "checks/channels.py", "data/channels.yaml",
         "_plain.py")
"""What a resolved bank depends on besides its own files (paths inside the carevoice package)."""


def cache_dir() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    root = cache_root()
    return None if root is None else root / "banks"


@cache
def _code_stamp() -> str:
    """The Python and the code that build banks: any change makes a new stamp."""
    package = Path(__file__).resolve().parent.parent
    digest = sha256(f"{_FORMAT}|{sys.version}|{pickle.HIGHEST_PROTOCOL}".encode())
    for name in _CODE:
        digest.update(name.encode() + b"\0" + file_digest(package / name) + b"\0")
    return digest.hexdigest()


def _stamp(path: str) -> str:
    """The SHA-256 of a bank file's content (hex)."""
    return file_digest(Path(path)).hex()


def _entry_path(key: str) -> Path | None:
    d = cache_dir()
    if d is None:
        return None
    return d / (sha256(key.encode("utf-8")).hexdigest()[:32] + ".pickle")


def read_cached(key: str) -> Bank | None:
    """The cached bank for a lookup key, if the code and every source file are unchanged."""
    entry = _entry_path(key)
    if entry is None:
        return None
    try:
        header, pickled = pickle.loads(entry.read_bytes())  # our own cache, in a user-private folder
        if header["key"] != key or header["code"] != _code_stamp():
            return None
        if any(_stamp(f) != s for f, s in header["files"]):
            return None
        bank = pickle.loads(pickled)
        return bank if isinstance(bank, Bank) else None
    except Exception:  # a stale, damaged or foreign entry: load the bank afresh
        return None


def write_cached(key: str, bank: Bank) -> None:
    """Store a resolved bank (atomically); errors are ignored: the cache is only a speed-up."""
    entry = _entry_path(key)
    if entry is None:
        return
    try:
        header = {"key": key, "code": _code_stamp(), "files": [[f, _stamp(f)] for f in bank.files]}
        data = pickle.dumps((header, pickle.dumps(bank, protocol=pickle.HIGHEST_PROTOCOL)),
                            protocol=pickle.HIGHEST_PROTOCOL)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
    write_atomic(entry, data)
