"""Wider plans and phrase pools for when every candidate of the usual plan repeats an earlier reply.

A thin cell (a situation with few phrasings for a stage) runs out of
combinations on a busy day. Before giving up and asking the agent for a
custom line, the engine tries the same reply with one more CATER stage the
situation does not strictly need (an explanation, an acknowledgement, a thank
you), which multiplies the combinations a reader will not see as repeats.
For a general reply or question, an acknowledgement may also stand in for the
thank-you line and the other way round. Praise, abuse and spam are never widened. The same step also offers the
bank's generic ``any`` phrasings beside a situation's own (:func:`pooled_bank`).
"""

from __future__ import annotations

from dataclasses import replace

from carevoice.bank.models import STAGE_ORDER
from carevoice.bank.resolved import Bank
from carevoice.compose import stage_options
from carevoice.plan import Plan

__all__ = ["EXTRA_STAGES", "SWAPPABLE", "SWAPS", "pooled_bank", "widened_plans"]

EXTRA_STAGES: tuple[str, ...] = ("explain", "acknowledge", "thank")
"""Stages a reply may gain, in the order they are tried."""

_NEVER = frozenset({"praise", "abuse", "spam"})

SWAPPABLE = frozenset({"general", "general_question"})
"""Situations whose acknowledgement and thank-you lines may stand in for each other."""

SWAPS: tuple[tuple[str, str], ...] = (("acknowledge", "thank"), ("thank", "acknowledge"))


def widened_plans(plan: Plan, bank: Bank, *, channel: str, emotion: str, sensitive: bool,
                  most: int = 2, negative: bool = False) -> list[Plan]:
    """Up to ``most`` plans, each with one more stage than the one before, that the bank can fill.

    A reply to a ``negative`` post keeps its acknowledgement: it is never swapped for a thank-you.
    """
    if plan.action == "no_reply" or plan.situation in _NEVER or not plan.stages:
        return []
    out: list[Plan] = []
    stages = list(plan.stages)
    for extra in EXTRA_STAGES:
        if len(out) >= most:
            break
        if extra in stages or not stage_options(bank, plan.situation, extra, channel=channel, emotion=emotion,
                                                sensitive=sensitive):
            continue
        stages = sorted([*stages, extra], key=lambda s: STAGE_ORDER.get(s, len(STAGE_ORDER)))
        reason = f"variation: added a{'n' if extra[0] in 'aeiou' else ''} {extra} line so the reply does not repeat"
        out.append(replace(plan, stages=tuple(stages), reasons=(*(out[-1] if out else plan).reasons, reason)))
    if plan.situation in SWAPPABLE:
        out += _swapped(plan, out, bank, channel=channel, emotion=emotion, sensitive=sensitive,
                        keep_acknowledgement=negative)
    return out


def _swapped(plan: Plan, wider: list[Plan], bank: Bank, *, channel: str, emotion: str,
             sensitive: bool, keep_acknowledgement: bool = False) -> list[Plan]:
    """The plans with an acknowledgement in place of the thank-you line, or the other way round."""
    out: list[Plan] = []
    seen = {p.stages for p in (plan, *wider)}
    for old, new in SWAPS:
        if keep_acknowledgement and old == "acknowledge":
            continue
        if old not in plan.stages or new in plan.stages or not stage_options(
                bank, plan.situation, new, channel=channel, emotion=emotion, sensitive=sensitive):
            continue
        for source in (plan, *wider):
            if new in source.stages:
                continue
            stages = tuple(new if s == old else s for s in source.stages)
            if stages not in seen:
                seen.add(stages)
                reason = f"variation: a {new} line instead of the {old} line so the reply does not repeat"
                out.append(replace(source, stages=stages, reasons=(*source.reasons, reason)))
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
