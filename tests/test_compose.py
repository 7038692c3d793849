"""Planning and joining: the CATER stages a reply gets, and how parts are joined."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carevoice.bank.settings import DraftingSettings
from carevoice.compose import join_parts
from carevoice.inbound import CATEGORIES, Details, PiiMatch, Reading
from carevoice.plan import plan_reply, possible_plans

URGENCY = st.lists(st.sampled_from(["safety", "legal", "stranded", "data_exposure", "fraud", "threat"]), unique=True,
                   max_size=4)
INTENTS = ["complaint", "question", "request", "follow_up", "danger", "banter"]


@given(category=st.sampled_from([c for c in CATEGORIES if c not in ("praise", "abuse", "spam")]),
       intent=st.sampled_from(INTENTS), negative=st.booleans(), urgency=URGENCY, pii=st.booleans(),
       closed=st.booleans(), answered=st.booleans(), emotion=st.sampled_from(["anger", "neutral", "delight"]))
def test_every_plan_is_among_the_possible_plans(category: str, intent: str, negative: bool, urgency: list[str],
                                                pii: bool, closed: bool, answered: bool, emotion: str) -> None:
    found = (PiiMatch(kind="phone", start=0, end=3, text="123"),) if pii else ()
    reading = Reading(category=category, confidence=0.9, intent=intent, intent_confidence=0.9, negative=negative,  # type: ignore[arg-type]
                      urgency=tuple(urgency), pii=found, emotion=emotion)  # type: ignore[arg-type]
    plan = plan_reply(reading, out_of_hours=closed, answered=answered)
    if plan.stages and plan.action != "needs_agent":
        # the plan's own situation is the cell its lines come from (a calm question nothing answers is drafted from
        # general_question, whatever it was read as)
        assert (plan.intent, plan.stages) in possible_plans(plan.situation, out_of_hours=True)


def _plan(**fields: object) -> tuple[str, ...]:
    fields.setdefault("intent_confidence", 0.9)
    fields.setdefault("confidence", 0.9)
    return plan_reply(Reading(**fields)).stages  # type: ignore[arg-type]


@pytest.mark.parametrize(("fields", "has", "lacks"), [
    ({"category": "praise", "intent": "praise", "emotion": "delight"}, {"thank"}, {"apologise", "acknowledge"}),
    ({"category": "abuse", "intent": "abuse"}, {"boundary"}, {"apologise", "acknowledge"}),
    ({"category": "billing_error", "intent": "complaint", "emotion": "anger", "negative": True},
     {"move_private", "acknowledge", "apologise"}, {"resolve", "greet", "explain"}),
    ({"category": "late_delivery", "intent": "question", "details": Details(order_id="58213")}, {"greet", "resolve"},
     {"apologise", "explain"}),
    # "do you deliver on Sundays?": nothing in the bank answers it, so "we'll check and come back to you here"
    ({"category": "late_delivery", "intent": "question"}, {"greet", "find_out"}, {"handoff", "apologise", "resolve"}),
    ({"category": "app_bug", "intent": "question", "negative": True, "emotion": "frustration"},
     {"acknowledge", "apologise", "resolve"}, {"greet"}),
    ({"category": "late_delivery", "intent": "follow_up", "emotion": "frustration"}, {"apologise", "resolve"},
     {"greet", "acknowledge"}),
    ({"category": "general", "intent": "banter", "emotion": "delight"}, {"acknowledge"}, {"apologise", "resolve"}),
    ({"category": "late_delivery", "intent": "complaint", "emotion": "delight"}, {"acknowledge", "resolve"},
     {"apologise"}),
])
def test_stages_a_person_would_use(fields: dict[str, object], has: set[str], lacks: set[str]) -> None:
    stages = set(_plan(**fields))
    assert has <= stages and not (lacks & stages), stages


def test_a_positive_post_never_gets_an_apology() -> None:
    plan = plan_reply(Reading(category="late_delivery", intent="complaint", emotion="delight", intent_confidence=0.9))
    assert plan.no_apology and "apologise" not in plan.stages


def test_safety_gets_a_safety_line_and_escalates() -> None:
    plan = plan_reply(Reading(category="product_defect", confidence=0.9, intent="danger", urgency=("safety",),
                              negative=True, emotion="anxiety", intent_confidence=0.9))
    assert plan.action == "escalate" and "safety" in plan.stages and "greet" not in plan.stages


def test_an_answer_takes_the_place_of_the_next_step() -> None:
    plan = plan_reply(Reading(category="general_question", intent="question", intent_confidence=0.9), answered=True)
    assert "answer" in plan.stages and "resolve" not in plan.stages


@pytest.mark.parametrize(("fields", "why"), [
    ({"intent": "other_language", "language": "es"}, "'es'"),
    ({"language": "fr"}, "'fr'"),
    ({"intent": "complaint", "intent_confidence": 0.1}, "unsure"),
    ({"category": "general_question", "intent": "question", "emotion": "anger", "negative": True},
     "nothing in the bank answers"),
])
def test_hand_to_an_agent_when_unsure_or_in_another_language(fields: dict[str, object], why: str) -> None:
    fields.setdefault("intent_confidence", 0.9)
    fields.setdefault("confidence", 0.9)
    plan = plan_reply(Reading(**fields))  # type: ignore[arg-type]
    assert plan.action == "needs_agent" and plan.stages == ("handoff",)
    assert why in plan.reasons[0]


@pytest.mark.parametrize("category", ["general_question", "general", "late_delivery", "booking"])
def test_a_calm_question_nothing_answers_is_met_with_we_will_find_out(category: str) -> None:
    reading = Reading(category=category, confidence=0.9, intent="question", intent_confidence=0.9)
    plan = plan_reply(reading)
    assert plan.action == "reply" and plan.find_out and plan.situation == "general_question"
    assert "find_out" in plan.stages and "resolve" not in plan.stages and "apologise" not in plan.stages
    assert plan.no_apology
    assert any("drafting.find_out" in r for r in plan.reasons)
    off = plan_reply(reading, drafting=DraftingSettings(find_out=False))
    assert off.action == "needs_agent" and off.stages == ("handoff",) and not off.find_out


@pytest.mark.parametrize("fields", [
    {"emotion": "frustration", "intensity": 0.7, "negative": True},
    {"emotion": "anger", "intensity": 0.8, "negative": True},
    {"emotion": "anger", "negative": True},
    {"emotion": "sadness", "negative": True},
    {"sarcasm": True, "negative": True},
    {"emotion": "anxiety", "intent2": "banter"},
    {"emotion": "anxiety", "negative": True, "bereavement": True},
])
def test_a_question_with_trouble_or_feeling_in_it_still_goes_to_an_agent(fields: dict[str, object]) -> None:
    plan = plan_reply(Reading(category="general_question", confidence=0.9, intent="question", intent_confidence=0.9,
                              **fields))  # type: ignore[arg-type]
    assert plan.action == "needs_agent" and not plan.find_out


@pytest.mark.parametrize("emotion", ["frustration", "anxiety"])
def test_a_plain_question_asked_with_some_worry_or_annoyance_gets_the_promise_alone(emotion: str) -> None:
    reading = Reading(category="general_question", confidence=0.9, intent="question", intent_confidence=0.9,
                      emotion=emotion, intensity=0.3, negative=True)  # type: ignore[arg-type]
    plan = plan_reply(reading)
    assert plan.action == "reply" and plan.find_out and plan.stages == ("find_out",), plan.stages
    unsure = plan_reply(reading.model_copy(update={"intent_confidence": 0.7}))
    assert unsure.action == "needs_agent" and not unsure.find_out
    # a what-if has no case to check: still an agent's
    assert plan_reply(reading, what_if=True).action == "needs_agent"


def test_an_answered_question_is_never_a_find_out() -> None:
    plan = plan_reply(Reading(category="general_question", intent="question", intent_confidence=0.9), answered=True)
    assert not plan.find_out and "answer" in plan.stages


def test_the_handoff_threshold_is_a_bank_setting() -> None:
    reading = Reading(intent="complaint", intent_confidence=0.4)
    assert plan_reply(reading).action == "reply"
    assert plan_reply(reading, drafting=DraftingSettings(min_confidence=0.5)).action == "needs_agent"


@pytest.mark.parametrize(("parts", "proper", "joined"), [
    (["Hiya,", "That's rough."], frozenset(), "Hiya, that's rough."),
    (["Hi Jo -", "I can help."], frozenset(), "Hi Jo - I can help."),
    (["Hello,", "Northwind Air is on it."], frozenset({"Northwind", "Air"}), "Hello, Northwind Air is on it."),
    (["Hi,", "DM us."], frozenset(), "Hi, DM us."),
    (["Thanks.", "That helps."], frozenset(), "Thanks. That helps."),
])
def test_join_parts(parts: list[str], proper: frozenset[str], joined: str) -> None:
    assert join_parts(parts, proper) == joined


def test_bereavement_gets_condolence_not_process() -> None:
    plan = plan_reply(Reading(category="cancellation_request", confidence=0.9, intent="request", emotion="sadness",
                              negative=True, bereavement=True, intent_confidence=0.9))
    assert plan.stages[0] == "condolence"
    assert not {"apologise", "explain", "thank", "acknowledge", "greet"} & set(plan.stages)
    assert plan.stages[-1] == "move_private"


@pytest.mark.parametrize(("confidence", "situation"), [(0.4, "general"), (0.79, "general"), (0.8, "app_bug"),
                                                       (0.9, "app_bug")])
def test_an_unsure_situation_is_answered_with_the_general_lines(confidence: float, situation: str) -> None:
    plan = plan_reply(Reading(category="app_bug", confidence=confidence, intent="complaint", intent_confidence=0.9,
                              negative=True, emotion="frustration"))
    assert plan.situation == situation and plan.action == "reply"
    assert (situation == "general") == any("unsure" in r for r in plan.reasons)


def test_an_unsure_situation_still_escalates_danger() -> None:
    plan = plan_reply(Reading(category="fraud_security", confidence=0.3, intent="danger", urgency=("fraud",),
                              intent_confidence=0.9, negative=True, emotion="anxiety"))
    assert plan.situation == "fraud_security" and plan.action == "escalate"
