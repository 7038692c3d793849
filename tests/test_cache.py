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
    _cache.write_pickle(name, fresh)
    lexicon_module.lexicon.cache_clear()
    try:
        cached = lexicon_module.lexicon()
        assert cached is not fresh
        assert cached.phrases == fresh.phrases and cached.known == fresh.known
    finally:
        lexicon_module.lexicon.cache_clear()
