"""CATER coverage: required stages on every channel (CV910), enough variants (CV911), bank variety (CV912)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from carevoice.bank.models import OPTIONAL_STAGES
from carevoice.bank.resolved import Bank, Phrase
from carevoice.compose import stage_options
from carevoice.plan import possible_plans

__all__ = ["CoverageIssue", "check_coverage", "check_variety", "served_situations"]


@dataclass(frozen=True)
class CoverageIssue:
    """A coverage gap of one (situation, stage), or of a situation's variety; located at that cell."""

    code: str
    situation: str
    stage: str | None
    message: str


def served_situations(bank: Bank) -> list[str]:
    """The situations a bank answers: those it has phrases for, and ``general`` (the fallback)."""
    return sorted({*bank.situations, "general"} - {"spam"})


_NOT_REQUIRED = frozenset({"safety", "condolence", "answer", "privacy", "handoff", "find_out", "clarify"})
"""Stages a bank may leave empty: safety, condolence, privacy and hand-off lines are optional (base ships them;
a reply or hand-off without one is still whole); answers are not cells; without `find_out` lines, a question
nothing answers goes to an agent, and without `clarify` lines, so does a post read too unsurely to act on."""


@lru_cache(maxsize=256)
def _plans(situation: str, out_of_hours: bool) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """:func:`possible_plans`, once per situation in a run (every bank asks for the same ones)."""
    return possible_plans(situation, out_of_hours=out_of_hours)


def _stages(bank: Bank, situation: str) -> list[tuple[str, str]]:
    """The (intent, stage) pairs a situation's replies need."""
    seen: list[tuple[str, str]] = []
    for intent, plan in _plans(situation, bool(bank.triage.hours)):
        for stage in plan:
            if (intent, stage) not in seen and stage not in _NOT_REQUIRED:
                seen.append((intent, stage))
    return seen


def _cell(bank: Bank, situation: str, stage: str, channel: str) -> tuple[Phrase, ...]:
    for cell in (bank.cell(situation, stage), bank.cell("any", stage)):
        fitting = tuple(p for p in cell if not p.channels or channel in p.channels)
        if fitting:
            return fitting
    return ()


def _missing_channels(bank: Bank, situation: str, stage: str, intent: str,
                      restricted: dict[tuple[str, str], bool] | None = None) -> list[str]:
    """The bank's channels on which no phrase serves the stage for a neutral post with this intent.

    A channel changes :func:`stage_options` only through phrases restricted to some channels: without
    any in the two cells it looks at, one channel's answer is every channel's. ``restricted`` keeps,
    per (situation, stage) of this bank, whether the two cells have such phrases.
    """
    def empty(channel: str) -> bool:
        return not stage_options(bank, situation, stage, channel=channel, emotion="neutral", sensitive=False,
                                 intent=intent)

    if not bank.channels:
        return []
    known = restricted if restricted is not None else {}
    if (situation, stage) not in known:
        known[(situation, stage)] = any(p.channels for cell in (bank.cell(situation, stage), bank.cell("any", stage))
                                        for p in cell)
    if known[(situation, stage)]:
        return [ch for ch in bank.channels if empty(ch)]
    return list(bank.channels) if empty(bank.channels[0]) else []


def check_coverage(bank: Bank, min_variants: int, own: Callable[[Phrase], bool]) -> list[CoverageIssue]:
    """Missing required stages per channel, and stages with fewer than ``min_variants`` phrases.

    A variant shortfall is reported only in the file that wrote the phrases of that cell.
    """
    out: list[CoverageIssue] = []
    checked: set[tuple[str, str]] = set()
    restricted: dict[tuple[str, str], bool] = {}
    for situation in served_situations(bank):
        for intent, stage in _stages(bank, situation):
            missing = _missing_channels(bank, situation, stage, intent, restricted)
            if missing and stage not in OPTIONAL_STAGES:
                out.append(CoverageIssue(
                    "CV910", situation, stage,
                    f"{situation} has no {stage} phrase for a neutral {intent} post on {', '.join(missing)} "
                    f"(add one without an emotion or channel restriction, for that intent or for any, here or "
                    f"under 'any')"))
                continue
            if (situation, stage) in checked:
                continue
            checked.add((situation, stage))
            counts = {ch: _cell(bank, situation, stage, ch) for ch in bank.channels}
            if not counts:
                continue
            channel, cell = min(counts.items(), key=lambda kv: len(kv[1]))
            if cell and len(cell) < min_variants and any(own(p) for p in cell):
                where = cell[0].situation
                on = "" if len({len(c) for c in counts.values()}) == 1 else f" on {channel}"
                out.append(CoverageIssue(
                    "CV911", where, stage,
                    f"{where}.{stage} has {len(cell)} variant{'s' if len(cell) != 1 else ''}{on} "
                    f"(minimum {min_variants}); replies to {situation} will look scripted"))
    return out


def check_variety(bank: Bank, minimum: int, *, seed: int = 0) -> list[CoverageIssue]:
    """Situations whose simulated variety is below ``minimum`` (CV912).

    The simulation stops at ``minimum`` replies: the rule asks only whether the bank reaches it.
    """
    from carevoice.variation.variety import simulate_variety

    channel = "x" if "x" in bank.channels or not bank.channels else bank.channels[0]
    out: list[CoverageIssue] = []
    for situation in served_situations(bank):
        if situation == "abuse":
            continue
        found = simulate_variety(bank, situation, channel=channel, limit=minimum, seed=seed)
        if found < minimum:
            out.append(CoverageIssue(
                "CV912", situation, None,
                f"{situation} on {channel}: a near-duplicate reply appears after {found} replies "
                f"(minimum variety {minimum}); add phrases that differ in wording, not just in a word"))
    return out
