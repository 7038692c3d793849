"""Variation engine: the reply history, its stores, and candidate selection."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from carevoice._lazy import lazy_exports
from carevoice.errors import InputError

if TYPE_CHECKING:
    from carevoice.variation.history import History, MemoryHistory
    from carevoice.variation.records import Accepted, Conflict, ReplyRecord

__all__ = [
    "ENV_HISTORY",
    "Accepted",
    "Conflict",
    "History",
    "MemoryHistory",
    "ReplyRecord",
    "default_history_path",
    "history_location",
    "open_history",
]

_LAZY: dict[str, str] = {
    "Accepted": "carevoice.variation.records",
    "Conflict": "carevoice.variation.records",
    "History": "carevoice.variation.history",
    "MemoryHistory": "carevoice.variation.history",
    "ReplyRecord": "carevoice.variation.records",
}

__getattr__ = lazy_exports(__name__, _LAZY, globals())
"""Import the history classes on first use: validating a bank's scorer (:mod:`.similarity`) needs none of them."""


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


ENV_HISTORY = "CAREVOICE_HISTORY"
POSTGRES_SCHEMES = ("postgresql", "postgres")
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]+):/")


def default_history_path() -> Path:
    """Where the CLI keeps the reply history file unless told otherwise.

    ``$CAREVOICE_HISTORY`` when set; else ``history.sqlite`` in the user data folder
    (:func:`carevoice._dirs.user_data_dir`: ``$XDG_DATA_HOME/carevoice`` when set, else the
    platform's, from platformdirs: ``~/.local/share/carevoice`` on Linux and other Unix systems,
    ``~/Library/Application Support/carevoice`` on macOS, ``%LOCALAPPDATA%`` on Windows).
    """
    env = os.environ.get(ENV_HISTORY)
    if env and not _URL.match(env):
        return Path(env)
    from carevoice._dirs import user_data_dir

    return user_data_dir() / "history.sqlite"


def history_location(location: str | Path | None = None) -> str:
    """The history to open: ``location`` if given, else ``$CAREVOICE_HISTORY``, else the default file."""
    if location is not None and str(location):
        return str(location)
    return os.environ.get(ENV_HISTORY) or str(default_history_path())


def open_history(location: str | Path | None = None) -> History:
    """Open a history: ``":memory:"``, a ``postgresql://`` URL, or a SQLite file path (created if absent).

    Without ``location``: ``$CAREVOICE_HISTORY``, else the default file. A URL of any other
    scheme is an :class:`~carevoice.errors.InputError` (never a folder named after it).
    """
    where = history_location(location)
    if where == ":memory:":
        from carevoice.variation.history import MemoryHistory

        return MemoryHistory()
    url = _URL.match(where)
    if url is not None:
        scheme = url.group(1).lower()
        if scheme not in POSTGRES_SCHEMES:
            raise InputError(f"unknown reply history URL scheme {scheme + '://'!r}; use postgresql://USER@HOST/DB, "
                             "a SQLite file path or :memory:")
        from carevoice.variation.postgres import PostgresHistory

        return PostgresHistory(where)
    from carevoice.variation.sqlite import SQLiteHistory

    return SQLiteHistory(Path(where))
