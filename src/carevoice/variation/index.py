"""The comparison scope of one brand, kept in memory and indexed by phrase id and word set.

A candidate is compared with the replies a reader could set it beside: the
brand's last ``window`` replies, the last ``situation_window`` replies of the
same situation, and every earlier reply in the same thread or to the same
customer, all within ``window_days``. The store answers those questions from
its indexes and the scope is refreshed with only what was recorded since, so
the cost does not grow with the size of the history (1k or 1M replies).

Inside the scope, scoring every candidate against every reply with rapidfuzz
is still too slow for a draft (about 7 microseconds a pair), so :meth:`pool`
narrows it first by word sets held as bit masks (one AND and a popcount per
reply). Phrase ids give the fingerprints (:meth:`shared`, :meth:`overlap`,
:meth:`using`) that selection and recombination use to keep two replies from
sharing too many phrases. ``benchmarks/variation.py`` measures the recall of
the prefilter against an exhaustive scan of the same scope.

Drafts other agents hold (reserved while they read them) are part of the scope
too: a refresh reads the brand's live holds before the new replies, so a draft
published in between is seen at least once (as a hold or as a reply). Holds have
negative sequence numbers.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from rapidfuzz import process

from carevoice.variation.history import History, ReplyRecord
from carevoice.variation.similarity import STRICT_SCORER, Scorer, clean, get_scorer

__all__ = ["Match", "ReplyIndex", "fingerprint"]

_UNSHARED_STAGES = (".greet.",)


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


def fingerprint(phrase_ids: Iterable[str]) -> frozenset[str]:
    """The phrase ids that identify a reply's script (ids with ``.greet.`` are too short to count)."""
    return frozenset(p for p in phrase_ids if not any(s in p for s in _UNSHARED_STAGES))


@dataclass(frozen=True)
class Match:
    """The closest earlier reply to a candidate: its score by the bank's measure and the strict one."""

    score: float
    strict: float
    record: ReplyRecord | None
    compared: int


@dataclass
class _Entry:
    """A reply in the scope: record, text as compared, phrase fingerprint, word mask and size, windows holding it."""

    record: ReplyRecord
    text: str
    keys: frozenset[str]
    mask: int
    size: int
    refs: int = 0


