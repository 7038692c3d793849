"""Concentrate: what a post is about, how it feels, how urgent it is, what to echo.

The examples are written for these tests; no real customer post is copied here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carevoice.concentrate import concentrate, find_pii
from carevoice.concentrate.keywords import correct, scan
from carevoice.concentrate.lexicon import expand, lexicon, raw_data
from carevoice.errors import ConfigError
from carevoice.inbound import CATEGORIES, Inbound, Reading

COMPLAINTS = tuple(c for c in CATEGORIES if c not in ("general_question", "praise", "abuse", "spam", "general"))


def read(text: str) -> Reading:
    return concentrate(Inbound(text=text))


class Case(NamedTuple):
    text: str
    category: str
    emotion: str | None = None
    urgency: tuple[str, ...] = ()


GOLDEN = [
    # complaint situations
    Case("My order #12345 still hasn't arrived and it's been two weeks.", "late_delivery", "frustration"),
    Case("Where is my parcel? Tracking says out for delivery since Monday.", "late_delivery"),
    Case("my delivry never arived, 3rd time this month", "late_delivery"),
    Case("You sent me the wrong size shoes, I ordered a 9 not a 7", "wrong_item"),
    Case("The box came with half my order missing", "wrong_item"),
    Case("Unboxed my parcel and found the wrong colour inside", "wrong_item"),
    Case("I was charged twice for the same subscription this month", "billing_error"),
    Case("Why did you take 49.99 from my account without asking?", "billing_error"),
    Case("I returned the item 3 weeks ago and still no refund", "refund_status", "frustration"),
    Case("my refnd still hasnt come through", "refund_status"),
    Case("I can't log in to my account, it keeps saying wrong password", "account_access"),
    Case("Locked out of my account after the 2FA code never came", "account_access"),
    # hijacked accounts and fraud are their own situation now (fraud_security), and a danger
    Case("My account was hacked and they changed my email", "fraud_security", None, ("data_exposure",)),
    Case("Someone used my account to order things I never bought", "fraud_security", None,
         ("fraud", "data_exposure")),
    Case("The app keeps crashing every time I open it after the update", "app_bug", "frustration"),
    Case("Getting error code 1006 when I try to install", "app_bug"),
    Case("Is the site down? Nothing loads for me or my friends", "service_outage"),
    Case("Total outage in my area, no internet since this morning", "service_outage"),
    Case("My flight BA123 was cancelled and nobody told me", "flight_disruption"),
    Case("Flight delayed 5 hours and now I've missed my connection", "flight_disruption", None, ("stranded",)),
    Case("Stuck at the airport with no way home, flight cancelled tonight", "flight_disruption", None, ("stranded",)),
    Case("Lost my luggage on the flight from Madrid, where is my bag?", "lost_baggage"),
    Case("My suitcase never arrived in Glasgow", "lost_baggage"),  # not a late delivery
    Case("The cashier at your Leeds store was so rude to me", "rude_staff"),
    Case("Your agent hung up on me twice", "rude_staff"),
    Case("My laptop screen cracked after a week, clearly defective", "product_defect"),
    Case("The printer won't turn on anymore, still under warranty", "product_defect"),
    Case("My phone charger started smoking and there were sparks", "product_defect", None, ("safety",)),
    Case("The kettle burned my hand when the lid flew off", "product_defect", None, ("safety",)),
    Case("The toaster sparks every time I switch it on", "product_defect", None, ("safety",)),
    Case("How do I cancel my subscription?", "cancellation_request"),
    Case("I want to cancel my membership please", "cancellation_request"),
    # questions, praise, abuse, spam
    Case("How do I change the email on my account?", "general_question", "neutral"),
    Case("Is there a way to download playlists offline?", "general_question"),
    Case("Can I use my voucher online?", "gift_card_promo"),  # a question about vouchers: the voucher situation
    Case("Thank you so much, the team sorted my issue in minutes, you guys rock!", "praise", "delight"),
    Case("Love the new update, great job!", "praise", "delight"),
    Case("Huge thanks to the crew, they were wonderful with my kids", "praise", "delight"),
    Case("you are scum", "abuse", "anger"),
    Case("your staff are a bunch of useless idiots", "abuse", "anger"),
    Case("fuck you @brand", "abuse", "anger"),
    Case("Follow for follow! Earn money from home, DM me for details", "spam"),
    Case("Check out my channel and buy followers cheap", "spam"),
    Case("https://example.com/deal", "spam"),
    # nothing clear: general, never a confident guess
    Case("hello?", "general"),
    Case("just saw your ad lol", "general"),
    Case("thinking about switching to you guys", "general"),
    # an update complained of leans to app_bug, unsure (read 8: below 0.8 the reply is the general lines)
    Case("this update is total bull", "app_bug", "frustration"),
    Case("THIS IS ABSOLUTELY DISGUSTING!!! WORST SERVICE EVER", "general", "anger"),
    Case("I am not happy with this at all", "general", "frustration"),
    Case("I'm contacting my lawyer and reporting you to trading standards", "general", None, ("legal",)),
    # words near keywords must not flip the category
    Case("The refined search in the new app is lovely, thanks!", "praise"),
    Case("My mum is fighting cancer so I need to pause things for a while", "general"),
    Case("You promised to deliver a better update and the app still crashes", "app_bug"),
    Case("my fire stick won't load any apps", "app_bug", None, ()),
    # situations added with intents (telecoms, travel, food, loyalty, offers, suggestions, fraud)
    Case("no signal at home since friday, can't make calls", "connectivity"),
    Case("the wifi on my flight kept dropping the whole way", "connectivity"),
    Case("8:15 train to Leeds cancelled again, third time this week", "transport_disruption"),
    Case("I can't change my booking online, the seat page keeps erroring", "booking"),
    Case("found a long hair in my burrito, disgusting", "food_order", "anger"),
    Case("my fries were stone cold and half the order was missing", "food_order"),
    Case("where are my avios from last month's flights?", "loyalty"),
    Case("my gift card code isn't working at checkout", "gift_card_promo"),
    Case("please bring back the old layout, the new one is awful", "feature_request"),
    Case("got a text pretending to be you asking for my card details, is this a scam?", "fraud_security", None,
         ("fraud",)),
]


@pytest.mark.parametrize("case", GOLDEN, ids=[c.text[:40] for c in GOLDEN])
def test_golden(case: Case) -> None:
    reading = read(case.text)
    assert reading.category == case.category, reading.reasons
    if case.emotion is not None:
        assert reading.emotion == case.emotion, reading.reasons
    assert reading.urgency == case.urgency, reading.reasons


def test_every_situation_has_golden_examples() -> None:
    covered = {case.category for case in GOLDEN}
    assert set(CATEGORIES) <= covered, sorted(set(CATEGORIES) - covered)


def test_every_category_in_the_data_is_a_known_category() -> None:
    assert set(raw_data()["categories"]) == set(COMPLAINTS)


def test_a_golden_post_gets_its_intent() -> None:
    intents = {case.text: read(case.text).intent for case in GOLDEN}
    assert intents["How do I cancel my subscription?"] == "question"
    assert intents["Love the new update, great job!"] == "praise"
    assert intents["My account was hacked and they changed my email"] == "danger"
    assert intents["you are scum"] == "abuse"


# --- fuzzy matching ---------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "keyword"),
    [("refnd", "refund"), ("delivry", "delivery"), ("rediculous", "ridiculous"), ("pasword", "password")],
)
def test_misspelt_keywords_are_read(typo: str, keyword: str) -> None:
    assert correct(typo) == keyword


@pytest.mark.parametrize(
    "word", ["refined", "cancer", "deliver", "changing", "contact", "garage", "selling", "other", "hello", "ok"]
)
def test_real_words_are_never_corrected(word: str) -> None:
    assert correct(word) is None


def test_fuzzy_hits_are_marked_in_reasons() -> None:
    reading = read("my refnd still hasnt come through")
    assert any("'refund'~" in reason for reason in reading.reasons)


@pytest.mark.parametrize(
    ("text", "not_about"),
    [
        ("The refined search is lovely", "refund_status"),
        ("My aunt beat cancer this year", "cancellation_request"),
        ("Please fill in the contact form", "cancellation_request"),
        ("I keep changing my wallpaper", "billing_error"),
    ],
)
def test_words_near_keywords_add_no_evidence(text: str, not_about: str) -> None:
    assert not_about not in read(text).scores


# --- decision rules -----------------------------------------------------------


def test_unclear_posts_get_general_with_low_confidence() -> None:
    for text in ["hello?", "anyone there", "ok so", "need help", "my account"]:
        reading = read(text)
        assert reading.category == "general", text
        assert reading.confidence <= 0.2, text


def test_close_runners_up_are_never_confident() -> None:
    # billing and delivery evidence are equally strong: whatever is picked, it is not a confident pick
    reading = read("I paid the fee for next day shipping on my order")
    assert reading.confidence < 0.5
    assert any("too close" in r for r in reading.reasons)


def test_weak_words_alone_never_make_a_category() -> None:
    reading = read("my phone and my laptop")
    assert reading.category == "general"


def test_stronger_evidence_gives_higher_confidence() -> None:
    weak = read("the app has a bug")
    strong = read("the app keeps crashing after the update, error code 42, total glitch fest")
    assert weak.category == strong.category == "app_bug"
    assert strong.confidence > weak.confidence


def test_criticism_is_not_abuse() -> None:
    for text in ["you are terrible", "this update is total bull", "your support is useless", "worst company ever"]:
        reading = read(text)
        assert not reading.abusive, text
        assert reading.category != "abuse", text


def test_an_insult_inside_a_real_complaint_keeps_the_complaint() -> None:
    reading = read("my account was hacked and you useless bastards won't help me log in")
    assert reading.category == "fraud_security"
    assert reading.intent == "danger"
    assert reading.abusive
    assert "abuse" in reading.scores


def test_threats_are_abuse_even_with_a_complaint() -> None:
    reading = read("my refund is late and I'm going to find you and hurt you")
    assert reading.category == "abuse"
    assert reading.abusive


def test_insults_about_third_parties_are_not_abuse() -> None:
    assert not read("some idiots keep logging into my account from abroad").abusive


def test_praise_needs_more_than_a_polite_thanks() -> None:
    reading = read("Can you tell me your opening hours? Thanks")
    assert reading.category == "general_question"
    assert not reading.praise


def test_sarcastic_thanks_is_not_praise() -> None:
    reading = read("thanks for nothing, still no refund")
    assert not reading.praise
    assert reading.negative


def test_a_promo_code_complaint_is_not_spam() -> None:
    reading = read("my promo code was not applied and I was charged full price twice")
    assert reading.category in ("billing_error", "gift_card_promo")  # a charge and a promo code: both are fair
    assert not reading.spam and reading.intent == "complaint"


def test_questions_are_flagged() -> None:
    assert read("Where is my parcel?").question
    assert read("how do i reset my password").question
    assert not read("my parcel is late").question


# --- emotion and intensity ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "emotion"),
    [
        ("I am so worried, someone hacked my account", "anxiety"),
        ("Really disappointed, my order was cancelled", "frustration"),  # disappointment is frustration (LABELLING.md)
        ("I am not happy with this", "frustration"),
        ("I'm not worried, just asking", "neutral"),
        ("Absolutely furious, this is a scam", "anger"),
        ("thanks, love it", "delight"),
        ("when does the store open", "neutral"),
    ],
)
def test_emotion(text: str, emotion: str) -> None:
    assert read(text).emotion == emotion


@pytest.mark.parametrize(
    ("calm", "loud"),
    [
        ("this is disgusting, worst service ever", "THIS IS DISGUSTING, WORST SERVICE EVER!!!"),
        ("my order is late", "my order is late!!! wtf"),
        ("the app crashed", "the app crashed again 😡😡"),
        ("please help", "pleeeease help!!"),
    ],
)
def test_cues_raise_intensity(calm: str, loud: str) -> None:
    assert read(loud).intensity > read(calm).intensity


def test_negative_follows_complaints_and_emotions() -> None:
    assert read("my parcel never arrived").negative
    assert read("I am furious").negative
    assert not read("Love the new update, great job!").negative
    assert not read("How do I change my display name?").negative


# --- urgency ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("the heater caught fire in our kitchen", ("safety",)),
        ("my son had an allergic reaction to the snack", ("safety",)),
        ("the battery is swollen and hot", ("safety",)),
        ("I will take you to court over this", ("legal",)),
        ("my solicitor will be in touch", ("legal",)),
        ("I'm stranded in Madrid and missed the last train", ("stranded",)),
        ("someone logged into my account from another country", ("data_exposure",)),
        ("there was a data leak and my details were exposed", ("data_exposure",)),
        ("my card caught fire and someone hacked my account, calling my lawyer", ("safety", "data_exposure", "legal")),
        # veto phrases keep ordinary words from raising an alarm
        ("my fire stick keeps buffering", ()),
        ("I burned a CD of my favourite songs", ()),
        ("this life hack saved me", ()),
        ("meet me at the food court", ()),
        ("the app is stuck on a loading screen", ()),
        ("I can't get back into my account", ()),
    ],
)
def test_urgency(text: str, urgency: tuple[str, ...]) -> None:
    assert read(text).urgency == urgency


def test_urgency_reasons_name_the_words() -> None:
    reasons = read("there is smoke coming out of the charger").reasons
    assert "urgency safety: 'smoke'" in reasons


# --- details --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("order #12345 is late", "order_id", "12345"),
        ("my order 112-3456789-1234567 never came", "order_id", "112-3456789-1234567"),
        ("Order number: AB-99812 is wrong", "order_id", "AB-99812"),
        ("booking reference QX7P2L please", "booking_id", "QX7P2L"),
        ("my PNR is ABC123", "booking_id", "ABC123"),
        ("flight NW 482 delayed again", "flight", "NW482"),
        ("BA123 was cancelled at the gate", "flight", "BA123"),
        ("my HP OfficeJet Pro 8030 won't print", "product", "HP OfficeJet Pro 8030"),
        ("my iPhone 11 keeps restarting", "product", "iPhone 11"),
        ("the laptop screen flickers", "product", "laptop"),
        ("a dead pixel on my monitor", "product", "monitor"),
        ("my Pixel 4a is broken", "product", "Pixel 4a"),
        ("waiting at Heathrow for hours", "place", "Heathrow"),
        ("at the Oxford Street store today", "place", "Oxford Street"),
        ("it happened on the 28 of march", "date", "28 of march"),
        ("it broke yesterday", "date", "yesterday"),
        ("ordered on Monday", "date", "on Monday"),
        ("delivered on 12/03 to the wrong house", "date", "12/03"),
        ("it was due at 3pm", "time", "3pm"),
        ("the outage started at 14:30", "time", "14:30"),
    ],
)
def test_details(text: str, field: str, value: str) -> None:
    assert read(text).details.present().get(field) == value


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("I love U2 360 and your playlists", "flight"),
        ("my PS4 controller is fine", "flight"),
        ("I play in Minecraft every day", "place"),
        ("I may have found a bug", "date"),
        ("rated the film 7/10", "date"),
        ("the 16:9 ratio is wrong", "time"),
        ("jump to 2:35 in the video", "time"),
        ("my booking CANCEL button is broken", "booking_id"),
        ("BOOKING STATUS SAYS NOTHING", "booking_id"),
        ("I ordered 2 pizzas", "order_id"),
        ("there is a dead pixel in the corner", "product"),
    ],
)
def test_details_are_conservative(text: str, field: str) -> None:
    assert field not in read(text).details.present()


def test_details_never_hold_personal_data() -> None:
    reading = read("order 4111 1111 1111 1111 was charged, call me on 07700 900123 at 3pm")
    assert reading.details.order_id is None
    assert [m.kind for m in reading.pii] == ["card", "phone"]
    assert reading.details.time == "3pm"


def test_pii_is_reported_but_never_quoted_in_reasons() -> None:
    reading = read("my email is jo@example.com and my card 4111 1111 1111 1111 was charged twice")
    assert {m.kind for m in reading.pii} == {"email", "card"}
    assert not any("jo@example.com" in r or "4111" in r for r in reading.reasons)
    assert "personal data: 2 (card, email)" in reading.reasons


# --- invariants on any text ------------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gives_a_valid_reading(text: str) -> None:
    reading = read(text)
    assert 0.0 <= reading.confidence <= 1.0
    assert 0.0 <= reading.intensity <= 1.0
    assert set(reading.scores) <= set(CATEGORIES)
    assert all(0.0 <= v <= 1.0 for v in reading.scores.values())
    if reading.category == "general":
        assert any(r.startswith(("situation general", "no category")) for r in reading.reasons)
    assert reading.reasons
    assert reading.pii == find_pii(text)
    for value in reading.details.present().values():
        assert not find_pii(value)
        assert not any(m.text in value or value in m.text for m in reading.pii)
    for reason in reading.reasons:
        assert not any(m.text in reason for m in reading.pii)


SOUP = (
    "my order refund app crash login password flight bag rude broken cancel how do i the is not never "
    "still you your staff idiots thanks love fire court hacked stuck airport !!! ? 😡 refnd delivry"
)
WORDS = st.sampled_from(SOUP.split())


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=25))
def test_keyword_soup_gives_a_valid_reading(words: list[str]) -> None:
    reading = read(" ".join(words))
    assert reading.category in CATEGORIES
    assert 0.0 <= reading.confidence <= 1.0
    assert reading.reasons[0]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_concentrate_is_deterministic(text: str) -> None:
    assert read(text) == read(text)


# --- the data file ---------------------------------------------------------------------


def test_term_grammar_expands_slots_gaps_and_macros() -> None:
    assert expand("never|not arrived", {}) == ["never arrived", "not arrived"]
    assert expand("my|~ order", {}) == ["my order", "order"]
    assert expand("has_not arrived", {}) == ["has not arrived"]
    assert expand("$NEG come", {"NEG": "not|never"}) == ["not come", "never come"]
    assert expand("someone * my", {}) == ["someone * my"]


def test_unknown_macro_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown macro \$NOPE.*known: NEG"):
        expand("$NOPE x", {"NEG": "not"})


def test_the_data_loader_rejects_duplicate_keys() -> None:
    import yaml

    from carevoice.concentrate.lexicon import _strict_loader

    with pytest.raises(yaml.YAMLError, match="duplicate key 'weak'"):
        yaml.load("strong: [a]\nweak: [b]\nweak: [c]\n", Loader=_strict_loader())


def test_the_lexicon_is_built_once() -> None:
    assert lexicon() is lexicon()
    assert lexicon().trie


def test_gapped_phrases_skip_a_few_words_only() -> None:
    near = scan("someone from abroad logged into my account")
    far = scan("someone said that later in the day they logged into my account")
    assert any(h.key == "data_exposure" for h in near.family("urgency"))
    assert not any(h.key == "data_exposure" for h in far.family("urgency"))


def test_reasons_explain_the_intent_and_the_category() -> None:
    reasons = read("the app keeps crashing after the update").reasons
    assert reasons[0].startswith("intent complaint ")
    assert reasons[1].startswith("situation app_bug ")
    assert any(r.startswith("category app_bug: ") and "'keeps crashing'" in r for r in reasons)


SHARED_POSTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ibm_twitter_cdp"


def _real_first_posts() -> list[str]:
    texts = []
    for name in ("dev.json", "test.json"):
        for conv in json.loads((SHARED_POSTS / name).read_text()):
            turn = next((t for t in conv["dialogContent"] if "client" in t), None)
            if turn is not None and turn["message"].strip():
                texts.append(turn["message"])
    return texts


@pytest.mark.skipif(not (SHARED_POSTS / "dev.json").is_file(), reason="shared reference data not available")
def test_real_posts_never_crash_and_stay_mostly_decided() -> None:
    readings = [read(t) for t in _real_first_posts()]
    assert len(readings) > 500
    general = sum(r.category == "general" for r in readings) / len(readings)
    assert 0.05 < general < 0.5


@pytest.mark.parametrize(("text", "category", "bereavement"), [
    ("The cabin crew on my flight to Rome were absolutely brilliant with my daughter, thank you!", "praise", False),
    ("can I bring my guitar as cabin baggage?", "general_question", False),
    ("where is my bag? it never came off the belt", "lost_baggage", False),
    ("My dad died last month and I need to close his account", None, True),
    ("My phone battery is dying, any tips?", None, False),
])
def test_weak_evidence_yields_and_bereavement_is_read(text: str, category: str | None, bereavement: bool) -> None:
    reading = concentrate(Inbound(text=text))
    if category is not None:
        assert reading.category == category, reading.reasons
    assert reading.bereavement is bereavement
    if bereavement:
        assert reading.emotion == "sadness" and reading.negative


@pytest.mark.parametrize(("text", "category", "bereavement"), [
    ("my phone died after the update", None, False),
    ("the battery died in a week", None, False),
    ("my grandad died and his subscription is still charging his card", "billing_error", True),
    ("death in the family, need to cancel", "cancellation_request", True),
    ("ordered a blender 2 weeks ago, order 778812, still says processing. seriously?", "late_delivery", False),
    ("someone used my card in Spain and I have never been there", "fraud_security", False),
    ("the jacket I got has a ripped seam, brand new, not impressed", "product_defect", False),
])
def test_care_cases_from_dogfooding(text: str, category: str | None, bereavement: bool) -> None:
    reading = concentrate(Inbound(text=text))
    assert reading.bereavement is bereavement, reading.reasons
    if category is not None:
        assert reading.category == category, reading.reasons


@pytest.mark.parametrize(("text", "stranded"), [
    ("My flight got cancelled and I'm stuck in Lisbon with two kids, what do I do now??", True),
    ("flight NW12 delayed, we are stuck in Paris", True),
    ("stuck in a loop on your website in London", False),
])
def test_stranded_away_from_home(text: str, stranded: bool) -> None:
    assert ("stranded" in concentrate(Inbound(text=text)).urgency) is stranded
