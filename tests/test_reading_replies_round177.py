"""Round 177 (twenty-ninth stop): where the customer is, for the emergency number (08939a7 -> f53fc20's reviews).

Reviewers of rounds 170-177 stopped drafts that told customers in New York, Sydney or Mumbai to call 999, text British
Transport Police on 61016 or ring NHS 111: the shipped sector banks are British. `brand.emergency` now follows the
region the post names (`post_region`), and lines naming British services stand aside for `post.elsewhere`.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reading_helpers import drafts, read

from carevoice.variables import emergency_number, locale_region, post_region


@pytest.mark.parametrize("text, region", [
    ("stuck at JFK T5, flight cancelled", "US"),
    ("@NYCTSubway man on the 4 train swinging a belt", "US"),
    ("on the Gold Coast line heading to Helensvale", "AU"),
    ("my opal card got charged twice", "AU"),
    ("PNR 4562789013 train no 12951 coach B3", "IN"),
    ("paid ₹18,499 for this phone", "IN"),
    ("the DART stopped between Sandymount and Sydney Parade", None),  # Dublin's DART and a Sydney name: two regions
    ("the DART stopped at Sandymount", "IE"),
    ("@TfL lift at Stratford out again", "GB"),
    ("paid £40 for nothing", "GB"),
    ("flying Heathrow to Toronto tomorrow", None),
    ("@TTChelps theres a guy on the southbound Line 1 train waving a knife around", "CA"),
    ("@RailMinIndia @RPF_INDIA URGENT train 12627 coach S7, drunk men harassing two girls", "IN"),
    ("@Metrorail_WC central line train between Philippi and Nyanga", "ZA"),
    ("my order never came", None),
])
def test_the_region_a_post_names(text: str, region: str | None) -> None:
    assert post_region(text) == region


@pytest.mark.parametrize("text", ["a bart to the airport", "corks everywhere", "queens of the stone age"])
def test_common_words_name_no_region(text: str) -> None:
    assert post_region(text) is None


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_post_region_is_one_known_region_or_none(text: str) -> None:
    assert post_region(text) in (None, "US", "CA", "AU", "NZ", "IN", "IE", "GB", "ZA")


@pytest.mark.parametrize("locale, region, number", [
    ("en-GB", None, "999"), ("en-GB", "US", "911"), ("en-GB", "AU", "000"), ("en-US", None, "911"),
    ("en-US", "GB", "999"), ("en-GB", "IN", "112"), ("en", None, "999"), ("en-UK", None, "999"),
])
def test_the_emergency_number_follows_the_customer(locale: str, region: str | None, number: str) -> None:
    assert emergency_number(locale, region) == number


def test_locale_region() -> None:
    assert (locale_region("en-GB"), locale_region("en_us"), locale_region("en"), locale_region("en-UK")) == (
        "GB", "US", "GB", "GB")


def test_a_threat_in_new_york_gets_911_not_british_transport_police() -> None:
    text = "@NYCTSubway theres a guy on the downtown 4 train just left 125th swinging a belt at people. send someone"
    for d in drafts("northline-rail", text, range(1, 5)):
        assert "61016" not in d.text and "999" not in d.text and "911" in d.text, d.text


def test_a_threat_in_london_keeps_british_transport_police() -> None:
    text = "@TfL man on the central line shouting at women and grabbing at them, carriage 3. please send someone now"
    for d in drafts("northline-rail", text, range(1, 5)):
        assert "911" not in d.text and ("61016" in d.text or "999" in d.text), d.text


def test_food_safety_in_sydney_gets_no_nhs() -> None:
    text = ("@GuzmanyGomez the Newtown one in Sydney gave my son a burrito with a piece of blue plastic in it and he "
            "feels unwell now")
    for d in drafts("crumb-and-co", text, range(1, 5)):
        assert "NHS" not in d.text and "999" not in d.text, d.text


def test_an_outage_in_nsw_gets_000() -> None:
    text = ("@Telstra mobile tower near Tathra NSW down since the storm, nobody has signal, elderly lady next door is "
            "on oxygen")
    numbers = {n for d in drafts("tidewave", text, range(1, 5)) for n in ("000", "999") if n in d.text}
    assert numbers <= {"000"}


@pytest.mark.parametrize("text", [
    "@Mint_Mobile @VancityReynolds 🚀🚀 $MINT token launching TONIGHT 1000x guaranteed 💎🙌 dont miss out join "
    "t.me/mintmoonofficial 🚀🚀",
    "@emirates 🚨 GET YOUR EMIRATES REFUND NOW 🚨 Flight cancelled or delayed?? Our agents recover up to $700 in 24h!! "
    "DM us or WhatsApp ✈️💰 #Emirates #refund",
    "@CashApp #CashAppFriday $kaylamonroe83 🙏🏾🙏🏾 rent due monday and im $212 short, anything helps god bless",
])
def test_pumps_touts_and_crowd_pleas_get_no_reply(text: str) -> None:
    assert read(text).spam


@pytest.mark.parametrize("text", [
    "my cash app payment to my landlord failed twice today, is there an outage? rent is due",
    "can my agent recover my account if I forgot the email? asking for my dad",
])
def test_a_customer_is_no_spam(text: str) -> None:
    assert not read(text).spam


@pytest.mark.parametrize("text", [
    "Shoutout to @Hotelscom for my 'ocean view' room in Surfers Paradise which turns out to have a view of the ocean "
    "if you lean out the bathroom window and look left past the carpark 🌊 10/10 would squint again",
    pytest.param("thank you @WellsFargo for the 'courtesy notice' that I was charged a $35 overdraft fee for a $4.19 "
                 "coffee. so courteous. truly moved", marks=pytest.mark.xfail(
                     strict=True, reason="known gap: 'so courteous. truly moved' read as thanks; the words that "
                     "would catch it ('truly moved') also turn genuine thanks into sarcasm")),
])
def test_sarcastic_thanks_is_a_complaint(text: str) -> None:
    r = read(text)
    assert r.sarcasm and r.intent == "complaint", r.reasons


def test_being_truly_moved_by_kindness_is_praise() -> None:
    r = read("I was truly moved by how kind the crew were to my dad on the flight home, thank you")
    assert r.intent == "praise" and not r.sarcasm
