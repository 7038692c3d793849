"""Wider plans and phrase pools for when every candidate of the usual plan repeats an earlier reply.

A thin cell (a situation with few phrasings for a stage) runs out of
combinations on a busy day. Before giving up and asking the agent for a
custom line, the engine tries, in order:

1. the apology as its own sentence: phrases that acknowledge *and* apologise
   (``covers: [apologise]``) are set aside, so an acknowledgement and a separate
   apology make many more combinations (a reply to a complaint only);
2. an acknowledgement where the plan had none (an upset question, request or
   follow-up), never for a calm post, praise, banter, abuse or spam.

It never adds filler: no explanation and no thank-you line are added to make a
reply differ. The same step also offers the bank's generic ``any`` phrasings
beside a situation's own (:func:`pooled_bank`).
"""

from __future__ import annotations

from dataclasses import replace

from carevoice.bank.resolved import Bank
from carevoice.bank.stages import STAGE_ORDER
from carevoice.compose import stage_options
from carevoice.plan import Plan

__all__ = ["pooled_bank", "widened_plans"]

_NEVER = frozenset({"praise", "abuse", "spam", "banter", "danger"})
"""Intents whose replies are never widened (danger lines are chosen for what is at stake)."""


def widened_plans(plan: Plan, bank: Bank, *, channel: str, emotion: str, sensitive: bool,
                  negative: bool = False) -> list[Plan]:
    """The wider plans to try, in order, when ``plan`` keeps repeating (see the module docstring)."""
    if plan.action in ("no_reply", "needs_agent") or plan.intent in _NEVER or plan.situation in _NEVER:
        return []
    out: list[Plan] = []
    if "acknowledge" in plan.stages and "apologise" in plan.stages and not plan.split_apology:
        out.append(replace(plan, split_apology=True, reasons=(
            *plan.reasons, "variation: the apology as its own sentence so the reply does not repeat")))
    if negative and "acknowledge" not in plan.stages and stage_options(
            bank, plan.situation, "acknowledge", channel=channel, emotion=emotion, sensitive=sensitive,
            intent=plan.intent):
        stages = tuple(sorted([*plan.stages, "acknowledge"], key=lambda s: STAGE_ORDER.get(s, len(STAGE_ORDER))))
        out.append(replace(plan, stages=stages, reasons=(
            *plan.reasons, "variation: added an acknowledge line so the reply does not repeat")))
    return out


def pooled_bank(bank: Bank, situation: str) -> Bank:
    """The bank with the ``any`` phrases of each stage offered beside the situation's own (same ids).

    Normally the ``any`` cell is only a fallback for a stage a situation has no phrases for; when
    the situation's own phrasings are used up, its generic siblings are fair choices too.
    """
    extra = tuple(replace(p, situation=situation) for p in bank.phrases
                  if p.situation == "any" and p.stage != "greet" and bank.cell(situation, p.stage))
    if not extra or situation == "any":
        return bank
    return replace(bank, phrases=bank.phrases + extra, _index={})
