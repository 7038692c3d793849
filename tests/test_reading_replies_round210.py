"""Round 210 (thirty-fifth stop): what round 210's reviewers stopped (254 fresh posts by writers qq-qt).

An engineer who "fixed my broadband in 20 mins after 2 weeks of nightmare. Give that woman a pay rise" asked for
details; "Thank you for the surprise 5 hour delay... Zero stars for communication" and "cheers for the 'sorry we
missed you' card when I was in ALL DAY" thanked; "someone just emptied my chequing... e-transfers I DID NOT SEND" not
read as fraud; fries "burnt to carbon" met with a food-safety script; a wheelchair user's failed assistance answered
with how to book it; "whats ur returns policy on sale items?" answered as a refund gone missing.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read


def test_a_quick_fix_after_weeks_of_trouble_with_a_pay_rise_is_praise() -> None:
    text = ("Engineer Priya from @FibreFolk just fixed my broadband in 20 mins after 2 weeks of nightmare. Give that "
            "woman a pay rise 🙌")
    assert read(text).intent == "praise"


@pytest.mark.parametrize(("text", "bank"), [
    ("Thank you @NairaJet for the surprise 5 hour delay, I really wanted to study Kano airport's ceiling in detail. "
     "10/10 ceiling. Zero stars for communication ✨", "northwind-air"),
    ("cheers @QuickDropCA for the 'sorry we missed you' card when I was in ALL DAY and the doorbell works fine. proper "
     "brilliant. love a 40 min bus to the depot 👍", "parcelpop"),
])
def test_sarcastic_thanks_for_a_delay_or_a_missed_delivery_is_a_complaint(text: str, bank: str) -> None:
    reading = read(text)
    assert reading.intent == "complaint"
    assert reading.sarcasm


def test_a_missed_you_card_with_the_customer_in_gets_a_redelivery() -> None:
    text = ("Love how @ParcelHop 'attempted delivery' at 11:02 while I was sitting 3 metres from the door. No knock, "
            "no card. Just vibes. Now I get to drive 40 min to a depot. Cheers 👍 #ParcelHopFail")
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert "redelivery" in draft.text or "send" in draft.text


def test_an_account_emptied_by_transfers_not_sent_is_fraud() -> None:
    text = ("@LakeshoreBank someone just emptied my chequing, $2,340 in e-transfers I DID NOT SEND. been on hold 50 "
            "min. PLEASE someone call me this is my rent money")
    assert "fraud" in read(text).urgency


def test_fries_burnt_to_carbon_are_no_burn_and_a_refund_asked_is_no_thanks() -> None:
    text = ("Shoutout to @StackdBurgers Leeds for the \"extra crispy\" fries aka burnt to carbon, a burger with no "
            "patty (yes really) and a 55 min wait in an empty restaurant. Staff were lovely tbf but the kitchen is a "
            "disaster. Can I get a refund? Order 4471")
    reading = read(text)
    assert "safety" not in reading.urgency
    assert reading.intent == "complaint"


def test_assistance_that_failed_a_wheelchair_user_is_no_how_to() -> None:
    text = ("@SkyBridgeAir booked special assistance 2 weeks ago for my dad (wheelchair user). Got to Heathrow and "
            "nobody knew anything, waited 1hr 40. Then his chair came out of the hold with a bent wheel. 2nd time "
            "this year. Not acceptable.")
    assert "vulnerable" in read(text).urgency
    for draft in drafts("northwind-air", text, range(1, 4)):
        assert "48 hours" not in draft.text
        assert draft.answer is None


def test_a_card_blocked_on_holiday_strands_the_customer() -> None:
    text = ("@NorthgateBank card blocked AGAIN while im on holiday in Tenerife. I told you I was travelling!! Stood at "
            "the bar like a lemon. Sort it please")
    reading = read(text)
    assert reading.category == "account_access"
    assert "stranded" in reading.urgency


def test_a_returns_policy_question_gets_the_returns_answer() -> None:
    text = ("hiya @ValleyHomeStore whats ur returns policy on sale items? bought a lamp in the sale, doesnt go with "
            "owt 🙈")
    assert read(text).intent == "question"
    for draft in drafts("parcelpop", text, range(1, 3)):
        assert draft.answer == "returns-how"


def test_the_wrong_dish_with_a_refund_asked_is_no_refund_to_chase() -> None:
    text = ("@SuyaRepublic I ordered beef suya and got gizzard. I don't even eat gizzard 😭 can I get a refund or the "
            "correct order? #SuyaRepublic")
    assert read(text).category == "wrong_item"
    for draft in drafts("crumb-and-co", text, range(1, 3)):
        assert "Wallet" not in draft.text


def test_a_short_post_asking_if_the_app_is_down_gets_the_outage_lines() -> None:
    for draft in drafts("harbour-bank", "@NovaBank app down?", range(1, 3)):
        assert "status" in draft.text


@pytest.mark.parametrize("text", [
    "@LakeshoreBank you reported a late payment to the credit bureau on a mortgage I paid ON TIME (I have the "
    "confirmation). complaint filed with the ombudsman and my lawyer is drafting a letter. fix it.",
    "@UnityTrustBank you've been reporting a loan I closed in 2022 as overdue to the credit bureau. I have the NOC. If "
    "this isn't corrected in 7 days I'm going to the Banking Ombudsman and my lawyer.",
])
def test_a_wrong_credit_file_entry_is_checked_with_the_agencies(text: str) -> None:
    for draft in drafts("harbour-bank", text, range(1, 3)):
        assert "credit file" in draft.text
        assert "money went out" not in draft.text


def test_a_return_window_asked_about_is_a_question() -> None:
    text = ("@ShopNest whats ur return window over the holidays? bought a gift dec 2 and the recipient might want a "
            "diff size")
    assert read(text).intent == "question"


def test_thank_you_very_much_after_a_skipped_stop_is_sarcasm() -> None:
    text = ("@CityHopBus svc 174 driver skipped my stop even tho i pressed the bell like 3 times. Now late for work. "
            "Thank you very much 🙂")
    reading = read(text)
    assert reading.intent == "complaint"
    assert reading.sarcasm


def test_a_rider_named_is_thanked_by_name() -> None:
    text = ("@QuickBasket your rider Kwame delivered in the heavy rain today, everything packed dry, and he carried "
            "the water crates up to my 4th floor flat. Please give him a bonus abeg 🙏🏾")
    assert read(text).details.staff == "Kwame"
    for draft in drafts("crumb-and-co", text, range(1, 4)):
        assert "kitchen" not in draft.text


@pytest.mark.parametrize("text", [
    "Paying @FibreFolk for 500Mb and getting 11Mb. ELEVEN. Speedtest screenshot attached. My nan's dial up were "
    "quicker in 1998 #FibreFolk #ripoff",
    "Love how @BeaconTV can do a price rise overnight but takes 6 weeks to replace a remote. Genuinely inspired "
    "business model. Anyway still no sound on channels 100+, ref BTV-55210, any chance?",
])
def test_a_fault_beside_a_price_jab_is_no_price_feedback(text: str) -> None:
    for draft in drafts("tidewave", text, range(1, 3)):
        assert "pricing" not in draft.text
        assert "what we charge" not in draft.text


def test_an_eye_roll_beside_where_is_it_gets_no_smile() -> None:
    text = ("@MapleCart order #MC-448213 was 'out for delivery' on Tuesday. it is now Friday. where is it?? tracking "
            "hasnt moved since Winnipeg 🙃")
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert "smile" not in draft.text and "humour" not in draft.text


def test_a_chained_fire_exit_is_no_account_locked() -> None:
    text = ("@TheAshgroveHotel fire alarm went off at 3am, no staff came, and the fire exit on floor 3 was LOCKED with "
            "a chain. Guests had to go down the main stairs in the dark. This is dangerous and I'm reporting it to the "
            "fire service.")
    reading = read(text)
    assert reading.category != "account_access"
    assert "safety" in reading.urgency


def test_a_dispute_chased_is_no_pending_hold() -> None:
    text = ("@MapleTrustFin 3 weeks since I disputed the double charge (ref DSP-20931). your agent said 5-7 business "
            "days. still nothing. hello??")
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "hold that drops off" not in draft.text


@pytest.mark.parametrize(("text", "urgency"), [
    ("@AbujaCityTram lift at Wuse station broken AGAIN. Third week. How am I meant to get my wheelchair to the "
     "platform? Any ETA on the repair?", "vulnerable"),
    ("@BookNest got a WhatsApp msg \"from BookNest\" asking me to re-enter my card details for booking BN-60122 or it "
     "gets cancelled. Is this legit?? it has my real booking details in it 😨", "fraud"),
    ("@KenteCoaches chale your 6am Accra–Kumasi bus left 8:15 and the driver was on phone the whole way doing 120 on "
     "the highway. Somebody go die one day. Bus no. KC-219", "safety"),
])
def test_a_wheelchair_user_without_a_lift_a_phishing_message_and_a_driver_on_the_phone_are_urgent(
        text: str, urgency: str) -> None:
    assert urgency in read(text).urgency
