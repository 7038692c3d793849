"""Variation engine: the reply history, its stores, and candidate selection."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from carevoice.variation.history import History, MemoryHistory, ReplyRecord

__all__ = ["ENV_HISTORY", "History", "MemoryHistory", "ReplyRecord", "default_history_path", "open_history"]

ENV_HISTORY = "CAREVOICE_HISTORY"


def default_history_path() -> Path:
    """Where the CLI keeps the reply history unless told otherwise.

    ``$CAREVOICE_HISTORY`` when set; else the platform's data directory: ``$XDG_DATA_HOME``
    (default ``~/.local/share``) on Linux and other Unix systems, ``~/Library/Application Support``
    on macOS, ``%LOCALAPPDATA%`` on Windows; the file is ``carevoice/history.sqlite`` in it.
    """
    env = os.environ.get(ENV_HISTORY)
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg:
        base = Path(xdg)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path.home() / ".local" / "share"
    return base / "carevoice" / "history.sqlite"


def open_history(path: str | Path | None = None) -> History:
    """Open a history: ``":memory:"`` for an in-memory one, else a SQLite file (created if absent)."""
    if str(path) == ":memory:":
        return MemoryHistory()
    from carevoice.variation.sqlite import SQLiteHistory

    return SQLiteHistory(Path(path) if path is not None else default_history_path())
