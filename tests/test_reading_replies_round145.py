"""Round 145 (twenty-first stop): what 244 written sector tune posts had stopped.

- "Sorry Honey pizza was such a letdown" to an order of "a large Hot Honey pizza": a name cut after its first word.
- "Every deal is new customers only. I've been with you 9 years" got "This made our morning": a grievance told
  lightly is still a grievance.
- A customer who had moved £3,000 to a "safe account" was told "please don't respond"; a customer who could not get
  through on the phone was told to call; an account posing as the airline's support, asking for a card number, got
  "send us a screenshot"; threats sent in payment references got "we'll look into it".
- "Send the missing stay or flight" went to a bank's cashback; "after all those coffees" to a pizza card; "cancel
  your data" to a data deletion; "that would be handy; I've sent it to the people who build our products" to a bus
  route someone needs to get to work.
- Reset steps went to a customer who said the reset email never arrives and spam was checked; the refund timings
  went to a customer asking for the third time.
- "won't let me pay my bill" read as a bill dispute; "took payment 3 times" and "the money left my account twice"
  got a general "DM us the details"; a meal deal at a self-checkout was asked for an order number.
- A pilot's "minor technical issue" and three deplanings read as an app bug.
- Praise with one thing wrong ("only thing, the next stop screen is stuck") passed on the praise alone.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


def _ids(draft: object) -> list[str]:
    return [s.phrase_id for s in draft.stages]  # type: ignore[attr-defined]


def test_a_product_name_keeps_its_first_word() -> None:
    r = read("ordered a large Hot Honey pizza and it turned up 1hr 20 late, stone cold @PepperdockPizza")
    assert r.subject is not None and r.subject.text == "Hot Honey pizza", r.reasons
    assert r.subject.reply == "your Hot Honey pizza"
    # a common word written with a capital at the start of a sentence is not pulled into a name
    s = read("Honestly my Big Mac was cold").subject
    assert s is not None and "Honestly" not in s.text


def test_a_grievance_told_lightly_is_a_complaint() -> None:
    text = ("@Bluefern texts me every day with 'Bluefern deals just for you' and every deal is new customers only. "
            "I've been with you 9 years")
    r = read(text)
    assert r.intent == "complaint" and r.emotion != "delight", r.reasons
    for draft in drafts("tidewave", text, range(1, 4)):
        assert any("loyalty_penalty" in i for i in _ids(draft)), draft.text
        assert "made our" not in draft.text and "keeps us going" not in draft.text, draft.text
    # a joke that laughs is still let be a joke
    assert read("switched to you 9 years ago and still haven't found a reason to leave 😂").intent != "complaint"


@pytest.mark.parametrize(("condition", "text", "expected"), [
    ("scam_done", "they told me to move my savings to a 'safe account'. I've moved £3,000. feels wrong", True),
    ("scam_done", "they told me to move my savings to a safe account, I hung up", False),
    ("fake_account", "is @LumenJetCare an official account? they DM'd me and want my card number", True),
    ("fake_account", "how do I update my account details?", False),
    ("loyalty_penalty", "the new customer rate is 4.5% and I get 2.6%. loyalty penalty much", True),
    ("loyalty_penalty", "are there any new phones coming this year?", False),
    ("gripe", "the new buses are so quiet and warm. only thing, the next stop screen is stuck", True),
    ("gripe", "the new buses are so quiet and warm, love them", False),
    ("payment_failed", "your app won't let me pay my bill, says something went wrong", True),
    ("charged_twice", "paid for my ticket and the money left my account twice", True),
    ("charged_twice", "got charged £28 for a £19 order, the card says two payments went through", True),
    ("in_store", "the meal deal didnt scan at self checkout again, charged full price", True),
    ("hurt", "the zip has a sharp edge, it scratched my 3 month old's neck and drew blood", True),
    ("hurt", "the zip has a sharp edge and scratched my phone case", False),
])
def test_round145_post_conditions(condition: str, text: str, expected: bool) -> None:
    assert post_conditions(text)[condition] is expected


def test_money_already_moved_to_a_safe_account_is_no_time_for_dont_respond() -> None:
    text = ("@TallybankHQ just had a call from the 'Tallybank fraud team', they knew my name and told me to move my "
            "savings to a 'safe account'. I've moved £3,000. something feels wrong. please call me")
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "don't respond" not in draft.text and "don't reply" not in draft.text, draft.text
        assert "call" in draft.text.lower(), draft.text


def test_a_customer_who_cannot_get_through_is_not_told_to_call() -> None:
    text = ("@AshfordBank 4 payments I don't recognise in the last hour, all to some online casino. card is in my "
            "hand. freeze it please I can't get through on the phone")
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "freeze" in draft.text.lower(), draft.text
        assert "call the" not in draft.text.lower(), draft.text


def test_an_account_posing_as_the_brand_is_sent_nothing() -> None:
    text = ("is @LumenJetCare an official account? they DM'd me offering compensation for my delay and want my "
            "booking ref + card number")
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert any("fake_account" in i for i in _ids(draft)), draft.text
        assert "screenshot" not in draft.text, draft.text


def test_threats_in_payment_references_get_the_police_and_a_block() -> None:
    text = ('@PaydropHelp my ex keeps sending me 1p payments with threatening messages in the reference. "i know where '
            'you work" etc. I\'ve blocked his number but he can still do this. how do I stop him')
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "999" in draft.text and "every minute counts" not in draft.text, draft.text


def test_an_order_placed_by_someone_else_is_stopped() -> None:
    text = ("@ShopnestHelp someone got into my Shopnest account, changed the delivery address and ordered a £1,100 "
            "laptop on my saved card. cancel it before it ships!!!")
    assert "cancel" in read(text).asks
    for draft in drafts("parcelpop", text, range(1, 5)):
        assert any("stop_order" in i for i in _ids(draft)), draft.text


@pytest.mark.parametrize(("bank", "text", "never"), [
    ("harbour-bank", '@KineticMoney the "1% cashback at partner stores" didn\'t apply at any of the 4 partner stores I '
     "used this month. what's the catch?", "stay or flight"),
    ("crumb-and-co", "My Nonna's loyalty card says 9/10 stamps but the store says the app ones 'dont count'. so whats "
     "the point of the app? @NonnasPizza", "coffees"),
    ("northwind-air", "please close my tallwing account and delete my data, I'm done with you lot @FlyTallwing",
     "cancel your data"),
    ("northline-rail", "@LooplineBus PLEASE put the 23 back on the Sunday timetable. I have no other way to get to "
     "work", "build our products"),
])
def test_words_that_belong_to_another_business_are_gone(bank: str, text: str, never: str) -> None:
    for draft in drafts(bank, text):
        assert never not in draft.text, draft.text


def test_steps_already_tried_are_not_given_back() -> None:
    text = ("@ParcelHelp locked out of my account after the 'security upgrade', password reset email never arrives, "
            "checked spam, tried two browsers. all my order history is in there")
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert draft.answer is None and "Forgot password" not in draft.text, draft.text
    # the plain question still gets the steps
    assert any(d.answer is not None for d in drafts("parcelpop", "@ParcelHelp forgot my password and cant log in",
                                                    range(1, 3)))


def test_a_third_chase_gets_a_person_not_the_timings() -> None:
    text = "3rd time asking now @TacolocoUK - where is the refund for the £32 order you cancelled on the 4th?"
    for draft in drafts("crumb-and-co", text, range(1, 4)):
        assert draft.answer is None and "3-5 working days" not in draft.text, draft.text


@pytest.mark.parametrize(("bank", "text", "want"), [
    ("tidewave", '@QuantaFibre your app won\'t let me pay my bill, card details go in then "something went wrong". '
     "tried 2 cards", "payment_failed"),
    ("parcelpop", "Fernway took payment for my bookcase 3 times?? £149 x3, all pending on my banking app",
     "charged_again"),
    ("northline-rail", "@MeridianRail paid for my ticket and the money left my account twice", "charged_twice"),
    ("parcelpop", "@ValuBasket the meal deal didnt scan at self checkout again, charged full price for all 3 items",
     "in_store"),
    ("northline-rail", "@BriskBus the new electric 22s are so quiet and actually warm. only thing, the next stop "
     "screen is stuck on 'Welcome' on half of them", "gripe"),
])
def test_what_is_at_stake_picks_the_line(bank: str, text: str, want: str) -> None:
    for draft in drafts(bank, text, range(1, 4)):
        assert any(want in i for i in _ids(draft)), (draft.text, _ids(draft))


def test_a_pilots_technical_issue_is_a_flight_held_up() -> None:
    r = read("@CopperlineAir pilot just announced 'minor technical issue' and we've been deplaned 3 times in Phoenix. "
             "is the plane ok or not?? nobody is telling us anything")
    assert r.category == "flight_disruption", r.reasons


def test_a_rhetorical_question_asks_nothing() -> None:
    text = "size 12 in your jeans is a size 8 anywhere else. @ShopVividly who is doing your sizing"
    for draft in drafts("parcelpop", text, range(1, 3)):
        assert not any(".find_out." in i for i in _ids(draft)) and "Thanks for asking" not in draft.text, draft.text
    assert read("@ShopVividly who is doing the alterations at the Leeds store? need trousers taken up").question


def test_a_hurt_child_gets_care_before_the_checks() -> None:
    text = ("the Loomwell baby sleepsuit zip has a sharp metal edge at the top, it scratched my 3 month old's neck and "
            "drew blood. bought 2 packs. please check the batch @LoomwellCare")
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert "If anyone's hurt" not in draft.text, draft.text
        assert "hurt" in draft.text or "checked over" in draft.text, draft.text
