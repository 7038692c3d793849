"""The PostgreSQL reply history: one history for a team on many machines.

Install with ``pip install 'carevoice[postgres]'`` (psycopg 3 and its connection pool).
Each :class:`PostgresHistory` keeps a small pool of connections. Every write is one
transaction holding a transaction-scoped advisory lock on its brand: the steps of
:mod:`carevoice.variation.steps` run under it, and replies of a brand are numbered in
the order they commit, so a reader that has seen reply n has seen every earlier one.
A lost connection or a restarting server is retried for ``retry_for`` seconds (every
write is idempotent: a draft id or a post is never stored twice), then raises
:class:`~carevoice.errors.HistoryUnavailableError`, which names the server and the
cause, never the password.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from carevoice._driver_log import driver_loaded
from carevoice.errors import HistoryError, HistoryUnavailableError
from carevoice.variation import steps
from carevoice.variation.pgconn import Server, transient
from carevoice.variation.postgres_schema import LOCK_CLASS, MIGRATIONS, SCHEMA_NAME, SCHEMA_VERSION, valid_schema
from carevoice.variation.postgres_tx import COLUMNS, HOLD_COLUMNS, INSERT, PostgresTx, row, values
from carevoice.variation.records import Accepted, Check, Conflict, ReplyRecord, new_draft_id, post_key

if TYPE_CHECKING:
    from psycopg import Connection

__all__ = ["PostgresHistory"]

T = TypeVar("T")
_BATCH = 5000
def _psycopg() -> Any:
    try:
        import psycopg
        import psycopg_pool
    except ImportError as exc:
        raise HistoryError("a PostgreSQL reply history needs the postgres extra: "
                           "pip install 'carevoice[postgres]'") from exc
    driver_loaded()
    return psycopg, psycopg_pool


class PostgresHistory:
    """A reply history in a PostgreSQL database, shared by every drafter that opens the same URL.

    ``url`` is a libpq URL or connection string (``postgresql://user:password@host:5432/db``);
    the tables live in ``schema`` (created and migrated on first open). ``pool_size`` is the
    most connections this history opens; ``retry_for`` how many seconds a passing failure
    (restart, lost connection) is retried before :class:`HistoryUnavailableError`.
    """

    def __init__(self, url: str, *, schema: str = SCHEMA_NAME, pool_size: int = 2, connect_timeout: float = 5.0,
                 retry_for: float = 15.0) -> None:
        psycopg, psycopg_pool = _psycopg()
        if not valid_schema(schema):
            raise HistoryError(f"schema name {schema!r} is not a plain lower-case PostgreSQL identifier")
        try:
            self.server = Server(url)
        except ValueError as exc:
            raise HistoryError(f"not a usable PostgreSQL URL: {exc}") from None
        self.schema = schema
        self.retry_for = retry_for
        self._psycopg = psycopg
        self._kwargs: dict[str, Any] = {"autocommit": True}
        if "connect_timeout" not in self.server.params:
            self._kwargs["connect_timeout"] = max(1, round(connect_timeout))
        if "application_name" not in self.server.params:
            self._kwargs["application_name"] = "carevoice"
        try:
            with psycopg.connect(url, **self._kwargs) as conn:
                self._migrate(conn)
        except psycopg.Error as exc:
            raise self._error("cannot open", exc) from None
        self._pool = psycopg_pool.ConnectionPool(
            url, kwargs=self._kwargs, min_size=1, max_size=max(1, pool_size), open=False,
            timeout=max(1.0, min(connect_timeout, retry_for)), name=f"carevoice-{schema}")
        self._pool.open(wait=False)

    def __repr__(self) -> str:
        return f"PostgresHistory({self.server.display!r}, schema={self.schema!r})"

    # -- connections and errors ------------------------------------------------------------
    def _error(self, doing: str, exc: BaseException) -> HistoryError:
        where = f"the PostgreSQL reply history at {self.server} (schema {self.schema})"
        if transient(exc):
            return HistoryUnavailableError(f"{doing} {where}: {self.server.cause(exc)}; try again when the server "
                                           "is reachable", server=self.server.display)
        return HistoryError(f"{doing} {where}: {self.server.cause(exc)}")

    def _run(self, doing: str, fn: Callable[[Connection[Any]], T]) -> T:
        """Run ``fn`` on a pooled connection; retry passing failures for ``retry_for`` seconds.

        A pooled connection the server dropped (it restarted while the connection was idle) is
        discarded and the work tried again on another at once, whatever ``retry_for`` says.
        """
        from psycopg_pool import PoolTimeout

        deadline = _time.monotonic() + self.retry_for
        delay = 0.05
        stale = self._pool.max_size  # at most this many pooled connections can have gone stale
        while True:
            try:
                with self._pool.connection() as conn:
                    return fn(conn)
            except self._psycopg.Error as exc:
                if not transient(exc):
                    raise self._error(doing, exc) from None
                if stale > 0 and not isinstance(exc, PoolTimeout):
                    stale -= 1
                    continue
                if _time.monotonic() + delay >= deadline:
                    raise self._error(doing, self._reason(exc)) from None
                _time.sleep(delay)
                delay = min(delay * 2, 1.0)
            except UnicodeEncodeError as exc:
                raise HistoryError(f"{doing} the PostgreSQL reply history at {self.server}: the text is not valid "
                                   f"Unicode ({exc.reason} at character {exc.start})") from None

    def _reason(self, exc: BaseException) -> BaseException:
        """A pool timeout says nothing of why: ask the server directly, once, for the real cause."""
        from psycopg_pool import PoolTimeout

        if not isinstance(exc, PoolTimeout):
            return exc
        try:
            self._psycopg.connect(self.server.url, **{**self._kwargs, "connect_timeout": 2}).close()
        except self._psycopg.Error as direct:
            return direct  # type: ignore[no-any-return]
        return exc

    def _migrate(self, conn: Connection[Any]) -> None:
        s = self.schema
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (LOCK_CLASS, s))
            tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", (s,))}
            version = 0
            if "meta" in tables:
                meta = dict(conn.execute(f"SELECT key, value FROM {s}.meta").fetchall())
                if meta.get("application") != "carevoice":
                    raise HistoryError(f"schema {s} in {self.server} is not a carevoice reply history "
                                       f"(its meta table names {meta.get('application')!r})")
                version = int(meta.get("schema_version", "0"))
            elif tables:
                raise HistoryError(f"schema {s} in {self.server} holds tables that are not a carevoice reply "
                                   f"history ({', '.join(sorted(tables))}); choose another schema")
            if version > SCHEMA_VERSION:
                raise HistoryError(f"the reply history in {self.server} (schema {s}) has schema version {version}, "
                                   f"newer than this carevoice understands ({SCHEMA_VERSION}); upgrade carevoice")
            for step in range(version + 1, SCHEMA_VERSION + 1):
                conn.execute(MIGRATIONS[step].format(s=s).encode())
            if version < SCHEMA_VERSION:
                conn.execute(f"INSERT INTO {s}.meta (key, value) VALUES ('application', 'carevoice'), "
                             "('schema_version', %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             (str(SCHEMA_VERSION),))

    def _write(self, record: ReplyRecord, fn: Callable[[PostgresTx], T], *, after: int, seen: Collection[str],
               answers: bool, checked: bool) -> T:
        """Run ``fn`` in one transaction under the brand's lock, its reads sent ahead in one pipeline."""
        def run(conn: Connection[Any]) -> T:
            with conn.pipeline(), conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                             (LOCK_CLASS, f"{self.schema}/{record.brand}"))
                tx = PostgresTx(conn, self.schema)
                tx.prefetch(record, after=after, seen=seen, answers=answers, checked=checked)
                return fn(tx)
        return self._run("cannot write", run)

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return self._run("cannot read", lambda conn: conn.execute(sql.format(s=self.schema), tuple(params)).fetchall())

    # -- writing -------------------------------------------------------------------------------
    def record(self, record: ReplyRecord) -> ReplyRecord:
        """Store a published reply (once per ``draft_id`` and per post); return it as stored, with ``seq`` set."""
        result = self.publish(record)
        assert isinstance(result, Accepted)
        return result.record

    def publish(self, record: ReplyRecord, *, after: int = 0, seen: Collection[str] = (),
                check: Check | None = None) -> Accepted | Conflict:
        """Store a reply unless ``check`` finds a near-duplicate the writer has not seen (one transaction)."""
        record = replace(record, draft_id=record.draft_id or new_draft_id())
        return self._write(record, lambda tx: steps.publish(tx, record, after=after, seen=seen, check=check),
                           after=after, seen=seen, answers=True, checked=check is not None)

    def hold(self, record: ReplyRecord, *, seconds: float, after: int = 0, seen: Collection[str] = (),
             check: Check | None = None) -> ReplyRecord | Conflict:
        """Reserve a draft for ``seconds``, checked as :meth:`publish` checks."""
        record = replace(record, draft_id=record.draft_id or new_draft_id())
        return self._write(record, lambda tx: steps.hold(tx, record, seconds=seconds, after=after, seen=seen,
                                                         check=check), after=after, seen=seen, answers=False,
                           checked=check is not None)

    def release(self, brand: str, draft_id: str) -> None:
        """Drop the hold on a draft."""
        self._run("cannot write", lambda conn: conn.execute(
            f"DELETE FROM {self.schema}.holds WHERE brand = %s AND draft_id = %s", (brand, draft_id)))

    def load(self, records: Iterable[ReplyRecord]) -> int:
        """Bulk-load replies with COPY (imports, benchmarks): all or none; every draft id must be new.

        Holds a lock that pauses other writers for the load. Returns how many were loaded.
        """
        s = self.schema

        def run(conn: Connection[Any]) -> int:
            with conn.transaction():
                conn.execute(f"LOCK TABLE {s}.replies IN SHARE ROW EXCLUSIVE MODE")
                before = conn.execute(f"SELECT coalesce(max(seq), 0) FROM {s}.replies").fetchone()
                n = 0
                with conn.cursor() as cur, cur.copy(f"COPY {s}.replies ({INSERT}) FROM STDIN") as copy:
                    for r in records:
                        copy.write_row(values(replace(r, draft_id=r.draft_id or new_draft_id())))
                        n += 1
                conn.execute(
                    f"INSERT INTO {s}.phrase_use (brand, phrase_id, seq) SELECT brand, p, max(seq) FROM {s}.replies, "
                    f"unnest(phrase_ids) AS p WHERE seq > %s GROUP BY brand, p ON CONFLICT (brand, phrase_id) "
                    "DO UPDATE SET seq = greatest(phrase_use.seq, excluded.seq)", (before[0] if before else 0,))
                return n

        return self._run("cannot load into", run)

    # -- reading -------------------------------------------------------------------------------
    def holds(self, brand: str) -> list[ReplyRecord]:
        """The brand's live holds."""
        sql = f"SELECT {HOLD_COLUMNS} FROM {{s}}.holds WHERE brand = %s AND expires > now() ORDER BY id"
        return [row(r) for r in self._read(sql, (brand,))]

    def answered(self, brand: str, post_id: str, thread_id: str | None = None) -> ReplyRecord | None:
        """The reply that answers this post, if it has one."""
        key = post_key(ReplyRecord("", brand, "", thread_id=thread_id, post_id=post_id))
        rows = self._read(f"SELECT {COLUMNS} FROM {{s}}.replies WHERE brand = %s AND post_key = %s", (brand, key))
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
        where, params = ["brand = %s", "seq > %s"], [brand, after]
        for column, value in (("seq <", before), ("time >=", since), ("category =", category), ("channel =", channel)):
            if value is not None:
                where.append(f"{column} %s")
                params.append(value)
        sql = f"SELECT {COLUMNS} FROM {{s}}.replies WHERE {' AND '.join(where)} ORDER BY seq DESC LIMIT %s"
        return [row(r) for r in self._read(sql, [*params, limit])]

    def related(
        self, brand: str, *, customer: str | None = None, thread_id: str | None = None, limit: int = 50
    ) -> list[ReplyRecord]:
        """Earlier replies to the same customer or in the same thread, newest first."""
        found: dict[int, ReplyRecord] = {}
        for column, value in (("customer", customer), ("thread_id", thread_id)):
            if value is not None:
                sql = (f"SELECT {COLUMNS} FROM {{s}}.replies WHERE brand = %s AND {column} = %s "
                       "ORDER BY seq DESC LIMIT %s")
                found.update((r.seq, r) for r in map(row, self._read(sql, (brand, value, limit))))
        return [found[s] for s in sorted(found, reverse=True)[:limit]]

    def phrase_last_used(self, brand: str, phrase_ids: Iterable[str]) -> dict[str, int]:
        """For each phrase id used before, the sequence number of its latest use."""
        ids = list(dict.fromkeys(phrase_ids))
        if not ids:
            return {}
        rows = self._read("SELECT phrase_id, seq FROM {s}.phrase_use WHERE brand = %s AND phrase_id = ANY(%s)",
                          (brand, ids))
        return {str(p): int(s) for p, s in rows}

    def count(self, brand: str | None = None) -> int:
        """How many replies are stored (for one brand, or all)."""
        if brand is None:
            return int(self._read("SELECT count(*) FROM {s}.replies")[0][0])
        return int(self._read("SELECT count(*) FROM {s}.replies WHERE brand = %s", (brand,))[0][0])

    def scan(self, brand: str | None = None, *, since: datetime | None = None) -> Iterator[ReplyRecord]:
        """Every reply (of one brand, at or after ``since``) in the order stored, read in batches."""
        where, params = ["seq > %s"], []
        for column, value in (("brand =", brand), ("time >=", since)):
            if value is not None:
                where.append(f"{column} %s")
                params.append(value)
        last = 0
        if since is not None:  # start near the period (times grow with seq), not at the first reply ever
            first = self._read(f"SELECT min(seq) FROM {{s}}.replies WHERE {' AND '.join(where[1:])}", params)
            last = int(first[0][0] or 0) - 1
        sql = f"SELECT {COLUMNS} FROM {{s}}.replies WHERE {' AND '.join(where)} ORDER BY seq LIMIT {_BATCH}"
        while True:
            rows = self._read(sql, [max(last, 0), *params])
            yield from map(row, rows)
            if len(rows) < _BATCH:
                return
            last = int(rows[-1][0])

    def close(self) -> None:
        """Close every pooled connection."""
        self._pool.close()

    def __enter__(self) -> PostgresHistory:
        """Use the history as a context manager that closes it."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the history."""
        self.close()
