"""Urgency: signs that a post needs escalation now (safety, legal, stranded, data exposure)."""

from __future__ import annotations

from carevoice._kinds import Urgency
from carevoice.concentrate.evidence import gather, veto
from carevoice.concentrate.keywords import Scan

__all__ = ["URGENCY_ORDER", "read_urgency"]

URGENCY_ORDER: tuple[Urgency, ...] = ("safety", "threat", "vulnerable", "fraud", "data_exposure", "legal", "stranded")
"""Urgencies in the order they are reported (the most serious first)."""


def read_urgency(found: Scan) -> tuple[tuple[Urgency, ...], tuple[str, ...]]:
    """Return the urgencies a post raises and one reason per urgency.

    Any phrase of an urgency list counts unless a veto phrase of the same
    urgency covers it ("fire stick", "food court", "life hack"). A phrase that
    only names who is at risk (``urgency_who``: "my 84 year old dad", "my
    autistic son") counts when a sign of trouble of the same urgency
    (``urgency_trouble``: "on his own", "cut off", "no one came") is anywhere
    in the post, or when the post is urgent already ("my 81 year old gran
    was scammed"): a thank-you for helping an autistic son is no emergency.
    """
    vetoes = found.family("urgency_except")
    kept = veto(found.family("urgency"), vetoes)
    who = found.family("urgency_who")
    if who:
        troubled = {h.key for h in found.family("urgency_trouble")}
        kept.extend(veto((h for h in who if kept or h.key in troubled), vetoes))
    if not kept:
        return (), ()
    evidence = gather(kept)
    raised = tuple(u for u in URGENCY_ORDER if u in evidence)
    reasons = tuple(f"urgency {u}: " + ", ".join(h.label for h in evidence[u][1][:3]) for u in raised)
    return raised, reasons
