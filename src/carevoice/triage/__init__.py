"""Triage: situations, surges, priority, deadlines, routing and repeated abuse.

- :mod:`.situations` groups a stream of posts into situations and raises surges;
- :mod:`.priority` scores posts and sets acknowledge-by deadlines from channel targets;
- :mod:`.routing` maps categories and urgencies to owning teams;
- :mod:`.hours` service hours and the next opening;
- :mod:`.abuse` recognises repeated abuse from one author;
- :mod:`.engine` the :class:`Triage` that combines them for one bank.

See ``docs/triage.md``.
"""

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
