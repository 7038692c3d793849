"""The History protocol, checked identically on the in-memory and SQLite stores."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carevoice.variation import ENV_HISTORY, History, MemoryHistory, ReplyRecord, default_history_path, open_history
from carevoice.variation.sqlite import SQLiteHistory

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)
Store = Callable[[Path], History]
STORES: dict[str, Store] = {
    "memory": lambda _tmp: MemoryHistory(),
    "sqlite": lambda tmp: SQLiteHistory(tmp / "h.sqlite"),
}


def rec(n: int, brand: str = "b", **kw: object) -> ReplyRecord:
    fields: dict[str, object] = {"text": f"reply {n}", "brand": brand, "channel": "x", "phrase_ids": (f"p{n % 3}",),
                                 "time": T0 + timedelta(minutes=n), "category": "app_bug" if n % 2 else "general"}
    fields.update(kw)
    return ReplyRecord(**fields)  # type: ignore[arg-type]


@pytest.fixture(params=sorted(STORES))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> History:
    return STORES[request.param](tmp_path)


def test_both_stores_implement_the_protocol(store: History) -> None:
    assert isinstance(store, History)


def test_record_sets_increasing_sequence_numbers_and_ids(store: History) -> None:
    a, b = store.record(rec(1)), store.record(rec(2))
    assert 0 < a.seq < b.seq
    assert a.draft_id and b.draft_id and a.draft_id != b.draft_id
    assert store.count() == 2 and store.count("b") == 2 and store.count("other") == 0


def test_recording_the_same_draft_id_twice_stores_it_once(store: History) -> None:
    first = store.record(rec(1, draft_id="post-1:abc"))
    again = store.record(rec(1, draft_id="post-1:abc", text="changed"))
    assert again.seq == first.seq and again.text == "reply 1"
    assert store.count() == 1


def test_recent_is_newest_first_and_narrowed_by_brand_category_channel_time_and_after(store: History) -> None:
    for n in range(1, 11):
        store.record(rec(n))
    store.record(rec(11, brand="other"))
    store.record(rec(12, channel="facebook"))
    assert [r.text for r in store.recent("b", limit=3)] == ["reply 12", "reply 10", "reply 9"]
    assert all(r.category == "app_bug" for r in store.recent("b", category="app_bug"))
    assert [r.text for r in store.recent("b", channel="facebook")] == ["reply 12"]
    assert [r.text for r in store.recent("b", since=T0 + timedelta(minutes=9), channel="x")] == ["reply 10", "reply 9"]
    third = store.recent("b", limit=3)[-1].seq
    assert [r.text for r in store.recent("b", after=third)] == ["reply 12", "reply 10"]
    assert [r.text for r in store.recent("other")] == ["reply 11"]


def test_related_finds_the_same_customer_or_thread(store: History) -> None:
    store.record(rec(1, customer="@ana"))
    store.record(rec(2, thread_id="t1"))
    store.record(rec(3, customer="@bo"))
    store.record(rec(4, customer="@ana", brand="other"))
    assert [r.text for r in store.related("b", customer="@ana", thread_id="t1")] == ["reply 2", "reply 1"]
    assert store.related("b") == []


def test_phrase_last_used_gives_the_latest_use(store: History) -> None:
    a = store.record(rec(1, phrase_ids=("x", "y")))
    b = store.record(rec(2, phrase_ids=("y",)))
    assert store.phrase_last_used("b", ["x", "y", "z"]) == {"x": a.seq, "y": b.seq}
    assert store.phrase_last_used("other", ["x"]) == {}


def test_records_round_trip_every_field(store: History) -> None:
    sent = rec(1, phrase_ids=("a", "b"), customer="@c", thread_id="t", category="praise", draft_id="d")
    got = store.recent("b")[0] if store.record(sent) else None
    assert got is not None
    assert (got.text, got.brand, got.channel, got.phrase_ids, got.customer, got.thread_id, got.category,
            got.draft_id) == ("reply 1", "b", "x", ("a", "b"), "@c", "t", "praise", "d")
    assert got.time == sent.time


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(brands=st.lists(st.sampled_from(["a", "b"]), max_size=30), limit=st.integers(1, 40))
def test_recent_matches_a_plain_filter_of_everything_recorded(brands: list[str], limit: int, tmp_path: Path) -> None:
    for name, make in STORES.items():
        path = tmp_path / f"{name}-{len(brands)}-{limit}"
        path.mkdir(exist_ok=True)
        store = make(path)
        stored = [store.record(rec(n, brand=b)) for n, b in enumerate(brands)]
        expected = [r.seq for r in reversed(stored) if r.brand == "a"][:limit]
        assert [r.seq for r in store.recent("a", limit=limit)] == expected
        if isinstance(store, SQLiteHistory):
            store.close()
            (path / "h.sqlite").unlink()


def test_open_history_memory_and_file(tmp_path: Path) -> None:
    assert isinstance(open_history(":memory:"), MemoryHistory)
    h = open_history(tmp_path / "deep" / "h.sqlite")
    assert isinstance(h, SQLiteHistory) and (tmp_path / "deep" / "h.sqlite").exists()


def test_default_path_follows_the_environment_then_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_HISTORY, str(tmp_path / "mine.sqlite"))
    assert default_history_path() == tmp_path / "mine.sqlite"
    monkeypatch.delenv(ENV_HISTORY)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_history_path() == tmp_path / "xdg" / "carevoice" / "history.sqlite"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_history_path() == Path.home() / ".local" / "share" / "carevoice" / "history.sqlite"


def test_default_path_comes_from_platformdirs_on_every_system(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs
    from platformdirs.macos import MacOS

    monkeypatch.delenv(ENV_HISTORY, raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    mac = MacOS("carevoice", appauthor=False).user_data_path
    monkeypatch.setattr(platformdirs, "user_data_path", lambda app, appauthor: mac)
    assert default_history_path() == Path.home() / "Library" / "Application Support" / "carevoice" / "history.sqlite"
