"""The reply history protocol and the in-memory store.

A history records every reply accepted for publishing and answers the
questions the variation engine asks: which recent replies could a new
candidate look like, and when was each phrase last used. Stores implement
:class:`History`; the engine never knows which store it talks to (memory,
SQLite, PostgreSQL).

Sequence numbers (``seq``) grow with every record a store accepts, and a reader
that has seen ``seq`` n has seen every earlier reply of that brand. A record with
a ``draft_id`` the store already holds is not stored twice (retrying an accept is
safe), and a post (brand, thread, post id) keeps one reply unless the record says
it is a ``new_reply``. Drafts in progress are **held** (:meth:`History.hold`): a
hold is visible to every drafter at once and lapses after its time; publishing a
draft turns its hold into a reply in the same transaction. How the steps go is in
:mod:`carevoice.variation.steps`.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Protocol, runtime_checkable

from carevoice.variation import steps
from carevoice.variation.records import Accepted, Check, Conflict, ReplyRecord, new_draft_id, post_key

__all__ = ["Accepted", "Conflict", "History", "MemoryHistory", "ReplyRecord", "new_draft_id"]


@runtime_checkable
class History(Protocol):
    """What the Drafter needs from a reply history store."""

    def record(self, record: ReplyRecord) -> ReplyRecord:
        """Store a published reply (once per ``draft_id`` and per post); return it as stored, with ``seq`` set.

        When the post already has its reply, that reply is returned and nothing is stored.
        """
        ...

    def publish(self, record: ReplyRecord, *, after: int = 0, seen: Collection[str] = (),
                check: Check | None = None) -> Accepted | Conflict:
        """Store a reply unless ``check`` finds a near-duplicate among the replies and holds the writer has not seen.

        Not seen: replies numbered after ``after``, and holds whose draft id is not in ``seen``.

        One transaction: what the check saw cannot change before the reply is stored. Returns
        what was done (:class:`Accepted`) or the :class:`Conflict` (nothing stored).
        """
        ...

    def hold(self, record: ReplyRecord, *, seconds: float, after: int = 0, seen: Collection[str] = (),
             check: Check | None = None) -> ReplyRecord | Conflict:
        """Reserve a draft for ``seconds`` (visible to every drafter at once), checked as :meth:`publish` checks.

        Replaces a hold on the same draft id or the same post. Returns the hold as stored
        (negative ``seq``, ``held_until`` set) or the :class:`Conflict`.
        """
        ...

    def release(self, brand: str, draft_id: str) -> None:
        """Drop the hold on a draft (a discarded draft); nothing happens when there is none."""
        ...

    def holds(self, brand: str) -> Sequence[ReplyRecord]:
        """The brand's live holds (not yet lapsed)."""
        ...

    def answered(self, brand: str, post_id: str, thread_id: str | None = None) -> ReplyRecord | None:
        """The reply that answers this post, if it has one."""
        ...

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
    ) -> Sequence[ReplyRecord]:
        """The brand's most recent replies (``after < seq < before``), newest first, optionally narrowed."""
        ...

    def related(
        self, brand: str, *, customer: str | None = None, thread_id: str | None = None, limit: int = 50
    ) -> Sequence[ReplyRecord]:
        """Earlier replies to the same customer or in the same thread, newest first."""
        ...

    def phrase_last_used(self, brand: str, phrase_ids: Iterable[str]) -> dict[str, int]:
        """For each phrase id used before, the sequence number of its latest use."""
        ...

    def count(self, brand: str | None = None) -> int:
        """How many replies are stored (for one brand, or all)."""
        ...

    def scan(self, brand: str | None = None, *, since: datetime | None = None) -> Iterator[ReplyRecord]:
        """Every reply (of one brand, at or after ``since``) in the order stored, read in batches."""
        ...

    def close(self) -> None:
        """Release the store's connections (the store is unusable afterwards)."""
        ...


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when


