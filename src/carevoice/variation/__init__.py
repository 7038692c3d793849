"""Variation engine: the reply history, its stores, and candidate selection."""

from __future__ import annotations

import os
from pathlib import Path

from carevoice.variation.history import History, MemoryHistory, ReplyRecord

__all__ = ["ENV_HISTORY", "History", "MemoryHistory", "ReplyRecord", "default_history_path", "open_history"]

ENV_HISTORY = "CAREVOICE_HISTORY"


def default_history_path() -> Path:
    """Where the CLI keeps the reply history unless told otherwise.

    ``$CAREVOICE_HISTORY`` when set; else ``history.sqlite`` in the user data folder
    (:func:`carevoice._dirs.user_data_dir`: ``$XDG_DATA_HOME/carevoice`` when set, else the
    platform's, from platformdirs: ``~/.local/share/carevoice`` on Linux and other Unix systems,
    ``~/Library/Application Support/carevoice`` on macOS, ``%LOCALAPPDATA%`` on Windows).
    """
    env = os.environ.get(ENV_HISTORY)
    if env:
        return Path(env)
    from carevoice._dirs import user_data_dir

    return user_data_dir() / "history.sqlite"


def open_history(path: str | Path | None = None) -> History:
    """Open a history: ``":memory:"`` for an in-memory one, else a SQLite file (created if absent)."""
    if str(path) == ":memory:":
        return MemoryHistory()
    from carevoice.variation.sqlite import SQLiteHistory

    return SQLiteHistory(Path(path) if path is not None else default_history_path())
