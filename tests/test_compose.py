"""Planning and joining: the CATER stages a reply gets, and how parts are joined."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carevoice.compose import join_parts
from carevoice.inbound import CATEGORIES, PiiMatch, Reading
from carevoice.plan import plan_reply, possible_stage_plans

URGENCY = st.lists(st.sampled_from(["safety", "legal", "stranded", "data_exposure"]), unique=True, max_size=4)


@given(category=st.sampled_from(CATEGORIES), negative=st.booleans(), urgency=URGENCY, pii=st.booleans(),
       closed=st.booleans(), question=st.booleans(), emotion=st.sampled_from(["anger", "neutral", "delight"]))
def test_every_plan_is_among_the_possible_plans(category: str, negative: bool, urgency: list[str], pii: bool,
                                                closed: bool, question: bool, emotion: str) -> None:
    found = (PiiMatch(kind="phone", start=0, end=3, text="123"),) if pii else ()
    reading = Reading(category=category, negative=negative, urgency=tuple(urgency), pii=found,  # type: ignore[arg-type]
                      question=question, emotion=emotion)  # type: ignore[arg-type]
    stages = plan_reply(reading, out_of_hours=closed).stages
    if stages:
        assert stages in possible_stage_plans(category, out_of_hours=True)


@pytest.mark.parametrize(("category", "has", "lacks"), [
    ("praise", {"thank"}, {"apologise"}),
    ("abuse", {"boundary"}, {"apologise", "acknowledge"}),
    ("billing_error", {"move_private", "apologise"}, {"resolve"}),
    ("general_question", {"thank", "explain"}, {"apologise"}),
])
def test_stages_a_person_would_use(category: str, has: set[str], lacks: set[str]) -> None:
    stages = set(plan_reply(Reading(category=category)).stages)  # type: ignore[arg-type]
    assert has <= stages and not (lacks & stages)


def test_safety_replaces_the_explanation_and_escalates() -> None:
    plan = plan_reply(Reading(category="product_defect", urgency=("safety",), negative=True))
    assert plan.action == "escalate" and "safety" in plan.stages and "explain" not in plan.stages


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
    plan = plan_reply(Reading(category="cancellation_request", emotion="sadness", negative=True, bereavement=True))
    assert plan.stages[:2] == ("greet", "condolence")
    assert not {"apologise", "explain", "thank", "acknowledge"} & set(plan.stages)
    assert plan.stages[-1] == "move_private"
