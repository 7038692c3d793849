"""Round 73 (twelfth stop): real tune posts the blind reviewers stopped, as general rules.

One error is not a pattern: a thing is called "unreliable", or said to "keep" failing, only when the post says
the fault comes back. Points that expired or a scheme the brand changed are not points that failed to arrive:
no "we'll add the missing Miles". A customer who is selling ("whenever I try to sell it the game freezes") asks
for nothing to be taken down.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import _POINTS_CHANGED, _RECURRING


@pytest.mark.parametrize(("text", "recurring"), [
    ("my wifi keeps dropping", True), ("the app crashed again", True), ("it freezes every time I open it", True),
    ("third time this week", True), ("it's still not working", True), ("logged out 5 times today", True),
    ("crashes constantly", True), ("goes off every evening", True),
    ("i got error code WS-37368 and i have no idea why", False), ("my phone won't turn on", False),
    ("the app crashed when I paid", False), ("thanks again for the help", False),
    ("please respond so i can play again", False), ("it's down again", True), ("delayed again!!", True),
    ("Locked out of my account again", True), ("never again", False), ("would fly with you again", False),
])
def test_recurring_means_the_fault_comes_back(text: str, recurring: bool) -> None:
    assert (_RECURRING.search(text) is not None) is recurring


@pytest.mark.parametrize("bank", ["loopwork", "base", "crumb-and-co"])
def test_one_error_is_not_called_unreliable(bank: str) -> None:
    text = "i got error code WS-37368-7 and i have no idea why or how i got it. Please respond so i can play again."
    for d in drafts(bank, text, seeds=range(12)):
        assert "unreliable" not in d.text and "keeps failing" not in d.text, d.text


@pytest.mark.parametrize(("text", "changed"), [
    ("my 30,000 points just expired without any warning", True), ("you devalued the miles again", True),
    ("your new rewards scheme is a joke", True), ("40% more points for the same seat", True),
    ("my miles from the Lisbon flight never showed up", False), ("how do I earn points on hotel stays?", False),
    ("my passport expires in May, can I still fly?", True),
])
def test_points_changed_reads_a_loss_or_a_change_not_a_missing_credit(text: str, changed: bool) -> None:
    assert (_POINTS_CHANGED.search(text) is not None) is changed


@pytest.mark.parametrize(("bank", "text"), [
    ("northwind-air", "my 30,000 points just expired without any warning email. 8 years a member @NorthwindAir"),
    ("northwind-air", "@NorthwindAir you devalued the miles again?? 40% more points for the same seat. loyalty means "
                      "nothing"),
    ("base", "my reward points expired overnight, nobody told me. 6 years shopping with you"),
])
def test_expired_or_devalued_points_are_not_chased_as_missing(bank: str, text: str) -> None:
    assert read(text).category == "loyalty"
    for d in drafts(bank, text, seeds=range(12)):
        low = d.text.lower()
        assert "missing" not in low and "claim" not in low and "credited" not in low, d.text
        assert "shown up" not in low and "add what's due" not in low, d.text


def test_missing_miles_still_get_the_missing_miles_lines() -> None:
    text = "the miles from my Lisbon flight last month still haven't shown up on my account @NorthwindAir"
    texts = " ".join(d.text.lower() for d in drafts("northwind-air", text, seeds=range(12)))
    assert "miles" in texts and ("missing" in texts or "claim" in texts or "add" in texts), texts


def test_a_customer_selling_in_game_asks_for_no_takedown() -> None:
    text = ("I have 100/100 materials and I am unable to sell it. Whenever I try to sell it my game will just give "
            "me an infinite loading screen. I have restarted my game multiple times. Please help")
    reading = read(text)
    assert "remove" not in reading.asks, reading.reasons
    assert any(r.startswith("asks: not remove") for r in reading.reasons), reading.reasons
    for d in drafts("loopwork", text, seeds=range(8)):
        assert "colleagues who check these" not in d.text and "reports like yours" not in d.text, d.text


@pytest.mark.parametrize("text", ["people are trying to sell fake tickets on your site, take them down",
                                  "report this seller, they're selling counterfeit trainers"])
def test_a_report_of_someone_else_selling_keeps_the_takedown(text: str) -> None:
    assert "remove" in read(text).asks


# Round 74 (the first review of the w-G11 tune posts)

@pytest.mark.parametrize("text", [
    "@Parcelo your driver waited while I came down 6 flights of stairs on crutches. didn't have to. thank you 🙏",
    "Engineer Dev found a fault 3 other engineers couldn't in 20 minutes. rewired the socket, explained everything. "
    "legend @QuantaFibre",
    "ordered at 9pm, arrived 8am next day, beautifully packed. @BoxhausHelp you're spoiling me",
])
def test_thanks_in_other_words_is_praise(text: str) -> None:
    reading = read(text)
    assert reading.intent == "praise", reading.reasons
    for d in drafts("parcelpop", text):
        assert "sorry" not in d.text.lower(), d.text


def test_a_negator_in_an_earlier_sentence_does_not_turn_thanks_around() -> None:
    reading = read("he didn't have to. thank you so much")
    assert reading.emotion == "delight", reading.reasons


@pytest.mark.parametrize("text", [
    "@BlueHeronAir your chatbot has sent me in a loop 5 times. 'talk to an agent' just takes me back to 'how can I "
    "help' 🙃 love it",
    "great, another update and the app forgets my card again 🙄 love that for me",
])
def test_kind_words_with_an_eye_roll_are_sarcasm(text: str) -> None:
    reading = read(text)
    assert reading.sarcasm and reading.intent != "praise", reading.reasons


def test_a_quiet_thank_you_with_a_smile_is_not_sarcasm() -> None:
    reading = read("thank you for sorting my refund so quickly 🙂")
    assert reading.intent == "praise" and not reading.sarcasm, reading.reasons


@pytest.mark.parametrize(("text", "kind"), [
    ("a man on the 22:10 from Kings Lynn has followed me through 3 carriages and keeps sitting opposite me "
     "staring. coach D", "threat"),
    ("flight cancelled at 11pm, no hotel, desk closed, im sat on the floor at Stansted with my 2 kids", "stranded"),
    ("my train was cancelled and the replacement bus wouldn't take my bike. I'm now 40 miles from home with no way "
     "back", "stranded"),
    ("your contractors dug up our driveway and left it. there's a hole my toddler nearly fell in", "safety"),
])
def test_danger_phrased_plainly_is_found(text: str, kind: str) -> None:
    assert kind in read(text).urgency, read(text).reasons


def test_a_security_guard_following_a_shopper_round_the_store_is_no_threat() -> None:
    text = "the security guard at Marlowe Oxford St followed me round the whole store then checked my bag"
    assert "threat" not in read(text).urgency


def test_a_bereaved_customer_asked_again_is_never_answered_with_a_quip() -> None:
    text = ("@FairwayCU my late husband's account - third time I've been asked to post the death certificate. i "
            "can't keep doing this")
    reading = read(text)
    assert reading.intent == "complaint" and reading.bereavement, reading.reasons
    for d in drafts("harbour-bank", text):
        assert "condolence" in [s.stage for s in d.stages], d.text


@pytest.mark.parametrize(("text", "queue"), [
    ("9 people in line and only 3 tellers during lunch", True), ("only one till open on a Saturday", True),
    ("queued 25 mins at your drive thru, one person on the window", True), ("short-staffed again", True),
    ("20 minutes in the queue and the cashier was rude to me", False), ("my parcel is in the queue for delivery",
                                                                         False),
    ("the app is slow", False),
])
def test_queue_means_a_wait_with_few_serving_and_no_one_rude(text: str, queue: bool) -> None:
    from carevoice.variables import _NOT_RUDE, _QUEUE

    assert (_QUEUE.search(text) is not None and _NOT_RUDE.search(text) is not None) is queue


@pytest.mark.parametrize("bank", ["harbour-bank", "base", "northwind-air"])
def test_a_queue_is_answered_about_the_wait_not_as_rude_staff(bank: str) -> None:
    text = ("9 people in line and only 3 tellers during lunch makes me think @WellsFargo is not customer service "
            "oriented.")
    for d in drafts(bank, text):
        low = d.text.lower()
        assert "treated" not in low and "spoken to" not in low and "behavio" not in low, d.text
        assert "wait" in low or "queu" in low, d.text


@pytest.mark.parametrize(("text", "pricing"), [
    ("£3.80 for a teabag in hot water is criminal", True), ("this is daylight robbery", True),
    ("now it's the size of a golf ball and 40p dearer", True), ("wifi costs £9.99 a day", True),
    ("overdraft went from 19.9% to 39.9% with one letter", True),
    ("you charged me £40 for a bag I never ordered", False), ("charged twice for one coffee", False),
    ("I paid £40 for a refund that never came", False), ("my parcel is late", False),
])
def test_pricing_means_the_price_itself_not_a_wrong_charge(text: str, pricing: bool) -> None:
    from carevoice.variables import _NOT_WRONG_CHARGE, _PRICING

    assert (_PRICING.search(text) is not None and _NOT_WRONG_CHARGE.search(text) is not None) is pricing


@pytest.mark.parametrize(("bank", "text"), [
    ("crumb-and-co", "£2.99 delivery fee, £1.50 service fee, £2 'small order fee'. for a £6 sandwich. @Dashly this "
                     "is daylight robbery"),
    ("harbour-bank", "Northvale overdraft went from 19.9% to 39.9% with one letter. 22 years a customer. thanks a "
                     "bunch @NorthvaleBank"),
    ("northwind-air", "Bring back the free tea/coffee on short haul @NorthwindAir, £3.80 for a teabag in hot water "
                      "is criminal"),
])
def test_a_price_complaint_is_heard_and_passed_on_not_investigated(bank: str, text: str) -> None:
    for d in drafts(bank, text):
        low = d.text.lower()
        assert "should apply" not in low and "investigate" not in low and "thank you;" not in low, d.text
        assert "pric" in low or "charge" in low, d.text


def test_a_wrong_fee_is_still_checked() -> None:
    text = "driver cancelled on me 4 times in a row at 1am. each time I got charged the £3.50 cancellation fee"
    assert any("should apply" in d.text for d in drafts("base", text))


def test_points_that_vanished_are_a_loss_not_a_missing_credit() -> None:
    text = "my Golden Rewards points vanished after the app update, had 2,400 saved. nearly a free meal deal gone"
    for d in drafts("crumb-and-co", text):
        assert "last 14 days" not in d.text and "stamps from" not in d.text, d.text


def test_thanks_to_a_named_colleague_is_passed_to_them() -> None:
    text = ("massive thank you to Tomasz on reception at Bellhaven Cardiff who drove to the station at midnight with "
            "the passport I'd left behind. above and beyond @BellhavenHotels")
    assert read(text).details.staff == "Tomasz"
    assert any("Tomasz" in d.text for d in drafts("base", text))


@pytest.mark.parametrize("bank", ["harbour-bank", "base"])
def test_unrecognised_payments_are_fraud_and_the_card_is_frozen_first(bank: str) -> None:
    text = ("@AshfordBank 4 payments I don't recognise in the last hour, all to some online casino. card is in my "
            "hand. freeze it please I can't get through on the phone")
    reading = read(text)
    assert reading.category == "fraud_security" and "fraud" in reading.urgency, reading.reasons
    for d in drafts(bank, text):
        assert "PIN, passcode or code, or for you to move money" not in d.text, d.text
        assert "when they got in touch" not in d.text, d.text


def test_a_complaint_the_weights_took_for_a_joke_is_a_complaint_when_the_rules_are_sure() -> None:
    text = ("@ParceloHelp the vacuum lost its suction after a fortnight, filter is clean, bin is empty. £189. not "
            "impressed")
    assert read(text).intent == "complaint"


@pytest.mark.parametrize("text", [
    "the pigeon that rode 3 stops on the tram was more punctual than me lol @VeloMetro",
    "Can't say enough good things about the team at @SeaglassResorts Algarve. Sofia at the pool bar remembered our "
    "drinks all week 🥰",
])
def test_laughter_and_kind_words_keep_a_post_out_of_the_complaints(text: str) -> None:
    assert read(text).intent in ("banter", "praise"), read(text).reasons


@pytest.mark.parametrize(("text", "premises"), [
    ("the hairdryer in room 31 at your York hotel sparked", True), ("the seat on the train was broken", True),
    ("the kettle in the room doesn't work", True), ("the TV on board froze the whole flight", True),
    ("my new kettle sparked", False), ("the lamp in my room stopped working, bought it last month", False),
])
def test_premises_means_the_brands_own_place(text: str, premises: bool) -> None:
    from carevoice.plan import on_premises

    assert on_premises(text) is premises


def test_a_fault_in_a_hotel_room_is_not_asked_where_it_was_bought() -> None:
    text = ("@HarborPine the hairdryer in room 31 at your York hotel sparked and burnt my hand. black scorch marks on "
            "the socket. reception gave me a plaster. it's still plugged in")
    for d in drafts("base", text):
        low = d.text.lower()
        assert "bought" not in low and "order number" not in low and "at home" not in low, d.text
        assert "model" not in low and "receipt" not in low, d.text


def test_an_urgent_reply_says_treating_once() -> None:
    text = ("@NorthwindAir my 15yo is flying unaccompanied LHR to Edinburgh on NW 217 and it's been diverted to "
            "Newcastle. nobody will tell me where she is. please someone call me")
    for d in drafts("northwind-air", text, seeds=range(12)):
        assert d.text.lower().count("treating") <= 1, d.text


def test_a_complaint_in_a_surely_read_situation_is_drafted_though_its_intent_words_are_few() -> None:
    text = ("@AshfordBank the advisor in the Hull branch told my mum (76) she was 'too old to understand' the ISA and "
            "should ask her son. she's a retired accountant")
    reading = read(text)
    assert reading.category == "rude_staff" and reading.confidence >= 0.9, reading.reasons
    for d in drafts("harbour-bank", text):
        assert d.action != "needs_agent" and "sorry" in d.text.lower(), d.text


@pytest.mark.parametrize("text", [
    "@KitelineHelp the agent on chat called me 'mate' then ended the chat when I asked for a manager. lovely",
    "my order came with the lid smashed and soup everywhere. nice one @Dashly",
])
def test_a_lone_kind_word_after_a_problem_is_sarcasm(text: str) -> None:
    reading = read(text)
    assert reading.sarcasm and reading.intent == "complaint", reading.reasons


@pytest.mark.parametrize("text", ["thanks for the quick delivery, arrived a day early. lovely",
                                  "Room upgraded for free, spotless and quiet. brilliant"])
def test_a_lone_kind_word_after_good_news_is_praise(text: str) -> None:
    reading = read(text)
    assert not reading.sarcasm and reading.intent == "praise", reading.reasons


# Round 77 (the first review of the 174 w-H12 tune posts)

@pytest.mark.parametrize(("text", "kind"), [
    ("@Brightmart the hair straighteners I bought last week melted the plug this morning and the socket's gone "
     "black. my teenager was using them. is there a recall", "safety"),
    ("someone on WhatsApp calling themselves 'Cartlo refunds' messaged my mum with my exact order details and asked "
     "for her bank login. how do they have my details", "data_exposure"),
    ("AZ 77 diverted to Bordeaux, they let us off and the rep vanished. 180 of us in arrivals, no info, no food "
     "vouchers, coach 'maybe tomorrow'. @AzuraJet", "stranded"),
])
def test_more_danger_phrased_plainly_is_found(text: str, kind: str) -> None:
    assert kind in read(text).urgency, read(text).reasons


@pytest.mark.parametrize("text", [
    "@Coinlet are you covered by the FSCS or is my money not protected if you go bust?",
    "@Coinlet app showed my balance as £0.00 for 6 hours yesterday. no notification, nothing. nearly had a heart "
    "attack",
])
def test_figures_of_speech_are_neither_abuse_nor_danger(text: str) -> None:
    reading = read(text)
    assert not reading.abusive and not reading.urgency, reading.reasons


def test_wishing_the_brand_bust_is_still_abuse() -> None:
    assert read("just go bust already you useless lot").abusive


@pytest.mark.parametrize("text", [
    "@GoldenBun the manager at your Stockport drive thru saw my little boy had dropped his toy in the car park and "
    "came running out with it. small thing, made his night 💛",
    "housekeeping found my son's retainer on the breakfast tray and kept it safe for us. thank you! @HarborPine",
])
def test_more_thanks_in_other_words_is_praise(text: str) -> None:
    assert read(text).intent == "praise", read(text).reasons


@pytest.mark.parametrize(("text", "pricing"), [
    ("why charge 50p extra for oat milk and nothing for cow's milk?", True),
    ("why is there suddenly a £1 fee to move my own money? it was free last year", True),
])
def test_more_price_complaints(text: str, pricing: bool) -> None:
    from carevoice.variables import _NOT_WRONG_CHARGE, _PRICING

    assert (_PRICING.search(text) is not None and _NOT_WRONG_CHARGE.search(text) is not None) is pricing


@pytest.mark.parametrize("text", ["@NorthvaleBank please send me paper statements again, my advisor needs them",
                                  "@CluckAndCo I'd like my account closed and my saved card removed please"])
def test_a_clear_request_is_never_asked_to_be_restated(text: str) -> None:
    for d in drafts("base", text, seeds=range(12)):
        low = d.text.lower()
        assert "what would you like us to do" not in low and "explain what you need" not in low, d.text
        assert "what you need changed" not in low, d.text


@pytest.mark.parametrize(("text", "queue"), [
    ("20 minutes in the queue and the cashier was RUDE to me", False),
    ("that's not in line with your own policy", False),
])
def test_queue_reads_no_rude_customer_service_and_no_policy_line(text: str, queue: bool) -> None:
    from carevoice.variables import _NOT_RUDE, _QUEUE

    assert (_QUEUE.search(text) is not None and _NOT_RUDE.search(text) is not None) is queue


@pytest.mark.parametrize(("bank", "text"), [
    ("crumb-and-co", "@KettleCrumb why charge 50p extra for oat milk and nothing for cow's milk? makes no sense"),
    ("base", "@Roomery the price went UP £60 between the search page and payment and the chat says that's 'dynamic "
             "pricing'. cool cool cool"),
    ("harbour-bank", "Northvale overdraft went from 19.9% to 39.9% with one letter. 22 years a customer. thanks a "
                     "bunch @NorthvaleBank"),
])
def test_a_price_complaint_is_answered_in_public_without_account_details(bank: str, text: str) -> None:
    for d in drafts(bank, text):
        assert d.action == "reply", d.reasons


def test_a_wrong_charge_still_moves_private() -> None:
    text = "you charged me £40 for a bag I never ordered, I want it back"
    assert all(d.action == "reply_and_move_private" for d in drafts("parcelpop", text)), drafts("parcelpop", text)[0]


@pytest.mark.parametrize(("plain", "at", "start"), [
    ("he didn't have to. thank you", 4, 4), ("he didn't have to. thank you", 2, 0),
    ("didn’t have to!\nthanks so much", 3, 3), ("no break here at all", 4, 0), ("one. two? three", 2, 2),
])
def test_sentence_start_splits_as_the_tokens_do(plain: str, at: int, start: int) -> None:
    from carevoice.concentrate.keywords import sentence_start, tokenize

    assert sentence_start(plain, at) == start, tokenize(plain)
