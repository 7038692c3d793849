"""Round 169 (twenty-eighth stop): what round 169's reviewers stopped in writers W and X's posts (round 168's code).

- "Just want to say a big thanks to Gordon, the train manager..." got a handoff; "the percy pigs have gone rogue" and a
  Venmo memo warning "your friends are idiots" were read as abuse.
- A wardrobe "left on the pavement in the rain... I'll be down there in person" got outage lines (the rules now read a
  delivery; the weights still hear "down", left alone); a family "standing
  on the street" at 11pm was not stranded; "10/10. would get scammed again" got fraud lines; cash "for my mother's
  hospital fees" got "if anyone's hurt"; "sitting at ATL gate B14 for 3 hrs, app STILL says on time" got the app's
  lines and "Sorry ATL gate B14 is doing this".
- A claims tout ("Get your FULL refund in 24hrs!! Contact our claims agent on WhatsApp") got a refund reply.
- "is the 2 for 1 on curry chips still going... or did that finish" got "Sorry – that's not something anyone wants to
  deal with"; "the app says £1.99 but the kiosk charged me £2.49" and "staff are giving completely different answers"
  were no mixed messages.
- Cockroaches (no bites told of) got "if the bites get worse"; "Requesting replacement" became the subject; a used
  phone sent "in place of new one" read as an app fault; "I've sent everything in DM" was asked for the dates again.
- "My mortgage offer expires on Monday" was nothing at stake; lads menacing a woman on a tram got the staff-conduct
  lines; a carbon monoxide alarm got "call the gas emergency line"; a child's injury, "waiting to be seen now", got
  "use the passenger alarm now".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


def test_a_thanks_opened_with_just_want_to_say_is_praise() -> None:
    text = ("Just want to say a big thanks to Gordon, the train manager on the @Railco 10:30 today. My mum (84) got "
            "confused about her stop and he walked her off himself. Proper gent. Please pass it on.")
    r = read(text)
    assert r.intent == "praise", r.reasons
    assert any("Gordon" in d.text for d in drafts("northline-rail", text, range(1, 4)))


@pytest.mark.parametrize("text", [
    "@Shopco the percy pigs have gone rogue. bought a bag today and 4 of them had no faces. please advise 🐷",
    "@Payco my roommate paid me with the memo 'drugs lol' and now it's under review. can yall add a 'your friends "
    "are idiots' warning before people hit send",
])
def test_words_aimed_at_no_one_are_no_abuse(text: str) -> None:
    assert not read(text).abusive


def test_insults_at_the_brand_are_still_abuse() -> None:
    assert read("you lot are idiots").abusive and read("@Shopco your staff are idiots").abusive


def test_a_delivery_dumped_is_a_delivery_to_the_rules() -> None:
    text = ("@Homeco your delivery drivers left a 60kg wardrobe on the pavement in the rain and drove off. sort it or "
            "I'll be down there in person")
    assert any("late_delivery" in reason for reason in read(text).reasons), read(text).reasons


def test_a_family_standing_on_the_street_at_night_is_stranded() -> None:
    text = ("@Stayco host cancelled 2 hours before check-in. it's 11pm, we're standing on the street with 2 kids and "
            "4 suitcases. PLEASE call me")
    assert "stranded" in read(text).urgency


@pytest.mark.parametrize(("text", "urgency"), [
    ("@Techco geek squad protection doesnt protect against anything. great product. 10/10. would get scammed again",
     "fraud"),
    ("Rs 25,000 debited for an ATM withdrawal but cash not dispensed. I need it for my mothers hospital fees",
     "safety"),
])
def test_figures_of_speech_raise_no_urgency(text: str, urgency: str) -> None:
    assert urgency not in read(text).urgency


def test_hours_at_the_gate_are_a_flight_disruption_not_the_app() -> None:
    text = ("@Skyway sitting at ATL gate B14 for 3 hrs now, DL1532 to MSP, app STILL says on time. nobody at the "
            "desk. plane isnt even here")
    r = read(text)
    assert r.category == "flight_disruption", r.reasons
    assert r.subject is None or "gate" not in r.subject.text, r.subject


def test_a_claims_tout_is_spam() -> None:
    text = ("@Skyway Flight cancelled or delayed?? Get your FULL refund in 24hrs!! Contact our claims agent on "
            "WhatsApp or DM @Refund_Desk now #refund")
    assert read(text).spam


@pytest.mark.parametrize("text", [
    "@Chipco what time does the one on Eyre Square close on a sunday? and is the 2 for 1 on curry chips still going on "
    "the app or did that finish",
    "@Shopco is the Cornelscourt store open Stephens day? and are ye doing the €10 off €50 voucher again this year or "
    "was that just last year",
])
def test_a_question_whether_an_offer_still_runs_is_a_question(text: str) -> None:
    r = read(text)
    assert r.intent == "question" and r.category == "general_question", r.reasons


def test_mixed_messages_told_by_a_price_or_by_staff() -> None:
    for text in ("the app says the meal deal is £1.99 but the kiosk at Croydon charged me £2.49",
                 "staff on the gates are giving completely different answers"):
        assert post_conditions(text)["mixed_info"], text


def test_no_bites_spoken_of_unless_told() -> None:
    text = "@Roomco room had cockroaches in the bathroom and stains on the bedsheet. want a full refund"
    assert post_conditions(text)["pests"] and not post_conditions(text)["bitten"]
    for draft in drafts("base", text, range(1, 7)):
        assert "bites" not in draft.text, draft.text
    assert post_conditions("bedbugs in the room, my son is covered in bites")["bitten"]


def test_a_request_word_is_not_the_subject() -> None:
    subject = read("Seal was broken. Requesting replacement immediately. Pls help").subject
    assert subject is None or "requesting" not in subject.text.lower(), subject


def test_a_used_phone_sent_for_a_new_one_is_the_wrong_item() -> None:
    text = ("@Shopco I have received a used phone in place of new one. Seal was broken and there is scratches on "
            "screen. Order ID OD429981736650123100. Requesting replacement")
    assert read(text).category == "wrong_item"


def test_everything_sent_in_dm_is_not_asked_for_again() -> None:
    text = ("@Tripco hotel in Orlando charged us twice, $1,286 each time. I've sent everything in DM, screenshots, "
            "bank statement, the lot. someone please read it")
    assert post_conditions(text)["sent"] and "check_dm" in read(text).asks
    for draft in drafts("base", text, range(1, 5)):
        assert "date of both payments" not in draft.text and "when you paid" not in draft.text, draft.text


def test_a_mortgage_offer_running_out_is_a_big_stake() -> None:
    assert post_conditions("still waiting on the callback. My mortgage offer expires on Monday")["big_stake"]


def test_a_threat_on_board_by_passengers_gets_the_journeys_lines() -> None:
    text = ("@Tramco red line tram, just left Jervis. group of lads kicking the doors and roaring at a woman with a "
            "buggy, shes in tears. driver hasnt said a word. can you get security to the next stop")
    r = read(text)
    assert "threat" in r.urgency and r.category == "transport_disruption", r.reasons


def test_a_carbon_monoxide_alarm_gets_fresh_air_not_the_gas_line() -> None:
    text = ("@Hotelco the carbon monoxide alarm in our room has been going off all night. front desk said ignore it. "
            "we both woke up with headaches. should we be leaving")
    assert post_conditions(text)["carbon_monoxide"]
    for draft in drafts("base", text, range(1, 4)):
        assert "gas emergency line" not in draft.text and "fresh air" in draft.text, draft.text


def test_help_already_reached_gets_no_passenger_alarm() -> None:
    text = ("@Railco my daughter (11) got her foot caught in the gap stepping off at Reading this afternoon. ankle is "
            "badly swollen and we're waiting to be seen now. who do I report this to?")
    assert post_conditions(text)["help_coming"]
    for draft in drafts("northline-rail", text, range(1, 7)):
        assert "passenger alarm" not in draft.text and "busier coach" not in draft.text, draft.text


def test_a_colleague_thanked_for_looking_after_a_child_is_praise() -> None:
    text = ("Shout out to Mel at the Heathrow desk who looked after my 8 year old travelling alone when his flight was "
            "cancelled and stayed with him till I got there. absolute star")
    r = read(text)
    assert r.intent == "praise" and "vulnerable" in r.urgency, r.reasons


@pytest.mark.parametrize("text", [
    "your sales rep in the Westfield shop followed me out to the car park shouting and filming me after I cancelled",
    "the Rydr driver asked me for my phone number after the ride, then texted me 3 times. this is scary",
    "@Skyway just got off LS 858, a drunk passenger threatened to 'glass' my husband and the crew just moved US",
])
def test_staff_who_menace_or_a_journey_over_keep_the_staff_lines(text: str) -> None:
    r = read(text)
    assert "threat" in r.urgency and r.category not in ("transport_disruption", "flight_disruption"), r.reasons
