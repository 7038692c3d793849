"""Drafts by intent: conditions on phrases, one sentence doing two moves, answers, praise, hand-offs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHIPPED_BANKS, write_bank
from hypothesis import given, settings
from hypothesis import strategies as st

from carevoice import Drafter, Inbound
from carevoice.variation.history import MemoryHistory

BANK = """\
bank: cond
display_name: Cond Co
voice: {sign_off: "^CC"}
drafting: {situation_confidence: 0.5}  # these tests are about when/unless, not about unsure situations
phrases:
  late_delivery:
    acknowledge:
      - id: c.ack.order
        text: "Sorry order {{ details.order_id }} is running late."
        intents: [complaint]
        covers: [apologise]
        when: [details.order_id]
      - id: c.ack.plain
        text: "Sorry {{ subject.text }} is running late."
        intents: [complaint]
        covers: [apologise]
        unless: [details.order_id]
    apologise:
      - {id: c.apo, text: "We apologise for the wait.", intents: [complaint]}
    resolve:
      - id: c.res.order
        text: "We'll chase it with the courier now."
        intents: [complaint]
        when: [details.order_id]
      - id: c.res.plain
        text: "DM us the order number and we'll chase it."
        intents: [complaint]
        unless: [details.order_id]
"""


@pytest.fixture
def cond(tmp_path: Path) -> Drafter:
    return Drafter(write_bank(tmp_path, BANK, "cond"), history=MemoryHistory(), seed=3)


def test_when_and_unless_pick_the_line_that_fits_what_the_post_gave(cond: Drafter) -> None:
    given_order = cond.draft(Inbound(text="My order #58213 still hasn't arrived, it's a week late"))
    no_order = cond.draft(Inbound(text="My order still hasn't arrived, it's a week late"))
    assert given_order.phrase_ids == ("c.ack.order", "c.res.order"), given_order.reasons
    assert "58213" in given_order.text and "DM us the order number" not in given_order.text
    assert no_order.phrase_ids == ("c.ack.plain", "c.res.plain")


def test_a_line_that_covers_the_apology_replaces_the_apology_stage(cond: Drafter) -> None:
    draft = cond.draft(Inbound(text="My order still hasn't arrived, it's a week late"))
    stages = {s.stage: s.phrase_id for s in draft.stages}
    assert stages.get("acknowledge") == "c.ack.plain"
    assert "c.apo" not in draft.phrase_ids and draft.text.lower().count("sorry") + draft.text.count("apologise") == 1


# --- praise never gets an apology, on every shipped bank ------------------------------------------

PRAISE = ["Thank you so much for sorting my {thing} out so quickly, brilliant service!",
          "Huge thanks to the team, my {thing} was perfect",
          "Just want to say your staff were amazing today with my {thing}",
          "Best {thing} I've had in years, thank you!",
          "Love the new {thing}, great job everyone"]
THINGS = ["order", "flight", "account", "parcel", "app", "broadband", "cake", "train journey", "card"]
_APOLOGY = re.compile(r"\b(sorry|apologi[sz]e|apologies|regret)\b", re.IGNORECASE)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SHIPPED_BANKS), st.sampled_from(PRAISE), st.sampled_from(THINGS))
def test_praise_and_thanks_never_get_an_apology(bank: str, template: str, thing: str) -> None:
    draft = Drafter(bank, history=MemoryHistory(), seed=1).draft(Inbound(text=template.format(thing=thing)),
                                                                allow_blocked=True)
    assert draft.analysis.intent == "praise", (draft.analysis.intent, draft.reasons)
    assert not _APOLOGY.search(draft.text or ""), draft.text


# --- answers from the bank's knowledge ------------------------------------------------------------

def test_a_question_the_bank_answers_gets_the_answer() -> None:
    draft = Drafter("northwind-air", history=MemoryHistory(), seed=1).draft(
        Inbound(text="@NorthwindAir what size can my hand luggage be?"))
    assert draft.answer is not None and "56x45x25" in draft.text, draft.reasons
    assert draft.action != "needs_agent"


def test_an_unrelated_question_does_not_borrow_an_answer() -> None:
    draft = Drafter("northwind-air", history=MemoryHistory(), seed=1).draft(
        Inbound(text="@NorthwindAir do you sponsor the county cricket team this season?"))
    assert draft.answer is None and "56x45x25" not in (draft.text or "")


# --- honest when unsure: a hand-off, never a confident wrong reply ---------------------------------

@pytest.mark.parametrize("text", ["Mi vuelo fue cancelado y nadie me ayuda en el aeropuerto",
                                  "Mon colis n'est toujours pas arrivé, c'est inadmissible"])
def test_a_post_in_another_language_is_handed_to_an_agent(text: str) -> None:
    history = MemoryHistory()
    draft = Drafter("parcelpop", history=history, seed=1).draft(Inbound(text=text, id="p1"), record=True)
    assert draft.action == "needs_agent" and draft.text == "" and draft.custom_slot_required
    assert draft.holding is None  # no English line offered to someone who wrote in another language
    assert any("language" in r for r in draft.reasons) and history.count() == 0
