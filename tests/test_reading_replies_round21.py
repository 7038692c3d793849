"""Readings and replies fixed after the blind review of a fresh sample (tune-split posts never reviewed before).

Reviewers stopped drafts that sent a product-safety script ("keep the packaging") to text
"burned into the first frame" of a video, called iPadOS plural, checked a customer's account
when they asked about price-gouging listings, apologised for "the Windows 10 trouble" to a
laptop that would not turn on, ignored an hour on hold, asked for the version the customer
had given and the device they had named, sent a request for an album to "our developers",
announced that engineers were on an outage nobody had confirmed, told a customer who had lost
their two-step code that they were locked out "with no explanation", and escalated a return
made late because the customer "was in hospital" as a safety case. Danger written in
Spanish, French or German (glass in a coffee, money stolen) was not found at all.
"""

from __future__ import annotations

import pytest
from conftest import DRAFT_SEEDS as SEEDS
from conftest import draft_post as _draft
from conftest import draft_texts as _texts

from carevoice import Inbound
from carevoice.concentrate import concentrate
from carevoice.variables import _BOOKING, _CATALOGUE, _CATALOGUE_ASK, _CONTAMINATED, _ON_HOLD, _PHISHING, _VERSION


def _read(text: str):  # type: ignore[no-untyped-def]
    return concentrate(Inbound(text=text))


def test_text_burned_into_a_video_frame_is_no_injury() -> None:
    reading = _read("whatever is on top of it (PNG or text layer) gets burned into the first or final frame of "
                    "white layer. Cannot believe y'all haven't caught that yet!!! Fix it!")
    assert not reading.urgency and reading.intent != "danger", reading.reasons


@pytest.mark.parametrize("text", ["the coffee burned my hand", "hot oil burned into my skin"])
def test_a_burn_to_a_person_is_still_a_safety_case(text: str) -> None:
    assert "safety" in _read(text).urgency


@pytest.mark.parametrize(("text", "plural"), [
    ("After updating to iPadOS 13.4 it is impossible to connect 2 airpods", False),
    ("Windows keeps crashing on my laptop since the update", False),
    ("my airpods keep disconnecting", True),
])
def test_systems_named_in_a_plural_form_agree_as_one_thing(text: str, plural: bool) -> None:
    subject = _read(text).subject
    assert subject is not None and subject.plural is plural, subject


@pytest.mark.parametrize("text", [
    "are you in the process of removing listings like this one in light of the CMA's announcement about sales "
    "and pricing practices??? link",
    "stop capitalizing on this pandemic! Stop the toilet paper auctions as well as all the other high needed "
    "items, like sanitizer and soap!",
])
def test_a_protest_about_listings_asks_for_them_to_go_and_gets_no_account_check(text: str) -> None:
    assert "remove" in _read(text).asks
    for reply in _texts("parcelpop", text):
        assert "your account" not in reply, reply


def test_a_laptop_that_will_not_turn_on_is_not_called_windows_trouble() -> None:
    text = ("My laptop will not turn on. It should be charged based on the light next to where I plug it in. "
            "I took the battery out and held the button for 30secs, still nothing. Ideas? Windows 10 hp.")
    for reply in _texts("loopwork", text):
        assert "Windows 10 trouble" not in reply, reply


@pytest.mark.parametrize(("text", "held"), [
    ("I've been on hold for over a hour almost twice now", True),
    ("I can’t get through on the phone", True),
    ("I waited on the phone for 40 minutes just to be told to pay", True),
    ("45 minutes on hold and then they hung up on me", True),
    ("Trying to reach you on phone but no luck", True),
    ("I have called 5 times today", True),
    ("my order is on hold", False),
    ("my account has been on hold for 3 days", False),
    ("they put my card on hold", False),
    ("I can not get through the checkout", False),
    ("I called you and it was sorted, thanks", False),
])
def test_waiting_to_reach_the_brand_is_told_from_a_thing_on_hold(text: str, held: bool) -> None:
    assert (_ON_HOLD.search(text) is not None) is held


