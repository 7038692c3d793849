"""Round 86 (fourteenth stop): new written tune posts (`w-J14-`) read wrongly, as general rules.

Insults with no word of anything gone wrong are abuse, whatever place they name. Praise the weights read from no
kind word never falls back to a danger nobody read. A post of trouble with no kind word is neither praise nor
delight. A fire alarm test, a hospital letter sent as evidence, a "data mismatch" at check-in and a wrong order
with another customer's name on the box raise no urgency; a scam message going round in the brand's name does, and
takes the fraud lines in a food bank. Sellers' "link in bio" and "free guide" posts are spam. No more marketing is
an ask of its own (`asks.opt_out`); a claim of quality in scare quotes makes kind words sarcastic; a colleague named
by what they did is thanked by name; a complaint told with a laugh may be smiled at before the apology (`post.wry`).
"""

from __future__ import annotations

import re

import pytest
from reading_helpers import drafts, read


@pytest.mark.parametrize("text", [
    "@FrydayBurgers whoever runs this account is a brain-dead clown, go back to flipping burgers you waste of oxygen",
    "@QuaysideTrams every one of you is a waste of oxygen, stop hiring thick idiots",
])
def test_insults_with_no_word_of_trouble_are_abuse(text: str) -> None:
    reading = read(text)
    assert reading.intent == "abuse"
    assert reading.urgency == ()


def test_insults_beside_a_real_problem_stay_a_complaint() -> None:
    reading = read("@ParcelPop your driver threw my parcel over the fence and broke the screen, you useless idiots")
    assert reading.intent == "complaint"


@pytest.mark.parametrize("text", [
    "@Wokaway the noodles came as one solid block and the chicken was grey. binned it",
    "@JunoWireless your Croydon store wouldn't let my mum upgrade because she 'needs someone who understands'. "
    "she is 71 and a retired engineer",
])
def test_no_danger_intent_without_a_danger_read(text: str) -> None:
    reading = read(text)
    assert reading.intent != "danger" or reading.urgency, reading


@pytest.mark.parametrize("text", [
    "@BaoDownUK refund for my missing gyoza was 'approved' but only £1.20 came back out of £6.50. how does that work",
    "@QuaystoneBank new card arrived with my name spelt wrong again, third replacement this year",
])
def test_trouble_with_no_kind_word_is_neither_praise_nor_delight(text: str) -> None:
    reading = read(text)
    assert reading.intent != "praise"
    assert reading.emotion != "delight"


@pytest.mark.parametrize("text", [
    "thanks @HarbourinnHotels for the 6am fire alarm test nobody warned us about",
    "@MoorhenJet please check your DMs, I sent my booking ref and the hospital letter. need to move my flight asap",
    "@MoorhenJet online check-in still says 'passenger data mismatch' for my son. tried 2 phones",
    "@PizzettoHQ ordered a large pepperoni, got a small margherita with someone else's name on the box",
])
def test_everyday_words_near_danger_words_raise_no_urgency(text: str) -> None:
    reading = read(text)
    assert reading.urgency == ()
    assert reading.intent != "danger"


@pytest.mark.parametrize(("text", "kind"), [
    ("the fire alarm went off at 3am and there was smoke pouring down the corridor", "safety"),
    ("I ended up in hospital after eating your chicken burger last night", "safety"),
    ("the app is showing someone else's name and home address on my account", "data_exposure"),
])
def test_the_real_dangers_beside_them_stay_urgent(text: str, kind: str) -> None:
    assert kind in read(text).urgency


@pytest.mark.parametrize("text", [
    "PSA: there's a text going round saying 'Crumb & Co: claim your free meal for life, enter card details' with a "
    "link. @CrumbAndCo please confirm this isn't you",
    "PSA: there's a text going round saying 'Fryday Burgers: claim your free meal for life, enter card details' with "
    "a link. @CrumbAndCo please confirm this isn't you",
])
def test_a_scam_message_going_round_in_the_brands_name_is_fraud_with_the_fraud_lines(text: str) -> None:
    reading = read(text)
    assert "fraud" in reading.urgency
    for d in drafts("crumb-and-co", text, seeds=range(8)):
        assert not re.search(r"food safety|allerg|kitchen", d.text, re.IGNORECASE), d.text
        assert d.analysis.category == "fraud_security" or any(
            "fraud_security lines" in reason for reason in d.reasons), d.reasons


