"""Triage: read each post of a stream, place it in a situation, rank it, route it, recommend.

:class:`Triage` is fed one :class:`~carevoice.inbound.Inbound` at a time (with its time, channel
and author) and returns a :class:`TriagedPost`: the situation it belongs to, a priority and an
acknowledge-by deadline, the owning team, an escalation reason when urgent, and a
recommendation (``reply``, ``holding``, ``escalate``, ``no_reply`` or ``disengage``) with
findings (CV8xx). :meth:`Triage.queue` returns the kept posts in priority order, with posts of
situations that surged after they arrived brought up to date.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

from carevoice.bank.resolved import Bank
from carevoice.bank.settings import TriageSettings
from carevoice.draft import Finding
from carevoice.errors import InputError
from carevoice.inbound import Inbound, Reading
from carevoice.triage.abuse import AbuseTracker
from carevoice.triage.defaults import defaults
from carevoice.triage.hours import ServiceHours, service_hours
from carevoice.triage.priority import Priority, acknowledge_minutes, deadline, score
from carevoice.triage.routing import route, team_for
from carevoice.triage.rules import ESCALATE, OUT_OF_HOURS, REPEATED_ABUSE, SURGE
from carevoice.triage.situations import Situation, SituationTracker

__all__ = ["Recommendation", "Triage", "TriagedPost"]

Recommendation = Literal["reply", "holding", "escalate", "no_reply", "disengage"]


@dataclass(frozen=True)
class TriagedPost:
    """One post after triage: situation, priority, deadline, team, recommendation and findings."""

    post: Inbound
    seq: int
    author: str
    reading: Reading
    situation: str
    priority: Priority
    deadline: datetime | None
    team: str
    escalation: str | None
    recommendation: Recommendation
    reasons: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    out_of_hours: bool = False

    def to_json(self) -> dict[str, Any]:
        """Return the triaged post as a JSON-ready dict (see ``docs/triage.md``)."""
        p = self.post
        return {
            "id": p.id, "seq": self.seq, "author": self.author, "channel": p.channel,
            "time": p.time.isoformat() if p.time else None, "text": p.text,
            "category": self.reading.category, "priority": self.priority.score, "level": self.priority.level,
            "priority_reasons": list(self.priority.reasons),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "team": self.team, "escalation": self.escalation, "situation": self.situation,
            "recommendation": self.recommendation, "out_of_hours": self.out_of_hours,
            "reasons": list(self.reasons), "findings": [f.to_json() for f in self.findings],
        }


def _sort_key(item: TriagedPost) -> tuple[int, int, float, int]:
    due = item.deadline.timestamp() if item.deadline else float("inf")
    return (item.deadline is None, -item.priority.score, due, item.seq)


class Triage:
    """Triage a stream of posts for one bank (its routing, weights, hours and targets).

    ``read`` turns a post into a :class:`Reading` (default: ``concentrate``); ``keep=False``
    keeps no posts (for long streams: use the returned values as they come).
    """

    def __init__(self, bank: Bank | None = None, *, settings: TriageSettings | None = None,
                 keep: bool = True, read: Callable[[Inbound], Reading] | None = None) -> None:
        self.bank = bank
        self.settings = settings or (bank.triage if bank is not None else TriageSettings())
        d = defaults()
        self.weights = {**d.weights, **self.settings.weights}
        self.levels = d.levels
        self.hours: ServiceHours = service_hours(self.settings)
        self.tracker = SituationTracker(self.settings)
        self.abuse = AbuseTracker(posts=self.settings.abuse_posts, hours=self.settings.abuse_hours)
        self.keep = keep
        self._read = read
        self._items: list[TriagedPost] = []
        self._situations: dict[str, Situation] = {}
        self._ack = dict(bank.acknowledge_minutes) if bank is not None else {}
        self._seq = 0

    def add(self, post: Inbound, reading: Reading | None = None) -> TriagedPost:
        """Triage one post (it needs a ``time``); ``reading`` skips reading the post again."""
        if post.time is None:
            raise InputError("a post to triage needs a time (ISO 8601)")
        if reading is None:
            if self._read is None:
                from carevoice.concentrate import concentrate

                self._read = concentrate
            reading = self._read(post)
        self._seq += 1
        time = post.time if post.time.tzinfo else post.time.replace(tzinfo=timezone.utc)
        author = post.handle or post.name or f"anonymous:{post.id or self._seq}"
        placed = self.tracker.add(post.text, time, author, reading)
        team, escalation = route(reading, self.settings.routing)
        findings: list[Finding] = []
        reasons: list[str] = []
        rec: Recommendation = "reply"
        if reading.abusive or reading.category == "abuse":
            why = self.abuse.add(author, time)
            rec = "no_reply"
            if why:
                rec = "disengage"
                reasons.append(why)
                findings.append(REPEATED_ABUSE.finding(f"repeated abuse: {why}",
                                                       suggestion="do not reply; hide or report per community rules"))
        elif reading.spam:
            rec = "no_reply"
        elif escalation:
            rec = "escalate"
            findings.append(ESCALATE.finding(f"escalate to {team}: {escalation}"))
        surging = placed.surging and rec not in ("no_reply", "disengage")
        if surging:
            findings.append(self._surge_finding(placed.situation, team))
            rec = "holding" if rec == "reply" else rec
        prio = score(reading, weights=self.weights, levels=self.levels, followers=post.followers,
                     high_reach=self.settings.high_reach_followers, surging=surging,
                     no_reply=rec in ("no_reply", "disengage"))
        due = None
        if rec not in ("no_reply", "disengage"):
            due = deadline(time, acknowledge_minutes(post.channel, self._ack), urgent=bool(reading.urgency),
                           urgent_minutes=self.settings.urgent_acknowledge_minutes)
        closed = not self.hours.is_open(time)
        if closed and rec not in ("no_reply", "disengage"):
            label = self.hours.next_open_label(time) or "when the team is back"
            findings.append(OUT_OF_HOURS.finding(f"outside service hours: a person follows up at {label}"))
        item = TriagedPost(post=post, seq=self._seq, author=author, reading=reading, situation=placed.situation,
                           priority=prio, deadline=due, team=team, escalation=escalation, recommendation=rec,
                           reasons=tuple(reasons), findings=tuple(findings), out_of_hours=closed)
        if self.keep:
            self._items.append(item)
            snap = self.tracker.get(placed.situation)
            if snap is not None:
                self._situations[snap.id] = snap
        return item

    def _surge_finding(self, situation_id: str, team: str) -> Finding:
        snap = self.situation(situation_id)
        size = f"{snap.count} posts, {snap.recent} in {self.settings.surge_minutes:g} min from {snap.authors} " \
               f"authors" if snap else "many posts"
        return SURGE.finding(
            f"situation {situation_id} is surging ({size}): answer it with one custom holding statement "
            f"and route it to the {team} team, not one scripted reply per post",
            suggestion=f"publish the situation's holding statement; route {situation_id} to {team}",
        )

    def situation(self, situation_id: str) -> Situation | None:
        """Return the latest snapshot of a situation (kept ones survive eviction)."""
        return self.tracker.get(situation_id) or self._situations.get(situation_id)

    def situations(self) -> list[Situation]:
        """Every situation seen (kept mode) or open, largest first."""
        snaps = {**self._situations, **{s.id: s for s in self.tracker.open()}}
        return sorted(snaps.values(), key=lambda s: (-s.count, s.first, s.id))

    def team_for(self, category: str) -> str:
        """Return the team that owns a category (bank routing over the defaults)."""
        return team_for(category, self.settings.routing)

    def queue(self) -> list[TriagedPost]:
        """Return the kept posts in priority order (no-reply posts last), updated for later surges."""
        out = []
        for item in self._items:
            snap = self.situation(item.situation)
            if snap is not None and snap.surged_at is not None and item.recommendation in ("reply", "escalate") \
                    and not any(f.code == SURGE.code for f in item.findings):
                item = self._mark_surge(item)
            out.append(item)
        return sorted(out, key=_sort_key)

    def _mark_surge(self, item: TriagedPost) -> TriagedPost:
        points = self.weights["situation"]
        value = max(0, min(100, round(item.priority.score + points)))
        level = next((n for n, m in self.levels if value >= m), self.levels[-1][0])
        prio = Priority(value, level, (*item.priority.reasons, f"part of a surging situation ({points:+.0f})"))
        rec: Recommendation = "holding" if item.recommendation == "reply" else item.recommendation
        return dataclasses.replace(item, priority=prio, recommendation=rec,
                                   findings=(*item.findings, self._surge_finding(item.situation, item.team)))