@pytest.mark.parametrize("bank", ["base", "harbour-bank", "loopwork", "tidewave", "parcelpop"])
def test_an_hour_on_hold_is_acknowledged_first(bank: str) -> None:
    text = "I've been on hold for over an hour almost twice now, this is ridiculous"
    for seed in SEEDS:
        draft = _draft(bank, text, seed)
        first = draft.stages[0] if draft.stages[0].stage != "greet" else draft.stages[1]
        assert first.stage == "acknowledge", draft.stages
        assert first.phrase_id.startswith("base.any.acknowledge."), draft.stages
        assert any(w in (draft.text or "") for w in ("wait", "hold of us", "reach")), draft.text


def test_a_cancelled_flight_and_a_wait_on_the_phone_are_both_owned() -> None:
    text = "My flight was cancelled and I've been on hold for 3 hours, what am I supposed to do?"
    for bank in ("base", "northwind-air"):
        for reply in _texts(bank, text):
            assert "wait" in reply and ("flight" in reply or "disrupt" in reply), reply


@pytest.mark.parametrize(("text", "given"), [
    ("Hi, I'm having problems updating LR v 6.0 to 6.14 advice appreciated", True),
    ("After updating to iOS 13 the app crashes", True),
    ("app version 4.2.1 crashes on start", True),
    ("it costs $9.99 now", False),
    ("rated 4.5 stars, would not buy again", False),
    ("my iphone 11 is broken", False),
])
def test_a_version_the_post_gives_is_found(text: str, given: bool) -> None:
    assert (_VERSION.search(text) is not None) is given


@pytest.mark.parametrize("bank", ["loopwork", "base", "harbour-bank"])
def test_a_version_the_customer_gave_is_never_asked_for(bank: str) -> None:
    for reply in _texts(bank, "Hi, my app keeps crashing after updating LR v 6.0 to 6.14, advice appreciated"):
        assert "version" not in reply.lower(), reply


def test_a_device_the_customer_named_is_never_asked_for() -> None:
    for reply in _texts("loopwork", "when I sign in with a Microsoft account on my PS4 I get a error with login."):
        assert "which device" not in reply.lower(), reply


@pytest.mark.parametrize("text", [
    "Hey @Spotify couldn't back you more but could you get @BigSean Detroit Mixtape on spotify please",
    "where are the Joe Exotic albums?",
    "please add season 3 of The Office to netflix",
])
def test_a_title_wanted_on_the_service_is_not_sent_to_developers(text: str) -> None:
    assert _CATALOGUE.search(text) and _CATALOGUE_ASK.search(text)
    for reply in _texts("loopwork", text) + _texts("base", text):
        assert "rights" in reply.lower() or "licensing" in reply.lower(), reply
        assert "developer" not in reply and "product team" not in reply, reply


def test_a_feature_idea_is_no_title() -> None:
    text = "please add a dark mode to the app"
    assert not (_CATALOGUE.search(text) and _CATALOGUE_ASK.search(text))


def test_an_unconfirmed_outage_is_not_announced_as_known() -> None:
    text = "playing on Xbox one and getting a message The game services are unavailable right now"
    for reply in _texts("loopwork", text):
        assert "engineers are on it" not in reply, reply


def test_a_lost_two_step_code_is_a_lost_phone_and_not_no_explanation() -> None:
    text = ("Hello .. Good night. I need help logging into my Social Club account, as I lost the two-step "
            "verification code, and then I can't log in. Please ask for a solution. Thanks!")
    assert _read(text).details.forgot == "phone"
    for reply in _texts("loopwork", text):
        assert "no explanation" not in reply, reply


def test_a_customer_who_was_in_hospital_is_no_safety_case() -> None:
    assert not _read("the return window closed while I was in hospital, can you still accept it?").urgency
    assert "safety" in _read("my son ended up in hospital after eating your nuggets").urgency