class ReplyIndex:
    """The in-memory comparison scope of one brand over a :class:`History`, refreshed incrementally."""

    def __init__(self, history: History, brand: str, *, window: int = 500, situation_window: int = 100,
                 window_days: float = 30.0, containment: float = 0.5) -> None:
        self.history = history
        self.brand = brand
        self.window = window
        self.situation_window = situation_window
        self.containment = containment
        self.window_days = window_days
        self._last_seq = 0
        self._entries: dict[int, _Entry] = {}
        self._recent: deque[int] = deque()
        self._buckets: dict[str, deque[int]] = {}
        self._by_phrase: dict[str, set[int]] = {}
        self._bucket_sets: dict[str, set[int]] = {}
        self._vocab: dict[str, int] = {}
        self._held: dict[int, str] = {}
        self._pinned = False
        self._version = 0
        self._recent_cache: tuple[int, set[int]] | None = None
        self._scope_cache: dict[str, tuple[int, set[int]]] = {}
        self._arrays_cache: dict[tuple[str, float], list[tuple[int, int, float]]] = {}

    # -- maintenance -------------------------------------------------------------------------
    def _add(self, record: ReplyRecord, queue: deque[int], members: set[int] | None = None) -> None:
        limit = self.window if members is None else self.situation_window
        entry = self._entries.get(record.seq)
        if entry is None:
            text = clean(record.text)
            mask, size = self._mask(text)
            entry = _Entry(record, text, fingerprint(record.phrase_ids), mask, size)
            self._entries[record.seq] = entry
            for key in entry.keys:
                self._by_phrase.setdefault(key, set()).add(record.seq)
        entry.refs += 1
        queue.append(record.seq)
        if members is not None:
            members.add(record.seq)
        while len(queue) > limit:
            old = queue.popleft()
            if members is not None:
                members.discard(old)
            self._release(old)

    def _release(self, seq: int) -> None:
        entry = self._entries[seq]
        entry.refs -= 1
        if entry.refs > 0:
            return
        del self._entries[seq]
        for key in entry.keys:
            posting = self._by_phrase[key]
            posting.discard(seq)
            if not posting:
                del self._by_phrase[key]

    def _mask(self, text: str, *, learn: bool = True) -> tuple[int, int]:
        """The word set of a cleaned text as a bit mask over the index's vocabulary, and its size."""
        words = set(text.split())
        mask = 0
        for w in words:
            bit = self._vocab.get(w)
            if bit is None:
                if not learn:
                    continue
                bit = self._vocab[w] = len(self._vocab)
            mask |= 1 << bit
        return mask, len(words)

    @property
    def seq(self) -> int:
        """The newest reply taken in: every reply of the brand up to this number has been seen."""
        return self._last_seq

    @property
    def held_ids(self) -> frozenset[str]:
        """The draft ids of the holds taken in at the last refresh."""
        return frozenset(self._held.values())

    def _sync_holds(self, holds: Sequence[ReplyRecord]) -> bool:
        live = {h.seq: h for h in holds}
        gone = [seq for seq in self._held if seq not in live]
        for seq in gone:
            del self._held[seq]
            self._release(seq)
        added = False
        for seq, h in live.items():
            if seq not in self._held:
                text = clean(h.text)
                mask, size = self._mask(text)
                entry = _Entry(h, text, fingerprint(h.phrase_ids), mask, size, refs=1)
                self._entries[seq] = entry
                for key in entry.keys:
                    self._by_phrase.setdefault(key, set()).add(seq)
                self._held[seq] = h.draft_id or ""
                added = True
        return added or bool(gone)

    @contextmanager
    def pinned(self) -> Iterator[None]:
        """Within this block :meth:`refresh` takes in nothing new (one draft is checked against one scope).

        It still reads a situation's replies the first time that situation is asked for.
        """
        self._pinned = True
        try:
            yield
        finally:
            self._pinned = False

    def refresh(self, category: str | None = None) -> None:
        """Take in replies recorded since the last refresh (by this or any other process) and the live holds."""
        pinned = self._pinned
        holds = None if pinned else self.history.holds(self.brand)
        new = [] if pinned else list(reversed(self.history.recent(self.brand, limit=self.window,
                                                                   after=self._last_seq)))
        if category is not None and category not in self._buckets and self.situation_window:
            bucket: deque[int] = deque()
            self._buckets[category] = bucket
            self._bucket_sets[category] = set()
            older = self.history.recent(self.brand, limit=self.situation_window, category=category)
            for r in reversed(older):
                if r.seq <= self._last_seq:
                    self._add(r, bucket, self._bucket_sets[category])
        for r in new:
            self._add(r, self._recent)
            if r.category is not None and r.category in self._buckets:
                self._add(r, self._buckets[r.category], self._bucket_sets[r.category])
        if new:
            self._last_seq = max(self._last_seq, new[-1].seq)
        if (holds is not None and self._sync_holds(holds)) or new:
            self._version += 1
        self._scope_cache.clear()
        self._arrays_cache.clear()
        self._recent_cache = None

    # -- queries ---------------------------------------------------------------------------
    def scope(self, category: str | None = None, *, now: datetime | None = None) -> list[ReplyRecord]:
        """Every reply in the comparison scope (recent and same-situation), newest first."""
        seqs = self._scope_set(category)
        since = _aware(now) - timedelta(days=self.window_days) if now is not None else None
        return [self._entries[s].record for s in sorted(seqs, reverse=True)
                if since is None or _aware(self._entries[s].record.time) >= since]

    def shared(self, phrase_ids: Sequence[str], category: str | None) -> dict[int, int]:
        """For each reply in scope sharing script phrases with ``phrase_ids``: how many it shares."""
        scope = self._scope_set(category)
        counts: dict[int, int] = {}
        for key in fingerprint(phrase_ids):
            for seq in self._by_phrase.get(key, ()):
                if seq in scope:
                    counts[seq] = counts.get(seq, 0) + 1
        return counts

    def using(self, phrase_id: str, category: str | None) -> set[int]:
        """The replies in scope that used this script phrase."""
        posting = self._by_phrase.get(phrase_id)
        return posting & self._scope_set(category) if posting else set()

    def script_sizes(self, category: str | None) -> dict[int, int]:
        """For each reply in scope, how many script phrases it was built from."""
        return {seq: len(self._entries[seq].keys) for seq in self._scope_set(category)}

    def overlap(self, phrase_ids: Sequence[str], category: str | None) -> float:
        """The largest share of script phrases one reply in scope has in common with ``phrase_ids``.

        Measured against the smaller of the two replies, so an earlier short reply whose phrases
        all reappear in a longer one counts as fully shared.
        """
        n = len(fingerprint(phrase_ids))
        worst = 0.0
        for seq, k in self.shared(phrase_ids, category).items():
            size = min(n, len(self._entries[seq].keys)) or 1
            worst = max(worst, k / size)
        return worst

    def _recent_set(self) -> set[int]:
        if self._recent_cache is None or self._recent_cache[0] != self._version:
            self._recent_cache = (self._version, set(self._recent) | set(self._held))
        return self._recent_cache[1]

    def pool(self, text: str, category: str | None, *, containment: float = 0.5) -> list[int]:
        """Sequence numbers worth scoring exactly, newest first: replies sharing many words with ``text``.

        ``token_set_ratio`` is high only when one reply's words are mostly contained in the other's,
        so a reply is scored when the words the two share are at least ``containment`` of the
        smaller word set. Word sets are bit masks: the test is one AND and a popcount per reply.
        """
        mask, size = self._mask(clean(text), learn=False)
        need = containment * size
        out = [seq for seq, m, own in self._scope_arrays(category, containment)
               if (mask & m).bit_count() >= (own if own < need else need)]
        out.sort(reverse=True)
        return out

    def _scope_arrays(self, category: str | None, containment: float) -> list[tuple[int, int, float]]:
        key = (category or "", containment)
        cached = self._arrays_cache.get(key)
        if cached is None:
            entries = self._entries
            cached = [(seq, entries[seq].mask, containment * entries[seq].size) for seq in self._scope_set(category)]
            self._arrays_cache[key] = cached
        return cached

    def _scope_set(self, category: str | None) -> set[int]:
        key = category or ""
        cached = self._scope_cache.get(key)
        if cached is not None and cached[0] == self._version:
            return cached[1]
        bucket = self._bucket_sets.get(key)
        scope = self._recent_set() | bucket if bucket else self._recent_set()
        self._scope_cache[key] = (self._version, scope)
        return scope

    def closest(
        self,
        text: str,
        phrase_ids: Sequence[str],
        *,
        scorer: str,
        category: str | None = None,
        related: Sequence[ReplyRecord] = (),
        now: datetime | None = None,
        exhaustive: bool = False,
    ) -> Match:
        """The earlier reply most like ``text`` (prefiltered unless ``exhaustive``), by both measures."""
        if exhaustive:
            records = self.scope(category, now=now)
        else:
            since = _aware(now) - timedelta(days=self.window_days) if now is not None else None
            records = [self._entries[s].record for s in self.pool(text, category, containment=self.containment)]
            records = [r for r in records if since is None or _aware(r.time) >= since]
        seen = {r.seq for r in records}
        records += [r for r in related if r.seq not in seen]
        if not records:
            return Match(0.0, 0.0, None, 0)
        query = clean(text)
        choices = [self._entries[r.seq].text if r.seq in self._entries else clean(r.text) for r in records]
        best = _best(query, choices, get_scorer(scorer))
        strict = best if scorer == STRICT_SCORER else _best(query, choices, get_scorer(STRICT_SCORER))
        return Match(best[0], strict[0], records[best[1]] if best[1] >= 0 else None, len(records))


def _best(query: str, choices: list[str], scorer: Scorer) -> tuple[float, int]:
    hit = process.extractOne(query, choices, scorer=scorer, processor=None)
    if hit is None:
        return 0.0, -1
    return float(hit[1]), int(hit[2])
