"""Readings and replies fixed after the blind review of a new sample of written sector posts (round 26).

Reviewers stopped drafts that asked for a booking reference to "can I book two rooms next to
each other?" and "is breakfast included in the Flex rate?", asked again for a booking the
customer said was "in your DMs", told a customer seeing a stranger's account to call the number
on their card, answered "that's a scam, right?" about a fake text with the steps for money
lost, said "I'm sorry your card isn't what you expected to pay" and "the payment for the
price", asked a customer charged twice at a drive-thru for their postcode, told a customer with
cold trolley food that it "wasn't what you ordered", and put feature requests "on record".
A word ending in "nt" ("front", "count", "want") had also read as "n't": something gone wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DRAFT_SEEDS as SEEDS
from conftest import draft_post as _draft
from conftest import draft_texts as _texts
from conftest import write_bank

from carevoice import Drafter, Inbound
from carevoice.concentrate import concentrate
from carevoice.variables import _AMOUNT, _OTHER_ACCOUNT, _PHISHING
from carevoice.variation.history import MemoryHistory

GENERAL_QUESTIONS = [
    ("base", "can i book 2 rooms next to each other at Bedhopper Manchester? travelling with my teenage kids and "
             "want them close @BedhopperHelp"),
    ("base", "Is breakfast included in the Flex rate or is that extra? booking for next weekend @HarborPineHotels"),
    ("crumb-and-co", "@Wokaway can you book a table for 12 at the Soho branch for a birthday on Saturday or is it "
                     "walk in only?"),
    ("northline-rail", "@Coachway is there a way to book the front seats upstairs on the double deckers? my son gets "
                       "travel sick"),
    ("base", "do oasis rewards nights count via lanternstay?"),
]


@pytest.mark.parametrize(("bank", "text"), GENERAL_QUESTIONS)
def test_a_calm_question_about_the_offer_is_met_with_we_will_find_out_not_the_booking_lines(bank: str,
                                                                                           text: str) -> None:
    draft = _draft(bank, text)
    assert draft.action == "reply", (draft.text, draft.reasons)
    assert any("not the customer's own case" in r and "drafting.find_out" in r for r in draft.reasons), draft.reasons
    assert not any(w in draft.text.lower() for w in ("reference", "sorry", " dm")), draft.text


@pytest.mark.parametrize(("bank", "text"), GENERAL_QUESTIONS)
def test_without_find_out_such_questions_go_to_an_agent(tmp_path: Path, bank: str, text: str) -> None:
    own = write_bank(tmp_path, f"bank: own\ndisplay_name: Own Co\nextends: {bank}\ndrafting: {{find_out: false}}\n",
                     "own")
    draft = Drafter(own, history=MemoryHistory(), seed=0).draft(Inbound(text=text))
    assert draft.action == "needs_agent" and not draft.text, (draft.text, draft.reasons)
    assert any("not the customer's own case" in r for r in draft.reasons), draft.reasons


@pytest.mark.parametrize(("bank", "text"), [
    ("base", "is breakfast included with my booking for next weekend?"),
    ("base", "where is my booking confirmation? booked yesterday and nothing has come through"),
    ("crumb-and-co", "can you cancel my table booking for tonight please"),
])
def test_a_question_about_the_customers_own_booking_is_still_answered(bank: str, text: str) -> None:
    assert _draft(bank, text).action != "needs_agent"


def test_the_setting_keeps_such_questions_with_the_bank_lines(tmp_path: Path) -> None:
    own = write_bank(tmp_path, "bank: own\ndisplay_name: Own Co\nextends: base\ndrafting: {hand_off_general: false}\n",
                     "own")
    draft = Drafter(own, history=MemoryHistory(), seed=0).draft(Inbound(text=GENERAL_QUESTIONS[1][1]))
    assert draft.action != "needs_agent" and draft.text, draft.reasons


@pytest.mark.parametrize("text", [
    "is there a way to book the front seats upstairs?",
    "do oasis rewards nights count via lanternstay?",
    "I want two rooms next to each other, can you book that?",
])
def test_words_ending_in_nt_are_no_trouble(text: str) -> None:
    assert not concentrate(Inbound(text=text)).negative


@pytest.mark.parametrize("text", ["my booking hasnt come through, can you check?", "I can't log in, can you help?",
                                  "why doesnt the app open?"])
def test_a_real_negation_is_still_trouble(text: str) -> None:
    assert concentrate(Inbound(text=text)).negative


@pytest.mark.parametrize("text", [
    "Please refund the airport taxes on my unused return leg LJ 2210, I didn't fly it. Booking in DMs @LumenJet",
    "@HalcyonAir my flight was changed by more than 5 hours so I'm entitled to a refund. please process it to the "
    "card I paid with, not as credit. ref in your DMs",
])
def test_details_already_in_the_dms_are_not_asked_for_again(text: str) -> None:
    assert "check_dm" in concentrate(Inbound(text=text)).asks
    for reply in _texts("northwind-air", text):
        assert not re.search(r"send (?:us )?(?:the|your) booking reference|DM us the booking", reply, re.I), reply


def test_details_sent_by_dm_twice_are_an_earlier_contact() -> None:
    text = ("@HollinsReed this is my third tweet about this. I've sent my order number and bank details via DM "
            "twice. Please just process the refund.")
    assert concentrate(Inbound(text=text)).details.contacted == "dm"
    for reply in _texts("parcelpop", text):
        assert "send the order number" not in reply.lower(), reply


@pytest.mark.parametrize(("bank", "text"), [
    ("harbour-bank", "@Pennyroot just opened the app and its showing someone elses name and transactions?! I can see "
                     "a stranger's whole account. this is seriously wrong"),
    ("tidewave", "@BluefernCare logged into my account and it's showing someone else's name, address and bank "
                 "details. this is a big data leak, I can see everything. fix this now"),
])
def test_seeing_another_customers_account_is_a_data_exposure_not_a_break_in(bank: str, text: str) -> None:
    for reply in _texts(bank, text):
        assert re.search(r"sign out|anyone else's|someone else's|another customer's|post any of it", reply), reply
        assert "back of your card" not in reply and "secure your number" not in reply, reply


@pytest.mark.parametrize(("text", "found"), [
    ("it's showing someone else's name and address", True),
    ("I can see a stranger's whole account", True),
    ("these are not my transactions", True),
    ("I got someone's order instead of mine", False),
    ("my account was hacked", False),
])
def test_other_account_pattern(text: str, found: bool) -> None:
    assert bool(_OTHER_ACCOUNT.search(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    ('just got a text "Corvia Air: your flight is cancelled, call +44" that\'s a scam right??', True),
    ("got an email: your account is locked", True),
    ("your £5 booking fee is a scam", False),
])
def test_phishing_asked_about(text: str, found: bool) -> None:
    assert bool(_PHISHING.search(text)) is found


def test_a_fake_text_gets_the_message_steps_not_the_money_lost_ones() -> None:
    text = ('just got a text "Corvia Air: your flight CV 220 is cancelled, call +44..." my flight isnt cancelled. '
            "thats a scam right?? and how do they know my flight number @CorviaAir")
    for reply in _texts("northwind-air", text):
        assert "amount" not in reply and "get it back" not in reply, reply


@pytest.mark.parametrize(("bank", "text"), [
    ("base", "thanks @StaywellHotels for charging my card £89 for a minibar I never opened. really appreciate it"),
    ("crumb-and-co", "@KettleCrumb eat in price charged on a takeaway coffee at King's Cross. asked the girl, she "
                     "said the till does that automatically"),
    ("northline-rail", "@WestlineRail trains are never on time but the price rises always are. funny that"),
])
def test_billing_lines_name_a_charge_never_the_card_or_the_price(bank: str, text: str) -> None:
    for reply in _texts(bank, text):
        assert not re.search(r"your card (?:is|isn't)|payment for the price|confusion over (?:the|your) (?:app|card)",
                             reply), reply


def test_a_double_charge_at_a_restaurant_asks_for_the_restaurant_not_a_postcode() -> None:
    text = ("Hi @CrispyBarn, I got charged twice for my drive thru order at Bolton this morning (£11.47 x2). "
            "who can I speak to?")
    for reply in _texts("crumb-and-co", text):
        assert "postcode" not in reply and "account number" not in reply, reply


def test_food_that_was_bad_is_not_called_the_wrong_order() -> None:
    text = ("£7.50 for a microwave bacon roll on the Northmoor trolley and it was cold in the middle and hard as a "
            "brick on the outside. @NorthmoorTrains")
    for reply in _texts("northline-rail", text):
        assert "wasn't what you ordered" not in reply, reply


@pytest.mark.parametrize("text", [
    "@TallybankHQ please add joint accounts! me and my partner both bank with you",
    "pls bring back the free snacks on short haul, the little biscuits were the only good thing about 6am flights",
])
def test_feature_requests_are_not_put_on_record(text: str) -> None:
    for bank in ("base", "harbour-bank", "northwind-air"):
        for reply in _texts(bank, text):
            assert "on record" not in reply and "logged it as a feature request" not in reply, reply


# ---- round 27: a new sample of written sector posts and 100 real posts never reviewed before

def test_selling_reviews_is_spam() -> None:
    text = "📈 Grow your hotel's reviews FAST! 500 five-star reviews for $99 💯 DM us @MapleCourtHotels @OasisSuites"
    assert concentrate(Inbound(text=text)).intent == "spam"
    assert _draft("base", text).action == "no_reply"


def test_thanks_for_money_back_from_a_scam_is_praise() -> None:
    text = ("@TallybankHQ THANK YOU. got my £1,200 back from the scam after 3 weeks. I honestly thought it was gone "
            "forever. your team kept me updated the whole way")
    reading = concentrate(Inbound(text=text))
    assert reading.intent == "praise" and not reading.urgency, reading.reasons
    for reply in _texts("harbour-bank", text):
        assert "sorry" not in reply.lower(), reply


def test_a_card_blocked_for_suspicious_activity_abroad_is_a_stranded_customer_not_a_fraud() -> None:
    text = ('@TallybankHQ card blocked for "suspicious activity" while Im in Bangkok. I AM the activity. cant pay my '
            "hostel, cant get cash. Im stuck here with about 200 baht. please unblock it")
    reading = concentrate(Inbound(text=text))
    assert "fraud" not in reading.urgency and "stranded" in reading.urgency, reading.reasons


def test_a_check_my_dms_request_gets_no_help_page_answer() -> None:
    text = "@BreadandBowl hi can you check my DMs, sent the receipt from the wrong order"
    for seed in SEEDS:
        draft = _draft("crumb-and-co", text, seed)
        assert draft.answer is None and "Report an issue" not in (draft.text or ""), draft.text


def test_a_stranded_complaint_gets_its_own_lines_not_the_policy_answer() -> None:
    text = ("Missed my connection at DFW bc the first leg was late and @FlyRedwing put me on standby for tomorrow. "
            "no hotel voucher. sleeping on the floor at gate C20 I guess")
    for seed in SEEDS:
        draft = _draft("northwind-air", text, seed)
        assert draft.answer is None and "transfer desk" not in (draft.text or ""), draft.text


def test_passengers_held_at_the_gate_get_the_latest_not_a_rebooking() -> None:
    text = "@FlyRedwing RW 447 ORD-DEN, we've been sitting at the gate 90 min with no AC. babies screaming. anyone??"
    for reply in _texts("northwind-air", text):
        assert "rebook" not in reply and "disruption team" not in reply, reply


def test_a_train_named_by_its_time_before_the_route_is_not_asked_for() -> None:
    text = '@CrimsonTrains wifi on the 10:30 Euston to Glasgow has been "connecting" since Milton Keynes'
    assert concentrate(Inbound(text=text)).details.time == "10:30"
    for reply in _texts("northline-rail", text):
        assert "which train" not in reply.lower(), reply


@pytest.mark.parametrize("text", [
    "@Tillburys bought a whole chicken at the Hove store this morning, opened it tonight, smells rotten",
    "3 Tillbury meal deals in a row, the sandwich has been 80% bread and one sad slice of ham @TillburyStores",
    "@FreshWay half my grocery delivery was subbed with random stuff. asked for oat milk got whipping cream??",
])
def test_groceries_are_not_sent_to_a_kitchen(text: str) -> None:
    for reply in _texts("parcelpop", text):
        assert "kitchen" not in reply and "meal you were looking forward to" not in reply, reply


def test_a_mobile_outage_gets_masts_not_an_engineer_or_a_line_test() -> None:
    text = "@JunoWireless is there an outage in Phoenix? no LTE anywhere across town, nobody has data"
    for reply in _texts("tidewave", text):
        assert not re.search(r"engineer|line test|Hub", reply), reply


def test_a_subject_never_spans_two_clauses() -> None:
    text = ("@BigStackBurgers please cancel my order, it's been 40 min on the delivery app and hasnt been picked up, "
            "restaurant isnt answering")
    subject = concentrate(Inbound(text=text)).subject
    assert subject is None or "," not in subject.text, subject


def test_a_cable_hanging_across_a_drive_gets_keep_clear_first() -> None:
    text = ("@CrestlineCares there is a Crestline cable hanging across our driveway about 4 feet off the ground since "
            "the truck hit the pole. my kids play out here. need someone out TODAY")
    for reply in _texts("tidewave", text):
        assert "clear of it" in reply or "away from it" in reply or "keep well away" in reply, reply


def test_a_medical_device_on_the_line_is_a_vulnerable_customer_not_a_fallen_cable() -> None:
    text = ("@BluefernCare broadband's been off since yesterday and my husband's heart monitor uploads to the hospital "
            "overnight through it. when will it be fixed?")
    assert "vulnerable" in concentrate(Inbound(text=text)).urgency
    for reply in _texts("tidewave", text):
        assert "cable or pole" not in reply, reply


@pytest.mark.parametrize(("text", "ref"), [
    ("@AtlanticCrown day 12 and my golf clubs still havent been found. case LHR-AC-20931. no one calls back",
     "LHR-AC-20931"),
    ("@KineticMoney any update on the chargeback? uploaded the extra evidence yesterday. ref KN-445120", "KN-445120"),
    ("claim number ABC1234567 still pending", "ABC1234567"),
])
def test_a_case_reference_is_read_and_never_taken_for_an_error_code(text: str, ref: str) -> None:
    details = concentrate(Inbound(text=text)).details
    assert details.booking_id == ref and details.error is None, details


def test_a_bag_case_reference_given_is_not_asked_for_again() -> None:
    text = "@AtlanticCrown day 12 and my golf clubs still havent been found. case LHR-AC-20931. no one calls back"
    for reply in _texts("northwind-air", text):
        assert "file reference" not in reply and "bag tag" not in reply, reply


def test_an_error_code_is_still_an_error_code() -> None:
    assert concentrate(Inbound(text="error code: WS-37403-7 when I sign in")).details.error == "WS-37403-7"


@pytest.mark.parametrize(("bank", "text"), [
    ("crumb-and-co", "Hi @CrispyBarn, I got charged twice for my drive thru order at Bolton this morning (£11.47 x2). "
                     "who can I speak to?"),
    ("harbour-bank", "@Pennyroot charged me a £25 fee for going £2 over my overdraft. seriously?"),
    ("parcelpop", "@MegaMart you charged me $399 for a patio set and only the chairs came"),
])
def test_an_amount_the_post_gave_is_not_asked_for(bank: str, text: str) -> None:
    for reply in _texts(bank, text):
        assert "amount" not in reply, reply


@pytest.mark.parametrize(("text", "found"), [
    ("charged twice (£11.47 x2)", True), ("$340 x 2 on my statement", True), ("I paid 40 quid", True),
    ("order 44172 is late", False), ("3 hours on hold", False),
])
def test_amount_pattern(text: str, found: bool) -> None:
    assert bool(_AMOUNT.search(text)) is found


def test_the_linter_still_sees_the_plans_of_a_question_about_ones_own_booking() -> None:
    from carevoice.inbound import Details, Reading
    from carevoice.plan import plan_reply, possible_stage_plans

    own = Reading(category="booking", confidence=1.0, intent="question", intent_confidence=1.0,
                  details=Details(booking_id="K7Q2ZP"))
    general = Reading(category="booking", confidence=1.0, intent="question", intent_confidence=1.0)
    assert plan_reply(general).find_out
    stages = plan_reply(own).stages
    assert stages != ("handoff",) and stages in possible_stage_plans("booking")
