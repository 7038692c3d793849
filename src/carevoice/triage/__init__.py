"""Triage: situations, surges, priority, deadlines, routing and repeated abuse.

- :mod:`.situations` groups a stream of posts into situations and raises surges;
- :mod:`.priority` scores posts and sets acknowledge-by deadlines from channel targets;
- :mod:`.routing` maps categories and urgencies to owning teams;
- :mod:`.hours` service hours and the next opening;
- :mod:`.abuse` recognises repeated abuse from one author;
- :mod:`.engine` the :class:`Triage` that combines them for one bank.

See ``docs/triage.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from carevoice._lazy import lazy_exports

if TYPE_CHECKING:
    from carevoice.triage.engine import Recommendation, Triage, TriagedPost
    from carevoice.triage.hours import ServiceHours, service_hours
    from carevoice.triage.priority import Priority
    from carevoice.triage.routing import route, team_for
    from carevoice.triage.situations import Situation, SituationTracker

__all__ = [
    "Priority",
    "Recommendation",
    "ServiceHours",
    "Situation",
    "SituationTracker",
    "Triage",
    "TriagedPost",
    "route",
    "service_hours",
    "team_for",
]

_LAZY: dict[str, str] = {
    "Priority": "carevoice.triage.priority",
    "Recommendation": "carevoice.triage.engine",
    "ServiceHours": "carevoice.triage.hours",
    "Situation": "carevoice.triage.situations",
    "SituationTracker": "carevoice.triage.situations",
    "Triage": "carevoice.triage.engine",
    "TriagedPost": "carevoice.triage.engine",
    "route": "carevoice.triage.routing",
    "service_hours": "carevoice.triage.hours",
    "team_for": "carevoice.triage.routing",
}


__getattr__ = lazy_exports(__name__, _LAZY, globals())
"""Import the public names on first use: a draft needs only :mod:`.hours` (service hours)."""


def __dir__() -> list[str]:
    return sorted(__all__)
