"""Round 37: what the blind reviewers of real tune posts stopped, as general rules.

A feature taken away is no fault, a brand's own announcement gets no reply, "get my account unbanned"
asks to restore it, a photo is asked for only where it can show something, and trouble after a turn
keeps a sarcastic "thanks a lot" a complaint.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read


@pytest.mark.parametrize("text", [
    "the new update removed offline mode. that was the only reason I paid for premium",
    "why is there no longer a shuffle button on the new app??",
])
def test_a_feature_taken_away_is_no_fault(text: str) -> None:
    reading = read(text)
    assert reading.category == "feature_request", reading.reasons


def test_a_fault_with_a_feature_named_stays_a_fault() -> None:
    assert read("the app keeps crashing since the update, the settings button does nothing").category == "app_bug"


@pytest.mark.parametrize("text", [
    "We believe our role serving customers and the community during this time is an important one. Here is a "
    "roundup of how we're addressing COVID-19 and supporting those directly affected link",
    "we're excited to announce our new store in Leeds opens Saturday! come say hi",
])
def test_a_brand_announcement_gets_no_reply(text: str) -> None:
    d = drafts("parcelpop", text, range(1, 2))[0]
    assert d.action == "no_reply", d.reasons


def test_a_customer_pleased_to_report_is_praise() -> None:
    assert read("pleased to report my parcel arrived, thanks").intent == "praise"


def test_getting_an_account_unbanned_is_a_restore_of_a_suspension() -> None:
    reading = read("I juts have a question regarding getting my account unbanned")
    assert "restore" in reading.asks, reading.reasons
    for d in drafts("loopwork", "I juts have a question regarding getting my account unbanned"):
        assert "signing in isn't working" not in d.text and "sign-in message" not in d.text, d.text


def test_a_refund_for_an_item_never_sent_asks_for_no_photo() -> None:
    text = ("I need your help with a seller who marked an item shipped without a tracking number even though he "
            "admitted it wasn't and doesn't plan to ship until next month. I want a refund")
    for d in drafts("parcelpop", text, range(1, 12)):
        assert "photo" not in d.text, d.text


def test_trouble_after_the_turn_keeps_thanks_a_lot_a_complaint() -> None:
    text = ("Ordered a GoCab to the hospital for my 6am appointment, confirmed, then cancelled at 5:55 with no driver "
            "found. Missed it. Thanks a lot @GoCabApp")
    assert read(text).intent == "complaint"


# Round 38 (the fixed tune 200 re-reviewed with this code): a brand's own statement, two thanks in one
# reply, something won or bought in a game that never showed up.

def test_a_brand_statement_about_its_own_family_gets_no_reply() -> None:
    text = ("Like many of you, our T-Mobile family has also been impacted by COVID-19. We're working to keep our "
            "employees and their families safe and healthy")
    assert drafts("tidewave", text, range(1, 2))[0].action == "no_reply"


def test_good_of_you_is_the_one_thanks() -> None:
    from carevoice.compose import _moves

    assert "thank" in _moves("Good of you to report this – we don't want anyone else caught out.")


@pytest.mark.parametrize("text", [
    "i won the car in casino but i didn't get it. Pls help",
    "I bought a volatol for 3.7 million and I did not get the volatol please help",
])
def test_a_thing_won_or_bought_that_never_showed_up_is_traced_not_troubleshot(text: str) -> None:
    for d in drafts("loopwork", text):
        assert "restart" not in d.text and "what were you trying to do" not in d.text.lower(), d.text
        assert any(w in d.text for w in ("account", "missing", "shown up")), d.text


@pytest.mark.parametrize("text", [
    "please add a dark mode to the app, my eyes are burning at night",
    "@ParceloHelp you absolute sewer rats, hope your warehouse burns down with your useless bots in it",
    "how do I report a GoCab driver for smoking in the car? the in-app help only lets me pick lost item",
    "manager told my elderly dad to hurry up at the till and rolled her eyes. hes 84. have some patience",
])
def test_figures_of_speech_insults_and_rudeness_raise_no_urgency(text: str) -> None:
    assert read(text).urgency == (), read(text).reasons


@pytest.mark.parametrize(("text", "kind"), [
    ("my charger started smoking and burned the carpet", "safety"),
    ("there are rats in the kitchen of your Leeds branch", "safety"),
    ("my elderly dad was left stranded at the gate for 2 hours with no assistance", "vulnerable"),
])
def test_the_real_dangers_beside_them_still_raise(text: str, kind: str) -> None:
    assert kind in read(text).urgency


# After round 39 (the measure): general slips its held-out reviewers stopped, fixed after it.

def test_mixed_lines_only_for_kind_words_that_turn_to_a_problem() -> None:
    text = "ordered from @SliceSociety for the first time after everyone kept going on about it. ok i get it now."
    for d in drafts("crumb-and-co", text):
        assert "what's not right" not in d.text and "part that fell short" not in d.text, d.text


@pytest.mark.parametrize("text", [
    "ordered from @SliceSociety for the first time after everyone kept going on about it. ok i get it now.",
    "ValuBasket own brand cereal is better than the branded stuff and half the price. i will not be taking questions",
])
def test_idioms_of_praise(text: str) -> None:
    assert read(text).intent == "praise"


def test_money_gone_after_a_scam_text_is_fraud() -> None:
    text = ("got a text saying my bill failed and to update my card on a link. I did it before thinking and now "
            "there's £400 gone from my account. what do I do")
    assert "fraud" in read(text).urgency


@pytest.mark.parametrize("text", ["the refund has gone from my account history, where is it?",
                                  "my points are gone from my account!!"])
def test_things_gone_from_an_account_are_no_fraud(text: str) -> None:
    assert "fraud" not in read(text).urgency


@pytest.mark.parametrize("text", [
    "Earn $500/day from home!! Pilots and crew are doing it, click here bit.ly/x9kk2 @SkylineAir @NorthwindAir",
])
def test_money_from_home_with_a_brand_tagged_is_spam(text: str) -> None:
    assert drafts("northwind-air", text, range(1, 2))[0].action == "no_reply"


@pytest.mark.parametrize("text", ["how much can I earn a day as a delivery rider?",
                                  "can I make a booking from home online?"])
def test_earning_and_booking_questions_are_no_spam(text: str) -> None:
    assert read(text).intent != "spam"


def test_a_request_for_allergen_information_is_no_incident() -> None:
    assert read("where can I find the allergen information for your menu?").urgency == ()
