"""Round 86 (fourteenth stop): new written tune posts (`w-J14-`) read wrongly, as general rules.

Insults with no word of anything gone wrong are abuse, whatever place they name. Praise the weights read from no
kind word never falls back to a danger nobody read. A post of trouble with no kind word is neither praise nor
delight. A fire alarm test, a hospital letter sent as evidence, a "data mismatch" at check-in and a wrong order
with another customer's name on the box raise no urgency; a scam message going round in the brand's name does, and
takes the fraud lines in a food bank. Sellers' "link in bio" and "free guide" posts are spam.
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
