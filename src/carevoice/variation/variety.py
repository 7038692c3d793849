"""Bank variety: how many consecutive replies a bank can give one situation before one repeats.

The simulation drafts replies for one situation, one after another, into a
fresh in-memory history with the engine's own selection (phrase rotation,
fingerprints, the bank's measure and the strict one) and stops at the first
reply that cannot clear the bank's threshold. Phrases are rendered once, with
a neutral context (no names or order ids: a reader sees the script, not the
variables), so a situation costs milliseconds, not seconds; the linter calls
:func:`simulate_variety` for every situation of every bank.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from carevoice._plain import Inbound, Reading
from carevoice.bank.resolved import Bank
from carevoice.checks.channels import get_channel
from carevoice.compose import Candidate, build_context, make_candidates
from carevoice.plan import intents_for, plan_reply
from carevoice.variation.history import MemoryHistory, ReplyRecord
from carevoice.variation.index import ReplyIndex
from carevoice.variation.recombine import RECOMBINED, recombine
from carevoice.variation.select import select

__all__ = ["VarietyReport", "bank_variety", "simulate_variety"]

_POOL = 300
"""Candidates drawn once per situation to collect every rendered phrasing of each stage."""


def simulate_variety(bank: Bank, situation: str, *, channel: str = "x", limit: int = 200, seed: int = 0) -> int:
    """Consecutive replies (up to ``limit``) the bank gives ``situation`` before one is a near-duplicate.

    Returns ``limit`` when every reply cleared; 0 when the situation has no reply to give (spam)
    or the bank has no phrases for it.
    """
    # the situation's leading intent, read with certainty (a complaint, or praise for praise...)
    reading = Reading(category=situation, confidence=1.0, intent=intents_for(situation)[0],
                      intent_confidence=1.0, emotion="delight" if situation == "praise" else "neutral")
    plan = plan_reply(reading)
    if not plan.stages:
        return 0
    profile = get_channel(channel)
    context = build_context(Inbound(text="-", channel=channel), reading, bank, profile)
    rng = random.Random(seed)
    drawn = make_candidates(bank, plan, context, channel=channel, emotion="neutral", sensitive=False,
                            rng=rng, count=_POOL)
    if not drawn:
        return 0
    drawn = _cover(drawn)
    if not drawn:
        return 0
    settings = bank.variation
    history = MemoryHistory()
    index = ReplyIndex(history, bank.name, window=max(limit, 1), situation_window=0,
                       window_days=settings.window_days)
    for n in range(limit):
        index.refresh(situation)
        candidates = recombine(drawn, index, category=situation, rng=rng, count=RECOMBINED,
                               max_shared=settings.max_shared)
        pool = candidates or drawn
        if not pool:
            return n
        chosen = select(pool, history, brand=bank.name, settings=settings, category=situation,
                        index=index, ordered=bool(candidates))
        if not chosen.cleared:
            return n
        history.record(ReplyRecord(text=chosen.candidate.text, brand=bank.name, channel=channel,
                                   phrase_ids=chosen.candidate.phrase_ids, category=situation))
    return limit


@dataclass(frozen=True)
class VarietyReport:
    """The variety of one situation of a bank on one channel."""

    situation: str
    channel: str
    replies: int
    limit: int

    @property
    def thin(self) -> bool:
        """True when the bank repeats itself before the limit."""
        return self.replies < self.limit


def bank_variety(bank: Bank, *, channels: tuple[str, ...] = ("x",), limit: int = 200,
                 seed: int = 0) -> list[VarietyReport]:
    """Variety of every situation the bank has phrases for, on each channel it serves."""
    out = []
    for channel in channels:
        for situation in bank.situations:
            if situation in ("spam",):
                continue
            out.append(VarietyReport(situation, channel,
                                     simulate_variety(bank, situation, channel=channel, limit=limit, seed=seed),
                                     limit))
    return out


def _cover(drawn: list[Candidate]) -> list[Candidate]:
    """The few drawn candidates that together hold every rendered phrasing of every stage."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in drawn:
        keys = {(stage, phrase.id) for stage, phrase, _ in c.parts}
        if keys - seen:
            seen |= keys
            out.append(c)
    return out
