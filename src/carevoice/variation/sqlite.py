"""The embedded SQLite reply history: one file, WAL, safe for several processes at once.

Every write is one ``BEGIN IMMEDIATE`` transaction (a process killed mid-write
leaves the file as it was before that record); ``draft_id`` is unique, so a
retried accept stores nothing twice, and a post keeps one reply; ``busy_timeout``
lets concurrent writers queue instead of failing. The write lock is what makes a
checked publish or hold atomic: the check, the insert and the dropped hold happen
while no other process can write (see :mod:`carevoice.variation.steps`). The schema
is versioned with ``PRAGMA user_version`` (:mod:`carevoice.variation.sqlite_schema`).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time as _time
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from carevoice.errors import HistoryError
from carevoice.variation import steps
from carevoice.variation.records import Accepted, Check, Conflict, ReplyRecord, post_key
from carevoice.variation.sqlite_schema import KNOWN_TABLES, MIGRATIONS, SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "SQLiteHistory"]

BUSY_TIMEOUT_MS = 30_000
_COLUMNS = ("seq, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, post_id, "
            "post_key, agent")
_HOLD_COLUMNS = ("-id, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, post_id, "
                 "post_key, agent, expires")
_BATCH = 5000


def _row(row: tuple[Any, ...]) -> ReplyRecord:
    seq, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, post_id, key, agent = row[:13]
    return ReplyRecord(
        text=text, brand=brand, channel=channel, phrase_ids=tuple(json.loads(phrase_ids)),
        time=datetime.fromisoformat(time), customer=customer, thread_id=thread_id, category=category,
        draft_id=draft_id, seq=seq, post_id=post_id, agent=agent, new_reply=post_id is not None and key is None,
        held_until=datetime.fromtimestamp(row[13], timezone.utc) if len(row) > 13 else None,
    )


def _utc(when: datetime) -> datetime:
    """Times are stored in UTC, so that their ISO strings sort in time order."""
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)


class SQLiteHistory:
    """A reply history in one SQLite file (created with its folder if absent)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                       check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(f"cannot open the reply history at {self.path}: {exc}") from exc
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise HistoryError(f"{self.path}: not a readable carevoice reply history ({exc})") from exc
        except HistoryError:
            self._db.close()
            raise

    def _setup(self) -> None:
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise HistoryError(
                f"{self.path}: reply history schema version {version} is newer than this carevoice "
                f"understands ({SCHEMA_VERSION}); upgrade carevoice")
        if version == 0:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if tables - KNOWN_TABLES:
                raise HistoryError(f"{self.path}: an SQLite file that is not a carevoice reply history "
                                   f"(tables: {', '.join(sorted(tables))})")
        if db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise HistoryError(f"{self.path}: cannot switch the reply history to WAL mode")
        db.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            with self._write():
                # another process may have migrated the file while this one waited for the lock
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
                for step in range(version + 1, SCHEMA_VERSION + 1):
                    for statement in MIGRATIONS[step].split(";"):
                        if statement.strip():
                            db.execute(statement)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._lock:
                return self._db.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            raise HistoryError(f"cannot read the reply history at {self.path}: {exc}") from exc

    # -- writing -------------------------------------------------------------------------------
    def record(self, record: ReplyRecord) -> ReplyRecord:
        """Store a published reply (once per ``draft_id`` and per post); return it as stored, with ``seq`` set."""
        return self.record_many([record])[0]

    def record_many(self, records: Iterable[ReplyRecord]) -> list[ReplyRecord]:
        """Store several replies in one transaction (imports, benchmarks); all or none are stored."""
        out: list[ReplyRecord] = []
        try:
            with self._write() as db:
                tx = _SQLiteTx(db)
                for record in records:
                    result = steps.publish(tx, record)
                    assert isinstance(result, Accepted)
                    out.append(result.record)
        except sqlite3.Error as exc:
            raise HistoryError(f"cannot write the reply history at {self.path}: {exc}") from exc
        return out

    def publish(self, record: ReplyRecord, *, after: int = 0, seen: Collection[str] = (),
                check: Check | None = None) -> Accepted | Conflict:
        """Store a reply unless ``check`` finds a near-duplicate the writer has not seen (one transaction)."""
        try:
            with self._write() as db:
                return steps.publish(_SQLiteTx(db), record, after=after, seen=seen, check=check)
        except sqlite3.Error as exc:
            raise HistoryError(f"cannot write the reply history at {self.path}: {exc}") from exc

    def hold(self, record: ReplyRecord, *, seconds: float, after: int = 0, seen: Collection[str] = (),
             check: Check | None = None) -> ReplyRecord | Conflict:
        """Reserve a draft for ``seconds``, checked as :meth:`publish` checks."""
        try:
            with self._write() as db:
                return steps.hold(_SQLiteTx(db), record, seconds=seconds, after=after, seen=seen, check=check)
        except sqlite3.Error as exc:
            raise HistoryError(f"cannot write the reply history at {self.path}: {exc}") from exc

    def release(self, brand: str, draft_id: str) -> None:
        """Drop the hold on a draft."""
        try:
            with self._write() as db:
                db.execute("DELETE FROM holds WHERE brand = ? AND draft_id = ?", (brand, draft_id))
        except sqlite3.Error as exc:
            raise HistoryError(f"cannot write the reply history at {self.path}: {exc}") from exc

    # -- reading -------------------------------------------------------------------------------
    def holds(self, brand: str) -> list[ReplyRecord]:
        """The brand's live holds."""
        sql = f"SELECT {_HOLD_COLUMNS} FROM holds WHERE brand = ? AND expires > ? ORDER BY id"
        return [_row(r) for r in self._query(sql, (brand, _time.time()))]

    def answered(self, brand: str, post_id: str, thread_id: str | None = None) -> ReplyRecord | None:
        """The reply that answers this post, if it has one."""
        key = post_key(ReplyRecord("", brand, "", thread_id=thread_id, post_id=post_id))
        rows = self._query(f"SELECT {_COLUMNS} FROM replies WHERE brand = ? AND post_key = ?", (brand, key))
        return _row(rows[0]) if rows else None

    def recent(
        self,
        brand: str,
        *,
        limit: int = 500,
        since: datetime | None = None,
        category: str | None = None,
        channel: str | None = None,
        after: int = 0,
        before: int | None = None,
    ) -> list[ReplyRecord]:
        """The brand's most recent replies (``after < seq < before``), newest first, optionally narrowed."""
        where, params = ["brand = ?", "seq > ?"], [brand, after]
        if before is not None:
            where.append("seq < ?")
            params.append(before)
        if since is not None:
            where.append("time >= ?")
            params.append(_utc(since).isoformat())
        if category is not None:
            where.append("category = ?")
            params.append(category)
        if channel is not None:
            where.append("channel = ?")
            params.append(channel)
        sql = f"SELECT {_COLUMNS} FROM replies WHERE {' AND '.join(where)} ORDER BY seq DESC LIMIT ?"
        return [_row(r) for r in self._query(sql, [*params, limit])]

    def related(
        self, brand: str, *, customer: str | None = None, thread_id: str | None = None, limit: int = 50
    ) -> list[ReplyRecord]:
        """Earlier replies to the same customer or in the same thread, newest first."""
        found: dict[int, ReplyRecord] = {}
        for column, value in (("customer", customer), ("thread_id", thread_id)):
            if value is not None:
                sql = f"SELECT {_COLUMNS} FROM replies WHERE brand = ? AND {column} = ? ORDER BY seq DESC LIMIT ?"
                found.update((r.seq, r) for r in map(_row, self._query(sql, (brand, value, limit))))
        return [found[s] for s in sorted(found, reverse=True)[:limit]]

    def phrase_last_used(self, brand: str, phrase_ids: Iterable[str]) -> dict[str, int]:
        """For each phrase id used before, the sequence number of its latest use."""
        ids = list(dict.fromkeys(phrase_ids))
        out: dict[str, int] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT phrase_id, seq FROM phrase_use WHERE brand = ? AND phrase_id IN ({marks})"
            out.update((str(p), int(s)) for p, s in self._query(sql, [brand, *chunk]))
        return out

    def count(self, brand: str | None = None) -> int:
        """How many replies are stored (for one brand, or all)."""
        if brand is None:
            return int(self._query("SELECT count(*) FROM replies")[0][0])
        return int(self._query("SELECT count(*) FROM replies WHERE brand = ?", (brand,))[0][0])

    def scan(self, brand: str | None = None, *, since: datetime | None = None) -> Iterator[ReplyRecord]:
        """Every reply (of one brand, at or after ``since``) in the order stored, read in batches."""
        where, params = ["seq > ?"], []
        if brand is not None:
            where.append("brand = ?")
            params.append(brand)
        if since is not None:
            where.append("time >= ?")
            params.append(_utc(since).isoformat())
        sql = f"SELECT {_COLUMNS} FROM replies WHERE {' AND '.join(where)} ORDER BY seq LIMIT {_BATCH}"
        last = 0
        while True:
            rows = self._query(sql, [last, *params])
            yield from map(_row, rows)
            if len(rows) < _BATCH:
                return
            last = int(rows[-1][0])

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> SQLiteHistory:
        """Use the history as a context manager that closes it."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the history."""
        self.close()


