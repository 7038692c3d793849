"""Round 192 (thirty-second stop): what round 192's reviewers stopped (254 fresh posts by writers ya-yd).

A woman sent a creepy message by her driver answered with a quip; a rude post calling the staff "overpriced clowns"
and a disputed overdraft fee met by a pricing line; a pharmacy's Easter hours asked about an inhaler refill escalated
as a vulnerable person; a bereaved customer offered a mortgage adviser; a subscription to pause, "don't want to
cancel", cancelled; a skimmer reported treated as the reporter's fraud; a man following a girl on a Northern Ireland
train told to text British Transport Police; a cable down in Dover, NJ told to call 999; money sent to "the wrong @"
answered as closing an account; a hospital appointment read as an injury; someone sat on a train floor for want of a
seat read as stranded; a question that opens the post ("does the app deal stack with rewards points or not?") read as
a complaint.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions, post_region


def test_a_creepy_message_from_a_driver_is_a_threat() -> None:
    text = ("@UberEats @Uber_Support my driver just messaged me 'nice house, see you later 😉' after I didn't tip in "
            "the app. I'm a woman living on my own. this is genuinely scary. order was from Chipotle")
    r = read(text)
    assert "threat" in r.urgency and r.intent == "danger", r.reasons


@pytest.mark.parametrize("text", [
    "@Starbucks your staff at 5th & 42nd are braindead. 25 minutes for a fkn latte and the girl had the nerve to roll "
    "her eyes at me. hire people with an IQ above room temp you useless overpriced clowns",
    "@Ask_WellsFargo why is there a $35 overdraft fee on my account when my paycheck posted THE SAME DAY?? second "
    "month in a row",
])
def test_no_pricing_line_where_the_price_is_not_the_complaint(text: str) -> None:
    assert not post_conditions(text)["pricing"]


def test_an_opening_hours_question_about_a_refill_is_no_emergency() -> None:
    text = ("@HyVee is the pharmacy at the Lincoln Way Ames store open Easter Sunday? need to grab my daughter's "
            "inhaler refill")
    assert not read(text).urgency


def test_a_mortgage_adviser_only_for_a_mortgage() -> None:
    text = ("@AskUSBank Hi. I went to the branch in Eden Prairie today to close my mom's checking account, she passed "
            "in December. They told me I need an appointment but the first one they have is March 3rd. Is there any "
            "way to do this by mail or online?")
    assert not post_conditions(text)["mortgage"]
    for d in drafts("harbour-bank", text, range(1, 5)):
        assert "mortgage" not in d.text.lower(), d.text


def test_a_pause_is_no_cancellation() -> None:
    text = ("@Pret can you pause the Club Pret subscription? going travelling for 6 weeks and don't want to cancel "
            "and lose the price I'm on")
    r = read(text)
    assert "cancel" not in r.asks and r.category != "cancellation_request", r.reasons
    for d in drafts("crumb-and-co", text, range(1, 4)):
        assert "cancel it" not in d.text, d.text


def test_cancelling_one_part_is_still_a_cancellation() -> None:
    text = "@SkyHelpTeam how do I cancel Sky Cinema without cancelling everything else?"
    assert read(text).category == "cancellation_request"


def test_a_skimmer_reported_is_not_the_reporters_fraud() -> None:
    text = ("@StanChartSG the ATM outside your Raffles Place branch has something stuck over the card slot, looks "
            "loose and a slightly different colour from the rest of the machine. didnt put my card in. could be a "
            "skimmer? someone should check it now")
    assert post_conditions(text)["skimmer"]
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert "don't use that machine" in d.text and "freeze your card" not in d.text, d.text


def test_a_skimmer_that_already_took_money_is_fraud_to_stop() -> None:
    text = ("the ticket machine at Hove had a card reader stuck on top of the real one. pretty sure it's a skimmer. my "
            "card got used in 3 shops an hour later @NorthlineRail")
    assert not post_conditions(text)["skimmer"]


@pytest.mark.parametrize("text, region", [
    ("@Translink_NI URGENT there is a man on the Bangor train right now, left Holywood about 22:10", "NI"),
    ("I live in Newry and my phone keeps jumping onto an Irish network", "NI"),
    ("a line hanging down across the sidewalk on Maple Ave in Dover NJ", "US"),
    ("flying to Paris, OR maybe Rome", None),
])
def test_more_places(text: str, region: str | None) -> None:
    assert post_region(text) == region


def test_a_threat_on_a_northern_ireland_train_gets_no_british_transport_police() -> None:
    text = ("@Translink_NI URGENT there is a man on the Bangor train right now, left Holywood about 22:10, shouting at "
            "a young girl and following her between carriages")
    for d in drafts("northline-rail", text, range(1, 4)):
        assert "61016" not in d.text and "British Transport Police" not in d.text, d.text


def test_money_sent_to_the_wrong_handle_is_recalled() -> None:
    text = ("@Venmo sent $250 to the wrong @, one letter off from my roommate's. the person hasn't accepted or "
            "declined but it says it's already completed?? how do i get it back there's no cancel button anywhere")
    assert post_conditions(text)["wrong_recipient"]
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert "close your account" not in d.text and "recall" in d.text, d.text


def test_a_hospital_appointment_is_no_injury() -> None:
    assert "safety" not in read("@FlyAirNZ NZ5041 cancelled AGAIN. I have a hospital appointment in Napier at 9am "
                                "tomorrow. what are my options??").urgency
    assert "safety" in read("my son ended up in hospital after eating your chicken").urgency


def test_sitting_on_a_train_floor_for_want_of_a_seat_is_not_stranded() -> None:
    text = ("@AvantiWestCoast the 14:43 from Euston to Manchester Piccadilly. booked a seat in FEBRUARY. coach C "
            "doesn't exist. stood from Euston to Milton Keynes, sat on the floor by the toilet til Stoke")
    assert "stranded" not in read(text).urgency


def test_a_post_that_opens_with_its_question_asks() -> None:
    text = ("@McDonalds does the app deal for $1 large fries stack with rewards points or not? cashier in Toledo said "
            "no, the one in Perrysburg said yes. which is it")
    assert read(text).intent == "question"
    for d in drafts("crumb-and-co", text, range(1, 4)):
        assert "sorry" not in d.text.lower(), d.text


@pytest.mark.parametrize("text", [
    "how can i fix this? link",
    "@BrewhausCoffee my bean subscription bag was meant to arrive Tuesday, tracking has said at local depot since "
    "Monday morning. it's Friday. any idea where it is?",
])
def test_a_problem_asked_about_is_still_a_problem(text: str) -> None:
    assert read(text).intent != "question"
