"""Where carevoice keeps its files: the user data folder (reply history) and the user cache folder.

The platform's folders come from platformdirs (``~/.local/share`` and ``~/.cache`` on Linux,
``~/Library/Application Support`` and ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on
Windows). ``$XDG_DATA_HOME`` and ``$XDG_CACHE_HOME`` are honoured on every system when set, and
``$CAREVOICE_CACHE_DIR`` names the cache folder itself (``CAREVOICE_NO_CACHE=1`` turns caching off;
``$CAREVOICE_HISTORY`` names the history file, see :func:`carevoice.variation.default_history_path`).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ENV_CACHE_DIR", "ENV_NO_CACHE", "user_cache_dir", "user_data_dir"]

ENV_CACHE_DIR = "CAREVOICE_CACHE_DIR"
ENV_NO_CACHE = "CAREVOICE_NO_CACHE"
_APP = "carevoice"


def user_data_dir() -> Path:
    """The folder for carevoice's data (``carevoice`` in the platform's user data folder)."""
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg:
        return Path(xdg) / _APP
    from platformdirs import user_data_path

    return user_data_path(_APP, appauthor=False)


def user_cache_dir() -> Path | None:
    """The folder for carevoice's cache, or None when caching is turned off."""
    if os.environ.get(ENV_NO_CACHE):
        return None
    named = os.environ.get(ENV_CACHE_DIR)
    if named:
        return Path(named)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / _APP
    from platformdirs import user_cache_path

    return user_cache_path(_APP, appauthor=False)
