"""Round 177 (twenty-ninth stop): where the customer is, for the emergency number (08939a7 -> f53fc20's reviews).

Reviewers of rounds 170-177 stopped drafts that told customers in New York, Sydney or Mumbai to call 999, text British
Transport Police on 61016 or ring NHS 111: the shipped sector banks are British. `brand.emergency` now follows the
region the post names (`post_region`), and lines naming British services stand aside for `post.elsewhere`.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reading_helpers import drafts

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
    ("my order never came", None),
])
def test_the_region_a_post_names(text: str, region: str | None) -> None:
    assert post_region(text) == region


@pytest.mark.parametrize("text", ["a bart to the airport", "corks everywhere", "queens of the stone age"])
def test_common_words_name_no_region(text: str) -> None:
    assert post_region(text) is None


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_post_region_is_one_known_region_or_none(text: str) -> None:
    assert post_region(text) in (None, "US", "CA", "AU", "NZ", "IN", "IE", "GB")


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
