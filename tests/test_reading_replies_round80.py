"""Round 80 (thirteenth stop): written tune posts the blind reviewers stopped, as general rules.

Harm done by our own staff is apologised for; a burn is no threat ("get somewhere safe and call 999"). A question
about taking insulin through security is no emergency. A price is not complained about when the charge itself is
wrong ("a minibar I never opened", "the app quoted £19"), and a queue is not the complaint when someone was pushed,
searched, or kept waiting by another failure. Two parts of one reply never say the same words or both send the
customer to the emergency services. Where the customer is stuck ("I'm at Cairnryan now"), the branch after the
handle ("at @CluckAndCo Kirkstall"), the thing bought ("bought a Volta X5 soundbar") and the remedy wanted ("want a
replacement") are read as such. A request for something new is thanked, not apologised for.
"""

from __future__ import annotations

import re

import pytest
from reading_helpers import drafts, part, read

from carevoice.compose import _one_of_each_move, _runs, repeats_a_move
from carevoice.variables import _IMPAIRED, _post_holds


@pytest.mark.parametrize(("bank", "text"), [
    ("parcelpop", "your driver shouted at my elderly dad and threw the parcel at him. he's 84 and now scared to open "
                  "the door"),
    ("northwind-air", "Your gate agent screamed at my autistic son and refused to let us board. Disgusting."),
    ("crumb-and-co", "the manager at your Leeds branch grabbed my son by the arm and shouted at him. he is 12"),
    ("tidewave", "your engineer threatened my elderly mum when she asked for his ID. she is terrified"),
    ("northline-rail", "the guard pushed my dad off the train at Didcot, he's 80 and was left on the platform"),
])
def test_harm_done_by_our_staff_is_apologised_for(bank: str, text: str) -> None:
    assert read(text).intent == "danger"
    for d in drafts(bank, text, seeds=range(10)):
        assert re.search(r"\bsorry\b", d.text, re.IGNORECASE), d.text


def test_a_shove_at_a_relative_is_a_threat() -> None:
    reading = read("One of your staff shoved my 71 year old mother out of the queue at the check in desk. She is "
                   "shaken.")
    assert "threat" in reading.urgency
    assert reading.intent == "danger"


@pytest.mark.parametrize("text", [
    "@CorviaAir can I take my insulin pens and a cool bag through security at Bristol?",
    "am I allowed to bring my inhaler in hand luggage?",
    "can my son pack his epipen in his carry on?",
])
def test_a_question_about_travelling_with_medicine_is_no_emergency(text: str) -> None:
    reading = read(text)
    assert reading.urgency == ()
    assert reading.intent != "danger"


@pytest.mark.parametrize("text", [
    "you lost my bag and my insulin is in it, I fly home in 2 days",
    "the parcel with my insulin never arrived and I've run out",
])
def test_medicine_lost_or_run_out_stays_urgent(text: str) -> None:
    assert "vulnerable" in read(text).urgency


def test_a_burn_from_staff_gets_first_aid_words_not_a_threats_script() -> None:
    text = ("The barista at Bean Street Kings Rd poured an extra hot latte straight onto my hand when I asked for a "
            "lid. its blistered. no first aid kit, no apology @BeanStreet")
    assert "safety" in read(text).urgency
    for d in drafts("crumb-and-co", text, seeds=range(12)):
        low = d.text.lower()
        assert "feel unsafe" not in low and "registration" not in low and "999" not in low, d.text
        assert "sorry" in low, d.text


@pytest.mark.parametrize(("text", "pricing"), [
    ("thanks @StaywellHotels for charging my card £89 for a minibar I never opened. really appreciate it", False),
    ("@GoCabApp charged me £46 for a trip the app quoted at £19", False),
    ("£3.80 for a teabag in hot water. daylight robbery", True),
    ("£12 for a sandwich, overpriced", True),
    ("£9 for a cocktail i didn't even order", False),
])
def test_a_charge_for_something_never_used_or_quoted_lower_is_no_price_complaint(text: str, pricing: bool) -> None:
    assert _post_holds("pricing", text) is pricing


def test_a_minibar_never_opened_is_checked_not_passed_to_pricing() -> None:
    text = "thanks @StaywellHotels for charging my card £89 for a minibar I never opened. really appreciate it"
    for d in drafts("base", text, seeds=range(10)):
        low = d.text.lower()
        assert "value" not in low and "pricing" not in low and "what we charge" not in low, d.text


