"""Round 36: what the blind reviewers of written tune posts stopped, as general rules.

Sarcastic thanks for a delay, praise for how trouble was put right, a colleague named after their role,
a long wait said as "2 HOURS for a pizza", a fraud claim chased rather than reported, things already sent
never asked for again, a delivery order's fees that are no till's.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.compose import asks_for_details
from carevoice.variables import _LONG_WAIT


@pytest.mark.parametrize("text", [
    "thanks for the 6 hour delay @SkylineAir really loving this gate B14 experience #neveragain",
    "thanks for the 3 hour delay on the 17:05 @Meridian, brilliant as ever",
])
def test_thanks_for_a_delay_is_sarcasm(text: str) -> None:
    reading = read(text)
    assert reading.sarcasm and reading.intent == "complaint", reading.reasons


@pytest.mark.parametrize("text", [
    "thanks for the update on the delay, really helpful",
    "thanks for waiving the fee, lovely of you",
])
def test_thanks_for_help_with_a_delay_stays_praise(text: str) -> None:
    assert read(text).intent == "praise"


@pytest.mark.parametrize("text", [
    "my flight got cancelled but the lady at the desk rebooked me in 5 minutes and got me a hotel. absolute star",
    "parcel went missing but @ParcelPop refunded me straight away. top service",
])
def test_trouble_put_right_then_praise_is_praise(text: str) -> None:
    reading = read(text)
    assert reading.intent == "praise" and reading.emotion == "delight", reading.reasons


@pytest.mark.parametrize("text", [
    "my flight got cancelled but the lady at the desk rebooked me, still no hotel though. great service",
    "great service as always, my parcel is 3 days late and nobody answers",
])
def test_trouble_not_put_right_stays_a_complaint(text: str) -> None:
    assert read(text).intent == "complaint"


@pytest.mark.parametrize(("text", "staff"), [
    ("Hopr driver Kofi noticed I was upset and just put on calm music", "Kofi"),
    ("our engineer Sam fixed it in minutes, legend", "Sam"),
    ("the driver Was rude", "the driver"),
])
def test_a_colleague_named_after_their_role(text: str, staff: str) -> None:
    assert read(text).details.staff == staff


def test_praise_for_a_named_driver_names_them() -> None:
    text = ("Hopr driver Kofi noticed I was upset and just put on calm music and didn't make me talk. small thing "
            "but it meant a lot tonight")
    assert any("Kofi" in d.text for d in drafts("northline-rail", text))
    assert not any("route" in d.text for d in drafts("northline-rail", text))


@pytest.mark.parametrize(("text", "long"), [
    ("@SliceSociety 2 HOURS for a pizza. never again", True),
    ("An hour and a half for a burger?!", True),
    ("90 minutes for delivery", True),
    ("I pay 2 hours for parking", False),
    ("we need 5 minutes for the form", False),
])
def test_a_long_wait_said_without_waiting(text: str, long: bool) -> None:
    assert (_LONG_WAIT.search(text) is not None) is long


def test_a_long_wait_for_food_is_no_quality_complaint() -> None:
    for d in drafts("crumb-and-co", "@SliceSociety 2 HOURS for a pizza. never again"):
        assert "up to scratch" not in d.text, d.text


def test_a_fraud_claim_chased_is_a_follow_up_still_escalated() -> None:
    text = ("@CrestlineCard I reported the fraud on my card 2 weeks ago and the money still hasn't been returned. "
            "You said 10 days. Any update please?")
    reading = read(text)
    assert reading.intent == "follow_up" and "fraud" in reading.urgency, reading.reasons
    for d in drafts("harbour-bank", text):
        assert d.action == "escalate"
        assert "freeze" not in d.text.lower(), d.text


def test_a_new_fraud_is_still_danger() -> None:
    assert read("someone took £500 from my account last night, i didnt do it!!").intent == "danger"


@pytest.mark.parametrize("text", [
    "@DailyGrindCafe I DM'd about the mould on the muffin from thursday, still waiting",
    "@LumenJet sent the screenshots tuesday like u asked. 4 days. hello??",
])
def test_what_was_sent_is_an_earlier_contact(text: str) -> None:
    assert read(text).details.contacted == "dm"


def test_an_airline_never_asks_again_for_what_was_sent() -> None:
    for d in drafts("northwind-air", "@LumenJet sent the screenshots tuesday like u asked. 4 days. hello??"):
        assert not asks_for_details(d.text), d.text


@pytest.mark.parametrize(("line", "asks"), [
    ("If you paid for it and didn't get it, we'll refund it – {{ channel.private }} us the booking reference.", True),
    ("We'll reply by {{ channel.private }} today.", False),
])
def test_a_template_asking_by_the_private_channel_asks(line: str, asks: bool) -> None:
    assert asks_for_details(line) is asks


def test_a_delivery_fee_is_no_till_mix_up() -> None:
    text = "Dashly charged me a £3.99 delivery fee on a 'free delivery' order. refund the fee please @DashlyEats"
    for d in drafts("crumb-and-co", text, range(1, 12)):
        assert "till" not in d.text, d.text