class MemoryHistory:
    """A history kept in memory (tests, scripts, one-off batches); thread-safe."""

    def __init__(self, records: Iterable[ReplyRecord] = ()) -> None:
        self._lock = threading.Lock()
        self._records: list[ReplyRecord] = []
        self._by_brand: dict[str, list[ReplyRecord]] = {}
        self._by_id: dict[str, ReplyRecord] = {}
        self._by_post: dict[tuple[str, str], ReplyRecord] = {}
        self._by_key: dict[tuple[str, str, str], list[ReplyRecord]] = {}
        self._last_used: dict[tuple[str, str], int] = {}
        self._holds: dict[str, ReplyRecord] = {}
        self._hold_seq = 0
        for r in records:
            self.record(r)

    # -- writing -------------------------------------------------------------------------------
    def record(self, record: ReplyRecord) -> ReplyRecord:
        """Store a published reply (once per ``draft_id`` and per post); return it as stored, with ``seq`` set."""
        result = self.publish(record)
        assert isinstance(result, Accepted)
        return result.record

    def publish(self, record: ReplyRecord, *, after: int = 0, seen: Collection[str] = (),
                check: Check | None = None) -> Accepted | Conflict:
        """Store a reply unless ``check`` finds a near-duplicate the writer has not seen (one transaction)."""
        with self._lock:
            return steps.publish(_MemoryTx(self), record, after=after, seen=seen, check=check)

    def hold(self, record: ReplyRecord, *, seconds: float, after: int = 0, seen: Collection[str] = (),
             check: Check | None = None) -> ReplyRecord | Conflict:
        """Reserve a draft for ``seconds``, checked as :meth:`publish` checks."""
        with self._lock:
            return steps.hold(_MemoryTx(self), record, seconds=seconds, after=after, seen=seen, check=check)

    def release(self, brand: str, draft_id: str) -> None:
        """Drop the hold on a draft."""
        with self._lock:
            held = self._holds.get(draft_id)
            if held is not None and held.brand == brand:
                del self._holds[draft_id]

    # -- reading -------------------------------------------------------------------------------
    def holds(self, brand: str) -> list[ReplyRecord]:
        """The brand's live holds."""
        now = datetime.now(timezone.utc)
        with self._lock:
            return [h for h in self._holds.values() if h.brand == brand and h.held_until and h.held_until > now]

    def answered(self, brand: str, post_id: str, thread_id: str | None = None) -> ReplyRecord | None:
        """The reply that answers this post, if it has one."""
        key = post_key(ReplyRecord("", brand, "", thread_id=thread_id, post_id=post_id))
        assert key is not None
        return self._by_post.get((brand, key))

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
        out: list[ReplyRecord] = []
        for r in reversed(self._by_brand.get(brand, ())):
            if len(out) >= limit or r.seq <= after:
                break
            if before is not None and r.seq >= before:
                continue
            if since is not None and _utc(r.time) < _utc(since):
                continue
            if category is not None and r.category != category:
                continue
            if channel is not None and r.channel != channel:
                continue
            out.append(r)
        return out

    def related(
        self, brand: str, *, customer: str | None = None, thread_id: str | None = None, limit: int = 50
    ) -> list[ReplyRecord]:
        """Earlier replies to the same customer or in the same thread, newest first."""
        found: dict[int, ReplyRecord] = {}
        for kind, value in (("c", customer), ("t", thread_id)):
            if value is not None:
                found.update((r.seq, r) for r in self._by_key.get((brand, kind, value), ())[-limit:])
        return [found[s] for s in sorted(found, reverse=True)[:limit]]

    def phrase_last_used(self, brand: str, phrase_ids: Iterable[str]) -> dict[str, int]:
        """For each phrase id used before, the sequence number of its latest use."""
        return {p: self._last_used[(brand, p)] for p in phrase_ids if (brand, p) in self._last_used}

    def count(self, brand: str | None = None) -> int:
        """How many replies are stored (for one brand, or all)."""
        if brand is None:
            return len(self._records)
        return len(self._by_brand.get(brand, ()))

    def scan(self, brand: str | None = None, *, since: datetime | None = None) -> Iterator[ReplyRecord]:
        """Every reply (of one brand, at or after ``since``) in the order stored."""
        rows = list(self._records if brand is None else self._by_brand.get(brand, ()))
        return iter([r for r in rows if since is None or _utc(r.time) >= _utc(since)])

    def close(self) -> None:
        """Nothing to release."""


class _MemoryTx:
    """The :class:`~carevoice.variation.steps.StoreTransaction` of a :class:`MemoryHistory` (lock held)."""

    def __init__(self, store: MemoryHistory) -> None:
        self.s = store

    def find_draft(self, draft_id: str) -> ReplyRecord | None:
        return self.s._by_id.get(draft_id)

    def find_post(self, brand: str, key: str) -> ReplyRecord | None:
        return self.s._by_post.get((brand, key))

    def unseen(self, brand: str, *, after: int, seen: Collection[str], own: str,
               key: str | None) -> list[ReplyRecord]:
        replies = self.s.recent(brand, limit=steps.UNSEEN_LIMIT, after=after)
        now = datetime.now(timezone.utc)
        held = [h for h in self.s._holds.values()
                if h.brand == brand and h.held_until is not None and h.held_until > now
                and h.draft_id not in seen and h.draft_id != own and (key is None or post_key(h) != key)]
        return [*replies, *held]

    def insert(self, record: ReplyRecord) -> ReplyRecord:
        s = self.s
        stored = replace(record, seq=len(s._records) + 1)
        s._records.append(stored)
        s._by_brand.setdefault(stored.brand, []).append(stored)
        assert stored.draft_id is not None
        s._by_id[stored.draft_id] = stored
        key = post_key(stored)
        if key is not None:
            s._by_post[(stored.brand, key)] = stored
        for pid in stored.phrase_ids:
            s._last_used[(stored.brand, pid)] = stored.seq
        if stored.customer is not None:
            s._by_key.setdefault((stored.brand, "c", stored.customer), []).append(stored)
        if stored.thread_id is not None:
            s._by_key.setdefault((stored.brand, "t", stored.thread_id), []).append(stored)
        return stored

    def drop_holds(self, brand: str, draft_id: str, key: str | None) -> None:
        holds = self.s._holds
        for hid in [h for h, r in holds.items()
                    if r.brand == brand and (h == draft_id or (key is not None and post_key(r) == key))]:
            del holds[hid]

    def put_hold(self, record: ReplyRecord, seconds: float) -> ReplyRecord:
        s = self.s
        now = datetime.now(timezone.utc)
        assert record.draft_id is not None
        self.drop_holds(record.brand, record.draft_id, post_key(record))
        for hid in [h for h, r in s._holds.items() if r.held_until is not None and r.held_until <= now]:
            del s._holds[hid]
        s._hold_seq += 1
        held = replace(record, seq=-s._hold_seq, held_until=now + timedelta(seconds=seconds))
        s._holds[record.draft_id] = held
        return held
