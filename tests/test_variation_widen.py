"""Wider plans and pooled phrases: what the engine tries when the usual plan keeps repeating."""

from __future__ import annotations

import pytest

from carevoice import load_bank
from carevoice.inbound import Reading
from carevoice.plan import plan_reply
from carevoice.variation.widen import pooled_bank, widened_plans

BANK = load_bank("parcelpop")


def plans(situation: str) -> list[tuple[str, ...]]:
    plan = plan_reply(Reading(category=situation, confidence=1.0))
    return [p.stages for p in widened_plans(plan, BANK, channel="x", emotion="neutral", sensitive=False)]


def test_a_general_reply_may_gain_an_explanation_and_swap_acknowledgement_for_thanks() -> None:
    assert plans("general") == [
        ("greet", "acknowledge", "explain", "resolve"),
        ("greet", "acknowledge", "thank", "explain", "resolve"),
        ("greet", "thank", "resolve"),
        ("greet", "thank", "explain", "resolve"),
    ]


def test_a_complaint_keeps_its_acknowledgement() -> None:
    assert all("acknowledge" in stages and "apologise" in stages for stages in plans("app_bug"))


@pytest.mark.parametrize("situation", ["praise", "abuse", "spam"])
def test_praise_abuse_and_spam_are_never_widened(situation: str) -> None:
    assert plans(situation) == []


def test_the_widened_plan_says_why_in_its_reasons() -> None:
    plan = plan_reply(Reading(category="general", confidence=1.0))
    wider = widened_plans(plan, BANK, channel="x", emotion="neutral", sensitive=False)
    assert wider[0].reasons[-1] == "variation: added an explain line so the reply does not repeat"


def test_the_pooled_bank_offers_generic_phrasings_beside_the_situations_own() -> None:
    pooled = pooled_bank(BANK, "general")
    own = {p.id for p in BANK.cell("general", "acknowledge")}
    generic = {p.id for p in BANK.cell("any", "acknowledge")}
    assert {p.id for p in pooled.cell("general", "acknowledge")} == own | generic
    assert pooled.cell("general", "greet") == BANK.cell("general", "greet")  # greetings are not pooled
    assert BANK.cell("general", "acknowledge") == tuple(p for p in BANK.phrases
                                                        if (p.situation, p.stage) == ("general", "acknowledge"))


def test_a_negative_post_keeps_its_acknowledgement() -> None:
    from carevoice.bank import load_bank
    from carevoice.inbound import Reading
    from carevoice.plan import plan_reply
    from carevoice.variation.widen import widened_plans

    bank = load_bank("harbour-bank")
    plan = plan_reply(Reading(category="general", negative=True))
    kw = {"channel": "x", "emotion": "frustration", "sensitive": False}
    assert any("acknowledge" not in p.stages for p in widened_plans(plan, bank, **kw))
    assert all("acknowledge" in p.stages for p in widened_plans(plan, bank, negative=True, **kw))
