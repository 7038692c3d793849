"""Priority: a score, a level and an acknowledge-by deadline for each post.

The score is the sum of the weights that apply (``carevoice/data/triage.yaml``, a bank may
override any of them), clamped to 0..100; the level is the first whose minimum it reaches.
The deadline is the post time plus the channel's acknowledge target (``acknowledge_minutes``
of the channel profile, or the bank's channel override), shortened to the bank's
``urgent_acknowledge_minutes`` for urgent posts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from carevoice.inbound import Reading

__all__ = ["WEIGHT_NAMES", "Priority", "acknowledge_minutes", "deadline", "score"]

WEIGHT_NAMES: tuple[str, ...] = (
    "base", "urgent", "negative", "intensity", "high_reach", "question", "situation", "praise", "no_reply",
)
"""Names of the priority weights (the keys of ``weights`` in triage settings)."""


@dataclass(frozen=True)
class Priority:
    """A post's priority score (0..100), level (``P1`` first) and the reasons it was raised."""

    score: int
    level: str
    reasons: tuple[str, ...]


def score(
    reading: Reading,
    *,
    weights: Mapping[str, float],
    levels: tuple[tuple[str, float], ...],
    followers: int | None = None,
    high_reach: int = 10_000,
    surging: bool = False,
    no_reply: bool = False,
) -> Priority:
    """Score a post from its reading and context; ``levels`` are (name, minimum), highest first."""
    total = weights["base"]
    reasons: list[str] = []

    def add(name: str, why: str, factor: float = 1.0) -> None:
        nonlocal total
        points = weights[name] * factor
        if points:
            total += points
            reasons.append(f"{why} ({points:+.0f})")

    if reading.urgency:
        add("urgent", f"urgent: {', '.join(reading.urgency)}")
    if reading.negative:
        add("negative", "negative post")
        if reading.intensity:
            add("intensity", f"intensity {reading.intensity:.2f}", reading.intensity)
    if followers is not None and followers >= high_reach:
        add("high_reach", f"high reach: {followers:,} followers")
    if reading.question:
        add("question", "asks a question")
    if surging:
        add("situation", "part of a surging situation")
    if reading.praise and not reading.negative:
        add("praise", "praise")
    if no_reply:
        add("no_reply", "no reply recommended")
    value = max(0, min(100, round(total)))
    level = next((name for name, minimum in levels if value >= minimum), levels[-1][0] if levels else "P4")
    return Priority(value, level, tuple(reasons))


def acknowledge_minutes(channel: str, overrides: Mapping[str, int] | None = None) -> int:
    """Return the acknowledge target of a channel: the bank's override, else the channel profile's."""
    from carevoice.checks.channels import get_channel

    if overrides and channel in overrides:
        return int(overrides[channel])
    return get_channel(channel).acknowledge_minutes


def deadline(time: datetime, minutes: int, *, urgent: bool = False, urgent_minutes: int = 15) -> datetime:
    """Return the acknowledge-by time: ``minutes`` after ``time``, at most ``urgent_minutes`` when urgent."""
    if urgent:
        minutes = min(minutes, urgent_minutes)
    return time + timedelta(minutes=minutes)