@pytest.mark.parametrize(("text", "kind"), [
    ("Encontré un trozo de vidrio en mi café de @BeanStreet. ¿Cómo es posible? Tengo la foto.", "safety"),
    ("J'ai trouvé un morceau de verre dans mon sandwich", "safety"),
    ("Mein Konto wurde gehackt und Geld gestohlen", "fraud"),
    ("Estoy varado en Bogotá, mi vuelo fue cancelado y nadie me ayuda", "stranded"),
])
def test_danger_in_another_language_is_found_and_the_post_still_goes_to_a_person(text: str, kind: str) -> None:
    reading = _read(text)
    assert reading.intent == "other_language" and kind in reading.urgency, reading.reasons
    assert _draft("base", text).action in ("needs_agent", "escalate")


# ---- the written sector posts (tune split) reviewed blind: 38% publishable, 21% misread ----

@pytest.mark.parametrize("text", [
    "@MarloweStores can Marlowe gift cards be used online or only in store?",
    "@Pennyroot how does the refer a friend bonus work? does my mate have to spend something first?",
    "if I cancel my booking in the free cancellation window, how long until the refund shows? paid by debit card",
])
def test_a_calm_question_is_answered_without_an_apology(text: str) -> None:
    assert not _read(text).negative
    for bank in ("base", "parcelpop"):
        for reply in _texts(bank, text):
            assert "sorry" not in reply.lower() and "apolog" not in reply.lower(), reply


@pytest.mark.parametrize("text", [
    "can you check why my gift card was declined?",
    "where is my order? it hasn't arrived and it's been 2 weeks",
])
def test_a_question_about_something_gone_wrong_is_still_a_problem(text: str) -> None:
    assert _read(text).negative


@pytest.mark.parametrize(("text", "phishing"), [
    ("Bought a ticket on a site called skylineair-deals.com and it doesn't exist. Was that you??", True),
    ('got a call from "Hopr fraud team" who knew my name', True),
    ("is this text from you legit?", True),
    ("I got a text claiming to be from you", True),
    ("Someone booked flights on my account using my saved card", False),
    ("I sent £650 to someone selling a puppy and now they've blocked me", False),
    ("was it delivered to you", False),
    ("is it possible to change my seat", False),
])
def test_a_message_that_may_not_be_the_brands_is_told_from_money_lost(text: str, phishing: bool) -> None:
    assert (_PHISHING.search(text) is not None) is phishing


def test_money_sent_to_a_scammer_gets_money_lines_not_a_was_it_us_check() -> None:
    text = ("@PaydropHelp I sent £650 to someone selling a puppy and now they've blocked me and the listing is "
            "gone. please tell me there's something you can do")
    assert "remove" not in _read(text).asks
    for reply in _texts("base", text):
        assert "really us" not in reply and "posing as us" not in reply and "report" not in reply.lower(), reply


@pytest.mark.parametrize("text", [
    "my Parcelo seller account suspended for policy violation, no details. tell me WHAT policy",
    "your website says my Rewards account is suspended??? never got an email. 60k points in there",
    "youtube terminated my channel for no reason, please reinstate it",
])
def test_a_suspended_account_asks_for_it_back_and_is_not_a_sign_in_problem(text: str) -> None:
    reading = _read(text)
    assert "restore" in reading.asks and reading.intent != "follow_up", reading.reasons
    for reply in _texts("base", text) + _texts("northwind-air", text):
        assert "codes" not in reply and "sign-in" not in reply, reply


def test_free_premium_channels_with_no_subscription_is_spam() -> None:
    text = "Watch ALL premium channels FREE!!! 📺 5000+ channels no subscription 👉 freetvbox.live @OrbitTV"
    assert _read(text).intent == "spam"
    assert _read("why am I charged when I have no subscription").intent != "spam"


@pytest.mark.parametrize(("text", "found"), [
    ("hair in my pizza. long black hair. baked into the cheese.", True),
    ("found a fly in my soup", True),
    ("there was plastic in my sandwich", True),
    ("I got my hair cut", False),
    ("glass of wine was lovely", False),
])
def test_something_that_should_never_be_in_food_is_found(text: str, found: bool) -> None:
    assert (_CONTAMINATED.search(text) is not None) is found