@pytest.mark.parametrize("text", [
    "💎 designer bags 90% OFF 💎 'authentic' replicas, fast shipping worldwide, @CartwheelStore shoppers welcome "
    "👜 shop link in bio",
    "🔥 cheap flight HACKS the airlines dont want you to know!!! @CorvinaAir follow + DM 'FLY' for my free guide",
])
def test_sellers_posts_are_spam(text: str) -> None:
    assert read(text).intent == "spam"


@pytest.mark.parametrize("text", [
    "@SignalboxTel please stop calling me 4 times a day to 'upgrade'. I'm happy. leave me alone",
    "@CartwheelStore please unsubscribe me from everything. 6 emails a day is insane",
    "take me off your mailing list, I never signed up for it",
    "can you stop sending me paper catalogues please",
])
def test_no_more_marketing_is_an_ask_met_by_taking_them_off_the_lists(text: str) -> None:
    assert "opt_out" in read(text).asks
    for d in drafts("parcelpop", text, seeds=range(6)):
        assert re.search(r"marketing", d.text), d.text
        assert not re.search(r"cancel|order number|warehouse", d.text, re.IGNORECASE), d.text


@pytest.mark.parametrize("text", [
    "please cancel my membership",
    "my ex keeps calling me from withheld numbers",
    "I called you three times about my order",
])
def test_other_calls_and_cancellations_are_no_opt_out(text: str) -> None:
    assert "opt_out" not in read(text).asks


@pytest.mark.parametrize("text", [
    "thanks @BaoDownUK for the 'hot' bao, the fridge-fresh temperature really brought out the flavour",
    "love the new 'improved' app, six taps to see my balance now",
    "thanks for the 'express' delivery, only took 9 days",
])
def test_kind_words_beside_a_claim_in_scare_quotes_are_sarcasm(text: str) -> None:
    reading = read(text)
    assert reading.sarcasm
    assert reading.intent == "complaint"


@pytest.mark.parametrize("text", [
    "thank you for the 'welcome home' card on my seat, lovely touch",
    "the 'Best of British' menu was delicious, thank you",
])
def test_quoted_words_that_claim_nothing_leave_praise_alone(text: str) -> None:
    reading = read(text)
    assert not reading.sarcasm
    assert reading.intent == "praise"


@pytest.mark.parametrize(("text", "name"), [
    ("@MarlowFinch Jess in the fitting rooms at Manchester Arndale spent 20 mins helping my mum find a dress. "
     "thank you 💛", "Jess"),
    ("Ola stayed late to sort my broadband out. thank you so much", "Ola"),
])
def test_a_colleague_named_by_what_they_did_is_thanked_by_name(text: str, name: str) -> None:
    reading = read(text)
    assert reading.details.staff == name
    assert any(name in d.text for d in drafts("parcelpop", text, seeds=range(8)))


@pytest.mark.parametrize("text", [
    "Yesterday spent 2 hours on hold, thanks a lot",
    "Heathrow staff found my bag, thanks",
])
def test_a_capitalised_word_before_a_verb_is_no_colleague(text: str) -> None:
    assert read(text).details.staff not in ("Yesterday", "Heathrow")


def test_a_complaint_told_with_a_laugh_is_smiled_at_then_apologised_for() -> None:
    text = "@GreylineRail the heating on the 16:05 is broken again, sat here in my coat and gloves lol"
    reading = read(text)
    assert reading.intent == "complaint"
    texts = [d.text for d in drafts("northline-rail", text, seeds=range(8))]
    assert all(re.search(r"\bsorry\b", t, re.IGNORECASE) for t in texts), texts
    assert any(re.search(r"\b(?:laugh|smile|humour|Ha)\b", t) for t in texts), texts


@pytest.mark.parametrize("text", [
    "@PizzettoHQ 2 HOURS for a stone cold pizza lol. NEVER again, absolute joke",
    "found a bit of plastic in my burger lol, my son nearly swallowed it",
])
def test_no_smile_back_to_anger_or_danger(text: str) -> None:
    for d in drafts("crumb-and-co", text, seeds=range(8)):
        assert not re.search(r"\b(?:laugh|smile|humour)\b|\bHa\b", d.text), d.text



def test_a_complaint_signed_off_with_cheers_is_no_delight_and_gets_its_apology() -> None:
    text = ("@Staybright room right above the bar, bass till 3am, asked to move, 'fully booked'. 5 hours sleep "
            "before my interview. cheers")
    reading = read(text)
    assert reading.intent == "complaint"
    assert reading.emotion != "delight"
    assert all(re.search(r"\bsorry\b", d.text, re.IGNORECASE) for d in drafts("base", text, seeds=range(6)))


