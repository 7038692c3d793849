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

import sqlite3
import threading
import time as _time
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from carevoice.errors import HistoryError
from carevoice.variation import steps
from carevoice.variation.records import Accepted, Check, Conflict, ReplyRecord, post_key
from carevoice.variation.sqlite_schema import KNOWN_TABLES, MIGRATIONS, SCHEMA_VERSION
from carevoice.variation.sqlite_tx import COLUMNS, HOLD_COLUMNS, SQLiteTx, row, utc

__all__ = ["SCHEMA_VERSION", "SQLiteHistory"]

BUSY_TIMEOUT_MS = 30_000
_BATCH = 5000


def _hint(path: Path, exc: Exception) -> str:
    """What to do about a read-only history: SQLite writes the file and, in WAL mode, two files beside it."""
    if "readonly" not in str(exc) and "unable to open" not in str(exc):
        return ""
    return (f" (check that the file and its folder {path.parent} are writable: carevoice also creates "
            f"{path.name}-wal and {path.name}-shm there)")


_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6  # SQLite's primary result codes (named in the sqlite3 module from 3.11)


def _locked(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused for another connection's lock (worth waiting for), not for the file itself.

    Read from SQLite's result code (its primary part: SQLITE_BUSY or SQLITE_LOCKED, with their extended
    forms such as SQLITE_BUSY_RECOVERY), not from the message, whose wording is SQLite's to change.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    text = str(exc)  # an error raised without a code (by Python itself, or by a test)
    return "database is locked" in text or "database is busy" in text


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
            self._setup_waiting()
        except sqlite3.OperationalError as exc:  # read-only, locked, unable to open: the file itself may be fine
            self._db.close()
            raise HistoryError(f"cannot use the reply history at {self.path}: {exc}{_hint(self.path, exc)}") from exc
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise HistoryError(f"{self.path}: not a readable carevoice reply history ({exc})") from exc
        except HistoryError:
            self._db.close()
            raise

    def _setup_waiting(self) -> None:
        """Set the file up, waiting out other processes doing the same.

        Switching a new file to WAL takes an exclusive lock, and SQLite answers "database
        is locked" at once, without its busy handler, when several processes open a new
        history together; each retries with a short, growing pause until the busy timeout.
        """
        deadline = _time.monotonic() + BUSY_TIMEOUT_MS / 1000
        pause = 0.005
        while True:
            try:
                self._setup()
                return
            except sqlite3.OperationalError as exc:
                if not _locked(exc) or _time.monotonic() + pause > deadline:
                    raise
            _time.sleep(pause)
            pause = min(pause * 2, 0.25)

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
        except (sqlite3.Error, UnicodeEncodeError) as exc:  # UnicodeEncodeError: a lone surrogate in a key
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
                tx = SQLiteTx(db)
                for record in records:
                    result = steps.publish(tx, record)
                    assert isinstance(result, Accepted)
                    out.append(result.record)
        except (sqlite3.Error, UnicodeEncodeError) as exc:
            raise HistoryError(f"cannot write the reply history at {self.path}: {exc}{_hint(self.path, exc)}") from exc
        return out

    def publish(self, record: ReplyRecord, *, after: int = 0, seen: Collection[str] = (),
                check: Check | None = None) -> Accepted | Conflict:
        """Store a reply unless ``check`` finds a near-duplicate the writer has not seen (one transaction)."""
        try:
            with self._write() as db:
                return steps.publish(SQLiteTx(db), record, after=after, seen=seen, check=check)
        except sqlite3.Error as exc:
            raise HistoryError(f"cannot write the reply history at {self.path}: {exc}") from exc

    def hold(self, record: ReplyRecord, *, seconds: float, after: int = 0, seen: Collection[str] = (),
             check: Check | None = None) -> ReplyRecord | Conflict:
        """Reserve a draft for ``seconds``, checked as :meth:`publish` checks."""
        try:
            with self._write() as db:
                return steps.hold(SQLiteTx(db), record, seconds=seconds, after=after, seen=seen, check=check)
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
        sql = f"SELECT {HOLD_COLUMNS} FROM holds WHERE brand = ? AND expires > ? ORDER BY id"
        return [row(r) for r in self._query(sql, (brand, _time.time()))]

    def answered(self, brand: str, post_id: str, thread_id: str | None = None) -> ReplyRecord | None:
        """The reply that answers this post, if it has one."""
        key = post_key(ReplyRecord("", brand, "", thread_id=thread_id, post_id=post_id))
        rows = self._query(f"SELECT {COLUMNS} FROM replies WHERE brand = ? AND post_key = ?", (brand, key))
        return row(rows[0]) if rows else None

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
            params.append(utc(since).isoformat())
        if category is not None:
            where.append("category = ?")
            params.append(category)
        if channel is not None:
            where.append("channel = ?")
            params.append(channel)
        sql = f"SELECT {COLUMNS} FROM replies WHERE {' AND '.join(where)} ORDER BY seq DESC LIMIT ?"
        return [row(r) for r in self._query(sql, [*params, limit])]

    def related(
        self, brand: str, *, customer: str | None = None, thread_id: str | None = None, limit: int = 50
    ) -> list[ReplyRecord]:
        """Earlier replies to the same customer or in the same thread, newest first."""
        found: dict[int, ReplyRecord] = {}
        for column, value in (("customer", customer), ("thread_id", thread_id)):
            if value is not None:
                sql = f"SELECT {COLUMNS} FROM replies WHERE brand = ? AND {column} = ? ORDER BY seq DESC LIMIT ?"
                found.update((r.seq, r) for r in map(row, self._query(sql, (brand, value, limit))))
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
            params.append(utc(since).isoformat())
        sql = f"SELECT {COLUMNS} FROM replies WHERE {' AND '.join(where)} ORDER BY seq LIMIT {_BATCH}"
        last = 0
        if since is not None:  # start near the period (times grow with seq), not at the first reply ever
            first = self._query(f"SELECT min(seq) FROM replies WHERE {' AND '.join(where[1:])}", params)
            last = max(int(first[0][0] or 0) - 1, 0)
        while True:
            rows = self._query(sql, [last, *params])
            yield from map(row, rows)
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