@pytest.mark.parametrize("bank", ["crumb-and-co", "base"])
def test_hair_in_food_is_owned_seriously_and_the_branch_given_is_not_asked_for(bank: str) -> None:
    text = "hair in my pizza. long black hair. baked into the cheese. @NonnasPizza Leeds 🤢"
    assert _read(text).details.place == "Leeds"
    for reply in _texts(bank, text):
        assert "sorry" in reply.lower(), reply
        assert "letdown" not in reply and "up to scratch" not in reply and "which restaurant" not in reply.lower()


def test_two_parts_saying_treat_it_as_urgent_repeat_each_other() -> None:
    from carevoice.bank.resolved import Phrase
    from carevoice.compose import Candidate
    from carevoice.variation.select import repeats_itself

    texts = ("Thank you for reporting this; we're treating it as urgent.",
             "Please send the details by DM; we'll treat this as urgent.")
    parts = tuple((f"s{i}", Phrase(id=f"x.{i}", situation="general", stage=f"s{i}", text=t), t)
                  for i, t in enumerate(texts))
    assert repeats_itself(Candidate(parts, ""))
    other = (texts[0], "Please send the details by DM and we'll look into it.")
    parts = tuple((f"s{i}", Phrase(id=f"x.{i}", situation="general", stage=f"s{i}", text=t), t)
                  for i, t in enumerate(other))
    assert not repeats_itself(Candidate(parts, ""))


@pytest.mark.parametrize(("text", "booking"), [
    ("Please cancel my reservation for the 14th-16th at the Brighton hotel", True),
    ("I want to cancel the table for 6 tonight", True),
    ("cancel my subscription please", False),
    ("how do I cancel my account", False),
])
def test_a_reservation_to_cancel_is_told_from_a_subscription(text: str, booking: bool) -> None:
    assert (_BOOKING.search(text) is not None) is booking


def test_a_hotel_reservation_to_cancel_is_not_asked_about_a_billing_period() -> None:
    for reply in _texts("base", "Please cancel my reservation for the 14th-16th at the Brighton hotel, thanks"):
        assert "billing" not in reply and "reference" in reply, reply


def test_being_sold_to_is_no_takedown_and_the_wish_to_leave_is_acknowledged() -> None:
    text = ('@Skylinq ive asked for my PAC code 3 times now and you keep trying to sell me a "better deal". '
            "i dont want a deal i want to LEAVE")
    assert "remove" not in _read(text).asks
    for seed in SEEDS:
        draft = _draft("tidewave", text, seed)
        assert any(s.stage == "acknowledge" for s in draft.stages), draft.stages


def test_a_shop_name_with_an_apostrophe_is_no_member_of_staff() -> None:
    assert _read("shoutout to Fennick's online chat (Martin) who tracked down my parcel").details.staff is None
    assert _read("shout out to Dani at Preston who stayed calm").details.staff == "Dani"


def test_praise_never_names_the_provider_the_customer_left() -> None:
    text = "not one dropped call since switching to @Vantel. cant believe i put up with my old network for so long"
    for reply in _texts("tidewave", text):
        assert "old network" not in reply, reply


def test_a_joke_with_a_laughing_emoji_and_no_kind_word_is_banter_not_praise() -> None:
    text = 'tallybank push notification: "you spent £4.50 at Pret". yes tallybank, i know, i was there 😂'
    assert _read(text).intent == "banter"


@pytest.mark.parametrize(("bank", "number"), [("northline-rail", "999"), ("northwind-air", "999"),
                                              ("parcelpop", "911"), ("base", "999")])
def test_someone_collapsed_gets_the_emergency_number_first(bank: str, number: str) -> None:
    """With no place named, the emergency number is the bank's locale's: ParcelPop is en-US (911), the others en-GB
    (999). (A place named sets it: "the 22:15 to Swansea" is 999 for every bank; round 191.)"""
    text = ("the 22:15 is so packed people are fainting, a man just collapsed in the vestibule. "
            "staff can't get through. need an ambulance at the next stop")
    for reply in _texts(bank, text):
        assert number in reply, reply


# ---- the held-out written sector posts reviewed blind (round 23): the plainest misreads ----

@pytest.mark.parametrize("text", [
    "@MegaMart shoutout to the pharmacy team at the Boise store for fitting me in when my prescription was delayed",
    "the Maple Court York breakfast buffet has 6 types of sausage and I have tried all of them",
    "the food court was dirty",
])
def test_fitting_someone_in_and_a_court_in_a_name_are_no_danger(text: str) -> None:
    assert not _read(text).urgency


