"""Routing: the team that owns a post, by category, or by urgency for an escalation."""

from __future__ import annotations

from collections.abc import Mapping

from carevoice.inbound import CATEGORIES, Reading

__all__ = ["ROUTABLE", "URGENCIES", "Route", "route", "team_for"]

URGENCIES: tuple[str, ...] = ("safety", "legal", "stranded", "data_exposure")
ROUTABLE: tuple[str, ...] = (*CATEGORIES, *URGENCIES)
"""The keys a routing table may have: every category and every urgency."""

_REASONS = {"safety": "safety risk reported", "legal": "legal threat", "stranded": "customer stranded now",
            "data_exposure": "possible data exposure"}

Route = tuple[str, str | None]
"""(team, escalation reason or None)."""


def route(reading: Reading, overrides: Mapping[str, str] | None = None) -> Route:
    """Return the owning team for a reading and, for an urgent post, the escalation reason.

    An urgency routes to its own team (the first urgency wins) and the reason names every
    urgency found; otherwise the category's team owns the post.

    >>> route(Reading(category="billing_error"))
    ('billing', None)
    >>> route(Reading(category="late_delivery", urgency=("legal",)))
    ('legal', 'legal threat')
    """
    from carevoice.triage.defaults import defaults

    table = {**defaults().routing, **(overrides or {})}
    if reading.urgency:
        reason = "; ".join(_REASONS.get(u, u) for u in reading.urgency)
        return table.get(reading.urgency[0], table.get(reading.category, "care")), reason
    return table.get(reading.category, table.get("general", "care")), None


def team_for(key: str, overrides: Mapping[str, str] | None = None) -> str:
    """Return the team that owns a category or an urgency (``care`` when nothing is configured)."""
    from carevoice.triage.defaults import defaults

    table = {**defaults().routing, **(overrides or {})}
    return table.get(key, table.get("general", "care"))
