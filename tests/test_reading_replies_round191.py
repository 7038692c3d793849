"""Round 191 (thirty-second stop): what round 191's reviewers stopped (d4b7e1f, 254 fresh posts by writers xw-xz).

A refund asked for with a "lol" met by a quip; "make it make sense" met by a quip; praise ("has never once let me
down", "the only thing that's gone right today", "but worth it") met by an apology; a joke about the customer's own
funeral met by condolences; sarcasm about "'unlimited data'" thanked; "10/10 would be lied to again" read as praise;
a family in A&E and a family already out of a house with a carbon monoxide alarm told to call 999 and leave the room;
a British shop tagged "@coopuk" told to call 911 and an Oregon beach told 999; an Indian order asked for its ZIP code;
"is the hucknall line actually running today?" asked "DM us what happened"; a refund waved away answered with refund
steps; four weeks without broadband called "patchy"; a SIM lost in an eSIM switch sent to a mast check; a knife on a
tram met by a text line to the police; someone stranded asked for "a good time" to call; a review seller answered as
a customer.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice import Inbound
from carevoice.concentrate import concentrate
from carevoice.variables import emergency_number, post_conditions, post_region, postcode_word

# --- jokes, praise and sarcasm --------------------------------------------------------------------------------------


def test_a_refund_asked_for_with_a_laugh_gets_no_quip() -> None:
    text = ("@Menulog driver left my order on the wrong street in Brunswick and sent me a photo of it on someone's "
            "fence lol. $47 of Thai feeding the possums now. refund?")
    assert read(text).intent != "banter"
    for d in drafts("crumb-and-co", text, range(1, 5)):
        assert "refund" in d.text.lower() or "money" in d.text.lower(), d.text


def test_make_it_make_sense_is_a_complaint() -> None:
    text = ("@LebaraUK topped up £10 for international mins to Pakistan and after ONE 20 min call to my khala its "
            "saying ive used 140 minutes. make it make sense")
    assert read(text).intent == "complaint"


@pytest.mark.parametrize("text", [
    "@giffgaff 9 years with you and my goodybag has never once let me down. unlike my ex 🫡",
    "@GreggsOfficial vegan sausage roll at Leeds station still warm at 6:04am and honestly it's the only thing that's "
    "gone right today",
    "Want to say a proper thank you to Jenny at @AskNationwide Wolverhampton who helped me set up power of attorney "
    "on dad's account. She was so patient with him. only downside was waiting 3 weeks for the appointment but worth it",
])
def test_praise_is_thanked_not_apologised_for(text: str) -> None:
    assert read(text).intent == "praise", read(text).reasons
    bank = "harbour-bank" if "Nationwide" in text else "crumb-and-co" if "Greggs" in text else "tidewave"
    for d in drafts(bank, text, range(1, 4)):
        assert "sorry" not in d.text.lower().split(".")[0], d.text
        assert "extra checks" not in d.text and "extra care" not in d.text, d.text


def test_a_gripe_let_go_only_when_the_post_ends_on_it() -> None:
    text = ("@NandosSA your social media team deserves a bonus but your Sandton City branch took 55 minutes for a "
            "quarter chicken and chips. the chicken was worth it. barely.")
    assert read(text).intent == "complaint"


def test_a_joke_about_the_customers_own_funeral_is_no_loss() -> None:
    joke = "@trivago the amount of times your ad has played during the football I could recite it at my own funeral"
    assert not read(joke).bereavement
    for d in drafts("base", joke, range(1, 4)):
        assert "loss" not in d.text and "sad news" not in d.text, d.text
    loss = ("@British_Airways I need to change my return date from Mumbai because of a family funeral and the website "
            "won't let me")
    assert read(loss).bereavement


@pytest.mark.parametrize("text", [
    "@CommBank the app telling me I've spent $412 on 'eating out' this month feels like a personal attack tbh",
    "went in @LidlGB for milk. came out with milk, a chainsaw sharpener, a wetsuit and a pasta maker. the middle "
    "aisle is a cult",
])
def test_a_joke_is_banter(text: str) -> None:
    assert read(text).intent == "banter", read(text).reasons


@pytest.mark.parametrize("text", [
    "@ThreeUK 'unlimited data' that stops working the second I get on a train. amazing product. 10/10",
    "love how @AmericanAir tells me to get to the airport 2 hrs early so i can sit at gate C17 for 5 more hours while "
    "the board says ON TIME the entire time. truly magical. 10/10 would be lied to again",
    "thank you @Xfinity for the 8-11am service window where nobody showed up. really love sitting in my apartment "
    "staring at the door on my day off. very fulfilling",
])
def test_sarcasm_is_a_complaint(text: str) -> None:
    r = read(text)
    assert r.intent == "complaint" and r.emotion != "delight", r.reasons


def test_a_scare_quoted_service_name_is_no_sarcasm() -> None:
    text = ("@SoundTransit is the 1 Line running north to Northgate right now?? app says normal service but the "
            "announcement at Westlake just said 'service disruption' and then cut out mid sentence")
    assert not read(text).sarcasm


# --- what is already done: help on its way, everyone out ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "we're in QMC A&E now",
    "ambulance is with him now thankfully",
    "fire dept on the way",
    "im texting 911 but can someone radio her",
])
def test_help_already_coming(text: str) -> None:
    assert post_conditions(text)["help_coming"]


def test_a_family_out_of_the_house_is_not_told_to_leave_the_room() -> None:
    text = ("@AirbnbHelp the carbon monoxide alarm is going off in our airbnb in Cannon Beach, host not answering. "
            "we're outside in the car with the kids, fire dept on the way. we are NOT going back in tonight")
    assert post_conditions(text)["got_out"]
    for d in drafts("base", text, range(1, 4)):
        assert "leave the room" not in d.text and "fresh air now" not in d.text, d.text
        assert "999" not in d.text, d.text


# --- where the customer is: the emergency number and the postcode's name ------------------------------------------


@pytest.mark.parametrize("text, region", [
    ("@coopuk a man collapsed outside your shop on Alfreton Road", "GB"),
    ("@ASB_NZ whats the fee to send money", "NZ"),
    ("the carbon monoxide alarm is going off in our airbnb in Cannon Beach", "US"),
    ("@MTA guy on the downtown 4 at 59th st waving a knife", "US"),
    ("collapsed outside your shop on Alfreton Road in Derby", "GB"),
    ("@coopuk flying to Toronto tomorrow", "CA"),  # a place named outweighs the account tagged
])
def test_where_the_customer_is(text: str, region: str) -> None:
    assert post_region(text) == region


def test_the_number_and_the_postcode_follow_the_region() -> None:
    assert emergency_number("en-US", "GB") == "999"
    assert postcode_word("en-US", "IN") == "postcode"
    assert postcode_word("en-GB", "US") == "ZIP code"
    assert postcode_word("en-GB", "IE") == "Eircode"
    assert postcode_word("en-US") == "ZIP code"
    assert postcode_word("en-GB") == "postcode"


def test_an_indian_order_is_not_asked_for_a_zip_code() -> None:
    text = ("@Flipkart return was picked up on 14th, refund of ₹3,499 still not credited. Order ID "
            "OD429918273645112100. Customer care says 5-7 working days every time I call, today is day 12")
    for d in drafts("parcelpop", text, range(1, 7)):
        assert "ZIP" not in d.text, d.text


def test_a_traveller_stranded_abroad_is_asked_for_the_banks_own_word() -> None:
    text = ("@bankofireland stuck at JFK, card blocked for 'suspicious activity' after I paid for a hotel, it's 11pm "
            "here and I've no other card. please unblock it")
    for d in drafts("harbour-bank", text, range(1, 7)):
        assert "ZIP" not in d.text, d.text


# --- rail: is it running? ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "@NETtram is the hucknall line actually running today? app says 'minor disruption' which could mean literally "
    "anything tbh",
    "@metlinkwgtn any ETA on the 5:12 Hutt Valley from Wellington? board just says delayed, no announcements, "
    "platform 9 is rammed and it's starting to bucket down",
])
def test_a_service_asked_after_is_checked(text: str) -> None:
    assert post_conditions(text)["running_now"]
    for d in drafts("northline-rail", text, range(1, 5)):
        assert "control team" in d.text, d.text
        assert "what happened" not in d.text, d.text


def test_a_departure_named_by_its_time_and_route() -> None:
    text = "@metlinkwgtn any ETA on the 5:12 Hutt Valley from Wellington? board just says delayed"
    assert read(text).details.time == "5:12"


# --- what the customer asks for, and what they wave away -----------------------------------------------------------


def test_a_refund_waved_away_is_not_offered() -> None:
    text = ("@SwiggyCares Instamart delivered milk 2 days past expiry again, 3rd time this month from the HSR Layout "
            "store. not even asking for refund, just fix it before someone's kid gets sick")
    r = read(text)
    assert "refund" not in r.asks and r.category != "refund_status", r.reasons


def test_a_contract_to_cancel_under_a_power_of_attorney() -> None:
    text = ("My dad has vascular dementia and was signed up to a £65/month 36 month contract by a salesman in your "
            "Hanley store last Thursday. He can't remember being in the shop. @VodafoneUK I have lasting power of "
            "attorney, how do we get this cancelled? This is really upsetting")
    assert "cancel" in read(text).asks
    for d in drafts("tidewave", text, range(1, 4)):
        assert "move money" not in d.text and "card details" not in d.text, d.text


def test_a_dispute_already_filed_is_told_how_long_it_takes() -> None:
    text = ("@Chase how long does a dispute normally take? Filed one for a $189.99 charge from some merchant I've "
            "never heard of, been 30+ days and the credit still says provisional. do I need to do anything else?")
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert "45 days" in d.text and "Start with the merchant" not in d.text, d.text


def test_a_complaint_with_a_question_is_no_plan() -> None:
    text = ("@premierinn checked into Birmingham Broad St at 11pm, room 314 stinks of weed and the air con rattles "
            "like a tumble dryer. Night manager said nothing he can do till the morning. Is the good night guarantee "
            "still a thing or did you quietly bin that??")
    assert read(text).intent == "complaint"


# --- telecoms: no service at all; an eSIM switch -------------------------------------------------------------------


def test_weeks_without_broadband_are_not_patchy() -> None:
    text = ("@eir 4 weeks without broadband in Ballina. I work from home. 4 weeks. every time I ring I'm told an "
            "engineer is 'assigned'. assigned to what")
    assert post_conditions(text)["none_at_all"]
    for d in drafts("tidewave", text, range(1, 7)):
        assert "atchy" not in d.text and "dropping" not in d.text, d.text


def test_service_lost_in_an_esim_switch() -> None:
    text = ("@SkinnyMobile help my sim stopped working after i switched to esim, at Auckland airport with no data "
            "trying to book an uber. on the free wifi which keeps dropping. what do i do")
    assert post_conditions(text)["esim_switch"]
    for d in drafts("tidewave", text, range(1, 4)):
        assert "eSIM" in d.text and "mast" not in d.text, d.text


# --- danger and people stranded -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, number", [
    ("@WestMidsMetro lad on the tram towards Wolverhampton just past Wednesbury Parkway has a knife out showing his "
     "mates, tram 35, front carriage. please get someone to Bilston Central. I've moved to the back", "999"),
    ("@SouthernRailUK there's a man on the 21:14 Victoria to Brighton, coach 3, shouting at people and he just said "
     "he's got a knife. please send someone", "999"),
])
def test_a_knife_out_gets_the_emergency_number(text: str, number: str) -> None:
    for d in drafts("northline-rail", text, range(1, 4)):
        assert f"call {number}" in d.text and "61016" not in d.text, d.text


def test_someone_stranded_is_not_asked_for_a_good_time_to_call() -> None:
    text = ("@makemytripcare booked hotel in Manali for 3 nights, paid ₹18,450, reached at 10pm and reception says no "
            "booking found. standing here with my parents in the cold. booking ID NH7011984628. call me URGENT")
    assert "stranded" in read(text).urgency
    for d in drafts("base", text, range(1, 7)):
        assert "good time" not in d.text and "when suits" not in d.text, d.text


@pytest.mark.parametrize("text", [
    "@RevolutApp topping up from my AIB card keeps failing 'declined' and AIB say nothing wrong their end. I'm stuck "
    "in Lisbon airport, flight TP1327 to Dublin cancelled, need a hotel tonight and this is my only card. please help",
    "@ChaseSupport stuck at SeaTac, AS 1324 to Anchorage just got cancelled, trying to book a hotel and my Sapphire "
    "keeps getting declined even though I set a travel notice?? I'm at 8% battery please help",
])
def test_a_card_declined_while_stranded_is_urgent(text: str) -> None:
    assert post_conditions(text)["payment_failed"]
    for d in drafts("harbour-bank", text, range(1, 4)):
        assert "ready to pay" not in d.text, d.text


def test_stuck_with_a_car_broken_down_is_stranded() -> None:
    assert "stranded" in read("@Telstra stuck outside Longreach, car's broken down and my phone says SOS only").urgency
    assert not read("my car's broken down so can I move my delivery to next week?").urgency


# --- touts and missing items ---------------------------------------------------------------------------------------


def test_a_review_seller_is_spam() -> None:
    text = ("@Tripadvisor 🔥 Need more bookings for your hotel? 🔥 We provide 5000 REAL reviews + followers 🚀 fast "
            "delivery 💯 WhatsApp +44 7700 900118")
    assert concentrate(Inbound(text=text, channel="x")).intent == "spam"


def test_sides_that_never_came_are_missing() -> None:
    text = ("@Deliveroo order from Nando's Highcross Leicester turned up with no chips, no coleslaw, no garlic bread. "
            "just a sad quarter chicken sat on its own")
    assert post_conditions(text)["missing"]


# --- round 191's A/B: what its reviewers still stopped -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "@Amtrak Cascades 517 has been sitting just outside Tacoma for 55 mins with zero announcements. café car closed. "
    "love that for us. any ETA into Portland or should I just start walking",
    "@Amtrak train 171 stopped outside Trenton for 90 min now. conductor came through once and said 'signal issue'. "
    "any update? I have a connection in DC to the Carolinian",
])
def test_a_train_the_post_names_is_not_asked_for(text: str) -> None:
    assert post_conditions(text)["train_named"]
    for d in drafts("northline-rail", text, range(1, 5)):
        assert "which train" not in d.text.lower(), d.text


def test_a_note_on_an_account_speaks_of_money_only_where_money_is_at_stake() -> None:
    bank = ("@AskBarclays my mum is 82 and has dementia. she's been going into the Barclays in Taunton and taking out "
            "cash for a 'friend' who rings her. I have lasting power of attorney registered. how do I get it added?")
    assert post_conditions(bank)["money"] and post_conditions(bank)["account_note"]
    assert any("move money" in d.text for d in drafts("harbour-bank", bank, range(1, 4)))
    assert not post_conditions("I have lasting power of attorney for my dad's phone contract")["money"]


def test_a_relatives_funeral_is_a_loss() -> None:
    text = ("@TMobileHelp went to Mexico for my tía's funeral, was told my Magenta plan covers Mexico at no extra "
            "charge. now there's $186 in data charges on my bill?? please fix this, it was a really hard week already")
    assert read(text).bereavement


def test_missing_sides_get_their_refund_without_a_photo() -> None:
    text = ("@KFC_UKI bucket for 2 from the Dundalk shop, no gravy AND no popcorn chicken. 3rd time in a row from that "
            "shop. starting to think its personal")
    for d in drafts("crumb-and-co", text, range(1, 7)):
        assert "us a photo" not in d.text and "photo of it" not in d.text and "cold or squashed" not in d.text, d.text
