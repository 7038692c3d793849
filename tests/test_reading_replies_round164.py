"""Round 164 (twenty-seventh stop): what 127 fresh helper-written posts (writers M and N) had stopped.

- Questions asked ahead of a plan ("does a rucksack and a handbag count as 2 items? flying friday and dont want to get
  stung at the gate", "is Turkey included in roaming? going next week") got apologies for faults that never happened.
- Prize bait ("You've been selected for a FREE $500 gift card... limited spots"), deal spam and a "recovery expert"
  touted on Instagram got gift card, booking and fraud lines.
- Real complaints with an insult or a curse in them ("give me my £4.49 back you absolute muppets", "$35 overdraft fee
  x3... go to hell") got no reply at all.
- "check your DMs" on a question got "I'll reply here"; "I've sent the PNR in DM" was asked for the reference again.
- A sarcastic "10/10 would burn a vacation day again" was a burn; an app that "took my money and not sent the order"
  was fraud; a slip in a store read as fraud got "keep the packaging"; bedbugs got "keep the packaging" too.
- "can someone please call him" (the driver) set up a callback to the customer; a callback asked for by someone
  locked out of their account was dropped for the account's own lines.
- A card blocked at an airport, and a flat overbooked at 11pm with two children asleep on the suitcases, were not
  read as stranded; a knife on "coach 3" of a train got no British Transport Police line, as "coach" read as a bus.
- "Took Northeast Regional 171" was the subject; "sorry your bill isn't behaving" answered no 4G.
- Siobhán and "Aoife I think?" were not thanked by name; "...free coffee... Respect" got complaint lines.
- A payment that "failed but amount debited" got "your card was declined"; a complaint raised three weeks ago got
  "the payment doesn't look right".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.concentrate.details import read_details
from carevoice.variables import post_conditions


def _ids(draft: object) -> list[str]:
    return [s.phrase_id for s in draft.stages]  # type: ignore[attr-defined]


_APOLOGY = ("sorry", "apolog")


@pytest.mark.parametrize(("bank", "text"), [
    ("northwind-air", "@easyJet quick one - does a small rucksack AND a handbag count as 2 items? flying luton to "
     "belfast friday and dont want to get stung at the gate"),
    ("harbour-bank", "@ChaseSupport does the sapphire preferred charge foreign transaction fees? going to mexico in "
     "june and trying to figure out which card to bring"),
    ("tidewave", "@VodafoneUK going to Antalya next week, is Turkey included in roaming on Unlimited Max or is it the "
     "£6 a day thing? don't want a £300 bill again like last year"),
    ("parcelpop", "@Walmart what time does the pharmacy close on sundays at the hadley ma store? website says 6 google "
     "says 5 and i dont want to drive 20 min for nothing"),
])
def test_a_question_asked_ahead_of_a_plan_is_a_question(bank: str, text: str) -> None:
    r = read(text)
    assert r.intent == "question" and r.category == "general_question" and r.emotion == "neutral", r.reasons
    assert any("ahead of a plan" in reason for reason in r.reasons)
    for draft in drafts(bank, text, range(1, 4)):
        assert not draft.text.lower().startswith(_APOLOGY), draft.text


@pytest.mark.parametrize("text", [
    "@easyJet does a handbag count as a bag? flying friday and they charged me £48 at the gate last time",
    "@ChaseSupport is my card still blocked? going to mexico in june and it was declined twice today",
    "@VodafoneUK going to Spain next week, why was I charged roaming last month when I never left the UK?",
])
def test_a_plan_beside_something_already_gone_wrong_stays_a_complaint(text: str) -> None:
    r = read(text)
    assert not any("ahead of a plan" in reason for reason in r.reasons), r.reasons


@pytest.mark.parametrize("text", [
    "@AmazonHelp @amazon CONGRATS! You've been selected for a FREE $500 Amazon gift card claim now before it expires "
    "amzn-rewards-claim.co/gift limited spots #giveaway #amazon",
    "@agoda CHEAPEST hotel rates guaranteed!! book via our link bit.ly/cheaphotelzz2024 and get 70% OFF all hotels "
    "worldwide #travel #deals #holiday",
    "@CashApp @CashSupport if anyone here had their account hacked or money stolen DM @RecoveryKingJay on IG he got "
    "my $2,300 back in under 24hrs legit no upfront fee",
])
def test_bait_deals_and_recovery_touts_are_spam(text: str) -> None:
    r = read(text)
    assert r.spam and r.intent == "spam", r.reasons
    assert all(d.action == "no_reply" for d in drafts("parcelpop", text, range(1, 3)))


@pytest.mark.parametrize("text", [
    "@AmazonHelp my $50 gift card says already redeemed but I never used it, can you check?",
    "@agoda booked via your app and the hotel says they have no reservation for us tonight",
    "@CashApp someone hacked my account and sent $300 to a stranger, what do I do?",
])
def test_customers_with_a_real_problem_are_no_spam(text: str) -> None:
    assert not read(text).spam


@pytest.mark.parametrize(("bank", "text"), [
    ("crumb-and-co", "@Deliveroo my order turned up with half the chips gone. i can literally see a bite mark in one. "
     "order #3384 2917. give me my £4.49 back you absolute muppets"),
    ("harbour-bank", "@WellsFargo you people are actual thieves. $35 overdraft fee x3 on the same day over a $4 "
     "coffee. go to hell"),
    ("northline-rail", "@northernassist absolute fucking clowns. 3rd cancellation this week on the leeds-harrogate "
     "line. i hope whoever runs this shitshow steps on a plug every morning for the rest of their life"),
])
def test_an_insult_or_curse_beside_a_real_complaint_is_answered(bank: str, text: str) -> None:
    r = read(text)
    assert r.intent == "complaint" and r.abusive, r.reasons
    assert all(d.action != "no_reply" and d.text for d in drafts(bank, text, range(1, 3)))


@pytest.mark.parametrize("text", [
    "@northernassist absolute fucking clowns the lot of you",
    "@WellsFargo go to hell you scumbags",
    "@Deliveroo you absolute muppets, go back to school",
])
def test_insults_with_nothing_gone_wrong_stay_abuse(text: str) -> None:
    assert read(text).intent == "abuse"


def test_check_your_dms_on_a_question_says_the_dm_is_being_read() -> None:
    text = ("@UberEats driver marked my order delivered and it's nowhere. the photo he sent is of a completely "
            "different door, not even my building. $42.18 from Chipotle and the app is only offering $5 credit?? "
            "check your DMs")
    r = read(text)
    assert r.category == "late_delivery" and "check_dm" in r.asks
    for draft in drafts("crumb-and-co", text, range(1, 4)):
        assert "dm" in draft.text.lower() and "reply here" not in draft.text.lower(), draft.text


def test_a_pnr_sent_in_a_dm_is_never_asked_for_again() -> None:
    text = ("@airindia my mother is 78 and travelling alone on AI 161 London to Delhi TOMORROW. I booked wheelchair "
            "assistance 3 weeks ago but it's not showing on the booking at all. Please confirm urgently, I've sent "
            "the PNR in DM")
    assert post_conditions(text)["sent"] and "check_dm" in read(text).asks
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert "booking reference" not in draft.text and "PNR" not in draft.text, draft.text


def test_a_sarcastic_no_show_is_a_missed_visit_not_a_burn() -> None:
    text = ("thanks @XfinitySupport for the 12-4 tech window. really enjoyed sitting on my couch for 4 hours staring "
            "at the driveway. 10/10 would burn a vacation day again. tech never showed btw")
    r = read(text)
    assert "safety" not in r.urgency and r.intent == "complaint" and r.category == "booking", r.reasons
    assert post_conditions(text)["no_show"]
    for draft in drafts("tidewave", text, range(1, 4)):
        assert draft.action != "escalate" and "safe" not in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "burned through all my data in a week on your so-called unlimited plan",
    "my phone number is showing in google search and I need it gone before i explode",
])
def test_figures_of_speech_are_no_injury(text: str) -> None:
    assert "safety" not in read(text).urgency


def test_an_order_that_took_the_money_and_never_reached_the_restaurant_is_no_fraud() -> None:
    text = ("@JustEatUK your app is a steaming pile of shit, 3rd time its taken my money and not sent the order to "
            "the restaurant. sort it out")
    r = read(text)
    assert "fraud" not in r.urgency and r.category != "fraud_security", r.reasons


def test_money_taken_by_a_stranger_is_still_fraud() -> None:
    assert "fraud" in read("@JustEatUK someone has taken my money from my account through your app, I never "
                           "ordered anything").urgency


def test_an_injury_in_a_store_is_no_fraud_and_no_delight() -> None:
    text = ("@Morrisons my 78 yr old dad slipped on the wet floor by the flower stand in your Bradford Idle store this "
            "afternoon, no wet floor sign out. he's got a gash on his head and they've taken him to the BRI. staff "
            "were kind, I'll give them that, but I want to know this has been logged properly. who do I contact "
            "about an incident report?")
    r = read(text)
    assert "safety" in r.urgency and r.category != "fraud_security" and r.emotion != "delight", r.reasons


def test_bedbugs_get_the_room_treated_not_the_packaging_kept() -> None:
    text = ("@oyorooms your OYO property in Andheri East has bedbugs. my son is covered in bites all over his back. "
            "sent photos on the app 2 days ago, no reply. I want a full refund and the doctor's bill covered")
    assert post_conditions(text)["pests"]
    for draft in drafts("base", text, range(1, 5)):
        assert "packaging" not in draft.text and "room" in draft.text, draft.text


def test_a_call_asked_for_to_the_driver_is_no_callback() -> None:
    text = ("@Menulog driver's been sitting outside my building in Surry Hills for 10 mins and won't come up to the "
            "door, says it's 'policy'. I've got a broken leg mate. can someone please call him, order 71-448-302")
    r = read(text)
    assert "callback" not in r.asks, r.reasons
    for draft in drafts("crumb-and-co", text, range(1, 4)):
        assert "best number" not in draft.text and "ring you" not in draft.text, draft.text


def test_a_callback_asked_for_by_someone_locked_out_is_set_up() -> None:
    text = "can someone please call me. I am locked out of all gmail and can't sign in to get a pin to talk to someone."
    assert "callback" in read(text).asks
    for draft in drafts("loopwork", text, range(1, 4)):
        assert "call" in draft.text.lower() or "ring" in draft.text.lower(), draft.text


@pytest.mark.parametrize("text", [
    "@BarclaysUKHelp URGENT my debit card has been blocked and i'm at Faro airport, flight FR8342 home boards in 40 "
    "mins and i can't pay for anything. please help",
    "@bookingcom arrived at our 'apartment' in Lisbon at 11pm and the host says he's overbooked and we have to go "
    "somewhere else. 2 kids with us, both asleep on the suitcases. HELP",
])
def test_no_way_to_pay_or_no_bed_tonight_is_stranded(text: str) -> None:
    assert "stranded" in read(text).urgency


def test_a_knife_on_a_numbered_coach_of_a_train_gets_the_emergency_number() -> None:
    # round 191: a weapon out is a 999 call, not a text to British Transport Police
    text = ("@SouthernRailUK there's a man on the 21:14 Victoria to Brighton, coach 3, shouting at people and he just "
            "said he's got a knife. we're between Clapham Junction and East Croydon. please send someone")
    assert not post_conditions(text)["road"]
    for draft in drafts("northline-rail", text, range(1, 5)):
        assert draft.action == "escalate" and "call 999" in draft.text and "61016" not in draft.text, draft.text


def test_following_a_young_woman_and_photographing_her_is_a_threat() -> None:
    text = ("@GreylineRail man in coach C of the 21:15 Leeds-Sheffield is following a young woman between carriages "
            "and trying to take photos of her. no guard around. please send BTP")
    assert "threat" in read(text).urgency


def test_a_coach_trip_is_still_the_road() -> None:
    assert post_conditions("@NationalExpress the coach to Heathrow left 10 minutes early without us")["road"]


def test_a_verb_opening_the_post_is_not_part_of_the_name() -> None:
    r = read("@Amtrak Took Northeast Regional 171 from Penn to DC yesterday and the quiet car was anything but. "
             "Is there any way to get partial credit?")
    assert r.subject is not None and r.subject.text == "Northeast Regional 171"


def test_the_bill_asked_about_is_not_the_fault_a_reply_names() -> None:
    text = ("@EE no 4G in LS6 since tuesday. can't make calls indoors either. status checker says 'no known issues'. "
            "still nothing. do i get money off my bill for this or what")
    r = read(text)
    assert r.category == "connectivity" and r.subject is None, r.reasons
    for draft in drafts("tidewave", text, range(1, 5)):
        assert "bill" not in draft.text.split(".")[0], draft.text


@pytest.mark.parametrize(("text", "name"), [
    ("Huge thanks to Siobhán on the @AerLingus desk in Dublin T2 this morning. she walked my dad all the way to "
     "security herself. Absolute gem", "Siobhán"),
    ("Have to say the girl in the @VodafoneIreland shop on Shop St in Galway (Aoife I think?) was so patient with my "
     "dad setting up his new phone", "Aoife"),
])
def test_a_colleague_named_with_an_accent_or_a_doubt_is_thanked_by_name(text: str, name: str) -> None:
    assert read_details(text, []).staff == name


def test_i_think_alone_names_no_colleague() -> None:
    assert read_details("Monday I think the app broke again", []).staff is None


def test_a_kind_act_ending_in_respect_is_praise() -> None:
    text = ("Lady in @GreggsOfficial on Northumberland St in Newcastle gave the homeless lad outside a free coffee and "
            "a sausage roll this morning, didn't make any fuss about it. Respect")
    r = read(text)
    assert r.intent == "praise", r.reasons
    for draft in drafts("crumb-and-co", text, range(1, 4)):
        assert "sorry" not in draft.text.lower(), draft.text


def test_no_respect_is_no_praise() -> None:
    assert read("@GreggsOfficial your staff have no respect for customers, cold sausage roll again").intent != "praise"


def test_a_failed_payment_that_took_the_money_is_traced_not_declined() -> None:
    text = ("@Paytmcare UPI payment of ₹2,450 to electricity board failed but amount debited from my account. "
            "bill due tomorrow otherwise disconnection pls help fast")
    conditions = post_conditions(text)
    assert conditions["failed_debited"] and not conditions["payment_failed"]
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "declined" not in draft.text and "turned down" not in draft.text, draft.text
        assert "hb.billing_error.acknowledge.failed_debited.1" in _ids(draft)


def test_a_declined_card_is_no_failed_debit() -> None:
    assert not post_conditions("@Paytmcare my card was declined at the till, is there an outage?")["failed_debited"]


def test_a_complaint_raised_weeks_ago_is_chased_as_a_dispute() -> None:
    text = ("@HDFC_Bank complaint ref no. 0091238876 raised on 4th March for a ₹12,499 charge on my credit card from a "
            "merchant I've never used. 3 weeks, no update, and now interest is being added on top. please escalate.")
    assert post_conditions(text)["disputed"]
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "dispute" in draft.text, draft.text


def test_a_call_quoted_from_a_scam_text_is_no_callback() -> None:
    text = ("@Westpac just got a text 'Westpac: a new payee has been added to your account, if this wasn't you call us "
            "on the number below'. I didnt add anyone. is this legit or a scam? not clicking or calling anything")
    assert "callback" not in read(text).asks
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "ring you" not in draft.text and "call back" not in draft.text, draft.text


def test_calls_received_from_a_stranger_are_no_callback() -> None:
    text = ("someone from vietnam is trying to log in to my accounts. i get a call from someone in washington dc every "
            "time, they leave the same voicemail")
    assert "callback" not in read(text).asks


def test_a_callback_is_never_offered_to_someone_worried_about_a_scam() -> None:
    text = "@Westpac please call me back, I think I just gave my card details to a scammer on a fake website"
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "ring you" not in draft.text, draft.text
