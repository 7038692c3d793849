"""The SQLite history: versioned schema, clear errors, and safety under concurrency and crashes."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import FIXTURES

from carevoice.errors import HistoryError
from carevoice.variation.history import ReplyRecord
from carevoice.variation.sqlite import SCHEMA_VERSION, SQLiteHistory

MINI = FIXTURES / "banks" / "mini.yaml"


def test_the_file_is_in_wal_mode_with_the_current_schema_version(tmp_path: Path) -> None:
    SQLiteHistory(tmp_path / "h.sqlite").close()
    db = sqlite3.connect(tmp_path / "h.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_records_survive_closing_and_reopening(tmp_path: Path) -> None:
    with SQLiteHistory(tmp_path / "h.sqlite") as h:
        h.record(ReplyRecord("hello", "b", "x", ("p1",), draft_id="d1"))
    with SQLiteHistory(tmp_path / "h.sqlite") as h:
        assert [r.text for r in h.recent("b")] == ["hello"] and h.phrase_last_used("b", ["p1"]) == {"p1": 1}


@pytest.mark.parametrize(("prepare", "message"), [
    (lambda p: p.write_bytes(b"this is not a database at all" * 100), "not a readable carevoice reply history"),
    (lambda p: sqlite3.connect(p).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}"), "newer than this carevoice"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE orders (id INTEGER)"), "not a carevoice reply history"),
])
def test_unusable_files_raise_one_clear_history_error(tmp_path: Path, prepare: object, message: str) -> None:
    path = tmp_path / "h.sqlite"
    prepare(path)  # type: ignore[operator]
    with pytest.raises(HistoryError, match=message) as info:
        SQLiteHistory(path)
    assert str(path) in str(info.value)


def test_a_folder_that_cannot_hold_the_file_raises_history_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(HistoryError, match="cannot open"):
        SQLiteHistory(tmp_path / "file" / "h.sqlite")


def test_record_many_is_all_or_nothing(tmp_path: Path) -> None:
    with SQLiteHistory(tmp_path / "h.sqlite") as h:
        bad = ReplyRecord("x", "b", "x", draft_id="d2")
        object.__setattr__(bad, "text", None)  # NOT NULL violation inside the batch
        with pytest.raises(HistoryError):
            h.record_many([ReplyRecord("ok", "b", "x", draft_id="d1"), bad])
        assert h.count() == 0


def _draft_many(path: str, worker: int, posts: int, barrier: multiprocessing.synchronize.Barrier) -> None:
    from carevoice.drafter import Drafter
    from carevoice.inbound import Inbound
    from carevoice.variation.sqlite import SQLiteHistory

    drafter = Drafter(str(MINI), history=SQLiteHistory(path), seed=worker)
    barrier.wait()
    for n in range(posts):
        post = Inbound(text=f"The app crashes when I open it, try {n}", id=f"w{worker}-{n}")
        draft = drafter.draft(post, allow_blocked=True, record=True)
        drafter.accept(draft, post)  # a retried accept must not store the reply twice


def test_several_processes_drafting_at_once_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "h.sqlite")
    SQLiteHistory(path).close()
    ctx = multiprocessing.get_context("spawn")
    workers, posts = 4, 15
    barrier = ctx.Barrier(workers)
    procs = [ctx.Process(target=_draft_many, args=(path, w, posts, barrier)) for w in range(workers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with SQLiteHistory(path) as h:
        rows = h.recent("mini", limit=10_000)
    ids = [r.draft_id or "" for r in rows]
    assert len(rows) == workers * posts
    assert len(set(ids)) == len(ids)
    assert {i.split(":")[0] for i in ids} == {f"w{w}-{n}" for w in range(workers) for n in range(posts)}
    assert len({r.seq for r in rows}) == len(rows)


def _write_forever(path: str) -> None:
    from carevoice.variation.history import ReplyRecord
    from carevoice.variation.sqlite import SQLiteHistory

    h = SQLiteHistory(path)
    n = 0
    while True:
        h.record_many([ReplyRecord(f"reply {n}-{k} " + "x" * 500, "b", "x", (f"p{k}",)) for k in range(50)])
        n += 1


def test_a_process_killed_mid_write_leaves_a_readable_consistent_history(tmp_path: Path) -> None:
    path = str(tmp_path / "h.sqlite")
    SQLiteHistory(path).close()
    proc = multiprocessing.get_context("spawn").Process(target=_write_forever, args=(path,))
    proc.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with SQLiteHistory(path) as h:
            if h.count() >= 500:
                break
        time.sleep(0.05)
    assert proc.pid is not None
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(10)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with SQLiteHistory(path) as h:
        count = h.count()
        assert count >= 500 and count % 50 == 0  # whole batches only: a transaction is all or nothing
        h.record(ReplyRecord("after the crash", "b", "x"))
        assert h.count() == count + 1


def test_a_version_1_file_is_migrated_keeping_one_answer_per_post(tmp_path: Path) -> None:
    from carevoice.variation.sqlite_schema import MIGRATIONS

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[1])
    db.execute("PRAGMA user_version = 1")
    rows = [("p1:" + "a" * 16, "first answer"), ("p1:" + "b" * 16, "second answer to p1"),
            ("p2:" + "c" * 16, "answer to p2"), ("0123456789abcdef0123456789abcdef", "no post id")]
    for n, (draft_id, text) in enumerate(rows):
        db.execute("INSERT INTO replies (draft_id, brand, channel, text, phrase_ids, time) VALUES (?, 'b', 'x', ?, "
                   "'[]', ?)", (draft_id, text, f"2026-01-01T00:0{n}:00+00:00"))
    db.commit()
    db.close()
    with SQLiteHistory(path) as h:
        assert h.answered("b", "p1").text == "first answer"  # type: ignore[union-attr]
        got = {r.text: (r.post_id, r.new_reply) for r in h.scan("b")}
        assert got == {"first answer": ("p1", False), "second answer to p1": ("p1", True),
                       "answer to p2": ("p2", False), "no post id": (None, False)}
        assert h.record(ReplyRecord("third try", "b", "x", post_id="p1")).text == "first answer"
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