@pytest.mark.parametrize(("text", "queue"), [
    ("my login code never arrives, cant check in digitally so now queueing 45 mins at reception", False),
    ("security trailed me and went through my handbag at the till with the queue watching. humiliating", False),
    ("One of your staff shoved my 71 year old mother out of the queue", False),
    ("9 people in the queue and only 2 tills open", True),
    ("queued for 40 minutes at the Leeds branch, one cashier", True),
])
def test_a_queue_is_the_complaint_only_when_nobody_was_pushed_or_searched(text: str, queue: bool) -> None:
    assert _post_holds("queue", text) is queue


def test_two_parts_saying_the_same_words_are_drawn_again() -> None:
    parts = [part("acknowledge", "Sorry you've been locked out of your account – let's get you back in."),
             part("resolve", "Let's get you back in: reach us by DM with the email your account uses.")]
    assert repeats_a_move(parts)
    assert _one_of_each_move(parts) is None


def test_different_words_about_one_thing_are_no_echo() -> None:
    parts = [part("acknowledge", "Sorry the sign-in keeps failing on you."),
             part("resolve", "Tell us what the sign-in screen says, and we'll check.")]
    assert not repeats_a_move(parts)


def test_a_contraction_and_its_long_form_are_the_same_words() -> None:
    parts = [part("safety", "If anyone's hurt, please get medical help first."),
             part("resolve", "Please tell station staff; if anyone is hurt, tell them.")]
    assert repeats_a_move(parts)


def test_the_emergency_services_are_named_once() -> None:
    parts = [part("safety", "If anyone's in danger, please call the emergency services first."),
             part("resolve", "Please tell station staff or use a help point now; if anyone is injured, call 999.")]
    assert repeats_a_move(parts)


@pytest.mark.parametrize(("bank", "text"), [
    ("parcelpop", "@MarloweStores website says my email \"isn't registered\" but I've got 8 order confirmations from "
                  "you to that exact email. can't log in to track anything"),
    ("parcelpop", "your driver shouted at my elderly dad and threw the parcel at him. he's 84 and now scared to open "
                  "the door"),
    ("northline-rail", "@VeloMetro can you please get someone to clean Westgate station stairs, there's broken glass "
                       "all over the steps down to platform 1 and kids going to school"),
])
def test_no_draft_says_the_same_three_words_twice(bank: str, text: str) -> None:
    for d in drafts(bank, text, seeds=range(12)):
        sentences = re.split(r"(?<=[.?!])\s+", d.text)
        for i, first in enumerate(sentences):
            for second in sentences[i + 1:]:
                assert not _runs(first) & _runs(second), d.text
        assert len(re.findall(r"999|emergency services", d.text)) <= 1, d.text


@pytest.mark.parametrize(("text", "place"), [
    ("Harbourline sailing cancelled. I'm at Cairnryan now with a car and 2 dogs and nowhere to go", "Cairnryan"),
    ("stranded in Gdansk, flight cancelled", "Gdansk"),
    ("the manager at @CluckAndCo Kirkstall swore at my son", "Kirkstall"),
    ("I'm in Shock. flight cancelled", None),
    ("3 hrs waiting at @Heathrow Terminal 5", None),
    ("I'm in Tears right now", None),
])
def test_where_the_customer_is_stuck_is_a_place(text: str, place: str | None) -> None:
    assert getattr(read(text).details, "place", None) == place


def test_a_customer_who_said_where_they_are_is_not_asked() -> None:
    text = ("Harbourline sailing cancelled for a 'technical issue' and the next one with space is Thursday. I'm at "
            "Cairnryan now with a car and 2 dogs and nowhere to go @HarbourlineFerry")
    for d in drafts("northline-rail", text, seeds=range(10)):
        assert "where are you now" not in d.text.lower(), d.text


def test_the_remedy_wanted_is_not_the_subject_and_the_thing_bought_is_theirs() -> None:
    reading = read("Bought a Volta X5 soundbar from Boxhaus 3 weeks ago, left speaker now crackles at any volume. "
                   "want a replacement not a repair @BoxhausHelp")
    assert reading.subject is not None
    assert reading.subject.reply == "your Volta X5"
    assert read("my refund still hasn't come, 3 weeks now").subject.reply == "your refund"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "twice"), [
    ("Fernway took payment for my bookcase 3 times?? £149 x3, all pending", True),
    ("charged me twice for one order", True),
    ("£4.99 x2 on my statement", True),
    ("bought 3 x £5 tickets", False),
])
def test_money_taken_more_than_once(text: str, twice: bool) -> None:
    assert _post_holds("charged_twice", text) is twice


