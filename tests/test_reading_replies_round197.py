"""Round 197 (thirty-third stop): what round 197's reviewers stopped (254 fresh posts by writers yq-yt).

Thanks for a crew member who calmed a child "terrified in the turbulence" met with a safety script; a gripe after a
colleague's thanks ("shame it took 3 calls 🙃") read as sarcasm about the thanks; a driver who "waited for my nan to
get her walker on" read as a wait; a complaint with one kind word on the way ("Crew were lovely and apologetic
but...") thanked; the weights' praise for a 23-day repair saga; "is the Extra still open 24hrs or not? google says one
thing" met with "sorry for the mixed messages, DM us"; a rat on the subway escalated as a danger; real grievances
under an insult ("9 hour delay", "4th outage this week") left unanswered; questions about a membership answered with
order lines; details the post already gave asked for again.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.concentrate.details import read_details
from carevoice.concentrate.pii import find_pii
from carevoice.variables import post_conditions


def test_thanks_for_calming_a_frightened_child_is_praise() -> None:
    text = ("Just wanted to say thank you to the crew on VS3 Heathrow to JFK yesterday, especially Marcus. My son (7) "
            "was flying for the first time and was terrified in the turbulence over Ireland, Marcus sat with him for "
            "ages and gave him a pilot badge. @VirginAtlantic")
    assert read(text).intent == "praise"
    for d in drafts("northwind-air", text, range(1, 4)):
        assert "unsafe" not in d.text and "police" not in d.text, d.text


def test_fear_beside_a_fraud_is_no_threat_but_a_man_grabbing_is() -> None:
    fraud = ("@AskNationwide my mum has dementia and I think someone rang her pretending to be you and she gave them "
             "her card details. I'm terrified they've emptied it")
    assert "threat" not in read(fraud).urgency
    assert "fraud" in read(fraud).urgency
    grabbing = ("man in row 14 was drunk from takeoff and kept grabbing at the girl next to him, she was clearly "
                "terrified. she looked about 17 and was travelling alone @easyJet")
    assert "threat" in read(grabbing).urgency


@pytest.mark.parametrize("text", [
    "@TUIUK you lot are actual scumbags. 9 hour delay at Cardiff, no food vouchers, no info. sort yourselves out",
    "@Xfinity worst f***ing company on earth. 4th outage this week in Sugar Land. I WORK FROM HOME. clowns",
])
def test_a_grievance_under_an_insult_is_answered(text: str) -> None:
    assert read(text).intent == "complaint"


def test_an_insult_alone_is_still_not_answered_as_a_complaint() -> None:
    text = "your station staff are useless, lazy and thick as mince. every single one of them. @MeridianRail"
    assert all(d.action in ("needs_agent", "no_reply") for d in drafts("northline-rail", text, range(1, 3)))


def test_an_eye_roll_at_the_gripe_after_a_colleagues_thanks() -> None:
    text = ("@EE massive thanks to Callum at the Leeds Trinity store who moved everything to my new phone in 10 mins. "
            "shame it took 3 calls to your helpline before that just to be told 'go in store' 🙃")
    assert read(text).intent == "praise"
    assert read("@EE thanks to Callum for the 'help' 🙃 three calls and still no signal").intent != "praise"


@pytest.mark.parametrize("text", [
    "@cardiffbus the driver on the 61 at 8.15 this morning waited for my nan to get her walker on and sit down "
    "before pulling off, proper gent, please pass it on. also the app said 'due' for 14 minutes so maybe have a look",
    "@SupermacsIRL the Eyre Square one at 2am after the races is a public service. lads behind the counter were "
    "flying it. only thing is the curry chips were a bit light on curry, sort that and ye're perfect",
])
def test_kindness_told_plainly_is_praise(text: str) -> None:
    assert read(text).intent == "praise"


def test_slower_than_dial_up_is_sarcasm() -> None:
    text = "@Optus thanks for the 5G upgrade, it's now slower than my nan's dial up. 10/10 innovation"
    assert read(text).intent == "complaint"


def test_the_weights_praise_gives_way_to_a_saga_with_no_kind_word() -> None:
    saga = ("@BestBuySupport ok so geek squad has had my laptop for 23 days now at the Meyerland store. it was "
            "supposed to be a screen replacement, 5-7 days they said. every single time I call it's 'waiting on "
            "parts'. put me on hold for 20 min and then the call dropped. I have finals next week")
    assert read(saga).intent == "complaint"
    kind = ("Pizza arrived in 18 mins, still piping hot, extra garlic dip without asking. @NonnasPizza you've ruined "
            "all other pizza for me")
    assert read(kind).intent == "praise"


def test_a_kind_word_on_the_way_through_trouble_is_no_praise() -> None:
    text = ("@airindia flew AI162 Heathrow to Delhi on the 14th, business class seat 2A, recline broken, tray table "
            "held together with tape, reading light dead. Crew were lovely and apologetic but said it has been "
            "'reported many times'. Is there any compensation process")
    assert read(text).intent == "complaint"
    assert all("kind words" not in d.text for d in drafts("northwind-air", text, range(1, 4)))
    sorted_out = ("Got charged twice at a wee cafe in Portree and @StarlingBank had it sorted in the chat in "
                  "literally 4 minutes. why can't every bank be like this")
    assert read(sorted_out).intent == "praise"


@pytest.mark.parametrize("text", [
    "@Tesco is the Extra in Milton Keynes still open 24hrs or not? google says one thing, your website says another "
    "and I'm on nights this week",
    "@AIB_Ireland is the Ranelagh branch actually closing or is that a rumour? my nan goes in every Thursday and "
    "won't touch the app, just want to know where she'd have to go",
])
def test_a_post_that_opens_asking_with_no_feeling_asks(text: str) -> None:
    assert read(text).intent == "question"


def test_a_complaint_that_opens_asking_still_complains() -> None:
    assert read("@BNZ is the app down AGAIN?? third time this week, this is a joke").intent == "complaint"


def test_a_membership_question_is_not_answered_with_order_lines() -> None:
    text = ("@Costco is the membership fee refundable if I cancel 8 months in? moved from Lubbock to Alpine TX and "
            "the closest warehouse is basically in another country now")
    for d in drafts("parcelpop", text, range(1, 5)):
        assert "order" not in d.text.lower(), d.text


def test_no_guess_at_an_overdraft_unless_one_is_named() -> None:
    text = ("@KudaBank pls how many free transfers do I get a month now? app says 25 but I've been charged N10 on "
            "like 4 transfers this month")
    for d in drafts("harbour-bank", text, range(1, 7)):
        assert "overdraft" not in d.text, d.text
    assert post_conditions("£25 overdraft fee again")["overdraft"]


@pytest.mark.parametrize("text", [
    "@NYCTSubway there's a rat on the downtown 6 at 51st st riding like he has an unlimited monthly. just wanted you "
    "to know he's doing great",
    "@marksandspencer the new Percy Pig flavour is an abomination and I've eaten the whole bag to be sure. please "
    "advise",
])
def test_a_joke_with_no_question_mark_is_banter(text: str) -> None:
    reading = read(text)
    assert reading.intent == "banter"
    assert not reading.urgency


def test_a_roast_asked_for_is_left_to_the_team() -> None:
    assert all(d.action == "needs_agent" for d in drafts("crumb-and-co", "@Wendys roast my ex, he thinks the frosty "
                                                          "is overrated", range(1, 3)))
    assert read("@Wendys roast my ex, he thinks the frosty is overrated").category != "billing_error"


def test_a_chain_message_promo_is_spam() -> None:
    text = ("@MTNNG Get FREE 50GB data now!! just dial *346*7781# and share this to 10 WhatsApp groups. MTN 30th "
            "anniversary promo, ends tonight")
    assert read(text).intent == "spam"


def test_a_hidden_camera_left_behind_is_for_the_police_not_a_doctor() -> None:
    text = ("@AirbnbHelp urgent - found what looks like a camera inside the smoke alarm in the bedroom of the place "
            "we're staying in Tenby, pointing at the bed. we've left and are sat in the car. call the police first?")
    for d in drafts("base", text, range(1, 4)):
        assert "medical help" not in d.text and "police" in d.text, d.text


def test_left_outside_a_closed_station_at_night_is_stranded() -> None:
    text = ("@GreyhoundBus it is 2:05am and I'm sitting outside the San Antonio station because the 12:50 to Laredo "
            "never came, no sign, no text, station closed. phone at 9%. Is another bus coming or not??")
    assert "stranded" in read(text).urgency
    assert read_details(text, find_pii(text)).time == "12:50"
    for d in drafts("northline-rail", text, range(1, 4)):
        assert "Delay Repay" not in d.text and "2:05" not in d.text, d.text


def test_a_short_order_number_after_a_hash() -> None:
    assert read_details("order #9A41 from Five Guys came 55 mins late", []).order_id == "9A41"


@pytest.mark.parametrize(("bank", "text", "asked"), [
    ("crumb-and-co", "@Dominos_UK rang the Mumbles store tonight and asked if the cookies were nut free, they said "
     "yes. my daughter has come out in hives and we're in Morriston A&E now", "where and when you ate"),
    ("parcelpop", "@AldiUK found a sharp piece of blue plastic in the chicken kiev my son was eating tonight. he's ok "
     "but it cut his gum. bought at the Chorlton store. I've kept the packaging", "where you bought it"),
])
def test_where_it_happened_is_not_asked_again(bank: str, text: str, asked: str) -> None:
    for d in drafts(bank, text, range(1, 4)):
        assert asked not in d.text, d.text


def test_a_plan_ahead_question_about_cabin_bags_is_no_apology() -> None:
    text = ("kia ora @FlyAirNZ quick one - on a seat only fare WLG-CHC can i bring my tramping pack as carry on? its "
            "about 9kg. dont want to get pinged at the gate on friday")
    reading = read(text)
    assert (reading.intent, reading.category) == ("question", "general_question")


def test_a_care_alarm_read_in_no_situation_gets_the_repair_first() -> None:
    text = ("@SparkNZ no mobile signal anywhere in Raglan since the storm last night, whole town is out. any ETA? my "
            "neighbour is 91 and her medical alarm runs off your network")
    assert any("alarm" in d.text for d in drafts("tidewave", text, range(1, 4)))


def test_a_named_train_is_not_asked_for_again() -> None:
    text = ("@tfwrail two carriages on the 11:30 Shrewsbury to Aber, people crammed in the vestibules, and a woman "
            "collapsed just past Machynlleth because it was about 30 degrees")
    for d in drafts("northline-rail", text, range(1, 4)):
        assert "train time" not in d.text and "which train" not in d.text.lower(), d.text


def test_very_poor_service_is_not_a_network_fault() -> None:
    text = ("@AmazonHelp refund for order 408-7712093-4418723 still not credited. Return picked up on 3rd, today is "
            "15th. I have waited 48 hours six times now. very poor service")
    assert read(text).category == "refund_status"


def test_a_curse_of_being_stuck_somewhere_strands_no_one() -> None:
    text = ("@WestJet third cancelled flight this winter. hope every one of your execs gets stuck in Regina at -40 "
            "with a $12 meal voucher")
    assert "stranded" not in read(text).urgency


def test_a_menace_on_a_named_train_keeps_the_police_line() -> None:
    text = ("there's a man on the 21:30 Wexmoor from Leeds following a teenage girl through the carriages, she looks "
            "terrified. coach C, heading towards the back. no guard anywhere. @WexmoorRail please get someone on this")
    assert any("61016" in d.text or "999" in d.text for d in drafts("northline-rail", text, range(1, 4)))
