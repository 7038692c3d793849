"""Round 209 (thirty-fifth stop): what round 209's reviewers stopped (254 fresh posts by writers qm-qp).

A haggis pizza "for Burns Night" met with a food-poisoning script; "my bank's hit me with a fee" read as an assault;
thanks to a conductor who "found my daughter's stuffed rabbit... she cried happy tears" apologised for; a card
blocked abroad answered with a missed appointment; a hotel with "no record of me" read as an app fault; a phishing
"voucher giveaway" answered as a customer; "1 very patient wife" in a refund demand thanked; a complaint reference
with slashes asked for again; a double charge "sent to your DMs 2 days ago" asked for by DM again.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read


def test_burns_night_is_no_burn() -> None:
    text = "@TaysidePizzaCo is it true yous are doing a haggis pizza for Burns Night or was my pal winding me up 👀"
    reading = read(text)
    assert "safety" not in reading.urgency
    assert reading.intent != "danger"
    # a real burn stays a danger
    burned = "@TaysidePizzaCo the pizza box handle snapped and my son burned his arm on the tray"
    assert "safety" in read(burned).urgency


def test_a_fee_that_hit_me_is_no_assault() -> None:
    text = ("@PayWhip why did the pay later thing take my instalment TWICE this fortnight?? now I'm overdrawn and my "
            "bank's hit me with a fee. need this refunded asap")
    assert "threat" not in read(text).urgency
    for draft in drafts("harbour-bank", text, range(1, 3)):
        assert "danger" not in draft.text
    assert "threat" in read("@BayouStarCoach the driver hit me when I asked for my bag back").urgency


@pytest.mark.parametrize("text", [
    "big thanks to the conductor Mr. Ray on the 7:15 out of Fort Worth who found my daughter's stuffed rabbit and kept "
    "it in the office for her. She cried happy tears. @BluebonnetRail you got a good one",
    "@LiffeyBus fair play to the driver on the 145 who waited for the oul lad running for the bus 👏",
    "@StreamGumTV fixed in 10 mins by the chat team, thanks heaps 👍",
])
def test_thanks_for_a_colleague_or_a_quick_fix_is_praise(text: str) -> None:
    assert read(text).intent == "praise"


def test_a_card_blocked_abroad_is_account_access_not_a_booking() -> None:
    text = ("@NovaCard blocked my card while I'm in Dubai. No warning. Can't pay my hotel. I literally told you I was "
            "travelling. Great job 👍")
    assert read(text).category == "account_access"
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "appointment" not in draft.text


def test_a_hotel_with_no_record_of_the_booking_is_a_booking() -> None:
    text = ("Booked thru @NestNook, paid in full, show up at 11pm in Nashville and the hotel says they got no record "
            "of me. Conf # NN-7734219. Now I'm sittin in the parking lot with 2 tired kids. FIX THIS NOW")
    reading = read(text)
    assert reading.category == "booking"
    assert "stranded" in reading.urgency


def test_an_elderly_passenger_left_alone_is_vulnerable() -> None:
    text = ("Requested wheelchair assistance for my 81yo granddad at booking AND at check in. Nobody at the gate in "
            "Jackson when he landed. He sat there 50 min by himself. @SkyBridge flight SB 406. This is not ok.")
    assert "vulnerable" in read(text).urgency


def test_kind_words_beside_a_failure_called_out_are_no_thanks() -> None:
    text = ("@Atlantair wheelchair assistance never turned up at Edinburgh, my dad was left sitting on the plane 50 "
            "min after everyone got off. He's 81. Not good enough. Crew were lovely tho, esp Callum who stayed with "
            "him the whole time - he deserves better employers")
    assert read(text).intent != "praise"


def test_a_voucher_giveaway_asking_for_details_is_spam() -> None:
    text = ("🔥🔥 @BazaarBee customers!! Get ₹5000 Bazaar vouchers FREE just click bit.ly/fr33-bazaar-v0uch3r and "
            "enter ur details!! limited time only 🔥🔥")
    assert read(text).intent == "spam"


def test_a_patient_wife_in_a_refund_demand_is_no_praise() -> None:
    text = ("...and after all that the second replacement ALSO came in the wrong colour. So thats 3 deliveries, 2 "
            "returns, 1 very patient wife and zero sofa covers. @ShopNest order SN-50217733. Just refund me at this "
            "point, I'm done.")
    assert read(text).intent != "praise"
    assert read("@ShopNest Priya on the phones was so patient with me, sorted it all out").intent == "praise"


@pytest.mark.parametrize("text", [
    "@SouthlinkBB paying for 100 and getting 11mbps at 8pm every. single. night. speedtests attached. fix it or im off",
    "@NorthwayCoaches wifi on this coach is so slow i could walk to Perth faster than this tweet sends 😂",
])
def test_slow_speeds_are_connectivity(text: str) -> None:
    assert read(text).category == "connectivity"


def test_a_complaint_reference_with_slashes_is_never_asked_for() -> None:
    text = ("@UnityTrustBank Complaint no. UTB/CMP/240915/0087 raised 3 weeks ago. Still 'under review'. How long does "
            "'review' take??")
    assert read(text).details.booking_id == "UTB/CMP/240915/0087"
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "reference" not in draft.text


def test_a_double_charge_already_sent_by_dm_is_found_not_asked_for() -> None:
    text = ("@HarbourviewInns sent my booking ref to your DMs 2 days ago about the double charge, still nothing. "
            "HVI-30442")
    for draft in drafts("base", text, range(1, 4)):
        assert "when you paid" not in draft.text
        assert "date and amount" not in draft.text


def test_a_delay_repay_question_gets_the_answer() -> None:
    text = "@CaledonRail whats the story with delay repay if the train was 28 mins late? does that count or"
    for draft in drafts("northline-rail", text, range(1, 3)):
        assert draft.answer == "delay-repay"


def test_is_the_app_down_is_about_the_app() -> None:
    for draft in drafts("tidewave", "@SkyDishTV is the app down?", range(1, 4)):
        assert "connection" not in draft.text


def test_new_customers_paying_less_is_the_loyalty_penalty() -> None:
    text = ("Been with @KereruMobile 8 years and new customers get double the data for half the price. Loyalty means "
            "nothing eh? Match it or I'm porting.")
    for draft in drafts("tidewave", text, range(1, 3)):
        assert "membership number" not in draft.text


def test_a_fee_raised_without_notice_is_disputed_not_price_feedback() -> None:
    text = ("@LumenCard why has my annual fee jumped from $99 to $149 with ZERO notice?? Never agreed to that. "
            "Reverse it or I'm closing the card.")
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "prices" not in draft.text
        assert "value" not in draft.text


def test_a_bus_pulling_away_as_someone_steps_on_is_a_safety_report() -> None:
    text = ("driver on the 23 bus drove off while my wife was still steppin on with the stroller. She nearly fell, "
            "baby was in it. Bus 4417 around 5:40pm at Five Points. @RedClayTransit I want this looked into")
    assert "safety" in read(text).urgency
    for draft in drafts("northline-rail", text, range(1, 3)):
        assert "barrier" not in draft.text


def test_a_payment_declined_but_taken_three_times_is_a_charge_to_return() -> None:
    text = ("RideClay app keeps sayin 'payment declined' but my bank shows it went thru 3 times. so now I paid $7.50 "
            "for a $2.50 ride 🤡 @RedClayTransit")
    for draft in drafts("northline-rail", text, range(1, 3)):
        assert "wouldn't go through" not in draft.text


def test_a_coach_broken_down_on_the_highway_strands_its_passengers() -> None:
    text = ("bus broke down on I-10 outside Beaumont, driver says another one's comin 'sometime'. 40 of us on the "
            "shoulder in 95 degree heat incl. a lady w a newborn. @BayouStarCoach any ETA??")
    assert "stranded" in read(text).urgency


def test_check_ur_dms_is_a_request_to_read_the_dm() -> None:
    reading = read("@NestNook check ur DMs")
    assert reading.intent == "request"
    assert "check_dm" in reading.asks


@pytest.mark.parametrize(("text", "intent"), [
    ("@TaysidePizzaCo 🍕❤️", "praise"),
    ("@SkyBridge 🔥🔥🙌", "praise"),
    ("@SkyBridge 😡😡", "complaint"),
])
def test_nothing_but_love_in_emoji_is_thanks(text: str, intent: str) -> None:
    assert read(text).intent == intent


def test_a_wrong_substitution_told_with_a_laugh_is_met_with_a_smile() -> None:
    text = "@FreshCart substituted my oat milk with... a bag of potatoes. genuinely how 🥔😂"
    for draft in drafts("crumb-and-co", text, range(1, 3)):
        assert "frustrating" not in draft.text
        assert "haven't worked out" not in draft.text

