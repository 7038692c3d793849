"""The embedded SQLite reply history: one file, WAL, safe for several processes at once.

Every write is one ``BEGIN IMMEDIATE`` transaction (a process killed mid-write
leaves the file as it was before that record); ``draft_id`` is unique, so a
retried accept stores nothing twice; ``busy_timeout`` lets concurrent writers
queue instead of failing. The schema is versioned with ``PRAGMA user_version``.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from carevoice.errors import HistoryError
from carevoice.variation.history import ReplyRecord, new_draft_id

__all__ = ["SCHEMA_VERSION", "SQLiteHistory"]

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 30_000
_COLUMNS = "seq, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS replies (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id TEXT NOT NULL UNIQUE,
    brand TEXT NOT NULL,
    channel TEXT NOT NULL,
    text TEXT NOT NULL,
    phrase_ids TEXT NOT NULL,
    time TEXT NOT NULL,
    customer TEXT,
    thread_id TEXT,
    category TEXT
);
CREATE INDEX IF NOT EXISTS replies_brand ON replies (brand, seq);
CREATE INDEX IF NOT EXISTS replies_category ON replies (brand, category, seq);
CREATE INDEX IF NOT EXISTS replies_customer ON replies (brand, customer, seq) WHERE customer IS NOT NULL;
CREATE INDEX IF NOT EXISTS replies_thread ON replies (brand, thread_id, seq) WHERE thread_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS phrase_use (
    brand TEXT NOT NULL,
    phrase_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (brand, phrase_id)
) WITHOUT ROWID;
"""


def _row(row: tuple[Any, ...]) -> ReplyRecord:
    seq, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category = row
    return ReplyRecord(
        text=text, brand=brand, channel=channel, phrase_ids=tuple(json.loads(phrase_ids)),
        time=datetime.fromisoformat(time), customer=customer, thread_id=thread_id, category=category,
        draft_id=draft_id, seq=seq,
    )


def _hint(path: Path, exc: Exception) -> str:
    """What to do about a read-only history: SQLite writes the file and, in WAL mode, two files beside it."""
    if "readonly" not in str(exc) and "unable to open" not in str(exc):
        return ""
    return (f" (check that the file and its folder {path.parent} are writable: carevoice also creates "
            f"{path.name}-wal and {path.name}-shm there)")


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
            raise HistoryError(f"cannot open the reply history at {self.path}: {exc}{_hint(self.path, exc)}") from exc
        try:
            self._setup()
        except sqlite3.OperationalError as exc:  # read-only, locked, unable to open: the file itself may be fine
            self._db.close()
            raise HistoryError(f"cannot use the reply history at {self.path}: {exc}{_hint(self.path, exc)}") from exc
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise HistoryError(f"{self.path}: not a readable carevoice reply history ({exc})") from exc

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
            if tables - {"replies", "phrase_use", "sqlite_sequence"}:
                raise HistoryError(f"{self.path}: an SQLite file that is not a carevoice reply history "
                                   f"(tables: {', '.join(sorted(tables))})")
        if db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise HistoryError(f"{self.path}: cannot switch the reply history to WAL mode")
        db.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            with self._write():
                for statement in _SCHEMA.split(";"):
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
        except (sqlite3.Error, UnicodeEncodeError) as exc:  # UnicodeEncodeError: a lone surrogate in a key
            raise HistoryError(f"cannot read the reply history at {self.path}: {exc}") from exc

    def record(self, record: ReplyRecord) -> ReplyRecord:
        """Store a published reply (once per ``draft_id``); return it as stored, with ``seq`` set."""
        return self.record_many([record])[0]

    def record_many(self, records: Iterable[ReplyRecord]) -> list[ReplyRecord]:
        """Store several replies in one transaction (imports, benchmarks); all or none are stored."""
        out: list[ReplyRecord] = []
        try:
            with self._write() as db:
                for record in records:
                    out.append(self._insert(db, record))
        except (sqlite3.Error, UnicodeEncodeError) as exc:
            raise HistoryError(f"cannot write the reply history at {self.path}: {exc}{_hint(self.path, exc)}") from exc
        return out

    @staticmethod
    def _insert(db: sqlite3.Connection, record: ReplyRecord) -> ReplyRecord:
        draft_id = record.draft_id or new_draft_id()
        when = _utc(record.time)
        found = db.execute(f"SELECT {_COLUMNS} FROM replies WHERE draft_id = ?", (draft_id,)).fetchone()
        if found is not None:
            return _row(found)
        cur = db.execute(
            "INSERT INTO replies (draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, "
            "category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (draft_id, record.brand, record.channel, record.text, json.dumps(list(record.phrase_ids)),
             when.isoformat(), record.customer, record.thread_id, record.category))
        seq = int(cur.lastrowid or 0)
        db.executemany(
            "INSERT INTO phrase_use (brand, phrase_id, seq) VALUES (?, ?, ?) "
            "ON CONFLICT (brand, phrase_id) DO UPDATE SET seq = max(seq, excluded.seq)",
            [(record.brand, pid, seq) for pid in dict.fromkeys(record.phrase_ids)])
        return replace(record, draft_id=draft_id, seq=seq, time=when)

    def recent(
        self,
        brand: str,
        *,
        limit: int = 500,
        since: datetime | None = None,
        category: str | None = None,
        channel: str | None = None,
        after: int = 0,
    ) -> list[ReplyRecord]:
        """The brand's most recent replies (``seq > after``), newest first, optionally narrowed."""
        where, params = ["brand = ?", "seq > ?"], [brand, after]
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
