"""Round 35: what the blind reviewers of written tune posts stopped, as general rules.

Kind words then a problem ("lovely but why is there no plug"), light words ("hassle", "headache") to
serious posts, a how-to question answered as a fault, a grief said as "he died in March", a name's
capitals ("Castle Street"), an airline's charges checked against an account email, crew thanked for
what the desk staff did.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.compose import minimises
from carevoice.plan import asks_how

MIXED = [
    "@StaywellHotels the hotel in Leeds is lovely but WHY is there no plug near the bed in 2024",
    "love @Brightmart, staff always lovely. only thing is pls sort the car park lighting its pitch black after 5",
    "great app honestly, one gripe though: the dark mode doesn't stick after a restart",
]


@pytest.mark.parametrize("text", MIXED)
def test_kind_words_then_a_problem_lead_with_the_problem(text: str) -> None:
    reading = read(text)
    assert reading.intent == "complaint" and reading.intent2 == "praise", reading.reasons
    assert reading.emotion != "delight"


@pytest.mark.parametrize("text", MIXED[:2])
def test_kind_words_then_a_problem_get_thanks_and_the_problem_taken_up(text: str) -> None:
    for d in drafts("base", text):
        assert d.text and ("kind words" in d.text or "glad" in d.text.lower()), d.text
        assert not any(s.phrase_id.startswith("base.praise.") for s in d.stages), d.stages


@pytest.mark.parametrize("text", [
    "the staff were lovely but honestly can't fault anything",
    "Thank you so much to the team at Bristol, brilliant service as always",
    "loved the new menu, but then I always do!",
])
def test_praise_without_a_problem_stays_praise(text: str) -> None:
    assert read(text).intent == "praise"


@pytest.mark.parametrize("line", ["Sorry for the hassle.", "Such a headache, sorry.", "Thanks for the nudge!",
                                  "Sorry it's been a rough time.", "Apologies for the inconvenience."])
def test_light_words_are_found(line: str) -> None:
    assert minimises(line)


@pytest.mark.parametrize("line", ["I'm sorry – that's not how anyone should be treated.",
                                  "Sorry, that must have been a scare."])
def test_serious_lines_are_not_light(line: str) -> None:
    assert not minimises(line)


@pytest.mark.parametrize(("bank", "text"), [
    ("base", "lifts at Castle Street station out of order for the 3rd week. I have a walking frame. so I just... "
             "don't go out? @VeloMetro"),
    ("parcelpop", "@RedfieldStores the cashier at the Reno store told me my coupons were \"fake\" in front of the "
                  "whole line. they were from your own app"),
    ("tidewave", "@CrestlineCares 3rd missed appointment. \"between 8 and 5\" then a text at 4:55 saying "
                 "\"rescheduled\". I have taken 3 unpaid days off for you people"),
])
def test_serious_posts_get_no_light_words(bank: str, text: str) -> None:
    for d in drafts(bank, text):
        assert not minimises(d.text), d.text


def test_a_serious_complaint_is_not_asked_for_photos() -> None:
    text = ("Fennick's Leeds has removed all the seating in the shoe department and the lifts to the 3rd floor have "
            "been broken for a month. awful for anyone who is elderly or disabled @Fennicks")
    for d in drafts("parcelpop", text):
        assert "photo" not in d.text.lower() and "anything that shows" not in d.text.lower(), d.text


@pytest.mark.parametrize("text", [
    "Maple Court Cardiff receptionist refused to check me in because the booking was in my husband's name. he died "
    "in March. I had the death certificate",
    "trying to close my dad's account, she died last month and the app keeps asking for her password",
])
def test_a_death_said_as_he_or_she_died_is_a_bereavement(text: str) -> None:
    reading = read(text)
    assert reading.emotion == "sadness"
    d = drafts("base", text, range(1, 2))[0]
    assert any(s.stage == "condolence" for s in d.stages), d.stages


def test_a_game_character_dying_is_no_bereavement() -> None:
    reading = read("my character died because the game lagged, he died twice")
    d = drafts("loopwork", "my character died because the game lagged, he died twice", range(1, 2))[0]
    assert not any(s.stage == "condolence" for s in d.stages), (reading.reasons, d.stages)


@pytest.mark.parametrize("text", [
    "how do I add a second guest to my booking on the app? cant see the option @Tripnest",
    "hi @AzuraJet my flight is at 7am and I'm flying with a guide dog - do I need to do anything before i get there?",
    "@Hartleys can I still use my Clubpoints vouchers after they expire if i call?",
])
def test_a_calm_how_to_question_nothing_answers_goes_to_an_agent_or_is_found_out(text: str) -> None:
    # an agent writes the steps, or (calm and plain: `drafting.find_out`) "we'll check and come back to you here";
    # never the booking's or the fault's lines ("DM us the reference and we'll check it")
    assert asks_how(text)
    bank = "northwind-air" if "AzuraJet" in text else "base"
    d = drafts(bank, text, range(1, 2))[0]
    found_out = any("drafting.find_out" in r for r in d.reasons)
    assert d.action == "needs_agent" or (d.action == "reply" and found_out), (d.reasons, d.text)
    assert "reference" not in d.text.lower() and "?" not in d.text, d.text


@pytest.mark.parametrize("text", [
    "my flight was cancelled and nobody can tell me anything",
    "I can't log in to my account",
    "is it possible to get my account reactivated?",
])
def test_other_posts_are_not_how_to_questions(text: str) -> None:
    assert not asks_how(text)


def test_an_angry_how_to_question_is_still_answered() -> None:
    text = "HOW DO I GET MY MONEY BACK?? 3 weeks waiting for a refund, absolutely disgusting @ParcelPop"
    d = drafts("parcelpop", text, range(1, 2))[0]
    assert d.action != "needs_agent", d.reasons


@pytest.mark.parametrize(("text", "reply"), [
    ("lifts at Castle Street station out of order for the 3rd week", "the Castle Street station"),
    ("the Piccadilly Line announcer is great", "the Piccadilly Line announcer"),
])
def test_a_capital_after_a_name_is_kept(text: str, reply: str) -> None:
    subject = read(text).subject
    assert subject is not None and subject.reply == reply


def test_an_airline_checks_a_charge_against_the_booking_not_an_account_email() -> None:
    for d in drafts("northwind-air", "@AtlanticCrown moved my seat from an aisle i paid for to a middle in row 52 "
                                      "without asking. want the £30 back"):
        assert "account" not in d.text and "booking" in d.text, d.text


def test_an_airline_never_asks_for_a_booking_reference_it_was_given() -> None:
    for d in drafts("northwind-air", "@FlyTallwing charged me twice for my bag on booking TW88XK ??"):
        assert "reference" not in d.text.split("–")[-1] or "Thanks for the reference" in d.text, d.text
        assert "us the booking reference" not in d.text and "your booking reference" not in d.text, d.text


def test_praise_for_ground_staff_is_not_passed_to_cabin_crew() -> None:
    text = ("huge thanks to the LumenJet team at Bristol who kept the desk open late so my panicking gran could "
            "rebook. you didnt have to and you did")
    for d in drafts("northwind-air", text, range(1, 12)):
        assert "cabin crew" not in d.text and "pilots" not in d.text, d.text


def test_an_order_not_picked_up_is_not_called_wrong() -> None:
    text = ("@BigStackBurgers please cancel my order, it's been 40 min on the delivery app and hasnt been picked up, "
            "restaurant isnt answering")
    for d in drafts("crumb-and-co", text):
        assert "got your order wrong" not in d.text, d.text