class _SQLiteTx:
    """The :class:`~carevoice.variation.steps.StoreTransaction` of a :class:`SQLiteHistory` (write lock held)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def _one(self, sql: str, params: tuple[Any, ...]) -> ReplyRecord | None:
        found = self.db.execute(sql, params).fetchone()
        return _row(found) if found is not None else None

    def find_draft(self, draft_id: str) -> ReplyRecord | None:
        return self._one(f"SELECT {_COLUMNS} FROM replies WHERE draft_id = ?", (draft_id,))

    def find_post(self, brand: str, key: str) -> ReplyRecord | None:
        return self._one(f"SELECT {_COLUMNS} FROM replies WHERE brand = ? AND post_key = ?", (brand, key))

    def unseen(self, brand: str, *, after: int, seen: Collection[str], own: str,
               key: str | None) -> list[ReplyRecord]:
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM replies WHERE brand = ? AND seq > ? ORDER BY seq DESC "
                               f"LIMIT {steps.UNSEEN_LIMIT}", (brand, after)).fetchall()
        held = self.db.execute(f"SELECT {_HOLD_COLUMNS} FROM holds WHERE brand = ? AND expires > ? AND draft_id != ? "
                               "AND (? IS NULL OR post_key IS NOT ?)", (brand, _time.time(), own, key, key)).fetchall()
        return [*map(_row, rows), *(r for r in map(_row, held) if r.draft_id not in seen)]

    def insert(self, record: ReplyRecord) -> ReplyRecord:
        when = _utc(record.time)
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
        self.db.execute("DELETE FROM holds WHERE draft_id = ?", (draft_id,))
        if key is not None:
            self.db.execute("DELETE FROM holds WHERE brand = ? AND post_key = ?", (brand, key))

    def put_hold(self, record: ReplyRecord, seconds: float) -> ReplyRecord:
        assert record.draft_id is not None
        now = _time.time()
        key = post_key(record)
        self.db.execute("DELETE FROM holds WHERE brand = ? AND expires <= ?", (record.brand, now))
        self.drop_holds(record.brand, record.draft_id, key)
        cur = self.db.execute(
            "INSERT INTO holds (draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, "
            "post_id, post_key, agent, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.draft_id, record.brand, record.channel, record.text, json.dumps(list(record.phrase_ids)),
             _utc(record.time).isoformat(), record.customer, record.thread_id, record.category, record.post_id,
             key, record.agent, now + seconds))
        return replace(record, seq=-int(cur.lastrowid or 0), time=_utc(record.time),
                       held_until=datetime.fromtimestamp(now + seconds, timezone.utc))
