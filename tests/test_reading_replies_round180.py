"""Round 180 (thirtieth stop): what round 180's reviewers stopped (a3e5702, 254 fresh posts by writers q-t).

The worst were dangers read as service gripes: a drunk passenger grabbing a woman on a flight, a lad "kicking off" at
a woman and her child on a train, Zelle payments to strangers, an account "emptied" in card payments, a baby bath
seat that tipped over, a phone line hanging across a road, a mother who slipped on a spill. Beside them: claims,
unlock and prize touts answered as customers, a Kannada and an Irish post answered in English, a child's
concession card read as a concussion, "it's a scam and you know it" read as fraud, people smoking read as a fire.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reading_helpers import drafts, read

from carevoice.concentrate.pii import find_pii
from carevoice.variables import post_conditions

# --- dangers that were read as service complaints ---------------------------------------------------------------


@pytest.mark.parametrize("text, urgency", [
    ("@AerLingus on EI135 Dublin to Boston right now. man in 22D is very drunk and has grabbed the woman across the "
     "aisle twice. crew know but he's still sitting there. can someone be waiting when we land", "threat"),
    ("@northernrailorg there's a lad kicking off in coach C on the 17:42 from Leeds, shouting at a woman and her kid, "
     "no guard anywhere. what do we do", "threat"),
    ("@united passenger in 23C on UA863 SFO-SYD is drunk and has been shoving the woman next to him, crew seem "
     "stretched. please do something", "threat"),
    ("@Luas gang of lads on the red line at Abbey St just now smoking and kicking the doors, a woman with a buggy got "
     "off in tears. where is security??", "threat"),
    ("@WalmartCanada urgent - theres a man in the parking lot following women back to their cars and shouting",
     "threat"),
    ("@ChaseSupport someone just took $2,340 out of my checking in 4 Zelle payments in the last hour to people i've "
     "never heard of. this is my rent please help", "fraud"),
    ("@RevolutApp URGENT my account was just emptied €2,340 in 4 card payments to some site in Lithuania in the last "
     "20 mins. I need a human NOW", "fraud"),
    ("@kmartaus URGENT the baby bath seat tipped over with my 8 month old in it tonight, the suction cups just let "
     "go. she's ok but she went under for a second. please pull these before a baby gets hurt", "safety"),
    ("@ATTHelp there's an AT&T line hanging across Maple Ave in Glenview at about chest height after the storm, cars "
     "are swerving around it. called 911 already", "safety"),
    ("@SuperValuIRL my mother (79) slipped on a spill by the dairy fridges this morning, no wet floor sign. Shes gone "
     "for an xray on her wrist now. Who do I contact about this?", "safety"),
    ("Great to see @JustEatUK still listing a place with a 1 star hygiene rating. Found a hair AND a plaster in my "
     "chicken korma from Spice Lounge Bolton. Lovely.", "safety"),
    ("@CalMac_Updates 15:30 Oban - Craignure cancelled. my mother in law is on Mull and has dialysis at Oban hospital "
     "9am tomorrow, she can't miss it. is there any priority for medical?", "vulnerable"),
    ("@airindia THIRD time tagging you. Bag missing since AI 162. My mother's BP and diabetes medicines are in that "
     "bag and she is 71. Will anyone actually reply this time???", "vulnerable"),
])
def test_a_danger_is_read(text: str, urgency: str) -> None:
    r = read(text)
    assert urgency in r.urgency and r.intent == "danger", r.reasons


def test_a_drunk_passenger_grabbing_a_woman_is_no_staff_conduct() -> None:
    text = ("@AerLingus on EI135 Dublin to Boston right now. man in 22D is very drunk and has grabbed the woman across "
            "the aisle twice. crew know but he's still sitting there. can someone be waiting when we land")
    assert read(text).category == "flight_disruption"
    for d in drafts("northwind-air", text, range(1, 4)):
        assert d.action == "escalate" and "working for us" not in d.text, d.text


def test_a_line_across_a_road_already_called_in_gets_no_call_911() -> None:
    text = ("@ATTHelp there's an AT&T line hanging across Maple Ave in Glenview at about chest height after the storm, "
            "cars are swerving around it. called 911 already but letting you know too, been like this 2 hrs")
    conditions = post_conditions(text)
    assert conditions["cable"] and conditions["help_coming"]
    for d in drafts("tidewave", text, range(1, 4)):
        assert "call 911" not in d.text.lower() and "getting help" not in d.text, d.text


def test_a_product_that_nearly_hurt_a_baby_who_is_fine_is_put_away() -> None:
    text = ("@kmartaus URGENT the baby bath seat (white and grey one, bought at Kmart Penrith in Feb) tipped over with "
            "my 8 month old in it tonight, the suction cups just let go. she's ok but she went under for a second. "
            "please pull these before a baby gets hurt. I have photos")
    assert read(text).category == "product_defect"
    for d in drafts("parcelpop", text, range(1, 4)):
        assert d.action == "escalate" and "stop using" in d.text.lower(), d.text
        assert "doctor" not in d.text and "medical help" not in d.text, d.text


def test_an_injury_this_morning_gets_no_passenger_alarm_now() -> None:
    text = ("@NYCTSubway the gap at 14 St-Union Sq downtown 4/5 platform is insane. my mom's foot went straight down "
            "it this morning. she's ok-ish but bleeding and her ankle is swelling up. who do we even report this to")
    assert post_conditions(text)["earlier"] and not post_conditions(text)["all_ok"]
    for d in drafts("northline-rail", text, range(1, 4)):
        assert "alarm" not in d.text and "remove" not in d.text, d.text


def test_a_subway_station_is_no_street_address() -> None:
    assert find_pii("the gap at 14 St-Union Sq downtown 4/5 platform is insane") == ()
    assert [m.text for m in find_pii("I'm at 14 St Marys Road if the driver needs it")] == ["14 St Marys Road"]


def test_dms_already_sent_are_not_asked_for_again_in_a_danger() -> None:
    text = ("@British_Airways third time asking. Ref GLABA24118. Bag lost on BA1464 Heathrow to Glasgow, 11 days now. "
            "I've DMed twice. Nothing. It has my insulin pen spares in it fyi")
    for d in drafts("northwind-air", text, range(1, 5)):
        assert "send us a DM" not in d.text and "DM us" not in d.text, d.text


@pytest.mark.parametrize("text", [
    "@IndiGo6E 6E 2134 BLR-DEL delayed 3 hrs now, not one announcement at gate 14, no water no snacks nothing. is "
    "there any compensation for this",
    "@Ryanair €55 to print a boarding pass because YOUR app crashed while I was standing IN THE QUEUE. I want that "
    "refunded, it's a scam and you know it",
    "@LTAsg hi, my son turns 7 next month, does he still need the child concession card to take MRT free?",
])
def test_no_danger_where_there_is_none(text: str) -> None:
    r = read(text)
    assert r.intent != "danger" and not r.urgency, r.reasons


def test_a_charger_that_started_smoking_is_still_a_fire_risk() -> None:
    r = read("phone charger from the @ShopKart marketplace started smoking and melted into the sofa. if I'd been "
             "asleep... 😳")
    assert "safety" in r.urgency and r.intent == "danger", r.reasons


# --- spam -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "@KLM Flight delayed?? Get Your Compensation FAST!! 100% guaranteed ✅✅ we recover €600 from ANY airline, no win "
    "no fee. DM us now or whatsapp +44 7700 900418 #KLM #flightdelay",
    "@VodafoneUK 📲 need unlimited data cheap?? we unlock ANY phone ANY network £9.99 guaranteed ✅ whatsapp "
    "+44 7418 220193 🔓🔓",
    "@Target 🎁 CONGRATS you've been selected for a $500 Target gift card!! claim before midnight ➡️ "
    "bit.ly/tgt-reward500 #giveaway",
    "@AskNationwide I lost £18,000 to a scam and got EVERYTHING back thanks to @FundsRecoveryPro_ they are legit "
    "100% DM them now don't wait!!! 💯💯",
    "@O2 follow me for follow back 🔥🔥 check my bio for FREE iPhone 15 giveaway ends tonight!!! 📱 #O2",
])
def test_touts_and_bait_are_spam(text: str) -> None:
    r = read(text)
    assert r.spam and r.intent == "spam", r.reasons


@pytest.mark.parametrize("text", [
    "I lost £900 to a scam caller pretending to be you, can you help me get it back?",
    "congrats on the new store opening in Leeds, can't wait to visit",
    "can you unlock my phone? bought it from you in 2019 and I'm moving network",
])
def test_customers_are_no_spam(text: str) -> None:
    assert not read(text).spam


# --- languages ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, language", [
    ("@OfficialBMRCL ಮೆಜೆಸ್ಟಿಕ್ ನಿಲ್ದಾಣದಲ್ಲಿ ಲಿಫ್ಟ್ ಮೂರು ದಿನದಿಂದ ಕೆಲಸ ಮಾಡ್ತಿಲ್ಲ", "kn"),
    ("@ThreeIreland Níl aon chomhartha agam i gCarna le trí lá anois. An bhfuil fadhb leis an mast?", "ga"),
    ("@buseireann An bhfuil an bus 51 ó Ghaillimh go Corcaigh ag rith inniu? Go raibh maith agaibh", "ga"),
    ("മൂന്ന് ദിവസമായി ഇന്റർനെറ്റ് ഇല്ല", "ml"),
    ("మూడు రోజులుగా ఇంటర్నెట్ లేదు", "te"),
])
def test_other_languages_are_read(text: str, language: str) -> None:
    r = read(text)
    assert r.language == language and r.intent == "other_language", r.reasons


@pytest.mark.parametrize("text", [
    "is there any sin in wanting my refund? it's been 3 weeks",
    "the seo on your site is so bad I can't find the returns page",
])
def test_english_with_a_word_that_is_also_irish_stays_english(text: str) -> None:
    assert read(text).language == "en"


# --- jokes, questions and kind words --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "@Costco went in for milk. left with a kayak, 48 croissants and a 6 pack of socks. $412. this is a hostage "
    "situation",
])
def test_a_joke_at_the_customers_own_expense_is_banter(text: str) -> None:
    assert read(text).intent == "banter"


def test_a_joke_that_asks_where_the_money_is_is_a_complaint() -> None:
    r = read("@Chime 'get paid up to 2 days early' more like up to 2 days late lol. employer says DD went out "
             "tuesday, its friday. where is it")
    assert r.intent == "complaint", r.reasons


def test_a_wheelchair_question_is_no_problem_to_apologise_for() -> None:
    text = ("Hi @emirates travelling DXB to Glasgow in December with my dad who is 87, he can walk a bit but not long "
            "distances. how do I book wheelchair assistance at both ends? the booking is under his name not mine "
            "if that matters. thanks")
    assert not read(text).negative
    for d in drafts("northwind-air", text, range(1, 4)):
        assert not d.text.startswith("Sorry"), d.text


def test_a_kind_word_inside_a_cancellation_saga_is_no_praise_turned() -> None:
    text = ("@SkyHelpTeam right so I want to cancel Sky Sports but keep the rest of my package, and I tried the app "
            "which sent me to the website which said call, and then on the call the automated woman kept asking me "
            "what I was calling about and she put me through to broadband?? then that person was lovely actually but "
            "said she couldn't do it and transferred me and it cut off. can someone just DM me and do it please")
    for d in drafts("tidewave", text, range(1, 4)):
        assert "kind words" not in d.text, d.text


def test_an_engagement_ring_found_is_no_occasion() -> None:
    text = ("Huge thank you to Aoife on the tills in @DunnesStores Cornelscourt yesterday evening. My mam dropped her "
            "engagement ring in the bag packing area and Aoife spent 20 mins on her knees finding it. Please make "
            "sure her manager sees this 💚")
    assert not post_conditions(text)["occasion"]
    for d in drafts("parcelpop", text, range(1, 4)):
        assert "booking reference" not in d.text, d.text


# --- stranded at a hotel at night ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "@makemytrip booked hotel in Calangute Goa through you, hotel saying booking not received. Standing at reception "
    "with my parents and kids since 1 hour. pls resolve urgently",
    "@agoda booked hotel in Bangkok through you, reach there at 10pm they say no reservation. Paid SGD 312 already!!",
    "@bookingcom arrived and the place says they have no record of my booking and they're full. we're now sitting "
    "in the car at 10pm with the dog",
])
def test_turned_away_at_night_is_stranded(text: str) -> None:
    assert "stranded" in read(text).urgency


@given(st.text(max_size=300))
def test_post_conditions_hold_for_any_text(text: str) -> None:
    conditions = post_conditions(text)
    assert set(conditions) >= {"earlier", "all_ok", "cable", "occasion"}
    assert all(isinstance(v, bool) for v in conditions.values())


# --- lines that ask what the post already says ------------------------------------------------------------------


def test_a_machine_down_gets_the_manager_not_a_photo_and_order_number() -> None:
    text = ("@McDonaldsUK ice cream machine at the Paisley Road West one broken AGAIN. shocked. stunned. never seen "
            "this before in my life.")
    r = read(text)
    assert r.sarcasm and r.intent == "complaint", r.reasons
    assert post_conditions(text)["machine_down"]
    for d in drafts("crumb-and-co", text, range(1, 4)):
        assert "manager" in d.text and "photo" not in d.text and "order number" not in d.text, d.text


@pytest.mark.parametrize("text, down", [
    ("the shake machine is out of order again", True),
    ("coffee machine not working at the Leeds branch", True),
    ("my coffee was cold", False),
    ("the machine ate my card", False),
])
def test_machine_down(text: str, down: bool) -> None:
    assert post_conditions(text)["machine_down"] is down


def test_no_mobile_data_is_not_asked_calls_texts_or_data() -> None:
    text = "@Telstra no mobile data in Bendigo since about 7am, is there an outage? 5 bars but nothing loads"
    assert post_conditions(text)["which_service"]
    for d in drafts("tidewave", text, range(1, 5)):
        assert "calls, texts, data" not in d.text and "broadband, mobile or both" not in d.text, d.text


# --- round 181's reviews (writers u-x, drafted at 9cd780e) ------------------------------------------------------


@pytest.mark.parametrize("text, urgency", [
    ("@Metrorail_WC central line train between Philippi and Nyanga RIGHT NOW 3 guys with knives robbing people in "
     "the back coach. no security on the train at all", "threat"),
    ("@Walmart freezer door just shattered at store #2291, glass all over aisle 14 and theres kids walking thru it in "
     "flip flops. someone is going to get hurt, please call the store NOW", "safety"),
    ("@dublinbusnews the driver on the 39A this morning closed the doors on my 12 year old's arm and drove off "
     "laughing", "safety"),
    ("@airindia AI302 Sydney to Delhi was due 10am, it's now 7pm and we are STILL at the gate. no food vouchers no "
     "info no staff. elderly passengers lying on the floor. someone please respond", "vulnerable"),
    ("@BofA_Help I'm at JFK about to board DL 48 to Lagos and my debit card is getting declined everywhere. I have no "
     "other card on me. boarding in 50 min, please unblock it", "stranded"),
])
def test_more_dangers_are_read(text: str, urgency: str) -> None:
    assert urgency in read(text).urgency


def test_an_injury_with_kind_staff_is_no_thanks() -> None:
    text = ("@TfL my mum fell on the down escalator at Bank (Northern line) about 20 min ago, it jolted and stopped "
            "suddenly. staff were lovely and helped her but her wrist looks broken and we're heading to the Royal "
            "London now. who do we report this to properly? she's 71")
    r = read(text)
    assert r.intent == "danger" and "safety" in r.urgency, r.reasons
    assert post_conditions(text)["earlier"]
    for d in drafts("northline-rail", text, range(1, 4)):
        assert "shout-out" not in d.text and "alarm" not in d.text, d.text


def test_a_robbery_in_cape_town_gets_no_british_transport_police() -> None:
    text = ("@Metrorail_WC central line train between Philippi and Nyanga RIGHT NOW 3 guys with knives robbing people "
            "in the back coach. no security on the train at all. please send someone to Nyanga station now")
    for d in drafts("northline-rail", text, range(1, 4)):
        assert "61016" not in d.text and "999" not in d.text and "Delay Repay" not in d.text, d.text


@pytest.mark.parametrize("text", [
    "@CashSupport Im giving back to the community!! 🙏 first 100 people to send $50 to $blessedmike2024 get $500 back "
    "in 1hr 💸💸 comment DONE when sent",
    "@CashApp I can help you recover your lost funds!! Contact our verified support agent on WhatsApp 💯 fast response "
    "guaranteed ✅✅",
])
def test_flips_and_recovery_touts_are_spam(text: str) -> None:
    assert read(text).spam


def test_sarcastic_thanks_for_a_price_rise_is_a_complaint() -> None:
    r = read("thank you @Ask_Spectrum for raising my bill $15 a month and in exchange giving me absolutely nothing. "
             "truly a partnership")
    assert r.intent == "complaint" and r.sarcasm, r.reasons


def test_afrikaans_is_another_language() -> None:
    r = read("@FlyLIFT goeiemiddag, is dit moontlik om my vlug na Vrydag te skuif sonder die wysigingsfooi? My ma is "
             "gisteraand hospitaal toe geneem in Kaapstad. Dankie")
    assert r.language == "af" and r.intent == "other_language", r.reasons


def test_one_kind_word_in_a_story_of_trouble_is_a_complaint() -> None:
    r = read("@British_Airways Flew BA15 LHR to SYD last week, a birthday trip for my wife. Seat 11A wouldn't recline "
             "so she sat bolt upright for 13 hours. The crew were lovely and moved us but the only free seats were "
             "rows apart. Then one of our bags didn't make it, turned up 3 days later with the zip busted. Filled in "
             "the form online, got an auto reply, then nothing. Who do I actually talk to?")
    assert r.intent == "complaint", r.reasons


def test_a_colleague_at_a_named_place_is_the_colleague() -> None:
    r = read("Priya at @wagamama_uk Cabot Circus is a gem, sorted my coeliac sister and checked everything twice. "
             "10/10. only gripe is it's so loud in there")
    assert r.details.staff == "Priya"


@pytest.mark.parametrize("text", [
    "@IHG Holiday Inn Express Glasgow Airport is an absolute sh*thole. mould in the shower, hair on the pillow, and "
    "the night manager is a smug little prick who laughed in my face. never again you clowns",
    "@Ask_WellsFargo you absolute fucking clowns. closed my account after 11 years with zero warning and now want me "
    "to 'visit a branch' 2 hrs away",
])
def test_a_grievance_under_the_insults_gets_a_reply(text: str) -> None:
    r = read(text)
    assert r.intent == "complaint", r.reasons


def test_a_late_pizza_on_the_tracker_is_a_late_delivery() -> None:
    assert read("@dominos_au pizza tracker says Josh put my pizza in the oven at 6:42. it's 8:10. where is josh. is "
                "josh ok").category == "late_delivery"


# --- round 183's reviews (writers y-b, drafted at 4f0642f) ------------------------------------------------------


def test_a_threat_quoted_from_a_courier_is_a_danger_not_abuse() -> None:
    text = ("@UberEats your driver just threatened me on my doorstep because I asked why my drink was missing. said "
            "'I know where you live now'. I'm on my own with my kids. I need this dealt with")
    r = read(text)
    assert r.intent == "danger" and "threat" in r.urgency and r.category == "rude_staff", r.reasons
    for d in drafts("crumb-and-co", text, range(1, 4)):
        assert d.action == "escalate" and d.text, d


def test_a_customer_who_says_i_know_where_you_live_is_still_abuse() -> None:
    assert read("@UberEats fix my order or else. i know where you live").intent == "abuse"


@pytest.mark.parametrize("text", [
    "@MarriottBonvoy the team at the Cardiff Marriott left a card and a little cake in our room for our 10th "
    "anniversary when I'd only mentioned it in passing in the booking notes. really lovely touch, thank you 🥂",
    pytest.param("@jdwtweet the app let me send a pint to my mate's table from 200 miles away and he nearly cried. "
                 "best thing you've ever done", marks=pytest.mark.xfail(
                     strict=True, reason="known gap: the rules read the praise ('best thing you've ever done'), the "
                     "weights hear a complaint in 'cried' and win")),
])
def test_kind_words_that_name_a_room_or_a_tear_are_praise(text: str) -> None:
    r = read(text)
    assert r.intent == "praise" and not r.sarcasm, r.reasons


def test_a_gift_off_a_wishlist_is_no_fraud() -> None:
    r = read("@AmazonHelp quick q - if someone bought me something off my wishlist as a gift can I return it without "
             "them getting notified? wrong size lol")
    assert "fraud" not in r.urgency and r.intent != "danger", r.reasons


@pytest.mark.parametrize("text, urgency", [
    ("@united UA925 cancelled at Newark. I have a 6 month old with me and no formula left in the diaper bag",
     "vulnerable"),
    ("@wizzair is @WizzCare_Help one of yours? they asked me to fill in a google form with my card number and the 3 "
     "digits on the back", "fraud"),
    ("@ANZ_NZ URGENT someone has just taken $2,400 out of my everyday account in 4 transactions in the last 10 "
     "minutes. NOT ME", "fraud"),
    ("@Bunnings urgent - aisle 23, top shelf of the racking is sagging badly with bags of concrete mix hanging over "
     "the edge and kids everywhere", "safety"),
    ("@GreyhoundBus driver left the Nashville station 15 min EARLY and 4 of us are standing here. next bus isnt til "
     "tomorrow afternoon and the station is closing", "stranded"),
])
def test_round_183_dangers_are_read(text: str, urgency: str) -> None:
    assert urgency in read(text).urgency


def test_no_water_handed_out_yet_on_a_delay_is_no_emergency() -> None:
    r = read("@British_Airways been sat on the tarmac at T5 for 2hrs on BA117, no water been handed out yet. is the 3 "
             "hour compensation thing from when the doors closed?")
    assert "safety" not in r.urgency, r.reasons


def test_a_medical_alert_pendant_is_never_told_to_stop_being_used() -> None:
    text = ("@Telstra my dad is 87 and lives alone outside Bright VIC, his medical alert pendant runs off your mobile "
            "network and there's been no signal since the storm on Tuesday")
    for d in drafts("tidewave", text, range(1, 5)):
        assert "stop using" not in d.text and "set it aside" not in d.text and "999" not in d.text, d.text


def test_a_bus_incident_names_no_british_transport_police() -> None:
    text = ("Bus driver on the 73 closed the doors on my buggy with my son in it and then shouted at ME. "
            "@CapitalTransit this needs looking at")
    assert post_conditions(text)["road"]
    assert not post_conditions("the bus replacement from the station was late")["road"]
    for d in drafts("northline-rail", text, range(1, 5)):
        assert "61016" not in d.text and "Transport Police" not in d.text, d.text


def test_check_dms_please_is_answered_as_asked() -> None:
    assert "check_dm" in read("@VerizonSupport check dms pls, sent the acct info 2 hrs ago").asks
