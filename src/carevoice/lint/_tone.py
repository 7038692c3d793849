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


_UPSET_STAGES = frozenset({"apologise", "condolence", "safety", "boundary", "privacy", "handoff", "holding",
                           "move_private"})
"""Stages that only ever reach a customer something went wrong for."""
_UPSET_INTENTS = frozenset({"complaint", "danger", "follow_up", "abuse"})
_UPSET_EMOTIONS = frozenset({"anger", "frustration", "anxiety", "sadness"})
_CHEER_TAGS = frozenset({"playful", "cheerful"})
_PROBLEMS = frozenset({
    "late_delivery", "wrong_item", "billing_error", "refund_status", "account_access", "fraud_security",
    "service_outage", "connectivity", "app_bug", "product_defect", "flight_disruption", "transport_disruption",
    "lost_baggage", "booking", "rude_staff", "food_order", "loyalty", "gift_card_promo"})


def tone_for_cell(phrase: Phrase, typical: str | None) -> str | None:
    """Why a phrase's tone contradicts the posts its cell serves (CV714), or ``None``.

    A phrase tagged ``playful``/``cheerful``, or breezy ("hey hey", "oops") or exclaiming, may reach an
    upset customer when its stage only serves upset posts (an apology, a safety line...), when it is written
    for complaints, danger or follow-ups, or when it is open to every intent of a problem situation.
    """
    from carevoice.checks.context import tone_data
    from carevoice.checks.kinds import find_all

    cheer = sorted(_CHEER_TAGS & set(phrase.tags))
    breezy = find_all(typical or phrase.text, tone_data().breezy)
    if not cheer and not breezy and "!" not in (typical or phrase.text):
        return None
    upset_emotions = sorted(_UPSET_EMOTIONS & set(phrase.emotions))
    if phrase.emotions and not upset_emotions:
        return None  # written only for calm or delighted posts
    why = (f"tagged {', '.join(cheer)}" if cheer else f"{breezy[0].group()!r}" if breezy else "an exclamation")
    if phrase.stage in _UPSET_STAGES:
        return f"{why} in a {phrase.stage} line, which only reaches customers something went wrong for"
    if _UPSET_INTENTS & set(phrase.intents):
        return f"{why} in a line for {', '.join(sorted(_UPSET_INTENTS & set(phrase.intents)))} posts"
    if upset_emotions:
        return f"{why} in a line for {', '.join(upset_emotions)} posts"
    if not phrase.intents and phrase.situation in _PROBLEMS and phrase.stage in ("acknowledge", "resolve"):
        return (f"{why} in a {phrase.situation} {phrase.stage} line open to every intent (a complaint included); "
                "limit it with intents or emotions")
    return None
