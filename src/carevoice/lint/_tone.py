"""Tone: every validator's tone rule on each phrase rendered with typical values (codes stay theirs)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from carevoice.bank.resolved import Bank, Phrase
from carevoice.draft import Finding

__all__ = ["TONE_FAMILIES", "check_tone", "phrase_bank", "tone_channel"]

_WHOLE_REPLY = ("length", "structure")

TONE_FAMILIES = ("CV3", "CV5", "CV6")
"""Validator families that judge a single phrase: tone, readability, personal data and promotion.

Length (CV2xx) is judged in the worst case by the linter itself and CATER structure (CV4xx) only
makes sense for a whole reply, so neither is applied to one phrase.
"""


def tone_channel(bank: Bank, phrase: Phrase) -> str:
    """The channel a phrase is tone-checked on: X when it may be used there, else its first channel."""
    allowed = [c for c in bank.channels if not phrase.channels or c in phrase.channels]
    return "x" if "x" in allowed else (allowed or list(bank.channels) or ["x"])[0]


def phrase_bank(bank: Bank) -> Bank:
    """The bank with the whole-reply rule families (length, structure) switched off, for phrase checks."""
    off = [*bank.tone.disabled_rules, *(r for r in _WHOLE_REPLY if r not in bank.tone.disabled_rules)]
    return replace(bank, tone=bank.tone.model_copy(update={"disabled_rules": off}))


def check_tone(bank: Bank, phrase: Phrase, typical: Callable[[Phrase, str], str | None]) -> list[tuple[Finding, str]]:
    """The validators' findings on one rendered phrase, each with the rendered text its span refers to.

    Pass a bank made by :func:`phrase_bank` so whole-reply rules are not even run.
    """
    from carevoice.checks import check

    channel = tone_channel(bank, phrase)
    text = typical(phrase, channel)
    if text is None:
        return []
    found = check(text, channel=channel, bank=bank, stages=(phrase.stage,))
    return [(f, text) for f in found if f.code.startswith(TONE_FAMILIES)]
