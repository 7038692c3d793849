"""Round 171 (twenty-eighth stop): what round 170's reviewers stopped in writers U, V, Y and Z's posts (0e705ef).

- Touts ("GET 90% OFF ANY FLIGHT... secret pricing glitch... only 20 spots left", "CERTIFIED recovery agents... 100%
  guaranteed") were answered; "can you dm me now please" was read as spam.
- A message asking to "re-enter it at a link" (the card) got booking lines; "pathetic cheap frauds... you people are
  thieves" got fraud lines.
- "the only reason i didn't cry about the 2 hr delay. 10/10" got "Sorry the pilot is giving you grief".
- "if i see that fat c*** again he's getting knocked out" was answered as a complaint about the driver.
- "I thought it was free up to £400" got the pricing lines; "where's my food... for 40 mins" (with an insult) got no
  reply; a box "with a bar of soap inside" was an app fault; "sent screenshots to your DMs" was asked for a summary.
- Thanks to "Marcus at the Delta counter" after DL1432 was cancelled went to "the DL1432 crew"; "Sorry the discount
  at checkout wasn't applied at checkout".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions


@pytest.mark.parametrize("text", [
    "@Skyway 🚨GET 90% OFF ANY FLIGHT🚨 secret airline pricing glitch they don't want u to know ✈️💸 DM me 'TRAVEL' "
    "now only 20 spots left!! #travel",
    "@Skyway Lost money to a fake flight refund scam?? 😡 Our CERTIFIED recovery agents got back $42,000 for clients "
    "this month ✅ DM @FundsBackPro_ now, 100% guaranteed 💯",
    "@Payco CASH APP GLITCH 💸💸 send $50 get $500 back in 10 mins!! DM me now limited spots #cashappfriday",
])
def test_touts_are_spam(text: str) -> None:
    assert read(text).spam


@pytest.mark.parametrize("text", [
    "can you dm me now please, my flight is cancelled", "i had to send it back to get my money back in full",
])
def test_a_customer_asking_for_a_dm_or_money_back_is_no_spam(text: str) -> None:
    r = read(text)
    assert not r.spam and r.intent != "spam", r.reasons


def test_a_card_to_re_enter_at_a_link_is_a_scam_message() -> None:
    text = ("@Staybook got a message IN the staybook.com app from my hotel saying my card 'failed verification' and I "
            "have to re-enter it at a link within 24h or lose the reservation. is this real??")
    r = read(text)
    assert "fraud" in r.urgency and r.category == "fraud_security", r.reasons


def test_frauds_as_an_insult_is_no_fraud() -> None:
    assert "fraud" not in read("@Roomco pathetic cheap frauds. stained bedsheets, manager rude. you people are "
                               "thieves").urgency


def test_the_only_reason_i_didnt_cry_is_praise() -> None:
    text = ("the pilot on @Skyway 3310 doing a full stand up set over the PA is the only reason i didn't cry about the "
            "2 hr delay. 10/10 would be delayed again (please don't)")
    assert read(text).intent == "praise"


def test_a_threat_to_knock_out_a_driver_is_abuse() -> None:
    text = ("@Coachco your driver refused to let me on with a VALID ticket because i was 2 mins late. if i see that "
            "fat c*** again he's getting knocked out. sort your staff")
    r = read(text)
    assert r.abusive and r.intent == "abuse", r.reasons


def test_a_fee_thought_free_is_no_price_complaint() -> None:
    text = "@Bankco why is there a 3% fee on my cash withdrawal?? I thought it was free up to £400 a month"
    assert not post_conditions(text)["pricing"]


def test_where_is_my_food_beside_an_insult_is_answered_as_a_late_order() -> None:
    text = "@Foodco where's my food you useless pricks, been 'almost there' for 40 mins"
    r = read(text)
    assert r.intent != "abuse" and r.category == "late_delivery", r.reasons


def test_soap_in_the_box_is_the_wrong_item() -> None:
    text = ("@Shopco ordered iphone 15 (order OD329104857261738100) and received box with a bar of soap inside. "
            "complaint raised 3 days back, no update")
    assert read(text).category == "wrong_item"


def test_screenshots_sent_to_the_dms_are_checked() -> None:
    text = ("@Tripco the hotel told me today they refunded YOU on the 4th. so where is my $389?? sent screenshots to "
            "your DMs")
    assert "check_dm" in read(text).asks


def test_a_colleague_thanked_is_named_over_a_cancelled_flight() -> None:
    text = ("Shoutout to Marcus at the Skyway counter in ATL terminal S who rebooked me and our 2 kids after DL1432 "
            "got cancelled without us even having to ask. the man is a legend give him a raise")
    for draft in drafts("northwind-air", text, range(1, 7)):
        assert "DL1432" not in draft.text, draft.text


def test_no_checkout_said_twice() -> None:
    text = ("@Railco does the 16-25 railcard work on advance tickets bought on the day? the site keeps dropping the "
            "discount at checkout")
    for draft in drafts("northline-rail", text, range(1, 7)):
        assert draft.text.count("checkout") <= 1, draft.text


def test_a_hyphenated_colleague_is_named_whole() -> None:
    text = "Massive thank you to Kerry-Ann on the @Skyway flight to Faro this morning. she was so calm and kind"
    assert read(text).details.staff == "Kerry-Ann"


def test_cheaters_and_frauds_is_an_insult() -> None:
    r = read("@Mobileco worst network in india. u people are cheaters and frauds. porting to jio today. bye")
    assert "fraud" not in r.urgency and r.intent != "danger", r.reasons


def test_no_taxis_no_hotels_late_at_night_is_stranded() -> None:
    text = "train terminated at Doncaster 'due to crew', it's 11.30pm, no taxis, no hotels, staff have gone home"
    assert "stranded" in read(text).urgency
