"""The reply history protocol and the in-memory store.

A history records every reply accepted for publishing and answers the
questions the variation engine asks: which recent replies could a new
candidate look like, and when was each phrase last used. Stores implement
:class:`History`; the engine never knows which store it talks to.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Protocol, runtime_checkable

__all__ = ["History", "MemoryHistory", "ReplyRecord"]


@dataclass(frozen=True)
class ReplyRecord:
    """One published reply."""

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
        """Store a published reply; return it with its sequence number set."""
        ...

    def recent(
        self,
        brand: str,
        *,
        limit: int = 500,
        since: datetime | None = None,
        category: str | None = None,
        channel: str | None = None,
    ) -> Sequence[ReplyRecord]:
        """The brand's most recent replies, newest first, optionally narrowed."""
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
        self._last_used: dict[tuple[str, str], int] = {}
        for r in records:
            self.record(r)

    def record(self, record: ReplyRecord) -> ReplyRecord:
        """Store a published reply; return it with its sequence number set."""
        with self._lock:
            seq = len(self._records) + 1
            stored = ReplyRecord(**{**record.__dict__, "seq": seq})
            self._records.append(stored)
            for pid in stored.phrase_ids:
                self._last_used[(stored.brand, pid)] = seq
            return stored

    def recent(
        self,
        brand: str,
        *,
        limit: int = 500,
        since: datetime | None = None,
        category: str | None = None,
        channel: str | None = None,
    ) -> list[ReplyRecord]:
        """The brand's most recent replies, newest first, optionally narrowed."""
        out: list[ReplyRecord] = []
        for r in reversed(self._records):
            if len(out) >= limit:
                break
            if r.brand != brand or (since is not None and r.time < since):
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
        if customer is None and thread_id is None:
            return []
        out = [
            r for r in reversed(self._records)
            if r.brand == brand
            and ((customer is not None and r.customer == customer) or (thread_id is not None and r.thread_id == thread_id))
        ]
        return out[:limit]

    def phrase_last_used(self, brand: str, phrase_ids: Iterable[str]) -> dict[str, int]:
        """For each phrase id used before, the sequence number of its latest use."""
        return {p: self._last_used[(brand, p)] for p in phrase_ids if (brand, p) in self._last_used}

    def count(self, brand: str | None = None) -> int:
        """How many replies are stored (for one brand, or all)."""
        if brand is None:
            return len(self._records)
        return sum(1 for r in self._records if r.brand == brand)
