"""The values a reply history stores and returns: replies, holds, what accepting did, conflicts.

A **reply** is a :class:`ReplyRecord` with ``seq > 0``, numbered in the order the store
accepted it. A **hold** (a reservation a draft takes while an agent reads it) is a
``ReplyRecord`` too, with ``held_until`` set and a negative ``seq`` of its own, so that
the comparison scope can hold replies and drafts side by side.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Literal

__all__ = ["Accepted", "Check", "Conflict", "Outcome", "ReplyRecord", "new_draft_id", "post_key"]


def new_draft_id() -> str:
    """A fresh unique draft id (used when a record arrives without one).

    ``uuid.uuid4().hex``, made as :mod:`uuid` makes it (16 random bytes, the version and
    variant bits set) without importing it and :mod:`platform` on every command-line draft.
    """
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # the RFC 4122 variant
    return raw.hex()


@dataclass(frozen=True)
class ReplyRecord:
    """One published reply (or one held draft): text, brand, channel, phrase ids, time, and who and what for.

    ``post_id`` and ``thread_id`` identify the post answered: a store keeps one reply per post
    unless ``new_reply`` says the caller meant a further reply. ``agent`` is who published it.
    ``held_until`` is set on holds only.
    """

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
    post_id: str | None = None
    agent: str | None = None
    new_reply: bool = False
    held_until: datetime | None = None

    @property
    def held(self) -> bool:
        """True for a hold (a draft reserved while an agent reads it), False for a published reply."""
        return self.held_until is not None


def post_key(record: ReplyRecord) -> str | None:
    """The key that makes a reply the one answer to its post (thread and post id), or None.

    None when the record names no post, or when it is a further reply the caller asked for.
    """
    if record.post_id is None or record.new_reply:
        return None
    return f"{record.thread_id or ''}\x1f{record.post_id}"


Outcome = Literal["published", "already_published", "already_answered"]
"""What accepting a reply did: stored it; found this same draft stored before; found another reply to the post."""


@dataclass(frozen=True)
class Accepted:
    """The result of publishing a reply: the reply as stored, and whether it is new.

    ``outcome`` is ``"published"`` when a row was written, ``"already_published"`` when this
    same draft was stored before (a retried accept), ``"already_answered"`` when the post
    already had another published reply (``record`` is that reply; nothing was written).
    """

    record: ReplyRecord
    outcome: Outcome

    @property
    def published(self) -> bool:
        """True when this call stored the reply."""
        return self.outcome == "published"


@dataclass(frozen=True)
class Conflict:
    """A reply or hold that a new text reads like, by the engine's measure (so it was not stored).

    ``score`` is the bank's measure, ``strict`` the audit measure (token_set_ratio), ``shared``
    the share of script phrases the two have in common.
    """

    record: ReplyRecord
    score: float
    strict: float
    shared: float

    def describe(self) -> str:
        """One line naming the reply or hold and the scores."""
        r = self.record
        who = f" by {r.agent}" if r.agent else ""
        what = f"a draft held{who}" if r.held else f"reply #{r.seq}{who} ({r.time:%Y-%m-%d %H:%M})"
        return (f"{what}: {r.text[:80]!r} (score {self.score:.0f}, strict {self.strict:.0f}, "
                f"shared phrases {self.shared:.0%})")


Check = Callable[[Sequence[ReplyRecord]], "Conflict | None"]
"""A test a store runs inside its write transaction on the replies and holds the writer has not seen."""
