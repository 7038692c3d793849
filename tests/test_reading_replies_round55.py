"""Round 55 (eleventh stop): tune posts the blind reviewers stopped, as general rules.

Sincere praise whose only "problem" words are the topic's nouns ("the booking flow is really nice now, well
done") is praise, not sarcasm; someone hurt or unwell beside a held train or a stuck journey hears the safety
lines first, never "let's get you on your way"; someone hurt by staff is asked after, not told not to
"approach them again".
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.variables import _CARD_GIVEN, _HURT, _MISSING, _REFUSED, FEE_NAMED, emergency_number


def test_praise_on_a_booking_topic_is_praise_not_sarcasm() -> None:
    text = ("the Crimson Trains app booking flow is actually really nice now? took me 2 min to book Manchester "
            "return. well done @CrimsonTrains 👍")
    reading = read(text)
    assert (reading.intent, reading.sarcasm) == ("praise", False), reading.reasons
    for d in drafts("northline-rail", text):
        assert "sorry" not in d.text.lower(), d.text


@pytest.mark.parametrize("text", ["great job @NorthlineRail, my booking got cancelled twice 🙃",
                                  "well done on booking me onto a train that doesn't exist"])
def test_sarcastic_well_done_on_a_booking_problem_stays_a_complaint(text: str) -> None:
    assert read(text).intent == "complaint"


@pytest.mark.parametrize(("text", "hurt"), [
    ("he's got a cut on his head", True), ("she was injured by the door", True), ("we ended up in A&E", True),
    ("my son got hurt on the escalator", True), ("broke my wrist on your wet floor", True),
    ("it hurt my feelings tbh", False), ("the price hurts", False), ("price cut on the tv", False),
    ("the apples were bruised", False), ("burnt toast again", False), ("cut my hair", False),
])
def test_hurt_means_a_person_hurt(text: str, hurt: bool) -> None:
    assert (_HURT.search(text) is not None) is hurt


FAINTED = ("train stuck between stations outside Hebden Bridge 2 hours, no power no lights no water, a woman in "
           "coach B has fainted and there is no staff in sight. @NorthmoorTrains")


@pytest.mark.parametrize("bank", ["northline-rail", "base"])
def test_someone_unwell_on_a_held_train_hears_safety_not_moving_on(bank: str) -> None:
    reading = read(FAINTED)
    assert {"safety", "stranded"} <= set(reading.urgency), reading.reasons
    for d in drafts(bank, FAINTED):
        low = d.text.lower()
        assert "999" in low, d.text
        assert "on your way" not in low and "getting you moving" not in low, d.text
        assert "ticket's valid" not in low and "last train" not in low, d.text


ASSAULT = ("a chef at @Wokaway Birmingham New St came out from the kitchen and shoved my brother into a table "
           "because he complained about the wait. he's got a cut on his head. we've called the police")


def test_someone_hurt_by_staff_is_asked_after_and_never_blamed() -> None:
    texts = [d.text for d in drafts("crumb-and-co", ASSAULT)]
    assert any("injury looked at" in t for t in texts), texts
    for t in texts:
        assert "approach them" not in t, t
        assert t.count("act on it") <= 1, t


@pytest.mark.parametrize("text", ["@BriskBus do you still do the free travel for under 11s at weekends?",
                                  "do you still do the meal deal after 5pm or is it lunchtime only? @CrispyBarn"])
def test_asking_what_is_still_on_offer_is_no_trouble_to_apologise_for(text: str) -> None:
    reading = read(text)
    assert reading.intent == "question" and not reading.negative, reading.reasons
    for bank in ("northline-rail", "crumb-and-co"):
        for d in drafts(bank, text):
            assert "sorry" not in d.text.lower(), d.text


def test_a_refund_asked_for_an_order_the_customer_cancelled_is_not_apologised_for() -> None:
    text = ("@KettleCrumb hi, could i get a refund for the birthday cake order i cancelled on Tuesday? order KC-7781, "
            "was 4 days before pickup so should be within the policy")
    assert not read(text).negative
    assert read("we were billed for the month after we cancelled, could you refund it?").negative


@pytest.mark.parametrize("text", [
    "@StaylioHelp arrived at the apartment in Porto at 10pm, owner says he never got my booking and the place is let "
    "to someone else. booked via you, paid in full. what do i do now",
    "got to the hotel at midnight and reception turned us away, said they were overbooked @Roomery",
])
def test_no_room_on_arrival_is_someone_stranded(text: str) -> None:
    reading = read(text)
    assert "stranded" in reading.urgency, reading.reasons
    assert any("somewhere to stay" in d.text or "nowhere to stay" in d.text for d in drafts("base", text))


@pytest.mark.parametrize("text", ["my order was given to someone else at the counter",
                                  "the hotel room was lovely, we've rented it again for next year"])
def test_given_or_rented_without_a_room_lost_is_not_stranded(text: str) -> None:
    assert "stranded" not in read(text).urgency


@pytest.mark.parametrize("text", [
    "Delay Repay paid in 2 days. credit where due @WexmoorRail",
    "Parcelia delivery driver actually put my parcel in the shed like I asked in the note. in this economy?? bless you",
    "our room flooded from the room above at midnight but the staff moved us straight into a suite and took the "
    "night off the bill. handled brilliantly 👏",
    "new Fernway rug arrived and it's even nicer than the pics. the dog has already claimed it 🐕",
])
def test_thanks_said_in_other_words_is_praise(text: str) -> None:
    assert read(text).intent == "praise", read(text).reasons


def test_yes_or_no_asks_a_question() -> None:
    reading = read("@OrrinJet ukulele as a personal item, yes or no?")
    assert reading.intent == "question", reading.reasons
    for d in drafts("northwind-air", "@OrrinJet ukulele as a personal item, yes or no?"):
        assert "sorry" not in d.text.lower() and "apologies" not in d.text.lower(), d.text


def test_threatening_to_move_out_is_a_joke_not_a_threat() -> None:
    text = ("@HungryHeron settle this: nuggets dipped in the milkshake, yes or no. my flatmate is threatening to move "
            "out")
    assert "threat" not in read(text).urgency
    assert "threat" in read("the driver threatened me when I asked for my change").urgency


def test_spoken_to_like_dirt_is_about_staff() -> None:
    text = ("the night manager at Brookhaven Inn Leeds Central spoke to my wife like dirt because our card declined "
            "once. we paid with another. no need for that")
    assert read(text).category == "rude_staff", read(text).reasons


def test_a_shameful_change_is_a_complaint_not_banter() -> None:
    text = ("Ashgrove closing the Hexham branch means my 84 yr old dad now has to get 2 buses to pay his pension in. "
            "shameful @AshgroveBS")
    assert read(text).intent == "complaint", read(text).reasons


def test_a_bank_answers_no_food_order() -> None:
    text = "47 minutes on hold to @AshgroveBS to be told to 'go online'. fantastic use of my lunch break, thanks"
    for d in drafts("harbour-bank", text):
        assert "kitchen" not in d.text and "order number" not in d.text, d.text
        assert "situation food_order is not one a bank brand handles: general lines" in d.reasons, d.reasons


def test_a_family_already_in_a_and_e_is_not_told_to_call_111() -> None:
    text = ("told Pepperdock Oldham my son has a severe nut allergy and they said the pesto was nut free. it wasn't. "
            "we're in A&E now. @PepperdockPizza")
    for d in drafts("crumb-and-co", text):
        assert "111" not in d.text, d.text


@pytest.mark.parametrize("text", [
    "Nothing says 'premium first class' like standing in the vestibule next to the bins for 2 hours. cheers "
    "@WexmoorRail 🙃",
    "security trailed me round the shop and demanded to go through my handbag at the till with the queue watching. "
    "humiliating",
])
def test_sarcasm_and_humiliation_get_no_light_words(text: str) -> None:
    for bank in ("northline-rail", "parcelpop", "base"):
        for d in drafts(bank, text):
            low = d.text.lower()
            assert not any(w in low for w in ("bother", "hassle", "nuisance", "headache")), d.text


def test_an_email_chased_is_not_a_dm_to_read() -> None:
    text = ("day 11 of waiting for @FlyKestrelle to answer my email about my EU261 claim for KS311. ref CLM-55820. "
            "I've sent it 3 times now.")
    assert "check_dm" not in read(text).asks
    for d in drafts("northwind-air", text):
        assert "DM thread" not in d.text and "your DM" not in d.text, d.text


@pytest.mark.parametrize(("text", "ref"), [
    ("please cancel my booking at the Hotel Miramar Seville, conf SQ-4428190. plans changed", "SQ-4428190"),
    ("still waiting on the £32 you promised back for the cancelled Bristol coach. case 7731. 3 weeks now", "7731"),
    ("in case 2020 wasn't bad enough", None), ("ref 2.5 million views", None),
])
def test_short_and_numeric_references_are_read(text: str, ref: str | None) -> None:
    assert read(text).details.booking_id == ref


def test_a_request_to_close_an_account_gets_the_closing_lines() -> None:
    text = ("@Payloop I'm moving back to Brazil for good, please shut my Payloop account and send what's left (£42ish) "
            "to my Kingsmere current account")
    assert "cancel" in read(text).asks
    for d in drafts("harbour-bank", text):
        assert d.action != "needs_agent" and "close" in d.text, d.text


def test_a_cancellation_asked_for_is_done_not_explained() -> None:
    text = ("@ToccaTel cancel my contract at the end of this month please. account holder here and already out of "
            "contract")
    for d in drafts("tidewave", text):
        assert d.answer is None and "85075" not in d.text, d.text


@pytest.mark.parametrize(("text", "refused"), [
    ("refused a refund on soup that arrived in a bag full of soup", True),
    ("Wexmoor rejected my Delay Repay claim saying the train was on time", True),
    ("my claim was rejected", True), ("my refund request was rejected", True), ("they denied my refund", True),
    ("my card was declined", False), ("can I get a refund", False), ("the refund of my declined payment", False),
])
def test_refused_means_a_refund_or_claim_turned_down(text: str, refused: bool) -> None:
    assert (_REFUSED.search(text) is not None) is refused


@pytest.mark.parametrize(("bank", "text"), [
    ("northline-rail", "Wexmoor rejected my Delay Repay claim saying the train was 'on time'. it was 47 mins late "
                       "into Sheffield, I have screenshots from your own app @WexmoorRail"),
    ("crumb-and-co", "@BriskBites refused a refund on soup that arrived in a bag FULL of soup because I 'didn't upload "
                     "a photo in time'. I was busy cleaning up the mess"),
])
def test_a_refusal_is_answered_about_the_decision_not_the_wait(bank: str, text: str) -> None:
    for d in drafts(bank, text):
        assert "decision" in d.text or "turned down" in d.text or "refusal" in d.text, d.text
        assert "taking so long" not in d.text and "trace" not in d.text, d.text


@pytest.mark.parametrize(("text", "given"), [
    ("it asked for my card number and CVV and I typed them in before I realised", True),
    ("I gave them my card details over the phone", True), ("entered my bank details on the fake site", True),
    ("I updated my card details in the app", False), ("my card number was stolen", False),
    ("please don't ask for my card details", False),
])
def test_card_given_means_details_handed_over(text: str, given: bool) -> None:
    assert (_CARD_GIVEN.search(text) is not None) is given


@pytest.mark.parametrize("bank", ["northwind-air", "parcelpop", "loopwork", "tidewave", "harbour-bank"])
def test_card_details_given_to_a_scam_means_call_the_bank_now(bank: str) -> None:
    text = "got a text saying its from you with a link. i clicked it and entered my card details, now worried"
    assert "fraud" in read(text).urgency
    for d in drafts(bank, text):
        assert "call" in d.text.lower() and ("bank" in d.text.lower() or "card" in d.text.lower()), d.text


def test_a_fee_complaint_hears_no_confusion() -> None:
    text = "Kingsmere charged me a £25 unarranged overdraft fee for going 60p over for ONE DAY. 60p. @KingsmereBank"
    for bank in ("harbour-bank", "base", "parcelpop"):
        for d in drafts(bank, text):
            assert "confusion" not in d.text, d.text


def test_a_stranger_let_into_a_guests_room_is_asked_if_they_are_safe() -> None:
    text = ("Lanternstay reception gave my room key to a man who said he was my husband. I'm not married. he was IN "
            "my room when I got back. @Lanternstay I'm shaking")
    assert "threat" in read(text).urgency
    texts = [d.text for d in drafts("base", text)]
    assert any("999" in t for t in texts), texts


@pytest.mark.parametrize(("text", "missing"), [
    ("ordered the veggie feast, got pepperoni", True), ("ordered a large coffee and got a small", True),
    ("I ordered food and got nothing for 2 hours", False), ("ordered 2 weeks ago and got nothing", False),
])
def test_ordered_one_thing_got_another_is_a_wrong_item(text: str, missing: bool) -> None:
    assert (_MISSING.search(text) is not None) is missing


def test_a_wrong_dish_named_is_not_asked_for_again() -> None:
    text = ("ordered the veggie feast, got pepperoni. I've been vegetarian 15 years. second time from the Clapham "
            "branch @PepperdockPizza")
    for d in drafts("crumb-and-co", text):
        assert "Tell us the dish" not in d.text, d.text


def test_a_crypto_signal_group_is_spam() -> None:
    text = ("@HarborTrust 📈 I turned $200 into $9,000 with this crypto signal group!! join now before its full 👉 "
            "t.me/moonprofits 🚀🚀")
    assert read(text).intent == "spam", read(text).reasons


@pytest.mark.parametrize("text", ["@MeridianRail the train was on time and spotless this morning, nice one"])
def test_nice_one_on_a_good_journey_is_praise(text: str) -> None:
    assert read(text).intent == "praise", read(text).reasons


def test_nice_one_on_a_delay_stays_sarcasm() -> None:
    reading = read("nice one @MeridianRail, another 40 minute delay on the 7:10")
    assert reading.intent == "complaint" and reading.sarcasm, reading.reasons


@pytest.mark.parametrize(("text", "subject"), [
    ("the Kettle & Crumb at Westgate has had no oat milk for 3 days now. @KettleCrumb how do you run out of oat "
     "milk for THREE DAYS", None),
    ("@PlayStation my PlayStation won't turn on", "my PlayStation"),
    ("Cobble Coffee app ate my stamps @CobbleCoffee", "Cobble Coffee app"),
])
def test_the_brands_own_name_is_no_subject(text: str, subject: str | None) -> None:
    found = read(text).subject
    assert (found.text if found else None) == subject


def test_ordered_after_us_is_no_wrong_item() -> None:
    assert _MISSING.search("people who ordered after us got theirs first") is None


def test_a_us_bank_never_names_uk_emergency_numbers() -> None:
    from carevoice.bank.registry import list_banks, load_bank

    checked = 0
    for info in list_banks():
        bank = load_bank(info.name)
        if bank.locale != "en-US":
            continue
        checked += 1
        uk = [p.id for p in bank.phrases if "999" in p.text or "NHS" in p.text or " 111" in p.text]
        assert uk == [], (info.name, uk)
    assert checked >= 1


def test_a_needle_in_food_in_a_us_store_hears_911_not_999() -> None:
    text = ("@MegaMart found a needle in a bag of your store brand grapes. my 4 year old was eating them. im shaking. "
            "store 2281 in Mesa")
    for d in drafts("parcelpop", text):
        assert "999" not in d.text, d.text


@pytest.mark.parametrize(("locale", "number"), [("en-GB", "999"), ("en-US", "911"), ("en_CA", "911"), ("en", "999"),
                                                ("en-AU", "000"), ("de-DE", "112")])
def test_the_emergency_number_follows_the_banks_locale(locale: str, number: str) -> None:
    assert emergency_number(locale) == number


def test_a_us_brand_extending_base_says_911() -> None:
    text = "my dad collapsed in your store and he's not breathing properly, staff just standing there"
    texts = [d.text for d in drafts("loopwork", text)]
    assert all("999" not in t for t in texts), texts
    assert any("911" in t for t in texts), texts


def test_praise_said_as_never_missing_is_praise() -> None:
    assert read("@SliceSociety you lot never miss 🍕🔥 perfect every time").intent == "praise"


@pytest.mark.parametrize("bank", ["harbour-bank", "parcelpop", "tidewave"])
def test_a_fee_complained_about_is_answered_about_the_fee(bank: str) -> None:
    text = ("@FlintHaleBank why have I been charged a £25 'unarranged overdraft fee' when my salary went in the same "
            "morning??")
    for d in drafts(bank, text):
        assert d.answer is None, d.text
        assert "merchant" not in d.text.lower() and "hold" not in d.text.lower(), d.text


def test_a_fee_asked_about_is_still_answered() -> None:
    texts = [d for d in drafts("northwind-air", "is there a fee to change my flight date?")]
    assert any(d.answer is not None for d in texts)


def test_wont_refund_is_a_refusal() -> None:
    assert _REFUSED.search("you still took the £29.99 setup fee and won't refund it") is not None


@pytest.mark.parametrize("text", [
    "you are the worst airline in america and your staff are brain dead monkeys @FlyRedwing go bankrupt already",
    "@MarloweStores overpriced rubbish run by snobs. every single person who works for you is a muppet. go bankrupt "
    "already",
])
def test_wishing_the_brand_bankrupt_with_insults_is_abuse(text: str) -> None:
    assert read(text).intent == "abuse", read(text).reasons


def test_someone_who_has_chased_for_days_is_not_thanked_for_telling_us_straight_away() -> None:
    text = ("@HoprSupport day 3. my account is still showing someone else's email and the £214 of rides isn't "
            "refunded. I've sent everything you asked for")
    for bank in ("northline-rail", "base"):
        for d in drafts(bank, text):
            assert "straight away" not in d.text and "so quickly" not in d.text, d.text


def test_money_taken_is_not_met_with_thanks_for_flagging() -> None:
    text = ("@CobaltBank someone just took £1,840 out of my account in 3 payments to an online casino. not me. i've "
            "frozen the card in the app but the money is gone. PLEASE help")
    for d in drafts("harbour-bank", text):
        assert "exactly what we need to know" not in d.text, d.text


def test_a_fee_line_never_asks_for_the_amount_given() -> None:
    text = ("@JunoWireless third time asking about the $35 activation fee the rep promised to waive. I have the chat "
            "transcript. answer me")
    for d in drafts("tidewave", text):
        assert "amount" not in d.text, d.text


def test_wishing_staff_thrown_in_a_river_is_abuse() -> None:
    text = "@GreyfordRail every single one of you should be sacked and thrown in a river. useless parasites"
    assert read(text).intent == "abuse", read(text).reasons


@pytest.mark.parametrize(("text", "fee"), [
    ("dont want a late fee for your bug", False), ("to avoid any late fee", False), ("charged me a late fee", True),
    ("you want a £180 EARLY EXIT FEE?", True), ("I pay a monthly fee and yet there is advertising", False),
])
def test_a_fee_is_one_charged_or_asked_for(text: str, fee: bool) -> None:
    assert (FEE_NAMED.search(text) is not None) is fee


def test_a_us_customer_threatened_by_a_driver_hears_911() -> None:
    text = ("@FreshWay your delivery driver shouted at me on my doorstep and said he \"knows where I live now\" "
            "because I rejected a squashed bag. I'm on my own with my kids. I don't feel safe")
    texts = [d.text for d in drafts("parcelpop", text)]
    assert any("911" in t for t in texts), texts


def test_an_order_number_sent_by_dm_is_never_asked_for_again() -> None:
    text = "@MojoBurrito hi i sent my order # in a DM like you asked, pls check"
    for d in drafts("crumb-and-co", text):
        assert "order number" not in d.text, d.text


def test_a_named_location_is_a_place() -> None:
    assert read("@MojoBurrito queso at the Eastgate location is like watery soup. what happened").details.place == (
        "Eastgate")
    assert read("my location keeps being wrong in the app").details.place is None


def test_stolen_miles_are_no_payment_to_describe() -> None:
    text = ("someone logged into my Ostra Miles account, changed the email and spent 92,000 miles on flights to Lagos "
            "I didn't book. I can't even log in now. @OstraAirlines please freeze it")
    for d in drafts("northwind-air", text):
        assert "how you paid" not in d.text, d.text


def test_a_fault_already_described_is_not_asked_for() -> None:
    text = ("@BuildriteDIY cordless drill died after 3 uses. battery charges to full, drill does nothing. Buildrite "
            "Pro 18V. still under warranty, what now?")
    for d in drafts("parcelpop", text):
        assert "what it should do" not in d.text, d.text


def test_medicine_in_a_lost_bag_is_urgent() -> None:
    reading = read("@SkylineAir 3rd time asking. WHERE IS MY BAG. ref MAN-SK-44721. its been 11 days and it has my "
                   "insulin pens in it")
    assert "vulnerable" in reading.urgency, reading.reasons


@pytest.mark.parametrize(("bank", "text"), [
    ("northwind-air", "Please cancel the car hire I added to booking 7HQ2LM, dont need it anymore, thanks "
                      "@AtlanticCrown"),
    ("harbour-bank", "@CoinletSupport please cancel my recurring buy of £50 weekly. I can't find it in the app since "
                     "the redesign"),
    ("harbour-bank", "@KineticMoney hey, can you downgrade me from Kinetic Premium to the free plan at the end of "
                     "this month? don't use the perks enough"),
])
def test_cancelling_part_of_a_booking_or_account_goes_to_an_agent(bank: str, text: str) -> None:
    for d in drafts(bank, text):
        assert d.action == "needs_agent", d.text


def test_cancelling_a_whole_booking_is_still_drafted() -> None:
    for d in drafts("northwind-air", "please cancel my booking NW-7XK29Q, I can no longer travel"):
        assert d.action != "needs_agent" and "NW-7XK29Q" in d.text, d.text
