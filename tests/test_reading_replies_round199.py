"""Round 199 (thirty-third stop): what round 199's reviewers stopped (254 fresh posts by writers yu-yx).

A curse ("hope the whole lot of you choke on it"), a phone's name ("Tecno Spark 20"), annual leave "burned" and a fall
told from last summer read as hazards now; "thanks a lot" after a bus that blew past read as thanks; an eye roll read
as delight; recovery touts ("100% legit", "got it ALL back in 48hrs") answered as customers; "do I still need the
app?" and "if I buy the bundle does it still stay?" read as complaints.
"""

from __future__ import annotations

import pytest
from reading_helpers import read


@pytest.mark.parametrize("text", [
    "@Coles $7.50 for a block of cheese you absolute thieving parasites. hope the whole lot of you choke on it",
    "@JumiaGhana I ordered Tecno Spark 20 and what did you bring me? An empty box. I want my money back TODAY",
    "@Telstra NBN tech was meant to come 8-12 today, no show, no call. I've now burned 3 days annual leave on this",
    "@EE one bar at home. when a walker fell on the coast path last summer we couldn't even ring 999. any plans?",
])
def test_no_hazard_now(text: str) -> None:
    assert "safety" not in read(text).urgency


def test_choking_now_is_still_a_hazard() -> None:
    assert "safety" in read("@KFC my son choked on a bone in the popcorn chicken, he's coughing").urgency


def test_thanks_a_lot_after_a_bus_blew_past_is_sarcasm() -> None:
    text = ("@COTABus the #2 on high st just blew right past 4 of us at the stop at 7:52. driver looked straight at "
            "us. app says next one is 25 min. i have a final at 8:30 thanks a lot")
    assert read(text).intent == "complaint"


def test_an_eye_roll_is_no_delight() -> None:
    text = ("@woolworths unexpected item in the bagging area. yes. it's my dignity, i left it there after the 6th "
            "time 🙃")
    assert read(text).intent != "praise"


@pytest.mark.parametrize("text", [
    "@Delta got my $1,240 refund back in 24hrs thanks to @RefundRecoveryPro on IG 💯💯 100% legit dont waste time "
    "with the airline just DM them!!! #refund",
    "@Huntington_Bank I lost $38k to a fake investment site until I found @Cyber_Recovery_Mark, he got it ALL back "
    "in 48hrs!! contact him he is legit 💯",
])
def test_recovery_touts_are_spam(text: str) -> None:
    assert read(text).intent == "spam"


@pytest.mark.parametrize("text", [
    "@GoMetroCincy can I tap my phone to pay on the bus now or do I still need the Transit app? going from "
    "Northside to downtown sat morning and don't want to hold everyone up",
    "@TelecelGhana Please if I buy the no expiry bundle and I don't use it for 3 months does it still stay? My "
    "cousin says it goes after 90 days",
])
def test_a_question_ahead_of_a_plan_asks(text: str) -> None:
    assert read(text).intent == "question"
