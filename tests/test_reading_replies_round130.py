"""Round 130 (eighteenth stop): what 280 written sector tune posts had stopped.

- A scam that has already worked (the code read out, software installed, money gone, a contract taken out in a
  parent's name) was told "hang up if they're still on the line" or "don't reply to them": the lines now block,
  lock and start getting the money back (`post.scam_done`).
- Tracking that says delivered when nothing came was told "sorry it missed the date" (`post.marked_delivered`); an
  account frozen for a review was walked through signing in (`post.frozen`); a request rooted in an access need got
  "nice thinking" (`post.access_need`).
- A payment given only as the reason for how staff behaved is no failed payment; "yelled at my grandma" is staff
  conduct; "is the welcome bonus still running?" is a calm question, not frustration; "DMed on the 20th, no reply"
  asks us to read the DM; "an absolute gent, even waited till we got inside" is praise.
- "Sorry this is eating into your time" is gone: stopped in seven of seven reviews, a wait of 50 minutes included.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import post_conditions

SCAMS_DONE = [
    ("tidewave", "@KitelineHelp my nan (81) got a call from \"Kiteline security\" saying her account was hacked and "
                 "she read them the code from a text. now there's an iPhone 15 contract on her account she never "
                 "ordered. how do I stop this"),
    ("harbour-bank", "@RiverstoneCU someone called pretending to be you, knew my name and last 4 digits, and got me "
                     "to 'confirm' a code. $2,300 gone from checking in 10 min. please help, branch closed"),
    ("base", "got a call from \"Hopr fraud team\" who knew my name and my last trip, said my account was compromised, "
             "I read them the code from my text. now my linked card has 2 payments of £300 to gift card sites."),
    ("tidewave", "my gran got a call from \"FibreNest tech support\" saying her internet was hacked, they got her to "
                 "install something and took £900 from her bank. @FibreNest is this you?? she's 81 and terrified"),
    ("loopwork", "got a call from \"Meridian tech support\" saying my PC had a virus, they took remote control and now "
                 "£900 is gone from my bank. was that you?? @MeridianHelps"),
]
_TOO_LATE = ("hang up", "still on the line", "don't reply", "don't respond", "block the sender", "check it's genuine",
             "checking first", "before doing anything")


@pytest.mark.parametrize(("bank", "text"), SCAMS_DONE)
def test_a_scam_that_already_worked_is_met_with_blocking_and_locking_not_hang_up(bank: str, text: str) -> None:
    assert post_conditions(text)["scam_done"]
    for draft in drafts(bank, text, range(1, 5)):
        lowered = draft.text.lower()
        assert not any(w in lowered for w in _TOO_LATE), draft.text
        assert any(s.phrase_id.split(".")[-2] == "scam_done" for s in draft.stages), draft.stages


@pytest.mark.parametrize("text", [
    "got a text saying my parcel is held, is this you?",
    "someone rang me saying they are from you and asked for the code, I hung up",
    "the app will not send the code to my phone",
    "I never gave them the code but they still got in",
    "is this call really from you? they want me to read them the code",
    "I entered the code and it says invalid",
])
def test_a_scam_caught_in_time_or_a_code_that_never_came_is_no_scam_done(text: str) -> None:
    assert not post_conditions(text)["scam_done"]


def test_someone_still_on_the_phone_with_a_scammer_is_still_told_to_hang_up() -> None:
    text = ("@GlintTVhelp I'm on the phone to a guy from 'Glint TV' right now saying my subscription will be "
            "cancelled unless I pay with gift cards. is this real?? he's still on the line")
    assert not post_conditions(text)["scam_done"]
    assert all("hang up" in d.text for d in drafts("tidewave", text, range(1, 4)))


@pytest.mark.parametrize("text", [
    "@CartwheelStore parcel says 'delivered' at 14:12. i've been home all day. not at my door, not with neighbours, "
    "not in the bin. order CW-4471903",
    "@ParceloHelp my order says \"delivered\" at 14:02. I was home all day. nothing at the door, nothing with the "
    "neighbours, and the photo shows a door that isn't mine",
])
def test_tracking_that_says_delivered_is_not_answered_as_a_late_parcel(text: str) -> None:
    assert post_conditions(text)["marked_delivered"]
    for draft in drafts("parcelpop", text, range(1, 5)):
        lowered = draft.text.lower()
        assert "delivered" in lowered and not any(w in lowered for w in ("late", "missed the date", "on time",
                                                                          "the wait", "running")), draft.text


@pytest.mark.parametrize("text", ["my parcel was delivered to the wrong house", "delivered on time, thanks!",
                                  "when will it be delivered?"])
def test_delivered_words_that_do_not_say_nothing_came_are_not_marked_delivered(text: str) -> None:
    assert not post_conditions(text)["marked_delivered"]


@pytest.mark.parametrize("text", [
    "@TenpennyApp you froze my account for a 'routine review' 9 days ago. all my wages are in there. rent due "
    "friday. nobody can tell me anything",
    "@MoneyleafApp account frozen 'for a review' for 11 days with no explanation. my whole wage is in there. I "
    "can't buy food.",
])
def test_an_account_frozen_for_a_review_is_chased_not_walked_through_sign_in(text: str) -> None:
    reading = read(text)
    assert reading.category == "account_access", reading.reasons
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "review" in draft.text and "sign" not in draft.text.lower(), draft.text


def test_a_request_rooted_in_an_access_need_is_not_met_breezily() -> None:
    text = ('@VeloMetro please add a "step-free only" option to the journey planner. every route it gives me has '
            "stairs and I'm in a wheelchair")
    assert post_conditions(text)["access_need"]
    for draft in drafts("northline-rail", text, range(1, 4)):
        assert "nice thinking" not in draft.text.lower(), draft.text
        assert any(".access_need." in s.phrase_id for s in draft.stages), draft.stages


def test_a_payment_given_as_the_reason_for_how_staff_behaved_is_no_failed_payment() -> None:
    text = ("the night manager at Brookhaven Inn Leeds Central spoke to my wife like dirt because our card declined "
            "once. we paid with another. no need for that")
    assert not post_conditions(text)["payment_failed"]
    assert post_conditions("my card declined three times at checkout, what's going on")["payment_failed"]
    reading = read(text)
    assert reading.category == "rude_staff", reading.reasons
    assert all("payment" not in d.text for d in drafts("base", text, range(1, 4)))


def test_staff_who_yelled_at_a_relative_is_staff_conduct() -> None:
    reading = read("gate agent at ORD gate B9 yelled at my 78 yr old grandma for being slow boarding. she has a hip "
                   "replacement. she cried the whole flight. @AlderAir you should be ashamed")
    assert reading.category == "rude_staff", reading.reasons


def test_asking_whether_an_offer_is_still_running_is_a_calm_question() -> None:
    reading = read("@AmberlyCard is the £100 welcome bonus still running? what's the spend requirement?")
    assert reading.intent == "question" and not reading.negative, reading.reasons
    for draft in drafts("harbour-bank", "@AmberlyCard is the £100 welcome bonus still running? what's the spend "
                        "requirement?", range(1, 4)):
        assert "sorry" not in draft.text.lower(), draft.text
    assert read("the bonus still hasn't arrived, is it still running?").negative


def test_a_dm_sent_and_unanswered_asks_us_to_read_it() -> None:
    reading = read("@HopwingAir my refund for the cancelled Krakow flight (£212.40) was 'approved' on 2 Oct. still "
                   "nothing. DMed on the 20th, no reply. any update at all?")
    assert "check_dm" in reading.asks, reading.reasons


def test_a_follow_up_that_gives_its_reference_is_not_asked_for_a_summary_again() -> None:
    text = ("@LarkspurRail I sent the photos of the broken seat that ripped my coat like you asked. heard nothing "
            "since. ref LR-55102")
    for draft in drafts("northline-rail", text, range(1, 4)):
        assert "summary" not in draft.text and "LR-55102" in draft.text, draft.text


def test_clear_praise_outweighs_one_middling_word_of_bad_feeling() -> None:
    reading = read("my GoCab driver Tony was an absolute gent, helped me with 3 suitcases and my grandad's "
                   "wheelchair, even waited till we got inside. 5 stars isn't enough @GoCabApp")
    assert reading.intent == "praise", reading.reasons
    # two words of bad feeling are more than one middling word
    assert read("an absolute gent but we waited ages again and it was useless").intent != "praise"


def test_meat_served_to_someone_who_does_not_eat_it_is_a_serious_mistake_not_a_letdown() -> None:
    text = "ORDERED VEGGIE BURGER. GOT A BEEF ONE. I'M VEGETARIAN AND I BIT INTO IT. @SmokestackBBQ SORT IT OUT"
    assert post_conditions(text)["dietary"]
    assert not post_conditions("ordered a veggie burger and it was cold")["dietary"]
    for draft in drafts("crumb-and-co", text, range(1, 4)):
        assert "letdown" not in draft.text and any(".dietary." in s.phrase_id for s in draft.stages), draft.text


def test_a_late_train_putting_the_last_connection_at_risk_is_told_they_will_get_home() -> None:
    text = ("@FenmarchTrains can you hold the 22:40 to Ely for 5 mins? our train is running 6 late into Cambridge and "
            "it's the last one home")
    assert post_conditions(text)["connection"]
    for draft in drafts("northline-rail", text, range(1, 4)):
        assert any(".connection." in s.phrase_id for s in draft.stages), draft.text


def test_a_fault_that_happens_every_day_is_not_sorry_for_this_one() -> None:
    text = ("Southcoast: we apologise for the delay to your journey. Me: you apologise every single day. "
            "@SouthcoastRail")
    assert post_conditions(text)["recurring"]
    for draft in drafts("northline-rail", text, range(1, 8)):
        assert "this one" not in draft.text and "this time" not in draft.text, draft.text


def test_a_fee_the_post_says_should_not_apply_is_checked_not_passed_on_as_price_feedback() -> None:
    text = ('@AmberlyCard why is there a £3 "non-sterling transaction fee" on a payment to a UK website? it\'s a UK '
            "company in pounds")
    assert not post_conditions(text)["pricing"]
    assert all("prices" not in d.text for d in drafts("harbour-bank", text, range(1, 4)))


def test_just_close_it_please_is_a_request_to_close_the_account() -> None:
    text = ("@PennantCard closing my account after 11 years, hold time was 2 hrs and the rep tried 3 times to sell me "
            "a different card. just close it please")
    assert "cancel" in read(text).asks
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "close it for you" in draft.text, draft.text
        assert draft.text.split()[0] in ("Sorry", "I'm", "That's"), draft.text  # the wait is owned first


@pytest.mark.parametrize("text", ["Are online services down for GTA5 (Xbox 1)?", "is xbox live down?"])
def test_asking_whether_a_service_is_down_is_a_calm_question(text: str) -> None:
    reading = read(text)
    assert not reading.negative, reading.reasons
    assert all("disruption" not in d.text for d in drafts("loopwork", text, range(1, 4)))


def test_a_service_down_again_is_still_a_complaint() -> None:
    assert read("is the app down again?? third time this week").negative


def test_people_smoking_are_no_product_on_fire() -> None:
    reading = read("someone was smoking weed on our corridor at Staywell Cardiff all night and the night manager said "
                   "'not much I can do'. my kids are 5 and 7 @StaywellHotels")
    assert reading.category != "product_defect", reading.reasons
    assert read("my new laptop charger started smoking and melted last night").category == "product_defect"


@pytest.mark.parametrize("text", [
    "asked for no substitutions and got oat milk instead of semi skimmed, veggie mince instead of chicken and a "
    "birthday card instead of a loaf. i'm not even joking @PantryAndCo",
    "can you add more vegetarian options? the menu is all chicken and beef",
])
def test_a_veggie_word_beside_a_meat_word_is_no_meat_served_to_a_vegetarian(text: str) -> None:
    assert not post_conditions(text)["dietary"]


@pytest.mark.parametrize("text", ["ordered the vegan wrap and it came with chicken in it",
                                  "my daughter is vegan and they put bacon on her burger"])
def test_a_meat_free_order_or_diet_with_meat_in_it_is_meat_served(text: str) -> None:
    assert post_conditions(text)["dietary"]


@pytest.mark.parametrize("text", [
    "@TidewaterAir paid £38 for an extra legroom seat and got moved to 27B without a word. want that fee back",
    "@KettleCrumb £3.95 for a sausage roll that was still frozen in the middle. ice cold. Ludlow branch this morning",
    '@DailyGrindCafe i was charged £6 for a single latte?? receipt says "large" i asked for a small',
])
def test_a_charge_or_a_meal_gone_wrong_is_not_feedback_on_the_price(text: str) -> None:
    assert not post_conditions(text)["pricing"]


def test_a_price_rise_is_still_feedback_on_the_price() -> None:
    assert post_conditions("£5.20 for a flat white at Cobble Coffee now?? it was £3.60 last year. same cup")["pricing"]


def test_someone_who_waited_for_the_customer_is_praised_not_complained_about() -> None:
    reading = read("@BriskBuses the driver on the 42 waited for me when he saw me running, what a star")
    assert reading.intent == "praise", reading.reasons
    assert read("I waited for 2 hours at the stop and the 42 never came").intent != "praise"


def test_insults_with_no_problem_read_are_abuse_not_a_fair_complaint() -> None:
    text = "@KingfisherRail your staff are knuckle-dragging idiots who couldn't run a bath let alone a railway"
    reading = read(text)
    assert reading.intent == "abuse", reading.reasons
    assert all(d.action == "no_reply" and "fair" not in d.text for d in drafts("northline-rail", text, range(1, 3)))
    # an insult beside a problem read surely stays a complaint to answer
    assert read("your staff are idiots, charged me twice for my ticket and the refund still has not arrived after 3 "
                "weeks").intent == "complaint"


def test_a_distressed_traveller_is_acknowledged_before_being_asked_where_they_are() -> None:
    text = ("they've lost my car seat. I'm at baggage claim in Charlotte with a 1 year old and no way to legally drive "
            "her home. @CopperlineAir please someone help")
    for draft in drafts("northwind-air", text, range(1, 4)):
        assert draft.text.startswith("I'm so sorry"), draft.text


def test_miles_that_have_not_shown_up_on_the_account_are_loyalty_not_a_late_parcel() -> None:
    reading = read("the miles from my Lisbon flight last month still haven't shown up on my account @NorthwindAir")
    assert reading.category == "loyalty", reading.reasons
    assert read("my parcel still hasn't shown up, it was due monday").category == "late_delivery"
