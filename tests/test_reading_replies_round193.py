"""Round 193 (thirty-second stop): what round 193's reviewers stopped (254 fresh posts by writers ye-yh).

A complaint about repeated cancellations with "should be fired into the sun" left unanswered as abuse; a shoutout to
"the lass" in a Greggs read by the weights as a danger; a hotel room smelling "really strongly of gas" answered with
a casual DM; a hidden camera aimed at a teenager's bed answered as cancelling a booking, and hotel safety lines about
gas and door locks given wherever a stay was unsafe; a phishing message inside a booking app read as a declined
payment, and "thanks for checking with us first" said to someone who had already put their card in; a question
closed with "cheers 🙏" read as praise; "credit where due... top man" and "not a question just respect" read as
complaints; a customer's threat to an engineer ("he'll be leaving in an ambulance") read as someone hurt.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


def test_a_curse_beside_a_real_complaint_is_answered() -> None:
    text = ("@AmericanAir you absolute clowns. 3rd cancellation in a row out of DFW, 'crew availability' AGAIN. how "
            "are you an airline. whoever runs your scheduling should be fired into the sun")
    assert read(text).intent != "abuse"
    for d in drafts("northwind-air", text, range(1, 3)):
        assert d.action != "no_reply", d.reasons


def test_a_threat_of_violence_stays_unanswered() -> None:
    text = ("@TalkTalk tell your engineer Gary that if he comes round my house again and leaves my front garden like "
            "a bomb site he'll be leaving in an ambulance")
    r = read(text)
    assert r.intent == "abuse" and "safety" not in r.urgency, r.reasons


def test_a_shoutout_to_the_lass_is_praise() -> None:
    text = ("@GreggsOfficial shoutout to the lass in the Northumberland St greggs this mornin, Dawn i think her name "
            "was, gave wor bairn a free gingerbread man cos he was roarin his eyes out. proper canny")
    assert read(text).intent == "praise"


def test_gas_smelt_strongly_is_gas() -> None:
    text = ("@Travelodge room 214 at the Glasgow Central one smells really strongly of gas. rang reception 3 times no "
            "answer, it's 2am. what do we do??")
    assert post_conditions(text)["gas"] and "safety" in read(text).urgency
    for d in drafts("base", text, range(1, 4)):
        assert "gas" in d.text, d.text


def test_a_hidden_camera_gets_its_own_safety_line() -> None:
    text = ("@AirbnbHelp our host in Tenby has a camera in the living room that was NOT in the listing, pointing "
            "straight at the sofa bed where my teenage daughter is sleeping. what do we do?")
    assert post_conditions(text)["camera"] and "safety" in read(text).urgency
    for d in drafts("base", text, range(1, 4)):
        assert "cover the camera" in d.text and "gas" not in d.text and "cancel" not in d.text, d.text


def test_a_fan_pointed_at_the_bed_is_no_camera() -> None:
    text = "@oyorooms 'AC room' and the AC is a table fan pointed at the bed. 5 stars, would sweat again"
    assert not post_conditions(text)["camera"] and not read(text).urgency


def test_a_door_lock_line_only_where_a_door_is_named() -> None:
    text = ("booked an accessible room months ago, no roll in shower, no grab rails, I'm a wheelchair user and I've "
            "now fallen in the bathroom @StayNest")
    for d in drafts("base", text, range(1, 7)):
        assert "door won't lock" not in d.text and "smell gas" not in d.text, d.text


def test_a_phishing_message_in_a_booking_app_is_fraud() -> None:
    text = ("@bookingcom got a message in the app from 'Hotel Nord Lisboa' saying my card was declined and I need to "
            "re-enter details at booking-verify-pay dot com within 24h or they cancel the reservation. is this "
            "legit?? I already put my card in 😬😬 what do I do")
    assert read(text).category == "fraud_security" and post_conditions(text)["clicked"]
    for d in drafts("base", text, range(1, 5)):
        assert "ready to pay" not in d.text and "checking with us first" not in d.text, d.text
        assert "back of the card" in d.text, d.text


def test_a_question_that_closes_with_thanks_is_a_question() -> None:
    text = ("@giffgaff quick one, if I buy a new goodybag on the 28th does it start fresh from then or does it stack "
            "on the old one? cheers 🙏")
    r = read(text)
    assert r.intent == "question" and r.category != "praise", r.reasons


@pytest.mark.parametrize("text", [
    "@Primark bought a £4 jumper off you in 2019 that has outlived two relationships and a boiler. not a question "
    "just respect",
])
def test_respect_is_praise(text: str) -> None:
    assert read(text).intent == "praise"
