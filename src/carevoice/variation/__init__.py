"""Variation engine: the reply history, its stores, and candidate selection."""

from __future__ import annotations

import os
from pathlib import Path

from carevoice.variation.history import History, MemoryHistory, ReplyRecord

__all__ = ["ENV_HISTORY", "History", "MemoryHistory", "ReplyRecord", "default_history_path", "open_history"]

ENV_HISTORY = "CAREVOICE_HISTORY"


def default_history_path() -> Path:
    """``$CAREVOICE_HISTORY``, else ``$XDG_DATA_HOME/carevoice/history.sqlite`` (``~/.local/share``)."""
    env = os.environ.get(ENV_HISTORY)
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "carevoice" / "history.sqlite"


def open_history(path: str | Path | None = None) -> History:
    """Open a history: ``":memory:"`` for an in-memory one, else a SQLite file (created if absent)."""
    if str(path) == ":memory:":
        return MemoryHistory()
    from carevoice.variation.sqlite import SQLiteHistory

    return SQLiteHistory(Path(path) if path is not None else default_history_path())
