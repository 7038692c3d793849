"""The write transaction of the PostgreSQL history, and how its rows become records.

Runs with the brand's advisory lock held and the connection in pipeline mode:
:meth:`PostgresTx.prefetch` sends every read the steps of
:mod:`carevoice.variation.steps` will ask for at once, so a publish costs three round
trips to the server (reads; the insert; the dropped holds and the commit) instead of ten.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import timezone
from typing import TYPE_CHECKING, Any

from carevoice.variation import steps
from carevoice.variation.records import ReplyRecord, post_key

if TYPE_CHECKING:
    from psycopg import Connection

__all__ = ["COLUMNS", "HOLD_COLUMNS", "INSERT", "PostgresTx", "row", "values"]

COLUMNS = ("seq, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, post_id, "
           "post_key, agent")
"""The columns of a reply, in the order :func:`row` reads them."""

HOLD_COLUMNS = ("-id, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, post_id, "
                "post_key, agent, expires")
"""The columns of a hold, as a record (its id negated as ``seq``, then when it lapses)."""

INSERT = "draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, post_id, post_key, agent"
"""The columns :func:`values` fills."""


def row(data: tuple[Any, ...]) -> ReplyRecord:
    """The record of a row read with :data:`COLUMNS` (or :data:`HOLD_COLUMNS`)."""
    seq, draft_id, brand, channel, text, phrase_ids, time, customer, thread_id, category, post_id, key, agent = (
        data[:13])
    return ReplyRecord(
        text=text, brand=brand, channel=channel, phrase_ids=tuple(phrase_ids), time=time, customer=customer,
        thread_id=thread_id, category=category, draft_id=draft_id, seq=int(seq), post_id=post_id, agent=agent,
        new_reply=post_id is not None and key is None, held_until=data[13] if len(data) > 13 else None)


def values(record: ReplyRecord) -> tuple[Any, ...]:
    """The values of a record for :data:`INSERT`."""
    when = record.time if record.time.tzinfo is not None else record.time.replace(tzinfo=timezone.utc)
    return (record.draft_id, record.brand, record.channel, record.text, list(record.phrase_ids), when,
            record.customer, record.thread_id, record.category, record.post_id, post_key(record), record.agent)


class PostgresTx:
    """The :class:`~carevoice.variation.steps.StoreTransaction` of a ``PostgresHistory`` (brand lock held)."""

    def __init__(self, conn: Connection[Any], schema: str) -> None:
        self.conn = conn
        self.s = schema
        self._ahead: dict[tuple[Any, ...], Any] = {}

    def prefetch(self, record: ReplyRecord, *, after: int, seen: Collection[str], answers: bool,
                 checked: bool) -> None:
        """Send the reads for this record's steps now; the methods below take their results."""
        assert record.draft_id is not None
        key = post_key(record)
        if answers:
            self._ahead[("draft", record.draft_id)] = self._find_draft(record.draft_id)
            if key is not None:
                self._ahead[("post", record.brand, key)] = self._find_post(record.brand, key)
        if checked:
            self._ahead[("unseen", record.brand, after, frozenset(seen), record.draft_id, key)] = self._unseen(
                record.brand, after=after, seen=seen, own=record.draft_id, key=key)

    @staticmethod
    def _one(cur: Any) -> ReplyRecord | None:
        found = cur.fetchone()
        return row(found) if found is not None else None

    def _find_draft(self, draft_id: str) -> Any:
        return self.conn.execute(f"SELECT {COLUMNS} FROM {self.s}.replies WHERE draft_id = %s", (draft_id,))

    def _find_post(self, brand: str, key: str) -> Any:
        return self.conn.execute(f"SELECT {COLUMNS} FROM {self.s}.replies WHERE brand = %s AND post_key = %s",
                                 (brand, key))

    def _unseen(self, brand: str, *, after: int, seen: Collection[str], own: str, key: str | None) -> Any:
        s = self.s
        rows = self.conn.execute(f"SELECT {COLUMNS} FROM {s}.replies WHERE brand = %s AND seq > %s ORDER BY seq DESC "
                                 f"LIMIT {steps.UNSEEN_LIMIT}", (brand, after))
        other_post = "" if key is None else " AND post_key IS DISTINCT FROM %s"
        held = self.conn.execute(f"SELECT {HOLD_COLUMNS} FROM {s}.holds WHERE brand = %s AND expires > now() "
                                 f"AND draft_id <> %s AND NOT draft_id = ANY(%s){other_post}",
                                 (brand, own, list(seen), *(() if key is None else (key,))))
        return rows, held

    def find_draft(self, draft_id: str) -> ReplyRecord | None:
        """The reply stored under this draft id."""
        return self._one(self._ahead.pop(("draft", draft_id), None) or self._find_draft(draft_id))

    def find_post(self, brand: str, key: str) -> ReplyRecord | None:
        """The reply that answers the post with this key."""
        return self._one(self._ahead.pop(("post", brand, key), None) or self._find_post(brand, key))

    def unseen(self, brand: str, *, after: int, seen: Collection[str], own: str,
               key: str | None) -> list[ReplyRecord]:
        """Replies after ``after`` and live holds not in ``seen`` (sent ahead by :meth:`prefetch`)."""
        rows, held = (self._ahead.pop(("unseen", brand, after, frozenset(seen), own, key), None)
                      or self._unseen(brand, after=after, seen=seen, own=own, key=key))
        return [*map(row, rows.fetchall()), *map(row, held.fetchall())]

    def insert(self, record: ReplyRecord) -> ReplyRecord:
        """Store a reply and its phrase use in one statement; return it with ``seq`` and time."""
        s = self.s
        found = self.conn.execute(
            f"WITH ins AS (INSERT INTO {s}.replies ({INSERT}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "RETURNING seq, time), "
            f"used AS (INSERT INTO {s}.phrase_use (brand, phrase_id, seq) SELECT %s, p, ins.seq FROM ins, "
            "unnest(%s::text[]) AS p ON CONFLICT (brand, phrase_id) DO UPDATE SET seq = greatest(phrase_use.seq, "
            "excluded.seq)) SELECT seq, time FROM ins",
            (*values(record), record.brand, list(dict.fromkeys(record.phrase_ids)))).fetchone()
        assert found is not None
        return replace(record, seq=int(found[0]), time=found[1])

    def drop_holds(self, brand: str, draft_id: str, key: str | None) -> None:
        """Remove the hold on this draft and every hold on this post."""
        self.conn.execute(f"DELETE FROM {self.s}.holds WHERE draft_id = %s OR (brand = %s AND post_key = %s)",
                          (draft_id, brand, key))

    def put_hold(self, record: ReplyRecord, seconds: float) -> ReplyRecord:
        """Store a hold, replacing one on the same draft or post; drop the brand's lapsed holds."""
        s = self.s
        self.conn.execute(f"DELETE FROM {s}.holds WHERE brand = %s AND expires <= now()", (record.brand,))
        assert record.draft_id is not None
        self.drop_holds(record.brand, record.draft_id, post_key(record))
        found = self.conn.execute(
            f"INSERT INTO {s}.holds ({INSERT}, expires) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
            "now() + make_interval(secs => %s)) RETURNING id, time, expires", (*values(record), seconds)).fetchone()
        assert found is not None
        return replace(record, seq=-int(found[0]), time=found[1], held_until=found[2])