def test_three_payments_are_never_called_a_double_charge() -> None:
    text = "Fernway took payment for my bookcase 3 times?? £149 x3, all pending on my banking app. order FW-66104"
    for d in drafts("parcelpop", text, seeds=range(10)):
        low = d.text.lower()
        assert "twice" not in low and "double" not in low and "both payments" not in low, d.text


@pytest.mark.parametrize(("text", "rebook"), [
    ("missed my connection to Oslo. can anyone rebook me from here??", True),
    ("please get me on the next flight", True),
    ("5 hour delay at Luton and the only info is a screen that says please wait", False),
])
def test_rebook_means_another_flight_asked_for(text: str, rebook: bool) -> None:
    assert _post_holds("rebook", text) is rebook


def test_a_stranded_passenger_asking_to_be_rebooked_gets_a_flight_not_a_hotel() -> None:
    text = ("first flight 50 min late, missed my connection to Oslo and the transfer desk in Frankfurt has a queue of "
            "200 people. @FlyPeregrine can anyone rebook me from here??")
    for d in drafts("northwind-air", text, seeds=range(10)):
        low = d.text.lower()
        assert "room" not in low and "hotel" not in low, d.text
        assert "few people serving" not in low, d.text


def test_a_delay_with_no_ask_to_rebook_is_not_offered_the_disruption_team() -> None:
    text = ("@SunHop 5 hour delay at Luton and the only info is a screen that says \"please wait\". we are waiting. we "
            "have been waiting since 2pm")
    for d in drafts("northwind-air", text, seeds=range(12)):
        assert "can rebook you" not in d.text, d.text


@pytest.mark.parametrize(("bank", "text"), [
    ("parcelpop", "@KitbagSports please stock the Aero 2 in wide fit, there's a whole flat footed community begging"),
    ("base", "@SeaglassResorts please add a vegan option to the buffet, it was salad every night for a week"),
])
def test_a_request_for_something_new_is_thanked_not_apologised_for(bank: str, text: str) -> None:
    for d in drafts(bank, text, seeds=range(10)):
        assert "sorry" not in d.text.lower(), d.text
        assert "what's happened" not in d.text.lower() and "a bit more" not in d.text.lower(), d.text


@pytest.mark.parametrize("text", [
    "@HollinsReed would love it if you stocked the petite range in more stores, only 2 near me carry it",
    "it'd be great if the app had a dark mode",
    "would be amazing if you opened on sundays",
])
def test_a_wish_is_no_praise(text: str) -> None:
    assert read(text).intent != "praise"


@pytest.mark.parametrize(("text", "staff"), [
    ("the housekeeping team at your Falmouth hotel found my son's retainer and kept it safe. thank you!",
     "the housekeeping team"),
    ("the chef at your Leeds branch was so kind to my daughter", "the chef"),
])
def test_hotel_and_kitchen_roles_are_staff(text: str, staff: str) -> None:
    assert getattr(read(text).details, "staff", None) == staff


@pytest.mark.parametrize(("text", "no_show"), [
    ("engineer never turned up, took the day off for nothing", True),
    ("you cancelled my install the night before", True),
    ("can't find an install slot for 5 weeks", False),
    ("when is the earliest visit you can do?", False),
])
def test_no_show_means_a_visit_that_did_not_happen(text: str, no_show: bool) -> None:
    assert _post_holds("no_show", text) is no_show


def test_a_customer_waiting_for_a_first_slot_is_not_told_they_planned_their_day() -> None:
    text = "love that @QuantaFibre can bill me from day one but can't find an install slot for 5 weeks. great stuff"
    for d in drafts("tidewave", text, seeds=range(12)):
        low = d.text.lower()
        assert "planned your day" not in low and "engineer's notes" not in low, d.text


