"""Urgency: signs that a post needs escalation now (safety, legal, stranded, data exposure)."""

from __future__ import annotations

from carevoice._kinds import Urgency
from carevoice.concentrate.evidence import gather, veto
from carevoice.concentrate.keywords import Hit, Scan

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
    was scammed"): a thank-you for helping an autistic son is no emergency. The sign must be words of its
    own: "insulin", a need and a sign of trouble in one, is no trouble of itself ("can I take my insulin pens
    through security?").
    """
    vetoes = found.family("urgency_except")
    kept = veto(found.family("urgency"), vetoes)
    who = found.family("urgency_who")
    if who:
        trouble = found.family("urgency_trouble")
        kept.extend(veto((h for h in who if kept or any(_apart(h, t) for t in trouble)), vetoes))
    if not kept:
        return (), ()
    evidence = gather(kept)
    raised = tuple(u for u in URGENCY_ORDER if u in evidence)
    reasons = tuple(f"urgency {u}: " + ", ".join(h.label for h in evidence[u][1][:3]) for u in raised)
    return raised, reasons


def _apart(who: Hit, trouble: Hit) -> bool:
    """Whether a sign of trouble of the same urgency stands apart from the words naming who is at risk."""
    return who.key == trouble.key and (trouble.end <= who.start or trouble.start >= who.end)
