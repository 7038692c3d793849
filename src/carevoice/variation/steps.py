"""Publishing a reply and holding a draft, as steps every store runs inside one write transaction.

The stores differ in how they lock and query (a mutex, SQLite's ``BEGIN IMMEDIATE``, a
PostgreSQL advisory lock per brand); the decisions are the same everywhere and live here:

publish
    1. this draft id is stored already: return it (a retried accept stores nothing twice);
    2. the post already has its reply (same brand, thread and post id, and the record is not
       a ``new_reply``): return that reply;
    3. the check finds a near-duplicate among the replies and holds the writer has not seen
       (replies numbered after ``after``; holds not in ``seen``, nor on the same post): return
       the :class:`~carevoice.variation.records.Conflict`, store nothing;
    4. store the reply and drop the holds on this draft and on this post.

hold
    the same check as step 3; then store the hold, replacing one on the same draft or post.

A store calls these while it holds its write lock, so two writers never both pass the check
with texts that read alike: the second one sees the first one's hold or reply.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import Protocol

from carevoice.variation.records import Accepted, Check, Conflict, ReplyRecord, new_draft_id, post_key

__all__ = ["UNSEEN_LIMIT", "StoreTransaction", "hold", "publish"]

UNSEEN_LIMIT = 2000
"""At most this many of the newest unseen replies are checked (far more than a comparison scope holds)."""


class StoreTransaction(Protocol):
    """What the steps need from a store while its write lock is held."""

    def find_draft(self, draft_id: str) -> ReplyRecord | None:
        """The reply stored under this draft id."""
        ...

    def find_post(self, brand: str, key: str) -> ReplyRecord | None:
        """The reply that answers the post with this :func:`post_key`."""
        ...

    def unseen(self, brand: str, *, after: int, seen: Collection[str], own: str,
               key: str | None) -> list[ReplyRecord]:
        """Replies with ``seq > after`` (newest first, at most :data:`UNSEEN_LIMIT`) and live holds not in ``seen``.

        Leaves out the hold ``own`` and holds on the post ``key``.
        """
        ...

    def insert(self, record: ReplyRecord) -> ReplyRecord:
        """Store a reply (its draft id is set); return it with ``seq`` (and the stored time)."""
        ...

    def drop_holds(self, brand: str, draft_id: str, key: str | None) -> None:
        """Remove the hold on this draft and every hold on this post."""
        ...

    def put_hold(self, record: ReplyRecord, seconds: float) -> ReplyRecord:
        """Store a hold for ``seconds``, replacing one on the same draft or post; drop expired holds."""
        ...


def publish(tx: StoreTransaction, record: ReplyRecord, *, after: int = 0, seen: Collection[str] = (),
            check: Check | None = None) -> Accepted | Conflict:
    """Publish ``record`` through ``tx`` (see the module docstring for the steps)."""
    draft_id = record.draft_id or new_draft_id()
    record = replace(record, draft_id=draft_id, seq=0, held_until=None)
    key = post_key(record)
    found = tx.find_draft(draft_id)
    if found is not None:
        tx.drop_holds(record.brand, draft_id, key)
        return Accepted(found, "already_published")
    if key is not None:
        found = tx.find_post(record.brand, key)
        if found is not None:
            tx.drop_holds(record.brand, draft_id, key)
            return Accepted(found, "already_answered")
    if check is not None:
        conflict = check(tx.unseen(record.brand, after=after, seen=seen, own=draft_id, key=key))
        if conflict is not None:
            return conflict
    stored = tx.insert(record)
    tx.drop_holds(record.brand, draft_id, key)
    return Accepted(stored, "published")


def hold(tx: StoreTransaction, record: ReplyRecord, *, seconds: float, after: int = 0,
         seen: Collection[str] = (), check: Check | None = None) -> ReplyRecord | Conflict:
    """Hold ``record`` for ``seconds`` through ``tx``, unless the check finds a conflict."""
    draft_id = record.draft_id or new_draft_id()
    record = replace(record, draft_id=draft_id)
    if check is not None:
        conflict = check(tx.unseen(record.brand, after=after, seen=seen, own=draft_id, key=post_key(record)))
        if conflict is not None:
            return conflict
    return tx.put_hold(record, seconds)