def test_a_discount_code_is_not_called_a_gift_card_and_an_app_post_is_not_asked_where() -> None:
    text = ("@Wokaway the app won't let me apply my student discount, just says \"invalid code\" even though it's the "
            "one you emailed me yesterday")
    assert _post_holds("app", text)
    for d in drafts("crumb-and-co", text, seeds=range(12)):
        low = d.text.lower()
        assert "gift card" not in low and "in the app, on a delivery" not in low, d.text


@pytest.mark.parametrize(("condition", "text", "holds"), [
    ("engineer", "\"engineer required\" and the earliest slot is next thursday", True),
    ("engineer", "my wifi keeps dropping every evening", False),
    ("in_store", "receipt in hand, can i just swap it in store?", True),
    ("in_store", "the kettle I ordered online leaks", False),
    ("money_lost", "paid them £150 and sent a photo of her passport", True),
    ("money_lost", "the host asked me to pay the rest by bank transfer to avoid fees", False),
])
def test_what_the_post_already_says(condition: str, text: str, holds: bool) -> None:
    assert _post_holds(condition, text) is holds


@pytest.mark.parametrize(("bank", "text", "banned"), [
    ("tidewave", "@QuantaFibre 4 DAYS without internet. FOUR. \"engineer required\" and the earliest slot is next "
                 "thursday. do you people understand that I work from home??", "test your line"),
    ("parcelpop", "@KingswayHelp kettle i bought 3 weeks ago has started leaking from the base. receipt in hand, can "
                  "i just swap it in store?", "no trip to a store"),
    ("base", "Roamly host just messaged asking me to pay the rest by bank transfer 'to avoid Roamly fees'. That's "
             "against your rules right? @RoamlyStays", "money back"),
    ("base", "Roamly host just messaged asking me to pay the rest by bank transfer 'to avoid Roamly fees'. That's "
             "against your rules right? @RoamlyStays", "how you paid"),
])
def test_a_step_the_post_has_already_passed_is_not_offered(bank: str, text: str, banned: str) -> None:
    for d in drafts(bank, text, seeds=range(12)):
        assert banned not in d.text.lower(), d.text


@pytest.mark.parametrize(("text", "grave"), [
    ("my grandad is 88 and your call centre kept him on hold 2hrs", True),
    ("I'm 16 and was buying a phone case with my own money", True),
    ("my 90 yo nan", True),
    ("the train is 15 minutes late", False),
    ("it is 12:30 and still no delivery", False),
    ("the sale is 75% off", False),
])
def test_someone_elderly_or_young_makes_a_post_too_serious_for_light_words(text: str, grave: bool) -> None:
    assert (_IMPAIRED.search(text) is not None) is grave


# Round 83: the tune part of the w-I13- batch, written after this stop's first changes


@pytest.mark.parametrize(("text", "kind"), [
    ("sent £450 to a joiner I found on facebook for a deposit, he's blocked me and vanished", "fraud"),
    ("the app shows a pending charge from 'GRNDVIEW HTL' for $89 I've never heard of", "fraud"),
    ("a guy on the phone says my broadband will be cut off unless I pay with gift cards", "fraud"),
    ("my coach to Glasgow just left Victoria 10 mins EARLY. next one is 11pm", "stranded"),
    ("stuck outside the apartment at 11pm, host not answering, key box code doesn't work", "stranded"),
    ("they lost my car seat, I'm at baggage claim with a 1 year old and no way to legally drive her home", "stranded"),
    ("asked for NO mayo because my son has an egg allergy. burger drowning in mayo", "safety"),
    ("your chicken breasts were in date and smelled off when I opened them", "safety"),
    ("your engineer left a cable running across our hallway floor", "safety"),
    ("the store rep signed my dad (82) up to 2 new lines he didn't ask for", "vulnerable"),
    ("I'm a carer for my wife and her care alarm runs through the broadband, it's been off since last night",
     "vulnerable"),
])
def test_danger_in_the_customers_own_words_is_found(text: str, kind: str) -> None:
    assert kind in read(text).urgency


@pytest.mark.parametrize("text", [
    "can I pay with gift cards online?",
    "we left early and they STILL charged both nights",
    "no toy in the kids meal, my 4 year old cried the whole way home",
    "£48 to put a backpack in the cabin. your sizer is a scam",
    "mortgage offer is late and the seller is threatening to pull out",
    "is there a kids menu without nuts? my son has a nut allergy",
])
def test_no_danger_where_there_is_none(text: str) -> None:
    assert read(text).urgency == ()


