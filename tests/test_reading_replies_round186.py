"""Round 186 (thirty-first stop): what round 186's reviewers stopped (d1e8522, 254 fresh posts by writers xg-xj).

Colleagues thanked by name whom the reply never named ("especially Tanisha who did the safety demo as a rap", "badge
said Darragh"); a branch praised for treating people "like a human" read as rude staff; a washing machine leaking
read as a food order; a widow's question read as a danger; a "free flights" tout and a "certified refund recovery"
tout answered as customers; a question whether an upgrade e-mail is real answered as details already misused; a card
the bank blocked over the customer's own sandwich read as fraud; an Australian asked about a transfer limit answered
in pounds and CHAPS.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reading_helpers import drafts, part, read

from carevoice import Drafter, Inbound
from carevoice.compose import repeats_a_move
from carevoice.variables import post_conditions
from carevoice.variation.history import MemoryHistory

# --- colleagues thanked by name are named back ------------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("Shoutout to the @SouthwestAir crew on the 6am out of BWI this morning, especially Tanisha who did the safety "
     "demo as a rap. My 8 yr old has talked about nothing else all day", "Tanisha"),
    ("@GO_Transit thank you to the customer service ambassador at Union, Priya, who found my daughter's phone left on "
     "a Lakeshore West train and kept it safe until we got there at 11pm. Above and beyond", "Priya"),
    ("Stayed at the @Hyatt Regency Chicago last weekend for my dad's 70th. Darnell at the front desk upgraded us to a "
     "lake view and left a little cake in the room. Didn't have to do that. Thank you!!", "Darnell"),
    ("@SuperValuIRL the young lad in SuperValu Killarney who carried my shopping out to the car in the lashing rain "
     "yesterday, badge said Darragh, absolute gent. please tell his manager", "Darragh"),
    ("@emirates Just want to say thank you to the ground team at DXB T3 this morning. My son left his inhaler in the "
     "lounge and Mr Faisal ran it all the way to gate B22 before boarding closed. Please pass it on", "Mr Faisal"),
    ("@flysrilankan UL 504 London to Colombo last night. Big thank you to the cabin crew esp. Dilani who looked after "
     "my amma the whole flight", "Dilani"),
    ("@AskNationwide your Ayr branch is one of the few places I still get treated like a human. Agnes sorted my ISA "
     "in 10 minutes and asked after the dog. please never close it", "Agnes"),
])
def test_a_colleague_singled_out_is_read(text: str, name: str) -> None:
    assert read(text).details.staff == name


def test_the_end_of_a_place_name_is_no_colleague() -> None:
    text = ("@NandosUK just want to say the staff at Nando's Cabot Circus were amazing with my autistic son today, "
            "turned the music down near our table and were so patient with him. Made our day")
    assert read(text).details.staff != "Circus"
    for d in drafts("crumb-and-co", text, range(1, 4)):
        assert "Circus" not in d.text.replace("Cabot Circus", ""), d.text


def test_a_branch_that_treats_people_like_a_human_is_praised() -> None:
    text = ("@AskNationwide your Ayr branch is one of the few places I still get treated like a human. Agnes sorted "
            "my ISA in 10 minutes and asked after the dog. please never close it")
    r = read(text)
    assert r.intent == "praise" and r.category != "rude_staff", r.reasons
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert "Agnes" in d.text and "sorry" not in d.text.lower(), d.text


def test_an_anniversary_stay_with_a_nitpick_is_thanks_not_a_joke() -> None:
    text = ("@TajHotels Stayed at Taj Bengal for our 25th anniversary. The team surprised us with a cake and Priya at "
            "the front desk remembered my wife's name from one phone call weeks back. Only tiny nitpick, the pool "
            "closing at 7pm felt early. We will definitely be back")
    r = read(text)
    assert r.intent == "praise" and r.details.staff == "Priya", r.reasons


# --- touts are spam ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    # round 186
    "@FlyFrontier Want FREE flights?? I got 3 roundtrips for $0 using this ONE trick airlines hate!!! DM me TRAVEL and "
    "I'll send u the link #travelhacks #freeflights",
    "@Delta Lost money on a cancelled flight?? Our CERTIFIED refund recovery agents get 100% of your funds back in "
    "24hrs!! No fees upfront. WhatsApp now +1 (302) 555-0148 #Delta #refund",
    # round 187
    "@PizzaHutUK heyyy! I'm a food creator with 2.1k followers, would love to collab, free pizza for a year in "
    "exchange for content? check your DMs #collab #foodie",
    "@hudsonsbay GET 90% OFF ALL BRANDS visit bay-clearance-outlet .shop limited stock #HBC #clearance #sale",
    # round 188
    "@AmericanAir Got my full refund in 24hrs by contacting AA Refund Desk on WhatsApp +1 (415) 555-0199 they fixed "
    "everything!! DM @aa_claims_helpdesk for fast help #refund",
    "@Costco COSTCO is giving away FREE $500 gift cards to the first 1000 people!! Click bit.ly/cstco-gift500 SHARE + "
    "FOLLOW to claim before midnight!!",
    # round 189
    "@dominos GIVEAWAY Follow me + RT to win a $500 Domino's gift card!! Only 24hrs left bit.ly/dmz-free500",
    "@Tesco @sainsburys GET 10K FOLLOWERS IN 24HRS real + active cheapest prices DM now grow ur page bro",
    "@lufthansa @Ryanair FLIGHT DELAYED?? GET UP TO €600 IN 24 HOURS!!! no win no fee, we beat airlines EVERY time "
    "WhatsApp us now #flightdelay #compensation",
    "@TMobileHelp UNLOCK ANY PHONE in 10 min! iPhone Samsung Pixel all carriers $20 only, DM me now no questions asked",
])
def test_a_tout_is_spam(text: str) -> None:
    assert read(text).intent == "spam"


@pytest.mark.parametrize("text", [
    "@AirCanada can you dm me and send the link to change my seat? the app keeps crashing",
    "@Delta my refund from the cancelled flight still hasn't come, no fees were mentioned upfront either",
])
def test_a_customer_asking_for_a_link_is_no_tout(text: str) -> None:
    assert read(text).intent != "spam"


# --- what was misread ----------------------------------------------------------------------------------------------


def test_an_email_asked_about_is_a_phishing_check() -> None:
    text = ("@JetBlue is the Mint upgrade bid email real or a scam? got one saying bid $189 for my flight to SFO but "
            "the link goes to some weird url that isn't jetblue.com. not clicking it til someone confirms")
    assert post_conditions(text)["phishing"]
    for d in drafts("northwind-air", text, range(1, 4)):
        assert "misused" not in d.text, d.text


def test_a_card_blocked_over_the_customers_own_spending_is_no_fraud() -> None:
    text = ("@BarclaysUKHelp blocked my card at the gate in Alicante for a 'suspicious transaction' which was ME "
            "buying a sandwich. FR8394 boards in 20 mins, no other card. need it unblocked NOW")
    assert "fraud" not in read(text).urgency
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert "freeze" not in d.text.lower(), d.text


@pytest.mark.parametrize("text", [
    "@AskHalifaxBank still nothing. complaint ref 12-4490133 opened 7 weeks ago about the £640 scam payment. you said "
    "8 weeks max. tick tock",
    "still waiting on the callback I was promised Friday about my fraud claim. it's Wednesday. @KingsmereBank",
])
def test_an_earlier_fraud_case_is_chased_not_reported_anew(text: str) -> None:
    r = read(text)
    assert r.intent == "follow_up" and "fraud" in r.urgency, r.reasons  # still escalated; the reply answers the wait
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert "freeze" not in d.text.lower(), d.text


def test_a_scam_payment_just_made_is_still_fraud() -> None:
    text = "@AskHalifaxBank I've just been scammed, I sent £640 to someone pretending to be you. please help"
    assert "fraud" in read(text).urgency


def test_a_widow_asking_what_to_bring_gets_condolence_not_alarm() -> None:
    text = ("@WellsFargo Hi. I was recently widowed and I'm trying to take my husband off our joint checking. I've "
            "called 3 times and been told 3 different lists of documents. Can someone please just tell me exactly "
            "what to bring to the branch. Thank you.")
    r = read(text)
    assert r.bereavement and r.intent != "danger", r.reasons
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert "escalate" not in d.text and "worrying" not in d.text, d.text


@pytest.mark.parametrize("text, category", [
    ("@Delta sitting on DL1489 ATL-LGA at gate B22 for 2 hrs now, AC off, pilot keeps saying 15 more min. can "
     "someone actually tell us what is going on", "flight_disruption"),
    ("@Qantas lost my golf clubs between Perth and Melbourne on QF774 Friday, tracker said delivered to my address "
     "Sunday arvo. They were not delivered. File ref MELQF22918. Not impressed mate", "lost_baggage"),
    ("@currysuk bought a samsung washing machine 6 weeks ago, last night it starts leaking all over the kitchen. "
     "rang care & repair, 50 min wait, got cut off. order 3382019476. can someone just book the engineer for me",
     "product_defect"),
    ("@SouthernRailUK lift to platform 5 at Brighton out of order AGAIN. I'm a wheelchair user and the help point "
     "isnt answering, been waiting 25 min in the cold. Please send someone, my train is in 10 mins",
     "transport_disruption"),
])
def test_the_situation_is_read(text: str, category: str) -> None:
    assert read(text).category == category


def test_a_rider_thanked_before_a_missing_dish_is_a_complaint() -> None:
    text = ("@Deliveroo rider was lovely but my Dishoom order came without the black daal which was basically the "
            "whole reason i ordered lol. any chance of a refund for that item? can't find the option in the app")
    r = read(text)
    assert r.intent == "complaint", r.reasons
    for d in drafts("crumb-and-co", text, range(1, 4)):
        assert "seat at your table" not in d.text, d.text


def test_a_paid_solicitor_is_no_legal_threat() -> None:
    text = ("@AskBarclays I need to send £12,000 to my solicitor for a house completion on Friday and the app keeps "
            "saying it's over my limit. How do I raise it, or do I have to go into a branch?")
    assert "legal" not in read(text).urgency
    assert "legal" in read("@AskBarclays sort this out or my solicitor will be in touch").urgency


def test_a_prescription_to_collect_is_a_question_not_an_emergency() -> None:
    text = ("@BootsUK hiya is the pharmacy in Glasgow Central station open on the bank holiday monday? need to pick "
            "up my sons inhaler prescription")
    r = read(text)
    assert not r.urgency and r.intent == "question", r.reasons


def test_a_large_double_double_is_no_double_charge() -> None:
    assert not post_conditions("@TimHortons app charged me for a large double double and 20 timbits but the order "
                               "never showed up")["charged_twice"]
    assert post_conditions("@TimHortons app charged me double for one coffee")["charged_twice"]


def test_sarcastic_thanks_for_the_suspense_is_a_complaint() -> None:
    text = ("@SkyTV rugby froze for 40 seconds right on the last lineout and came back to the ABs celebrating. thanks "
            "for the suspense i suppose")
    assert read(text).intent == "complaint"


# --- the words of a line fit the post -------------------------------------------------------------------------------


def test_too_long_to_wait_only_where_a_wait_is_told() -> None:
    for d in drafts("tidewave", "@EE outage in leeds or just me", range(1, 7)):
        assert "too long" not in d.text, d.text
    assert post_conditions("@EE day 11 no broadband in Leeds")["for_long"]
    assert post_conditions("@EE internet down since 6am")["for_long"]
    assert not post_conditions("@EE it went down 2 hours ago")["for_long"]


def _limit_draft(sign: str, thousands: int) -> str:
    text = (f"@HarbourBank how do I raise my daily transfer limit? paying a {sign}{thousands}k deposit and the app "
            f"caps me")
    return Drafter("harbour-bank", history=MemoryHistory(), seed=1).draft(Inbound(text=text, channel="x")).text


def test_the_limit_answer_is_given_in_its_own_currency() -> None:
    assert "£10,000" in _limit_draft("£", 12)


@settings(deadline=None, max_examples=25)
@given(st.sampled_from(["$", "€"]), st.integers(min_value=6, max_value=40))
def test_an_answer_in_another_currency_is_never_given(sign: str, thousands: int) -> None:
    assert "£" not in _limit_draft(sign, thousands)


# --- dangers -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, urgency", [
    # round 186
    ("@burgerkingindia the manager at your Phoenix Marketcity Kurla outlet told me he'll \"see me outside\" "
     "after I complained about a raw patty in my Whopper. in front of my kids. I want this escalated today", "threat"),
    # round 187
    ("@HiltonHelp a man keeps knocking on my door at the Hilton Durban saying he's from maintenance. front desk says "
     "they didn't send anyone. I'm alone on the 11th floor and security still hasn't come up", "threat"),
    ("@RailMinIndia Coach B3 of 12951 Rajdhani, berth 41. AC not working since Kota, extremely hot and my father is a "
     "heart patient. TTE saying nothing can be done. Please help urgently", "vulnerable"),
    ("@TheGautrain why are trains every 20 min at 7:40?? platform is shoulder to shoulder, people are standing right "
     "on the yellow line. someone is going to end up on the tracks", "safety"),
    ("@zomatocare found a piece of hard plastic in my biryani, almost swallowed it. order ID 7124890553", "safety"),
    # round 188
    ("@HiltonHelp someone just opened my room door at Transcorp Hilton Abuja with a key card at 2:10am. thank God the "
     "latch was on. front desk is saying it was 'a mistake'", "threat"),
    ("@Target there is a man at the Target on Soncy Rd in Amarillo yelling at the cashiers and telling them he has a "
     "gun in his truck. I called 911 and left", "threat"),
    ("@IrishRail the 17:00 Heuston to Cork, coach C, aircon is broken AGAIN and it's like a sauna. an older lady "
     "across from me looks like she's about to pass out, she's gone very pale. can staff come down??", "vulnerable"),
    ("@ATTHelp the AT&T line on our street came down in last nights storm and its lying across the sidewalk right by "
     "the school bus stop. kids walk past it at 7am", "safety"),
    ("@monzo someone's just taken £1,240 out of my account in 3 payments to something called CRYPTO PAY LTD. I've "
     "frozen the card", "fraud"),
    ("@Hyatt fire alarm going off on the 9th floor for 10 mins and nobody is picking up the front desk line. is this "
     "a drill?? people standing in the hallway not sure whether to evacuate", "safety"),
    # round 189
    ("@TTChelps man on southbound Line 1 that just left Bloor, car 5452, screaming and waving a box cutter at people "
     "by the doors. we're getting off at Wellesley. PLEASE send someone", "threat"),
    ("@VenmoSupport someone sent me $40 by mistake, I sent it back, and now they keep messaging saying they know "
     "where I live and they're 'coming for the rest'", "threat"),
    ("@Telstra is the tower down near Gympie? no mobile coverage since 6am and there are bushfire warnings for our "
     "area. can't get emergency alerts. please advise urgently", "safety"),
])
def test_a_danger_is_read(text: str, urgency: str) -> None:
    assert urgency in read(text).urgency


def test_a_medical_alert_pendant_on_a_dead_network_is_urgent_and_gets_australias_number() -> None:
    text = ("@Telstra no mobile service anywhere in Tumut since 6am. my dad's medical alert pendant runs on your "
            "network. is there an ETA? can't even call 000 from the house")
    r = read(text)
    assert "vulnerable" in r.urgency and post_conditions(text)["mobile"], r.reasons
    for d in drafts("tidewave", text, range(1, 5)):
        assert "999" not in d.text and "from a mobile" not in d.text, d.text


def test_money_taken_after_the_customer_locked_the_card_is_fraud_not_access() -> None:
    text = ("@CommBank someone just took $2,340 out of my account in 4 transactions at 3am to something called "
            "'SKYPAY*DIGI'. I've locked the card in the app but the phone line is just ringing out. what do I do??")
    r = read(text)
    assert "fraud" in r.urgency and r.category == "fraud_security", r.reasons


# --- round 187 (writers xk-xn, drafted after round 186's mends) ------------------------------------------------------


def test_a_collab_a_customer_talks_about_is_no_spam() -> None:
    text = "@Primark the new collab with that designer sold out in 2 mins, will there be a restock?"
    assert read(text).intent != "spam"


def test_a_generous_mistake_told_with_no_complaint_is_no_complaint() -> None:
    text = ("@jdwtweet ordered on the app to table 47 at the Gatekeeper in Cardiff, got 2 pints, 10 mins later another "
            "2 turned up for table 47. no complaints here just thought you should know your system is very generous")
    r = read(text)
    assert r.intent != "complaint" and r.category != "loyalty", r.reasons


def test_a_status_page_saying_no_issues_is_no_praise() -> None:
    text = ("@virginmedia broadband down since 6am here in Salford, status page says no issues in my area which is "
            "funny because the hub has been flashing white then red all morning")
    assert read(text).intent == "complaint"


@pytest.mark.parametrize("text", ["@jdwtweet got 2 pints at table 47", "@AerLingus always on point, love it",
                                  "@Costco at this point just take my money"])
def test_pints_and_a_point_are_no_loyalty_points(text: str) -> None:
    assert read(text).category != "loyalty"


def test_a_point_promo_is_loyalty() -> None:
    assert read("@MarriottBonvoy the 15,000 point promo from my stay never posted. it's been 6 weeks").category == (
        "loyalty")


def test_a_train_stuck_now_is_a_disruption() -> None:
    text = ("@IrishRail dart stuck outside Sydney Parade 40 mins now, no announcements, its roasting in here. any idea "
            "whats going on?")
    assert read(text).category == "transport_disruption"


def test_a_canadian_network_gets_no_answer_in_pounds() -> None:
    text = ("@INTERAC is there a daily limit on e-transfers? trying to send my landlord first and last month's and it "
            "keeps getting declined, is that you or my bank")
    draft = Drafter("harbour-bank", history=MemoryHistory(), seed=1).draft(Inbound(text=text, channel="x"))
    assert "£" not in draft.text and "CHAPS" not in draft.text


def test_a_telecare_line_is_not_asked_about_when_the_post_names_it() -> None:
    text = ("@ThreeUKSupport mast near Pontypridd has been down since last night and there's zero signal. My nan's "
            "personal alarm runs off a mobile SIM and it isn't connecting, she's 88 and lives on her own")
    assert post_conditions(text)["care_alarm"]
    for d in drafts("tidewave", text, range(1, 5)):
        assert "If a telecare alarm" not in d.text and "care alarm?" not in d.text and "111" not in d.text, d.text


def test_a_praise_phrase_holds_its_own_words_of_feeling() -> None:
    from carevoice.concentrate.reading import _rules
    assert "frustration" not in _rules("@AerLingus the captain this morning, keep that man", "en").emotion.votes


def test_two_parts_that_say_it_means_a_lot_are_an_echo() -> None:
    assert repeats_a_move([part("thank", "Thank you for taking the time to tell us – it means a lot."),
                           part("resolve", "We'll pass your message on to Darnell – it'll mean a lot.")])


# --- round 188 (writers xo-xr, drafted after round 187's mends) ------------------------------------------------------


def test_a_threat_in_a_shop_is_not_asked_for_an_order_number() -> None:
    text = ("@Target there is a man at the Target on Soncy Rd in Amarillo yelling at the cashiers and telling them he "
            "has a gun in his truck. store manager just keeps saying 'sir please'. I called 911 and left")
    for d in drafts("parcelpop", text, range(1, 5)):
        assert "order number" not in d.text, d.text


def test_a_fire_alarm_told_the_morning_after_is_no_fire() -> None:
    text = ("@PremierInn stayed at Edinburgh Haymarket sat night, room 412. Fire alarm at 3am, fine, these things "
            "happen. But nobody on reception knew whether we could go back in")
    assert "safety" not in read(text).urgency


def test_calling_the_brand_a_scam_is_an_insult_not_a_fraud() -> None:
    text = ("@CashApp you people are a fucking scam. sent $600 to my landlord on friday, shows completed, he never got "
            "it. give me my money back you thieves")
    assert "fraud" not in read(text).urgency
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert "freeze" not in d.text.lower(), d.text


@pytest.mark.parametrize("text", [
    "ok fine @Mint_Mobile, been on the $15/mo plan a full year and it just... works? even out at the lake. I'll tell "
    "my coworkers",
    "6 years on @GoogleFiber in KC and I genuinely can't remember an outage. Switched my mom over last month too",
    "left Uyo 10:05, touched down Lagos 10:58. @ibomair on time AGAIN. other airlines abeg come and learn",
    "the @bucees in Temple has cleaner bathrooms than my house and better brisket than my brother in law",
])
def test_praise_without_a_thank_you_is_praise(text: str) -> None:
    assert read(text).intent == "praise"


def test_a_deaf_grandmother_is_not_told_to_phone() -> None:
    text = ("@BarclaysUKHelp my nan (88) has had £6,500 taken out of her account after a call from the 'Barclays fraud "
            "team'. Branch told her to ring the number on the back of the card but she's profoundly deaf and can't")
    assert post_conditions(text)["cant_phone"]


def test_a_bus_pulling_off_is_the_bus_not_a_network_down() -> None:
    text = ("@OfficialTfGM bee network 50 bus today around 3pm at Salford Quays, driver pulled off while my mum was "
            "still getting sat down and she went flying. She's 82, bruised hip and really shaken")
    r = read(text)
    assert r.category == "transport_disruption" and r.urgency, r.reasons


def test_short_of_carriages_only_where_the_train_was_crowded() -> None:
    text = ("another day another @AvantiWestCoast 'unit fault'. 1h10 late into Euston. at this point the delay repay "
            "form should just autofill itself")
    assert not post_conditions(text)["crowded"]
    for d in drafts("northline-rail", text, range(1, 7)):
        assert "short of carriages" not in d.text, d.text
    assert post_conditions("4 carriages. FOUR. on a friday evening out of Manchester, people crushed")["crowded"]


# --- round 189 (writers xs-xv, drafted at round 188's code) ----------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("the @premierinn bed has ruined me for my own bed. also Shaun on reception at Cardiff Bay gave us a late checkout "
     "without us even asking, absolute legend", "Shaun"),
    ("Hilton Garden Inn in Portland ME, room 512 - whoever Rosa from housekeeping is, she found my wedding ring in the "
     "sheets after I'd already checked out and they mailed it to me next day. I cried. @HiltonHotels please make sure "
     "she knows how much that meant", "Rosa"),
])
def test_praise_naming_a_colleague_is_praise_and_names_them(text: str, name: str) -> None:
    r = read(text)
    assert r.intent == "praise" and r.details.staff == name, r.reasons


def test_a_post_that_says_ring_999_is_british() -> None:
    text = ("@coopuk older man collapsed outside your Byres Road store about 7pm tonight and the staff told me to ring "
            "999 myself and locked the door")
    for d in drafts("parcelpop", text, range(1, 4)):
        assert "911" not in d.text, d.text


def test_stuck_with_no_water_and_no_aircon_now_is_still_urgent() -> None:
    text = ("Stuck on the 16:05 outside Preston for 3 HOURS. No water, no aircon, kids crying, staff say they have no "
            "info. We need help @MeridianRail")
    assert read(text).urgency


def test_delay_repay_only_where_a_journey_was_held_up() -> None:
    text = "@CapitalTransit the jubilee line is basically a sauna on wheels in july. the aircon promise was in 2015"
    assert not post_conditions(text)["ran_late"]
    for d in drafts("northline-rail", text, range(1, 7)):
        assert "Delay Repay" not in d.text and "If your train was cancelled" not in d.text, d.text
    assert post_conditions("@AvantiWestCoast 'unit fault'. 1h10 late into Euston")["ran_late"]
