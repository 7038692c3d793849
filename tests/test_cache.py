"""The user cache: a speed-up only, never a source of truth or of errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from carevoice import _cache
from carevoice.concentrate import lexicon as lexicon_module


def test_pickle_round_trip_and_broken_entries(tmp_path: Path) -> None:
    _cache.write_pickle("x.pickle", {"a": (1, 2)})
    assert _cache.read_pickle("x.pickle") == {"a": (1, 2)}
    (tmp_path / "cache" / "carevoice" / "x.pickle").write_bytes(b"not a pickle")
    assert _cache.read_pickle("x.pickle") is None
    assert _cache.read_pickle("missing.pickle") is None


def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CAREVOICE_NO_CACHE", "1")
    _cache.write_pickle("y.pickle", 1)
    assert _cache.read_pickle("y.pickle") is None
    assert not (tmp_path / "cache" / "carevoice" / "y.pickle").exists()


def test_cached_lexicon_equals_a_fresh_build(tmp_path: Path) -> None:
    fresh = lexicon_module._build(lexicon_module.raw_data())
    name = lexicon_module._cache_name()
    root = _cache.cache_root()
    assert root is not None
    _cache.write_atomic(root / name, lexicon_module._to_cache(fresh))
    lexicon_module.lexicon.cache_clear()
    try:
        cached = lexicon_module.lexicon()
        assert cached is not fresh
        assert cached.phrases == fresh.phrases and cached.known == fresh.known and cached.trie == fresh.trie
    finally:
        lexicon_module.lexicon.cache_clear()


def test_cache_folder_comes_from_platformdirs_with_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import platformdirs
    from platformdirs.macos import MacOS

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("CAREVOICE_CACHE_DIR", raising=False)
    mac = MacOS("carevoice", appauthor=False).user_cache_path
    monkeypatch.setattr(platformdirs, "user_cache_path", lambda app, appauthor: mac)
    assert _cache.cache_root() == Path.home() / "Library" / "Caches" / "carevoice"  # not ~/.cache on macOS
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _cache.cache_root() == tmp_path / "xdg" / "carevoice"
    monkeypatch.setenv("CAREVOICE_CACHE_DIR", str(tmp_path / "mine"))
    assert _cache.cache_root() == tmp_path / "mine"
    monkeypatch.setenv("CAREVOICE_NO_CACHE", "1")
    assert _cache.cache_root() is None