@pytest.mark.parametrize(("text", "intent"), [
    ("we had an issue with our room at the start (leaky shower) but Olivia moved us to a lodge. you've won us back",
     "praise"),
    ("your useless support team should be fired out of a cannon. every single one", "abuse"),
    ("Get £50 off your next order!! just sign up with my code FREEFOOD50 and share 👉 promo-site.win", "spam"),
])
def test_intent_in_other_words(text: str, intent: str) -> None:
    assert read(text).intent == intent


@pytest.mark.parametrize(("condition", "text", "holds"), [
    ("hurt", "my milkshake tasted of bleach and my throat is burning", True),
    ("hurt", "my mum has already tripped over it", True),
    ("cable", "your engineer left a cable running across our hallway floor", False),
    ("cable", "there's a cable across the road outside no 12", True),
    ("pricing", "my bill went from $65 to $82 with no change to my plan, I'm in a price lock contract", False),
    ("queue", "had to put the shopping back with a queue behind me", False),
    ("queue", "queue said 4,000 ahead of me, then error 502", False),
    ("queue", "45 min queue at check in", True),
    ("on_the_phone", "I'm on the phone to a guy from your company right now", True),
    ("on_the_phone", "is this text from you?", False),
])
def test_post_conditions_round83(condition: str, text: str, holds: bool) -> None:
    assert _post_holds(condition, text) is holds


@pytest.mark.parametrize(("text", "grave"), [
    ("07:42 cancelled AGAIN. that's 4 out of 5 days this week", True),
    ("I'm going to lose my job over this", True),
    ("the seller is threatening to pull out", True),
    ("my train was 5 minutes late", False),
])
def test_a_repeated_failure_or_a_lot_at_stake_is_too_serious_for_light_words(text: str, grave: bool) -> None:
    from carevoice.variables import _grave

    assert _grave(read("the train was late"), "transport_disruption", text) is grave


@pytest.mark.parametrize("bank", ["base", "tidewave"])
def test_a_scam_call_in_progress_is_told_to_hang_up(bank: str) -> None:
    text = ("@GlintTVhelp I'm on the phone to a guy from 'Glint TV' right now saying my subscription will be "
            "cancelled unless I pay with gift cards. is this real?? he's still on the line")
    for d in drafts(bank, text, seeds=range(10)):
        low = d.text.lower()
        assert "hang up" in low or "don't send money" in low, d.text
        assert "sim swap" not in low and "block the sender" not in low, d.text


def test_a_danger_post_asking_for_a_call_is_offered_one() -> None:
    text = ("@PortwaveHelp can someone ring me? I'm a carer for my wife and need a priority repair, her care alarm "
            "runs through the broadband and it's been off since last night")
    for d in drafts("tidewave", text, seeds=range(10)):
        assert "ring you" in d.text or "call you" in d.text, d.text


def test_a_policy_answer_is_not_framed_as_the_customers_refund() -> None:
    text = ("@PenroseCo what's the return policy on sale items? bought a jumper in the black friday sale and it "
            "doesn't fit")
    for d in drafts("parcelpop", text, seeds=range(8)):
        assert "30 days" in d.text, d.text
        assert "refund isn't" not in d.text and "refund is taking" not in d.text, d.text


def test_a_pregnancy_question_gets_the_pregnancy_answer() -> None:
    text = "@SkylarkAtl whats the policy on flying at 33 weeks pregnant? do i need a fit to fly letter"
    for d in drafts("northwind-air", text, seeds=range(6)):
        assert "week 36" in d.text, d.text


def test_branch_thanks_is_not_passed_to_the_digital_team() -> None:
    text = ("Moira at the Kendal branch spent an hour with my mum sorting dad's accounts after he passed. so gentle "
            "and kind. thank you, truly")
    for d in drafts("harbour-bank", text, seeds=range(12)):
        assert "digital banking" not in d.text, d.text


@pytest.mark.parametrize(("text", "tried"), [
    ("my recordings all vanished after last night's box update. is there any way to get them back", None),
    ("since the update the app keeps crashing", None),
    ("I've updated the app and it still crashes", "update"),
    ("I'm on the latest version and it still freezes", "update"),
])
def test_an_update_that_broke_something_is_no_fix_tried(text: str, tried: str | None) -> None:
    assert getattr(read(text).details, "tried", None) == tried
