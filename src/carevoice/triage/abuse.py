"""Repeated abuse from one author: recognised so the team can disengage, with the reason.

Criticism is valuable; abuse is not. One abusive post gets the Drafter's usual plan (no reply,
a boundary line offered). An author with ``abuse_posts`` abusive posts within ``abuse_hours``
is recognised as repeated abuse: the recommendation becomes disengage (no reply, no boundary
line). Memory holds only authors with abuse inside the window.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from datetime import datetime, timezone

__all__ = ["AbuseTracker"]


class AbuseTracker:
    """Counts each author's abusive posts within a sliding window.

    >>> from datetime import datetime, timezone
    >>> t = AbuseTracker(posts=2, hours=24)
    >>> now = datetime(2024, 5, 1, tzinfo=timezone.utc)
    >>> t.add("troll", now), t.add("troll", now)
    (None, '2 abusive posts from troll within 24h: disengage, no reply')
    """

    def __init__(self, *, posts: int = 3, hours: float = 24.0) -> None:
        self.posts = posts
        self.hours = hours
        self._window = hours * 3600
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()
        self._now = float("-inf")

    def __len__(self) -> int:
        """Count the authors with abuse inside the window."""
        return len(self._seen)

    def add(self, author: str, time: datetime) -> str | None:
        """Record one abusive post; return the disengage reason once the author reaches the limit."""
        ts = (time if time.tzinfo else time.replace(tzinfo=timezone.utc)).timestamp()
        self._now = max(self._now, ts)
        self._expire()
        times = self._seen.setdefault(author, deque())
        self._seen.move_to_end(author)
        times.append(ts)
        while times and times[0] < ts - self._window:
            times.popleft()
        return self.reason(author) if len(times) >= self.posts else None

    def count(self, author: str) -> int:
        """Abusive posts from ``author`` within the window."""
        return len(self._seen.get(author, ()))

    def repeated(self, author: str) -> bool:
        """Whether ``author`` has reached the repeated-abuse limit."""
        return self.count(author) >= self.posts

    def reason(self, author: str) -> str:
        """Return the disengage reason for ``author``."""
        return (f"{self.count(author)} abusive posts from {author} within {self.hours:g}h: "
                "disengage, no reply")

    def _expire(self) -> None:
        while self._seen:
            author, times = next(iter(self._seen.items()))
            if times and times[-1] >= self._now - self._window:
                break
            del self._seen[author]
