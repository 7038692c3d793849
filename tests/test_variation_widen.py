"""Wider plans and pooled phrases: what the engine tries when the usual plan keeps repeating."""

from __future__ import annotations

import pytest

from carevoice import load_bank
from carevoice.inbound import Reading
from carevoice.plan import plan_reply
from carevoice.variation.widen import pooled_bank, widened_plans

BANK = load_bank("parcelpop")


def wider(**fields: object) -> list:  # type: ignore[type-arg]
    fields.setdefault("intent_confidence", 1.0)
    fields.setdefault("confidence", 1.0)
    reading = Reading(**fields)  # type: ignore[arg-type]
    return widened_plans(plan_reply(reading), BANK, channel="x", emotion=reading.emotion, sensitive=False,
                         negative=reading.negative)


def test_a_complaint_may_say_sorry_in_its_own_sentence() -> None:
    plans = wider(category="app_bug", intent="complaint", emotion="anger", negative=True)
    assert [(p.stages, p.split_apology) for p in plans] == [(("acknowledge", "apologise", "resolve"), True)]
    assert plans[0].reasons[-1] == "variation: the apology as its own sentence so the reply does not repeat"


def test_nothing_is_added_as_filler() -> None:
    for fields in ({"category": "general", "intent": "request", "emotion": "neutral"},
                   {"category": "app_bug", "intent": "complaint", "emotion": "anger", "negative": True}):
        assert all("explain" not in p.stages and "thank" not in p.stages for p in wider(**fields))


def test_a_calm_post_never_gains_an_acknowledgement() -> None:
    assert wider(category="general", intent="request", emotion="neutral") == []


@pytest.mark.parametrize(("situation", "intent"), [("praise", "praise"), ("abuse", "abuse"), ("spam", "spam"),
                                                   ("general", "banter"), ("fraud_security", "danger")])
def test_praise_banter_danger_abuse_and_spam_are_never_widened(situation: str, intent: str) -> None:
    assert wider(category=situation, intent=intent, negative=True, emotion="anger") == []


def test_the_pooled_bank_offers_generic_phrasings_beside_the_situations_own() -> None:
    pooled = pooled_bank(BANK, "general")
    own = {p.id for p in BANK.cell("general", "acknowledge")}
    generic = {p.id for p in BANK.cell("any", "acknowledge")}
    assert {p.id for p in pooled.cell("general", "acknowledge")} == own | generic
    assert pooled.cell("general", "greet") == BANK.cell("general", "greet")  # greetings are not pooled
    assert BANK.cell("general", "acknowledge") == tuple(p for p in BANK.phrases
                                                        if (p.situation, p.stage) == ("general", "acknowledge"))
