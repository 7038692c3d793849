"""Service hours: whether the care team is open at a moment, and when it next opens.

Hours are written per day in the bank's ``triage`` section, in its time zone::

    triage:
      timezone: Europe/London
      hours: {mon-fri: "08:00-20:00", sat: "09:00-17:00", sun: closed}

A naive post time is read as UTC. With no hours the team is always open.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo

from carevoice.errors import ConfigError

__all__ = ["DAYS", "ServiceHours", "load_zone", "parse_hours", "service_hours"]

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_GROUPS = {"daily": DAYS, "weekdays": DAYS[:5], "weekends": DAYS[5:]}
_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
Spans = tuple[tuple[int, int], ...]
"""Open spans of one day, in minutes after local midnight, sorted."""


def load_zone(name: str) -> tzinfo:
    """Return the time zone ``name`` (IANA, such as ``Europe/London``); ``ConfigError`` when unknown."""
    if name.upper() == "UTC":
        return timezone.utc
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # with sysconfig: a bank in UTC never needs it

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown time zone {name!r}; use an IANA name such as Europe/London or UTC") from None


def _days(spec: str) -> tuple[str, ...]:
    key = spec.strip().lower()
    if key in _GROUPS:
        return _GROUPS[key]
    if key in DAYS:
        return (key,)
    first, sep, last = key.partition("-")
    if sep and first in DAYS and last in DAYS and DAYS.index(first) <= DAYS.index(last):
        return DAYS[DAYS.index(first): DAYS.index(last) + 1]
    raise ConfigError(f"unknown day {spec!r} in hours; use mon..sun, a range like mon-fri, daily, weekdays "
                      "or weekends")


def _spans(spec: str, day: str) -> Spans:
    if spec.strip().lower() == "closed":
        return ()
    out = []
    for part in spec.split(","):
        m = _SPAN.match(part)
        if not m:
            raise ConfigError(f"hours for {day} must look like 08:00-20:00 or closed, not {spec!r}")
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if m1 > 59 or m2 > 59 or end > 24 * 60 or start >= end:
            raise ConfigError(f"hours for {day}: {part.strip()!r} is not a span within one day "
                              "(start before end, at most 24:00)")
        out.append((start, end))
    return tuple(sorted(out))


def parse_hours(hours: Mapping[str, str]) -> dict[int, Spans]:
    """Open spans by weekday (0 is Monday); later entries override earlier ones."""
    week: dict[int, Spans] = {}
    for spec, value in hours.items():
        spans = _spans(str(value), spec)
        for day in _days(spec):
            week[DAYS.index(day)] = spans
    return week


def _clock(minutes: int) -> str:
    h, m = divmod(minutes % (24 * 60), 60)
    suffix = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    return f"{h12}{suffix}" if m == 0 else f"{h12}:{m:02d}{suffix}"


@dataclass(frozen=True)
class ServiceHours:
    """When a care team is open, in its own time zone."""

    zone: tzinfo = timezone.utc
    week: Mapping[int, Spans] = field(default_factory=dict)

    @property
    def always_open(self) -> bool:
        """True when no hours are declared."""
        return not self.week

    def local(self, when: datetime) -> datetime:
        """``when`` in the team's time zone (a naive time is read as UTC)."""
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return when.astimezone(self.zone)

    def _day(self, d: date) -> Spans:
        return self.week.get(d.weekday(), ())

    def is_open(self, when: datetime) -> bool:
        """Whether the team is open at ``when``."""
        if self.always_open:
            return True
        local = self.local(when)
        minute = local.hour * 60 + local.minute
        return any(start <= minute < end for start, end in self._day(local.date()))

    def next_open(self, when: datetime) -> datetime | None:
        """Return the next opening after ``when`` (local time); ``None`` when always open or never open."""
        if self.always_open:
            return None
        local = self.local(when)
        minute = local.hour * 60 + local.minute
        for offset in range(8):
            day = local.date() + timedelta(days=offset)
            for start, _end in self._day(day):
                if offset or start > minute:
                    midnight = datetime(day.year, day.month, day.day, tzinfo=self.zone)
                    return midnight + timedelta(minutes=start)
        return None

    def next_open_label(self, when: datetime) -> str | None:
        """Return the next opening in words for a reply: ``8am``, ``8am tomorrow`` or ``8am on Monday``."""
        opening = self.next_open(when)
        if opening is None:
            return None
        clock = _clock(opening.hour * 60 + opening.minute)
        days = (opening.date() - self.local(when).date()).days
        if days == 0:
            return clock
        if days == 1:
            return f"{clock} tomorrow"
        return f"{clock} on {opening.strftime('%A')}"


def service_hours(settings: object) -> ServiceHours:
    """Return the service hours of a bank's ``triage`` settings (anything with ``timezone`` and ``hours``)."""
    zone = load_zone(str(getattr(settings, "timezone", "UTC")))
    return ServiceHours(zone=zone, week=parse_hours(getattr(settings, "hours", {}) or {}))
