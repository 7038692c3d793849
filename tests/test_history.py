"""The History protocol, checked identically on the in-memory, SQLite and PostgreSQL stores."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carevoice.variation import (
    ENV_HISTORY,
    Accepted,
    Conflict,
    History,
    MemoryHistory,
    ReplyRecord,
    default_history_path,
    open_history,
)
from carevoice.variation.sqlite import SQLiteHistory

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)
Store = Callable[[Path], History]
STORES: dict[str, Store] = {
    "memory": lambda _tmp: MemoryHistory(),
    "sqlite": lambda tmp: SQLiteHistory(tmp / "h.sqlite"),
    "postgres": lambda _tmp: pg.open_store(),
}


def discard(store: History) -> None:
    store.close()
    if not isinstance(store, (MemoryHistory, SQLiteHistory)):
        pg.drop(store.schema)  # type: ignore[attr-defined]


def rec(n: int, brand: str = "b", **kw: object) -> ReplyRecord:
    fields: dict[str, object] = {"text": f"reply {n}", "brand": brand, "channel": "x", "phrase_ids": (f"p{n % 3}",),
                                 "time": T0 + timedelta(minutes=n), "category": "app_bug" if n % 2 else "general"}
    fields.update(kw)
    return ReplyRecord(**fields)  # type: ignore[arg-type]


@pytest.fixture(params=sorted(STORES))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[History]:
    made = STORES[request.param](tmp_path)
    yield made
    discard(made)


def test_every_store_implements_the_protocol(store: History) -> None:
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


@pytest.fixture
def every_store(tmp_path: Path) -> Iterator[dict[str, History]]:
    made = {name: make(tmp_path) for name, make in STORES.items()}
    yield made
    for store in made.values():
        discard(store)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(brands=st.lists(st.sampled_from(["a", "b"]), max_size=30), limit=st.integers(1, 40))
def test_recent_matches_a_plain_filter_of_everything_recorded(brands: list[str], limit: int,
                                                              every_store: dict[str, History]) -> None:
    run = uuid.uuid4().hex[:8]  # one store serves every example: each example has brands of its own
    for store in every_store.values():
        stored = [store.record(rec(n, brand=f"{b}-{run}")) for n, b in enumerate(brands)]
        expected = [r.seq for r in reversed(stored) if r.brand == f"a-{run}"][:limit]
        assert [r.seq for r in store.recent(f"a-{run}", limit=limit)] == expected


# -- one reply per post -------------------------------------------------------------------------

def test_a_post_keeps_one_reply_and_the_second_record_returns_it(store: History) -> None:
    first = store.record(rec(1, post_id="p1", thread_id="t"))
    again = store.publish(rec(2, post_id="p1", thread_id="t"))
    assert isinstance(again, Accepted) and again.outcome == "already_answered" and again.record.seq == first.seq
    assert store.record(rec(3, post_id="p1", thread_id="t")).text == "reply 1"
    assert store.count() == 1 and store.answered("b", "p1", "t") == first
    assert store.answered("b", "p1") is None and store.answered("other", "p1", "t") is None


def test_the_same_post_id_in_another_thread_or_brand_is_another_post(store: History) -> None:
    store.record(rec(1, post_id="p1", thread_id="t1"))
    store.record(rec(2, post_id="p1", thread_id="t2"))
    store.record(rec(3, post_id="p1", brand="other"))
    assert store.count() == 3


def test_a_new_reply_is_stored_beside_the_answer_and_kept_as_such(store: History) -> None:
    first = store.record(rec(1, post_id="p1"))
    more = store.publish(rec(2, post_id="p1", new_reply=True, agent="sam"))
    assert isinstance(more, Accepted) and more.published and more.record.seq > first.seq
    assert store.answered("b", "p1") == first
    got = store.recent("b")[0]
    assert (got.post_id, got.new_reply, got.agent) == ("p1", True, "sam")


def test_a_retried_publish_says_it_was_already_published(store: History) -> None:
    a = store.publish(rec(1, draft_id="d1", post_id="p1"))
    b = store.publish(rec(1, draft_id="d1", post_id="p1"))
    assert isinstance(a, Accepted) and isinstance(b, Accepted)
    assert (a.outcome, b.outcome, b.record.seq) == ("published", "already_published", a.record.seq)


# -- checked publication and holds ----------------------------------------------------------------

def clash_with(word: str) -> Callable[[Sequence[ReplyRecord]], Conflict | None]:
    """A check that finds any record whose text contains ``word`` (the engine's measure is tested elsewhere)."""
    def check(records: Sequence[ReplyRecord]) -> Conflict | None:
        return next((Conflict(r, 100.0, 100.0, 1.0) for r in records if word in r.text), None)
    return check


def test_publish_checks_only_the_replies_after_what_the_writer_saw(store: History) -> None:
    seen = store.record(rec(1, text="old same"))
    fresh = store.record(rec(2, text="new same"))
    found = store.publish(rec(3, text="mine"), after=seen.seq, check=clash_with("same"))
    assert isinstance(found, Conflict) and found.record.seq == fresh.seq and store.count() == 2
    stored = store.publish(rec(3, text="mine"), after=fresh.seq, check=clash_with("same"))
    assert isinstance(stored, Accepted) and stored.published and store.count() == 3


def test_holds_are_visible_at_once_and_checked_like_replies(store: History) -> None:
    held = store.hold(rec(1, text="held same", post_id="p1", agent="ana"), seconds=60)
    assert isinstance(held, ReplyRecord) and held.seq < 0 and held.held and held.agent == "ana"
    assert [h.draft_id for h in store.holds("b")] == [held.draft_id] and store.holds("other") == []
    assert store.count() == 0 and store.recent("b") == []
    clash = store.hold(rec(2, text="mine", post_id="p2"), seconds=60, check=clash_with("same"))
    assert isinstance(clash, Conflict) and clash.record.draft_id == held.draft_id
    assert isinstance(store.publish(rec(2, text="mine"), check=clash_with("same")), Conflict)
    assert held.draft_id is not None
    ok = store.publish(rec(2, text="mine"), seen={held.draft_id}, check=clash_with("same"))
    assert isinstance(ok, Accepted) and ok.published


def test_publishing_a_held_draft_turns_the_hold_into_the_reply(store: History) -> None:
    held = store.hold(rec(1, post_id="p1", draft_id="d1"), seconds=60)
    assert isinstance(held, ReplyRecord)
    done = store.publish(rec(1, post_id="p1", draft_id="d1"), check=clash_with("reply"))
    assert isinstance(done, Accepted) and done.published  # its own hold is not a conflict
    assert store.holds("b") == [] and store.count() == 1


def test_a_hold_on_the_same_post_replaces_the_earlier_one_and_publishing_drops_all(store: History) -> None:
    store.hold(rec(1, post_id="p1", draft_id="d1"), seconds=60)
    store.hold(rec(2, post_id="p1", draft_id="d2"), seconds=60)
    assert [h.draft_id for h in store.holds("b")] == ["d2"]
    store.hold(rec(3, post_id="p2", draft_id="d3"), seconds=60)
    other_agent = store.hold(rec(4, text="same", post_id="p1", draft_id="d4"), seconds=60)
    assert isinstance(other_agent, ReplyRecord)
    # a hold on the very post being answered is no conflict: only one of them can be published
    assert isinstance(store.publish(rec(5, text="same", post_id="p1", draft_id="d5"), check=clash_with("same")),
                      Accepted)
    assert [h.draft_id for h in store.holds("b")] == ["d3"]


def test_released_and_lapsed_holds_are_gone(store: History) -> None:
    store.hold(rec(1, draft_id="d1"), seconds=60)
    store.hold(rec(2, draft_id="d2"), seconds=0.2)
    store.release("b", "d1")
    store.release("b", "nothing")
    time.sleep(0.3)
    assert store.holds("b") == []
    assert isinstance(store.publish(rec(3, text="reply same"), check=clash_with("reply")), Accepted)


def test_scan_reads_every_reply_in_order_from_a_time(store: History) -> None:
    for n in range(1, 8):
        store.record(rec(n, brand="b" if n % 3 else "other"))
    assert [r.text for r in store.scan("b")] == [f"reply {n}" for n in (1, 2, 4, 5, 7)]
    assert [r.text for r in store.scan()] == [f"reply {n}" for n in range(1, 8)]
    assert [r.text for r in store.scan("b", since=T0 + timedelta(minutes=4))] == ["reply 4", "reply 5", "reply 7"]


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


def test_a_draft_id_is_uuid4s_hex_of_the_same_random_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import uuid

    from carevoice.variation.records import new_draft_id

    for _ in range(200):
        raw = os.urandom(16)
        monkeypatch.setattr(os, "urandom", lambda n, raw=raw: raw[:n])
        made, expected = new_draft_id(), uuid.uuid4().hex
        monkeypatch.undo()
        assert made == expected
    assert new_draft_id() != new_draft_id()
