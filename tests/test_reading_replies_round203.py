"""Round 203 (thirty-fourth stop): what round 203's reviewers stopped (254 fresh posts by writers zo-zr).

A tarmac wait with "no water no announcements" escalated as a danger, and a crying baby's "bless him" taken for
praise once it was not; "nearly finished me off... on shift at the hospital" escalated; "Want to give proper thanks
to Darnell" and "shout out to the pharmacist" not read as thanks; a colleague who "looked after a woman who fainted"
met with an emergency script; "very creative pricing" and "the third time now" thanked; a substitution with a kind
word for the driver taken for praise; "pay that man more" missed; "why did i stay with my old bank" not heard as
praise; a lunch break read as food; a host "keeps messaging" read as a threat; a family asleep on the gate floor not
read as stranded.
"""

from __future__ import annotations

import pytest
from reading_helpers import drafts, read

from carevoice.concentrate import reading as reading_rules


def test_a_tarmac_wait_with_no_water_is_no_danger() -> None:
    text = ("@Ryanair FR2216 stansted to alicante sat on the tarmac 2hrs 40 with no water no announcements nothing. "
            "landed 1:10am. does that count as over 3 hours for compensation")
    reading = read(text)
    assert not reading.urgency
    assert reading.category == "flight_disruption"
    # water cut off in a hotel room stays a hazard worth a person's eye
    assert read("@premierinn there is no water in room 214 and the fire exit is blocked").urgency


def test_a_crying_baby_blessed_is_no_praise() -> None:
    text = ("@united UA1527 IAH to ORD, been sat on the tarmac at bush for 2 hrs 10 min now. no water, no updates, air "
            "barely working and theres a baby two rows up screaming his lungs out bless him. pilot just came on and "
            "said its 'paperwork'. PAPERWORK??")
    reading = read(text)
    assert reading.intent == "complaint"
    assert reading.category == "flight_disruption"


def test_working_at_a_hospital_is_no_injury() -> None:
    text = ("@santanderukhelp can someone ring me back please, I've been cut off twice now. it's about a direct debit "
            "that went out twice. I'm on 07700 900461, after 5pm only as I'm on shift at the hospital. thanks")
    assert "safety" not in read(text).urgency


@pytest.mark.parametrize("text", [
    "Want to give proper thanks to Darnell at the front desk of the Palmer House @HiltonHotels - he found out it was "
    "my mom's 70th and there was a little cake and a card in the room. She cried. We'll be back 💛",
    "the Chick-fil-A on Kirkman in Orlando had a guy named Marcus hold an umbrella over my car window in the pouring "
    "rain while he took my order. @ChickfilA pay that man more",
    "opened a @StarlingBank account on my lunch break, card arrived 2 days later, set up spaces for bills in 5 min. "
    "why did i stay with my old bank for 15 yrs 😭",
])
def test_thanks_is_praise(text: str) -> None:
    assert read(text).intent == "praise"


def test_a_lunch_break_is_no_meal() -> None:
    text = ("opened a @StarlingBank account on my lunch break, card arrived 2 days later, set up spaces for bills in 5 "
            "min. why did i stay with my old bank for 15 yrs 😭")
    assert read(text).category != "food_order"


def test_a_colleague_who_cared_for_someone_taken_ill_is_thanked() -> None:
    text = ("@c2c_Rail shout out to the guard on the 17:15 Fenchurch St to Shoeburyness (think his name was Dev?) who "
            "looked after a woman who fainted near Upminster and kept the whole carriage calm. legend")
    reading = read(text)
    assert reading.intent == "praise"
    for draft in drafts("northline-rail", text, range(1, 4)):
        assert "999" not in draft.text
        assert "ambulance" not in draft.text


def test_a_pharmacist_thanked_for_an_inhaler_is_praise() -> None:
    text = ("@Boots_UK shout out to the pharmacist at Boots New Street who sorted my emergency inhaler in 10 mins when "
            "the GP was shut. proper lifesaver. only gripe, why is there only ever one till open at 5pm when the whole "
            "of Brum is on its way home")
    assert read(text).intent == "praise"
    assert not any("urgent" in d.text for d in drafts("parcelpop", text, range(1, 4)))


@pytest.mark.parametrize("text", [
    "thank you @Swiggy for the 'delivery in 25 mins' which became 70 mins and the ₹49 rain fee on a day with zero rain "
    "in Koramangala. very creative pricing 👏",
    "@woolworths ok so this is the third time now that my online order has had the lactose free milk subbed for full "
    "cream. my son is lactose intolerant. the driver was lovely and said he sees it all the time which honestly makes "
    "it worse??",
    "@sainsburys delivery tonight to Cardiff Bay, 9 substitutions out of 31 items. they swapped my oat milk for DOUBLE "
    "CREAM. I'm lactose intolerant?? driver was lovely to be fair but how do I get refunded for the subs",
])
def test_a_gripe_with_a_kind_word_is_no_thanks(text: str) -> None:
    assert read(text).intent == "complaint"


def test_a_swap_that_put_things_right_still_counts_as_recovery() -> None:
    text = ("@Tesco parcel arrived broken, rang up and they swapped it for a new one the next day. the driver was "
            "lovely. great service")
    assert read(text).intent == "praise"


def test_a_host_messaging_is_no_threat() -> None:
    text = ("@Airbnb the 'garden' is where the bins are and the host keeps messaging saying we're too loud (we were "
            "eating cake at 8pm??)")
    assert "threat" not in read(text).urgency
    assert "threat" in read("@Airbnb the host keeps turning up at the door at night and threatening us").urgency


def test_a_family_asleep_on_the_gate_floor_is_stranded() -> None:
    text = ("@united UA1432 ORD-DEN cancelled at 11:40pm. no hotel voucher. I have a 4 and 7 yr old asleep on the "
            "floor at gate C18 right now. what do we do??")
    assert "stranded" in read(text).urgency


def test_the_one_helped_is_not_the_colleague() -> None:
    text = ("@trimet shoutout to the Blue Line MAX operator this morning who waited for the lady with the walker at "
            "Gateway and announced every stop like a sports commentator. made my week honestly")
    assert read(text).details.staff != "the lady"
    assert read("@Tesco the lady on the tills was so rude to my mum").details.staff == "the lady"


def test_substitutions_are_trouble() -> None:
    assert reading_rules._TROUBLE.search("9 substitutions out of 31 items")
