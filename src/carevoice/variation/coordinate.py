"""How drafters working at once keep from publishing the same reply: holds and checked publication.

Each draft is checked against the comparison scope as the drafter last saw it (a
*snapshot*: every reply up to a sequence number, and the holds it read). Whatever
appeared since (replies others published, drafts others hold) is checked inside the
store's write transaction, by the engine's own measure (:func:`conflict_check`):

* ``Drafter.draft`` **holds** the draft it returns: the hold is checked and stored in
  one transaction, and from then on every other drafter sees it in its scope and
  drafts around it. A conflict (someone held or published a reply like it in the
  milliseconds between snapshot and hold) makes the drafter look again, with the
  newcomer in scope.
* ``Drafter.accept`` **publishes** checked the same way, and turns the hold into the
  reply in the same transaction. A hold that lapsed, or a draft made elsewhere, is
  first compared with the whole scope in memory.

A draft that could not clear at all (CV701: every candidate reads like an earlier
reply, and the agent must add a line of their own) is held and published unchecked:
it is a near-duplicate already, and says so.

Nobody waits on anyone: a hold never blocks another drafter, it only joins their
scope; the only lock is the store's write lock, held for one short transaction.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from rapidfuzz import process

from carevoice._hash import sha256
from carevoice.errors import HistoryError
from carevoice.variation.history import History
from carevoice.variation.index import ReplyIndex, fingerprint
from carevoice.variation.records import Accepted, Check, Conflict, ReplyRecord, new_draft_id, post_key
from carevoice.variation.similarity import STRICT_SCORER, clean, get_scorer

if TYPE_CHECKING:
    from carevoice.bank.settings import VariationSettings
    from carevoice.draft import Draft
    from carevoice.inbound import Inbound

__all__ = ["HOLD_SECONDS", "Coordinator", "Snapshot", "conflict_check", "draft_id", "near_duplicate_pairs"]

HOLD_SECONDS = 600.0
"""How long a draft stays reserved by default while an agent reads it (ten minutes)."""

_PENDING = 10_000


def draft_id(draft: Draft) -> str | None:
    """A stable id for a draft (post id and text: retrying an accept stores it once); None without a post id."""
    if not draft.id:
        return None
    digest = sha256(f"{draft.brand}\x00{draft.text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{draft.id}:{digest}"


def _shared(mine: frozenset[str], theirs: frozenset[str]) -> float:
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / min(len(mine), len(theirs))


def conflict_check(text: str, phrase_ids: Sequence[str], settings: VariationSettings) -> Check:
    """A check that finds the first record a reply reads like, by the measure a candidate must clear.

    Near-duplicate: the bank's scorer at or above ``threshold``, or the strict measure at or
    above ``strict_threshold``, or more than ``max_shared`` of the script phrases in common.
    """
    query = clean(text)
    mine = fingerprint(phrase_ids)
    scorer = get_scorer(settings.scorer)
    strict_scorer = get_scorer(STRICT_SCORER)

    def check(records: Sequence[ReplyRecord]) -> Conflict | None:
        for r in records:
            other = clean(r.text)
            score = float(scorer(query, other, processor=None))
            strict = score if settings.scorer == STRICT_SCORER else float(strict_scorer(query, other, processor=None))
            shared = _shared(mine, fingerprint(r.phrase_ids))
            if score >= settings.threshold or strict >= settings.strict_threshold or shared > settings.max_shared:
                return Conflict(r, score, strict, shared)
        return None

    return check


def near_duplicate_pairs(replies: Sequence[ReplyRecord],
                         settings: VariationSettings) -> list[tuple[ReplyRecord, Conflict]]:
    """Every pair of published replies that read alike by the engine's measure, within the later one's scope.

    Scope as the engine defines it: the brand's previous ``window`` replies, the previous
    ``situation_window`` of the same situation, and earlier replies to the same customer or
    thread, within ``window_days``. Each pair is returned once: the later reply, and its
    :class:`Conflict` with the earlier one. Exhaustive: every pair in scope is scored.
    """
    scorer, strict_scorer = get_scorer(settings.scorer), get_scorer(STRICT_SCORER)
    out: list[tuple[ReplyRecord, Conflict]] = []
    by_brand: dict[str, list[ReplyRecord]] = {}
    for r in sorted(replies, key=lambda r: r.seq):
        by_brand.setdefault(r.brand, []).append(r)
    for rows in by_brand.values():
        texts = [clean(r.text) for r in rows]
        prints = [fingerprint(r.phrase_ids) for r in rows]
        situation: dict[str | None, list[int]] = {}
        related: dict[tuple[str, str | None], list[int]] = {}
        for i, r in enumerate(rows):
            since = _aware(r.time) - timedelta(days=settings.window_days)
            same = situation.setdefault(r.category, [])
            scope = set(range(max(0, i - settings.window), i))
            scope.update(same[-settings.situation_window:] if settings.situation_window else ())
            for key in (("c", r.customer), ("t", r.thread_id)):
                if key[1] is not None:
                    scope.update(related.get(key, ()))
                    related.setdefault(key, []).append(i)
            same.append(i)
            order = sorted((j for j in scope if _aware(rows[j].time) >= since), reverse=True)
            if not order:
                continue
            choices = [texts[j] for j in order]
            hits = {order[k] for _, _, k in process.extract(
                texts[i], choices, scorer=scorer, processor=None, score_cutoff=settings.threshold, limit=None)}
            hits.update(order[k] for _, _, k in process.extract(
                texts[i], choices, scorer=strict_scorer, processor=None, score_cutoff=settings.strict_threshold,
                limit=None))
            hits.update(j for j in order if _shared(prints[i], prints[j]) > settings.max_shared)
            for j in sorted(hits, reverse=True):
                out.append((r, Conflict(rows[j], float(scorer(texts[i], texts[j], processor=None)),
                                        float(strict_scorer(texts[i], texts[j], processor=None)),
                                        _shared(prints[i], prints[j]))))
    return out


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Snapshot:
    """What a drafter had seen when it drafted: replies up to ``seq`` and the holds ``seen``."""

    seq: int
    seen: frozenset[str]


class Coordinator:
    """One Drafter's side of team coordination: its holds, their snapshots, and checked publication."""

    def __init__(self, history: History, index: ReplyIndex, settings: VariationSettings, *,
                 hold_seconds: float = HOLD_SECONDS) -> None:
        if not isinstance(history, History):
            missing = [m for m in ("publish", "hold", "release", "holds", "answered", "scan", "close")
                       if not hasattr(history, m)]
            raise HistoryError(f"{type(history).__name__} is not a complete reply history; it lacks "
                               f"{', '.join(missing) or 'part of the History protocol'} (see docs/variation.md)")
        self.history = history
        self.index = index
        self.settings = settings
        self.hold_seconds = hold_seconds
        self._pending: OrderedDict[tuple[str | None, str], tuple[str, Snapshot]] = OrderedDict()
        self._posts: dict[str, tuple[str | None, str]] = {}

    def snapshot(self) -> Snapshot:
        """Refresh the scope and say what it holds."""
        self.index.refresh()
        return Snapshot(self.index.seq, self.index.held_ids)

    def record(self, draft: Draft, post: Inbound | None, *, ident: str | None, time: datetime | None = None,
               agent: str | None = None, new_reply: bool = False) -> ReplyRecord:
        """The record of a draft as it would be stored."""
        when = time or (post.time if post and post.time else datetime.now(timezone.utc))
        return ReplyRecord(
            text=draft.text, brand=draft.brand, channel=draft.channel, phrase_ids=draft.phrase_ids, time=when,
            customer=post.handle if post else None, thread_id=post.thread_id if post else None,
            category=draft.analysis.category, draft_id=ident, post_id=draft.id, agent=agent, new_reply=new_reply)

    def forget(self, post: Inbound) -> None:
        """Release this drafter's earlier hold on the same post (it is being drafted again)."""
        key = post_key(ReplyRecord("", "", "", thread_id=post.thread_id, post_id=post.id)) if post.id else None
        if key is None or key not in self._posts:
            return
        entry = self._pending.pop(self._posts.pop(key), None)
        if entry is not None and self.hold_seconds > 0:
            self.history.release(self.index.brand, entry[0])

    def reserve(self, draft: Draft, post: Inbound, snap: Snapshot, *, agent: str | None = None,
                new_reply: bool = False) -> Conflict | None:
        """Hold a draft (checked against what appeared since ``snap``); remember its snapshot for accepting."""
        ident = draft_id(draft) or new_draft_id()
        if self.hold_seconds > 0:
            record = self.record(draft, post, ident=ident, agent=agent, new_reply=new_reply)
            held = self.history.hold(record, seconds=self.hold_seconds, after=snap.seq, seen=snap.seen,
                                     check=self._check(draft))
            if isinstance(held, Conflict):
                return held
        key = (draft.id, draft.text)
        self._pending[key] = (ident, snap)
        self._pending.move_to_end(key)
        pkey = post_key(ReplyRecord("", "", "", thread_id=post.thread_id, post_id=post.id)) if post.id else None
        if pkey is not None:
            self._posts[pkey] = key
        while len(self._pending) > _PENDING:
            self._pending.popitem(last=False)
        return None

    def publish(self, draft: Draft, post: Inbound | None, *, snap: Snapshot | None = None,
                time: datetime | None = None, agent: str | None = None,
                new_reply: bool = False) -> Accepted | Conflict:
        """Publish a draft, checked against whatever its drafter had not seen; the hold becomes the reply."""
        entry = self._pending.pop((draft.id, draft.text), None)
        if entry is not None:
            ident, snap = entry
        else:
            ident = draft_id(draft) or new_draft_id()
            if snap is None:
                snap = self.snapshot()
                if ident not in snap.seen and self._check(draft) is not None:
                    clash = self._against_scope(draft, ident)
                    if clash is not None:
                        return clash
        record = self.record(draft, post, ident=ident, time=time, agent=agent, new_reply=new_reply)
        found = self.history.publish(record, after=snap.seq, seen=snap.seen, check=self._check(draft))
        if isinstance(found, Conflict) and entry is not None and self.hold_seconds > 0:
            self.history.release(draft.brand, ident)  # the refused draft's hold would only narrow others' choice
        return found

    def release(self, draft: Draft) -> None:
        """Drop the hold on a draft that will not be published."""
        entry = self._pending.pop((draft.id, draft.text), None)
        ident = entry[0] if entry is not None else draft_id(draft)
        if ident is not None:
            self.history.release(draft.brand, ident)

    def _check(self, draft: Draft) -> Check | None:
        """The conflict check for a draft; none for one that did not clear (CV701: the agent adds a line).

        Nor for a draft whose action is not to reply: it was never meant to be published as is.
        """
        if draft.custom_slot_required or draft.action == "no_reply":
            return None
        return conflict_check(draft.text, draft.phrase_ids, self.settings)

    def _against_scope(self, draft: Draft, ident: str) -> Conflict | None:
        """A draft this drafter did not make (or whose hold lapsed), compared with the whole scope."""
        category = draft.analysis.category
        scope = [r for r in self.index.scope(category) if r.draft_id != ident]
        return conflict_check(draft.text, draft.phrase_ids, self.settings)(scope)
