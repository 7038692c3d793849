"""Round 162 (twenty-sixth stop): what 127 fresh helper-written posts (writers I and J) had stopped.

- A man "shouting abuse at women and now following one down the carriage", a drunk passenger "yelling at the woman
  next to him", and a street cabinet "hanging open with wires out" by a school gate got complaint lines.
- A Delay Repay claim for a train "that sat outside Reading for 2 hours" six weeks ago got "we're asking our control
  room why it's held".
- "Driver Kev carried everything upstairs. Hero." got "I can tell how fed up you are".
- A hotel room with the heat "stuck at 84°F" was read as an app fault; an "accessible room" with no grab bars got
  "not being sure of your booking is unsettling".
- A phishing text reported ("getting texts from '02' saying my bill payment failed with a link") got "sorry the
  payment was turned down".
- "Spot 7, Preston Rd store in Plano" was a street address; "Nobody told me he was coming" a follow-up; "do IHG One
  Rewards points expire if...?" was answered as points lost.
- "07:32 Brighton to Victoria", "case PP-D-48821937", "Confirmation 88123904" were asked for again.
- A child who is "fine" after a choking scare got "call 911 now"; a pure vegetarian served chicken got "tell us what
  was off about it"; a snapped power wheelchair got "we're checking that now".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.concentrate.details import read_details
from carevoice.concentrate.pii import find_pii
from carevoice.variables import post_conditions


def _ids(draft: object) -> list[str]:
    return [s.phrase_id for s in draft.stages]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("bank", "text", "must"), [
    ("northline-rail", "@ScotRail man on the 22:15 Glasgow Central to Paisley, coach 3, shouting abuse at women and "
     "now following one down the carriage. no staff on board. please get BTP to Paisley Gilmour St NOW", "61016"),
    ("northwind-air", "@JetBlue man in 14C on flight 1523 is drunk and has been yelling at the woman next to him for "
     "20 min. Told the flight attendant twice. Still at the gate at BOS. Please do something before we push back",
     "crew"),
])
def test_someone_menaced_in_front_of_the_customer_is_a_threat(bank: str, text: str, must: str) -> None:
    r = read(text)
    assert "threat" in r.urgency and not r.abusive
    for draft in drafts(bank, text, range(1, 4)):
        assert draft.action == "escalate" and must in draft.text, draft.text


def test_live_wires_left_open_by_a_school_are_a_safety_danger() -> None:
    text = ("@Openreach the green cabinet at the end of Ashford Rd has its door hanging open with wires out, right by "
            "the primary school gate. Kids playing round it at pickup. Reported yesterday, still open. Not safe.")
    assert "safety" in read(text).urgency


@pytest.mark.parametrize("text", [
    "@VireoUK your engineer left a hole in my wall and cables hanging out of it. not happy",
    "the installer left wires hanging out the skirting board. who's paying for the plastering",
])
def test_untidy_cabling_is_workmanship_not_a_danger(text: str) -> None:
    assert "safety" not in read(text).urgency


def test_a_hold_told_in_a_past_claim_is_not_a_train_held_now() -> None:
    text = ("@GWRHelp Delay Repay claim DR-7734219 went in 6 weeks ago for the 17:21 Paddington-Bristol that sat "
            "outside Reading for 2 hours. Status still says 'in progress'. Is anyone actually reading these?")
    assert "stranded" not in read(text).urgency
    for draft in drafts("northline-rail", text, range(1, 5)):
        assert "held" not in draft.text and "control room" not in draft.text, draft.text
    assert "stranded" in read("@Amtrak train 49 sitting outside Cleveland for 2 hours now").urgency


def test_a_one_word_hero_is_praise() -> None:
    text = "@Ocado driver Kev carried everything upstairs. Hero."
    assert read(text).intent == "praise"
    for draft in drafts("parcelpop", text, range(1, 5)):
        assert "sorry" not in draft.text.lower() and "Kev" in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "@Marriott room 1412 at your Times Square property: heat stuck at 84°F, engineering came twice and 'fixed' it "
    "twice. It's 2am, I have a 9am presentation. Moving me would be nice.",
    "@BestWestern booked an 'accessible room' in Toronto for my husband who uses a walker. Bathtub with a 2ft lip, "
    "no grab bars. That's accessible?? Confirmation 88123904. We need a proper room tonight",
])
def test_a_hotel_room_that_does_not_work_gets_a_move_tonight(text: str) -> None:
    assert post_conditions(text)["room_fault"]
    for draft in drafts("base", text, range(1, 5)):
        assert "room" in draft.text and "app" not in draft.text.lower().split(), draft.text
        assert any(i.startswith("base.any.resolve.room_fault") for i in _ids(draft)), _ids(draft)


def test_a_guest_who_has_left_gets_no_room_move() -> None:
    assert not post_conditions("the heating was broken in our room all week and we checked out yesterday")[
        "room_fault"]


PHISH = ("@O2 getting texts from '02' (zero not O) saying my bill payment failed with a link to o2-billing-update "
         "dot com. Reporting so you can get it taken down. Forwarded to 7726 too.")


def test_a_reported_phishing_text_is_a_fraud_report_not_a_failed_payment() -> None:
    r = read(PHISH)
    assert r.category == "fraud_security"
    for draft in drafts("tidewave", PHISH, range(1, 5)):
        assert "isn't from us" in draft.text and "payment was turned down" not in draft.text, draft.text
        assert "SIM swap" not in draft.text


@pytest.mark.parametrize("text", [
    "@PebbleMobile I just got a text saying my SIM has been activated on a new device. I didn't do that. now my "
    "phone says no service. I think someone has taken my number",
    "@PebbleMobile I've got a text from you saying my PAC code was requested. I didn't request one. someone's trying "
    "to steal my number, please block any porting NOW",
])
def test_a_real_warning_text_is_no_phish(text: str) -> None:
    assert not post_conditions(text)["phish_report"]
    for draft in drafts("tidewave", text, range(1, 4)):
        assert "isn't from us" not in draft.text, draft.text


def test_a_message_about_a_failed_payment_with_no_sign_of_a_fake_keeps_its_situation() -> None:
    text = ("@TallybankHQ went to pay my council tax, app said payment successful. next day: email from council "
            "saying payment failed. app still shows it as successful and the money is gone")
    assert read(text).category != "fraud_security"


def test_that_s_fake_right_asks_whether_a_message_is_a_scam() -> None:
    assert post_conditions("buyer sent me a screenshot 'from Cash App'. That's fake right? Want to warn people")[
        "phishing"]


def test_a_parking_spot_number_is_no_house_number() -> None:
    assert find_pii("Is it walking? Spot 7, Preston Rd store in Plano") == ()
    assert find_pii("Gate 12 Station Road was closed") == ()
    assert [m.kind for m in find_pii("send it to 7, Preston Rd please")] == ["address"]


def test_nobody_telling_the_customer_is_no_follow_up() -> None:
    text = ("@Bell_Support Good afternoon. I am 79 and not good with computers. My internet stopped after a man came "
            "to change something outside. Nobody told me he was coming. Could someone please telephone me at home.")
    r = read(text)
    assert r.intent != "follow_up" and "callback" in r.asks


def test_a_question_whether_points_expire_is_no_loss() -> None:
    text = ("@IHG do IHG One Rewards points expire if I only stay once every 18 months or so? Can't find a straight "
            "answer anywhere on the site")
    assert not post_conditions(text)["points_changed"]
    assert post_conditions("all my points expired without any warning")["points_changed"]
    for draft in drafts("base", text, range(1, 5)):
        assert "losing value" not in draft.text and "what happened to your balance" not in draft.text, draft.text


@pytest.mark.parametrize(("text", "field", "value"), [
    ("@SouthernRailUK 07:32 Brighton to Victoria cancelled AGAIN.", "time", "07:32"),
    ("@AskPayPal following up on case PP-D-48821937. Still under review", "booking_id", "PP-D-48821937"),
    ("booked an accessible room. Confirmation 88123904. We need a proper room", "booking_id", "88123904"),
    ("Booking ID 1293847561. Please check and return my money", "booking_id", "1293847561"),
    ("host says it's double booked (booking 3318.422.907)", "booking_id", "3318.422.907"),
])
def test_times_and_references_the_customer_gave_are_read(text: str, field: str, value: str) -> None:
    assert getattr(read_details(text, []), field) == value


@pytest.mark.parametrize("text", ["booking 2023 was a mess", "my booking 4 nights ago", "at 07:32 we left"])
def test_years_counts_and_plain_times_are_no_reference(text: str) -> None:
    assert read_details(text, []).booking_id is None


def test_a_reference_given_in_a_follow_up_is_never_asked_for() -> None:
    text = ("@AskPayPal following up on case PP-D-48821937. Seller never shipped, you asked for evidence on 4 April, "
            "I sent it the same day. Still 'under review' 20 days later. Any update?")
    for draft in drafts("harbour-bank", text, range(1, 7)):
        assert "reference" not in draft.text.lower(), draft.text


@pytest.mark.parametrize(("bank", "text"), [
    ("parcelpop", "@asda urgent - the toggle on the hood cord came off in my son's mouth this morning. He's fine but "
     "that's a choking hazard. Who do I report it to?"),
    ("crumb-and-co", "@Tesco my son had an allergic reaction after eating your cookies, nothing about peanuts on the "
     "pack. He's ok now after EpiPen and A&E. Please check that batch and pull it"),
])
def test_everyone_fine_now_gets_no_ambulance_line(bank: str, text: str) -> None:
    assert post_conditions(text)["all_ok"]
    for draft in drafts(bank, text, range(1, 5)):
        assert draft.action == "escalate", draft.action
        low = draft.text.lower()
        assert "ambulance" not in low and "911" not in low and "999" not in low, draft.text


def test_a_child_still_hurt_keeps_the_safety_line() -> None:
    text = "@asda the toggle came off in my son's mouth and he's choking, what do I do"
    assert not post_conditions(text)["all_ok"]


def test_meat_served_to_a_pure_vegetarian_is_a_serious_mistake() -> None:
    text = ("@zomato ordered veg biryani from a restaurant in Koramangala and there are CHICKEN pieces inside. I am "
            "pure vegetarian and already ate few bites. This is unacceptable. Order ID 5672198340")
    assert post_conditions(text)["dietary"]
    for draft in drafts("crumb-and-co", text, range(1, 5)):
        assert "serious" in draft.text or "meat-free" in draft.text, draft.text
        assert "order number" not in draft.text, draft.text


def test_a_snapped_wheelchair_gets_a_loan_chair_today() -> None:
    text = ("@Delta my power wheelchair came off DL1182 at MSP with the joystick snapped clean off. That chair is my "
            "legs. Filed at baggage (MSPDL30771) and was told 'someone will be in touch'. When? I need a loaner chair "
            "TODAY or I can't get to work tomorrow.")
    assert post_conditions(text)["mobility_aid"]
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert "chair" in draft.text and "loan" in draft.text, draft.text


def test_a_late_food_order_is_a_late_delivery_not_a_food_fault() -> None:
    text = ("@Dominos ordered a large pepperoni at 7:10, tracker said 'out for delivery' at 7:35, it's now 8:50. "
            "Store won't pick up the phone. Order #48213. Hungry and getting increasingly unhinged")
    r = read(text)
    assert r.category == "late_delivery" and r.subject != "the phone"
    for draft in drafts("crumb-and-co", text, range(1, 5)):
        assert "photo" not in draft.text and "what was off" not in draft.text, draft.text


def test_an_appliance_to_be_disconnected_is_no_outage() -> None:
    text = ("@currys paid for 'free recycling' of my old washer. Driver refused to take it because it 'wasn't "
            "disconnected' but your site says you disconnect it. Order 7284910. Who's right?")
    assert read(text).category != "service_outage"


@pytest.mark.parametrize("text", [
    "@oyorooms reached hotel in Jaipur at 1am, manager says no room available even tho booking is confirmed in app. "
    "standing outside with my wife right now. CALL ME IMMEDIATELY",
    "@Bookingcom arrived at the Lisbon apartment you confirmed and the host says it's double booked and just left. "
    "11pm, two kids, phone on 9%. WHAT DO WE DO",
])
def test_arriving_to_no_room_at_night_is_stranded(text: str) -> None:
    assert "stranded" in read(text).urgency
    for draft in drafts("base", text, range(1, 4)):
        assert "not being sure of your booking" not in draft.text, draft.text


def test_a_joke_told_about_the_shop_gets_no_complaint_lines() -> None:
    text = ("@woolworths the Toowong store has started playing Fleetwood Mac on loop and I have spent $180 on a quick "
            "shop. Is this a tactic. Asking for my bank account")
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert draft.action == "needs_agent" or "sorry" not in draft.text.lower(), draft.text


def test_a_deaf_customer_told_to_phone_is_offered_the_checks_in_writing() -> None:
    text = ("@NatWest_Help I'm deaf and your fraud team keep insisting I phone to unblock my card. I can't. Relay UK "
            "calls keep getting cut off at security questions. Is there any other way?? Card blocked since Tuesday "
            "and I can't buy food.")
    r = read(text)
    assert "fraud" not in r.urgency and r.category != "fraud_security"
    for draft in drafts("harbour-bank", text, range(1, 5)):
        assert "every minute counts" not in draft.text and "call the number" not in draft.text, draft.text
        assert "writing" in draft.text, draft.text


@pytest.mark.parametrize("text", [
    "please add subtitles to the catch up app, my dad is hard of hearing and half the shows don't have them",
    "Ripple please call me, I'm deaf so use the text relay number on my account. broadband fault ref RB-55201",
])
def test_no_writing_offer_where_no_phone_stands_in_the_way(text: str) -> None:
    for draft in drafts("tidewave", text, range(1, 4)):
        assert "won't need to phone" not in draft.text and "No call needed" not in draft.text, draft.text


def test_a_city_centre_outage_is_an_area_fault() -> None:
    text = ("@ThreeUKSupport NO SIGNAL IN MANCHESTER CITY CENTRE FOR 2 DAYS. I work off my phone. When is it back?? "
            "#ThreeOutage")
    assert post_conditions(text)["area_wide"]
    assert not post_conditions("the city centre store was lovely, no complaints")["area_wide"]


def test_a_reported_listing_still_up_asks_for_it_to_come_down() -> None:
    text = ("@AskeBay seller messaged me asking to pay by bank transfer 'to avoid fees' on a PS5 listing, item "
            "155402993812. Obvious scam. Reported it 2 hours ago and the listing is still up.")
    assert "remove" in read(text).asks
    for draft in drafts("parcelpop", text, range(1, 4)):
        assert "password" not in draft.text, draft.text


def test_he_follows_me_is_a_threat() -> None:
    assert "threat" in read("a man keeps sitting next to me every morning and he follows me off the train").urgency


def test_a_flight_already_named_is_not_asked_for_in_a_threat() -> None:
    text = ("@JetBlue man in 14C on flight 1523 is drunk and has been yelling at the woman next to him for 20 min. "
            "Still at the gate at BOS.")
    for draft in drafts("northwind-air", text, range(1, 5)):
        assert "flight number" not in draft.text, draft.text


def test_that_s_not_you_right_asks_about_a_phish() -> None:
    text = ("@canadapost got a text saying my package is on hold for a $1.99 redelivery fee, link goes to "
            "canadapost-redeliver dot info. That's not you right? My mom nearly clicked it")
    assert post_conditions(text)["phishing"] and "fraud" in read(text).urgency
    assert read(text).category == "fraud_security"


def test_a_pin_given_to_a_caller_is_fraud() -> None:
    text = ("@AskTD my dad (78) got a call saying his account was locked and they needed his PIN to 'verify'. He gave "
            "it. He still has the card, do we cancel it now?")
    r = read(text)
    assert "fraud" in r.urgency and r.category == "fraud_security"
    for draft in drafts("harbour-bank", text, range(1, 4)):
        assert "written confirmation" not in draft.text, draft.text


def test_nearly_sending_to_the_wrong_person_is_no_wrong_payment() -> None:
    assert not post_conditions("the Pay button has no label. I've nearly sent money to the wrong person twice")[
        "wrong_recipient"]
    assert post_conditions("I sent £75 to the wrong person, typo in the username")["wrong_recipient"]


def test_honesty_nobody_asked_for_is_a_joke() -> None:
    text = ("@NatWest_Help spending insights just told me 41% of my month went on 'eating out'. I did not ask for this "
            "kind of honesty")
    assert read(text).intent == "banter"
