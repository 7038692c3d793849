"""The situations tracker: groups a stream of posts into situations, sizes them, raises surges.

A situation is posts about one event or problem within a time window. Each post is compared
with a few candidate situations only, found through an index of their keywords, category and
details, never with every open situation. The score of a candidate is:

- the fuzzy similarity (rapidfuzz ``token_set_ratio``, which forgives typos and word order)
  of the post's keywords with the situation's keyword profile and latest post, scaled down
  when they share fewer than three keywords;
- plus a bonus for the same category (a large one for event categories such as
  ``service_outage``: one cause, many posts), shared order, booking or flight numbers
  (the same case), a shared place or product;
- a smaller bonus for related categories (owned by the same team, one of them an event), and
  a penalty for complaint categories owned by different teams; different flight numbers keep
  posts apart (one flight, one situation).

The post joins the best candidate scoring at least ``similarity``, else it opens a new
situation. Situations with no post for ``window_minutes`` are evicted, so memory is bounded by
the window, not by the stream. A situation surges while its last ``surge_minutes`` hold at
least ``surge_posts`` posts from ``surge_authors`` distinct authors, and ``surge_ratio`` times
its own earlier average per window (a steady background of complaints is not a surge; a
situation younger than two windows has no baseline).
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict, deque
from dataclasses import dataclass, field
from datetime import datetime, timezone

from rapidfuzz.fuzz import token_set_ratio

from carevoice.bank.settings import TriageSettings
from carevoice.inbound import Reading
from carevoice.triage.defaults import defaults

__all__ = ["Assignment", "Situation", "SituationTracker", "keywords"]

_WORD = re.compile(r"[a-z][a-z']+")
_NO_TOPIC = frozenset({"general", "general_question", "praise", "abuse", "spam"})
_QUIET = frozenset({"general", "general_question"})
_STRONG = ("order_id", "booking_id", "flight")
_WEAK = ("place", "product")
_CANDIDATES = 5
_INDEX_DEPTH = 12
_MAX_KEYS = 48
_MAX_AUTHORS = 1_000
_SHARED_SCALE = (0.5, 0.7, 0.9)


def keywords(text: str, stopwords: frozenset[str] | None = None, limit: int = 24) -> list[str]:
    """Return the distinct content words of a post, in order (lowercase, plural ``s`` dropped).

    >>> keywords("Is the app down again? The APP won't load, outage since 9am")
    ['app', 'down', 'load', 'outage']
    """
    stop = defaults().stopwords if stopwords is None else stopwords
    out: list[str] = []
    seen: set[str] = set()
    for w in _WORD.findall(text.lower()):
        if len(w) < 3 or w in stop:
            continue
        if len(w) > 4 and w[-1] == "s" and w[-2] not in "su'":
            w = w[:-1]
        if w not in seen:
            seen.add(w)
            out.append(w)
            if len(out) >= limit:
                break
    return out


@dataclass(frozen=True)
class Situation:
    """A snapshot of one situation: its size, rate, trend and whether it surges.

    ``recent`` counts posts in the last ``surge_minutes`` before ``last``; ``rate`` is that in
    posts per hour; ``trend`` compares it with the ``surge_minutes`` before (rising, steady,
    falling); ``authors`` counts distinct authors (up to 1,000).
    """

    id: str
    category: str
    label: str
    first: datetime
    last: datetime
    count: int
    authors: int
    recent: int
    rate: float
    trend: str
    surging: bool
    surged_at: datetime | None

    def to_json(self) -> dict[str, object]:
        """Return the situation as a JSON-ready dict."""
        return {"id": self.id, "category": self.category, "label": self.label,
                "first": self.first.isoformat(), "last": self.last.isoformat(), "count": self.count,
                "authors": self.authors, "recent": self.recent, "rate_per_hour": round(self.rate, 1),
                "trend": self.trend, "surging": self.surging,
                "surged_at": self.surged_at.isoformat() if self.surged_at else None}


@dataclass(frozen=True)
class Assignment:
    """Where a post went: its situation id, whether it opened it, and the surge state after it."""

    situation: str
    new: bool
    surging: bool
    surge_started: bool
    score: float


@dataclass(eq=False)
class _Group:
    """One situation being grouped: its categories, times, post count, words, keys and details."""

    id: str
    cats: Counter[str]
    first: float
    last: float
    count: int = 0
    words: Counter[str] = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    details: set[str] = field(default_factory=set)
    flights: set[str] = field(default_factory=set)
    profile: str = ""
    latest: str = ""
    cur: deque[tuple[float, str]] = field(default_factory=deque)
    prev: deque[float] = field(default_factory=deque)
    cur_authors: Counter[str] = field(default_factory=Counter)
    authors: set[str] = field(default_factory=set)
    surging: bool = False
    surged_at: float | None = None


def _main_category(cats: Counter[str]) -> str:
    """Return the most frequent topical category of a situation (else the most frequent one)."""
    ranked = [c for c, _ in cats.most_common()]
    return next((c for c in ranked if c not in _NO_TOPIC), ranked[0] if ranked else "general")


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, tz=timezone.utc)


class SituationTracker:
    """Streams posts into situations; ``add`` one post at a time, in (roughly) time order.

    >>> from datetime import datetime, timezone
    >>> t = SituationTracker()
    >>> r = Reading(category="service_outage")
    >>> now = datetime(2024, 5, 1, 9, tzinfo=timezone.utc)
    >>> a = t.add("Is the app down? can't log in", now, "ann", r)
    >>> b = t.add("app down for me too, login fails", now, "bob", r)
    >>> a.situation == b.situation
    True
    """

    def __init__(self, settings: TriageSettings | None = None) -> None:
        self.settings = settings or TriageSettings()
        d = defaults()
        self._events = d.event_categories
        self._stop = d.stopwords
        self._teams = {**d.routing, **self.settings.routing}
        self._groups: OrderedDict[str, _Group] = OrderedDict()
        self._index: dict[str, list[str]] = {}
        self._seq = 0
        self._now = float("-inf")
        self._window = self.settings.window_minutes * 60
        self._surge = self.settings.surge_minutes * 60
        self.evicted = 0
        self.surges = 0

    def __len__(self) -> int:
        """Count the open situations."""
        return len(self._groups)

    def add(self, text: str, time: datetime, author: str, reading: Reading) -> Assignment:
        """Place one post in a situation and update that situation's size and surge state."""
        if time.tzinfo is None:
            time = time.replace(tzinfo=timezone.utc)
        ts = time.timestamp()
        if ts > self._now:
            self._now = ts
            self._evict()
        words = keywords(text, self._stop)
        det = reading.details
        strong = {f"{k}:{v}".lower() for k in _STRONG if (v := getattr(det, k))}
        weak = {f"{k}:{v}".lower() for k in _WEAK if (v := getattr(det, k))}
        cat_key = f"\x00{reading.category}"
        keys = [cat_key, *(f"\x00{d}" for d in strong | weak), *words]
        norm = " ".join(words)
        best, best_score = None, 0.0
        for g in self._candidates(keys, cat_key):
            s = self._score(g, words, norm, reading.category, strong, weak, det.flight)
            if s > best_score:
                best, best_score = g, s
        new = best is None or best_score < self.settings.similarity
        if new or best is None:
            self._seq += 1
            best = _Group(id=f"S{self._seq}", cats=Counter(), first=ts, last=ts)
            self._groups[best.id] = best
        else:
            self._groups.move_to_end(best.id)
        was = best.surging
        self._join(best, ts, author, reading.category, words, keys, strong | weak, det.flight, norm)
        return Assignment(best.id, new, best.surging, best.surging and not was, round(best_score, 1))

    def _candidates(self, keys: list[str], cat_key: str) -> list[_Group]:
        hits: dict[str, int] = {}
        for k in keys:
            bonus = 3 if k[0] == "\x00" else 1
            for gid in self._index.get(k, ()):
                hits[gid] = hits.get(gid, 0) + bonus
        ranked = sorted(hits, key=hits.__getitem__, reverse=True)[:_CANDIDATES]
        return [g for gid in ranked if (g := self._groups.get(gid)) is not None]

    def _score(self, g: _Group, words: list[str], norm: str, category: str, strong: set[str],
               weak: set[str], flight: str | None) -> float:
        shared = sum(1 for w in words if w in g.words)
        fuzzy = max(token_set_ratio(norm, g.profile), token_set_ratio(norm, g.latest)) if norm else 0.0
        if shared < 3:
            fuzzy *= _SHARED_SCALE[shared]
        s = fuzzy
        s += self._category_bonus(category, g.cats)
        if strong & g.details:
            s += 35
        elif weak & g.details:
            s += 10
        if flight and g.flights and f"flight:{flight}".lower() not in g.flights:
            s -= 100
        return s

    def _category_bonus(self, category: str, cats: Counter[str]) -> float:
        events = self._events
        if category in cats and category not in _NO_TOPIC:
            return 60.0 if category in events else 10.0
        topical = cats.keys() - _NO_TOPIC
        if category in _QUIET or not topical:
            return 15.0 if category in events or topical & events else 0.0
        if category in _NO_TOPIC:
            return 0.0
        team = self._teams.get(category, category)
        if any(self._teams.get(c, c) == team for c in topical):
            return 20.0 if category in events or topical & events else 0.0
        return -20.0

    def _join(self, g: _Group, ts: float, author: str, category: str, words: list[str], keys: list[str],
              details: set[str], flight: str | None, norm: str) -> None:
        g.count += 1
        g.cats[category] += 1
        g.last = max(g.last, ts)
        g.words.update(words)
        if len(g.words) > 4 * _MAX_KEYS:
            g.words = Counter(dict(g.words.most_common(_MAX_KEYS)))
        if g.count <= 3 or g.count % 8 == 0:
            g.profile = " ".join(w for w, _ in g.words.most_common(12))
        g.latest = norm
        if len(g.details) < _MAX_KEYS:
            g.details |= details
            if flight:
                g.flights.add(f"flight:{flight}".lower())
        for k in keys:
            if k in g.keys or len(g.keys) >= _MAX_KEYS:
                continue
            g.keys.add(k)
            ids = self._index.setdefault(k, [])
            ids.append(g.id)
            if len(ids) > _INDEX_DEPTH:
                old = ids.pop(0)
                if (og := self._groups.get(old)) is not None:
                    og.keys.discard(k)
        if len(g.authors) < _MAX_AUTHORS:
            g.authors.add(author)
        g.cur.append((ts, author))
        g.cur_authors[author] += 1
        self._slide(g, g.last)
        st = self.settings
        recent = len(g.cur)
        g.surging = (recent >= st.surge_posts and len(g.cur_authors) >= st.surge_authors
                     and recent >= st.surge_ratio * self._baseline(g))
        if g.surging and g.surged_at is None:
            g.surged_at = ts
            self.surges += 1

    def _baseline(self, g: _Group) -> float:
        """Return the posts a surge window held on average before the current one (0 for a young situation)."""
        span = g.last - self._surge - g.first
        if span < self._surge:
            return 0.0
        return (g.count - len(g.cur)) * self._surge / span

    def _slide(self, g: _Group, now: float) -> None:
        while g.cur and g.cur[0][0] < now - self._surge:
            t, a = g.cur.popleft()
            g.prev.append(t)
            g.cur_authors[a] -= 1
            if not g.cur_authors[a]:
                del g.cur_authors[a]
        while g.prev and g.prev[0] < now - 2 * self._surge:
            g.prev.popleft()

    def _evict(self) -> None:
        limit = self._now - self._window
        while self._groups:
            gid, g = next(iter(self._groups.items()))
            if g.last >= limit:
                break
            del self._groups[gid]
            self.evicted += 1
            for k in g.keys:
                ids = self._index.get(k)
                if ids is not None:
                    ids.remove(gid)
                    if not ids:
                        del self._index[k]

    def get(self, situation_id: str) -> Situation | None:
        """Return a snapshot of an open situation, or ``None`` when it is unknown or was evicted."""
        g = self._groups.get(situation_id)
        return None if g is None else self._snapshot(g)

    def open(self) -> list[Situation]:
        """Snapshots of every open situation, most recently active first."""
        return [self._snapshot(g) for g in reversed(self._groups.values())]

    def _snapshot(self, g: _Group) -> Situation:
        recent, before = len(g.cur), len(g.prev)
        trend = "rising" if recent > 1.5 * before + 1 else "falling" if recent < 0.5 * before else "steady"
        return Situation(
            id=g.id, category=_main_category(g.cats), label=" ".join(g.profile.split()[:6]),
            first=_utc(g.first), last=_utc(g.last),
            count=g.count, authors=len(g.authors), recent=recent, rate=recent * 3600 / self._surge,
            trend=trend, surging=g.surging, surged_at=_utc(g.surged_at) if g.surged_at is not None else None,
        )

    @property
    def index_size(self) -> int:
        """Keys in the candidate index (for memory checks)."""
        return len(self._index)
