"""CATER planning: which action a post gets and which stages its reply needs, with the reasons."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from carevoice.draft import Action
from carevoice.inbound import PiiMatch, Reading

__all__ = ["ACCOUNT_SPECIFIC", "COMPLAINTS", "STAGE_PLANS", "Plan", "plan_reply", "possible_stage_plans"]

COMPLAINTS = frozenset({
    "late_delivery", "wrong_item", "billing_error", "refund_status", "account_access", "service_outage",
    "app_bug", "flight_disruption", "lost_baggage", "rude_staff", "product_defect",
})
ACCOUNT_SPECIFIC = frozenset({"billing_error", "refund_status", "account_access", "lost_baggage",
                              "cancellation_request"})
STAGE_PLANS: dict[str, tuple[str, ...]] = {
    "complaint": ("greet", "acknowledge", "apologise", "explain", "resolve"),
    "cancellation_request": ("greet", "acknowledge", "thank", "explain", "resolve"),
    "general_question": ("greet", "thank", "explain", "resolve"),
    "praise": ("greet", "thank", "acknowledge", "resolve"),
    "general": ("greet", "acknowledge", "resolve"),
    "abuse": ("boundary",),
    "spam": (),
}
ESCALATE = {"safety": "safety risk reported", "legal": "legal threat", "data_exposure": "possible data exposure"}


@dataclass(frozen=True)
class Plan:
    """What to do with a post and which stages the reply needs, with the reasons."""

    action: Action
    situation: str
    stages: tuple[str, ...]
    escalation: str | None
    move_private: bool
    reasons: tuple[str, ...]


def plan_reply(reading: Reading, *, out_of_hours: bool = False) -> Plan:
    """Decide the action and the CATER stages for a reading of a post."""
    reasons: list[str] = []
    situation = reading.category
    if reading.spam or situation == "spam":
        return Plan("no_reply", "spam", (), None, False, ("spam: no reply",))
    if reading.abusive or situation == "abuse":
        return Plan("no_reply", "abuse", STAGE_PLANS["abuse"], None, False,
                    ("abusive post: no reply recommended; a boundary line is offered if the team answers",))
    key = "complaint" if situation in COMPLAINTS else situation
    stages = list(STAGE_PLANS.get(key, STAGE_PLANS["general"]))
    if situation == "general_question" and reading.negative:
        # an upset question is acknowledged and apologised for before it is explained (CATER order)
        stages[stages.index("thank")] = "acknowledge"
        stages.insert(stages.index("acknowledge") + 1, "apologise")
        reasons.append("question with negative feeling: acknowledgement and apology instead of thanks")
    escalation = "; ".join(ESCALATE[u] for u in reading.urgency if u in ESCALATE) or None
    move_private = bool(reading.pii) or situation in ACCOUNT_SPECIFIC or "data_exposure" in reading.urgency
    action: Action = "reply"
    if escalation:
        action = "escalate"
        reasons.append(f"escalate: {escalation}")
    elif move_private:
        action = "reply_and_move_private"
    if reading.pii:
        reasons.append(f"personal data posted publicly ({', '.join(sorted({m.kind for m in reading.pii}))}): "
                       "move private, never echo it")
    elif situation in ACCOUNT_SPECIFIC:
        reasons.append(f"{situation} needs account details: move private")
    if reading.bereavement and situation not in ("praise", "general_question"):
        # a death in the family: condolence, then the next step; no process talk, no apology, no thanks
        stages = [s for s in stages if s not in ("acknowledge", "thank", "apologise", "explain")]
        stages.insert(1 if stages[:1] == ["greet"] else 0, "condolence")
        reasons.append("bereavement: condolence and a gentle next step instead of process")
    if "safety" in reading.urgency and "explain" in stages:
        stages[stages.index("explain")] = "safety"
        reasons.append("safety risk: a safety line takes the place of the explanation")
    if move_private and "resolve" in stages:
        stages[stages.index("resolve")] = "move_private"
    if out_of_hours:
        stages.append("out_of_hours")
        reasons.append("outside service hours: says when a person follows up")
    return Plan(action, situation, tuple(stages), escalation, move_private, tuple(reasons))


@lru_cache(maxsize=64)
def possible_stage_plans(situation: str, *, out_of_hours: bool = False) -> tuple[tuple[str, ...], ...]:
    """Every stage sequence :func:`plan_reply` can give a situation, derived from ``plan_reply`` itself.

    The linter judges length and coverage over these, so it can never drift from the Drafter.
    """
    pii = (PiiMatch(kind="email", start=0, end=1, text="x"),)
    plans: list[tuple[str, ...]] = []
    for negative in (False, True):
        for found in ((), pii):
            for urgency in ((), ("safety",)):
                for closed in ((False, True) if out_of_hours else (False,)):
                    for bereaved in (False, True):
                        reading = Reading(category=situation, negative=negative, pii=found, urgency=urgency,
                                          bereavement=bereaved)
                        stages = plan_reply(reading, out_of_hours=closed).stages
                        if stages and stages not in plans:
                            plans.append(stages)
    return tuple(plans)
