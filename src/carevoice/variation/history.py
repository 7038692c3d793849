"""The reply history protocol and the in-memory store.

A history records every reply accepted for publishing and answers the
questions the variation engine asks: which recent replies could a new
candidate look like, and when was each phrase last used. Stores implement
:class:`History`; the engine never knows which store it talks to (memory,
SQLite, later a team-wide server database).

Sequence numbers (``seq``) grow with every record a store accepts; a record
with a ``draft_id`` the store already holds is not stored twice (retrying an
accept is safe).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Protocol, runtime_checkable

__all__ = ["History", "MemoryHistory", "ReplyRecord", "new_draft_id"]


def new_draft_id() -> str:
    """A fresh unique draft id (used when a record arrives without one)."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class ReplyRecord:
    """One published reply: text, brand, channel, phrase ids, time, customer, thread and situation."""

    text: str
    brand: str
    channel: str
    phrase_ids: tuple[str, ...] = ()
    time: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    customer: str | None = None
    thread_id: str | None = None
    category: str | None = None
    draft_id: str | None = None
    seq: int = 0


@runtime_checkable
class History(Protocol):
    """What the Drafter needs from a reply history store."""

    def record(self, record: ReplyRecord) -> ReplyRecord:
        """Store a published reply (once per ``draft_id``); return it as stored, with ``seq`` set."""
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
    ) -> Sequence[ReplyRecord]:
        """The brand's most recent replies (``seq > after``), newest first, optionally narrowed."""
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


class MemoryHistory:
    """A history kept in memory (tests, scripts, one-off batches); thread-safe."""

    def __init__(self, records: Iterable[ReplyRecord] = ()) -> None:
        self._lock = threading.Lock()
        self._records: list[ReplyRecord] = []
        self._by_brand: dict[str, list[ReplyRecord]] = {}
        self._by_id: dict[str, ReplyRecord] = {}
        self._by_key: dict[tuple[str, str, str], list[ReplyRecord]] = {}
        self._last_used: dict[tuple[str, str], int] = {}
        for r in records:
            self.record(r)

    def record(self, record: ReplyRecord) -> ReplyRecord:
        """Store a published reply (once per ``draft_id``); return it as stored, with ``seq`` set."""
        with self._lock:
            if record.draft_id is not None and record.draft_id in self._by_id:
                return self._by_id[record.draft_id]
            stored = replace(record, seq=len(self._records) + 1, draft_id=record.draft_id or new_draft_id())
            self._records.append(stored)
            self._by_brand.setdefault(stored.brand, []).append(stored)
            assert stored.draft_id is not None
            self._by_id[stored.draft_id] = stored
            for pid in stored.phrase_ids:
                self._last_used[(stored.brand, pid)] = stored.seq
            if stored.customer is not None:
                self._by_key.setdefault((stored.brand, "c", stored.customer), []).append(stored)
            if stored.thread_id is not None:
                self._by_key.setdefault((stored.brand, "t", stored.thread_id), []).append(stored)
            return stored

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
        out: list[ReplyRecord] = []
        for r in reversed(self._by_brand.get(brand, ())):
            if len(out) >= limit or r.seq <= after:
                break
            if since is not None and r.time < since:
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