@pytest.mark.parametrize("text", [
    "great work @AshgroveBS closing my local branch AND the one 12 miles away 🙃",
    "the nearest branch is now a 40 mile round trip for my mum",
])
def test_a_distance_is_no_air_miles(text: str) -> None:
    reading = read(text)
    assert reading.category != "loyalty"
    assert reading.subject is None or "miles" not in reading.subject.text


def test_air_miles_stay_loyalty() -> None:
    assert read("@SkylarkAtl my miles from the Rome trip still haven't posted, 4,200 missing").category == "loyalty"


@pytest.mark.parametrize("text", [
    "@QuaystoneBank sent £2,400 for my house deposit yesterday and it's still 'pending'. solicitor needs it by 4pm",
    "@Coinlet DM me please, I need a statement with my address on it for a visa application by Friday",
])
def test_paperwork_words_raise_no_urgency(text: str) -> None:
    assert read(text).urgency == ()


@pytest.mark.parametrize(("text", "kind"), [
    ("if this isn't sorted my solicitor will be in touch", "legal"),
    ("other customers can see my address and phone number in the app", "data_exposure"),
    ("your app is showing my address to other users", "data_exposure"),
])
def test_threats_and_exposures_beside_them_stay_urgent(text: str, kind: str) -> None:
    assert kind in read(text).urgency


@pytest.mark.parametrize(("bank", "text"), [
    ("crumb-and-co", "PSA: there's a text going round saying 'Crumb & Co: claim your free meal for life, enter card "
                     "details' with a link. @CrumbAndCo please confirm it's fake"),
    ("northwind-air", "PSA: there's a fake @NorthwindAir account DMing people who complain, offering refunds and "
                      "asking for card details. it's NOT them. report it"),
])
def test_a_warning_about_a_scam_is_thanked_not_treated_as_a_victims_report(bank: str, text: str) -> None:
    for d in drafts(bank, text, seeds=range(8)):
        assert re.search(r"flag|warn|check|scam", d.text, re.IGNORECASE), d.text
        assert not re.search(r"misused|horrible feeling|food safety", d.text, re.IGNORECASE), d.text


_SHIPPED = ("base", "parcelpop", "loopwork", "harbour-bank", "crumb-and-co", "northline-rail", "northwind-air",
            "tidewave")
_ASKED = (
    ("can someone call me about this, I can't keep doing live chat, I need a person", r"\b(?:call|ring)\b"),
    ("please stop emailing me about your offers, unsubscribe me from everything", r"\bmarketing\b"),
)


@pytest.mark.parametrize("bank", _SHIPPED)
@pytest.mark.parametrize(("text", "answer"), _ASKED)
def test_every_shipped_bank_meets_a_call_back_or_marketing_opt_out_ask(bank: str, text: str, answer: str) -> None:
    # a bank whose cell replaces base's must still hold lines for these asks (parcelpop's any.resolve did not)
    for d in drafts(bank, text, seeds=range(4)):
        assert re.search(answer, d.text, re.IGNORECASE), (bank, d.text)


@pytest.mark.parametrize("text", [
    "@HarbourinnHotels bed was like a cloud, best sleep in months. WiFi was dire though, couldn't even load emails",
    "@Staybright the staff were amazing all week. the pool was closed every single day though, not good enough",
])
def test_praise_then_a_problem_read_as_a_complaint_thanks_the_kind_words_too(text: str) -> None:
    reading = read(text)
    assert reading.intent == "complaint"
    assert reading.intent2 == "praise"
    texts = [d.text for d in drafts("base", text, seeds=range(6))]
    assert all(re.search(r"\b(?:kind words|glad|thanks|thank you)\b", t, re.IGNORECASE) for t in texts), texts


def test_even_though_is_a_concession_not_a_turn() -> None:
    text = "honestly impressed @KestrelTech repaired my laptop for free even though it was 2 weeks out of warranty"
    assert read(text).intent == "praise"


@pytest.mark.parametrize("text", [
    "@PebbleMobile smoothest switch ever 👌",
    "@Lanternstay the team put flowers in our room for our anniversary, so thoughtful",
])
def test_praise_in_plain_words_is_praise(text: str) -> None:
    assert read(text).intent == "praise"


def test_a_closing_thanks_after_trouble_is_no_praise() -> None:
    text = ("@SignalboxTel sent me a replacement SIM I didn't ask for and now my old one's deactivated. I'm in Dubai "
            "for work with no phone. thanks")
    reading = read(text)
    assert reading.intent == "complaint"
    assert reading.emotion != "delight"
    for d in drafts("tidewave", text, seeds=range(6)):
        assert not re.search(r"lovely|kind words|made our day|means a lot", d.text, re.IGNORECASE), d.text