@pytest.mark.parametrize("text", ["I will see you in court", "taking you to court over this"])
def test_taking_someone_to_court_is_still_a_legal_threat(text: str) -> None:
    assert "legal" in _read(text).urgency


def test_raw_chicken_a_child_ate_is_a_safety_case() -> None:
    text = ("@CluckAndCo the chicken strips from your Leith Walk branch were PINK inside, like raw. my daughter "
            "ate two before i noticed. what do i do??")
    assert "safety" in _read(text).urgency


def test_scam_recovery_experts_are_spam() -> None:
    assert _read("Lost crypto to a scam? Our certified recovery experts can get it back in 48 hours!!! DM now"
                 ).intent == "spam"


def test_thanks_from_a_bereaved_customer_opens_with_condolence_and_no_cheer() -> None:
    text = ("Had to call @OmnivoxUK about my late mum's account and the lady was so kind and patient. made a "
            "horrible job easier. thank you")
    assert _read(text).bereavement
    for seed in SEEDS:
        draft = _draft("tidewave", text, seed)
        assert draft.stages[0].stage == "condolence", draft.stages
        assert "chuffed" not in (draft.text or "") and "Cheers" not in (draft.text or ""), draft.text


def test_details_sent_by_dm_are_a_contact_already_made() -> None:
    assert _read("I sent you my details by DM yesterday").details.contacted == "dm"


def test_name_calling_and_rot_in_hell_is_abuse() -> None:
    assert _read("@HalcyonAir you are all brain dead clowns, every last one of you. rot in hell").intent == "abuse"


def test_a_burnt_quiche_is_a_cooking_fault_and_a_burnt_hand_is_not() -> None:
    assert not _read("emailed about the burnt quiche 2 weeks ago and got an auto reply. still waiting").urgency
    assert "safety" in _read("the coffee burned my hand").urgency


def test_a_ride_to_a_hospital_appointment_is_no_emergency() -> None:
    text = ("Ordered a GoCab to the hospital for my 6am appointment, confirmed, then cancelled at 5:55 with no "
            "driver found. Missed it.")
    assert not _read(text).urgency
    assert "safety" in _read("my son ended up in hospital after eating your nuggets").urgency


def test_being_threatened_with_the_police_is_no_danger_but_a_threat_to_hurt_is() -> None:
    assert not _read("the inspector called me a liar and threatened to call the police when my e-ticket "
                     "wouldnt scan").urgency
    assert "threat" in _read("a man threatened to punch the woman next to him").urgency


def test_doorbell_footage_is_asked_only_about_a_delivery() -> None:
    text = ('asked a Boxhaus employee in Cardiff for help with laptops, he said "I\'m on my break" and kept '
            "scrolling his phone on the shop floor in uniform")
    for reply in _texts("parcelpop", text):
        assert "doorbell" not in reply, reply


@pytest.mark.parametrize("text", [
    '@FibreNest why has my price gone up by £4.50 when i\'m still in contract? "mid contract price rise" is a scam',
    "Twice now, I've gone through the not so easy process of cancelling my auto payment and they're STILL "
    "charging me! What a GD scam company!",
])
def test_scam_as_a_word_for_the_brands_own_prices_is_no_fraud(text: str) -> None:
    assert not _read(text).urgency


@pytest.mark.parametrize("text", ["I lost £500 to a scam seller on your site", "is this text a scam?",
                                  "this is a scam, someone took money from my account"])
def test_a_scam_on_the_customer_is_still_fraud(text: str) -> None:
    assert "fraud" in _read(text).urgency


def test_a_bank_bonus_is_not_answered_with_a_checkout_code() -> None:
    text = ("@TallybankHQ did the full switch on the 12th, paid in £1,000 like the T&Cs say, and now you're "
            "telling me I'm not eligible for the £50 switching bonus")
    for reply in _texts("harbour-bank", text):
        assert "basket" not in reply and "order number" not in reply and "checkout" not in reply, reply
