"""The write transaction of the SQLite history, and how its rows become records.

Runs inside ``BEGIN IMMEDIATE`` (no other process can write meanwhile), so the steps of
:mod:`carevoice.variation.steps` see and change the file atomically.
"""

from __future__ import annotations

import json
import sqlite3
import time as _time
from collections.abc import Collection
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from carevoice.variation import steps
from carevoice.variation.records import ReplyRecord, post_key

__all__ = ["COLUMNS", "HOLD_COLUMNS", "SQLiteTx", "row", "utc"]

COLUMNS = ("seq, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, post_id, "
           "post_key, agent")
HOLD_COLUMNS = ("-id, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, post_id, "
                "post_key, agent, expires")


def row(data: tuple[Any, ...]) -> ReplyRecord:
    """The record of a row read with :data:`COLUMNS` (or :data:`HOLD_COLUMNS`)."""
    seq, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, post_id, key, agent = (
        data[:13])
    return ReplyRecord(
        text=text, brand=brand, channel=channel, phrase_ids=tuple(json.loads(phrase_ids)),
        time=datetime.fromisoformat(time), customer=customer, thread_id=thread_id, category=category,
        draft_id=draft_id, seq=seq, post_id=post_id, agent=agent, new_reply=post_id is not None and key is None,
        held_until=datetime.fromtimestamp(data[13], timezone.utc) if len(data) > 13 else None,
    )


def utc(when: datetime) -> datetime:
    """Times are stored in UTC, so that their ISO strings sort in time order."""
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)




class SQLiteTx:
    """The :class:`~carevoice.variation.steps.StoreTransaction` of a ``SQLiteHistory`` (write lock held)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def _one(self, sql: str, params: tuple[Any, ...]) -> ReplyRecord | None:
        found = self.db.execute(sql, params).fetchone()
        return row(found) if found is not None else None

    def find_draft(self, draft_id: str) -> ReplyRecord | None:
        """The reply stored under this draft id."""
        return self._one(f"SELECT {COLUMNS} FROM replies WHERE draft_id = ?", (draft_id,))

    def find_post(self, brand: str, key: str) -> ReplyRecord | None:
        """The reply that answers the post with this key."""
        return self._one(f"SELECT {COLUMNS} FROM replies WHERE brand = ? AND post_key = ?", (brand, key))

    def unseen(self, brand: str, *, after: int, seen: Collection[str], own: str,
               key: str | None) -> list[ReplyRecord]:
        """Replies after ``after`` (newest first) and live holds not in ``seen``, nor ``own``, nor on ``key``."""
        rows = self.db.execute(f"SELECT {COLUMNS} FROM replies WHERE brand = ? AND seq > ? ORDER BY seq DESC "
                               f"LIMIT {steps.UNSEEN_LIMIT}", (brand, after)).fetchall()
        held = self.db.execute(f"SELECT {HOLD_COLUMNS} FROM holds WHERE brand = ? AND expires > ? AND draft_id != ? "
                               "AND (? IS NULL OR post_key IS NOT ?)", (brand, _time.time(), own, key, key)).fetchall()
        return [*map(row, rows), *(r for r in map(row, held) if r.draft_id not in seen)]

    def insert(self, record: ReplyRecord) -> ReplyRecord:
        """Store a reply and its phrase use; return it with ``seq``."""
        when = utc(record.time)
        key = post_key(record)
        cur = self.db.execute(
            "INSERT INTO replies (draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, "
            "category, post_id, post_key, agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.draft_id, record.brand, record.channel, record.text, json.dumps(list(record.phrase_ids)),
             when.isoformat(), record.customer, record.thread_id, record.category, record.post_id, key,
             record.agent))
        seq = int(cur.lastrowid or 0)
        self.db.executemany(
            "INSERT INTO phrase_use (brand, phrase_id, seq) VALUES (?, ?, ?) "
            "ON CONFLICT (brand, phrase_id) DO UPDATE SET seq = max(seq, excluded.seq)",
            [(record.brand, pid, seq) for pid in dict.fromkeys(record.phrase_ids)])
        return replace(record, seq=seq, time=when)

    def drop_holds(self, brand: str, draft_id: str, key: str | None) -> None:
        """Remove the hold on this draft and every hold on this post."""
        self.db.execute("DELETE FROM holds WHERE draft_id = ?", (draft_id,))
        if key is not None:
            self.db.execute("DELETE FROM holds WHERE brand = ? AND post_key = ?", (brand, key))

    def put_hold(self, record: ReplyRecord, seconds: float) -> ReplyRecord:
        """Store a hold, replacing one on the same draft or post; drop the brand's lapsed holds."""
        assert record.draft_id is not None
        now = _time.time()
        key = post_key(record)
        self.db.execute("DELETE FROM holds WHERE brand = ? AND expires <= ?", (record.brand, now))
        self.drop_holds(record.brand, record.draft_id, key)
        cur = self.db.execute(
            "INSERT INTO holds (draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, "
            "post_id, post_key, agent, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.draft_id, record.brand, record.channel, record.text, json.dumps(list(record.phrase_ids)),
             utc(record.time).isoformat(), record.customer, record.thread_id, record.category, record.post_id,
             key, record.agent, now + seconds))
        return replace(record, seq=-int(cur.lastrowid or 0), time=utc(record.time),
                       held_until=datetime.fromtimestamp(now + seconds, timezone.utc))
